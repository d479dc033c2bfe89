"""Unit tests: SBB text fields (plain, HTML, escaped HTML) to blocks, and gedrag splitting."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossierimport.sbbxml.opmaak import als_gedrag, naar_blokken
from dossierimport.woorden import woorden
from kwalificatiedossiers.model import Blok, Gedrag, Genummerd, Kop, Lijst, Tabel
from kwalificatiedossiers.model.tekst import TabelInhoud, platte_tekst

pytestmark = pytest.mark.unit


def blokken(ruw: str) -> list[Blok]:
    omgezet = naar_blokken(ruw)
    assert omgezet.onbekende_tags == []
    return omgezet.blokken


def test_platte_tekst_elke_regel_een_alinea_met_genormaliseerde_witruimte() -> None:
    ruw = "Kans op werk\nDe kans   op werk\tis goed. \n\n\n*voetnoot bij 'werk'.\n  \n"
    assert blokken(ruw) == ["Kans op werk", "De kans op werk is goed.",
                            "*voetnoot bij 'werk'."]


def test_platte_tekst_opsommingen() -> None:
    ruw = "Bronnen\n-\tDUO, 2013\n-  Calibris, 2014\n• Kans op werk\n\nNa de lijst."
    assert blokken(ruw) == ["Bronnen", Lijst(lijst=["DUO, 2013", "Calibris, 2014",
                                                    "Kans op werk"]), "Na de lijst."]


def test_platte_tekst_genummerde_reeks_en_losse_nummers() -> None:
    reeks = "Vragen:\n1. Is het herkenbaar?\n2. Is het uitvoerbaar?\n3. Is het betaalbaar?"
    assert blokken(reeks) == ["Vragen:", Genummerd(genummerd=[
        "Is het herkenbaar?", "Is het uitvoerbaar?", "Is het betaalbaar?"])]
    onderbroken = "1. Nieuwe wet.\nUitleg bij de wet.\n2. Andere wet.\nUitleg."
    assert blokken(onderbroken) == ["1. Nieuwe wet.", "Uitleg bij de wet.", "2. Andere wet.",
                                    "Uitleg."]


def test_platte_tekst_houdt_kleiner_dan_als_tekst_en_ontleedt_entiteiten() -> None:
    ruw = "waaronder: Meldcode,...<andere relevante wetgeving>....\nR&amp;D &eacute;n R&D"
    assert blokken(ruw) == ["waaronder: Meldcode,...<andere relevante wetgeving>....",
                            "R&D én R&D"]


def test_labeltext_met_geescapete_html() -> None:
    ruw = """<labeltext>
      &lt;h1&gt;Leeswijzer&lt;/h1&gt;
      &lt;p&gt;Het dossier   geeft weer wat.&lt;/p&gt;
      &lt;h2&gt;Opbouw dossier&lt;/h2&gt;
      1.\tHet basisdeel (B), dat gevormd wordt door: &lt;br&gt;
&lt;ol&gt; &lt;li type="a"&gt;De beroepsspecifieke onderdelen.&lt;/li&gt;
&lt;li type="a"&gt;De generieke onderdelen:&lt;/li&gt;
            &lt;ul&gt;&lt;li type="1"&gt;Nederlandse taal;&lt;/li&gt;
            &lt;li type="1"&gt;rekenen.&lt;/li&gt;&lt;/ul&gt;&lt;/ol&gt;&lt;br&gt;&lt;/li&gt;
