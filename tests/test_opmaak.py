"""HTML of generated pages: escaping, heading ids as the ``toc`` extension made them, the table
of contents, and links."""

from __future__ import annotations

import html
import re

import markdown as python_markdown
import pytest

from kwalificatiedossiers.opmaak import (
    esc,
    esc_attr,
    href,
    kop,
    lijst,
    maak_pagina_html,
    samen,
    slug,
    tekst,
)

pytestmark = pytest.mark.unit

VIJANDIG = [
    "<script>alert(1)</script>",
    "*nadruk* en __vet__ en `code`",
    "[link](https://example.invalid) ![beeld](x.png)",
    "{{ config.site_name }} {% raw %}",
    "&amp; &lt; \\* \\\\",
    "--- \n=== \n!!! danger \"x\"\n# kop",
]


@pytest.mark.parametrize("regel", VIJANDIG)
def test_data_blijft_letterlijk_in_html_en_in_markdown(regel: str) -> None:
    # A generated page shows the text as it is; so does a hand-written Markdown page that
    # receives the same HTML from a macro (Markdown and attr_list must not read it either).
    blok = samen(['<div class="kd-kaart">', tekst(regel), lijst([esc(regel)]), "</div>"])
    for gevaarlijk in ("<script", "{{", "*", "`", "["):
        assert gevaarlijk not in blok
    als_markdown = python_markdown.markdown(f"Inleiding.\n\n{blok}\n\nSlot.",
                                            extensions=["attr_list", "md_in_html", "tables"])
    zichtbaar = " ".join(regel.split())
    for stuk in (als_markdown, blok):
        tekstdelen = _tekst(stuk)
        assert tekstdelen.count(zichtbaar) == 2, (stuk, zichtbaar)


def _tekst(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_esc_attr_blokkeert_tags_en_jinja() -> None:
    assert esc_attr('<a href="x">{{ y }}</a>') == (
        "&lt;a href=&quot;x&quot;&gt;&#123;&#123; y &#125;&#125;&lt;/a&gt;")


@pytest.mark.parametrize(("tekst_", "verwacht"), [
    ("Vakkennis en vaardigheden", "vakkennis-en-vaardigheden"),
    ("Beïnvloeden & overtuigen", "beinvloeden-overtuigen"),
    ("  Rekenen:  niveau 2F ", "rekenen-niveau-2f"),
    ("***", ""),
])
def test_slug_zoals_de_toc_extensie(tekst_: str, verwacht: str) -> None:
    assert slug(tekst_) == verwacht


def test_ids_van_koppen_zijn_uniek_en_vaste_ankers_blijven() -> None:
    body = samen([
        kop(1, "Titel"),
        kop(2, "Gedrag", "gedrag"),
        kop(3, "Gedrag"),
        kop(3, "Gedrag"),
        kop(3, "***"),
        kop(2, "Resultaat", "resultaat"),
    ])
    pagina = maak_pagina_html(body)
    assert [(t.niveau, t.id) for t in pagina.toc] == [(1, "titel")]
    (titel,) = pagina.toc
    assert [(t.id, [k.id for k in t.kinderen]) for t in titel.kinderen] == [
        ("gedrag", ["gedrag_1", "gedrag_2", "_1"]), ("resultaat", [])]
    assert pagina.ankers == {"titel", "gedrag", "gedrag_1", "gedrag_2", "_1", "resultaat"}
    assert 'href="#gedrag_1"' in pagina.html
    assert "\x00" not in pagina.html


def test_toc_token_zoals_mkdocs_het_leest() -> None:
    pagina = maak_pagina_html(samen([kop(1, "A < B"), kop(2, "C & D", "c")]))
    assert pagina.toc[0].als_token() == {
        "level": 1, "id": "a-b", "name": "A &lt; B",
        "children": [{"level": 2, "id": "c", "name": "C &amp; D", "children": []}],
    }


@pytest.mark.parametrize(("van", "naar", "verwacht"), [
    ("commercie/p4-k1-w2.md", "commercie/p4.md", "../p4/"),
    ("commercie/p4-k1-w2.md", "commercie/index.md#basisdeel", "../#basisdeel"),
    ("commercie/index.md", "commercie/p4.md", "p4/"),
    ("index.md", "competenties/j.md", "competenties/j/"),
    ("commercie/p4.md", "#gedrag", "#gedrag"),
    ("commercie/vergelijk/p1-p4.md", "commercie/p1.md", "../../p1/"),
    ("commercie/matrix.md", "commercie/p4-k1-w1.md", "../p4-k1-w1/"),
    ("commercie/vergelijk/p1-p4.md", "commercie/p4-k1-w1.md", "../../p4-k1-w1/"),
    ("commercie/index.md", "commercie/p4.md#competentie-e", "p4/#competentie-e"),
    ("commercie/matrix.md", "commercie/index.md", "../"),
    ("commercie/matrix.md", "competenties/e.md", "../../competenties/e/"),
])
def test_href_naar_de_map_van_een_pagina(van: str, naar: str, verwacht: str) -> None:
    assert href(van, naar) == verwacht
