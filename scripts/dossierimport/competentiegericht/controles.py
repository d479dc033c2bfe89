"""Consistency checks between the parts of a competentiegericht dossier.

Each disagreement is reported as a source inconsistency; nothing is repaired. The report lines
about matrices follow one fixed form so that tests and maintainers can read them back::

    U1 × werkproces 2.1: alleen in de matrix: Y; alleen in deel C: X
"""

from __future__ import annotations

import re

from dossierimport.competentiegericht.deel_ab import DeelBGelezen
from dossierimport.competentiegericht.deel_c import DeelCGelezen
from dossierimport.competentiegericht.secties import LETTERS, Matrix
from dossierimport.competentiegericht.verslag import Verslag
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht
from kwalificatiedossiers.uitwerkingen import Matrixverschil, matrixverschillen

MATRIXVERSCHIL = re.compile(
    r"^(?:regel \d+: )?(U\d+) × werkproces (\d+\.\d+): alleen in de matrix: "
    r"([A-Y](?:, [A-Y])*|—); alleen in deel C: ([A-Y](?:, [A-Y])*|—)"
)
"""Reads a report line about a matrix/deel C disagreement back."""


def controleer(dossier: DossierCompetentiegericht, deel_b: DeelBGelezen, deel_c: DeelCGelezen,
               namen: list[str], verslag: Verslag) -> None:
    """Run every check and report what disagrees."""
    titels = {w.code: w.titel for k in dossier.kerntaken for w in k.werkprocessen}
    _overzicht(dossier, titels, deel_b.overzicht_titels, verslag)
    _werkproceskoppen(deel_c, titels, verslag)
    for wat, matrix in [*deel_b.matrices, *deel_c.matrices]:
        _matrixkop(wat, matrix, titels, namen, verslag)
        _volledig(wat, matrix, dossier, verslag)
    regels = {(u.code, w.code): w.regel for u in deel_c.uitstromen for k in u.kerntaken
              for w in k.werkprocessen}
    matrixregels = {(u.code, r.werkproces): r.regel for u in deel_c.uitstromen
                    for k in u.kerntaken if k.matrix for r in k.matrix.regels}
    code_van = {naam: LETTERS[i] for i, naam in enumerate(namen)}
    for uitstroom in dossier.uitstromen:
        for verschil in matrixverschillen(uitstroom, code_van):
            sleutel = (verschil.uitstroom, verschil.werkproces)
            regel = matrixregels.get(sleutel) or regels.get(sleutel, 0)
            verslag.opmerking(regel, _verschiltekst(verschil, namen))


def _verschiltekst(verschil: Matrixverschil, namen: list[str]) -> str:
    def lijst(codes: tuple[str, ...]) -> str:
        return ", ".join(codes) if codes else "—"

    tekst = (f"{verschil.uitstroom} × werkproces {verschil.werkproces}: alleen in de matrix: "
             f"{lijst(verschil.alleen_matrix)}; alleen in deel C: "
             f"{lijst(verschil.alleen_deel_c)}")
    buren = sorted({"/".join(sorted((a, b))) for a in verschil.alleen_matrix
                    for b in verschil.alleen_deel_c
                    if a in LETTERS and b in LETTERS and abs(LETTERS.index(a) - LETTERS.index(b))
                    == 1})
    if buren:
        tekst += f" (naburige kolommen {', '.join(buren)}: mogelijk verschoven kruisje)"
    namen_c = [namen[LETTERS.index(c)] for c in verschil.alleen_deel_c if c in LETTERS]
    if namen_c:
        tekst += f"; deel C werkt uit: {', '.join(namen_c)}"
    return tekst


def _overzicht(dossier: DossierCompetentiegericht, titels: dict[str, str],
               overzicht_titels: dict[str, tuple[str, int]], verslag: Verslag) -> None:
    """The overview against deel B 5 (codes, titles) and against deel C (membership)."""
    for code, (titel, regel) in overzicht_titels.items():
        if code not in titels:
            verslag.opmerking(regel, f"overzicht: werkproces {code} staat niet bij de kerntaken")
        elif titels[code] != titel:
            verslag.opmerking(regel, f"overzicht: werkproces {code} heet '{titel}', bij de "
                              f"kerntaken '{titels[code]}'")
    for code in titels.keys() - overzicht_titels.keys():
        verslag.opmerking(0, f"werkproces {code} ontbreekt in het overzicht")
    lid = {(u, r.werkproces) for r in dossier.deel_b.overzicht.werkprocessen for u in r.uitstromen}
    for uitstroom in dossier.uitstromen:
        uitgewerkt = {w.werkproces for k in uitstroom.uitwerking for w in k.werkprocessen}
        volgens_overzicht = {w for u, w in lid if u == uitstroom.code}
        for code in sorted(volgens_overzicht - uitgewerkt):
            verslag.opmerking(0, f"{uitstroom.code}: werkproces {code} staat in het overzicht, "
                              "maar deel C werkt het niet uit")
        for code in sorted(uitgewerkt - volgens_overzicht):
            verslag.opmerking(0, f"{uitstroom.code}: deel C werkt werkproces {code} uit, maar het "
                              "overzicht kruist het niet aan")


