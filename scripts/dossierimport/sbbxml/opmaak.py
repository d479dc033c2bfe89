"""Source text to structured blocks: plain text, HTML and escaped HTML (``<labeltext>``).

SBB text fields come in three shapes. Most are plain text in CDATA, one logical line per line
(never hard-wrapped), with ``-`` or ``•`` bullets and now and then a numbered list. Some carry
HTML (``<xhtml><p><span style=...>``), and some carry HTML that was escaped once more inside
``<labeltext>`` (``&lt;h1&gt;``). All three become the model's blocks: paragraphs, ``Kop``,
``Lijst``, ``Genummerd`` and ``Tabel``, with whitespace normalised and no tag or entity left.
A literal ``<`` in plain text (``...<andere relevante wetgeving>...``) stays text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from dossierimport.woorden import normaliseer_witruimte
from kwalificatiedossiers.model import Blok, Gedrag, Genummerd, Kop, Lijst, Tabel
from kwalificatiedossiers.model.tekst import TabelInhoud

_BEKENDE_TAGS = (
    "p|br|div|h[1-6]|ul|ol|li|table|thead|tbody|tfoot|tr|td|th|"
    "span|font|a|b|strong|i|em|u|sup|sub|labeltext|xhtml"
)
_HTML_TAG = re.compile(rf"</?(?:{_BEKENDE_TAGS})\b[^<>]*>", re.IGNORECASE)
_ESCAPED_TAG = re.compile(rf"&lt;/?(?:{_BEKENDE_TAGS})\b", re.IGNORECASE)
_ENTITEIT = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_OPSOMTEKENS = "-•–▪·"
_OPSOMTEKEN = re.compile(rf"^[{_OPSOMTEKENS}]\s+")
_NUMMER = re.compile(r"^(\d{1,2})[.)]\s+")

_ALINEA_TAGS = frozenset({"p", "div", "blockquote"})
_KOP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_INLINE_TAGS = frozenset({
    "span", "font", "a", "b", "strong", "i", "em", "u", "sup", "sub", "labeltext", "xhtml",
})
_TABEL_TAGS = frozenset({"thead", "tbody", "tfoot"})


normaliseer = normaliseer_witruimte
"""The importers' whitespace rule, kept under the name the SBB tests import it by."""


@dataclass
class Omgezet:
    """The blocks of one text and the HTML elements that the conversion does not know."""

    blokken: list[Blok]
    onbekende_tags: list[str] = field(default_factory=list)


def naar_blokken(ruw: str) -> Omgezet:
    """Convert a source text (plain, HTML or escaped HTML) into blocks."""
    if _ESCAPED_TAG.search(ruw):
        return _html_naar_blokken(html.unescape(ruw))
    if _HTML_TAG.search(ruw):
        return _html_naar_blokken(ruw)
    regels = [normaliseer_witruimte(_ENTITEIT.sub(lambda m: html.unescape(m.group()), r))
              for r in ruw.splitlines()]
    return Omgezet(regels_naar_blokken(regels))


def regels_naar_blokken(regels: list[str]) -> list[Blok]:
    """Group normalised lines into blocks.

    Every line is a paragraph of its own (the export never hard-wraps), except that runs of
    bulleted lines become a ``Lijst`` and runs of two or more lines numbered 1, 2, 3, ... become
    a ``Genummerd``. A lone numbered line keeps its number as text, so that numbering the source
    interrupts with other text (``1. Wet ...`` / explanation / ``2. Wet ...``) reads as printed.
    """
    blokken: list[Blok] = []
    i = 0
    while i < len(regels):
        regel = regels[i]
        if not regel:
            i += 1
        elif _OPSOMTEKEN.match(regel):
            items = []
            while i < len(regels) and _OPSOMTEKEN.match(regels[i]):
                items.append(_OPSOMTEKEN.sub("", regels[i]))
                i += 1
            blokken.append(Lijst(lijst=items))
        else:
            items = _genummerde_reeks(regels, i)
            if len(items) >= 2:
                blokken.append(Genummerd(genummerd=items))
                i += len(items)
            else:
                blokken.append(regel)
                i += 1
    return blokken


def _genummerde_reeks(regels: list[str], begin: int) -> list[str]:
    """The items of the run of lines numbered 1, 2, 3, ... that starts at ``begin``."""
    items: list[str] = []
    for regel in regels[begin:]:
        nummer = _NUMMER.match(regel)
        if nummer is None or int(nummer.group(1)) != len(items) + 1:
            break
        items.append(regel[nummer.end():])
    return items


