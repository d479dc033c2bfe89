"""Escaping data text for Markdown (the macros' links in hand-written pages), derived from the
site's Markdown extensions, and the URL scheme's paths."""

from __future__ import annotations

import html as htmlmodule
import re

import markdown as python_markdown
import pytest
from mkdocs.config import load_config

from kwalificatiedossiers.markdown import SYNTAX, MarkdownFout, escaper, relatief
from kwalificatiedossiers.urls import url

from conftest import REPO

pytestmark = pytest.mark.unit

CONFIG = load_config(str(REPO / "mkdocs.yml"))
EXTENSIES: list[str] = CONFIG.markdown_extensions
"""What the site enables, MkDocs' own (toc, tables, fenced_code) included."""
esc = escaper(EXTENSIES)


def _html(tekst: str, extensies: list[str] = EXTENSIES) -> str:
    return python_markdown.markdown(tekst, extensions=extensies,
                                    extension_configs=CONFIG.mdx_configs)


@pytest.mark.parametrize("tekst", [
    "omzet/klanten*/gebruikers/doelgroepen",
    "beroepsbeoefenaar*",
    "*nadruk* en _nadruk_ en **vet** en __vet__",
    "<script>alert(1)</script>",
    "[link](https://example.org) en ![beeld](x.png)",
    "`code` en ``meer``",
    "{{ config }} {% raw %} {: .klasse }",
    "a | b | c",
    "1. geen lijst",
    "12) ook geen lijst",
    "- geen lijst",
    "+ geen lijst",
    "# geen kop",
    "> geen citaat",
    "C# en F#",
    "&amp; &lt; &#123;",
    "\\ backslash \\* ster",
    "<!-- commentaar -->",
    "[^1] voetnoot",
])
def test_tekst_blijft_letterlijk(tekst: str) -> None:
    html = _html(esc(tekst))
    assert html.startswith("<p>"), html
    assert html.endswith("</p>"), html
    # What the browser shows is the text itself: decode the HTML's entities.
    getoond = htmlmodule.unescape(html[3:-4])
    assert getoond == tekst


BLOKKEN = [
    '!!! danger "Gevaar"',
    "!!! note",
    "---",
    "- - -",
    "***",
    "___",
    "===",
    "~~~",
    "```python",
    "    vier spaties: code",
    "\tcode na een tab",
    "| a | b |",
    "|---|---|",
    ":---:|",
    "# kop",
    "#kop",
    "> citaat",
    "1986. een jaartal",
    "12) punt",
    "+ plus",
    "* ster",
    "- streep",
    '<div markdown="1">**vet**</div>',
    "<!-- commentaar -->",
    "{: .klasse #id }",
    "[TOC]",
    "[x]: https://evil.example",
    "*[HTML]: afkorting",
    "[^1]: voetnoot",
    ": definitie",
    "??? uitklapper",
]
"""Markdown block syntax: what would become an admonition, a rule, a heading, code, a list, a
table, an attribute list, an HTML block or a link definition if it started a line."""

PLEKKEN = {
    "alleen": "{}",
    "in een lijst": "- {}",
    "na een alinea": "Tekst van de docent.\n{}",
    "tussen alinea's": "Boven.\n\n{}\n\nOnder.",
    "als link": "[{}](elders.md)",
    "in een tabelcel": "| a | b |\n|---|---|\n| {} | c |",
}
"""Where a macro's escaped text can land in a teacher's page."""


@pytest.mark.parametrize("plek", PLEKKEN)
@pytest.mark.parametrize("tekst", BLOKKEN)
def test_bloksyntax_blijft_tekst(tekst: str, plek: str) -> None:
    html = _html(PLEKKEN[plek].format(esc(tekst)))
    elementen = set(re.findall(r"<(\w+)", html))
    # Only what the surrounding Markdown itself makes; never what the data would.
    assert elementen <= {"p", "ul", "li", "a", "table", "thead", "tbody", "tr", "th", "td"}, html
    assert "class=" not in html, html
    assert " ".join(tekst.split()) in htmlmodule.unescape(html), html


@pytest.mark.parametrize(("extensie", "tekst", "element"), [
    ("admonition", '!!! danger "Gevaar"', "div"),
    ("fenced_code", "~~~\ncode\n~~~", "pre"),
    ("tables", "| a | b |\n|---|---|", "table"),
    ("attr_list", "tekst\n{: .klasse }", 'class="klasse"'),
])
def test_elke_extensie_in_syntax_dicht_een_gat(extensie: str, tekst: str, element: str) -> None:
    # Built without the extension's entry, the escape function lets its syntax through: the
    # entry is what keeps the data text literal.
    zonder = escaper([e for e in EXTENSIES if e != extensie])
    regels = tekst.split("\n")
    assert element in _html("\n".join(zonder(r) for r in regels))
    assert element not in _html("\n".join(esc(r) for r in regels))


@pytest.mark.parametrize("extensie", ["def_list", "abbr", "footnotes", "pymdownx.tilde",
                                      "markdown.extensions.smarty"])
def test_onbekende_extensie_wordt_geweigerd(extensie: str) -> None:
    naam = re.escape(extensie.removeprefix("markdown.extensions."))
    with pytest.raises(MarkdownFout, match=f"noemt {naam};"):
        escaper([*EXTENSIES, extensie])


def test_de_site_gebruikt_alleen_bekende_extensies() -> None:
    assert set(EXTENSIES) <= set(SYNTAX)


def test_witruimte_wordt_een_regel() -> None:
    assert esc("  een\n  twee\tdrie  ") == "een twee drie"


def test_relatief_voor_markdown_links() -> None:
    assert relatief("commercie/p4-k1-w2.md", "competenties/e.md") == "../competenties/e.md"
    assert relatief("commercie/index.md", "commercie/p4.md#x") == "p4.md#x"


def test_url_van_bronpad() -> None:
    assert url("commercie/index.md") == "commercie/"
    assert url("commercie/p4-k1-w2.md") == "commercie/p4-k1-w2/"
    assert url("commercie/index.md#basisdeel") == "commercie/#basisdeel"
    assert url("25877/index.html") == "25877/"
