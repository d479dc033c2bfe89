"""The importer's own error: it always names the source file and, where known, the line."""

from __future__ import annotations


class ImportFout(Exception):
    """A source that cannot be imported."""

    def __init__(self, bestand: str, regel: int | None, melding: str) -> None:
        self.bestand = bestand
        self.regel = regel
        self.melding = melding
        plaats = f"{bestand}:{regel}" if regel else bestand
        super().__init__(f"{plaats}: {melding}")
