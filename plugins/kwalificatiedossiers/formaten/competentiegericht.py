"""The competentiegericht generation (cohorts up to 2012-2013): uitstromen, kerntaken 1…,
werkprocessen 1.1…"""

from __future__ import annotations

from typing import Any

from kwalificatiedossiers import zoekkaart
from kwalificatiedossiers.index import indexeer_competentiegericht
from kwalificatiedossiers.laden import laad_competentiegericht
from kwalificatiedossiers.model.competentiegericht import (
    DossierCompetentiegericht,
    DossierCompetentiegerichtBestand,
)
from kwalificatiedossiers.model.formaat import Formaat
from kwalificatiedossiers.paginas import competentiegericht
from kwalificatiedossiers.paginas.competentiegericht import vergelijking
from kwalificatiedossiers.uitwerkingen import kerntaakcode
from kwalificatiedossiers.yamlschrijver import bestanden_competentiegericht


def exportdata(d: DossierCompetentiegericht) -> dict[str, Any]:
    """The dossier as JSON data; a kerntaak (numbered in the data) also gets the code under
    which it is an entity (``K1``)."""
    data: dict[str, Any] = d.model_dump(mode="json")
    data["kerntaken"] = [{"code": kerntaakcode(k["nummer"]), **k} for k in data["kerntaken"]]
    return data


COMPETENTIEGERICHT = Formaat(
    naam="competentiegericht",
    variant="uitstroom",
    kopmodel=DossierCompetentiegerichtBestand,
    laad=laad_competentiegericht,
    indexeer=indexeer_competentiegericht,
    paginas=competentiegericht.paginas,
    exportdata=exportdata,
    vergelijkdata=vergelijking.vergelijkdata,
    werkproceskaart=competentiegericht.entiteiten.werkproces_kaart,
    zoekkaarten=zoekkaart.competentiegericht,
    bestanden=bestanden_competentiegericht,
)