&lt;p&gt;2.\tHet profieldeel (P). &lt;/p&gt;
Het betreft:
&lt;br&gt;niveau 2 en 3: 2F;
&lt;br&gt;niveau 4: 3F &amp;amp; meer.
        </labeltext>"""
    assert blokken(ruw) == [
        Kop(kop="Leeswijzer"),
        "Het dossier geeft weer wat.",
        Kop(kop="Opbouw dossier"),
        "1. Het basisdeel (B), dat gevormd wordt door:",
        Genummerd(genummerd=["De beroepsspecifieke onderdelen.", "De generieke onderdelen:"]),
        Lijst(lijst=["Nederlandse taal;", "rekenen."]),
        "2. Het profieldeel (P).",
        "Het betreft:",
        "niveau 2 en 3: 2F;",
        "niveau 4: 3F & meer.",
    ]


def test_xhtml_met_spans_links_en_lege_alineas() -> None:
    ruw = (
        '<xhtml><p><span style="font-size: 10pt;">Verklaring (VOG)<br />\n'
        "Meer op <a href=\"http://www.justis.nl/vog\">www.justis.nl/vog</a>.</span></p>"
        '<p /><p style="margin: 0cm;"><font face="Times" size="3" /></p>'
        '<p><font size="3">Zie <a href="https://example.invalid/x">deze pagina</a> &amp; '
        'verder.</font></p><div style="mso-element: footnote-list;"><br clear="all" /></div>'
        "</xhtml>"
    )
    assert blokken(ruw) == [
        "Verklaring (VOG)",
        "Meer op www.justis.nl/vog.",
        "Zie deze pagina (https://example.invalid/x) & verder.",
    ]


def test_html_tabel_wordt_een_tabel() -> None:
    ruw = ("<xhtml><table><tr><th>Taal</th><th>Niveau</th></tr>"
           "<tr><td>Engels</td><td></td></tr><tr><td>Duits</td></tr></table></xhtml>")
    assert blokken(ruw) == [Tabel(tabel=TabelInhoud(
        kolommen=["Taal", "Niveau"], rijen=[["Engels", ""], ["Duits", ""]]))]


def test_onbekend_html_element_wordt_gemeld_en_de_tekst_blijft() -> None:
    omgezet = naar_blokken("<p>Let <blink>op</blink>, <blink>nu</blink>.</p>")
    assert omgezet.blokken == ["Let op, nu."]
    assert omgezet.onbekende_tags == ["blink"]


_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")

_STUKJES = st.sampled_from([
    "<p>", "</p>", "<br>", "<br />", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>",
    "<h2>", "</h2>", '<span style="x">', "</span>", '<a href="http://x.nl">', "</a>",
    "&amp;", "&lt;", "&nbsp;", "\n", " ", "- ", "tekst", "woord;", "Kop",
])


@given(st.lists(_STUKJES, max_size=40))
def test_html_laat_geen_tags_of_entiteiten_door(stukjes: list[str]) -> None:
    for blok in naar_blokken("<xhtml>" + "".join(stukjes) + "</xhtml>").blokken:
        for tekst in platte_tekst([blok]):
            assert tekst
            assert tekst == " ".join(tekst.split())
            assert not _TAG.search(tekst)
            assert not any(e in tekst for e in ("&amp;", "&lt;", "&nbsp;"))


_REGELS = st.lists(
    st.text(alphabet=st.sampled_from("abcXYZéë -•:;.,'\t"), max_size=30), max_size=12
)


@given(_REGELS)
def test_platte_tekst_verliest_geen_woorden(regels: list[str]) -> None:
    ruw = "\n".join(regels)
    uit = " ".join(platte_tekst(blokken(ruw)))
    assert woorden(uit) == woorden(ruw)


def test_gedrag_inleiding_en_items() -> None:
    delen = als_gedrag(blokken("De beroepsbeoefenaar:\n- kiest de juiste materialen;\n"
                               "- volgt nauwkeurig instructies.\n\n "))
    assert delen.gedrag == Gedrag(intro="De beroepsbeoefenaar:",
                                  items=["kiest de juiste materialen;",
                                         "volgt nauwkeurig instructies."])
    assert delen.opmerkingen == []


def test_gedrag_per_profiel_zonder_inleiding_met_slot() -> None:
    delen = als_gedrag(blokken("- motiveert anderen;\n- brengt knelpunten naar voren.\n\n"
                               "Dit geldt alleen bij toezicht."))
    assert delen.gedrag == Gedrag(items=["motiveert anderen;", "brengt knelpunten naar voren."],
                                  slot=["Dit geldt alleen bij toezicht."])


def test_gedrag_inleiding_met_los_opsommingsteken_wordt_gemeld() -> None:
    delen = als_gedrag(blokken("-De pedagogisch medewerker kinderopvang:\n"
                               "- werkt veilig en hygiënisch;"))
    assert delen.gedrag.intro == "De pedagogisch medewerker kinderopvang:"
    assert delen.gedrag.items == ["werkt veilig en hygiënisch;"]
    assert len(delen.opmerkingen) == 1
    assert "'-De pedagogisch medewerker kinderopvang:'" in delen.opmerkingen[0]


def test_gedrag_zonder_opsomming() -> None:
    delen = als_gedrag(blokken("Werkt nauwkeurig.\nOverlegt tijdig."))
    assert delen.gedrag.items == ["Werkt nauwkeurig.", "Overlegt tijdig."]
    assert delen.gedrag.intro is None
    assert delen.opmerkingen == ["gedrag zonder opsomming: elke alinea is een gedragsitem"]


def test_gedrag_in_html() -> None:
    delen = als_gedrag(blokken("<p>De beroepsbeoefenaar:</p><ul><li>kiest;</li>"
                               "<li>volgt.</li></ul>"))
    assert delen.gedrag == Gedrag(intro="De beroepsbeoefenaar:", items=["kiest;", "volgt."])


def test_leeg_gedrag_is_ongeldig() -> None:
    with pytest.raises(ValueError, match="items"):
        als_gedrag([])
