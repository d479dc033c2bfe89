"""Unusual input gives an ImportFout naming the file and the line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossierimport.cli import importeer, main
from dossierimport.fouten import ImportFout

from conftest import COMMERCIE_HEEL

pytestmark = pytest.mark.unit

REGELS = COMMERCIE_HEEL.read_text(encoding="utf-8").splitlines(keepends=True)


def _bron(tmp_path: Path, regels: list[str], naam: str = "bron.txt") -> Path:
    pad = tmp_path / naam
    pad.write_text("".join(regels), encoding="utf-8")
    return pad


def _fout(bron: Path, uit: Path) -> ImportFout:
    with pytest.raises(ImportFout) as fout:
        importeer([bron], uit)
    assert fout.value.bestand == bron.name
    assert fout.value.regel is not None
    assert fout.value.regel >= 1
    return fout.value


def test_leeg_bestand(tmp_path: Path) -> None:
    fout = _fout(_bron(tmp_path, ["\n", "   \n"]), tmp_path)
    assert fout.regel == 1
    assert "leeg" in fout.melding


def test_tekst_zonder_overzicht(tmp_path: Path) -> None:
    zonder = [r for r in REGELS if "Overzicht van het kwalificatiedossier" not in r]
    fout = _fout(_bron(tmp_path, zonder), tmp_path)
    assert "geen overzicht" in fout.melding
    assert fout.regel == max(i for i, r in enumerate(zonder, start=1) if r.strip())


def test_afgebroken_na_het_overzicht(tmp_path: Path) -> None:
    fout = _fout(_bron(tmp_path, REGELS[:200]), tmp_path)
    assert "geen basisdeel" in fout.melding


@pytest.mark.parametrize("tot", [2000, 3150, 4900])
def test_afgebroken_bron(tmp_path: Path, tot: int) -> None:
    fout = _fout(_bron(tmp_path, REGELS[:tot]), tmp_path)
    assert fout.regel is not None
    assert fout.regel <= tot
    assert "afgebroken" in fout.melding or "ontbreekt" in fout.melding


def test_geen_utf8(tmp_path: Path) -> None:
    pad = tmp_path / "bron.txt"
    pad.write_bytes(b"Leeswijzer\n\xff\xfe kapot\n")
    with pytest.raises(ImportFout) as fout:
        importeer([pad], tmp_path)
    assert "UTF-8" in fout.value.melding


def test_cli_meldt_de_fout_zonder_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bron = _bron(tmp_path, REGELS[:3150])
    uit = tmp_path / "uit"
    assert main([str(bron), "--out", str(uit)]) == 2
    fouten = capsys.readouterr().err
    assert fouten.startswith("importfout: bron.txt:")
    assert "Traceback" not in fouten
    assert not uit.exists()  # nothing is written when an import fails
