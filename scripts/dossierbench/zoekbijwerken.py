"""What the search index costs a rebuild of ``mkdocs serve`` after one edit.

``python -m dossierbench.zoekbijwerken --paginas 5000`` generates a corpus of about that many
pages, indexes every generated page (its HTML as the plugin hands it to the theme) in one
:class:`~kwalificatiedossiers.zoeken.ZoekIndex` and writes the index, as a first build does.
Then, as :mod:`dossierbench.serve` does, it edits the resultaat of one werkproces, replaces
that page in the index and times computing and writing the index again; a second edit adds a
new word to every page of one dossier (a rename that reaches its pages). Each time the
written files are compared with a fresh index of the same pages: they must be the same bytes.

A script and not a test: timings belong in the benchmark, never in the test suite.
"""

from __future__ import annotations

import argparse
import filecmp
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from dossierbench.__main__ import paginas_per_kopie
from dossierbench.corpus import genereer, kopieen_voor
from dossierbench.project import REPO
from dossierbench.serve import MERKTEKEN
from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.paginas import Pagina, alle_paginas
from kwalificatiedossiers.zoeken import ZoekIndex

OUD = "Actuele accountplannen die bij de account en de onderneming passen."
"""The resultaat that :mod:`dossierbench.serve` edits."""


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


def meet(doel_paginas: int, werk: Path) -> list[str]:
    """Run the measurement described above; the lines to print."""
    data = werk / "data"
    genereer(REPO / "dossier-data", data, kopieen_voor(doel_paginas, paginas_per_kopie(
        REPO / "dossier-data")))
    index = Index(laad_corpus(data))
    paginas = {p.url: p for p in map(invoer, alle_paginas(index))}
    serve = werk / "serve"
    zoekindex = ZoekIndex(index)
    begin = time.perf_counter()
    for pagina in paginas.values():
        _voeg_toe(zoekindex, pagina)
    gelezen = time.perf_counter() - begin
    zoekindex.schrijf(serve)
    eerste = time.perf_counter() - begin - gelezen
    regels = [f"{len(paginas)} pagina's: lezen {gelezen:.2f} s, schrijven {eerste:.2f} s"]

    werkproces = paginas["commercie-1/p4-k1-w2/"]
    if OUD not in werkproces.html:
        raise SystemExit(f"meetpunt niet gevonden in {werkproces.src}")
    bewerkt = Invoer(werkproces.src, werkproces.url, werkproces.titel, werkproces.soort,
                     werkproces.html.replace(OUD, f"{OUD[:-1]} {MERKTEKEN}."))
    paginas[bewerkt.url] = bewerkt
    begin = time.perf_counter()
    _voeg_toe(zoekindex, bewerkt)
    geschreven = zoekindex.schrijf(serve)
    duur = time.perf_counter() - begin
    _vers(index, paginas, werk / "vers-1")
    regels.append(f"één werkproces bewerkt: {duur * 1000:.0f} ms, {len(geschreven)} bestanden "
                  f"geschreven; gelijk aan een nieuwe index: {_gelijk(serve, werk / 'vers-1')}")

    # Every page of one dossier gains a word none had (as when a rename reaches its pages).
    dossier = [u for u in paginas if u.startswith("commercie-1/")]
    for url in dossier:
        oud = paginas[url]
        paginas[url] = Invoer(oud.src, url, oud.titel, oud.soort,
                              oud.html.replace("</h1>", " Hernoemd</h1>", 1))
    begin = time.perf_counter()
    for url in dossier:
        _voeg_toe(zoekindex, paginas[url])
    geschreven = zoekindex.schrijf(serve)
    duur = time.perf_counter() - begin
    vers_s = _vers(index, paginas, werk / "vers-2")
    regels.append(f"{len(dossier)} pagina's van één dossier bewerkt: {duur * 1000:.0f} ms, "
                  f"{len(geschreven)} bestanden geschreven; gelijk aan een nieuwe index: "
                  f"{_gelijk(serve, werk / 'vers-2')} (een nieuwe index: {vers_s:.2f} s)")
    return regels


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
