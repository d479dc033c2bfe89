"""Search as a student uses it: in Chromium at 375 px, against the real site and against a
hostile site published under a path, both served as GitHub Pages serves them (404.html for an
unknown address)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from dossierbench.relevantie import lees_vragen, meet, per_klasse, vraag_in_dialoog

from browser import serveer
from conftest import DATA, FIXTURES, bouw_ok, kopieer_data, wijzig
from versies import data_met_twee_versies

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("echte_site")]

TELEFOON = {"width": 375, "height": 812}


@pytest.fixture
def telefoon(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=TELEFOON)
    page = context.new_page()
    yield page
    context.close()


def zoek(page: Page, adres: str, term: str) -> list[str]:
    """Open the dialog on ``adres``, search, and return the result paths (without the host)."""
    page.goto(adres)
    return [urlsplit(r).path for r in vraag_in_dialoog(page, term)]


def test_samenstelling_vindt_haar_delen(telefoon: Page, adres: str) -> None:
    # "klachtenafhandeling" is on no page; "Signaleert en behandelt klachten" is.
    resultaten = zoek(telefoon, adres, "klachtenafhandeling")
    assert resultaten[0] == "/commercieel-medewerker-2009/3-1/"
    titel = telefoon.locator(".kd-resultaat").first.locator(".kd-resultaat__titel")
    assert titel.locator("mark").all_inner_texts() == ["klachten"]


def test_gesplitste_samenstelling(telefoon: Page, adres: str) -> None:
    assert zoek(telefoon, adres, "onderwijs assistent")[0] == "/pedagogisch-werk/p3/"
    assert zoek(telefoon, adres, "assistent")[0] == "/pedagogisch-werk/p3/"


def test_typfout_met_suggestie(telefoon: Page, adres: str) -> None:
    resultaten = zoek(telefoon, adres, "acountmanager")
    assert resultaten[0] in {"/commercie/p4/", "/commercieel-medewerker-2009/u4/"}
    suggestie = telefoon.locator("#kd-suggestie")
    assert suggestie.inner_text() == "Bedoelde je accountmanager?"
    suggestie.get_by_role("button", name="accountmanager").click()
    telefoon.wait_for_function(
        "document.querySelector('#kd-zoekstatus').textContent.includes('“accountmanager”')")
    assert telefoon.locator("#kd-zoekveld").input_value() == "accountmanager"
    assert suggestie.is_hidden()


def test_geen_typfoutsuggestie_bij_een_bestaand_woord(telefoon: Page, adres: str) -> None:
    zoek(telefoon, adres, "accountmanager")
    assert telefoon.locator("#kd-suggestie").is_hidden()


@pytest.mark.parametrize("term", ["p4k1w2", "P4 K1 W2", "p4-k1-w2"])
def test_code_in_elke_vorm(telefoon: Page, adres: str, term: str) -> None:
    resultaten = zoek(telefoon, adres, term)
    assert resultaten[0] == "/commercie/p4-k1-w2/"
    # Entity pages that mention the code come next; guides only after them.
    soorten = telefoon.locator(".kd-resultaat__soort").all_inner_texts()
    assert "Pagina" not in soorten[:4]


def test_codes_van_2009_binnen_hun_dossier(telefoon: Page, adres: str) -> None:
    assert zoek(telefoon, adres, "K2")[0] == "/commercieel-medewerker-2009/k2/"
    assert zoek(telefoon, adres, "2.6")[0] == "/commercieel-medewerker-2009/2-6/"


def test_toetsenbord_pijltjes_enter_escape_en_selectie(telefoon: Page, adres: str) -> None:
    page = telefoon
    zoek(page, adres, "verkoopgesprek")
    links = page.locator("#kd-resultaten .kd-resultaat")
    focus = "document.activeElement.getAttribute('href')"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focus) == links.nth(0).get_attribute("href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focus) == links.nth(1).get_attribute("href")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "kd-zoekveld"
    page.keyboard.press("Escape")
    assert not page.locator("#kd-zoeken").evaluate("d => d.open")

    # Reopened: the last query is selected, so typing replaces it instead of appending.
    page.locator("[data-kd-zoek-open]").first.click()
    veld = page.locator("#kd-zoekveld")
    assert veld.evaluate("v => [v.selectionStart, v.selectionEnd, v.value.length]") == [
        0, 14, 14]
    page.keyboard.type("p4k1w2")
    page.wait_for_function(
        "document.querySelector('#kd-zoekstatus').textContent.includes('“p4k1w2”')")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/commercie/p4-k1-w2/")
    assert not page.locator("#kd-zoeken").evaluate("d => d.open")


def test_resultaten_leesbaar_op_een_telefoon(telefoon: Page, adres: str) -> None:
    zoek(telefoon, adres, "verkoopgesprek")
    maten = telefoon.evaluate("""() => {
        const px = (e, p) => parseFloat(getComputedStyle(e)[p]);
        const r = document.querySelector('.kd-resultaat');
        const deel = s => px(r.querySelector(s), 'fontSize');
        const sluit = document.querySelector('.kd-zoeken__sluit');
        const dialoog = document.querySelector('#kd-zoeken');
        return {
            titel: deel('.kd-resultaat__titel'), soort: deel('.kd-resultaat__soort'),
            context: deel('.kd-resultaat__context'), fragment: deel('.kd-resultaat__fragment'),
            hoogtes: [...document.querySelectorAll('.kd-resultaat')]
                .map(a => a.getBoundingClientRect().height),
            sluitHoogte: sluit.getBoundingClientRect().height, sluitLetter: px(sluit, 'fontSize'),
            breed: dialoog.scrollWidth <= dialoog.clientWidth,
        };
    }""")
    assert maten["titel"] >= 16
    assert maten["titel"] > max(maten["soort"], maten["context"], maten["fragment"])
    assert min(maten["hoogtes"]) >= 44
    assert maten["sluitHoogte"] >= 44
    assert maten["sluitLetter"] >= 16
    assert maten["breed"]
    eerste = telefoon.locator(".kd-resultaat").first
    assert eerste.locator(".kd-resultaat__soort").inner_text() == "Werkproces"
    assert eerste.locator(".kd-resultaat__context").inner_text() == (
        "Commercie (23354) · P1 Commercieel medewerker · niveau 3")
    # The snippet marks the word in the form the page uses ("verkoopgesprekken").
    gemarkeerd = eerste.locator(".kd-resultaat__fragment mark").all_inner_texts()
    assert gemarkeerd
    assert all(w.lower().startswith("verkoopgesprek") for w in gemarkeerd)


def test_filter_op_soort_en_dossier(telefoon: Page, adres: str) -> None:
    zoek(telefoon, adres, "werkzaamheden")
    alle = """s => { const e = [...document.querySelectorAll(s[0])];
                     return e.length > 0 && e.every(x => x.textContent.startsWith(s[1])); }"""
    telefoon.locator("#kd-filter-soort").select_option("werkproces")
    telefoon.wait_for_function(alle, arg=[".kd-resultaat__soort", "Werkproces"])
    kiezer = telefoon.locator("#kd-filter-groep")
    waarde = kiezer.locator("option", has_text="Pedagogisch Werk").get_attribute("value")
    kiezer.select_option(waarde)
    telefoon.wait_for_function(alle, arg=[".kd-resultaat__context", "Pedagogisch Werk (23183)"])
    assert set(telefoon.locator(".kd-resultaat__soort").all_inner_texts()) == {"Werkproces"}
    status = telefoon.locator("#kd-zoekstatus").inner_text()
    assert status.endswith("resultaten voor “werkzaamheden”.")


@pytest.fixture(scope="module")
def versiesite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data with Commercie in two versions: the committed text as the older one."""
    data = data_met_twee_versies(DATA, tmp_path_factory.mktemp("versies") / "data")
    return bouw_ok(tmp_path_factory.mktemp("versiesite"), data)


