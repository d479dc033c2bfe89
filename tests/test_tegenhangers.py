"""Counterparts of werkprocessen from the 2009 dossier Commercieel medewerker to Commercie,
computed from their texts; a maintainer's confirmation or choice in relaties.yaml wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from kwalificatiedossiers.export import relaties
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.corpus import Corpus
from kwalificatiedossiers.model.relaties import Werkproceskoppeling
from kwalificatiedossiers.tegenhangers import Tegenhanger, tegenhangers

from conftest import ID_2009, kopieer_echte_data, problemen, wijzig

pytestmark = pytest.mark.golden

ZEKER = {
    ("U1", "2.1"): {"P1-K1-W1"}, ("U1", "2.2"): {"P1-K1-W2"}, ("U1", "2.3"): {"P1-K1-W4"},
    ("U1", "2.5"): {"P1-K1-W5"}, ("U1", "2.6"): {"P1-K1-W5", "P1-K1-W4"},
    ("U1", "2.7"): {"P1-K1-W6"}, ("U1", "3.1"): {"P1-K1-W7"},
    ("U1", "1.1"): {"B1-K1-W1", "B1-K2-W1"}, ("U1", "3.2"): {"B1-K2-W2", "P1-K1-W3"},
    ("U2", "2.3"): {"P1-K1-W4"}, ("U2", "2.8"): {"P1-K1-W7"}, ("U2", "3.1"): {"P1-K1-W7"},
    ("U4", "1.4"): {"P4-K1-W1"}, ("U4", "1.5"): {"P4-K1-W2"}, ("U4", "1.6"): {"P4-K1-W3"},
    ("U4", "2.1"): {"P4-K2-W1"}, ("U4", "2.2"): {"P4-K2-W2"}, ("U4", "2.3"): {"P4-K2-W3"},
    ("U4", "2.4"): {"P4-K2-W3"}, ("U4", "2.5"): {"P4-K2-W4"},
    ("U4", "2.6"): {"P4-K2-W4", "P4-K2-W3"}, ("U4", "2.8"): {"P4-K2-W6"},
    ("U4", "3.1"): {"P4-K2-W6"}, ("U4", "3.4"): {"P4-K1-W5"},
}
"""Werkprocessen whose counterpart a reader of both dossiers names with confidence (titles and
texts read side by side), with every counterpart that reader would accept."""


def _alle(corpus: Corpus) -> dict[tuple[str, str], Tegenhanger]:
    (relatie,) = corpus.relaties
    uit = {}
    for voortzetting in relatie.voortzettingen:
        for t in tegenhangers(corpus.dossier(relatie.voorganger),
                              corpus.dossier(relatie.opvolger), voortzetting):
            uit[(voortzetting.voorganger, t.voorganger.code)] = t
    return uit


def test_de_berekende_tegenhangers_treffen_wat_een_lezer_zeker_weet(echt_corpus: Corpus) -> None:
    alle = _alle(echt_corpus)
    goed = [sleutel for sleutel, juist in ZEKER.items()
            if alle[sleutel].opvolger is not None and alle[sleutel].opvolger.code in juist]
    print(f"{len(goed)} van {len(ZEKER)} goed")
    assert len(goed) >= 17
    # Every werkproces of U1, U2 and U4 has a line, with a score between 0 and 1.
    assert len(alle) == 11 + 12 + 17
    assert all(0 <= t.score <= 1 for t in alle.values())


def test_bevestigd_door_de_beheerders(echt_corpus: Corpus) -> None:
    bevestigd = {s: t for s, t in _alle(echt_corpus).items() if t.bevestigd}
    assert list(bevestigd) == [("U1", "2.7")]
    t = bevestigd[("U1", "2.7")]
    assert t.opvolger is not None
    assert t.opvolger.code == "P1-K1-W6"
    assert t.toelichting is not None
    assert "bijna dezelfde titel" in t.toelichting


def test_een_keuze_van_de_beheerders_wint_ook_tegen_de_berekening(echt_corpus: Corpus) -> None:
    (relatie,) = echt_corpus.relaties
    u1 = relatie.voortzettingen[0].model_copy(update={"werkprocessen": [
        Werkproceskoppeling(voorganger="3.1", opvolger="P1-K1-W7"),
        Werkproceskoppeling(voorganger="1.3", opvolger=None, toelichting="Geen."),
    ]})
    uit = {t.voorganger.code: t for t in tegenhangers(
        echt_corpus.dossier(relatie.voorganger), echt_corpus.dossier(relatie.opvolger), u1)}
    gekozen = uit["3.1"]
    assert gekozen.bevestigd
    assert gekozen.opvolger is not None
    assert gekozen.opvolger.code == "P1-K1-W7"
    assert 0 < gekozen.score < uit["2.2"].score
    assert (uit["1.3"].opvolger, uit["1.3"].bevestigd, uit["1.3"].toelichting) == (
        None, True, "Geen.")
    assert not uit["2.2"].bevestigd


def test_onbekende_werkprocessen_in_een_koppeling(tmp_path: Path) -> None:
    data = kopieer_echte_data(tmp_path / "data", "competenties.yaml", "relaties.yaml",
                              "commercie", ID_2009)
    pad, regel = wijzig(data, "relaties.yaml", "opvolger: P1-K1-W6", "opvolger: P4-K1-W6")
    (melding,) = problemen(data)
    assert melding.startswith(f"{pad}:{regel}:")
    assert "P4-K1-W6 is geen werkproces van P1 in commercie" in melding


def test_export_noemt_elke_tegenhanger(echt_corpus: Corpus) -> None:
    data = relaties(Index(echt_corpus))
    (relatie,) = data["relaties"]
    u1 = relatie["voortzettingen"][0]
    assert (u1["voorganger"], u1["opvolger"]) == ("U1", "P1")
    regels = {w["voorganger"]: w for w in u1["werkprocessen"]}
    berekend = _alle(echt_corpus)
    assert {c: (w["opvolger"], w["gelijkenis"], w["bevestigd"]) for c, w in regels.items()} == {
        code: (t.opvolger.code if t.opvolger else None, t.score, t.bevestigd)
        for (variant, code), t in berekend.items() if variant == "U1"}
