"""From a page's HTML to what search needs: words with the weight of their place, and short text
fragments to cut snippets from. ``zoeken.js`` splits a query into words by the same rules.

Words are lowercase without diacritics. Codes are one word in every written form: ``P4-K1-W2``,
``p4k1w2`` and (in a query) ``P4 K1 W2`` all become ``p4k1w2``; ``2.6`` stays ``2.6``. Other
hyphenated words count whole and by their parts (``e-commerce`` → ``ecommerce``, ``commerce``).
"""

from __future__ import annotations

import functools
import html
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

TITEL, KOP, TEKST = 3, 2, 1
"""Weight classes of a word's place: title and codes, heading, running text."""

STOPWOORDEN = frozenset({
    "aan", "als", "bij", "dat", "de", "die", "dit", "door", "een", "en", "er", "het", "hij",
    "in", "is", "met", "naar", "of", "om", "ook", "op", "over", "te", "tot", "uit", "van",
    "voor", "ze", "zij", "zijn",
})
"""Words too common to search on (also left out of the index, which keeps it small)."""

FRAGMENT_MAX = 240
"""The longest fragment a page stores; longer paragraphs are cut at sentence ends."""

_TOKEN = re.compile(r"\d+(?:\.\d+)+|[0-9a-z]+(?:-[0-9a-z]+)*")
_CODE = re.compile(r"(?:[a-z]{1,2}\d{1,2})(?:-?[a-z]{1,2}\d{1,2})*")
# A page is read by regex passes and cached per stretch of text, not tag by tag (a Python loop
# over the tags was half of the index's time). They rely on what our templates write: a
# skipped element holds no element of its own name, and only headings and ``dd`` elements
# (the facts of a page) carry a weight, with inline content; tags are lowercase, as MkDocs and
# our templates write them.
_ANKER = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')
_OVERSLAAN = re.compile(
    r'<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\bclass="[^"]*\b(?:headerlink|kd-sr)\b[^>]*>.*?</\1\s*>'
    r"|<!--.*?-->", re.S)
"""Heading anchors, screen-reader texts and comments: not what a reader sees."""
_GEWOGEN = re.compile(r"<(h[1-6]|dd)\b([^>]*)>(.*?)</\1\s*>", re.S)
"""Headings and facts (which may have a ``data-zoek-gewicht``): name, attributes, content."""
_GEGEVENS = re.compile(r'<dl class="kd-gegevens">.*?</dl>', re.S)
"""A page's facts (dossier, profiel, crebo…): a result's card shows them, no snippet."""
_GEWICHT_ATTR = re.compile(r'data-zoek-gewicht="(\d+)"')
_BLOKGRENS = re.compile(
    r"</?(?:p|li|dd|dt|td|th|h[1-6]|div|ul|ol|dl|table|tr|caption|blockquote|section|pre"
    r"|figcaption|details|summary)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\b[^>]*>", re.I)
_ACCENTEN = re.compile("[\u0300-\u036f]")
_ZINSEINDE = re.compile(r"(?<=[.;:!?])\s+")


def normaliseer(tekst: str) -> str:
    """Lowercase without diacritics: ``Beïnvloeden`` → ``beinvloeden`` (as the browser does:
    decompose, drop the combining marks U+0300–U+036F)."""
    if tekst.isascii():
        return tekst.lower()
    return _ACCENTEN.sub("", unicodedata.normalize("NFKD", tekst.casefold()))


def is_code(woord: str) -> bool:
    """Whether a (normalised) word is a code like ``p4-k1-w2``, ``b1k2`` or ``u4``."""
    return _CODE.fullmatch(woord) is not None


def _vormen(token: str) -> tuple[str, ...]:
    """The words one token stands for: a code or plain word itself; another hyphenated word
    whole and by its parts."""
    if "-" not in token:
        return (token,)
    heel = token.replace("-", "")
    if is_code(token):
        return (heel,)
    return (heel, *(deel for deel in token.split("-") if len(deel) > 1))


def woorden(tekst: str) -> list[str]:
    """The searchable words of a text, stop words included, in order."""
    return [woord for token in _TOKEN.findall(normaliseer(tekst)) for woord in _vormen(token)]


def zoekwoorden(tekst: str, gewicht: int = TEKST) -> frozenset[str]:
    """The words of a text that the index keeps: no stop words, no single letters except in a
    title (a competence's code: "J Formuleren en rapporteren"). Interned: pages share most of
    their words, and the index holds them all."""
    uit: set[str] = set()
    for token in set(_TOKEN.findall(normaliseer(tekst))):
        uit.update(_vormen(token))
    return frozenset(sys.intern(w) for w in uit if w not in STOPWOORDEN
                     and (len(w) > 1 or w.isdigit() or gewicht == TITEL))


@functools.lru_cache(maxsize=1 << 12)
def _stukwoorden(html_deel: str, titel: bool) -> frozenset[str]:
    """:func:`zoekwoorden` of a stretch of HTML. Cached: pages repeat much of their text
    (titles in lists, competence names, headings), and so do dossiers."""
    return zoekwoorden(_tekst(html_deel), TITEL if titel else TEKST)


