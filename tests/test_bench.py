"""`make bench` keeps working: the benchmark at a tiny size (the real sizes are not a test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.bench, pytest.mark.xdist_group("bench")]


def test_bench_op_kleine_schaal(tmp_path: Path) -> None:
    uit = tmp_path / "bench.json"
    proces = subprocess.run(
        [sys.executable, "-m", "dossierbench", "--sizes", "200", "--voorbeeld-bij", "200",
         "--json", str(uit)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert proces.returncode == 0, proces.stderr[-3000:]
    assert "ons/basis" in proces.stdout
    resultaten = json.loads(uit.read_text("utf-8"))
    assert resultaten["woordverschil_s"] > 0
    assert "woordverschil van twee herhalende teksten van 4.000 woorden" in proces.stdout
    rij = resultaten["rijen"][0]
    assert rij["paginas"] >= 200
    assert 0 < rij["eigen_code_aandeel"] < 1
    assert rij["mediaan_werkproces_kb"] <= 25
    assert 0 < rij["eerste_zoekopdracht_kb"] <= 30
    assert 0 < rij["toets_max_kb"] <= 10
    assert 0 <= rij["toets_mediaan_kb"] <= rij["toets_max_kb"]
    assert rij["resultaten_ms"] > 0
    assert 0 < rij["zoekindex_aandeel"] < 1
    assert rij["baseline_wand_s"] > 0
    assert rij["verhouding"] > 0
    assert 0 < rij["eerste_laadbeurt_kb"] <= 150
    assert rij["voorbeeld_s"] > 0


def test_zoekindex_bijwerken_op_kleine_schaal() -> None:
    # The measurement of the index in `mkdocs serve` runs, and what it updates equals a fresh
    # index of the same pages (its figures are read at national size, not here).
    proces = subprocess.run(
        [sys.executable, "-m", "dossierbench.zoekbijwerken", "--paginas", "200"],
        capture_output=True, text=True, check=False, timeout=600,
    )
    assert proces.returncode == 0, proces.stderr[-3000:]
    regels = proces.stdout.splitlines()
    assert len(regels) == 4
    assert all("gelijk aan een nieuwe index: True" in r for r in regels[1:])
