"""The SBB XML importer on the real exports and on a small hand-made one.

The expectations are derived from the XML independently of the importer (with the standard
library's ElementTree, fine for these trusted test files), so that a mapping error cannot hide
behind a shared helper.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from dossierimport import cli
from dossierimport.sbbxml import dossier as sbbdossier
from dossierimport.sbbxml.opmaak import normaliseer
from dossierimport.woorden import model_teksten, woorden
from kwalificatiedossiers.model.tekst import platte_tekst

from conftest import (
    BRONNEN,
    DATA,
    FIXTURES,
    alle_werkprocessen,
    bestanden,
    kopieer_echte_data,
    zonder_importverslag,
)

pytestmark = pytest.mark.golden

SBB = BRONNEN / "sbb-xml"

ECHTE_EXPORTS = [
    ("2635-pedagogisch-werk.xml", "pedagogisch-werk"),
    ("2755-dienstverlening.xml", "dienstverlening"),
]


def _uitmap(tmp_path: Path) -> Path:
    """An output folder with the shared competence vocabulary, as ``dossier-data/`` has."""
    return kopieer_echte_data(tmp_path / "uit", "competenties.yaml")


def _importeer(pad: Path, tmp_path: Path) -> list[cli.Resultaat]:
    return cli.importeer([pad], _uitmap(tmp_path))


@pytest.fixture(scope="module")
def geimporteerd(tmp_path_factory: pytest.TempPathFactory) -> dict[str, cli.Resultaat]:
    """Both real exports, imported once for the tests of this module."""
    resultaten = {}
    for bestand, dossier_id in ECHTE_EXPORTS:
        (resultaat,) = _importeer(SBB / bestand, tmp_path_factory.mktemp(dossier_id))
        resultaten[dossier_id] = resultaat
    return resultaten


@pytest.mark.parametrize(("bestand", "dossier_id"), ECHTE_EXPORTS)
def test_import_reproduceert_de_vastgelegde_data(
    bestand: str, dossier_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    uit = _uitmap(tmp_path)
    assert cli.main([str(SBB / bestand), "--out", str(uit)]) == 0
    assert zonder_importverslag(uit / dossier_id) == bestanden(DATA / dossier_id)
    uitvoer = capsys.readouterr().out
    assert f"Import van dossier '{dossier_id}'" in uitvoer
    assert f"gecontroleerd: {uit} is geldig" in uitvoer


def _werkprocescodes_uit_xml(pad: Path) -> list[tuple[str, str]]:
    """(code, titel) of every <werkproces>, with the code built from the hoofdstuk numbers."""
    wortel = ET.parse(pad).getroot()
    uit = []
    for dossier in wortel.iter("dossier"):
        for kerntaak in dossier.findall("basis/basistaken/basiskerntaken/kerntaak"):
            for wp in kerntaak.findall("basiswerkprocessen/werkproces"):
                code = f"B1-K{kerntaak.get('hoofdstuk')}-W{wp.get('hoofdstuk')}"
                uit.append((code, normaliseer(wp.get("titel", ""))))
        for profiel in dossier.findall("profielen/profiel"):
            for kerntaak in profiel.findall("profielkerntaken/kerntaak"):
                for wp in kerntaak.findall("profielwerkprocessen/werkproces"):
                    code = (f"P{profiel.get('hoofdstuk')}-K{kerntaak.get('hoofdstuk')}"
                            f"-W{wp.get('hoofdstuk')}")
                    uit.append((code, normaliseer(wp.get("titel", ""))))
    return uit


@pytest.mark.parametrize(("bestand", "dossier_id"), ECHTE_EXPORTS)
def test_elk_werkproces_element_wordt_precies_een_werkproces(
    bestand: str, dossier_id: str, geimporteerd: dict[str, cli.Resultaat]
) -> None:
    verwacht = _werkprocescodes_uit_xml(SBB / bestand)
    assert len(verwacht) == len(ET.parse(SBB / bestand).getroot().findall(".//werkproces"))
    data = [(w.code, w.titel) for w in alle_werkprocessen(geimporteerd[dossier_id].dossier)]
    assert Counter(data) == Counter(verwacht)
    assert max(Counter(code for code, _ in data).values()) == 1


def _profielcodes(dossier: ET.Element) -> dict[str, str]:
    return {p.get("nr", ""): f"P{p.get('hoofdstuk')}" for p in dossier.findall("profielen/profiel")}


def _aanvullingen_uit_xml(pad: Path) -> list[tuple[str, str, str, str]]:
    """(werkproces code, profiel code, field, words) of every non-empty per-profiel text."""
    dossier = ET.parse(pad).getroot().find("dossiers/dossier")
    assert dossier is not None
    profielen = _profielcodes(dossier)
    velden = {"werkprocesomschrijving": "omschrijving", "werkprocesresultaat": "resultaat",
              "werkprocesgedrag": "gedrag"}
    uit = []
    for kerntaak in dossier.findall("basis/basistaken/basiskerntaken/kerntaak"):
        for wp in kerntaak.findall("basiswerkprocessen/werkproces"):
            code = f"B1-K{kerntaak.get('hoofdstuk')}-W{wp.get('hoofdstuk')}"
            for element, veld in velden.items():
                for aanvullend in wp.findall(f"{element}/{element}perprofiel/aanvullend"):
                    profiel = aanvullend.find("profiel")
                    tekst = aanvullend.findtext("omschrijving") or ""
                    if profiel is not None and tekst.strip():
                        uit.append((code, profielen[profiel.get("referentie", "")], veld,
                                    " ".join(woorden(tekst))))
    return uit


def test_per_profielvarianten_staan_bij_het_juiste_werkproces_en_profiel(
    geimporteerd: dict[str, cli.Resultaat],
) -> None:
    verwacht = _aanvullingen_uit_xml(SBB / "2635-pedagogisch-werk.xml")
    assert len(verwacht) == 10  # 4 omschrijving, 2 resultaat (2 are empty), 4 gedrag
    dossier = geimporteerd["pedagogisch-werk"].dossier
    werkprocessen = {w.code: w for w in alle_werkprocessen(dossier)}
    gevonden = []
    for code, werkproces in werkprocessen.items():
        for aanvulling in werkproces.aanvullingen:
            for veld in ("omschrijving", "resultaat", "gedrag"):
                tekst = platte_tekst(getattr(aanvulling, veld))
                if tekst:
                    gevonden.append((code, aanvulling.profiel, veld,
                                     " ".join(woorden(" ".join(tekst)))))
    assert sorted(gevonden) == sorted(verwacht)


def test_per_profielvariant_van_een_kerntaak(geimporteerd: dict[str, cli.Resultaat]) -> None:
    dossier = geimporteerd["pedagogisch-werk"].dossier
    b1_k2 = dossier.basisdeel.kerntaken[1]
    assert b1_k2.code == "B1-K2"
    per_profiel = {a.profiel: a for a in b1_k2.aanvullingen}
    assert sorted(per_profiel) == ["P1", "P2", "P3"]
    complexiteit = ("De pedagogisch medewerker kinderopvang maakt gebruik van algemene kennis "
                    "van het werkveld, de organisatie en kwaliteitszorg.")
    assert per_profiel["P1"].complexiteit == [complexiteit]
    assert per_profiel["P1"].verantwoordelijkheid == []  # empty in the source
    assert per_profiel["P3"].vakkennis is not None
    assert per_profiel["P3"].vakkennis.categorieen[0].items[1] == (
        "heeft brede en specialistische kennis van het werkveld onderwijs"
    )
    b1_k1_w8 = dossier.basisdeel.kerntaken[0].werkprocessen[7]
    assert b1_k1_w8.code == "B1-K1-W8"
    assert [(a.profiel, a.competenties) for a in b1_k1_w8.aanvullingen] == [
        ("P2", ["Formuleren en rapporteren", "Analyseren"]),
        ("P3", ["Formuleren en rapporteren", "Analyseren"]),
    ]


@pytest.mark.parametrize("dossier_id", ["pedagogisch-werk", "dienstverlening"])
def test_echte_exports_hebben_geen_onbekende_elementen(
    dossier_id: str, geimporteerd: dict[str, cli.Resultaat]
) -> None:
    assert geimporteerd[dossier_id].rapport.onbekend == []


def _bronwoorden(pad: Path) -> set[str]:
    """The words of every text and title attribute inside the <dossier>, tags removed."""
    dossier = ET.parse(pad).getroot().find("dossiers/dossier")
    assert dossier is not None
    teksten = []
    for element in dossier.iter():
        if element.tag in {"kennisofvaardigheid", "categorie"}:
            continue  # the lookup table: what is used is checked through the kerntaken
        teksten.append(element.text or "")
        teksten += [element.get("titel", ""), element.get("naam", ""),
                    element.get("omschrijving", "")]
    platte = re.sub(r"<[^>]+>", " ", re.sub(r"&lt;.*?&gt;", " ", " ".join(teksten)))
    return {_als_iso_datum(w) for w in woorden(platte.replace("&amp;", "&"))
            if not w.isdigit()}  # bare numbers: list numbering, which becomes structure


def _als_iso_datum(woord: str) -> str:
    """Dates that the model stores as dates are written ISO in the data."""
    datum = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", woord)
    return f"{datum[3]}-{datum[2]}-{datum[1]}" if datum else woord


@pytest.mark.parametrize(("bestand", "dossier_id"), ECHTE_EXPORTS)
def test_elk_woord_van_de_bron_staat_in_de_data(
    bestand: str, dossier_id: str, geimporteerd: dict[str, cli.Resultaat]
) -> None:
    dossier = geimporteerd[dossier_id].dossier
    data = set(woorden(" ".join(model_teksten(dossier))))
    data |= {_als_iso_datum(w) for w in data}  # dates kept as text (brondocumenten) too
    # Section labels the export carries as titel attributes and the site renders itself.
    labels = {"voorblad", "inleiding", "basisdeel", "typering", "van", "de", "beroepengroep",
              "beroepsspecifieke", "onderdelen", "profieldeel", "verantwoordingsinformatie",
              "leeswijzer", "generieke"}
    assert _bronwoorden(SBB / bestand) - data - labels == set()


def test_dossier_ids_zijn_slugs_van_de_titel() -> None:
    assert sbbdossier.slug("Pedagogisch Werk") == "pedagogisch-werk"
    assert sbbdossier.slug("Creëren & Innoveren (niveau 4)") == "creeren-innoveren-niveau-4"


def _regel_van(pad: Path, tekst: str) -> int:
    for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), start=1):
        if tekst in regel:
            return nummer
    raise AssertionError(tekst)


def test_kleine_export_met_vier_profielen_en_een_onbekend_element(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bron = FIXTURES / "sbbxml" / "klein-export.xml"
    uit = _uitmap(tmp_path)
    assert cli.main([str(bron), "--out", str(uit)]) == 0
    rapport = capsys.readouterr().out
    regel = _regel_van(bron, "<doorstroommogelijkheden titel=")
    onbekend = (f"/sbb/dossiers/dossier/verantwoordingsinformatie/doorstroommogelijkheden "
                f"(regel {regel}): element niet overgenomen")
    assert onbekend in rapport
    assert "HTML-element <blink> niet herkend" in rapport
    assert (uit / "klein-voorbeeld" / "profielen" / "p4.yaml").is_file()

    (resultaat,) = cli.importeer([bron], uit)
    dossier = resultaat.dossier
    assert [p.code for p in dossier.profielen] == ["P1", "P2", "P3", "P4"]
    assert [(p.niveau, p.crebo) for p in dossier.profielen][-1] == (4, "99014")
    assert resultaat.rapport.aantallen == {
        "profielen": 4, "kerntaken": 5, "werkprocessen": 6, "gedragsitems": 11,
        "aanvullingen per profiel": 2,
    }
    assert len(resultaat.rapport.onbekend) == 2
    kerntaak = dossier.basisdeel.kerntaken[0]
    # The export lists werkproces 2 before werkproces 1; codes follow the hoofdstuk numbers.
    assert [(w.code, w.titel) for w in kerntaak.werkprocessen] == [
        ("B1-K1-W1", "Bereidt een voorbeeld voor"), ("B1-K1-W2", "Rondt een voorbeeld af")]
    assert any("volgorde van hoofdstuk 2, 1" in a for a in resultaat.rapport.afgeleid)
    (aanvulling,) = kerntaak.werkprocessen[0].aanvullingen
    assert aanvulling.profiel == "P4"
    assert aanvulling.competenties == ["Samenwerken en overleggen"]
    assert kerntaak.vakkennis is not None
    assert [(c.naam, c.items) for c in kerntaak.vakkennis.categorieen] == [
        (None, ["heeft kennis van voorbeelden"]),
        ("Maakt gebruik van een voorbeeldsysteem", ["kan een voorbeeldsysteem gebruiken"]),
    ]
    assert "Doorstroommogelijkheden" not in [o.titel for o in dossier.verantwoording]
    assert [b.nr for b in dossier.herkomst.bronnummers][:3] == ["500", "700", "701"]
