"""Page and file objects shared by the page builders, and their common pieces."""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import dossiernaam
from kwalificatiedossiers.model.corpus import AnyDossier, Bronplek, natuurlijke_sleutel
from kwalificatiedossiers.opmaak import (
    PaginaHtml,
    alinea,
    esc,
    esc_attr,
    href,
    kop,
    lijst,
    link,
    maak_pagina_html,
)
from kwalificatiedossiers.urls import url

TEMPLATE = "kwalificatiedossiers/entiteit.html"
"""The template of every generated page (breadcrumbs above the content)."""


@dataclass(frozen=True)
class Kruimel:
    """One step of a breadcrumb trail."""

    titel: str
    src: str | None
    """The page's source URI; ``None`` for the current page."""


@dataclass(frozen=True)
class Pagina:
    """A generated page: its body as HTML and the metadata its template reads."""

    src: str
    titel: str
    body: str
    """The page's content as HTML (:mod:`kwalificatiedossiers.opmaak`); heading ids are
    completed by :meth:`html`."""
    soort: str
    kruimelpad: tuple[Kruimel, ...] = ()
    bron: Bronplek | None = None
    """The data file the page comes from (for the edit link)."""
    beschrijving: str | None = None
    zoekbaar: bool = True
    """Whether the page is indexed for search (matrices and compare pages are not)."""
    template: str = TEMPLATE
    extra: dict[str, Any] = field(default_factory=dict)
    """Further front matter (e.g. ``hide``)."""

    def meta(self) -> dict[str, Any]:
        """What the templates read from ``page.meta`` (front matter on a written page)."""
        # Material prints title and description into the HTML unescaped.
        meta: dict[str, Any] = {
            "title": html.escape(self.titel),
            "template": self.template,
            "soort": self.soort,
        }
        if self.beschrijving:
            meta["description"] = html.escape(self.beschrijving)
        if self.kruimelpad:
            meta["kruimelpad"] = [
                {"titel": k.titel, "url": _url_of_none(k.src)} for k in self.kruimelpad
            ]
        if not self.zoekbaar:
            meta["zoekbaar"] = False
        meta.update(self.extra)
        return meta

    @functools.cached_property
    def html(self) -> PaginaHtml:
        """The complete body with its table of contents and anchors (made once: a page kept
        for the next rebuild in ``mkdocs serve`` keeps it too)."""
        return maak_pagina_html(self.body)


def _url_of_none(src: str | None) -> str | None:
    return None if src is None else url(src)


class Bestand:
    """A generated static file (a redirect page, a JSON export), held as UTF-8: a text with one
    character beyond Latin-1 takes two or four bytes a character as ``str``, and a build at
    national size holds hundreds of megabytes of these files at once."""

    __slots__ = ("data", "src")

    def __init__(self, src: str, inhoud: str) -> None:
        self.src = src
        self.data = inhoud.encode("utf-8")

    @property
    def inhoud(self) -> str:
        """The file's text."""
        return self.data.decode("utf-8")

    def __eq__(self, ander: object) -> bool:
        return isinstance(ander, Bestand) and (self.src, self.data) == (ander.src, ander.data)

    def __hash__(self) -> int:
        return hash((self.src, self.data))

    def __repr__(self) -> str:
        return f"Bestand({self.src!r}, {len(self.data)} bytes)"


HOME = Kruimel("Home", "index.md")
KAART = "kaart/"
"""The embeddable card of a werkproces, relative to its page (``urls.kaart_src``); the share
menu offers its embed code."""


def kruimels_dossier(dossier: AnyDossier) -> tuple[Kruimel, ...]:
    """Home › dossier."""
    return (HOME, Kruimel(dossiernaam(dossier), urls.dossier_src(dossier.id)))


def datum(waarde: dt.date | None) -> str | None:
    """A date as Dutch documents print it: ``01-08-2023``."""
    return waarde.strftime("%d-%m-%Y") if waarde else None


