"""A small competentiegericht dossier (and its relation to the mini dossier) full of hostile
text: every string comes out literally on the 2009-format pages, nothing from the data becomes
an element, an attribute, a link or a template."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from vijandig import (
    HOME,
    VijandigeSite,
    bouw_vijandig,
    controleer_geen_element_uit_de_data,
    controleer_letterlijk_per_paginatype,
    ontbrekend_in_export,
    ontbrekend_op_de_site,
)

pytestmark = pytest.mark.build

ID = "oud-voorbeeld"

# Hand-written pages that show the 2009 data through the macros.
_MACRO_PAGINAS = {
    "index.md": HOME,
    "gids.md": (
        "---\nrender_macros: true\n---\n# Gids\n\n"
        f"- {{{{ dossier_link('{ID}') }}}}\n"
        f"- {{{{ dossier_link('{ID}', 'U1') }}}}\n"
        f"- {{{{ dossier_link('{ID}', 'K1') }}}}\n"
        f"- {{{{ dossier_link('{ID}', '1.1', 'u1-resultaat') }}}}\n"
    ),
}

# One page of every page type of the 2009 format (and the pages it adds to).
PAGINATYPEN = {
    "home": "index.html",
    "gids": "gids/index.html",
    "dossier": f"{ID}/index.html",
    "uitstroom": f"{ID}/u1/index.html",
    "kerntaak": f"{ID}/k1/index.html",
    "werkproces": f"{ID}/1-1/index.html",
    "matrix": f"{ID}/matrix/index.html",
    "vergelijking": f"{ID}/vergelijk/u1-u2/index.html",
    "competentie": "competenties/e/index.html",
    "profiel met voorganger": "voorbeeld/p1/index.html",
    "opvolger": "voorbeeld/index.html",
}


def _met_2009(data: Path) -> None:
    """Add the 2009-format fixture and its relation to the mini data."""
    shutil.copytree(FIXTURES / "competentiegericht" / ID, data / ID)
    shutil.copy(FIXTURES / "competentiegericht" / "relaties.yaml", data / "relaties.yaml")


@pytest.fixture(scope="module")
def vijandige_site(tmp_path_factory: pytest.TempPathFactory) -> VijandigeSite:
    """The mini data plus the 2009-format fixture and their relation, all text hostile."""
    return bouw_vijandig(tmp_path_factory.mktemp("vijandig-2009"), _MACRO_PAGINAS, _met_2009)


def _van_2009(vijandig: VijandigeSite) -> list[str]:
    """The hostile strings of the 2009 dossier's files and of relaties.yaml."""
    return vijandig.teksten(f"{ID}/", "relaties.yaml")


def test_de_2009_pagina_s_zijn_gebouwd(vijandige_site: VijandigeSite) -> None:
    assert len(_van_2009(vijandige_site)) > 80
    for pad in PAGINATYPEN.values():
        assert (vijandige_site.site / pad).exists(), pad


def test_elk_paginatype_toont_de_vijandige_tekst_letterlijk(vijandige_site: VijandigeSite
                                                            ) -> None:
    controleer_letterlijk_per_paginatype(vijandige_site, PAGINATYPEN)


def test_elke_vijandige_tekst_staat_letterlijk_op_de_site(vijandige_site: VijandigeSite
                                                          ) -> None:
    assert ontbrekend_op_de_site(vijandige_site, _van_2009(vijandige_site)) == []


def test_geen_element_uit_de_data_in_de_html(vijandige_site: VijandigeSite) -> None:
    controleer_geen_element_uit_de_data(vijandige_site)


def test_json_export_houdt_de_tekst_letterlijk(vijandige_site: VijandigeSite) -> None:
    assert ontbrekend_in_export(vijandige_site, ID) == []
