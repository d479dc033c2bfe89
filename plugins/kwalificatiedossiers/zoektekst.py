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
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)\s*>|<!--.*?-->", re.S)
_GEWICHT_ATTR = re.compile(r'data-zoek-gewicht="(\d+)"')
_OVERSLAAN = re.compile(r'class="[^"]*\b(?:headerlink|kd-sr)\b')
_LEEG = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"})
_BLOK = frozenset({
    "p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "ul", "ol",
    "dl", "table", "tr", "caption", "blockquote", "section", "pre", "figcaption", "details",
    "summary",
})
_KOPPEN = frozenset({"h2", "h3", "h4", "h5", "h6"})
_WITRUIMTE = re.compile(r"\s+")
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


def woorden(tekst: str) -> list[str]:
    """The searchable words of a text, stop words included, in order."""
    uit = []
    for token in _TOKEN.findall(normaliseer(tekst)):
        uit.append(token.replace("-", ""))
        if "-" in token and not is_code(token):
            uit.extend(deel for deel in token.split("-") if len(deel) > 1)
    return uit


@functools.lru_cache(maxsize=1 << 16)
def zoekwoorden(tekst: str, gewicht: int = TEKST) -> tuple[str, ...]:
    """The words of a text that the index keeps: no stop words, no single letters except in a
    title (a competence's code: "J Formuleren en rapporteren"). Cached: pages repeat much of
    their text (titles in lists, competence names, headings), and so do dossiers."""
    return tuple(sys.intern(w) for w in woorden(tekst)
                 if w not in STOPWOORDEN and (len(w) > 1 or w.isdigit() or gewicht == TITEL))


@dataclass(frozen=True)
class Gelezen:
    """What search keeps of one page's HTML."""

    woorden: dict[str, int]
    """Word → the weight class of the most important place it stands."""
    fragmenten: tuple[str, ...]
    """Text blocks (paragraphs, list items, table cells) in order, for snippets."""


def klasse(gewicht: int) -> int:
    """The weight class of a ``data-zoek-gewicht`` value."""
    return TITEL if gewicht >= 10 else KOP if gewicht >= 3 else TEKST


def lees(html_deel: str, titel: str, tekens: int) -> Gelezen:
    """Words and fragments of the searchable part of a page.

    ``titel`` is left out of the fragments (a result shows it already); fragments stop once
    they hold ``tekens`` characters.
    """
    beste: dict[str, int] = {}
    blokken: list[list[str]] = []
    lengte = 0  # of the blocks so far: past twice the room no block can be kept
    for tekst, gewicht, nieuw_blok in _tekstdelen(html_deel):
        for woord in zoekwoorden(tekst, gewicht):
            if gewicht > beste.get(woord, 0):
                beste[woord] = gewicht
        if lengte < 2 * tekens:
            lengte += len(tekst)
            if nieuw_blok or not blokken:
                blokken.append([tekst])
            else:
                blokken[-1].append(tekst)
    fragmenten: list[str] = []
    ruimte = tekens
    titel_normaal = _WITRUIMTE.sub(" ", titel).strip()
    for blok in blokken:
        for stuk in _stukken(_WITRUIMTE.sub(" ", "".join(blok)).strip()):
            if ruimte <= 0:
                break
            if stuk and stuk != titel_normaal and any(c.isalnum() for c in stuk):
                fragmenten.append(stuk[:ruimte])
                ruimte -= len(stuk)
    return Gelezen(beste, tuple(fragmenten))


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


def _tekstdelen(html_deel: str) -> Iterator[tuple[str, int, bool]]:
    """Text runs of an HTML fragment: text, weight class of the element it stands in, and
    whether it starts a new block. Heading anchors and screen-reader texts are skipped."""
    stapel: list[tuple[str, int, bool]] = []
    gewicht, overslaan, nieuw_blok = TEKST, False, True
    positie = 0
    for match in _TAG.finditer(html_deel):
        if match.start() > positie and not overslaan:
            yield html.unescape(html_deel[positie:match.start()]), gewicht, nieuw_blok
            nieuw_blok = False
        positie = match.end()
        naam = (match.group(2) or "").lower()
        if not naam:
            continue
        if naam in _BLOK:
            nieuw_blok = True
        elif naam == "br" and not overslaan:
            yield " ", gewicht, nieuw_blok
            nieuw_blok = False
        if match.group(1):  # end tag: close up to the matching start tag
            while stapel:
                open_naam, gewicht, overslaan = stapel.pop()
                if open_naam == naam:
                    break
            continue
        attributen = match.group(3)
        if naam in _LEEG or attributen.endswith("/"):
            continue
        stapel.append((naam, gewicht, overslaan))
        # Substring tests first: most tags have neither attribute.
        if "class=" in attributen and _OVERSLAAN.search(attributen):
            overslaan = True
        attribuut = "data-zoek" in attributen and _GEWICHT_ATTR.search(attributen)
        if attribuut:
            gewicht = max(gewicht, klasse(int(attribuut.group(1))))
        elif naam == "h1":
            gewicht = TITEL
        elif naam in _KOPPEN:
            gewicht = max(gewicht, KOP)
    if positie < len(html_deel) and not overslaan:
        yield html.unescape(html_deel[positie:]), gewicht, nieuw_blok
