"""Provenance: where a dossier's data came from and what the importer inferred.

A maintainer reviews this before publishing: every inference, every difference between two
sources and every hand correction is listed here and shown on the dossier page ("Bron").
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from kwalificatiedossiers.model.base import Geheel, Regel, Strict

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Bron(Strict):
    """One source file the importer read."""

    bestand: Regel
    """The file name as the maintainer received it."""
    sha256: Sha256
    """Checksum of the file's bytes, so a later import can tell whether the source changed."""
    vorm: Literal["pdf", "pdf-tekst", "markdown", "markdown-html", "sbb-xml", "handmatig"]
    """The form the importer detected (``pdf``: a PDF file, read from its text layer or by OCR)."""
    gebruikt_voor: Regel
    """What the site takes from this source (e.g. "alle tekst", "metadata van de titelpagina")."""


class Afleiding(Strict):
    """Something the importer placed or decided that the source does not state directly."""

    onderdeel: Regel
    """The code or field concerned (e.g. ``P2-K1-W2``)."""
    wat: Regel
    """What was inferred, in a sentence a maintainer can check."""
    bron: Regel | None = None
    """The source file the inference is about."""
    regel: Geheel | None = Field(default=None, ge=1)
    """The line in that source where the inferred section starts."""


class Afwijking(Strict):
    """A difference in wording between two sources of the same dossier (never merged)."""

    onderdeel: Regel
    """The code of the entity where the texts differ."""
    veld: Regel
    """The field (``omschrijving``, ``gedrag``, ...)."""
    gebruikt: str
    """The words as they read in the source whose text the site shows."""
    andere: str
    """The words as they read in the other source."""
    andere_bron: Regel
    """The file name of the other source."""


class Correctie(Strict):
    """A hand correction of imported data, recorded so it survives review."""

    onderdeel: Regel
    """The code or field that was corrected."""
    wat: Regel
    """What was changed and why."""


class Bronnummer(Strict):
    """The internal id a source gives an entity (SBB XML ``nr``): provenance, never a code."""

    onderdeel: Regel
    """The public code of the entity (``B1-K1-W2``, ``P2``), or the dossier id."""
    nr: Regel
    """The id as the source states it."""
    regel: Geheel | None = Field(default=None, ge=1)
    """The line in the source where the entity starts."""


class Herkomst(Strict):
    """Provenance of one dossier."""

    bronnen: list[Bron] = Field(min_length=1)
    """The source files, the one whose text the site shows first."""
    afleidingen: list[Afleiding] = []
    """Inferences the importer made."""
    afwijkingen: list[Afwijking] = []
    """Differences between sources, each kept as it reads."""
    correcties: list[Correctie] = []
    """Hand corrections after import."""
    niet_geplaatst: list[Regel] = []
    """Source text the importer could not place (with its line number), for review."""
    bronnummers: list[Bronnummer] = []
    """The source's internal ids of the dossier and its parts (SBB XML), for tracing back."""
