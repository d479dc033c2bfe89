"""The last pass over every imported dossier, whatever importer made it: a safe id, clean text.

- The id: a title slug can be a reserved name of the site or the data folder (``schema``), look
  like a crebo (``23354``) or be too long for a folder name. The loader refuses such ids; the
  importer picks the nearest safe one (:func:`~kwalificatiedossiers.urls.veilige_id`).
- The text: control characters and bidi overrides (:mod:`kwalificatiedossiers.tekens`) that a
  source carries are removed, since the loader would refuse them.

Both are recorded in ``herkomst.afleidingen`` (shown on the dossier page) and in the report.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import ValidationError

from dossierimport.fouten import ImportFout
from dossierimport.rapport import Resultaat
from kwalificatiedossiers.model import Afleiding
from kwalificatiedossiers.problemen import Pad, pad_tekst
from kwalificatiedossiers.tekens import beschrijf_teken, verboden_tekens, zonder_verboden_tekens
from kwalificatiedossiers.urls import id_bezwaar, veilige_id


def schoon_op(resultaat: Resultaat, bron: str) -> Resultaat:
    """The result with clean text and a safe id; ``bron`` names the source for errors."""
    afleidingen = _zonder_stuurtekens(resultaat, bron)
    dossier = resultaat.dossier
    herkomst = dossier.herkomst
    veilig = veilige_id(dossier.id)
    if veilig != dossier.id:
        afleidingen.append(Afleiding(
            onderdeel="id", wat=f"de titel geeft de id '{dossier.id}', maar die "
            f"{id_bezwaar(dossier.id)}; gekozen is '{veilig}'"))
        herkomst = herkomst.model_copy(update={"bronnummers": [
            b.model_copy(update={"onderdeel": veilig}) if b.onderdeel == dossier.id else b
            for b in herkomst.bronnummers]})
        resultaat.rapport.dossier = veilig
    if afleidingen:
        herkomst = herkomst.model_copy(
            update={"afleidingen": [*herkomst.afleidingen, *afleidingen]})
        resultaat.dossier = dossier.model_copy(update={"id": veilig, "herkomst": herkomst})
        resultaat.rapport.afgeleid += [f"{a.onderdeel}: {a.wat}" for a in afleidingen]
    return resultaat


def _zonder_stuurtekens(resultaat: Resultaat, bron: str) -> list[Afleiding]:
    """Remove forbidden characters from every text of the dossier; one record per field."""
    gevonden: list[tuple[Pad, Counter[str]]] = []

    def schoon(waarde: Any, pad: Pad) -> Any:
        if isinstance(waarde, str):
            tekens = Counter(t for _, t in verboden_tekens(waarde))
            if tekens:
                gevonden.append((pad, tekens))
                return zonder_verboden_tekens(waarde)
            return waarde
        if isinstance(waarde, dict):
            return {k: schoon(v, (*pad, k)) for k, v in waarde.items()}
        if isinstance(waarde, list):
            return [schoon(v, (*pad, i)) for i, v in enumerate(waarde)]
        return waarde

    dossier = resultaat.dossier
    data = schoon(dossier.model_dump(), ())
    if not gevonden:
        return []
    try:
        resultaat.dossier = type(dossier).model_validate(data)
    except ValidationError as exc:
        fout = exc.errors(include_url=False)[0]
        raise ImportFout(bron, None, f"{pad_tekst(tuple(fout['loc']))}: na het verwijderen van "
                         f"stuurtekens ongeldig ({fout['msg']})") from exc
    return [Afleiding(onderdeel=pad_tekst(pad), wat="verwijderd uit de bron: " + ", ".join(
        f"{aantal}× {beschrijf_teken(teken)}" for teken, aantal in sorted(tekens.items())))
        for pad, tekens in gevonden]
