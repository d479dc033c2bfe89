"""Code headings in the body: real headings, running page headers and lost headings.

A line that reads like a code heading (``B1-K1: Onderzoekt de customer journey``) of a code the
overview lists is a real heading the first time and a running page header every later time:
the PDF repeats the current heading at the top of each page. Running headers are dropped, and
the piece after one is marked so that a paragraph the page break interrupted is joined again.

Some headings were lost by the extraction: their section starts with a field label that cannot
belong to the section before ("Omschrijving" when the current werkproces already has one,
"Complexiteit" inside a werkproces). Such a section gets the next code the overview expects,
and the inference is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossierimport.tekst.overzicht import Overzicht
from dossierimport.tekst.stukken import Stuk, codekop


@dataclass(frozen=True)
class Afgeleid:
    """A heading the importer placed from the overview."""

    code: str
    titel: str
    regel: int
    label: str
    """The field label that showed a new section starts (``Omschrijving``, ``Complexiteit``)."""


@dataclass
class Koppen:
    """The body with its code headings resolved."""

    stukken: list[Stuk] = field(default_factory=list)
    afgeleid: list[Afgeleid] = field(default_factory=list)
    paginakoppen: list[int] = field(default_factory=list)
    """Source lines of the running headers that were dropped."""
    afwijkende_titels: list[str] = field(default_factory=list)
    """Headings whose title differs from the overview's."""


@dataclass
class _Stand:
    """Where the walk through the body is."""

    overzicht: Overzicht
    geopend: set[str] = field(default_factory=set)
    laatste: str = ""
    """The code of the last heading (real or inferred)."""
    labels: set[str] = field(default_factory=set)
    """Field labels seen since that heading."""

    def open(self, code: str) -> None:
        self.geopend.add(code)
        self.laatste = code
        self.labels = set()

    def volgende(self, boven: str) -> str | None:
        """The first code below ``boven`` that the overview lists and the body has not had."""
        return next((c for c in self.overzicht.onder(boven) if c not in self.geopend), None)

    def verloren_kop(self, label: str) -> str | None:
        """The code of the section a label starts, when it cannot belong to the current one."""
        if not self.laatste:
            return None
        niveau = self.laatste.count("-")
        herhaald = label in self.labels
        if label == "Omschrijving" and (niveau == 1 or (niveau == 2 and herhaald)):
            return self.volgende("-".join(self.laatste.split("-")[:2]))
        if label == "Complexiteit" and (niveau != 1 or herhaald):
            return self.volgende(self.laatste.split("-")[0])
        return None


def los_koppen_op(stukken: list[Stuk], overzicht: Overzicht) -> Koppen:
    """Mark real code headings, drop running headers, insert the lost headings."""
    uit = Koppen()
    stand = _Stand(overzicht)
    na_paginakop = False
    for stuk in stukken:
        kop = codekop(stuk.tekst) if stuk.soort != "item" else None
        if kop is not None and kop[0] in overzicht.titels:
            code, titel = kop
            if code in stand.geopend:
                uit.paginakoppen.append(stuk.regel)
                na_paginakop = True
                continue
            if titel != overzicht.titels[code]:
                uit.afwijkende_titels.append(
                    f"{code} (regel {stuk.regel}): kop {titel!r}, overzicht "
                    f"{overzicht.titels[code]!r}"
                )
            stand.open(code)
            uit.stukken.append(stuk.met(soort="kop", code=code, tekst=titel))
            na_paginakop = False
            continue
        if stuk.soort != "item" and stuk.tekst in ("Omschrijving", "Complexiteit"):
            verloren = stand.verloren_kop(stuk.tekst)
            if verloren is not None:
                titel = overzicht.titels[verloren]
                uit.afgeleid.append(Afgeleid(verloren, titel, stuk.regel, stuk.tekst))
                uit.stukken.append(Stuk(titel, stuk.regel, "kop", code=verloren, afgeleid=True))
                stand.open(verloren)
            stand.labels.add(stuk.tekst)
        uit.stukken.append(stuk.met(vervolg=True, witregel_voor=False) if na_paginakop else stuk)
        na_paginakop = False
    return uit
