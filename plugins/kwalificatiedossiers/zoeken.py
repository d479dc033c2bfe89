"""The site's search index: small static files a browser fetches per query word.

Why our own and not Pagefind: Pagefind (tried first) holds every word of every page in memory
while indexing, about 200 KB per page here — 4 GB at the 20,000 pages of the national
kwalificatiestructuur. This index is built while MkDocs writes the pages (``on_post_page``),
from the same HTML a reader sees (the part between :data:`BEGIN` and :data:`EINDE`).

Each page contributes its words (with the weight class of their place, see
:mod:`kwalificatiedossiers.zoektekst`), its card (:mod:`kwalificatiedossiers.zoekkaart`) and
text fragments for snippets. What words mean (terms, compound parts:
:mod:`kwalificatiedossiers.zoekwoorden`) is decided against the vocabulary of all pages.

One :class:`ZoekIndex` can live across the rebuilds of ``mkdocs serve``: a page is replaced
(:meth:`ZoekIndex.voeg_toe`) or removed (:meth:`ZoekIndex.verwijder`), the cards follow the
dossiers of each rebuild (:meth:`ZoekIndex.volg_index`), and :meth:`ZoekIndex.schrijf`
rewrites only the files whose bytes change: the bytes a fresh index of the same pages writes.
While the pages stay the same set with the same dossier and type, only what an edit touches is
recomputed: the edited pages' postings, the words whose meaning a new or vanished word changes
and the pages that use them. Otherwise (a page added or removed, so pages renumber) everything
is computed anew.

Layout of ``zoeken/`` (JSON, deterministic):

- ``meta.json``: format version, number of postings buckets, vocabulary prefixes split into
  three-letter files, stop words, the page types, and the page groups: the pages outside
  dossiers, then per dossier (in id order) its id, name, whether it is current, and its number
  of pages per type. Pages are numbered in that order (group, type, code), so a page's dossier
  and type follow from its number: filters need no further file. Results with an equal score
  come in that order too: a general page (a competence) before its copy for one dossier.
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

import bisect
import dataclasses
import functools
import hashlib
import json
import os
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import NamedTuple

from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.corpus import natuurlijke_sleutel
from kwalificatiedossiers.zoekkaart import SOORTEN, Kaart, losse_kaart, zoekgroepen, zoekkaarten
from kwalificatiedossiers.zoektekst import STOPWOORDEN, lees, normaliseer
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
POSTINGS_PER_EMMER = 750
"""About how many postings a bucket holds: a bucket is a few KB compressed."""
MAX_EMMERS = 8192
WOORDEN_BESTAND_MAX = 16_000
"""A vocabulary file larger than this (bytes of JSON) is split by the third letter."""

KLASSEN = {"tekst-deel": 1, "tekst": 2, "kop-deel": 3, "kop": 4, "titel-deel": 5, "titel": 6,
           "code": 7}
"""Weight classes of a posting: the place (the page's own code, title, heading, text) and
whether the word itself or a compound containing it stands there. ``zoeken.js`` weighs
them."""

_PLAATSEN = (KLASSEN["tekst"], KLASSEN["kop"], KLASSEN["titel"])
"""The posting class of a term by its word's place (a part's is one lower), from the least to
the most important: applied in this order, a later class always wins."""


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


def aantal_emmers(postings: int) -> int:
    """The number of buckets for so many postings: a power of two, so that it changes (and
    every bucket with it) only when the index doubles or halves."""
    aantal = 16
    while aantal < MAX_EMMERS and aantal * POSTINGS_PER_EMMER < postings:
        aantal *= 2
    return aantal


@dataclass(frozen=True)
class _Pagina:
    """One page's contribution to the index."""

    src: str
    url: str
    titel: str
    soort: str | None
    """The page's own ``soort``: its card's type when the dossiers do not know the page."""
    kaart: Kaart
    woorden: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    """The words of its text by the weight class of their best place (text, heading, title),
    each sorted."""
    fragmenten: tuple[str, ...]

    @property
    def code(self) -> str:
        """The card's code as a word: searchable with a weight of its own, also where the
        title omits it ("Kerntaak 2" is K2)."""
        return normaliseer(self.kaart.code).replace("-", "") if self.kaart.code else ""

    def alle_woorden(self) -> Iterator[str]:
        """Every word of the page once, its code included."""
        yield from chain.from_iterable(self.woorden)
        code = self.code
        if code and not any(_bevat(woorden, code) for woorden in self.woorden):
            yield code

    def bevat(self, woorden: set[str]) -> bool:
        """Whether the page uses one of ``woorden``."""
        return self.code in woorden or any(not woorden.isdisjoint(w) for w in self.woorden)


