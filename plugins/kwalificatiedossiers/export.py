"""The machine-readable export published with the site.

``api/dossiers.json`` lists the dossiers; ``api/<id>.json`` holds a dossier's full data in which
every entity object also carries its page ``url``; ``api/schema.json`` is the JSON Schema of
those files. Output is deterministic: model field order, no timestamps.
"""

from __future__ import annotations

import json
from typing import Any

from kwalificatiedossiers import urls
from kwalificatiedossiers.bijwerken import PerDossier
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import AnyDossier
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht
from kwalificatiedossiers.paginas import Bestand
from kwalificatiedossiers.schema import exportschema
from kwalificatiedossiers.uitwerkingen import kerntaakcode


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"


def _met_urls(data: Any, dossier_id: str, index: Index) -> Any:
    """Add ``url`` to every object whose ``code`` is an entity of this dossier."""
    if isinstance(data, dict):
        uit = {k: _met_urls(v, dossier_id, index) for k, v in data.items()}
        entiteit = index.entiteiten.get((dossier_id, data.get("code", "")))
        if "code" in data and entiteit is not None:
            uit["url"] = entiteit.url
        return uit
    if isinstance(data, list):
        return [_met_urls(v, dossier_id, index) for v in data]
    return data


def _dossierdata(dossier: AnyDossier) -> dict[str, Any]:
    """The dossier as JSON data; a kerntaak of a competentiegericht dossier (numbered in the
    data) also gets the code under which it is an entity (``K1``)."""
    data: dict[str, Any] = dossier.model_dump(mode="json")
    if isinstance(dossier, DossierCompetentiegericht):
        data["kerntaken"] = [{"code": kerntaakcode(k["nummer"]), **k} for k in data["kerntaken"]]
    return data


def _crebos(dossier: AnyDossier) -> list[str]:
    return (list(dossier.crebos) if isinstance(dossier, DossierCompetentiegericht)
            else [dossier.crebo])


def export_dossier(index: Index, dossier: AnyDossier) -> Bestand:
    """``api/<id>.json``: the dossier's data, every entity with its ``url``."""
    data = _met_urls(_dossierdata(dossier), dossier.id, index)
    data["url"] = index.entiteit(dossier.id).url
    return Bestand(f"{urls.API}/{dossier.id}.json", _json(data))


def export_bestanden(index: Index, cache: PerDossier[Bestand] | None = None) -> list[Bestand]:
    """The files of ``api/`` (a dossier's file from ``cache`` when its data is unchanged)."""
    bestanden = []
    lijst = []
    for dossier in index.corpus.dossiers:
        if (dossier.id, "") not in index.entiteiten:  # a format without pages
            continue
        bestand = cache.geef(index, dossier, export_dossier) if cache else (
            export_dossier(index, dossier))
        bestanden.append(bestand)
        crebos = _crebos(dossier)
        lijst.append({
            "id": dossier.id,
            "titel": dossier.titel,
            "crebo": crebos[0],
            "crebos": crebos,
            "formaat": dossier.formaat,
            "url": index.entiteit(dossier.id).url,
            "json": bestand.src,
        })
    bestanden.append(Bestand(f"{urls.API}/{urls.API_LIJST}.json", _json({"dossiers": lijst})))
    bestanden.append(Bestand(f"{urls.API}/{urls.API_SCHEMA}.json", _json(exportschema())))
    return bestanden
