"""A strict build of the real data: every link resolves, every entity and pair has its page,
the export lists every werkproces, per-profiel additions appear where they belong."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.model.corpus import Corpus

from htmlcontrole import html_paginas, kapotte_links, lees

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("echte_site")]


def test_alle_interne_links_en_ankers_bestaan(echte_site: Path) -> None:
    paginas = html_paginas(echte_site)
    assert len(paginas) > 200
    assert kapotte_links(echte_site, paginas) == []


def test_vergelijkpagina_voor_elk_paar_profielen(echte_site: Path, echt_corpus: Corpus
                                                 ) -> None:
    ontbrekend = []
    aantal = 0
    for dossier in echt_corpus.dossiers:
        if not isinstance(dossier, Dossier):
            continue
        for a, b in combinations([p.code.lower() for p in dossier.profielen], 2):
            aantal += 1
            pad = echte_site / dossier.id / "vergelijk" / f"{a}-{b}" / "index.html"
            if not pad.exists():
                ontbrekend.append(pad)
    assert ontbrekend == []
    assert aantal >= 15  # Commercie alone has 6 profielen: 15 pairs


def test_export_noemt_elk_werkproces_met_een_bestaande_url(echte_site: Path) -> None:
    lijst = json.loads((echte_site / "api/dossiers.json").read_text("utf-8"))["dossiers"]
    assert {d["id"] for d in lijst} >= {"commercie", "pedagogisch-werk", "dienstverlening"}
    for item in lijst:
        data = json.loads((echte_site / item["json"]).read_text("utf-8"))
        assert (echte_site / item["url"] / "index.html").exists()
        if data["formaat"] != "basis-profiel":
            continue
        kerntaken = data["basisdeel"]["kerntaken"] + [
            k for p in data["profielen"] for k in p["kerntaken"]]
        werkprocessen = [w for k in kerntaken for w in k["werkprocessen"]]
        assert werkprocessen
        for entiteit in [*data["profielen"], *kerntaken, *werkprocessen]:
            assert entiteit["code"]
            assert entiteit["titel"]
            assert (echte_site / entiteit["url"] / "index.html").exists(), entiteit["url"]
    commercie = json.loads((echte_site / "api/commercie.json").read_text("utf-8"))
    assert sum(len(k["werkprocessen"]) for k in commercie["basisdeel"]["kerntaken"]
               + [k for p in commercie["profielen"] for k in p["kerntaken"]]) == 77


def _sectie(tekst: str, van: str, tot: str) -> str:
    begin = tekst.index(van)
    return tekst[begin:tekst.index(tot, begin)]


def test_aanvulling_per_profiel_staat_bij_het_juiste_onderdeel(echte_site: Path) -> None:
    werkproces = lees(echte_site / "pedagogisch-werk/b1-k1-w8/index.html").body_tekst
    omschrijving = _sectie(werkproces, "Omschrijving", "Resultaat")
    assert "Aanvulling voor P2 Gespecialiseerd pedagogisch medewerker" in omschrijving
    assert "De gespecialiseerd medewerker bespreekt de gegevens uit de evaluatie" in omschrijving
    gedrag = _sectie(werkproces, "Gedrag", "Competenties")
    assert "beoordeelt ‘conclusies’ op relevantie en prioriteit" in gedrag
    kerntaak = lees(echte_site / "pedagogisch-werk/b1-k1/index.html").body_tekst
    complexiteit = _sectie(kerntaak, "Complexiteit", "Verantwoordelijkheid en zelfstandigheid")
    assert "Aanvulling voor P3 Onderwijsassistent" in complexiteit
    assert "De onderwijsassistent beschikt over vaardigheden" in complexiteit


def test_afwijkingen_tussen_bronnen_staan_op_de_bronpagina(echte_site: Path) -> None:
    # Provenance moved from the dossier page to a page of its own (issue 12); the dossier page
    # points at it, and its old anchors stay (they lead to the same sections there).
    pagina = lees(echte_site / "commercie/bron/index.html").tekst
    bron = _sectie(pagina, "Bestand Vorm Gebruikt voor sha256", "Verschillen tussen bronnen")
    assert "000_f0e80c13ce8160ef.txt" in bron
    assert "001_f27c3d4b20c6b5e1.txt" in bron
    verschillen = pagina.split("Onderdeel Veld Deze site Andere bron")[1]
    assert "marktbewerking" in verschillen
    assert "marktwerking" in verschillen
    dossier = lees(echte_site / "commercie/index.html")
    assert {"bron", "verschillen", "afgeleid"} <= dossier.ids
    assert "bron/#verschillen" in dossier.links
    assert "000_f0e80c13ce8160ef.txt" not in dossier.tekst


@pytest.mark.parametrize(("vast", "doel"), [
    ("commercie/2023-08-01/p4-k1-w2", "../../p4-k1-w2/"),
    ("commercie/2023-08-01", "../"),
    ("pedagogisch-werk/2015-08-01/p1", "../../p1/"),
    ("commercieel-medewerker-2009/cohort-2009-2010/2-3", "../../2-3/"),
])
def test_vastgepind_adres_van_de_huidige_versie(echte_site: Path, vast: str, doel: str) -> None:
    # The version a teacher taught, citable today: it leads to the current page while this
    # version is the current one.
    html = (echte_site / vast / "index.html").read_text("utf-8")
    assert f'<meta http-equiv="refresh" content="0; url={doel}">' in html
    assert f'<link rel="canonical" href="{doel}">' in html
