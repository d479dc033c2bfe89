"""Word-level differences between two texts and between two lists of items.

Used by the compare pages: a teacher sees exactly which words differ between the same
werkproces in two profielen. Whitespace differences are ignored; punctuation counts as a word
of its own so that "klant." and "klant;" differ only in the mark. In lists, an item that moved
is matched to its counterpart first, so reordering is not reported as a change.

The words are matched by difflib's SequenceMatcher, whose work grows with the product of how
often each word occurs in both texts: on repetitive text (two 4,000-word texts of a few words)
it takes minutes. Every real dossier text stays far below :data:`KOSTENGRENS` and is matched
exactly as before; above it the match is found the bounded way (:func:`_begrensd`): equal
beginnings and ends, then words that occur once in each text as anchors (the longest run of
them in the same order, as patience diff does), and SequenceMatcher again on every stretch
between anchors that is small enough. The bounded way does a fixed amount of work per word, so
a compare page costs time in proportion to its text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

_TOKEN = re.compile(r"\w+|[^\w\s]")

Soort = Literal["gelijk", "weg", "erbij"]


@dataclass(frozen=True)
class Stuk:
    """A run of words that is equal, only in the first text ("weg") or only in the second."""

    soort: Soort
    tekst: str


def _tokens(tekst: str) -> list[tuple[str, str]]:
    """(word, the whitespace before it) pairs."""
    uit = []
    vorige = 0
    for match in _TOKEN.finditer(tekst):
        uit.append((match.group(), " " if match.start() > vorige else ""))
        vorige = match.end()
    return uit


def _samenvoegen(stukken: list[Stuk]) -> list[Stuk]:
    uit: list[Stuk] = []
    for stuk in stukken:
        if uit and uit[-1].soort == stuk.soort:
            uit[-1] = Stuk(stuk.soort, uit[-1].tekst + stuk.tekst)
        else:
            uit.append(stuk)
    return uit


KOSTENGRENS = 10_000
"""Largest estimate of SequenceMatcher's work (:func:`_kosten`) we give it; real dossier texts
stay near 1,000, and at this bound the slowest repetitive text takes about 0.05 s."""
WERK_PER_WOORD = 20
"""How many times the bounded way may look at each word, in all."""

Blok = tuple[int, int, int]
"""Equal words: from ``i`` in the first text and ``j`` in the second, ``n`` of them."""


def _kosten(a: Sequence[str], b: Sequence[str]) -> int:
    """The sum over the words of a of how often each occurs in b: what SequenceMatcher's search
    for matching runs grows with (the product of the occurrences, word by word)."""
    in_b = Counter(b)
    return sum(in_b.get(woord, 0) for woord in a)


def overeenkomsten(a: Sequence[str], b: Sequence[str]) -> list[Blok]:
    """The runs of equal words of two word lists, in order (SequenceMatcher's matching blocks,
    or the bounded way's for texts above :data:`KOSTENGRENS`)."""
    if _kosten(a, b) <= KOSTENGRENS:
        return [(blok.a, blok.b, blok.size) for blok in
                SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()[:-1]]
    return _begrensd(a, b)


def _begrensd(a: Sequence[str], b: Sequence[str]) -> list[Blok]:
    """Matching runs of two long, repetitive word lists at a bounded amount of work."""
    blokken: list[Blok] = []
    stukken = [(0, len(a), 0, len(b))]
    werk = WERK_PER_WOORD * (len(a) + len(b))
    while stukken and werk > 0:
        alo, ahi, blo, bhi = stukken.pop()
        werk -= (ahi - alo) + (bhi - blo)
        begin = 0
        while alo + begin < ahi and blo + begin < bhi and a[alo + begin] == b[blo + begin]:
            begin += 1
        eind = 0
        while (ahi - eind > alo + begin and bhi - eind > blo + begin
               and a[ahi - 1 - eind] == b[bhi - 1 - eind]):
            eind += 1
        blokken += [blok for blok in ((alo, blo, begin), (ahi - eind, bhi - eind, eind)) if blok[2]]
        alo, blo, ahi, bhi = alo + begin, blo + begin, ahi - eind, bhi - eind
        deel_a, deel_b = a[alo:ahi], b[blo:bhi]
        if not deel_a or not deel_b:
            continue
        if _kosten(deel_a, deel_b) <= KOSTENGRENS:
            blokken += [(alo + i, blo + j, n) for i, j, n in overeenkomsten(deel_a, deel_b)]
            continue
        # Words once in each stretch anchor it; what lies between anchors is matched in turn.
        # A stretch without anchors stays unmatched: it differs as a whole.
        vorige = (alo, blo)
        for i, j in _ankers(deel_a, deel_b):
            blokken.append((alo + i, blo + j, 1))
            stukken.append((vorige[0], alo + i, vorige[1], blo + j))
            vorige = (alo + i + 1, blo + j + 1)
        if vorige != (alo, blo):
            stukken.append((vorige[0], ahi, vorige[1], bhi))
    return _aaneen(sorted(blokken))


def _ankers(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """The longest series of words that occur once in a and once in b, in the same order in
    both (positions in a and in b)."""
    in_a, in_b = Counter(a), Counter(b)
    plek_b = {woord: j for j, woord in enumerate(b) if in_b[woord] == 1}
    paren = [(i, plek_b[woord]) for i, woord in enumerate(a)
             if in_a[woord] == 1 and woord in plek_b]
    # Longest increasing subsequence of the positions in b (patience sorting).
    toppen: list[int] = []
    top_paar: list[int] = []
    voorganger: list[int] = []
    for k, (_, j) in enumerate(paren):
        stapel = bisect.bisect_left(toppen, j)
        voorganger.append(top_paar[stapel - 1] if stapel else -1)
        if stapel == len(toppen):
            toppen.append(j)
            top_paar.append(k)
        else:
            toppen[stapel], top_paar[stapel] = j, k
    reeks = []
    k = top_paar[-1] if top_paar else -1
    while k >= 0:
        reeks.append(paren[k])
        k = voorganger[k]
    return reeks[::-1]


def _aaneen(blokken: list[Blok]) -> list[Blok]:
    """Runs that touch merged into one."""
    uit: list[Blok] = []
    for i, j, n in blokken:
        if uit and uit[-1][0] + uit[-1][2] == i and uit[-1][1] + uit[-1][2] == j:
            uit[-1] = (uit[-1][0], uit[-1][1], uit[-1][2] + n)
        else:
            uit.append((i, j, n))
    return uit


def woordverschil(a: str, b: str) -> list[Stuk]:
    """The difference between two texts, word by word."""
    ta, tb = _tokens(a), _tokens(b)
    stukken: list[Stuk] = []

    def tekst(tokens: list[tuple[str, str]]) -> str:
        return "".join(spatie + woord for woord, spatie in tokens)

    i = j = 0
    for ai, bj, n in [*overeenkomsten([w for w, _ in ta], [w for w, _ in tb]),
                      (len(ta), len(tb), 0)]:
        if ai > i:
            stukken.append(Stuk("weg", tekst(ta[i:ai])))
        if bj > j:
            stukken.append(Stuk("erbij", tekst(tb[j:bj])))
        if n:
            stukken.append(Stuk("gelijk", tekst(tb[bj:bj + n])))
        i, j = ai + n, bj + n
    uit = _samenvoegen(stukken)
    if uit:
        uit[0] = Stuk(uit[0].soort, uit[0].tekst.lstrip())
    return uit


@dataclass(frozen=True)
class ItemVerschil:
    """One item of two compared lists."""

    a: str | None
    """The item in the first list (``None``: only in the second)."""
    b: str | None
    """The item in the second list (``None``: only in the first)."""
    stukken: tuple[Stuk, ...]
    """The word difference (for items in both lists)."""


GELIJKENIS_DREMPEL = 0.5
"""Items at least this similar count as one changed item rather than one removed, one added."""


def _gelijkenis(a: Sequence[str], b: Sequence[str]) -> float:
    """SequenceMatcher's ratio: twice the equal words over all words."""
    totaal = len(a) + len(b)
    return 2 * sum(n for _, _, n in overeenkomsten(a, b)) / totaal if totaal else 1.0


def itemverschil(a: Sequence[str], b: Sequence[str]) -> list[ItemVerschil]:
    """Match the items of two lists (equal first, then most similar) and diff each pair.

    The result follows the order of ``b``, with items only in ``a`` after the item they
    followed in ``a``.
    """
    woorden_a = [[w for w, _ in _tokens(x)] for x in a]
    woorden_b = [[w for w, _ in _tokens(x)] for x in b]
    vrij_a = list(range(len(a)))
    paren: dict[int, int] = {}  # index in b → index in a
    for j, woorden in enumerate(woorden_b):
        for i in vrij_a:
            if woorden_a[i] == woorden:
                paren[j] = i
                vrij_a.remove(i)
                break
    kandidaten = []
    for j in range(len(b)):
        if j in paren:
            continue
        for i in vrij_a:
            matcher = SequenceMatcher(None, woorden_a[i], woorden_b[j], autojunk=False)
            # quick_ratio is an upper bound of ratio: skip pairs that cannot reach the bar.
            if matcher.quick_ratio() >= GELIJKENIS_DREMPEL:
                kandidaten.append((_gelijkenis(woorden_a[i], woorden_b[j]), -j, -i))
    kandidaten.sort(reverse=True)
    for ratio, min_j, min_i in kandidaten:
        j, i = -min_j, -min_i
        if ratio < GELIJKENIS_DREMPEL:
            break
        if j in paren or i not in vrij_a:
            continue
        paren[j] = i
        vrij_a.remove(i)

    uit: list[ItemVerschil] = []
    geplaatst: set[int] = set()
    for j, item in enumerate(b):
        partner = paren.get(j)
        if partner is None:
            uit.append(ItemVerschil(None, item, (Stuk("erbij", item),)))
            continue
        # Items only in a that came before this one's partner go first.
        for k in range(partner):
            if k in vrij_a and k not in geplaatst:
                uit.append(ItemVerschil(a[k], None, (Stuk("weg", a[k]),)))
                geplaatst.add(k)
        uit.append(ItemVerschil(a[partner], item, tuple(woordverschil(a[partner], item))))
    uit += [ItemVerschil(a[k], None, (Stuk("weg", a[k]),)) for k in vrij_a if k not in geplaatst]
    return uit
