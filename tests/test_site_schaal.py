"""Per-page HTML must not grow with the corpus: the nav stays small on every page, and no page
lists the whole corpus (competence pages move their werkprocessen to a page per dossier)."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from dossierbench.corpus import genereer

from conftest import DATA, bouw_ok

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("schaal")]

_WERKPROCES = re.compile(r"^[^/]+/[bp]\d+-k\d+-w\d+/index\.html$")


def mediaan_werkproces_bytes(site: Path) -> float:
    groottes = [p.stat().st_size for p in site.rglob("index.html")
                if _WERKPROCES.match(p.relative_to(site).as_posix())]
    assert len(groottes) > 50
    return statistics.median(groottes)


def grootste_paginas(site: Path) -> dict[str, int]:
    """The size of the largest page per first path segment with the dossier copy's number
    taken off (``commercie-7/…`` counts as ``commercie``), and of each competence page."""
    grootste: dict[str, int] = {}
    for pad in site.rglob("index.html"):
        delen = pad.relative_to(site).parts
        soort = "/".join(delen[:2]) if delen[0] == "competenties" else re.sub(
            r"-\d+$", "", delen[0])
        grootste[soort] = max(grootste.get(soort, 0), pad.stat().st_size)
    return grootste


def test_html_per_pagina_groeit_niet_met_het_aantal_dossiers(tmp_path: Path) -> None:
    een_site = bouw_ok(tmp_path / "een", DATA)
    een = mediaan_werkproces_bytes(een_site)
    tien_data = tmp_path / "tien-data"
    genereer(DATA, tien_data, 10, versies=False)
    tien_site = bouw_ok(tmp_path / "tien", tien_data)
    tien = mediaan_werkproces_bytes(tien_site)
    print(f"mediaan werkprocespagina: {een:.0f} B (echte data), {tien:.0f} B (10 kopieën)")
    assert abs(tien - een) / een < 0.05
    assert een <= 25_000
    # The largest page of each kind stays as large as with one copy of the data; a competence
    # page grows up to its budget and then lists dossiers instead of their werkprocessen.
    klein, groot = grootste_paginas(een_site), grootste_paginas(tien_site)
    gegroeid = {soort: (klein[soort], grootte) for soort, grootte in groot.items()
                if soort in klein and not soort.startswith("competenties/")
                and soort != "opleidingen" and grootte > klein[soort] * 1.05 + 2_000}
    assert not gegroeid
    # The browse pages fill up to 25 dossiers a page and then continue on the next page.
    assert groot["opleidingen"] <= 60_000, groot["opleidingen"]
    competenties = {soort: grootte for soort, grootte in groot.items()
                    if soort.startswith("competenties/")}
    assert len(competenties) == 26
    assert max(competenties.values()) <= 50_000, competenties