def test_oudere_versies_alleen_met_het_filter(browser: Browser, versiesite: Path) -> None:
    # The older version's pages are in the index as a group that is not current: hidden until
    # the student asks for older versions, then filtered like any dossier.
    meta = json.loads((versiesite / "zoeken" / "meta.json").read_text("utf-8"))
    assert [g[:3] for g in meta["groepen"]] == [
        ["", "", 1],
        ["commercie", "Commercie (23354)", 1],
        ["commercie/2023-08-01",
         "Commercie (23354), versie Gewijzigd 2023, geldig vanaf 01-08-2023", 0]]
    context = browser.new_context(viewport=TELEFOON)
    page = context.new_page()
    with serveer(versiesite) as adres:
        resultaten = zoek(page, adres, "accountplan")
        assert resultaten
        assert not any("/2023-08-01/" in r for r in resultaten)
        aantal = int(page.locator("#kd-zoekstatus").inner_text().split()[0])
        ouder = int(page.locator("label[for=kd-filter-ouder]").inner_text().split("(")[1][:-1])
        page.locator("#kd-filter-ouder").check()
        page.wait_for_function(
            "n => document.querySelector('#kd-zoekstatus').textContent.startsWith(n + ' ')",
            arg=aantal + ouder)
        versie = page.locator("#kd-filter-groep option", has_text="versie Gewijzigd 2023")
        page.select_option("#kd-filter-groep", versie.get_attribute("value"))
        page.wait_for_function(
            "n => document.querySelector('#kd-zoekstatus').textContent.startsWith(n + ' ')",
            arg=ouder)
        eerste = page.locator(".kd-resultaat").first
        assert "/commercie/2023-08-01/" in (eerste.get_attribute("href") or "")
        assert "versie Gewijzigd 2023" in eerste.locator(".kd-resultaat__context").inner_text()
    context.close()


