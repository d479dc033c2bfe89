"""The loaded data as the rest of the code sees it, whatever the dossier generation.

:class:`Corpus` holds everything in ``dossier-data/``; each dossier's generation is described by
one :class:`~kwalificatiedossiers.model.formaat.Formaat` record (loading, indexing, pages,
writing), and both dossier classes answer the same questions about their data
(:class:`DossierFormaat`), so that code outside a generation's own modules never asks which
generation a dossier is.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht
from kwalificatiedossiers.model.competenties import Competentie
from kwalificatiedossiers.model.delen import Editie, Variant, Vergelijkdeel
from kwalificatiedossiers.model.dossier import Dossier
from kwalificatiedossiers.model.relaties import Relatie

if TYPE_CHECKING:
    from kwalificatiedossiers.model.formaat import Formaat


@dataclass(frozen=True)
class Bronplek:
    """Where an entity is defined: a data file (relative to the data folder) and a line."""

    bestand: str
    regel: int


def natuurlijke_sleutel(tekst: str) -> tuple[str | int, ...]:
    """Sort key that puts ``P2`` before ``P10`` and ``B1-K2`` before ``B1-K10``."""
    return tuple(int(d) if d.isdigit() else d for d in re.split(r"(\d+)", tekst))


class DossierFormaat(Protocol):
    """What every dossier, of either generation, tells about itself."""

    @property
    def id(self) -> str:
        """The dossier's id: its folder and the first segment of its addresses."""

    @property
    def titel(self) -> str:
        """Its title, e.g. "Commercie"."""

    @property
    def formaat(self) -> str:
        """Its generation (``formaat`` in ``dossier.yaml``)."""

    def naam(self) -> str:
        """How the site names it: with its crebo, or its cohort."""

    def varianten(self) -> list[Variant]:
        """Its profielen or uitstromen, in order."""

    def crebos_met_plek(self) -> list[tuple[str, str]]:
        """Every crebo it claims, with the code of what has it (``""``: the dossier)."""

    def aantal_werkprocessen(self) -> int:
        """How many werkprocessen it has."""

    def editie(self) -> Editie:
        """Which edition it is."""

    def domein(self) -> str | None:
        """The field it belongs to: its opleidingsdomein or, in older dossiers, its sector."""

    def vergelijkdelen(self) -> list[Vergelijkdeel]:
        """Its parts as two versions are compared (:mod:`kwalificatiedossiers.versieverschil`)."""

    def werkprocessen_van(self, variant: str) -> list[Vergelijkdeel]:
        """The werkprocessen a profiel or uitstroom performs, with their text for it."""


AnyDossier = Dossier | DossierCompetentiegericht
"""A dossier of either generation (both are :class:`DossierFormaat`)."""


@dataclass
class Corpus:
    """Everything in ``dossier-data/``, validated."""

    competenties: tuple[Competentie, ...]
    dossiers: tuple[AnyDossier, ...]
    bronplekken: dict[tuple[str, str], Bronplek] = field(default_factory=dict)
    """(dossier id, code) → where it is defined; code ``""`` is the dossier itself. Codes of a
    competentiegericht dossier: ``U1`` (uitstroom), ``K1`` (kerntaak 1), ``1.1`` (werkproces)."""
    relaties: tuple[Relatie, ...] = ()
    """Voorganger/opvolger relations between dossiers (``relaties.yaml``)."""
    meldingen: tuple[str, ...] = ()
    """Notes for the maintainer that are not problems (hidden folders and files skipped)."""
    formaten: Mapping[str, Formaat] = field(default_factory=dict)
    """The dossier generations, by the value of ``formaat`` in ``dossier.yaml``."""
    versies: tuple[AnyDossier, ...] = ()
    """The other versions of the dossiers (``<id>/versies/<versie>/``). Each carries the id
    ``<id>/<versie>``, which is also where its pages are, so it is a dossier of its own to the
    index, the pages and the export; :attr:`dossiers` holds the current versions."""
    weggelaten: frozenset[str] = frozenset()
    """The dossiers a scoped preview left out (``mkdocs serve`` of a few dossiers): they exist,
    so a citation of one is marked as not in the preview rather than an error."""

    def dossier(self, dossier_id: str) -> AnyDossier:
        """The dossier (or other version, ``<id>/<versie>``) with this id (KeyError when there
        is none)."""
        return self._per_id[dossier_id]

    @functools.cached_property
    def _per_id(self) -> dict[str, AnyDossier]:
        return {dossier.id: dossier for dossier in (*self.dossiers, *self.versies)}

    @staticmethod
    def is_huidig(dossier_id: str) -> bool:
        """Whether an id is a dossier's current version (not ``<id>/<versie>``)."""
        return "/" not in dossier_id

    def huidige(self, dossier_id: str) -> AnyDossier:
        """The current version of the dossier this (version's) id belongs to."""
        return self.dossier(dossier_id.split("/", 1)[0])

    def versies_van(self, dossier_id: str) -> list[AnyDossier]:
        """Every version of a dossier, the current one included, from old to new (by the day
        each is valid from, or else by its version text: ``Cohort 2007 - 2008`` before
        ``Cohort 2009 - 2010``)."""
        return self._versies.get(dossier_id.split("/", 1)[0], [])

    @functools.cached_property
    def _versies(self) -> dict[str, list[AnyDossier]]:
        per_id: dict[str, list[AnyDossier]] = {d.id: [d] for d in self.dossiers}
        for versie in self.versies:
            per_id[versie.id.split("/", 1)[0]].append(versie)
        for lijst in per_id.values():
            lijst.sort(key=lambda d: (d.editie().datum or dt.date.min,
                                      natuurlijke_sleutel(d.editie().label or ""), d.id))
        return per_id

    def formaat(self, dossier: DossierFormaat) -> Formaat:
        """The generation of a dossier."""
        return self.formaten[dossier.formaat]

    def relaties_van(self, dossier_id: str) -> list[Relatie]:
        """The relations in which this dossier is the voorganger or the opvolger."""
        return [r for r in self.relaties if dossier_id in (r.voorganger, r.opvolger)]