def vergelijkingspagina(
    src: str, naam: str, kruimels: tuple[Kruimel, ...], body: str, soort: str,
    beschrijving: str, *, met_inhoudsopgave: bool,
) -> Pagina:
    """A matrix or compare page: wide, outside the search index, breadcrumbs below the dossier.

    ``kruimels`` are the steps after the dossier (the last is the page itself).
    """
    return Pagina(
        src=src,
        titel=naam,
        body=body,
        soort=soort,
        kruimelpad=kruimels,
        zoekbaar=False,
        extra={"hide": ["navigation"] if met_inhoudsopgave else ["navigation", "toc"]},
        beschrijving=beschrijving,
    )


def vergelijklinks(dossier_id: str, src: str, code: str, titel: str,
                   andere: list[tuple[str, str]], kopje: str) -> list[str]:
    """The section of a profiel or uitstroom page that compares it: with every other of its
    dossier on their compare page (``andere``: code and title), and through the picker with any
    profiel or uitstroom of any dossier or version (``/vergelijken/``)."""
    return [kop(2, kopje, "vergelijken"), lijst(
        link(f"{code} en {ander} {titel_ander}", src,
             urls.vergelijk_src(dossier_id, *sorted(
                 (code, ander), key=natuurlijke_sleutel)))
        for ander, titel_ander in andere
    ), profielkiezer(src, urls.profiel_ref(dossier_id, code),
                     f"{code} {titel} vergelijken met een profiel uit elk dossier")]


SCRIPTS_KIEZER = ("profielkiezer.js",)
"""The script of a page with a picker (pages name theirs in ``scripts``: the site-wide scripts
stay as they are)."""


def api_map(src: str) -> str:
    """The export's folder as seen from page ``src``."""
    return href(src, "index.md") + urls.API + "/"


def _kant(kant: str, legenda: str) -> str:
    """The selects of one side of a picker: dossier, version (shown when there are several)
    and profiel; the last carries the side's name in the address (``a`` or ``b``)."""

    def veld(deel: str, label: str, naam: str = "") -> str:
        # The profiel is required; its empty first option asks for one (the script adds the
        # others).
        attribuut = f' name="{naam}" required' if naam else ""
        leeg = '<option value="">Kies</option>' if naam else ""
        return (f'<div class="kd-kiezer__veld" data-kd-veld="{deel}">'
                f'<label for="kd-{kant}-{deel}">{label}</label>'
                f'<select id="kd-{kant}-{deel}"{attribuut}>{leeg}</select></div>')

    return (f'<fieldset class="kd-kiezer__kant" data-kd-kant="{kant}">'
            f"<legend>{esc(legenda)}</legend>"
            + veld("dossier", "Dossier") + veld("versie", "Versie")
            + veld("profiel", "Profiel of uitstroom", kant) + "</fieldset>")


def profielkiezer(src: str, ref: str | None, legenda_b: str) -> str:
    """A form that opens the in-browser compare of two profielen: with ``ref`` (the profiel of
    the page it stands on, :func:`~kwalificatiedossiers.urls.profiel_ref`) as the first, or
    both chosen. Hidden until ``profielkiezer.js`` has filled it from the index of all
    profielen: it needs that script, as the compare page does."""
    eerste = (f'<input type="hidden" name="a" value="{esc_attr(ref)}">' if ref
              else _kant("a", "Eerste profiel"))
    return "\n".join([
        (f'<form class="kd-kiezer kd-kiezer--profielen" method="get" '
         f'action="{href(src, urls.vergelijken_src())}" data-kd-profielkiezer '
         f'data-kd-api="{api_map(src)}" data-kd-melding="Kies twee verschillende profielen." '
         "hidden>"),
        eerste,
        _kant("b", legenda_b),
        '<button type="submit">Vergelijk</button>',
        "</form>",
    ])


SAMENVATTING_MAX = 200
"""The longest description (a link preview shows about this much)."""


