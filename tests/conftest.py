"""Shared test helpers: real mkdocs builds of small projects and of the real data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import settings
from playwright.sync_api import Browser, sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, serveer

REPO = Path(__file__).resolve().parents[1]
BRONNEN = REPO / "tests" / "bronnen"
FIXTURES = REPO / "tests" / "fixtures"
DATA = REPO / "dossier-data"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Property-based tests run the same examples on every run: CI must not turn red on an input
# that no one changed. A failure prints the example (and a blob to reproduce it).
settings.register_profile("vast", derandomize=True, database=None, print_blob=True)
settings.load_profile("vast")

OMGEVING = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def mkdocs_config(data_map: Path, docs_map: Path, **extra: object) -> dict[str, object]:
    """The repository's mkdocs.yml, pointed at another data and docs folder."""
    tekst = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # The real file uses !ENV tags; resolve them to their defaults for a test project.
    tekst = tekst.replace("!ENV [SITE_URL, ", "[").replace("!ENV [REPO_URL, ", "[")
    config = yaml.safe_load(tekst)
    config["site_url"] = config["site_url"][0]
    config["repo_url"] = config["repo_url"][0]
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["docs_dir"] = str(docs_map)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "kwalificatiedossiers" in plugin:
            plugin["kwalificatiedossiers"]["data_map"] = str(data_map)
    config.update(extra)
    return config


def bouw(
    project: Path,
    data_map: Path,
    docs: dict[str, str] | None = None,
    *,
    strict: bool = True,
    **extra: object,
) -> subprocess.CompletedProcess[str]:
    """Build a project in ``project`` (site in ``project/site``); return the process."""
    docs_map = project / "docs"
    docs_map.mkdir(parents=True, exist_ok=True)
    for naam, inhoud in (docs or {"index.md": "# Test\n"}).items():
        pad = docs_map / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(inhoud, encoding="utf-8")
    config = mkdocs_config(data_map, docs_map, **extra)
    if "nav" not in extra:
        config.pop("nav", None)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    opdracht = [*MKDOCS, "build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    if strict:
        opdracht.append("--strict")
    return subprocess.run(opdracht, capture_output=True, text=True, env=OMGEVING, check=False)


def bouw_ok(project: Path, data_map: Path, docs: dict[str, str] | None = None, **extra: object
            ) -> Path:
    """Build and assert success; return the site folder."""
    proces = bouw(project, data_map, docs, **extra)
    assert proces.returncode == 0, proces.stderr
    return project / "site"


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A strict build of the small fixture dossier (two profielen)."""
    project = tmp_path_factory.mktemp("mini")
    return bouw_ok(project, FIXTURES / "mini")


@pytest.fixture(scope="session")
def echte_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A strict build of the repository itself: the real data and the real docs."""
    site = tmp_path_factory.mktemp("echt") / "site"
    proces = subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=OMGEVING, cwd=REPO, check=False,
    )
    assert proces.returncode == 0, proces.stderr
    return site


@pytest.fixture(scope="module")
def adres(echte_site: Path) -> Iterator[str]:
    """The real site served on loopback; its base URL."""
    with serveer(echte_site) as basis:
        yield basis


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def kopieer_data(doel: Path, bron: Path = FIXTURES / "mini") -> Path:
    """A private copy of a data folder a test may change."""
    shutil.copytree(bron, doel)
    return doel
