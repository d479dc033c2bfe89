"""Per-page HTML must not grow with the corpus: the nav stays small on every page."""

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


def test_html_per_pagina_groeit_niet_met_het_aantal_dossiers(tmp_path: Path) -> None:
    een = mediaan_werkproces_bytes(bouw_ok(tmp_path / "een", DATA))
    tien_data = tmp_path / "tien-data"
    genereer(DATA, tien_data, 10)
    tien = mediaan_werkproces_bytes(bouw_ok(tmp_path / "tien", tien_data))
    print(f"mediaan werkprocespagina: {een:.0f} B (echte data), {tien:.0f} B (10 kopieën)")
    assert abs(tien - een) / een < 0.05
    assert een <= 25_000
