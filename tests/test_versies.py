"""Versions of a dossier on a built site: the current version at its own addresses, every
version at a pinned one, older versions with a banner to the current page, change badges, the
change page and the export of the changes.

The data: Commercie as a later edition (``tests/versies.py``: one change of each kind) is the
current version, the committed text its older version ``2023-08-01``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.versieverschil import Wijziging

from conftest import DATA, bouw_ok
from htmlcontrole import kapotte_links, lees
from versies import data_met_twee_versies

pytestmark = pytest.mark.build

OUD, NIEUW = "2023-08-01", "2025-08-01"
WIJZIGINGEN = f"commercie/versies/{OUD}-naar-{NIEUW}"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return data_met_twee_versies(DATA, tmp_path_factory.mktemp("versies") / "data")


@pytest.fixture(scope="module")
def site(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bouw_ok(tmp_path_factory.mktemp("versiesite"), data)


@pytest.fixture(scope="module")
def index(data: Path) -> Index:
    return Index(laad_corpus(data))


@pytest.fixture(scope="module")
def wijzigingen(index: Index) -> dict[str, Wijziging]:
    oud, nieuw = index.corpus.versies_van("commercie")
    return {w.code: w for w in index.wijzigingen(oud, nieuw)}


def _codes(index: Index, dossier_id: str) -> list[str]:
    return [code for (d, code), _ in index.entiteiten.items() if d == dossier_id and code]


def _pagina(site: Path, pad: str) -> str:
    return (site / pad / "index.html").read_text("utf-8")


def test_de_huidige_versie_op_haar_eigen_en_op_haar_vastgepinde_adressen(
    site: Path, index: Index,
) -> None:
    codes = _codes(index, "commercie")
    assert "P8-K1-W1" in codes
    for code in codes:
        slug = urls.code_slug(code)
        assert 'class="kd-versiebanier"' not in _pagina(site, f"commercie/{slug}")
        vast = _pagina(site, f"commercie/{NIEUW}/{slug}")
        assert f'url=../../{slug}/"' in vast, code
    assert 'url=../"' in _pagina(site, f"commercie/{NIEUW}")


def test_elke_oudere_pagina_bestaat_en_wijst_naar_de_huidige(
    site: Path, index: Index, wijzigingen: dict[str, Wijziging],
) -> None:
    oude_codes = _codes(index, f"commercie/{OUD}")
    assert len(oude_codes) > 90
    naar_nieuw = {w.oud.code: w for w in wijzigingen.values() if w.oud is not None}
    for code in oude_codes:
        html = _pagina(site, f"commercie/{OUD}/{urls.code_slug(code)}")
        banier = re.search(r'<div class="kd-versiebanier".*?</div>', html, re.S)
        assert banier, code
        w = naar_nieuw[code]
        if w.nieuw is None:  # removed: to the dossier, saying so
            assert 'href="../../"' in banier.group(), code
            assert f"{code} komt in de huidige versie niet meer voor" in banier.group()
        else:
            assert f'href="../../{urls.code_slug(w.code)}/"' in banier.group(), code


def test_hernummerd_en_verplaatst_vinden_hun_nieuwe_code(site: Path) -> None:
    assert 'href="../../p7-k1-w1/"' in _pagina(site, f"commercie/{OUD}/p6-k1-w1")
    assert 'href="../../p3-k1-w6/"' in _pagina(site, f"commercie/{OUD}/p3-k2-w4")


@pytest.mark.parametrize(("code", "badge", "tekst"), [
    ("P4-K1-W2", "klein", "hernoemd"),
    ("P3-K1-W6", "groot", "verplaatst (was P3-K2-W4)"),
    ("P7", "klein", "hernummerd (was P6)"),
    ("P8-K2-W1", "nieuw", ""),
    ("B1-K1-W1", "klein", "gewijzigd"),
    ("B1-K1-W2", "ongewijzigd", ""),
])
def test_wijzigingsbadge_linkt_naar_de_wijzigingspagina(
    site: Path, code: str, badge: str, tekst: str,
) -> None:
    html = _pagina(site, f"commercie/{urls.code_slug(code)}")
    alinea = re.search(r'<p><span class="kd-wijziging kd-wijziging--(\w+)">.*?</p>', html, re.S)
    assert alinea, code
    assert alinea.group(1) == badge
    assert tekst in alinea.group()
    if badge == "ongewijzigd":  # nothing to show on the change page: to its top
        assert f'href="../versies/{OUD}-naar-{NIEUW}/"' in alinea.group()
        assert urls.code_slug(code) not in lees(site / WIJZIGINGEN / "index.html").ids
    else:
        assert f'href="../versies/{OUD}-naar-{NIEUW}/#{urls.code_slug(code)}"' in alinea.group()
        assert urls.code_slug(code) in lees(site / WIJZIGINGEN / "index.html").ids


def test_de_oudste_versie_heeft_geen_badge(site: Path) -> None:
    assert "kd-wijziging" not in _pagina(site, f"commercie/{OUD}/p4-k1-w2")


def test_wijzigingspagina_toont_de_woorden(site: Path) -> None:
    html = _pagina(site, WIJZIGINGEN)
    stuk = html[html.index('id="b1-k1-w1"'):]
    stuk = stuk[:stuk.index("<h3")]
    assert "en AI-hulpmiddelen</ins>" in stuk
    assert "deelt zijn bevindingen met het team;</ins>" in stuk
    stuk = html[html.index('id="p4-k1-w2"'):]
    assert "<del>" in stuk[:stuk.index("<h3")]
    assert 'id="p5-k2"' in html  # the removed kerntaak, under its old code
    assert kapotte_links(site) == []


def test_versieoverzicht(site: Path) -> None:
    overzicht = lees(site / "commercie/versies/index.html")
    assert f"../{OUD}/" in overzicht.links
    assert "./" in overzicht.links or "../" in overzicht.links
    assert f"{OUD}-naar-{NIEUW}/" in overzicht.links


def test_export_van_de_wijzigingen(site: Path, wijzigingen: dict[str, Wijziging]) -> None:
    pad = site / "api" / WIJZIGINGEN.replace("commercie/", "commercie/", 1)
    data = json.loads(pad.with_suffix(".json").read_text("utf-8"))
    assert (data["van"]["versie"], data["naar"]["versie"]) == ("Gewijzigd 2023", "Gewijzigd 2025")
    assert data["naar"]["huidig"] is True
    assert {r["code"]: r["aard"] for r in data["wijzigingen"]} == {
        code: list(w.aard) for code, w in wijzigingen.items()}
    rijen = list(csv.DictReader(io.StringIO(pad.with_suffix(".csv").read_text("utf-8"))))
    assert [(r["code"], r["oude_code"], r["aard"], r["omvang"]) for r in rijen] == [
        (r["code"], r["oude_code"] or "", "+".join(r["aard"]), r["omvang"])
        for r in data["wijzigingen"]]
    lijst = json.loads((site / "api/versies.json").read_text("utf-8"))["dossiers"]
    assert [(v["id"], v["huidig"]) for v in lijst[0]["versies"]] == [
        (f"commercie/{OUD}", False), ("commercie", True)]
    assert (site / "api" / "commercie" / f"{OUD}.json").is_file()


def test_vergelijkdata_van_elke_versie(site: Path) -> None:
    # The in-browser compare picks a profiel of any version: the index lists both versions
    # with their profielen (P8 only in the new one, P6 only in the old), each with its file.
    index = json.loads((site / "api/profielen.json").read_text("utf-8"))["dossiers"]
    versies = {v["id"]: v for v in index[0]["versies"]}
    assert [(v, versies[v]["slug"], versies[v]["huidig"]) for v in versies] == [
        (f"commercie/{OUD}", OUD, False), ("commercie", NIEUW, True)]
    assert "P8" in [p["code"] for p in versies["commercie"]["profielen"]]
    assert "P6" in [p["code"] for p in versies[f"commercie/{OUD}"]["profielen"]]
    oud = json.loads((site / f"api/profielen/commercie/{OUD}/p4.json").read_text("utf-8"))
    nieuw = json.loads((site / "api/profielen/commercie/p4.json").read_text("utf-8"))
    assert (oud["dossier"]["huidig"], nieuw["dossier"]["huidig"]) == (False, True)
    assert oud["dossier"]["versies"] == nieuw["dossier"]["versies"] == "commercie/versies/"
    assert oud["profiel"]["url"] == f"commercie/{OUD}/p4/"
    # The renamed werkproces is there under its old title in the old version.
    titel = {d["dossier"]["huidig"]: w["titel"] for d in (oud, nieuw)
             for w in d["werkprocessen"] if w["code"] == "P4-K1-W2"}
    assert titel[True] == "Stelt een account- en actieplan op"
    assert titel[False] != titel[True]
    assert all((site / w["url"].partition("#")[0] / "index.html").is_file()
               for w in oud["werkprocessen"])
