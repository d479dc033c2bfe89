"""Kerntaken and werkprocessen, with their per-profiel variants and vakkennis.

Codes come from the ``hoofdstuk`` numbers: kerntaak 1 of the basisdeel is ``B1-K1``, its
werkproces 2 is ``B1-K1-W2``; in profiel 2 they are ``P2-K1`` and ``P2-K1-W2``. The ``nr`` of
each element is kept in the provenance only.

A basisdeel text can have per-profiel variants: ``<werkprocesgedragperprofiel>`` (and the like)
holds ``<aanvullend>`` elements, each naming its profiel by ``<profiel referentie=...>`` and
giving the extra text for that profiel. They become ``Aanvulling`` / ``KerntaakAanvulling``
entries keyed by profiel code, one per profiel, in profiel order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from dossierimport.sbbxml.boom import Knoop
from dossierimport.sbbxml.context import Context
from dossierimport.sbbxml.opmaak import als_gedrag
from dossierimport.woorden import normaliseer_witruimte
from kwalificatiedossiers.model import (
    Aanvulling,
    Kerntaak,
    KerntaakAanvulling,
    Vakkennis,
    VakkennisCategorie,
    Werkproces,
)
from kwalificatiedossiers.model.corpus import natuurlijke_sleutel


def kerntaken(ctx: Context, container: Knoop | None, deel: str, werkprocessen_tag: str
              ) -> list[Kerntaak]:
    """The kerntaken in ``container`` (``basiskerntaken`` or ``profielkerntaken``).

    Args:
        ctx: The dossier being mapped.
        container: The element that holds the ``<kerntaak>`` elements.
        deel: ``B1`` for the basisdeel, the profiel code otherwise.
        werkprocessen_tag: ``basiswerkprocessen`` or ``profielwerkprocessen``.
    """
    if container is None:
        return []
    return [
        _kerntaak(ctx, knoop, f"{deel}-K{nummer}", werkprocessen_tag)
        for nummer, knoop in op_hoofdstuk(ctx, container, "kerntaak", deel)
    ]


def op_hoofdstuk(ctx: Context, container: Knoop, tag: str, ouder: str
                 ) -> list[tuple[int, Knoop]]:
    """The children named ``tag`` with their ``hoofdstuk`` number, in number order."""
    genummerd = [(ctx.nummer(k, "hoofdstuk"), k) for k in container.kinderen_met(tag)]
    gezien: dict[int, Knoop] = {}
    for nummer, knoop in genummerd:
        if nummer in gezien:
            raise ctx.fout(knoop, f"hoofdstuk {nummer} komt twee keer voor in {ouder} "
                                  f"(ook op regel {gezien[nummer].regel})")
        gezien[nummer] = knoop
    gesorteerd = sorted(genummerd, key=lambda paar: paar[0])
    if gesorteerd != genummerd:
        volgorde = ", ".join(str(n) for n, _ in genummerd)
        ctx.leid_af(ouder, container, f"{tag}-elementen staan in de bron in de volgorde van "
                                      f"hoofdstuk {volgorde}; in nummervolgorde gezet")
    return gesorteerd


def _kerntaak(ctx: Context, knoop: Knoop, code: str, werkprocessen_tag: str) -> Kerntaak:
    ctx.herkomst(code, knoop)
    velden, aanvullingen = _met_varianten(ctx, knoop, _KERNTAAK_VARIANTEN)
    werkprocessen = [
        _werkproces(ctx, wp, f"{code}-W{nummer}")
        for nummer, wp in op_hoofdstuk(ctx, ctx.vereist(knoop, werkprocessen_tag),
                                        "werkproces", code)
    ]
    return ctx.maak(knoop, f"kerntaak {code}", lambda: Kerntaak(
        code=code,
        titel=normaliseer_witruimte(knoop.attr("titel")),
        **velden,
        werkprocessen=werkprocessen,
        aanvullingen=[KerntaakAanvulling(profiel=p, **v) for p, v in aanvullingen],
    ))


def _werkproces(ctx: Context, knoop: Knoop, code: str) -> Werkproces:
    ctx.herkomst(code, knoop)
    velden, aanvullingen = _met_varianten(ctx, knoop, _WERKPROCES_VARIANTEN)
    gedrag_knoop = ctx.vereist(knoop, "werkprocesgedrag")
    delen = ctx.maak(gedrag_knoop, f"gedrag van {code}", lambda: als_gedrag(velden["gedrag"]))
    for opmerking in delen.opmerkingen:
        ctx.leid_af(code, gedrag_knoop, f"gedrag: {opmerking}")
    return ctx.maak(knoop, f"werkproces {code}", lambda: Werkproces(
        code=code,
        titel=normaliseer_witruimte(knoop.attr("titel")),
        **{**velden, "gedrag": delen.gedrag},
        aanvullingen=[Aanvulling(profiel=p, **v) for p, v in aanvullingen],
    ))


def _met_varianten(ctx: Context, knoop: Knoop, varianten: dict[str, Variant]
                   ) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """Read each field's general text and its per-profiel additions.

    Returns:
        The general value per field, and per profiel code (in profiel order) the non-empty
        additions per field.
    """
    velden: dict[str, Any] = {}
    per_profiel: dict[str, dict[str, Any]] = {}
    for veld, (tag, variant_tag, inhoud_tag, lees) in varianten.items():
        element = knoop.kind(tag)
        velden[veld] = lees(ctx, element) if element is not None else None
        variant = element.kind(variant_tag) if element is not None else None
        for profiel, aanvullend in _aanvullend(ctx, variant):
            inhoud = aanvullend.kind(inhoud_tag)
            waarde = lees(ctx, inhoud) if inhoud is not None else None
            if waarde:
                per_profiel.setdefault(profiel, {})[veld] = waarde
    gevuld = {veld: waarde for veld, waarde in velden.items() if waarde is not None}
    volgorde = sorted(per_profiel, key=natuurlijke_sleutel)
    return gevuld, [(profiel, per_profiel[profiel]) for profiel in volgorde]


def _aanvullend(ctx: Context, variant: Knoop | None) -> list[tuple[str, Knoop]]:
    """The ``<aanvullend>`` elements of a per-profiel variant with their profiel code.

    An addition whose profiel cannot be resolved is reported and its content stays unread (so
    it is listed among the unknown elements too).
    """
    if variant is None:
        return []
    gevonden = []
    for aanvullend in variant.kinderen_met("aanvullend"):
        profiel = aanvullend.kind("profiel")
        if profiel is None:
            ctx.opmerking(aanvullend, "per-profielvariant zonder <profiel>")
            continue
        code = ctx.verwijzing(profiel, ctx.profielen, "profiel")
        if code is not None:
            gevonden.append((code, aanvullend))
    return gevonden


def _competenties(ctx: Context, knoop: Knoop) -> list[str]:
    """The competence names of the ``<competentie referentie=...>`` children."""
    namen = (ctx.verwijzing(k, ctx.lijsten.competenties, "competentie")
             for k in knoop.kinderen_met("competentie"))
    return [naam for naam in namen if naam]


def _vakkennis(ctx: Context, knoop: Knoop) -> Vakkennis | None:
    """Vakkennis en vaardigheden: references resolved to their text, grouped by category.

    Direct ``<vakkennisenvaardigheden referentie=...>`` children form one unnamed category.
    ``<vakkennisenvaardigheden_met_categorie>`` is empty in the known exports; its children are
    read as ``<categorie referentie=...>`` elements holding such references (an assumption:
    anything else in it stays unread and is reported).
    """
    categorieen = []
    items = _kennis_items(ctx, knoop)
    if items:
        categorieen.append(VakkennisCategorie(items=items))
    met_categorie = knoop.kind("vakkennisenvaardigheden_met_categorie")
    for categorie in met_categorie.kinderen_met("categorie") if met_categorie else []:
        naam = ctx.verwijzing(categorie, ctx.categorieen, "categorie")
        ctx.verwezen.add(categorie.attr("referentie"))
        items = _kennis_items(ctx, categorie)
        if naam and items:
            categorieen.append(VakkennisCategorie(naam=naam, items=items))
        elif naam:
            ctx.opmerking(categorie, f"categorie '{naam}' zonder vakkennis")
    return Vakkennis(categorieen=categorieen) if categorieen else None


def _kennis_items(ctx: Context, knoop: Knoop) -> list[str]:
    """The texts of the references in ``knoop``, in source order; repeats are reported."""
    teksten = (ctx.kennis_item(k) for k in knoop.kinderen_met("vakkennisenvaardigheden"))
    items = [tekst for tekst in teksten if tekst]
    for tekst, aantal in Counter(items).items():
        if aantal > 1:
            ctx.opmerking(knoop, f"vakkennis '{tekst}' staat {aantal} keer in de lijst; "
                                 "zo overgenomen")
    return items


Variant = tuple[str, str, str, Callable[[Context, Knoop], Any]]
"""(element of the general text, its per-profiel element, element inside ``<aanvullend>``,
reader of that element) for one field; the field name is the key in the tables below."""

_WERKPROCES_VARIANTEN: dict[str, Variant] = {
    "omschrijving": ("werkprocesomschrijving", "werkprocesomschrijvingperprofiel",
                     "omschrijving", Context.tekst),
    "resultaat": ("werkprocesresultaat", "werkprocesresultaatperprofiel",
                  "omschrijving", Context.tekst),
    "gedrag": ("werkprocesgedrag", "werkprocesgedragperprofiel", "omschrijving", Context.tekst),
    "competenties": ("werkprocescompetenties", "werkprocescompetentiesperprofiel",
                     "omschrijving", _competenties),
}
_KERNTAAK_VARIANTEN: dict[str, Variant] = {
    "complexiteit": ("complexiteit", "complexiteitperprofiel", "complexiteit", Context.tekst),
    "verantwoordelijkheid": ("verantwoordelijkheid", "verantwoordelijkheidperprofiel",
                             "verantwoordelijkheid", Context.tekst),
    "vakkennis": ("vakkennisenvaardigheden", "vakkennisenvaardighedenperprofiel",
                  "vakkennisenvaardighedenonderdelen", _vakkennis),
}
