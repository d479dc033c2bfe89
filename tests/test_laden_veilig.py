"""The loader and ``dossier-check`` on data that would lose or hijack content: reserved and
crebo-like dossier ids, codes and crebos with non-ASCII digits, control characters and bidi
overrides, empty titles, coerced numbers, YAML tags, deep nesting, folders and FIFOs where a
file should be, hidden folders. Each is refused (or skipped) with file and line, never a
traceback or a hang."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.yamlbron import MAX_DIEPTE

from conftest import kopieer_data, problemen, wijzig

pytestmark = pytest.mark.unit

DOSSIER = "voorbeeld/dossier.yaml"
P1 = "voorbeeld/profielen/p1.yaml"
P2 = "voorbeeld/profielen/p2.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return kopieer_data(tmp_path / "data")


def _check(data: Path) -> subprocess.CompletedProcess[str]:
    """``dossier-check`` (what ``make check`` runs) in its own process, with a time limit."""
    return subprocess.run([sys.executable, "-m", "kwalificatiedossiers", str(data)],
                          capture_output=True, text=True, timeout=60, check=False)


def _hernoem_dossier(data: Path, nieuw: str) -> str:
    """Give the fixture dossier another id (and folder); the file as problems name it."""
    (data / "voorbeeld").rename(data / nieuw)
    bestand, _ = wijzig(data, f"{nieuw}/dossier.yaml", "id: voorbeeld", f"id: '{nieuw}'")
    return bestand


# --- dossier ids: one address, one dossier ---------------------------------------------------

@pytest.mark.parametrize(("dossier_id", "reden", "suggestie"), [
    ("competenties", "is een gereserveerde naam", "competenties-dossier"),
    ("dossiers", "is een gereserveerde naam", "dossiers-dossier"),
    ("schema", "is een gereserveerde naam", "schema-dossier"),
    ("api", "is een gereserveerde naam", "api-dossier"),
    ("23354", "lijkt op een crebonummer", "dossier-23354"),
    ("12346", "lijkt op een crebonummer", "dossier-12346"),  # profiel P1's crebo
])
def test_id_die_een_adres_van_de_site_overneemt_wordt_geweigerd(
        data: Path, dossier_id: str, reden: str, suggestie: str) -> None:
    bestand = _hernoem_dossier(data, dossier_id)
    gemeld = problemen(data)
    assert len(gemeld) == 1, gemeld
    assert gemeld[0].startswith(f"{bestand}:2:5: id: id '{dossier_id}' {reden}"), gemeld
    assert gemeld[0].endswith(f"(bedoelt u '{suggestie}'?)"), gemeld


def test_te_lange_id_wordt_geweigerd(data: Path) -> None:
    lang = "-".join(["beroepsbeoefenaar"] * 4)  # 71 characters
    bestand = _hernoem_dossier(data, lang)
    assert problemen(data) == [
        (f"{bestand}:2:5: id: id '{lang}' is 71 tekens lang; het maximum is 64 "
        "(bedoelt u 'beroepsbeoefenaar-beroepsbeoefenaar-beroepsbeoefenaar'?)")]


# --- codes and crebos: ASCII only --------------------------------------------------------------

def test_profielcode_met_arabisch_indisch_cijfer_neemt_p1_niet_over(data: Path) -> None:
    # P1١ would slug to p1: its pages would overwrite those of P1.
    kopie = data / "voorbeeld/profielen/p1١.yaml"
    kopie.write_text((data / P1).read_text("utf-8").replace("P1", "P1١"), "utf-8")
    gemeld = problemen(data)
    assert (f"{kopie}:2:7: code: 'P1١' heeft niet de juiste vorm; verwacht een profielcode "
            "zoals 'P4' (U+0661 (ARABIC-INDIC DIGIT ONE) is geen ASCII-cijfer of -letter)"
            ) in gemeld


def test_crebo_met_brede_cijfers_wordt_geweigerd(data: Path) -> None:
    # A fullwidth 12346 would count as a crebo different from P1's 12346.
    bestand, _ = wijzig(data, P2, 'crebo: "12347"', 'crebo: "１２３４６"')
    assert problemen(data) == [
        (f"{bestand}:4:8: crebo: '１２３４６' heeft niet de juiste vorm; verwacht een "
        "crebonummer van vijf cijfers, bijvoorbeeld '23354' (U+FF11 (FULLWIDTH DIGIT ONE) is "
        "geen ASCII-cijfer of -letter)")]


def test_werkprocescode_met_devanagari_cijfer_wordt_geweigerd(data: Path) -> None:
    bestand, regel = wijzig(data, P1, "code: P1-K1-W1", "code: P1-K1-W१")
    gemeld = problemen(data)
    assert any(p.startswith(f"{bestand}:{regel}:") and "'P1-K1-W१' heeft niet de juiste vorm"
               in p for p in gemeld), gemeld


# --- clean text ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("yaml_tekst", "teken"), [
    ('"Eerste\\e[2J profiel"', "U+001B (ESC)"),
    ('"Eerste\\0profiel"', "U+0000 (NUL)"),
    ('"Eerste \\u202Eleifrop"', "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ('"Eerste\\rin orde"', "U+000D (CR)"),
    ('"Eerste\\u2028profiel"', "U+2028 (LINE SEPARATOR)"),
])
def test_stuurtekens_en_bidi_worden_geweigerd_met_regel(data: Path, yaml_tekst: str,
                                                        teken: str) -> None:
    bestand, regel = wijzig(data, P1, "titel: Eerste profiel", f"titel: {yaml_tekst}")
    gemeld = problemen(data)
    assert len(gemeld) == 1, gemeld
    assert gemeld[0].startswith(f"{bestand}:{regel}:8: titel: stuurteken {teken} op teken "), \
        gemeld


def test_stuurteken_in_een_tekstblok_met_zijn_eigen_regel(data: Path) -> None:
    bestand, regel = wijzig(data, P1, "        resultaat: Klaar.\n",
                            "        resultaat: |\n          Klaar.\n          Echt \\e[2J "
                            "klaar.\n")
    # A literal block keeps "\e" as two characters: no control character, nothing refused.
    assert laad_corpus(data).dossiers
    wijzig(data, P1, "Echt \\e[2J", "Echt \u202e")
    assert [p.split(": ", 2)[:2] for p in problemen(data)] == [
        [f"{bestand}:{regel + 2}:20", "kerntaken[0].werkprocessen[0].resultaat"]]


def test_een_rauw_stuurteken_in_het_bestand(data: Path) -> None:
    bestand, regel = wijzig(data, P1, "titel: Eerste profiel", "titel: Eerste\x07profiel")
    assert problemen(data) == [
        (f"{bestand}:{regel}:14: (document): stuurteken U+0007 (BEL) in het bestand; verwacht "
        "gewone tekst (tab en regeleinde mogen)")]


@pytest.mark.parametrize(("nieuw", "melding"), [
    ('titel: "   "', ("titel: '   ' heeft niet de juiste vorm; verwacht tekst met ten minste één "
                    "zichtbaar teken (niet alleen spaties)")),
    ('titel: "\u00a0\t"', ("titel: '\\xa0\\t' heeft niet de juiste vorm; verwacht tekst met ten "
                          "minste één zichtbaar teken (niet alleen spaties)")),
    ('titel: ""', "titel: tekst mag niet leeg zijn"),
])
def test_lege_titel_wordt_geweigerd(data: Path, nieuw: str, melding: str) -> None:
    bestand, regel = wijzig(data, P1, "titel: Eerste profiel", nieuw)
    assert problemen(data) == [f"{bestand}:{regel}:8: {melding}"]


@pytest.mark.parametrize(("nieuw", "melding"), [
    ("niveau: 3.0", "verwacht een geheel getal, gevonden getal 3.0"),
    ('niveau: "3"', "verwacht een geheel getal, gevonden tekst '3'"),
    ("niveau: true", "verwacht een geheel getal, gevonden ja/nee-waarde True"),
])
def test_niveau_is_alleen_een_geheel_getal(data: Path, nieuw: str, melding: str) -> None:
    bestand, regel = wijzig(data, P1, "niveau: 3", nieuw)
    assert problemen(data) == [f"{bestand}:{regel}:9: niveau: {melding}"]


@pytest.mark.parametrize(("nieuw", "kolom", "melding"), [
    ("titel: !!binary RWVyc3RlIHByb2ZpZWw=", 8,
     "de YAML-tag !!binary is niet toegestaan; verwacht tekst, een getal, een datum of ja/nee"),
    ("titel: !!python/name:os.system x", 8,
     ("de YAML-tag !!python/name:os.system is niet toegestaan; verwacht tekst, een getal, "
     "een datum of ja/nee")),
    ("titel: !!set {Eerste profiel}", 8,
     "de YAML-tag !!set is niet toegestaan; verwacht een gewone lijst of mapping"),
    ("titel: !eigen [Eerste profiel]", 8,
     "de YAML-tag !eigen is niet toegestaan; verwacht een gewone lijst of mapping"),
])
def test_yaml_tags_buiten_tekst_getal_en_datum_worden_geweigerd(
        data: Path, nieuw: str, kolom: int, melding: str) -> None:
    bestand, regel = wijzig(data, P1, "titel: Eerste profiel", nieuw)
    assert problemen(data) == [f"{bestand}:{regel}:{kolom}: titel: {melding}"]


def test_twee_yaml_documenten_in_een_bestand(data: Path) -> None:
    pad = data / P2
    pad.write_text(pad.read_text("utf-8") + "---\ncode: P3\n", "utf-8")
    regel = pad.read_text("utf-8").count("\n") - 1
    assert problemen(data) == [
        f"{pad}:{regel}:1: (document): meer dan één YAML-document ('---'); verwacht één"]


# --- never a traceback, never a hang -------------------------------------------------------------

def test_diep_geneste_yaml_geeft_een_melding(data: Path) -> None:
    pad = data / P2
    pad.write_text(pad.read_text("utf-8") + "extra: " + "[" * 500 + "]" * 500 + "\n", "utf-8")
    regel = pad.read_text("utf-8").count("\n")
    proces = _check(data)
    assert proces.returncode == 1
    assert "Traceback" not in proces.stderr
    assert (f"{pad}:{regel}:{8 + MAX_DIEPTE - 1}: extra{'[0]' * (MAX_DIEPTE - 1)}: meer dan "
            f"{MAX_DIEPTE} lijsten en mappings in elkaar; dossierdata is nooit zo diep genest"
            ) in proces.stderr


def test_een_map_met_de_naam_van_een_profielbestand(data: Path) -> None:
    (data / "voorbeeld/profielen/p9.yaml").mkdir()
    pad = data / "voorbeeld/profielen/p9.yaml"
    assert problemen(data) == [f"{pad}: (document): is een map, geen gewoon bestand"]


def test_een_fifo_laat_de_controle_niet_hangen(data: Path) -> None:
    pad = data / "voorbeeld/profielen/p9.yaml"
    os.mkfifo(pad)
    proces = _check(data)  # would wait forever for a writer if the FIFO were read
    assert proces.returncode == 1
    assert f"{pad}: (document): is een FIFO (named pipe), geen gewoon bestand" in proces.stderr


def test_een_gebroken_link_als_dossierbestand(data: Path) -> None:
    pad = data / "voorbeeld/profielen/p9.yaml"
    pad.symlink_to(data / "bestaat-niet.yaml")
    assert problemen(data) == [f"{pad}: (document): bestand ontbreekt"]


# --- hidden folders and files are not data ----------------------------------------------------

def test_verborgen_map_van_een_afgebroken_import_wordt_overgeslagen(data: Path) -> None:
    # What an interrupted import used to leave behind: a complete copy under a hidden name.
    shutil.copytree(data / "voorbeeld", data / ".voorbeeld-k3x9q2")
    corpus = laad_corpus(data)
    assert [d.id for d in corpus.dossiers] == ["voorbeeld"]
    assert corpus.meldingen == (
        (f"{data / '.voorbeeld-k3x9q2'}: verborgen map overgeslagen (een naam met een punt "
        "ervoor is geen dossierdata)"),)
    proces = _check(data)
    assert proces.returncode == 0, proces.stderr
    assert proces.stdout.splitlines() == [
        (f"{data / '.voorbeeld-k3x9q2'}: verborgen map overgeslagen (een naam met een punt ervoor "
        "is geen dossierdata)"),
        "in orde: 1 dossiers, 4 werkprocessen, 25 competenties",
    ]


def test_verborgen_yaml_in_profielen_wordt_overgeslagen(data: Path) -> None:
    (data / "voorbeeld/profielen/.p1.yaml").write_text("kapot: [", "utf-8")  # an editor's copy
    corpus = laad_corpus(data)
    assert [p.code for p in corpus.dossiers[0].profielen] == ["P1", "P2"]  # type: ignore[union-attr]
    assert len(corpus.meldingen) == 1
    assert ".p1.yaml: verborgen bestand overgeslagen" in corpus.meldingen[0]


# --- terminal output --------------------------------------------------------------------------

def test_controle_echoot_geen_stuurtekens(data: Path) -> None:
    # A file name is echoed in every message about the file: its ESC must not reach the terminal.
    naam = "p2\x1b[2J\x1b[Hin orde.yaml"
    (data / P2).rename(data / "voorbeeld/profielen" / naam)
    proces = _check(data)
    assert proces.returncode == 1
    assert "\x1b" not in proces.stdout + proces.stderr
    assert "p2\\x1b[2J\\x1b[Hin orde.yaml" in proces.stderr
