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
    """The vocabulary of the indexed pages: every word's term and compound parts."""

    def __init__(self, woorden: Iterable[str]) -> None:
        self.woorden = frozenset(woorden)
        self._stammen = frozenset(snowball(w) for w in self.woorden)
        self._delen: dict[str, tuple[str, ...] | None] = {}

    def term(self, woord: str) -> str:
        """The term a word is indexed and looked up under."""
        stam = snowball(woord)
        if (len(woord) >= 5 and woord.endswith("t") and not woord.endswith("tt")
                and stam.endswith("t") and woord.isalpha()):
            for kandidaat in _infinitiefstammen(woord):
                if kandidaat != stam and kandidaat in self._stammen:
                    return kandidaat
        return stam

    def delen(self, woord: str) -> tuple[str, ...]:
        """The words of the vocabulary a compound consists of; ``()`` if it is none."""
        if len(woord) < MIN_SAMENSTELLING or not woord.isalpha():
            return ()
        return self._splits(woord, MAX_DELEN, heel=False) or ()

    def _splits(self, woord: str, max_delen: int, *, heel: bool) -> tuple[str, ...] | None:
        """The best split of ``woord`` into at most ``max_delen`` known words (the word itself
        counts when ``heel``)."""
        sleutel = f"{max_delen}{int(heel)}{woord}"
        if sleutel in self._delen:
            return self._delen[sleutel]
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
                rest = self._splits(woord[i:], max_delen - 1, heel=True)
                if rest is not None and (beste is None or len(rest) + 1 < len(beste)):
                    beste = (eerste, *rest)
        self._delen[sleutel] = beste
        return beste

    def _eerste_deel(self, begin: str) -> str | None:
        """The known word a compound's first part stands for, linking sound dropped."""
        for klank in ("", *TUSSENKLANKEN):
            kern = begin[: len(begin) - len(klank)] if klank else begin
            if (begin.endswith(klank) and len(kern) >= MIN_DEEL and kern in self.woorden
                    and kern not in GEEN_EERSTE_DEEL):
                return kern
        return None
