"""Matching a profile extract to its dossier: fuzzy titles, the code structure, the numbering.

An OCR'd extract does not byte-match its dossier: titles differ by a letter, and the extract
may number its one profiel ``P1`` where the dossier has it as ``P2``. Two overviews belong to
one dossier when their basisdeel has the same codes with the same titles read again (a
letter or two may differ), and the extract's profielen are matched to the dossier's by title and
by the shape of their kerntaken (the number of werkprocessen in each).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dossierimport.tekst.overzicht import lijkt_op

Structuur = dict[str, str]
"""Code → title: an overview, or the codes and titles of a dossier in the output folder."""


def _basis(titels: Structuur) -> dict[str, str]:
    return {c: t for c, t in titels.items() if c.startswith("B")}


def _vorm(titels: Structuur, profiel: str) -> list[int]:
    """The profiel's shape: the number of werkprocessen of each of its kerntaken."""
    kerntaken = [c for c in titels if c.startswith(f"{profiel}-") and c.count("-") == 1]
    return [sum(1 for c in titels if c.startswith(f"{k}-W")) for k in kerntaken]


def zelfde_dossier(a: Structuur, b: Structuur) -> bool:
    """Whether two overviews are of one dossier: the same basisdeel, titles read again."""
    basis_a, basis_b = _basis(a), _basis(b)
    return bool(basis_a) and basis_a.keys() == basis_b.keys() and all(
        lijkt_op(t, basis_b[c]) for c, t in basis_a.items())


def profielen_koppelen(extract: Structuur, dossier: Structuur, profielen: list[str]
                       ) -> dict[str, str]:
    """The extract's profiel codes (those with text) → the dossier's, by title and shape."""
    uit = {}
    for code in profielen:
        passend = [p for p in dossier if "-" not in p and lijkt_op(extract[code], dossier[p])
                   and _vorm(extract, code) == _vorm(dossier, p)]
        if len(passend) == 1:
            uit[code] = passend[0]
    return uit


def hernummer_code(code: str, koppeling: Mapping[str, str]) -> str:
    """``P1-K2-W3`` with P1 → P2 gives ``P2-K2-W3``."""
    profiel = code.split("-", 1)[0]
    return koppeling[profiel] + code[len(profiel):] if profiel in koppeling else code


def hernummer(velden: dict[tuple[str, str], Any], koppeling: Mapping[str, str]
              ) -> dict[tuple[str, str], Any]:
    """Compared fields keyed by the dossier's codes."""
    return {(hernummer_code(o, koppeling) if re.match(r"^P\d", o) else o, v): w
            for (o, v), w in velden.items()}
