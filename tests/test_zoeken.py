"""The search index: words, weights, files; the browser side is tested in test_browser.py."""

from __future__ import annotations

import json

import pytest

from kwalificatiedossiers.zoeken import (
    BEGIN,
    EINDE,
    ZoekIndex,
    doorzoekbaar_deel,
    emmer,
    gewogen_tekst,
    normaliseer,
    woorden,
)

pytestmark = pytest.mark.unit


def test_codes_blijven_heel_en_hun_delen_tellen_ook() -> None:
    assert woorden("P4-K1-W2 en communicatie-activiteiten") == [
        "p4-k1-w2", "p4", "k1", "w2", "en", "communicatie-activiteiten", "communicatie",
        "activiteiten",
    ]


def test_normaliseren_zonder_accenten() -> None:
    assert normaliseer("Beïnvloeden Creëren") == "beinvloeden creeren"


def test_gewicht_naar_plaats() -> None:
    html = ('<h1 id="x">P4-K1-W2 Titel<a class="headerlink">#</a></h1><p>tekst &amp; meer</p>'
            '<h2>Gedrag</h2><dd data-zoek-gewicht="10">25877</dd><p>slot<br>regel</p>')
    assert list(gewogen_tekst(html)) == [
        ("P4-K1-W2 Titel", 10), ("#", 10), ("tekst & meer", 1), ("Gedrag", 3), ("25877", 10),
        ("slot", 1), ("regel", 1),
    ]


def test_alleen_het_doorzoekbare_deel() -> None:
    assert doorzoekbaar_deel(f"<nav>menu</nav>{BEGIN}<p>inhoud</p>{EINDE}<footer>") == (
        "<p>inhoud</p>")
    assert doorzoekbaar_deel("<p>matrix zonder markering</p>") is None


def test_emmer_is_stabiel() -> None:
    # FNV-1a 32-bit; zoeken.js computes the same (checked end to end in the browser tests).
    assert emmer("", 1 << 32) == 0x811C9DC5
    assert emmer("a", 1 << 32) == 0xE40C292C


def test_indexbestanden() -> None:
    index = ZoekIndex()
    index.voeg_toe("a/", "Voert een verkoopgesprek", "Dossier › P1",
                   "<h1>Voert een verkoopgesprek</h1><p>De verkoopgesprekken gaan goed.</p>")
    index.voeg_toe("b/", "Plant het werk", "Dossier › P2", "<h1>Plant</h1><p>verkoopgesprek</p>")
    bestanden = index.bestanden()
    meta = json.loads(bestanden["meta.json"])
    assert meta["paginas"] == 2
    vocabulaire = json.loads(bestanden["w/ve.json"])
    stam = vocabulaire["verkoopgesprek"] or "verkoopgesprek"
    assert (vocabulaire["verkoopgesprekken"] or "verkoopgesprekken") == stam
    postings = json.loads(bestanden[f"t/{emmer(stam, meta['emmers']):x}.json"])[stam]
    # Page 0 has the word in its title (10 × 8), page 1 only in its text (1 × 8).
    assert postings == [0, 80, 1, 8]
    assert json.loads(bestanden["p/0.json"]) == [
        ["a/", "Voert een verkoopgesprek", "Dossier › P1"],
        ["b/", "Plant het werk", "Dossier › P2"],
    ]
    assert "de" not in json.loads(bestanden.get("w/de.json", "{}"))  # a stop word
