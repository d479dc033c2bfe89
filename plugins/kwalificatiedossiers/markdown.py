"""Markdown for hand-written pages: the inline links that macros put into a teacher's text.

Everything that comes from a source passes through an escape function before it becomes
Markdown, so that data text is shown literally and never becomes markup. Markdown gives meaning
to characters anywhere in a line (emphasis, code, links, HTML, entities, table cells, attribute
lists) and to what starts a line (headings, block quotes, lists, rules, setext underlines,
fenced code, admonitions). Both come, per extension, from :data:`SYNTAX`; :func:`escaper` makes
the escape function for the extensions a site enables (MkDocs' ``markdown_extensions``) and
refuses one that the table does not know, so that enabling one more extension cannot silently
open a hole. Every special character becomes a numeric character reference, which a browser
shows as the character itself. (Generated pages and the macros' cards and lists are HTML:
:mod:`kwalificatiedossiers.opmaak`.)
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Syntax:
    """What Markdown, or one extension of it, gives meaning to in a line of text."""

    tekens: str = ""
    """Characters that mean something anywhere in a line."""
    regelbegin: str = ""
    """A regular expression for what starts a block when a line begins with it."""


KERN = Syntax(tekens="\\`*_[]<>&", regelbegin=r"#|>|[-+*=_]|[0-9]+[.)]")
"""Python-Markdown itself: escapes, code, emphasis, links and images, HTML and entities; ATX
and setext headings, block quotes, lists and rules (``---``, ``* * *``)."""

SYNTAX: dict[str, Syntax] = {
    "toc": Syntax(tekens="[]"),  # the [TOC] marker
    "tables": Syntax(tekens="|", regelbegin=r"\||:?-+:?\|"),
    "fenced_code": Syntax(tekens="`", regelbegin="`{3}|~{3}"),
    "attr_list": Syntax(tekens="{}"),  # {: #id .class } after a block or heading
    "md_in_html": Syntax(tekens="<"),  # <div markdown="1">
    "admonition": Syntax(regelbegin="!!!"),
}
"""What each Markdown extension the site may enable gives meaning to, by its name in
``markdown_extensions``. MkDocs always adds ``toc``, ``tables`` and ``fenced_code``. Jinja's
``{{`` needs no entry of its own: ``attr_list`` already takes ``{`` and ``}``."""

_WITRUIMTE = re.compile(r"\s+")


class MarkdownFout(Exception):
    """The site enables a Markdown extension whose syntax this module does not know."""


def _naam(extensie: str) -> str:
    return extensie.removeprefix("markdown.extensions.")


def escaper(extensies: Iterable[str]) -> Callable[[str], str]:
    """The escape function for data text (one line, shown literally) in a site with these
    Markdown extensions; raise :class:`MarkdownFout` for an extension not in :data:`SYNTAX`."""
    namen = tuple(sorted({_naam(e) for e in extensies}))
    onbekend = [n for n in namen if n not in SYNTAX]
    if onbekend:
        raise MarkdownFout(
            f"markdown_extensions in mkdocs.yml noemt {', '.join(onbekend)}; wat die extensie "
            "betekenis geeft, staat niet in SYNTAX in kwalificatiedossiers/markdown.py, dus "
            "tekst uit de dossiers zou daar opmaak kunnen worden. Voeg haar daar toe (bekend: "
            f"{', '.join(sorted(SYNTAX))}).")
    return _escaper(namen)


@functools.cache
def _escaper(namen: tuple[str, ...]) -> Callable[[str], str]:
    syntax = [KERN, *(SYNTAX[n] for n in namen)]
    tekens = {c for s in syntax for c in s.tekens}
    tabel = str.maketrans({c: "&amp;" if c == "&" else f"&#{ord(c)};" for c in tekens})
    regelbegin = re.compile("|".join(f"(?:{s.regelbegin})" for s in syntax if s.regelbegin))

    def esc(tekst: str) -> str:
        enkel = _WITRUIMTE.sub(" ", tekst).strip().translate(tabel)
        if regelbegin.match(enkel):
            # Wherever the text lands (alone on a line, after "- "), it cannot start a block.
            enkel = f"&#{ord(enkel[0])};{enkel[1:]}"
        return enkel

    return esc


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
