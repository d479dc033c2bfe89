"""The site's search index: small static files a browser fetches per query word.

Why our own and not Pagefind: Pagefind (tried first) holds every word of every page in memory
while indexing, about 200 KB per page here — 4 GB at the 20,000 pages of the national
kwalificatiestructuur. This index is built while MkDocs writes the pages (``on_post_page``),
from the same HTML a reader sees (the ``data-zoek-body`` part), and keeps only compact postings.

Layout of ``zoeken/`` (all JSON, deterministic):

- ``meta.json``: the number of pages, postings buckets and pages per chunk.
- ``w/<xy>.json``: the vocabulary by the first two characters of a word: word → its stem
  (``""`` when the word is its own stem). The browser looks up what was typed here, so Dutch
  word forms ("verkoopgesprekken") and unfinished words find their stem without a stemmer in
  JavaScript.
- ``t/<bucket>.json``: postings by a hash of the stem: stem → ``[page, score, page, score, …]``
  with page numbers as differences to the previous one.
- ``p/<n>.json``: pages ``[url, title, context]``, a hundred per file.

A page's score for a stem is the weight of the most important place the stem occurs (title and
codes 10, headings 3, text 1, or ``data-zoek-gewicht``), not how often: a profiel page that lists
B1-K1-W1…W5 must not outrank the kerntaak B1-K1 itself.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from array import array
from collections.abc import Iterator
from pathlib import Path

import snowballstemmer

ZOEKMAP = "zoeken"
"""The folder of the index in the site."""

BEGIN = "<!--zoek-begin-->"
EINDE = "<!--zoek-einde-->"
"""Markers our templates put around the searchable part of a page."""

PAGINAS_PER_BLOK = 100
GEWICHT_TITEL = 10
GEWICHT_KOP = 3
GEWICHT_TEKST = 1

STOPWOORDEN = frozenset({
    "aan", "als", "bij", "dat", "de", "die", "dit", "door", "een", "en", "er", "het", "hij",
    "in", "is", "met", "naar", "of", "om", "ook", "op", "over", "te", "tot", "uit", "van",
    "voor", "ze", "zij", "zijn",
})
"""Words too common to search on (also left out of the index, which keeps it small)."""

_TOKEN = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--.*?-->", re.S)
_GEWICHT_ATTR = re.compile(r'data-zoek-gewicht="(\d+)"')
_LEEG = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"})
_KOPPEN = {"h1": GEWICHT_TITEL, "h2": GEWICHT_KOP, "h3": GEWICHT_KOP, "h4": GEWICHT_KOP,
           "h5": GEWICHT_KOP, "h6": GEWICHT_KOP}


def normaliseer(tekst: str) -> str:
    """Lowercase without diacritics: ``Beïnvloeden`` → ``beinvloeden`` (as the browser does)."""
    ontleed = unicodedata.normalize("NFKD", tekst.casefold())
    return "".join(t for t in ontleed if not unicodedata.combining(t))


def woorden(tekst: str) -> list[str]:
    """The searchable words of a text; a hyphenated word also yields its parts."""
    uit = []
    for token in _TOKEN.findall(normaliseer(tekst)):
        uit.append(token)
        if "-" in token:
            uit.extend(deel for deel in token.split("-") if deel)
    return uit


def voorvoegsel(woord: str) -> str:
    """The vocabulary file a word lives in."""
    return woord[:2]


def emmer(stam: str, aantal: int) -> int:
    """The postings bucket of a stem: FNV-1a over its UTF-8 bytes (same in zoeken.js)."""
    waarde = 0x811C9DC5
    for byte in stam.encode("utf-8"):
        waarde = ((waarde ^ byte) * 0x01000193) & 0xFFFFFFFF
    return waarde % aantal


def gewogen_tekst(html_deel: str) -> Iterator[tuple[str, int]]:
    """Text runs of an HTML fragment with the weight of the element they stand in."""
    stapel: list[tuple[str, int]] = []
    gewicht = GEWICHT_TEKST
    positie = 0
    for match in _TAG.finditer(html_deel):
        if match.start() > positie:
            yield html.unescape(html_deel[positie:match.start()]), gewicht
        positie = match.end()
        naam = (match.group(2) or "").lower()
        if not naam or naam in _LEEG or match.group(3).rstrip().endswith("/"):
            continue
        if match.group(1):  # end tag: close up to the matching start tag
            while stapel:
                open_naam, vorig = stapel.pop()
                gewicht = vorig
                if open_naam == naam:
                    break
            continue
        stapel.append((naam, gewicht))
        attribuut = _GEWICHT_ATTR.search(match.group(3))
        if attribuut:
            gewicht = max(gewicht, int(attribuut.group(1)))
        elif naam in _KOPPEN:
            gewicht = max(gewicht, _KOPPEN[naam])
    if positie < len(html_deel):
        yield html.unescape(html_deel[positie:]), gewicht


def doorzoekbaar_deel(pagina_html: str) -> str | None:
    """The part of a rendered page that search indexes, or ``None`` when it opts out."""
    begin = pagina_html.find(BEGIN)
    if begin < 0:
        return None
    einde = pagina_html.find(EINDE, begin)
    return pagina_html[begin + len(BEGIN): einde if einde >= 0 else len(pagina_html)]


class ZoekIndex:
    """Collects pages one by one and writes the index files at the end."""

    def __init__(self) -> None:
        self._stemmer = snowballstemmer.stemmer("dutch")
        self._stammen: dict[str, str] = {}
        self._postings: dict[str, array[int]] = {}
        self.paginas: list[tuple[str, str, str]] = []

    def _stam(self, woord: str) -> str:
        stam = self._stammen.get(woord)
        if stam is None:
            # Codes and numbers are their own stem; words go through the Dutch stemmer.
            stam = woord if any(c.isdigit() for c in woord) else self._stemmer.stemWord(woord)
            self._stammen[woord] = stam
        return stam

    def voeg_toe(self, url: str, titel: str, context: str, html_deel: str) -> None:
        """Index one page's searchable HTML."""
        nummer = len(self.paginas)
        self.paginas.append((url, titel, context))
        beste: dict[str, int] = {}
        aantal = 0
        for tekst, gewicht in gewogen_tekst(html_deel):
            for woord in woorden(tekst):
                aantal += 1
                if woord in STOPWOORDEN:
                    continue
                stam = self._stam(woord)
                if gewicht > beste.get(stam, 0):
                    beste[stam] = gewicht
        # Longer pages lose a little, so that of two equal matches the focused page wins.
        korting = min(7, aantal // 400)
        for stam, gewicht in beste.items():
            self._postings.setdefault(stam, array("I")).extend((nummer, gewicht * 8 - korting))

    def bestanden(self) -> dict[str, str]:
        """Relative path → content of every index file."""
        aantal_emmers = 16
        while aantal_emmers < 4096 and aantal_emmers * 24 < len(self._postings):
            aantal_emmers *= 2
        bestanden: dict[str, str] = {
            "meta.json": _json({"emmers": aantal_emmers, "blok": PAGINAS_PER_BLOK,
                                "paginas": len(self.paginas), "stopwoorden": sorted(STOPWOORDEN)}),
        }
        vocabulaire: dict[str, dict[str, str]] = {}
        for woord, stam in self._stammen.items():
            vocabulaire.setdefault(voorvoegsel(woord), {})[woord] = "" if stam == woord else stam
        for sleutel, woordenlijst in vocabulaire.items():
            bestanden[f"w/{sleutel}.json"] = _json(woordenlijst)
        emmers: dict[int, dict[str, list[int]]] = {}
        for stam, postings in self._postings.items():
            gecodeerd, vorige = [], 0
            for i in range(0, len(postings), 2):
                gecodeerd += [postings[i] - vorige, postings[i + 1]]
                vorige = postings[i]
            emmers.setdefault(emmer(stam, aantal_emmers), {})[stam] = gecodeerd
        for nummer, postingslijst in emmers.items():
            bestanden[f"t/{nummer:x}.json"] = _json(postingslijst)
        for begin in range(0, len(self.paginas), PAGINAS_PER_BLOK):
            blok = [list(p) for p in self.paginas[begin:begin + PAGINAS_PER_BLOK]]
            bestanden[f"p/{begin // PAGINAS_PER_BLOK}.json"] = _json(blok)
        return bestanden

    def schrijf(self, map_: Path) -> int:
        """Write the index into ``map_`` (replacing what was there); return the bytes written."""
        totaal = 0
        for naam, inhoud in sorted(self.bestanden().items()):
            pad = map_ / naam
            pad.parent.mkdir(parents=True, exist_ok=True)
            pad.write_text(inhoud, encoding="utf-8")
            totaal += len(inhoud.encode("utf-8"))
        return totaal


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