def _bevat(gesorteerd: tuple[str, ...], woord: str) -> bool:
    plek = bisect.bisect_left(gesorteerd, woord)
    return plek < len(gesorteerd) and gesorteerd[plek] == woord


class _Betekenis(NamedTuple):
    """What a word means to the index."""

    term: str
    delen: tuple[str, ...]
    """The words of the vocabulary a compound consists of (``()`` for no compound)."""
    deeltermen: tuple[str, ...]


class ZoekIndex:
    """Collects pages (by URL, replaceable) and writes the index files."""

    def __init__(self, index: Index | None = None) -> None:
        """``index``: the dossiers' entities, for the cards of their pages (without it every
        page gets a card from its ``soort`` alone)."""
        self._kaarten: dict[str, Kaart] = {}
        self._groepen: dict[str, tuple[str, bool]] = {}
        self._paginas: dict[str, _Pagina] = {}
        self._wachtend: dict[str, _Pagina | None] = {}
        """URL → the page's new version (``None``: removed) since the last update."""
        # What the last update computed from the pages (see _alles_opnieuw).
        self._berekend = False
        self._volgorde: list[_Pagina] = []
        self._nummers: dict[str, int] = {}
        self._aantallen: dict[str, list[int]] = {}
        self._telling: Counter[str] | None = None
        """Word → the number of pages that use it; counted at the first replacement (a build
        of the site has none)."""
        self._schat = Woordenschat()
        self._termen: dict[str, str] = {}
        self._delen: dict[str, tuple[str, ...]] = {}
        """Compound → its parts' terms."""
        self._samenstellingen: dict[str, set[str]] = {}
        """Word → the compounds that have it as a part (perhaps a few more)."""
        self._postings: dict[str, array[int]] = {}
        """Term → page number · 8 + class, ascending."""
        self._aantal_postings = 0
        self._aantal_emmers = aantal_emmers(0)
        self._emmers: dict[int, set[str]] = {}
        self._gesplitst: set[str] = set()
        # What has changed since the last write.
        self._alles_schrijven = True
        self._vuile_paginas: set[int] = set()
        self._vuile_emmers: set[int] = set()
        self._vuile_voorvoegsels: set[str] = set()
        self._geschreven: dict[str, bytes] = {}
        """Path → digest of what :meth:`schrijf` last wrote."""
        if index is not None:
            self.volg_index(index)

    def __len__(self) -> int:
        return len(self._paginas.keys() | self._wachtend.keys()) - sum(
            nieuw is None for nieuw in self._wachtend.values())

    def volg_index(self, index: Index) -> None:
        """Take the dossiers of a (re)build: every page's card follows them (a renamed
        dossier, a moved werkproces), also of pages that are not indexed again."""
        self._kaarten = zoekkaarten(index)
        self._groepen = zoekgroepen(index)
        for url, pagina in {**self._paginas, **self._wachtend}.items():
            if pagina is not None:
                kaart = self._kaart(pagina.src, pagina.soort)
                if kaart != pagina.kaart:
                    self._wachtend[url] = dataclasses.replace(pagina, kaart=kaart)

    def _kaart(self, src: str, soort: str | None) -> Kaart:
        return self._kaarten.get(src) or losse_kaart(soort)

    def voeg_toe(self, src: str, url: str, titel: str, soort: str | None, html_deel: str) -> None:
        """Index one page's searchable HTML (replacing an earlier version of the same URL)."""
        gelezen = lees(html_deel, titel, FRAGMENTTEKENS)
        pagina = _Pagina(src, url, titel, soort, self._kaart(src, soort), gelezen.per_klasse,
                         gelezen.fragmenten)
        if self._paginas.get(url) == pagina:
            self._wachtend.pop(url, None)  # as it is: nothing to do
        else:
            self._wachtend[url] = pagina

    def verwijder(self, url: str) -> None:
        """Take a page out of the index (nothing happens if it is not in)."""
        if url in self._paginas:
            self._wachtend[url] = None
        else:
            self._wachtend.pop(url, None)

    def houd_alleen(self, urls: set[str]) -> None:
        """Take every page whose URL is not in ``urls`` out of the index (a page no longer in
        the site after a dirty rebuild)."""
        for url in sorted((self._paginas.keys() | self._wachtend.keys()) - urls):
            self.verwijder(url)

    # Bringing the index up to date -------------------------------------------------------

    def _bijwerken(self) -> None:
        """Apply the pages added, replaced and removed since the last update."""
        wachtend, self._wachtend = self._wachtend, {}
        vervangen: list[tuple[int, _Pagina]] = []
        opnieuw = not self._berekend
        for url, nieuw in wachtend.items():
            oud = self._paginas.get(url)
            if oud is None or nieuw is None or (oud.kaart.groep, oud.kaart.soort) != (
                    nieuw.kaart.groep, nieuw.kaart.soort):
                opnieuw = True  # the pages renumber
            else:
                vervangen.append((self._nummers[url], nieuw))
        if opnieuw:
            for url, nieuw in wachtend.items():
                if nieuw is None:
                    del self._paginas[url]
                else:
                    self._paginas[url] = nieuw
            self._alles_opnieuw()
        elif vervangen:
            self._vervang(vervangen)

    def _alles_opnieuw(self) -> None:
        """Number the pages, and compute every word's meaning and every posting."""
        groepen = sorted({p.kaart.groep for p in self._paginas.values()},
                         key=lambda g: (g != "", g))
        rang = {g: i for i, g in enumerate(groepen)}
        self._volgorde = sorted(self._paginas.values(), key=lambda p: (
            rang[p.kaart.groep], SOORTEN.index(p.kaart.soort), natuurlijke_sleutel(p.url)))
        self._nummers = {p.url: n for n, p in enumerate(self._volgorde)}
        self._aantallen = {g: [0] * len(SOORTEN) for g in groepen}
        for pagina in self._volgorde:
            self._aantallen[pagina.kaart.groep][SOORTEN.index(pagina.kaart.soort)] += 1

        self._telling = None
        woorden = set(chain.from_iterable(chain.from_iterable(p.woorden for p in self._volgorde)))
        woorden.update(p.code for p in self._volgorde if p.code)
        self._schat = Woordenschat(woorden)
        self._termen, self._delen, self._samenstellingen = {}, {}, {}
        self._leg_vast({w: self._betekenis(w) for w in self._schat.woorden})

        lijsten: defaultdict[str, array[int]] = defaultdict(functools.partial(array, "I"))
        for nummer, pagina in enumerate(self._volgorde):
            basis = nummer * 8
            for term, klasse in self._bijdrage(pagina).items():
                lijsten[term].append(basis + klasse)
        self._postings = dict(lijsten)
        self._aantal_postings = sum(len(lijst) for lijst in self._postings.values())
        self._verdeel_emmers()
        self._berekend = self._alles_schrijven = True

    def _verdeel_emmers(self) -> None:
        """Put every term in its bucket for the current number of postings (every bucket file
        changes, and some may go: all is written)."""
        self._aantal_emmers = aantal_emmers(self._aantal_postings)
        self._emmers = {}
        for term in self._postings:
            self._emmers.setdefault(emmer(term, self._aantal_emmers), set()).add(term)
        self._alles_schrijven = True

    def _vervang(self, vervangen: list[tuple[int, _Pagina]]) -> None:
        """Replace pages in place (same numbers): only what they touch is recomputed."""
        if self._telling is None:
            self._telling = Counter(chain.from_iterable(p.alle_woorden() for p in self._volgorde))
        verschil: Counter[str] = Counter()
        for nummer, nieuw in vervangen:
            oud = self._volgorde[nummer]
            self._haal_weg(nummer, self._bijdrage(oud))
            verschil.subtract(oud.alle_woorden())
            verschil.update(nieuw.alle_woorden())
            self._volgorde[nummer] = self._paginas[nieuw.url] = nieuw
            self._vuile_paginas.add(nummer)
        erbij, eraf = set(), set()
        for woord, aantal in verschil.items():
            if aantal:
                voor = self._telling[woord]
                self._telling[woord] = voor + aantal
                if not voor:
                    erbij.add(woord)
                elif not voor + aantal:
                    eraf.add(woord)
                    del self._telling[woord]
        if erbij or eraf:
            self._wijzig_woorden(erbij, eraf, {nummer for nummer, _ in vervangen})
        for nummer, nieuw in vervangen:
            self._voeg_bij(nummer, self._bijdrage(nieuw))
        if aantal_emmers(self._aantal_postings) != self._aantal_emmers:
            self._verdeel_emmers()

    def _wijzig_woorden(self, erbij: set[str], eraf: set[str], vervangen: set[int]) -> None:
        """Words came or went: the words whose meaning changes with them get their new one,
        and the pages that use those (other than the ``vervangen`` ones) their postings."""
        geraakt = self._schat.wijzig(erbij, eraf)
        nieuw = {w: self._betekenis(w) for w in geraakt}
        for woord in [w for w in nieuw if w in self._termen and nieuw[w].term != self._termen[w]]:
            for samenstelling in self._samenstellingen.get(woord, ()):
                if samenstelling in self._schat.woorden and samenstelling not in nieuw:
                    nieuw[samenstelling] = self._betekenis(samenstelling)  # a part's term changed
        anders = {w for w, b in nieuw.items() if w in self._termen
                  and (b.term, b.deeltermen) != (self._termen[w], self._delen.get(w, ()))}
        opnieuw = [n for n, p in enumerate(self._volgorde)
                   if n not in vervangen and p.bevat(anders)] if anders else []
        for nummer in opnieuw:
            self._haal_weg(nummer, self._bijdrage(self._volgorde[nummer]))
        for woord in eraf:
            del self._termen[woord]
            self._delen.pop(woord, None)
            self._samenstellingen.pop(woord, None)
        self._leg_vast(nieuw)
        for nummer in opnieuw:
            self._voeg_bij(nummer, self._bijdrage(self._volgorde[nummer]))
        self._vuile_voorvoegsels.update(w[:2] for w in chain(erbij, eraf, anders))

    def _betekenis(self, woord: str) -> _Betekenis:
        delen = self._schat.delen(woord)
        return _Betekenis(self._schat.term(woord), delen,
                          tuple(self._schat.term(d) for d in delen))

    def _leg_vast(self, betekenissen: dict[str, _Betekenis]) -> None:
        """Take these words' meanings."""
        for woord, betekenis in betekenissen.items():
            self._termen[woord] = betekenis.term
            if betekenis.delen:
                self._delen[woord] = betekenis.deeltermen
                for deel in betekenis.delen:
                    self._samenstellingen.setdefault(deel, set()).add(woord)
            else:
                self._delen.pop(woord, None)

    def _bijdrage(self, pagina: _Pagina) -> dict[str, int]:
        """Term → the posting class of the page's best place for it."""
        beste: dict[str, int] = {}
        termen, delen = self._termen, self._delen
        for klasse, woorden in zip(_PLAATSEN, pagina.woorden, strict=True):
            for woord in delen.keys() & woorden:
                beste.update(dict.fromkeys(delen[woord], klasse - 1))
            beste.update(dict.fromkeys(map(termen.__getitem__, woorden), klasse))
        if pagina.code:
            beste[termen[pagina.code]] = KLASSEN["code"]
        return beste

    def _haal_weg(self, nummer: int, bijdrage: dict[str, int]) -> None:
        for term, klasse in bijdrage.items():
            lijst = self._postings[term]
            lijst.remove(nummer * 8 + klasse)
            plek = emmer(term, self._aantal_emmers)
            self._vuile_emmers.add(plek)
            if not lijst:
                del self._postings[term]
                self._emmers[plek].discard(term)
        self._aantal_postings -= len(bijdrage)

    def _voeg_bij(self, nummer: int, bijdrage: dict[str, int]) -> None:
        for term, klasse in bijdrage.items():
            plek = emmer(term, self._aantal_emmers)
            self._vuile_emmers.add(plek)
            lijst = self._postings.get(term)
            if lijst is None:
                lijst = self._postings[term] = array("I")
                self._emmers.setdefault(plek, set()).add(term)
            bisect.insort(lijst, nummer * 8 + klasse)
        self._aantal_postings += len(bijdrage)

    # The files ---------------------------------------------------------------------------

    def bestanden(self) -> dict[str, str]:
        """Relative path → content of every index file."""
        self._bijwerken()
        return {pad: tekst for pad, tekst in self._alle_bestanden().items() if tekst is not None}

    def schrijf(self, map_: Path) -> list[str]:
        """Write the index into ``map_``: files whose bytes changed since the last call (all on
        the first, or when the folder was emptied), and remove files the index no longer has.
        Return the paths written."""
        self._bijwerken()
        if not (map_ / "meta.json").is_file():
            self._geschreven.clear()
        if self._alles_schrijven or not self._geschreven:
            inhoud = self._alle_bestanden()
            weg = set(self._geschreven) - {pad for pad, t in inhoud.items() if t is not None}
        else:
            voorvoegsels = sorted(self._vuile_voorvoegsels)
            inhoud = self._maak(sorted(self._vuile_paginas), sorted(self._vuile_emmers),
                                voorvoegsels)
            # A prefix's files may change with its size (split by a third letter or not).
            weg = {pad for pad in self._geschreven if pad.startswith("w/")
                   and pad[2:4] in self._vuile_voorvoegsels and pad not in inhoud}
            weg.update(pad for pad, tekst in inhoud.items() if tekst is None)
        self._alles_schrijven = False
        self._vuile_paginas, self._vuile_emmers, self._vuile_voorvoegsels = set(), set(), set()
        for onder in ("p", "t", "w"):
            (map_ / onder).mkdir(parents=True, exist_ok=True)
        geschreven = []
        for pad, tekst in sorted(inhoud.items()):
            if tekst is None:
                continue
            data = tekst.encode("utf-8")
            digest = hashlib.blake2b(data, digest_size=16).digest()
            if self._geschreven.get(pad) != digest:
                _schrijf_bestand(map_ / pad, data)
                self._geschreven[pad] = digest
                geschreven.append(pad)
        for pad in sorted(weg):
            (map_ / pad).unlink(missing_ok=True)
            self._geschreven.pop(pad, None)
        return geschreven

    def _alle_bestanden(self) -> dict[str, str | None]:
        return self._maak(range(len(self._volgorde)), range(self._aantal_emmers),
                          {w[:2] for w in self._termen})

    def _maak(self, paginas: Iterable[int], emmers: Iterable[int], voorvoegsels: Iterable[str]
              ) -> dict[str, str | None]:
        """The files of these pages, buckets and vocabulary prefixes, and ``meta.json``
        (``None`` for a bucket that has become empty)."""
        inhoud: dict[str, str | None] = {}
        per_voorvoegsel: dict[str, dict[str, object]] = {v: {} for v in voorvoegsels}
        for woord, term in self._termen.items():
            waarden = per_voorvoegsel.get(woord[:2])
            if waarden is not None:
                eigen = "" if term == woord else term
                delen = self._delen.get(woord)
                waarden[woord] = [eigen, *delen] if delen else eigen
        for voorvoegsel, waarden in per_voorvoegsel.items():
            inhoud.update(self._woordbestanden(voorvoegsel, waarden))
        for nummer in emmers:
            termen = self._emmers.get(nummer)
            inhoud[f"t/{nummer:x}.json"] = _json(
                {t: _verschillen(self._postings[t]) for t in termen}) if termen else None
        for nummer in paginas:
            pagina = self._volgorde[nummer]
            kaart = pagina.kaart
            inhoud[f"p/{nummer}.json"] = _json([
                pagina.url, pagina.titel, kaart.soort, kaart.dossier, kaart.plek, kaart.niveau,
                list(pagina.fragmenten)])
        inhoud["meta.json"] = _json({
            "versie": VERSIE, "emmers": self._aantal_emmers, "gesplitst": sorted(self._gesplitst),
            "stopwoorden": sorted(STOPWOORDEN), "soorten": list(SOORTEN),
            "groepen": [[groep, *self._groep(groep), aantallen]
                        for groep, aantallen in self._aantallen.items()],
        })
        return inhoud

    def _groep(self, groep: str) -> tuple[str, int]:
        """A group's name and whether it is current (1/0), for ``meta.json``."""
        naam, actueel = self._groepen.get(groep, ("", True))
        return naam, int(actueel)

    def _woordbestanden(self, voorvoegsel: str, waarden: dict[str, object]) -> dict[str, str]:
        """The vocabulary file of a two-letter prefix, or one per three letters when it would
        be too large."""
        self._gesplitst.discard(voorvoegsel)
        if not waarden:
            return {}
        tekst = _json(waarden)
        if len(tekst) <= WOORDEN_BESTAND_MAX:
            return {f"w/{voorvoegsel}.json": tekst}
        self._gesplitst.add(voorvoegsel)
        verder: dict[str, dict[str, object]] = {}
        for woord, waarde in waarden.items():
            verder.setdefault(woord[:3], {})[woord] = waarde
        return {f"w/{sleutel}.json": _json(deel) for sleutel, deel in verder.items()}


def _verschillen(postings: array[int]) -> list[int]:
    """Postings (page number · 8 + class, ascending) with each page number as the difference
    to the one before."""
    waarden = postings.tolist()
    return [waarde - (vorige & -8)
            for waarde, vorige in zip(waarden, [0, *waarden[:-1]], strict=True)]


def _schrijf_bestand(pad: Path, data: bytes) -> None:
    # Without Python's file objects: a full index is thousands of small files, and their
    # buffers and locks were a quarter of writing them.
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        rest = memoryview(data)
        while rest:
            rest = rest[os.write(fd, rest):]
    finally:
        os.close(fd)


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)
"""One encoder for thousands of small files (``json.dumps`` with options makes one per call)."""


def _json(data: object) -> str:
    return _JSON.encode(data)
