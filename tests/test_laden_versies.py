"""Other versions of a dossier in ``dossier-data/<id>/versies/<versie>/``: loaded as dossiers of
their own (id ``<id>/<versie>``), and every mistake in how they are kept named precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kwalificatiedossiers.laden import laad_corpus

from conftest import kopieer_echte_data, problemen, wijzig

pytestmark = pytest.mark.unit


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """Dienstverlening (geldig vanaf 2015-08-01) with a copy of itself as an older version."""
    data = kopieer_echte_data(tmp_path / "data", "competenties.yaml", "dienstverlening")
    oud = data / "dienstverlening" / "versies" / "2014-08-01"
    shutil.copytree(data / "dienstverlening", oud)
    wijzig(data, "dienstverlening/versies/2014-08-01/dossier.yaml", "geldig_vanaf: 2015-08-01",
           "geldig_vanaf: 2014-08-01")
    return data


def test_een_oudere_versie_is_een_dossier_met_eigen_id(data: Path) -> None:
    corpus = laad_corpus(data)
    assert [d.id for d in corpus.dossiers] == ["dienstverlening"]
    assert [d.id for d in corpus.versies] == ["dienstverlening/2014-08-01"]
    assert [d.id for d in corpus.versies_van("dienstverlening/2014-08-01")] == [
        "dienstverlening/2014-08-01", "dienstverlening"]
    plek = corpus.bronplekken[("dienstverlening/2014-08-01", "P1")]
    assert plek.bestand == "dienstverlening/versies/2014-08-01/profielen/p1.yaml"
    assert corpus.bronplekken[("dienstverlening", "P1")].bestand == (
        "dienstverlening/profielen/p1.yaml")
    # The same crebo in both versions is no conflict: only current versions claim crebos.
    assert corpus.dossier("dienstverlening/2014-08-01").naam().endswith(
        ", versie geldig vanaf 01-08-2014")


def test_map_met_een_andere_naam_dan_de_versie(data: Path) -> None:
    (data / "dienstverlening/versies/2014-08-01").rename(data / "dienstverlening/versies/oud")
    (melding,) = problemen(data)
    assert "dienstverlening/versies/oud/dossier.yaml:" in melding
    assert "heet naar haar gegevens '2014-08-01'" in melding
    assert "hernoem de map naar 2014-08-01" in melding


def test_map_zonder_dossier(data: Path) -> None:
    (data / "dienstverlening/versies/2014-08-01/dossier.yaml").unlink()
    (melding,) = problemen(data)
    assert "dienstverlening/versies/2014-08-01" in melding
    assert "geen dossier.yaml" in melding


def test_versie_van_een_ander_dossier(data: Path) -> None:
    pad, regel = wijzig(data, "dienstverlening/versies/2014-08-01/dossier.yaml",
                        "id: dienstverlening", "id: iets-anders")
    (melding,) = problemen(data)
    assert melding.startswith(f"{pad}:{regel}:")
    assert "verschilt van de mapnaam 'dienstverlening'" in melding


def test_twee_versies_met_dezelfde_datum(data: Path) -> None:
    wijzig(data, "dienstverlening/versies/2014-08-01/dossier.yaml", "geldig_vanaf: 2014-08-01",
           "geldig_vanaf: 2015-08-01")
    (data / "dienstverlening/versies/2014-08-01").rename(
        data / "dienstverlening/versies/2015-08-01")
    (melding,) = problemen(data)
    assert "de huidige versie heet ook '2015-08-01'" in melding
