"""Lighthouse (mobile, its default throttling) on the five pages issue 12 names, the real site
served as GitHub Pages serves it (gzip): accessibility, best practices and SEO are 100 on each.

Performance is a timing (and this machine is shared), so its score and metrics are recorded in
the test report's "Metingen" (conftest.py) and not asserted: speed targets belong to the
benchmark. One Chromium and one Lighthouse run per page keep the test to about a minute.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from dossierbench.gzipsite import serveer_gzip

from browser import CHROMIUM, CHROMIUM_ARGS

# A group of its own: the real site's group already fills one worker with browser tests, so
# this minute can run on the other one (which builds the site once more, in seconds).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("lighthouse")]

PAGINAS = {
    "home": "",
    "profiel": "commercie/p4/",
    "werkproces": "commercie/p4-k1-w2/",
    "vergelijking": "commercie/vergelijk/p1-p4/",
    "matrix": "commercie/matrix/",
}
"""The pages the issue measures, by page type."""
LIGHTHOUSE = Path(__file__).resolve().parent / "npm" / "lighthouse.mjs"
VAST = ("accessibility", "best-practices", "seo")
"""The categories that do not depend on timing."""


@contextmanager
def chromium_met_devtools(profiel: Path) -> Iterator[int]:
    """Debian's Chromium, headless, with a DevTools port for Lighthouse; yield the port."""
    proces = subprocess.Popen(
        [CHROMIUM, "--headless=new", *CHROMIUM_ARGS, "--remote-debugging-port=0",
         f"--user-data-dir={profiel}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Chromium writes the port it chose into the profile once it listens.
        poortbestand = profiel / "DevToolsActivePort"
        uiterlijk = time.monotonic() + 60
        while not (poortbestand.exists() and poortbestand.read_text().strip()):
            assert proces.poll() is None, f"Chromium stopte met code {proces.returncode}"
            assert time.monotonic() < uiterlijk, "Chromium opende geen DevTools-poort"
            time.sleep(0.1)
        yield int(poortbestand.read_text().split()[0])
    finally:
        proces.terminate()
        proces.wait(timeout=30)


@pytest.fixture(scope="module")
def rapporten(echte_site: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, dict[str, Any]]:
    """Per page type: Lighthouse's scores, metrics and failed audits (tests/npm/lighthouse.mjs)."""
    with (serveer_gzip(echte_site) as basis,
          chromium_met_devtools(tmp_path_factory.mktemp("chromium")) as poort):
        proces = subprocess.run(
            ["node", str(LIGHTHOUSE), str(poort), *(basis + p for p in PAGINAS.values())],
            capture_output=True, text=True, check=False, timeout=900)
    assert proces.returncode == 0, proces.stderr
    regels = [json.loads(r) for r in proces.stdout.splitlines() if r.startswith("{")]
    return dict(zip(PAGINAS, regels, strict=True))


def test_lighthouse_toegankelijkheid_praktijken_en_seo_100(
    rapporten: dict[str, dict[str, Any]], record_property: Callable[[str, object], None]
) -> None:
    for soort, rapport in rapporten.items():
        metrieken = rapport["metrieken"]
        record_property("meting", (
            f"Lighthouse {soort} ({PAGINAS[soort] or '/'}): "
            + ", ".join(f"{c} {s}" for c, s in rapport["scores"].items())
            + f"; FCP {metrieken['first-contentful-paint']:.0f} ms, "
            f"LCP {metrieken['largest-contentful-paint']:.0f} ms, "
            f"TBT {metrieken['total-blocking-time']:.0f} ms, "
            f"CLS {metrieken['cumulative-layout-shift']:.3f}"))
    assert {s: r["fout"] for s, r in rapporten.items() if r["fout"]} == {}
    onder = {(soort, c): (r["scores"][c], r["gezakt"][c])
             for soort, r in rapporten.items() for c in VAST if r["scores"][c] < 100}
    assert onder == {}
