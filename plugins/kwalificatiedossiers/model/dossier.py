"""The kwalificatiedossier in the basisdeel/profielen form (dossiers from 2015 on).

A dossier lives in one folder of ``dossier-data/``: ``dossier.yaml`` (metadata, leeswijzer,
typering, generieke onderdelen, provenance), ``basisdeel.yaml`` and one file per profiel in
``profielen/``. Each file is validated against its own model; :class:`Dossier` is the assembled
whole that the rest of the code works with.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from kwalificatiedossiers.model.base import Crebo, Geheel, Regel, Slug, Strict
from kwalificatiedossiers.model.delen import Editie, Variant, Vergelijkdeel
from kwalificatiedossiers.model.herkomst import Herkomst
from kwalificatiedossiers.model.tekst import Tekst, platte_tekst

ProfielCode = Annotated[str, StringConstraints(pattern=r"^P[0-9]{1,2}$")]
KerntaakCode = Annotated[str, StringConstraints(pattern=r"^(B|P)[0-9]{1,2}-K[0-9]{1,2}$")]
WerkprocesCode = Annotated[
    str, StringConstraints(pattern=r"^(B|P)[0-9]{1,2}-K[0-9]{1,2}-W[0-9]{1,2}$")]


class Gedrag(Strict):
    """The observable behaviour of a werkproces: an intro line and a list of items."""

    intro: Regel | None = None
    """The lead-in, e.g. "De beginnend beroepsbeoefenaar:"."""
    items: list[Regel] = Field(min_length=1)
    """The behaviour items, in source order."""
    slot: Tekst = []
    """Text after the list, when the source has any."""


class VakkennisCategorie(Strict):
    """One category of vakkennis en vaardigheden with its items."""

    naam: Regel | None = None
    """The category name (e.g. "Beroepsgericht rekenen"); empty when the source has none."""
    items: list[Regel] = Field(min_length=1)
    """The items, in source order."""


class Vakkennis(Strict):
    """Vakkennis en vaardigheden of a kerntaak."""

    intro: Regel | None = None
    """The lead-in, e.g. "De beginnend beroepsbeoefenaar:"."""
    categorieen: list[VakkennisCategorie] = Field(min_length=1)
    """The categories, in source order."""


class Aanvulling(Strict):
    """A per-profiel addition to a basisdeel werkproces (SBB XML ``...perprofiel``)."""

    profiel: ProfielCode
    """The profiel it applies to."""
    omschrijving: Tekst = []
    """Additional omschrijving for this profiel."""
    resultaat: Tekst = []
    """Additional resultaat for this profiel."""
    gedrag: Tekst = []
    """Additional gedrag for this profiel."""
    competenties: list[Regel] = []
    """Additional competences (names from the shared vocabulary) for this profiel."""


class KerntaakAanvulling(Strict):
    """A per-profiel addition to a basisdeel kerntaak (SBB XML ``...perprofiel``)."""

    profiel: ProfielCode
    """The profiel it applies to."""
    complexiteit: Tekst = []
    """Additional complexiteit for this profiel."""
    verantwoordelijkheid: Tekst = []
    """Additional verantwoordelijkheid en zelfstandigheid for this profiel."""
    vakkennis: Vakkennis | None = None
    """Additional vakkennis en vaardigheden for this profiel."""


class Werkproces(Strict):
    """A werkproces (e.g. ``P4-K1-W2``)."""

    code: WerkprocesCode
    """The public code; it matches its kerntaak (``P4-K1-W2`` under ``P4-K1``)."""
    titel: Regel
    """The title as the dossier prints it."""
    omschrijving: Tekst = Field(min_length=1)
    """What the beroepsbeoefenaar does."""
    resultaat: Tekst = Field(min_length=1)
    """The result of the werkproces."""
    gedrag: Gedrag
    """The behaviour that shows the werkproces is mastered."""
    competenties: list[Regel] = []
    """The onderliggende competenties: names from ``competenties.yaml``."""
    aanvullingen: list[Aanvulling] = []
    """Per-profiel additions (basisdeel werkprocessen in SBB XML dossiers)."""


class Kerntaak(Strict):
    """A kerntaak (e.g. ``B1-K1`` or ``P4-K2``)."""

    code: KerntaakCode
    """The public code; it matches its part (``B1-K…`` in the basisdeel, ``P4-K…`` in P4)."""
    titel: Regel
    """The title as the dossier prints it."""
    complexiteit: Tekst = []
    """Complexiteit."""
    verantwoordelijkheid: Tekst = []
    """Verantwoordelijkheid en zelfstandigheid."""
    vakkennis: Vakkennis | None = None
    """Vakkennis en vaardigheden, by category."""
    werkprocessen: list[Werkproces] = Field(min_length=1)
    """The werkprocessen, in code order."""
    aanvullingen: list[KerntaakAanvulling] = []
    """Per-profiel additions (basisdeel kerntaken in SBB XML dossiers)."""


class Onderdeel(Strict):
    """A titled piece of text (a generiek onderdeel, a part of the verantwoording, ...)."""

    titel: Regel
    """The heading."""
    tekst: Tekst = []
    """The text."""


class TyperingBeroepengroep(Strict):
    """Typering van de beroepengroep."""

    context: Tekst = []
    """Context."""
    beroepshouding: Tekst = []
    """Typerende beroepshouding."""
    resultaat: Tekst = []
    """Resultaat van de beroepengroep."""


class Basisdeel(Strict):
    """The file ``basisdeel.yaml``: the beroepsspecifieke kerntaken shared by all profielen."""

    kerntaken: list[Kerntaak] = Field(min_length=1)
    """The basisdeel kerntaken (``B1-K1``, ...)."""


class Profiel(Strict):
    """A profiel (e.g. ``P4`` Junior accountmanager): what one diploma within the dossier adds."""

    code: ProfielCode
    """The public code (``P1``, ``P2``, ...)."""
    titel: Regel
    """The name of the profiel."""
    crebo: Crebo | None = None
    """The profiel's own crebo, where known."""
    niveau: Geheel = Field(ge=1, le=4)
    """Mbo-niveau."""
    beroepsvereisten: Regel | None = None
    """Beroepsvereisten as the overview states them ("Nee", or the requirement)."""
    typering_kwalificatie: Regel | None = None
    """Typering van de kwalificatie (vakopleiding, middenkaderopleiding, ...)."""
    beroepsgroep: Regel | None = None
    """The beroepsgroep (SBB XML)."""
    geldig_vanaf: dt.date | None = None
    """First day the profiel's crebo is valid (SBB XML)."""
    einde_instroom: dt.date | None = None
    """Last day of intake (SBB XML)."""
    einde_opleiding: dt.date | None = None
    """Last day of the programme (SBB XML)."""
    typering_beroep: Tekst = []
    """Typering van het beroep."""
    toelichting_beroepsvereisten: Tekst = []
    """Explanation of the beroepsvereisten (SBB XML)."""
    overige: list[Onderdeel] = []
    """Further labelled facts the source gives (certificaten, sbu, ...)."""
    kerntaken: list[Kerntaak] = Field(min_length=1)
    """The profiel's own kerntaken (``P4-K1``, ...)."""


