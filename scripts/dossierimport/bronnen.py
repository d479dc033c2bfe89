"""Reading source files: size limit, checksum and detection of the form.

The importer never trusts a file's name: the form is detected from the content (a PDF file, an
XML declaration or ``<sbb>`` root, Markdown headings with inline HTML, or plain PDF text).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from dossierimport.fouten import ImportFout
from dossierimport.pdf import PdfTekst, is_pdf, pdf_tekst
from kwalificatiedossiers.bestand import BestandFout, lees_bytes

MAX_BRON_BYTES = 20 * 1024 * 1024
"""Largest source we read; the largest real SBB export of one dossier is under 1 MB."""

Vorm = Literal["sbb-xml", "pdf", "pdf-tekst", "markdown", "markdown-html"]


@dataclass(frozen=True)
class Bronbestand:
    """One source file, read and identified."""

    pad: Path
    inhoud: bytes
    sha256: str
    vorm: Vorm

    @property
    def naam(self) -> str:
        """The file name (what provenance records)."""
        return self.pad.name

    @cached_property
    def pdf(self) -> PdfTekst:
        """A PDF's text (its text layer, or OCR for a scan); read once."""
        return pdf_tekst(self.inhoud, self.naam)

    def tekst(self) -> str:
        """The content as text (UTF-8, a byte order mark removed; a PDF's extracted text)."""
        if self.vorm == "pdf":
            return self.pdf.tekst
        try:
            return self.inhoud.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFout(self.naam, None, f"geen geldige UTF-8 (byte {exc.start})") from exc


_XML_CODERINGEN = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\0\0\0", "utf-32-le"), (b"\0\0\0<", "utf-32-be"),
    (b"<\0", "utf-16-le"), (b"\0<", "utf-16-be"),
)
"""How an XML file's first bytes tell UTF-16 and UTF-32 (XML 1.0, appendix F); the parser
reads every encoding the file declares, but the form must be recognised first."""


def _begin_als_tekst(inhoud: bytes) -> str:
    """The first kilobytes as text, in UTF-8 unless the first bytes say UTF-16 or UTF-32."""
    codering = next((c for begin, c in _XML_CODERINGEN if inhoud.startswith(begin)), "utf-8-sig")
    return inhoud[:4096].decode(codering, errors="replace")


def herken_vorm(inhoud: bytes) -> Vorm:
    """Tell the form of a source from its first kilobytes."""
    if is_pdf(inhoud):
        return "pdf"
    begin = _begin_als_tekst(inhoud).lstrip()
    if begin.startswith(("<?xml", "<sbb")):
        return "sbb-xml"
    markdown_koppen = re.findall(r"^#{1,6} \S", begin, flags=re.MULTILINE)
    if markdown_koppen:
        # The 2009 dossiers were converted with their HTML fragments (lists, tables) inline.
        if re.search(r"<(ul|li|p|input)\b", inhoud[:400_000].decode("utf-8", errors="replace")):
            return "markdown-html"
        return "markdown"
    return "pdf-tekst"


def controleer_grootte(naam: str, grootte: int, maximum: int) -> None:
    """Refuse a source of more than ``maximum`` bytes."""
    if grootte > maximum:
        raise ImportFout(naam, None,
                         f"bestand is {grootte:,} bytes; het maximum is {maximum:,} bytes")


def lees_bron(pad: Path) -> Bronbestand:
    """Read a source file; refuse what is too large or not a regular file (a folder, a FIFO)."""
    try:
        inhoud = lees_bytes(pad, MAX_BRON_BYTES)
    except BestandFout as exc:
        raise ImportFout(pad.name if pad.exists() else str(pad), None, str(exc)) from exc
    return Bronbestand(pad, inhoud, hashlib.sha256(inhoud).hexdigest(), herken_vorm(inhoud))
