"""A real PDF round trip: the seed texts printed as SBB prints a dossier, read back, imported.

The PDFs are made with fpdf2 from the seeds (running headers, ``n van m`` footers, bullet glyphs
indented as in SBB's PDFs), the importer extracts their text layer with pypdf, and the result
must be the committed data: every YAML file of the profielen and the basisdeel byte for byte,
the dossier file apart from the provenance (other file names and checksums), and the same
differences between the two sources.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from dossierimport.bronnen import herken_vorm
from dossierimport.cli import main
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.model import Dossier

from brontekst import paginas_000, paginas_001
from conftest import DATA, kopieer_echte_data
from pdfmaken import maak_pdf

pytestmark = pytest.mark.golden


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    map_ = tmp_path_factory.mktemp("pdf")
    return (maak_pdf(paginas_000(), map_ / "commercie.pdf"),
            maak_pdf(paginas_001(), map_ / "commercie-p4.pdf"))


@pytest.fixture(scope="module")
def geimporteerd(tmp_path_factory: pytest.TempPathFactory, pdfs: tuple[Path, Path]
                 ) -> tuple[Path, str]:
    uit = kopieer_echte_data(tmp_path_factory.mktemp("uit"), "competenties.yaml")
    rapport = io.StringIO()
    with contextlib.redirect_stdout(rapport):
        assert main([str(pdfs[0]), str(pdfs[1]), "--out", str(uit)]) == 0
    return uit, rapport.getvalue()


def test_de_pdf_is_echt_en_heeft_paginakoppen_voetteksten_en_opsommingstekens(
    pdfs: tuple[Path, Path],
) -> None:
    from pypdf import PdfReader

    inhoud = pdfs[0].read_bytes()
    assert inhoud.startswith(b"%PDF-")
    assert herken_vorm(inhoud) == "pdf"
    lezer = PdfReader(pdfs[0])
    tekst = [p.extract_text() for p in lezer.pages]
    assert len(tekst) > 87
    assert all(f"{n} van {len(tekst)}" in t for n, t in enumerate(tekst, start=1))
    assert sum("§" in t for t in tekst) > 20
    assert sum(t.lstrip().startswith("B1-K1: Onderzoekt") for t in tekst) >= 2  # running header


def test_profielen_en_basisdeel_zijn_byte_voor_byte_de_vastgelegde_data(
    geimporteerd: tuple[Path, str],
) -> None:
    uit, _ = geimporteerd
    verwacht = sorted(p.relative_to(DATA) for p in (DATA / "commercie").rglob("*.yaml"))
    assert sorted(p.relative_to(uit) for p in (uit / "commercie").rglob("*.yaml")) == verwacht
    for pad in verwacht:
        if pad.name != "dossier.yaml":
            assert (uit / pad).read_bytes() == (DATA / pad).read_bytes(), pad


def test_dossier_en_afwijkingen_zijn_die_van_de_tekstbronnen(
    geimporteerd: tuple[Path, str],
) -> None:
    uit, rapport = geimporteerd
    gemaakt = laad_corpus(uit).dossier("commercie")
    vastgelegd = laad_corpus(DATA).dossier("commercie")
    assert isinstance(gemaakt, Dossier)
    assert isinstance(vastgelegd, Dossier)
    assert gemaakt.model_dump(exclude={"herkomst"}) == vastgelegd.model_dump(exclude={"herkomst"})

    def afwijkingen(dossier: Dossier) -> list[tuple[str, str, str, str]]:
        return [(a.onderdeel, a.veld, a.gebruikt, a.andere) for a in dossier.herkomst.afwijkingen]

    assert afwijkingen(gemaakt) == afwijkingen(vastgelegd)
    assert [a.onderdeel for a in gemaakt.herkomst.afleidingen] == [
        a.onderdeel for a in vastgelegd.herkomst.afleidingen]
    bronnen = {b.bestand: b for b in gemaakt.herkomst.bronnen}
    assert bronnen["commercie.pdf"].vorm == "pdf"
    assert bronnen["commercie.pdf"].gebruikt_voor.startswith("alle tekst")
    assert "tekstlaag van een PDF" in rapport
