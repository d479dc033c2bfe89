"""Real PDFs of the seed texts, laid out as SBB prints a dossier (made with fpdf2).

Every page has the running header on top (the current code heading), the text in DejaVu Sans
with paragraph gaps, list items as a bullet glyph with the text indented after it (``§`` for
vakkennis, ``-`` for gedrag, ``•`` elsewhere, as the source has them), and the footer
``n van m`` at the bottom right. With ``tekstlaag=False`` every page is drawn as an image
(a scan): the PDF then has no text to extract and must be read by OCR.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from fpdf import FPDF

from brontekst import Pagina

LETTER = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
"""Debian's fonts-dejavu-core (installed by .ci/ensure-ocr)."""
_BULLET = re.compile(r"^([§•\-–▪·])\s+(\S.*)$")
_VAST = dt.datetime(2023, 8, 1, tzinfo=dt.UTC)
_LINKS = 18.0
_INSPRONG = 5.0
_REGELAFSTAND = 4.2
_ALINEA = 2.1


def maak_pdf(paginas: list[Pagina], pad: Path, *, tekstlaag: bool = True) -> Path:
    """Write the pages as a PDF (text, or with ``tekstlaag=False`` images of the text)."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.set_creation_date(_VAST)  # the same pages give the same bytes
    pdf.add_font("dejavu", "", str(LETTER))
    for nummer, pagina in enumerate(paginas, start=1):
        pdf.add_page()
        pdf.set_font("dejavu", size=7.5)
        if pagina.kop:
            pdf.text(_LINKS, 12, pagina.kop)
        pdf.set_font("dejavu", size=8.5)
        y = 22.0
        for regel in pagina.regels:
            if not regel:
                y += _ALINEA
                continue
            bullet = _BULLET.match(regel)
            if bullet:
                pdf.text(_LINKS, y, bullet[1])
                pdf.text(_LINKS + _INSPRONG, y, bullet[2])
            else:
                pdf.text(_LINKS, y, regel)
            y += _REGELAFSTAND
        pdf.set_font("dejavu", size=7.5)
        pdf.text(175, 287, f"{nummer} van {len(paginas)}")
    pad.write_bytes(bytes(pdf.output()))
    if not tekstlaag:
        _als_scan(pad)
    return pad


def _als_scan(pad: Path) -> None:
    """Replace every page by an image of it (pdftoppm), as a scanner makes a PDF."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pad), f"{tmp}/p"],
                       check=True)
        scan = FPDF(format="A4")
        scan.set_creation_date(_VAST)
        for beeld in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
            scan.add_page()
            scan.image(str(beeld), x=0, y=0, w=210, h=297)
        pad.write_bytes(bytes(scan.output()))
