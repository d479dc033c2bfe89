"""Bytes a browser transfers, in Chromium against the site on loopback: for a first search, and
for the first load of a page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Response, sync_playwright

from dossierbench.gzipsite import ARGS, CHROMIUM, serveer_gzip


def eerste_zoekopdracht_bytes(site: Path, zoekterm: str = "verkoopgesprek") -> dict[str, int]:
    """Open the home page, then search once; count the bytes of every response of the search.

    The home page itself is not counted: the figure is what searching adds. Bytes are the
    encoded response bodies from a server that compresses text types (the search index's JSON
    among them) as GitHub Pages does.
    """
    antwoorden: list[Response] = []
    with serveer_gzip(site) as adres, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pagina = browser.new_page()
        pagina.goto(adres)
        pagina.wait_for_load_state("networkidle")
        # Playwright cannot wrap a builtin method as a handler, hence the lambda.
        pagina.on("response", lambda antwoord: antwoorden.append(antwoord))  # noqa: PLW0108
        pagina.locator("[data-kd-zoek-open]").first.click()
        pagina.locator("#kd-zoekveld").fill(zoekterm)
        pagina.locator(".kd-resultaat").first.wait_for()
        pagina.wait_for_load_state("networkidle")
        pagina.wait_for_timeout(500)
        groottes = [a.request.sizes()["responseBodySize"] for a in antwoorden]
        resultaten = pagina.locator(".kd-resultaat").count()
        browser.close()
    return {"bytes": sum(groottes), "verzoeken": len(groottes), "resultaten": resultaten}


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
