"""The pieces both source forms are reduced to, and the text rules they share.

A :class:`Stuk` is one physical line of PDF text or one block (paragraph, heading, list item) of
Markdown. Everything after this point (running headers, lost headings, joining, building the
dossier) works on pieces, so both forms share one implementation of the dossier's structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from dossierimport.woorden import (  # re-exported with the other text rules of the pieces
    normaliseer_witruimte as normaliseer_witruimte,  # noqa: PLC0414
)

Soort = Literal["tekst", "item", "kop", "tussenkop"]

BULLETS = ("§", "•", "-", "–", "▪", "·")
"""Glyphs that open a list item in the sources."""

_BULLET = re.compile(r"^[§•\-–▪·]\s+(?=\S)")
_AFBREKEN_MET_SPATIE = re.compile(r"^(en|of|tot|en/of)\b")

CODE = r"(?:B|P)\d{1,2}(?:-K\d{1,2}(?:-W\d{1,2})?)?"
_CODEKOP = re.compile(rf"^(?P<code>{CODE}):?\s+(?P<titel>\S.*)$")


@dataclass(frozen=True)
class Stuk:
    """One line (PDF text) or one block (Markdown) of a source, with its place in the file."""

    tekst: str
    """The text, whitespace normalised, bullet glyph removed for items."""
    regel: int
    """The 1-based line in the source file."""
    soort: Soort = "tekst"
    """``item`` for a list item; ``kop`` for a code heading, or any heading the form marks as
    one (Markdown); ``tussenkop`` for a heading without a code (a field label, a category)."""
    witregel_voor: bool = True
    """A blank line (or the start of a page) separates it from the piece before."""
    pagina_begin: bool = False
    """It is the first line of a page (PDF text)."""
    vervolg: bool = False
    """It directly follows a removed running header, so it may continue the piece before."""
    code: str | None = None
    """For a code heading: its code (the text is then the title)."""
    afgeleid: bool = False
    """A heading the importer inferred (it is not in the source)."""

    def met(self, **wijzigingen: object) -> Stuk:
        """A copy with some fields changed."""
        return replace(self, **wijzigingen)  # type: ignore[arg-type]


def zonder_bullet(tekst: str) -> tuple[str, bool]:
    """Split a bullet glyph off a line: ``("rest", True)``, or ``(tekst, False)`` without one."""
    kaal = _BULLET.sub("", tekst, count=1)
    return kaal, kaal != tekst


def voeg_samen(links: str, rechts: str) -> str:
    """Join two hard-wrapped lines of one paragraph.

    A hyphen at the end of a line is always real in these sources (the PDFs are not
    hyphenated), so it is kept: ``communicatie-`` + ``activiteiten`` gives
    ``communicatie-activiteiten`` and ``(e-`` + ``)logistiek`` gives ``(e-)logistiek``. Only a
    suspended compound keeps its space: ``import-`` + ``en/of export`` gives ``import- en/of``.
    """
    links, rechts = links.rstrip(), rechts.lstrip()
    if not links:
        return rechts
    if not rechts:
        return links
    if links.endswith("-") and len(links) > 1 and links[-2] not in " -":
        if _AFBREKEN_MET_SPATIE.match(rechts):
            return f"{links} {rechts}"
        return links + rechts
    return f"{links} {rechts}"


def codekop(tekst: str) -> tuple[str, str] | None:
    """``(code, titel)`` when a line reads like a code heading (``B1-K1-W1: Titel``)."""
    gevonden = _CODEKOP.match(tekst)
    if gevonden is None:
        return None
    return gevonden["code"], gevonden["titel"].strip()


def is_vervolg(vorige: str, volgende: str) -> bool:
    """Whether ``volgende`` continues ``vorige`` although a blank line or page break is between.

    The PDF extraction puts blank lines inside list items and a page break can fall inside a
    sentence. A piece continues when it starts in lower case (``onderneming``, ``(sales) en``)
    or when the piece before stops mid-phrase (a comma, a hyphen, a conjunction).
    """
    if not vorige or not volgende:
        return False
    eerste = volgende
    if volgende.startswith("("):
        binnen, _, na = volgende[1:].partition(")")
        if na[:1].isupper():  # a category such as "(e-)Marketing en communicatie"
            return False
        eerste = binnen
    if eerste[:1].islower() or volgende.startswith(")"):
        return True
    return vorige.endswith((",", "-")) or vorige.rsplit(" ", 1)[-1] in {"en", "of", "de", "het"}
