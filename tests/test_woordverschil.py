"""The word-level difference used on compare pages."""

from __future__ import annotations

import pytest

from kwalificatiedossiers.woordverschil import Stuk, is_gelijk, itemverschil, woordverschil

pytestmark = pytest.mark.unit


def _markeer(stukken: list[Stuk]) -> str:
    teken = {"gelijk": "{}", "weg": "[-{}-]", "erbij": "{{+{}+}}"}
    return "".join(teken[s.soort].format(s.tekst) for s in stukken)


def test_gelijke_teksten_hebben_geen_verschil() -> None:
    stukken = woordverschil("De klant is tevreden.", "De klant is tevreden.")
    assert is_gelijk(stukken)
    assert _markeer(stukken) == "De klant is tevreden."


def test_witruimte_telt_niet() -> None:
    assert is_gelijk(woordverschil("De  klant\nis tevreden.", "De klant is tevreden."))


def test_woord_erbij_en_weg() -> None:
    stukken = woordverschil("De klant is tevreden.", "De klant is zeer tevreden.")
    assert _markeer(stukken) == "De klant is{+ zeer+} tevreden."
    stukken = woordverschil("marketing en/of marktbewerking", "marketing en/of marktwerking")
    assert _markeer(stukken) == "marketing en/of[- marktbewerking-]{+ marktwerking+}"


def test_leesteken_is_een_eigen_woord() -> None:
    stukken = woordverschil("De klant is tevreden.", "De klant is tevreden;")
    assert _markeer(stukken) == "De klant is tevreden[-.-]{+;+}"


def test_verplaatste_items_zijn_geen_wijziging() -> None:
    verschil = itemverschil(["plant goed;", "werkt netjes;", "praat duidelijk."],
                            ["werkt netjes;", "praat duidelijk.", "plant goed;"])
    assert [(v.a, v.b) for v in verschil] == [
        ("werkt netjes;", "werkt netjes;"),
        ("praat duidelijk.", "praat duidelijk."),
        ("plant goed;", "plant goed;"),
    ]
    assert all(is_gelijk(v.stukken) for v in verschil)


def test_gewijzigd_item_wordt_gekoppeld_en_nieuw_item_apart() -> None:
    verschil = itemverschil(
        ["communiceert helder en duidelijk;", "alleen hier"],
        ["communiceert helder, duidelijk en klantgericht;", "iets heel anders nieuws"],
    )
    assert verschil[0].a == "communiceert helder en duidelijk;"
    assert _markeer(list(verschil[0].stukken)) == (
        "communiceert helder{+, duidelijk+} en[- duidelijk-]{+ klantgericht+};")
    assert (verschil[1].a, verschil[1].b) == (None, "iets heel anders nieuws")
    assert (verschil[2].a, verschil[2].b) == ("alleen hier", None)


def test_lege_lijsten() -> None:
    assert itemverschil([], []) == []
    assert [(v.a, v.b) for v in itemverschil(["a"], [])] == [("a", None)]
