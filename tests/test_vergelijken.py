"""The compare of any two profielen in the browser (/vergelijken/), in Chromium at 375 × 812 and
1280 × 900: a pair from two dossiers and one from two generations, the address that reopens the
same comparison when shared, keyboard use, no scroll box on a phone, the very tables of the
generated compare pages, axe, the page without JavaScript, and hostile text on a site of its
own (two versions of a dossier and a 2009-format dossier, all text hostile)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page

from kwalificatiedossiers.index import normaliseer_titel
from kwalificatiedossiers.model.corpus import Corpus

from browser import BREEDTES, serveer, telefoon_of_bureau
from conftest import FIXTURES, ID_2009, bouw_ok, kopieer_data
from paginatypen import ernstige_overtredingen
from vijandig import MARKERING, maak_vijandig

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("echte_site")]

DOSSIER_A, DOSSIER_B = "pedagogisch-werk", "dienstverlening"
A, B = f"{DOSSIER_A}/p1", f"{DOSSIER_B}/p1"
PAAR = f"vergelijken/?a={A}&b={B}"
GENERATIES = f"vergelijken/?a=commercie/p4&b={ID_2009}/u4"


@pytest.fixture(params=sorted(BREEDTES), ids=lambda b: f"{b}px")
def pagina(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A phone (375 × 812, touch) or a desktop (1280 × 900); a script error fails the test."""
    context = telefoon_of_bureau(browser, request.param)
    page = context.new_page()
    fouten: list[str] = []
    page.on("pageerror", lambda fout: fouten.append(str(fout)))
    page.on("dialog", lambda dialoog: fouten.append(f"dialoog: {dialoog.message}"))
    yield page
    context.close()
    assert fouten == []


def _telefoon(page: Page) -> bool:
    return bool(page.viewport_size and page.viewport_size["width"] < 800)


def _open(page: Page, adres: str, pad: str) -> None:
    """Open a compare address and wait until the comparison (or its message) is there."""
    page.goto(adres + pad)
    page.locator("#kd-vergelijking > *").first.wait_for()


def _werkprocessen(corpus: Corpus, ref: str) -> list[tuple[str, str]]:
    """(code, title) of what a profiel performs, from the data (basisdeel included)."""
    dossier_id, code = ref.rsplit("/", 1)
    return [(w.code, w.titel)
            for w in corpus.dossier(dossier_id).werkprocessen_van(code.upper())]


# Scroll boxes: an element in the article whose content is larger than the box that shows it.
_SCROLLEND = """() => [...document.querySelectorAll("article *")].flatMap(e => {
  const stijl = getComputedStyle(e);
  const schuift = w => w === "auto" || w === "scroll";
  const breed = schuift(stijl.overflowX) && e.scrollWidth - e.clientWidth > 1;
  const hoog = schuift(stijl.overflowY) && e.scrollHeight - e.clientHeight > 1;
  return breed || hoog ? [e.tagName + "." + e.className] : [];
})"""


