"""Edit links point at the YAML file in its repository, never at a path on the build machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwalificatiedossiers.bewerklinks import bewerkpad, repository

from conftest import DATA, REPO

pytestmark = pytest.mark.unit


def test_data_in_de_repository() -> None:
    assert repository(DATA) == REPO
    # MkDocs joins edit/main/docs/ and this path: edit/main/dossier-data/commercie/...
    assert bewerkpad(DATA, "commercie/profielen/p4.yaml", "docs") == (
        "../dossier-data/commercie/profielen/p4.yaml")


def test_docs_dieper_in_de_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    data = tmp_path / "site" / "data"
    data.mkdir(parents=True)
    assert bewerkpad(data, "x/dossier.yaml", "site/docs") == "../data/x/dossier.yaml"


def test_buiten_een_repository_geen_bewerklink(tmp_path: Path) -> None:
    if repository(tmp_path) is not None:
        pytest.skip("de tijdelijke map ligt zelf in een git-repository")
    assert bewerkpad(tmp_path, "x/dossier.yaml", "docs") is None
