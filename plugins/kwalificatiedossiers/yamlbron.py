"""Safe YAML reading that remembers where every value came from.

We build plain Python data from PyYAML's event stream ourselves and keep a map from the path of
every value to its line and column. That map turns a validation error's location (a path) into
``file:line:column``. Building from events (not from PyYAML's recursive composer) lets us stop
at a nesting depth no dossier needs, with the line, instead of running out of stack. On the way
we refuse what dossier data never needs and what makes YAML dangerous: aliases (the "billion
laughs" bomb), duplicate keys (PyYAML would silently keep the last), tags beyond plain text,
numbers, dates, lists and mappings (``!!binary``, ``!!set``, ``!!python/…``), control characters
and bidi overrides in text (:mod:`~kwalificatiedossiers.tekens`), and files beyond a size limit
or that are not regular files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kwalificatiedossiers.bestand import BestandFout, lees_bytes
from kwalificatiedossiers.problemen import Pad, Probleem, pad_tekst, toon_bestand
from kwalificatiedossiers.tekens import beschrijf_teken, verboden_tekens

MAX_BESTAND_BYTES = 20 * 1024 * 1024
"""Largest data file we read; the largest real dossier file is well under 1 MB."""

MAX_DIEPTE = 32
"""Deepest nesting of mappings and lists we read; real dossier files nest ten deep."""

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_KERN = "tag:yaml.org,2002:"
_SCALAIRE_TAGS = frozenset(_KERN + t for t in ("str", "int", "float", "bool", "null", "timestamp"))


def _plek(event: yaml.Event) -> tuple[int, int]:
    """The 1-based line and column where an event starts (the parser always marks them)."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _kort(tag: str) -> str:
    """A tag as it is written in YAML: ``!!binary`` for ``tag:yaml.org,2002:binary``."""
    return "!!" + tag.removeprefix(_KERN) if tag.startswith(_KERN) else tag


@dataclass
class YamlDocument:
    """The data of one YAML file plus the position of every value in it."""

    bestand: str
    data: Any
    posities: dict[Pad, tuple[int, int]] = field(default_factory=dict)
    sleutels: dict[Pad, tuple[int, int]] = field(default_factory=dict)
    problemen: list[Probleem] = field(default_factory=list)
    """Text that data may not contain (control characters), found while reading: the data is
    complete, so the file is still validated and every problem reported at once."""

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
    """A file that is not valid (or not acceptable) YAML; carries every problem found."""

    def __init__(self, *problemen: Probleem) -> None:
        self.problemen = list(problemen)
        super().__init__("\n".join(map(str, problemen)))


@dataclass
class _Open:
    """A mapping or list being built, with its path and (for a mapping) the pending key."""

    pad: Pad
    waarde: dict[str, Any] | list[Any]
    sleutel: str | None = None


