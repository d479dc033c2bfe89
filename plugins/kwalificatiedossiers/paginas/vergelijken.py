"""Two profielen of any dossiers and versions compared in the browser (``/vergelijken/``), and
the picker that leads there from every profiel and uitstroom page.

A dossier has a generated page per pair of its own profielen
(:mod:`~kwalificatiedossiers.paginas.vergelijk`); across dossiers and versions the pairs would
grow quadratically (some 125,000 for ~500 profielen), so this is one page. Its address names
both profielen (``/vergelijken/?a=commercie/p4&b=pedagogisch-werk/p1``, see
:func:`~kwalificatiedossiers.urls.profiel_ref`), so it can be shared; ``vergelijken.js`` reads
the two from the export (:mod:`~kwalificatiedossiers.vergelijkexport`) and renders them with the
markup and classes of the compare pages, the word difference by ``woordverschil.js`` (the same
as :mod:`~kwalificatiedossiers.woordverschil`). The pickers (``profielkiezer.js``) fetch the
index of all profielen, so neither page grows with the corpus.
"""

from __future__ import annotations

from kwalificatiedossiers import urls
from kwalificatiedossiers.opmaak import alinea, href, kop, link, samen
from kwalificatiedossiers.paginas.basis import (
    HOME,
    SCRIPTS_KIEZER,
    Kruimel,
    Pagina,
    api_map,
    profielkiezer,
)

SCRIPTS = ("woordverschil.js", *SCRIPTS_KIEZER, "vergelijken.js")
"""The scripts of the compare page."""
TITEL = "Profielen vergelijken"


def vergelijken_pagina() -> Pagina:
    """The compare page: a picker for both sides, the place the comparison goes, and without
    script a note on where to compare instead."""
    src = urls.vergelijken_src()
    opleidingen = link("Opleidingen", src, urls.opleidingen_src())
    body = samen([
        kop(1, TITEL),
        alinea("Vergelijk twee profielen of uitstromen woord voor woord, ook uit verschillende "
               "dossiers of versies. Het adres van deze pagina noemt beide: deel het om de "
               "vergelijking te delen."),
        # Shown by vergelijken.js, and folded away once a comparison is on the page.
        '<details class="kd-uitklap" id="kd-kiezen" open hidden>'
        "<summary>Profielen kiezen</summary>"
        + profielkiezer(src, None, "Tweede profiel") + "</details>",
        "<noscript>" + alinea(
            "<strong>Deze vergelijking werkt alleen met JavaScript.</strong> Zonder "
            "JavaScript kun je de profielen van één dossier vergelijken: kies bij "
            f"{opleidingen} een dossier en open daar ‘Profielen vergelijken’ (bij oudere "
            "dossiers ‘Uitstromen vergelijken’); elk paar profielen heeft daar een eigen "
            "pagina.") + "</noscript>",
        '<p class="kd-vergelijken__status" role="status" id="kd-vergelijkstatus"></p>',
        (f'<div class="kd-vergelijken" id="kd-vergelijking" data-kd-root="{href(src, "index.md")}"'
         f' data-kd-api="{api_map(src)}"></div>'),
    ])
    return Pagina(
        src=src,
        titel=TITEL,
        body=body,
        soort="vergelijken",
        kruimelpad=(HOME, Kruimel(TITEL, None)),
        zoekbaar=False,
        extra={"hide": ["navigation", "toc"], "scripts": list(SCRIPTS)},
        beschrijving="Vergelijk twee profielen of uitstromen van de mbo-kwalificatiedossiers "
        "woord voor woord, ook uit verschillende dossiers en versies.",
    )
