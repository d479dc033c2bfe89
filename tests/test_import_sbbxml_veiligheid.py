"""Hostile and broken SBB exports: a clear error with file and line, and nothing written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dossierimport import cli
from dossierimport.bronnen import Bronbestand, lees_bron
from dossierimport.fouten import ImportFout
from dossierimport.sbbxml import boom, importeer

from conftest import FIXTURES, kopieer_data

pytestmark = pytest.mark.unit

SBBXML = FIXTURES / "sbbxml"
KLEIN = (SBBXML / "klein-export.xml").read_text(encoding="utf-8")


def _bron(inhoud: bytes, naam: str = "export.xml") -> Bronbestand:
    return Bronbestand(Path(naam), inhoud, hashlib.sha256(inhoud).hexdigest(), "sbb-xml")


def _fout(bestand: str, tmp_path: Path) -> ImportFout:
    with pytest.raises(ImportFout) as fout:
        importeer([lees_bron(SBBXML / bestand)], tmp_path)
    return fout.value


@pytest.mark.parametrize(
    ("bestand", "regel", "melding"),
    [
        ("kapot.xml", 6, "ongeldige XML: mismatched tag"),
        ("billion-laughs.xml", 2, "onveilige XML geweigerd"),
        ("xxe.xml", 2, "onveilige XML geweigerd"),
    ],
)
def test_foute_en_vijandige_xml_geeft_een_importfout_zonder_uitvoer(
    bestand: str, regel: int, melding: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fout = _fout(bestand, tmp_path)
    assert (fout.bestand, fout.regel) == (bestand, regel)
    assert melding in fout.melding

    uit = kopieer_data(tmp_path / "uit")
    voor = sorted(p.relative_to(uit) for p in uit.rglob("*"))
    assert cli.main([str(SBBXML / bestand), "--out", str(uit)]) == 2
    assert f"importfout: {bestand}:{regel}: " in capsys.readouterr().err
    assert sorted(p.relative_to(uit) for p in uit.rglob("*")) == voor
    nieuw = tmp_path / "nieuw"
    assert cli.main([str(SBBXML / bestand), "--out", str(nieuw)]) == 2
    assert not nieuw.exists()


def test_externe_entiteit_wordt_niet_gelezen(tmp_path: Path) -> None:
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIME-INHOUD", encoding="utf-8")
    xml = (f'<?xml version="1.0"?>\n<!DOCTYPE sbb [<!ENTITY g SYSTEM "{geheim.as_uri()}">]>\n'
           '<sbb><dossiers><dossier titel="&g;"/></dossiers></sbb>').encode()
    with pytest.raises(ImportFout) as fout:
        importeer([_bron(xml)], tmp_path)
    assert "GEHEIME-INHOUD" not in str(fout.value)


def test_externe_dtd_wordt_niet_opgehaald(tmp_path: Path) -> None:
    xml = b'<?xml version="1.0"?>\n<!DOCTYPE sbb SYSTEM "http://example.invalid/sbb.dtd">\n<sbb/>'
    with pytest.raises(ImportFout, match="DTD"):
        importeer([_bron(xml)], tmp_path)


def test_te_groot_bestand_wordt_geweigerd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    monkeypatch.setattr(boom, "MAX_BRON_BYTES", 100)
    with pytest.raises(ImportFout, match="het maximum is 100 bytes"):
        importeer([_bron(b"<sbb>" + b" " * 200 + b"</sbb>")], tmp_path)


@pytest.mark.parametrize(
    ("xml", "melding"),
    [
        (b"<dossiers/>", "een SBB-export begint met <sbb>"),
        (b"<sbb><dossiers/></sbb>", "geen <dossiers>/<dossier>"),
        (b"", "ongeldige XML"),
    ],
)
def test_geen_sbb_export(xml: bytes, melding: str, tmp_path: Path) -> None:
    with pytest.raises(ImportFout, match=melding):
        importeer([_bron(xml)], tmp_path)


@pytest.mark.parametrize(("oud", "nieuw", "melding", "plek"), [
    ('<werkproces nr="702" titel="Rondt een voorbeeld af " hoofdstuk="2">',
     '<werkproces nr="702" titel="Rondt een voorbeeld af " hoofdstuk="1">',
     "hoofdstuk 1 komt twee keer voor in B1-K1", '<werkproces nr="701"'),
    ('Geldig_vanaf="01-08-2024" Datum_einde_instroom="31-07-2028"',
     'Geldig_vanaf="31-02-2024" Datum_einde_instroom="31-07-2028"',
     "ongeldige datum Geldig_vanaf='31-02-2024'", "<dossiercrebo "),
], ids=["dubbel hoofdstuk", "ongeldige datum"])
def test_fout_in_een_dossier_noemt_de_regel(
    oud: str, nieuw: str, melding: str, plek: str, tmp_path: Path,
) -> None:
    assert oud in KLEIN
    with pytest.raises(ImportFout) as fout:
        importeer([_bron(KLEIN.replace(oud, nieuw).encode())], tmp_path)
    assert melding in fout.value.melding
    assert fout.value.regel == 1 + KLEIN[: KLEIN.index(plek)].count("\n")


def test_fout_in_het_tweede_dossier_schrijft_ook_het_eerste_niet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    begin, einde = KLEIN.index("    <dossier "), KLEIN.index("  </dossiers>")
    tweede = KLEIN[begin:einde].replace('titel="Klein Voorbeeld"', 'titel="Tweede Voorbeeld"')
    tweede = tweede.replace("<dossiercrebos>", "<dossiercrebos_kapot>")
    tweede = tweede.replace("</dossiercrebos>", "</dossiercrebos_kapot>")
    export = tmp_path / "twee-dossiers.xml"
    export.write_text(KLEIN[:einde] + tweede + KLEIN[einde:], encoding="utf-8")
    uit = tmp_path / "uit"
    assert cli.main([str(export), "--out", str(uit)]) == 2
    assert "element dossiercrebos/dossiercrebo ontbreekt" in capsys.readouterr().err
    assert not uit.exists()
