"""Loading a competentiegericht dossier: invalid data is reported with file, line, column, the
path inside the file, what was expected and a suggestion."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht
from kwalificatiedossiers.problemen import DataFout

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "dossier-data"
DOSSIER_ID = "commercieel-medewerker-2009"
U1 = f"{DOSSIER_ID}/uitstromen/u1.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private data folder with only the vocabulary and this dossier."""
    map_ = tmp_path / "data"
    map_.mkdir()
    shutil.copy(DATA / "competenties.yaml", map_ / "competenties.yaml")
    shutil.copytree(DATA / DOSSIER_ID, map_ / DOSSIER_ID)
    return map_


def _problemen(data: Path) -> list[str]:
    with pytest.raises(DataFout) as info:
        laad_corpus(data)
    return [str(p) for p in info.value.problemen]


def _wijzig(data: Path, bestand: str, oud: str, nieuw: str) -> tuple[str, int]:
    """Replace the first ``oud``; return the file as reported and the line of the change."""
    pad = data / bestand
    tekst = pad.read_text("utf-8")
    assert oud in tekst, oud
    pad.write_text(tekst.replace(oud, nieuw, 1), "utf-8")
    regel = tekst[: tekst.index(oud)].count("\n") + 1
    return str(pad), regel


def test_geldige_kopie_laadt_met_bronplekken(data: Path) -> None:
    corpus = laad_corpus(data)
    (dossier,) = corpus.dossiers
    assert isinstance(dossier, DossierCompetentiegericht)
    assert len(dossier.uitstromen) == 4
    plekken = corpus.bronplekken
    assert plekken[(DOSSIER_ID, "")].bestand == f"{DOSSIER_ID}/dossier.yaml"
    assert plekken[(DOSSIER_ID, "U3")].bestand == f"{DOSSIER_ID}/uitstromen/u3.yaml"
    assert plekken[(DOSSIER_ID, "K2")].bestand == f"{DOSSIER_ID}/kerntaken.yaml"
    werkproces = plekken[(DOSSIER_ID, "2.3")]
    regels = (data / werkproces.bestand).read_text("utf-8").splitlines()
    assert regels[werkproces.regel - 1].strip() == "- code: '2.3'"


def test_onbekende_competentie_met_suggestie(data: Path) -> None:
    bestand, regel = _wijzig(data, U1, "- competentie: Formuleren en rapporteren",
                             "- competentie: Formuleren en raporteren")
    (probleem,) = _problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:")
    assert ("uitwerking[0].werkprocessen[0].competenties[0].competentie: onbekende competentie "
            "'Formuleren en raporteren'") in probleem
    assert probleem.endswith("(bedoelt u 'Formuleren en rapporteren'?)")


def test_onbekend_werkproces_in_het_overzicht(data: Path) -> None:
    bestand, regel = _wijzig(data, f"{DOSSIER_ID}/dossier.yaml", "- werkproces: '1.2'",
                             "- werkproces: '1.9'")
    (probleem,) = _problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:")
    assert ("deel_b.overzicht.werkprocessen[1].werkproces: werkproces 1.9 bestaat niet in "
            "kerntaken.yaml") in probleem


def test_onbekende_uitstroom_in_het_overzicht(data: Path) -> None:
    bestand, regel = _wijzig(data, f"{DOSSIER_ID}/dossier.yaml", "      - U4\n", "      - U7\n")
    (probleem,) = _problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:")
    assert ("deel_b.overzicht.werkprocessen[0].uitstromen[3]: uitstroom U7 bestaat niet in dit "
            "dossier") in probleem


def test_matrixcode_buiten_a_tot_y(data: Path) -> None:
    bestand, regel = _wijzig(data, U1, "    - J\n", "    - Z\n")
    (probleem,) = _problemen(data)
    assert probleem == (f"{bestand}:{regel}:7: uitwerking[0].matrix[0].competenties[0]: 'Z' heeft "
                        "niet de juiste vorm; verwacht een competentiecode A–Y")


