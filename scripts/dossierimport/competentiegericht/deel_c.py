"""Deel C of a competentiegericht dossier: per uitstroom and kerntaak the proces-competentie-
matrix, its betekenis and the uitwerking of every werkproces; then the certificeerbare eenheden.

The PDF conversion repeats the table heading rows ("Kerntaak 2 …", "2.3 werkproces: …") at
every page break, as table rows, bold lines or Markdown headings; a repeated heading continues
the werkproces it names and is recorded as removed layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dossierimport.competentiegericht.blokken import Element, lees_cel
from dossierimport.competentiegericht.secties import (
    GENUMMERDE_KOP,
    Matrix,
    Sectie,
    Veld,
    als_tekst,
    hoofdstukken,
    is_hoofdstukkop,
    lees_matrix,
)
from dossierimport.competentiegericht.verslag import Verslag
from dossierimport.fouten import ImportFout
from kwalificatiedossiers.model.competentiegericht import (
    CertificeerbareEenhedenBestand,
    CertificeerbareEenheid,
    CompetentieUitwerking,
    KerntaakUitwerking,
    Verwijzing,
    WerkprocesUitwerking,
)
from kwalificatiedossiers.model.tekst import Blok

KERNTAAK_KOP = re.compile(r"^Kerntaak (\d{1,2}):?\s+(\S.*)$")
WERKPROCES_KOP = re.compile(r"^(\d{1,2}\.\d{1,2}) werkproces:\s*(\S.*)$")
DUBBELE_KOP = re.compile(r"^\*\*(Kerntaak .+?)\*\*\*\*(.+?)\*\*$")
ZIE_EERSTE = "Zie de eerste competentie van dit werkproces"


@dataclass
class Werkprocesstaat:
    """A werkproces uitwerking while it is being read."""

    code: str
    regel: int
    titel: str
    """The title as the heading in deel C prints it."""
    omschrijving: list[Blok] = field(default_factory=list)
    gewenst_resultaat: list[Blok] = field(default_factory=list)
    competenties: list[CompetentieUitwerking] = field(default_factory=list)
    kop_gezien: bool = False


@dataclass
class Kerntaakstaat:
    """A kerntaak of one uitstroom while it is being read."""

    nummer: int
    regel: int
    matrix: Matrix | None = None
    betekenis: list[Blok] = field(default_factory=list)
    werkprocessen: list[Werkprocesstaat] = field(default_factory=list)


@dataclass
class UitstroomC:
    """What deel C says about one uitstroom."""

    code: str
    titel: str
    regel: int
    kerntaken: list[Kerntaakstaat] = field(default_factory=list)

    def uitwerking(self) -> list[KerntaakUitwerking]:
        """The uitwerking per kerntaak as model objects."""
        return [
            KerntaakUitwerking(
                kerntaak=k.nummer,
                matrix=None if k.matrix is None else k.matrix.rijen(),
                betekenis=k.betekenis,
                werkprocessen=[
                    WerkprocesUitwerking(werkproces=w.code, omschrijving=w.omschrijving,
                                         gewenst_resultaat=w.gewenst_resultaat,
                                         competenties=w.competenties)
                    for w in k.werkprocessen
                ],
            )
            for k in self.kerntaken
        ]


@dataclass
class DeelCGelezen:
    """What deel C yields."""

    inleiding: list[Blok]
    uitstromen: list[UitstroomC]
    certificeerbare_eenheden: CertificeerbareEenhedenBestand | None
    matrices: list[tuple[str, Matrix]]
    """Every matrix read (label, matrix), for the checks of the header row."""


def lees_deel_c(sectie: Sectie, legenda: dict[str, str], namen: list[str], verslag: Verslag,
                bestand: str) -> DeelCGelezen:
    """Read deel C; ``namen`` is the vocabulary of competence names (A–Y in order)."""
    zoek = hoofdstukken(sectie, verslag, bestand, "deel C, vóór het eerste hoofdstuk: ",
                        lambda e: is_hoofdstukkop(e) and not WERKPROCES_KOP.match(e.tekst))
    inleiding = als_tekst(zoek.een("Inleiding")[1], verslag)
    intro_u, per_uitstroom = zoek.met_onderdelen("Uitstromen")
    uitstromen = [_lees_uitstroom(s, legenda, namen, verslag, bestand) for s in per_uitstroom]
    ce = None
    ce_matrices: list[tuple[str, Matrix]] = []
    if zoek.heeft("Certificeerbare eenheden"):
        intro_ce, per_ce = zoek.met_onderdelen("Certificeerbare eenheden")
        ce, ce_matrices = _certificeerbare_eenheden(intro_ce, per_ce, verslag)
    zoek.rest_niet_geplaatst(verslag)
    matrices = [(f"deel C, {u.code} × kerntaak {k.nummer}", k.matrix)
                for u in uitstromen for k in u.kerntaken if k.matrix is not None]
    return DeelCGelezen([*inleiding, *als_tekst(intro_u, verslag)], uitstromen, ce,
                        matrices + ce_matrices)


class _UitstroomLezer:
    """The state machine that reads one uitstroom of deel C, element by element."""

    def __init__(self, uitstroom: UitstroomC, namen: list[str], verslag: Verslag,
                 bestand: str) -> None:
        self.u = uitstroom
        self.namen = {_sleutel(n): n for n in namen}
        self.verslag = verslag
        self.bestand = bestand
        self.modus = ""
        self.wacht: Element | None = None
        """A "Kerntaak …" heading whose meaning the next element tells."""
        self.matrixrijen: list[Element] = []

    @property
    def kerntaak(self) -> Kerntaakstaat | None:
        return self.u.kerntaken[-1] if self.u.kerntaken else None

    @property
    def werkproces(self) -> Werkprocesstaat | None:
        k = self.kerntaak
        return k.werkprocessen[-1] if k and k.werkprocessen else None

    def lees(self, element: Element) -> None:
        dubbel = DUBBELE_KOP.match(element.ruw) if element.soort == "alinea" else None
        if dubbel:
            self._kerntaakkop(element)
            self._werkproceskop(element, dubbel.group(2))
            return
        tekst = element.tekst
        enkel = element.soort in ("kop", "alinea") or (
            element.soort == "rij" and len(element.gevuld) == 1)
        if enkel and KERNTAAK_KOP.match(tekst):
            self._kerntaakkop(element)
        elif enkel and WERKPROCES_KOP.match(tekst):
            self._werkproceskop(element, tekst)
        elif enkel and tekst.startswith("Proces-competentie-matrix"):
            self._matrixkop(element)
        elif enkel and tekst == "Betekenis van de kerntaak voor deze uitstroom":
            self._wissel("betekenis")
        elif enkel and tekst.startswith("Detaillering proces-competentie-matrix"):
            self._controleer_titel(element, "Detaillering proces-competentie-matrix")
            self._wissel("detail")
        elif element.soort == "lijn":
            self.verslag.verwijder(element.regel, "tabelscheidingslijn (opmaak)")
        elif self.modus == "matrix" and element.soort == "rij":
            self.matrixrijen.append(element)
        elif self.modus == "betekenis" and element.soort == "alinea" and self.kerntaak:
            self.kerntaak.betekenis.extend(lees_cel(element.ruw).blokken)
        elif self.modus == "detail" and element.soort == "rij" and self.werkproces:
            self._detailrij(element, self.werkproces)
        else:
            self.verslag.niet_plaatsen(element.regel, f"deel C, {self.u.code}: "
                                       f"{element.tekst[:80]}")

    def einde(self) -> None:
        self._wissel("")
        if self.wacht is not None:
            self.verslag.niet_plaatsen(self.wacht.regel, f"deel C, {self.u.code}: kop "
                                       f"'{self.wacht.tekst}' zonder inhoud")

    def _wissel(self, modus: str) -> None:
        if self.modus == "matrix" and self.kerntaak is not None:
            wat = f"deel C, {self.u.code} × kerntaak {self.kerntaak.nummer}"
            self.kerntaak.matrix = lees_matrix(self.matrixrijen, self.verslag, wat)
            self.matrixrijen = []
        self.modus = modus

    def _kerntaakkop(self, element: Element) -> None:
        if self.wacht is not None:
            self.verslag.niet_plaatsen(self.wacht.regel, f"deel C, {self.u.code}: kop "
                                       f"'{self.wacht.tekst}' zonder inhoud")
        self.wacht = element

    def _matrixkop(self, element: Element) -> None:
        self._wissel("matrix")
        self._controleer_titel(element, "Proces-competentie-matrix")
        if self.wacht is None:
            raise ImportFout(self.bestand, element.regel, f"deel C, {self.u.code}: "
                             "proces-competentie-matrix zonder kop 'Kerntaak <n> …' erboven")
        nummer = int(KERNTAAK_KOP.match(self.wacht.tekst).group(1))  # type: ignore[union-attr]
        if any(k.nummer == nummer for k in self.u.kerntaken):
            self.verslag.opmerking(element.regel, f"{self.u.code}: kerntaak {nummer} heeft twee "
                                   "proces-competentie-matrices")
        self.u.kerntaken.append(Kerntaakstaat(nummer, self.wacht.regel))
        self.wacht = None

    def _werkproceskop(self, element: Element, tekst: str) -> None:
        gevonden = WERKPROCES_KOP.match(tekst)
        if gevonden is None:
            raise ImportFout(self.bestand, element.regel, f"verwacht '<n.m> werkproces: <titel>'"
                             f", gevonden '{tekst}'")
        code, titel = gevonden.groups()
        kerntaakkop, self.wacht = self.wacht, None
        self._wissel("detail")
        huidig = self.werkproces
        if huidig is not None and huidig.code == code:
            for kop in (kerntaakkop, element):
                if kop is not None:
                    self.verslag.verwijder(kop.regel, "herhaalde tabelkop na een "
                                           "paginaovergang (kerntaak/werkproces)")
            return
        nummer = int(code.split(".")[0])
        if self.kerntaak is None or self.kerntaak.nummer != nummer:
            self._kerntaak_zonder_matrix(nummer, code, element)
        assert self.kerntaak is not None
        self.kerntaak.werkprocessen.append(Werkprocesstaat(code, element.regel, titel))

    def _kerntaak_zonder_matrix(self, nummer: int, code: str, element: Element) -> None:
        self.verslag.opmerking(element.regel, f"{self.u.code} ({self.u.titel}) × kerntaak "
                               f"{nummer}: de proces-competentie-matrix ontbreekt in de bron (en "
                               "daarmee 'Betekenis van de kerntaak voor deze uitstroom'); de "
                               f"uitwerking begint direct met werkproces {code}")
        self.verslag.afgeleid(f"{self.u.code} kerntaak {nummer}", "uitwerking zonder eigen kop "
                              "geplaatst bij deze kerntaak op grond van de werkprocescodes",
                              element.regel)
        self.u.kerntaken.append(Kerntaakstaat(nummer, element.regel))

    def _controleer_titel(self, element: Element, voorvoegsel: str) -> None:
        rest = element.tekst[len(voorvoegsel):].strip()
        if rest.lower() != self.u.titel.lower():
            self.verslag.opmerking(element.regel, f"'{element.tekst}' staat onder uitstroom "
                                   f"{self.u.code} ({self.u.titel})")

    def _detailrij(self, rij: Element, wp: Werkprocesstaat) -> None:
        cellen = [*rij.cellen, "", "", ""]
        veld = Veld.van(rij)
        if veld.label == "Omschrijving":
            wp.omschrijving.extend(lees_cel(veld.waarde).blokken)
        elif veld.label == "Gewenst resultaat":
            wp.gewenst_resultaat.extend(lees_cel(veld.waarde).blokken)
        elif veld.label == "Competentie" and lees_cel(cellen[1]).tekst == "Component(en)":
            if wp.kop_gezien:
                self.verslag.verwijder(rij.regel, "herhaalde kolomkoppen van de tabel")
            wp.kop_gezien = True
        elif len(rij.gevuld) >= 3:
            wp.competenties.append(self._competentie(cellen, rij.regel, wp))
        else:
            self.verslag.niet_plaatsen(rij.regel, f"deel C, {self.u.code} {wp.code}: "
                                       f"{rij.tekst[:80]}")

    def _competentie(self, cellen: list[str], regel: int, wp: Werkprocesstaat
                     ) -> CompetentieUitwerking:
        gedrukt = lees_cel(cellen[0]).tekst
        naam = self.namen.get(_sleutel(gedrukt))
        if naam is None:
            raise ImportFout(self.bestand, regel, f"deel C, {self.u.code} {wp.code}: onbekende "
                             f"competentie '{gedrukt}'")
        if naam != gedrukt:
            self.verslag.afgeleid(f"{self.u.code} {wp.code}", f"competentie '{gedrukt}' gelezen "
                                  f"als '{naam}'", regel)
        vakkennis = lees_cel(cellen[3]).alineas
        return CompetentieUitwerking(
            competentie=naam,
            componenten=lees_cel(cellen[1]).alineas,
            prestatie_indicator=lees_cel(cellen[2]).blokken,
            vakkennis=Verwijzing(zie="eerste-competentie") if vakkennis == [ZIE_EERSTE]
            else vakkennis,
        )


def _sleutel(naam: str) -> str:
    return re.sub(r"[\"“”'‘’]", "", naam).lower()


def _lees_uitstroom(sectie: Sectie, legenda: dict[str, str], namen: list[str], verslag: Verslag,
                    bestand: str) -> UitstroomC:
    kop, inhoud = sectie
    titel = GENUMMERDE_KOP.match(kop.tekst).group(3)  # type: ignore[union-attr]
    code = next((c for c, t in legenda.items() if t.lower() == titel.lower()), None)
    if code is None:
        raise ImportFout(bestand, kop.regel, f"deel C: uitstroom '{titel}' staat niet in de "
                         "legenda van het overzicht")
    uitstroom = UitstroomC(code, legenda[code], kop.regel)
    lezer = _UitstroomLezer(uitstroom, namen, verslag, bestand)
    for element in inhoud:
        lezer.lees(element)
    lezer.einde()
    for kerntaak in uitstroom.kerntaken:
        for wp in kerntaak.werkprocessen:
            if not (wp.omschrijving and wp.gewenst_resultaat and wp.competenties):
                raise ImportFout(bestand, wp.regel, f"deel C, {code} {wp.code}: verwacht "
                                 "'Omschrijving', 'Gewenst resultaat' en competenties")
    return uitstroom


def _certificeerbare_eenheden(intro: list[Element], secties: Sequence[Sectie], verslag: Verslag
                              ) -> tuple[CertificeerbareEenhedenBestand, list[tuple[str, Matrix]]]:
    eenheden = []
    matrices: list[tuple[str, Matrix]] = []
    for kop, inhoud in secties:
        titel = re.sub(r"^\d+\.\d+\s+(Nadere specificatie\s+)?", "", kop.tekst)
        beroepsinhoud: list[Element] = []
        rijen: list[Element] = []
        modus = ""
        for element in inhoud:
            tekst = element.tekst
            if tekst == "Certificeerbare eenheid":
                continue
            if tekst.startswith("Beroepsinhoud en voorkomende functiebenaming"):
                modus = "inhoud"
            elif tekst.startswith("Proces-competentie-matrix"):
                modus = "matrix"
            elif element.soort == "rij" and modus == "matrix":
                rijen.append(element)
            elif modus == "inhoud":
                beroepsinhoud.append(element)
            else:
                verslag.niet_plaatsen(element.regel, f"certificeerbare eenheid {titel}: "
                                      f"{tekst[:60]}")
        matrix = lees_matrix(rijen, verslag, f"certificeerbare eenheid {titel}")
        eenheid = CertificeerbareEenheid(
            titel=titel, beroepsinhoud=als_tekst(beroepsinhoud, verslag),
            matrix=matrix.rijen())
        matrices.append((f"certificeerbare eenheid {titel}", matrix))
        eenheden.append(eenheid)
    return (CertificeerbareEenhedenBestand(inleiding=als_tekst(intro, verslag),
                                           eenheden=eenheden), matrices)
