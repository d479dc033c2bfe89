"""``dossier-import``: turn source files into dossier folders in ``dossier-data/``.

Flow: read every source (size limit, checksum, form detection) → hand the sources to the
importer for their form (sources of one dossier, such as a whole dossier and its profile
extract, are imported together) → a safe id and clean text for every dossier (``opschonen``) →
print each import report → plan every dossier folder and print what writing it would change,
file by file, hand corrections marked (``plan``) → write (``toepassen``): every folder complete
and the data folder validated with the site's own checks before anything in it changes.

An existing folder that would change is replaced only with ``--vervang`` (the maintainer's own
files in it are kept); without it nothing at all is written. Another edition of a dossier that
is present (another version text or date) is written beside it, as a version of its own in
``<dossier>/versies/<versie>/``; ``--maak-huidig <dossier>/<versie>`` later makes that the
current version, with the same checks.

Exit status: 0 written (or nothing to write), 1 the data folder would become invalid, 2 a
source cannot be imported or a folder cannot be written, 3 existing dossiers would change and
``--vervang`` was not given, 130 interrupted. Whenever it is not 0, nothing was written.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

from dossierimport.bronnen import Bronbestand, Vorm, lees_bron
from dossierimport.fouten import ImportFout
from dossierimport.opschonen import schoon_op
from dossierimport.plan import Dossierplan, PlanFout, maak_plan
from dossierimport.rapport import Resultaat
from dossierimport.toepassen import SchrijfFout, maak_huidig, voer_uit
from kwalificatiedossiers.formaten import dossier_bestanden
from kwalificatiedossiers.laden import COMPETENTIES_BESTAND
from kwalificatiedossiers.problemen import DataFout, toon_bestand
from kwalificatiedossiers.tekens import zichtbaar

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
    resultaten = [schoon_op(r, r.dossier.herkomst.bronnen[0].bestand) for r in resultaten]
    ids = [r.dossier.id for r in resultaten]
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    if dubbel:
        raise ImportFout(", ".join(b.naam for b in bronnen), None,
                         f"meer dan één import levert dossier {', '.join(dubbel)} op")
    return resultaten


def plan(resultaten: list[Resultaat], uit: Path) -> list[Dossierplan]:
    """What writing each imported dossier below ``uit`` would change; raise :class:`PlanFout`."""
    return [maak_plan(r.dossier, dossier_bestanden(r.dossier), uit) for r in resultaten]


def main(argv: list[str] | None = None) -> int:
    """Run the importer."""
    parser = argparse.ArgumentParser(prog="dossier-import", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bronnen", nargs="*", type=Path, help="bronbestand(en)")
    parser.add_argument("--out", type=Path, default=Path("dossier-data"),
                        help="de map met dossierdata (standaard: dossier-data)")
    parser.add_argument("--vervang", action="store_true",
                        help="vervang bestaande dossiermappen die door deze import veranderen "
                             "(eigen bestanden in die mappen blijven staan)")
    parser.add_argument("--maak-huidig", metavar="DOSSIER/VERSIE",
                        help="maak deze versie (een map in <dossier>/versies/) de huidige; de "
                             "huidige wordt een versie naast de andere (zonder bronbestanden)")
    args = parser.parse_args(argv)
    if bool(args.bronnen) == bool(args.maak_huidig):
        parser.error("noem bronbestanden om te importeren, of alleen --maak-huidig")
    try:
        if args.maak_huidig:
            return _maak_huidig(args.out, args.maak_huidig)
        return _importeer_en_schrijf(args.bronnen, args.out, vervang=args.vervang)
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130


def _fout(soort: str, melding: object) -> None:
    print(zichtbaar(f"{soort}: {melding}"), file=sys.stderr)


def _importeer_en_schrijf(bronnen: list[Path], uit: Path, *, vervang: bool) -> int:
    if uit.exists() and not uit.is_dir():
        _fout("importfout", f"{uit}: is geen map; --out noemt de map met dossierdata")
        return 2
    try:
        resultaten = importeer(bronnen, uit)
        for resultaat in resultaten:
            print(zichtbaar(resultaat.rapport.als_tekst()))
        plannen = plan(resultaten, uit)
    except (ImportFout, PlanFout) as exc:
        _fout("importfout", exc)
        return 2
    for dossierplan in plannen:
        print(zichtbaar(dossierplan.als_tekst()))
    bestaand = [toon_bestand(p.doel) for p in plannen if p.vervangt]
    if bestaand and not vervang:
        _fout("niets geschreven", f"{', '.join(bestaand)} bestaat al en zou veranderen (zie het "
              "plan hierboven); draai opnieuw met --vervang om te vervangen. (Een andere "
              "uitgave van een dossier komt vanzelf als versie naast de huidige.)")
        return 3
    try:
        geschreven = voer_uit(plannen, uit)
    except DataFout as exc:
        print(zichtbaar(str(exc)), file=sys.stderr)
        _fout("niets geschreven", f"{uit} zou ongeldig worden")
        return 1
    except SchrijfFout as exc:
        _fout("schrijffout", exc)
        return 2
    if not geschreven:
        print("niets te schrijven: elke dossiermap is al gelijk aan deze import")
    for map_ in geschreven:
        print(zichtbaar(f"geschreven: {map_}"))
    if geschreven and (uit / COMPETENTIES_BESTAND).exists():
        print(zichtbaar(f"gecontroleerd: {uit} is geldig"))
    return 0


def _maak_huidig(uit: Path, versie_id: str) -> int:
    try:
        huidig, oud = maak_huidig(uit, versie_id)
    except DataFout as exc:
        print(zichtbaar(str(exc)), file=sys.stderr)
        _fout("niets veranderd", f"{uit} zou ongeldig worden")
        return 1
    except SchrijfFout as exc:
        _fout("niets veranderd", exc)
        return 2
    print(zichtbaar(f"huidig: {toon_bestand(huidig)} is nu versie '{versie_id}'; de vorige "
                    f"huidige staat in {toon_bestand(oud)}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
