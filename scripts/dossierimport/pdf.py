"""PDF input: the text layer of a dossier PDF, or, for a scan without one, Tesseract's reading.

The text layer is read with pypdf in its layout mode: it keeps the reading order of the page
and turns the gaps between paragraphs into blank lines, which the text importer needs to tell
paragraphs, list items and headings apart (pdfminer.six regrouped the lines of our PDFs into
boxes and reordered fields, and took six times as long; see the commit that chose it).

A page whose text layer holds (almost) nothing is a scan: all pages are then rasterised with
``pdftoppm`` and read by ``tesseract`` with the Dutch model (Debian's ``poppler-utils``,
``tesseract-ocr`` and ``tesseract-ocr-nld``, installed by ``.ci/ensure-ocr``). Either way the
result is plain text with a form feed before every page after the first, as PDF-to-text tools
write it, and it goes to the same importer as a text source.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dossierimport.fouten import ImportFout

PAGINA = "\f"
"""Written before the first line of every page after the first."""
_MIN_TEKENS_PER_PAGINA = 40
"""Fewer characters than this on average: the PDF has no usable text layer (a scan)."""
_DPI = 300
"""Tesseract reads 10-12 pt text best at 300 dpi."""
_OCR_TIJD = 600


@dataclass(frozen=True)
class PdfTekst:
    """The text of a PDF and how it was obtained."""

    tekst: str
    paginas: int
    methode: Literal["tekstlaag", "ocr"]

    @property
    def uitleg(self) -> str:
        """How the text was obtained, for the import report and provenance."""
        if self.methode == "ocr":
            return (f"PDF van {self.paginas} pagina's zonder tekstlaag: gelezen met OCR "
                    "(Tesseract, Nederlands)")
        return f"tekstlaag van een PDF van {self.paginas} pagina's (pypdf)"


def is_pdf(inhoud: bytes) -> bool:
    """Whether bytes are a PDF file (the header may follow a few bytes of junk)."""
    return b"%PDF-" in inhoud[:1024]


def pdf_tekst(inhoud: bytes, naam: str) -> PdfTekst:
    """The text of a PDF: its text layer, or OCR when it has none."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # A damaged PDF makes pypdf fail in many ways; each is this file's error (at its first
    # line, where the PDF header is), never a traceback.
    try:
        lezer = PdfReader(io.BytesIO(inhoud))
        paginas = [p.extract_text(extraction_mode="layout") for p in lezer.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            OverflowError, RecursionError, ZeroDivisionError) as exc:
        raise ImportFout(naam, 1, f"geen leesbare PDF: {exc}") from exc
    if not paginas:
        raise ImportFout(naam, 1, "de PDF heeft geen pagina's")
    if sum(len(p.strip()) for p in paginas) >= _MIN_TEKENS_PER_PAGINA * len(paginas):
        return PdfTekst(_voeg_paginas_samen(paginas), len(paginas), "tekstlaag")
    return PdfTekst(_voeg_paginas_samen(ocr_paginas(inhoud, naam)), len(paginas), "ocr")


def _voeg_paginas_samen(paginas: list[str]) -> str:
    """One text, a form feed before each page; indentation is layout and goes (the text
    importer reads one leading space as the start of a page)."""
    schoon = ["\n".join(r.strip() for r in p.strip("\n").split("\n")) for p in paginas]
    return ("\n" + PAGINA).join(schoon) + "\n"


def _programma(naam: str, pakket: str, bestand: str) -> str:
    pad = shutil.which(naam)
    if pad is None:
        raise ImportFout(bestand, 1, f"deze PDF heeft geen tekstlaag en '{naam}' ontbreekt "
                         f"om hem te lezen; installeer {pakket} (sh .ci/ensure-ocr)")
    return pad


def ocr_paginas(inhoud: bytes, naam: str) -> list[str]:
    """Rasterise every page and read it with Tesseract's Dutch model, page by page."""
    pdftoppm = _programma("pdftoppm", "poppler-utils", naam)
    tesseract = _programma("tesseract", "tesseract-ocr en tesseract-ocr-nld", naam)
    with tempfile.TemporaryDirectory(prefix="dossier-ocr-") as tmp:
        map_ = Path(tmp)
        (map_ / "bron.pdf").write_bytes(inhoud)
        _draai([pdftoppm, "-r", str(_DPI), "-gray", "-png", "bron.pdf", "p"], map_, naam)
        uit = []
        for beeld in sorted(map_.glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
            # --psm 4: one column of text of variable sizes, read line by line (the dossier
            # layout); preserve_interword_spaces keeps the gaps of the overview's columns.
            uit.append(_draai([tesseract, beeld.name, "-", "-l", "nld", "--psm", "4",
                               "-c", "preserve_interword_spaces=1"], map_, naam))
        return uit


def _draai(opdracht: list[str], map_: Path, naam: str) -> str:
    try:
        proces = subprocess.run(opdracht, cwd=map_, capture_output=True, text=True,
                                timeout=_OCR_TIJD, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ImportFout(naam, 1, f"{Path(opdracht[0]).name} duurde langer dan "
                         f"{_OCR_TIJD} s") from exc
    if proces.returncode != 0:
        raise ImportFout(naam, 1, f"{Path(opdracht[0]).name} faalde: "
                         f"{proces.stderr.strip()[:300]}")
    return proces.stdout