@dataclass(frozen=True)
class Gelezen:
    """What search keeps of one page's HTML."""

    per_klasse: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    """The words by the weight class of the most important place they stand: text, heading,
    title (:data:`TEKST`, :data:`KOP`, :data:`TITEL`), each word in one, sorted."""
    fragmenten: tuple[str, ...]
    """Text blocks (paragraphs, list items, table cells) in order, for snippets."""

    @property
    def woorden(self) -> dict[str, int]:
        """Word → its weight class."""
        return {w: k for k, woorden in enumerate(self.per_klasse, TEKST) for w in woorden}


def klasse(gewicht: int) -> int:
    """The weight class of a ``data-zoek-gewicht`` value."""
    return TITEL if gewicht >= 10 else KOP if gewicht >= 3 else TEKST


def _tekst(html_deel: str, scheiding: str = " ") -> str:
    """The text of an HTML fragment: tags replaced by ``scheiding``, entities resolved."""
    return html.unescape(_TAG.sub(scheiding, html_deel))


def _gewicht(naam: str, attributen: str) -> int:
    """The weight class of the text of a heading or a fact (``dd``)."""
    gewicht = TITEL if naam == "h1" else KOP if naam[0] == "h" else TEKST
    attribuut = "data-zoek" in attributen and _GEWICHT_ATTR.search(attributen)
    return max(gewicht, klasse(int(attribuut.group(1)))) if attribuut else gewicht


def lees(html_deel: str, titel: str, tekens: int) -> Gelezen:
    """Words and fragments of the searchable part of a page.

    A word counts with the weight of the most important place it stands: the title (and
    elements with a ``data-zoek-gewicht``), a heading, running text. ``titel`` is left out of
    the fragments (a result shows it already); fragments stop once they hold ``tekens``
    characters.
    """
    zichtbaar = _ANKER.sub("", html_deel)
    if "kd-sr" in zichtbaar or "<!--" in zichtbaar or "headerlink" in zichtbaar:
        zichtbaar = _OVERSLAAN.sub("", zichtbaar)
    delen = _GEWOGEN.split(zichtbaar)  # text, then name, attributes, content of an element
    per_klasse: dict[int, set[str]] = {TEKST: set(), KOP: set(), TITEL: set()}
    for i in range(0, len(delen), 4):
        per_klasse[TEKST].update(_stukwoorden(delen[i], False))
        if i + 3 < len(delen):
            gewicht = _gewicht(delen[i + 1], delen[i + 2])
            per_klasse[gewicht].update(_stukwoorden(delen[i + 3], gewicht == TITEL))
    titelwoorden = per_klasse[TITEL]
    kopwoorden = per_klasse[KOP] - titelwoorden
    tekstwoorden = per_klasse[TEKST] - kopwoorden - titelwoorden
    return Gelezen((tuple(sorted(tekstwoorden)), tuple(sorted(kopwoorden)),
                    tuple(sorted(titelwoorden))),
                   _fragmenten(zichtbaar, " ".join(titel.split()), tekens))


def _fragmenten(html_deel: str, titel: str, tekens: int) -> tuple[str, ...]:
    """The page's text blocks in order, cut into fragments (not the title, not its facts),
    until they hold ``tekens`` characters. Only the beginning of the page is read: as much as
    holds them."""
    if "kd-gegevens" in html_deel:
        html_deel = _GEGEVENS.sub("", html_deel, count=1)
    lengte = 3 * tekens
    while True:
        einde = html_deel.rfind("<", 0, lengte) if lengte < len(html_deel) else len(html_deel)
        kaal = _BLOKGRENS.sub("\x00", html_deel[:einde])  # the loader refuses control characters
        blokken = _tekst(_BR.sub(" ", kaal) if "<br" in kaal else kaal, "").split("\x00")
        if einde < len(html_deel):
            blokken.pop()  # the text after the last block tag may go on past the cut
        fragmenten: list[str] = []
        ruimte = tekens
        for blok in blokken:
            for stuk in _stukken(" ".join(blok.split())):
                if stuk and stuk != titel and any(c.isalnum() for c in stuk):
                    fragmenten.append(stuk[:ruimte])
                    ruimte -= len(stuk)
                    if ruimte <= 0:
                        return tuple(fragmenten)
        if einde == len(html_deel):
            return tuple(fragmenten)
        lengte *= 4


def _stukken(blok: str) -> Iterator[str]:
    """A block as fragments of at most :data:`FRAGMENT_MAX` characters, cut at sentence ends
    where possible."""
    if len(blok) <= FRAGMENT_MAX:
        yield blok
        return
    huidig = ""
    for zin in _ZINSEINDE.split(blok):
        if huidig and len(huidig) + 1 + len(zin) > FRAGMENT_MAX:
            yield huidig
            huidig = ""
        huidig = f"{huidig} {zin}" if huidig else zin
        while len(huidig) > FRAGMENT_MAX:
            knip = huidig.rfind(" ", 0, FRAGMENT_MAX)
            knip = knip if knip > FRAGMENT_MAX // 2 else FRAGMENT_MAX
            yield huidig[:knip]
            huidig = huidig[knip:].lstrip()
    if huidig:
        yield huidig
