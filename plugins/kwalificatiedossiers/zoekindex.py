"""The search index: Pagefind, run over the built site.

Pagefind indexes the rendered HTML (so it sees exactly what a reader sees), stems Dutch from the
page's ``lang``, keeps codes such as ``P4-K1-W2`` whole, and splits its index into small chunks
a browser fetches on demand — a first search stays light at national scale. Pages opt in
through ``data-pagefind-body`` (set by our templates); matrices and compare pages do not, so
they never crowd out entity pages.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.kwalificatiedossiers")


def bouw_zoekindex(site_map: Path) -> float:
    """Index ``site_map`` into ``site_map/pagefind``; return the seconds it took."""
    begin = time.perf_counter()
    opdracht = [sys.executable, "-m", "pagefind", "--site", str(site_map), "--silent"]
    resultaat = subprocess.run(opdracht, capture_output=True, text=True, check=False)
    if resultaat.returncode != 0:
        raise PluginError(
            "Pagefind kon de zoekindex niet bouwen:\n" + (resultaat.stderr or resultaat.stdout)
        )
    orden_filters(site_map / "pagefind")
    duur = time.perf_counter() - begin
    log.info("zoekindex gebouwd in %.1f s", duur)
    return duur


_KOP = b"pagefind_dcd"
"""What every decompressed Pagefind file starts with, before its CBOR."""


def orden_filters(pagefind_map: Path) -> None:
    """Make Pagefind's filter index byte-for-byte reproducible.

    Pagefind 1.5 writes the values of a filter in the order of a Rust ``HashMap``, which differs
    from run to run (Pagefind/pagefind#638). The filter file is named by a hash of its content,
    the language's meta file names the filter file, and ``pagefind-entry.json`` names the meta
    file. We sort the values and rename the files down that chain by a hash of their new
    content (names keep their length, so the CBOR around them stays valid). Search reads the
    values into a map: their order carries no meaning.
    """
    nieuw: dict[str, str] = {}
    for pad in sorted((pagefind_map / "filter").glob("*.pf_filter")):
        inhoud = _gesorteerde_filter(_lees(pad))
        nieuw[pad.stem] = _hernoem(pad, inhoud, pad.stem)
    ingang_pad = pagefind_map / "pagefind-entry.json"
    if not nieuw or not ingang_pad.exists():
        return
    ingang = ingang_pad.read_text("utf-8")
    for pad in sorted(pagefind_map.glob("pagefind.*.pf_meta")):
        inhoud = _lees(pad)
        for oud, naam in nieuw.items():
            inhoud = inhoud.replace(_cbor_tekst(oud), _cbor_tekst(naam))
        oude_hash = pad.name.removeprefix("pagefind.").removesuffix(".pf_meta")
        ingang = ingang.replace(f'"{oude_hash}"', f'"{_hernoem(pad, inhoud, oude_hash)}"')
    ingang_pad.write_text(ingang, "utf-8")


def _lees(pad: Path) -> bytes:
    inhoud = gzip.decompress(pad.read_bytes())
    if not inhoud.startswith(_KOP):
        raise PluginError(f"{pad}: onbekende Pagefind-indeling")
    return inhoud[len(_KOP):]


def _hernoem(pad: Path, inhoud: bytes, oude_hash: str) -> str:
    """Write ``inhoud`` under a name hashed from it; return the new hash (same length)."""
    taal, _, oud = oude_hash.rpartition("_")
    nieuwe_hash = f"{taal}_{hashlib.sha256(inhoud).hexdigest()[:len(oud)]}"
    pad.unlink()
    doel = pad.with_name(pad.name.replace(oude_hash, nieuwe_hash))
    doel.write_bytes(gzip.compress(_KOP + inhoud, mtime=0))
    return nieuwe_hash


def _gesorteerde_filter(inhoud: bytes) -> bytes:
    """A filter file (``[name, [[value, [page, ...]], ...]]``) with its values sorted."""
    if inhoud[:1] != b"\x82":
        raise PluginError("onbekende Pagefind-filterindeling")
    naam_einde = _cbor_einde(inhoud, 1)
    lijst, aantal = _cbor_kop(inhoud, naam_einde)
    stukken = []
    for _ in range(aantal):
        einde = _cbor_einde(inhoud, lijst)
        waarde_begin, lengte = _cbor_kop(inhoud, lijst + 1)
        stukken.append((inhoud[waarde_begin:waarde_begin + lengte], inhoud[lijst:einde]))
        lijst = einde
    if lijst != len(inhoud):
        raise PluginError("onbekende Pagefind-filterindeling")
    return inhoud[:_cbor_kop(inhoud, naam_einde)[0]] + b"".join(
        stuk for _, stuk in sorted(stukken)
    )


def _cbor_kop(data: bytes, i: int) -> tuple[int, int]:
    """Where the content of the CBOR item at ``i`` begins, and its argument (length, count or
    value)."""
    extra = data[i] & 0x1F
    if extra < 24:
        return i + 1, extra
    breedte = {24: 1, 25: 2, 26: 4, 27: 8}.get(extra)
    if breedte is None:
        raise PluginError("onbekende Pagefind-indeling (CBOR van onbepaalde lengte)")
    return i + 1 + breedte, int.from_bytes(data[i + 1:i + 1 + breedte], "big")


def _cbor_einde(data: bytes, i: int) -> int:
    """The offset just past the CBOR item at ``i`` (integers, strings, arrays and maps: what
    Pagefind writes)."""
    soort = data[i] >> 5
    begin, waarde = _cbor_kop(data, i)
    if soort in (0, 1):
        return begin
    if soort in (2, 3):
        return begin + waarde
    if soort in (4, 5):
        for _ in range(waarde * (2 if soort == 5 else 1)):
            begin = _cbor_einde(data, begin)
        return begin
    raise PluginError(f"onbekende Pagefind-indeling (CBOR-type {soort})")


def _cbor_tekst(tekst: str) -> bytes:
    """A short CBOR text string (the hash names, under 24 bytes)."""
    data = tekst.encode()
    if len(data) >= 24:
        raise PluginError(f"onverwacht lange Pagefind-naam {tekst!r}")
    return bytes([0x60 | len(data)]) + data
