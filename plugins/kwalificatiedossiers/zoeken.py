"""The site's search index: small static files a browser fetches per query word.

Why our own and not Pagefind: Pagefind (tried first) holds every word of every page in memory
while indexing, about 200 KB per page here — 4 GB at the 20,000 pages of the national
kwalificatiestructuur. This index is built while MkDocs writes the pages (``on_post_page``),
from the same HTML a reader sees (the part between :data:`BEGIN` and :data:`EINDE`).

Each page contributes its words (with the weight class of their place, see
:mod:`kwalificatiedossiers.zoektekst`), its card (:mod:`kwalificatiedossiers.zoekkaart`) and
text fragments for snippets. What words mean (terms, compound parts:
:mod:`kwalificatiedossiers.zoekwoorden`) is decided when the files are written, against the
vocabulary of all pages. A page can be replaced or removed at any time
(:meth:`ZoekIndex.voeg_toe`, :meth:`ZoekIndex.verwijder`); :meth:`ZoekIndex.schrijf` then
rewrites only the files whose bytes change, and they are the bytes a full build of the same
pages writes.

Layout of ``zoeken/`` (JSON, deterministic):

- ``meta.json``: format version, number of postings buckets, vocabulary prefixes split into
  three-letter files, stop words, the page types, and the page groups: per dossier (in id
  order, pages outside dossiers last) its id, name, whether it is current, and its number of
  pages per type. Pages are numbered in that order (group, type, code), so a page's dossier and
  type follow from its number: filters need no further file.
- ``w/<prefix>.json``: the vocabulary by the first two (or three) letters of a word: word →
  ``""`` when the word is its own term, its term, or ``[term, part term, …]`` for a compound.
  The browser looks up what was typed here, so word forms find their term without a stemmer
  in JavaScript, and unknown words can be completed, split or corrected against it.
- ``t/<bucket>.json``: postings by a hash of the term: term → ``[d·8 + k, …]`` with ``d`` the
  page number as difference to the previous one and ``k`` the weight class of the page's best
  place for the term (:data:`KLASSEN`).
- ``p/<n>.json``: page ``n``: ``[url, title, type, dossier, place, niveau, [fragment, …]]``.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import natuurlijke_sleutel
from kwalificatiedossiers.zoekkaart import SOORTEN, Kaart, losse_kaart, zoekgroepen, zoekkaarten
from kwalificatiedossiers.zoektekst import STOPWOORDEN, TITEL, lees, normaliseer
from kwalificatiedossiers.zoekwoorden import Woordenschat

ZOEKMAP = "zoeken"
"""The folder of the index in the site."""
VERSIE = 2
"""The format of the files; ``zoeken.js`` refuses another."""

BEGIN = "<!--zoek-begin-->"
EINDE = "<!--zoek-einde-->"
"""Markers our templates put around the searchable part of a page."""

FRAGMENTTEKENS = 1000
"""Characters of text a page keeps for snippets (the rest of a long page has none)."""
POSTINGS_PER_EMMER = 1500
"""About how many postings a bucket holds: a bucket is a few KB compressed."""
MAX_EMMERS = 8192
WOORDEN_BESTAND_MAX = 16_000
"""A vocabulary file larger than this (bytes of JSON) is split by the third letter."""

KLASSEN = {"tekst-deel": 1, "tekst": 2, "kop-deel": 3, "kop": 4, "titel-deel": 5, "titel": 6}
"""Weight classes of a posting: the place (title and code, heading, text) and whether the
word itself or a compound containing it stands there. ``zoeken.js`` weighs them."""


def doorzoekbaar_deel(pagina_html: str) -> str | None:
    """The part of a rendered page that search indexes, or ``None`` when it opts out."""
    begin = pagina_html.find(BEGIN)
    if begin < 0:
        return None
    einde = pagina_html.find(EINDE, begin)
    return pagina_html[begin + len(BEGIN): einde if einde >= 0 else len(pagina_html)]


def emmer(term: str, aantal: int) -> int:
    """The postings bucket of a term: FNV-1a over its UTF-8 bytes (same in zoeken.js)."""
    waarde = 0x811C9DC5
    for byte in term.encode("utf-8"):
        waarde = ((waarde ^ byte) * 0x01000193) & 0xFFFFFFFF
    return waarde % aantal


@dataclass(frozen=True)
class _Pagina:
    """One page's contribution to the index."""

    url: str
    titel: str
    kaart: Kaart
    woorden: tuple[str, ...]
    klassen: bytes
    """The weight class (:data:`~kwalificatiedossiers.zoektekst.TITEL`…) per word."""
    fragmenten: tuple[str, ...]

    def sleutel(self, groepen: Mapping[str, int]) -> tuple[object, ...]:
        """Where the page stands in the numbering: group, type, code order."""
        return (groepen[self.kaart.groep], SOORTEN.index(self.kaart.soort),
                natuurlijke_sleutel(self.url))


