"""What changed between two versions of a dossier: every kind of change classified, and the
word differences exact. The second version is Commercie with hand-written edits
(``tests/versies.py``)."""

from __future__ import annotations

import pytest

from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.model.corpus import Corpus
from kwalificatiedossiers.versieverschil import (
    Wijziging,
    vergelijk,
)
from kwalificatiedossiers.woordverschil import Stuk

from versies import tweede_versie

pytestmark = pytest.mark.golden


@pytest.fixture(scope="module")
def commercie(echt_corpus: Corpus) -> Dossier:
    dossier = echt_corpus.dossier("commercie")
    assert isinstance(dossier, Dossier)
    return dossier


@pytest.fixture(scope="module")
def wijzigingen(commercie: Dossier) -> list[Wijziging]:
    return vergelijk(commercie.vergelijkdelen(),
                     tweede_versie(commercie).vergelijkdelen())


def _tabel(wijzigingen: list[Wijziging]) -> list[tuple[str, str | None, str | None, str, str]]:
    return [(w.soort, w.oud.code if w.oud else None, w.nieuw.code if w.nieuw else None,
             "+".join(w.aard), w.omvang) for w in wijzigingen if w.aard != ("ongewijzigd",)]


def test_elke_soort_wijziging(commercie: Dossier, wijzigingen: list[Wijziging]) -> None:
    p6 = next(p for p in commercie.profielen if p.code == "P6")
    p2 = next(p for p in commercie.profielen if p.code == "P2")
    p5k2 = next(k for p in commercie.profielen for k in p.kerntaken if k.code == "P5-K2")
    verwacht = [
        ("profiel", "P6", "P7", "hernummerd", "klein"),
        ("profiel", None, "P8", "nieuw", "nieuw"),
        ("kerntaak", "P5-K2", None, "vervallen", "vervallen"),
        *[("kerntaak", k.code, "P7" + k.code[2:], "hernummerd", "klein") for k in p6.kerntaken],
        *[("kerntaak", None, "P8" + k.code[2:], "nieuw", "nieuw") for k in p2.kerntaken],
        ("werkproces", "B1-K1-W1", "B1-K1-W1", "gewijzigd", "klein"),
        ("werkproces", "P3-K2-W4", "P3-K1-W6", "verplaatst", "groot"),
        ("werkproces", "P4-K1-W2", "P4-K1-W2", "hernoemd", "klein"),
        *[("werkproces", w.code, None, "vervallen", "vervallen") for w in p5k2.werkprocessen],
        *[("werkproces", w.code, "P7" + w.code[2:], "hernummerd", "klein")
          for k in p6.kerntaken for w in k.werkprocessen],
        *[("werkproces", None, "P8" + w.code[2:], "nieuw", "nieuw")
          for k in p2.kerntaken for w in k.werkprocessen],
    ]
    assert sorted(_tabel(wijzigingen), key=str) == sorted(verwacht, key=str)


def test_alles_anders_is_ongewijzigd(commercie: Dossier, wijzigingen: list[Wijziging]) -> None:
    onderdelen = commercie.vergelijkdelen()
    ongewijzigd = [w for w in wijzigingen if w.aard == ("ongewijzigd",)]
    assert len(ongewijzigd) == len(onderdelen) - 1 - 3 - 1 - 6 - 1 - 1 - 1 - 16
    assert all(w.velden == () and w.aandeel == 0 for w in ongewijzigd)


def test_woordverschil_van_het_gedrag(wijzigingen: list[Wijziging]) -> None:
    (b1k1w1,) = [w for w in wijzigingen if w.code == "B1-K1-W1"]
    (gedrag,) = b1k1w1.velden
    assert gedrag.veld == "gedrag"
    veranderd = [i for i in gedrag.items if i.stukken != (Stuk("gelijk", i.b or ""),)]
    assert [(i.a, i.b, i.stukken) for i in veranderd] == [
        ("gebruikt informatiebronnen doelgericht en efficiënt;",
         "gebruikt informatiebronnen en AI-hulpmiddelen doelgericht en efficiënt;",
         (Stuk("gelijk", "gebruikt informatiebronnen"), Stuk("erbij", " en AI-hulpmiddelen"),
          Stuk("gelijk", " doelgericht en efficiënt;"))),
        (None, "deelt zijn bevindingen met het team;",
         (Stuk("erbij", "deelt zijn bevindingen met het team;"),)),
    ]
    assert 0 < b1k1w1.aandeel < 0.2


def test_woordverschil_van_de_titel(wijzigingen: list[Wijziging]) -> None:
    (w,) = [w for w in wijzigingen if w.code == "P4-K1-W2"]
    (titel,) = w.velden
    assert titel.veld == "titel"
    # Words are compared whole: "accountplan" became "account- en actieplan".
    assert titel.items[0].stukken == (
        Stuk("gelijk", "Stelt een"), Stuk("weg", " accountplan"),
        Stuk("erbij", " account- en actieplan"), Stuk("gelijk", " op"))


def test_volgorde_van_de_nieuwe_versie(wijzigingen: list[Wijziging]) -> None:
    # Within a kind, the later version's order; a removed part right after what it followed.
    kerntaken = [w.code for w in wijzigingen if w.soort == "kerntaak"]
    assert kerntaken.index("P5-K2") == kerntaken.index("P5-K1") + 1
    assert kerntaken.index("P5-K3") == kerntaken.index("P5-K2") + 1


def test_zelfde_versie_is_helemaal_ongewijzigd(commercie: Dossier) -> None:
    onderdelen = commercie.vergelijkdelen()
    assert {w.aard for w in vergelijk(onderdelen, onderdelen)} == {("ongewijzigd",)}
