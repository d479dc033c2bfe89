"""A fixture dossier full of hostile text: every string comes out literally, nothing from the
data becomes an element, an attribute, a link or a template."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browser import serveer
from htmlcontrole import onbekende_fouten, vnu
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

# Hand-written pages that show data through every macro.
_MACRO_PAGINAS = {
    "index.md": HOME,
    "gids.md": (
        "---\nrender_macros: true\n---\n# Gids\n\n"
        "- {{ dossier_link('voorbeeld') }}\n"
        "- {{ dossier_link('voorbeeld', 'P1') }}\n"
        "- {{ dossier_link('voorbeeld', 'P1-K1-W1', 'gedrag') }}\n\n"
        "{{ werkproces_kaart('voorbeeld', 'P1-K1-W1') }}\n\n"
        "{{ werkprocessen('voorbeeld', 'P2') }}\n"
    ),
}

# One page of every page type of the fixture site.
PAGINATYPEN = {
    "home": "index.html",
    "gids": "gids/index.html",
    "dossier": "voorbeeld/index.html",
    "profiel": "voorbeeld/p1/index.html",
    "kerntaak": "voorbeeld/p2-k1/index.html",
    "werkproces": "voorbeeld/p2-k1-w1/index.html",
    "competentie": "competenties/d/index.html",
    "competenties": "competenties/index.html",
    "matrix": "voorbeeld/matrix/index.html",
    "vergelijking": "voorbeeld/vergelijk/p1-p2/index.html",
}


@pytest.fixture(scope="module")
def vijandige_site(tmp_path_factory: pytest.TempPathFactory) -> VijandigeSite:
    """The built site and the hostile strings per data file."""
    return bouw_vijandig(tmp_path_factory.mktemp("vijandig"), _MACRO_PAGINAS)


def test_elk_paginatype_toont_de_vijandige_tekst_letterlijk(
    vijandige_site: VijandigeSite,
) -> None:
    controleer_letterlijk_per_paginatype(vijandige_site, PAGINATYPEN)


def test_elke_vijandige_tekst_staat_letterlijk_op_de_site(
    vijandige_site: VijandigeSite,
) -> None:
    assert ontbrekend_op_de_site(vijandige_site, vijandige_site.teksten()) == []


def test_geen_element_uit_de_data_in_de_html(vijandige_site: VijandigeSite) -> None:
    controleer_geen_element_uit_de_data(vijandige_site)


def test_json_export_houdt_de_tekst_letterlijk(vijandige_site: VijandigeSite) -> None:
    assert ontbrekend_in_export(vijandige_site, "voorbeeld") == []


@pytest.mark.browser
def test_zoekresultaten_tonen_de_tekst_letterlijk(vijandige_site: VijandigeSite,
                                                  browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    meldingen: list[str] = []
    page.on("dialog", lambda dialoog: (meldingen.append(dialoog.message), dialoog.dismiss()))
    with serveer(vijandige_site.site) as basis:
        page.goto(basis + "?zoek=alert")
        resultaten = page.locator("#kd-resultaten li")
        resultaten.first.wait_for()
        tekst = page.locator("#kd-resultaten").inner_text()
        ingevoegd = page.locator(
            "#kd-resultaten :is(img, script, style, b, iframe, [onerror], [onclick])").count()
        links = page.locator("#kd-resultaten a").evaluate_all("as => as.map(a => a.href)")
        aantal = resultaten.count()
    context.close()
    assert aantal >= 1
    assert "<script>alert" in tekst or "onerror=alert" in tekst
    assert ingevoegd == 0
    assert not [h for h in links if h.startswith("javascript") or "evil.example" in h]
    assert meldingen == []


def test_vijandige_tekst_breekt_de_html_niet(vijandige_site: VijandigeSite) -> None:
    # The Nu HTML Checker on every page type: escaped data never makes invalid HTML.
    site = vijandige_site.site
    assert onbekende_fouten(vnu([site / pad for pad in PAGINATYPEN.values()])) == []
