"""The parts of a dossier as code that is not about one dossier generation sees them."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

_WOORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Variant:
    """A profiel (or, in older dossiers, an uitstroom): one diploma within a dossier."""

    code: str
    titel: str
    niveau: int


@dataclass(frozen=True)
class Editie:
    """Which edition of a dossier this is, as SBB names it."""

    label: str | None
    """SBB's version text ("Gewijzigd 2023") or, in older dossiers, the cohort."""
    datum: dt.date | None
    """The day it is valid from."""

    def omschrijving(self) -> str:
        """``Gewijzigd 2023, geldig vanaf 01-08-2023`` (what the source gives of it)."""
        return ", ".join(deel for deel in (
            self.label, f"geldig vanaf {self.datum:%d-%m-%Y}" if self.datum else None) if deel)


@dataclass(frozen=True)
class Vergelijkdeel:
    """A part of one dossier version that can be compared with its counterpart in another
    (:mod:`kwalificatiedossiers.versieverschil`)."""

    soort: str
    """``profiel``, ``kerntaak`` or ``werkproces`` (``uitstroom`` in older dossiers)."""
    code: str
    titel: str
    ouder: str | None
    """The code of the part it belongs to (``None``: the dossier itself or the basisdeel)."""
    velden: tuple[tuple[str, tuple[str, ...]], ...]
    """Field name → its text as items (paragraphs, list items), in the order shown."""
    kenmerk: tuple[str, ...] = ()
    """What tells this part apart from others of its kind, when its fields do not: the titles
    of a kerntaak's werkprocessen (their vakkennis lists share most items)."""

    def woorden(self) -> Counter[str]:
        """Word counts of the title and the fields (or the kenmerk), for similarity."""
        tekst = " ".join([self.titel, *(self.kenmerk or (
            i for _, items in self.velden for i in items))])
        return Counter(_WOORD.findall(tekst.lower()))
