"""Generated pages: every page as path, title, HTML body and data source.

A dossier's pages depend on that dossier (and on the relations and competences it names), so
they are made per dossier and, in ``mkdocs serve``, kept for the next rebuild while nothing they
show changed (:class:`~kwalificatiedossiers.bijwerken.PerDossier`). The competence pages read
every dossier and are made anew. :func:`alle_paginas` returns the pages sorted by
path, so the same data always gives the same pages in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from kwalificatiedossiers.bijwerken import PerDossier
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import AnyDossier
from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.paginas import (
    competentie,
    competentiegericht,
    dossier,
    entiteiten,
    matrix,
    vergelijk,
)
from kwalificatiedossiers.paginas.basis import Bestand, Kruimel, Pagina

__all__ = ["Bestand", "Kruimel", "Pagina", "alle_paginas"]


def _basis_profiel(index: Index, d: Dossier) -> Iterator[Pagina]:
    yield dossier.dossier_pagina(index, d)
    yield from entiteiten.paginas(index, d)
    yield from matrix.paginas(index, d)
    yield from vergelijk.paginas(index, d)


PAGINAS_PER_FORMAAT: dict[str, Callable[[Index, AnyDossier], Iterable[Pagina]]] = {
    "basis-profiel": _basis_profiel,  # type: ignore[dict-item]
    "competentiegericht": competentiegericht.paginas,  # type: ignore[dict-item]
}
"""The pages of one dossier, per value of ``formaat``."""


def paginas_van_dossier(index: Index, d: AnyDossier) -> list[Pagina]:
    """Every page of one dossier, including its pages per competence."""
    return [*PAGINAS_PER_FORMAAT[d.formaat](index, d),
            *competentie.paginas_van_dossier(index, d)]


def alle_paginas(index: Index, cache: PerDossier[list[Pagina]] | None = None) -> list[Pagina]:
    """Every generated page, sorted by source URI (a dossier's pages from ``cache`` when
    nothing they show changed)."""
    paginas = list(competentie.paginas(index))
    for d in index.corpus.dossiers:
        paginas += cache.geef(index, d, paginas_van_dossier) if cache else (
            paginas_van_dossier(index, d))
    return sorted(paginas, key=lambda p: p.src)
