"""What a word means to search: its term (the stem that word forms share) and, for a compound,
its parts. Both are decided against the vocabulary of the indexed pages themselves.

- **Terms**: the Dutch Snowball stemmer, plus one step it lacks: the verb form in ``-t`` that
  werkproces titles use ("Onderhandelt", "Signaleert", "Stelt") joins the stem of its
  infinitive ("onderhandelen", "signaleren", "stellen") when the pages use that stem, so that a
  student's "onderhandelen" finds the title "Onderhandelt met de klant". A noun in ``-t``
  ("klant") keeps its own stem: no word of the pages stems to "klan".
- **Compounds**: a word is split into words the pages also use (``onderwijsassistent`` →
  ``onderwijs`` + ``assistent``, ``kinderopvang`` → ``kind(er)`` + ``opvang``), so that its
  parts find it. Parts are at least three letters, a first part is no particle or prefix
  ("onder", "voor", "ver"), a last part no suffix that happens to be a word ("heden"); the split
  with the fewest parts wins.

No general word list is used: the browser can only split what it can look up, and it looks up
the index's own vocabulary (``zoeken.js`` splits a query's unknown compounds against the same).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("dutch")
_KLINKERS = frozenset("aeiouy")

MIN_DEEL = 3
"""The shortest first part of a compound ("les" in "lesactiviteiten")."""
MIN_LAATSTE_DEEL = 4
"""The shortest last part: "verkoopgesprek-ken" is an inflection, no compound."""
MIN_SAMENSTELLING = 7
"""The shortest word that is tried as a compound."""
MAX_DELEN = 3
MAX_GEZOCHTE_DELEN = 32
"""Past this many words added or removed at once, every word counts as changed: searching the
vocabulary for the compounds that contain one of them costs more than splitting all anew."""

GEEN_EERSTE_DEEL = frozenset({
    "aan", "achter", "af", "be", "bij", "binnen", "boven", "buiten", "door", "her", "mee", "mis",
    "na", "om", "on", "ont", "onder", "op", "over", "rond", "tegen", "toe", "uit", "ver",
    "voor", "weg", "wel", "niet", "der", "den", "des", "het", "een", "van", "met", "per",
    "daar", "waar", "hier", "er", "ge",
})
"""Particles and prefixes: ``onderwijs`` and ``voorbereiden`` are no compounds of them."""
GEEN_LAATSTE_DEEL = frozenset({
    "heden", "eren", "ende", "baar", "lijk", "lijke", "loos", "isch", "ische", "iteit", "ing",
    "ingen", "atie", "aties", "tie", "ties", "erd",
})
"""Suffixes that are also words: ``werkzaamheden`` is no compound with ``heden``."""
TUSSENKLANKEN = ("s", "en", "e", "er")
"""Linking sounds between parts: ``beroep-s-houding``, ``kind-er-opvang``."""


@functools.lru_cache(maxsize=200_000)
def snowball(woord: str) -> str:
    """The Snowball stem of a word (codes and numbers are their own stem)."""
    if any(t.isdigit() for t in woord):
        return woord
    stam: str = _STEMMER.stemWord(woord)
    return stam


def _infinitiefstammen(woord: str) -> list[str]:
    """The stems of the infinitives a verb form in ``-t`` may belong to, likeliest first:
    ``signaleert`` → signaleren, ``stelt`` → stellen (not stelen), ``behandelt`` → behandelen."""
    basis = woord[:-1]
    vormen = []
    if len(basis) >= 3 and basis[-1] not in _KLINKERS:
        if basis[-2] == basis[-3] and basis[-2] in "aeou":
            vormen.append(basis[:-2] + basis[-1] + "en")
        elif basis[-2] in _KLINKERS and basis[-3] not in _KLINKERS:
            vormen.append(basis + basis[-1] + "en")
    vormen += [basis + "en", basis]
    return [snowball(v) for v in vormen]


class Woordenschat:
    """The vocabulary of the indexed pages: every word's term and compound parts.

    Words come and go as pages are edited (:meth:`wijzig`); it says whose term or parts that
    may change: a verb form in ``-t`` whose infinitive's stem came or went, and a compound
    whose possible parts (words it contains) came or went.
    """

    def __init__(self, woorden: Iterable[str] = ()) -> None:
        self.woorden: set[str] = set()
        self._stammen: dict[str, int] = {}
        """Stem → how many words of the vocabulary have it."""
        self._t_vormen: dict[str, set[str]] = {}
        """Stem of an infinitive → the verb forms in ``-t`` that join it while it is there."""
        self.wijzig(woorden, ())

    def wijzig(self, erbij: Iterable[str], eraf: Iterable[str]) -> set[str]:
        """Add and remove words; return the words whose term or parts may have changed (the
        added ones included)."""
        nieuw = set(erbij) - self.woorden
        weg = set(eraf) & self.woorden
        stammen: set[str] = set()
        for woord in weg:
            self.woorden.remove(woord)
            stam = snowball(woord)
            self._stammen[stam] -= 1
            if not self._stammen[stam]:
                del self._stammen[stam]
                stammen.add(stam)
            for kandidaat in self._kandidaten(woord):
                self._t_vormen[kandidaat].discard(woord)
        for woord in nieuw:
            self.woorden.add(woord)
            stam = snowball(woord)
            if stam not in self._stammen:
                self._stammen[stam] = 0
                stammen.add(stam)
            self._stammen[stam] += 1
            for kandidaat in self._kandidaten(woord):
                self._t_vormen.setdefault(kandidaat, set()).add(woord)
        geraakt = set(nieuw)
        for stam in stammen:
            geraakt.update(self._t_vormen.get(stam, ()))
        delen = [w for w in nieuw | weg if len(w) >= MIN_DEEL]
        if len(delen) > MAX_GEZOCHTE_DELEN:
            return set(self.woorden)
        if delen and len(nieuw) < len(self.woorden):
            for deel in delen:
                geraakt.update(w for w in self.woorden
                               if len(w) >= MIN_SAMENSTELLING and deel in w)
        return geraakt & self.woorden

    @staticmethod
    def _kandidaten(woord: str) -> list[str]:
        """The infinitive stems a verb form in ``-t`` may join (none for another word)."""
        stam = snowball(woord)
        if (len(woord) >= 5 and woord.endswith("t") and not woord.endswith("tt")
                and stam.endswith("t") and woord.isalpha()):
            return [k for k in _infinitiefstammen(woord) if k != stam]
        return []

    def term(self, woord: str) -> str:
        """The term a word is indexed and looked up under."""
        for kandidaat in self._kandidaten(woord):
            if kandidaat in self._stammen:
                return kandidaat
        return snowball(woord)

    def delen(self, woord: str) -> tuple[str, ...]:
        """The words of the vocabulary a compound consists of; ``()`` if it is none."""
        if len(woord) < MIN_SAMENSTELLING or not woord.isalpha():
            return ()
        return self._splits(woord, MAX_DELEN, heel=False, gezien={}) or ()

    def _splits(self, woord: str, max_delen: int, *, heel: bool,
                gezien: dict[tuple[str, int, bool], tuple[str, ...] | None]
                ) -> tuple[str, ...] | None:
        """The best split of ``woord`` into at most ``max_delen`` known words (the word itself
        counts when ``heel``); ``gezien`` holds the splits of its ends tried so far."""
        sleutel = (woord, max_delen, heel)
        if sleutel in gezien:
            return gezien[sleutel]
        beste: tuple[str, ...] | None = None
        if heel and len(woord) < MIN_LAATSTE_DEEL:
            beste = None
        elif heel and woord in self.woorden and woord not in GEEN_LAATSTE_DEEL:
            beste = (woord,)
        elif max_delen >= 2:
            for i in range(len(woord) - MIN_DEEL, MIN_DEEL - 1, -1):
                eerste = self._eerste_deel(woord[:i])
                if eerste is None:
                    continue
                rest = self._splits(woord[i:], max_delen - 1, heel=True, gezien=gezien)
                if rest is not None and (beste is None or len(rest) + 1 < len(beste)):
                    beste = (eerste, *rest)
        gezien[sleutel] = beste
        return beste

    def _eerste_deel(self, begin: str) -> str | None:
        """The known word a compound's first part stands for, linking sound dropped."""
        for klank in ("", *TUSSENKLANKEN):
            kern = begin[: len(begin) - len(klank)] if klank else begin
            if (begin.endswith(klank) and len(kern) >= MIN_DEEL and kern in self.woorden
                    and kern not in GEEN_EERSTE_DEEL):
                return kern
        return None