def test_zoeken_op_de_404_pagina_van_een_site_op_de_domeinwortel(
        telefoon: Page, adres: str) -> None:
    telefoon.goto(adres + "bestaat/niet/")
    assert telefoon.locator("h1").first.inner_text() == "Deze pagina bestaat niet"
    resultaten = vraag_in_dialoog(telefoon, "p4k1w2")
    assert resultaten[0] == adres + "commercie/p4-k1-w2/"


@pytest.fixture(scope="module")
def site_onder_pad(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini site with hostile text in a werkproces, published under /onder/pad/."""
    data = kopieer_data(tmp_path_factory.mktemp("onder-pad") / "data", FIXTURES / "mini")
    wijzig(data, "voorbeeld/profielen/p2.yaml", "omschrijving: [Een ander., ",
           "omschrijving: ['Het <img src=x onerror=alert(1)> verkoopgesprek <script>alert(1)"
           "</script> & <b>vet</b>', ")
    wijzig(data, "voorbeeld/profielen/p2.yaml", "titel: Voert een verkoopgesprek",
           "titel: Voert een <i>verkoopgesprek</i> & meer")
    return bouw_ok(data.parent / "project", data, site_url="http://127.0.0.1:8000/onder/pad/")


def test_snippet_markeert_de_woorden_en_laat_vijandige_tekst_tekst(
        telefoon: Page, site_onder_pad: Path) -> None:
    meldingen: list[str] = []
    telefoon.on("dialog", lambda d: (meldingen.append(d.message), d.dismiss()))
    with serveer(site_onder_pad, "/onder/pad/") as adres:
        zoek(telefoon, adres, "verkoopgesprek")
        resultaat = telefoon.locator(".kd-resultaat", has_text="<i>").first
        titel = resultaat.locator(".kd-resultaat__titel")
        fragment = resultaat.locator(".kd-resultaat__fragment")
        assert titel.inner_text() == "P2-K1-W2 Voert een <i>verkoopgesprek</i> & meer"
        assert fragment.inner_text() == (
            "Het <img src=x onerror=alert(1)> verkoopgesprek <script>alert(1)</script> & "
            "<b>vet</b>")
        # Only our own <mark> elements: the data's tags are text.
        assert resultaat.evaluate(
            "r => [...r.querySelectorAll('*')].map(e => e.tagName.toLowerCase())"
            ".filter(t => !['span', 'mark'].includes(t))") == []
        assert fragment.locator("mark").all_inner_texts() == ["verkoopgesprek"]
        assert titel.locator("mark").all_inner_texts() == ["verkoopgesprek"]
        assert meldingen == []  # no alert() from the data ran


def test_zoeken_onder_een_pad_ook_op_de_404_pagina(telefoon: Page,
                                                    site_onder_pad: Path) -> None:
    with serveer(site_onder_pad, "/onder/pad/") as adres:
        for pagina in (adres, adres + "voorbeeld/p2/", adres + "bestaat/niet/"):
            telefoon.goto(pagina)
            resultaten = vraag_in_dialoog(telefoon, "p2k1w2")
            assert resultaten[0] == adres + "voorbeeld/p2-k1-w2/", pagina


def test_relevantieset_top3_minstens_95_procent(browser: Browser, adres: str,
                                                echte_site: Path) -> None:
    vragen = lees_vragen()
    assert len(vragen) >= 60
    for vraag in vragen:  # every acceptable answer is a page of the site
        for antwoord in vraag.antwoorden:
            assert (echte_site / antwoord / "index.html").is_file(), (vraag.vraag, antwoord)
    figuren = per_klasse(meet(adres, vragen, browser=browser))
    assert figuren["alle"].top3 >= 0.95, figuren
