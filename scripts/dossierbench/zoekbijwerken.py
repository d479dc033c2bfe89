"""What the search index costs a rebuild of ``mkdocs serve`` after one edit.

``python -m dossierbench.zoekbijwerken --paginas 5000`` generates a corpus of about that many
pages, indexes every generated page (its HTML as the plugin hands it to the theme) in one
:class:`~kwalificatiedossiers.zoeken.ZoekIndex` and writes the index, as a first build does.
Then, as :mod:`dossierbench.serve` does, it edits the resultaat of one werkproces, replaces
that page in the index and times computing and writing the index again (the first edit also
counts the words of all pages, which a build does not need), then another werkproces, then
every page of one dossier (a word added to each, as when a rename reaches its pages). Each time
the written files are compared with a fresh index of the same pages: they must be the same
bytes.

A script and not a test: timings belong in the benchmark, never in the test suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import filecmp
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from dossierbench.__main__ import paginas_per_kopie
from dossierbench.corpus import genereer, kopieen_voor
from dossierbench.project import REPO
from dossierbench.serve import OUD, bewerkt
from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.paginas import Pagina, alle_paginas
from kwalificatiedossiers.zoeken import ZoekIndex


@dataclass(frozen=True)
class Invoer:
    """What the plugin hands :meth:`ZoekIndex.voeg_toe` for one page."""

    src: str
    url: str
    titel: str
    soort: str | None
    html: str


def invoer(pagina: Pagina) -> Invoer:
    """One generated page as the plugin indexes it (the theme around it adds no text)."""
    url = urls.url(pagina.src)
    soort = pagina.meta().get("soort")
    return Invoer(pagina.src, url, pagina.titel, str(soort) if soort else None,
                  pagina.html.html)


def _voeg_toe(index: ZoekIndex, pagina: Invoer) -> None:
    index.voeg_toe(pagina.src, pagina.url, pagina.titel, pagina.soort, pagina.html)


def _gelijk(a: Path, b: Path) -> bool:
    namen = {p.relative_to(a) for p in a.rglob("*.json")}
    if namen != {p.relative_to(b) for p in b.rglob("*.json")}:
        return False
    return all(filecmp.cmp(a / n, b / n, shallow=False) for n in namen)


def _vers(index: Index, paginas: dict[str, Invoer], map_: Path) -> float:
    """Write a fresh index of ``paginas`` into ``map_``; the seconds it took."""
    begin = time.perf_counter()
    vers = ZoekIndex(index)
    for pagina in paginas.values():
        _voeg_toe(vers, pagina)
    vers.schrijf(map_)
    return time.perf_counter() - begin


def _bewerk(zoekindex: ZoekIndex, index: Index, paginas: dict[str, Invoer],
            bewerkt: list[Invoer], werk: Path, wat: str) -> str:
    """Replace pages in the living index and write it, timed (wall clock and CPU); compare
    with a fresh index of the same pages. The line to print."""
    paginas.update((p.url, p) for p in bewerkt)
    begin, cpu = time.perf_counter(), time.process_time()
    for pagina in bewerkt:
        _voeg_toe(zoekindex, pagina)
    geschreven = zoekindex.schrijf(werk / "serve")
    duur, cpu = time.perf_counter() - begin, time.process_time() - cpu
    vers = werk / f"vers-{len(list(werk.glob('vers-*')))}"
    vers_s = _vers(index, paginas, vers)
    return (f"{wat}: {duur * 1000:.0f} ms ({cpu * 1000:.0f} ms CPU), {len(geschreven)} "
            f"bestanden geschreven (een nieuwe index: {vers_s:.2f} s); gelijk aan een nieuwe "
            f"index: {_gelijk(werk / 'serve', vers)}")


def _resultaat_bewerkt(pagina: Invoer) -> Invoer:
    """A werkproces with its resultaat edited as :mod:`dossierbench.serve` edits it."""
    if OUD not in pagina.html:
        raise SystemExit(f"meetpunt niet gevonden in {pagina.src}")
    return dataclasses.replace(pagina, html=bewerkt(pagina.html))


def _erbij(pagina: Invoer, voor: str, tekst: str) -> Invoer:
    """A page with ``tekst`` added before the first ``voor`` (a tag)."""
    return dataclasses.replace(pagina, html=pagina.html.replace(voor, tekst + voor, 1))


def meet(doel_paginas: int, werk: Path) -> list[str]:
    """Run the measurement described above; the lines to print."""
    data = werk / "data"
    genereer(REPO / "dossier-data", data, kopieen_voor(doel_paginas, paginas_per_kopie()))
    index = Index(laad_corpus(data))
    paginas = {p.url: p for p in map(invoer, alle_paginas(index))}
    zoekindex = ZoekIndex(index)
    begin = time.perf_counter()
    for pagina in paginas.values():
        _voeg_toe(zoekindex, pagina)
    gelezen = time.perf_counter() - begin
    zoekindex.schrijf(werk / "serve")
    eerste = time.perf_counter() - begin - gelezen
    dossier = [_erbij(p, "</h1>", " Hernoemd") for u, p in paginas.items()
               if u.startswith("commercie-1/")]
    return [
        f"{len(paginas)} pagina's: lezen {gelezen:.2f} s, schrijven {eerste:.2f} s",
        _bewerk(zoekindex, index, paginas, [_resultaat_bewerkt(paginas["commercie-1/p4-k1-w2/"])],
                werk, "eerste bewerking van een werkproces (telt ook de woorden)"),
        _bewerk(zoekindex, index, paginas,
                [_erbij(paginas["commercie-1/p3-k1-w1/"], "</p>", " Nogmaals bewerkt.")],
                werk, "volgende bewerking van een werkproces"),
        # Every page of one dossier gains a word (as when a rename reaches its pages).
        _bewerk(zoekindex, index, paginas, dossier, werk,
                f"alle {len(dossier)} pagina's van een dossier (en zijn oudere versie) bewerkt"),
    ]


def main(argv: list[str] | None = None) -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(prog="dossierbench.zoekbijwerken", description=__doc__)
    parser.add_argument("--paginas", type=int, default=5000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zoekbijwerken-") as werk:
        for regel in meet(args.paginas, Path(werk)):
            print(regel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
