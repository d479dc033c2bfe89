"""Command line: ``dossier-check`` validates the data, ``dossier-check --schema`` regenerates
the JSON Schemas.

Exit status 0 when everything is valid, 1 when there are problems (each printed on its own line
as ``file:line:column: path: message``). Notes that are not problems (a hidden folder skipped)
go to standard output. Everything echoed is escaped so that it cannot act on the terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.problemen import DataFout
from kwalificatiedossiers.schema import schrijf_schemas, verouderde_schemas
from kwalificatiedossiers.tekens import zichtbaar


def main(argv: list[str] | None = None) -> int:
    """Run the checker."""
    parser = argparse.ArgumentParser(prog="dossier-check", description=__doc__)
    parser.add_argument("data_map", nargs="?", default="dossier-data", type=Path,
                        help="de map met dossierdata (standaard: dossier-data)")
    parser.add_argument("--schema", action="store_true",
                        help="schrijf de JSON Schemas opnieuw vanuit het model")
    args = parser.parse_args(argv)
    if args.schema:
        for pad in schrijf_schemas(args.data_map):
            print(f"bijgewerkt: {pad}")
    fouten = 0
    heeft_schemas = (args.data_map / "schema").is_dir()
    for naam in verouderde_schemas(args.data_map) if heeft_schemas else []:
        print(f"{args.data_map}/schema/{naam}: verouderd; draai 'dossier-check --schema'")
        fouten += 1
    try:
        corpus = laad_corpus(args.data_map)
    except DataFout as exc:
        for melding in exc.meldingen:
            print(zichtbaar(melding))
        print(exc, file=sys.stderr)
        return 1
    for melding in corpus.meldingen:
        print(zichtbaar(melding))
    if fouten:
        return 1
    werkprocessen = sum(d.aantal_werkprocessen() for d in corpus.dossiers)
    print(f"in orde: {len(corpus.dossiers)} dossiers, {werkprocessen} werkprocessen, "
          f"{len(corpus.competenties)} competenties")
    return 0


if __name__ == "__main__":
    sys.exit(main())
