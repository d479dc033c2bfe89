"""A fixture dossier full of hostile text: every string comes out literally, nothing from the
data becomes an element, an attribute, a link or a template."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser import serveer
from conftest import bouw, kopieer_data
from htmlcontrole import onbekende_fouten, vnu
from vijandig import (
    HOME,
    VijandigeSite,
    bouw_vijandig,
    controleer_geen_element_uit_de_data,
    controleer_letterlijk_per_paginatype,
    maak_vijandig,
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


STUURTEKENS = ["{v} NUL\x00", "\x1b[2J\x1b[H{v} ESC", "{v} \u202eRLO", "{v} \x9b2J CSI",
               "{v} \u2066LRI\u2069", "{v} \u200fRLM", "{v} DEL\x7f", "{v} CR\rin orde"]
"""Control characters and bidi overrides that a page, the JSON export or a terminal would act
on: one in every text field."""


def test_stuurtekens_in_elk_tekstveld_stoppen_de_build_met_bestand_en_regel(tmp_path: Path
                                                                          ) -> None:
    data = kopieer_data(tmp_path / "data")
    gebruikt = maak_vijandig(data, STUURTEKENS)
    proces = bouw(tmp_path / "project", data, {"index.md": HOME})
    assert proces.returncode == 1
    assert not (tmp_path / "project" / "site" / "voorbeeld").exists()
    # Every hostile string is refused in its own file, with the line and the path of its value.
    meldingen = [r.strip().split(": ", 2) for r in proces.stderr.splitlines()
                 if ": stuurteken U+" in r]
    for bestand, teksten in gebruikt.items():
        plekken = {(plek, pad) for plek, pad, _ in meldingen
                   if plek.startswith(f"{data / bestand}:")}
        # (References to a competence carry its hostile name: refused as well.)
        tekstvelden = {pad for _, pad in plekken if not re.search(r"competenties?\[\d+\]$", pad)}
        assert len(tekstvelden) == len(teksten), bestand
        assert all(int(plek.split(":")[1]) >= 1 for plek, _ in plekken), plekken
    assert sum(map(len, gebruikt.values())) > 40
    # The messages escape what they would echo.
    assert not any(t in proces.stderr for t in "\x00\x1b\u202e\x9b\u2066\u2028\x7f\r")


def test_een_extensie_die_markdown_py_niet_kent_stopt_de_build(tmp_path: Path) -> None:
    # def_list would make a teacher's line ": ..." a definition: data text could become markup.
    proces = bouw(tmp_path / "project", kopieer_data(tmp_path / "data"),
                  {"index.md": "# Home\n"}, markdown_extensions=[
                      "toc", "attr_list", "md_in_html", "tables", "admonition", "def_list"])
    assert proces.returncode == 1
    assert ("markdown_extensions in mkdocs.yml noemt def_list; wat die extensie betekenis geeft, "
            "staat niet in SYNTAX in kwalificatiedossiers/markdown.py") in proces.stderr
