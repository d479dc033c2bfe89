"""From blocks to the dossier: sections by code heading, fields by label, then the model.

The body is walked once: a code heading opens a section (profiel, kerntaak, werkproces), a
field label opens a field of that section, every other block goes into the open field. A block
that has no place (a label the section does not have, a field that occurs twice, text outside
any section) is kept in ``niet_geplaatst`` with its source line, never dropped silently. Then
each section is turned into its model object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from dossierimport.fouten import ImportFout
from dossierimport.tekst.alineas import LABELS
from dossierimport.tekst.overzicht import Overzicht
from dossierimport.tekst.stukken import Stuk
from kwalificatiedossiers.model import (
    Gedrag,
    Kerntaak,
    Kop,
    Lijst,
    Onderdeel,
    Profiel,
    TyperingBeroepengroep,
    Vakkennis,
    VakkennisCategorie,
    Werkproces,
)
from kwalificatiedossiers.model.tekst import Blok

M = TypeVar("M", bound=BaseModel)

COMPETENTIES_INLEIDING = "De onderliggende competenties zijn:"

TYPERING = "typering"
GENERIEK = "generiek"

_STRUCTUUR = frozenset({"Basisdeel", "1. Beroepsspecifieke onderdelen", "Profieldeel"})
_NAAR_SECTIE = {
    "Typering van de beroepengroep": TYPERING,
    "Typering van de beroepsgroep": TYPERING,
    "2. Generieke onderdelen": GENERIEK,
}
_VELDEN: dict[str, dict[str, str]] = {
    TYPERING: {
        "Context": "context",
        "Typerende beroepshouding": "beroepshouding",
        "Resultaat van de beroepengroep": "resultaat",
        "Resultaat van de beroepsgroep": "resultaat",
    },
    "profiel": {
        "Mbo-niveau": "niveau",
        "Typering van het beroep": "typering_beroep",
        "Beroepsvereisten": "beroepsvereisten",
    },
    "kerntaak": {
        "Complexiteit": "complexiteit",
        "Verantwoordelijkheid en zelfstandigheid": "verantwoordelijkheid",
        "Vakkennis en vaardigheden": "vakkennis",
    },
    "werkproces": {"Omschrijving": "omschrijving", "Resultaat": "resultaat", "Gedrag": "gedrag"},
    GENERIEK: {},
}


@dataclass
class Sectie:
    """A section of the body: a code heading (or a named part) with its fields."""

    sleutel: str
    """The code, or ``typering`` / ``generiek``."""
    titel: str
    regel: int
    afgeleid: bool = False
    velden: dict[str, list[Stuk]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    """Field → its label as the source prints it (sources differ: beroepengroep/beroepsgroep)."""

    @property
    def soort(self) -> str:
        """``profiel``, ``kerntaak``, ``werkproces`` or the name of a part."""
        if self.sleutel in (TYPERING, GENERIEK):
            return self.sleutel
        return ("profiel", "kerntaak", "werkproces")[self.sleutel.count("-")]


@dataclass
class Indeling:
    """The body divided into sections."""

    secties: dict[str, Sectie] = field(default_factory=dict)
    niet_geplaatst: list[Stuk] = field(default_factory=list)


def deel_in(blokken: list[Stuk]) -> Indeling:
    """Divide the body's blocks into sections and fields."""
    indeling = Indeling()
    sectie: Sectie | None = None
    veld: str | None = None
    for blok in blokken:
        if blok.soort == "kop" and blok.code:
            sectie = Sectie(blok.code, blok.tekst, blok.regel, blok.afgeleid)
            indeling.secties[blok.code] = sectie
            veld = ""
            continue
        if blok.soort == "tussenkop" and blok.tekst in _STRUCTUUR:
            sectie, veld = None, None
            continue
        if blok.soort == "tussenkop" and blok.tekst in _NAAR_SECTIE:
            sectie = Sectie(_NAAR_SECTIE[blok.tekst], blok.tekst, blok.regel)
            indeling.secties[sectie.sleutel] = sectie
            veld = ""
            continue
        nieuw_veld = _veld_van(sectie, blok)
        if nieuw_veld is not None:
            assert sectie is not None
            veld = None if nieuw_veld in sectie.velden else nieuw_veld
            if veld is None:
                indeling.niet_geplaatst.append(blok)
                continue
            sectie.velden[veld] = []
            if blok.soort == "tussenkop":
                sectie.labels[veld] = blok.tekst
                continue
        elif blok.soort == "tussenkop" and blok.tekst in LABELS:
            veld = None  # a label this section does not have: what follows has no place
        if sectie is None or veld is None:
            indeling.niet_geplaatst.append(blok)
            continue
        sectie.velden[veld] = [*sectie.velden.get(veld, []), blok]
    return indeling


