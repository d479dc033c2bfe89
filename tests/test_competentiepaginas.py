"""Competence pages stay small at any corpus size: the werkprocessen move to a page per dossier
once there are too many for one page."""

from __future__ import annotations

import re

import pytest

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.corpus import Corpus
from kwalificatiedossiers.paginas import alle_paginas, competentie

pytestmark = pytest.mark.unit


def _paginas(index: Index) -> dict[str, str]:
    return {p.src: p.html.html for p in alle_paginas(index)}


def _links(html: str) -> list[str]:
    return [h for h in re.findall(r'href="([^"#]*)', html) if h]


def test_klein_corpus_toont_de_werkprocessen_op_de_competentiepagina(
    echt_corpus: Corpus,
) -> None:
    index = Index(echt_corpus)
    paginas = _paginas(index)
    j = paginas[urls.competentie_src("J")]
    for gebruik in index.gebruik["J"]:
        assert f'id="dossier-{gebruik.dossier_id}"' in j
        assert f">{gebruik.code} " in j
    # Every dossier that names J also has its own page for J, listing exactly its werkprocessen.
    for dossier_id in {g.dossier_id for g in index.gebruik["J"]}:
        eigen = paginas[urls.competentie_in_dossier_src("J", dossier_id)]
        codes = re.findall(r">([^<>]+?) [^<>]*</a> — ", eigen)
        assert codes == [g.code for g in index.gebruik["J"] if g.dossier_id == dossier_id]


def test_groot_corpus_verwijst_per_dossier(echt_corpus: Corpus,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    index = Index(echt_corpus)
    monkeypatch.setattr(competentie, "INLINE_MAX", len(index.gebruik["J"]) - 1)
    j = _paginas(index)[urls.competentie_src("J")]
    dossiers = list(dict.fromkeys(g.dossier_id for g in index.gebruik["J"]))
    # One line per dossier, in order, each linking to the dossier's page for J; no werkproces.
    assert _links(j.split('id="werkprocessen"', 1)[1]) == [
        f"{dossier_id}/" for dossier_id in dossiers]
    for dossier_id in dossiers:
        assert f'id="dossier-{dossier_id}"' in j
    assert not any(f">{g.code} " in j for g in index.gebruik["J"])