class _HtmlLezer(HTMLParser):
    """Collects blocks from HTML; lists nested in lists become consecutive blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blokken: list[Blok] = []
        self.onbekend: list[str] = []
        self._tekst: list[str] = []
        self._in: str | None = None
        """The container that collects the current text: "li", "kop", "cel" or None."""
        self._lijsten: list[tuple[str, list[str]]] = []
        self._rijen: list[list[str]] | None = None
        self._links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._links.append(dict(attrs).get("href") or "")
        elif tag == "br" or tag in _ALINEA_TAGS:
            self._grens()
        elif tag in _KOP_TAGS:
            self._sluit_tekst()
            self._in = "kop"
        elif tag in {"ul", "ol"}:
            self._sluit_tekst()
            self._geef_lijst_vrij()
            self._lijsten.append(("genummerd" if tag == "ol" else "lijst", []))
        elif tag == "li":
            self._sluit_tekst()
            if not self._lijsten:
                self._lijsten.append(("lijst", []))
            self._in = "li"
        elif tag == "table":
            self._sluit_tekst()
            self._rijen = []
        elif tag == "tr" and self._rijen is not None:
            self._rijen.append([])
        elif tag in {"td", "th"} and self._rijen is not None:
            self._sluit_tekst()
            self._in = "cel"
        elif tag not in _INLINE_TAGS | _TABEL_TAGS | {"tr", "td", "th"}:
            self._onbekend(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            return
        self.handle_starttag(tag, attrs)
        if tag not in {"br", "li"}:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._links:
            self._sluit_link(self._links.pop())
        elif tag in _ALINEA_TAGS:
            self._grens()
        elif tag in _KOP_TAGS | {"li", "td", "th"}:
            self._sluit_tekst()
        elif tag in {"ul", "ol"} and self._lijsten:
            self._sluit_tekst()
            self._geef_lijst_vrij()
            self._lijsten.pop()
        elif tag == "table" and self._rijen is not None:
            self._sluit_tekst()
            self._sluit_tabel(self._rijen)
            self._rijen = None

    def handle_data(self, data: str) -> None:
        self._tekst.append(data)

    def close(self) -> None:
        super().close()
        self._sluit_tekst()
        while self._lijsten:
            self._geef_lijst_vrij()
            self._lijsten.pop()
        if self._rijen is not None:
            self._sluit_tabel(self._rijen)

    def _onbekend(self, tag: str) -> None:
        if tag not in self.onbekend:
            self.onbekend.append(tag)

    def _grens(self) -> None:
        """A paragraph boundary; inside a list item, heading or cell it is just a space."""
        if self._in is None:
            self._sluit_tekst()
        else:
            self._tekst.append(" ")

    def _sluit_link(self, href: str) -> None:
        """Keep a link's target when its text does not already show it."""
        zichtbaar = normaliseer_witruimte("".join(self._tekst))
        kaal = re.sub(r"^[a-z]+://", "", href.strip())
        if kaal and not zichtbaar.endswith(kaal):
            self._tekst.append(f" ({href.strip()})")

    def _sluit_tekst(self) -> None:
        """Hand the collected text to its container (or make it a paragraph)."""
        tekst = normaliseer_witruimte("".join(self._tekst))
        self._tekst = []
        container, self._in = self._in, None
        if container == "cel" and self._rijen:
            self._rijen[-1].append(tekst)
        elif not tekst:
            return
        elif container == "kop":
            self.blokken.append(Kop(kop=tekst))
        elif container == "li" and self._lijsten:
            self._lijsten[-1][1].append(tekst)
        else:
            self._geef_lijst_vrij()
            self.blokken.append(tekst)

    def _geef_lijst_vrij(self) -> None:
        """Emit the items collected so far in the innermost open list."""
        if not self._lijsten or not self._lijsten[-1][1]:
            return
        soort, items = self._lijsten[-1]
        self.blokken.append(Genummerd(genummerd=items) if soort == "genummerd"
                            else Lijst(lijst=items))
        self._lijsten[-1] = (soort, [])

    def _sluit_tabel(self, rijen: list[list[str]]) -> None:
        rijen = [rij for rij in rijen if any(rij)]
        if not rijen:
            return
        breedte = max(len(rij) for rij in rijen)
        gevuld = [rij + [""] * (breedte - len(rij)) for rij in rijen]
        self.blokken.append(Tabel(tabel=TabelInhoud(kolommen=gevuld[0], rijen=gevuld[1:])))


def _html_naar_blokken(opmaak: str) -> Omgezet:
    lezer = _HtmlLezer()
    lezer.feed(opmaak)
    lezer.close()
    return Omgezet(lezer.blokken, lezer.onbekend)


@dataclass
class GedragDelen:
    """A gedrag text split into the model's parts, with what the split had to decide."""

    gedrag: Gedrag
    opmerkingen: list[str] = field(default_factory=list)


def als_gedrag(blokken: list[Blok]) -> GedragDelen:
    """Split gedrag blocks into intro, items and slot.

    The source writes gedrag as a lead-in line ("De beroepsbeoefenaar:") followed by bulleted
    items. The paragraphs before the first list are the intro, that list's items are the items,
    and whatever follows is the slot. A gedrag without any list keeps each paragraph as an item.
    """
    for i, blok in enumerate(blokken):
        if isinstance(blok, Lijst | Genummerd):
            items = blok.lijst if isinstance(blok, Lijst) else blok.genummerd
            return _met_intro(blokken[:i], items, blokken[i + 1:])
    items = [b for b in blokken if isinstance(b, str)]
    return GedragDelen(Gedrag(items=items),
                       ["gedrag zonder opsomming: elke alinea is een gedragsitem"])


def _met_intro(voor: list[Blok], items: list[str], slot: list[Blok]) -> GedragDelen:
    intro = " ".join(b for b in voor if isinstance(b, str)) or None
    if intro is None or intro[0] not in _OPSOMTEKENS:
        return GedragDelen(Gedrag(intro=intro, items=items, slot=slot))
    opmerking = (f"de inleidende regel '{intro}' begint in de bron met een opsommingsteken; "
                 "overgenomen als inleiding zonder dat teken")
    schoon = intro.lstrip(_OPSOMTEKENS + " ")
    return GedragDelen(Gedrag(intro=schoon, items=items, slot=slot), [opmerking])
