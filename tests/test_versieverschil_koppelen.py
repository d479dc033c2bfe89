"""Matching the parts of two versions on small, made-up cases."""

from __future__ import annotations

import pytest

from kwalificatiedossiers.model.delen import Vergelijkdeel
from kwalificatiedossiers.versieverschil import koppel, vergelijk

pytestmark = pytest.mark.unit


def _wp(code: str, titel: str, ouder: str = "P1-K1") -> Vergelijkdeel:
    return Vergelijkdeel("werkproces", code, titel, ouder, (("omschrijving", (titel,)),))


def test_hergebruikte_code_plakt_twee_verschillende_dingen_niet_aan_elkaar() -> None:
    oud = [_wp("P1-K1-W1", "Plant de inkoop van verse producten"),
           _wp("P1-K1-W2", "Voert een verkoopgesprek met klanten"),
           _wp("P1-K1-W9", "Algemeen werkproces dat blijft staan")]
    nieuw = [_wp("P1-K1-W1", "Voert een verkoopgesprek met klanten"),
             _wp("P1-K1-W3", "Plant de inkoop van verse producten"),
             _wp("P1-K1-W9", "Algemeen werkproces dat blijft staan")]
    paren = {(o.code if o else None, n.code if n else None) for o, n in koppel(oud, nieuw)}
    assert paren == {("P1-K1-W2", "P1-K1-W1"), ("P1-K1-W1", "P1-K1-W3"),
                     ("P1-K1-W9", "P1-K1-W9")}
    assert {w.code: w.aard for w in vergelijk(oud, nieuw)} == {
        "P1-K1-W1": ("hernummerd",), "P1-K1-W3": ("hernummerd",),
        "P1-K1-W9": ("ongewijzigd",)}


def test_gelijke_tekst_van_alleen_veelvoorkomende_woorden_blijft_gekoppeld() -> None:
    # Every word occurs in every part, so every weight is zero; equal text still matches.
    oud = [_wp("P1-K1-W1", "de taak"), _wp("P1-K1-W2", "de taak")]
    nieuw = [_wp("P1-K1-W1", "de taak"), _wp("P1-K1-W2", "de taak")]
    assert [w.aard for w in vergelijk(oud, nieuw)] == [("ongewijzigd",), ("ongewijzigd",)]


def test_verplaatst_naar_een_andere_ouder() -> None:
    oud = [Vergelijkdeel("kerntaak", "P1-K1", "Verkoopt", "P1", ()),
           Vergelijkdeel("kerntaak", "P1-K2", "Koopt in", "P1", ()),
           _wp("P1-K1-W1", "Onderhandelt over inkoopprijzen met leveranciers")]
    nieuw = [Vergelijkdeel("kerntaak", "P1-K1", "Verkoopt", "P1", ()),
             Vergelijkdeel("kerntaak", "P1-K2", "Koopt in", "P1", ()),
             _wp("P1-K2-W1", "Onderhandelt over inkoopprijzen met leveranciers", "P1-K2")]
    (werkproces,) = [w for w in vergelijk(oud, nieuw) if w.soort == "werkproces"]
    assert (werkproces.aard, werkproces.omvang) == (("verplaatst",), "groot")
