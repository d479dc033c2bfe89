"""Schema validation of one data file: pydantic errors turned into precise problems.

Pydantic reports a location (a path) and an error type; we translate each into a Dutch message
that says what was expected, find the line and column through the document's position map, and
add a suggestion where one exists (a misspelt key → the nearest allowed key).
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kwalificatiedossiers.problemen import Pad, Probleem
from kwalificatiedossiers.tekens import beschrijf_teken
from kwalificatiedossiers.yamlbron import YamlDocument

M = TypeVar("M", bound=BaseModel)

_PATROON_UITLEG = {
    r"^[0-9]{5}$": "een crebonummer van vijf cijfers, bijvoorbeeld '23354'",
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": (
        "kleine letters, cijfers en koppeltekens, bijvoorbeeld 'commercie'"
    ),
    r"^P[0-9]{1,2}$": "een profielcode zoals 'P4'",
    r"^(B|P)[0-9]{1,2}-K[0-9]{1,2}$": "een kerntaakcode zoals 'B1-K1' of 'P4-K2'",
    r"^(B|P)[0-9]{1,2}-K[0-9]{1,2}-W[0-9]{1,2}$": "een werkprocescode zoals 'P4-K1-W2'",
    r"^U[0-9]{1,2}$": "een uitstroomcode zoals 'U1'",
    r"^[0-9]{1,2}\.[0-9]{1,2}$": "een werkprocesnummer zoals '2.3'",
    r"^[A-Y]$": "een competentiecode A–Y",
    r"^[0-9a-f]{64}$": "een sha256 van 64 hexadecimale tekens",
    r"\S": "tekst met ten minste één zichtbaar teken (niet alleen spaties)",
}


def _type_naam(waarde: Any) -> str:
    if isinstance(waarde, str):
        return "tekst"
    if isinstance(waarde, bool):
        return "ja/nee-waarde"
    if isinstance(waarde, int | float):
        return "getal"
    if isinstance(waarde, list):
        return "lijst"
    if isinstance(waarde, dict):
        return "mapping"
    if waarde is None:
        return "niets (leeg)"
    return type(waarde).__name__


def _geen_ascii(invoer: Any) -> str:
    """A remark on the first character that looks like a digit or letter of a code but is not
    ASCII (``١``, a fullwidth ``５``): codes and crebos take 0–9 and A–Z only."""
    if not isinstance(invoer, str):
        return ""
    teken = next((t for t in invoer if t.isalnum() and not t.isascii()), None)
    if teken is None:
        return ""
    return f" ({beschrijf_teken(teken)} is geen ASCII-cijfer of -letter)"


def _melding(fout: ErrorDetails) -> str:
    soort = fout["type"]
    invoer = fout.get("input")
    ctx = fout.get("ctx") or {}
    if soort == "missing":
        return "verplicht veld ontbreekt"
    if soort == "extra_forbidden":
        return "onbekend veld"
    if soort == "string_type":
        return f"verwacht tekst, gevonden {_type_naam(invoer)}"
    if soort in {"int_type", "int_parsing", "int_from_float"}:
        return f"verwacht een geheel getal, gevonden {_type_naam(invoer)} {invoer!r}"
    if soort == "bool_type":
        return f"verwacht true of false, gevonden {_type_naam(invoer)} {invoer!r}"
    if soort in {"date_type", "date_parsing", "date_from_datetime_parsing",
                 "date_from_datetime_inexact"}:
        return f"ongeldige datum {invoer!r} (verwacht JJJJ-MM-DD, bijvoorbeeld 2023-08-01)"
    if soort == "list_type":
        return f"verwacht een lijst, gevonden {_type_naam(invoer)}"
    if soort in {"model_type", "dict_type", "model_attributes_type"}:
        return f"verwacht een mapping (sleutel: waarde), gevonden {_type_naam(invoer)}"
    if soort == "too_short":
        return "mag niet leeg zijn"
    if soort == "string_too_short":
        return "tekst mag niet leeg zijn"
    if soort == "string_pattern_mismatch":
        patroon = str(ctx.get("pattern", ""))
        uitleg = _PATROON_UITLEG.get(patroon, f"het patroon {patroon}")
        return f"{invoer!r} heeft niet de juiste vorm; verwacht {uitleg}" + _geen_ascii(invoer)
    if soort == "literal_error":
        return f"{invoer!r} is niet toegestaan; verwacht {ctx.get('expected')}"
    if soort == "greater_than_equal":
        return f"{invoer!r} is te klein; verwacht minstens {ctx.get('ge')}"
    if soort == "less_than_equal":
        return f"{invoer!r} is te groot; verwacht hoogstens {ctx.get('le')}"
    if soort == "blok":
        return f"verwacht {fout['msg']}"
    return fout["msg"]


def _uitpakken(annotatie: Any) -> Any:
    """Strip Annotated/Optional wrappers down to the interesting type."""
    while True:
        oorsprong = typing.get_origin(annotatie)
        if oorsprong is typing.Annotated:
            annotatie = typing.get_args(annotatie)[0]
            continue
        if oorsprong in {typing.Union, types.UnionType}:
            args = [a for a in typing.get_args(annotatie) if a is not type(None)]
            if len(args) == 1:
                annotatie = args[0]
                continue
        return annotatie


def velden_op(model: type[BaseModel], pad: Pad) -> list[str]:
    """Return the allowed keys of the mapping at ``pad`` (empty when it cannot be told)."""
    huidig: Any = model
    for deel in pad:
        huidig = _uitpakken(huidig)
        if isinstance(deel, int):
            if typing.get_origin(huidig) is list:
                huidig = typing.get_args(huidig)[0]
                continue
            return []
        if isinstance(huidig, type) and issubclass(huidig, BaseModel):
            veld = huidig.model_fields.get(deel)
            if veld is None:
                return []
            huidig = veld.annotation
            continue
        return []
    huidig = _uitpakken(huidig)
    if isinstance(huidig, type) and issubclass(huidig, BaseModel):
        return list(huidig.model_fields)
    return []


def dichtstbij(woord: str, kandidaten: list[str]) -> str | None:
    """The candidate closest to ``woord``, if any is reasonably close."""
    gevonden = difflib.get_close_matches(woord, kandidaten, n=1, cutoff=0.6)
    return gevonden[0] if gevonden else None


def valideer(document: YamlDocument, model: type[M]) -> tuple[M | None, list[Probleem]]:
    """Validate a document against a model; return the object or the problems."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        problemen = []
        for fout in exc.errors(include_url=False):
            pad: Pad = tuple(fout["loc"])
            suggestie = None
            if fout["type"] == "extra_forbidden" and pad and isinstance(pad[-1], str):
                gevonden = dichtstbij(pad[-1], velden_op(model, pad[:-1]))
                suggestie = f"'{gevonden}'" if gevonden else None
                if suggestie is None:
                    toegestaan = ", ".join(velden_op(model, pad[:-1]))
                    melding = f"onbekend veld (toegestaan: {toegestaan})" if toegestaan else None
                    if melding:
                        problemen.append(document.probleem(pad, melding, sleutel=True))
                        continue
            problemen.append(
                document.probleem(
                    pad, _melding(fout), suggestie, sleutel=fout["type"] == "extra_forbidden"
                )
            )
        return None, problemen
