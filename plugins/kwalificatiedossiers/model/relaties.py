"""Relations between dossiers: which dossier continues which, and which of its profielen or
uitstromen continue in the other.

These are a maintainer's judgement, kept in ``dossier-data/relaties.yaml`` and never written by
an importer (a re-import must not overwrite them; a source does not state them).
"""

from __future__ import annotations

from pydantic import Field

from kwalificatiedossiers.model.base import Regel, Slug, Strict


class Werkproceskoppeling(Strict):
    """A maintainer's word on which werkproces of the opvolger continues one of the
    voorganger: confirming the site's computed counterpart, or choosing another (or none)."""

    voorganger: Regel
    """The werkproces in the voorganger (``2.3``)."""
    opvolger: Regel | None = None
    """Its counterpart in the opvolger (``P1-K1-W4``); empty: it has none."""
    toelichting: Regel | None = None
    """Why, when it is not obvious from the texts."""


class Voortzetting(Strict):
    """A profiel or uitstroom of the voorganger that continues as one of the opvolger."""

    voorganger: Regel
    """Its code in the voorganger (``U1``, ``P2``, …)."""
    opvolger: Regel
    """The code of its continuation in the opvolger."""
    toelichting: Regel | None = None
    """Why, when it is not obvious from the titles."""
    werkprocessen: list[Werkproceskoppeling] = []
    """Counterparts of its werkprocessen that a maintainer confirmed or chose; the site computes
    the others from the texts and says so."""


class Relatie(Strict):
    """``opvolger`` is the later counterpart of ``voorganger`` in the same field."""

    voorganger: Slug
    """The earlier dossier's id."""
    opvolger: Slug
    """The later dossier's id."""
    toelichting: Regel
    """The maintainer's reasoning, in a sentence or two."""
    voortzettingen: list[Voortzetting] = []
    """Profielen/uitstromen that continue, one line each; the others have no counterpart."""


class RelatiesBestand(Strict):
    """The file ``relaties.yaml``."""

    relaties: list[Relatie] = Field(default_factory=list)
    """The relations, one per pair of dossiers."""
