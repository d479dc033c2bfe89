"""The competence pages: an overview of the 25 and a page per competence that lists every
werkproces, across all dossiers, that names it."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index, dossiernaam
from kwalificatiedossiers.opmaak import alinea, esc, kop, lijst, link, samen, tabel
from kwalificatiedossiers.paginas.basis import HOME, Kruimel, Pagina

OVERZICHT = Kruimel("Competenties", urls.competenties_src())


def paginas(index: Index) -> Iterator[Pagina]:
    """The overview and one page per competence."""
    yield overzicht(index)
    for competentie in index.competenties.values():
        yield competentie_pagina(index, competentie.code)


def overzicht(index: Index) -> Pagina:
    """All 25 competences with the number of werkprocessen that name each."""
    src = urls.competenties_src()
    body = samen([
        kop(1, "Competenties"),
        alinea("SBB beschrijft in de kwalificatiedossiers 25 generieke competenties (A tot en "
               "met Y). Per werkproces noemt een dossier de onderliggende competenties. Hier "
               "staat per competentie welke werkprocessen, uit alle dossiers op deze site, haar "
               "noemen."),
        tabel(["Code", "Competentie", "Aantal werkprocessen"], [
            [esc(c.code), link(c.naam, src, urls.competentie_src(c.code)),
             str(len(index.gebruik.get(c.code, [])))]
            for c in index.competenties.values()
        ]),
    ])
    return Pagina(
        src=src, titel="Competenties", body=body, soort="competenties",
        kruimelpad=(HOME, Kruimel("Competenties", None)),
        beschrijving="De 25 generieke competenties (A–Y) en de werkprocessen die ze noemen.",
    )


def componenten(index: Index, code: str, src: str) -> list[str]:
    """What the competence means where a dossier says so: the componenten that competentiegericht
    dossiers list for it in deel C, per dossier and labelled with their source."""
    per_dossier = index.componenten.get(code, {})
    if not per_dossier:
        return []
    delen = [kop(2, "Componenten volgens de dossiers", "componenten")]
    for dossier_id, namen in sorted(per_dossier.items()):
        dossier = index.corpus.dossier(dossier_id)
        delen += [
            kop(3, dossiernaam(dossier), f"componenten-{dossier_id}"),
            alinea(f"Bron: deel C van het kwalificatiedossier "
                   f"{link(dossiernaam(dossier), src, urls.dossier_src(dossier_id))}. Per "
                   "uitstroom en werkproces noemt het de componenten van deze competentie; samen "
                   "zijn dat:"),
            lijst(esc(naam) for naam in namen),
        ]
    return delen


def competentie_pagina(index: Index, code: str) -> Pagina:
    """The page of one competence."""
    competentie = index.competenties[code]
    src = urls.competentie_src(code)
    gebruik = index.gebruik.get(code, [])
    delen = [
        kop(1, f"{code} {competentie.naam}"),
        alinea(f"{esc(competentie.naam)} is competentie {esc(code)} van de 25 generieke "
               "competenties die SBB in de kwalificatiedossiers gebruikt."),
        *componenten(index, code, src),
        kop(2, "Werkprocessen die deze competentie noemen", "werkprocessen"),
    ]
    if not gebruik:
        delen.append(alinea("Geen werkproces op deze site noemt deze competentie."))
    aantal_dossiers = 0
    for (dossier_id, dossier_titel), groep in groupby(
        gebruik, key=lambda g: (g.dossier_id, g.dossier_titel)
    ):
        aantal_dossiers += 1
        items = list(groep)
        delen.append(kop(3, f"{dossier_titel} ({len(items)})", f"dossier-{dossier_id}"))
        delen.append(lijst(
            link(f"{g.code} {g.titel}", src, g.src) + f" — {esc(g.context)}" for g in items
        ))
    return Pagina(
        src=src,
        titel=f"{code} {competentie.naam}",
        body=samen(delen),
        soort="competentie",
        kruimelpad=(HOME, OVERZICHT, Kruimel(f"{code} {competentie.naam}", None)),
        beschrijving=f"Competentie {code} {competentie.naam}: {len(gebruik)} werkprocessen "
        f"in {aantal_dossiers} dossiers.",
    )
