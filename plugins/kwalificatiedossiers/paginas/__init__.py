"""Generated pages: every page as path, title, HTML body and data source.

A dossier's pages depend on that dossier (and on the relations and competences it names), so
they are made per dossier and, in ``mkdocs serve``, kept for the next rebuild while nothing they
show changed (:class:`~kwalificatiedossiers.bijwerken.PerDossier`). The competence pages read
every dossier and are made anew. :func:`alle_paginas` returns the pages sorted by
path, so the same data always gives the same pages in the same order.
"""

from __future__ import annotations

from kwalificatiedossiers.bijwerken import PerDossier, elk_dossier
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.paginas import bladeren, competentie, vergelijken, versies
from kwalificatiedossiers.paginas.basis import Bestand, Kruimel, Pagina

__all__ = ["Bestand", "Kruimel", "Pagina", "alle_paginas"]


def paginas_van_dossier(index: Index, d: AnyDossier) -> list[Pagina]:
    """Every page of one dossier or version (made by its generation's builder, see
    :mod:`kwalificatiedossiers.formaten`, with the marks of its version), its pages per
    competence and, for a dossier with several versions, the pages about them."""
    return [*versies.markeer(index, d, list(index.corpus.formaat(d).paginas(index, d))),
            *competentie.paginas_van_dossier(index, d),
            *versies.versiepaginas(index, d)]


def alle_paginas(index: Index, cache: PerDossier[list[Pagina]] | None = None) -> list[Pagina]:
    """Every generated page, sorted by source URI (a dossier's pages from ``cache`` when
    nothing they show changed)."""
    paginas = [*competentie.paginas(index), *bladeren.paginas(index),
               vergelijken.vergelijken_pagina(),
               *elk_dossier(index, (*index.corpus.dossiers, *index.corpus.versies),
                            paginas_van_dossier, cache)]
    return sorted(paginas, key=lambda p: p.src)
