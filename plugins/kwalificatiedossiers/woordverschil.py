"""Word-level differences between two texts and between two lists of items.

Used by the compare pages: a teacher sees exactly which words differ between the same
werkproces in two profielen. Whitespace differences are ignored; punctuation counts as a word
of its own so that "klant." and "klant;" differ only in the mark. In lists, an item that moved
is matched to its counterpart first, so reordering is not reported as a change.
"""

from __future__ import annotations

import re
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


def woordverschil(a: str, b: str) -> list[Stuk]:
    """The difference between two texts, word by word."""
    ta, tb = _tokens(a), _tokens(b)
    matcher = SequenceMatcher(None, [w for w, _ in ta], [w for w, _ in tb], autojunk=False)
    stukken: list[Stuk] = []

    def tekst(tokens: list[tuple[str, str]]) -> str:
        return "".join(spatie + woord for woord, spatie in tokens)

    for bewerking, i1, i2, j1, j2 in matcher.get_opcodes():
        if bewerking == "equal":
            stukken.append(Stuk("gelijk", tekst(tb[j1:j2])))
            continue
        if i2 > i1:
            stukken.append(Stuk("weg", tekst(ta[i1:i2])))
        if j2 > j1:
            stukken.append(Stuk("erbij", tekst(tb[j1:j2])))
    uit = _samenvoegen(stukken)
    if uit:
        uit[0] = Stuk(uit[0].soort, uit[0].tekst.lstrip())
    return uit


def is_gelijk(stukken: Sequence[Stuk]) -> bool:
    """Whether a difference has no changes."""
    return all(s.soort == "gelijk" for s in stukken)


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
                kandidaten.append((matcher.ratio(), -j, -i))
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
