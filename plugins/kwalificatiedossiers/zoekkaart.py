"""What a search result shows besides its title and snippet: type, dossier, place and niveau.

Looked up from the index by a page's source URI, so the page builders need not know about
search: :func:`zoekkaarten` gives every entity page (and every competence's page per dossier)
its :class:`Kaart`; a page outside the dossiers (a competence, the home page, a guide) gets one
from its ``soort`` alone (:func:`losse_kaart`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index, dossiernaam
from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht

SOORTEN = ("dossier", "profiel", "uitstroom", "kerntaak", "werkproces", "competentie", "pagina")
"""Page types in the order the search index numbers them (see :mod:`kwalificatiedossiers.zoeken`).
``pagina`` is every page without a type of its own: home, guides, overviews."""

LABELS = {
    "dossier": "Dossier", "profiel": "Profiel", "uitstroom": "Uitstroom",
    "kerntaak": "Kerntaak", "werkproces": "Werkproces", "competentie": "Competentie",
    "pagina": "Pagina",
}
"""The type label a result shows."""


@dataclass(frozen=True)
class Kaart:
    """Where a page stands: shown under a result's title and used for the search filters."""

    soort: str
    """One of :data:`SOORTEN`."""
    code: str = ""
    """The entity's code (``P4-K1-W2``, ``K2``); searchable with the weight of the title."""
    groep: str = ""
    """The dossier id, or ``""`` for a page outside every dossier."""
    dossier: str = ""
    """The dossier as breadcrumbs name it: ``Commercie (23354)``."""
    plek: str = ""
    """Where in the dossier: ``P4 Junior accountmanager``, ``basisdeel``, ``U1, U2``."""
    niveau: str = ""
    """``niveau 4``, ``niveau 3–4`` or ``""``."""


def niveautekst(niveaus: Iterable[int]) -> str:
    """``niveau 4`` or, for several, the range ``niveau 2–4``; ``""`` for none."""
    gezien = sorted(set(niveaus))
    if not gezien:
        return ""
    if len(gezien) == 1:
        return f"niveau {gezien[0]}"
    return f"niveau {gezien[0]}–{gezien[-1]}"


def losse_kaart(soort: str | None) -> Kaart:
    """The card of a page the index does not know (competence, home, guide)."""
    return Kaart(soort=soort if soort in SOORTEN else "pagina")


def zoekgroepen(index: Index) -> dict[str, tuple[str, bool]]:
    """Dossier id → (name, current) for the search filters: another version of a dossier
    (``<id>/<versie>``) is a group of its own, searched only when a student asks for it."""
    return {d.id: (dossiernaam(d), index.corpus.is_huidig(d.id))
            for d in (*index.corpus.dossiers, *index.corpus.versies)}


def zoekkaarten(index: Index) -> dict[str, Kaart]:
    """Source URI → card, for every entity page of the index and every page of a competence
    in one dossier (``/competenties/j/commercie/``: the dossier is its context)."""
    kaarten: dict[str, Kaart] = {}
    for dossier in (*index.corpus.dossiers, *index.corpus.versies):
        kaarten.update(index.corpus.formaat(dossier).zoekkaarten(index, dossier))
    for code, gebruik in index.gebruik.items():
        for dossier_id in sorted({g.dossier_id for g in gebruik}):
            van = kaarten[index.entiteit(dossier_id).src]
            kaarten[urls.competentie_in_dossier_src(code, dossier_id)] = Kaart(
                "competentie", groep=dossier_id, dossier=van.dossier, niveau=van.niveau)
    return kaarten


def basis_profiel(index: Index, dossier: Dossier) -> dict[str, Kaart]:
    """The search cards of a basis/profiel dossier's pages (its :class:`Formaat` field)."""
    naam = dossiernaam(dossier)
    kaart = {"groep": dossier.id, "dossier": naam}
    uit = {index.entiteit(dossier.id).src: Kaart(
        "dossier", "", **kaart, niveau=niveautekst(p.niveau for p in dossier.profielen))}
    for p in dossier.profielen:
        uit[index.entiteit(dossier.id, p.code).src] = Kaart(
            "profiel", p.code, **kaart, plek=f"{p.code} {p.titel}", niveau=niveautekst([p.niveau]))
    for kerntaak, profiel in index.kerntaken(dossier):
        plek = "basisdeel" if profiel is None else f"{profiel.code} {profiel.titel}"
        niveau = niveautekst(p.niveau for p in index.profielen_van(dossier, profiel))
        uit[index.entiteit(dossier.id, kerntaak.code).src] = Kaart(
            "kerntaak", kerntaak.code, **kaart, plek=plek, niveau=niveau)
        for werkproces in kerntaak.werkprocessen:
            uit[index.entiteit(dossier.id, werkproces.code).src] = Kaart(
                "werkproces", werkproces.code, **kaart, plek=plek, niveau=niveau)
    return uit


def competentiegericht(index: Index, dossier: DossierCompetentiegericht) -> dict[str, Kaart]:
    """The search cards of a competentiegericht dossier's pages (its :class:`Formaat`
    field)."""
    naam = dossiernaam(dossier)
    kaart = {"groep": dossier.id, "dossier": naam}
    uitwerkingen = index.uitwerkingen(dossier)
    uit = {index.entiteit(dossier.id).src: Kaart(
        "dossier", "", **kaart, niveau=niveautekst(u.niveau for u in dossier.uitstromen))}
    for u in dossier.uitstromen:
        uit[index.entiteit(dossier.id, u.code).src] = Kaart(
            "uitstroom", u.code, **kaart, plek=f"{u.code} {u.titel}",
            niveau=niveautekst([u.niveau]))
    for code, kerntaak in uitwerkingen.kerntaken.items():
        uitstromen = uitwerkingen.uitstromen_van_kerntaak(kerntaak)
        uit[index.entiteit(dossier.id, code).src] = Kaart(
            "kerntaak", code, **kaart, plek=", ".join(u.code for u in uitstromen),
            niveau=niveautekst(u.niveau for u in uitstromen))
    for code in uitwerkingen.werkprocessen:
        uitstromen = uitwerkingen.uitstromen_van(code)
        uit[index.entiteit(dossier.id, code).src] = Kaart(
            "werkproces", code, **kaart, plek=", ".join(u.code for u in uitstromen),
            niveau=niveautekst(u.niveau for u in uitstromen))
    return uit
