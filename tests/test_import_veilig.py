"""Maintainers never lose data through ``dossier-import``: a safe id instead of one that takes
over a folder or an address, a printed plan of what an import would change (hand corrections
marked), no replacing without ``--vervang``, the maintainer's own files kept, nothing written
unless the whole data folder stays valid, no traceback on hostile sources, and an interrupted or
killed import that leaves the data folder byte for byte as it was."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dossierimport import cli
from dossierimport.plan import IMPORTVERSLAG
from dossierimport.toepassen import VOORVOEGSEL
from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.paginas.dossier import metadata, vorige_editie

from conftest import BRONNEN, FIXTURES, bestanden, kopieer_echte_data

pytestmark = pytest.mark.unit

KLEIN = FIXTURES / "sbbxml" / "klein-export.xml"
KLEIN_XML = KLEIN.read_text("utf-8")
DIENSTVERLENING = BRONNEN / "sbb-xml" / "2755-dienstverlening.xml"


def _inhoud(map_: Path) -> dict[str, bytes | None]:
    """Everything below ``map_``, hidden entries included: files with their bytes, folders."""
    return {p.relative_to(map_).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(map_.rglob("*"))}


def _uit(tmp_path: Path, *namen: str) -> Path:
    """A data folder with the shared vocabulary (and these parts of the real data)."""
    return kopieer_echte_data(tmp_path / "data", "competenties.yaml", *namen)


def _export(tmp_path: Path, xml: str, naam: str = "export.xml") -> Path:
    pad = tmp_path / naam
    pad.write_text(xml, "utf-8")
    return pad


def _importeer(capsys: pytest.CaptureFixture[str], *argumenten: object
               ) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argumenten])
    uitvoer = capsys.readouterr()
    return code, uitvoer.out, uitvoer.err


# --- ids that would take over a folder or an address -----------------------------------------

def test_titel_die_schema_oplevert_vervangt_de_schemas_niet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path, "schema")
    schemas = _inhoud(uit / "schema")
    bron = _export(tmp_path, KLEIN_XML.replace('titel="Klein Voorbeeld"', 'titel="Schema"'))
    code, out, _ = _importeer(capsys, bron, "--out", uit)
    assert code == 0
    assert _inhoud(uit / "schema") == schemas
    assert ("id: de titel geeft de id 'schema', maar die is een gereserveerde naam op de site "
            "of in de datamap") in out
    assert "gekozen is 'schema-dossier'" in out
    assert "\nid: schema-dossier\n" in (uit / "schema-dossier/dossier.yaml").read_text("utf-8")
    assert [d.id for d in laad_corpus(uit).dossiers] == ["schema-dossier"]


def test_titel_als_crebonummer_en_een_titel_van_300_tekens(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path)
    lang = " ".join(["Beroepsbeoefenaar"] * 17)  # 305 characters: too long for a folder name
    for titel, verwacht in (("23354", "dossier-23354"),
                            (lang, "-".join(["beroepsbeoefenaar"] * 3))):
        bron = _export(tmp_path, KLEIN_XML.replace('titel="Klein Voorbeeld"', f'titel="{titel}"'))
        code, out, err = _importeer(capsys, bron, "--out", uit, "--vervang")
        assert code == 0, err
        assert f"gekozen is '{verwacht}'" in out
        assert (uit / verwacht / "dossier.yaml").is_file()
        (uit / verwacht).rename(tmp_path / verwacht)  # the next one has the same crebo


# --- the plan, the refusal without --vervang, the maintainer's own files ---------------------

def _met_handwerk(uit: Path) -> Path:
    """The small export imported into ``uit``, then corrected by hand: a title in P1 edited,
    a notes file and a folder of attachments added. Returns the dossier folder."""
    assert cli.main([str(KLEIN), "--out", str(uit)]) == 0
    map_ = uit / "klein-voorbeeld"
    p1 = map_ / "profielen/p1.yaml"
    p1.write_text(p1.read_text("utf-8").replace("titel: ", "titel: Gecorrigeerd: ", 1), "utf-8")
    (map_ / "NOTITIES.md").write_text("Nagevraagd bij SBB.\n", "utf-8")
    (map_ / "bijlagen").mkdir()
    (map_ / "bijlagen/brief.txt").write_text("Brief.\n", "utf-8")
    return map_


def test_opnieuw_importeren_drukt_het_plan_af_en_weigert_zonder_vervang(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path)
    map_ = _met_handwerk(uit)
    capsys.readouterr()
    voor = _inhoud(uit)
    regel = next(i for i, r in enumerate((map_ / "profielen/p1.yaml").read_text("utf-8")
                                         .splitlines(), 1) if "Gecorrigeerd" in r)
    code, out, err = _importeer(capsys, KLEIN, "--out", uit)
    assert code == 3
    assert _inhoud(uit) == voor
    plan = out[out.index("Plan voor dossier 'klein-voorbeeld'"):].splitlines()
    assert plan == [
        f"Plan voor dossier 'klein-voorbeeld': {map_} bestaat; wat vervangen verandert:",
        "  eigen: NOTITIES.md (niet van de import; blijft staan)",
        "  eigen: bijlagen/brief.txt (niet van de import; blijft staan)",
        (f"  gewijzigd: profielen/p1.yaml (+1 −1 regels vanaf regel {regel}; HANDMATIGE "
         "CORRECTIE, gaat verloren)"),
        "  ongewijzigd: 5 bestanden",
    ]
    assert err.startswith(f"niets geschreven: {map_} bestaat al en zou veranderen")
    assert "--vervang" in err


def test_vervang_schrijft_de_import_en_houdt_eigen_bestanden(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path)
    map_ = _met_handwerk(uit)
    vers = _uit(tmp_path / "vers")
    assert cli.main([str(KLEIN), "--out", str(vers)]) == 0
    capsys.readouterr()
    code, out, _ = _importeer(capsys, KLEIN, "--out", uit, "--vervang")
    assert code == 0
    assert f"geschreven: {map_}" in out
    verwacht = {**bestanden(vers / "klein-voorbeeld"), "NOTITIES.md": b"Nagevraagd bij SBB.\n",
                "bijlagen/brief.txt": b"Brief.\n"}
    assert bestanden(map_) == verwacht
    assert not list(tmp_path.rglob(VOORVOEGSEL + "*"))


def test_een_grote_bijlage_wordt_niet_gelezen_maar_blijft(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path)
    assert cli.main([str(KLEIN), "--out", str(uit)]) == 0
    scan = uit / "klein-voorbeeld/bijlagen/scan.pdf"
    scan.parent.mkdir()
    with scan.open("wb") as bestand:
        bestand.truncate(25 * 1024 * 1024)  # more than any data file may be
    bron = _export(tmp_path, KLEIN_XML.replace('versie="2024"', 'versie="2025"'))
    code, out, err = _importeer(capsys, bron, "--out", uit, "--vervang")
    assert code == 0, err
    assert "  eigen: bijlagen/scan.pdf (niet van de import; blijft staan)" in out
    assert scan.stat().st_size == 25 * 1024 * 1024


def test_gelijke_import_schrijft_niets(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    uit = _uit(tmp_path)
    assert cli.main([str(KLEIN), "--out", str(uit)]) == 0
    capsys.readouterr()
    voor = {p: (uit / p).stat().st_mtime_ns for p in _inhoud(uit)}
    code, out, _ = _importeer(capsys, KLEIN, "--out", uit)
    assert code == 0
    assert "is al gelijk aan deze import" in out
    assert "niets te schrijven" in out
    assert {p: (uit / p).stat().st_mtime_ns for p in _inhoud(uit)} == voor


def test_nieuwe_uitgave_van_de_bron_scheidt_bronwijziging_van_handwerk(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path)
    map_ = _met_handwerk(uit)
    # A new edition of the source changes P2's title; P1 was corrected by hand (import.sha256
    # tells), P2 was not.
    nieuw = KLEIN_XML.replace('titel="Klein Voorbeeld" versie="2024"',
                              'titel="Klein Voorbeeld" versie="2025"')
    assert nieuw != KLEIN_XML
    code, out, _ = _importeer(capsys, _export(tmp_path, nieuw), "--out", uit)
    assert code == 3
    plan = out[out.index("Plan voor dossier 'klein-voorbeeld'"):]
    assert re.search(r"  gewijzigd: dossier\.yaml \(\+\d+ −\d+ regels vanaf regel \d+\)\n", plan)
    assert re.search(r"  gewijzigd: profielen/p1\.yaml \([^)]*HANDMATIGE CORRECTIE", plan)
    assert (map_ / IMPORTVERSLAG).is_file()


def test_zonder_importverslag_en_met_dezelfde_bron_is_elk_verschil_handwerk(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The committed data was imported before import.sha256 existed.
    uit = _uit(tmp_path, "dienstverlening")
    map_ = uit / "dienstverlening"
    assert not (map_ / IMPORTVERSLAG).exists()
    p1 = map_ / "profielen/p1.yaml"
    p1.write_text(p1.read_text("utf-8") + "# nagekeken\n", "utf-8")
    extra = map_ / "profielen/p9.yaml"
    extra.write_text((map_ / "profielen/p3.yaml").read_text("utf-8"), "utf-8")
    code, out, _ = _importeer(capsys, DIENSTVERLENING, "--out", uit)
    assert code == 3
    assert "  gewijzigd: profielen/p1.yaml (+0 −1 regels vanaf regel " in out
    assert "; HANDMATIGE CORRECTIE, gaat verloren)" in out
    assert "  weg: profielen/p9.yaml (HANDMATIGE CORRECTIE, gaat verloren)" in out
    assert "  nieuw: import.sha256" not in out  # the import's own record is not a change


def test_zonder_importverslag_en_met_een_andere_bron_zegt_het_plan_dat(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path, "dienstverlening")
    herkomst = uit / "dienstverlening/dossier.yaml"
    tekst = herkomst.read_text("utf-8")
    herkomst.write_text(tekst.replace("herkomst:\n", "herkomst:\n  correcties:\n    - onderdeel: "
                                      "P1\n      wat: Titel nagevraagd bij SBB.\n", 1), "utf-8")
    bron = tmp_path / DIENSTVERLENING.name
    bron.write_bytes(DIENSTVERLENING.read_bytes() + b"\n")  # another file: another sha256
    code, out, _ = _importeer(capsys, bron, "--out", uit)
    assert code == 3
    assert ("vastgelegde correctie die de nieuwe import niet heeft: P1: Titel nagevraagd bij "
            "SBB.") in out
    assert (f"let op: {uit / 'dienstverlening'} heeft geen import.sha256 en de bron verschilt "
            "van de vorige; welke verschillen handwerk zijn, valt niet te zeggen") in out


# --- nothing written unless the whole data folder stays valid --------------------------------

def test_botsend_crebo_laat_de_vorige_versie_staan(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path, "dienstverlening")
    assert cli.main([str(KLEIN), "--out", str(uit)]) == 0
    voor = _inhoud(uit)
    # The new edition takes Dienstverlening's crebo: the data folder would become invalid.
    bron = _export(tmp_path, KLEIN_XML.replace(">99001<", ">23189<"))
    capsys.readouterr()
    code, _, err = _importeer(capsys, bron, "--out", uit, "--vervang")
    assert code == 1
    assert _inhoud(uit) == voor
    assert f"{uit / 'klein-voorbeeld/dossier.yaml'}:" in err  # where it will be, not the copy
    assert "crebo 23189" in err
    assert err.rstrip().endswith(f"niets geschreven: {uit} zou ongeldig worden")
    assert not list(tmp_path.rglob(VOORVOEGSEL + "*"))


def test_export_met_twee_dossiers_waarvan_het_tweede_botst_schrijft_geen_van_beide(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path, "dienstverlening")
    voor = _inhoud(uit)
    begin, einde = KLEIN_XML.index("    <dossier "), KLEIN_XML.index("  </dossiers>")
    tweede = (KLEIN_XML[begin:einde].replace('titel="Klein Voorbeeld"', 'titel="Tweede"')
              .replace(">99001<", ">23189<").replace(">990", ">980"))
    bron = _export(tmp_path, KLEIN_XML[:einde] + tweede + KLEIN_XML[einde:])
    code, out, err = _importeer(capsys, bron, "--out", uit)
    assert code == 1
    assert "Plan voor dossier 'klein-voorbeeld': nieuwe map" in out
    assert "crebo 23189" in err
    assert _inhoud(uit) == voor


# --- never a traceback --------------------------------------------------------------------------

def test_diep_geneste_xml_geeft_een_importfout_met_regel(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    diep = "<onbekend>" * 1000 + "</onbekend>" * 1000
    bron = _export(tmp_path, KLEIN_XML.replace("<domeinen>", diep + "\n<domeinen>"))
    code, _, err = _importeer(capsys, bron, "--out", _uit(tmp_path))
    assert code == 2
    regel = KLEIN_XML[:KLEIN_XML.index("<domeinen>")].count("\n") + 1
    assert err == (f"importfout: export.xml:{regel}: meer dan 100 elementen in elkaar; een "
                   "SBB-export is nooit zo diep genest\n")


def test_out_die_een_bestand_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bestand = tmp_path / "data.txt"
    bestand.write_text("geen map\n", "utf-8")
    code, _, err = _importeer(capsys, KLEIN, "--out", bestand)
    assert code == 2
    assert err == f"importfout: {bestand}: is geen map; --out noemt de map met dossierdata\n"
    assert bestand.read_text("utf-8") == "geen map\n"


def test_dossiermap_die_een_bestand_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    uit = _uit(tmp_path)
    (uit / "klein-voorbeeld").write_text("x", "utf-8")
    code, _, err = _importeer(capsys, KLEIN, "--out", uit)
    assert code == 2
    assert f"{uit / 'klein-voorbeeld'}: bestaat en is geen map" in err


def test_bron_die_een_map_of_een_fifo_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    (tmp_path / "map.xml").mkdir()
    os.mkfifo(tmp_path / "fifo.xml")
    for naam, soort in (("map.xml", "een map"), ("fifo.xml", "een FIFO (named pipe)")):
        code, _, err = _importeer(capsys, tmp_path / naam, "--out", _uit(tmp_path / naam[:4]))
        assert code == 2
        assert err == f"importfout: {naam}: is {soort}, geen gewoon bestand\n"


def test_utf16_xml_met_declaratie_geeft_dezelfde_import(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    utf16 = tmp_path / "utf16.xml"
    utf16.write_bytes(KLEIN_XML.replace('encoding="utf-8"', 'encoding="UTF-16"').encode("utf-16"))
    (utf8,) = cli.importeer([KLEIN], _uit(tmp_path / "a"))
    (andere,) = cli.importeer([utf16], _uit(tmp_path / "b"))
    assert andere.dossier.model_dump(exclude={"herkomst"}) == utf8.dossier.model_dump(
        exclude={"herkomst"})
    assert [(a.onderdeel, a.wat, a.regel) for a in andere.dossier.herkomst.afleidingen] == [
        (a.onderdeel, a.wat, a.regel) for a in utf8.dossier.herkomst.afleidingen]
    assert andere.dossier.herkomst.bronnen[0].vorm == "sbb-xml"
    capsys.readouterr()


def test_stuurtekens_uit_de_bron_worden_verwijderd_en_gemeld(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # XML 1.0 allows C1 controls such as CSI (U+009B, ESC [ to an 8-bit terminal) and U+202E.
    uit = _uit(tmp_path)
    bron = _export(tmp_path, KLEIN_XML.replace('titel="Klein Voorbeeld"',
                                               'titel="Klein&#x9b;2J Voorbeeld&#x202e;"'))
    code, out, _ = _importeer(capsys, bron, "--out", uit)
    assert code == 0
    assert ("titel: verwijderd uit de bron: 1× U+009B (stuurteken), 1× U+202E (RIGHT-TO-LEFT "
            "OVERRIDE)") in out
    assert "\x9b" not in out
    dossier = laad_corpus(uit).dossiers[0]
    assert dossier.titel == "Klein2J Voorbeeld"
    assert dossier.herkomst.afleidingen[-1].onderdeel == "titel"


# --- interrupted and killed imports -------------------------------------------------------------

_ONDERBREKEN = """
import os, signal, sys
from dossierimport import cli
echt, teller = os.fsync, [0]
def fsync(fd):
    teller[0] += 1
    if teller[0] == int(sys.argv[1]):
        os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    echt(fd)
