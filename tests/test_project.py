"""The project's own files: committed schemas are current, data files match them, the
publishing workflow is valid."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

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


WORKFLOW = REPO / ".github/workflows/pages.yml"
_GEPIND = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def _stappen(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(naam, stap) for naam, job in workflow["jobs"].items() for stap in job["steps"]]


def test_workflow_pint_acties_op_commit_met_versie() -> None:
    # A tag can be moved to other code; a full commit SHA cannot. The release is in a comment.
    regels = [r for r in WORKFLOW.read_text("utf-8").splitlines() if "uses:" in r]
    assert len(regels) >= 5
    assert [r for r in regels if not _GEPIND.match(r)] == []
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    assert all("@" in stap["uses"] for _, stap in _stappen(workflow) if "uses" in stap)


def test_workflow_test_voor_publicatie_met_minimale_rechten() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    triggers = workflow[True]  # PyYAML reads the key "on" as true
    assert {"push", "pull_request"} <= set(triggers)
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert [s["run"] for s in jobs["test"]["steps"] if "run" in s] == [".ci/run"]
    assert (REPO / ".ci/run").read_text("utf-8").rstrip().endswith("exec make test")
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"
    assert "pull_request" in jobs["build"]["if"]
    assert "refs/heads/main" in jobs["build"]["if"]
    assert jobs["test"]["permissions"] == {"contents": "read"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert all(0 < job["timeout-minutes"] <= 30 for job in jobs.values())
    for naam, stap in _stappen(workflow):
        actie = stap.get("uses", "").split("@")[0]
        if actie == "actions/checkout":
            assert stap["with"]["persist-credentials"] is False, naam
        if actie == "actions/setup-python":
            assert stap["with"]["cache"] == "pip", naam
            assert "requirements.lock" in stap["with"]["cache-dependency-path"], naam


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
