"""What changed between two versions of a dossier ("Wat is er veranderd").

Both versions are flattened into :class:`~kwalificatiedossiers.model.delen.Vergelijkdeel`
records (each dossier class does that itself: profielen or uitstromen, kerntaken, werkprocessen
with their fields as lists of text items), so that matching and classifying need not know a
dossier generation. Matching goes from the top down:

1. by code, where the codes of an already matched parent are translated first (a profiel
   renumbered from P5 to P6 takes ``P5-K1-W1`` along to ``P6-K1-W1``);
2. what is left, by text similarity within the same kind (a werkproces moved to another
   kerntaak, a renamed and renumbered profiel); a code match whose texts have nothing in common
   competes there too, so a reused code does not glue two different things together.

Each matched pair is then classified (hernummerd, verplaatst, hernoemd, gewijzigd or
ongewijzigd) with a word difference per field; unmatched parts are nieuw or vervallen. The size
of a change (``klein``/``groot``) is the share of words that differ.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from kwalificatiedossiers.model.delen import Vergelijkdeel
from kwalificatiedossiers.woordverschil import ItemVerschil, itemverschil

Aard = Literal["nieuw", "vervallen", "hernummerd", "verplaatst", "hernoemd", "gewijzigd",
               "ongewijzigd"]
Omvang = Literal["nieuw", "vervallen", "ongewijzigd", "klein", "groot"]

K = TypeVar("K")

GELIJKENIS_DREMPEL = 0.5
"""Two unmatched parts of the same kind at least this similar are one part that moved."""
ANDERS_DREMPEL = 0.2
"""A pair matched by code that is less similar than this competes with the other unmatched."""
GROOT_VANAF = 0.2
"""The share of differing words from which a change counts as large."""

_WOORD = re.compile(r"\w+")


@dataclass(frozen=True)
class VeldVerschil:
    """The word difference of one field of a changed part."""

    veld: str
    items: tuple[ItemVerschil, ...]


@dataclass(frozen=True)
class Wijziging:
    """One part of either version and what happened to it."""

    soort: str
    oud: Vergelijkdeel | None
    nieuw: Vergelijkdeel | None
    aard: tuple[Aard, ...]
    """What happened, in a fixed order: ``nieuw``/``vervallen``/``ongewijzigd`` alone, or one
    or more of ``hernummerd``, ``verplaatst``, ``hernoemd``, ``gewijzigd``."""
    velden: tuple[VeldVerschil, ...]
    """The fields that differ (the title included, as ``titel``)."""
    omvang: Omvang
    aandeel: float
    """The share of words that differ (0 for unchanged, 1 for new or removed parts)."""

    @property
    def code(self) -> str:
        """The code in the later version (or the earlier one, for a removed part)."""
        deel = self.nieuw or self.oud
        assert deel is not None
        return deel.code


def gelijkenis(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two weighted word vectors."""
    if not a or not b:
        return 0.0
    teller = sum(n * b[w] for w, n in a.items() if w in b)
    noemer = math.sqrt(sum(n * n for n in a.values()) * sum(n * n for n in b.values()))
    return teller / noemer if noemer else 0.0


def gewogen(tellingen: Mapping[K, Counter[str]]) -> dict[K, dict[str, float]]:
    """Word vectors weighted by rarity (tf-idf over all of ``tellingen``): the phrases every
    kerntaak shares ("De beginnend beroepsbeoefenaar …") say nothing about which one it is."""
    df: Counter[str] = Counter(w for t in tellingen.values() for w in t)
    # Smoothed, as is usual, so that a word in every part still weighs a little.
    return {sleutel: {w: n * (math.log((1 + len(tellingen)) / (1 + df[w])) + 1)
                      for w, n in telling.items()}
            for sleutel, telling in tellingen.items()}


def _vertaal(code: str, ouder: str | None, ouders: dict[str, str]) -> str:
    """A code as it would read under its parent's new code (``P5-K1`` → ``P6-K1``)."""
    if ouder is None or ouder not in ouders or not code.startswith(ouder):
        return code
    return ouders[ouder] + code[len(ouder):]


