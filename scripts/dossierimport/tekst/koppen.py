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

import re
from dataclasses import dataclass, field

from dossierimport.tekst.herstel import Melding
from dossierimport.tekst.overzicht import Overzicht, lijkt_op
from dossierimport.tekst.stukken import Stuk, codekop

_RUIS = re.compile(r"^[^A-Za-z0-9]+|[\s|.,_~'‘’]+$")
_OCR_CODE = re.compile(r"^(?P<code>[BP][0-9lI]{1,2}(?:-[Kk][0-9lI]{1,2}(?:-[Ww][0-9lI]{1,2})?)?)"
                       r"\s*[:;]?\s*(?P<titel>\S.*)$")

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
    meldingen: list[Melding] = field(default_factory=list)
    """Headings read through OCR noise, and how a lost profiel heading was placed."""


@dataclass
class _Stand:
    """Where the walk through the body is."""

    overzicht: Overzicht
    profiel_na_profieldeel: tuple[str, str] | None = None
    """The profiel a section that starts at "Mbo-niveau" without a heading is, and why."""
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
            # The first kerntaak of the basisdeel lost its heading: nothing is open yet.
            eerste = next(iter(self.overzicht.titels), "")
            return self.volgende(eerste.split("-")[0]) if label == "Complexiteit" else None
        niveau = self.laatste.count("-")
        herhaald = label in self.labels
        if label == "Omschrijving" and (niveau == 1 or (niveau == 2 and herhaald)):
            return self.volgende("-".join(self.laatste.split("-")[:2]))
        if label == "Complexiteit" and (niveau != 1 or herhaald):
            return self.volgende(self.laatste.split("-")[0])
        return None

    def verloren_profiel(self) -> str | None:
        """The profiel a "Mbo-niveau" label opens when no profiel heading came before it."""
        if self.laatste.startswith("P") and "-" not in self.laatste and \
                "Mbo-niveau" not in self.labels:
            return None
        if self.laatste.startswith("P"):
            return next((p for p in self.overzicht.profielen() if p not in self.geopend), None)
        return self.profiel_na_profieldeel[0] if self.profiel_na_profieldeel else None


def lees_codekop(tekst: str, overzicht: Overzicht) -> tuple[str, str] | None:
    """A code heading, also through OCR noise (``‘B1-K1:Onderzoekt … |``, ``P2-K1-w3``):
    the code must be one of the overview and the title must be its title, read again."""
    kop = codekop(tekst)
    if kop is not None and kop[0] in overzicht.titels:
        return kop
    schoon = _RUIS.sub("", tekst)
    treffer = _OCR_CODE.match(schoon)
    if treffer is None:
        return None
    code = treffer["code"].upper().replace("L", "1").replace("I", "1")
    titel = treffer["titel"].strip()
    if code not in overzicht.titels or not lijkt_op(titel, overzicht.titels[code]):
        return None
    return code, titel


def _profiel_na_profieldeel(stukken: list[Stuk], overzicht: Overzicht
                            ) -> tuple[str, str] | None:
    """Which profiel the profieldeel holds when its heading is lost, and the evidence."""
    for stuk in stukken:
        kop = lees_codekop(stuk.tekst, overzicht) if stuk.soort != "item" else None
        if kop is not None and kop[0].startswith("P"):
            profiel = kop[0].split("-")[0]
            return profiel, (f"de eerste code van een profiel in de tekst is {kop[0]} "
                             f"(regel {stuk.regel})")
    if len(overzicht.rijen) == 1:
        rij = overzicht.rijen[0]
        codes = [p for p in overzicht.profielen() if lijkt_op(overzicht.titels[p], rij.titel)]
        if len(codes) == 1:
            return codes[0], f"de tabel van profielen noemt alleen {rij.titel!r}"
    profielen = overzicht.profielen()
    if len(profielen) == 1:
        return profielen[0], "het overzicht noemt alleen dit profiel"
    return None


def los_koppen_op(stukken: list[Stuk], overzicht: Overzicht) -> Koppen:
    """Mark real code headings, drop running headers, insert the lost headings."""
    uit = Koppen()
    stand = _Stand(overzicht, _profiel_na_profieldeel(stukken, overzicht))
    na_paginakop = False
    for stuk in stukken:
        kop = lees_codekop(stuk.tekst, overzicht) if stuk.soort != "item" else None
        if kop is not None:
            code, titel = kop
            if stuk.tekst not in (f"{code}: {overzicht.titels[code]}",
                                  f"{code} {overzicht.titels[code]}") and codekop(
                    stuk.tekst) != (code, titel):
                uit.meldingen.append(Melding(stuk.regel, f"kop {stuk.tekst!r} door OCR-ruis "
                                             f"heen gelezen als {code}"))
            elif code in stand.geopend and titel != overzicht.titels[code]:
                uit.meldingen.append(Melding(stuk.regel, f"paginakop {stuk.tekst!r} met "
                                             "OCR-ruis weggelaten"))
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
        if stuk.soort != "item" and stuk.tekst == "Mbo-niveau":
            profiel = stand.verloren_profiel()
            if profiel is not None:
                titel = overzicht.titels[profiel]
                uit.afgeleid.append(Afgeleid(profiel, titel, stuk.regel, stuk.tekst))
                uit.stukken.append(Stuk(titel, stuk.regel, "kop", code=profiel, afgeleid=True))
                if stand.profiel_na_profieldeel and profiel == stand.profiel_na_profieldeel[0]:
                    uit.meldingen.append(Melding(
                        stuk.regel, f"het profiel zonder kop is {profiel}: "
                        f"{stand.profiel_na_profieldeel[1]}"))
                stand.open(profiel)
            stand.labels.add(stuk.tekst)
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
