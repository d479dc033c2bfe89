"""Macros for hand-written pages (mkdocs-macros): cite dossiers instead of copying them.

Teachers write, in a page that opts in with ``render_macros: true``::

    {{ dossier_link("commercie", "P4-K1-W2") }}            a link (title from the data)
    {{ dossier_link("commercie", "P4-K1-W2", "gedrag") }}  a link to a section
    {{ werkproces_kaart("commercie", "P4-K1-W2") }}        a card: titel, resultaat, gedrag
    {{ werkprocessen("commercie", "P4") }}                 a profiel's werkprocessen
    {{ dossierkaarten() }}                                 a card per dossier (home page)

Codes of competentiegericht dossiers work the same way: ``U1`` (uitstroom), ``K1`` (kerntaak 1),
``2.3`` (werkproces), e.g. ``{{ dossier_link("commercieel-medewerker-2009", "2.3", "u1") }}``
and ``{{ werkprocessen("commercieel-medewerker-2009", "U1") }}``.

In a scoped preview (``make serve DOSSIERS=…``) a citation of a dossier left out of it is
marked as such instead of linked.

An unknown dossier, code or section fails the strict build with the page, the line and the
nearest valid name; so does a page that calls a macro without ``render_macros: true`` (it
would publish the literal ``{{ … }}``). The errors are warnings for mkdocs-macros
(``on_error_fail: false``), so ``mkdocs serve`` shows them and keeps running until the page
is fixed. Generated pages never pass through macros (``render_by_default: false``), so text from
a dossier can never run as a template. A link is Markdown (it stands inside the teacher's
sentence), escaped for exactly the Markdown extensions the site enables
(``markdown.escaper``: an extension it does not know stops the build); cards and lists are
HTML blocks made like the generated pages'
(:mod:`kwalificatiedossiers.opmaak`), whose text Markdown leaves alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Entiteit, Index
from kwalificatiedossiers.kaarten import kaart
from kwalificatiedossiers.markdown import MarkdownFout, escaper, relatief
from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.opmaak import alinea, geneste_lijst, link, samen
from kwalificatiedossiers.opmaak import esc as esc_html
from kwalificatiedossiers.paginas.bladeren import bladerlinks, kaarten, opleidingen
from kwalificatiedossiers.validatie import dichtstbij

PLUGIN = "kwalificatiedossiers"
MACROS = ("dossier_link", "werkproces_kaart", "werkprocessen", "dossierkaarten")
_AANROEP = re.compile(r"\{\{-?\s*(" + "|".join(MACROS) + r")\s*\(")
KAARTEN_MAX = 24
"""The most dossier cards the home page shows; a larger site shows the ways to browse."""


def macros_zonder_opt_in(bron: str, meta: Mapping[str, Any], src: str) -> list[str]:
    """A problem per line of a hand-written page (``bron``: the file's text, front matter
    included) that calls one of our macros while the page does not opt in with
    ``render_macros: true``: without it the page would show the literal ``{{ … }}``."""
    if meta.get("render_macros") is True:
        return []
    return [f"{src}:{nummer}: de macro '{gevonden.group(1)}' wordt niet uitgevoerd: zet "
            "'render_macros: true' in de kop van de pagina"
            for nummer, regel in enumerate(bron.splitlines(), 1)
            if (gevonden := _AANROEP.search(regel))]


class MacroFout(Exception):
    """A macro cited something that does not exist."""


def _plugin(env: Any) -> Any:
    plugin = env.conf["plugins"].get(PLUGIN)
    if plugin is None or plugin.index is None:
        raise MacroFout(f"de plugin '{PLUGIN}' moet vóór 'macros' in mkdocs.yml staan")
    return plugin


def _index(env: Any) -> Index:
    index: Index = _plugin(env).index
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
    try:
        esc = escaper(env.conf["markdown_extensions"])
    except MarkdownFout as exc:
        raise MacroFout(str(exc)) from None

    def van() -> str:
        src: str = env.page.file.src_uri
        return src

    def weggelaten(dossier_id: str, code: str) -> str | None:
        """The mark for a citation of a dossier that a scoped preview left out (else None)."""
        if dossier_id not in _index(env).corpus.weggelaten:
            return None
        naam = f"{dossier_id} {code}".strip()
        return (f'<span class="kd-weggelaten">{esc_html(naam)} (niet in deze voorvertoning)'
                "</span>")

    @env.macro  # type: ignore[untyped-decorator]
    def dossier_link(dossier_id: str, code: str = "", sectie: str = "") -> str:
        """A link to a dossier, profiel, kerntaak or werkproces (optionally a section)."""
        if (mark := weggelaten(dossier_id, code)) is not None:
            return mark
        entiteit = _zoek(env, dossier_id, code)
        label = entiteit.label
        if sectie:
            _controleer_sectie(env, entiteit, sectie)
        doel = entiteit.src + (f"#{sectie}" if sectie else "")
        return f"[{esc(label)}]({relatief(van(), doel)})"

    @env.macro  # type: ignore[untyped-decorator]
    def werkproces_kaart(dossier_id: str, code: str) -> str:
        """A card with a werkproces' title (linked), resultaat and gedrag (per uitstroom for a
        competentiegericht dossier)."""
        if (mark := weggelaten(dossier_id, code)) is not None:
            return alinea(mark)
        entiteit = _zoek(env, dossier_id, code)
        if entiteit.soort != "werkproces":
            raise MacroFout(f"{_plek(env, dossier_id, code)}: '{code}' is geen werkproces")
        return samen(['<div class="kd-kaart">', kaart(_index(env), entiteit, van()), "</div>"])

    @env.macro  # type: ignore[untyped-decorator]
    def werkprocessen(dossier_id: str, profiel_code: str) -> str:
        """The werkprocessen of a profiel (basisdeel included) or uitstroom, by kerntaak, as
        links (for an uitstroom: to its uitwerking of each werkproces)."""
        if (mark := weggelaten(dossier_id, profiel_code)) is not None:
            return alinea(mark)
        entiteit = _zoek(env, dossier_id, profiel_code)
        index = _index(env)
        if entiteit.soort == "uitstroom":
            uitwerkingen = index.uitwerkingen_van(dossier_id)
            return geneste_lijst(
                (esc_html(f"Kerntaak {kerntaak.nummer}: {kerntaak.titel}"),
                 [link(f"{w.code} {w.titel}", van(),
                       urls.uitwerking_src(dossier_id, w.code, entiteit.code))
                  for w in kerntaak.werkprocessen
                  if entiteit.object in uitwerkingen.uitstromen_van(w.code)])
                for kerntaak in uitwerkingen.dossier.kerntaken
                if uitwerkingen.kerntaakuitwerking(entiteit.object, kerntaak) is not None
            )
        if entiteit.soort != "profiel":
            raise MacroFout(f"{_plek(env, dossier_id, profiel_code)}: "
                            f"'{profiel_code}' is geen profiel of uitstroom")
        dossier = index.corpus.dossier(dossier_id)
        assert isinstance(dossier, Dossier)  # a dossier with profielen
        return geneste_lijst(
            (esc_html(f"{kerntaak.code} {kerntaak.titel}"),
             [link(f"{w.code} {w.titel}", van(), urls.entiteit_src(dossier_id, w.code))
              for w in kerntaak.werkprocessen])
            for kerntaak, profiel in index.kerntaken(dossier)
            if profiel is None or profiel.code == profiel_code
        )

    @env.macro  # type: ignore[untyped-decorator]
    def dossierkaarten() -> str:
        """A card per dossier (titel, crebo(s), niveaus, profielen or uitstromen as links,
        geldig vanaf or the cohort) while they fit on a page; on a larger site the ways to
        browse (:data:`KAARTEN_MAX`), so the home page stays small."""
        index = _index(env)
        alle = opleidingen(index)
        return bladerlinks(index, van()) if len(alle) > KAARTEN_MAX else kaarten(alle, van())


def _controleer_sectie(env: Any, entiteit: Entiteit, sectie: str) -> None:
    """Stop when ``sectie`` is no anchor on the entity's page, naming the nearest one."""
    ankers = _plugin(env).ankers.get(entiteit.src)
    if ankers is None or sectie in ankers:
        return
    suggestie = dichtstbij(sectie, sorted(ankers))
    raise MacroFout(
        f"{_plek(env, entiteit.dossier_id, entiteit.code, sectie)}: onbekend onderdeel "
        f"'{sectie}' op de pagina van {entiteit.code or entiteit.dossier_id}"
        + (f" (bedoelt u '{suggestie}'?)" if suggestie else ""))
