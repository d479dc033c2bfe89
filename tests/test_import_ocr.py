"""OCR'd profile extracts from the damage generator: imported alone and next to the data.

For several seeds and every profiel of Commercie (from the whole dossier 000, and the extract
001), the generator (``ocrschade``) cuts a profile extract and damages it as OCR does. The import
must recover every code and title, at least 98% of the words in order, and give a report line
for every damage it repaired (a damage that leaves only Dutch words, such as a word split into
two words, is not detectable and is exempt).
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from dossierimport.cli import importeer, main
from dossierimport.fouten import ImportFout
from dossierimport.woorden import dekking, model_teksten, woorden
from kwalificatiedossiers.laden import Corpus, laad_corpus
from kwalificatiedossiers.model import Dossier, Kerntaak

from conftest import DATA, kopieer_echte_data
from ocrschade import Extract, maak_extract

pytestmark = pytest.mark.golden

GEVALLEN = [("000", f"P{n}", n % 3 + 1) for n in range(1, 7)] + [
    ("000", "P2", 4), ("001", "P4", 1)]
"""Every profiel of Commercie from the whole dossier, the extract 001, several seeds."""
SOORTEN = {"bullet zonder spatie", "bullet als teken", "voettekst zonder spaties",
           "voettekst in regel", "paginakop met ruis", "kop verloren", "overzicht kolomsgewijs",
           "titel aan volgende rij geplakt", "code beschadigd", "profielrij verloren", "letters"}


@pytest.fixture(scope="module")
def commercie(echt_corpus: Corpus) -> Dossier:
    dossier = echt_corpus.dossier("commercie")
    assert isinstance(dossier, Dossier)
    return dossier


def _titels(kerntaken: list[Kerntaak]) -> dict[str, str]:
    uit = {}
    for kerntaak in kerntaken:
        uit[kerntaak.code] = kerntaak.titel
        uit.update({w.code: w.titel for w in kerntaak.werkprocessen})
    return uit


def _verwacht(commercie: Dossier, extract: Extract, bron: str) -> dict[str, str]:
    """Codes and titles of the basisdeel and the profiel, in the extract's numbering."""
    profiel = next(p for p in commercie.profielen if p.code == extract.profiel)
    uit = {**_titels(commercie.basisdeel.kerntaken), profiel.code: profiel.titel,
           **_titels(profiel.kerntaken)}
    if bron == "001":  # the extract's own wording where it differs from 000 (see provenance)
        for afwijking in commercie.herkomst.afwijkingen:
            if afwijking.veld == "titel" and afwijking.onderdeel in uit:
                uit[afwijking.onderdeel] = uit[afwijking.onderdeel].replace(
                    afwijking.gebruikt, afwijking.andere)
    return {re.sub(rf"^{extract.profiel}", extract.extract_code, c): t for c, t in uit.items()}


def _gekregen(dossier: Dossier) -> dict[str, str]:
    uit = _titels(dossier.alle_kerntaken())
    uit.update({p.code: p.titel for p in dossier.profielen})
    return uit


@pytest.mark.parametrize(("bron", "profiel", "seed"), GEVALLEN)
def test_extract_alleen_in_een_lege_map(tmp_path: Path, commercie: Dossier, bron: str,
                                        profiel: str, seed: int) -> None:
    extract = maak_extract(bron, profiel, seed)
    pad = tmp_path / f"extract-{profiel.lower()}.txt"
    pad.write_text(extract.tekst, encoding="utf-8")
    (resultaat,) = importeer([pad], tmp_path / "leeg")
    dossier = resultaat.dossier
    assert _gekregen(dossier) == _verwacht(commercie, extract, bron)

    profieldata = next(p for p in commercie.profielen if p.code == profiel)
    waar = [w for t in model_teksten([commercie.basisdeel, profieldata.kerntaken,
                                      profieldata.typering_beroep]) for w in woorden(t)]
    gelezen = [w for t in model_teksten([dossier.basisdeel, dossier.profielen[0].kerntaken,
                                         dossier.profielen[0].typering_beroep])
               for w in woorden(t)]
    gemeten = dekking(waar, gelezen)
    print(f"{bron} {profiel} seed {seed}: {gemeten.aandeel:.2%} van {gemeten.totaal} woorden")
    assert gemeten.aandeel >= 0.98, [w for _, w in gemeten.ontbrekend]

    rapport = resultaat.rapport.als_tekst()
    gemeld = {int(n) for n in re.findall(r"regel (\d+)", rapport)}
    in_data = {w.lower() for t in model_teksten(dossier) for w in re.findall(r"\w+", t)}
    for schade in extract.schade:
        if schade.regel == 0:  # a lost line: its heading must have been placed (below)
            continue
        if schade.soort == "letters" and not _hersteld(schade.was, schade.werd, in_data):
            continue  # left as read (and then counted against the words above): no repair
        assert schade.regel in gemeld, schade
    verloren = {k.split()[0].rstrip(":") for s in extract.schade if s.soort == "kop verloren"
                for k in [s.was] if re.match(r"^[BP]\d", k)}
    assert verloren <= {a.onderdeel for a in dossier.herkomst.afleidingen}
    assert "nog met de hand te controleren, in bronvolgorde" in rapport
    assert resultaat.rapport.te_controleren is not None
    assert resultaat.rapport.te_controleren[0].startswith(f"{pad.name} regel 1: de bron heeft "
                                                          "geen (leesbare) titelpagina")


