"""Embeddable cards: a small page per werkproces (``<werkproces>/kaart/``) for an iframe in a
learning environment, with what a student is judged on and a link back to the full page.

Static files like the crebo short links, not MkDocs pages: no menu, header or search, one style
sheet, and no cost per page in the build. The same card is what the ``werkproces_kaart`` macro
puts into a hand-written page.
"""

from __future__ import annotations

from kwalificatiedossiers import urls
from kwalificatiedossiers.bijwerken import PerDossier, elk_dossier
from kwalificatiedossiers.index import Entiteit, Index
from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.opmaak import esc
from kwalificatiedossiers.paginas import Bestand

_SJABLOON = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{titel}</title>
<link rel="canonical" href="../">
<link rel="stylesheet" href="{stijl}">
<base target="_blank">
</head>
<body>
<main class="kd-kaart">
{inhoud}
<p class="kd-kaart__terug"><a href="../">Het hele werkproces op {site}</a></p>
</main>
</body>
</html>
"""


def kaart(index: Index, entiteit: Entiteit, van: str) -> str:
    """The card of a werkproces entity as it stands in page ``van``."""
    dossier = index.corpus.dossier(entiteit.dossier_id)
    return index.corpus.formaat(dossier).werkproceskaart(index, entiteit, van)


def kaarten(index: Index, site_naam: str, cache: PerDossier[list[Bestand]] | None = None
            ) -> list[Bestand]:
    """A card page per werkproces, by dossier in entity order (a dossier's cards from
    ``cache`` when nothing they show changed)."""
    def van_dossier(index: Index, dossier: AnyDossier) -> list[Bestand]:
        return [_kaartpagina(index, entiteit, site_naam)
                for entiteit in index.entiteiten_van(dossier.id)
                if entiteit.soort == "werkproces"]

    return elk_dossier(index, (*index.corpus.dossiers, *index.corpus.versies), van_dossier,
                       cache, site_naam)


def _kaartpagina(index: Index, entiteit: Entiteit, site_naam: str) -> Bestand:
    src = urls.kaart_src(entiteit.src)
    return Bestand(src, _SJABLOON.format(
        titel=esc(f"{entiteit.code} {entiteit.titel}"),
        stijl="../" * src.count("/") + "assets/kwalificatiedossiers/kaart.css",
        inhoud=kaart(index, entiteit, src),
        site=esc(site_naam),
    ))
