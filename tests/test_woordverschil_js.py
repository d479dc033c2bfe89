"""The word difference in the browser (woordverschil.js) gives what woordverschil.py gives: on
every real dossier text the compare pages put side by side, on repetitive text (the bounded way),
on hostile text and on every character, run in Chromium against the Python module."""

from __future__ import annotations

import itertools
import json
import random
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from dossierbench.woordverschilmeting import HERHALENDE_PAREN
from kwalificatiedossiers.index import normaliseer_titel
from kwalificatiedossiers.model.corpus import Corpus
from kwalificatiedossiers.model.delen import Vergelijkdeel
from kwalificatiedossiers.woordverschil import (
    KOSTENGRENS,
    _kosten,
    _tokens,
    itemverschil,
    overeenkomsten,
    woordverschil,
)

from conftest import REPO
from vijandig import VIJANDIG

pytestmark = pytest.mark.browser

SCRIPT = REPO / "overrides/assets/kwalificatiedossiers/woordverschil.js"


@pytest.fixture(scope="module")
def js(browser: Browser) -> Iterator[Page]:
    """A blank page with woordverschil.js loaded."""
    context = browser.new_context()
    page = context.new_page()
    page.add_script_tag(path=str(SCRIPT))
    yield page
    context.close()


def _in_js(page: Page, functie: str, data: Any) -> Any:
    """``functie`` (JavaScript, of one argument) applied to ``data`` in the page; both ways as
    one JSON text (Playwright's own serialisation of large nested lists takes many seconds)."""
    return json.loads(page.evaluate(f"data => JSON.stringify(({functie})(JSON.parse(data)))",
                                    json.dumps(data, ensure_ascii=False)))


def _items_py(paren: Sequence[tuple[Sequence[str], Sequence[str]]]) -> list[Any]:
    return [[[v.a, v.b, [[s.soort, s.tekst] for s in v.stukken]] for v in itemverschil(a, b)]
            for a, b in paren]


def _items_js(page: Page, paren: Sequence[tuple[Sequence[str], Sequence[str]]]) -> list[Any]:
    uit: list[Any] = _in_js(page, """paren => paren.map(([a, b]) =>
        kdWoordverschil.itemverschil(a, b).map(
            v => [v.a, v.b, v.stukken.map(s => [s.soort, s.tekst])]))""",
                            [[list(a), list(b)] for a, b in paren])
    return uit


def _woorden_py(paren: Sequence[tuple[str, str]]) -> list[Any]:
    return [[[s.soort, s.tekst] for s in woordverschil(a, b)] for a, b in paren]


def _woorden_js(page: Page, paren: Sequence[tuple[str, str]]) -> list[Any]:
    uit: list[Any] = _in_js(page, """paren => paren.map(([a, b]) =>
        kdWoordverschil.woordverschil(a, b).map(s => [s.soort, s.tekst]))""",
                            [list(p) for p in paren])
    return uit


def _verschillend(py: list[Any], js: list[Any], paren: Sequence[Any]) -> list[Any]:
    """The first few inputs on which the two disagree, with both outputs."""
    assert len(py) == len(js) == len(paren)
    return [(paar, p, j) for paar, p, j in zip(paren, py, js, strict=True) if p != j][:3]


# Real text --------------------------------------------------------------------------------


def _echte_paren(corpus: Corpus) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every field of every part of every dossier version against the same field of: each part
    with the same normalised title (what a compare page puts side by side), the next part of
    its kind (near and far texts alike), and for werkprocessen each other uitwerking or
    profiel's version of it."""
    delen: list[Vergelijkdeel] = []
    for dossier in (*corpus.dossiers, *corpus.versies):
        delen += dossier.vergelijkdelen()
        for variant in dossier.varianten():
            delen += dossier.werkprocessen_van(variant.code)
    per_titel: dict[tuple[str, str], list[Vergelijkdeel]] = defaultdict(list)
    for deel in delen:
        per_titel[(deel.soort, normaliseer_titel(deel.titel))].append(deel)
    paren = [p for groep in per_titel.values() for p in itertools.combinations(groep, 2)]
    paren += [(x, y) for x, y in itertools.pairwise(delen) if x.soort == y.soort]
    uit = []
    for x, y in paren:
        velden_y = dict(y.velden)
        for naam, items in x.velden:
            if naam in velden_y and (items or velden_y[naam]):
                uit.append((items, velden_y[naam]))
    return list(dict.fromkeys(uit))


def test_echte_teksten_gelijk_in_python_en_javascript(js: Page, echt_corpus: Corpus) -> None:
    paren = _echte_paren(echt_corpus)
    assert len(paren) > 1000
    py = _items_py(paren)
    assert _verschillend(py, _items_js(js, paren), paren) == []
    # The pairs are real differences, not only equal texts, and include lists matched up.
    stukken = [s[0] for verschil in py for item in verschil for s in item[2]]
    assert {"gelijk", "weg", "erbij"} <= set(stukken)
    assert sum(s == "gelijk" for s in stukken) > 1000
    assert sum(s != "gelijk" for s in stukken) > 1000
    teksten = [(" ".join(a), " ".join(b)) for a, b in paren]
    assert _verschillend(_woorden_py(teksten), _woorden_js(js, teksten), teksten) == []


