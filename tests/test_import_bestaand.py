"""Finding the dossier a source belongs to among those already in the output folder
(``dossierimport.tekst.bestaand``): by its overview, and never a traceback on a damaged
folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossierimport.tekst.bestaand import zoek_bestaand, zoek_dossier_van
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.model import Dossier

from conftest import kopieer_echte_data

pytestmark = pytest.mark.unit


def _titels(dossier: Dossier) -> dict[str, str]:
    """Codes and titles of a dossier's profielen, kerntaken and werkprocessen (as an overview
    reads them)."""
    titels = {p.code: p.titel for p in dossier.profielen}
    for kerntaak in dossier.alle_kerntaken():
        titels[kerntaak.code] = kerntaak.titel
        titels.update({w.code: w.titel for w in kerntaak.werkprocessen})
    return titels


def test_een_dossier_wordt_gevonden_aan_zijn_overzicht(tmp_path: Path) -> None:
    uit = kopieer_echte_data(tmp_path / "uit", "competenties.yaml", "commercie",
                             "dienstverlening")
    commercie = laad_corpus(uit).dossier("commercie")
    assert isinstance(commercie, Dossier)
    titels = _titels(commercie)

    van = zoek_dossier_van(uit, titels)
    assert van is not None
    assert van.map == uit / "commercie"
    assert van.volledig is not None
    assert [p.code for p in van.volledig.profielen] == [p.code for p in commercie.profielen]
    kenmerk = frozenset((c, t) for c, t in titels.items() if "-W" not in c)
    bestaand = zoek_bestaand(uit, kenmerk)
    assert bestaand is not None
    assert bestaand.map == uit / "commercie"
    assert bestaand.profiel_crebos == {p.code: p.crebo for p in commercie.profielen if p.crebo}
    assert zoek_bestaand(uit, kenmerk - {next(iter(kenmerk))}) is None


@pytest.mark.parametrize("kerntaken", ["'geen lijst'", "[rommel, 3]",
                                       "[{code: B1-K1, werkprocessen: [x, 4]}]",
                                       "[{code: B1-K1, werkprocessen: geen}]"])
def test_een_beschadigde_map_geeft_geen_traceback(tmp_path: Path, kerntaken: str) -> None:
    # Another dossier's folder with damaged data is passed over, not a crash of the import.
    uit = kopieer_echte_data(tmp_path / "uit", "competenties.yaml", "commercie")
    commercie = laad_corpus(uit).dossier("commercie")
    assert isinstance(commercie, Dossier)
    kapot = uit / "a-kapot"  # read before commercie
    (kapot / "profielen").mkdir(parents=True)
    (kapot / "dossier.yaml").write_text("formaat: basis-profiel\n", "utf-8")
    (kapot / "basisdeel.yaml").write_text(f"kerntaken: {kerntaken}\n", "utf-8")
    (kapot / "profielen" / "p1.yaml").write_text(f"code: P1\nkerntaken: {kerntaken}\n", "utf-8")
    titels = _titels(commercie)
    van = zoek_dossier_van(uit, titels)
    assert van is not None
    assert van.map == uit / "commercie"
    assert zoek_bestaand(uit, frozenset({("P9", "Geen van beide")})) is None