def _werkproceskoppen(deel_c: DeelCGelezen, titels: dict[str, str], verslag: Verslag) -> None:
    for uitstroom in deel_c.uitstromen:
        for kerntaak in uitstroom.kerntaken:
            for wp in kerntaak.werkprocessen:
                if titels.get(wp.code) != wp.titel:
                    verslag.opmerking(wp.regel, f"deel C, {uitstroom.code}: werkproces {wp.code}"
                                      f" heet '{wp.titel}', in deel B '{titels.get(wp.code)}'")
                    verslag.afgeleid(f"{uitstroom.code} {wp.code}", f"kop '{wp.code} werkproces:"
                                     f" {wp.titel}' gelezen als werkproces {wp.code}", wp.regel)


def _matrixkop(wat: str, matrix: Matrix, titels: dict[str, str], namen: list[str],
               verslag: Verslag) -> None:
    """The header names and the row titles of a matrix against the vocabulary and deel B."""
    if [n.lower() for n in matrix.namen] != [n.lower() for n in namen]:
        verslag.opmerking(matrix.eerste_regel, f"{wat}: de kolomkoppen met competentienamen "
                          f"wijken af van de 25 competenties A–Y ({len(matrix.namen)} namen: "
                          f"{_afwijkende_namen(matrix.namen, namen)}); gelezen volgens de letters "
                          "A–Y van de kop")
    for regel in matrix.regels:
        if regel.werkproces not in titels:
            verslag.opmerking(regel.regel, f"{wat}: werkproces {regel.werkproces} bestaat niet")
        elif regel.titel != titels[regel.werkproces]:
            verslag.opmerking(regel.regel, f"{wat}: werkproces {regel.werkproces} heet "
                              f"'{regel.titel}', in deel B '{titels[regel.werkproces]}'")
            verslag.afgeleid(regel.werkproces, f"{wat}: rij '{regel.werkproces} {regel.titel}' "
                             f"gelezen als werkproces {regel.werkproces}", regel.regel)
        if regel.los:
            verslag.niet_plaatsen(regel.regel, f"{wat}, werkproces {regel.werkproces}: "
                                  f"{len(regel.los)} kruisje(s) in een kolom zonder letter A–Y "
                                  f"(cel {', '.join(map(str, regel.los))})")


def _volledig(wat: str, matrix: Matrix, dossier: DossierCompetentiegericht,
              verslag: Verslag) -> None:
    """A matrix shows every werkproces of each kerntaak it touches (the PDF cut some short)."""
    rijen = {r.werkproces for r in matrix.regels}
    for kerntaak in dossier.kerntaken:
        codes = [w.code for w in kerntaak.werkprocessen]
        ontbrekend = [c for c in codes if c not in rijen]
        if ontbrekend and len(ontbrekend) < len(codes):
            verslag.opmerking(matrix.regels[-1].regel, f"{wat}: de matrix houdt op na werkproces "
                              f"{matrix.regels[-1].werkproces}; de rijen {', '.join(ontbrekend)} "
                              f"van kerntaak {kerntaak.nummer} ontbreken in de bron")


def _afwijkende_namen(gedrukt: list[str], namen: list[str]) -> str:
    bekend = {n.lower() for n in namen}
    vreemd = [f"'{n}'" for n in gedrukt if n.lower() not in bekend]
    ontbrekend = [f"'{n}'" for n in namen if n.lower() not in {g.lower() for g in gedrukt}]
    delen = []
    if vreemd:
        delen.append("onbekend " + ", ".join(vreemd))
    if ontbrekend:
        delen.append("ontbreekt " + ", ".join(ontbrekend))
    return "; ".join(delen) or "andere volgorde"
