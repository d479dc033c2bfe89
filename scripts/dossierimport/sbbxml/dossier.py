"""One ``<dossier>`` of the export → a :class:`Dossier` and its import report.

Flow: read the dossier's own lookup tables (kennis en vaardigheden, categorieën) and the
profiel codes (per-profiel variants in the basisdeel refer to profielen) → map metadata,
voorblad, inleiding, typering, basisdeel, generieke onderdelen, profielen and
verantwoording → report counts, inferences, remarks and everything that was not read.
"""

from __future__ import annotations

import unicodedata

from dossierimport.bronnen import Bronbestand
from dossierimport.rapport import Rapport, Resultaat
from dossierimport.sbbxml.boom import Knoop, onbekend
from dossierimport.sbbxml.context import Context
from dossierimport.sbbxml.kerntaken import kerntaken, op_hoofdstuk
from dossierimport.sbbxml.lijsten import Opzoeklijsten
from dossierimport.sbbxml.verantwoording import verantwoording
from dossierimport.woorden import normaliseer_witruimte
from kwalificatiedossiers.model import (
    Blok,
    Bron,
    Dossier,
    Herkomst,
    Kop,
    Onderdeel,
    Profiel,
    TyperingBeroepengroep,
)
from kwalificatiedossiers.model.dossier import OpleidingsDomein
from kwalificatiedossiers.urls import code_slug

_PROFIEL_FEITEN = {
    "bronwettelijkeberoepsvereisten": "Bron wettelijke beroepsvereisten",
    "certificaten": "Certificaten",
    "sbu": "Studiebelastingsuren (sbu)",
    "instellingendieaanmogenbieden": "Instellingen die het profiel mogen aanbieden",
}
"""Elements of a profiel's ``<omschrijving>`` kept as labelled facts (``Profiel.overige``)."""

_CREBO_FEITEN = {"ministerie": "Ministerie", "prijsfactor": "Prijsfactor"}
"""Attributes of a crebo element kept as labelled facts."""

_DOSSIER_FEITEN = {"positief_advies_toetsingskamer": "Positief advies toetsingskamer"}
"""Attributes of the dossier kept as labelled facts (``Dossier.overige``)."""


def slug(titel: str) -> str:
    """A dossier id from its title: lowercase ASCII words joined by hyphens."""
    return code_slug(unicodedata.normalize("NFKD", titel).encode("ascii", "ignore").decode())


def importeer_dossier(bron: Bronbestand, lijsten: Opzoeklijsten, knoop: Knoop) -> Resultaat:
    """Map one ``<dossier>`` element; raise :class:`ImportFout` when it cannot be imported."""
    ctx = Context(bron, lijsten)
    dossier = _dossier(ctx, knoop)
    return Resultaat(dossier, _rapport(ctx, knoop, dossier))


def _dossier(ctx: Context, knoop: Knoop) -> Dossier:
    titel = normaliseer_witruimte(knoop.attr("titel"))
    dossier_id = slug(titel)
    if not dossier_id:
        raise ctx.fout(knoop, f"de titel '{titel}' geeft geen bruikbare dossier-id")
    ctx.herkomst(dossier_id, knoop)
    _lees_kennis(ctx, knoop)
    profielen = _profielen_genummerd(ctx, knoop.kind("profielen"))
    basis = knoop.kind("basis")
    for sectie in (basis, basis.zoek("basistaken") if basis else None):
        if sectie is not None:
            sectie.negeer("titel")  # section headings; the site has its own
    basis_kerntaken = kerntaken(ctx, basis.zoek("basistaken/basiskerntaken") if basis else None,
                                "B1", "basiswerkprocessen")
    generiek_intro, generieke_onderdelen = _generieke_onderdelen(
        ctx, basis.zoek("basistaken/generieke_onderdelen") if basis else None)
    velden = {
        **_metadata(ctx, knoop, dossier_id, titel),
        **_voorblad(ctx, knoop.kind("voorblad")),
        "leeswijzer": _leeswijzer(ctx, knoop.kind("inleiding")),
        "typering_beroepengroep": _typering(ctx, basis),
        "generieke_onderdelen_intro": generiek_intro,
        "generieke_onderdelen": generieke_onderdelen,
        "profielen": [_profiel(ctx, p, code) for code, p in profielen],
        "verantwoording": verantwoording(ctx, knoop.kind("verantwoordingsinformatie")),
    }
    _meld_ongebruikte_kennis(ctx, knoop)
    herkomst = Herkomst(
        bronnen=[Bron(bestand=ctx.bron.naam, sha256=ctx.bron.sha256, vorm="sbb-xml",
                      gebruikt_voor="alle tekst en gegevens")],
        afleidingen=ctx.afleidingen,
        bronnummers=ctx.bronnummers,
    )
    return ctx.maak(knoop, f"dossier {titel}", lambda: Dossier.model_validate(
        {**velden, "basisdeel": {"kerntaken": basis_kerntaken}, "herkomst": herkomst}))


