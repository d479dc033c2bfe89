"""Shared test helpers: real mkdocs builds of small projects and of the real data."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import settings
from playwright.sync_api import Browser, sync_playwright

from dossierimport.plan import IMPORTVERSLAG
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.model import Dossier, Werkproces
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht
from kwalificatiedossiers.model.corpus import Corpus
from kwalificatiedossiers.problemen import DataFout

from browser import CHROMIUM, CHROMIUM_ARGS, serveer

# A helper module with assertions: failures show the compared values, as in a test module.
pytest.register_assert_rewrite("vijandig")

REPO = Path(__file__).resolve().parents[1]
BRONNEN = REPO / "tests" / "bronnen"
FIXTURES = REPO / "tests" / "fixtures"
DATA = REPO / "dossier-data"
SEEDS = BRONNEN / "seeds"
COMMERCIE_HEEL = SEEDS / "000_f0e80c13ce8160ef.txt"
"""Commercie (crebo 23354), the whole dossier as PDF text."""
COMMERCIE_EXTRACT = SEEDS / "001_f27c3d4b20c6b5e1.txt"
"""Commercie's P4 profile extract as Markdown."""
BRON_2009 = SEEDS / "003_439706ca369422b0.txt"
"""The competentiegericht dossier Commercieel medewerker 2009-2010 (Markdown with HTML)."""
ID_2009 = "commercieel-medewerker-2009"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Property-based tests run the same examples on every run: CI must not turn red on an input
# that no one changed. A failure prints the example (and a blob to reproduce it).
settings.register_profile("vast", derandomize=True, database=None, print_blob=True)
settings.load_profile("vast")
SNEL = os.environ.get("KD_SNEL") == "1"
"""The fast loop (``make test-snel``): the same tests, with fewer random examples."""


