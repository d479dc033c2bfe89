"""Markdown for hand-written pages: the inline links that macros put into a teacher's text.

Everything that comes from a source passes through :func:`esc` before it becomes Markdown, so a
``*``, ``_``, ``<``, ``[``, ``|``, backtick or ``{{`` in a dossier is shown literally and can
never become emphasis, HTML, a link, a table cell break, an attribute list or a Jinja
expression. (Generated pages and the macros' cards and lists are HTML:
:mod:`kwalificatiedossiers.opmaak`.)
"""

from __future__ import annotations

import functools
import posixpath
import re

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
