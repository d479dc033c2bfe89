"""Joining lines into blocks: paragraphs, list items and headings, as the text reads.

Hard-wrapped lines of a paragraph become one paragraph; a list item takes the lines that
continue it, also after a blank line or a page break when the text shows it goes on
(:func:`~dossierimport.tekst.stukken.is_vervolg`). A line becomes a heading when it is a known
field label, when it stands directly above a list (a vakkennis category), or when it is a short
line directly above a paragraph (a sub-heading in the leeswijzer or the generieke onderdelen).
"""

from __future__ import annotations

import re

from dossierimport.tekst.stukken import Stuk, is_vervolg, voeg_samen

LABELS = frozenset({
    "Leeswijzer", "Overzicht van het kwalificatiedossier", "Basisdeel", "Profieldeel",
    "1. Beroepsspecifieke onderdelen", "2. Generieke onderdelen",
    "Typering van de beroepengroep", "Typering van de beroepsgroep", "Context",
    "Typerende beroepshouding", "Resultaat van de beroepengroep", "Resultaat van de beroepsgroep",
    "Complexiteit", "Verantwoordelijkheid en zelfstandigheid", "Vakkennis en vaardigheden",
    "Omschrijving", "Resultaat", "Gedrag", "Mbo-niveau", "Typering van het beroep",
    "Beroepsvereisten",
})
"""Headings that name a part or a field of the dossier."""

_NUMMERING = re.compile(r"^(\d{1,2}|[a-z])\. ")
_EINDE_ZIN = (".", ":", ";", ",", "!", "?")
_VOLLE_REGEL = 90
"""A line at least this long filled the page width: the paragraph goes on after it."""
_KORTE_KOP = 50


def is_label(stuk: Stuk) -> bool:
    """Whether a piece is a field label (``Omschrijving``) rather than text."""
    return stuk.soort != "item" and stuk.tekst in LABELS


_VOORVOEGSEL = re.compile(r"^\([^)\s]{1,4}\)")
"""A bracketed prefix such as ``(e-)`` in ``(e-)Marketing en communicatie``."""


def _is_korte_kop(stuk: Stuk) -> bool:
    tekst = stuk.tekst
    return (
        len(tekst) <= _KORTE_KOP and _VOORVOEGSEL.sub("", tekst)[:1].isupper()
        and not tekst.endswith(_EINDE_ZIN) and not _NUMMERING.match(tekst)
    )


def _direct(stuk: Stuk) -> bool:
    """Whether a piece follows the one before on the next line, nothing in between."""
    return not (stuk.witregel_voor or stuk.pagina_begin or stuk.vervolg)


def _direct_of_na_pagina(stuk: Stuk) -> bool:
    """Directly below, or at the top of the next page (a category heading can end a page)."""
    return _direct(stuk) or ((stuk.pagina_begin or stuk.vervolg) and not stuk.witregel_voor)


class _Samenvoeger:
    """Walks the pieces once, keeping the block being built."""

    def __init__(self) -> None:
        self.blokken: list[Stuk] = []
        self.huidig: Stuk | None = None
        self.regels_in_huidig = 0
        self.laatste_lengte = 0

    def sluit(self) -> None:
        if self.huidig is not None:
            self.blokken.append(self.huidig)
        self.huidig = None

    def begin(self, stuk: Stuk) -> None:
        self.sluit()
        self.huidig = stuk
        self.regels_in_huidig = 1
        self.laatste_lengte = len(stuk.tekst)

    def plak(self, stuk: Stuk) -> None:
        assert self.huidig is not None
        self.huidig = self.huidig.met(tekst=voeg_samen(self.huidig.tekst, stuk.tekst))
        self.regels_in_huidig += 1
        self.laatste_lengte = len(stuk.tekst)

    def hoort_bij_huidig(self, stuk: Stuk) -> bool:
        """Whether a text line continues the block being built."""
        huidig = self.huidig
        if huidig is None or huidig.soort in ("kop", "tussenkop") or _NUMMERING.match(stuk.tekst):
            return False
        if _direct(stuk):
            return True
        if is_vervolg(huidig.tekst, stuk.tekst):
            return True
        # Across a page break a paragraph goes on when its last line filled the width.
        over_pagina = (stuk.pagina_begin or stuk.vervolg) and not stuk.witregel_voor
        return over_pagina and huidig.soort == "tekst" and self.laatste_lengte >= _VOLLE_REGEL

    def puntkomma_item(self, stuk: Stuk) -> bool:
        """A short line under a lead-in ending in ':' or after an item ending in ';' is an item
        (the leeswijzer's list of generieke onderdelen has no bullets)."""
        huidig = self.huidig
        if huidig is None or not _direct(stuk) or len(stuk.tekst) > 70:
            return False
        if huidig.soort == "tekst":
            return huidig.tekst.endswith(":") and stuk.tekst.endswith((";", "; en", "; of"))
        return huidig.soort == "item" and huidig.tekst.endswith((";", "; en", "; of"))


def voeg_regels_samen(stukken: list[Stuk]) -> list[Stuk]:
    """Join line pieces into block pieces (a block keeps the line where it starts)."""
    werk = _Samenvoeger()
    for index, stuk in enumerate(stukken):
        volgende = stukken[index + 1] if index + 1 < len(stukken) else None
        if stuk.soort in ("kop", "tussenkop") or is_label(stuk):
            werk.sluit()
            werk.blokken.append(stuk if stuk.soort == "kop" and stuk.code else
                                stuk.met(soort="tussenkop"))
            continue
        if stuk.soort == "item":
            werk.begin(stuk)
            continue
        if werk.puntkomma_item(stuk):
            werk.begin(stuk.met(soort="item"))
            continue
        if _wordt_korte_kop(werk, stuk):
            assert werk.huidig is not None
            kop = werk.huidig.met(soort="tussenkop")
            werk.huidig = None
            werk.blokken.append(kop)
            werk.begin(stuk)
            continue
        if werk.hoort_bij_huidig(stuk) and not _kop_na_pagina(stuk, volgende):
            werk.plak(stuk)
            continue
        # A category above its items; OCR may put a blank line between, so a short title
        # above an item is one too.
        if volgende is not None and volgende.soort == "item" and not stuk.tekst.endswith(":") \
                and (_direct_of_na_pagina(volgende) or _is_korte_kop(stuk)):
            werk.sluit()
            werk.blokken.append(stuk.met(soort="tussenkop"))  # a vakkennis category
            continue
        werk.begin(stuk)
    werk.sluit()
    return werk.blokken


def _kop_na_pagina(stuk: Stuk, volgende: Stuk | None) -> bool:
    """A short title at the top of a page, directly above its text, starts a new part (a
    sub-heading), however full the last line of the page before was."""
    return (stuk.pagina_begin or stuk.vervolg) and _is_korte_kop(stuk) and \
        volgende is not None and _direct(volgende) and volgende.soort == "tekst"


def _wordt_korte_kop(werk: _Samenvoeger, stuk: Stuk) -> bool:
    """A one-line paragraph that is a short title directly above more text is a sub-heading."""
    huidig = werk.huidig
    return (
        huidig is not None and huidig.soort == "tekst" and werk.regels_in_huidig == 1
        and (huidig.witregel_voor or huidig.pagina_begin or huidig.vervolg)
        and _direct(stuk) and _is_korte_kop(huidig)
    )
