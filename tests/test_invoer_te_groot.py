"""Oversized and explosive input is refused at once, with a clear message and without reading it
into memory: a 50 MB source for the importer, a YAML bomb and a 50 MB data file for the loader.

Each case runs in a fresh Python process that reports its own time and the growth of its peak
resident memory (VmHWM in /proc: it belongs to the new address space, whereas ru_maxrss would
carry the pytest worker's peak over into the child), so other tests cannot blur the numbers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import kopieer_data

pytestmark = pytest.mark.unit

GROOT = 50 * 1024 * 1024
MAX_SECONDEN = 5.0
MAX_GROEI_MB = 25  # reading 50 MB as bytes and text alone would take 100 MB and more

_METEN = """
import json, re, sys, time
from pathlib import Path
{imports}

def piek_kb():
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))

voor = piek_kb()
begin = time.perf_counter()
try:
    {aanroep}
    melding = None
except {fout} as exc:
    melding = str(exc)
duur = time.perf_counter() - begin
groei = (piek_kb() - voor) / 1024
print(json.dumps({{"melding": melding, "seconden": duur, "groei_mb": groei}}))
"""


def _meet(imports: str, aanroep: str, fout: str, pad: Path) -> dict[str, object]:
    code = _METEN.format(imports=imports, aanroep=aanroep, fout=fout)
    proces = subprocess.run([sys.executable, "-c", code, str(pad)], capture_output=True,
                            text=True, check=True, timeout=120)
    uitkomst: dict[str, object] = json.loads(proces.stdout)
    return uitkomst


def _snel_en_zuinig(uitkomst: dict[str, object]) -> None:
    """The refusal took little time and little memory."""
    assert float(str(uitkomst["seconden"])) < MAX_SECONDEN
    assert float(str(uitkomst["groei_mb"])) < MAX_GROEI_MB


def _schrijf_tekst(pad: Path, grootte: int) -> None:
    regel = b"Overzicht van het kwalificatiedossier B1-K1-W1 Bereidt de werkzaamheden voor\n"
    with pad.open("wb") as uit:
        for _ in range(grootte // len(regel) + 1):
            uit.write(regel)


@pytest.fixture(scope="module")
def grote_bron(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pad = tmp_path_factory.mktemp("groot") / "enorm.txt"
    _schrijf_tekst(pad, GROOT)
    return pad


def test_importeur_weigert_een_bron_van_50_mb(grote_bron: Path, tmp_path: Path) -> None:
    uitkomst = _meet(
        "from dossierimport.cli import importeer\nfrom dossierimport.fouten import ImportFout",
        f"importeer([Path(sys.argv[1])], Path({str(tmp_path)!r}))", "ImportFout", grote_bron,
    )
    assert uitkomst["melding"] is not None
    assert str(uitkomst["melding"]).startswith("enorm.txt: bestand is 52,428,")
    assert "het maximum is 20,971,520 bytes" in str(uitkomst["melding"])
    _snel_en_zuinig(uitkomst)


def test_cli_weigert_de_bron_zonder_traceback(grote_bron: Path, tmp_path: Path) -> None:
    proces = subprocess.run(
        [sys.executable, "-m", "dossierimport.cli", str(grote_bron), "--out", str(tmp_path / "u")],
        capture_output=True, text=True, check=False, timeout=60,
    )
    assert proces.returncode == 2
    assert proces.stderr.startswith("importfout: enorm.txt: bestand is ")
    assert "Traceback" not in proces.stderr
    assert not (tmp_path / "u").exists()


_BOM = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
titel: *i
"""
"""Billion laughs: nine levels of nine aliases, 9^9 (387 million) strings once expanded."""

_LADEN = ("from kwalificatiedossiers.laden import laad_corpus\n"
          "from kwalificatiedossiers.problemen import DataFout")


def test_lader_weigert_een_yaml_bom(tmp_path: Path) -> None:
    data = kopieer_data(tmp_path / "data")
    dossier = data / "voorbeeld" / "dossier.yaml"
    dossier.write_text(dossier.read_text("utf-8") + _BOM.replace("titel:", "extra:"), "utf-8")
    uitkomst = _meet(_LADEN, "laad_corpus(Path(sys.argv[1]))", "DataFout", data)
    melding = str(uitkomst["melding"])
    assert "voorbeeld/dossier.yaml:" in melding
    assert "verwijzingen (YAML-aliassen, *naam) zijn niet toegestaan" in melding
    _snel_en_zuinig(uitkomst)


def test_lader_weigert_een_databestand_van_50_mb(tmp_path: Path) -> None:
    data = kopieer_data(tmp_path / "data")
    profiel = sorted((data / "voorbeeld" / "profielen").glob("*.yaml"))[0]
    _schrijf_tekst(profiel, GROOT)
    uitkomst = _meet(_LADEN, "laad_corpus(Path(sys.argv[1]))", "DataFout", data)
    melding = str(uitkomst["melding"])
    assert f"{profiel.name}: (document): bestand is 52,428," in melding
    assert "het maximum is 20,971,520 bytes" in melding
    _snel_en_zuinig(uitkomst)


def test_de_meting_ziet_geheugengroei(grote_bron: Path) -> None:
    # The measurement is real: reading the same 50 MB file does show up.
    uitkomst = _meet("", "Path(sys.argv[1]).read_text('utf-8')", "OSError", grote_bron)
    assert float(str(uitkomst["groei_mb"])) > MAX_GROEI_MB