def voorbeelden(aantal: int) -> int:
    """How many examples a property-based test runs: ``aantal`` in the whole suite, a tenth
    (at least 5) in the fast loop, so that it stays under a minute."""
    return max(5, aantal // 10) if SNEL else aantal

OMGEVING = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def mkdocs_config(data_map: Path, docs_map: Path, **extra: object) -> dict[str, object]:
    """The repository's mkdocs.yml, pointed at another data and docs folder."""
    tekst = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # The real file uses !ENV tags; resolve them to their defaults for a test project.
    config = yaml.safe_load(re.sub(r"!ENV \[\w+, (\"[^\"]*\")\]", r"\1", tekst))
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


MACROPAGINA = """---
render_macros: true
---

# Macro's

Link: {{ dossier_link("voorbeeld", "P2-K1-W2") }}

Sectie: {{ dossier_link("voorbeeld", "P2-K1-W2", "gedrag") }}

{{ werkproces_kaart("voorbeeld", "P2-K1-W2") }}

{{ werkprocessen("voorbeeld", "P2") }}
"""
"""A hand-written page of the mini site that uses every macro (``gids/macros/``)."""


TIERS = ("unit", "golden", "build", "browser", "bench")
"""Test tiers, cheapest first; every test carries exactly one (``pytestmark`` per module, a
decorator where one test of a module differs)."""
_BOUWT = frozenset({"mini_site", "echte_site", "adres", "vijandige_site"})
"""Fixtures that build a site: a test using one is of the build tier or above."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse to run a test without exactly one tier, or with a tier below what it uses."""
    fouten = []
    for item in items:
        tiers = [t for t in TIERS if item.get_closest_marker(t) is not None]
        if len(tiers) > 1 and "unit" not in tiers and "golden" not in tiers:
            tiers = [max(tiers, key=TIERS.index)]  # a browser test in a build module
        gebruikt = set(getattr(item, "fixturenames", ()))
        if len(tiers) != 1:
            fouten.append(f"{item.nodeid}: verwacht één tier uit {', '.join(TIERS)}, "
                          f"gevonden: {', '.join(tiers) or 'geen'}")
        elif "browser" in gebruikt and tiers[0] not in ("browser", "bench"):
            fouten.append(f"{item.nodeid}: gebruikt Chromium maar heeft tier {tiers[0]}")
        elif gebruikt & _BOUWT and TIERS.index(tiers[0]) < TIERS.index("build"):
            fouten.append(f"{item.nodeid}: bouwt een site maar heeft tier {tiers[0]}")
    if fouten:
        raise pytest.UsageError("\n".join(fouten))


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A strict build of the small fixture dossier (two profielen), with a page of macros."""
    project = tmp_path_factory.mktemp("mini")
    return bouw_ok(project, FIXTURES / "mini", {"index.md": "# Home\n",
                                                "gids/macros.md": MACROPAGINA})


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


def kopieer_echte_data(doel: Path, *namen: str) -> Path:
    """A folder ``doel`` holding private copies of these files and folders of ``dossier-data/``
    (``competenties.yaml`` alone makes an importer's output folder)."""
    doel.mkdir(parents=True, exist_ok=True)
    for naam in namen:
        if (DATA / naam).is_dir():
            shutil.copytree(DATA / naam, doel / naam)
        else:
            shutil.copy(DATA / naam, doel / naam)
    return doel


def wijzig(data: Path, bestand: str, oud: str, nieuw: str) -> tuple[str, int]:
    """Replace the first ``oud`` in ``data / bestand``; return the file as problems name it and
    the line of the change."""
    pad = data / bestand
    tekst = pad.read_text("utf-8")
    assert oud in tekst, oud
    pad.write_text(tekst.replace(oud, nieuw, 1), "utf-8")
    return str(pad), tekst[: tekst.index(oud)].count("\n") + 1


def problemen(data: Path) -> list[str]:
    """Load ``data``, which must fail; every problem as the loader writes it."""
    with pytest.raises(DataFout) as info:
        laad_corpus(data)
    return [str(p) for p in info.value.problemen]


def bestanden(map_: Path) -> dict[str, bytes]:
    """Every file below ``map_`` by relative path, with its bytes."""
    return {p.relative_to(map_).as_posix(): p.read_bytes()
            for p in sorted(map_.rglob("*")) if p.is_file()}


def zonder_importverslag(map_: Path) -> dict[str, bytes]:
    """The files of a dossier folder an import wrote, without the import's record of them
    (``import.sha256``), after checking that the record lists exactly those files."""
    alles = bestanden(map_)
    verslag = alles.pop(IMPORTVERSLAG).decode("utf-8").splitlines()
    assert verslag == [f"{hashlib.sha256(inhoud).hexdigest()}  {pad}"
                       for pad, inhoud in sorted(alles.items())]
    return alles


def alle_werkprocessen(dossier: Dossier) -> list[Werkproces]:
    """Every werkproces of a basis-profiel dossier: basisdeel first, then per profiel."""
    kerntaken = [*dossier.basisdeel.kerntaken, *(k for p in dossier.profielen for k in p.kerntaken)]
    return [w for k in kerntaken for w in k.werkprocessen]


@pytest.fixture(scope="session")
def echt_corpus() -> Corpus:
    """``dossier-data/`` loaded and validated once, as the site does (tests only read it)."""
    return laad_corpus(DATA)


@pytest.fixture(scope="session")
def dossier_2009(echt_corpus: Corpus) -> DossierCompetentiegericht:
    """The committed 2009-2010 dossier Commercieel medewerker, as the site loads it."""
    gevonden = echt_corpus.dossier(ID_2009)
    assert isinstance(gevonden, DossierCompetentiegericht)
    return gevonden


# The 2009-2010 dossier Commercieel medewerker: what its importer and site tests both expect,
# read from the source with plain string handling or computed from the committed data here,
# never by the project's own code.

BRONREGELS = BRON_2009.read_text("utf-8").split("\n")


def overzicht_uit_bron() -> dict[str, tuple[str, list[str]]]:
    """The table "3. Overzicht van het kwalificatiedossier" read from the seed: werkproces code
    → (title as printed, the uitstromen marked with x, in column order)."""
    kop = next(i for i, r in enumerate(BRONREGELS)
               if r.split("\t")[:3] == ["Kerntaak", "Werkproces", "Uitstroom"])
    kolommen = BRONREGELS[kop + 1].split("\t")
    tabel: dict[str, tuple[str, list[str]]] = {}
    for regel in BRONREGELS[kop + 2:]:
        if not regel.strip():
            break
        cellen = regel.split("\t")
        gevonden = re.fullmatch(r"(\d\.\d) (.+)", cellen[1].strip()) if len(cellen) > 1 else None
        if gevonden:
            tabel[gevonden.group(1)] = (gevonden.group(2), [
                kolommen[i] for i, cel in enumerate(cellen) if cel.strip().lower() == "x"])
    return tabel


def matrixverschillen(dossier: DossierCompetentiegericht, code_van: dict[str, str]
                      ) -> set[tuple[str, str, str, str]]:
    """Per matrix row whose marked competences differ from those deel C works out for that
    werkproces: (uitstroom, werkproces, only marked, only worked out); ``code_van`` maps a
    competence's name to its letter."""
    verschillen = set()
    for uitstroom in dossier.uitstromen:
        for kerntaak in uitstroom.uitwerking:
            if kerntaak.matrix is None:
                continue
            uitgewerkt = {w.werkproces: {code_van[c.competentie] for c in w.competenties}
                          for w in kerntaak.werkprocessen}
            for rij in kerntaak.matrix:
                gekruist = set(rij.competenties)
                deel_c = uitgewerkt.get(rij.werkproces, set())
                if gekruist != deel_c:
                    verschillen.add((uitstroom.code, rij.werkproces,
                                     ", ".join(sorted(gekruist - deel_c)) or "—",
                                     ", ".join(sorted(deel_c - gekruist)) or "—"))
    return verschillen