class ProfielBestand(Profiel):
    """A file ``profielen/<code>.yaml``: one profiel."""


class OpleidingsDomein(Strict):
    """The opleidingsdomein a dossier belongs to."""

    naam: Regel
    """Its name."""
    crebo: Crebo | None = None
    """Its crebo."""


class DossierBestand(Strict):
    """The file ``dossier.yaml``: metadata and everything outside the kerntaken."""

    id: Slug
    """The dossier's stable id; it is the folder name and the first URL segment."""
    formaat: Literal["basis-profiel"]
    """The dossier generation: ``basis-profiel`` (basisdeel and profielen, 2015 on)."""
    titel: Regel
    """The title, e.g. "Commercie"."""
    crebo: Crebo
    """The dossier's crebo."""
    versie: Regel | None = None
    """Version label, e.g. "Gewijzigd 2023"."""
    vorige_versie: Regel | None = None
    """SBB's number of the previous edition (``referentievorigeversie`` in its XML): an id in
    SBB's database, not a version or a crebo. It is never shown; the dossier page only links
    the previous edition when that edition is present with this :attr:`sbb_nummer`."""
    sbb_nummer: Regel | None = None
    """SBB's number of this edition (``nr`` in its XML); see :attr:`vorige_versie`."""
    status: Regel | None = None
    """Status, e.g. "Vastgesteld"."""
    geldig_vanaf: dt.date | None = None
    """First day the dossier is valid."""
    einde_instroom: dt.date | None = None
    """Last day of intake."""
    einde_opleiding: dt.date | None = None
    """Last day of the programme."""
    opleidingsdomein: OpleidingsDomein | None = None
    """The opleidingsdomein."""
    penvoerder: Regel | None = None
    """The sectorkamer that holds the pen."""
    gevalideerd_door: Regel | None = None
    """Who validated (or vastgesteld) the dossier."""
    gevalideerd_op: dt.date | None = None
    """When it was validated."""
    gevalideerd_te: Regel | None = None
    """Where it was validated (SBB XML "vastgesteld te")."""
    wettelijke_beroepsvereisten: Regel | None = None
    """Whether legal professional requirements apply."""
    leeswijzer: Tekst = []
    """The leeswijzer / inleiding."""
    typering_beroepengroep: TyperingBeroepengroep = TyperingBeroepengroep()
    """Typering van de beroepengroep."""
    generieke_onderdelen_intro: Tekst = []
    """The text that introduces the generieke onderdelen, before the first of them."""
    generieke_onderdelen: list[Onderdeel] = []
    """The generieke onderdelen (Nederlandse taal, rekenen, ...)."""
    verantwoording: list[Onderdeel] = []
    """Verantwoordingsinformatie, when the source has it."""
    overige: list[Onderdeel] = []
    """Further labelled facts the source gives (SBB XML: ministerie, prijsfactor, ...)."""
    herkomst: Herkomst
    """Provenance."""

    def editie(self) -> Editie:
        """SBB's version text and the day it is valid from."""
        return Editie(self.versie, self.geldig_vanaf)