class ZoekIndex:
    """Collects pages (by URL, replaceable) and writes the index files."""

    def __init__(self, index: Index | None = None) -> None:
        """``index``: the dossiers' entities, for the cards of their pages (without it every
        page is a plain ``pagina``)."""
        self._kaarten = zoekkaarten(index) if index else {}
        self._groepen = zoekgroepen(index) if index else {}
        self._paginas: dict[str, _Pagina] = {}
        self._geschreven: dict[str, bytes] = {}
        """Path → digest of what :meth:`schrijf` last wrote."""

    def __len__(self) -> int:
        return len(self._paginas)

    def voeg_toe(self, src: str, url: str, titel: str, soort: str | None, html_deel: str) -> None:
        """Index one page's searchable HTML (replacing an earlier version of the same URL)."""
        kaart = self._kaarten.get(src) or losse_kaart(soort)
        gelezen = lees(html_deel, titel, FRAGMENTTEKENS)
        woorden = dict(gelezen.woorden)
        if kaart.code:  # searchable even where the title omits it ("Kerntaak 2" is K2)
            woorden[normaliseer(kaart.code).replace("-", "")] = TITEL
        volgorde = sorted(woorden)  # interned by zoekwoorden: one string per word, all pages
        self._paginas[url] = _Pagina(url, titel, kaart, tuple(volgorde),
                                     bytes(woorden[w] for w in volgorde), gelezen.fragmenten)

    def verwijder(self, url: str) -> None:
        """Take a page out of the index (nothing happens if it is not in)."""
        self._paginas.pop(url, None)

    def bestanden(self) -> dict[str, str]:
        """Relative path → content of every index file."""
        groepen = sorted({p.kaart.groep for p in self._paginas.values()},
                         key=lambda g: (g == "", g))
        rang = {g: i for i, g in enumerate(groepen)}
        paginas = sorted(self._paginas.values(), key=lambda p: p.sleutel(rang))
        woordenschat = Woordenschat(w for p in paginas for w in p.woorden)
        termen = {w: woordenschat.term(w) for w in woordenschat.woorden}
        delen = {w: tuple(termen[d] for d in woordenschat.delen(w)) for w in woordenschat.woorden}

        postings: dict[str, array[int]] = {}
        vorige: dict[str, int] = {}
        for nummer, pagina in enumerate(paginas):
            beste: dict[str, int] = {}
            for woord, gewicht in zip(pagina.woorden, pagina.klassen, strict=True):
                klasse = 2 * gewicht
                term = termen[woord]
                if klasse > beste.get(term, 0):
                    beste[term] = klasse
                for deel in delen[woord]:
                    if klasse - 1 > beste.get(deel, 0):
                        beste[deel] = klasse - 1
            for term, klasse in beste.items():
                lijst = postings.get(term)
                if lijst is None:
                    lijst = postings[term] = array("I")
                lijst.append((nummer - vorige.get(term, 0)) * 8 + klasse)
                vorige[term] = nummer

        aantal_emmers = 16
        totaal = sum(len(lijst) for lijst in postings.values())
        while aantal_emmers < MAX_EMMERS and aantal_emmers * POSTINGS_PER_EMMER < totaal:
            aantal_emmers *= 2
        emmers: dict[int, dict[str, list[int]]] = {}
        for term, lijst in postings.items():
            emmers.setdefault(emmer(term, aantal_emmers), {})[term] = lijst.tolist()

        woordbestanden, gesplitst = _woordbestanden(termen, delen)
        bestanden = {
            "meta.json": _json({
                "versie": VERSIE, "emmers": aantal_emmers, "gesplitst": gesplitst,
                "stopwoorden": sorted(STOPWOORDEN), "soorten": list(SOORTEN),
                "groepen": [self._groep(g, paginas) for g in groepen],
            }),
            **woordbestanden,
        }
        for nummer, inhoud in emmers.items():
            bestanden[f"t/{nummer:x}.json"] = _json(inhoud)
        for nummer, pagina in enumerate(paginas):
            kaart = pagina.kaart
            bestanden[f"p/{nummer}.json"] = _json([
                pagina.url, pagina.titel, kaart.soort, kaart.dossier, kaart.plek, kaart.niveau,
                list(pagina.fragmenten)])
        return bestanden

    def _groep(self, groep: str, paginas: list[_Pagina]) -> list[object]:
        """A group of ``meta.json``: id, name, current (1/0), pages per type."""
        naam, actueel = self._groepen.get(groep, ("", True))
        aantallen = [0] * len(SOORTEN)
        for pagina in paginas:
            if pagina.kaart.groep == groep:
                aantallen[SOORTEN.index(pagina.kaart.soort)] += 1
        return [groep, naam, int(actueel), aantallen]

    def schrijf(self, map_: Path) -> list[str]:
        """Write the index into ``map_``: files whose bytes changed since the last call (all on
        the first), and remove files the index no longer has. Return the paths written."""
        bestanden = {naam: inhoud.encode("utf-8") for naam, inhoud in self.bestanden().items()}
        geschreven = []
        for naam in sorted(bestanden):
            inhoud = bestanden[naam]
            digest = hashlib.blake2b(inhoud, digest_size=16).digest()
            if self._geschreven.get(naam) == digest:
                continue
            pad = map_ / naam
            pad.parent.mkdir(parents=True, exist_ok=True)
            pad.write_bytes(inhoud)
            self._geschreven[naam] = digest
            geschreven.append(naam)
        for naam in sorted(set(self._geschreven) - set(bestanden)):
            (map_ / naam).unlink(missing_ok=True)
            del self._geschreven[naam]
        return geschreven


