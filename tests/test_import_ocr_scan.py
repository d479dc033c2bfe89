"""A real OCR round trip: three printed pages of 000 as a scan, read by pdftoppm and Tesseract.

The pages (B1-K1-W2 to B1-K1-W5) are printed to a PDF, every page replaced by its image, so the
PDF has no text layer. The importer's PDF reader must notice that and OCR the pages; the text
then goes through the same repairs and structure reading as any source, against the overview of
the committed dossier. The structure must come back exactly (codes, titles, fields, the number
of gedrag items, the competences); the words are measured and printed, and must be 95%.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossierimport.bronnen import lees_bron
from dossierimport.tekst.alineas import voeg_regels_samen
from dossierimport.tekst.herstel import herstel_opmaak
from dossierimport.tekst.koppen import los_koppen_op
from dossierimport.tekst.ocrwoorden import Woordenschat, herstel_woorden
from dossierimport.tekst.opbouw import Omzetting, deel_in
from dossierimport.tekst.overzicht import Overzicht
from dossierimport.tekst.pdftekst import pdf_stukken
from dossierimport.woorden import dekking, model_teksten, woorden
from kwalificatiedossiers.laden import Corpus
from kwalificatiedossiers.model import Dossier

from brontekst import paginas_000
from conftest import DATA
from pdfmaken import maak_pdf

pytestmark = pytest.mark.golden

CODES = ["B1-K1-W2", "B1-K1-W3", "B1-K1-W4", "B1-K1-W5"]


def test_gescande_paginas_geven_de_structuur_terug(tmp_path: Path, echt_corpus: Corpus
                                                   ) -> None:
    commercie = echt_corpus.dossier("commercie")
    assert isinstance(commercie, Dossier)
    paginas = [p for p in paginas_000()
               if any(r.startswith(tuple(f"{c}:" for c in CODES)) for r in p.regels)]
    paginas = paginas_000()[paginas_000().index(paginas[0]):][:3]
    scan = maak_pdf(paginas, tmp_path / "scan.pdf", tekstlaag=False)
    bron = lees_bron(scan)
    tekst = bron.tekst()
    assert bron.pdf.methode == "ocr"
    assert bron.pdf.paginas == 3

    overzicht = Overzicht(titels={k.code: k.titel for k in commercie.alle_kerntaken()}
                          | {w.code: w.titel for k in commercie.alle_kerntaken()
                             for w in k.werkprocessen})
    stukken, meldingen = herstel_opmaak(pdf_stukken(tekst))
    stukken, woordmeldingen = herstel_woorden(
        stukken, Woordenschat.voor_import(DATA, [tekst], set()))
    indeling = deel_in(voeg_regels_samen(los_koppen_op(stukken, overzicht).stukken))
    omzetting = Omzetting(scan.name)
    gelezen = [omzetting.werkproces(indeling.secties[c]) for c in CODES]
    echt = {w.code: w for w in commercie.basisdeel.kerntaken[0].werkprocessen}

    for werkproces in gelezen:
        verwacht = echt[werkproces.code]
        assert werkproces.titel == verwacht.titel
        assert werkproces.omschrijving
        assert werkproces.resultaat
        assert len(werkproces.gedrag.items) == len(verwacht.gedrag.items), werkproces.code
        assert werkproces.competenties == verwacht.competenties, werkproces.code

    waar = [w for t in model_teksten([echt[c] for c in CODES]) for w in woorden(t)]
    gemeten = dekking(waar, [w for t in model_teksten(gelezen) for w in woorden(t)])
    print(f"OCR van 3 pagina's: {gemeten.gevonden} van {gemeten.totaal} woorden "
          f"({gemeten.aandeel:.2%}) op volgorde; {len(meldingen) + len(woordmeldingen)} "
          f"herstellingen en vragen; ontbrekend: {[w for _, w in gemeten.ontbrekend]}")
    assert gemeten.aandeel >= 0.95
