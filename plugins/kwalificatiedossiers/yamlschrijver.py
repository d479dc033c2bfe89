"""Writing a dossier as reviewable YAML: one folder, a file per part, deterministic bytes.

Field order follows the model, text is never folded (one paragraph is one line, so diffs show
exactly the paragraph that changed), single-paragraph texts are written as plain strings, and
every file starts with the ``$schema`` line editors use. This module only makes the texts (each
generation's writer is named by its record in :mod:`kwalificatiedossiers.formaten`); the
importer's ``dossierimport.plan`` compares them with an existing folder and
``dossierimport.toepassen`` writes them.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel, BeforeValidator
from pydantic.fields import FieldInfo

from kwalificatiedossiers.model import Dossier, DossierBestand
from kwalificatiedossiers.model.competentiegericht import (
    DossierCompetentiegericht,
    DossierCompetentiegerichtBestand,
    KerntakenBestand,
    UitstroomBestand,
)
from kwalificatiedossiers.model.tekst import als_lijst

_SCHEMA_REGEL = "# yaml-language-server: $schema={pad}\n"


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases, no line folding."""

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002 (PyYAML signature)
        return True


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    stijl = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=stijl)


_Dumper.add_representer(str, _str_representer)


def _is_tekst(info: FieldInfo) -> bool:
    return any(
        isinstance(m, BeforeValidator) and m.func is als_lijst for m in info.metadata
    )


def _als_data(waarde: Any) -> Any:
    """Plain data for YAML: model fields in order, empty and default values left out."""
    if isinstance(waarde, BaseModel):
        uit: dict[str, Any] = {}
        for naam, info in type(waarde).model_fields.items():
            kind = getattr(waarde, naam)
            if kind in (None, [], "") or (not info.is_required() and kind == info.default):
                continue
            if _is_tekst(info) and len(kind) == 1 and isinstance(kind[0], str):
                uit[naam] = kind[0]
            else:
                uit[naam] = _als_data(kind)
        return uit
    if isinstance(waarde, list | tuple):
        return [_als_data(kind) for kind in waarde]
    return waarde


def als_yaml(model: BaseModel, schema_pad: str, kop: str | None = None) -> str:
    """Serialise one model as a YAML document with the schema line on top."""
    tekst = yaml.dump(
        _als_data(model), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
        width=float("inf"), default_flow_style=False, indent=2,
    )
    voorwoord = _SCHEMA_REGEL.format(pad=schema_pad)
    if kop:
        voorwoord += "".join(f"# {regel}\n" for regel in kop.splitlines())
    return voorwoord + tekst


def bestanden_basis_profiel(dossier: Dossier) -> dict[str, str]:
    """The files of a basisdeel/profielen dossier: ``dossier.yaml``, ``basisdeel.yaml`` and
    ``profielen/<code>.yaml``."""
    kop = DossierBestand.model_construct(
        **{naam: getattr(dossier, naam) for naam in DossierBestand.model_fields}
    )
    bestanden = {
        "dossier.yaml": als_yaml(kop, "../schema/dossier.schema.json",
                                 f"Kwalificatiedossier {dossier.titel} (crebo {dossier.crebo})."),
        "basisdeel.yaml": als_yaml(dossier.basisdeel, "../schema/basisdeel.schema.json",
                                   f"{dossier.titel}: basisdeel."),
    }
    for profiel in dossier.profielen:
        bestanden[f"profielen/{profiel.code.lower()}.yaml"] = als_yaml(
            profiel, "../../schema/profiel.schema.json",
            f"{dossier.titel}: profiel {profiel.code} {profiel.titel}.",
        )
    return bestanden


def _deel(model: type[BaseModel], bron: BaseModel) -> BaseModel:
    """The part of an assembled dossier that one file holds (the fields of ``model``)."""
    return model.model_construct(**{naam: getattr(bron, naam) for naam in model.model_fields})


def bestanden_competentiegericht(dossier: DossierCompetentiegericht) -> dict[str, str]:
    """The files of a competentiegericht dossier: ``dossier.yaml``, ``kerntaken.yaml``,
    ``uitstromen/<code>.yaml``, ``certificeerbare-eenheden.yaml`` and ``verantwoording.yaml``."""
    naam = f"{dossier.titel}, {dossier.cohort}"
    bestanden = {
        "dossier.yaml": als_yaml(
            _deel(DossierCompetentiegerichtBestand, dossier),
            "../schema/dossier-competentiegericht.schema.json",
            f"Kwalificatiedossier {naam}, crebo {', '.join(dossier.crebos)}."),
        "kerntaken.yaml": als_yaml(_deel(KerntakenBestand, dossier),
                                   "../schema/kerntaken.schema.json",
                                   f"{naam}: kerntaken en werkprocessen (deel B 5 en 6)."),
    }
    for uitstroom in dossier.uitstromen:
        bestanden[f"uitstromen/{uitstroom.code.lower()}.yaml"] = als_yaml(
            _deel(UitstroomBestand, uitstroom), "../../schema/uitstroom.schema.json",
            f"{naam}: uitstroom {uitstroom.code} {uitstroom.titel} (deel B 2.4 en 4, deel C 2).")
    if dossier.certificeerbare_eenheden is not None:
        bestanden["certificeerbare-eenheden.yaml"] = als_yaml(
            dossier.certificeerbare_eenheden, "../schema/certificeerbare-eenheden.schema.json",
            f"{naam}: certificeerbare eenheden (deel C 3).")
    if dossier.verantwoording is not None:
        bestanden["verantwoording.yaml"] = als_yaml(
            dossier.verantwoording, "../schema/verantwoording.schema.json",
            f"{naam}: verantwoording (deel D).")
    return bestanden
