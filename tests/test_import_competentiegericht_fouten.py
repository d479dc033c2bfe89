"""Bad input to the competentiegericht importer: always :class:`ImportFout` with the file and a
line, never a traceback; hostile markup is reported, never pasted into the data."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossierimport import cli
from dossierimport.bronnen import Bronbestand
from dossierimport.competentiegericht import importeer_bron, woordenlijst
from dossierimport.fouten import ImportFout
from kwalificatiedossiers.formaten import dossier_bestanden

from conftest import BRON_2009 as BRON
from conftest import BRONREGELS as REGELS
from conftest import DATA, kopieer_echte_data, voorbeelden

pytestmark = pytest.mark.unit

NAMEN = woordenlijst(DATA, BRON.name)


def _bron(tekst: str, naam: str = "dossier.md") -> Bronbestand:
    return Bronbestand(Path(naam), tekst.encode("utf-8"), "0" * 64, "markdown-html")


def _fout(tekst: str) -> ImportFout:
    with pytest.raises(ImportFout) as info:
        importeer_bron(_bron(tekst), NAMEN)
    fout = info.value
    assert fout.bestand == "dossier.md"
    assert isinstance(fout.regel, int)
    assert 1 <= fout.regel <= max(1, tekst.count("\n") + 1)
    return fout


@pytest.mark.parametrize("tekst", ["", "   \n\n\t\n"])
def test_lege_bron(tekst: str) -> None:
    assert _fout(tekst).melding == "de bron is leeg"


def test_willekeurige_markdown() -> None:
    fout = _fout("# Een titel\n\n<p>Een alinea met <b>html</b>.</p>\n\n- een\n- twee\n")
    assert "verwacht de kop" in fout.melding


@pytest.mark.parametrize("regels", [20, 90, 250, 430, 560, 780, 1100, 1380, 1500])
def test_afgekapte_bron(regels: int) -> None:
    fout = _fout("\n".join(REGELS[:regels]))
    assert "verwacht" in fout.melding


def test_ontbrekend_deel_noemt_de_kop_die_hoort_te_komen() -> None:
    begin = REGELS.index("## Deel D: Verantwoording")
    fout = _fout("\n".join(REGELS[:begin]))
    assert fout.melding.startswith("verwacht de kop 'Deel D: Verantwoording'")


def test_via_de_cli_een_melding_zonder_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kopieer_echte_data(tmp_path, "competenties.yaml")
    kapot = tmp_path / "kapot.md"
    kapot.write_text("\n".join(REGELS[:700]), "utf-8")
    assert cli.main([str(kapot), "--out", str(tmp_path)]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("importfout: kapot.md:")
    assert "Traceback" not in fout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["competenties.yaml", "kapot.md"]


def test_zonder_woordenlijst_in_de_uitvoermap(tmp_path: Path) -> None:
    with pytest.raises(ImportFout, match="woordenlijst van de 25 competenties"):
        cli.importeer([BRON], tmp_path)


def test_vijandige_opmaak_wordt_gemeld_en_niet_overgenomen() -> None:
    regel = next(i for i, r in enumerate(REGELS) if r.startswith("Typerende beroepshouding\t"))
    regels = list(REGELS)
    regels[regel] = regels[regel].replace(
        "\tDe commercieel", '\t<script>alert("x")</script><img src=x onerror=y>De commercieel', 1)
    gelezen = importeer_bron(_bron("\n".join(regels)), NAMEN)
    assert f"regel {regel + 1}: <script>" in gelezen.rapport.onbekend
    assert f"regel {regel + 1}: <img>" in gelezen.rapport.onbekend
    tekst = "".join(dossier_bestanden(gelezen.dossier).values())
    assert "<script" not in tekst
    assert "<img" not in tekst
    assert 'alert("x")De commercieel medewerker binnendienst heeft het talent' in tekst


def _verminkt(zaad: int) -> str:
    """The real source with a block of lines removed or two lines swapped."""
    kans = random.Random(zaad)
    regels = list(REGELS)
    a = kans.randrange(len(regels))
    if zaad % 2:
        del regels[a : a + kans.randrange(1, 80)]
    else:
        b = kans.randrange(len(regels))
        regels[a], regels[b] = regels[b], regels[a]
    return "\n".join(regels)


def _importfout_of_niets(tekst: str) -> ImportFout | None:
    """Import; any other exception than ImportFout fails the test by propagating."""
    try:
        importeer_bron(_bron(tekst), NAMEN)
    except ImportFout as fout:
        return fout
    return None


@pytest.mark.parametrize("zaad", range(40))
def test_verminkte_bron_geeft_een_dossier_of_een_importfout(zaad: int) -> None:
    fout = _importfout_of_niets(_verminkt(zaad))
    if fout is not None:
        assert fout.bestand == "dossier.md"
        assert fout.regel is not None


@settings(max_examples=voorbeelden(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(REGELS), max_size=120))
def test_willekeurige_regels_uit_de_bron(regels: list[str]) -> None:
    fout = _importfout_of_niets("\n".join(regels))
    assert fout is None or fout.regel is not None
