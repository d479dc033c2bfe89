"""Differences in wording between two sources of one dossier, field by field, never merged.

The site shows the text of one source; every place where another source of the same dossier
words a field differently becomes an :class:`~kwalificatiedossiers.model.Afwijking`, with the
words as they read in each. Only typographic quote variants (’ and ', “ and ") are not counted
as different words; how many there were is reported.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dossierimport.tekst.lezen import Delen
from dossierimport.tekst.overzicht import Overzicht
from dossierimport.woorden import model_teksten
from kwalificatiedossiers.model import Afwijking, Dossier, Kerntaak, Profiel

_AANHALINGSTEKENS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

Veld = tuple[str, str, Any]
"""(onderdeel, veld, value)."""


@dataclass
class Vergelijking:
    """The differences found, and how many quote-only differences were left out."""

    afwijkingen: list[Afwijking] = field(default_factory=list)
    alleen_aanhalingstekens: int = 0
    ocr_schade: list[Afwijking] = field(default_factory=list)
    """Differences that are probably OCR damage in the other source (not real changes)."""


def _woorden(waarde: Any) -> list[str]:
    return " ".join(model_teksten(waarde)).split()


def _kerntaak_velden(kerntaak: Kerntaak) -> Iterator[Veld]:
    code = kerntaak.code
    yield code, "titel", kerntaak.titel
    yield code, "complexiteit", kerntaak.complexiteit
    yield code, "verantwoordelijkheid", kerntaak.verantwoordelijkheid
    yield code, "vakkennis", kerntaak.vakkennis
    for wp in kerntaak.werkprocessen:
        for veld in ("titel", "omschrijving", "resultaat", "gedrag", "competenties"):
            yield wp.code, veld, getattr(wp, veld)


def _profiel_velden(profiel: Profiel) -> Iterator[Veld]:
    for veld in ("titel", "niveau", "beroepsvereisten", "typering_beroep"):
        yield profiel.code, veld, getattr(profiel, veld)
    for kerntaak in profiel.kerntaken:
        yield from _kerntaak_velden(kerntaak)


def velden(delen: Delen, overzicht: Overzicht) -> dict[tuple[str, str], Any]:
    """Every field a source has, keyed by (onderdeel, veld), in reading order."""
    uit: dict[tuple[str, str], Any] = {("dossier", "leeswijzer"): delen.leeswijzer}
    for code, titel in overzicht.titels.items():
        uit[(code, "titel in het overzicht")] = titel
    for veld, kop in delen.koppen.items():
        uit[("typering_beroepengroep", f"kop van {veld}" if veld else "kop")] = kop
    uit.update(_inhoud(delen.typering, delen.basisdeel, delen.generieke_intro, delen.generieke,
                       delen.profielen))
    return uit


def dossier_velden(dossier: Dossier) -> dict[tuple[str, str], Any]:
    """The same fields, of a dossier already in the output folder."""
    uit: dict[tuple[str, str], Any] = {("dossier", "leeswijzer"): dossier.leeswijzer}
    for kerntaak in dossier.alle_kerntaken():
        uit[(kerntaak.code, "titel in het overzicht")] = kerntaak.titel
        uit.update({(w.code, "titel in het overzicht"): w.titel for w in kerntaak.werkprocessen})
    uit.update({(p.code, "titel in het overzicht"): p.titel for p in dossier.profielen})
    uit.update(_inhoud(dossier.typering_beroepengroep, dossier.basisdeel.kerntaken,
                       dossier.generieke_onderdelen_intro, dossier.generieke_onderdelen,
                       dossier.profielen))
    return uit


def _inhoud(typering: Any, basisdeel: Iterable[Kerntaak], generieke_intro: Any,
            generieke: Iterable[Any], profielen: Iterable[Profiel]
            ) -> dict[tuple[str, str], Any]:
    """The fields of a dossier's body, from the typering on (one reading for both sides of a
    comparison: a key only one side has would not be compared)."""
    uit: dict[tuple[str, str], Any] = {}
    for veld in ("context", "beroepshouding", "resultaat"):
        uit[("typering_beroepengroep", veld)] = getattr(typering, veld)
    for kerntaak in basisdeel:
        uit.update({(c, v): w for c, v, w in _kerntaak_velden(kerntaak)})
    uit[("generieke_onderdelen", "intro")] = generieke_intro
    for onderdeel in generieke:
        uit[("generieke_onderdelen", onderdeel.titel)] = onderdeel.tekst
    for profiel in profielen:
        uit.update({(c, v): w for c, v, w in _profiel_velden(profiel)})
    return uit


def vergelijk(gebruikt: dict[tuple[str, str], Any], andere: dict[tuple[str, str], Any],
              andere_bron: str, is_ocr: Callable[[str, str], bool] | None = None
              ) -> Vergelijking:
    """Compare the fields both sources have, word by word; with ``is_ocr``, a difference it
    calls OCR damage in the other source is kept apart from the real changes."""
    uit = Vergelijking()
    for sleutel, waarde in gebruikt.items():
        if sleutel not in andere:
            continue
        onderdeel, veld = sleutel
        for links, rechts in woordverschillen(_woorden(waarde), _woorden(andere[sleutel])):
            if links.translate(_AANHALINGSTEKENS) == rechts.translate(_AANHALINGSTEKENS):
                uit.alleen_aanhalingstekens += 1
                continue
            afwijking = Afwijking(onderdeel=onderdeel, veld=veld, gebruikt=links, andere=rechts,
                                  andere_bron=andere_bron)
            if is_ocr is not None and is_ocr(links, rechts):
                uit.ocr_schade.append(afwijking)
            else:
                uit.afwijkingen.append(afwijking)
    return uit


def woordverschillen(links: list[str], rechts: list[str]) -> list[tuple[str, str]]:
    """The spans where two word lists differ, as text; an insertion or deletion keeps the word
    before it so that the place can be found."""
    sleutels_l = [w.translate(_AANHALINGSTEKENS) for w in links]
    sleutels_r = [w.translate(_AANHALINGSTEKENS) for w in rechts]
    matcher = difflib.SequenceMatcher(None, sleutels_l, sleutels_r, autojunk=False)
    uit = []
    for soort, i1, i2, j1, j2 in matcher.get_opcodes():
        if soort == "equal":
            uit += [(links[i], rechts[j]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
                    if links[i] != rechts[j]]
            continue
        context = 1 if soort != "replace" and i1 > 0 and j1 > 0 else 0
        uit.append((" ".join(links[i1 - context:i2]), " ".join(rechts[j1 - context:j2])))
    return uit
