"""A change page with more differences than one page holds: the first page lists every changed
part, the differences continue on numbered pages within the page budget, and the change badges
link to the page that holds the part.

The data: the benchmark's generated corpus, in which every dossier has an older edition with
words changed in every fifth gedrag item and title (Commercie: 77 changed parts).
"""

from __future__ import annotations

import re

import pytest

from dossierbench.corpus import genereer
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.paginas import Pagina, paginas_van_dossier
from kwalificatiedossiers.paginas.versies import anker, getoond

from conftest import DATA

pytestmark = pytest.mark.unit

PAGINA = "commercie-1/versies/2021-08-01-naar-2023-08-01"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    data = tmp_path_factory.mktemp("lang")
    genereer(DATA, data, 1)
    return Index(laad_corpus(data))


@pytest.fixture(scope="module")
def paginas(index: Index) -> dict[str, Pagina]:
    return {p.src: p for p in paginas_van_dossier(index, index.corpus.dossier("commercie-1"))}


def _ankers(body: str) -> list[str]:
    return re.findall(r'<h3 id="([^"]+)"', body)


def test_de_verschillen_staan_verdeeld_en_elk_onderdeel_precies_een_keer(
        index: Index, paginas: dict[str, Pagina]) -> None:
    delen = [paginas[f"{PAGINA}.md"]]
    delen += [paginas[f"{PAGINA}/{n}.md"] for n in range(2, 20) if f"{PAGINA}/{n}.md" in paginas]
    assert len(delen) >= 3
    oud, nieuw = index.corpus.versies_van("commercie-1")
    verwacht = [anker(w) for w in getoond(index.wijzigingen(oud, nieuw))]
    assert len(verwacht) > 70
    assert [a for d in delen for a in _ankers(d.body)] == verwacht
    # Each page well within the budget of 100 KB for a whole page (the site's frame is ~20 KB).
    assert max(len(d.body.encode()) for d in delen) < 70_000
    # Every page links to every other, above and below; the first lists every part, linked to
    # its page.
    for nummer, deel in enumerate(delen, 1):
        assert deel.body.count('aria-current="page">') == 2
        assert deel.body.count(f'<span aria-current="page">{nummer}</span>') == 2
        assert deel.body.count('<li><a href="') >= 2 * (len(delen) - 1)
    lijst = delen[0].body.split('id="alle"', 1)[1]
    for nummer, deel in enumerate(delen, 1):
        naar = "./" if nummer == 1 else f"{nummer}/"
        for a in _ankers(deel.body):
            assert f'href="{naar}#{a}"' in lijst
    assert "(deel 2)" in delen[1].titel


def test_de_badge_linkt_naar_de_pagina_van_het_onderdeel(
        paginas: dict[str, Pagina]) -> None:
    delen = {n: paginas[f"{PAGINA}/{n}.md"].body for n in range(2, 20)
             if f"{PAGINA}/{n}.md" in paginas}
    laatste = max(delen)
    code = _ankers(delen[laatste])[-1]
    werkproces = paginas[f"commercie-1/{code}.md"].body
    assert (f'href="../versies/2021-08-01-naar-2023-08-01/{laatste}/#{code}">Wat is er '
            "veranderd</a>") in werkproces
