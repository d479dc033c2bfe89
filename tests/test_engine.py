"""The site builds the same on ProperDocs, the maintained fork of MkDocs 1.6 (see the maintainer
guide): every file byte for byte, but for the differences listed here with their reason."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import OMGEVING, REPO

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("echte_site")]

PROPERDOCS = [sys.executable, "-m", "properdocs"]

VERSCHILLEN = {
    # Material writes the engine's name and version into every page.
    "generator": re.compile(rb'<meta name="generator" content="mkdocs-[^"]*">'),
}
"""What may differ between the engines, and why (each must still occur)."""


def _gelijkgemaakt(inhoud: bytes, gevonden: set[str]) -> bytes:
    for naam, patroon in VERSCHILLEN.items():
        inhoud, aantal = patroon.subn(b"<!--" + naam.encode() + b"-->", inhoud)
        if aantal:
            gevonden.add(naam)
    return inhoud


def test_properdocs_bouwt_dezelfde_site(echte_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "properdocs"
    proces = subprocess.run(
        [*PROPERDOCS, "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=OMGEVING, cwd=REPO, check=False,
    )
    assert proces.returncode == 0, proces.stderr
    mkdocs_bestanden = sorted(p.relative_to(echte_site) for p in echte_site.rglob("*")
                              if p.is_file())
    assert mkdocs_bestanden == sorted(p.relative_to(site) for p in site.rglob("*")
                                      if p.is_file())
    gevonden: set[str] = set()
    anders = [
        pad.as_posix() for pad in mkdocs_bestanden
        if _gelijkgemaakt((echte_site / pad).read_bytes(), gevonden)
        != _gelijkgemaakt((site / pad).read_bytes(), set())
    ]
    assert anders == []
    assert gevonden == set(VERSCHILLEN)
    assert b"ProperDocs" in (site / "index.html").read_bytes()
