"""Escaping data text for Markdown (the macros' links in hand-written pages), and the URL
scheme's paths."""

from __future__ import annotations

import html as htmlmodule

import markdown as python_markdown
import pytest

from kwalificatiedossiers.markdown import esc, relatief
from kwalificatiedossiers.urls import url

pytestmark = pytest.mark.unit

EXTENSIES = ["toc", "attr_list", "md_in_html", "tables", "admonition"]


def _html(tekst: str) -> str:
    return python_markdown.markdown(tekst, extensions=EXTENSIES)


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
