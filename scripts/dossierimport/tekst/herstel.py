"""Repairs of OCR damage in the layout of a source: bullets, footers and field labels.

Scans that went through OCR lose what a PDF-to-text tool keeps: the space after a bullet
(``-kan …``), the bullet glyph itself (read as ``.``, ``]``, ``«``, ``e`` or ``o``), the spaces
of a footer (``12van25``), letters of a label (``Omschrijvlng``). Each repair here rests on
evidence in the text itself and becomes a :class:`Melding` with its source line; nothing is
changed silently. What is only likely is not changed but listed for the maintainer.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from dossierimport.tekst.alineas import LABELS
from dossierimport.tekst.stukken import Stuk, codekop

_GLYPH_ALS_BULLET = re.compile(
    r"^(?P<glyph>[eo]|[.\]\[«»*+°©®¢>|•·▪§\-–—~_]{1,3})[\s_]+(?P<rest>[a-zà-ÿ].*)$")
"""A line that starts with what OCR makes of a bullet (a lone ``e`` or ``o``, or a few glyphs
such as ``-__`` where the gap after the dash became underscores), then a lower-case word."""
_BULLET_ZONDER_SPATIE = re.compile(r"^(?P<glyph>[-–—•·▪§])(?P<rest>[a-zà-ÿ][a-zà-ÿ]+\b.*)$")
_VOETTEKST_OCR = re.compile(r"^\W{0,3}(?P<n>[0-9lIO]{1,3})\s*van\s*(?P<m>[0-9lIO]{1,3})\W{0,3}$")
_VOETTEKST_IN_REGEL = re.compile(
    r"(?:^|\s)(?P<voet>(?P<n>\d{1,3})\s?van\s?(?P<m>\d{1,3}))(?=\s|$)")
_INHOUDSOPGAVE = re.compile(r"\.\.|\d\s*$")
"""A line of the table of contents (dots, a page number) is not a label."""
_LIJST_EINDE = (";", ":", ".", "; en", "; of")
_LABEL_GELIJKENIS = 0.8


@dataclass(frozen=True)
class Melding:
    """A repair the importer made, or something it leaves to the maintainer."""

    regel: int
    tekst: str
    zeker: bool = True
    """True: repaired on certain evidence; False: not changed, to check by hand."""


def _getal(tekst: str) -> int:
    return int(tekst.translate(str.maketrans("lIO", "110")))


def _bladzijden(stukken: list[Stuk]) -> int | None:
    """The page count the footers agree on (``n van m``), if at least two footers say it."""
    tellingen: Counter[int] = Counter()
    for stuk in stukken:
        for treffer in _VOETTEKST_IN_REGEL.finditer(stuk.tekst):
            tellingen[int(treffer["m"])] += 1
        if (los := _VOETTEKST_OCR.match(stuk.tekst)) is not None:
            tellingen[_getal(los["m"])] += 1
    gewoon = tellingen.most_common(1)
    return gewoon[0][0] if gewoon and gewoon[0][1] >= 2 else None


_HERHAALD = 3
"""A word that opens this many lines after a bullet-like glyph opens list items."""


def _opener_woorden(stukken: list[Stuk]) -> set[str]:
    """The first words of list items (``kan``, ``heeft``, ``gaat``...): of the source's intact
    items, and those that open several lines after a glyph (a scan may have no intact item)."""
    intact = {s.tekst.split()[0] for s in stukken if s.soort == "item" and s.tekst.split()}
    na_glyph = Counter(
        t["rest"].split()[0] for s in stukken if s.soort == "tekst"
        for t in [_GLYPH_ALS_BULLET.match(s.tekst) or _BULLET_ZONDER_SPATIE.match(s.tekst)] if t)
    return intact | {w for w, n in na_glyph.items() if n >= _HERHAALD}


class _Herstel:
    def __init__(self, stukken: list[Stuk]) -> None:
        self.stukken = stukken
        self.meldingen: list[Melding] = []
        self.bladzijden = _bladzijden(stukken)
        self.openers = _opener_woorden(stukken)

    def meld(self, regel: int, tekst: str, *, zeker: bool = True) -> None:
        self.meldingen.append(Melding(regel, tekst, zeker))

    def voettekst(self, stuk: Stuk) -> bool:
        """A footer the OCR damaged (``12van25``, ``l2 van 25``): dropped, and said."""
        los = _VOETTEKST_OCR.match(stuk.tekst)
        if los is None or self.bladzijden is None or _getal(los["m"]) != self.bladzijden:
            return False
        if stuk.tekst != f"{_getal(los['n'])} van {self.bladzijden}":
            self.meld(stuk.regel, f"voettekst {stuk.tekst!r} herkend en weggelaten")
        return True

    def voettekst_in_regel(self, stuk: Stuk) -> Stuk:
        """A footer glued into a line of text (the OCR joined two lines): cut out, and said."""
        if self.bladzijden is None:
            return stuk
        tekst = stuk.tekst
        for treffer in reversed(list(_VOETTEKST_IN_REGEL.finditer(tekst))):
            if int(treffer["m"]) != self.bladzijden or not 0 < int(treffer["n"]) <= \
                    self.bladzijden or treffer["voet"] == tekst:
                continue
            tekst = (tekst[:treffer.start("voet")] + tekst[treffer.end("voet"):]).strip()
            tekst = " ".join(tekst.split())
            self.meld(stuk.regel, f"voettekst {treffer['voet']!r} uit de tekst gehaald: "
                      f"{stuk.tekst!r} wordt {tekst!r}")
        return stuk.met(tekst=tekst) if tekst != stuk.tekst else stuk

    def bullet(self, stuk: Stuk, vorige: Stuk | None, volgende: Stuk | None) -> Stuk:
        """A list item whose bullet the OCR misread or glued to the word."""
        if stuk.soort != "tekst":
            return stuk
        treffer = _BULLET_ZONDER_SPATIE.match(stuk.tekst)
        soort = "zonder spatie"
        if treffer is None:
            treffer = _GLYPH_ALS_BULLET.match(stuk.tekst)
            soort = "als teken gelezen"
        if treffer is None:
            return stuk
        rest = treffer["rest"]
        eerste = rest.split()[0].rstrip(",;:.")
        # A continuation such as "-potentieel en -aandeel" follows a line that goes on (a comma);
        # an item follows a lead-in, another item or a finished sentence.
        in_lijst = vorige is not None and (
            vorige.soort == "item" or vorige.tekst.endswith(_LIJST_EINDE)
            or (volgende is not None and volgende.soort == "item"))
        if not (eerste in self.openers or in_lijst) or (
                vorige is not None and vorige.tekst.endswith((",", "-"))):
            return stuk
        self.meld(stuk.regel, f"opsommingsteken {soort}: {stuk.tekst[:40]!r} gelezen als "
                  f"lijstitem {rest[:34]!r}")
        return stuk.met(tekst=rest, soort="item")

    def label(self, stuk: Stuk) -> Stuk:
        """A field label with OCR damage (``Omschrijvlng``) read as the label it is."""
        if stuk.soort == "item" or stuk.tekst in LABELS or len(stuk.tekst) > 60 \
                or _INHOUDSOPGAVE.search(stuk.tekst):
            return stuk
        kandidaten = difflib.get_close_matches(stuk.tekst, LABELS, n=2, cutoff=_LABEL_GELIJKENIS)
        if not kandidaten:
            return stuk
        beste = kandidaten[0]
        eenduidig = len(kandidaten) == 1 or difflib.SequenceMatcher(
            None, stuk.tekst, kandidaten[1]).ratio() < difflib.SequenceMatcher(
            None, stuk.tekst, beste).ratio()
        if not eenduidig or stuk.tekst.lower() == beste.lower().rstrip(":"):
            return stuk
        self.meld(stuk.regel, f"kop {stuk.tekst!r} gelezen als {beste!r}")
        return stuk.met(tekst=beste)


def herstel_opmaak(stukken: list[Stuk]) -> tuple[list[Stuk], list[Melding]]:
    """Repair bullets, footers and labels that OCR damaged; every repair is a Melding."""
    werk = _Herstel(stukken)
    uit: list[Stuk] = []
    na_voettekst = False
    for index, ruw in enumerate(stukken):
        if ruw.soort == "tekst" and werk.voettekst(ruw):
            na_voettekst = True
            continue
        volgende = stukken[index + 1] if index + 1 < len(stukken) else None
        # A running header between two items of one list is not what the item follows.
        vorige = next((s for s in reversed(uit) if not codekop(s.tekst)), None)
        stuk = werk.bullet(werk.label(werk.voettekst_in_regel(ruw)), vorige, volgende)
        if na_voettekst:
            stuk = stuk.met(pagina_begin=True, witregel_voor=False)
            na_voettekst = False
        uit.append(stuk)
    return uit, werk.meldingen
