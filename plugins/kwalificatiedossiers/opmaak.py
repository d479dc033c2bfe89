"""Writing generated pages as HTML, straight from the model.

Generated pages do not pass through Python-Markdown: their HTML, heading ids and table of
contents come from here (a third of a build's time went to converting Markdown we had written
ourselves). Everything that comes from a source passes through :func:`esc`, so a ``<``, ``&``,
``*`` or ``{{`` in a dossier is shown literally wherever the HTML ends up: on a generated page,
or inside a hand-written Markdown page through a macro (where Markdown and Jinja would otherwise
see it).

Headings get the ids and permalinks that the ``toc`` extension gave them when these pages were
Markdown (:func:`kop`, :func:`maak_pagina_html`), so every published anchor stays valid.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyphen

from kwalificatiedossiers import urls
from kwalificatiedossiers.model.tekst import Blok, Genummerd, Kop, Lijst, Tabel

# Characters that HTML or Markdown (emphasis, code, links, escapes) or Jinja would read, as
# character references: a browser shows them the same.
_TEKEN = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "&#92;", "`": "&#96;", "*": "&#42;",
    "_": "&#95;", "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;",
})
_TAGS = re.compile(r"<[^>]+>")
_ATTRIBUUT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "{": "&#123;", "}": "&#125;"})

PERMALINK_TITEL = "Link naar dit onderdeel"
ZOEKGEWICHT_TITEL = 10
"""Search weight of a page's title and codes (headings default to 3, body text to 1), so that a
search for ``P4-K1-W2`` or a crebo number lands on the page it names."""
ZWARE_GEGEVENS = frozenset({"Crebo"})
"""Facts that identify the page itself; they weigh as much as the title in search."""

_AUTO_ID = "\x00"
"""Stands in for the id of a heading without a fixed anchor until the page is complete
(:func:`maak_pagina_html` derives it from the text, unique on the page)."""


def esc(tekst: str) -> str:
    """Data text as HTML text: one line, shown literally."""
    return " ".join(tekst.split()).translate(_TEKEN)


def esc_attr(tekst: str) -> str:
    """Data text as the value of a double-quoted attribute."""
    return " ".join(tekst.split()).translate(_ATTRIBUUT)


def css_tekst(tekst: str) -> str:
    """Data text as a CSS string inside a double-quoted ``style`` attribute."""
    binnen = " ".join(tekst.split()).replace("\\", "\\\\").replace("'", "\\'")
    return "'" + binnen.translate(_ATTRIBUUT) + "'"


AFBREEK_LENGTE = 10
"""Words from this length on get soft hyphens in narrow column heads."""


@functools.cache
def _afbreker() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def esc_afbreekbaar(tekst: str) -> str:
    """Data text for a narrow column head: escaped, long words with soft hyphens at their Dutch
    hyphenation points, so a browser breaks ``arbeids-bemiddeling`` between syllables (without
    them, it breaks mid-syllable or overflows; browsers hyphenate ``nl`` only where they ship a
    dictionary)."""
    woorden = " ".join(tekst.split()).split(" ")
    return " ".join(
        esc(_afbreker().inserted(w, hyphen="\u00ad")) if len(w) >= AFBREEK_LENGTE else esc(w)
        for w in woorden
    )


def href(van: str, naar: str) -> str:
    """The URL of a generated page (``naar``, a source URI, optionally with an anchor) as seen
    from another (``van``): relative, to the page's directory URL."""
    pad, _, anker = naar.partition("#")
    if not pad:
        return f"#{anker}"
    # posixpath.relpath by hand: both URLs are clean relative paths, and this runs for every
    # link of every page (relpath was a third of page generation).
    van_delen = [d for d in urls.url(van).split("/") if d]
    naar_delen = [d for d in urls.url(pad).split("/") if d]
    gedeeld = 0
    for a, b in zip(van_delen, naar_delen, strict=False):
        if a != b:
            break
        gedeeld += 1
    rel = "/".join([".."] * (len(van_delen) - gedeeld) + naar_delen[gedeeld:])
    return (rel + "/" if rel else "./") + (f"#{anker}" if anker else "")


def link(label: str, van: str, naar: str) -> str:
    """A link with an escaped label to another page (or ``#anker`` on this page)."""
    return f'<a href="{href(van, naar)}">{esc(label)}</a>'


