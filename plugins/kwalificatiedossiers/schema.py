"""JSON Schemas generated from the model.

One schema per kind of data file (editors validate while typing through the
``# yaml-language-server: $schema=...`` line at the top of each file) and one for the published
JSON export, where every entity also carries its page ``url``. The committed copies in
``dossier-data/schema/`` are checked against the model by the test suite.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, TypeAdapter

from kwalificatiedossiers.model import (
    Basisdeel,
    CompetentieBestand,
    Dossier,
    DossierBestand,
    ProfielBestand,
)
from kwalificatiedossiers.model.competentiegericht import (
    CertificeerbareEenhedenBestand,
    DossierCompetentiegericht,
    DossierCompetentiegerichtBestand,
    KerntakenBestand,
    UitstroomBestand,
    Verantwoording,
)
from kwalificatiedossiers.model.relaties import RelatiesBestand

SCHEMA_MAP = "schema"
"""Sub-folder of the data folder that holds the generated schemas."""

BESTANDSSCHEMAS: dict[str, type[BaseModel]] = {
    "competenties": CompetentieBestand,
    "dossier": DossierBestand,
    "basisdeel": Basisdeel,
    "profiel": ProfielBestand,
    "dossier-competentiegericht": DossierCompetentiegerichtBestand,
    "kerntaken": KerntakenBestand,
    "uitstroom": UitstroomBestand,
    "certificeerbare-eenheden": CertificeerbareEenhedenBestand,
    "verantwoording": Verantwoording,
    "relaties": RelatiesBestand,
}
"""Schema name → the model of that kind of data file."""

ENTITEITEN_MET_URL = ("Dossier", "DossierCompetentiegericht", "Profiel", "Kerntaak",
                      "Werkproces", "Uitstroom", "KerntaakCompetentiegericht",
                      "WerkprocesCompetentiegericht")
"""Definitions that get a ``url`` property in the export schema."""

_EXPORT = TypeAdapter(Annotated[Dossier | DossierCompetentiegericht,
                                Field(discriminator="formaat")])
"""A whole dossier of either format, told apart by ``formaat``."""


def _schema(model: type[BaseModel] | TypeAdapter[Any], titel: str) -> dict[str, Any]:
    schema = (model.json_schema(mode="validation") if isinstance(model, TypeAdapter)
              else model.model_json_schema(mode="validation"))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = titel
    return schema


def bestandsschemas() -> dict[str, dict[str, Any]]:
    """The schema of every kind of data file, by name."""
    return {
        naam: _schema(model, f"Kwalificatiedossier: {naam}.yaml")
        for naam, model in BESTANDSSCHEMAS.items()
    }


def exportschema() -> dict[str, Any]:
    """The schema of ``api/<id>.json``: a whole dossier of either format, every entity with its
    ``url``."""
    schema = _schema(_EXPORT, "Kwalificatiedossier (JSON-export)")
    url = {"type": "string", "description": "De pagina van dit onderdeel, relatief aan de site."}
    for naam in ENTITEITEN_MET_URL:
        definitie = schema.get("$defs", {}).get(naam)
        if definitie is not None:
            definitie["properties"]["url"] = url
            definitie.setdefault("required", []).append("url")
    # A kerntaak of a competentiegericht dossier is numbered in the data; the export adds the
    # code under which it is an entity.
    kerntaak = schema.get("$defs", {}).get("KerntaakCompetentiegericht")
    if kerntaak is not None:
        kerntaak["properties"] = {
            "code": {"type": "string", "pattern": r"^K\d+$",
                     "description": "De code van de kerntaak op de site (K1, K2, …)."},
            **kerntaak["properties"],
        }
        kerntaak["required"].insert(0, "code")
    return schema


def als_json(schema: dict[str, Any]) -> str:
    """Serialise a schema deterministically."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def verwachte_bestanden() -> dict[str, str]:
    """File name → content of every committed schema file."""
    bestanden = {f"{naam}.schema.json": als_json(s) for naam, s in bestandsschemas().items()}
    bestanden["export.schema.json"] = als_json(exportschema())
    return bestanden


def schrijf_schemas(data_map: Path) -> list[Path]:
    """Write the schemas into ``<data_map>/schema/``; return the files that changed."""
    doel = data_map / SCHEMA_MAP
    doel.mkdir(parents=True, exist_ok=True)
    gewijzigd = []
    for naam, inhoud in verwachte_bestanden().items():
        pad = doel / naam
        if not pad.exists() or pad.read_text(encoding="utf-8") != inhoud:
            pad.write_text(inhoud, encoding="utf-8")
            gewijzigd.append(pad)
    return gewijzigd


def verouderde_schemas(data_map: Path) -> list[str]:
    """Names of committed schema files that differ from what the model generates."""
    doel = data_map / SCHEMA_MAP
    return [
        naam for naam, inhoud in verwachte_bestanden().items()
        if not (doel / naam).exists() or (doel / naam).read_text(encoding="utf-8") != inhoud
    ]