def test_werkproces_van_een_andere_kerntaak(data: Path) -> None:
    bestand, regel = _wijzig(data, U1, "  - werkproces: '1.3'\n    omschrijving",
                             "  - werkproces: '2.1'\n    omschrijving")
    (probleem,) = _problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:")
    assert ("uitwerking[0].werkprocessen[1].werkproces: werkproces 2.1 hoort bij kerntaak 2, niet "
            "bij kerntaak 1") in probleem


def test_eerste_competentie_kan_niet_naar_zichzelf_verwijzen(data: Path) -> None:
    pad = data / U1
    tekst = pad.read_text("utf-8")
    begin = tekst.index("      vakkennis:\n")
    eind = tekst.index("    - competentie:", begin)
    pad.write_text(tekst[:begin] + "      vakkennis:\n        zie: eerste-competentie\n"
                   + tekst[eind:], "utf-8")
    regel = tekst[:begin].count("\n") + 2
    (probleem,) = _problemen(data)
    assert probleem.startswith(f"{pad}:{regel}:")
    assert ("uitwerking[0].werkprocessen[0].competenties[0].vakkennis: de eerste competentie"
            in probleem)


def test_onbekend_veld_met_suggestie(data: Path) -> None:
    bestand, regel = _wijzig(data, U1, "beroepshouding:", "beroepshoudng:")
    (probleem,) = _problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:1: beroepshoudng: onbekend veld")
    assert probleem.endswith("(bedoelt u 'beroepshouding'?)")


def test_kerntaakcode_en_dubbele_werkprocessen(data: Path) -> None:
    bestand, regel = _wijzig(data, f"{DOSSIER_ID}/kerntaken.yaml", "  - code: '1.2'",
                             "  - code: '2.2'")
    problemen = _problemen(data)
    assert (f"{bestand}:{regel}:11: kerntaken[0].werkprocessen[1].code: werkproces 2.2 hoort niet "
            "bij kerntaak 1; verwacht 1.<nummer>") in problemen
    assert any("werkproces 2.2 komt meer dan eens voor" in p for p in problemen)
    # 1.2 is gone: every reference to it is reported where it stands.
    assert any(re.search(r"u4\.yaml:\d+:\d+: uitwerking\[0\]\.matrix\[1\]\.werkproces: "
                         r"werkproces 1\.2 bestaat niet", p) for p in problemen)


def test_bestandsnaam_moet_bij_de_uitstroomcode_passen(data: Path) -> None:
    (data / U1).rename(data / DOSSIER_ID / "uitstromen" / "u5.yaml")
    (probleem,) = _problemen(data)
    assert probleem.endswith("u5.yaml:3:7: code: uitstroom U1 staat in u5.yaml "
                             "(bedoelt u bestandsnaam u1.yaml?)")


def test_ontbrekend_kerntakenbestand(data: Path) -> None:
    (data / DOSSIER_ID / "kerntaken.yaml").unlink()
    (probleem,) = _problemen(data)
    assert probleem.endswith("kerntaken.yaml: (document): bestand ontbreekt")


def test_onbekend_formaat(data: Path) -> None:
    bestand, regel = _wijzig(data, f"{DOSSIER_ID}/dossier.yaml", "formaat: competentiegericht",
                             "formaat: competentiegerigt")
    (probleem,) = _problemen(data)
    assert probleem == (f"{bestand}:{regel}:10: formaat: onbekend formaat 'competentiegerigt'; "
                        "verwacht een van: basis-profiel, competentiegericht")


def test_crebo_uniek_over_dossiers(data: Path) -> None:
    kopie = data / "kopie-2009"
    shutil.copytree(data / DOSSIER_ID, kopie)
    _wijzig(data, "kopie-2009/dossier.yaml", f"id: {DOSSIER_ID}", "id: kopie-2009")
    problemen = _problemen(data)
    assert len(problemen) == 2
    assert all("kopie-2009/dossier.yaml:" in p for p in problemen)
    assert ("crebo 90110 van dossier kopie-2009 is ook het crebo van dossier "
            f"{DOSSIER_ID}") in problemen[0]
