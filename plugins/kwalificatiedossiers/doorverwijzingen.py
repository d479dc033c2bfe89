"""Short and pinned links: real pages that redirect.

- ``/<crebo>/`` leads to the dossier or profiel with that crebo.
- ``/<id>/<versie>/<code>/`` is the version-pinned address of every page of the current
  version (``/<id>/<versie>/`` of its dossier page), so that a teacher can cite the version they
  taught; it leads to ``/<id>/<code>/`` until that version is replaced, after which the version's
  own pages live there (:mod:`kwalificatiedossiers.paginas.versies`).

Static pages (not server rules) so that they work on GitHub Pages and from a folder; they
redirect with ``<meta http-equiv="refresh">``, name the canonical page, and show a plain link for
anyone whose browser does not follow the refresh.
"""

from __future__ import annotations

import html
import posixpath

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Entiteit, Index
from kwalificatiedossiers.paginas import Bestand
from kwalificatiedossiers.paginas.versies import versieslug

_SJABLOON = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{kop}: {titel}</title>
<link rel="canonical" href="{doel}">
<meta http-equiv="refresh" content="0; url={doel}">
</head>
<body>
<main>
<h1>{kop}</h1>
<p>{zin} <a href="{doel}">{titel}</a>.</p>
</main>
</body>
</html>
"""


def doorverwijzing(src: str, entiteit: Entiteit, kop: str, zin: str) -> Bestand:
    """A page at ``src`` (``…/index.html``) that leads to an entity's page."""
    doel = posixpath.relpath(entiteit.url or ".", posixpath.dirname(src)) + "/"
    return Bestand(src, _SJABLOON.format(
        kop=html.escape(kop), zin=html.escape(zin), titel=html.escape(entiteit.label),
        doel=html.escape(doel)))


def doorverwijzingen(index: Index) -> list[Bestand]:
    """A redirecting page per dossier and profiel crebo, and per page of every current
    version at its version-pinned address."""
    bestanden = [doorverwijzing(urls.crebo_src(crebo), entiteit, f"Crebo {crebo}",
                                f"Crebo {crebo} is")
                 for crebo, entiteit in sorted(index.crebos.items())]
    for dossier in index.corpus.dossiers:
        slug = versieslug(dossier)
        if not slug:
            continue
        omschrijving = dossier.editie().omschrijving()
        for entiteit in sorted(index.entiteiten_van(dossier.id), key=lambda e: e.code):
            code = entiteit.code
            pad = f"{dossier.id}/{slug}" + (f"/{urls.code_slug(code)}" if code else "")
            bestanden.append(doorverwijzing(
                f"{pad}/index.html", entiteit, f"{dossier.titel}, versie {omschrijving}",
                "Deze versie is de huidige:"))
    return bestanden
