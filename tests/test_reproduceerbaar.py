"""Reproducible builds: two builds of the same input (with the same SOURCE_DATE_EPOCH, which
`make site` takes from the last commit) give byte-identical site trees."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from conftest import MKDOCS, OMGEVING, REPO

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("echte_site")]

# Pagefind 1.5 writes its filter index from a Rust HashMap, in an order that differs per run
# (the values of our `soort` filter); the filter file's name is a hash of its content, the
# language meta file names the filter file, and pagefind-entry.json names the meta file.
# Search results are the same, the bytes are not (Pagefind/pagefind#638: "other files will still
# change, such as the filter/metadata indexes"). No setting or seed fixes the order.
PAGEFIND_NIET_REPRODUCEERBAAR = (
    "pagefind/filter/*.pf_filter",
    "pagefind/pagefind.*.pf_meta",
    "pagefind/pagefind-entry.json",
)


def _boom(site: Path) -> dict[str, str]:
    """Every file of a site by relative path, with the SHA-256 of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _bekend(pad: str) -> bool:
    return any(Path(pad).match(patroon) for patroon in PAGEFIND_NIET_REPRODUCEERBAAR)


def test_twee_builds_zijn_byte_voor_byte_gelijk(echte_site: Path, tmp_path: Path) -> None:
    # A second build elsewhere: no absolute path or build time may end up in the output.
    tweede = tmp_path / "ergens" / "anders"
    subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(tweede)],
        capture_output=True, text=True, env=OMGEVING, cwd=REPO, check=True,
    )
    een, twee = _boom(echte_site), _boom(tweede)
    assert len(een) > 100
    assert sorted(p for p in een if not _bekend(p)) == sorted(p for p in twee if not _bekend(p))
    verschillend = sorted(p for p in een if p in twee and een[p] != twee[p])
    assert [p for p in verschillend if not _bekend(p)] == []
    # The compressed sitemap is among the identical files: its gzip header holds a time.
    assert een["sitemap.xml.gz"] == twee["sitemap.xml.gz"]
    # Pagefind's files other than those named above (fragments, index chunks) are identical.
    assert sum(p.startswith("pagefind/") and not _bekend(p) for p in een) > 50
