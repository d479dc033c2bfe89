"""``make bench``: build generated corpora of national size and print what they cost.

For every size: generate a corpus from the real dossiers in a temporary folder, build it with
our plugin (in its own process, for an honest peak RSS), measure the site and a first search in
Chromium, then build the very same generated Markdown with plain MkDocs + Material (no plugin of
ours, the same small nav) as the baseline. One row per size is printed and all figures are
written as JSON, so runs can be compared.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from dossierbench.corpus import genereer, kopieen_voor
from dossierbench.project import REPO, schrijf_bestanden, schrijf_project
from dossierbench.serve import meet_serve
from dossierbench.woordverschilmeting import meet_woordverschil
from dossierbench.zoekmeting import eerste_laadbeurt_bytes, meet_zoeken
from kwalificatiedossiers.export import export_bestanden
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.paginas import Pagina, alle_paginas

HOME = "# Kwalificatiedossiers\n\nBenchmark.\n"
_WERKPROCES = re.compile(r"^[^/]+/[a-z0-9]+-k\d+-w\d+/index\.html$")
STANDAARD_GROOTTES = (1000, 5000, 20000)
VOORBEELD_BIJ = 5000
"""The size at which the preview (``mkdocs serve`` after one edit) is measured by default."""


@dataclass
class Rij:
    """The figures of one size."""

    doel_paginas: int
    kopieen: int
    paginas: int
    wand_s: float
    rss_mb: float
    rss_bouw_mb: float
    rss_kinderen_mb: float
    ms_per_pagina: float
    eigen_code_s: float
    eigen_code_aandeel: float
    mediaan_html_kb: float
    max_html_kb: float
    mediaan_werkproces_kb: float
    site_mb: float
    zoekindex_s: float
    zoekindex_aandeel: float
    eerste_zoekopdracht_kb: float | None
    toets_max_kb: float | None
    toets_mediaan_kb: float | None
    resultaten_ms: float | None
    eerste_laadbeurt_kb: float | None
    """What a werkproces page transfers on a first visit (gzip, empty cache)."""
    voorbeeld_s: float | None
    """Seconds from editing one werkproces in the YAML until ``mkdocs serve`` shows it."""
    baseline_wand_s: float | None
    baseline_rss_mb: float | None
    verhouding: float | None
    verhouding_zonder_zoekindex: float | None


@dataclass
class Bouwmeting:
    """What :mod:`dossierbench.bouw` measured of one build."""

    wand_s: float
    rss_mb: float
    rss_kinderen_mb: float
    eigen_code_s: dict[str, float]
    """Seconds per step of our plugin (empty for the baseline)."""

    @property
    def piek_rss_mb(self) -> float:
        """The larger of the build's own peak RSS and its children's."""
        return max(self.rss_mb, self.rss_kinderen_mb)


def _meet_bouw(config: Path, site: Path) -> Bouwmeting:
    proces = subprocess.run(
        [sys.executable, "-m", "dossierbench.bouw", str(config), str(site)],
        capture_output=True, text=True, check=False,
    )
    if proces.returncode != 0:
        raise SystemExit(f"bouw mislukt ({config}):\n{proces.stderr[-4000:]}")
    return Bouwmeting(**json.loads(proces.stdout.strip().splitlines()[-1]))


def paginas_per_kopie(data: Path | None = None) -> tuple[int, int]:
    """How many pages one copy of the real data adds to a site, and how many pages are there
    once whatever the number of copies (the competence pages, for instance); ``data``: a
    corpus of one copy (by default one generated as the benchmark generates its copies, with
    their versions)."""
    if data is None:
        with tempfile.TemporaryDirectory(prefix="dossierbench-kopie-") as werk:
            genereer(REPO / "dossier-data", Path(werk), 1)
            return paginas_per_kopie(Path(werk))
    corpus = laad_corpus(data)
    ids = {d.id for d in corpus.dossiers}
    paginas = alle_paginas(Index(corpus))
    # A page belongs to a copy when its path names a dossier (``commercie/p4.md``, and the
    # competence pages per dossier: ``competenties/j/commercie.md``).
    per_kopie = sum(not ids.isdisjoint(p.src.removesuffix(".md").split("/")) for p in paginas)
    return per_kopie, len(paginas) - per_kopie + 2  # + home page and 404


def _html_groottes(site: Path) -> tuple[list[int], list[int]]:
    alle, werkprocessen = [], []
    for pad in site.rglob("*.html"):
        relatief = pad.relative_to(site).as_posix()
        if relatief == "404.html":
            continue
        grootte = pad.stat().st_size
        if grootte < 2000:  # crebo short links are tiny redirect pages, not pages
            continue
        alle.append(grootte)
        if _WERKPROCES.match(relatief):
            werkprocessen.append(grootte)
    return alle, werkprocessen


def _map_bytes(map_: Path) -> int:
    return sum(p.stat().st_size for p in map_.rglob("*") if p.is_file())


def als_markdownbestand(pagina: Pagina) -> str:
    """A generated page as a plain Markdown file: its metadata as front matter and its HTML as
    the body (raw HTML is Markdown too), so that plain MkDocs builds the very same page."""
    voorwerk = yaml.safe_dump(pagina.meta(), allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{voorwerk}---\n\n{pagina.html.html}\n"


def baseline_docs(data: Path, docs: Path) -> None:
    """Write the very pages our plugin generates, as plain files, for the baseline build."""
    index = Index(laad_corpus(data))
    schrijf_bestanden(docs, ((p.src, als_markdownbestand(p)) for p in alle_paginas(index)))
    schrijf_bestanden(docs, ((bestand.src, bestand.inhoud) for bestand in export_bestanden(index)))


def meet(doel: int, werkmap: Path, *, baseline: bool, zoeken: bool, voorbeeld: bool,
         per_kopie: tuple[int, int]) -> Rij:
    """Generate, build and measure one size."""
    kopieen = kopieen_voor(doel, per_kopie)
    data = werkmap / "data"
    genereer(REPO / "dossier-data", data, kopieen)

    config = schrijf_project(werkmap / "ons", data, {"index.md": HOME})
    site = werkmap / "ons" / "site"
    meting = _meet_bouw(config, site)
    duur = meting.eigen_code_s
    alle, werkprocessen = _html_groottes(site)
    wand = meting.wand_s
    zoekindex = duur.get("zoekindex", 0.0)
    eigen = sum(v for k, v in duur.items() if k != "zoekindex")
    zoekmeting = meet_zoeken(site) if zoeken else None
    werkproces = next(p for p in sorted(site.glob("commercie-*/p4-k1-w2/index.html")))
    laadbeurt = eerste_laadbeurt_bytes(
        site, werkproces.parent.relative_to(site).as_posix() + "/")["bytes"] / 1024
    site_bytes = _map_bytes(site)
    shutil.rmtree(site)

    basis_wand = basis_rss = None
    if baseline:
        docs = werkmap / "basis" / "docs"
        baseline_docs(data, docs)
        basis_config = schrijf_project(werkmap / "basis", data, {"index.md": HOME},
                                       met_plugin=False)
        basis = _meet_bouw(basis_config, werkmap / "basis" / "site")
        basis_wand, basis_rss = basis.wand_s, basis.piek_rss_mb
        shutil.rmtree(werkmap / "basis")
    shutil.rmtree(data)
    voorbeeld_s = meet_serve(doel, per_kopie)["herbouw_na_bewerking_s"] if voorbeeld else None
    return Rij(
        doel_paginas=doel,
        kopieen=kopieen,
        paginas=len(alle),
        wand_s=round(wand, 1),
        rss_mb=round(meting.piek_rss_mb, 0),
        rss_bouw_mb=round(meting.rss_mb, 0),
        rss_kinderen_mb=round(meting.rss_kinderen_mb, 0),
        ms_per_pagina=round(1000 * wand / len(alle), 2),
        eigen_code_s=round(eigen, 1),
        eigen_code_aandeel=round(eigen / wand, 3),
        mediaan_html_kb=round(statistics.median(alle) / 1024, 1),
        max_html_kb=round(max(alle) / 1024, 1),
        mediaan_werkproces_kb=round(statistics.median(werkprocessen) / 1024, 1),
        site_mb=round(site_bytes / 1024 / 1024, 1),
        zoekindex_s=round(zoekindex, 1),
        zoekindex_aandeel=round(zoekindex / wand, 3),
        eerste_zoekopdracht_kb=zoekmeting.eerste_kb if zoekmeting else None,
        toets_max_kb=zoekmeting.toets_max_kb if zoekmeting else None,
        toets_mediaan_kb=zoekmeting.toets_mediaan_kb if zoekmeting else None,
        resultaten_ms=zoekmeting.resultaten_ms if zoekmeting else None,
        eerste_laadbeurt_kb=round(laadbeurt, 1),
        voorbeeld_s=voorbeeld_s,
        baseline_wand_s=round(basis_wand, 1) if basis_wand else None,
        baseline_rss_mb=round(basis_rss, 0) if basis_rss else None,
        verhouding=round(wand / basis_wand, 2) if basis_wand else None,
        verhouding_zonder_zoekindex=round((wand - zoekindex) / basis_wand, 2)
        if basis_wand else None,
    )


KOLOMMEN = [
    ("paginas", "pagina's"), ("wand_s", "s"), ("rss_mb", "RSS MB"),
    ("ms_per_pagina", "ms/pag"), ("eigen_code_aandeel", "eigen"),
    ("mediaan_html_kb", "med KB"), ("max_html_kb", "max KB"),
    ("mediaan_werkproces_kb", "wp KB"), ("site_mb", "site MB"), ("zoekindex_s", "index s"),
    ("zoekindex_aandeel", "index/s"), ("eerste_zoekopdracht_kb", "zoek KB"),
    ("toets_max_kb", "toets KB"), ("resultaten_ms", "zoek ms"),
    ("eerste_laadbeurt_kb", "laad KB"), ("voorbeeld_s", "voorb s"),
    ("baseline_wand_s", "basis s"), ("verhouding", "ons/basis"),
]


def druk_af(rij: Rij, kop: bool) -> None:
    """Print one row (and the header before the first)."""
    waarden = asdict(rij)
    if kop:
        print("  ".join(f"{titel:>9}" for _, titel in KOLOMMEN))
    print("  ".join(f"{'-' if waarden[k] is None else waarden[k]:>9}" for k, _ in KOLOMMEN),
          flush=True)


def doelen(rijen: list[Rij]) -> list[str]:
    """The targets of the scale issue, checked against the largest and smallest size."""
    groot, klein = rijen[-1], rijen[0]
    regels = [
        f"peak RSS {groot.rss_mb:.0f} MB (doel <= 1024)",
        f"grootste pagina {groot.max_html_kb} KB (doel <= 100)",
        f"eerste laadbeurt werkprocespagina {groot.eerste_laadbeurt_kb} KB (doel <= 150)",
        (f"ms per pagina {groot.ms_per_pagina} bij {groot.paginas} tegen {klein.ms_per_pagina} "
        f"bij {klein.paginas}: x{groot.ms_per_pagina / klein.ms_per_pagina:.2f} (doel <= 1.3)"),
        (f"mediaan werkprocespagina {groot.mediaan_werkproces_kb} KB (doel <= 25, gelijk bij "
        f"elke grootte: {sorted({r.mediaan_werkproces_kb for r in rijen})})"),
        f"site {groot.site_mb} MB (doel <= 600)",
    ]
    if groot.verhouding is not None:
        regels.append(f"bouwtijd ons/basis {groot.verhouding} (doel <= 0.75)")
    regels += [f"voorbeeld na een bewerking bij {r.paginas} pagina's: {r.voorbeeld_s} s "
               "(doel <= 3)" for r in rijen if r.voorbeeld_s is not None]
    regels.append(f"zoekindex {groot.zoekindex_aandeel:.1%} van de bouwtijd (doel <= 10%)")
    if groot.eerste_zoekopdracht_kb is not None:
        regels += [
            f"eerste zoekopdracht {groot.eerste_zoekopdracht_kb} KB gzip (doel <= 30)",
            (f"per toetsaanslag max {groot.toets_max_kb} KB, mediaan {groot.toets_mediaan_kb} "
             f"KB (doel <= 10)"),
            (f"resultaten {groot.resultaten_ms} ms na de laatste toets, index geladen "
             f"(doel <= 100)"),
        ]
    return regels


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(prog="dossierbench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(STANDAARD_GROOTTES),
                        help="aantallen pagina's (standaard: 1000 5000 20000)")
    parser.add_argument("--json", type=Path, default=None,
                        help="waar de resultaten als JSON komen (standaard: tijdelijke map)")
    parser.add_argument("--geen-baseline", action="store_true", help="sla de baseline over")
    parser.add_argument("--geen-zoekmeting", action="store_true",
                        help="meet de eerste zoekopdracht niet")
    parser.add_argument("--voorbeeld-bij", type=int, default=VOORBEELD_BIJ, metavar="PAGINAS",
                        help="bij welke grootte 'mkdocs serve' na een bewerking gemeten wordt "
                        f"(standaard {VOORBEELD_BIJ}; 0: nooit)")
    parser.add_argument("--serve", type=int, metavar="PAGINAS",
                        help="meet alleen 'mkdocs serve': herbouwtijd na het bewerken van één "
                        "werkproces bij zoveel pagina's")
    args = parser.parse_args(argv)

    per_kopie = paginas_per_kopie()
    if args.serve:
        print(f"mkdocs serve, ~{args.serve} pagina's: {meet_serve(args.serve, per_kopie)}")
        return 0
    woordverschil_s = meet_woordverschil()
    print(f"woordverschil van twee herhalende teksten van 4.000 woorden: {woordverschil_s} s "
          "(doel < 1)")
    print(f"corpus: kopieën van dossier-data, elk dossier met een oudere versie "
          f"({per_kopie[0]} pagina's per kopie, {per_kopie[1]} vaste)", flush=True)
    rijen: list[Rij] = []
    begin = time.strftime("%Y-%m-%dT%H:%M:%S")
    for i, doel in enumerate(sorted(args.sizes)):
        with tempfile.TemporaryDirectory(prefix="dossierbench-") as werk:
            rij = meet(doel, Path(werk), baseline=not args.geen_baseline,
                       zoeken=not args.geen_zoekmeting, voorbeeld=doel == args.voorbeeld_bij,
                       per_kopie=per_kopie)
        rijen.append(rij)
        druk_af(rij, i == 0)
    for regel in doelen(rijen):
        print(f"  {regel}")
    uit = args.json or Path(tempfile.gettempdir()) / "dossierbench-resultaten.json"
    uit.write_text(json.dumps({"gestart": begin, "woordverschil_s": woordverschil_s,
                               "rijen": [asdict(r) for r in rijen]}, indent=2) + "\n", "utf-8")
    print(f"resultaten: {uit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
