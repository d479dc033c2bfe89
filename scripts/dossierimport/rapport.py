"""The import report a maintainer reads after every import.

It says what was imported (counts), what the importer inferred, what it could not place (with
source line numbers), how many of the source's body words reached the data, where two sources
of one dossier differ, and which source elements it does not know.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dossierimport.woorden import Dekking


@dataclass
class Rapport:
    """Report of importing one dossier."""

    dossier: str
    """The dossier's id."""
    bronnen: list[str]
    """The source files (name and form)."""
    aantallen: dict[str, int] = field(default_factory=dict)
    """Counts, e.g. ``{"profielen": 6, "werkprocessen": 77}``."""
    afgeleid: list[str] = field(default_factory=list)
    """Inferences, one sentence each (with source line)."""
    niet_geplaatst: list[str] = field(default_factory=list)
    """Source text that ended up nowhere, with its line number."""
    dekking: Dekking | None = None
    """Share of the body words that are in the data, in order."""
    afwijkingen: list[str] = field(default_factory=list)
    """Differences in wording between sources."""
    onbekend: list[str] = field(default_factory=list)
    """Source elements the importer does not map (listed, never silently dropped)."""
    opmerkingen: list[str] = field(default_factory=list)
    """Inconsistencies in the source, reported and not repaired."""
    hersteld: list[str] = field(default_factory=list)
    """Repairs of OCR damage made on certain evidence, each with its source line."""
    te_controleren: list[str] | None = None
    """What is left to check by hand, in source order (None: this importer does not say)."""

    def als_tekst(self, max_ontbrekend: int = 60) -> str:
        """The report as plain text."""
        regels = [f"Import van dossier '{self.dossier}'"]
        regels += [f"  bron: {b}" for b in self.bronnen]
        if self.aantallen:
            aantallen = ", ".join(f"{k} {v}" for k, v in self.aantallen.items())
            regels.append(f"  aantallen: {aantallen}")
        if self.dekking is not None:
            d = self.dekking
            regels.append(
                f"  woorden van de bron in de data: {d.gevonden} van {d.totaal} "
                f"({d.aandeel:.2%})"
            )
            if d.ontbrekend:
                getoond = ", ".join(w for _, w in d.ontbrekend[:max_ontbrekend])
                meer = len(d.ontbrekend) - max_ontbrekend
                rest = f" (en {meer} meer)" if meer > 0 else ""
                regels.append(f"    ontbrekend: {getoond}{rest}")
        for kop, lijst in (
            ("afgeleid", self.afgeleid),
            ("niet geplaatst", self.niet_geplaatst),
            ("afwijkingen tussen bronnen", self.afwijkingen),
            ("onbekende elementen", self.onbekend),
            ("opmerkingen over de bron", self.opmerkingen),
            *([("hersteld (OCR-schade)", self.hersteld)] if self.hersteld else []),
            *([("nog met de hand te controleren, in bronvolgorde", self.te_controleren)]
              if self.te_controleren is not None else []),
        ):
            regels.append(f"  {kop}: {len(lijst) if lijst else 'geen'}")
            regels += [f"    - {r}" for r in lijst]
        return "\n".join(regels)


@dataclass
class Resultaat:
    """One imported dossier and its report."""

    dossier: Any
    """The dossier model (any format); it has ``id`` and ``formaat``."""
    rapport: Rapport
