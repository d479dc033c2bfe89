"""``dossier-import``: turn source files into dossier folders in ``dossier-data/``.

Flow: read every source (size limit, checksum, form detection) → hand the sources to the
importer for their form (sources of one dossier, such as a whole dossier and its profile
extract, are imported together) → print each import report → write each dossier folder
atomically → validate the output folder with the same checks as the site build. Nothing is
written unless every source imported.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossierimport.bronnen import Bronbestand, Vorm, lees_bron
from dossierimport.fouten import ImportFout
from dossierimport.rapport import Rapport
from dossierimport.schrijven import dossier_bestanden, schrijf_map
from kwalificatiedossiers.laden import COMPETENTIES_BESTAND, laad_corpus
from kwalificatiedossiers.problemen import DataFout


@dataclass
class Resultaat:
    """One imported dossier and its report."""

    dossier: Any
    """The dossier model (any format); it has ``id`` and ``formaat``."""
    rapport: Rapport


Importeur = Callable[[list[Bronbestand], Path], list[Resultaat]]
"""An importer gets all sources of its forms and the output folder (to find existing data)."""

IMPORTEURS: dict[str, tuple[frozenset[Vorm], str]] = {
    "tekst": (frozenset({"pdf", "pdf-tekst", "markdown"}), "dossierimport.tekst:importeer"),
    "sbb-xml": (frozenset({"sbb-xml"}), "dossierimport.sbbxml:importeer"),
    "competentiegericht": (
        frozenset({"markdown-html"}), "dossierimport.competentiegericht:importeer"
    ),
}
"""Importer family → the forms it reads and where its entry point lives."""


def _importeur(verwijzing: str) -> Importeur:
    module, functie = verwijzing.split(":")
    importeur: Importeur = getattr(importlib.import_module(module), functie)
    return importeur


def importeer(bronpaden: list[Path], uit: Path) -> list[Resultaat]:
    """Import sources into memory (nothing is written); raise :class:`ImportFout`."""
    bronnen = [lees_bron(pad) for pad in bronpaden]
    resultaten: list[Resultaat] = []
    for _familie, (vormen, verwijzing) in IMPORTEURS.items():
        groep = [b for b in bronnen if b.vorm in vormen]
        if groep:
            resultaten.extend(_importeur(verwijzing)(groep, uit))
    ids = [r.dossier.id for r in resultaten]
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    if dubbel:
        raise ImportFout(", ".join(b.naam for b in bronnen), None,
                         f"meer dan één import levert dossier {', '.join(dubbel)} op")
    return resultaten


def schrijf(resultaten: list[Resultaat], uit: Path) -> list[Path]:
    """Write every imported dossier into its folder below ``uit``."""
    mappen = []
    for resultaat in resultaten:
        doel = uit / resultaat.dossier.id
        schrijf_map(doel, dossier_bestanden(resultaat.dossier))
        mappen.append(doel)
    return mappen


def main(argv: list[str] | None = None) -> int:
    """Run the importer."""
    parser = argparse.ArgumentParser(prog="dossier-import", description=__doc__)
    parser.add_argument("bronnen", nargs="+", type=Path, help="bronbestand(en)")
    parser.add_argument("--out", type=Path, default=Path("dossier-data"),
                        help="de map met dossierdata (standaard: dossier-data)")
    args = parser.parse_args(argv)
    try:
        resultaten = importeer(args.bronnen, args.out)
    except ImportFout as exc:
        print(f"importfout: {exc}", file=sys.stderr)
        return 2
    for resultaat in resultaten:
        print(resultaat.rapport.als_tekst())
    for map_ in schrijf(resultaten, args.out):
        print(f"geschreven: {map_}")
    if (args.out / COMPETENTIES_BESTAND).exists():
        try:
            laad_corpus(args.out)
        except DataFout as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"gecontroleerd: {args.out} is geldig")
    return 0


if __name__ == "__main__":
    sys.exit(main())
