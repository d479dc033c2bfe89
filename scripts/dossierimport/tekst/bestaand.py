"""Finding the dossier a source belongs to among those already in the output folder.

A source without a title page (the whole dossier as PDF text) does not say which dossier it is.
When that dossier was imported before, its folder holds the metadata that came from another
source; it is recognised by its overview: the same profielen and kerntaken, code and title.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from dossierimport.fouten import ImportFout
from dossierimport.tekst.koppeling import zelfde_dossier
from kwalificatiedossiers.model import Dossier, DossierBestand


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


def _kerntaken(data: Any) -> set[tuple[str, str]]:
    kerntaken = data.get("kerntaken", []) if isinstance(data, dict) else []
    return {(str(k.get("code")), str(k.get("titel"))) for k in kerntaken if isinstance(k, dict)}


def _kenmerk(map_: Path) -> tuple[frozenset[tuple[str, str]], dict[str, str]]:
    kenmerk = _kerntaken(_lees(map_ / "basisdeel.yaml"))
    crebos: dict[str, str] = {}
    for pad in sorted((map_ / "profielen").glob("*.yaml")):
        profiel = _lees(pad)
        if not isinstance(profiel, dict):
            continue
        kenmerk.add((str(profiel.get("code")), str(profiel.get("titel"))))
        kenmerk |= _kerntaken(profiel)
        if profiel.get("crebo"):
            crebos[str(profiel.get("code"))] = str(profiel["crebo"])
    return frozenset(kenmerk), crebos


def zoek_bestaand(uit: Path, kenmerk: frozenset[tuple[str, str]]) -> Bestaand | None:
    """The dossier in ``uit`` with exactly these profielen and kerntaken, if there is one."""
    for pad in sorted(uit.glob("*/dossier.yaml")):
        data = _lees(pad)
        if not isinstance(data, dict) or data.get("formaat") != "basis-profiel":
            continue
        bestaand_kenmerk, crebos = _kenmerk(pad.parent)
        if bestaand_kenmerk != kenmerk:
            continue
        try:
            dossier = DossierBestand.model_validate(data)
        except ValidationError as exc:
            raise ImportFout(str(pad), None, f"het bestaande dossier is ongeldig: {exc}") from exc
        return Bestaand(pad.parent, dossier, crebos)
    return None


def _titels(map_: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """Codes and titles of a dossier folder, and its parts as data."""
    basisdeel = _lees(map_ / "basisdeel.yaml")
    profielen = [p for p in (_lees(pad) for pad in sorted((map_ / "profielen").glob("*.yaml")))
                 if isinstance(p, dict)]
    titels: dict[str, str] = {}
    for deel in [basisdeel if isinstance(basisdeel, dict) else {}, *profielen]:
        if "code" in deel:
            titels[str(deel["code"])] = str(deel.get("titel"))
        for kerntaak in deel.get("kerntaken", []) or []:
            titels[str(kerntaak.get("code"))] = str(kerntaak.get("titel"))
            for wp in kerntaak.get("werkprocessen", []) or []:
                titels[str(wp.get("code"))] = str(wp.get("titel"))
    return titels, {"basisdeel": basisdeel, "profielen": profielen}


def zoek_dossier_van(uit: Path, titels: dict[str, str]) -> Bestaand | None:
    """The dossier in ``uit`` a profile extract belongs to: its basisdeel, read again."""
    for pad in sorted(uit.glob("*/dossier.yaml")):
        data = _lees(pad)
        if not isinstance(data, dict) or data.get("formaat") != "basis-profiel":
            continue
        bestaande, delen = _titels(pad.parent)
        if not zelfde_dossier(titels, bestaande):
            continue
        try:
            dossier = Dossier.model_validate({**data, **delen})
        except ValidationError as exc:
            raise ImportFout(str(pad), None, f"het bestaande dossier is ongeldig: {exc}") from exc
        crebos = {p.code: p.crebo for p in dossier.profielen if p.crebo}
        return Bestaand(pad.parent, DossierBestand.model_validate(data), crebos, dossier)
    return None