# Repetitive and random text: SequenceMatcher and the bounded way ----------------------------

_WOORDEN = ["de", "klant", "een", "verkoopt", ",", ".", "product", "aan"]


def _willekeurige_paren(aantal: int, langste: int) -> list[tuple[str, str]]:
    kans = random.Random(15)
    return [(" ".join(kans.choices(_WOORDEN, k=kans.randint(0, langste))),
             " ".join(kans.choices(_WOORDEN, k=kans.randint(0, langste))))
            for _ in range(aantal)]


def test_herhalende_en_willekeurige_tekst_gelijk(js: Page) -> None:
    paren = [*HERHALENDE_PAREN.values(),
             ("de klant " * 2000, "de klant " * 1000 + "de koper " + "de klant " * 999),
             *_willekeurige_paren(150, 1500), *_willekeurige_paren(150, 40)]
    woorden = [([w for w, _ in _tokens(a)], [w for w, _ in _tokens(b)]) for a, b in paren]
    # Both ways are taken: texts below the bound (SequenceMatcher) and far above it.
    kosten = [_kosten(a, b) for a, b in woorden]
    assert sum(k <= KOSTENGRENS for k in kosten) > 100
    assert sum(k > KOSTENGRENS for k in kosten) > 50
    py = [[list(b) for b in overeenkomsten(a, b)] for a, b in woorden]
    blokken = _in_js(js, "paren => paren.map(([a, b]) => kdWoordverschil.overeenkomsten(a, b))",
                     [list(p) for p in woorden])
    assert _verschillend(py, blokken, paren) == []
    assert _verschillend(_woorden_py(paren), _woorden_js(js, paren), paren) == []
    # Lists of such items: the pairing of similar items, quick_ratio's bound included.
    lijsten = [(a.split(" . "), b.split(" . ")) for a, b in _willekeurige_paren(100, 200)]
    assert _verschillend(_items_py(lijsten), _items_js(js, lijsten), lijsten) == []


# Hostile text ---------------------------------------------------------------------------------


def test_vijandige_tekst_gelijk(js: Page) -> None:
    teksten = [t.replace("{v}", f"V{n}:") for n, t in enumerate(VIJANDIG)]
    # Every string against every other, and against itself with a word changed or left out.
    paren = list(itertools.product(teksten, repeat=2))
    paren += [(t, t.replace("V", "W", 1).replace(" ", "  ", 2)) for t in teksten]
    paren += [(t, " ".join(t.split()[1:])) for t in teksten]
    assert _verschillend(_woorden_py(paren), _woorden_js(js, paren), paren) == []
    kans = random.Random(15)
    lijsten = [(kans.sample(teksten, 6), kans.sample(teksten, 5)) for _ in range(50)]
    lijsten += [(teksten, [t.upper() for t in teksten[::-1]])]
    assert _verschillend(_items_py(lijsten), _items_js(js, lijsten), lijsten) == []
    # Titles and items are matched across dossiers by their normalised form, and shown on one
    # line as the generated pages show them.
    normaal = _in_js(js, "ts => ts.map(t => [kdWoordverschil.normaliseerTitel(t), "
                     "kdWoordverschil.eenRegel(t)])", teksten)
    assert normaal == [[normaliseer_titel(t), " ".join(t.split())] for t in teksten]


# Every character ----------------------------------------------------------------------------


def _klasse(token: list[tuple[str, str]]) -> str:
    """How "a<c>a" splits into words: one word (c is a word character), two (whitespace) or
    three (anything else is a word of its own)."""
    return {1: "w", 2: "s", 3: "p"}[len(token)]


def test_elk_teken_telt_in_beide_als_woord_spatie_of_leesteken(js: Page) -> None:
    # Characters the Python here knows (its Unicode version); not the surrogate halves.
    codes = [c for c in range(sys.maxunicode + 1)
             if unicodedata.category(chr(c)) not in ("Cn", "Cs")]
    assert len(codes) > 250_000
    reeksen = [[groep[0][1], groep[-1][1]] for _, groep in itertools.groupby(
        enumerate(codes), key=lambda paar: paar[1] - paar[0]) for groep in [list(groep)]]
    uit = _in_js(js, """reeksen => {
        const tekens = reeksen.flatMap(([van, tot]) => Array.from(
            {length: tot - van + 1}, (_, k) => String.fromCodePoint(van + k)));
        return [
            tekens.map(t => ({1: "w", 2: "s", 3: "p"})[
                kdWoordverschil.tokens("a" + t + "a").length]).join(""),
            tekens.filter(t => t.toLowerCase() !== t)
                .map(t => [t, kdWoordverschil.normaliseerTitel("a" + t + "a")]),
        ];
    }""", reeksen)
    tekens = [chr(c) for c in codes]
    py = "".join(_klasse(_tokens(f"a{t}a")) for t in tekens)
    assert [(hex(ord(t)), p, j) for t, p, j in zip(tekens, py, uit[0], strict=True)
            if p != j] == []
    # Lower case as Python's str.lower(), for the titles matched across dossiers.
    assert uit[1] == [[t, normaliseer_titel(f"a{t}a")] for t in tekens if t.lower() != t]
