"""Safe YAML reading that remembers where every value came from.

PyYAML's composer gives each node a start mark; we build plain Python data from the node tree
ourselves and keep a map from the path of every value to its line and column. That map turns a
validation error's location (a path) into ``file:line:column``. On the way we refuse what dossier
data never needs and what makes YAML dangerous: aliases (the "billion laughs" bomb), duplicate
keys (PyYAML would silently keep the last) and files beyond a size limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kwalificatiedossiers.problemen import Pad, Probleem, pad_tekst, toon_bestand

MAX_BESTAND_BYTES = 20 * 1024 * 1024
"""Largest data file we read; the largest real dossier file is well under 1 MB."""

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """The data of one YAML file plus the position of every value in it."""

    bestand: str
    data: Any
    posities: dict[Pad, tuple[int, int]] = field(default_factory=dict)
    sleutels: dict[Pad, tuple[int, int]] = field(default_factory=dict)

    def positie(self, pad: Pad, *, sleutel: bool = False) -> tuple[int, int]:
        """Return (line, column) of the value at ``pad``, or of its nearest known ancestor."""
        if sleutel and pad in self.sleutels:
            return self.sleutels[pad]
        for lengte in range(len(pad), -1, -1):
            if pad[:lengte] in self.posities:
                return self.posities[pad[:lengte]]
        return (1, 1)

    def probleem(
        self, pad: Pad, melding: str, suggestie: str | None = None, *, sleutel: bool = False
    ) -> Probleem:
        """Build a problem located at ``pad`` in this document."""
        regel, kolom = self.positie(pad, sleutel=sleutel)
        return Probleem(self.bestand, regel, kolom, pad_tekst(pad), melding, suggestie)


class YamlFout(Exception):
    """A file that is not valid (or not acceptable) YAML."""

    def __init__(self, probleem: Probleem) -> None:
        self.probleem = probleem
        super().__init__(str(probleem))


class _Bouwer:
    """Turn a composed node tree into Python data, recording positions."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.constructor = yaml.constructor.SafeConstructor()
        self.bezocht: set[int] = set()

    def fout(self, node: yaml.Node, pad: Pad, melding: str) -> YamlFout:
        mark = node.start_mark
        return YamlFout(
            Probleem(self.document.bestand, mark.line + 1, mark.column + 1, pad_tekst(pad), melding)
        )

    def bouw(self, node: yaml.Node, pad: Pad) -> Any:
        if id(node) in self.bezocht:
            raise self.fout(node, pad, "verwijzingen (YAML-aliassen, *naam) zijn niet toegestaan")
        self.bezocht.add(id(node))
        self.document.posities[pad] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            uit: dict[Any, Any] = {}
            for sleutel_node, waarde_node in node.value:
                if not isinstance(sleutel_node, yaml.ScalarNode):
                    raise self.fout(sleutel_node, pad, "een sleutel moet een eenvoudige tekst zijn")
                if sleutel_node.tag == "tag:yaml.org,2002:merge":
                    raise self.fout(sleutel_node, pad, "samenvoegen met '<<' is niet toegestaan")
                sleutel = sleutel_node.value
                if sleutel in uit:
                    raise self.fout(
                        sleutel_node, (*pad, sleutel), f"sleutel '{sleutel}' staat er twee keer"
                    )
                kind = (*pad, sleutel)
                self.document.sleutels[kind] = (
                    sleutel_node.start_mark.line + 1,
                    sleutel_node.start_mark.column + 1,
                )
                uit[sleutel] = self.bouw(waarde_node, kind)
            return uit
        if isinstance(node, yaml.SequenceNode):
            return [self.bouw(kind, (*pad, i)) for i, kind in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            reden = getattr(exc, "problem", None) or str(exc)
            raise self.fout(node, pad, f"ongeldige waarde '{node.value}': {reden}") from exc


def lees_yaml(pad: Path) -> YamlDocument:
    """Read one YAML file; raise :class:`YamlFout` with file, line and column on any problem."""
    naam = toon_bestand(pad)
    grootte = pad.stat().st_size
    if grootte > MAX_BESTAND_BYTES:
        raise YamlFout(
            Probleem(
                naam, 0, 0, "(document)",
                f"bestand is {grootte:,} bytes; het maximum is {MAX_BESTAND_BYTES:,} bytes",
            )
        )
    try:
        tekst = pad.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlFout(
            Probleem(naam, 0, 0, "(document)", f"geen geldige UTF-8 (byte {exc.start})")
        ) from exc
    return lees_yaml_tekst(tekst, naam)


def lees_yaml_tekst(tekst: str, naam: str) -> YamlDocument:
    """Parse YAML text (see :func:`lees_yaml`)."""
    document = YamlDocument(bestand=naam, data=None)
    try:
        node = yaml.compose(tekst, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        regel, kolom = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        reden = exc.problem or exc.context or "ongeldige YAML"
        raise YamlFout(
            Probleem(naam, regel, kolom, "(document)", f"YAML-syntaxfout: {reden}")
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlFout(Probleem(naam, 0, 0, "(document)", f"YAML-fout: {exc}")) from exc
    if node is None:
        raise YamlFout(Probleem(naam, 1, 1, "(document)", "het bestand is leeg"))
    document.data = _Bouwer(document).bouw(node, ())
    return document