def alinea(inhoud: str) -> str:
    """A paragraph of already-formatted HTML."""
    return f"<p>{inhoud}</p>"


def tekst(regel: str) -> str:
    """A paragraph of data text."""
    return alinea(esc(regel))


def vet(regel: str) -> str:
    """A bold lead-in line of data text (a label above a text, not a heading)."""
    return alinea(f"<strong>{esc(regel)}</strong>")


def code_html(regel: str) -> str:
    """Inline code: a file or field name in our own text."""
    return f"<code>{esc(regel)}</code>"


def kop(niveau: int, regel: str, anker: str | None = None) -> str:
    """A heading of data text with a permalink; the id is ``anker`` or, without one, derived from
    the text. The page title (level 1) weighs most in search."""
    attributen = f' data-zoek-gewicht="{ZOEKGEWICHT_TITEL}"' if niveau == 1 else ""
    ident = anker if anker is not None else _AUTO_ID
    return (f'<h{niveau}{attributen} id="{ident}">{esc(regel)}'
            f'<a class="headerlink" href="#{ident}" title="{PERMALINK_TITEL}">#</a>'
            f"</h{niveau}>")


def lijst(items: Iterable[str]) -> str:
    """A bulleted list of already-formatted items ("" when there are none)."""
    regels = [f"<li>{item}</li>" for item in items]
    return "<ul>\n" + "\n".join(regels) + "\n</ul>" if regels else ""


def genummerd(items: Iterable[str]) -> str:
    """A numbered list of already-formatted items."""
    return "<ol>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ol>"


def geneste_lijst(groepen: Iterable[tuple[str, Sequence[str]]]) -> str:
    """A two-level list: (item, its sub-items), all already formatted."""
    items = [
        item + ("\n" + lijst(onder) if onder else "")
        for item, onder in groepen
    ]
    return lijst(items)


KAARTEN_VANAF = 3
"""Tables with this many columns or more show each row as a block on a phone."""


def tabel(koppen: Sequence[str], rijen: Iterable[Sequence[str]], bijschrift: str | None = None
          ) -> str:
    """A simple table of already-formatted cells (a short row is filled with empty cells).

    A table of :data:`KAARTEN_VANAF` columns or more carries each column's name on its cells
    (``data-kop``), so that on a phone it reads as one block per row instead of scrolling.
    """
    regels = [alinea(f"<em>{esc(bijschrift)}</em>")] if bijschrift else []
    kaarten = len(koppen) >= KAARTEN_VANAF
    regels += ["<table data-kd-kaarten>" if kaarten else "<table>", "<thead>", "<tr>",
               *(f"<th>{k}</th>" for k in koppen), "</tr>", "</thead>", "<tbody>"]
    kolomnamen = [f' data-kop="{esc_attr(html.unescape(_TAGS.sub("", k)))}"' if kaarten else ""
                  for k in koppen]
    for rij in rijen:
        cellen = [*rij, *[""] * (len(koppen) - len(rij))]
        regels += ["<tr>", *(f"<td{naam}>{c}</td>"
                             for naam, c in zip(kolomnamen, cellen, strict=False)), "</tr>"]
    regels += ["</tbody>", "</table>"]
    return "\n".join(regels)


def gegevens(paren: Iterable[tuple[str, str | None]]) -> str:
    """A list of facts: label and already-formatted value; empty values left out.

    A description list reads well on a phone, in print and with a screen reader.
    """
    rijen = [(label, waarde) for label, waarde in paren if waarde]
    if not rijen:
        return ""
    regels = ['<dl class="kd-gegevens">']
    for label, waarde in rijen:
        gewicht = (f' data-zoek-gewicht="{ZOEKGEWICHT_TITEL}"'
                   if label in ZWARE_GEGEVENS else "")
        regels += [f"<dt>{esc(label)}</dt>", f"<dd{gewicht}>{waarde}</dd>"]
    regels.append("</dl>")
    return "\n".join(regels)


