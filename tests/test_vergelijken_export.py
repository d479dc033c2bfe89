"""What the in-browser compare reads from the export of the real site: an index of every
profiel and uitstroom, and per profiel its werkprocessen with their compare rows, in files a
phone loads quickly; the compare page itself stays small and lists nothing of the corpus."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht
from kwalificatiedossiers.model.corpus import Corpus

from conftest import ID_2009
from htmlcontrole import lees

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("echte_site")]


def _json(site: Path, pad: str) -> Any:
    return json.loads((site / pad).read_text("utf-8"))


def _profiel(site: Path, ref: str) -> dict[str, Any]:
    gegevens: dict[str, Any] = _json(site, f"api/profielen/{ref}.json")
    return gegevens


def _pagina_bestaat(site: Path, url: str) -> bool:
    pad, _, anker = url.partition("#")
    return (site / pad / "index.html").exists() and (
        not anker or anker in lees(site / pad / "index.html").ids)


def test_index_noemt_elk_profiel_en_elke_uitstroom(echte_site: Path, echt_corpus: Corpus
                                                   ) -> None:
    index = _json(echte_site, "api/profielen.json")
    gevonden = {(versie["id"], p["code"]): p["ref"] for d in index["dossiers"]
                for versie in d["versies"] for p in versie["profielen"]}
    verwacht = {(d.id, code): f"{d.id}/{code.lower()}" for d in echt_corpus.dossiers
                for code in ([p.code for p in d.profielen] if isinstance(d, Dossier)
                             else [u.code for u in d.uitstromen])}
    assert gevonden == verwacht
    # By name, as the picker lists them, each with its kind and its version.
    namen = [d["naam"] for d in index["dossiers"]]
    assert namen == sorted(namen, key=str.casefold)
    soorten = {d["id"]: d["variant"] for d in index["dossiers"]}
    assert soorten["commercie"] == "profiel"
    assert soorten[ID_2009] == "uitstroom"
    commercie = next(d for d in index["dossiers"] if d["id"] == "commercie")
    assert [(v["slug"], v["huidig"]) for v in commercie["versies"]] == [("2023-08-01", True)]
    for ref in verwacht.values():
        profiel = _profiel(echte_site, ref)
        assert _pagina_bestaat(echte_site, profiel["profiel"]["url"])
        assert profiel["profiel"]["url"] == ref + "/"


def test_profiel_2015_met_basisdeel_en_eigen_werkprocessen(echte_site: Path,
                                                           echt_corpus: Corpus) -> None:
    dossier = echt_corpus.dossier("commercie")
    assert isinstance(dossier, Dossier)
    p4 = next(p for p in dossier.profielen if p.code == "P4")
    data = _profiel(echte_site, "commercie/p4")
    kerntaken = [*dossier.basisdeel.kerntaken, *p4.kerntaken]
    assert [k["code"] for k in data["kerntaken"]] == [k.code for k in kerntaken]
    assert [k["basisdeel"] for k in data["kerntaken"]] == [
        k.code.startswith("B") for k in kerntaken]
    werkprocessen = [w for k in kerntaken for w in k.werkprocessen]
    assert [w["code"] for w in data["werkprocessen"]] == [w.code for w in werkprocessen]
    for w, model in zip(data["werkprocessen"], werkprocessen, strict=True):
        velden = dict(w["velden"])
        assert velden["titel"] == [model.titel]
        assert velden["gedrag"] == model.gedrag.items
        assert all(isinstance(b, str) for b in model.omschrijving)  # paragraphs only
        assert velden["omschrijving"] == model.omschrijving
        # Competences by letter, as the rows name them (and as the counts use them).
        namen = [data["competenties"][c]["naam"] for c in w["competenties"]]
        assert namen == list(dict.fromkeys(model.competenties))
        assert velden["competenties"] == [
            f"{c} {data['competenties'][c]['naam']}" for c in w["competenties"]]
        assert _pagina_bestaat(echte_site, w["url"])
    # What each row is, once for the file: the rows of today's compare pages, in their order.
    assert list(data["veldsoorten"])[:7] == ["titel", "omschrijving", "resultaat",
                                             "gedrag-inleiding", "gedrag", "gedrag-vervolg",
                                             "competenties"]
    assert data["veldsoorten"]["gedrag"] == {"label": "Gedrag", "lijst": True,
                                             "optioneel": False}
    assert data["veldsoorten"]["gedrag-inleiding"]["optioneel"] is True
    # The dossier it comes from, its compare pages with every other profiel.
    assert data["dossier"] | {"versie": None} == {
        "id": "commercie", "titel": "Commercie", "naam": "Commercie (23354)",
        "formaat": "basis-profiel", "versie": None, "slug": "2023-08-01", "huidig": True,
        "url": "commercie/", "vergelijken": "commercie/matrix/", "versies": None}
    assert data["paren"] == {"P1": "commercie/vergelijk/p1-p4/",
                             "P2": "commercie/vergelijk/p2-p4/",
                             "P3": "commercie/vergelijk/p3-p4/",
                             "P5": "commercie/vergelijk/p4-p5/",
                             "P6": "commercie/vergelijk/p4-p6/"}
    assert all(_pagina_bestaat(echte_site, url) for url in data["paren"].values())
    # Vakkennis of all its kerntaken, basisdeel first.
    items = [(c.naam or "", item) for k in kerntaken if k.vakkennis
             for c in k.vakkennis.categorieen for item in c.items]
    assert [tuple(paar) for paar in data["vakkennis"]] == list(dict.fromkeys(items))


def test_aanvulling_van_een_profiel_op_het_basisdeel(echte_site: Path, echt_corpus: Corpus
                                                    ) -> None:
    # Pedagogisch werk adds to basisdeel werkproces B1-K1-W8 for P2 only.
    dossier = echt_corpus.dossier("pedagogisch-werk")
    assert isinstance(dossier, Dossier)
    werkproces = next(w for k in dossier.basisdeel.kerntaken for w in k.werkprocessen
                      if any(a.profiel == "P2" and a.gedrag for a in w.aanvullingen))
    aanvulling = next(a for a in werkproces.aanvullingen if a.profiel == "P2")
    for ref, verwacht in (("pedagogisch-werk/p2", True), ("pedagogisch-werk/p1", False)):
        w = next(w for w in _profiel(echte_site, ref)["werkprocessen"]
                 if w["code"] == werkproces.code)
        gedrag = dict(w["velden"])["aanvulling-gedrag"]
        assert bool(gedrag) is verwacht
        if verwacht:
            assert set(gedrag) <= {i for b in aanvulling.gedrag for i in getattr(b, "lijst", [b])}


def test_uitstroom_2009_met_zijn_uitwerking(echte_site: Path,
                                            dossier_2009: DossierCompetentiegericht) -> None:
    u4 = next(u for u in dossier_2009.uitstromen if u.code == "U4")
    data = _profiel(echte_site, f"{ID_2009}/u4")
    assert data["profiel"]["soort"] == "uitstroom"
    uitwerking = [w for k in u4.uitwerking for w in k.werkprocessen]
    assert [w["code"] for w in data["werkprocessen"]] == sorted(
        (w.werkproces for w in uitwerking), key=lambda c: tuple(map(int, c.split("."))))
    per_code = {w.werkproces: w for w in uitwerking}
    for w in data["werkprocessen"]:
        model = per_code[w["code"]]
        velden = dict(w["velden"])
        assert data["veldsoorten"]["resultaat"]["label"] == "Gewenst resultaat"
        assert "gedrag" not in velden  # the 2009 format has none: never compared
        assert w["url"] == f"{ID_2009}/{w['code'].replace('.', '-')}/#u4"
        assert _pagina_bestaat(echte_site, w["url"])
        for c in model.competenties:
            code = next(k for k, v in data["competenties"].items() if v["naam"] == c.competentie)
            assert velden[f"competentie-{code}-componenten"] == c.componenten
    assert data["paren"]["U1"] == f"{ID_2009}/vergelijk/u1-u4/"


def test_klein_genoeg_voor_een_telefoon(echte_site: Path) -> None:
    bestanden = sorted((echte_site / "api/profielen").rglob("*.json"))
    assert len(bestanden) == 16
    gzip_kb = {p.name: len(gzip.compress(p.read_bytes())) / 1000 for p in bestanden}
    # Two of these make a compare (GitHub Pages serves them compressed).
    assert max(gzip_kb.values()) < 20, gzip_kb
    index = (echte_site / "api/profielen.json").read_bytes()
    assert len(gzip.compress(index)) < 2000
    # The page lists nothing of the corpus: the picker fetches the index.
    pagina = (echte_site / "vergelijken/index.html").read_text("utf-8")
    assert len(pagina) < 30_000
    assert "Junior accountmanager" not in pagina
    assert "Pedagogisch" not in pagina
