"""The validator's messages: file, line, column, path, what was expected, a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwalificatiedossiers.laden import laad_corpus

from conftest import kopieer_data, problemen, wijzig

pytestmark = pytest.mark.unit

P2 = "voorbeeld/profielen/p2.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return kopieer_data(tmp_path / "data")


def test_geldige_fixture_laadt(data: Path) -> None:
    corpus = laad_corpus(data)
    assert [d.id for d in corpus.dossiers] == ["voorbeeld"]


@pytest.mark.parametrize(("oud", "nieuw", "verwacht"), [
    # YAML syntax error
    ("titel: Tweede profiel", "titel: [Tweede profiel",
     ":4:6: (document): YAML-syntaxfout: did not find expected ',' or ']'"),
    # missing field
    ("        resultaat: Gepland.\n", "",
     ":15:9: kerntaken[0].werkprocessen[0].resultaat: verplicht veld ontbreekt"),
    # wrong type
    ("niveau: 4", "niveau: vier",
     ":5:9: niveau: verwacht een geheel getal, gevonden tekst 'vier'"),
    # unknown key, with the nearest allowed key
    ("typering_kwalificatie:", "typering_kwalificatei:",
     ":6:1: typering_kwalificatei: onbekend veld (bedoelt u 'typering_kwalificatie'?)"),
    # unknown competence, with the nearest of the 25 names
    ("[Plannen en organiseren]", "[Planen en organiseren]",
     (":20:24: kerntaken[0].werkprocessen[0].competenties[0]: onbekende competentie "
     "'Planen en organiseren'; verwacht een van de 25 namen uit competenties.yaml "
     "(bedoelt u 'Plannen en organiseren'?)")),
    # duplicate code
    ("code: P2-K1-W2", "code: P2-K1-W1",
     (":21:15: kerntaken[0].werkprocessen[1].code: code P2-K1-W1 komt meer dan eens voor "
     "in dit dossier")),
    # code that does not match its kerntaak
    ("code: P2-K1-W1", "code: P2-K2-W1",
     (":15:15: kerntaken[0].werkprocessen[0].code: werkprocescode P2-K2-W1 hoort niet bij "
     "kerntaak P2-K1; verwacht P2-K1-W<nummer>")),
    # kerntaak code that does not match its profiel
    ("code: P2-K1\n", "code: P3-K1\n",
     ":8:11: kerntaken[0].code: kerntaakcode P3-K1 hoort niet bij P2; verwacht P2-K<nummer>"),
    # a code of the wrong form
    ("code: P2-K1-W2", "code: P2-K1-2",
     (":21:15: kerntaken[0].werkprocessen[1].code: 'P2-K1-2' heeft niet de juiste vorm; "
     "verwacht een werkprocescode zoals 'P4-K1-W2'")),
    # duplicate YAML key (PyYAML alone would silently keep the last)
    ("niveau: 4", "niveau: 4\nniveau: 3", ":6:1: niveau: sleutel 'niveau' staat er twee keer"),
])
def test_melding_per_soort_fout(data: Path, oud: str, nieuw: str, verwacht: str) -> None:
    bestand, _ = wijzig(data, P2, oud, nieuw)
    gemeld = problemen(data)
    assert any(p.startswith(bestand) and p.endswith(verwacht) for p in gemeld), gemeld


def test_ongeldige_datum(data: Path) -> None:
    bestand, _ = wijzig(data, "voorbeeld/dossier.yaml", "geldig_vanaf: 2023-08-01",
                        "geldig_vanaf: 2023-02-30")
    assert problemen(data) == [
        (f"{bestand}:7:15: geldig_vanaf: ongeldige waarde '2023-02-30': day is out of range "
        "for month")
    ]


def test_datum_in_verkeerde_vorm(data: Path) -> None:
    bestand, _ = wijzig(data, "voorbeeld/dossier.yaml", "geldig_vanaf: 2023-08-01",
                        "geldig_vanaf: 01-08-2023")
    assert problemen(data) == [
        (f"{bestand}:7:15: geldig_vanaf: ongeldige datum '01-08-2023' (verwacht JJJJ-MM-DD, "
        "bijvoorbeeld 2023-08-01)")
    ]


def test_alle_problemen_tegelijk(data: Path) -> None:
    wijzig(data, P2, "niveau: 4", "niveau: 7")
    wijzig(data, "voorbeeld/basisdeel.yaml", "[Samenwerken en overleggen, Analyseren]",
           "[Samenwerken en overleggen, Analyseeren]")
    wijzig(data, "voorbeeld/dossier.yaml", 'crebo: "12345"', 'crebo: "1234"')
    gemeld = problemen(data)
    assert len(gemeld) == 3
    assert any("niveau: 7 is te groot; verwacht hoogstens 4" in p for p in gemeld)
    assert any("'Analyseeren'" in p and "(bedoelt u 'Analyseren'?)" in p for p in gemeld)
    assert any("crebo: '1234' heeft niet de juiste vorm; verwacht een crebonummer van vijf "
               "cijfers" in p for p in gemeld)


def test_dubbel_crebo_tussen_dossier_en_profiel(data: Path) -> None:
    wijzig(data, P2, 'crebo: "12347"', 'crebo: "12345"')
    gemeld = problemen(data)
    assert len(gemeld) == 1
    assert "crebo 12345 van profiel P2 van voorbeeld is ook het crebo van dossier voorbeeld" in (
        gemeld[0])


def test_aliassen_worden_geweigerd(data: Path) -> None:
    bom = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n"
    (data / "voorbeeld/profielen/p2.yaml").write_text(bom, "utf-8")
    assert any("verwijzingen (YAML-aliassen, *naam) zijn niet toegestaan" in p
               for p in problemen(data))


def test_bestandsnaam_moet_bij_profielcode_passen(data: Path) -> None:
    (data / P2).rename(data / "voorbeeld/profielen/p3.yaml")
    assert any("p3.yaml:2:7: code: profiel P2 staat in p3.yaml (bedoelt u bestandsnaam "
               "p2.yaml?)" in p for p in problemen(data))
