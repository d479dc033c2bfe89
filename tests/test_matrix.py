"""Golden matrices of the Commercie dossier: equivalence groups and competence counts."""

from __future__ import annotations

from collections import Counter

import pytest

from kwalificatiedossiers.index import Index
from kwalificatiedossiers.matrix import competentie_tellingen, groepen, matrix_rijen
from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.model.corpus import Corpus

pytestmark = pytest.mark.golden


@pytest.fixture(scope="module")
def index(echt_corpus: Corpus) -> Index:
    return Index(echt_corpus)


@pytest.fixture(scope="module")
def commercie(index: Index) -> Dossier:
    dossier = index.corpus.dossier("commercie")
    assert isinstance(dossier, Dossier)
    return dossier


def test_werkprocesgroepen(commercie: Dossier) -> None:
    assert set(groepen(matrix_rijen(commercie), "werkproces")) == {
        # Bereidt een commercieel traject voor
        frozenset({"P1-K1-W1", "P4-K2-W1", "P5-K3-W1", "P6-K3-W1"}),
        # Acquireert klanten en/of opdrachten
        frozenset({"P1-K1-W2", "P4-K2-W2", "P5-K3-W2", "P6-K3-W2"}),
        # Voert een verkoopgesprek
        frozenset({"P1-K1-W4", "P4-K2-W3", "P5-K3-W3", "P6-K3-W3"}),
        # Doet klanten een commercieel aanbod
        frozenset({"P1-K1-W5", "P4-K2-W4", "P5-K3-W4", "P6-K3-W4"}),
        # Verzorgt het interne ordertraject
        frozenset({"P1-K1-W6", "P4-K2-W5", "P5-K3-W5", "P6-K3-W5"}),
        # Voert aftersales uit
        frozenset({"P1-K1-W7", "P2-K2-W4", "P4-K2-W6", "P5-K3-W7", "P6-K3-W6"}),
        # Voert accountanalyses uit
        frozenset({"P2-K2-W1", "P4-K1-W1", "P6-K2-W2"}),
    }


def test_kerntaakgroepen(commercie: Dossier) -> None:
    assert set(groepen(matrix_rijen(commercie), "kerntaak")) == {
        # Voert een commercieel traject uit
        frozenset({"P1-K1", "P4-K2", "P5-K3", "P6-K3"}),
    }


def test_voorbeelden_uit_het_issue(commercie: Dossier) -> None:
    rijen = {r.titel: r for r in matrix_rijen(commercie) if not r.basisdeel}
    aftersales = rijen["Voert aftersales uit"]
    assert {p: [c.code for c in cellen] for p, cellen in aftersales.cellen.items()} == {
        "P1": ["P1-K1-W7"], "P2": ["P2-K2-W4"], "P4": ["P4-K2-W6"], "P5": ["P5-K3-W7"],
        "P6": ["P6-K3-W6"],
    }
    assert "P3" not in aftersales.cellen


def test_basisdeelrijen_gelden_voor_elk_profiel(commercie: Dossier) -> None:
    basis = [r for r in matrix_rijen(commercie) if r.basisdeel]
    assert len(basis) == 2 + 8
    for rij in basis:
        assert set(rij.cellen) == {"P1", "P2", "P3", "P4", "P5", "P6"}
        assert len(rij.codes) == 1


def test_elke_werkproces_staat_in_precies_een_rij(commercie: Dossier) -> None:
    codes = Counter(
        c.code for r in matrix_rijen(commercie) if r.soort == "werkproces" and not r.basisdeel
        for cellen in r.cellen.values() for c in cellen
    )
    eigen = [w.code for p in commercie.profielen for k in p.kerntaken for w in k.werkprocessen]
    assert sorted(codes) == sorted(eigen)
    assert set(codes.values()) == {1}


def test_competentietellingen_gelijk_aan_een_eigen_telling(index: Index, commercie: Dossier
                                                           ) -> None:
    namen = {c.naam: c.code for c in index.corpus.competenties}
    for profiel in commercie.profielen:
        verwacht: Counter[str] = Counter()
        for kerntaak in [*commercie.basisdeel.kerntaken, *profiel.kerntaken]:
            for werkproces in kerntaak.werkprocessen:
                verwacht.update({namen[n] for n in werkproces.competenties})
        assert competentie_tellingen(index, commercie)[profiel.code] == verwacht, profiel.code
