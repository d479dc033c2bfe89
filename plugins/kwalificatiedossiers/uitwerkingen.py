"""The structure of a competentiegericht dossier, derived once from its data.

Such a dossier states per uitstroom which werkprocessen it performs and how (deel C, the
*uitwerking*), and separately prints an overview werkproces × uitstroom (deel B 3) and a
proces-competentie-matrix per uitstroom and kerntaak. The site reads membership and competences
from the uitwerking; where the source's own tables disagree with it, :func:`matrixverschillen`
and :meth:`Uitwerkingen.overzichtverschillen` say so (reported, never repaired).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from kwalificatiedossiers.model.competentiegericht import (
    DossierCompetentiegericht,
    KerntaakCompetentiegericht,
    KerntaakUitwerking,
    MatrixRij,
    Uitstroom,
    WerkprocesCompetentiegericht,
    WerkprocesUitwerking,
)


def kerntaakcode(nummer: int) -> str:
    """The code under which kerntaak ``nummer`` is an entity (page, macro, export): ``K1``."""
    return f"K{nummer}"


@dataclass(frozen=True)
class Uitvoering:
    """A werkproces as one uitstroom performs it."""

    uitstroom: Uitstroom
    kerntaak: KerntaakUitwerking
    uitwerking: WerkprocesUitwerking


@dataclass(frozen=True)
class Matrixverschil:
    """Where the marks of a proces-competentie-matrix and the uitwerking in deel C differ."""

    uitstroom: str
    werkproces: str
    alleen_matrix: tuple[str, ...]
    """Competence codes marked in the matrix that deel C does not work out."""
    alleen_deel_c: tuple[str, ...]
    """Competence codes deel C works out that the matrix does not mark."""


def matrixverschillen(uitstroom: Uitstroom, code_van: Mapping[str, str]) -> list[Matrixverschil]:
    """Per werkproces of every matrix of the uitstroom: marks without uitwerking and uitwerking
    without mark (competence codes; ``code_van`` maps a competence name to its code, ``?`` for
    an unknown name). Kerntaken without a matrix are not compared."""
    verschillen = []
    for kerntaak in uitstroom.uitwerking:
        if kerntaak.matrix is None:
            continue
        uitgewerkt = {w.werkproces: {code_van.get(c.competentie, "?") for c in w.competenties}
                      for w in kerntaak.werkprocessen}
        rijen: dict[str, MatrixRij] = {r.werkproces: r for r in kerntaak.matrix}
        for werkproces in sorted({*rijen, *uitgewerkt}):
            gekruist = set(rijen[werkproces].competenties) if werkproces in rijen else set()
            deel_c = uitgewerkt.get(werkproces, set())
            if gekruist != deel_c:
                verschillen.append(Matrixverschil(
                    uitstroom.code, werkproces, tuple(sorted(gekruist - deel_c)),
                    tuple(sorted(deel_c - gekruist))))
    return verschillen


class Uitwerkingen:
    """Lookups over one competentiegericht dossier: which uitstroom performs which werkproces,
    with what, and which competences it draws on."""

    def __init__(self, dossier: DossierCompetentiegericht, code_van: Mapping[str, str]) -> None:
        self.dossier = dossier
        self._code_van = code_van
        self.kerntaken: dict[str, KerntaakCompetentiegericht] = {
            kerntaakcode(k.nummer): k for k in dossier.kerntaken
        }
        """Kerntaak code (``K1``) → kerntaak, in order."""
        self.werkprocessen: dict[str, tuple[KerntaakCompetentiegericht,
                                            WerkprocesCompetentiegericht]] = {
            w.code: (k, w) for k in dossier.kerntaken for w in k.werkprocessen
        }
        """Werkproces code (``1.1``) → its kerntaak and itself, in order."""
        self._uitvoeringen: dict[str, list[Uitvoering]] = {code: [] for code in self.werkprocessen}
        for uitstroom in dossier.uitstromen:
            for kerntaak in uitstroom.uitwerking:
                for uitwerking in kerntaak.werkprocessen:
                    self._uitvoeringen[uitwerking.werkproces].append(
                        Uitvoering(uitstroom, kerntaak, uitwerking))

    def uitvoeringen(self, werkproces: str) -> list[Uitvoering]:
        """The uitstromen that perform a werkproces, with their uitwerking, in uitstroom order."""
        return self._uitvoeringen[werkproces]

    def uitstromen_van(self, werkproces: str) -> list[Uitstroom]:
        """The uitstromen that perform a werkproces."""
        return [u.uitstroom for u in self._uitvoeringen[werkproces]]

    def uitstromen_van_kerntaak(self, kerntaak: KerntaakCompetentiegericht) -> list[Uitstroom]:
        """The uitstromen that perform at least one werkproces of a kerntaak."""
        codes = {u.code for w in kerntaak.werkprocessen for u in self.uitstromen_van(w.code)}
        return [u for u in self.dossier.uitstromen if u.code in codes]

    def werkprocessen_van(self, uitstroom: Uitstroom,
                          kerntaak: KerntaakCompetentiegericht | None = None) -> list[Uitvoering]:
        """What an uitstroom performs (of one kerntaak, or of all), in werkproces order."""
        return [
            uitvoering
            for k, w in self.werkprocessen.values() if kerntaak is None or k is kerntaak
            for uitvoering in self._uitvoeringen[w.code] if uitvoering.uitstroom is uitstroom
        ]

    def kerntaakuitwerking(self, uitstroom: Uitstroom, kerntaak: KerntaakCompetentiegericht
                           ) -> KerntaakUitwerking | None:
        """An uitstroom's part of deel C for one kerntaak, if it has one."""
        return next((k for k in uitstroom.uitwerking if k.kerntaak == kerntaak.nummer), None)

    def lidmaatschap(self) -> dict[str, list[str]]:
        """Werkproces code → codes of the uitstromen that work it out in deel C."""
        return {code: [u.uitstroom.code for u in lijst]
                for code, lijst in self._uitvoeringen.items()}

    def overzichtverschillen(self) -> list[str]:
        """Where the source's overview (deel B 3) and deel C disagree on membership, one
        sentence per werkproces (empty when they agree, as in Commercieel medewerker)."""
        overzicht = {r.werkproces: r.uitstromen
                     for r in self.dossier.deel_b.overzicht.werkprocessen}
        verschillen = []
        for code, berekend in self.lidmaatschap().items():
            volgens_bron = overzicht.get(code, [])
            if set(volgens_bron) != set(berekend):
                verschillen.append(
                    f"werkproces {code}: het overzicht kruist "
                    f"{', '.join(volgens_bron) or 'geen uitstroom'} aan, deel C werkt het uit "
                    f"voor {', '.join(berekend) or 'geen uitstroom'}")
        return verschillen

    def competentie_codes(self, uitwerking: WerkprocesUitwerking) -> list[str]:
        """The codes of the competences an uitwerking names, in its order."""
        return [self._code_van[c.competentie] for c in uitwerking.competenties]

    def competentie_telling(self, uitstroom: Uitstroom) -> Counter[str]:
        """Competence code → number of the uitstroom's werkprocessen whose uitwerking names it."""
        telling: Counter[str] = Counter()
        for uitvoering in self.werkprocessen_van(uitstroom):
            telling.update(set(self.competentie_codes(uitvoering.uitwerking)))
        return telling

    def matrixverschillen(self, uitstroom: Uitstroom) -> list[Matrixverschil]:
        """Where the uitstroom's proces-competentie-matrices and deel C disagree."""
        return matrixverschillen(uitstroom, self._code_van)