def test_twee_dossiers_naast_elkaar(pagina: Page, adres: str, echt_corpus: Corpus) -> None:
    _open(pagina, adres, PAAR)
    a, b = echt_corpus.dossier(DOSSIER_A), echt_corpus.dossier(DOSSIER_B)
    pa, pb = a.varianten()[0], b.varianten()[0]
    kop = f"{pa.code} {pa.titel} ({a.titel}) en {pb.code} {pb.titel} ({b.titel})"
    assert pagina.locator("article h1").inner_text() == kop
    assert pagina.title().startswith(f"{kop} vergelijken")
    tekst = pagina.locator("#kd-vergelijking").inner_text()
    # It says what it compares: two dossiers, werkprocessen paired by title.
    assert f"Uit twee dossiers: {a.naam()} en {b.naam()}." in tekst
    assert "Werkprocessen met dezelfde titel staan woord voor woord naast elkaar" in tekst
    # The werkprocessen with the same title (from the data) each have a table with marks.
    wa, wb = _werkprocessen(echt_corpus, A), _werkprocessen(echt_corpus, B)
    paren = [(x, y) for x, tx in wa for y, ty in wb
             if normaliseer_titel(tx) == normaliseer_titel(ty)]
    assert paren  # Evalueert de werkzaamheden
    naam_a, naam_b = f"{a.titel} {pa.code}", f"{b.titel} {pb.code}"
    bijschriften = pagina.locator(".kd-verschil caption").all_inner_texts()
    assert bijschriften == [f"{x} ({naam_a}) naast {y} ({naam_b})" for x, y in paren]
    assert pagina.locator(".kd-verschil del").count() > 0
    assert pagina.locator(".kd-verschil ins").count() > 0
    # What has no counterpart is listed per side, linked to its page.
    for ref, eigen, gekoppeld in ((A, wa, {x for x, _ in paren}), (B, wb, {y for _, y in paren})):
        sectie = pagina.locator(f"#alleen-{ref.replace('/', '-')} + ul")
        links = sectie.locator("a").all_inner_texts()
        assert [c for c in links if "-W" in c] == [c for c, _ in eigen if c not in gekoppeld]
    # Nothing scrolls inside the page; the page itself not sideways.
    assert pagina.evaluate(_SCROLLEND) == []
    assert pagina.evaluate("document.documentElement.scrollWidth <= innerWidth")
    # A row with a difference: stacked on a phone, each text under its column's name; side by
    # side on a desktop; no row cut off.
    rij = pagina.locator(".kd-verschil tbody tr:has(td:nth-of-type(2))").first
    links_, rechts = (rij.locator("td").nth(k).bounding_box() for k in (0, 1))
    assert links_ is not None
    assert rechts is not None
    labels = rij.evaluate("""r => [...r.querySelectorAll("td")].map(
        td => getComputedStyle(td, "::before").content)""")
    if _telefoon(pagina):
        x, y = paren[0]
        assert links_["y"] + links_["height"] <= rechts["y"] + 1
        assert labels == [f'"{x} ({naam_a})"', f'"{y} ({naam_b})"']
    else:
        assert links_["y"] == rechts["y"]
        assert links_["x"] + links_["width"] <= rechts["x"] + 1
        assert labels == ["none", "none"]
    for tabel in pagina.locator(".kd-verschil").all():
        assert tabel.locator("tbody tr").last.evaluate(
            "r => r.getBoundingClientRect().height >= r.scrollHeight - 1")
    # On a phone the picker is folded away: the comparison comes first.
    kiezen = pagina.locator("#kd-kiezen")
    assert kiezen.evaluate("d => !d.open")
    assert pagina.locator("#kd-a-profiel").input_value() == A


def test_twee_generaties(pagina: Page, adres: str, echt_corpus: Corpus) -> None:
    _open(pagina, adres, GENERATIES)
    tekst = pagina.locator("#kd-vergelijking").inner_text()
    assert ("Commercie P4 is een profiel (dossier vanaf 2015), Commercieel medewerker U4 een "
            "uitstroom (competentiegericht dossier)") in tekst
    paren = [(x, y) for x, tx in _werkprocessen(echt_corpus, "commercie/p4")
             for y, ty in _werkprocessen(echt_corpus, f"{ID_2009}/u4")
             if normaliseer_titel(tx) == normaliseer_titel(ty)]
    assert len(paren) == pagina.locator(".kd-verschil").count() >= 3
    # Only what both generations have is compared: no gedrag (2015 only), no componenten
    # (2009 only); a resultaat against a gewenst resultaat; competences by letter on both sides.
    onderdelen = set(pagina.locator(".kd-verschil tbody th").all_inner_texts())
    kaal = {o.replace(" (gelijk in beide)", "") for o in onderdelen}
    assert kaal == {"Omschrijving", "Resultaat / Gewenst resultaat", "Competenties"}
    assert pagina.evaluate(_SCROLLEND) == []
    assert ernstige_overtredingen(pagina) == []


