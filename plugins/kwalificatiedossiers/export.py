"""The machine-readable export published with the site.

``api/dossiers.json`` lists the dossiers and ``api/versies.json`` their versions;
``api/<id>.json`` holds a dossier's full data in which every entity object also carries its page
``url`` (another version: ``api/<id>/<versie>.json``); ``api/schema.json`` is the JSON Schema of
those files. What changed between two versions is in
``api/<id>/versies/<a>-naar-<b>.json`` and, as a table, ``….csv``. What the in-browser compare
reads is in ``api/profielen.json`` and ``api/profielen/``
(:mod:`kwalificatiedossiers.vergelijkexport`). Output is deterministic: model field order, no
timestamps.
"""

from __future__ import annotations

import csv
import io
import json
from itertools import combinations
from typing import Any

from kwalificatiedossiers import urls, vergelijkexport
from kwalificatiedossiers.bijwerken import PerDossier, elk_dossier
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.paginas import Bestand
from kwalificatiedossiers.paginas.versies import versieslug, wijzigingen_src
from kwalificatiedossiers.schema import exportschema
from kwalificatiedossiers.woordverschil import ItemVerschil


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


def _dossierbestanden(index: Index, dossier: AnyDossier) -> list[Bestand]:
    """The export of a dossier (its current version first), its other versions, what
    changed between them and the data of their profielen for the in-browser compare."""
    versies = sorted(index.corpus.versies_van(dossier.id),
                     key=lambda v: not index.corpus.is_huidig(v.id))
    return [*(export_dossier(index, v) for v in versies),
            *wijzigingen_bestanden(index, dossier),
            *(Bestand(pad, _json(data)) for v in versies
              for pad, data in vergelijkexport.profielen(index, v).items())]


def export_dossier(index: Index, dossier: AnyDossier) -> Bestand:
    """``api/<id>.json``: the dossier's data, every entity with its ``url``."""
    data = _met_urls(index.corpus.formaat(dossier).exportdata(dossier), dossier.id, index)
    data["url"] = index.entiteit(dossier.id).url
    return Bestand(f"{urls.API}/{dossier.id}.json", _json(data))


def _versie(index: Index, versie: AnyDossier) -> dict[str, Any]:
    editie = versie.editie()
    return {"id": versie.id, "versie": editie.label,
            "geldig_vanaf": editie.datum.isoformat() if editie.datum else None,
            "huidig": index.corpus.is_huidig(versie.id),
            "url": index.entiteit(versie.id).url, "json": f"{urls.API}/{versie.id}.json"}


def _stukken(verschil: ItemVerschil) -> dict[str, Any]:
    return {"oud": verschil.a, "nieuw": verschil.b,
            "stukken": [[s.soort, s.tekst] for s in verschil.stukken]}


def wijzigingen_bestanden(index: Index, dossier: AnyDossier) -> list[Bestand]:
    """What changed between every two versions of a dossier, as JSON and as CSV."""
    bestanden = []
    for oud, nieuw in combinations(index.corpus.versies_van(dossier.id), 2):
        pad = (f"{urls.API}/{wijzigingen_src(dossier.id, versieslug(oud), versieslug(nieuw))}"
               .removesuffix(".md"))
        rijen: list[dict[str, Any]] = []
        for w in index.wijzigingen(oud, nieuw):
            deel = w.nieuw or w.oud
            assert deel is not None
            rijen.append({
                "soort": w.soort, "code": w.code, "oude_code": w.oud.code if w.oud else None,
                "titel": deel.titel, "aard": list(w.aard), "omvang": w.omvang,
                "aandeel": w.aandeel,
                "url_oud": urls.url(urls.entiteit_src(oud.id, w.oud.code)) if w.oud else None,
                "url_nieuw": urls.url(urls.entiteit_src(nieuw.id, w.code)) if w.nieuw else None,
                "velden": [{"veld": v.veld, "items": [_stukken(i) for i in v.items]}
                           for v in w.velden],
            })
        bestanden.append(Bestand(f"{pad}.json", _json({
            "dossier": dossier.id, "van": _versie(index, oud), "naar": _versie(index, nieuw),
            "wijzigingen": rijen})))
        tabel = io.StringIO()
        schrijver = csv.writer(tabel, lineterminator="\n")
        schrijver.writerow(["soort", "code", "oude_code", "titel", "aard", "omvang", "aandeel",
                            "velden"])
        schrijver.writerows([r["soort"], r["code"], r["oude_code"] or "", r["titel"],
                             "+".join(r["aard"]), r["omvang"], r["aandeel"],
                             "; ".join(v["veld"] for v in r["velden"])] for r in rijen)
        bestanden.append(Bestand(f"{pad}.csv", tabel.getvalue()))
    return bestanden


def relaties(index: Index) -> dict[str, Any]:
    """The relations between dossiers with, per voortzetting, the counterpart of every
    werkproces (computed, with its score, or confirmed by the maintainers)."""
    return {"relaties": [{
        "voorganger": r.voorganger, "opvolger": r.opvolger, "toelichting": r.toelichting,
        "voortzettingen": [{
            "voorganger": v.voorganger, "opvolger": v.opvolger, "toelichting": v.toelichting,
            "werkprocessen": [{
                "voorganger": t.voorganger.code,
                "opvolger": t.opvolger.code if t.opvolger else None,
                "gelijkenis": t.score, "bevestigd": t.bevestigd, "toelichting": t.toelichting,
            } for t in index.tegenhangers(r, v)],
        } for v in r.voortzettingen],
    } for r in index.corpus.relaties]}


def export_bestanden(index: Index, cache: PerDossier[list[Bestand]] | None = None
                     ) -> list[Bestand]:
    """The files of ``api/`` (a dossier's files from ``cache`` when its data is unchanged)."""
    bestanden = elk_dossier(index, index.corpus.dossiers, _dossierbestanden, cache)
    lijst = []
    versies = []
    for dossier in index.corpus.dossiers:
        crebos = [crebo for crebo, plek in dossier.crebos_met_plek() if not plek]
        lijst.append({
            "id": dossier.id,
            "titel": dossier.titel,
            "crebo": crebos[0],
            "crebos": crebos,
            "formaat": dossier.formaat,
            "url": index.entiteit(dossier.id).url,
            "json": f"{urls.API}/{dossier.id}.json",  # the first of its _dossierbestanden
        })
        versies.append({"id": dossier.id, "versies": [
            _versie(index, v) for v in index.corpus.versies_van(dossier.id)]})
    bestanden.append(Bestand(f"{urls.API}/{urls.API_LIJST}.json", _json({"dossiers": lijst})))
    bestanden.append(Bestand(f"{urls.API}/{urls.API_VERSIES}.json",
                             _json({"dossiers": versies})))
    bestanden.append(Bestand(f"{urls.API}/{urls.API_RELATIES}.json", _json(relaties(index))))
    bestanden.append(Bestand(f"{urls.API}/{urls.API_PROFIELEN}.json",
                             _json(vergelijkexport.profielindex(index))))
    bestanden.append(Bestand(f"{urls.API}/{urls.API_SCHEMA}.json", _json(exportschema())))
    return bestanden
