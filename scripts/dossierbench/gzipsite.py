"""A built site served on loopback as GitHub Pages serves it (text types gzip-compressed), for
measurements in Chromium."""

from __future__ import annotations

import functools
import gzip
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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


@contextmanager
def serveer_gzip(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (a free port), compressed; yield the base URL."""
    handler = functools.partial(_GzipServer, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