def _metadata(ctx: Context, knoop: Knoop, dossier_id: str, titel: str) -> dict[str, object]:
    """The dossier's own attributes and those of its crebo."""
    crebo = ctx.vereist(knoop, "dossiercrebos/dossiercrebo")
    return {
        "id": dossier_id,
        "formaat": "basis-profiel",
        "titel": titel,
        "crebo": crebo.tekst().strip(),
        "versie": knoop.attr("versie") or None,
        "vorige_versie": knoop.attr("referentievorigeversie") or None,
        "sbb_nummer": knoop.attr("nr") or None,
        "status": knoop.attr("status") or None,
        "geldig_vanaf": ctx.datum(crebo, "Geldig_vanaf"),
        "einde_instroom": ctx.datum(crebo, "Datum_einde_instroom"),
        "einde_opleiding": ctx.datum(crebo, "Datum_einde_opleiding"),
        "opleidingsdomein": _domein(ctx, knoop),
        "wettelijke_beroepsvereisten": knoop.attr("wettelijkeberoepsvereisten") or None,
        "overige": [*_feiten(knoop, _DOSSIER_FEITEN), *_feiten(crebo, _CREBO_FEITEN)],
    }


def _lees_kennis(ctx: Context, knoop: Knoop) -> None:
    """The dossier's kennis en vaardigheden and their categories, by ``nr``."""
    for tabel, rij, doel in (("kennisenvaardigheden", "kennisofvaardigheid", ctx.kennis),
                             ("categoriekennisenvaardigheden", "categorie", ctx.categorieen)):
        container = knoop.kind(tabel)
        for item in container.kinderen_met(rij) if container else []:
            doel[item.attr("nr")] = normaliseer_witruimte(item.attr("titel"))


def _meld_ongebruikte_kennis(ctx: Context, knoop: Knoop) -> None:
    for tabel, rij, soort in (("kennisenvaardigheden", "kennisofvaardigheid", "vakkennis"),
                              ("categoriekennisenvaardigheden", "categorie", "categorie")):
        container = knoop.kind(tabel)
        for item in container.kinderen_met(rij) if container else []:
            if item.attr("nr") not in ctx.verwezen:
                ctx.opmerking(item, f"{soort} '{normaliseer_witruimte(item.attr('titel'))}' (nr "
                                    f"{item.attr('nr')}) wordt nergens gebruikt; niet in de data")


def _profielen_genummerd(ctx: Context, container: Knoop | None) -> list[tuple[str, Knoop]]:
    """The profielen with their codes; registers nr → code for the per-profiel variants."""
    if container is None:
        return []
    container.negeer("titel")
    genummerd = []
    for nummer, knoop in op_hoofdstuk(ctx, container, "profiel", "profielen"):
        code = f"P{nummer}"
        nr = knoop.attr("nr")
        ctx.profielen[nr] = code
        ctx.profielnamen[nr] = f"{code} {normaliseer_witruimte(knoop.attr('titel'))}"
        genummerd.append((code, knoop))
    return genummerd


def _domein(ctx: Context, knoop: Knoop) -> OpleidingsDomein | None:
    nr = knoop.attr("referentiedomein")
    if not nr:
        return None
    if nr not in ctx.lijsten.domeinen:
        ctx.opmerking(knoop, f"verwijzing naar onbekend domein nr '{nr}' niet overgenomen")
        return None
    naam, crebo = ctx.lijsten.domeinen[nr]
    return OpleidingsDomein(naam=naam, crebo=crebo or None)


def _voorblad(ctx: Context, voorblad: Knoop | None) -> dict[str, object]:
    """Penvoerder and vaststelling (door, op, te) from the voorblad."""
    if voorblad is None:
        return {}
    voorblad.negeer("titel")
    kamer = voorblad.zoek("omschrijving/penvoerder/sectorkamer")
    vaststelling = voorblad.zoek("omschrijving/verantwoording/vaststellingsinformatie")
    return {
        "penvoerder": ctx.verwijzing(kamer, ctx.lijsten.sectorkamers, "sectorkamer")
        if kamer else None,
        "gevalideerd_door": ctx.regel(vaststelling.kind("vastgestelddoor"))
        if vaststelling else None,
        "gevalideerd_op": ctx.datum_tekst(vaststelling.kind("vastgesteldop"))
        if vaststelling else None,
        "gevalideerd_te": ctx.regel(vaststelling.kind("vastgesteldte"))
        if vaststelling else None,
    }


def _leeswijzer(ctx: Context, inleiding: Knoop | None) -> list[Blok]:
    if inleiding is None:
        return []
    return _zonder_openingskop(ctx, inleiding, "omschrijving", "leeswijzer", "Leeswijzer")