def samenvatting(begin: str, tekst: Iterable[str]) -> str:
    """A page's description: ``begin`` and as much of ``tekst`` as fits in a link preview, cut
    at a word."""
    woorden = " ".join(" ".join(tekst).split())
    if not woorden:
        return begin
    ruimte = SAMENVATTING_MAX - len(begin) - 1
    if len(woorden) > ruimte:
        woorden = woorden[:ruimte].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return f"{begin} {woorden}"


def structuur(gegevens: dict[str, Any]) -> str:
    """Structured data (schema.org, JSON-LD) for a page's ``<script>``: sorted, and safe
    inside HTML (no ``<``, ``>`` or ``&`` that could end the script)."""
    tekst = json.dumps({"@context": "https://schema.org", **gegevens}, ensure_ascii=False,
                       sort_keys=True, separators=(",", ":"))
    return (tekst.replace("&", "\\u0026").replace("<", "\\u003c")
            .replace(">", "\\u003e"))


def werkprocessen_van_kerntaak(src: str, items: Sequence[tuple[str, str]], huidig: str
                               ) -> list[str]:
    """The section "Werkprocessen van deze kerntaak" of a werkproces page: all of them in
    order (``items``: label and page), the current one marked instead of linked."""
    return [kop(2, "Werkprocessen van deze kerntaak", "verder"), lijst(
        f'<strong aria-current="page">{esc(label)}</strong> (deze pagina)' if doel == huidig
        else link(label, src, doel)
        for label, doel in items
    )]


def bron_pagina(dossier: AnyDossier, naam: str, body: list[str], bron: Bronplek | None
                ) -> Pagina:
    """A dossier's provenance on a page of its own (``<dossier>/bron/``): for maintainers and
    whoever checks the site against its sources, out of students' way."""
    return Pagina(
        src=urls.bron_src(dossier.id),
        titel=f"Bron en verantwoording: {naam}",
        body="\n".join([kop(1, f"Bron en verantwoording: {naam}"), *body]),
        soort="bron",
        kruimelpad=(*kruimels_dossier(dossier), Kruimel("Bron en verantwoording", None)),
        bron=bron,
        zoekbaar=False,
        beschrijving=f"Waar de gegevens van {naam} op deze site vandaan komen: bronbestanden, "
        "wat de importer afleidde en waar bronnen verschillen.",
    )


def bronverwijzing(dossier_id: str, src: str, secties: Sequence[tuple[str, str]],
                   ankers: Iterable[str]) -> list[str]:
    """The section "Bron" of a dossier page: a pointer to the provenance page, with an item per
    section there. Every anchor that moved there (``ankers``) keeps an element on this page
    whose ``data-kd-verhuisd`` site.js follows, so a link to ``#verschillen`` made before the
    move still lands on the differences."""
    doel = urls.bron_src(dossier_id)

    def verhuisd(anker: str) -> str:
        return f'id="{anker}" data-kd-verhuisd="{esc_attr(href(src, f"{doel}#{anker}"))}"'

    zichtbaar = {anker for _, anker in secties} & set(ankers)
    return [
        kop(2, "Bron en verantwoording", "bron"),
        alinea("Waar de gegevens op deze site vandaan komen en hoe het dossier tot stand kwam, "
               f"staat op {link('Bron en verantwoording', src, doel)}:"),
        lijst(f"<span {verhuisd(anker)}>{link(titel, src, f'{doel}#{anker}')}</span>"
              if anker in zichtbaar else link(titel, src, f"{doel}#{anker}")
              for titel, anker in secties),
        "".join(f"<span {verhuisd(anker)}></span>" for anker in sorted(set(ankers) - zichtbaar)),
    ]


def paginanummers(src: str, nummer: int, aantal: int, src_van: Callable[[int], str],
                  naam: str) -> str:
    """Links to the other pages of something spread over ``aantal`` pages (``src_van``: the
    page with a number), this one (``nummer``) marked; ``naam`` says what they are."""
    return (f'<nav class="kd-paginas" aria-label="{esc_attr(naam)}">' + lijst(
        f'<span aria-current="page">{n}</span>' if n == nummer else link(str(n), src, src_van(n))
        for n in range(1, aantal + 1)) + "</nav>")
