"""Writing generated Markdown: escaping data text and rendering structured text blocks.

Everything that comes from a source passes through :func:`esc` before it becomes Markdown, so a
``*``, ``_``, ``<``, ``[``, ``|``, backtick or ``{{`` in a dossier is shown literally and can
never become emphasis, HTML, a link, a table cell break, an attribute list or a Jinja
expression. Our own markup (headings, links, lists) is added around escaped text only.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Iterable, Sequence

from kwalificatiedossiers import urls
from kwalificatiedossiers.model.tekst import Blok, Genummerd, Kop, Lijst, Tabel

# Markup characters that are special anywhere in a line: backslash-escaped.
_BACKSLASH = str.maketrans({c: "\\" + c for c in "\\`*_[]#"})
# Characters that start HTML, entities, table cells, attribute lists or Jinja: entities.
# (The site enables no extension that gives meaning to ~ ^ = : or $; see mkdocs.yml.)
_ENTITEIT = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "{": "&#123;", "}": "&#125;",
})
_WITRUIMTE = re.compile(r"\s+")
# A line that starts like a list item or a numbered list item.
_LIJSTBEGIN = re.compile(r"^([-+]|\d+[.)])(?=\s|$)")


def esc(tekst: str) -> str:
    """Escape data text for use inline in Markdown (one line, shown literally)."""
    enkel = _WITRUIMTE.sub(" ", tekst).strip()
    veilig = enkel.translate(_BACKSLASH).translate(_ENTITEIT)
    return _LIJSTBEGIN.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], veilig)


def relatief(van: str, naar: str) -> str:
    """Relative link from one generated source file to another (both ``src_uri``\\ s)."""
    pad, _, anker = naar.partition("#")
    map_, naam = posixpath.split(pad)
    rel = posixpath.join(_map_naar_map(posixpath.dirname(van), map_), naam)
    return rel + (f"#{anker}" if anker else "")


@functools.lru_cache(maxsize=4096)
def _map_naar_map(van: str, naar: str) -> str:
    """Relative path between two folders; pages sit in few folders and link a lot, so each
    pair is computed once (``relpath`` was a tenth of page generation)."""
    rel = posixpath.relpath(naar or ".", van or ".")
    return "" if rel == "." else rel


def link(label: str, van: str, naar: str) -> str:
    """A Markdown link with an escaped label to another source file."""
    return f"[{esc(label)}]({relatief(van, naar)})"


ZOEKGEWICHT_TITEL = 10
"""Search weight of a page's title and codes (headings default to 7, body text to 1), so
that a search for ``P4-K1-W2`` or a crebo number lands on the page it names."""


def kop(niveau: int, tekst: str, anker: str | None = None) -> str:
    """A heading with an escaped text and, when given, a fixed anchor.

    The page title (level 1) weighs most in search.
    """
    attributen = [f"#{anker}"] if anker else []
    if niveau == 1:
        attributen.append(f'data-zoek-gewicht="{ZOEKGEWICHT_TITEL}"')
    suffix = f" {{: {' '.join(attributen)} }}" if attributen else ""
    return f"{'#' * niveau} {esc(tekst)}{suffix}"


def lijst(items: Iterable[str]) -> str:
    """A bulleted list of already-formatted Markdown items."""
    return "\n".join(f"- {item}" for item in items)


def tekstblokken(tekst: Sequence[Blok], kopniveau: int = 3) -> str:
    """Render structured text (paragraphs, lists, headings, tables) as Markdown."""
    delen = []
    for blok in tekst:
        if isinstance(blok, str):
            delen.append(esc(blok))
        elif isinstance(blok, Lijst):
            delen.append(lijst(esc(item) for item in blok.lijst))
        elif isinstance(blok, Genummerd):
            delen.append("\n".join(f"{i}. {esc(item)}" for i, item in enumerate(blok.genummerd, 1)))
        elif isinstance(blok, Kop):
            delen.append(kop(kopniveau, blok.kop))
        elif isinstance(blok, Tabel):
            delen.append(tabel(blok.tabel.kolommen, blok.tabel.rijen, blok.bijschrift))
    return "\n\n".join(delen)


def tabel(kolommen: Sequence[str], rijen: Sequence[Sequence[str]], bijschrift: str | None = None
          ) -> str:
    """A Markdown table of data text (every cell escaped)."""
    regels = []
    if bijschrift:
        regels += [f"*{esc(bijschrift)}*", ""]
    regels.append("| " + " | ".join(esc(k) or " " for k in kolommen) + " |")
    regels.append("|" + "---|" * len(kolommen))
    for rij in rijen:
        cellen = [esc(c) for c in rij] + [""] * (len(kolommen) - len(rij))
        regels.append("| " + " | ".join(c or " " for c in cellen) + " |")
    return "\n".join(regels)


ZWARE_GEGEVENS = frozenset({"Crebo"})
"""Facts that identify the page itself; they weigh as much as the title in search."""


def gegevens(paren: Iterable[tuple[str, str | None]]) -> str:
    """A list of facts: label and already-formatted Markdown value; empty values left out.

    Rendered as a description list (``md_in_html``), which reads well on a phone, in print and
    with a screen reader.
    """
    rijen = [(label, waarde) for label, waarde in paren if waarde]
    if not rijen:
        return ""
    regels = ['<dl class="kd-gegevens" markdown="1">']
    for label, waarde in rijen:
        gewicht = (f' data-zoek-gewicht="{ZOEKGEWICHT_TITEL}"'
                   if label in ZWARE_GEGEVENS else "")
        regels += [f"<dt>{esc_html(label)}</dt>", f'<dd markdown="span"{gewicht}>{waarde}</dd>']
    regels.append("</dl>")
    return "\n".join(regels)


def esc_html(tekst: str) -> str:
    """Escape data text for a raw HTML block in the Markdown (tables with captions, diffs)."""
    return (
        html.escape(_WITRUIMTE.sub(" ", tekst).strip(), quote=True)
        .replace("{", "&#123;")
        .replace("}", "&#125;")
    )


def href(van: str, naar: str) -> str:
    """The URL of a generated page as seen from another, for use in raw HTML.

    Raw HTML is not rewritten by MkDocs, so the link goes to the page's directory URL (the
    site uses directory URLs, MkDocs' default).
    """
    pad, _, anker = naar.partition("#")
    rel = posixpath.relpath(urls.url(pad) or ".", urls.url(van) or ".")
    return ("./" if rel == "." else rel + "/") + (f"#{anker}" if anker else "")
