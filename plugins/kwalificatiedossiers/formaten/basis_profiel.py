"""The basisdeel/profielen generation (2015 on): codes like ``P4-K1-W2``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kwalificatiedossiers import zoekkaart
from kwalificatiedossiers.index import Index, indexeer_basis_profiel
from kwalificatiedossiers.laden import laad_basis_profiel
from kwalificatiedossiers.model import Dossier, DossierBestand
from kwalificatiedossiers.model.formaat import Formaat
from kwalificatiedossiers.paginas import dossier, entiteiten, matrix, vergelijk
from kwalificatiedossiers.paginas.basis import Pagina
from kwalificatiedossiers.yamlschrijver import bestanden_basis_profiel


def paginas(index: Index, d: Dossier) -> Iterator[Pagina]:
    """The dossier page, profiel, kerntaak and werkproces pages, matrix and compare pages."""
    yield from dossier.paginas(index, d)
    yield from entiteiten.paginas(index, d)
    yield from matrix.paginas(index, d)
    yield from vergelijk.paginas(index, d)


def exportdata(d: Dossier) -> dict[str, Any]:
    """The dossier as JSON data."""
    data: dict[str, Any] = d.model_dump(mode="json")
    return data


BASIS_PROFIEL = Formaat(
    naam="basis-profiel",
    variant="profiel",
    kopmodel=DossierBestand,
    laad=laad_basis_profiel,
    indexeer=indexeer_basis_profiel,
    paginas=paginas,
    exportdata=exportdata,
    vergelijkdata=vergelijk.vergelijkdata,
    werkproceskaart=entiteiten.werkproces_kaart,
    zoekkaarten=zoekkaart.basis_profiel,
    bestanden=bestanden_basis_profiel,
)
