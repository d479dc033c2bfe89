"""The real Commercie dossier (crebo 23354) imported from its text: golden data and coverage.

The seeds are the whole dossier as PDF text (000) and the P4 profile extract as Markdown (001).
Expectations that can be read off the raw source (the overview's codes and titles, the gedrag
items per werkproces, the body words) are computed here from the raw text, independently of
the importer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossierimport.cli import Resultaat, importeer, main
from dossierimport.fouten import ImportFout
from dossierimport.tekst.samenstellen import data_woorden
from dossierimport.woorden import dekking, woorden
from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.model.corpus import Corpus

from conftest import COMMERCIE_EXTRACT as EXTRACT
from conftest import COMMERCIE_HEEL as HEEL
from conftest import DATA, alle_werkprocessen, kopieer_echte_data

pytestmark = pytest.mark.golden

VERLOREN = {"P2-K1-W2", "P2-K1-W4", "P4-K2-W1", "P2-K2", "P5-K2"}
CODE = r"(?:B|P)\d(?:-K\d(?:-W\d)?)?"


def _ruwe_regels() -> list[str]:
    return HEEL.read_text(encoding="utf-8").replace("\u00a0", " ").splitlines()


def _grenzen(regels: list[str]) -> tuple[int, int]:
    """Line indexes of the overview heading and of the body's first line (" Basisdeel")."""
    begin = next(i for i, r in enumerate(regels) if r.strip() == "Overzicht van het "
                 "kwalificatiedossier")
    body = next(i for i, r in enumerate(regels) if i > begin and r == " Basisdeel")
    return begin, body


@pytest.fixture(scope="module")
def resultaat() -> Resultaat:
    (resultaat,) = importeer([HEEL, EXTRACT], DATA)
    return resultaat


@pytest.fixture(scope="module")
def dossier(echt_corpus: Corpus) -> Dossier:
    """The committed data, loaded and validated like the site does."""
    gevonden = echt_corpus.dossier("commercie")
    assert isinstance(gevonden, Dossier)
    return gevonden


def test_golden_herimport_geeft_dezelfde_bytes(tmp_path: Path) -> None:
    kopieer_echte_data(tmp_path, "competenties.yaml")
    assert main([str(HEEL), str(EXTRACT), "--out", str(tmp_path)]) == 0
    verwacht = {p.relative_to(DATA / "commercie"): p.read_bytes()
                for p in sorted((DATA / "commercie").rglob("*.yaml"))}
    gemaakt = {p.relative_to(tmp_path / "commercie"): p.read_bytes()
               for p in sorted((tmp_path / "commercie").rglob("*.yaml"))}
    assert sorted(gemaakt) == sorted(verwacht)
    for pad, inhoud in verwacht.items():
        assert gemaakt[pad] == inhoud, f"{pad} verschilt van de vastgelegde data"


def _body_woorden() -> list[str]:
    """Everything after the overview, minus running headers and page footers, from raw text."""
    regels = _ruwe_regels()
    _, body = _grenzen(regels)
    gezien: set[str] = set()
    behouden: list[str] = []
    for regel in regels[body:]:
        tekst = regel.strip()
        if re.fullmatch(r"\d+ van \d+", tekst):
            continue
        kop = re.match(rf"^({CODE}):? ", tekst)
        if kop and kop[1] in gezien:
            continue  # a running header repeats a heading that came before
        if kop:
            gezien.add(kop[1])
        behouden.append(tekst)
    # A line-end hyphen is joined to the next line, as the PDF's text reads ("import- en/of").
    tekst = re.sub(r"-\n(?=(en|of)\b)", "- ", "\n".join(behouden)).replace("-\n", "-")
    return woorden(tekst)


def test_minstens_995_promille_van_de_bodywoorden_staat_in_de_data_op_volgorde(
    dossier: Dossier,
) -> None:
    gemeten = dekking(_body_woorden(), data_woorden(dossier))
    ontbrekend = " ".join(w for _, w in gemeten.ontbrekend)
    print(f"aandeel: {gemeten.aandeel:.4%} ({gemeten.gevonden} van {gemeten.totaal}); "
          f"ontbrekend: {ontbrekend or 'niets'}")
    assert gemeten.aandeel >= 0.995, ontbrekend