class Dossier(DossierBestand):
    """A whole dossier as assembled from its files."""

    basisdeel: Basisdeel
    """The basisdeel kerntaken."""
    profielen: list[Profiel] = Field(min_length=1)
    """The profielen, in code order."""

    def alle_kerntaken(self) -> list[Kerntaak]:
        """The basisdeel's kerntaken, then each profiel's."""
        return [*self.basisdeel.kerntaken, *(k for p in self.profielen for k in p.kerntaken)]

    def naam(self) -> str:
        """How the site names it: ``Commercie (23354)``; another version than the current one
        (an id ``<id>/<versie>``) says which."""
        naam = f"{self.titel} ({self.crebo})"
        return f"{naam}, versie {self.editie().omschrijving()}" if "/" in self.id else naam

    def varianten(self) -> list[Variant]:
        """Its profielen."""
        return [Variant(p.code, p.titel, p.niveau) for p in self.profielen]

    def crebos_met_plek(self) -> list[tuple[str, str]]:
        """The dossier's crebo and each profiel's own."""
        return [(self.crebo, ""), *((p.crebo, p.code) for p in self.profielen if p.crebo)]

    def aantal_werkprocessen(self) -> int:
        """Basisdeel and profielen together."""
        return sum(len(k.werkprocessen) for k in self.alle_kerntaken())

    def domein(self) -> str | None:
        """Its opleidingsdomein."""
        return self.opleidingsdomein.naam if self.opleidingsdomein else None

    def vergelijkdelen(self) -> list[Vergelijkdeel]:
        """Profielen, kerntaken and werkprocessen with their texts, in reading order."""
        uit = [
            Vergelijkdeel("profiel", p.code, p.titel, None, (
                ("niveau", (str(p.niveau),)),
                ("crebo", (p.crebo,) if p.crebo else ()),
                ("typering van de kwalificatie",
                 (p.typering_kwalificatie,) if p.typering_kwalificatie else ()),
                ("typering van het beroep", tuple(platte_tekst(p.typering_beroep))),
                ("beroepsvereisten", ((p.beroepsvereisten,) if p.beroepsvereisten else ())
                 + tuple(platte_tekst(p.toelichting_beroepsvereisten))),
            ))
            for p in self.profielen
        ]
        for kerntaak, profiel in [(k, None) for k in self.basisdeel.kerntaken] + [
                (k, p.code) for p in self.profielen for k in p.kerntaken]:
            uit.append(Vergelijkdeel("kerntaak", kerntaak.code, kerntaak.titel, profiel, (
                ("complexiteit", tuple(platte_tekst(kerntaak.complexiteit))),
                ("verantwoordelijkheid en zelfstandigheid",
                 tuple(platte_tekst(kerntaak.verantwoordelijkheid))),
                ("vakkennis en vaardigheden", _vakkennis_items(kerntaak.vakkennis)),
            ), tuple(w.titel for w in kerntaak.werkprocessen)))
        for kerntaak in self.alle_kerntaken():
            for w in kerntaak.werkprocessen:
                gedrag = ((w.gedrag.intro,) if w.gedrag.intro else ()) + tuple(w.gedrag.items)
                velden: list[tuple[str, tuple[str, ...]]] = [
                    ("omschrijving", tuple(platte_tekst(w.omschrijving))),
                    ("resultaat", tuple(platte_tekst(w.resultaat))),
                    ("gedrag", gedrag + tuple(platte_tekst(w.gedrag.slot))),
                    ("competenties", tuple(w.competenties)),
                ]
                for a in w.aanvullingen:
                    velden += [
                        (f"aanvulling {a.profiel}: {veld}", tuple(platte_tekst(tekst)))
                        for veld, tekst in (("omschrijving", a.omschrijving),
                                            ("resultaat", a.resultaat), ("gedrag", a.gedrag))
                    ] + [(f"aanvulling {a.profiel}: competenties", tuple(a.competenties))]
                uit.append(Vergelijkdeel("werkproces", w.code, w.titel, kerntaak.code,
                                         tuple(velden)))
        return uit


    def werkprocessen_van(self, variant: str) -> list[Vergelijkdeel]:
        """The werkprocessen of the basisdeel and of profiel ``variant``."""
        kerntaken = {k.code for k in self.basisdeel.kerntaken} | {
            k.code for p in self.profielen if p.code == variant for k in p.kerntaken}
        return [d for d in self.vergelijkdelen()
                if d.soort == "werkproces" and d.ouder in kerntaken]


def _vakkennis_items(vakkennis: Vakkennis | None) -> tuple[str, ...]:
    """Vakkennis as items: the intro, then ``categorie: item``."""
    if vakkennis is None:
        return ()
    intro = (vakkennis.intro,) if vakkennis.intro else ()
    return intro + tuple(f"{c.naam}: {item}" if c.naam else item
                         for c in vakkennis.categorieen for item in c.items)
