"""One source, read: title page, leeswijzer, overview and body, built into model parts.

Flow: pieces from the source's form (PDF text or Markdown) → repair OCR damage in layout and
words (:mod:`.herstel`, :mod:`.ocrwoorden`) → split at the leeswijzer, the overview and the
body → read the overview → resolve code headings in the body (running
headers, lost headings) → join lines into blocks → divide into sections → model objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossierimport.bronnen import Bronbestand
from dossierimport.fouten import ImportFout
from dossierimport.tekst.alineas import voeg_regels_samen
from dossierimport.tekst.herstel import Melding, herstel_opmaak
from dossierimport.tekst.koppen import Koppen, los_koppen_op
from dossierimport.tekst.markdown import markdown_stukken
from dossierimport.tekst.ocrwoorden import Woordenschat, herstel_woorden
from dossierimport.tekst.opbouw import (
    GENERIEK,
    TYPERING,
    Indeling,
    Omzetting,
    Sectie,
    als_tekst,
    deel_in,
    generieke_onderdelen,
    typering,
)
from dossierimport.tekst.overzicht import Overzicht, lees_overzicht
from dossierimport.tekst.pdftekst import pdf_stukken
from dossierimport.tekst.stukken import Stuk
from dossierimport.tekst.titelpagina import Titelpagina, lees_titelpagina
from kwalificatiedossiers.model import Kerntaak, Onderdeel, Profiel, TyperingBeroepengroep
from kwalificatiedossiers.model.tekst import Blok

OVERZICHT_KOP = "Overzicht van het kwalificatiedossier"


@dataclass
class Delen:
    """The model parts one source yields (only what the source contains)."""

    leeswijzer: list[Blok]
    typering: TyperingBeroepengroep
    generieke_intro: list[Blok]
    generieke: list[Onderdeel]
    basisdeel: list[Kerntaak]
    profielen: list[Profiel]
    koppen: dict[str, str] = field(default_factory=dict)
    """The headings of the typering van de beroepengroep as printed, by field (``""`` for the
    part's own heading); compared between sources, not stored."""
    niet_geplaatst: list[Stuk] = field(default_factory=list)


@dataclass
class Gelezen:
    """A source read up to its model parts."""

    bron: Bronbestand
    titelpagina: Titelpagina
    overzicht: Overzicht
    koppen: Koppen
    body: list[Stuk]
    """The body's blocks (after the overview), running headers removed."""
    indeling: Indeling
    delen: Delen
    meldingen: list[Melding] = field(default_factory=list)
    """Repairs of OCR damage and what is left to check by hand, with source lines."""

    @property
    def ontbrekend(self) -> list[str]:
        """Codes of the overview that have no section in the body."""
        return [c for c in self.overzicht.titels if c not in self.indeling.secties]

    @property
    def laatste_regel(self) -> int:
        """The last source line with content."""
        return self.body[-1].regel if self.body else 1


def _stukken(bron: Bronbestand) -> list[Stuk]:
    tekst = bron.tekst()
    stukken = markdown_stukken(tekst) if bron.vorm == "markdown" else pdf_stukken(tekst)
    if not stukken:
        raise ImportFout(bron.naam, 1, "het bestand is leeg: geen tekst gevonden")
    return stukken


def _index(stukken: list[Stuk], tekst: str, vanaf: int = 0) -> int | None:
    return next((i for i in range(vanaf, len(stukken)) if stukken[i].tekst == tekst), None)


def lees(bron: Bronbestand, schat: Woordenschat) -> Gelezen:
    """Read one source; raise :class:`ImportFout` when its structure is not recognised."""
    stukken, meldingen = herstel_opmaak(_stukken(bron))
    stukken, woordmeldingen = herstel_woorden(stukken, schat)
    meldingen += woordmeldingen
    overzicht_begin = _index(stukken, OVERZICHT_KOP)
    if overzicht_begin is None:
        raise ImportFout(
            bron.naam, stukken[-1].regel,
            f"geen overzicht gevonden (een regel '{OVERZICHT_KOP}' met alle codes en titels); "
            "zonder overzicht kan de importeur koppen niet controleren of plaatsen",
        )
    profieldeel = _index(stukken, "Profieldeel", overzicht_begin)
    body_begin = _index(stukken, "Basisdeel", profieldeel) if profieldeel is not None else None
    if body_begin is None:
        raise ImportFout(
            bron.naam, stukken[-1].regel,
            "na het overzicht volgt geen basisdeel (een regel 'Basisdeel' na de lijst van het "
            "profieldeel); is de bron afgebroken?",
        )
    leeswijzer_begin = _index(stukken, "Leeswijzer")
    if leeswijzer_begin is None or leeswijzer_begin > overzicht_begin:
        leeswijzer_begin = overzicht_begin
    overzicht = lees_overzicht(stukken[overzicht_begin + 1:body_begin], bron.naam)
    koppen = los_koppen_op(stukken[body_begin:], overzicht)
    body = voeg_regels_samen(koppen.stukken)
    indeling = deel_in(body)
    leeswijzer = als_tekst(voeg_regels_samen(stukken[leeswijzer_begin + 1:overzicht_begin]))
    return Gelezen(
        bron=bron,
        titelpagina=lees_titelpagina(stukken[:leeswijzer_begin]),
        overzicht=overzicht,
        koppen=koppen,
        body=body,
        indeling=indeling,
        delen=_bouw(bron.naam, indeling, overzicht, leeswijzer),
        meldingen=meldingen,
    )


def _bouw(bestand: str, indeling: Indeling, overzicht: Overzicht, leeswijzer: list[Blok]) -> Delen:
    omzetting = Omzetting(bestand)
    secties = indeling.secties

    def kerntaken(boven: str) -> list[Kerntaak]:
        uit = []
        for code in overzicht.onder(boven):
            if code not in secties:
                continue
            werkprocessen = [omzetting.werkproces(secties[w]) for w in overzicht.onder(code)
                             if w in secties]
            uit.append(omzetting.kerntaak(secties[code], werkprocessen))
        return uit

    basisdeel = [k for boven in _basisdelen(overzicht) for k in kerntaken(boven)]
    profielen = [omzetting.profiel(secties[p], overzicht, kerntaken(p))
                 for p in overzicht.profielen() if p in secties]
    intro, onderdelen = generieke_onderdelen(secties.get(GENERIEK))
    return Delen(
        leeswijzer=leeswijzer,
        typering=typering(secties.get(TYPERING)),
        generieke_intro=intro,
        generieke=onderdelen,
        basisdeel=basisdeel,
        profielen=profielen,
        koppen=_koppen(secties.get(TYPERING)),
        niet_geplaatst=indeling.niet_geplaatst + omzetting.niet_geplaatst,
    )


def _koppen(sectie: Sectie | None) -> dict[str, str]:
    return {"": sectie.titel, **sectie.labels} if sectie else {}


def _basisdelen(overzicht: Overzicht) -> list[str]:
    """The parents of the basisdeel kerntaken (``B1``), in overview order."""
    uit: list[str] = []
    for code in overzicht.titels:
        boven = code.split("-")[0]
        if boven.startswith("B") and boven not in uit:
            uit.append(boven)
    return uit
