"""Importer for dossier text: the PDF-text and Markdown forms of 2015+ dossiers.

Flow: read every source (:mod:`.lezen`) → group the sources by dossier (the same profielen and
kerntaken in their overviews) → per dossier take the text from the complete source, metadata
from a title page or the existing dossier, and compare the other sources (:mod:`.samenstellen`).
"""

from __future__ import annotations

from pathlib import Path

from dossierimport.bronnen import Bronbestand
from dossierimport.rapport import Resultaat
from dossierimport.tekst.koppeling import zelfde_dossier
from dossierimport.tekst.lezen import Gelezen, lees
from dossierimport.tekst.ocrwoorden import Woordenschat
from dossierimport.tekst.samenstellen import kies_tekstbron, stel_samen


def groepeer(gelezen: list[Gelezen]) -> list[list[Gelezen]]:
    """Sources of one dossier together (the same overview, or the same basisdeel read again:
    an OCR'd extract), in the given order."""
    groepen: list[list[Gelezen]] = []
    for bron in gelezen:
        groep = next((g for g in groepen
                      if g[0].overzicht.kenmerk() == bron.overzicht.kenmerk()
                      or zelfde_dossier(g[0].overzicht.titels, bron.overzicht.titels)), None)
        if groep is None:
            groepen.append([bron])
        else:
            groep.append(bron)
    return groepen


def importeer(bronnen: list[Bronbestand], uit: Path) -> list[Resultaat]:
    """Import dossier text sources; one result per dossier."""
    resultaten = []
    schat = Woordenschat.voor_import(uit, [b.tekst() for b in bronnen], {b.sha256 for b in bronnen})
    for groep in groepeer([lees(bron, schat) for bron in bronnen]):
        tekst = kies_tekstbron(groep)
        dossier, rapport = stel_samen(tekst, [g for g in groep if g is not tekst], uit, schat)
        resultaten.append(Resultaat(dossier, rapport))
    return resultaten
