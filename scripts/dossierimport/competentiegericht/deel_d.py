"""Deel D of a competentiegericht dossier: the verantwoording."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossierimport.competentiegericht.blokken import Element, lees_cel
from dossierimport.competentiegericht.secties import (
    Sectie,
    als_tekst,
    hoofdstukken,
)
from dossierimport.competentiegericht.verslag import Verslag
from dossierimport.fouten import ImportFout
from dossierimport.woorden import normaliseer_witruimte
from kwalificatiedossiers.model.competentiegericht import (
    Agenda,
    AgendaPunt,
    Verantwoording,
    Versie,
    Versiebeheer,
    WijzigingCategorie,
    Wijzigingen,
)
from kwalificatiedossiers.model.tekst import Blok

CATEGORIE = re.compile(r"^Categorie (\d):\s*(.+)$", re.IGNORECASE)


def lees_deel_d(sectie: Sectie, verslag: Verslag, bestand: str) -> Verantwoording:
    """Read deel D."""
    zoek = hoofdstukken(sectie, verslag, bestand, "deel D, vóór het eerste hoofdstuk: ")
    tekst = {naam: als_tekst(zoek.een(titel)[1], verslag) for naam, titel in (
        ("inleiding", "Inleiding"),
        ("betrokkenen", "Betrokkenen"),
        ("verwantschap", "Verwantschap"),
        ("vertaling_bcps", "Vertaling beroepscompetentieprofielen"),
        ("discussiepunten", "Discussiepunten"),
    )}
    zoek.met_onderdelen("Proces- en inhoudsinformatie")
    perspectief, agenda = _ontwikkelperspectief(zoek.een("Ontwikkel- en onderhoud"), verslag,
                                                bestand)
    wijzigingen = _wijzigingen(zoek.een("Wijzigingen ten opzichte"), verslag, bestand)
    zoek.rest_niet_geplaatst(verslag)
    return Verantwoording(**tekst, wijzigingen=wijzigingen, ontwikkelperspectief=perspectief,
                          agenda=agenda)


def _wijzigingen(sectie: Sectie, verslag: Verslag, bestand: str) -> Wijzigingen:
    """The table of categories, the toelichting per categorie and the version history."""
    kop, inhoud = sectie
    categorieen: dict[int, dict[str, object]] = {}
    toelichting: dict[int, list[Element]] = {}
    versies: list[Element] = []
    versie_tekst: list[Element] = []
    huidig: int | str | None = None
    for element in inhoud:
        gevonden = CATEGORIE.match(element.tekst) if element.soort != "rij" else None
        if element.soort == "rij" and huidig is None:
            _categorierij(element, categorieen, verslag)
        elif gevonden and lees_cel(element.ruw).nadruk:
            huidig = int(gevonden.group(1))
            toelichting.setdefault(huidig, [])
        elif element.tekst == "Versiebeheer van het kwalificatiedossier":
            huidig = "versies"
        elif huidig == "versies":
            (versies if element.soort == "rij" else versie_tekst).append(element)
        elif isinstance(huidig, int):
            toelichting[huidig].append(element)
        else:
            verslag.niet_plaatsen(element.regel, f"wijzigingen: {element.tekst[:60]}")
    if not categorieen:
        raise ImportFout(bestand, kop.regel, "wijzigingen: verwacht de tabel met categorieën")
    return Wijzigingen(
        categorieen=[WijzigingCategorie(**velden, toelichting=als_tekst(
            toelichting.get(n, []), verslag)) for n, velden in sorted(categorieen.items())],
        versiebeheer=_versiebeheer(versies, versie_tekst, verslag) if versies else None,
    )


def _categorierij(rij: Element, categorieen: dict[int, dict[str, object]],
                  verslag: Verslag) -> None:
    cellen = [*rij.cellen, "", ""]
    gevonden = CATEGORIE.match(lees_cel(cellen[0]).tekst)
    if gevonden is None:
        if lees_cel(cellen[0]).tekst != "Categorie":
            verslag.niet_plaatsen(rij.regel, f"wijzigingen: {rij.tekst[:60]}")
        return
    kruis = lees_cel(cellen[1])
    categorieen[int(gevonden.group(1))] = {
        "nummer": int(gevonden.group(1)),
        "naam": gevonden.group(2),
        "aangekruist": bool(kruis.tekst or kruis.vakjes),
        "omschrijving": lees_cel(cellen[2]).blokken,
    }


def _versiebeheer(rijen: list[Element], tekst: list[Element], verslag: Verslag) -> Versiebeheer:
    versies = []
    for rij in rijen:
        cellen = [*rij.cellen, ""]
        versie = lees_cel(cellen[0]).tekst
        if not versie:
            continue  # the header row: "" | "Reden nieuwe versie"
        versies.append(Versie(versie=versie, reden=lees_cel(cellen[1]).blokken))
    return Versiebeheer(inleiding=als_tekst(tekst, verslag), versies=versies)


def _ontwikkelperspectief(sectie: Sectie, verslag: Verslag, bestand: str
                          ) -> tuple[list[Blok], Agenda | None]:
    """The text above the agenda, and the agenda with the toelichting after its rows."""
    _, inhoud = sectie
    begin = next((i for i, e in enumerate(inhoud) if e.soort == "kop"
                  and re.search(r"agenda", e.tekst, re.IGNORECASE)), None)
    if begin is None:
        return als_tekst(inhoud, verslag), None
    punten = _agendapunten(inhoud[begin + 1 :], verslag, bestand)
    return als_tekst(inhoud[:begin], verslag), Agenda(titel=inhoud[begin].tekst, punten=punten)


def _agendapunten(elementen: Sequence[Element], verslag: Verslag, bestand: str
                  ) -> list[AgendaPunt]:
    punten: list[tuple[Element, list[Element]]] = []
    for element in elementen:
        cellen = [lees_cel(c).tekst for c in element.cellen]
        if element.soort == "rij" and cellen[:4] == ["Onderwerp", "Actie", "Wie", "Wanneer"]:
            continue
        if element.soort == "rij" and len(element.gevuld) >= 3:
            punten.append((element, []))
        elif element.soort == "lijn":
            verslag.verwijder(element.regel, "tabelscheidingslijn (opmaak)")
        elif punten:
            punten[-1][1].append(_als_alinea(element))
        else:
            verslag.niet_plaatsen(element.regel, f"agenda: {element.tekst[:60]}")
    if not punten:
        raise ImportFout(bestand, elementen[0].regel if elementen else 1,
                         "ontwikkelagenda: verwacht rijen 'Onderwerp | Actie | Wie | Wanneer'")
    return [_agendapunt(rij, toelichting, verslag) for rij, toelichting in punten]


def _als_alinea(element: Element) -> Element:
    """A row spanning the whole table (one filled cell) is running text."""
    if element.soort == "rij" and len(element.gevuld) == 1:
        return Element("alinea", element.regel, element.gevuld[0])
    return element


def _agendapunt(rij: Element, toelichting: list[Element], verslag: Verslag) -> AgendaPunt:
    cellen = [*rij.cellen, "", "", ""]
    wanneer = [normaliseer_witruimte(d) for d in re.split(r"\s{2,}", cellen[3].strip())
               if d.strip()]
    return AgendaPunt(
        onderwerp=lees_cel(cellen[0]).tekst,
        actie=lees_cel(cellen[1]).blokken,
        wie=lees_cel(cellen[2]).tekst or None,
        wanneer=[lees_cel(w).tekst for w in wanneer],
        toelichting=als_tekst(toelichting, verslag),
    )
