"""Generated pages: every page as path, title, final Markdown and data source.

:func:`alle_paginas` runs each page builder over the index and returns the pages sorted by
path, so the same data always gives the same pages in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kwalificatiedossiers.index import Index
from kwalificatiedossiers.paginas import (
    bladeren,
    competentie,
    competentiegericht,
    dossier,
    entiteiten,
    matrix,
    vergelijk,
)
from kwalificatiedossiers.paginas.basis import Bestand, Kruimel, Pagina

__all__ = ["Bestand", "Kruimel", "Pagina", "alle_paginas"]

Bouwer = Callable[[Index], Iterable[Pagina]]

BOUWERS: list[Bouwer] = [
    dossier.paginas,
    entiteiten.paginas,
    competentie.paginas,
    matrix.paginas,
    vergelijk.paginas,
    competentiegericht.paginas,
    bladeren.paginas,
]
"""Page builders, each over the whole index."""


def alle_paginas(index: Index) -> list[Pagina]:
    """Every generated page, sorted by source URI."""
    paginas = [pagina for bouwer in BOUWERS for pagina in bouwer(index)]
    return sorted(paginas, key=lambda p: p.src)
