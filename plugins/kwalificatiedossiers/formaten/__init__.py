"""The dossier generations, one record each (:class:`~kwalificatiedossiers.model.formaat.Formaat`).

The only place that knows every layer: each record names its generation's loader, indexer,
page builder, export and writer. Code below it receives the records with the corpus; code that
starts from a dossier outside a corpus (the importer's writer) asks :func:`dossier_bestanden`.
"""

from __future__ import annotations

from kwalificatiedossiers.formaten.basis_profiel import BASIS_PROFIEL
from kwalificatiedossiers.formaten.competentiegericht import COMPETENTIEGERICHT
from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.model.formaat import Formaat

FORMATEN: dict[str, Formaat] = {f.naam: f for f in (BASIS_PROFIEL, COMPETENTIEGERICHT)}
"""Every generation, by the value of ``formaat`` in ``dossier.yaml``."""


def dossier_bestanden(dossier: AnyDossier) -> dict[str, str]:
    """The YAML files of a dossier's folder (path → text), whatever its generation."""
    return FORMATEN[dossier.formaat].bestanden(dossier)
