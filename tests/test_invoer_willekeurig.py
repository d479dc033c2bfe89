"""Property-based bad input: whatever text, Markdown or XML reaches the importers, and however
valid dossier YAML is mutilated, the result is an import or a load — or the tool's own error
with a location. Never an unhandled exception."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossierimport.cli import importeer
from dossierimport.fouten import ImportFout
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.problemen import DataFout

from conftest import (
    BRON_2009,
    BRONNEN,
    COMMERCIE_EXTRACT,
    COMMERCIE_HEEL,
    DATA,
    FIXTURES,
    kopieer_data,
    voorbeelden,
)

pytestmark = pytest.mark.unit

# Each example imports or loads real-sized input: a handful per second. Examples are fixed
# (derandomize, the profile in conftest), so CI runs the same inputs every time.
LANGZAAM = settings(max_examples=voorbeelden(60), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TEKST_REGELS = COMMERCIE_HEEL.read_text("utf-8").splitlines()
MARKDOWN_REGELS = COMMERCIE_EXTRACT.read_text("utf-8").splitlines()
HTML_MARKDOWN_REGELS = BRON_2009.read_text("utf-8").splitlines()
XML = (BRONNEN / "sbb-xml" / "2755-dienstverlening.xml").read_text("utf-8-sig")
XML_NAMEN = sorted(set(re.findall(r"<([a-z_]+)", XML)))
XML_ATTRIBUTEN = sorted(set(re.findall(r" ([a-zA-Z_]+)=\"", XML)))


@pytest.fixture(scope="module")
def werkmap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the whole module: Hypothesis runs many examples in one test call."""
    return tmp_path_factory.mktemp("werkmap")


def _importeer_of_importfout(werkmap: Path, naam: str, inhoud: str | bytes) -> None:
    """Import one source; succeed, or fail with an ImportFout that says where."""
    pad = werkmap / naam
    if isinstance(inhoud, str):
        inhoud = inhoud.encode("utf-8")
    pad.write_bytes(inhoud)
    regels = inhoud.count(b"\n") + 1
    fout: ImportFout | None = None
    try:
        resultaten = importeer([pad], DATA)
    except ImportFout as exc:
        fout, resultaten = exc, []
    if fout is None:
        assert resultaten
        assert all(r.dossier.id for r in resultaten)
        return
    assert fout.bestand == naam, fout
    assert fout.melding.strip(), fout
    # A line, except for what concerns the file as a whole (its encoding).
    if fout.regel is None:
        assert "UTF-8" in fout.melding, fout
    else:
        assert 1 <= fout.regel <= regels, (fout, regels)


# --- importers -------------------------------------------------------------------------------

@LANGZAAM
@given(st.text(max_size=3000))
def test_willekeurige_tekst(werkmap: Path, tekst: str) -> None:
    _importeer_of_importfout(werkmap, "bron.txt", tekst)


@LANGZAAM
@given(st.binary(max_size=2000))
def test_willekeurige_bytes(werkmap: Path, inhoud: bytes) -> None:
    _importeer_of_importfout(werkmap, "bron.bin", inhoud)


_WOORD = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=30)
_MARKDOWN_REGEL = st.one_of(
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 6), _WOORD),
    st.builds(lambda b, t: f"{b} {t}", st.sampled_from(["-", "*", "1.", "§", "•", ">"]), _WOORD),
    st.builds(lambda t, u: f"| {t} | {u} |", _WOORD, _WOORD),
    st.sampled_from(["<ul>", "<li>", "</li>", "</ul>", "<p>", "</p>", "<b>", "</b>",
                     '<input type="checkbox"/>', "<table>", "<script>alert(1)</script>",
                     "```", "---", "", "\t\t", "{{ x }}", "[a](javascript:x)"]),
    st.sampled_from(MARKDOWN_REGELS),
    st.sampled_from(HTML_MARKDOWN_REGELS),
    _WOORD,
)


@LANGZAAM
@given(st.lists(_MARKDOWN_REGEL, max_size=80))
def test_willekeurige_markdown(werkmap: Path, regels: list[str]) -> None:
    _importeer_of_importfout(werkmap, "bron.md", "\n".join(["# Kwalificatiedossier", *regels]))


