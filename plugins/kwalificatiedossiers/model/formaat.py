"""One record per dossier generation: what the loader, the index, the pages and the importer's
writer do differently for it.

The records themselves are made in :mod:`kwalificatiedossiers.formaten`, the one place that
knows every layer; the layers below receive them with the corpus (:attr:`Corpus.formaten
<kwalificatiedossiers.model.corpus.Corpus.formaten>`) and never ask which generation a dossier
is. What a dossier tells about its own data (its name, profielen, crebos …) its class answers
itself (:class:`~kwalificatiedossiers.model.corpus.DossierFormaat`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for the annotations only: the layers above fill these fields in
    from kwalificatiedossiers.index import Index  # noqa: TID251
    from kwalificatiedossiers.paginas.basis import Pagina  # noqa: TID251
    from kwalificatiedossiers.zoekkaart import Kaart


@dataclass(frozen=True)
class Formaat:
    """A dossier generation (the value of ``formaat`` in ``dossier.yaml``)."""

    naam: str
    """``basis-profiel`` (2015 on) or ``competentiegericht`` (cohorts up to 2012-2013)."""
    variant: str
    """What a variant is called: ``profiel`` or ``uitstroom``."""
    kopmodel: type[Any]
    """The model of its ``dossier.yaml`` (it tells the edition: :meth:`editie`)."""
    laad: Callable[[Path, Any, Any], Any]
    """Load and validate a dossier folder (``laden``): folder, its ``dossier.yaml`` document,
    the loader's context → the dossier, or ``None`` with the problems in the context."""
    indexeer: Callable[[Index, Any], None]
    """Register the dossier's entities and relations in the index."""
    paginas: Callable[[Index, Any], Iterable[Pagina]]
    """Every page of the dossier."""
    exportdata: Callable[[Any], dict[str, Any]]
    """The dossier as JSON data for the export (before urls are added)."""
    vergelijkdata: Callable[[Index, Any, str], dict[str, Any]]
    """What the in-browser compare reads of one profiel or uitstroom (by its code): its
    kerntaken and werkprocessen with their compare rows (``velden``, as
    :class:`~kwalificatiedossiers.paginas.vergelijk.Veld`), and its vakkennis."""
    werkproceskaart: Callable[[Index, Any, str], str]
    """The embeddable card of a werkproces entity as it stands in a page (by its source URI):
    its card page and the ``werkproces_kaart`` macro."""
    zoekkaarten: Callable[[Index, Any], dict[str, Kaart]]
    """Source URI → search card (type, place, niveau) of every entity page of the dossier."""
    bestanden: Callable[[Any], dict[str, str]]
    """The YAML files of the dossier's folder (the importer's writer): path → text."""
