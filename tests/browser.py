"""Serving a built site on loopback and driving Debian's Chromium through Playwright."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


BREEDTES = {375: 812, 1280: 900}
"""Viewport width → height: the phone and the desktop that pages are checked at."""


def telefoon_of_bureau(browser: Browser, breedte: int) -> BrowserContext:
    """A context at one of :data:`BREEDTES`: below 800 px a phone with touch; copying to the
    clipboard allowed (the share menu and the section links copy)."""
    return browser.new_context(
        viewport={"width": breedte, "height": BREEDTES[breedte]},
        has_touch=breedte < 800, is_mobile=breedte < 800,
        permissions=["clipboard-read", "clipboard-write"])


class _StilleHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None
                   ) -> None:
        """A missing path gets the site's 404.html, as GitHub Pages serves it."""
        pagina = Path(self.directory) / "404.html"
        if code != 404 or not pagina.exists():
            super().send_error(code, message, explain)
            return
        inhoud = pagina.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(inhoud)))
        self.end_headers()
        self.wfile.write(inhoud)


@contextmanager
def serveer(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (a free port); yield the base URL."""
    handler = functools.partial(_StilleHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
