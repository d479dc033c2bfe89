"""Incremental work: ``mkdocs serve`` on a generated corpus, one werkproces edited in the YAML,
and the time until the served page shows the change."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from dossierbench.corpus import genereer, kopieen_voor
from dossierbench.project import REPO, schrijf_project

MERKTEKEN = "Bewerkt-voor-de-meting"
OUD = "Actuele accountplannen die bij de account en de onderneming passen."
"""The resultaat of commercie's P4-K1-W2 that the measurements edit."""


def bewerkt(tekst: str) -> str:
    """``tekst`` with :data:`OUD` edited as the measurements do (:data:`MERKTEKEN` added)."""
    return tekst.replace(OUD, f"{OUD[:-1]} {MERKTEKEN}.")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort: int = s.getsockname()[1]
        return poort


def _wacht_op(url: str, tekst: str | None, tijdslimiet: float) -> float:
    begin = time.perf_counter()
    while time.perf_counter() - begin < tijdslimiet:
        try:
            with urllib.request.urlopen(url, timeout=5) as antwoord:
                inhoud = antwoord.read().decode("utf-8", errors="replace")
            if tekst is None or tekst in inhoud:
                return time.perf_counter() - begin
        except OSError:
            pass
        time.sleep(0.05)  # the poll adds at most this to a measured time
    raise TimeoutError(f"{url} toonde '{tekst}' niet binnen {tijdslimiet} s")


def meet_serve(doel_paginas: int, per_kopie: tuple[int, int]) -> dict[str, float]:
    """Serve a corpus of about ``doel_paginas`` pages; edit one werkproces; time the rebuild."""
    with tempfile.TemporaryDirectory(prefix="dossierbench-serve-") as werk:
        werkmap = Path(werk)
        data = werkmap / "data"
        genereer(REPO / "dossier-data", data, kopieen_voor(doel_paginas, per_kopie))
        config = schrijf_project(werkmap / "project", data, {"index.md": "# Serve\n"})
        poort = _vrije_poort()
        proces = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config),
             "--dev-addr", f"127.0.0.1:{poort}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{poort}/commercie-1/p4-k1-w2/"
            eerste = _wacht_op(url, None, 3600)
            bestand = data / "commercie-1" / "profielen" / "p4.yaml"
            tekst = bestand.read_text("utf-8")
            if OUD not in tekst:
                raise SystemExit(f"meetpunt niet gevonden in {bestand}")
            # The first build is over when its last output, the search index, is served.
            _wacht_op(f"http://127.0.0.1:{poort}/zoeken/meta.json", None, 600)
            time.sleep(2)  # let the watcher settle
            bestand.write_text(bewerkt(tekst), "utf-8")
            herbouw = _wacht_op(url, MERKTEKEN, 3600)
        finally:
            proces.terminate()
            proces.wait(timeout=60)
    return {"eerste_bouw_s": round(eerste, 1), "herbouw_na_bewerking_s": round(herbouw, 1)}
