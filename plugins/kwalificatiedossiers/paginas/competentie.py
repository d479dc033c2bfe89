"""The competence pages: an overview of the 25, a page per competence and, per competence, a
page per dossier that names it.

A competence page must stay small however many dossiers the site holds (a national site names
competence J in thousands of werkprocessen). While the werkprocessen that name a competence fit
:data:`INLINE_MAX`, its page lists them itself, grouped by dossier; beyond that it lists the
dossiers, each with its count, and the werkprocessen are on the dossier's own page for the
competence (``/competenties/j/<dossier>/``), which exists whatever the size.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import CompetentieGebruik, Index, dossiernaam
from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.opmaak import alinea, esc, kop, lijst, link, samen, tabel
from kwalificatiedossiers.paginas.basis import HOME, Kruimel, Pagina

OVERZICHT = Kruimel("Competenties", urls.competenties_src())
INLINE_MAX = 150
"""The most werkprocessen a competence page lists itself (about 40 KB of HTML)."""


def paginas(index: Index) -> Iterator[Pagina]:
    """The overview and a page per competence (they read every dossier)."""
    yield overzicht(index)
    for competentie in index.competenties.values():
        per_dossier = _per_dossier(index.gebruik.get(competentie.code, []))
        yield competentie_pagina(index, competentie.code, per_dossier)


def paginas_van_dossier(index: Index, dossier: AnyDossier) -> Iterator[Pagina]:
    """A page per competence the dossier names: its werkprocessen that name it."""
    for competentie in index.competenties.values():
        if gebruik := index.gebruik_in(dossier.id, competentie.code):
            yield dossier_pagina(index, competentie.code, dossier.id, gebruik)


def _per_dossier(gebruik: list[CompetentieGebruik]
                 ) -> list[tuple[str, list[CompetentieGebruik]]]:
    """The uses of a competence grouped by dossier, in the index's order."""
    return [(dossier_id, list(groep))
            for dossier_id, groep in groupby(gebruik, key=lambda g: g.dossier_id)]


def overzicht(index: Index) -> Pagina:
    """All 25 competences with the number of werkprocessen and dossiers that name each."""
    src = urls.competenties_src()
    body = samen([
        kop(1, "Competenties"),
        alinea("SBB beschrijft in de kwalificatiedossiers 25 generieke competenties (A tot en "
               "met Y). Per werkproces noemt een dossier de onderliggende competenties. Hier "
               "staat per competentie welke werkprocessen, uit alle dossiers op deze site, haar "
               "noemen."),
        tabel(["Code", "Competentie", "Aantal werkprocessen", "Aantal dossiers"], [
            [esc(c.code), link(c.naam, src, urls.competentie_src(c.code)),
             str(len(index.gebruik.get(c.code, []))),
             str(len({g.dossier_id for g in index.gebruik.get(c.code, [])}))]
            for c in index.competenties.values()
        ]),
    ])
    return Pagina(
        src=src, titel="Competenties", body=body, soort="competenties",
        kruimelpad=(HOME, Kruimel("Competenties", None)),
        beschrijving="De 25 generieke competenties (A–Y) en de werkprocessen die ze noemen.",
    )


def componenten(index: Index, code: str, dossier_id: str, src: str) -> list[str]:
    """What the competence means where a competentiegericht dossier says so: the componenten it
    lists for it in deel C (empty for other dossiers)."""
    namen = index.componenten.get(code, {}).get(dossier_id)
    if not namen:
        return []
    dossier = index.corpus.dossier(dossier_id)
    return [
        alinea(f"Bron: deel C van het kwalificatiedossier "
               f"{link(dossiernaam(dossier), src, urls.dossier_src(dossier_id))}. Per "
               "uitstroom en werkproces noemt het de componenten van deze competentie; samen "
               "zijn dat:"),
        lijst(esc(naam) for naam in namen),
    ]


def werkproceslijst(src: str, gebruik: list[CompetentieGebruik]) -> str:
    """The werkprocessen of one dossier that name the competence, with where they apply."""
    return lijst(link(f"{g.code} {g.titel}", src, g.src) + f" — {esc(g.context)}"
                 for g in gebruik)


