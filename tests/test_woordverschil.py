"""The word-level difference used on compare pages."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossierbench.woordverschilmeting import HERHALENDE_PAREN
from kwalificatiedossiers import woordverschil as woordverschil_module
from kwalificatiedossiers.laden import Corpus
from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.model.tekst import platte_tekst
from kwalificatiedossiers.woordverschil import (
    KOSTENGRENS,
    Stuk,
    _kosten,
    _tokens,
    itemverschil,
    overeenkomsten,
    woordverschil,
)

from conftest import voorbeelden

pytestmark = pytest.mark.unit


def is_gelijk(stukken: Sequence[Stuk]) -> bool:
    """Whether a difference has no changes."""
    return all(s.soort == "gelijk" for s in stukken)


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


# --- bounded on repetitive text, unchanged on real text -----------------------------------------

def _woorden(tekst: str) -> list[str]:
    return [w for w, _ in _tokens(tekst)]


def _bouwt_beide_teksten(a: str, b: str, stukken: list[Stuk]) -> bool:
    """The pieces are a true difference: without the additions they are a, without the
    removals b (word for word)."""
    zonder_erbij = " ".join(s.tekst for s in stukken if s.soort != "erbij")
    zonder_weg = " ".join(s.tekst for s in stukken if s.soort != "weg")
    return _woorden(zonder_erbij) == _woorden(a) and _woorden(zonder_weg) == _woorden(b)


HERHALEND = {
    **HERHALENDE_PAREN,
    "een woord anders": ("de klant " * 2000, "de klant " * 1000 + "de koper " + "de klant " * 999),
}
"""Pairs of 4,000-word texts that took SequenceMatcher minutes."""


@pytest.mark.parametrize("naam", HERHALEND)
def test_herhalende_tekst_wordt_begrensd_vergeleken(naam: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = HERHALEND[naam]
    assert _kosten(_woorden(a), _woorden(b)) > 100 * KOSTENGRENS
    gevraagd: list[int] = []
    echt = woordverschil_module.SequenceMatcher

    def bewaakt(junk: None, x: list[str], y: list[str], autojunk: bool) -> SequenceMatcher[str]:
        gevraagd.append(_kosten(x, y))
        return echt(junk, x, y, autojunk=autojunk)

    monkeypatch.setattr(woordverschil_module, "SequenceMatcher", bewaakt)
    stukken = woordverschil(a, b)
    # SequenceMatcher only ever sees what it does fast; the result is still a true difference.
    assert all(kosten <= KOSTENGRENS for kosten in gevraagd)
    assert _bouwt_beide_teksten(a, b, stukken)


def test_een_woord_anders_in_herhalende_tekst_is_precies_dat_woord() -> None:
    a, b = HERHALEND["een woord anders"]
    stukken = woordverschil(a, b)
    assert [(s.soort, s.tekst.strip()) for s in stukken if s.soort != "gelijk"] == [
        ("weg", "klant"), ("erbij", "koper")]


_WOORD = st.sampled_from(["de", "klant", "een", "verkoopt", ",", ".", "product", "aan"])


@settings(max_examples=voorbeelden(200), deadline=None)  # timing is the benchmark's, not a test's
@given(st.lists(_WOORD, max_size=1500), st.lists(_WOORD, max_size=1500))
def test_elk_verschil_bouwt_beide_teksten(a: list[str], b: list[str]) -> None:
    tekst_a, tekst_b = " ".join(a), " ".join(b)
    blokken = overeenkomsten(_woorden(tekst_a), _woorden(tekst_b))
    paren = [(i + k, j + k) for i, j, n in blokken for k in range(n)]
    assert paren == sorted(set(paren))  # in order, never a word twice
    assert len({i for i, _ in paren}) == len({j for _, j in paren}) == len(paren)
    assert all(_woorden(tekst_a)[i] == _woorden(tekst_b)[j] for i, j in paren)
    assert _bouwt_beide_teksten(tekst_a, tekst_b, woordverschil(tekst_a, tekst_b))


def test_echte_teksten_blijven_ver_onder_de_grens(echt_corpus: Corpus) -> None:
    # Real dossier text is matched exactly as before (SequenceMatcher on the whole text): the
    # largest estimate over the longest texts of the real data is a tenth of the bound.
    teksten = []
    for dossier in echt_corpus.dossiers:
        if isinstance(dossier, Dossier):
            for kerntaak in dossier.alle_kerntaken():
                for werkproces in kerntaak.werkprocessen:
                    teksten += [" ".join(platte_tekst(werkproces.omschrijving)),
                                " ".join(platte_tekst(werkproces.resultaat)),
                                " ".join(werkproces.gedrag.items)]
    langste = sorted(teksten, key=len)[-60:]
    grootste = max(_kosten(_woorden(x), _woorden(y))
                   for x, y in itertools.combinations(langste, 2))
    assert grootste < KOSTENGRENS / 5
    x, y = langste[-2:]
    assert overeenkomsten(_woorden(x), _woorden(y)) == [
        tuple(m) for m in SequenceMatcher(None, _woorden(x), _woorden(y),
                                          autojunk=False).get_matching_blocks()[:-1]]
