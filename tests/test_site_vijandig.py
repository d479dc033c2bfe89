"""A fixture dossier full of hostile text: every string comes out literally, nothing from the
data becomes an element, an attribute, a link or a template."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser import serveer
from conftest import bouw_ok, kopieer_data
from htmlcontrole import Pagina, html_paginas, onbekende_fouten, vnu
from vijandig import maak_vijandig

# Script sources and inline scripts the theme itself puts on every page.
_EIGEN_SCRIPTS = ("assets/javascripts/", "assets/kwalificatiedossiers/")


Vijandig = tuple[Path, dict[str, list[str]]]
"""A built site and the hostile strings per data file."""

# Hand-written pages that show data through every macro.
_MACRO_PAGINAS = {
    "index.md": "---\nrender_macros: true\n---\n# Home\n\n{{ dossierkaarten() }}\n",
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
def vijandige_site(tmp_path_factory: pytest.TempPathFactory) -> Vijandig:
    """The built site and the hostile strings per data file."""
    basis = tmp_path_factory.mktemp("vijandig")
    data = kopieer_data(basis / "data")
    gebruikt = maak_vijandig(data)
    return bouw_ok(basis / "project", data, _MACRO_PAGINAS), gebruikt


def _alle(gebruikt: dict[str, list[str]]) -> list[str]:
    return [tekst for teksten in gebruikt.values() for tekst in teksten]


def _inhoudspaginas(site: Path) -> dict[str, Pagina]:
    """Every page of the site (entity pages, competences, home, guide, short links, 404)."""
    return {p: v for p, v in html_paginas(site).items() if not p.startswith("zoeken/")}


def test_elk_paginatype_toont_de_vijandige_tekst_letterlijk(
    vijandige_site: Vijandig,
) -> None:
    site, gebruikt = vijandige_site
    per_nummer = {int(t[1:t.index(":")]): t for t in _alle(gebruikt)}
    paginas = _inhoudspaginas(site)
    for soort, pad in PAGINATYPEN.items():
        tekst = paginas[pad].tekst
        markeringen = [int(m) for m in re.findall(r"\bV(\d+): ", tekst)]
        assert len(markeringen) >= 1, soort
        # Wherever a hostile string starts, all of it follows, character for character.
        for nummer in set(markeringen):
            assert " ".join(per_nummer[nummer].split()) in tekst, (soort, nummer)


def test_elke_vijandige_tekst_staat_letterlijk_op_de_site(
    vijandige_site: Vijandig,
) -> None:
    site, gebruikt = vijandige_site
    alle_tekst = " ".join(p.tekst for p in _inhoudspaginas(site).values())
    ontbrekend = [t for t in _alle(gebruikt) if " ".join(t.split()) not in alle_tekst]
    assert ontbrekend == []


def test_geen_element_uit_de_data_in_de_html(vijandige_site: Vijandig) -> None:
    site, _ = vijandige_site
    for pad, pagina in _inhoudspaginas(site).items():
        for element in pagina.elementen:
            assert element.tag not in {"img", "b", "style", "iframe", "object"}, pad
            assert not any(a.startswith("on") for a in element.attrs), (pad, element)
            href = str(element.attrs.get("href") or "")
            assert not href.lower().startswith("javascript"), (pad, element)
            assert "evil.example" not in href, (pad, element)
            if element.tag == "script" and element.attrs.get("src"):
                assert any(s in str(element.attrs["src"]) for s in _EIGEN_SCRIPTS), pad
            klasse = str(element.attrs.get("class") or "")
            assert "klasse" not in klasse, pad
        html = (site / pad).read_text("utf-8")
        assert "<script>alert" not in html
        assert "<!-- commentaar -->" not in html
        assert "<del>weg</del>" not in html


def test_json_export_houdt_de_tekst_letterlijk(vijandige_site: Vijandig) -> None:
    site, gebruikt = vijandige_site
    export = json.dumps(json.loads((site / "api/voorbeeld.json").read_text("utf-8")),
                        ensure_ascii=False)
    # The export holds the dossier files (the shared competences are referenced by name).
    dossier = [t for bestand, teksten in gebruikt.items() if bestand.startswith("voorbeeld/")
               for t in teksten]
    assert dossier
    ontbrekend = [t for t in dossier if json.dumps(t, ensure_ascii=False)[1:-1] not in export]
    assert ontbrekend == []


@pytest.mark.browser
def test_zoekresultaten_tonen_de_tekst_letterlijk(vijandige_site: Vijandig,
                                                  browser: Browser) -> None:
    site, _ = vijandige_site
    context = browser.new_context()
    page = context.new_page()
    meldingen: list[str] = []
    page.on("dialog", lambda dialoog: (meldingen.append(dialoog.message), dialoog.dismiss()))
    with serveer(site) as basis:
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


def test_vijandige_tekst_breekt_de_html_niet(vijandige_site: Vijandig) -> None:
    # The Nu HTML Checker on every page type: escaped data never makes invalid HTML.
    site, _ = vijandige_site
    assert onbekende_fouten(vnu([site / pad for pad in PAGINATYPEN.values()])) == []
