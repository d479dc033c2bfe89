"""The benchmark's generated corpus is what it claims: distinct copies of the real dossiers, each
with an older edition as a version that differs from it in a few words."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossierbench.corpus import genereer
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import laad_corpus

from conftest import DATA

pytestmark = pytest.mark.unit


def test_elke_kopie_heeft_een_oudere_versie_met_wijzigingen(tmp_path: Path) -> None:
    ids = genereer(DATA, tmp_path, 2)
    corpus = laad_corpus(tmp_path)
    echt = laad_corpus(DATA)
    assert sorted(d.id for d in corpus.dossiers) == sorted(ids)
    assert len(ids) == 2 * len(echt.dossiers)
    index = Index(corpus)
    for dossier_id in ids:
        oud, nieuw = corpus.versies_van(dossier_id)
        assert oud.id.startswith(f"{dossier_id}/")
        assert nieuw.id == dossier_id
        wijzigingen = index.wijzigingen(oud, nieuw)
        veranderd = [w for w in wijzigingen if w.omvang != "ongewijzigd"]
        # Some parts change, most stay; nothing is added or removed.
        assert 0 < len(veranderd) < len(wijzigingen), dossier_id
        assert {a for w in wijzigingen for a in w.aard} <= {
            "gewijzigd", "hernoemd", "ongewijzigd"}


def test_zonder_versies(tmp_path: Path) -> None:
    genereer(DATA, tmp_path, 1, versies=False)
    assert not laad_corpus(tmp_path).versies