def _zonder_openingskop(ctx: Context, sectie: Knoop, tekst_tag: str, veld: str, kop: str
                        ) -> list[Blok]:
    """The section's text without its opening heading when that is the field's own heading.

    The export's HTML opens the inleiding with ``<h1>Leeswijzer</h1>`` and the generieke
    onderdelen with ``<h1>Generieke onderdelen</h1>``; the site shows those headings itself.
    """
    koppen = {kop.lower(), normaliseer_witruimte(sectie.attr("titel")).lower()}
    blokken = ctx.tekst(sectie.kind(tekst_tag))
    if blokken and isinstance(blokken[0], Kop) and blokken[0].kop.lower() in koppen:
        ctx.leid_af(veld, sectie, f"de openingskop '{blokken[0].kop}' van de tekst is de kop "
                                  f"van het veld {veld}")
        return blokken[1:]
    return blokken


def _typering(ctx: Context, basis: Knoop | None) -> TyperingBeroepengroep:
    typering = basis.kind("typeringberoepengroep") if basis else None
    if typering is None:
        return TyperingBeroepengroep()
    typering.negeer("titel")
    return TyperingBeroepengroep(
        context=ctx.tekst(typering.zoek("context/omschrijving")),
        beroepshouding=ctx.tekst(typering.zoek("beroepshouding/omschrijving")),
        resultaat=ctx.tekst(typering.zoek("resultaatvanhetberoep/omschrijving")),
    )


def _generieke_onderdelen(ctx: Context, knoop: Knoop | None
                          ) -> tuple[list[Blok], list[Onderdeel]]:
    """The intro and the generieke onderdelen, one per heading of the text."""
    if knoop is None:
        return [], []
    blokken = _zonder_openingskop(ctx, knoop, "omschrijving", "generieke_onderdelen",
                                  "Generieke onderdelen")
    intro: list[Blok] = []
    onderdelen: list[tuple[str, list[Blok]]] = []
    for blok in blokken:
        if isinstance(blok, Kop):
            onderdelen.append((blok.kop, []))
        else:
            (onderdelen[-1][1] if onderdelen else intro).append(blok)
    return intro, [Onderdeel(titel=titel, tekst=tekst) for titel, tekst in onderdelen]


def _feiten(knoop: Knoop, labels: dict[str, str]) -> list[Onderdeel]:
    """Labelled facts from attributes of ``knoop`` (only those with a value)."""
    return [Onderdeel(titel=label, tekst=[waarde])
            for naam, label in labels.items() if (waarde := knoop.attr(naam))]


def _profiel(ctx: Context, knoop: Knoop, code: str) -> Profiel:
    ctx.herkomst(code, knoop)
    omschrijving = knoop.kind("omschrijving")
    crebo = ctx.vereist(knoop, "creboinformatie/crebo")

    def veld(tag: str) -> Knoop | None:
        return omschrijving.kind(tag) if omschrijving else None

    feiten = [Onderdeel(titel=label, tekst=tekst)
              for tag, label in _PROFIEL_FEITEN.items() if (tekst := ctx.tekst(veld(tag)))]
    kerntaken_ = kerntaken(ctx, knoop.kind("profielkerntaken"), code, "profielwerkprocessen")
    return ctx.maak(knoop, f"profiel {code}", lambda: Profiel(
        code=code,
        titel=normaliseer_witruimte(knoop.attr("titel")),
        crebo=crebo.tekst().strip() or None,
        niveau=ctx.nummer(knoop, "niveau"),
        beroepsvereisten=ctx.regel(veld("wettelijkeberoepsvereisten")),
        typering_kwalificatie=ctx.regel(veld("soortopleiding")),
        beroepsgroep=knoop.attr("beroepsgroep") or None,
        geldig_vanaf=ctx.datum(crebo, "Geldig_vanaf"),
        einde_instroom=ctx.datum(crebo, "Datum_einde_instroom"),
        einde_opleiding=ctx.datum(crebo, "Datum_einde_opleiding"),
        typering_beroep=ctx.tekst(veld("typeringvanhetberoep")),
        toelichting_beroepsvereisten=ctx.tekst(veld("toelichtingwettelijkeberoepsvereisten")),
        overige=[*feiten, *_feiten(crebo, _CREBO_FEITEN)],
        kerntaken=kerntaken_,
    ))


def _rapport(ctx: Context, knoop: Knoop, dossier: Dossier) -> Rapport:
    kerntaken_ = dossier.alle_kerntaken()
    werkprocessen = [w for k in kerntaken_ for w in k.werkprocessen]
    return Rapport(
        dossier=dossier.id,
        bronnen=[f"{ctx.bron.naam} (sbb-xml)"],
        aantallen={
            "profielen": len(dossier.profielen),
            "kerntaken": len(kerntaken_),
            "werkprocessen": len(werkprocessen),
            "gedragsitems": sum(len(w.gedrag.items) for w in werkprocessen),
            "aanvullingen per profiel": sum(len(k.aanvullingen) for k in kerntaken_)
            + sum(len(w.aanvullingen) for w in werkprocessen),
        },
        afgeleid=[f"{a.onderdeel}: {a.wat} (regel {a.regel})" for a in ctx.afleidingen],
        onbekend=[*onbekend(knoop), *ctx.onbekend],
        opmerkingen=ctx.opmerkingen,
    )
