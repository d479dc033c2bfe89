"""Bytes a browser transfers for a first search: Chromium against the site on loopback."""

from __future__ import annotations

import functools
import gzip
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Response, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


_COMPRIMEERBAAR = {".html", ".js", ".css", ".json", ".svg", ".xml"}


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


def eerste_zoekopdracht_bytes(site: Path, zoekterm: str = "verkoopgesprek") -> dict[str, int]:
    """Open the home page, then search once; count the bytes of every response of the search.

    The home page itself is not counted: the figure is what searching adds. Bytes are the
    encoded response bodies from a server that compresses text types (the search index's JSON
    among them) as GitHub Pages does.
    """
    handler = functools.partial(_GzipServer, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    adres = f"http://127.0.0.1:{server.server_address[1]}/"
    antwoorden: list[Response] = []
    try:
        with sync_playwright() as playwright:
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
    finally:
        server.shutdown()
        server.server_close()
    return {"bytes": sum(groottes), "verzoeken": len(groottes), "resultaten": resultaten}
