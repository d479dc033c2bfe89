"""One page of every page type of the real site: what the quality gates (axe, vnu) look at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

NPM = Path(__file__).resolve().parent / "npm" / "node_modules"
AXE = NPM / "axe-core" / "axe.min.js"
ERNSTIG = {"serious", "critical"}


def ernstige_overtredingen(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the current page; the violations of impact serious or critical."""
    page.add_script_tag(path=str(AXE))
    resultaat: dict[str, Any] = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']})"
    )
    return [v for v in resultaat["violations"] if v["impact"] in ERNSTIG]

PAGINATYPEN = {
    "home": "",
    "dossier": "commercie/",
    "profiel": "commercie/p4/",
    "kerntaak": "commercie/p4-k1/",
    "werkproces": "commercie/p4-k1-w2/",
    "competentie": "competenties/j/",
    "competenties": "competenties/",
    "matrix": "commercie/matrix/",
    "vergelijking": "commercie/vergelijk/p1-p4/",
    "vergelijken": "vergelijken/",
    "gids": "gids/studenten/",
    "404": "404.html",
    "bron": "commercie/bron/",
    "opleidingen": "opleidingen/",
    "opleidingen per domein": "opleidingen/domein-economie-en-administratie/",
    # The competentiegericht (2009) dossier has its own page builders for the same types.
    "dossier 2009": "commercieel-medewerker-2009/",
    "uitstroom": "commercieel-medewerker-2009/u1/",
    "kerntaak 2009": "commercieel-medewerker-2009/k1/",
    "werkproces 2009": "commercieel-medewerker-2009/1-1/",
    "matrix 2009": "commercieel-medewerker-2009/matrix/",
    "vergelijking 2009": "commercieel-medewerker-2009/vergelijk/u1-u2/",
}
"""Page type → path in the site, chosen by hand: the pages people land on most."""

_SOORT = re.compile(r'data-kd-soort="([^"]+)"')


def paginas_per_soort(site: Path) -> dict[str, str]:
    """The fixed pages plus, for each entity type the site has (the ``soort`` filter the
    templates give search) and the list above lacks, its first page: a page type that arrives
    later (e.g. the 2009 dossiers' uitstromen) is checked without editing this module."""
    paginas = dict(PAGINATYPEN)
    for pad in sorted(site.rglob("index.html")):
        gevonden = _SOORT.search(pad.read_text("utf-8"))
        if gevonden and gevonden.group(1) not in paginas:
            paginas[gevonden.group(1)] = pad.parent.relative_to(site).as_posix() + "/"
    return paginas
