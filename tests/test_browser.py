"""What a person sees, in headless Chromium against the real site served on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("echte_site")]


@pytest.fixture
def pagina(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def zoek(page: Page, adres: str, term: str) -> list[str]:
    """Search from the home page with the search dialog; return the result links."""
    page.goto(adres)
    page.get_by_role("button", name="Zoeken").first.click()
    invoer = page.locator("#kd-zoekveld")
    invoer.wait_for()
    invoer.fill(term)
    page.locator(".kd-resultaat").first.wait_for()
    return [str(a.get_attribute("href")) for a in page.locator(".kd-resultaat").all()]


def test_code_zoeken_geeft_het_werkproces_als_eerste(pagina: Page, adres: str) -> None:
    resultaten = zoek(pagina, adres, "P4-K1-W2")
    assert resultaten[0].endswith("/commercie/p4-k1-w2/")


def test_kerntaakcode_zoeken_geeft_een_kerntaak_als_eerste(pagina: Page, adres: str) -> None:
    resultaten = zoek(pagina, adres, "B1-K1")
    assert resultaten[0].endswith("/b1-k1/")


def test_nederlandse_woordvormen(pagina: Page, adres: str) -> None:
    resultaten = zoek(pagina, adres, "verkoopgesprekken")
    verkoopgesprek = {"/commercie/p1-k1-w4/", "/commercie/p4-k2-w3/", "/commercie/p5-k3-w3/",
                      "/commercie/p6-k3-w3/"}
    assert verkoopgesprek <= {urlsplit(r).path for r in resultaten}


def test_crebo_zoeken(pagina: Page, adres: str) -> None:
    assert zoek(pagina, adres, "25877")[0].endswith("/commercie/p4/")
    assert zoek(pagina, adres, "23354")[0].endswith("/commercie/")


def test_van_home_naar_competentie_alleen_met_klikken(pagina: Page, adres: str) -> None:
    pagina.goto(adres)
    for naam, kop in (
        ("Commercie", "Commercie"),
        ("Junior accountmanager", "P4 Junior accountmanager"),
        ("P4-K1 Voert het accountmanagement uit en beheert relaties", "P4-K1 Voert"),
        ("P4-K1-W2 Stelt een accountplan op", "P4-K1-W2 Stelt een accountplan op"),
        ("J Formuleren en rapporteren", "J Formuleren en rapporteren"),
    ):
        pagina.locator("article").get_by_role("link", name=naam, exact=True).first.click()
        pagina.wait_for_load_state()
        assert pagina.locator("h1").first.inner_text().startswith(kop), naam
    assert urlsplit(pagina.url).path == "/competenties/j/"


def test_crebo_korte_link(pagina: Page, adres: str) -> None:
    pagina.goto(adres + "25877/")
    pagina.wait_for_url("**/commercie/p4/")
    assert pagina.locator("h1").first.inner_text().startswith("P4 Junior accountmanager")


@pytest.mark.parametrize("pad", ["commercie/p4-k1-w2/", "commercie/matrix/",
                                 "commercie/vergelijk/p1-p4/", "commercie/"])
def test_geen_horizontaal_scrollen_op_375px(browser: Browser, adres: str, pad: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(adres + pad)
    breedte = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    context.close()
    assert breedte[0] <= breedte[1], breedte


@pytest.mark.parametrize("breedte", [375, 1280])
def test_kopregel_van_matrix_blijft_zichtbaar(browser: Browser, adres: str, breedte: int) -> None:
    # The matrix no longer scrolls vertically inside its box (issue 12: no scroll box inside
    # the page); what this protected stays: while the page scrolls through a long matrix, its
    # header row stays in view, under the site's header, above the rows being read.
    context = browser.new_context(viewport={"width": breedte, "height": 812})
    page = context.new_page()
    page.goto(adres + "commercie/matrix/")
    tabel = page.locator(".kd-tabel").first
    rij = tabel.locator("tbody th").nth(20)
    rij.evaluate("r => window.scrollTo(0, r.getBoundingClientRect().top + scrollY - 400)")
    page.wait_for_timeout(150)
    kopregel = page.locator(".md-header").bounding_box()
    kop = tabel.locator("thead th").nth(1).bounding_box()
    rijvak = rij.bounding_box()
    verticaal = tabel.evaluate("t => [t.scrollHeight, t.clientHeight]")
    context.close()
    assert verticaal[0] <= verticaal[1], verticaal
    assert kopregel is not None
    assert kop is not None
    assert rijvak is not None
    onder_kopregel = kopregel["y"] + kopregel["height"]
    assert onder_kopregel - 1 <= kop["y"] <= onder_kopregel + 2
    assert kop["y"] + kop["height"] <= rijvak["y"]


@pytest.mark.parametrize("pad", ["commercie/p4/", "commercie/p4-k1-w2/"])
def test_afdrukken_zonder_kopregel_menu_en_zoeken(pagina: Page, adres: str, pad: str) -> None:
    pagina.goto(adres + pad)
    pagina.emulate_media(media="print")
    zichtbaar = pagina.evaluate("""() => Object.fromEntries(
        ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.kd-kruimelpad',
         '.kd-zoekknop', '.md-footer', 'article h1', 'article #gedrag, article #kerntaken']
        .map(s => [s, [...document.querySelectorAll(s)].some(
            e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)]))""")
    assert zichtbaar == {
        ".md-header": False, ".md-sidebar--primary": False, ".md-sidebar--secondary": False,
        ".kd-kruimelpad": False, ".kd-zoekknop": False, ".md-footer": False,
        "article h1": True, "article #gedrag, article #kerntaken": True,
    }


def test_geen_verzoek_naar_een_andere_host(browser: Browser, adres: str) -> None:
    # Every page type, a search and a phone viewport, in one context that records every
    # request: fonts, scripts and images all come from the site itself.
    verzoeken: list[str] = []
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.on("request", lambda verzoek: verzoeken.append(verzoek.url))
    for pad in ("", "commercie/", "commercie/p4/", "commercie/p4-k1/", "commercie/p4-k1-w2/",
                "commercie/matrix/", "commercie/vergelijk/p1-p4/", "competenties/j/"):
        page.goto(adres + pad)
        page.wait_for_load_state("networkidle")
    zoek(page, adres, "verkoopgesprek")
    page.wait_for_load_state("networkidle")
    context.close()
    assert len(verzoeken) > 10
    hosts = {urlsplit(url).hostname for url in verzoeken}
    assert hosts == {"127.0.0.1"}, hosts
