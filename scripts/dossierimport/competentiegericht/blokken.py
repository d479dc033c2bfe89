"""From Markdown-with-HTML source text to a flat stream of elements, and from cells to text.

markdown-it-py finds the block structure (headings, paragraphs, lists, HTML blocks, rules) with
their line numbers. Table rows are tab-separated lines inside those blocks, so every line with a
tab becomes a :class:`Rij`; other lines of a block are joined into an :class:`Alinea`. Inline
content (Markdown emphasis and links, HTML fragments such as ``<ul><li>``, ``<p>``, ``<b>`` and
``<input type="checkbox"/>``) is rendered with markdown-it and read back with
:mod:`html.parser` into paragraphs and lists: markup never reaches the data.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from dossierimport.woorden import normaliseer_witruimte
from kwalificatiedossiers.model.tekst import Blok, Lijst

_MD = MarkdownIt("commonmark", {"html": True})

_OPSOMMING = re.compile(r"^(?:[•·§▪‣◦–-]|\.(?=\s))\s*")
"""Bullet characters the converter left at the start of list items."""

_INLINE_TAGS = frozenset({"b", "strong", "i", "em", "u", "a", "span", "sup", "sub", "font"})


@dataclass(frozen=True)
class Element:
    """One element of the source: a heading, paragraph, table row, list or rule."""

    soort: str
    """``kop``, ``alinea``, ``rij``, ``lijst`` or ``lijn``."""
    regel: int
    """1-based line where it starts."""
    ruw: str = ""
    """The raw Markdown (heading text, paragraph, or the whole row line)."""
    niveau: int = 0
    """Heading level (``kop`` only)."""
    items: tuple[str, ...] = ()
    """Raw Markdown of the list items (``lijst`` only)."""

    @property
    def cellen(self) -> list[str]:
        """The raw cells of a row (one cell for anything else)."""
        return self.ruw.split("\t") if self.soort == "rij" else [self.ruw]

    @property
    def gevuld(self) -> list[str]:
        """The cells that hold something."""
        return [c for c in self.cellen if c.strip()]

    @property
    def tekst(self) -> str:
        """The element as one line of plain text."""
        if self.soort == "lijst":
            return " ".join(platte_tekst(i) for i in self.items)
        return " ".join(platte_tekst(c) for c in self.gevuld)


def elementen(tekst: str) -> list[Element]:
    """Split source text into elements, in source order."""
    regels = tekst.split("\n")
    uit: list[Element] = []
    tokens = _MD.parse(tekst)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            uit.append(Element("kop", _regel(token), tokens[i + 1].content.strip(),
                               niveau=int(token.tag[1:])))
            i += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            einde = _sluiter(tokens, i)
            items = _lijst_items(tokens[i:einde])
            uit.append(Element("lijst", _regel(token), items=tuple(items)))
            i = einde + 1
        elif token.type == "hr":
            uit.append(Element("lijn", _regel(token)))
            i += 1
        elif token.type in ("paragraph_open", "html_block", "code_block", "fence"):
            start, eind = token.map or (0, 0)
            uit.extend(_regels_naar_elementen(regels[start:eind], start + 1))
            i = _sluiter(tokens, i) + 1 if token.type == "paragraph_open" else i + 1
        else:
            i += 1
    return uit


def _regel(token: Token) -> int:
    return (token.map[0] + 1) if token.map else 0


def _sluiter(tokens: list[Token], i: int) -> int:
    """Index of the token that closes the one at ``i``."""
    diepte = 0
    for j in range(i, len(tokens)):
        diepte += tokens[j].nesting
        if diepte == 0:
            return j
    return len(tokens) - 1


def _lijst_items(tokens: list[Token]) -> list[str]:
    items: list[str] = []
    diepte = 0
    for token in tokens:
        if token.type == "list_item_open":
            diepte += 1
            if diepte == 1:
                items.append("")
        elif token.type == "list_item_close":
            diepte -= 1
        elif token.type == "inline" and items:
            items[-1] = f"{items[-1]} {token.content}".strip()
    return items


def _regels_naar_elementen(regels: list[str], eerste: int) -> list[Element]:
    """Lines of one block: every line with a tab is a row, runs of other lines a paragraph."""
    uit: list[Element] = []
    alinea: list[str] = []
    begin = eerste
    for nummer, regel in enumerate(regels, start=eerste):
        if "\t" in regel:
            if alinea:
                uit.append(Element("alinea", begin, " ".join(alinea)))
                alinea = []
            uit.append(Element("rij", nummer, regel.rstrip("\n")))
        elif regel.strip():
            if not alinea:
                begin = nummer
            alinea.append(regel.strip())
    if alinea:
        uit.append(Element("alinea", begin, " ".join(alinea)))
    return uit


@dataclass
class Celinhoud:
    """What one cell (or paragraph) holds once its markup is read."""

    blokken: list[Blok] = field(default_factory=list)
    """Paragraphs (strings) and lists, in order."""
    vakjes: int = 0
    """Number of ``<input type="checkbox">`` boxes."""
    onbekend: list[str] = field(default_factory=list)
    """HTML tags that have no meaning here (reported, not dropped silently)."""
    nadruk: bool = False
    """Whether all text sits inside one emphasis (``<b>``/``<i>``): a heading-like line."""

    @property
    def alineas(self) -> list[str]:
        """The paragraphs and list items as strings, in order."""
        uit: list[str] = []
        for blok in self.blokken:
            uit.extend(blok.lijst if isinstance(blok, Lijst) else [str(blok)])
        return uit

    @property
    def tekst(self) -> str:
        """Everything as one line."""
        return " ".join(self.alineas)


class _Lezer(HTMLParser):
    """Read rendered HTML into paragraphs and lists."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inhoud = Celinhoud()
        self.alinea: list[str] = []
        self.lijst: list[str] | None = None
        self.in_item = False
        self.nadruk_diepte = 0
        self.tekst_buiten_nadruk = False
        self.tekst_binnen_nadruk = False
        self.rauw = False
        """Inside ``<script>``/``<style>``, whose text the parser does not unescape."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self._sluit_alinea()
        elif tag in ("ul", "ol"):
            self._sluit_alinea()
            self.lijst = []
        elif tag == "li":
            if self.lijst is None:
                self.lijst = []
            self.lijst.append("")
            self.in_item = True
        elif tag == "br":
            self._tekst(" ")
        elif tag == "input" and dict(attrs).get("type") == "checkbox":
            self.inhoud.vakjes += 1
        elif tag in ("b", "strong", "i", "em"):
            self.nadruk_diepte += 1
        elif tag not in _INLINE_TAGS:
            self.inhoud.onbekend.append(f"<{tag}>")
            self.rauw = tag in ("script", "style")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("b", "strong", "i", "em"):
            self.nadruk_diepte -= 1

    def handle_endtag(self, tag: str) -> None:
        self.rauw = False
        if tag == "p":
            self._sluit_alinea()
        elif tag == "li":
            self.in_item = False
        elif tag in ("ul", "ol"):
            self._sluit_lijst()
        elif tag in ("b", "strong", "i", "em"):
            self.nadruk_diepte = max(0, self.nadruk_diepte - 1)

    def handle_data(self, data: str) -> None:
        if self.rauw:
            data = html.unescape(data)
        if data.strip():
            if self.nadruk_diepte:
                self.tekst_binnen_nadruk = True
            else:
                self.tekst_buiten_nadruk = True
        self._tekst(data)

    def _tekst(self, data: str) -> None:
        if self.in_item and self.lijst:
            self.lijst[-1] += data
        elif self.lijst is not None and not data.strip():
            return
        else:
            if self.lijst is not None:
                self._sluit_lijst()
            self.alinea.append(data)

    def _sluit_alinea(self) -> None:
        for deel in re.split(r"\s{2,}", "".join(self.alinea)):
            schoon = normaliseer_witruimte(deel)
            if schoon:
                self.inhoud.blokken.append(schoon)
        self.alinea = []

    def _sluit_lijst(self) -> None:
        items = [_zonder_opsomming(normaliseer_witruimte(i)) for i in self.lijst or []]
        items = [i for i in items if i]
        if items:
            self.inhoud.blokken.append(Lijst(lijst=items))
        self.lijst = None
        self.in_item = False

    def resultaat(self) -> Celinhoud:
        self._sluit_alinea()
        if self.lijst is not None:
            self._sluit_lijst()
        self.inhoud.nadruk = self.tekst_binnen_nadruk and not self.tekst_buiten_nadruk
        return self.inhoud


def _zonder_opsomming(tekst: str) -> str:
    tekst = _OPSOMMING.sub("", tekst, count=1)
    if len(tekst) > 2 and tekst.startswith("*") and tekst.endswith("*"):
        tekst = tekst[1:-1]
    return tekst


def lijstitem(ruw: str) -> str:
    """The text of a Markdown list item (a link's text; stray emphasis marks removed)."""
    return _zonder_opsomming(lees_cel(ruw).tekst)


def lees_cel(ruw: str) -> Celinhoud:
    """Read the Markdown/HTML of one cell or paragraph into text blocks.

    Two or more spaces in a row separate paragraphs (the converter's trace of a lost line
    break); a cell whose text starts with a bullet (``.``, ``·``, ``•``) is a flattened list.
    """
    lezer = _Lezer()
    lezer.feed(_MD.renderInline(ruw.strip()))
    lezer.close()
    inhoud = lezer.resultaat()
    inhoud.blokken = [_als_opsomming(b) for b in inhoud.blokken]
    return inhoud


def _als_opsomming(blok: Blok) -> Blok:
    """A paragraph like ". Aanpassing dossier . Onderzoek …" is a list whose bullets became dots."""
    if isinstance(blok, str) and re.match(r"^[.·•]\s", blok):
        items = [normaliseer_witruimte(i) for i in re.split(r"(?:^|\s)[.·•]\s", blok)]
        return Lijst(lijst=[i for i in items if i])
    return blok


def platte_tekst(ruw: str) -> str:
    """The plain text of a cell or paragraph on one line."""
    return lees_cel(ruw).tekst
