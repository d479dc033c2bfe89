"""The Markdown form: a PDF-to-Markdown conversion, read with markdown-it-py.

Headings, paragraphs and list items become pieces; every line of a paragraph is its own piece
(the converter writes table rows as tab-separated lines and line breaks inside a cell as hard
breaks), so the rest of the importer treats both forms alike. Inline HTML such as ``<b>`` and
emphasis markers are dropped, their text kept; escapes such as ``\\*`` become the character.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from dossierimport.tekst.stukken import Stuk, normaliseer_witruimte

_HTML_TAG = re.compile(r"<[^>]+>")


def _regels(inline: Token) -> list[str]:
    """The lines of an inline token as plain text."""
    regels = [""]
    for kind in inline.children or []:
        if kind.type in ("softbreak", "hardbreak"):
            regels.append("")
        elif kind.type in ("text", "code_inline"):
            regels[-1] += kind.content
    return [normaliseer_witruimte(r) for r in regels]


def markdown_stukken(tekst: str) -> list[Stuk]:
    """Every heading, paragraph line and list item as a piece."""
    tokens = MarkdownIt("commonmark").parse(tekst)
    stukken: list[Stuk] = []
    in_item = 0
    item_begin: Token | None = None
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            in_item += 1
            item_begin = token
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type in ("html_block", "code_block", "fence"):
            # Raw blocks: HTML fragments, and table rows indented with tabs (a code block).
            stukken += _ruwe_stukken(token)
        elif token.type == "inline" and token.map is not None:
            vorige = tokens[index - 1]
            stukken += _inline_stukken(token, vorige, item_begin if in_item else None)
            item_begin = None
    return [s for s in stukken if s.tekst]


def _inline_stukken(inline: Token, open_: Token, item: Token | None) -> list[Stuk]:
    assert inline.map is not None
    regels = _regels(inline)
    begin = inline.map[0] + 1
    if open_.type == "heading_open":
        return [Stuk(" ".join(regels), begin, "kop")]
    if item is not None:
        if item.markup in (".", ")"):  # an ordered item: keep its number as text, as printed
            return [Stuk(f"{item.info}{item.markup} {' '.join(regels)}", begin)]
        return [Stuk(" ".join(regels), begin, "item", witregel_voor=False)]
    return [Stuk(regel, begin + n, witregel_voor=n == 0) for n, regel in enumerate(regels)]


def _ruwe_stukken(token: Token) -> list[Stuk]:
    assert token.map is not None
    regels = [normaliseer_witruimte(_HTML_TAG.sub("", r)) for r in token.content.splitlines()]
    return [Stuk(r, token.map[0] + 1 + n, witregel_voor=n == 0) for n, r in enumerate(regels)]