def test_het_adres_opent_dezelfde_vergelijking(pagina: Page, adres: str, browser: Browser
                                               ) -> None:
    # Chosen with the picker: the address names both profielen, readably.
    pagina.goto(adres + "vergelijken/")
    pagina.locator("#kd-a-dossier").select_option(DOSSIER_A)
    pagina.locator("#kd-a-profiel").select_option(A)
    pagina.locator("#kd-b-dossier").select_option(DOSSIER_B)
    pagina.locator("#kd-b-profiel").select_option(B)
    pagina.get_by_role("button", name="Vergelijk").click()
    pagina.wait_for_url(adres + PAAR)
    pagina.locator("#kd-vergelijking > *").first.wait_for()
    vergelijking = pagina.locator("#kd-vergelijking").inner_html()
    # The share menu copies exactly that address.
    pagina.locator(".kd-delen > summary").click()
    pagina.get_by_role("button", name="Kopieer link naar deze pagina").click()
    gedeeld = pagina.evaluate("navigator.clipboard.readText()")
    assert gedeeld == adres + PAAR
    # Someone else opens it: the same comparison, and the picker shows the pair.
    context = browser.new_context(viewport=pagina.viewport_size)
    ander = context.new_page()
    _open(ander, gedeeld, "")
    assert ander.locator("#kd-vergelijking").inner_html() == vergelijking
    assert ander.locator("article h1").inner_text() == pagina.locator("article h1").inner_text()
    assert [ander.locator(f"#kd-{k}-profiel").input_value() for k in "ab"] == [A, B]
    # The link to exactly these versions (the current ones by their pinned address) shows the
    # same comparison, also once a newer version is current.
    vast = ander.get_by_role("link", name="vaste link naar deze vergelijking")
    href = str(vast.get_attribute("href"))
    assert href.startswith(f"/vergelijken/?a={DOSSIER_A}/20")
    vast.click()
    ander.locator("#kd-vergelijking > *").first.wait_for()
    assert ander.locator(".kd-verschil").evaluate_all("ts => ts.map(t => t.outerHTML)") == (
        pagina.locator(".kd-verschil").evaluate_all("ts => ts.map(t => t.outerHTML)"))
    context.close()


def _druk_tot(page: Page, toets: str, voorwaarde: str, waarde: str) -> None:
    """Press ``toets`` until ``voorwaarde(waarde)`` holds in the page (a keyboard user tabbing
    to a control, or choosing in a select with the arrow keys)."""
    for _ in range(40):
        if page.evaluate(voorwaarde, waarde):
            return
        page.keyboard.press(toets)
    pytest.fail(f"{waarde}: niet bereikt met {toets}")


def _tab_naar(page: Page, selector: str) -> None:
    page.keyboard.press("Tab")
    _druk_tot(page, "Tab", "s => document.activeElement?.matches(s)", selector)


def _kies_met_pijltjes(page: Page, waarde: str) -> None:
    _druk_tot(page, "ArrowDown", "w => document.activeElement.value === w", waarde)


def _vergelijk_met(pagina: Page, adres: str, a: str, dossier: str | None, profiel: str
                  ) -> None:
    """With the keyboard: choose the second profiel (in ``dossier`` first, when given), press
    Vergelijk and wait for the comparison of ``a`` and it."""
    if dossier:
        _tab_naar(pagina, "#kd-b-dossier")
        _kies_met_pijltjes(pagina, dossier)
    _tab_naar(pagina, "#kd-b-profiel")  # past the version select, hidden for one version
    _kies_met_pijltjes(pagina, profiel)
    _tab_naar(pagina, "button[type=submit]")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(f"{adres}vergelijken/?a={a}&b={profiel}")
    pagina.locator("#kd-vergelijking > *").first.wait_for()


def test_met_alleen_het_toetsenbord(pagina: Page, adres: str) -> None:
    # From a profiel page: its picker has the profiel itself as the first side. The page's
    # first load fetches nothing for it; coming near it does.
    gevraagd: list[str] = []
    pagina.on("request", lambda verzoek: gevraagd.append(verzoek.url))
    pagina.goto(adres + "commercie/p4/", wait_until="networkidle")
    assert [u for u in gevraagd if "/api/" in u] == []
    pagina.locator("#vergelijken .headerlink").focus()
    pagina.locator("#kd-b-profiel").wait_for()
    assert [u for u in gevraagd if "/api/" in u] == [adres + "api/profielen.json"]
    _vergelijk_met(pagina, adres, "commercie/p4", DOSSIER_B, f"{DOSSIER_B}/p1")
    # On the compare page: open the folded picker, choose another second profiel, compare.
    _tab_naar(pagina, "#kd-kiezen > summary")
    pagina.keyboard.press("Enter")
    assert pagina.locator("#kd-kiezen").evaluate("d => d.open")
    _vergelijk_met(pagina, adres, "commercie/p4", None, f"{DOSSIER_B}/p2")
    # The comparison's own links follow the picker in the tab order, each with a visible focus.
    _tab_naar(pagina, "#kd-vergelijking a")
    assert pagina.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


