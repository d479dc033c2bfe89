"""The verantwoordingsinformatie: one ``Onderdeel`` per section, in source order.

Each section's heading is its ``titel`` attribute. Running texts become blocks; the sections
that are lists of records in the export (brondocumenten, bijzondere vereisten per profiel,
language requirements, the onderhoudsagenda) become tables. A section the importer does not
know stays unread and is listed in the report.
"""

from __future__ import annotations

from collections.abc import Callable

from dossierimport.sbbxml.boom import Knoop
from dossierimport.sbbxml.context import Context
from dossierimport.woorden import normaliseer_witruimte
from kwalificatiedossiers.model import Blok, Kop, Lijst, Onderdeel, Tabel
from kwalificatiedossiers.model.tekst import TabelInhoud, platte_tekst

_TRENDS = {
    "wetenregelgeving": "Wet- en regelgeving",
    "ontwikkelingenindeberoepsuitoefening": "Ontwikkelingen in de beroepsuitoefening",
}
"""Sub-sections of ``trendsenontwikkelingen`` → the heading they get (they have no titel)."""


def verantwoording(ctx: Context, knoop: Knoop | None) -> list[Onderdeel]:
    """The sections of ``<verantwoordingsinformatie>`` that the importer knows."""
    if knoop is None:
        return []
    knoop.negeer("titel")
    onderdelen = []
    for sectie in knoop.kinderen:
        soort = _SECTIES.get(sectie.tag)
        if soort is None:
            continue
        standaardtitel, lees = soort
        sectie.markeer().negeer("hoofdstuk")
        tekst = lees(ctx, sectie)
        titel = normaliseer_witruimte(sectie.attr("titel")) or standaardtitel
        if tekst:
            onderdelen.append(Onderdeel(titel=titel, tekst=tekst))
    return onderdelen


def _cel(ctx: Context, knoop: Knoop | None) -> str:
    """A text as one table cell: its lines joined with '; '."""
    return "; ".join(platte_tekst(ctx.tekst(knoop)))


def _tabel(kolommen: list[str], rijen: list[list[str]], bijschrift: str | None = None
           ) -> list[Blok]:
    if not rijen:
        return []
    return [Tabel(tabel=TabelInhoud(kolommen=kolommen, rijen=rijen), bijschrift=bijschrift)]


def _brondocumenten(ctx: Context, knoop: Knoop) -> list[Blok]:  # noqa: ARG001 (reader API)
    velden = ("naam", "type", "datum", "omschrijving", "link")
    rijen = [[normaliseer_witruimte(document.attr(veld)) for veld in velden]
             for document in knoop.kinderen_met("brondocument")]
    return _tabel(["Naam", "Type", "Datum", "Omschrijving", "Link"], rijen)


def _trends(ctx: Context, knoop: Knoop) -> list[Blok]:
    blokken: list[Blok] = []
    for sub in knoop.kinderen:
        if sub.tag in _TRENDS:
            tekst = ctx.tekst(sub.markeer())
            blokken += [Kop(kop=_TRENDS[sub.tag]), *tekst] if tekst else []
    return blokken


def _bijzondere_vereisten(ctx: Context, knoop: Knoop) -> list[Blok]:
    rijen = []
    for profiel in knoop.kinderen_met("profiel"):
        naam = ctx.verwijzing(profiel, ctx.profielnamen, "profiel") or ""
        rijen.append([naam, ctx.regel(profiel.kind("eisen")) or "",
                      _cel(ctx, profiel.kind("toelichtingvereisten"))])
    return _tabel(["Profiel", "Eisen", "Toelichting"], rijen)


def _taalbeheersing(ctx: Context, knoop: Knoop) -> list[Blok]:
    """The explanation, then per requirement a table: profiel, language and level per skill.

    A profiel listed without a language gets a row with empty cells, as the source lists it.
    """
    blokken = ctx.tekst(knoop.kind("toelichting"))
    titel = normaliseer_witruimte(knoop.attr("titel"))
    for eis in knoop.kinderen_met("taalbeheersingseis"):
        rijen: list[tuple[str, str, dict[str, str]]] = []
        for profiel in eis.kinderen_met("profiel"):
            naam = ctx.verwijzing(profiel, ctx.profielnamen, "profiel") or ""
            talen = [(naam, normaliseer_witruimte(taal.attr("titel")), _niveaus(taal))
                     for taal in profiel.kinderen_met("taal")]
            rijen += talen or [(naam, "", {})]
        vaardigheden = list(dict.fromkeys(v for _, _, niveaus in rijen for v in niveaus))
        bijschrift = normaliseer_witruimte(eis.attr("titel"))
        blokken += _tabel(
            ["Profiel", "Taal", *vaardigheden],
            [[naam, taal, *(niveaus.get(v, "") for v in vaardigheden)]
             for naam, taal, niveaus in rijen],
            bijschrift if bijschrift and bijschrift != titel else None,
        )
    return blokken


def _niveaus(taal: Knoop) -> dict[str, str]:
    """Skill → required level (CEFR, may be empty) of one language."""
    vaardigheden = taal.zoek("taalvaardigheden")
    return {
        normaliseer_witruimte(v.attr("titel")): v.attr("niveau")
        for v in (vaardigheden.kinderen_met("taalvaardigheid") if vaardigheden else [])
    }


def _onderhoudsagenda(ctx: Context, knoop: Knoop) -> list[Blok]:
    velden = ("onderwerp", "actie", "wie", "wanneer")
    agenda = knoop.kind("agenda")
    rijen = [[_cel(ctx, onderdeel.kind(veld)) for veld in velden]
             for onderdeel in (agenda.kinderen_met("onderdeel") if agenda else [])]
    return [*_tabel(["Onderwerp", "Actie", "Wie", "Wanneer"], rijen),
            *ctx.tekst(knoop.kind("toelichting"))]


def _wijzigingen(ctx: Context, knoop: Knoop) -> list[Blok]:
    categorieen = knoop.zoek("wijzigingscategorien")
    titels = []
    for categorie in categorieen.kinderen_met("wijzigingscategorie") if categorieen else []:
        categorie.negeer("categorie")  # the number is part of the titel ("Categorie 1: ...")
        titels.append(normaliseer_witruimte(categorie.attr("titel")))
    lijst: list[Blok] = [Lijst(lijst=titels)] if titels else []
    return [*lijst, *ctx.tekst(knoop.kind("omschrijving"))]


_SECTIES: dict[str, tuple[str, Callable[[Context, Knoop], list[Blok]]]] = {
    "brondocumenten": ("Brondocumenten", _brondocumenten),
    "arbeidsmarktinformatie": ("Arbeidsmarktinformatie", Context.tekst),
    "trendsenontwikkelingen": ("Trends en ontwikkelingen", _trends),
    "wettelijkeberoepsvereisten": ("Wettelijke beroepsvereisten", Context.tekst),
    "bijzonderevereisten": ("Bijzondere vereisten", _bijzondere_vereisten),
    "taalbeheersingseisen": ("Beroepsspecifieke moderne vreemde talen", _taalbeheersing),
    "ontwikkelmogelijkheden": ("Ontwikkelmogelijkheden", Context.tekst),
    "onderhoudsagenda": ("Onderhoudsagenda", _onderhoudsagenda),
    "wijzigingen": ("Wijzigingen ten opzichte van de voorgaande versie", _wijzigingen),
    "betrokkenen": ("Betrokkenen", Context.tekst),
    "aanvullendeinfo": ("Aanvullende informatie", Context.tekst),
    "examenprofielen": ("Examenprofielen", Context.tekst),
}
"""Known sections: element → (heading when it has no titel, reader)."""
