"""The PDF-text form: lines as a PDF-to-text tool writes them, reduced to pieces.

What is layout and not content is handled here or marked for the next steps: page footers
(``16 van 87``) are dropped together with the blank lines around them, the first line of a page
(written with one leading space) is marked, no-break spaces and bullet glyphs are normalised.
Running headers are recognised later (:mod:`dossierimport.tekst.koppen`), because telling a
running header from a real heading needs the overview.
"""

from __future__ import annotations

import re

from dossierimport.tekst.stukken import Stuk, normaliseer_witruimte, zonder_bullet

_VOETTEKST = re.compile(r"^\d{1,4} van \d{1,4}$")


def is_voettekst(regel: str) -> bool:
    """Whether a line is a page footer such as ``16 van 87``."""
    return bool(_VOETTEKST.match(normaliseer_witruimte(regel)))


def is_pagina_begin(ruw: str) -> bool:
    """Whether a raw line is the first of a page: a form feed before it (PDF input), or one
    leading space (how the tool that made the seed texts marks it)."""
    if ruw.startswith("\f"):
        return True
    return ruw.startswith(" ") and not ruw.startswith("  ") and bool(ruw.strip())


def pdf_stukken(tekst: str) -> list[Stuk]:
    """Every non-blank line as a piece, without page footers."""
    stukken: list[Stuk] = []
    witregel = True
    na_voettekst = False
    # Lines are counted at "\n" as editors count them: str.splitlines also breaks at form
    # feeds (a PDF-to-text tool's page break) and other separators, and line numbers in
    # error messages would drift by one per page.
    for nr, ruw in enumerate(tekst.split("\n"), start=1):
        regel = normaliseer_witruimte(ruw)
        if not regel:
            witregel = witregel or not na_voettekst
            continue
        if is_voettekst(regel):
            # The blank lines before and after a footer are page layout, not paragraph breaks.
            witregel, na_voettekst = False, True
            continue
        inhoud, is_item = zonder_bullet(regel)
        stukken.append(Stuk(
            tekst=inhoud,
            regel=nr,
            soort="item" if is_item else "tekst",
            witregel_voor=witregel,
            pagina_begin=na_voettekst or is_pagina_begin(ruw),
        ))
        witregel, na_voettekst = False, False
    return stukken
