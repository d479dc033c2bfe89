"""Serving a built site on loopback and driving Debian's Chromium through Playwright."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
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


class _PagesHandler(SimpleHTTPRequestHandler):
    """Like GitHub Pages: the site under a path prefix, and its ``404.html`` (status 404) for
    an address that has no file."""

    voorvoegsel = "/"

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.voorvoegsel):
            return str(Path(self.directory) / "bestaat-niet")
        return super().translate_path("/" + path[len(self.voorvoegsel):])

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """A missing path gets the site's 404.html, as GitHub Pages serves it."""
        pagina = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not pagina.is_file():
            super().send_error(code, message, explain)
            return
        inhoud = pagina.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(inhoud)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(inhoud)


@contextmanager
def serveer(site: Path, voorvoegsel: str = "/") -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (a free port) under ``voorvoegsel``; yield its URL."""
    handler = functools.partial(
        type("Handler", (_PagesHandler,), {"voorvoegsel": voorvoegsel}), directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{voorvoegsel}"
    finally:
        server.shutdown()
        server.server_close()
