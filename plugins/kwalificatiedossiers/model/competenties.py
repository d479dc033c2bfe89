"""The shared vocabulary of the 25 generic SBB competences (A–Y)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from kwalificatiedossiers.model.base import Regel, Strict

CompetentieCode = Annotated[str, StringConstraints(pattern=r"^[A-Y]$")]


class Competentie(Strict):
    """One generic competence."""

    code: CompetentieCode
    """The letter SBB gives it (A–Y)."""
    naam: Regel
    """Its name as dossiers print it, e.g. "Samenwerken en overleggen"."""


class CompetentieBestand(Strict):
    """The file ``dossier-data/competenties.yaml``."""

    bron: Regel
    """Where the list comes from."""
    competenties: list[Competentie] = Field(min_length=1)
    """The competences, in code order."""
