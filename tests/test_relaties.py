"""``relaties.yaml``: voorganger/opvolger between dossiers, checked against the loaded data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.problemen import DataFout

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "dossier-data"
OUD = "commercieel-medewerker-2009"
NIEUW = "commercie"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private data folder with both dossiers of the relation and the real relaties.yaml."""
    map_ = tmp_path / "data"
    map_.mkdir()
    for bestand in ("competenties.yaml", "relaties.yaml"):
        shutil.copy(DATA / bestand, map_ / bestand)
    for dossier_id in (OUD, NIEUW):
        shutil.copytree(DATA / dossier_id, map_ / dossier_id)
    return map_


def _problemen(data: Path) -> list[str]:
    with pytest.raises(DataFout) as info:
        laad_corpus(data)
    return [str(p) for p in info.value.problemen]


def _wijzig(data: Path, oud: str, nieuw: str) -> tuple[str, int]:
    pad = data / "relaties.yaml"
    tekst = pad.read_text("utf-8")
    assert oud in tekst, oud
    pad.write_text(tekst.replace(oud, nieuw, 1), "utf-8")
    return str(pad), tekst[: tekst.index(oud)].count("\n") + 1


def test_de_echte_relatie_is_zichtbaar_vanaf_beide_dossiers() -> None:
    corpus = laad_corpus(DATA)
    (relatie,) = corpus.relaties_van(OUD)
    assert corpus.relaties_van(NIEUW) == [relatie]
    assert (relatie.voorganger, relatie.opvolger) == (OUD, NIEUW)
    assert [(v.voorganger, v.opvolger) for v in relatie.voortzettingen] == [
        ("U1", "P1"), ("U2", "P1"), ("U4", "P4")]
    assert relatie.toelichting


def test_relaties_zijn_geen_importuitvoer() -> None:
    bestand = (DATA / "relaties.yaml").read_text("utf-8")
    assert "nooit door een importer geschreven" in bestand
    assert not (DATA / OUD / "relaties.yaml").exists()


def test_onbekend_dossier_met_suggestie(data: Path) -> None:
    bestand, regel = _wijzig(data, f"opvolger: {NIEUW}\n", "opvolger: comercie\n")
    (probleem,) = _problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:")
    assert "relaties[0].opvolger: dossier 'comercie' bestaat niet" in probleem
    assert probleem.endswith("(bedoelt u 'commercie'?)")


def test_onbekende_code_in_een_voortzetting(data: Path) -> None:
    bestand, regel = _wijzig(data, "opvolger: P4", "opvolger: P9")
    (probleem,) = _problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:")
    assert ("relaties[0].voortzettingen[2].opvolger: P9 is geen profiel of uitstroom van "
            "commercie") in probleem


def test_onbekende_uitstroom_in_een_voortzetting(data: Path) -> None:
    bestand, regel = _wijzig(data, "voorganger: U4", "voorganger: U8")
    (probleem,) = _problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:")
    assert (f"relaties[0].voortzettingen[2].voorganger: U8 is geen profiel of uitstroom van "
            f"{OUD}") in probleem


def test_dossier_kan_niet_zijn_eigen_opvolger_zijn(data: Path) -> None:
    _wijzig(data, f"opvolger: {NIEUW}\n", f"opvolger: {OUD}\n")
    problemen = _problemen(data)
    assert any("een dossier kan niet zijn eigen opvolger zijn" in p for p in problemen)


def test_schemafout_met_positie(data: Path) -> None:
    bestand, regel = _wijzig(data, "    toelichting: >-", "    uitleg: >-")
    problemen = _problemen(data)
    assert (f"{bestand}:{regel}:5: relaties[0].uitleg: onbekend veld (toegestaan: voorganger, "
            "opvolger, toelichting, voortzettingen)") in problemen
    assert any("relaties[0].toelichting: verplicht veld ontbreekt" in p for p in problemen)


def test_zonder_relatiebestand_geen_relaties(data: Path) -> None:
    (data / "relaties.yaml").unlink()
    assert laad_corpus(data).relaties == ()
