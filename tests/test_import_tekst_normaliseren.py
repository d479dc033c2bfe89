"""Pure functions of the text importer: what is layout and what is content."""

from __future__ import annotations

import pytest

from dossierimport.tekst.alineas import voeg_regels_samen
from dossierimport.tekst.koppen import los_koppen_op
from dossierimport.tekst.markdown import markdown_stukken
from dossierimport.tekst.overzicht import Overzicht
from dossierimport.tekst.pdftekst import is_voettekst, pdf_stukken
from dossierimport.tekst.stukken import (
    Stuk,
    codekop,
    is_vervolg,
    normaliseer_witruimte,
    voeg_samen,
    zonder_bullet,
)

pytestmark = pytest.mark.unit


def test_no_break_spaces_en_tabs_worden_gewone_spaties() -> None:
    assert normaliseer_witruimte(" B1-K1:\u00a0Onderzoekt\tde  journey ") == \
        "B1-K1: Onderzoekt de journey"


@pytest.mark.parametrize(("regel", "verwacht"), [
    ("§ heeft kennis van databases", ("heeft kennis van databases", True)),
    ("- gaat proactief op zoek;", ("gaat proactief op zoek;", True)),
    ("• kan plannen", ("kan plannen", True)),
    ("-potentieel en -aandeel", ("-potentieel en -aandeel", False)),
    ("Elke kwalificatie kent - naast", ("Elke kwalificatie kent - naast", False)),
])
def test_bullets(regel: str, verwacht: tuple[str, bool]) -> None:
    assert zonder_bullet(regel) == verwacht


@pytest.mark.parametrize(("links", "rechts", "verwacht"), [
    ("ICT en (e-", ")logistiek, verschillende", "ICT en (e-)logistiek, verschillende"),
    ("en communicatie-", "activiteiten zijn", "en communicatie-activiteiten zijn"),
    ("promotie- en pr-", "materiaal en", "promotie- en pr-materiaal en"),
    ("import-", "en/of exportprocessen", "import- en/of exportprocessen"),
    ("bedrijfs-", "en cao-regelingen", "bedrijfs- en cao-regelingen"),
    ("marketing- en", "communicatie-activiteiten", "marketing- en communicatie-activiteiten"),
    ("een gewone", "regelafbreking", "een gewone regelafbreking"),
])  # fmt: skip
def test_regels_samenvoegen_houdt_echte_koppeltekens(
    links: str, rechts: str, verwacht: str
) -> None:
    assert voeg_samen(links, rechts) == verwacht


@pytest.mark.parametrize(("regel", "verwacht"), [
    ("16 van 87", True), (" 43 van 87", True), ("16 van de 87", False), ("van 87", False),
])
def test_paginavoettekst(regel: str, verwacht: bool) -> None:
    assert is_voettekst(regel) is verwacht


def test_codekop_met_en_zonder_dubbele_punt() -> None:
    assert codekop("B1-K1-W1: Brengt de marktpositie in kaart") == (
        "B1-K1-W1", "Brengt de marktpositie in kaart")
    assert codekop("P4-K2 Voert een commercieel traject uit") == (
        "P4-K2", "Voert een commercieel traject uit")
    assert codekop("Profieldeel") is None


@pytest.mark.parametrize(("vorige", "volgende", "verwacht"), [
    ("heeft kennis van het aanbod van een", "onderneming", True),
    ("de relatie tussen CRM, marketing, verkoop", "(sales) en service", True),
    ("waaronder Wet arbeid vreemdelingen,", "Algemene wet gelijke behandeling", True),
    ("heeft kennis van marketingbegrippen", "(e-)Marketing en communicatie", False),
    ("heeft kennis van sectoren in het werkveld", "Customer journey", False),
])
def test_vervolg_na_witregel_of_paginawissel(vorige: str, volgende: str, verwacht: bool) -> None:
    assert is_vervolg(vorige, volgende) is verwacht


PAGINA = """\
 Vakkennis en vaardigheden

De beginnend beroepsbeoefenaar:

Commercieel aanbod
§ heeft kennis van eigenschappen en toepassingen van het commerciële aanbod van een

onderneming

Customer journey
§ heeft kennis van klantgroepen

16 van 87



§ kan fases van de customer journey uitleggen
"""


def test_pdf_regels_voettekst_weg_paginabegin_gemarkeerd() -> None:
    stukken = pdf_stukken(PAGINA)
    assert "16 van 87" not in [s.tekst for s in stukken]
    assert stukken[0].pagina_begin
    assert stukken[0].tekst == "Vakkennis en vaardigheden"
    na_voettekst = stukken[-1]
    assert na_voettekst.regel == 17
    assert na_voettekst.pagina_begin
    assert not na_voettekst.witregel_voor  # the blank lines around a footer are layout
    assert [s.soort for s in stukken].count("item") == 3


