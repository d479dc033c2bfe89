"""Whitespace, word streams and the share of a source's words that ended up in the data, in order.

Every importer normalises whitespace with :func:`normaliseer_witruimte`. Word streams are used
by the import report and by the tests that hold an importer to "every word of the body,
in order". Words are compared case-insensitively without surrounding punctuation; hyphens and
slashes inside a word are kept (``communicatie-activiteiten`` is one word).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

_WOORD = re.compile(r"[\w][\w'’\-/.,:;()&+*%€@\"“”‘]*", re.UNICODE)
_RAND = "'’.,:;()\"“”‘*-/"


def normaliseer_witruimte(tekst: str) -> str:
    """Every run of white space (tabs, newlines, no-break spaces) as one space, ends trimmed."""
    return " ".join(tekst.split())


def woorden(tekst: str) -> list[str]:
    """Split text into normalised words (white space of any kind separates them)."""
    uit = []
    for ruw in _WOORD.findall(tekst):
        woord = ruw.strip(_RAND).lower()
        if woord:
            uit.append(woord)
    return uit


def model_teksten(
    waarde: Any, labels: Mapping[str, str] | None = None, overslaan: Iterable[str] = ("herkomst",)
) -> Iterator[str]:
    """Yield every string in a model in field order, with a label before labelled fields.

    ``labels`` maps a field name to the heading the source prints for it (e.g. ``omschrijving``
    → "Omschrijving"), so that those heading words count as present.
    """
    labels = labels or {}
    overslaan = set(overslaan)
    if isinstance(waarde, BaseModel):
        waarde = {naam: getattr(waarde, naam) for naam in type(waarde).model_fields}
    if isinstance(waarde, Mapping):
        for sleutel, kind in waarde.items():
            if sleutel in overslaan or kind in (None, [], ""):
                continue
            if sleutel in labels:
                yield labels[sleutel]
            yield from model_teksten(kind, labels, overslaan)
    elif isinstance(waarde, list | tuple):
        for kind in waarde:
            yield from model_teksten(kind, labels, overslaan)
    elif isinstance(waarde, str):
        yield waarde
    elif waarde is not None and not isinstance(waarde, bool):
        yield str(waarde)


@dataclass
class Dekking:
    """How many words of a source occur in the data, in order."""

    totaal: int
    gevonden: int
    ontbrekend: list[tuple[int, str]] = field(default_factory=list)
    """(position in the source word stream, word) of every word not found."""

    @property
    def aandeel(self) -> float:
        """The share found, 0..1."""
        return self.gevonden / self.totaal if self.totaal else 1.0


def dekking(bron: list[str], data: list[str], venster: int = 40, anker: int = 4) -> Dekking:
    """Align ``bron`` with ``data`` greedily, in order.

    Each source word is taken where the data continues; otherwise the next ``anker`` source
    words, as a phrase, are looked up (first from the current position on, then anywhere, since
    sections may be stored in another order than printed), and only then the single word a
    little ahead (within ``venster``). A phrase is preferred to a lone word so that a common
    word further on does not pull the alignment past text that is there. A word found nowhere
    counts as missing and the position stays.
    """
    posities: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(data) - anker + 1):
        posities.setdefault(tuple(data[i : i + anker]), []).append(i)
    gebruikt: set[int] = set()
    pos = 0
    gevonden = 0
    ontbrekend: list[tuple[int, str]] = []
    for i, woord in enumerate(bron):
        treffer = _plaats(bron, i, data, pos, gebruikt, posities, venster, anker)
        if treffer is None:
            ontbrekend.append((i, woord))
            continue
        gebruikt.add(treffer)
        gevonden += 1
        pos = treffer + 1
    return Dekking(len(bron), gevonden, ontbrekend)


def _plaats(bron: list[str], i: int, data: list[str], pos: int, gebruikt: set[int],
            posities: dict[tuple[str, ...], list[int]], venster: int, anker: int) -> int | None:
    """Where source word ``i`` is in the data, or None."""
    woord = bron[i]
    if pos < len(data) and data[pos] == woord and pos not in gebruikt:
        return pos
    kandidaten = [j for j in posities.get(tuple(bron[i : i + anker]), []) if j not in gebruikt]
    verder = [j for j in kandidaten if j >= pos]
    if verder or kandidaten:
        return (verder or kandidaten)[0]
    return next(
        (j for j in range(pos, min(pos + venster, len(data)))
         if data[j] == woord and j not in gebruikt),
        None,
    )
