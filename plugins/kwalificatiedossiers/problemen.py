"""Problems found in dossier data, reported with file, line, column and path.

Every check (YAML syntax, schema, references) reports :class:`Probleem` objects; they are
collected over the whole corpus and raised together as one :class:`DataFout`, so a maintainer
sees every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kwalificatiedossiers.tekens import zichtbaar

Pad = tuple[str | int, ...]
"""A path inside a YAML document: mapping keys and list indexes."""


def pad_tekst(pad: Pad) -> str:
    """Render a path the way a maintainer reads it: ``kerntaken[0].werkprocessen[2].gedrag``."""
    out = ""
    for deel in pad:
        if isinstance(deel, int):
            out += f"[{deel}]"
        else:
            out += f".{deel}" if out else str(deel)
    return out or "(document)"


@dataclass(frozen=True, order=True)
class Probleem:
    """One problem in one file."""

    bestand: str
    """The file, relative to the working directory where possible."""
    regel: int
    """1-based line (0 when the file itself is the problem)."""
    kolom: int
    """1-based column (0 when unknown)."""
    pad: str
    """The path inside the file."""
    melding: str
    """What is wrong and what was expected."""
    suggestie: str | None = None
    """A likely fix, when there is one."""

    def __str__(self) -> str:
        # File names, paths and messages echo data: escape what could act on a terminal.
        plaats = self.bestand
        if self.regel:
            plaats += f":{self.regel}:{self.kolom}"
        tekst = f"{plaats}: {self.pad}: {self.melding}"
        if self.suggestie:
            tekst += f" (bedoelt u {self.suggestie}?)"
        return zichtbaar(tekst)


class DataFout(Exception):
    """Invalid dossier data; carries every problem found (and the loader's notes)."""

    def __init__(self, problemen: Iterable[Probleem], meldingen: Sequence[str] = ()) -> None:
        self.problemen: Sequence[Probleem] = sorted(set(problemen))
        self.meldingen = meldingen
        """Notes that are not problems, e.g. hidden folders that were skipped."""
        aantal = len(self.problemen)
        kop = f"{aantal} probleem in de dossierdata" if aantal == 1 else (
            f"{aantal} problemen in de dossierdata"
        )
        super().__init__(kop + ":\n" + "\n".join(f"  {p}" for p in self.problemen))


def toon_bestand(pad: Path) -> str:
    """Show a path relative to the working directory when it lies below it."""
    try:
        return str(pad.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(pad)
