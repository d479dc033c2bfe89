"""Pages of competentiegericht dossiers (uitstromen, kerntaken 1…, werkprocessen 1.1…).

URLs follow the same scheme as the 2015 format, with the codes of this generation:
``<id>/`` (dossier), ``<id>/u1/`` (uitstroom), ``<id>/k1/`` (kerntaak 1), ``<id>/2-3/``
(werkproces 2.3, with an anchor per uitstroom: ``#u1``, ``#u1-resultaat``, ``#u1-j``),
``<id>/matrix/`` and ``<id>/vergelijk/u1-u2/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht
from kwalificatiedossiers.paginas.basis import Pagina
from kwalificatiedossiers.paginas.competentiegericht import dossier, entiteiten, vergelijking


def paginas(index: Index, d: DossierCompetentiegericht) -> Iterator[Pagina]:
    """Every page of a competentiegericht dossier."""
    yield from dossier.dossier_paginas(index, d)
    yield from entiteiten.paginas(index, d)
    yield from vergelijking.paginas(index, d)