class _Bouwer:
    """Turn the event stream of one document into Python data, recording positions."""

    def __init__(self, document: YamlDocument, lezer: Any) -> None:
        self.document = document
        self.lezer = lezer
        self.constructor = yaml.constructor.SafeConstructor()
        self.stapel: list[_Open] = []

    def fout(self, event: yaml.Event, pad: Pad, melding: str) -> YamlFout:
        return YamlFout(Probleem(self.document.bestand, *_plek(event), pad_tekst(pad), melding))

    def bouw(self) -> Any:
        """The document's data (``None`` for an empty document); raise :class:`YamlFout`."""
        events = iter(self.lezer.get_event, None)
        next(events)  # StreamStartEvent
        begin = next(events)
        if isinstance(begin, yaml.StreamEndEvent):
            raise YamlFout(Probleem(self.document.bestand, 1, 1, "(document)",
                                    "het bestand is leeg"))
        data = self._knoop(events)
        next(events)  # DocumentEndEvent
        tweede = next(events)
        if not isinstance(tweede, yaml.StreamEndEvent):
            raise self.fout(tweede, (), "meer dan één YAML-document ('---'); verwacht één")
        return data

    def _knoop(self, events: Any) -> Any:
        """Read the events of the node that starts with the next event; return its data."""
        for event in events:
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                waarde = self.stapel.pop().waarde
            else:
                bovenste = self.stapel[-1] if self.stapel else None
                if bovenste is not None and isinstance(bovenste.waarde, dict) \
                        and bovenste.sleutel is None:
                    self._sleutel(event, bovenste)
                    continue
                pad = self._pad_van_nieuw(bovenste)
                if isinstance(event, yaml.AliasEvent):
                    raise self.fout(event, pad, "verwijzingen (YAML-aliassen, *naam) zijn niet "
                                    "toegestaan")
                self.document.posities[pad] = _plek(event)
                if not isinstance(event, yaml.ScalarEvent):
                    self._open(event, pad)
                    continue
                waarde = self._scalair(event, pad)
            if not self.stapel:
                return waarde
            self._in_ouder(waarde)
        raise AssertionError("onvolledige YAML-stroom")  # the parser refuses such a stream

    @staticmethod
    def _pad_van_nieuw(bovenste: _Open | None) -> Pad:
        if bovenste is None:
            return ()
        if isinstance(bovenste.waarde, dict):
            return (*bovenste.pad, str(bovenste.sleutel))
        return (*bovenste.pad, len(bovenste.waarde))

    def _in_ouder(self, waarde: Any) -> None:
        """Put a finished value into the mapping or list that holds it."""
        ouder = self.stapel[-1]
        if isinstance(ouder.waarde, dict):
            ouder.waarde[str(ouder.sleutel)] = waarde
            ouder.sleutel = None
        else:
            ouder.waarde.append(waarde)

    def _sleutel(self, event: yaml.Event, mapping: _Open) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            raise self.fout(event, mapping.pad, "een sleutel moet een eenvoudige tekst zijn")
        if self._tag(event) == _KERN + "merge":
            raise self.fout(event, mapping.pad, "samenvoegen met '<<' is niet toegestaan")
        sleutel: str = event.value
        pad: Pad = (*mapping.pad, sleutel)
        if sleutel in mapping.waarde:
            raise self.fout(event, pad, f"sleutel '{sleutel}' staat er twee keer")
        self._controleer_tekst(sleutel, event, pad)
        self.document.sleutels[pad] = _plek(event)
        mapping.sleutel = sleutel

    def _tag(self, event: yaml.ScalarEvent) -> str:
        if event.tag in (None, "!"):
            tag: str = self.lezer.resolve(yaml.ScalarNode, event.value, event.implicit)
            return tag
        return str(event.tag)

    def _scalair(self, event: yaml.ScalarEvent, pad: Pad) -> Any:
        tag = self._tag(event)
        if tag not in _SCALAIRE_TAGS:
            raise self.fout(event, pad, f"de YAML-tag {_kort(tag)} is niet toegestaan; verwacht "
                            "tekst, een getal, een datum of ja/nee")
        marks: list[Any] = [event.start_mark, event.end_mark]  # the C parser's own Mark type
        node = yaml.ScalarNode(tag, event.value, marks[0], marks[1], event.style)
        try:
            waarde = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            reden = getattr(exc, "problem", None) or str(exc)
            raise self.fout(event, pad, f"ongeldige waarde '{event.value}': {reden}") from exc
        if isinstance(waarde, str):
            self._controleer_tekst(waarde, event, pad)
        return waarde

    def _open(self, event: yaml.Event, pad: Pad) -> None:
        tag = getattr(event, "tag", None)
        verwacht = _KERN + ("map" if isinstance(event, yaml.MappingStartEvent) else "seq")
        if tag not in (None, "!", verwacht):
            raise self.fout(event, pad, f"de YAML-tag {_kort(str(tag))} is niet toegestaan; "
                            "verwacht een gewone lijst of mapping")
        if len(self.stapel) >= MAX_DIEPTE:
            raise self.fout(event, pad, f"meer dan {MAX_DIEPTE} lijsten en mappings in elkaar; "
                            "dossierdata is nooit zo diep genest")
        self.stapel.append(_Open(pad, {} if isinstance(event, yaml.MappingStartEvent) else []))

    def _controleer_tekst(self, tekst: str, event: yaml.Event, pad: Pad) -> None:
        """Collect a problem for every forbidden character (with its own line in a block)."""
        for positie, teken in verboden_tekens(tekst):
            regel, kolom = _plek(event)
            if getattr(event, "style", None) == "|":  # a literal block keeps its line breaks
                regel += 1 + tekst.count("\n", 0, positie)
            self.document.problemen.append(Probleem(
                self.document.bestand, regel, kolom, pad_tekst(pad),
                f"stuurteken {beschrijf_teken(teken)} op teken {positie + 1} van de tekst; "
                "verwacht gewone tekst (tab en regeleinde mogen)"))


def lees_yaml(pad: Path) -> YamlDocument:
    """Read one YAML file; raise :class:`YamlFout` with file, line and column on any problem."""
    naam = toon_bestand(pad)
    try:
        inhoud = lees_bytes(pad, MAX_BESTAND_BYTES)
    except BestandFout as exc:
        raise YamlFout(Probleem(naam, 0, 0, "(document)", str(exc))) from exc
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlFout(
            Probleem(naam, 0, 0, "(document)", f"geen geldige UTF-8 (byte {exc.start})")
        ) from exc
    return lees_yaml_tekst(tekst, naam)


def lees_yaml_tekst(tekst: str, naam: str) -> YamlDocument:
    """Parse YAML text (see :func:`lees_yaml`)."""
    document = YamlDocument(bestand=naam, data=None)
    lezer = _Loader(tekst)
    try:
        document.data = _Bouwer(document, lezer).bouw()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        regel, kolom = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        reden = exc.problem or exc.context or "ongeldige YAML"
        raise YamlFout(
            Probleem(naam, regel, kolom, "(document)", f"YAML-syntaxfout: {reden}")
        ) from exc
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow in a file at all (raw NUL, ESC, …).
        regel = tekst.count("\n", 0, exc.position) + 1
        kolom = exc.position - (tekst.rfind("\n", 0, exc.position) + 1) + 1
        raise YamlFout(Probleem(
            naam, regel, kolom, "(document)",
            f"stuurteken {beschrijf_teken(chr(exc.character))} in het bestand; verwacht gewone "
            "tekst (tab en regeleinde mogen)")) from exc
    except yaml.YAMLError as exc:
        raise YamlFout(Probleem(naam, 0, 0, "(document)", f"YAML-fout: {exc}")) from exc
    finally:
        lezer.dispose()
    return document
