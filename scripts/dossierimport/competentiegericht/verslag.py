"""What the importer notices while reading: inferences, layout it removed, text it could not
place and inconsistencies in the source. It becomes both the provenance in the data and the
import report."""

from __future__ import annotations

from dataclasses import dataclass, field

from kwalificatiedossiers.model.herkomst import Afleiding


@dataclass
class Verslag:
    """Notes collected while importing one source."""

    bestand: str
    """The source's file name."""
    afleidingen: list[Afleiding] = field(default_factory=list)
    """Placements and decisions the source does not state directly."""
    verwijderd: dict[int, str] = field(default_factory=dict)
    """Source line → why it was left out as layout (running header, table rule, contents)."""
    niet_geplaatst: list[str] = field(default_factory=list)
    """Source text that has no place in the model, with its line."""
    opmerkingen: list[str] = field(default_factory=list)
    """Inconsistencies in the source, reported and not repaired."""
    onbekend: list[str] = field(default_factory=list)
    """Source elements the importer does not know."""

    def afgeleid(self, onderdeel: str, wat: str, regel: int) -> None:
        """Record an inference about ``onderdeel`` made at source line ``regel``."""
        self.afleidingen.append(Afleiding(onderdeel=onderdeel, wat=wat, bron=self.bestand,
                                          regel=max(regel, 1)))

    def verwijder(self, regel: int, waarom: str) -> None:
        """Record that a source line is layout and was left out."""
        self.verwijderd.setdefault(regel, waarom)

    def opmerking(self, regel: int, tekst: str) -> None:
        """Record an inconsistency in the source."""
        self.opmerkingen.append(f"regel {regel}: {tekst}")

    def niet_plaatsen(self, regel: int, tekst: str) -> None:
        """Record source text that ends up nowhere in the model."""
        self.niet_geplaatst.append(f"regel {regel}: {tekst}")

    def verwijderd_samengevat(self) -> list[str]:
        """The removed lines grouped by reason, for the report."""
        per_reden: dict[str, list[int]] = {}
        for regel, waarom in sorted(self.verwijderd.items()):
            per_reden.setdefault(waarom, []).append(regel)
        return [f"{waarom}: {_bereiken(regels)}" for waarom, regels in per_reden.items()]


def _bereiken(regels: list[int]) -> str:
    """``[3, 4, 5, 9]`` → ``"regels 3–5, 9"``."""
    delen: list[str] = []
    start = vorige = regels[0]
    for regel in [*regels[1:], None]:
        if regel is not None and regel == vorige + 1:
            vorige = regel
            continue
        delen.append(str(start) if start == vorige else f"{start}–{vorige}")
        if regel is not None:
            start = vorige = regel
    woord = "regel" if len(regels) == 1 else "regels"
    return f"{woord} {', '.join(delen)}"
