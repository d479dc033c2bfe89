"""Importer for SBB's XML export (root ``<sbb>``): every dossier in each file.

Flow: parse safely (:mod:`.boom`) → read the export-wide lookup tables and check the competences
against ``competenties.yaml`` (:mod:`.lijsten`) → map each ``<dossier>`` (:mod:`.dossier`, with
:mod:`.kerntaken` and :mod:`.verantwoording`; texts through :mod:`.opmaak`) → list what was not
read. Nothing is written here: the CLI writes only after every source imported, and any problem
raises :class:`~dossierimport.fouten.ImportFout` before this returns.
"""

from __future__ import annotations

from pathlib import Path

from dossierimport.bronnen import Bronbestand
from dossierimport.fouten import ImportFout
from dossierimport.rapport import Resultaat
from dossierimport.sbbxml.boom import lees_boom, onbekend
from dossierimport.sbbxml.dossier import importeer_dossier
from dossierimport.sbbxml.lijsten import competentienamen, lees_opzoeklijsten


def importeer(bronnen: list[Bronbestand], uit: Path) -> list[Resultaat]:
    """Import every dossier of every export.

    Args:
        bronnen: The SBB XML sources.
        uit: The output data folder; its ``competenties.yaml`` is the shared vocabulary the
            export's competences are checked against.

    Returns:
        One result (dossier and report) per ``<dossier>``, in source order.
    """
    vocabulaire = competentienamen(uit)
    return [r for bron in bronnen for r in _importeer_bron(bron, vocabulaire)]


def _importeer_bron(bron: Bronbestand, vocabulaire: dict[str, str] | None) -> list[Resultaat]:
    wortel = lees_boom(bron)
    if wortel.tag != "sbb":
        raise ImportFout(bron.naam, wortel.regel,
                         f"hoofdelement <{wortel.tag}>; een SBB-export begint met <sbb>")
    wortel.markeer()
    lijsten = lees_opzoeklijsten(wortel, vocabulaire)
    dossiers = wortel.zoek("dossiers")
    elementen = dossiers.kinderen_met("dossier") if dossiers else []
    if not elementen:
        raise ImportFout(bron.naam, wortel.regel, "geen <dossiers>/<dossier> in de export")
    resultaten = [importeer_dossier(bron, lijsten, element) for element in elementen]
    buiten_dossiers = onbekend(wortel, overslaan=frozenset(elementen))
    for resultaat in resultaten:
        resultaat.rapport.onbekend[:0] = buiten_dossiers
        resultaat.rapport.opmerkingen[:0] = lijsten.opmerkingen
    return resultaten
