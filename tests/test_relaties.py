"""``relaties.yaml``: voorganger/opvolger between dossiers, checked against the loaded data."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.model.corpus import Corpus

from conftest import DATA, kopieer_echte_data, problemen, wijzig
from conftest import ID_2009 as OUD

pytestmark = pytest.mark.unit

NIEUW = "commercie"
RELATIES = "relaties.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private data folder with both dossiers of the relation and the real relaties.yaml."""
    return kopieer_echte_data(tmp_path / "data", "competenties.yaml", RELATIES, OUD, NIEUW)


def test_de_echte_relatie_is_zichtbaar_vanaf_beide_dossiers(echt_corpus: Corpus) -> None:
    (relatie,) = echt_corpus.relaties_van(OUD)
    assert echt_corpus.relaties_van(NIEUW) == [relatie]
    assert (relatie.voorganger, relatie.opvolger) == (OUD, NIEUW)
    assert [(v.voorganger, v.opvolger) for v in relatie.voortzettingen] == [
        ("U1", "P1"), ("U2", "P1"), ("U4", "P4")]
    assert relatie.toelichting


def test_relaties_zijn_geen_importuitvoer() -> None:
    bestand = (DATA / RELATIES).read_text("utf-8")
    assert "nooit door een importer geschreven" in bestand
    assert not (DATA / OUD / RELATIES).exists()


@pytest.mark.parametrize(("oud", "nieuw", "melding", "einde"), [
    (f"opvolger: {NIEUW}\n", "opvolger: comercie\n",
     "relaties[0].opvolger: dossier 'comercie' bestaat niet", "(bedoelt u 'commercie'?)"),
    ("opvolger: P4", "opvolger: P9",
     "relaties[0].voortzettingen[2].opvolger: P9 is geen profiel of uitstroom van commercie", ""),
    ("voorganger: U4", "voorganger: U8",
     f"relaties[0].voortzettingen[2].voorganger: U8 is geen profiel of uitstroom van {OUD}", ""),
], ids=["onbekend dossier", "onbekende code in een voortzetting",
        "onbekende uitstroom in een voortzetting"])
def test_een_melding_op_de_plek_van_de_fout(
    data: Path, oud: str, nieuw: str, melding: str, einde: str,
) -> None:
    bestand, regel = wijzig(data, RELATIES, oud, nieuw)
    (probleem,) = problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:")
    assert melding in probleem
    assert probleem.endswith(einde)


def test_dossier_kan_niet_zijn_eigen_opvolger_zijn(data: Path) -> None:
    wijzig(data, RELATIES, f"opvolger: {NIEUW}\n", f"opvolger: {OUD}\n")
    assert any("een dossier kan niet zijn eigen opvolger zijn" in p for p in problemen(data))


def test_schemafout_met_positie(data: Path) -> None:
    bestand, regel = wijzig(data, RELATIES, "    toelichting: >-", "    uitleg: >-")
    gemeld = problemen(data)
    assert (f"{bestand}:{regel}:5: relaties[0].uitleg: onbekend veld (toegestaan: voorganger, "
            "opvolger, toelichting, voortzettingen)") in gemeld
    assert any("relaties[0].toelichting: verplicht veld ontbreekt" in p for p in gemeld)


def test_zonder_relatiebestand_geen_relaties(data: Path) -> None:
    (data / RELATIES).unlink()
    assert laad_corpus(data).relaties == ()
