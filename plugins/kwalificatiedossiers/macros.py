"""Macros for hand-written pages (mkdocs-macros): cite dossiers instead of copying them.

Teachers write, in a page that opts in with ``render_macros: true``::

    {{ dossier_link("commercie", "P4-K1-W2") }}            a link (title from the data)
    {{ dossier_link("commercie", "P4-K1-W2", "gedrag") }}  a link to a section
    {{ werkproces_kaart("commercie", "P4-K1-W2") }}        a card: titel, resultaat, gedrag
    {{ werkprocessen("commercie", "P4") }}                 a profiel's werkprocessen
    {{ dossierkaarten() }}                                 a card per dossier (home page)

Codes of competentiegericht dossiers work the same way: ``U1`` (uitstroom), ``K1`` (kerntaak 1),
``2.3`` (werkproces), e.g. ``{{ dossier_link("commercieel-medewerker-2009", "2.3", "u1") }}``.

An unknown dossier or code stops the build with the page, the line and the code. Generated
pages never pass through macros (``render_by_default: false``), so text from a dossier can
never run as a template. A link is Markdown (it stands inside the teacher's sentence); cards and
lists are HTML blocks made like the generated pages' (:mod:`kwalificatiedossiers.opmaak`), whose
text Markdown leaves alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Entiteit, Index
from kwalificatiedossiers.laden import AnyDossier
from kwalificatiedossiers.markdown import esc, relatief
from kwalificatiedossiers.model import Profiel, Werkproces
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht, Uitstroom
from kwalificatiedossiers.opmaak import alinea, geneste_lijst, link, samen, tekstblokken
from kwalificatiedossiers.opmaak import esc as esc_html
from kwalificatiedossiers.paginas.entiteiten import gedrag
from kwalificatiedossiers.validatie import dichtstbij

PLUGIN = "kwalificatiedossiers"


class MacroFout(Exception):
    """A macro cited something that does not exist."""


def _index(env: Any) -> Index:
    plugin = env.conf["plugins"].get(PLUGIN)
    if plugin is None or plugin.index is None:
        raise MacroFout(f"de plugin '{PLUGIN}' moet vóór 'macros' in mkdocs.yml staan")
    index: Index = plugin.index
    return index


def _plek(env: Any, *zoektermen: str) -> str:
    """``docs/pagina.md:regel`` of the first line that calls a macro with these arguments."""
    src: str = env.page.file.src_uri
    # The file's own text (with front matter), so the line number matches the editor's.
    bron = env.page.file.content_string
    for nummer, regel in enumerate(bron.splitlines(), 1):
        if "{{" in regel and all(f'"{t}"' in regel or f"'{t}'" in regel for t in zoektermen):
            return f"{src}:{nummer}"
    return src


def _zoek(env: Any, dossier_id: str, code: str = "") -> Entiteit:
    index = _index(env)
    dossiers = sorted({d for d, _ in index.entiteiten})
    if dossier_id not in dossiers:
        suggestie = dichtstbij(dossier_id, dossiers)
        raise MacroFout(
            f"{_plek(env, dossier_id)}: onbekend dossier '{dossier_id}'"
            + (f" (bedoelt u '{suggestie}'?)" if suggestie else "")
            + f"; bekend: {', '.join(dossiers)}"
        )
    try:
        return index.entiteit(dossier_id, code)
    except KeyError:
        codes = [c for d, c in index.entiteiten if d == dossier_id and c]
        suggestie = dichtstbij(code, codes)
        raise MacroFout(
            f"{_plek(env, dossier_id, code)}: onbekende code '{code}' in dossier "
            f"'{dossier_id}'" + (f" (bedoelt u '{suggestie}'?)" if suggestie else "")
        ) from None


def define_env(env: Any) -> None:
    """Register the macros (called by mkdocs-macros)."""

    def van() -> str:
        src: str = env.page.file.src_uri
        return src

    @env.macro  # type: ignore[untyped-decorator]
    def dossier_link(dossier_id: str, code: str = "", sectie: str = "") -> str:
        """A link to a dossier, profiel, kerntaak or werkproces (optionally a section)."""
        entiteit = _zoek(env, dossier_id, code)
        label = entiteit.titel if entiteit.soort == "dossier" else (
            f"{entiteit.code} {entiteit.titel}")
        doel = entiteit.src + (f"#{sectie}" if sectie else "")
        return f"[{esc(label)}]({relatief(van(), doel)})"

    @env.macro  # type: ignore[untyped-decorator]
    def werkproces_kaart(dossier_id: str, code: str) -> str:
        """A card with a werkproces' title (linked), resultaat and gedrag."""
        entiteit = _zoek(env, dossier_id, code)
        if not isinstance(entiteit.object, Werkproces):
            raise MacroFout(f"{_plek(env, dossier_id, code)}: '{code}' is geen werkproces")
        werkproces: Werkproces = entiteit.object
        return samen([
            '<div class="kd-kaart">',
            alinea("<strong>" + link(f"{werkproces.code} {werkproces.titel}", van(),
                                     entiteit.src) + "</strong>"),
            alinea("<em>Resultaat</em>"),
            tekstblokken(werkproces.resultaat),
            alinea("<em>Gedrag</em>"),
            gedrag(werkproces.gedrag),
            "</div>",
        ])

    @env.macro  # type: ignore[untyped-decorator]
    def werkprocessen(dossier_id: str, profiel_code: str) -> str:
        """The werkprocessen of a profiel (basisdeel included), by kerntaak, as links."""
        entiteit = _zoek(env, dossier_id, profiel_code)
        if entiteit.soort != "profiel":
            raise MacroFout(f"{_plek(env, dossier_id, profiel_code)}: "
                            f"'{profiel_code}' is geen profiel")
        index = _index(env)
        dossier = next(d for d in index.basis_profiel if d.id == dossier_id)
        return geneste_lijst(
            (esc_html(f"{kerntaak.code} {kerntaak.titel}"),
             [link(f"{w.code} {w.titel}", van(), urls.entiteit_src(dossier_id, w.code))
              for w in kerntaak.werkprocessen])
            for kerntaak, profiel in index.kerntaken(dossier)
            if profiel is None or profiel.code == profiel_code
        )

    @env.macro  # type: ignore[untyped-decorator]
    def dossierkaarten() -> str:
        """A card per dossier: titel, crebo(s), niveaus, profielen or uitstromen, and geldig
        vanaf or the cohort."""
        index = _index(env)
        kaarten = [
            _kaart(dossier, link(dossier.titel, van(), index.entiteit(dossier.id).src))
            for dossier in index.corpus.dossiers if (dossier.id, "") in index.entiteiten
        ]
        return samen(['<div class="grid cards">', "<ul>", *kaarten, "</ul>", "</div>"])


def _kaart(dossier: AnyDossier, naar: str) -> str:
    """One card of :func:`dossierkaarten` (a list item; ``naar`` is the link to the dossier)."""
    onderdelen: Sequence[Profiel | Uitstroom]
    if isinstance(dossier, DossierCompetentiegericht):
        crebos, onderdelen = dossier.crebos, dossier.uitstromen
        slot = dossier.cohort
    else:
        crebos, onderdelen = [dossier.crebo], dossier.profielen
        slot = (f"Geldig vanaf {dossier.geldig_vanaf.strftime('%d-%m-%Y')}"
                if dossier.geldig_vanaf else "")
    niveaus = sorted({o.niveau for o in onderdelen})
    return samen([
        "<li>",
        alinea(f"<strong>{naar}</strong>"),
        alinea(f"Crebo {esc_html(', '.join(crebos))} · mbo-niveau "
               + ", ".join(str(n) for n in niveaus)),
        alinea(", ".join(esc_html(f"{o.code} {o.titel}") for o in onderdelen)),
        alinea(esc_html(slot)) if slot else "",
        "</li>",
    ])
