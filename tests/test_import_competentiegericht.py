"""The competentiegericht importer on the real 2009-2010 dossier Commercieel medewerker.

Expectations come from the source itself (read with plain string handling here or in
conftest.py, or written out literally from it), never from the importer's own parsing, so that a
parsing error cannot hide behind a shared helper.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossierimport import cli
from dossierimport.bronnen import lees_bron
from dossierimport.competentiegericht import Import, importeer_bron, woordenlijst
from dossierimport.competentiegericht.controles import MATRIXVERSCHIL
from dossierimport.competentiegericht.teksten import leesvolgorde
from dossierimport.woorden import dekking, woorden
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht, Verwijzing
from kwalificatiedossiers.model.corpus import Corpus

from conftest import BRON_2009 as BRON
from conftest import (
    BRONREGELS,
    DATA,
    bestanden,
    kopieer_echte_data,
    matrixverschillen,
    overzicht_uit_bron,
    zonder_importverslag,
)
from conftest import ID_2009 as DOSSIER_ID

pytestmark = pytest.mark.golden

OVERZICHT = {
    "1.1": "U1 U2 U3 U4", "1.2": "U4", "1.3": "U1 U2 U4", "1.4": "U4", "1.5": "U4",
    "1.6": "U2 U4", "2.1": "U1 U2 U3 U4", "2.2": "U1 U2 U3 U4", "2.3": "U1 U2 U3 U4",
    "2.4": "U4", "2.5": "U1 U2 U4", "2.6": "U1 U2 U4", "2.7": "U1", "2.8": "U2 U4", "2.9": "U4",
    "3.1": "U1 U2 U3 U4", "3.2": "U1 U2 U4", "3.3": "U1 U2 U3", "3.4": "U4",
}
"""The table "3. Overzicht van het kwalificatiedossier", written out from the source."""


@pytest.fixture(scope="module")
def gelezen() -> Import:
    """The source imported once (in memory) for this module."""
    bron = lees_bron(BRON)
    return importeer_bron(bron, woordenlijst(DATA, bron.naam))


@pytest.fixture(scope="module")
def dossier(dossier_2009: DossierCompetentiegericht) -> DossierCompetentiegericht:
    """The committed data, as the site loads it."""
    return dossier_2009


def test_import_reproduceert_de_vastgelegde_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kopieer_echte_data(tmp_path, "competenties.yaml")
    assert cli.main([str(BRON), "--out", str(tmp_path)]) == 0
    assert zonder_importverslag(tmp_path / DOSSIER_ID) == bestanden(DATA / DOSSIER_ID)
    uitvoer = capsys.readouterr().out
    assert f"Import van dossier '{DOSSIER_ID}'" in uitvoer
    assert f"gecontroleerd: {tmp_path} is geldig" in uitvoer


def test_overzicht_uitstroom_maal_werkproces_cel_voor_cel(
    dossier: DossierCompetentiegericht,
) -> None:
    assert {code: " ".join(u) for code, (_, u) in overzicht_uit_bron().items()} == OVERZICHT
    gelezen = {r.werkproces: " ".join(r.uitstromen) for r in dossier.deel_b.overzicht.werkprocessen}
    assert gelezen == OVERZICHT
    assert len(gelezen) == 19
    assert [u.code for u in dossier.uitstromen] == ["U1", "U2", "U3", "U4"]


def test_deel_c_werkt_precies_de_werkprocessen_van_het_overzicht_uit(
    dossier: DossierCompetentiegericht,
) -> None:
    for uitstroom in dossier.uitstromen:
        uitgewerkt = [w.werkproces for k in uitstroom.uitwerking for w in k.werkprocessen]
        assert uitgewerkt == [c for c, u in OVERZICHT.items() if uitstroom.code in u.split()]


def test_kerntaken_en_werkprocessen(dossier: DossierCompetentiegericht) -> None:
    assert [(k.nummer, k.titel) for k in dossier.kerntaken] == [
        (1, "Onderzoekt de markt en maakt plannen"),
        (2, "Voert het verkooptraject uit"),
        (3, "Bouwt relaties op en onderhoudt ze"),
    ]
    assert [w.code for k in dossier.kerntaken for w in k.werkprocessen] == list(OVERZICHT)
    # The page break cut the beschrijving of kerntaak 3 in "CRM-" | "tools": joined again.
    assert "Met behulp van CRM-tools bereidt hij zich voor" in dossier.kerntaken[2].beschrijving[-1]


def _zonder_opmaak(regel: str) -> str:
    tekst = re.sub(r"<[^>]*>|[*#]", " ", regel)
    return " ".join(tekst.split()).lower()


def test_verwijderde_regels_zijn_herhalingen_inhoudsopgave_of_lijnen(gelezen: Import) -> None:
    verwijderd = gelezen.verslag.verwijderd
    assert verwijderd
    inhoud = (BRONREGELS.index("## Inhoudsopgave") + 1, BRONREGELS.index("## Inleiding") + 1)
    for nummer in verwijderd:
        regel = BRONREGELS[nummer - 1]
        if inhoud[0] <= nummer < inhoud[1] or set(regel) <= set("-\t "):
            continue
        eerder = " ".join(_zonder_opmaak(r) for r in BRONREGELS[: nummer - 1])
        assert _zonder_opmaak(regel) in eerder, (nummer, regel)
    # Examples: the repeated heading rows of U1 2.3 at a page break, in three spellings.
    assert {657, 658, 726, 786, 788} <= verwijderd.keys()
    tekst = gelezen.rapport.als_tekst()
    assert "herhaalde tabelkop na een paginaovergang (kerntaak/werkproces): regels 657–658" in tekst


def _bronwoorden(verwijderd: set[int]) -> list[str]:
    tekst = "\n".join(r for i, r in enumerate(BRONREGELS, start=1) if i not in verwijderd)
    tekst = re.sub(r"<[^>]*>", " ", tekst)
    tekst = re.sub(r"\]\(#\)", " ", tekst).replace("&amp;", "&")
    return woorden(tekst)


def test_woorden_van_de_bron_staan_in_volgorde_in_de_data(
    gelezen: Import, dossier: DossierCompetentiegericht, echt_corpus: Corpus,
) -> None:
    namen = [c.naam for c in echt_corpus.competenties]
    data = woorden("\n".join(leesvolgorde(dossier, namen)))
    resultaat = dekking(_bronwoorden(set(gelezen.verslag.verwijderd)), data)
    ontbrekend = ", ".join(w for _, w in resultaat.ontbrekend)
    print(f"woorden in de data: {resultaat.gevonden} van {resultaat.totaal} "
          f"({resultaat.aandeel:.2%}); ontbrekend: {ontbrekend}")
    assert resultaat.aandeel >= 0.995


def test_geen_html_of_markdown_in_de_data() -> None:
    for pad in sorted((DATA / DOSSIER_ID).rglob("*.yaml")):
        tekst = pad.read_text("utf-8")
        assert not re.search(r"</?(ul|li|p|b|i|a|input|br)\b", tekst), pad
        for opmaak in ("&amp;", "&quot;", "](#)", "**"):
            assert opmaak not in tekst, (pad, opmaak)


def test_zie_de_eerste_competentie_is_een_verwijzing(dossier: DossierCompetentiegericht) -> None:
    in_bron = sum(r.count("Zie de eerste competentie van dit werkproces") for r in BRONREGELS)
    verwijzingen = 0
    for uitstroom in dossier.uitstromen:
        for kerntaak in uitstroom.uitwerking:
            for werkproces in kerntaak.werkprocessen:
                eerste, *rest = werkproces.competenties
                assert isinstance(eerste.vakkennis, list)
                assert eerste.vakkennis
                verwijzingen += sum(isinstance(c.vakkennis, Verwijzing) for c in rest)
                for competentie in werkproces.competenties:
                    if isinstance(competentie.vakkennis, list):
                        assert "Zie de eerste competentie van dit werkproces" not in \
                            competentie.vakkennis
    assert verwijzingen == in_bron > 100


def test_matrix_u2_kerntaak_3_ontbreekt_en_wordt_gemeld(
    gelezen: Import, dossier: DossierCompetentiegericht
) -> None:
    u2 = next(u for u in dossier.uitstromen if u.code == "U2")
    matrices = {k.kerntaak: k.matrix for k in u2.uitwerking}
    assert matrices[3] is None
    assert matrices[1] is not None
    assert matrices[2] is not None
    assert [w.werkproces for w in u2.uitwerking[2].werkprocessen] == ["3.1", "3.2", "3.3"]
    assert any("U2 (Commercieel medewerker buitendienst) × kerntaak 3: de "
               "proces-competentie-matrix ontbreekt in de bron" in o
               for o in gelezen.rapport.opmerkingen)
    andere = [(u.code, k.kerntaak) for u in dossier.uitstromen for k in u.uitwerking
              if k.matrix is None]
    assert andere == [("U2", 3)]


def test_matrices_en_deel_c_verschillen_precies_waar_het_rapport_dat_meldt(
    gelezen: Import, dossier: DossierCompetentiegericht, echt_corpus: Corpus,
) -> None:
    gemeld = {
        gevonden.groups()
        for gevonden in map(MATRIXVERSCHIL.match, gelezen.rapport.opmerkingen) if gevonden
    }
    code_van = {c.naam: c.code for c in echt_corpus.competenties}
    assert gemeld == matrixverschillen(dossier, code_van)
    for uitstroom in ("U1", "U2", "U3", "U4"):
        print(uitstroom, sorted(v[1] for v in gemeld if v[0] == uitstroom))
    # U3 × kerntaak 1 and 3 and U4 × kerntaak 3 (their matrices carry the letters' offset
    # exactly) agree with deel C except for U3 3.3 and U4 3.4, which the report lists.
    assert ("U3", "1.1") not in {(u, w) for u, w, _, _ in gemeld}
    assert ("U4", "3.4", "B", "A") in gemeld


def test_kruisjes_buiten_de_kolommen_staan_in_de_herkomst(
    dossier: DossierCompetentiegericht,
) -> None:
    niet_geplaatst = dossier.herkomst.niet_geplaatst
    assert any(n.startswith("regel 1199: deel C, U4 × kerntaak 2, werkproces 2.1")
               for n in niet_geplaatst)


def test_rasters_talen_en_rekenen(dossier: DossierCompetentiegericht) -> None:
    u3 = next(u for u in dossier.uitstromen if u.code == "U3")
    nederlands, vreemd = u3.taaleisen
    assert nederlands.taal == "Nederlands"
    assert nederlands.schrijven == ["A1", "A2", "B1", "B2"]
    assert vreemd.taal == "Moderne vreemde taal"
    assert vreemd.luisteren == []
    assert vreemd.lezen == ["A1", "A2", "B1"]
    assert vreemd.spreken == ["A1", "A2"]
    u4 = next(u for u in dossier.uitstromen if u.code == "U4")
    assert u4.rekeneisen is not None
    assert u4.rekeneisen.getallen == ["X1", "X2", "Y1", "Y2"]
    assert u4.rekeneisen.ruimte_en_vorm == []
    assert u4.rekeneisen.verbanden == ["X1", "X2", "Y1"]
    assert [u.niveau for u in dossier.uitstromen] == [3, 3, 3, 4]


def test_metadata_en_formele_vereisten(dossier: DossierCompetentiegericht) -> None:
    assert dossier.crebos == ["90110", "93800"]
    assert dossier.cohort == "Cohort 2009 - 2010"
    assert dossier.branches == ["Groothandel", "Textielindustrie", "Sales en accountmanagement"]
    assert dossier.colofon.vastgesteld_op.isoformat() == "2008-12-16"
    assert dossier.colofon.vastgesteld_te == "Amersfoort"
    assert [(d.titel, d.niveau) for d in dossier.formele_vereisten.diplomas][-1] == \
        ("(Junior) accountmanager", 4)
    assert dossier.formele_vereisten.certificeerbare_eenheden == [
        "Contactcenter medewerker dienstverlening", "Contactcenter medewerker verkoop"]


def test_deel_d(dossier: DossierCompetentiegericht) -> None:
    verantwoording = dossier.verantwoording
    assert verantwoording is not None
    categorieen = verantwoording.wijzigingen.categorieen
    assert [c.nummer for c in categorieen] == [1, 2, 3, 4]
    assert not any(c.aangekruist for c in categorieen)  # the source's cross was lost
    assert verantwoording.wijzigingen.versiebeheer is not None
    assert len(verantwoording.wijzigingen.versiebeheer.versies) == 5
    assert verantwoording.agenda is not None
    punten = verantwoording.agenda.punten
    assert punten[0].wanneer == ["Voor indiening schooljaar 2010–2011",
                                 "Gedurende de experimenteerperiode"]
    doorstroom = next(p for p in punten if p.onderwerp.startswith("Activiteiten t.b.v. doorstroom"))
    assert doorstroom.toelichting
    assert dossier.certificeerbare_eenheden is not None
    assert [e.titel for e in dossier.certificeerbare_eenheden.eenheden] == [
        "Contactcenter medewerker dienstverlening", "Contactcenter medewerker verkoop"]


def test_rapport_noemt_de_afgeknipte_matrices_van_de_certificeerbare_eenheden(
    gelezen: Import,
) -> None:
    opmerkingen = "\n".join(gelezen.rapport.opmerkingen)
    assert "de rijen 1.5, 1.6 van kerntaak 1 ontbreken in de bron" in opmerkingen
    assert "deel B 6, kerntaak 3: de kolomkoppen met competentienamen wijken af" in opmerkingen
