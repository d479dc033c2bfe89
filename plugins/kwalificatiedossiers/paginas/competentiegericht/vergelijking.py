"""The matrix page of a competentiegericht dossier (werkproces × uitstroom, competentie ×
uitstroom) and a compare page per pair of uitstromen, down to the word."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import Any

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index, dossiernaam
from kwalificatiedossiers.model.competentiegericht import (
    CompetentieUitwerking,
    DossierCompetentiegericht,
    Uitstroom,
    WerkprocesUitwerking,
)
from kwalificatiedossiers.model.tekst import platte_tekst
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
    tabel,
)
from kwalificatiedossiers.paginas.basis import (
    Kruimel,
    Pagina,
    kruimels_dossier,
    vergelijkingspagina,
)
from kwalificatiedossiers.paginas.matrix import html_tabel, leeg
from kwalificatiedossiers.paginas.vergelijk import (
    Veld,
    andere_paren,
    competentienamen,
    keuzeformulier,
    legenda,
    tellingverschil,
    veldrijen,
    verschiltabel,
)
from kwalificatiedossiers.uitwerkingen import kerntaakcode

NIET_IN_UITSTROOM = leeg("niet in deze uitstroom")
NIET_AANGEKRUIST = leeg("niet aangekruist")
AANGEKRUIST = '<span aria-hidden="true">×</span><span class="kd-sr">aangekruist</span>'
VERWIJZING = "Zie de eerste competentie van dit werkproces"
"""How the reference instead of vakkennis reads (the source's own words)."""


def paginas(index: Index, dossier: DossierCompetentiegericht) -> Iterator[Pagina]:
    """The matrix page and a compare page per pair of uitstromen."""
    if len(dossier.uitstromen) < 2:
        return
    yield matrix_pagina(index, dossier)
    for a, b in uitstroomparen(dossier):
        yield vergelijk_pagina(index, dossier, a, b)


def uitstroomparen(dossier: DossierCompetentiegericht) -> list[tuple[Uitstroom, Uitstroom]]:
    """Every pair of uitstromen, in code order."""
    return list(combinations(dossier.uitstromen, 2))


def uitstroomkop(dossier: DossierCompetentiegericht, src: str, uitstroom: Uitstroom) -> str:
    """Column header: linked uitstroom code and name, niveau."""
    return (
        f'<a href="{href(src, urls.entiteit_src(dossier.id, uitstroom.code))}">'
        f"{esc(uitstroom.code)} {esc_afbreekbaar(uitstroom.titel)}</a>"
        f'<br><span class="kd-matrix__details">niveau {uitstroom.niveau}</span>'
    )


def _a(src: str, doel: str, tekst: str) -> str:
    return f'<a href="{href(src, doel)}">{esc(tekst)}</a>'


def overzichtstabel(index: Index, dossier: DossierCompetentiegericht, src: str) -> str:
    """Kerntaken and werkprocessen × uitstromen, computed from the uitwerking (deel C): a cell
    links to that uitstroom's uitwerking of the werkproces."""
    uitwerkingen = index.uitwerkingen(dossier)
    lidmaatschap = uitwerkingen.lidmaatschap()
    rijen: list[tuple[str, Sequence[str], str]] = []
    for code, kerntaak in uitwerkingen.kerntaken.items():
        kerntaak_src = urls.entiteit_src(dossier.id, code)
        heeft = {u.code for u in uitwerkingen.uitstromen_van_kerntaak(kerntaak)}
        rijen.append((
            _a(src, kerntaak_src, f"Kerntaak {kerntaak.nummer}: {kerntaak.titel}"),
            [_a(src, kerntaak_src, f"Kerntaak {kerntaak.nummer}") if u.code in heeft else ""
             for u in dossier.uitstromen],
            "kd-matrix__kerntaak",
        ))
        for w in kerntaak.werkprocessen:
            rijen.append((
                _a(src, urls.entiteit_src(dossier.id, w.code), f"{w.code} {w.titel}"),
                [_a(src, urls.uitwerking_src(dossier.id, w.code, u.code), w.code)
                 if u.code in lidmaatschap[w.code] else "" for u in dossier.uitstromen],
                "kd-matrix__werkproces",
            ))
    return html_tabel(
        f"Werkprocessen per uitstroom: {dossiernaam(dossier)}", "Kerntaak / werkproces",
        [uitstroomkop(dossier, src, u) for u in dossier.uitstromen], rijen, NIET_IN_UITSTROOM)


def competentiekop(index: Index, src: str, code: str) -> str:
    """A column header for competence ``code``: its letter, its name for screen readers and
    on hover, linked to its page."""
    naam = esc(index.competenties[code].naam)
    return (f'<a href="{href(src, urls.competentie_src(code))}" '
            f'title="{esc_attr(index.competenties[code].naam)}">{esc(code)}'
            f'<span class="kd-sr"> {naam}</span></a>')


def matrixtabel(index: Index, dossier: DossierCompetentiegericht, src: str, bijschrift: str,
                rijen: Sequence[tuple[str, Sequence[str]]]) -> str:
    """A proces-competentie-matrix as printed: werkprocessen × competences A–Y, with marks
    (``rijen``: werkproces code and the codes marked in its row)."""
    uitwerkingen = index.uitwerkingen(dossier)
    codes = list(index.competenties)
    return html_tabel(
        bijschrift, "Werkproces", [competentiekop(index, src, c) for c in codes],
        [
            (_a(src, urls.entiteit_src(dossier.id, werkproces),
                f"{werkproces} {uitwerkingen.werkprocessen[werkproces][1].titel}"),
             [AANGEKRUIST if c in gemarkeerd else "" for c in codes],
             "kd-matrix__werkproces")
            for werkproces, gemarkeerd in rijen
        ],
        NIET_AANGEKRUIST,
        smal=True,
    )


def matrix_pagina(index: Index, dossier: DossierCompetentiegericht) -> Pagina:
    """The comparison page of a competentiegericht dossier."""
    src = urls.matrix_src(dossier.id)
    uitwerkingen = index.uitwerkingen(dossier)
    koppen = [uitstroomkop(dossier, src, u) for u in dossier.uitstromen]
    tellingen = {u.code: uitwerkingen.competentie_telling(u) for u in dossier.uitstromen}
    competentierijen: list[tuple[str, Sequence[str], str]] = [
        (
            _a(src, urls.competentie_src(comp.code), f"{comp.code} {comp.naam}"),
            [
                (f'<a href="{href(src, urls.entiteit_src(dossier.id, u.code))}'
                 f'#competentie-{comp.code.lower()}">{tellingen[u.code][comp.code]}'
                 f'<span class="kd-sr"> werkprocessen</span></a>')
                if tellingen[u.code][comp.code] else ""
                for u in dossier.uitstromen
            ],
            "kd-matrix__werkproces",
        )
        for comp in index.competenties.values()
    ]
    verschillen = uitwerkingen.overzichtverschillen()
    delen = [
        kop(1, f"Uitstromen vergelijken: {dossiernaam(dossier)}"),
        alinea("Welke kerntaken en werkprocessen de uitstromen van dit dossier delen, en welke "
               "competenties ze in hun werkprocessen aanwenden. Een code linkt naar de "
               "uitwerking van het werkproces voor die uitstroom."),
        kop(2, "Kerntaken en werkprocessen", "werkprocessen"),
        alinea("Berekend uit de uitwerking per uitstroom (deel C). "
               + ("Het overzicht dat de bron zelf afdrukt (deel B 3) is gelijk, cel voor cel."
                  if not verschillen else
                  "Het overzicht dat de bron zelf afdrukt (deel B 3) wijkt hiervan af:")),
        lijst(esc(v) for v in verschillen) if verschillen else "",
        overzichtstabel(index, dossier, src),
        kop(2, "Competenties", "competenties"),
        alinea("In hoeveel werkprocessen van elke uitstroom deel C een competentie uitwerkt. Een "
               "getal linkt naar die werkprocessen."),
        html_tabel(f"Competenties per uitstroom: {dossiernaam(dossier)}", "Competentie", koppen,
                   competentierijen, leeg("niet in deze uitstroom")),
        kop(2, "Twee uitstromen naast elkaar", "paren"),
        lijst(
            link(f"{a.code} {a.titel} en {b.code} {b.titel}", src,
                 urls.vergelijk_src(dossier.id, a.code, b.code))
            for a, b in uitstroomparen(dossier)
        ),
    ]
    return vergelijkingspagina(
        src, f"Uitstromen vergelijken: {dossiernaam(dossier)}",
        (*kruimels_dossier(dossier), Kruimel("Uitstromen vergelijken", None)),
        samen(delen), "matrix",
        f"Matrix van de uitstromen van {dossiernaam(dossier)}: gedeelde en verschillende "
        "werkprocessen en competenties.",
        met_inhoudsopgave=False,
    )


def vakkennis_items(competentie: CompetentieUitwerking) -> list[str]:
    """The vakkennis of a competence as text items (the reference in the source's words)."""
    if isinstance(competentie.vakkennis, list):
        return list(competentie.vakkennis)
    return [VERWIJZING]


def uitwerkingvelden(index: Index, uitwerking: WerkprocesUitwerking) -> list[Veld]:
    """The rows of an uitstroom's uitwerking of a werkproces in a compare table: omschrijving,
    gewenst resultaat and competences, then per competence its componenten,
    prestatie-indicator and vakkennis (compared where both sides draw on the competence)."""
    velden = [
        Veld("omschrijving", "Omschrijving", tuple(platte_tekst(uitwerking.omschrijving)),
             False),
        Veld("resultaat", "Gewenst resultaat", tuple(platte_tekst(uitwerking.gewenst_resultaat)),
             False),
        Veld("competenties", "Competenties",
             competentienamen(index, [c.competentie for c in uitwerking.competenties]), True),
    ]
    for c in uitwerking.competenties:
        naam = competentienamen(index, [c.competentie])[0]
        sleutel = f"competentie-{index.competentie_op_naam[c.competentie].code}"
        velden += [
            Veld(f"{sleutel}-componenten", f"{naam}: componenten", tuple(c.componenten), True),
            Veld(f"{sleutel}-prestatie-indicator", f"{naam}: prestatie-indicator",
                 tuple(platte_tekst(c.prestatie_indicator)), False),
            Veld(f"{sleutel}-vakkennis", f"{naam}: vakkennis en vaardigheden",
                 tuple(vakkennis_items(c)), True),
        ]
    return velden


def vergelijkdata(index: Index, dossier: DossierCompetentiegericht, code: str
                  ) -> dict[str, Any]:
    """What the in-browser compare reads of uitstroom ``code``: the kerntaken and werkprocessen
    it works out, each werkproces with its uitwerking's compare rows
    (:func:`uitwerkingvelden`) and the competences it draws on, and the vakkennis of those
    competences (competence, item)."""
    uitwerkingen = index.uitwerkingen(dossier)
    uitstroom = next(u for u in dossier.uitstromen if u.code == code)
    kerntaken = [
        {"code": kcode, "titel": kerntaak.titel, "url": index.entiteit(dossier.id, kcode).url,
         "basisdeel": False}
        for kcode, kerntaak in uitwerkingen.kerntaken.items()
        if uitwerkingen.kerntaakuitwerking(uitstroom, kerntaak) is not None
    ]
    werkprocessen = []
    vakkennis: dict[tuple[str, str], None] = {}
    for uitvoering in uitwerkingen.werkprocessen_van(uitstroom):
        uitwerking = uitvoering.uitwerking
        werkproces = uitwerking.werkproces
        werkprocessen.append({
            "code": werkproces, "titel": uitwerkingen.werkprocessen[werkproces][1].titel,
            "kerntaak": kerntaakcode(uitvoering.kerntaak.kerntaak),
            "url": urls.url(urls.uitwerking_src(dossier.id, werkproces, code)),
            "basisdeel": False,
            "competenties": list(dict.fromkeys(uitwerkingen.competentie_codes(uitwerking))),
            "velden": uitwerkingvelden(index, uitwerking),
        })
        for c in uitwerking.competenties:
            if isinstance(c.vakkennis, list):
                vakkennis.update(((c.competentie, item), None) for item in c.vakkennis)
    return {"kerntaken": kerntaken, "werkprocessen": werkprocessen,
            "vakkennis": [list(paar) for paar in vakkennis]}


def uitwerking_verschil(index: Index, werkproces: str, wa: WerkprocesUitwerking,
                        wb: WerkprocesUitwerking, a: str, b: str) -> str:
    """Two uitstromen's uitwerking of one werkproces side by side, with word differences."""
    return verschiltabel(f"{werkproces} ({a})", f"{werkproces} ({b})",
                         veldrijen(uitwerkingvelden(index, wa), uitwerkingvelden(index, wb)))


def vergelijk_pagina(index: Index, dossier: DossierCompetentiegericht, a: Uitstroom,
                     b: Uitstroom) -> Pagina:
    """The page comparing uitstromen ``a`` and ``b``."""
    src = urls.vergelijk_src(dossier.id, a.code, b.code)
    uitwerkingen = index.uitwerkingen(dossier)
    van_a = {u.uitwerking.werkproces: u.uitwerking for u in uitwerkingen.werkprocessen_van(a)}
    van_b = {u.uitwerking.werkproces: u.uitwerking for u in uitwerkingen.werkprocessen_van(b)}
    gedeeld = [code for code in van_a if code in van_b]
    delen = [
        kop(1, f"{a.code} {a.titel} en {b.code} {b.titel}"),
        keuzeformulier([(u.code, u.titel) for u in dossier.uitstromen], a.code, b.code,
                       "uitstromen"),
        legenda(a.code, b.code),
        tabel(["Werkprocessen", "Aantal"], [
            ["Gedeelde werkprocessen", str(len(gedeeld))],
            [f"Werkprocessen alleen in {esc(a.code)}", str(len(van_a) - len(gedeeld))],
            [f"Werkprocessen alleen in {esc(b.code)}", str(len(van_b) - len(gedeeld))],
        ]),
        kop(2, "Gedeelde werkprocessen", "gedeeld"),
    ]
    if not gedeeld:
        delen.append(alinea("Deze uitstromen hebben geen werkproces gemeen."))
    for code in gedeeld:
        titel = uitwerkingen.werkprocessen[code][1].titel
        delen += [
            kop(3, f"{code} {titel}", urls.code_slug(code)),
            alinea("De uitwerking voor " + " en voor ".join(
                link(p.code, src, urls.uitwerking_src(dossier.id, code, p.code)) for p in (a, b)
            ) + ":"),
            uitwerking_verschil(index, code, van_a[code], van_b[code], a.code, b.code),
        ]
    for p, eigen, ander in ((a, van_a, van_b), (b, van_b, van_a)):
        delen.append(kop(2, f"Alleen in {p.code} {p.titel}", f"alleen-{urls.code_slug(p.code)}"))
        alleen = [code for code in eigen if code not in ander]
        delen.append(
            lijst(link(f"{code} {uitwerkingen.werkprocessen[code][1].titel}", src,
                       urls.uitwerking_src(dossier.id, code, p.code)) for code in alleen)
            if alleen else
            alinea(f"Alle werkprocessen van {esc(p.code)} komen ook in de andere uitstroom "
                   "voor."))
    delen += tellingverschil(index, src, uitwerkingen.competentie_telling(a),
                             uitwerkingen.competentie_telling(b), a.code, b.code, "uitstromen")
    delen += andere_paren(dossier.id, src, [(x.code, y.code) for x, y in uitstroomparen(dossier)],
                          (a.code, b.code))
    return vergelijkingspagina(
        src, f"{a.code} en {b.code} vergelijken: {dossiernaam(dossier)}",
        (*kruimels_dossier(dossier),
         Kruimel("Uitstromen vergelijken", urls.matrix_src(dossier.id)),
         Kruimel(f"{a.code} en {b.code}", None)),
        samen(delen), "vergelijking",
        f"{a.code} {a.titel} en {b.code} {b.titel} ({dossiernaam(dossier)}) woord voor woord "
        "vergeleken.",
        met_inhoudsopgave=True,
    )
