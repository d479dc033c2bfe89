"""A real build stops when two sources would write one output path, and names both; a hidden
folder in the data is skipped with a note, not taken for a dossier."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import bouw, kopieer_data

pytestmark = pytest.mark.build


def test_handgeschreven_bestanden_op_gegenereerde_paden_stoppen_de_build(tmp_path: Path) -> None:
    data = kopieer_data(tmp_path / "data")
    proces = bouw(tmp_path / "project", data, {
        "index.md": "# Home\n",
        "12345.md": "# Niet de korte link\n",  # the dossier's crebo: /12345/ is its short link
        "voorbeeld/index.md": "# Niet het dossier\n",  # the generated dossier page's source
        "api/dossiers.json": "{}\n",  # the export's list of dossiers
        "zoeken/lees-mij.txt": "x\n",  # the search index writes zoeken/ after all pages
    })
    assert proces.returncode == 1
    assert "Traceback" not in proces.stderr
    docs = tmp_path / "project" / "docs"
    regels = [r.strip() for r in proces.stderr.splitlines()]
    assert "4 keer twee bronnen voor één uitvoerpad:" in proces.stderr
    assert (f"12345/index.html: {docs / '12345.md'} en 12345/index.html, gegenereerd door "
            "kwalificatiedossiers") in regels
    assert (f"voorbeeld/index.html: {docs / 'voorbeeld/index.md'} en voorbeeld/index.md, "
            "gegenereerd door kwalificatiedossiers") in regels
    assert (f"api/dossiers.json: {docs / 'api/dossiers.json'} en api/dossiers.json, gegenereerd "
            "door kwalificatiedossiers") in regels
    assert (f"zoeken/lees-mij.txt ({docs / 'zoeken/lees-mij.txt'}) ligt in de map zoeken/ (de "
            "zoekindex van kwalificatiedossiers)") in regels
    assert not (tmp_path / "project" / "site" / "12345").exists()


def test_verborgen_map_in_de_data_wordt_overgeslagen_en_gemeld(tmp_path: Path) -> None:
    data = kopieer_data(tmp_path / "data")
    shutil.copytree(data / "voorbeeld", data / ".voorbeeld-k3x9q2")  # an interrupted copy
    proces = bouw(tmp_path / "project", data)
    assert proces.returncode == 0, proces.stderr
    assert (f"INFO    -  {data / '.voorbeeld-k3x9q2'}: verborgen map overgeslagen (een naam met "
            "een punt ervoor is geen dossierdata)") in proces.stderr
    assert (tmp_path / "project" / "site" / "voorbeeld" / "index.html").exists()


def test_diep_geneste_yaml_stopt_de_build_met_een_melding(tmp_path: Path) -> None:
    data = kopieer_data(tmp_path / "data")
    pad = data / "voorbeeld/profielen/p2.yaml"
    pad.write_text(pad.read_text("utf-8") + "extra: " + "[" * 500 + "]" * 500 + "\n", "utf-8")
    proces = bouw(tmp_path / "project", data)
    assert proces.returncode == 1
    assert "Traceback" not in proces.stderr
    assert "RecursionError" not in proces.stderr
    assert f"{pad}:" in proces.stderr
    assert "lijsten en mappings in elkaar; dossierdata is nooit zo diep genest" in proces.stderr