def tekstblokken(blokken: Sequence[Blok], kopniveau: int = 3) -> str:
    """Structured text (paragraphs, lists, headings, tables) as HTML."""
    delen = []
    for blok in blokken:
        if isinstance(blok, str):
            delen.append(tekst(blok))
        elif isinstance(blok, Lijst):
            delen.append(lijst(esc(item) for item in blok.lijst))
        elif isinstance(blok, Genummerd):
            delen.append(genummerd(esc(item) for item in blok.genummerd))
        elif isinstance(blok, Kop):
            delen.append(kop(kopniveau, blok.kop))
        elif isinstance(blok, Tabel):
            delen.append(tabel([esc(k) for k in blok.tabel.kolommen],
                               [[esc(c) for c in rij] for rij in blok.tabel.rijen],
                               blok.bijschrift))
    return "\n".join(delen)


def samen(delen: Iterable[str]) -> str:
    """Blocks of a page in order, empty ones left out."""
    return "\n".join(d for d in delen if d)


# A whole page ------------------------------------------------------------------------------

_KOP = re.compile(
    r'<h([1-6])((?: [\w-]+="[^"]*")*) id="([^"]*)">(.*?)<a class="headerlink" href="#[^"]*"')
_ID = re.compile(r' id="([^"]+)"')
_VOLGNUMMER = re.compile(r"^(.*)_([0-9]+)$")


@dataclass(frozen=True)
class TocItem:
    """One heading in a page's table of contents (the shape MkDocs' ``get_toc`` reads)."""

    niveau: int
    id: str
    naam: str
    """The heading's text as HTML."""
    kinderen: tuple[TocItem, ...] = ()

    def als_token(self) -> dict[str, object]:
        """As the ``toc`` extension's token: what MkDocs turns into the page's ``toc``."""
        return {"level": self.niveau, "id": self.id, "name": self.naam,
                "children": [k.als_token() for k in self.kinderen]}


@dataclass(frozen=True)
class PaginaHtml:
    """A page's body with what MkDocs needs besides it."""

    html: str
    toc: tuple[TocItem, ...]
    ankers: frozenset[str]
    """Every id on the page (anchors hand-written pages may link to)."""


def slug(regel: str) -> str:
    """The id the ``toc`` extension derives from a heading's text: ASCII, lowercase, words
    joined by ``-`` (``Vakkennis en vaardigheden`` → ``vakkennis-en-vaardigheden``). Kept as
    our own so that published anchors do not depend on an engine's version."""
    ascii_ = unicodedata.normalize("NFKD", regel).encode("ascii", "ignore").decode("ascii")
    woorden = re.sub(r"[^\w\s-]", "", ascii_).strip().lower()
    return re.sub(r"[-\s]+", "-", woorden)


def _uniek(ident: str, gebruikt: set[str]) -> str:
    """``ident``, or with ``_1``, ``_2`` … when the page uses it already (as ``toc`` does)."""
    while ident in gebruikt or not ident:
        gevonden = _VOLGNUMMER.match(ident)
        ident = (f"{gevonden.group(1)}_{int(gevonden.group(2)) + 1}" if gevonden
                 else f"{ident}_1")
    gebruikt.add(ident)
    return ident


def maak_pagina_html(body: str) -> PaginaHtml:
    """Complete a page: ids for headings without a fixed anchor (from their text, unique on the
    page, in reading order), the table of contents and the set of ids."""
    gebruikt = {i for i in _ID.findall(body) if i != _AUTO_ID}
    koppen: list[tuple[int, str, str]] = []

    def vul_in(match: re.Match[str]) -> str:
        niveau, attributen, ident, naam = match.groups()
        tekst_ = _TAGS.sub("", naam)
        if ident == _AUTO_ID:
            ident = _uniek(slug(html.unescape(tekst_)), gebruikt)
        koppen.append((int(niveau), ident, tekst_))
        return f'<h{niveau}{attributen} id="{ident}">{naam}<a class="headerlink" href="#{ident}"'

    compleet = _KOP.sub(vul_in, body)
    return PaginaHtml(compleet, _nest(koppen), frozenset(_ID.findall(compleet)))


def _nest(koppen: list[tuple[int, str, str]]) -> tuple[TocItem, ...]:
    """Headings in reading order as a tree: each heading holds the deeper ones after it."""

    def bouw(begin: int, einde: int) -> tuple[TocItem, ...]:
        items = []
        i = begin
        while i < einde:
            niveau, ident, naam = koppen[i]
            j = i + 1
            while j < einde and koppen[j][0] > niveau:
                j += 1
            items.append(TocItem(niveau, ident, naam, bouw(i + 1, j)))
            i = j
        return tuple(items)

    return bouw(0, len(koppen))
