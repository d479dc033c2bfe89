"""What searching costs a phone: Chromium against the site on loopback, served as GitHub Pages
serves it (text types gzip-compressed).

- **first search**: the bytes a first query transfers after the home page has loaded (the home
  page itself is not counted: the figure is what searching adds);
- **per keystroke**: queries typed letter by letter after that, each keystroke waited out; the
  largest and the median number of bytes one keystroke transfers;
- **time to results**: once the index pieces of a query are loaded, the milliseconds from the
  last keystroke (an ``input`` event) until its results are in the list, measured in the page.
"""

from __future__ import annotations

import functools
import gzip
import io
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Page, Response, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

EERSTE = "verkoopgesprek"
GETYPT = ("verkoopgesprekken voeren", "onderwijsassistent", "acountmanager", "p4 k1 w2",
          "klachtenafhandeling")
"""Typed letter by letter after the first search: a word form with a second word, a
compound, a typo, a code in pieces, a compound the pages do not use."""

_COMPRIMEERBAAR = {".html", ".js", ".css", ".json", ".svg", ".xml"}

_KLAAR = """q => {
    const status = document.querySelector('#kd-zoekstatus').textContent;
    return status.includes('“' + q.trim() + '”') && (status.startsWith('Geen')
        || document.querySelectorAll('#kd-resultaten .kd-resultaat').length > 0);
}"""

_TIJD = "async ([voor, q]) => { const klaar = " + _KLAAR + """;
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


class _GzipServer(SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them: text types gzip-compressed when asked."""

    def log_message(self, format: str, *args: object) -> None:
        """No access log."""

    def send_head(self):  # type: ignore[no-untyped-def]  # signature of the base class
        pad = Path(self.translate_path(self.path))
        if pad.is_dir():
            pad = pad / "index.html"
        if (pad.suffix not in _COMPRIMEERBAAR or not pad.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        inhoud = gzip.compress(pad.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(pad)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(inhoud)))
        self.end_headers()
        return io.BytesIO(inhoud)


@dataclass(frozen=True)
class Zoekmeting:
    """The search figures of one site."""

    eerste_kb: float
    toets_max_kb: float
    toets_mediaan_kb: float
    toetsen: int
    resultaten_ms: float
    """The slowest time to results over the typed queries, index pieces loaded."""
    resultaten: int
    """Results of the first search."""


@contextmanager
def serveer(site: Path) -> Iterator[str]:
    """Serve a built site on loopback, gzip-compressed as GitHub Pages does; yield its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_GzipServer, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _wacht(pagina: Page, zoekterm: str) -> None:
    pagina.wait_for_function(_KLAAR, arg=zoekterm, timeout=60_000)
    pagina.wait_for_load_state("networkidle")


def meet_zoeken(site: Path) -> Zoekmeting:
    """Search the site as described above; the figures."""
    antwoorden: list[Response] = []

    def bytes_sinds(begin: int) -> int:
        return sum(a.request.sizes()["responseBodySize"] for a in antwoorden[begin:])

    with serveer(site) as adres, sync_playwright() as playwright:
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
        resultaten = pagina.locator(".kd-resultaat").count()
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
        toetsen=len(per_toets),
        resultaten_ms=round(max(tijden), 1),
        resultaten=resultaten,
    )
