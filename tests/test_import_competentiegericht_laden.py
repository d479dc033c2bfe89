"""Loading a competentiegericht dossier: invalid data is reported with file, line, column, the
path inside the file, what was expected and a suggestion."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht

from conftest import ID_2009 as DOSSIER_ID
from conftest import kopieer_echte_data, problemen, wijzig

pytestmark = pytest.mark.unit

U1 = f"{DOSSIER_ID}/uitstromen/u1.yaml"
DOSSIER = f"{DOSSIER_ID}/dossier.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private data folder with only the vocabulary and this dossier."""
    return kopieer_echte_data(tmp_path / "data", "competenties.yaml", DOSSIER_ID)


def test_geldige_kopie_laadt_met_bronplekken(data: Path) -> None:
    corpus = laad_corpus(data)
    (dossier,) = corpus.dossiers
    assert isinstance(dossier, DossierCompetentiegericht)
    assert len(dossier.uitstromen) == 4
    plekken = corpus.bronplekken
    assert plekken[(DOSSIER_ID, "")].bestand == DOSSIER
    assert plekken[(DOSSIER_ID, "U3")].bestand == f"{DOSSIER_ID}/uitstromen/u3.yaml"
    assert plekken[(DOSSIER_ID, "K2")].bestand == f"{DOSSIER_ID}/kerntaken.yaml"
    werkproces = plekken[(DOSSIER_ID, "2.3")]
    regels = (data / werkproces.bestand).read_text("utf-8").splitlines()
    assert regels[werkproces.regel - 1].strip() == "- code: '2.3'"


@pytest.mark.parametrize(("bestand", "oud", "nieuw", "melding", "einde"), [
    (U1, "- competentie: Formuleren en rapporteren", "- competentie: Formuleren en raporteren",
     ("uitwerking[0].werkprocessen[0].competenties[0].competentie: onbekende competentie "
      "'Formuleren en raporteren'"), "(bedoelt u 'Formuleren en rapporteren'?)"),
    (DOSSIER, "- werkproces: '1.2'", "- werkproces: '1.9'",
     ("deel_b.overzicht.werkprocessen[1].werkproces: werkproces 1.9 bestaat niet in "
      "kerntaken.yaml"), ""),
    (DOSSIER, "      - U4\n", "      - U7\n",
     ("deel_b.overzicht.werkprocessen[0].uitstromen[3]: uitstroom U7 bestaat niet in dit "
      "dossier"), ""),
    (U1, "  - werkproces: '1.3'\n    omschrijving", "  - werkproces: '2.1'\n    omschrijving",
     ("uitwerking[0].werkprocessen[1].werkproces: werkproces 2.1 hoort bij kerntaak 2, niet "
      "bij kerntaak 1"), ""),
], ids=["onbekende competentie", "onbekend werkproces in het overzicht",
        "onbekende uitstroom in het overzicht", "werkproces van een andere kerntaak"])
def test_een_melding_op_de_plek_van_de_fout(
    data: Path, bestand: str, oud: str, nieuw: str, melding: str, einde: str,
) -> None:
    pad, regel = wijzig(data, bestand, oud, nieuw)
    (probleem,) = problemen(data)
    assert probleem.startswith(f"{pad}:{regel}:")
    assert melding in probleem
    assert probleem.endswith(einde)


def test_matrixcode_buiten_a_tot_y(data: Path) -> None:
    bestand, regel = wijzig(data, U1, "    - J\n", "    - Z\n")
    (probleem,) = problemen(data)
    assert probleem == (f"{bestand}:{regel}:7: uitwerking[0].matrix[0].competenties[0]: 'Z' heeft "
                        "niet de juiste vorm; verwacht een competentiecode A–Y")


def test_eerste_competentie_kan_niet_naar_zichzelf_verwijzen(data: Path) -> None:
    pad = data / U1
    tekst = pad.read_text("utf-8")
    begin = tekst.index("      vakkennis:\n")
    eind = tekst.index("    - competentie:", begin)
    pad.write_text(tekst[:begin] + "      vakkennis:\n        zie: eerste-competentie\n"
                   + tekst[eind:], "utf-8")
    regel = tekst[:begin].count("\n") + 2
    (probleem,) = problemen(data)
    assert probleem.startswith(f"{pad}:{regel}:")
    assert ("uitwerking[0].werkprocessen[0].competenties[0].vakkennis: de eerste competentie"
            in probleem)


def test_onbekend_veld_met_suggestie(data: Path) -> None:
    bestand, regel = wijzig(data, U1, "beroepshouding:", "beroepshoudng:")
    (probleem,) = problemen(data)
    assert probleem.startswith(f"{bestand}:{regel}:1: beroepshoudng: onbekend veld")
    assert probleem.endswith("(bedoelt u 'beroepshouding'?)")


def test_kerntaakcode_en_dubbele_werkprocessen(data: Path) -> None:
    bestand, regel = wijzig(data, f"{DOSSIER_ID}/kerntaken.yaml", "  - code: '1.2'",
                            "  - code: '2.2'")
    gemeld = problemen(data)
    assert (f"{bestand}:{regel}:11: kerntaken[0].werkprocessen[1].code: werkproces 2.2 hoort niet "
            "bij kerntaak 1; verwacht 1.<nummer>") in gemeld
    assert any("werkproces 2.2 komt meer dan eens voor" in p for p in gemeld)
    # 1.2 is gone: every reference to it is reported where it stands.
    assert any(re.search(r"u4\.yaml:\d+:\d+: uitwerking\[0\]\.matrix\[1\]\.werkproces: "
                         r"werkproces 1\.2 bestaat niet", p) for p in gemeld)


def test_bestandsnaam_moet_bij_de_uitstroomcode_passen(data: Path) -> None:
    (data / U1).rename(data / DOSSIER_ID / "uitstromen" / "u5.yaml")
    (probleem,) = problemen(data)
    assert probleem.endswith("u5.yaml:3:7: code: uitstroom U1 staat in u5.yaml "
                             "(bedoelt u bestandsnaam u1.yaml?)")


def test_ontbrekend_kerntakenbestand(data: Path) -> None:
    (data / DOSSIER_ID / "kerntaken.yaml").unlink()
    (probleem,) = problemen(data)
    assert probleem.endswith("kerntaken.yaml: (document): bestand ontbreekt")


def test_onbekend_formaat(data: Path) -> None:
    bestand, regel = wijzig(data, DOSSIER, "formaat: competentiegericht",
                            "formaat: competentiegerigt")
    (probleem,) = problemen(data)
    assert probleem == (f"{bestand}:{regel}:10: formaat: onbekend formaat 'competentiegerigt'; "
                        "verwacht een van: basis-profiel, competentiegericht")


def test_crebo_uniek_over_dossiers(data: Path) -> None:
    kopie = data / "kopie-2009"
    shutil.copytree(data / DOSSIER_ID, kopie)
    wijzig(data, "kopie-2009/dossier.yaml", f"id: {DOSSIER_ID}", "id: kopie-2009")
    gemeld = problemen(data)
    assert len(gemeld) == 2
    assert all("kopie-2009/dossier.yaml:" in p for p in gemeld)
    assert ("crebo 90110 van dossier kopie-2009 is ook het crebo van dossier "
            f"{DOSSIER_ID}") in gemeld[0]
