"""What the in-browser compare (``/vergelijken/``) reads, published with the export.

- ``api/profielen/<id>/<code>.json`` (another version: ``api/profielen/<id>/<versie>/<code>.json``,
  see :func:`~kwalificatiedossiers.urls.profiel_ref`): one profiel or uitstroom, with what a
  compare shows of it and nothing more: its dossier, its kerntaken and werkprocessen (a 2015
  profiel's basisdeel included) with their compare rows (``velden``: ``[key, items]``, what
  each key is in ``veldsoorten``), its vakkennis and the competences it draws on. A compare
  fetches two of these.
- ``api/profielen.json``: every profiel and uitstroom of every dossier and version, one line
  each, for the picker. The page fetches it, so the page itself stays the same size however
  large the corpus grows.

The rows are those of the generated compare pages (each generation's ``vergelijkdata``), so the
browser compares the same texts the same way (``woordverschil.js``).
"""

from __future__ import annotations

from typing import Any

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.corpus import AnyDossier, natuurlijke_sleutel
from kwalificatiedossiers.paginas.vergelijk import Veld
from kwalificatiedossiers.paginas.versies import overzicht_src, versieslug


def _dossier(index: Index, dossier: AnyDossier) -> dict[str, Any]:
    huidig = index.corpus.is_huidig(dossier.id)
    vergelijkpagina = urls.matrix_src(dossier.id)
    return {
        "id": dossier.id,
        "titel": dossier.titel,
        "naam": dossier.naam(),
        "formaat": dossier.formaat,
        "versie": dossier.editie().omschrijving() or None,
        "slug": versieslug(dossier),
        "huidig": huidig,
        "url": index.entiteit(dossier.id).url,
        "vergelijken": urls.url(vergelijkpagina) if len(dossier.varianten()) > 1 else None,
        # The versions side by side and what changed between them (with several versions).
        "versies": urls.url(overzicht_src(index.corpus.huidige(dossier.id).id))
        if len(index.corpus.versies_van(dossier.id)) > 1 else None,
    }


def _velden(werkprocessen: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The rows of the werkprocessen as the file holds them: each werkproces its own as
    ``[key, items]`` pairs in order, what a row is (label, list or paragraphs, optional) once
    per key for the whole file (returned): a file of tens of werkprocessen says it once."""
    soorten: dict[str, dict[str, Any]] = {}
    for werkproces in werkprocessen:
        velden: list[Veld] = werkproces["velden"]
        for veld in velden:
            soorten.setdefault(veld.sleutel, {"label": veld.label, "lijst": veld.lijstvorm,
                                              "optioneel": veld.optioneel})
        werkproces["velden"] = [[veld.sleutel, list(veld.items)] for veld in velden]
    return soorten


def profielen(index: Index, dossier: AnyDossier) -> dict[str, dict[str, Any]]:
    """The data file of every profiel or uitstroom of one dossier version: path → data."""
    formaat = index.corpus.formaat(dossier)
    kop = _dossier(index, dossier)
    bestanden = {}
    for variant in dossier.varianten():
        gegevens = formaat.vergelijkdata(index, dossier, variant.code)
        soorten = _velden(gegevens["werkprocessen"])
        codes = sorted({c for w in gegevens["werkprocessen"] for c in w["competenties"]})
        bestanden[urls.profiel_json(urls.profiel_ref(dossier.id, variant.code))] = {
            "dossier": kop,
            "profiel": {"soort": formaat.variant, "code": variant.code, "titel": variant.titel,
                        "niveau": variant.niveau,
                        "url": index.entiteit(dossier.id, variant.code).url},
            **gegevens,
            "veldsoorten": soorten,
            "competenties": {c: {"naam": index.competenties[c].naam,
                                 "url": urls.url(urls.competentie_src(c))} for c in codes},
            # The generated compare page of this profiel with each other of its dossier version.
            "paren": {ander.code: urls.url(urls.vergelijk_src(dossier.id, *sorted(
                (variant.code, ander.code), key=natuurlijke_sleutel)))
                for ander in dossier.varianten() if ander.code != variant.code},
        }
    return bestanden


def profielindex(index: Index) -> dict[str, Any]:
    """``api/profielen.json``: the dossiers by name, each with its versions (old to new) and
    their profielen or uitstromen."""
    dossiers = []
    for dossier in sorted(index.corpus.dossiers, key=lambda d: (d.naam().casefold(), d.id)):
        dossiers.append({
            "id": dossier.id,
            "naam": dossier.naam(),
            "variant": index.corpus.formaat(dossier).variant,
            "versies": [{
                "id": versie.id,
                "slug": versieslug(versie),
                "versie": versie.editie().omschrijving() or None,
                "huidig": index.corpus.is_huidig(versie.id),
                "profielen": [{"code": v.code, "titel": v.titel, "niveau": v.niveau,
                               "ref": urls.profiel_ref(versie.id, v.code)}
                              for v in versie.varianten()],
            } for versie in index.corpus.versies_van(dossier.id)],
        })
    return {"dossiers": dossiers}