def _overzicht_uit_bron() -> dict[str, str]:
    """Codes and titles as the raw overview lists them (after its table of profielen)."""
    regels = _ruwe_regels()
    begin, body = _grenzen(regels)
    lijst_begin = next(i for i in range(begin, body) if "B1-K1" in regels[i])
    lijst = [r.strip() for r in regels[lijst_begin:body]
             if r.strip() and r.strip() != "Profieldeel" and not r.strip().endswith(":")]
    tekst = re.sub(r"-\n(?=en\b)", "- ", "\n".join(lijst))
    tekst = tekst.replace("-\n", "-").replace("\n", " ")
    delen = re.split(rf"(?<!\S)({CODE})(?= )", tekst)[1:]
    titels: dict[str, str] = {}
    for code, titel in zip(delen[::2], delen[1::2], strict=True):
        titels.setdefault(code, titel.strip())  # a repeated entry is a running header
    return titels


def test_codes_en_titels_zijn_precies_die_van_het_overzicht(dossier: Dossier) -> None:
    data: dict[str, str] = {}
    for profiel in dossier.profielen:
        data[profiel.code] = profiel.titel
    for kerntaak in [*dossier.basisdeel.kerntaken,
                     *(k for p in dossier.profielen for k in p.kerntaken)]:
        data[kerntaak.code] = kerntaak.titel
        data.update({w.code: w.titel for w in kerntaak.werkprocessen})
    assert data == _overzicht_uit_bron()
    assert len(dossier.profielen) == 6
    assert sum(1 for c in data if c.count("-") == 1) == 15
    assert sum(1 for c in data if c.count("-") == 2) == 77


def _gedrag_items_per_werkproces() -> list[int]:
    """Per werkproces, in source order, the number of '- ' items in the raw source.

    Every werkproces has exactly one "Omschrijving" label, also those whose heading is lost, so
    the items between two of them belong to one werkproces.
    """
    regels = _ruwe_regels()
    _, body = _grenzen(regels)
    tellingen: list[int] = []
    for regel in regels[body:]:
        if regel.strip() == "Omschrijving":
            tellingen.append(0)
        elif regel.lstrip().startswith("- ") and tellingen:
            tellingen[-1] += 1
    return tellingen


def test_elk_werkproces_heeft_omschrijving_resultaat_gedrag_en_competenties(
    dossier: Dossier, echt_corpus: Corpus,
) -> None:
    werkprocessen = alle_werkprocessen(dossier)
    assert [len(w.gedrag.items) for w in werkprocessen] == _gedrag_items_per_werkproces()
    namen = {c.naam for c in echt_corpus.competenties}
    for werkproces in werkprocessen:
        assert werkproces.omschrijving, werkproces.code
        assert werkproces.resultaat, werkproces.code
        assert werkproces.gedrag.intro, werkproces.code
        assert werkproces.competenties, werkproces.code
        assert set(werkproces.competenties) <= namen, werkproces.code


def test_de_vijf_verloren_koppen_staan_als_afgeleid_in_herkomst_en_rapport(
    dossier: Dossier, resultaat: Resultaat
) -> None:
    afgeleid = {a.onderdeel: a for a in dossier.herkomst.afleidingen if a.onderdeel in VERLOREN}
    assert set(afgeleid) == VERLOREN
    regels = _ruwe_regels()
    for code, afleiding in afgeleid.items():
        assert afleiding.bron == HEEL.name
        assert afleiding.regel is not None
        assert regels[afleiding.regel - 1].strip() in ("Omschrijving", "Complexiteit"), code
    rapport = resultaat.rapport.als_tekst()
    for code in VERLOREN:
        assert re.search(rf"- {code}: de kop ontbreekt in de bron.*regel \d+", rapport), code
    assert "afgeleid: 6" in rapport  # the five headings and P4's crebo


