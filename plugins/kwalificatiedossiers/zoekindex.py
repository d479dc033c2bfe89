"""The search index: Pagefind, run over the built site.

Pagefind indexes the rendered HTML (so it sees exactly what a reader sees), stems Dutch from the
page's ``lang``, keeps codes such as ``P4-K1-W2`` whole, and splits its index into small chunks
a browser fetches on demand — a first search stays light at national scale. Pages opt in
through ``data-pagefind-body`` (set by our templates); matrices and compare pages do not, so
they never crowd out entity pages.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.kwalificatiedossiers")


def bouw_zoekindex(site_map: Path) -> float:
    """Index ``site_map`` into ``site_map/pagefind``; return the seconds it took."""
    begin = time.perf_counter()
    opdracht = [sys.executable, "-m", "pagefind", "--site", str(site_map), "--silent"]
    resultaat = subprocess.run(opdracht, capture_output=True, text=True, check=False)
    if resultaat.returncode != 0:
        raise PluginError(
            "Pagefind kon de zoekindex niet bouwen:\n" + (resultaat.stderr or resultaat.stdout)
        )
    duur = time.perf_counter() - begin
    log.info("zoekindex gebouwd in %.1f s", duur)
    return duur
