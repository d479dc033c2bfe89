"""Comparison matrices of a basisdeel/profielen dossier, computed from the complete index.

Rows are kerntaken and werkprocessen; equivalent ones across profielen (the same normalised
title under different codes, e.g. "Voert aftersales uit" = P1-K1-W7, P2-K2-W4, ...) share one
row. Basisdeel rows hold the same code for every profiel.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index, normaliseer_titel
from kwalificatiedossiers.model import Dossier, Kerntaak, Profiel


@dataclass(frozen=True)
class Cel:
    """A code in a matrix cell, with the page it links to."""

    code: str
    src: str


@dataclass
class Rij:
    """A row: one kerntaak or werkproces (group) and, per profiel code, its code(s)."""

    soort: Literal["kerntaak", "werkproces"]
    titel: str
    basisdeel: bool
    cellen: dict[str, list[Cel]] = field(default_factory=dict)

    @property
    def codes(self) -> frozenset[str]:
        """All distinct codes in the row."""
        return frozenset(c.code for lijst in self.cellen.values() for c in lijst)


def _cel(dossier: Dossier, code: str) -> Cel:
    return Cel(code, urls.entiteit_src(dossier.id, code))


def matrix_rijen(dossier: Dossier) -> list[Rij]:
    """Kerntaak rows, each followed by its werkproces rows; basisdeel first.

    A profile werkproces group is listed under the kerntaak group where it first occurs (in
    profiel order); its cells still show each profiel's own code.
    """
    profielen = dossier.profielen
    rijen: list[Rij] = []
    for kerntaak in dossier.basisdeel.kerntaken:
        rijen.append(Rij("kerntaak", kerntaak.titel, True,
                         {p.code: [_cel(dossier, kerntaak.code)] for p in profielen}))
        rijen += [
            Rij("werkproces", w.titel, True, {p.code: [_cel(dossier, w.code)] for p in profielen})
            for w in kerntaak.werkprocessen
        ]
    kerntaakrijen: dict[str, Rij] = {}
    werkprocesrijen: dict[str, Rij] = {}
    onder: dict[str, list[Rij]] = {}
    for profiel in profielen:
        for kerntaak in profiel.kerntaken:
            ksleutel = normaliseer_titel(kerntaak.titel)
            if ksleutel not in kerntaakrijen:
                kerntaakrijen[ksleutel] = Rij("kerntaak", kerntaak.titel, False)
                onder[ksleutel] = []
            kerntaakrijen[ksleutel].cellen.setdefault(profiel.code, []).append(
                _cel(dossier, kerntaak.code))
            for werkproces in kerntaak.werkprocessen:
                wsleutel = normaliseer_titel(werkproces.titel)
                if wsleutel not in werkprocesrijen:
                    werkprocesrijen[wsleutel] = Rij("werkproces", werkproces.titel, False)
                    onder[ksleutel].append(werkprocesrijen[wsleutel])
                werkprocesrijen[wsleutel].cellen.setdefault(profiel.code, []).append(
                    _cel(dossier, werkproces.code))
    for ksleutel, rij in kerntaakrijen.items():
        rijen.append(rij)
        rijen += onder[ksleutel]
    return rijen


def groepen(rijen: list[Rij], soort: str) -> list[frozenset[str]]:
    """The code sets of rows of one kind that span more than one code (equivalence groups)."""
    return [r.codes for r in rijen if r.soort == soort and not r.basisdeel and len(r.codes) > 1]


def competentie_tellingen(index: Index, dossier: Dossier) -> dict[str, Counter[str]]:
    """Profiel code → competence code → number of its werkprocessen naming it."""
    return {p.code: index.competentie_telling(dossier, p) for p in dossier.profielen}


def kerntaken_van(dossier: Dossier, profiel: Profiel) -> list[Kerntaak]:
    """The kerntaken that make up a profiel: the basisdeel's and its own."""
    return [*dossier.basisdeel.kerntaken, *profiel.kerntaken]


def vakkennis_rijen(dossier: Dossier) -> list[tuple[str, dict[str, list[Cel]]]]:
    """Vakkennis categories (in order of first appearance) × profiel → kerntaken having it."""
    rijen: dict[str, tuple[str, dict[str, list[Cel]]]] = {}
    for profiel in dossier.profielen:
        for kerntaak in kerntaken_van(dossier, profiel):
            if kerntaak.vakkennis is None:
                continue
            for categorie in kerntaak.vakkennis.categorieen:
                naam = categorie.naam or "(zonder categorie)"
                sleutel = normaliseer_titel(naam)
                rij = rijen.setdefault(sleutel, (naam, {}))
                cellen = rij[1].setdefault(profiel.code, [])
                if all(c.code != kerntaak.code for c in cellen):
                    cellen.append(_cel(dossier, kerntaak.code))
    return list(rijen.values())
