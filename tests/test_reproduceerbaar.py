"""Reproducible builds: two builds of the same input (with the same SOURCE_DATE_EPOCH, which
`make site` takes from the last commit) give byte-identical site trees."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from conftest import MKDOCS, OMGEVING, REPO

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("echte_site")]


def _boom(site: Path) -> dict[str, str]:
    """Every file of a site by relative path, with the SHA-256 of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_twee_builds_zijn_byte_voor_byte_gelijk(echte_site: Path, tmp_path: Path) -> None:
    # A second build elsewhere: no absolute path or build time may end up in the output.
    tweede = tmp_path / "ergens" / "anders"
    subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(tweede)],
        capture_output=True, text=True, env=OMGEVING, cwd=REPO, check=True,
    )
    een, twee = _boom(echte_site), _boom(tweede)
    assert len(een) > 100
    assert sorted(een) == sorted(twee)
    assert [p for p in een if een[p] != twee[p]] == []
    # Among them the compressed sitemap (its gzip header holds a time) and the search index.
    assert "sitemap.xml.gz" in een
    assert "zoeken/meta.json" in een
    assert [p for p in een if p.startswith("zoeken/t/")]