def _hersteld(was: str, werd: str, in_data: set[str]) -> bool:
    """Whether the importer repaired a letter damage: the line is data (an overview line of
    another profiel is not) and a damaged word is not in the data."""
    oud = {w.lower() for w in re.findall(r"\w+", was)}
    nieuw = {w.lower() for w in re.findall(r"\w+", werd)} - oud
    return oud <= in_data and any(w not in in_data for w in nieuw)


def test_de_generator_past_elke_soort_schade_toe() -> None:
    soorten = set().union(*(maak_extract(b, p, s).soorten() for b, p, s in GEVALLEN))
    assert soorten >= SOORTEN
    assert maak_extract("000", "P2", 1).tekst == maak_extract("000", "P2", 1).tekst
    assert maak_extract("000", "P2", 1).tekst != maak_extract("000", "P2", 2).tekst


@pytest.mark.parametrize(("profiel", "seed"), [("P2", 1), ("P4", 2), ("P6", 1)])
def test_extract_naast_de_commercie_data(tmp_path: Path, profiel: str,
                                         seed: int) -> None:
    extract = maak_extract("000", profiel, seed)
    pad = tmp_path / "extract.txt"
    pad.write_text(extract.tekst, encoding="utf-8")
    uit = kopieer_echte_data(tmp_path / "data", "competenties.yaml", "commercie")
    rapport = io.StringIO()
    with contextlib.redirect_stdout(rapport):
        assert main([str(pad), "--out", str(uit)]) == 0
    tekst = rapport.getvalue()
    assert "herkend als dossier commercie" in tekst
    if extract.extract_code != profiel:
        assert f"profiel {extract.extract_code} van het extract is {profiel} van het dossier" \
            in tekst
    # The dossier keeps its text: its folder is byte for byte what it was.
    for pad in sorted((DATA / "commercie").rglob("*.yaml")):
        assert (uit / pad.relative_to(DATA)).read_bytes() == pad.read_bytes(), pad
    assert isinstance(laad_corpus(uit).dossier("commercie"), Dossier)
    # What OCR damaged is repaired or reported apart; it is never a real difference.
    assert "afwijkingen tussen bronnen: geen" in tekst
    assert "OCR-herstellingen en vragen" in tekst
    assert "alleen vergeleken met commercie" in tekst
    assert "nog met de hand te controleren" in tekst


def test_een_echt_afgebroken_extract_heet_afgebroken(tmp_path: Path) -> None:
    extract = maak_extract("000", "P3", 1)
    regels = extract.tekst.split("\n")
    midden = next(i for i, r in enumerate(regels) if r.startswith("Omschrijving")
                  and i > len(regels) * 0.9)
    pad = tmp_path / "afgebroken.txt"
    pad.write_text("\n".join(regels[:midden + 3]) + "\n", encoding="utf-8")
    with pytest.raises(ImportFout) as fout:
        importeer([pad], tmp_path / "leeg")
    assert "afgebroken" in fout.value.melding
    assert fout.value.regel is not None
    assert fout.value.regel <= midden + 3


def test_gedrag_met_bullets_zonder_spatie_is_geen_leeg_gedrag(tmp_path: Path) -> None:
    """The old message blamed an empty gedrag and a truncated source; the bullets had only
    lost their spaces."""
    from conftest import COMMERCIE_EXTRACT, COMMERCIE_HEEL

    regels = COMMERCIE_HEEL.read_text(encoding="utf-8").split("\n")
    begin = next(i for i, r in enumerate(regels) if r.replace("\u00a0", " ").startswith(
        "B1-K1-W1: Brengt de marktpositie"))
    einde = begin + 40
    for i in range(begin, einde):
        if regels[i].startswith("- "):
            regels[i] = "-" + regels[i][2:]
    pad = tmp_path / "bron.txt"
    pad.write_text("\n".join(regels), encoding="utf-8")
    (resultaat,) = importeer([pad, COMMERCIE_EXTRACT], tmp_path / "leeg")
    werkproces = resultaat.dossier.basisdeel.kerntaken[0].werkprocessen[0]
    assert len(werkproces.gedrag.items) == 6
    assert werkproces.gedrag.items[0] == "gaat proactief op zoek naar relevante informatie;"
    rapport = resultaat.rapport.als_tekst()
    assert rapport.count("opsommingsteken zonder spatie") == 6
    assert "afgebroken" not in rapport


def test_tweede_import_na_handwerk_toont_alleen_wat_nog_open_staat(tmp_path: Path) -> None:
    """The maintainer's loop: fix in the source what the report asks, import again."""
    extract = maak_extract("000", "P2", 1)
    pad = tmp_path / "extract.txt"

    def open_punten(tekst: str) -> list[str]:
        pad.write_text(tekst, encoding="utf-8")
        (resultaat,) = importeer([pad], tmp_path / "leeg")
        assert resultaat.rapport.te_controleren is not None
        return [re.sub(r"regel \d+", "regel", p) for p in resultaat.rapport.te_controleren]

    eerst = open_punten(extract.tekst)
    assert any("titelpagina" in p for p in eerst)
    # The maintainer adds the title page the scan lost; the rest of the list stays as it was.
    titelpagina = "Profiel van kwalificatiedossier:\n\nCommercie\n\nCrebonr. 23354\n\n"
    daarna = open_punten(titelpagina + extract.tekst)
    assert daarna == [p for p in eerst if "titelpagina" not in p]
