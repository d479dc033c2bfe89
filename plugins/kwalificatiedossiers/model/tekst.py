"""Running text as it reads: paragraphs, lists, sub-headings and tables.

Text is stored structurally (never as Markdown or HTML) so that a character such as ``*`` or
``<`` in a source is always data and the renderer decides how it is shown. A text field is either
one plain string (one paragraph) or a list of blocks; a plain string in a list is a paragraph.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Discriminator, Field, Tag

from kwalificatiedossiers.model.base import Regel, Strict


class Lijst(Strict):
    """A bulleted list."""

    lijst: list[Regel] = Field(min_length=1)
    """The items, in source order."""


class Genummerd(Strict):
    """A numbered list."""

    genummerd: list[Regel] = Field(min_length=1)
    """The items, in source order."""


class Kop(Strict):
    """A heading inside a text (e.g. "Opbouw dossier" in the leeswijzer)."""

    kop: Regel
    """The heading text."""


class TabelInhoud(Strict):
    """The cells of a table."""

    kolommen: list[str] = Field(min_length=1)
    """The header cells."""
    rijen: list[list[str]]
    """The body rows; each row has as many cells as there are columns."""


class Tabel(Strict):
    """A table as the source prints it."""

    tabel: TabelInhoud
    """Header and rows."""
    bijschrift: Regel | None = None
    """A caption, when the source gives one."""


_BLOK_SOORTEN = {"lijst": "lijst", "genummerd": "genummerd", "kop": "kop", "tabel": "tabel"}
_SOORT_VAN_KLASSE: dict[type, str] = {
    Lijst: "lijst",
    Genummerd: "genummerd",
    Kop: "kop",
    Tabel: "tabel",
}


def _blok_soort(value: Any) -> str | None:
    if isinstance(value, str):
        return "alinea"
    if isinstance(value, dict):
        for key, soort in _BLOK_SOORTEN.items():
            if key in value:
                return soort
        return None
    return _SOORT_VAN_KLASSE.get(type(value))


Blok = Annotated[
    Annotated[str, Tag("alinea")]
    | Annotated[Lijst, Tag("lijst")]
    | Annotated[Genummerd, Tag("genummerd")]
    | Annotated[Kop, Tag("kop")]
    | Annotated[Tabel, Tag("tabel")],
    Discriminator(
        _blok_soort,
        custom_error_type="blok",
        custom_error_message=(
            "een alinea (tekst) of een blok met 'lijst', 'genummerd', 'kop' of 'tabel'"
        ),
    ),
]
"""One block of running text."""


def als_lijst(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Tekst = Annotated[
    list[Blok],
    BeforeValidator(als_lijst, json_schema_input_type=str | list[Blok]),
]
"""Running text: one paragraph as a string, or a list of blocks."""


def platte_tekst(tekst: list[Blok]) -> list[str]:
    """Return every string of a text in reading order (used for word counts and search)."""
    out: list[str] = []
    for blok in tekst:
        if isinstance(blok, str):
            out.append(blok)
        elif isinstance(blok, Lijst):
            out.extend(blok.lijst)
        elif isinstance(blok, Genummerd):
            out.extend(blok.genummerd)
        elif isinstance(blok, Kop):
            out.append(blok.kop)
        else:
            out.extend(blok.tabel.kolommen)
            for rij in blok.tabel.rijen:
                out.extend(rij)
            if blok.bijschrift:
                out.append(blok.bijschrift)
    return out
