"""``mkdocs serve`` as a maintainer runs it: a scoped preview of a few dossiers (``make serve
DOSSIERS=…``) shows those, marks what it left out and says so on every page; a build ignores
the scope. A dirty serve (``make serve``) rebuilds only what an edit changed and keeps the search
index whole."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from dossierbench.serve import MERKTEKEN, _vrije_poort, _wacht_op

from conftest import MKDOCS, OMGEVING, kopieer_echte_data, mkdocs_config

pytestmark = pytest.mark.build

CITATEN = """---
render_macros: true
---

# Citaten

Uit Commercie: {{ dossier_link("commercie", "P4-K1-W2") }}.

Uit Dienstverlening: {{ dossier_link("dienstverlening", "P1") }}.

{{ werkproces_kaart("commercie", "P4-K1-W2") }}
"""


def _project(tmp_path: Path, dossiers: str) -> Path:
    data = kopieer_echte_data(tmp_path / "data", "competenties.yaml", "relaties.yaml",
                              "commercie", "commercieel-medewerker-2009", "dienstverlening")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Start\n", "utf-8")
    (docs / "citaten.md").write_text(CITATEN, "utf-8")
    config = mkdocs_config(data, docs)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "kwalificatiedossiers" in plugin:
            plugin["kwalificatiedossiers"]["dossiers"] = dossiers
    pad = tmp_path / "mkdocs.yml"
    pad.write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return pad


@contextlib.contextmanager
def _serve(config: Path, *opties: str) -> Iterator[str]:
    poort = _vrije_poort()
    proces = subprocess.Popen([*MKDOCS, "serve", *opties, "-f", str(config), "--dev-addr",
                               f"127.0.0.1:{poort}"], env=OMGEVING,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    basis = f"http://127.0.0.1:{poort}/"
    try:
        _wacht_op(basis, None, 120)
        yield basis
    finally:
        proces.terminate()
        proces.wait(timeout=60)


def _haal(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as antwoord:
            return antwoord.status, antwoord.read().decode("utf-8")
    except urllib.error.HTTPError as fout:
        return fout.code, ""


def test_voorvertoning_van_een_paar_dossiers(tmp_path: Path) -> None:
    config = _project(tmp_path, "dienstverlening, commercieel-medewerker-2009")
    with _serve(config) as basis:
        status, start = _haal(basis)
        assert status == 200
        assert ("<strong>Voorvertoning van commercieel-medewerker-2009, dienstverlening."
                "</strong>") in start
        assert _haal(basis + "dienstverlening/p1/")[0] == 200
        assert _haal(basis + "commercieel-medewerker-2009/u1/")[0] == 200
        assert _haal(basis + "commercie/p4-k1-w2/")[0] == 404
        # The relation 2009 -> Commercie is left out with Commercie, not linked to nothing.
        _, uitstroom = _haal(basis + "commercieel-medewerker-2009/u1/")
        assert "commercie/p1/" not in uitstroom
        # Citations of a dossier left out are marked; the others link.
        _, citaten = _haal(basis + "citaten/")
        assert citaten.count('<span class="kd-weggelaten">commercie P4-K1-W2 (niet in deze '
                             "voorvertoning)</span>") == 2
        assert 'href="../dienstverlening/p1/"' in citaten


def test_een_build_negeert_de_voorvertoning(tmp_path: Path) -> None:
    config = _project(tmp_path, "dienstverlening")
    proces = subprocess.run([*MKDOCS, "build", "-f", str(config), "-d", str(tmp_path / "site")],
                            capture_output=True, text=True, env=OMGEVING, check=False)
    assert proces.returncode == 0, proces.stderr
    assert "dossiers: dienstverlening geldt alleen voor mkdocs serve" in proces.stderr
    assert (tmp_path / "site/commercie/p4-k1-w2/index.html").is_file()
    assert "Voorvertoning" not in (tmp_path / "site/index.html").read_text("utf-8")
    # With --strict (make site) the warning stops the build: a scope set by mistake is seen.
    streng = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(config), "-d",
                             str(tmp_path / "streng")],
                            capture_output=True, text=True, env=OMGEVING, check=False)
    assert streng.returncode == 1


def _zoekindex_verschilt(basis: str, vers: Path) -> list[str]:
    """The files of a fresh build's search index that the served site has otherwise."""
    return [pad.relative_to(vers).as_posix() for pad in sorted((vers / "zoeken").rglob("*.json"))
            if _haal(basis + pad.relative_to(vers).as_posix())[1]
            != pad.read_text("utf-8")]


def _zoekindex_wordt_als_vers(basis: str, config: Path, map_: Path) -> list[str]:
    """Build the site afresh into ``map_``; wait (up to a minute, the index is written after
    the pages) until the served search index is the same; what still differs."""
    proces = subprocess.run([*MKDOCS, "build", "-f", str(config), "-d", str(map_)],
                            capture_output=True, text=True, env=OMGEVING, check=False)
    assert proces.returncode == 0, proces.stderr
    einde = time.monotonic() + 60
    while (verschil := _zoekindex_verschilt(basis, map_)) and time.monotonic() < einde:
        time.sleep(1)
    return verschil


def test_vuile_serve_werkt_paginas_en_zoekindex_bij(tmp_path: Path) -> None:
    # make serve: an edit rebuilds only what changed, a removed dossier's pages go, and the
    # search index is after each step what a fresh build writes (not just the pages rendered).
    config = _project(tmp_path, "")
    data = tmp_path / "data"
    with _serve(config, "--dirty") as basis:
        p4 = data / "commercie/profielen/p4.yaml"
        oud = "resultaat: Actuele accountplannen die bij de account en de onderneming passen."
        p4.write_text(p4.read_text("utf-8").replace(oud, f"{oud} {MERKTEKEN}"), "utf-8")
        _wacht_op(basis + "commercie/p4-k1-w2/", MERKTEKEN, 120)
        assert _zoekindex_wordt_als_vers(basis, config, tmp_path / "vers1") == []
        assert _haal(basis + "dienstverlening/p1/")[0] == 200

        shutil.rmtree(data / "dienstverlening")
        einde = time.monotonic() + 120
        while _haal(basis + "dienstverlening/p1/")[0] != 404 and time.monotonic() < einde:
            time.sleep(0.5)
        assert _haal(basis + "dienstverlening/p1/")[0] == 404
        assert _zoekindex_wordt_als_vers(basis, config, tmp_path / "vers2") == []
        _, werkproces = _haal(basis + "commercie/p4-k1-w2/")
        assert MERKTEKEN in werkproces
