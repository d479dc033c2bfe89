"""The seed texts as printed pages of plain lines, as a dossier PDF shows them.

``000`` is already PDF text: its pages start at the lines the tool wrote with one leading space
(the running header of the page, where it survived). ``001`` is Markdown: it is turned back
into the lines a PDF-to-text tool writes (headings and emphasis as plain lines, list items with
a bullet glyph, table rows with their cells side by side, paragraphs wrapped at the page width).
Pages longer than a printed page are split, and every page after the first section heading gets
the running header SBB prints: the current code heading.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from conftest import COMMERCIE_EXTRACT, COMMERCIE_HEEL

REGELS_PER_PAGINA = 58
BREEDTE = 112
_CODEKOP = re.compile(r"^(?:B|P)\d(?:-K\d(?:-W\d)?)?:?\s")
_VOETTEKST = re.compile(r"^\s*\d+ van \d+\s*$")


@dataclass
class Pagina:
    """One printed page: its running header (if any) and its lines ("" is a paragraph gap)."""

    kop: str | None
    regels: list[str] = field(default_factory=list)


def _pagineer(blokken: list[list[str]]) -> list[Pagina]:
    """Split the source's own pages to printed size; repeat the current heading on top."""
    paginas: list[Pagina] = []
    huidige_kop: str | None = None
    alle = [r for blok in blokken for r in blok]
    # Running headers are the body's headings; the body starts at the last "Basisdeel".
    body = max(i for i, r in enumerate(alle) if r == "Basisdeel")
    teller = 0
    for blok in blokken:
        pagina = Pagina(None)
        paginas.append(pagina)
        for regel in blok:
            if len(pagina.regels) >= REGELS_PER_PAGINA and regel:
                pagina = Pagina(huidige_kop)
                paginas.append(pagina)
            if teller > body and _CODEKOP.match(regel):
                huidige_kop = regel
            pagina.regels.append(regel)
            teller += 1
    return [p for p in paginas if any(p.regels)]


def paginas_000() -> list[Pagina]:
    """The whole dossier (PDF text) as printed pages; its own footers are left out."""
    blokken: list[list[str]] = [[]]
    for ruw in COMMERCIE_HEEL.read_text(encoding="utf-8").split("\n"):
        if _VOETTEKST.match(ruw):
            continue
        if ruw.startswith(" ") and not ruw.startswith("  ") and ruw.strip() and blokken[-1]:
            blokken.append([])
        blokken[-1].append(ruw.strip().replace("\u00a0", " "))
    return _pagineer(blokken)


_MD_OPMAAK = re.compile(r"</?b>|\*\*|(?<!\\)\*(?=\S)|(?<=\S)(?<!\\)\*|^#+\s*")


def _platte_tekst(regel: str) -> str:
    regel = re.sub(r"<(https?://[^>]+)>", r"\1", regel.strip())
    regel = _MD_OPMAAK.sub("", regel)
    regel = regel.replace("\\*", "*").replace("\t", " ")
    return " ".join(regel.split())


def regels_001() -> list[str]:
    """The profile extract (Markdown) as the lines of its PDF text."""
    uit: list[str] = []
    koppen: set[int] = set()
    alinea: list[str] = []

    def sluit() -> None:
        if alinea:
            uit.extend(textwrap.wrap(" ".join(alinea), BREEDTE))
            alinea.clear()

    for ruw in COMMERCIE_EXTRACT.read_text(encoding="utf-8").splitlines():
        regel = ruw.rstrip()
        if not regel.strip():
            sluit()
            uit.append("")
        elif item := re.match(r"^\s*- (?![a-z]\. )(.*)$", regel):
            sluit()
            uit.extend(textwrap.wrap(_platte_tekst(item[1]), BREEDTE, initial_indent="• "))
        elif regel.startswith("#") or "\t" in regel or ruw.endswith("  "):
            sluit()
            if regel.startswith("#"):
                koppen.add(len(uit))
            uit.append(_platte_tekst(re.sub(r"^\s*- ", "", regel)))
        else:
            alinea.append(_platte_tekst(re.sub(r"^\s*- ", "", regel)))
    sluit()
    # Runs of blank lines are one paragraph gap; a heading stands directly above its text.
    return [r for i, r in enumerate(uit)
            if r or (i > 0 and uit[i - 1] and i - 1 not in koppen)]


def paginas_001() -> list[Pagina]:
    """The profile extract as printed pages."""
    return _pagineer([regels_001()])


def als_pdf_tekst(paginas: list[Pagina], *, voettekst: bool = True) -> str:
    """Pages as a PDF-to-text tool writes them: header, lines, footer ``n van m``."""
    uit: list[str] = []
    for nummer, pagina in enumerate(paginas, start=1):
        regels = ([pagina.kop] if pagina.kop else []) + pagina.regels
        if voettekst:
            regels += ["", f"{nummer} van {len(paginas)}"]
        uit += [("\f" if nummer > 1 and i == 0 else "") + r for i, r in enumerate(regels)]
    return "\n".join(uit) + "\n"
