"""Accessibility gate: axe-core in headless Chromium on one page of every page type, in the
light and the dark colour scheme and with search results open; keyboard-only use of search
and of an entity page's links, with a visible focus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from paginatypen import ernstige_overtredingen, paginas_per_soort

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("echte_site")]

# The focused element and the outline of what shows its focus: the element itself, or for
# Material's visually hidden palette radio the label right after it (Material outlines that
# label: `.md-option.focus-visible + label`).
_FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const label = e.nextElementSibling;
  const zichtbaar = e.matches("input.md-option") && label?.matches("label") ? label : e;
  const stijl = getComputedStyle(zichtbaar);
  return {
    tag: e.tagName, href: e.getAttribute("href"), tekst: (e.textContent || "").trim().slice(0, 60),
    inArtikel: e.closest("article") !== null, outline: stijl.outlineStyle,
    dikte: parseFloat(stijl.outlineWidth),
  };
}"""


def _beschrijf(pad: str, overtredingen: list[dict[str, Any]]) -> list[str]:
    return [f"{pad}: {v['id']} ({v['impact']}) {v['help']} — "
            + "; ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in overtredingen]


@pytest.fixture(params=[("light", 375), ("dark", 375), ("light", 1280), ("dark", 1280)],
                ids=lambda p: f"{p[0]}-{p[1]}")
def kleurschema(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A page that prefers the given colour scheme, as Material's palette follows it, on a
    phone (375 px) and a desktop (1280 px)."""
    schema, breedte = request.param
    context = browser.new_context(viewport={"width": breedte, "height": 812 if breedte < 800
                                            else 900}, color_scheme=schema)
    yield context.new_page()
    context.close()


def test_axe_op_elk_paginatype(kleurschema: Page, adres: str, echte_site: Path) -> None:
    page = kleurschema
    paginas = paginas_per_soort(echte_site)
    problemen: list[str] = []
    for pad in paginas.values():
        page.goto(adres + pad)
        problemen += _beschrijf(pad or "/", ernstige_overtredingen(page))
    # The palette really is the one asked for: Material marks it on <body>.
    schema = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert schema == ("slate" if page.evaluate(
        "matchMedia('(prefers-color-scheme: dark)').matches") else "default")
    assert problemen == []


def test_axe_met_zoekresultaten_open(kleurschema: Page, adres: str) -> None:
    page = kleurschema
    page.goto(adres + "commercie/p4-k1-w2/?zoek=verkoopgesprek")
    page.locator(".kd-resultaat").first.wait_for()
    assert page.locator("#kd-zoeken").evaluate("d => d.open")
    assert _beschrijf("zoeken", ernstige_overtredingen(page)) == []


def test_zoeken_met_alleen_het_toetsenbord(browser: Browser, adres: str) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(adres + "commercie/p4/")
    dialoog = page.locator("#kd-zoeken")

    # "/" opens the dialog with the focus in the search field.
    page.keyboard.press("/")
    invoer = page.locator("#kd-zoekveld")
    invoer.wait_for()
    page.wait_for_function("document.activeElement?.matches('#kd-zoekveld')")
    page.keyboard.type("P4-K1-W2")
    eerste = page.locator(".kd-resultaat").first
    eerste.wait_for()
    # Tab reaches the first result from the field (past the filter checkboxes, once they have
    # loaded); Escape closes the dialog and takes the focus out of it.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.classList.contains('kd-resultaat')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("/p4-k1-w2/")
    page.keyboard.press("Escape")
    assert not dialoog.evaluate("d => d.open")
    assert not dialoog.evaluate("d => d.contains(document.activeElement)")

    # The header button is reached with Tab and opens the dialog with Enter.
    page.goto(adres + "commercie/p4/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.matches('[data-kd-zoek-open]')"):
            break
    else:
        pytest.fail("de zoekknop is met Tab niet te bereiken")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement?.matches('#kd-zoekveld')")
    assert dialoog.evaluate("d => d.open")
    # Escape gives the focus back to the button that opened the dialog; Enter opens it again.
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement?.matches('[data-kd-zoek-open]')")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement?.matches('#kd-zoekveld')")
    # Enter on a result follows it, and the dialog is gone on the new page.
    page.keyboard.type("P4-K1-W2")
    page.locator(".kd-resultaat").first.wait_for()
    page.locator(".kd-resultaat").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/commercie/p4-k1-w2/")
    assert not dialoog.evaluate("d => d.open")
    context.close()


@pytest.mark.parametrize("soort", ["werkproces", "profiel", "competentie"])
def test_tab_bereikt_elke_link_in_volgorde_met_zichtbare_focus(
    browser: Browser, adres: str, echte_site: Path, soort: str,
) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(adres + paginas_per_soort(echte_site)[soort])
    verwacht = page.evaluate("""() => [...document.querySelectorAll("article a[href]")]
        .filter(a => a.checkVisibility({visibilityProperty: true}))
        .map(a => a.getAttribute("href"))""")
    assert len(verwacht) >= 5
    bereikt: list[dict[str, Any]] = []
    for _ in range(page.evaluate("document.querySelectorAll('a, button, input, label').length")):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        if focus is None or (bereikt and focus == bereikt[0]):
            break  # back at the start
        bereikt.append(focus)
    context.close()
    # Links only: the share menu's summary (a button) is a focus stop of its own.
    in_artikel = [f["href"] for f in bereikt if f["inArtikel"] and f["tag"] == "A"]
    assert in_artikel == verwacht
    onzichtbaar = [f for f in bereikt if f["outline"] == "none" or f["dikte"] < 1]
    assert onzichtbaar == []
