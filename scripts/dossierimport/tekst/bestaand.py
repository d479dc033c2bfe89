"""Finding the dossier a source belongs to among those already in the output folder.

A source without a title page (the whole dossier as PDF text) does not say which dossier it is.
When that dossier was imported before, its folder holds the metadata that came from another
source; it is recognised by its overview: the same profielen and kerntaken, code and title.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from dossierimport.fouten import ImportFout
from dossierimport.tekst.koppeling import zelfde_dossier
from kwalificatiedossiers.model import Dossier, DossierBestand

M = TypeVar("M", Dossier, DossierBestand)


@dataclass(frozen=True)
class Bestaand:
    """A dossier already in the output folder."""

    map: Path
    dossier: DossierBestand
    profiel_crebos: dict[str, str]
    """Profiel code → crebo, where the existing data has one."""
    volledig: Dossier | None = None
    """The whole dossier (basisdeel and profielen), when it was looked up for an extract."""


def _lees(pad: Path) -> Any:
    try:
        return yaml.safe_load(pad.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None


def _dicts(waarde: Any) -> list[dict[str, Any]]:
    """The mappings in a list from a YAML file (a damaged file may hold anything)."""
    return [x for x in waarde if isinstance(x, dict)] if isinstance(waarde, list) else []


def _bestaande(uit: Path) -> Iterator[tuple[Path, dict[str, Any], Any, list[dict[str, Any]]]]:
    """Every basis/profiel dossier folder in ``uit``: its ``dossier.yaml`` (path and data),
    its basisdeel and its profielen as data, read once."""
    for pad in sorted(uit.glob("*/dossier.yaml")):
        data = _lees(pad)
        if not isinstance(data, dict) or data.get("formaat") != "basis-profiel":
            continue
        profielen = [p for p in map(_lees, sorted((pad.parent / "profielen").glob("*.yaml")))
                     if isinstance(p, dict)]
        yield pad, data, _lees(pad.parent / "basisdeel.yaml"), profielen


def _delen(basisdeel: Any, profielen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [basisdeel if isinstance(basisdeel, dict) else {}, *profielen]


def _geldig(pad: Path, model: type[M], data: dict[str, Any]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ImportFout(str(pad), None, f"het bestaande dossier is ongeldig: {exc}") from exc


def _kenmerk(basisdeel: Any, profielen: list[dict[str, Any]]
             ) -> tuple[frozenset[tuple[str, str]], dict[str, str]]:
    kenmerk = {(str(p.get("code")), str(p.get("titel"))) for p in profielen}
    for deel in _delen(basisdeel, profielen):
        kenmerk |= {(str(k.get("code")), str(k.get("titel")))
                    for k in _dicts(deel.get("kerntaken"))}
    crebos = {str(p.get("code")): str(p["crebo"]) for p in profielen if p.get("crebo")}
    return frozenset(kenmerk), crebos


def zoek_bestaand(uit: Path, kenmerk: frozenset[tuple[str, str]]) -> Bestaand | None:
    """The dossier in ``uit`` with exactly these profielen and kerntaken, if there is one."""
    for pad, data, basisdeel, profielen in _bestaande(uit):
        bestaand_kenmerk, crebos = _kenmerk(basisdeel, profielen)
        if bestaand_kenmerk == kenmerk:
            return Bestaand(pad.parent, _geldig(pad, DossierBestand, data), crebos)
    return None


def _titels(basisdeel: Any, profielen: list[dict[str, Any]]) -> dict[str, str]:
    """Codes and titles of a dossier folder's profielen, kerntaken and werkprocessen."""
    titels: dict[str, str] = {}
    for deel in _delen(basisdeel, profielen):
        if "code" in deel:
            titels[str(deel["code"])] = str(deel.get("titel"))
        for kerntaak in _dicts(deel.get("kerntaken")):
            titels[str(kerntaak.get("code"))] = str(kerntaak.get("titel"))
            for wp in _dicts(kerntaak.get("werkprocessen")):
                titels[str(wp.get("code"))] = str(wp.get("titel"))
    return titels


def zoek_dossier_van(uit: Path, titels: dict[str, str]) -> Bestaand | None:
    """The dossier in ``uit`` a profile extract belongs to: its basisdeel, read again."""
    for pad, data, basisdeel, profielen in _bestaande(uit):
        if not zelfde_dossier(titels, _titels(basisdeel, profielen)):
            continue
        dossier = _geldig(pad, Dossier, {**data, "basisdeel": basisdeel, "profielen": profielen})
        crebos = {p.code: p.crebo for p in dossier.profielen if p.crebo}
        return Bestaand(pad.parent, _geldig(pad, DossierBestand, data), crebos, dossier)
    return None
