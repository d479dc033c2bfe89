"""The matrix page of a dossier: kerntaken/werkprocessen × profielen, competences ×
profielen, vakkennis categories × profielen, and links to every pairwise comparison."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.matrix import Cel, competentie_tellingen, matrix_rijen, vakkennis_rijen
from kwalificatiedossiers.model import Dossier
from kwalificatiedossiers.opmaak import (
    alinea,
    esc,
    esc_afbreekbaar,
    esc_attr,
    href,
    kop,
    lijst,
    link,
    samen,
)
from kwalificatiedossiers.paginas.basis import (
    Kruimel,
    Pagina,
    kruimels_dossier,
    vergelijkingspagina,
)
from kwalificatiedossiers.paginas.entiteiten import profielparen


def leeg(voor_schermlezer: str) -> str:
    """An empty matrix cell: words for a screen reader, a dash on screen (drawn by site.css;
    matrices have thousands of empty cells, so the markup is kept short)."""
    return f'<span class="kd-leeg">{voor_schermlezer}</span>'


LEEG = leeg("niet in dit profiel")


def paginas(index: Index, dossier: Dossier) -> Iterator[Pagina]:
    """The matrix page of a dossier with more than one profiel."""
    if len(dossier.profielen) > 1:
        yield matrix_pagina(index, dossier)


def html_tabel(
    bijschrift: str,
    hoekkop: str,
    kolomkoppen: Sequence[str],
    rijen: Sequence[tuple[str, Sequence[str], str]],
    leeg_cel: str = LEEG,
    *,
    smal: bool = False,
) -> str:
    """An accessible matrix: caption, column and row headers with scope.

    ``rijen`` holds (row header HTML, cell HTML per column, row class); an empty cell shows
    ``leeg_cel``; ``smal`` gives narrow, centred columns (for grids of marks). A matrix wider
    than the page scrolls sideways inside its own focusable region (never vertically), so the
    page itself never scrolls sideways.
    """
    regels = [
        # A grid of marks prints on a landscape page of its own (site.css: .kd-breed).
        (f'<div class="kd-tabel{" kd-breed" if smal else ""}" role="region" tabindex="0" '
         f'aria-label="{esc_attr(bijschrift)}">'),
        '<table class="kd-matrix kd-matrix--smal">' if smal else '<table class="kd-matrix">',
        f"<caption>{esc(bijschrift)}</caption>",
        "<thead><tr>"
         f'<th scope="col">{hoekkop}</th>'
        + "".join(f'<th scope="col">{k}</th>' for k in kolomkoppen)
        + "</tr></thead>",
        "<tbody>",
    ]
    for rijkop, cellen, klasse in rijen:
        regels.append(
            f'<tr class="{klasse}"><th scope="row">{rijkop}</th>'
            + "".join(f"<td>{cel or leeg_cel}</td>" for cel in cellen)
            + "</tr>"
        )
    regels += ["</tbody>", "</table>", "</div>"]
    return "\n".join(regels)


def profielkop(dossier: Dossier, src: str, code: str) -> str:
    """Column header: linked profiel code and name, niveau and crebo."""
    profiel = next(p for p in dossier.profielen if p.code == code)
    details = f"niveau {profiel.niveau}" + (f" · crebo {esc(profiel.crebo)}"
                                             if profiel.crebo else "")
    return (
        f'<a href="{href(src, urls.entiteit_src(dossier.id, code))}">'
        f"{esc(code)} {esc_afbreekbaar(profiel.titel)}</a>"
        f'<br><span class="kd-matrix__details">{details}</span>'
    )


def cellinks(src: str, cellen: list[Cel]) -> str:
    """The linked codes of one cell."""
    return "<br>".join(f'<a href="{href(src, c.src)}">{esc(c.code)}</a>' for c in cellen)


def matrix_pagina(index: Index, dossier: Dossier) -> Pagina:
    """The comparison page of a dossier."""
    src = urls.matrix_src(dossier.id)
    codes = [p.code for p in dossier.profielen]
    koppen = [profielkop(dossier, src, c) for c in codes]

    werkrijen = [
        (
            esc(rij.titel)
            + (' <span class="kd-matrix__details">(basisdeel)</span>' if rij.basisdeel else ""),
            [cellinks(src, rij.cellen.get(c, [])) for c in codes],
            f"kd-matrix__{rij.soort}",
        )
        for rij in matrix_rijen(dossier)
    ]
    tellingen = competentie_tellingen(index, dossier)
    competentierijen = [
        (
            (f'<a href="{href(src, urls.competentie_src(comp.code))}">'
            f"{esc(comp.code)} {esc(comp.naam)}</a>"),
            [
                (f'<a href="{href(src, urls.entiteit_src(dossier.id, c))}'
                 f'#competentie-{comp.code.lower()}">{tellingen[c][comp.code]}'
                 f'<span class="kd-sr"> werkprocessen</span></a>')
                if tellingen[c][comp.code] else ""
                for c in codes
            ],
            "kd-matrix__werkproces",
        )
        for comp in index.competenties.values()
    ]
    vakkennisrijen = [
        (esc(naam), [cellinks(src, cellen.get(c, [])) for c in codes],
         "kd-matrix__werkproces")
        for naam, cellen in vakkennis_rijen(dossier)
    ]
    paren = profielparen(dossier)
    delen = [
        kop(1, f"Profielen vergelijken: {dossier.titel}"),
        alinea("Welke kerntaken en werkprocessen de profielen van dit dossier delen. "
               "Werkprocessen met dezelfde titel staan op één rij, ook als hun code per profiel "
               "verschilt. Rijen van het basisdeel gelden voor alle profielen."),
        kop(2, "Kerntaken en werkprocessen", "werkprocessen"),
        html_tabel(f"Kerntaken en werkprocessen per profiel ({dossier.titel})",
                   "Kerntaak / werkproces", koppen, werkrijen),
        kop(2, "Competenties", "competenties"),
        alinea("In hoeveel werkprocessen van elk profiel (basisdeel meegeteld) een competentie "
               "genoemd wordt. Een getal linkt naar die werkprocessen."),
        html_tabel(f"Competenties per profiel ({dossier.titel})", "Competentie", koppen,
                   competentierijen),
        kop(2, "Vakkennis en vaardigheden", "vakkennis"),
        alinea("Bij welke kerntaken van elk profiel een categorie vakkennis en vaardigheden "
               "voorkomt."),
        html_tabel(f"Vakkennis en vaardigheden per profiel ({dossier.titel})", "Categorie",
                   koppen, vakkennisrijen),
        kop(2, "Twee profielen naast elkaar", "paren"),
        lijst(
            link(f"{a.code} {a.titel} en {b.code} {b.titel}", src,
                 urls.vergelijk_src(dossier.id, a.code, b.code))
            for a, b in paren
        ),
    ]
    return vergelijkingspagina(
        src, f"Profielen vergelijken: {dossier.titel}",
        (*kruimels_dossier(dossier), Kruimel("Profielen vergelijken", None)),
        samen(delen), "matrix",
        f"Matrix van de profielen van {dossier.titel}: gedeelde en verschillende kerntaken, "
        "werkprocessen, competenties en vakkennis.",
        met_inhoudsopgave=False,
    )
