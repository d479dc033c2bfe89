"""The project's own files: committed schemas are current, data files match them, the
publishing workflow is valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kwalificatiedossiers.schema import verouderde_schemas

from conftest import DATA, FIXTURES, REPO

pytestmark = pytest.mark.unit

CHECK_JSONSCHEMA = [sys.executable, "-m", "check_jsonschema"]


def test_gecommitte_schemas_zijn_actueel() -> None:
    assert verouderde_schemas(DATA) == [], "draai 'make schema'"


def _schema_van(pad: Path) -> Path:
    eerste = pad.read_text("utf-8").splitlines()[0]
    assert eerste.startswith("# yaml-language-server: $schema="), pad
    return (pad.parent / eerste.split("$schema=", 1)[1]).resolve()


def test_elk_databestand_wijst_naar_een_schema_dat_het_goedkeurt() -> None:
    bestanden = sorted([*DATA.rglob("*.yaml"), *(FIXTURES / "mini").rglob("*.yaml")])
    assert bestanden
    per_schema: dict[Path, list[str]] = {}
    for pad in bestanden:
        schema = _schema_van(pad)
        assert schema.exists(), (pad, schema)
        per_schema.setdefault(schema, []).append(str(pad))
    for schema, paden in per_schema.items():
        proces = subprocess.run([*CHECK_JSONSCHEMA, "--schemafile", str(schema), *paden],
                                capture_output=True, text=True, check=False)
        assert proces.returncode == 0, proces.stdout + proces.stderr


def test_workflow_is_geldig() -> None:
    workflows = sorted((REPO / ".github/workflows").glob("*.yml"))
    assert workflows
    proces = subprocess.run(
        [*CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-workflows",
         *map(str, workflows)],
        capture_output=True, text=True, check=False,
    )
    assert proces.returncode == 0, proces.stdout + proces.stderr
    tekst = (REPO / ".github/workflows/pages.yml").read_text("utf-8")
    assert "make site" in tekst
    assert "actions/upload-pages-artifact" in tekst
    assert "actions/deploy-pages" in tekst


KERN = "plugins/kwalificatiedossiers"


@pytest.mark.parametrize(("pad", "regel", "verboden"), [
    (f"{KERN}/model/x.py", "from kwalificatiedossiers.index import Index",
     "kwalificatiedossiers.index"),
    (f"{KERN}/model/x.py", "from kwalificatiedossiers.laden import laad_corpus",
     "kwalificatiedossiers.laden"),
    (f"{KERN}/index.py", "from mkdocs.structure.files import File", "mkdocs"),
    (f"{KERN}/paginas/x.py", "from kwalificatiedossiers.formaten import FORMATEN",
     "kwalificatiedossiers.formaten"),
    (f"{KERN}/export.py", "import dossierimport.cli", "dossierimport"),
])
def test_lagen_worden_afgedwongen(pad: str, regel: str, verboden: str) -> None:
    proces = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "TID251", "--stdin-filename", pad,
         "-"], input=regel + "\n", capture_output=True, text=True, cwd=REPO, check=False)
    assert proces.returncode == 1
    assert f"`{verboden}` is banned" in proces.stdout


def test_de_mkdocs_laag_mag_alles() -> None:
    proces = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "TID251", "--stdin-filename",
         f"{KERN}/plugin/x.py", "-"],
        input=("from mkdocs.plugins import BasePlugin\n"
               "from kwalificatiedossiers.index import Index\n"),
        capture_output=True, text=True, cwd=REPO, check=False)
    assert proces.returncode == 0, proces.stdout