def competentie_pagina(index: Index, code: str,
                       per_dossier: list[tuple[str, list[CompetentieGebruik]]]) -> Pagina:
    """The page of one competence."""
    competentie = index.competenties[code]
    src = urls.competentie_src(code)
    aantal = sum(len(gebruik) for _, gebruik in per_dossier)
    inline = aantal <= INLINE_MAX
    delen = [
        kop(1, f"{code} {competentie.naam}"),
        alinea(f"{esc(competentie.naam)} is competentie {esc(code)} van de 25 generieke "
               "competenties die SBB in de kwalificatiedossiers gebruikt."),
    ]
    if inline and any(code in index.componenten and d in index.componenten[code]
                      for d, _ in per_dossier):
        delen.append(kop(2, "Componenten volgens de dossiers", "componenten"))
        for dossier_id, _ in per_dossier:
            eigen = componenten(index, code, dossier_id, src)
            if eigen:
                delen += [kop(3, dossiernaam(index.corpus.dossier(dossier_id)),
                              f"componenten-{dossier_id}"), *eigen]
    delen.append(kop(2, "Werkprocessen die deze competentie noemen", "werkprocessen"))
    if not per_dossier:
        delen.append(alinea("Geen werkproces op deze site noemt deze competentie."))
    elif inline:
        for dossier_id, gebruik in per_dossier:
            delen += [kop(3, f"{gebruik[0].dossier_titel} ({len(gebruik)})",
                          f"dossier-{dossier_id}"),
                      werkproceslijst(src, gebruik)]
    else:
        delen += [
            alinea(f"{aantal} werkprocessen in {len(per_dossier)} dossiers. Per dossier staan "
                   "ze op een eigen pagina:"),
            lijst(
                f'<span id="dossier-{dossier_id}">'
                + link(gebruik[0].dossier_titel, src,
                       urls.competentie_in_dossier_src(code, dossier_id))
                + f" ({len(gebruik)})</span>"
                for dossier_id, gebruik in per_dossier
            ),
        ]
    return Pagina(
        src=src,
        titel=f"{code} {competentie.naam}",
        body=samen(delen),
        soort="competentie",
        kruimelpad=(HOME, OVERZICHT, Kruimel(f"{code} {competentie.naam}", None)),
        beschrijving=f"Competentie {code} {competentie.naam}: {aantal} werkprocessen "
        f"in {len(per_dossier)} dossiers.",
    )


def dossier_pagina(index: Index, code: str, dossier_id: str,
                   gebruik: list[CompetentieGebruik]) -> Pagina:
    """The werkprocessen of one dossier that name a competence."""
    competentie = index.competenties[code]
    dossier = index.corpus.dossier(dossier_id)
    src = urls.competentie_in_dossier_src(code, dossier_id)
    naam = f"{code} {competentie.naam}"
    delen = [
        kop(1, f"{naam} in {dossiernaam(dossier)}"),
        alinea(f"De werkprocessen van "
               f"{link(dossiernaam(dossier), src, urls.dossier_src(dossier_id))} die competentie "
               f"{link(naam, src, urls.competentie_src(code))} noemen."),
    ]
    eigen = componenten(index, code, dossier_id, src)
    if eigen:
        delen += [kop(2, "Componenten volgens het dossier", "componenten"), *eigen]
    delen += [kop(2, f"Werkprocessen ({len(gebruik)})", "werkprocessen"),
              werkproceslijst(src, gebruik)]
    return Pagina(
        src=src,
        titel=f"{naam} in {dossiernaam(dossier)}",
        body=samen(delen),
        soort="competentie",
        kruimelpad=(HOME, OVERZICHT, Kruimel(naam, urls.competentie_src(code)),
                    Kruimel(dossiernaam(dossier), None)),
        beschrijving=f"Competentie {naam}: de {len(gebruik)} werkprocessen van "
        f"{dossiernaam(dossier)} die haar noemen.",
    )