def _stukken(regels: list[str]) -> st.SearchStrategy[list[str]]:
    """A real source with parts dropped, repeated or swapped (a few hundred lines each)."""
    grootte = 400
    aantal = (len(regels) + grootte - 1) // grootte
    stukken = [regels[i * grootte:(i + 1) * grootte] for i in range(aantal)]
    return st.lists(st.sampled_from(range(aantal)), min_size=1, max_size=aantal + 2).map(
        lambda volgorde: [r for i in volgorde for r in stukken[i]]
    )


@LANGZAAM
@given(_stukken(TEKST_REGELS))
def test_verminkte_pdf_tekst(werkmap: Path, regels: list[str]) -> None:
    _importeer_of_importfout(werkmap, "bron.txt", "\n".join(regels))


@LANGZAAM
@given(_stukken(MARKDOWN_REGELS))
def test_verminkte_markdown(werkmap: Path, regels: list[str]) -> None:
    _importeer_of_importfout(werkmap, "bron.md", "\n".join(regels))


_XML_TEKST = st.one_of(
    _WOORD.map(lambda t: t.replace("&", "&amp;").replace("<", "&lt;")),
    st.sampled_from(["&amp;", "&lt;b&gt;", "&#x0;", "&unknown;", "<![CDATA[<b>]]>", "<!-- c -->",
                     "<?pi x?>", "&#65;", "12", "B1-K1-W1", "23183"]),
)
_ATTRIBUUT = st.tuples(st.sampled_from([*XML_ATTRIBUTEN, "onclick", "xmlns", "a:b"]), _WOORD)


def _attribuutwaarde(waarde: str) -> str:
    return waarde.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _maak_element(naam: str, attributen: list[tuple[str, str]], inhoud: list[str]) -> str:
    attrs = "".join(f' {k}="{_attribuutwaarde(v)}"' for k, v in dict(attributen).items())
    return f"<{naam}{attrs}>{''.join(inhoud)}</{naam}>"