def koppel(oud: Sequence[Vergelijkdeel], nieuw: Sequence[Vergelijkdeel]
           ) -> list[tuple[Vergelijkdeel | None, Vergelijkdeel | None]]:
    """Pair the parts of two versions (kind by kind, parents before children)."""
    paren: list[tuple[Vergelijkdeel | None, Vergelijkdeel | None]] = []
    ouders: dict[str, str] = {}  # old code → new code of matched parts
    soorten = list(dict.fromkeys(o.soort for o in [*oud, *nieuw]))
    for soort in soorten:
        a = [o for o in oud if o.soort == soort]
        b = [o for o in nieuw if o.soort == soort]
        woorden = gewogen({id(o): o.woorden() for o in [*a, *b]})
        op_code = {o.code: o for o in b}
        gekoppeld: list[tuple[Vergelijkdeel, Vergelijkdeel]] = []
        vrij_a, vrij_b = list(a), list(b)
        for o in a:
            n = op_code.get(_vertaal(o.code, o.ouder, ouders))
            if n is not None and n in vrij_b and (
                    gelijkenis(woorden[id(o)], woorden[id(n)]) >= ANDERS_DREMPEL):
                gekoppeld.append((o, n))
                vrij_a.remove(o)
                vrij_b.remove(n)
        kandidaten = sorted(
            ((gelijkenis(woorden[id(o)], woorden[id(n)]), i, j)
             for i, o in enumerate(vrij_a) for j, n in enumerate(vrij_b)),
            key=lambda k: (-k[0], k[1], k[2]))
        bezet_a: set[int] = set()
        bezet_b: set[int] = set()
        for score, i, j in kandidaten:
            if score < GELIJKENIS_DREMPEL:
                break
            if i in bezet_a or j in bezet_b:
                continue
            bezet_a.add(i)
            bezet_b.add(j)
            gekoppeld.append((vrij_a[i], vrij_b[j]))
        for o, n in gekoppeld:
            ouders[o.code] = n.code
        nieuw_index = {id(n): k for k, n in enumerate(b)}
        oud_index = {id(o): k for k, o in enumerate(a)}
        # In the order of the later version; removed parts after the part they followed.
        paren_soort: list[tuple[float, Vergelijkdeel | None, Vergelijkdeel | None]] = [
            (nieuw_index[id(n)], o, n) for o, n in gekoppeld]
        paren_soort += [(nieuw_index[id(n)], None, n)
                        for j, n in enumerate(vrij_b) if j not in bezet_b]
        for i, o in enumerate(vrij_a):
            if i in bezet_a:
                continue
            vorige = [nieuw_index[id(n)] for oo, n in gekoppeld
                      if oud_index[id(oo)] < oud_index[id(o)]]
            paren_soort.append((max(vorige, default=-1) + 0.5, o, None))
        paren += [(o, n) for _, o, n in sorted(paren_soort, key=lambda p: p[0])]
    return paren


def _aandeel(velden: Iterable[VeldVerschil], oud: Vergelijkdeel, nieuw: Vergelijkdeel) -> float:
    totaal = sum(oud.woorden().values()) + sum(nieuw.woorden().values())
    anders = sum(len(_WOORD.findall(s.tekst)) for v in velden for item in v.items
                 for s in item.stukken if s.soort != "gelijk")
    return anders / totaal if totaal else 0.0


def vergelijk(oud: Sequence[Vergelijkdeel], nieuw: Sequence[Vergelijkdeel]) -> list[Wijziging]:
    """Every part of both versions with what happened to it."""
    paren = koppel(oud, nieuw)
    ouders = {o.code: n.code for o, n in paren if o is not None and n is not None}
    uit = []
    for o, n in paren:
        if o is None or n is None:
            deel = n or o
            assert deel is not None
            if o is None:
                uit.append(Wijziging(deel.soort, o, n, ("nieuw",), (), "nieuw", 1.0))
            else:
                uit.append(Wijziging(deel.soort, o, n, ("vervallen",), (), "vervallen", 1.0))
            continue
        velden = []
        if o.titel != n.titel:
            velden.append(VeldVerschil("titel", tuple(itemverschil([o.titel], [n.titel]))))
        oude_velden, nieuwe_velden = dict(o.velden), dict(n.velden)
        for veld in dict.fromkeys([*oude_velden, *nieuwe_velden]):
            a, b = oude_velden.get(veld, ()), nieuwe_velden.get(veld, ())
            if a != b:
                velden.append(VeldVerschil(veld, tuple(itemverschil(a, b))))
        aarden: list[Aard] = []
        verplaatst = (o.ouder is not None or n.ouder is not None) and (
            ouders.get(o.ouder, o.ouder) if o.ouder else None) != n.ouder
        if verplaatst:
            aarden.append("verplaatst")
        elif o.code != n.code:
            aarden.append("hernummerd")
        if o.titel != n.titel:
            aarden.append("hernoemd")
        if any(v.veld != "titel" for v in velden):
            aarden.append("gewijzigd")
        aandeel = _aandeel(velden, o, n)
        omvang: Omvang = ("ongewijzigd" if not aarden
                          else "groot" if aandeel >= GROOT_VANAF or verplaatst else "klein")
        uit.append(Wijziging(o.soort, o, n, tuple(aarden) or ("ongewijzigd",), tuple(velden),
                             omvang, round(aandeel, 3)))
    return uit

