"""Issue 12 in the browser, at 375 × 812 and 1280 × 900 on the real site: compare pages stack
without a scroll box, kerntaak pages put the werkprocessen first, a section's link is copied
with a tap, matrices and compare tables print whole, the Dutch 404, the compare picker."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browser import BREEDTES, telefoon_of_bureau
from paginatypen import PAGINATYPEN

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("echte_site")]

# Elements inside the article that scroll (a box with more content than it shows).
_SCROLLVAKKEN = """() => [...document.querySelectorAll("article *")].filter(e => {
  const s = getComputedStyle(e);
  const x = /(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
  const y = /(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
  return (x || y) && !e.matches(".kd-tabel:has(> .kd-matrix)");
}).map(e => e.className || e.tagName)"""


@pytest.fixture(params=sorted(BREEDTES))
def pagina(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = telefoon_of_bureau(browser, request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("pad", ["commercie/vergelijk/p1-p4/",
                                 "commercieel-medewerker-2009/vergelijk/u1-u2/"])
def test_vergelijking_zonder_scrollvak_gestapeld_op_de_telefoon(pagina: Page, adres: str,
                                                                pad: str) -> None:
    pagina.goto(adres + pad)
    assert pagina.evaluate(_SCROLLVAKKEN) == []
    assert pagina.evaluate("document.documentElement.scrollWidth <= innerWidth")
    # A row with a difference: its two texts side by side on a desktop, stacked on a phone,
    # each under the name of its column.
    rij = pagina.locator(".kd-verschil tbody tr:has(td:nth-of-type(2))").first
    a, b = rij.locator("td").nth(0).bounding_box(), rij.locator("td").nth(1).bounding_box()
    koppen = pagina.locator(".kd-verschil").first.locator("thead th").all_inner_texts()
    labels = rij.evaluate("""r => [...r.querySelectorAll("td")].map(
        td => getComputedStyle(td, "::before").content)""")
    assert a is not None
    assert b is not None
    if pagina.viewport_size and pagina.viewport_size["width"] < 800:
        assert a["y"] + a["height"] <= b["y"] + 1
        assert a["x"] == b["x"]
        assert labels == [f'"{koppen[1]}"', f'"{koppen[2]}"']
    else:
        assert a["y"] == b["y"]
        assert a["x"] + a["width"] <= b["x"] + 1
        assert labels == ["none", "none"]
    # Nothing is cut off: the last row of every table (the Gedrag rows on a 2015 page) is
    # drawn at its full height.
    for tabel in pagina.locator(".kd-verschil").all():
        laatste = tabel.locator("tbody tr").last
        assert laatste.evaluate("r => r.getBoundingClientRect().height >= r.scrollHeight - 1")


def test_matrix_scrollt_alleen_zijwaarts_in_een_bereikbaar_vak(pagina: Page, adres: str) -> None:
    for pad in ("commercie/matrix/", "commercieel-medewerker-2009/matrix/"):
        pagina.goto(adres + pad)
        assert pagina.evaluate(_SCROLLVAKKEN) == []
        vakken = pagina.locator(".kd-tabel:has(> .kd-matrix)").evaluate_all(
            """vs => vs.map(v => ({verticaal: v.scrollHeight > v.clientHeight + 1,
                                  tab: v.tabIndex, rol: v.getAttribute("role")}))""")
        assert vakken
        assert all(v == {"verticaal": False, "tab": 0, "rol": "region"} for v in vakken), vakken
    # The first column stays put when the matrix is scrolled sideways.
    pagina.goto(adres + "commercie/matrix/")
    vak = pagina.locator(".kd-tabel").first
    rijkop = vak.locator("tbody th").first
    voor = rijkop.bounding_box()
    vak.evaluate("v => v.scrollBy(400, 0)")
    na = rijkop.bounding_box()
    assert voor is not None
    assert na is not None
    assert voor["x"] == na["x"]


def test_kerntaak_eerst_de_werkprocessen(pagina: Page, adres: str) -> None:
    pagina.goto(adres + "commercie/p4-k1/")
    hoogte = {anker: pagina.locator(f"#{anker}").bounding_box()
              for anker in ("werkprocessen", "andere-profielen", "vakkennis")}
    assert all(hoogte.values()), hoogte
    y = {k: v["y"] for k, v in hoogte.items() if v}
    assert y["werkprocessen"] < y["andere-profielen"] < y["vakkennis"]
    assert y["werkprocessen"] < BREEDTES[int(pagina.viewport_size["width"])] * 1.5  # type: ignore[index]
    kerntaak = [t.split()[0] for t in pagina.locator("#werkprocessen + ul li").all_inner_texts()]
    assert kerntaak[:2] == ["P4-K1-W1", "P4-K1-W2"]
    # A werkproces page lists every werkproces of its kerntaak, the current one marked.
    pagina.goto(adres + "commercie/p4-k1-w2/")
    lijst = pagina.locator("#verder + ul li")
    assert [t.split()[0] for t in lijst.all_inner_texts()] == kerntaak
    assert lijst.nth(1).locator("[aria-current=page]").count() == 1
    assert lijst.nth(1).locator("a").count() == 0


def test_link_naar_een_onderdeel_kopieren_met_een_tik(pagina: Page, adres: str) -> None:
    pagina.goto(adres + "commercie/p4-k1-w2/")
    permalink = pagina.locator("#gedrag .headerlink")
    vak = permalink.bounding_box()
    assert vak is not None
    assert vak["width"] >= 44
    assert vak["height"] >= 44
    assert permalink.evaluate("a => getComputedStyle(a).opacity") == "1"
    if pagina.viewport_size and pagina.viewport_size["width"] < 800:
        permalink.tap()
    else:
        permalink.click()
    melding = pagina.locator(".kd-gekopieerd")
    melding.wait_for()
    assert "Gedrag" in melding.inner_text()
    assert pagina.evaluate("navigator.clipboard.readText()") == adres + "commercie/p4-k1-w2/#gedrag"
    # The page's own link, and the card's embed code, from the share menu.
    pagina.get_by_text("Link delen").click()
    pagina.get_by_role("button", name="Kopieer link naar deze pagina").click()
    assert pagina.evaluate("navigator.clipboard.readText()") == adres + "commercie/p4-k1-w2/"
    pagina.get_by_text("Link delen").click()
    pagina.get_by_role("button", name="Kopieer insluitcode").click()
    code = pagina.evaluate("navigator.clipboard.readText()")
    assert f'src="{adres}commercie/p4-k1-w2/kaart/"' in code
    pagina.goto(adres + "commercie/p4-k1-w2/kaart/")
    assert pagina.locator("a").first.inner_text().startswith("P4-K1-W2")
    assert pagina.evaluate("document.documentElement.scrollWidth <= innerWidth")


def _woorden(tekst: str) -> list[str]:
    return re.findall(r"[0-9A-Za-zÀ-ÿ]{3,}", tekst)


@pytest.mark.parametrize("soort", sorted(PAGINATYPEN))
def test_afdrukken_zonder_verlies(browser: Browser, adres: str, soort: str, tmp_path: Path
                                  ) -> None:
    # Every page type printed to PDF: no table cell outside the printed page (measured in
    # the print layout at the page's width), every word of every cell in the PDF's text, and
    # no blank sheet (a matrix page once began with an empty portrait page).
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(adres + PAGINATYPEN[soort])
    page.emulate_media(media="print")
    breed = page.evaluate("document.querySelector('.kd-breed') !== null")
    # A4 less the margins (site.css), in CSS pixels: landscape for matrix pages.
    breedte = round((297 - 24 if breed else 210 - 50) / 25.4 * 96)
    page.set_viewport_size({"width": breedte, "height": 900})
    buiten = page.evaluate("""b => [...document.querySelectorAll("article td, article th")]
        .filter(c => c.getBoundingClientRect().right > b + 1)
        .map(c => c.innerText.slice(0, 40))""", breedte)
    # What a cell shows on paper: without the words for screen readers only.
    cellen = page.evaluate("""() => {
        document.querySelectorAll("article .kd-sr, article .kd-leeg")
            .forEach(e => { e.style.display = "none"; });
        return [...document.querySelectorAll("article td, article th")].map(c => c.innerText);
    }""")
    pdf = tmp_path / "pagina.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    context.close()
    tekst = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    doorlopend = re.sub(r"[\s\u00ad\u2010-]+", "", tekst)
    ontbrekend = sorted({w for cel in cellen for w in _woorden(cel) if w not in doorlopend})
    # pdftotext ends every page with a form feed; no page of the PDF is blank.
    leeg = [nummer for nummer, blad in enumerate(tekst.split("\f")[:-1], 1) if not blad.strip()]
    assert buiten == []
    assert ontbrekend == []
    assert leeg == []


def test_nederlandse_404_met_zoeken_en_dossiers(pagina: Page, adres: str) -> None:
    antwoord = pagina.goto(adres + "bestaat/niet/")
    assert antwoord is not None
    assert antwoord.status == 404
    assert pagina.locator("html").get_attribute("lang") == "nl"
    assert pagina.locator("h1").inner_text() == "Deze pagina bestaat niet"
    assert pagina.evaluate("document.documentElement.scrollWidth <= innerWidth")
    pagina.get_by_role("link", name="Economie en administratie").click()
    pagina.wait_for_load_state()
    assert pagina.locator("h1").inner_text().startswith("Opleidingsdomein Economie")
    assert pagina.get_by_role("link", name="P4 Junior accountmanager").count() == 1
    pagina.goto(adres + "bestaat/niet/")
    pagina.get_by_label("Zoek op woord, code of crebonummer").fill("P4-K1-W2")
    pagina.get_by_label("Zoek op woord, code of crebonummer").press("Enter")
    pagina.locator(".kd-resultaat").first.wait_for()
    assert str(pagina.locator(".kd-resultaat").first.get_attribute("href")).endswith(
        "/commercie/p4-k1-w2/")


def test_kiezer_blijft_werken_na_de_foutmelding(pagina: Page, adres: str) -> None:
    pagina.goto(adres + "commercie/vergelijk/p1-p4/")
    pagina.locator("#kd-profiel-b").select_option("p1")
    pagina.get_by_role("button", name="Toon").click()
    assert pagina.get_by_role("alert").inner_text() == "Kies twee verschillende profielen."
    assert pagina.url.endswith("/p1-p4/")
    pagina.locator("#kd-profiel-b").select_option("p6")
    assert pagina.get_by_role("alert").inner_text() == ""
    pagina.get_by_role("button", name="Toon").click()
    pagina.wait_for_url("**/commercie/vergelijk/p1-p6/")