# Kept as DOM: tag, attributes (the style as its two column names) and text, without the
# whitespace between rows and cells that a generated page has and a built one not.
_TABELVORM = """div => {
  const blok = new Set(["DIV", "TABLE", "THEAD", "TBODY", "TR", "UL"]);
  const vorm = n => n.nodeType === 3 ? n.nodeValue
    : "<" + n.tagName + [...n.attributes].filter(a => a.name !== "style")
        .map(a => " " + a.name + '="' + a.value + '"').sort().join("") + ">"
      + [...n.childNodes].filter(k => k.nodeType === 1 || (k.nodeType === 3
          && !(blok.has(n.tagName) && !k.nodeValue.trim()))).map(vorm).join("")
      + "</" + n.tagName + ">";
  const tabel = div.querySelector("table");
  return [tabel.caption.textContent, vorm(div),
          tabel.style.getPropertyValue("--kd-a").trim(),
          tabel.style.getPropertyValue("--kd-b").trim()];
}"""


def _tabellen(page: Page) -> dict[str, list[str]]:
    vormen: list[list[str]] = page.locator(".kd-tabel--verschil").evaluate_all(
        f"divs => divs.map({_TABELVORM})")
    return {v[0]: v[1:] for v in vormen}


@pytest.mark.parametrize(("dossier", "a", "b"), [("commercie", "p1", "p4"),
                                                 (ID_2009, "u1", "u4")])
