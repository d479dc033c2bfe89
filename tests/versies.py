"""A second version of a real dossier, made by hand-written edits of the kinds SBB makes in a
revision. Only tests use it: no second 2015+ edition of a real dossier is available, and
invented text never goes into ``dossier-data/``."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from kwalificatiedossiers.formaten import dossier_bestanden
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.model import Dossier, Kerntaak, Profiel, Werkproces


def _hernummer_kerntaak(kerntaak: Kerntaak, code: str) -> Kerntaak:
    return kerntaak.model_copy(update={
        "code": code,
        "werkprocessen": [w.model_copy(update={"code": f"{code}-W{i}"})
                          for i, w in enumerate(kerntaak.werkprocessen, 1)],
    })


def _hernummer_profiel(profiel: Profiel, code: str, titel: str | None = None) -> Profiel:
    return profiel.model_copy(update={
        "code": code,
        "titel": titel or profiel.titel,
        "crebo": None,
        "kerntaken": [_hernummer_kerntaak(k, f"{code}-K{i}")
                      for i, k in enumerate(profiel.kerntaken, 1)],
    })


def _werkproces(dossier: Dossier, code: str) -> Werkproces:
    return next(w for k in dossier.alle_kerntaken() for w in k.werkprocessen if w.code == code)


def tweede_versie(commercie: Dossier) -> Dossier:
    """Commercie as a later edition might read, with one change of each kind:

    - P4-K1-W2 renamed ("Stelt een account- en actieplan op");
    - P3-K2-W4 moved to kerntaak P3-K1 (as P3-K1-W6);
    - profiel P8 added (a new profile with the structure of P2);
    - two gedrag items of B1-K1-W1 changed: one reworded, one added;
    - kerntaak P5-K2 removed (P5-K3 keeps its code);
    - profiel P6 renumbered to P7 (its kerntaken and werkprocessen follow).
    """
    profielen = {p.code: p for p in commercie.profielen}

    w = _werkproces(commercie, "B1-K1-W1")
    items = list(w.gedrag.items)
    items[1] = items[1].replace("informatiebronnen", "informatiebronnen en AI-hulpmiddelen")
    items.append("deelt zijn bevindingen met het team;")
    nieuw_w = w.model_copy(update={"gedrag": w.gedrag.model_copy(update={"items": items})})
    b1k1 = commercie.basisdeel.kerntaken[0]
    basisdeel = commercie.basisdeel.model_copy(update={"kerntaken": [
        b1k1.model_copy(update={"werkprocessen": [nieuw_w, *b1k1.werkprocessen[1:]]}),
        *commercie.basisdeel.kerntaken[1:]]})

    p3 = profielen["P3"]
    p3k1, p3k2 = p3.kerntaken
    verhuisd = p3k2.werkprocessen[3].model_copy(update={"code": "P3-K1-W6"})
    p3 = p3.model_copy(update={"kerntaken": [
        p3k1.model_copy(update={"werkprocessen": [*p3k1.werkprocessen, verhuisd]}),
        p3k2.model_copy(update={"werkprocessen": p3k2.werkprocessen[:3]}),
    ]})

    p4 = profielen["P4"]
    p4k1 = p4.kerntaken[0]
    hernoemd = p4k1.werkprocessen[1].model_copy(
        update={"titel": "Stelt een account- en actieplan op"})
    p4 = p4.model_copy(update={"kerntaken": [
        p4k1.model_copy(update={"werkprocessen": [
            p4k1.werkprocessen[0], hernoemd, *p4k1.werkprocessen[2:]]}),
        *p4.kerntaken[1:]]})

    p5 = profielen["P5"]
    p5 = p5.model_copy(update={"kerntaken": [p5.kerntaken[0], p5.kerntaken[2]]})

    return commercie.model_copy(update={
        "versie": "Gewijzigd 2025",
        "geldig_vanaf": dt.date(2025, 8, 1),
        "basisdeel": basisdeel,
        "profielen": [profielen["P1"], profielen["P2"], p3, p4, p5,
                      _hernummer_profiel(profielen["P6"], "P7"),
                      _hernummer_profiel(profielen["P2"], "P8",
                                         "Junior adviseur duurzame arbeidsbemiddeling")],
    })


def data_met_twee_versies(bron: Path, doel: Path) -> Path:
    """A data folder in which Commercie's current version is :func:`tweede_versie` and the
    real, committed text is its older version (``commercie/versies/2023-08-01/``)."""
    doel.mkdir(parents=True)
    shutil.copy(bron / "competenties.yaml", doel / "competenties.yaml")
    commercie = laad_corpus(bron).dossier("commercie")
    assert isinstance(commercie, Dossier)
    shutil.copytree(bron / "commercie", doel / "commercie" / "versies" / "2023-08-01")
    for naam, tekst in dossier_bestanden(tweede_versie(commercie)).items():
        pad = doel / "commercie" / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, "utf-8")
    return doel
