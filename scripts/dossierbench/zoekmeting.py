"""Bytes and time a browser spends, in Chromium against the site on loopback served as GitHub
Pages serves it (text types gzip-compressed): for the first load of a page, and for searching.

- **first search**: the bytes a first query transfers after the home page has loaded (the home
  page itself is not counted: the figure is what searching adds);
- **per keystroke**: queries typed letter by letter after that, each keystroke waited out; the
  largest and the median number of bytes one keystroke transfers;
- **time to results**: once the index pieces of a query are loaded, the milliseconds from the
  last keystroke (an ``input`` event) until its results are in the list, measured in the page.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, Response, sync_playwright

from dossierbench.gzipsite import ARGS, CHROMIUM, serveer_gzip

EERSTE = "verkoopgesprek"
GETYPT = ("verkoopgesprekken voeren", "onderwijsassistent", "acountmanager", "p4 k1 w2",
          "klachtenafhandeling")
"""Typed letter by letter after the first search: a word form with a second word, a
compound, a typo, a code in pieces, a compound the pages do not use."""

KLAAR = """q => {
    const status = document.querySelector('#kd-zoekstatus').textContent;
    return status.includes('“' + q.trim() + '”') && (status.startsWith('Geen')
        || document.querySelectorAll('#kd-resultaten .kd-resultaat').length > 0);
}"""

_TIJD = "async ([voor, q]) => { const klaar = " + KLAAR + """;
    const veld = document.querySelector('#kd-zoekveld');
    veld.value = voor;
    veld.dispatchEvent(new Event('input', {bubbles: true}));
    while (!klaar(voor)) await new Promise(r => setTimeout(r, 5));
    const begin = performance.now();
    veld.value = q;
    veld.dispatchEvent(new Event('input', {bubbles: true}));
    while (!klaar(q)) await new Promise(r => requestAnimationFrame(r));
    return performance.now() - begin;
}"""


@dataclass(frozen=True)
class Zoekmeting:
    """The search figures of one site."""

    eerste_kb: float
    toets_max_kb: float
    toets_mediaan_kb: float
    resultaten_ms: float
    """The slowest time to results over the typed queries, index pieces loaded."""


def _wacht(pagina: Page, zoekterm: str) -> None:
    pagina.wait_for_function(KLAAR, arg=zoekterm, timeout=60_000)
    pagina.wait_for_load_state("networkidle")


def meet_zoeken(site: Path) -> Zoekmeting:
    """Search the site as described above; the figures."""
    antwoorden: list[Response] = []

    def bytes_sinds(begin: int) -> int:
        return sum(a.request.sizes()["responseBodySize"] for a in antwoorden[begin:])

    with serveer_gzip(site) as adres, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pagina = browser.new_page(viewport={"width": 375, "height": 812})
        pagina.goto(adres)
        pagina.wait_for_load_state("networkidle")
        # Playwright cannot wrap a builtin method as a handler, hence the lambda.
        pagina.on("response", lambda antwoord: antwoorden.append(antwoord))  # noqa: PLW0108
        pagina.locator("[data-kd-zoek-open]").first.click()
        veld = pagina.locator("#kd-zoekveld")
        veld.fill(EERSTE)
        _wacht(pagina, EERSTE)
        eerste = bytes_sinds(0)
        per_toets = []
        for zoekterm in GETYPT:
            veld.fill("")
            for i in range(1, len(zoekterm) + 1):
                begin = len(antwoorden)
                pagina.keyboard.type(zoekterm[i - 1])
                _wacht(pagina, zoekterm[:i])
                per_toets.append(bytes_sinds(begin))
        tijden = [pagina.evaluate(_TIJD, [z[:-1], z]) for z in GETYPT]
        browser.close()
    return Zoekmeting(
        eerste_kb=round(eerste / 1024, 1),
        toets_max_kb=round(max(per_toets) / 1024, 1),
        toets_mediaan_kb=round(statistics.median(per_toets) / 1024, 1),
        resultaten_ms=round(max(tijden), 1),
    )


def eerste_laadbeurt_bytes(site: Path, pad: str) -> dict[str, int]:
    """Open ``pad`` in a fresh browser (empty cache) and count every byte it transfers until the
    network is idle: HTML, CSS, JavaScript, fonts and whatever the theme fetches on its own."""
    antwoorden: list[Response] = []
    with serveer_gzip(site) as adres, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pagina = browser.new_page(viewport={"width": 375, "height": 812})
        pagina.on("response", lambda antwoord: antwoorden.append(antwoord))  # noqa: PLW0108
        pagina.goto(adres + pad)
        pagina.wait_for_load_state("networkidle")
        pagina.wait_for_timeout(1000)
        groottes = {a.url: a.request.sizes()["responseBodySize"] for a in antwoorden}
        browser.close()
    return {"bytes": sum(groottes.values()), "verzoeken": len(groottes)}