def test_metadata_komt_van_de_titelpagina_van_het_extract(dossier: Dossier) -> None:
    assert dossier.titel == "Commercie"
    assert dossier.crebo == "23354"
    assert dossier.versie == "Gewijzigd 2023"
    assert str(dossier.geldig_vanaf) == "2023-08-01"
    assert dossier.opleidingsdomein is not None
    assert (dossier.opleidingsdomein.naam, dossier.opleidingsdomein.crebo) == (
        "Economie en administratie", "79090")
    assert dossier.penvoerder == dossier.gevalideerd_door == "Sectorkamer handel"
    assert str(dossier.gevalideerd_op) == "2022-09-13"
    assert {p.code: p.crebo for p in dossier.profielen} == {
        "P1": None, "P2": None, "P3": None, "P4": "25877", "P5": None, "P6": None}
    gebruik = {b.bestand: b.gebruikt_voor for b in dossier.herkomst.bronnen}
    assert gebruik[HEEL.name].startswith("alle tekst")
    assert gebruik[EXTRACT.name].startswith("metadata van de titelpagina")


@pytest.mark.parametrize(("gebruikt", "andere"), [
    ("marktbewerking", "marktwerking"),
    ("beroepengroep", "beroepsgroep"),
    ("onderlegd", "onderlegt"),
    ("pr-materiaal", "materiaal"),
])
def test_afwijkingen_tussen_de_bronnen_staan_in_herkomst_en_rapport(
    dossier: Dossier, resultaat: Resultaat, gebruikt: str, andere: str
) -> None:
    paren = {(a.gebruikt.strip(".,;"), a.andere.strip(".,;")) for a in dossier.herkomst.afwijkingen}
    assert (gebruikt, andere) in paren
    assert all(a.andere_bron == EXTRACT.name for a in dossier.herkomst.afwijkingen)
    assert re.search(rf"'{gebruikt}\W*' \(000_.*\) / '{andere}\W*' \(001_",
                     resultaat.rapport.als_tekst())


def test_de_tekst_komt_uit_een_bron_niet_uit_het_extract(dossier: Dossier) -> None:
    werkprocessen = {w.code: w for w in alle_werkprocessen(dossier)}
    assert werkprocessen["B1-K1-W5"].titel.endswith("marktbewerking")
    assert "onderlegd" in str(dossier.typering_beroepengroep.beroepshouding)


def test_echte_sterretjes_blijven_data(dossier: Dossier) -> None:
    context = " ".join(b for b in dossier.typering_beroepengroep.context if isinstance(b, str))
    assert "omzet/klanten*/gebruikers/doelgroepen" in context
    assert "* Waar in dit dossier 'klant' staat" in context
    houding = dossier.typering_beroepengroep.beroepshouding
    assert isinstance(houding[0], str)
    assert houding[0].startswith("De beginnend beroepsbeoefenaar* is commercieel")


def test_alleen_de_dossiertekst_in_een_bestaande_map_neemt_de_metadata_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kopieer_echte_data(tmp_path, "competenties.yaml", "commercie")
    assert main([str(HEEL), "--out", str(tmp_path)]) == 0
    uit = capsys.readouterr().out
    assert "overgenomen uit het bestaande dossier" in uit
    for pad in sorted((DATA / "commercie").rglob("*.yaml")):
        assert (tmp_path / "commercie" / pad.relative_to(DATA / "commercie")).read_bytes() \
            == pad.read_bytes()


def test_alleen_de_dossiertekst_in_een_lege_map_is_een_duidelijke_fout(tmp_path: Path) -> None:
    with pytest.raises(ImportFout) as fout:
        importeer([HEEL], tmp_path)
    assert fout.value.bestand == HEEL.name
    assert fout.value.regel == 1
    assert "titelpagina ontbreekt" in fout.value.melding
    assert "profielextract" in fout.value.melding