def test_dezelfde_tabellen_als_de_vergelijkpagina(browser: Browser, adres: str, dossier: str,
                                                  a: str, b: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{adres}{dossier}/vergelijk/{a}-{b}/")
    gegenereerd = _tabellen(page)
    _open(page, adres, f"vergelijken/?a={dossier}/{a}&b={dossier}/{b}")
    in_browser = _tabellen(page)
    context.close()
    assert len(gegenereerd) >= 3
    # Every table of the generated page, node for node; the only other tables are of basisdeel
    # werkprocessen that differ by a profiel's aanvulling (which the generated page leaves out).
    assert {k: in_browser.get(k) for k in gegenereerd} == gegenereerd
    assert all(k.startswith("B") for k in set(in_browser) - set(gegenereerd))


def test_axe_op_de_vergelijking(pagina: Page, adres: str) -> None:
    _open(pagina, adres, PAAR)
    problemen = ernstige_overtredingen(pagina)
    pagina.locator("#kd-kiezen > summary").click()  # the picker open, filled
    problemen += ernstige_overtredingen(pagina)
    assert [(p["id"], [n["target"] for n in p["nodes"][:3]]) for p in problemen] == []


def test_foutmeldingen(pagina: Page, adres: str) -> None:
    _open(pagina, adres, "vergelijken/?a=commercie/p9&b=commercie/p1")
    melding = pagina.get_by_role("alert")
    assert "Op deze site staat geen profiel ‘commercie/p9’" in melding.inner_text()
    assert pagina.locator("#kd-kiezen").evaluate("d => d.open")  # choose another right there
    _open(pagina, adres, "vergelijken/?a=commercie/p1&b=commercie/p1")
    assert pagina.get_by_role("alert").inner_text() == "Kies twee verschillende profielen."
    # The picker says the same before it leaves the page.
    pagina.locator("#kd-b-profiel").select_option("commercie/p1")
    pagina.get_by_role("button", name="Vergelijk").click()
    assert pagina.locator(".kd-kiezer__melding").last.inner_text() == (
        "Kies twee verschillende profielen.")
    assert pagina.url.endswith("b=commercie/p1")


def test_zonder_javascript(browser: Browser, adres: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(adres + PAAR)
    uitleg = page.locator("noscript p, article p:has-text('alleen met JavaScript')").first
    assert "Deze vergelijking werkt alleen met JavaScript." in page.locator("article").inner_text()
    assert uitleg.get_by_role("link", name="Opleidingen").get_attribute("href") == (
        "../opleidingen/")
    assert not page.locator("form.kd-kiezer").first.is_visible()
    # A profiel page keeps its links to the compare pages of its own dossier; the picker that
    # needs the script is not shown.
    page.goto(adres + "commercie/p4/")
    assert page.locator("#vergelijken + ul a").count() == 5
    assert not page.locator("form[data-kd-profielkiezer]").is_visible()
    context.close()


# Hostile text --------------------------------------------------------------------------------

OUD = "2022-08-01"


def _oudere_versie(dossier: Path) -> None:
    """A copy of a (hostile) dossier as its older version: the same titles, so every werkproces
    is paired, with one gedrag item longer and one more."""
    doel = dossier / "versies" / OUD
    shutil.copytree(dossier, doel)
    kop = yaml.safe_load((doel / "dossier.yaml").read_text("utf-8"))
    kop["geldig_vanaf"] = OUD
    (doel / "dossier.yaml").write_text(yaml.safe_dump(kop, allow_unicode=True), "utf-8")
    profiel = yaml.safe_load((doel / "profielen/p1.yaml").read_text("utf-8"))
    gedrag = profiel["kerntaken"][0]["werkprocessen"][0]["gedrag"]["items"]
    gedrag[0] += " en daarna"
    gedrag.append("alleen in de oude versie <i>schuin</i>")
    (doel / "profielen/p1.yaml").write_text(yaml.safe_dump(profiel, allow_unicode=True), "utf-8")


@pytest.fixture(scope="module")
def vijandig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The mini dossier and the 2009-format fixture with every text hostile, the mini dossier
    with an older version: built and served."""
    basis = tmp_path_factory.mktemp("vijandig-vergelijken")
    data = kopieer_data(basis / "data")
    shutil.copytree(FIXTURES / "competentiegericht" / "oud-voorbeeld", data / "oud-voorbeeld")
    maak_vijandig(data)
    _oudere_versie(data / "voorbeeld")
    site = bouw_ok(basis / "project", data)
    with serveer(site) as adres:
        yield adres, site


def _data(site: Path, pad: str) -> Any:
    return json.loads((site / "api" / pad).read_text("utf-8"))


def _teksten(site: Path, ref: str, *, gekoppeld: bool) -> list[str]:
    """The hostile texts the compare shows of a profiel (from its data file), as the page
    shows them: its werkprocessen's titles and, when each is ``gekoppeld`` to one of the other
    side, all their rows, otherwise (nothing in common) its vakkennis."""
    data = _data(site, f"profielen/{ref}.json")
    teksten = [w["titel"] for w in data["werkprocessen"]]
    if gekoppeld:
        teksten += [i for w in data["werkprocessen"] for _, items in w["velden"] for i in items]
    else:
        teksten += [i for _, i in data["vakkennis"]]
    return [" ".join(t.split()) for t in teksten if MARKERING.search(t)]


_UIT_DE_DATA = """() => [...document.querySelectorAll("#kd-vergelijking *, #kd-kiezen *")]
  .filter(e => ["IMG", "SCRIPT", "STYLE", "B", "I", "IFRAME", "DIV"].includes(e.tagName)
    && !e.matches(".kd-tabel, .kd-kiezer__veld")
    || [...e.attributes].some(a => a.name.startsWith("on") || /javascript:|evil/.test(a.value)))
  .map(e => e.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize("paar", [f"a=voorbeeld/{OUD}/p1&b=voorbeeld/p1",
                                  "a=voorbeeld/p2&b=oud-voorbeeld/u1"],
                         ids=["twee versies", "twee generaties"])
def test_vijandige_tekst_blijft_tekst(browser: Browser, vijandig: tuple[str, Path],
                                      paar: str) -> None:
    adres, site = vijandig
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    page = context.new_page()
    dialogen: list[str] = []
    page.on("dialog", lambda d: (dialogen.append(d.message), d.dismiss()))
    _open(page, adres, f"vergelijken/?{paar}")
    assert page.get_by_role("alert").count() == 0
    tekst = " ".join(page.locator("#kd-vergelijking").evaluate("e => e.textContent").split())
    refs = [deel.split("=")[1] for deel in paar.split("&")]
    versies = OUD in paar
    if versies:
        # The same titles: every werkproces paired, its rows in a table, the change marked.
        assert page.locator(".kd-verschil").count() == len(
            _data(site, f"profielen/{refs[1]}.json")["werkprocessen"])
        assert "alleen in de oude versie <i>schuin</i>" in page.locator(
            ".kd-verschil del").all_text_contents()
    for ref in refs:
        teksten = _teksten(site, ref, gekoppeld=versies)
        assert teksten
        assert [t for t in teksten if t not in tekst] == [], ref
    assert page.evaluate(_UIT_DE_DATA) == []
    assert dialogen == []
    # The picker shows the hostile names as they are, too.
    page.locator("#kd-kiezen > summary").click()
    versie = next(v for d in _data(site, "profielen.json")["dossiers"] for v in d["versies"]
                  if refs[1].startswith(v["id"] + "/") and refs[1].count("/") == v["id"].count(
                      "/") + 1)
    opties = page.locator("#kd-b-profiel option").evaluate_all(
        "os => os.slice(1).map(o => o.textContent)")
    assert [" ".join(o.split()) for o in opties] == [
        " ".join(f"{p['code']} {p['titel']} (niveau {p['niveau']})".split())
        for p in versie["profielen"]]
    assert any(MARKERING.search(o) for o in opties)
    context.close()