os.fsync = fsync
sys.exit(cli.main(sys.argv[3:]))
"""
"""Run the importer and send it a signal when it flushes its n-th file to disk: mid-write."""


def _onderbreek(n: int, sein: str, *argumenten: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _ONDERBREKEN, str(n), sein,
                           *map(str, argumenten)], capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.mark.parametrize("n", [1, 4, 9])
def test_gedode_import_laat_out_byte_voor_byte_staan(tmp_path: Path, n: int) -> None:
    uit = _uit(tmp_path, "dienstverlening")
    assert cli.main([str(KLEIN), "--out", str(uit)]) == 0
    voor = _inhoud(uit)
    bron = _export(tmp_path, KLEIN_XML.replace('versie="2024"', 'versie="2025"'))
    proces = _onderbreek(n, "SIGKILL", bron, "--out", uit, "--vervang")
    assert proces.returncode == -signal.SIGKILL
    assert _inhoud(uit) == voor
    # What a kill cannot clean up lies outside the data folder; the next import removes it.
    (achtergelaten,) = tmp_path.glob(VOORVOEGSEL + "*")
    assert any(achtergelaten.rglob("*.yaml"))
    assert cli.main([str(bron), "--out", str(uit), "--vervang"]) == 0
    assert not list(tmp_path.rglob(VOORVOEGSEL + "*"))
    assert "versie: '2025'" in (uit / "klein-voorbeeld/dossier.yaml").read_text("utf-8")


@pytest.mark.parametrize("sein", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_afgebroken_import_ruimt_op_en_laat_out_staan(tmp_path: Path, sein: str) -> None:
    uit = _uit(tmp_path, "dienstverlening")
    assert cli.main([str(KLEIN), "--out", str(uit)]) == 0
    voor = _inhoud(uit)
    bron = _export(tmp_path, KLEIN_XML.replace('versie="2024"', 'versie="2025"'))
    proces = _onderbreek(3, sein, bron, "--out", uit, "--vervang")
    assert proces.returncode == (130 if sein == "SIGINT" else 128 + getattr(signal, sein))
    assert "Traceback" not in proces.stderr
    assert _inhoud(uit) == voor
    assert not list(tmp_path.rglob(VOORVOEGSEL + "*"))


# --- another edition of a dossier becomes a version beside the current one ------------------

def _uitgave_2026(tmp_path: Path) -> Path:
    """Dienstverlening's XML as SBB would export a later edition: version text 2026, valid from
    2026-08-01, its own number and the number of the edition before it."""
    xml = DIENSTVERLENING.read_text("utf-8")
    nieuw = (xml.replace('nr="2755" titel="Dienstverlening" versie="" referentievorigeversie=""',
                         'nr="3120" titel="Dienstverlening" versie="2026" '
                         'referentievorigeversie="2755"')
             .replace('Geldig_vanaf="01-08-2015" Datum_einde_instroom="" '
                      'Datum_einde_opleiding="">23189<',
                      'Geldig_vanaf="01-08-2026" Datum_einde_instroom="" '
                      'Datum_einde_opleiding="">23189<'))
    assert nieuw.count('versie="2026"') == 1
    assert "01-08-2026" in nieuw
    return _export(tmp_path, nieuw, "2755-dienstverlening-2026.xml")


def test_een_nieuwe_uitgave_komt_als_versie_naast_de_huidige(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path, "dienstverlening")
    huidig = uit / "dienstverlening"
    voor = _inhoud(huidig)
    bron = _uitgave_2026(tmp_path)
    versie = huidig / "versies" / "2026-08-01"

    code, out, err = _importeer(capsys, bron, "--out", uit)
    assert code == 0, err
    assert (f"Plan voor dossier 'dienstverlening': nieuwe map {versie} (") in out
    assert f"naast de huidige: deze uitgave is een andere dan die in {huidig}" in out
    assert f"geschreven: {versie}" in out
    assert {p: b for p, b in _inhoud(huidig).items() if not p.startswith("versies")} == voor
    assert (versie / "dossier.yaml").read_text("utf-8").count("geldig_vanaf: 2026-08-01") == 1
    assert not list(tmp_path.rglob(VOORVOEGSEL + "*"))

    corpus = laad_corpus(uit)
    assert [d.id for d in corpus.versies_van("dienstverlening")] == [
        "dienstverlening", "dienstverlening/2026-08-01"]
    assert corpus.huidige("dienstverlening").id == "dienstverlening"
    # SBB's number of the previous edition becomes a link to it, never a number on the page.
    index = Index(corpus)
    nieuwe = corpus.dossier("dienstverlening/2026-08-01")
    assert isinstance(nieuwe, Dossier)
    vorige = vorige_editie(index, nieuwe, urls.dossier_src(nieuwe.id))
    assert vorige == '<a href="../">geldig vanaf 01-08-2015</a>'
    onbekend = nieuwe.model_copy(update={"vorige_versie": "1234"})
    assert vorige_editie(index, onbekend, urls.dossier_src(nieuwe.id)) is None
    assert "Vorige versie" not in metadata(onbekend)
    assert "1234" not in metadata(onbekend)

    # The same import again changes nothing; the current edition again plans over itself.
    na = _inhoud(uit)
    code, out, _ = _importeer(capsys, bron, "--out", uit)
    assert code == 0
    assert f"{versie} is al gelijk aan deze import" in out
    assert _inhoud(uit) == na
    code, out, _ = _importeer(capsys, DIENSTVERLENING, "--out", uit)
    assert code == 0
    assert f"{huidig} is al gelijk aan deze import" in out

    # Replacing the current version keeps the versions beside it, named once in the plan.
    p1 = huidig / "profielen/p1.yaml"
    p1.write_text(p1.read_text("utf-8") + "# nagekeken\n", "utf-8")
    code, out, _ = _importeer(capsys, DIENSTVERLENING, "--out", uit, "--vervang")
    assert code == 0
    assert ("  versies: versies/2026-08-01 (andere versies van dit dossier; blijven staan)\n"
            in out)
    assert "eigen: versies/" not in out
    assert {p: b for p, b in _inhoud(uit).items() if "2026-08-01" in p} == {
        p: b for p, b in na.items() if "2026-08-01" in p}


def test_maak_huidig_wisselt_de_huidige_en_een_versie(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uit = _uit(tmp_path, "dienstverlening")
    huidig = uit / "dienstverlening"
    (huidig / "NOTITIES.md").write_text("Over de uitgave van 2015.\n", "utf-8")
    oud = _inhoud(huidig)
    assert cli.main([str(_uitgave_2026(tmp_path)), "--out", str(uit)]) == 0
    nieuw = _inhoud(huidig / "versies/2026-08-01")
    capsys.readouterr()

    # A version that is not there, or no version at all: nothing changes.
    voor = _inhoud(uit)
    for verkeerd in ("dienstverlening/2027-08-01", "dienstverlening", "onbekend/2026-08-01"):
        code, _, err = _importeer(capsys, "--maak-huidig", verkeerd, "--out", uit)
        assert code == 2, verkeerd
        assert "geen versie van dossier" in err
    assert _inhoud(uit) == voor

    code, out, err = _importeer(capsys, "--maak-huidig", "dienstverlening/2026-08-01",
                                "--out", uit)
    assert code == 0, err
    assert out == (f"huidig: {huidig} is nu versie 'dienstverlening/2026-08-01'; de vorige "
                   f"huidige staat in {huidig / 'versies/2015-08-01'}\n")
    assert _inhoud(huidig) == {
        **nieuw, "versies": None, "versies/2015-08-01": None,
        **{f"versies/2015-08-01/{pad}": inhoud for pad, inhoud in oud.items()}}
    assert not list(tmp_path.rglob(VOORVOEGSEL + "*"))
    corpus = laad_corpus(uit)
    assert corpus.dossier("dienstverlening").editie().label == "2026"
    assert [d.id for d in corpus.versies_van("dienstverlening")] == [
        "dienstverlening/2015-08-01", "dienstverlening"]

    # The 2015 edition imported again is that version, unchanged; swapping back restores all.
    code, out, _ = _importeer(capsys, DIENSTVERLENING, "--out", uit)
    assert code == 0
    assert f"{huidig / 'versies/2015-08-01'} is al gelijk aan deze import" in out
    assert cli.main(["--maak-huidig", "dienstverlening/2015-08-01", "--out", str(uit)]) == 0
    assert _inhoud(huidig) == {**oud, "versies": None, "versies/2026-08-01": None,
                               **{f"versies/2026-08-01/{p}": b for p, b in nieuw.items()}}
