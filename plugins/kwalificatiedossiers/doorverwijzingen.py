"""Crebo short links: ``/<crebo>/`` is a real page that redirects to the dossier or profiel.

A static page (not a server rule) so that it works on GitHub Pages and from a folder; it
redirects with ``<meta http-equiv="refresh">``, names the canonical page, and shows a plain link
for anyone whose browser does not follow the refresh.
"""

from __future__ import annotations

import html
import posixpath

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.paginas import Bestand

_SJABLOON = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>Crebo {crebo}: {titel}</title>
<link rel="canonical" href="{doel}">
<meta http-equiv="refresh" content="0; url={doel}">
</head>
<body>
<main>
<h1>Crebo {crebo}</h1>
<p>Crebo {crebo} is <a href="{doel}">{titel}</a>.</p>
</main>
</body>
</html>
"""


def doorverwijzingen(index: Index) -> list[Bestand]:
    """A redirecting page per dossier and profiel crebo."""
    bestanden = []
    for crebo, entiteit in sorted(index.crebos.items()):
        src = urls.crebo_src(crebo)
        doel = posixpath.relpath(entiteit.url, posixpath.dirname(src)) + "/"
        label = entiteit.titel if entiteit.soort == "dossier" else (
            f"{entiteit.code} {entiteit.titel}")
        bestanden.append(Bestand(src, _SJABLOON.format(
            crebo=crebo, titel=html.escape(label), doel=html.escape(doel))))
    return bestanden