def _woordbestanden(termen: Mapping[str, str], delen: Mapping[str, tuple[str, ...]]
                    ) -> tuple[dict[str, str], list[str]]:
    """The vocabulary files and the two-letter prefixes split by a third letter."""
    waarden: dict[str, object] = {}
    for woord, term in termen.items():
        eigen = "" if term == woord else term
        waarden[woord] = [eigen, *delen[woord]] if delen[woord] else eigen
    per_voorvoegsel: dict[str, dict[str, object]] = {}
    for woord, waarde in waarden.items():
        per_voorvoegsel.setdefault(woord[:2], {})[woord] = waarde
    bestanden: dict[str, str] = {}
    gesplitst = []
    for voorvoegsel, inhoud in sorted(per_voorvoegsel.items()):
        tekst = _json(inhoud)
        if len(tekst) <= WOORDEN_BESTAND_MAX:
            bestanden[f"w/{voorvoegsel}.json"] = tekst
            continue
        gesplitst.append(voorvoegsel)
        verder: dict[str, dict[str, object]] = {}
        for woord, waarde in inhoud.items():
            verder.setdefault(woord[:3], {})[woord] = waarde
        for sleutel, deel in verder.items():
            bestanden[f"w/{sleutel}.json"] = _json(deel)
    return bestanden, gesplitst


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