def _veld_van(sectie: Sectie | None, blok: Stuk) -> str | None:
    """The field a block opens in the current section, if it is a label (or the competenties)."""
    if sectie is None:
        return None
    if blok.soort == "tussenkop":
        return _VELDEN[sectie.soort].get(blok.tekst)
    if sectie.soort == "werkproces" and blok.tekst.startswith(COMPETENTIES_INLEIDING):
        return "competenties"
    return None


# -- text -----------------------------------------------------------------------------------


def als_tekst(blokken: list[Stuk]) -> list[Blok]:
    """Blocks as running text: paragraphs, lists (consecutive items), sub-headings."""
    uit: list[Blok] = []
    items: list[str] = []
    for blok in blokken:
        if blok.soort == "item":
            items.append(blok.tekst)
            continue
        if items:
            uit.append(Lijst(lijst=items))
            items = []
        uit.append(Kop(kop=blok.tekst) if blok.soort in ("tussenkop", "kop") else blok.tekst)
    if items:
        uit.append(Lijst(lijst=items))
    return uit


@dataclass
class Omzetting:
    """Turns sections into model objects, collecting what has no place."""

    bestand: str
    niet_geplaatst: list[Stuk] = field(default_factory=list)

    def _valideer(self, model: type[M], sectie: Sectie, data: dict[str, Any]) -> M:
        """Build a model object; a missing or empty field is an error at the section's line."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            velden = sorted({str(fout["loc"][0]) for fout in exc.errors()})
            raise ImportFout(
                self.bestand, sectie.regel,
                f"{sectie.sleutel} {sectie.titel!r}: {', '.join(velden)} ontbreekt of is leeg "
                "(is de bron afgebroken of ontbreekt een kop?)",
            ) from exc

    def gedrag(self, blokken: list[Stuk]) -> Gedrag | None:
        """Intro line, items and the text after them."""
        intro: str | None = None
        items: list[str] = []
        slot: list[Stuk] = []
        for blok in blokken:
            if blok.soort == "item" and not slot:
                items.append(blok.tekst)
            elif not items and intro is None and blok.soort == "tekst" and blok.tekst.endswith(":"):
                intro = blok.tekst
            elif items:
                slot.append(blok)
            else:
                self.niet_geplaatst.append(blok)
        if not items:
            return None
        return Gedrag(intro=intro, items=items, slot=als_tekst(slot))

    def vakkennis(self, blokken: list[Stuk]) -> Vakkennis | None:
        """Intro line and the categories with their items."""
        intro: str | None = None
        categorieen: list[tuple[str | None, list[str]]] = []
        for blok in blokken:
            if blok.soort == "tussenkop":
                categorieen.append((blok.tekst, []))
            elif blok.soort == "item":
                if not categorieen:
                    categorieen.append((None, []))
                categorieen[-1][1].append(blok.tekst)
            elif intro is None and not categorieen and blok.tekst.endswith(":"):
                intro = blok.tekst
            else:
                self.niet_geplaatst.append(blok)
        gevuld = [VakkennisCategorie(naam=naam, items=items) for naam, items in categorieen
                  if items]
        for naam, items in categorieen:
            if not items and naam:
                self.niet_geplaatst.append(Stuk(naam, 0, "tussenkop"))
        return Vakkennis(intro=intro, categorieen=gevuld) if gevuld else None

    def werkproces(self, sectie: Sectie) -> Werkproces:
        """A werkproces from its section."""
        velden = sectie.velden
        self.niet_geplaatst.extend(velden.get("", []))
        gedrag = self.gedrag(velden.get("gedrag", []))
        return self._valideer(Werkproces, sectie, {
            "code": sectie.sleutel,
            "titel": sectie.titel,
            "omschrijving": als_tekst(velden.get("omschrijving", [])),
            "resultaat": als_tekst(velden.get("resultaat", [])),
            "gedrag": gedrag,
            "competenties": competenties(velden.get("competenties", [])),
        })

    def kerntaak(self, sectie: Sectie, werkprocessen: list[Werkproces]) -> Kerntaak:
        """A kerntaak from its section and its werkprocessen."""
        velden = sectie.velden
        self.niet_geplaatst.extend(velden.get("", []))
        return self._valideer(Kerntaak, sectie, {
            "code": sectie.sleutel,
            "titel": sectie.titel,
            "complexiteit": als_tekst(velden.get("complexiteit", [])),
            "verantwoordelijkheid": als_tekst(velden.get("verantwoordelijkheid", [])),
            "vakkennis": self.vakkennis(velden.get("vakkennis", [])),
            "werkprocessen": werkprocessen,
        })

    def profiel(self, sectie: Sectie, overzicht: Overzicht, kerntaken: list[Kerntaak]) -> Profiel:
        """A profiel from its section, its row in the overview and its kerntaken."""
        velden = sectie.velden
        self.niet_geplaatst.extend(velden.get("", []))
        rij = overzicht.rij(sectie.sleutel)
        niveau_tekst = " ".join(b.tekst for b in velden.get("niveau", []))
        niveau = int(niveau_tekst) if niveau_tekst.isdigit() else (rij.niveau if rij else None)
        vereisten = " ".join(b.tekst for b in velden.get("beroepsvereisten", []))
        return self._valideer(Profiel, sectie, {
            "code": sectie.sleutel,
            "titel": sectie.titel,
            "niveau": niveau,
            "beroepsvereisten": vereisten or (rij.beroepsvereisten if rij else None),
            "typering_kwalificatie": rij.typering if rij else None,
            "typering_beroep": als_tekst(velden.get("typering_beroep", [])),
            "kerntaken": kerntaken,
        })


_RECHTE_AANHALINGSTEKENS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def competenties(blokken: list[Stuk]) -> list[str]:
    """The names after "De onderliggende competenties zijn:". They are names from the shared
    vocabulary, which writes straight quotes (``de "klant" richten``); a scan's OCR reads them
    curly."""
    tekst = " ".join(b.tekst for b in blokken).removeprefix(COMPETENTIES_INLEIDING)
    tekst = tekst.translate(_RECHTE_AANHALINGSTEKENS)
    return [naam.strip() for naam in tekst.split(",") if naam.strip()]


def typering(sectie: Sectie | None) -> TyperingBeroepengroep:
    """Typering van de beroepengroep from its section."""
    if sectie is None:
        return TyperingBeroepengroep()
    return TyperingBeroepengroep(
        context=als_tekst(sectie.velden.get("context", [])),
        beroepshouding=als_tekst(sectie.velden.get("beroepshouding", [])),
        resultaat=als_tekst(sectie.velden.get("resultaat", [])),
    )


def generieke_onderdelen(sectie: Sectie | None) -> tuple[list[Blok], list[Onderdeel]]:
    """The intro and the onderdelen (each opened by a sub-heading)."""
    if sectie is None:
        return [], []
    intro: list[Stuk] = []
    onderdelen: list[tuple[str, list[Stuk]]] = []
    for blok in sectie.velden.get("", []):
        if blok.soort == "tussenkop":
            onderdelen.append((blok.tekst, []))
        elif onderdelen:
            onderdelen[-1][1].append(blok)
        else:
            intro.append(blok)
    return als_tekst(intro), [Onderdeel(titel=t, tekst=als_tekst(b)) for t, b in onderdelen]