def test_samenvoegen_categorieen_en_doorlopende_items() -> None:
    blokken = voeg_regels_samen(pdf_stukken(PAGINA))
    assert [(b.soort, b.tekst) for b in blokken] == [
        ("tussenkop", "Vakkennis en vaardigheden"),
        ("tekst", "De beginnend beroepsbeoefenaar:"),
        ("tussenkop", "Commercieel aanbod"),
        ("item", ("heeft kennis van eigenschappen en toepassingen van het commerciële aanbod "
                  "van een onderneming")),
        ("tussenkop", "Customer journey"),
        ("item", "heeft kennis van klantgroepen"),
        ("item", "kan fases van de customer journey uitleggen"),
    ]


def test_samenvoegen_tussenkoppen_en_lijst_zonder_bullets() -> None:
    tekst = (
        "Opbouw dossier\n"
        "Dit dossier bestaat uit een basisdeel. Het betreft de\n\n"
        "onderdelen:\n"
        "Nederlandse taal;\n"
        "rekenen; en\n"
        "voor zover het niveau 4 betreft: Engels.\n\n"
        "2. Het profieldeel (P).\n"
    )
    blokken = voeg_regels_samen(pdf_stukken(tekst))
    assert [(b.soort, b.tekst) for b in blokken] == [
        ("tussenkop", "Opbouw dossier"),
        ("tekst", "Dit dossier bestaat uit een basisdeel. Het betreft de onderdelen:"),
        ("item", "Nederlandse taal;"),
        ("item", "rekenen; en"),
        ("item", "voor zover het niveau 4 betreft: Engels."),
        ("tekst", "2. Het profieldeel (P)."),
    ]


def _overzicht() -> Overzicht:
    titels = {
        "P1": "Profiel", "P1-K1": "Eerste kerntaak", "P1-K1-W1": "Bereidt voor",
        "P1-K1-W2": "Voert uit", "P1-K2": "Tweede kerntaak", "P1-K2-W1": "Rondt af",
    }
    return Overzicht(titels=titels, regels=dict.fromkeys(titels, 1))


BODY = """\
P1-K1\u00a0Eerste kerntaak

Complexiteit

Tekst.

P1-K1-W1\u00a0Bereidt voor

Omschrijving

De beroepsbeoefenaar bereidt het werk voor en stemt
 P1-K1\u00a0Eerste kerntaak

de planning af met collega's.

Resultaat

Een plan.
 Omschrijving

Werkt het plan uit.
 Complexiteit

Afronden is complex.
P1-K2\u00a0Tweede kerntaak
"""


def test_paginakoppen_weg_en_verloren_koppen_uit_het_overzicht() -> None:
    stukken = pdf_stukken("P1\u00a0Profiel\n\n" + BODY)
    koppen = los_koppen_op(stukken, _overzicht())
    assert [(a.code, a.label, a.regel) for a in koppen.afgeleid] == [
        ("P1-K1-W2", "Omschrijving", 21),
        ("P1-K2", "Complexiteit", 24),
    ]
    assert koppen.paginakoppen == [14, 27]  # P1-K1 again, and P1-K2 after it was placed
    blokken = voeg_regels_samen(koppen.stukken)
    assert [b.code for b in blokken if b.soort == "kop"] == [
        "P1", "P1-K1", "P1-K1-W1", "P1-K1-W2", "P1-K2"]
    assert ("De beroepsbeoefenaar bereidt het werk voor en stemt de planning af met collega's."
            in [b.tekst for b in blokken])
    afgeleid = [b for b in blokken if b.afgeleid]
    assert [(b.code, b.tekst) for b in afgeleid] == [
        ("P1-K1-W2", "Voert uit"), ("P1-K2", "Tweede kerntaak")]


def test_markdown_html_escapes_en_tabelrijen() -> None:
    tekst = (
        "# Overzicht\n\n"
        "<b>B1-K1 Onderzoekt</b>\tB1-K1-W1\tBrengt in kaart\n"
        "\tB1-K1-W2\tAnalyseert\n\n"
        "#### **Customer journey**\n\n"
        "- heeft kennis van klanten\\*\n"
        "- kan plannen\n"
    )
    stukken = markdown_stukken(tekst)
    assert stukken == [
        Stuk("Overzicht", 1, "kop"),
        Stuk("B1-K1 Onderzoekt B1-K1-W1 Brengt in kaart", 3),
        Stuk("B1-K1-W2 Analyseert", 4, witregel_voor=False),
        Stuk("Customer journey", 6, "kop"),
        Stuk("heeft kennis van klanten*", 8, "item", witregel_voor=False),
        Stuk("kan plannen", 9, "item", witregel_voor=False),
    ]
