"""Writing generated Markdown: escaping data text and rendering structured text blocks.

Everything that comes from a source passes through :func:`esc` before it becomes Markdown, so a
``*``, ``_``, ``<``, ``[``, ``|``, backtick or ``{{`` in a dossier is shown literally and can
never become emphasis, HTML, a link, a table cell break, an attribute list or a Jinja
expression. Our own markup (headings, links, lists) is added around escaped text only.
"""

from __future__ import annotations

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
    rel = posixpath.relpath(pad, posixpath.dirname(van) or ".")
    return rel + (f"#{anker}" if anker else "")


def link(label: str, van: str, naar: str) -> str:
    """A Markdown link with an escaped label to another source file."""
    return f"[{esc(label)}]({relatief(van, naar)})"


def kop(niveau: int, tekst: str, anker: str | None = None) -> str:
    """A heading with an escaped text and, when given, a fixed anchor."""
    suffix = f" {{#{anker}}}" if anker else ""
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


def gegevens(paren: Iterable[tuple[str, str | None]]) -> str:
    """A two-column list of facts (label, already-formatted value); empty values are left out.

    Rendered as a table without header text so it stays readable on a phone and in print.
    """
    rijen = [(label, waarde) for label, waarde in paren if waarde]
    if not rijen:
        return ""
    regels = ["| Gegeven | Waarde |", "|---|---|"]
    regels += [f"| {esc(label)} | {waarde} |" for label, waarde in rijen]
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