def _element(kinderen: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(_maak_element, st.sampled_from(XML_NAMEN),
                     st.lists(_ATTRIBUUT, max_size=3), st.lists(kinderen, max_size=4))


_XML_BOOM = st.recursive(_XML_TEKST, _element, max_leaves=40)


@LANGZAAM
@given(st.lists(_XML_BOOM, max_size=4), st.sampled_from(["<?xml version=\"1.0\"?>", ""]))
def test_willekeurige_xml(werkmap: Path, bomen: list[str], kop: str) -> None:
    _importeer_of_importfout(werkmap, "export.xml", f"{kop}<sbb>{''.join(bomen)}</sbb>")


@LANGZAAM
@given(st.lists(st.tuples(st.sampled_from(["weg", "dubbel", "invoegen"]),
                          st.integers(0, len(XML)), st.integers(1, 400), _XML_TEKST),
                min_size=1, max_size=4))
def test_verminkte_sbb_xml(werkmap: Path, bewerkingen: list[tuple[str, int, int, str]]) -> None:
    tekst = XML
    for soort, plek, lengte, invoeging in bewerkingen:
        begin = min(plek, len(tekst))
        if soort == "weg":
            tekst = tekst[:begin] + tekst[begin + lengte:]
        elif soort == "dubbel":
            tekst = tekst[:begin] + tekst[begin:begin + lengte] + tekst[begin:]
        else:
            tekst = tekst[:begin] + invoeging + tekst[begin:]
    _importeer_of_importfout(werkmap, "export.xml", tekst)


# --- loader ----------------------------------------------------------------------------------

MINI_BESTANDEN = sorted(p.relative_to(FIXTURES / "mini").as_posix()
                        for p in (FIXTURES / "mini").rglob("*.yaml"))


def _laad_of_datafout(data_map: Path) -> None:
    """Load a corpus; succeed, or fail with DataFout problems that each name file and path."""
    fout: DataFout | None = None
    try:
        laad_corpus(data_map)
    except DataFout as exc:
        fout = exc
    if fout is None:
        return
    assert fout.problemen
    assert str(fout).count("\n") == len(fout.problemen)
    for probleem in fout.problemen:
        bestand = Path(probleem.bestand)
        assert bestand.suffix == ".yaml", probleem
        assert bestand.exists(), probleem
        assert probleem.melding.strip(), probleem
        assert probleem.pad, probleem
        # A line inside the file, or 0 for what concerns the whole file.
        regels = bestand.read_text("utf-8", errors="replace").count("\n") + 1
        assert 0 <= probleem.regel <= regels, probleem


def _verse_kopie(werkmap: Path) -> Path:
    doel = werkmap / "data"
    shutil.rmtree(doel, ignore_errors=True)
    return kopieer_data(doel)


def _paden(data: Any, pad: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in parsed YAML."""
    uit = [pad]
    if isinstance(data, dict):
        for k, v in data.items():
            uit += _paden(v, (*pad, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            uit += _paden(v, (*pad, i))
    return uit


_VERVANGING = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**12), st.floats(allow_nan=True),
    _WOORD, st.sampled_from(["P9-K9-W9", "B1-K1-W1", "B1-K1", "p1", "Z", "", "2023-13-45",
                             "voorbeeld", "~"]),
    st.lists(st.integers(0, 3), max_size=2), st.dictionaries(_WOORD, st.integers(), max_size=2),
)


@LANGZAAM
@given(st.sampled_from(MINI_BESTANDEN), st.data())
def test_verminkte_yaml_structuur(werkmap: Path, bestand: str, data: st.DataObject) -> None:
    doel = _verse_kopie(werkmap)
    pad = doel / bestand
    inhoud = yaml.safe_load(pad.read_text("utf-8"))
    for _ in range(data.draw(st.integers(1, 3), label="aantal")):
        paden = [p for p in _paden(inhoud) if p]
        if not paden:
            break
        plek = data.draw(st.sampled_from(paden), label="plek")
        ouder = inhoud
        for deel in plek[:-1]:
            ouder = ouder[deel]
        soort = data.draw(st.sampled_from(["weg", "vervang", "extra sleutel", "dubbel"]))
        if soort == "weg":
            del ouder[plek[-1]]
        elif soort == "vervang":
            ouder[plek[-1]] = data.draw(_VERVANGING, label="waarde")
        elif soort == "extra sleutel" and isinstance(ouder, dict):
            ouder[data.draw(_WOORD, label="sleutel")] = data.draw(_VERVANGING, label="waarde")
        elif isinstance(ouder, list):
            ouder.append(ouder[plek[-1]])
    pad.write_text(yaml.safe_dump(inhoud, allow_unicode=True, sort_keys=False), "utf-8")
    _laad_of_datafout(doel)


@LANGZAAM
@given(st.sampled_from(MINI_BESTANDEN), st.integers(0, 10**6),
       st.sampled_from(["weg", "invoegen"]),
       st.text(st.sampled_from(list(":-[]{}&*!|>'\"#%@`\t\n ?,x1")), min_size=1, max_size=6))
def test_verminkte_yaml_tekst(werkmap: Path, bestand: str, plek: int, soort: str,
                              tekens: str) -> None:
    doel = _verse_kopie(werkmap)
    pad = doel / bestand
    tekst = pad.read_text("utf-8")
    begin = plek % len(tekst)
    tekst = (tekst[:begin] + tekst[begin + len(tekens):] if soort == "weg"
             else tekst[:begin] + tekens + tekst[begin:])
    pad.write_text(tekst, "utf-8")
    _laad_of_datafout(doel)


def test_paginascheiding_verschuift_de_regelnummers_niet(werkmap: Path) -> None:
    # A PDF-to-text tool starts every page with a form feed; error lines count "\n" only, as an
    # editor does (found by test_willekeurige_tekst: str.splitlines also splits at "\f").
    regels = TEKST_REGELS[:200]
    gevonden = []
    for tekst in ("\n".join(regels),
                  "\n".join("\f" + r if i % 40 == 0 else r for i, r in enumerate(regels))):
        (werkmap / "bron.txt").write_text(tekst, "utf-8")
        with pytest.raises(ImportFout) as fout:
            importeer([werkmap / "bron.txt"], DATA)
        gevonden.append(fout.value.regel)
    assert gevonden[0] is not None
    assert gevonden[0] > 150
    assert gevonden[0] == gevonden[1]
