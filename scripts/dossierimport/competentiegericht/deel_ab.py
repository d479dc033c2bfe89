"""The title page, the inleiding, deel A and deel B of a competentiegericht dossier."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dossierimport.competentiegericht.blokken import Element, lees_cel
from dossierimport.competentiegericht.secties import (
    GENUMMERDE_KOP,
    WERKPROCES_CODE,
    Matrix,
    Sectie,
    Veld,
    als_tekst,
    hoofdstukken,
    lees_matrix,
    lees_raster,
    splits,
    velden,
)
from dossierimport.competentiegericht.verslag import Verslag
from dossierimport.fouten import ImportFout
from kwalificatiedossiers.model.competentiegericht import (
    Colofon,
    DeelA,
    DeelB,
    Diploma,
    FormeleVereisten,
    KerntaakCompetentiegericht,
    KwalificatieInBeeld,
    KwalificatiesInBeeld,
    NiveauInBeeld,
    Overzicht,
    OverzichtRij,
    Rekeneisen,
    Taaleisen,
    TrendsEnInnovaties,
    VakjesRij,
    WerkprocesCompetentiegericht,
)
from kwalificatiedossiers.model.dossier import Onderdeel
from kwalificatiedossiers.model.tekst import Blok, Lijst

TAALKOLOMMEN = {"Luisteren": "luisteren", "Lezen": "lezen", "Gesprekken voeren":
                "gesprekken_voeren", "Spreken": "spreken", "Schrijven": "schrijven"}
REKENKOLOMMEN = {"Getallen": "getallen", "Ruimte en vorm": "ruimte_en_vorm",
                 "Gegevens verwerking": "gegevensverwerking", "Verbanden": "verbanden"}
TAALNIVEAUS = ("A1", "A2", "B1", "B2", "C1", "C2")
REKENNIVEAUS = ("X1", "X2", "Y1", "Y2", "Z1", "Z2")

UITSTROOMVELDEN = {
    "Context van de uitstroom": "context",
    "Typerende beroepshouding": "beroepshouding",
    "Rol en verantwoordelijkheden": "rol_en_verantwoordelijkheden",
    "Complexiteit": "complexiteit",
    "Branche vereisten": "branchevereisten",
    "Nederlands en (moderne) vreemde talen, rekenen en wiskunde": "talen_en_rekenen",
}
"""Labels of an uitstroom's "Algemene informatie" whose value is running text."""


@dataclass
class DeelBGelezen:
    """What deel B yields: its own parts and the pieces of uitstromen and kerntaken."""

    deel_b: DeelB
    colofon: Colofon
    formele_vereisten: FormeleVereisten
    uitstromen: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Uitstroom code → the fields deel B gives it (``titel``, ``niveau``, …)."""
    kerntaken: list[KerntaakCompetentiegericht] = field(default_factory=list)
    kerntaken_inleiding: list[Blok] = field(default_factory=list)
    matrices_inleiding: list[Blok] = field(default_factory=list)
    overzicht_titels: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Werkproces code → (title, line) as the overview prints it."""
    matrices: list[tuple[str, Matrix]] = field(default_factory=list)
    """The matrices of deel B 6 as printed (label, matrix), for the checks of their headers."""


# --- title page -------------------------------------------------------------------------------


def lees_titelpagina(elementen: Sequence[Element], bestand: str) -> dict[str, Any]:
    """The title, crebos, cohort, sector and branche of the title page."""
    koppen = [e for e in elementen if e.soort == "kop"]
    titel = next((e for e in koppen if e.niveau == 1), None)
    if titel is None:
        raise ImportFout(bestand, 1, "verwacht de titel van het dossier (kop '# …') op de "
                         "titelpagina")
    feiten = {v.label.rstrip(":"): lees_cel(v.waarde).tekst for v in velden(elementen)}
    crebos = re.findall(r"\b\d{5}\b", feiten.get("Crebonummer", ""))
    if not crebos:
        raise ImportFout(bestand, titel.regel, "verwacht 'Crebonummer:' met een of meer "
                         "crebonummers op de titelpagina")
    if "Cohort" not in feiten:
        raise ImportFout(bestand, titel.regel, "verwacht 'Cohort:' op de titelpagina")
    vet = [e for e in elementen if e.soort == "alinea" and lees_cel(e.ruw).nadruk]
    reeks = [e for e in koppen if e is not titel and e.regel < titel.regel]
    return {
        "titel": titel.tekst,
        "crebos": crebos,
        "cohort": feiten["Cohort"],
        "sector": feiten.get("Sector"),
        "branches": [b.strip() for b in feiten.get("Branche", "").split(",") if b.strip()],
        "uitgever": vet[0].tekst if vet else None,
        "reeks": reeks[0].tekst if reeks else None,
    }


# --- deel A -----------------------------------------------------------------------------------


def lees_deel_a(sectie: Sectie, verslag: Verslag, bestand: str) -> DeelA:
    """Deel A: the portrait of the beroepengroep and "Kwalificaties in beeld"."""
    kop, inhoud = sectie
    voor, secties = splits(inhoud, lambda e: e.soort == "kop")
    if voor:
        verslag.niet_plaatsen(voor[0].regel, f"tekst vóór de eerste kop van deel A: "
                              f"{voor[0].tekst[:60]}")
    if len(secties) < 2:
        raise ImportFout(bestand, kop.regel, "deel A: verwacht een titel en onderdelen met koppen")
    titel, *vragen = secties
    if titel[1]:
        verslag.niet_plaatsen(titel[1][0].regel, "tekst direct onder de titel van deel A")
    beeld = [i for i, s in enumerate(vragen) if re.match(r"^Kwalificaties in beeld", s[0].tekst,
                                                          re.IGNORECASE)]
    if not beeld:
        raise ImportFout(bestand, kop.regel, "deel A: verwacht de kop 'Kwalificaties in beeld'")
    onderdelen = [Onderdeel(titel=k.tekst, tekst=als_tekst(e, verslag))
                  for i, (k, e) in enumerate(vragen) if i != beeld[0]]
    return DeelA(titel=titel[0].tekst, onderdelen=onderdelen, kwalificaties_in_beeld=(
        _kwalificaties_in_beeld(vragen[beeld[0]], verslag, bestand)))


def _kwalificaties_in_beeld(sectie: Sectie, verslag: Verslag,
                            bestand: str) -> KwalificatiesInBeeld:
    kop, inhoud = sectie
    rijen = [e for e in inhoud if e.soort == "rij"]
    tekst = [e for e in inhoud if e.soort != "rij"]
    if not rijen:
        raise ImportFout(bestand, kop.regel, "'Kwalificaties in beeld' heeft geen tabel")
    koppen = [lees_cel(c).tekst for c in rijen[0].cellen]
    niveaus: list[NiveauInBeeld] = []
    for kolom, naam in enumerate(koppen):
        gevonden = re.fullmatch(r"Niveau (\d)", naam)
        if not gevonden:
            raise ImportFout(bestand, rijen[0].regel, f"'Kwalificaties in beeld': verwacht "
                             f"kolomkoppen 'Niveau <n>', gevonden '{naam}'")
        kwalificaties: list[KwalificatieInBeeld] = []
        for rij in rijen[1:]:
            cel = lees_cel(rij.cellen[kolom]) if kolom < len(rij.cellen) else lees_cel("")
            lijsten = [b for b in cel.blokken if isinstance(b, Lijst)]
            if lijsten and kwalificaties:
                vorige = kwalificaties[-1]
                kwalificaties[-1] = KwalificatieInBeeld(
                    naam=vorige.naam, uitstromen=[*vorige.uitstromen, *lijsten[0].lijst])
            elif cel.tekst:
                kwalificaties.append(KwalificatieInBeeld(naam=cel.tekst))
        niveaus.append(NiveauInBeeld(niveau=int(gevonden.group(1)), kwalificaties=kwalificaties))
    return KwalificatiesInBeeld(inleiding=als_tekst(tekst, verslag), niveaus=niveaus)


# --- deel B -----------------------------------------------------------------------------------


def lees_deel_b(sectie: Sectie, verslag: Verslag, bestand: str) -> DeelBGelezen:
    """Deel B: colofon, formele vereisten, typering, loopbaan, trends, overzicht, uitstromen,
    kerntaken and the overview matrices."""
    zoek = hoofdstukken(sectie, verslag, bestand, "tekst vóór het eerste hoofdstuk van deel B: ")
    legenda, overzicht, titels = _overzicht(zoek.een("Overzicht van het kwalificatiedossier"),
                                            verslag, bestand)
    uitstromen = {code: {"code": code, "titel": titel} for code, titel in legenda.items()}
    _loopbaan(zoek.een("Loopbaanperspectief"), uitstromen, verslag)
    intro_u, per_uitstroom = zoek.met_onderdelen("Beschrijving van de uitstromen")
    for sub in per_uitstroom:
        _uitstroom_b(sub, uitstromen, verslag, bestand)
    intro_k, per_kerntaak = zoek.met_onderdelen("Beschrijving van de kerntaken")
    intro_m, per_matrix = zoek.met_onderdelen("Totaal overzicht proces-competentie-matrices")
    gelezen = [_overzichtsmatrix(s, verslag) for s in per_matrix]
    matrices = {nummer: rijen for nummer, rijen, _ in gelezen}
    kerntaken = [_kerntaak(s, matrices, verslag, bestand) for s in per_kerntaak]
    deel_b = DeelB(
        inleiding=als_tekst(zoek.een("Inleiding")[1], verslag),
        typering=als_tekst(zoek.een("Typering beroep")[1], verslag),
        trends_en_innovaties=_trends(zoek.een("Trends en innovaties"), verslag),
        overzicht=overzicht,
        uitstromen_inleiding=als_tekst(intro_u, verslag),
    )
    colofon = _colofon(zoek.een("Colofon"), bestand)
    formele_vereisten = _formele_vereisten(zoek.een("Formele vereisten"), verslag, bestand)
    zoek.met_onderdelen("Algemene informatie")
    zoek.rest_niet_geplaatst(verslag)
    return DeelBGelezen(
        deel_b=deel_b,
        colofon=colofon,
        formele_vereisten=formele_vereisten,
        uitstromen=uitstromen,
        kerntaken=kerntaken,
        kerntaken_inleiding=als_tekst(intro_k, verslag),
        matrices_inleiding=als_tekst(intro_m, verslag),
        overzicht_titels=titels,
        matrices=[(f"deel B 6, kerntaak {nummer}", matrix) for nummer, _, matrix in gelezen],
    )


def _colofon(sectie: Sectie, bestand: str) -> Colofon:
    kop, inhoud = sectie
    feiten = {v.label: lees_cel(v.waarde).tekst for v in velden(inhoud)}
    vastgesteld = re.match(
        r"^Vastgesteld door:\s*(.+?)\s+Op:\s*(\d{1,2})-(\d{1,2})-(\d{4})\s+Te:\s*(.+)$",
        feiten.get("Verantwoording", ""))
    if not vastgesteld or "Onder regie van" not in feiten or "Ontwikkeld door" not in feiten:
        raise ImportFout(bestand, kop.regel, "colofon: verwacht 'Onder regie van', 'Ontwikkeld "
                         "door' en 'Verantwoording' met 'Vastgesteld door: … Op: dd-mm-jjjj Te: …'")
    dag, maand, jaar = (int(vastgesteld.group(i)) for i in (2, 3, 4))
    return Colofon(
        onder_regie_van=feiten["Onder regie van"],
        ontwikkeld_door=feiten["Ontwikkeld door"],
        vastgesteld_door=vastgesteld.group(1),
        vastgesteld_op=dt.date(jaar, maand, dag),
        vastgesteld_te=vastgesteld.group(5),
    )


def _formele_vereisten(sectie: Sectie, verslag: Verslag, bestand: str) -> FormeleVereisten:
    kop, inhoud = sectie
    waarden: dict[str, Any] = {}
    for veld in velden(inhoud):
        cel = lees_cel(veld.waarde)
        if veld.label == "Diploma(s)":
            waarden["diplomas"] = [
                Diploma(titel=t.strip(), niveau=int(n))
                for t, n in re.findall(r"(.+?) - (\d)(?=\s|$)", cel.tekst)
            ]
        elif veld.label == "In- en doorstroomrechten":
            waarden["in_en_doorstroomrechten"] = cel.blokken
        elif veld.label == "Certificeerbare eenheden":
            waarden["certificeerbare_eenheden"] = cel.alineas
        elif veld.label == "Wettelijke beroepsvereisten":
            waarden["wettelijke_beroepsvereisten"] = cel.tekst
        elif veld.label == "Branche vereisten":
            waarden["branchevereisten"] = cel.tekst
        elif veld.label == "Bron- en referentiedocumenten":
            waarden["bron_en_referentiedocumenten"] = cel.blokken
        else:
            verslag.niet_plaatsen(veld.regel, f"formele vereisten: onbekend onderdeel "
                                  f"'{veld.label}'")
    if not waarden.get("diplomas"):
        raise ImportFout(bestand, kop.regel, "formele vereisten: verwacht 'Diploma(s)' met "
                         "'<naam> - <niveau>'")
    return FormeleVereisten(**waarden)


def _loopbaan(sectie: Sectie, uitstromen: dict[str, dict[str, Any]], verslag: Verslag) -> None:
    _, inhoud = sectie
    per_titel = {u["titel"].lower(): code for code, u in uitstromen.items()}
    voor, secties = splits(inhoud, lambda e: e.soort == "kop")
    for element in voor:
        verslag.niet_plaatsen(element.regel, f"loopbaanperspectief zonder uitstroom: "
                              f"{element.tekst[:60]}")
    for kop, tekst in secties:
        code = per_titel.get(kop.tekst.lower())
        if code is None:
            verslag.niet_plaatsen(kop.regel, f"loopbaanperspectief '{kop.tekst}' hoort bij geen "
                                  "uitstroom van de legenda")
            continue
        uitstromen[code]["loopbaanperspectief"] = als_tekst(tekst, verslag)


def _trends(sectie: Sectie, verslag: Verslag) -> TrendsEnInnovaties:
    _, inhoud = sectie
    tekst = [e for e in inhoud if e.soort != "rij"]
    onderwerpen = [Onderdeel(titel=v.label, tekst=lees_cel(v.waarde).blokken)
                   for v in velden(inhoud)]
    return TrendsEnInnovaties(inleiding=als_tekst(tekst, verslag), onderwerpen=onderwerpen)


def _overzicht(sectie: Sectie, verslag: Verslag, bestand: str
               ) -> tuple[dict[str, str], Overzicht, dict[str, tuple[str, int]]]:
    """The overview: legend (code → title), the matrix and the werkproces titles it prints."""
    kop, inhoud = sectie
    legenda: dict[str, str] = {}
    tekst: list[Element] = []
    rijen: list[Element] = []
    for element in inhoud:
        gevonden = re.match(r"^(U\d{1,2}):\s*(.+)$", element.tekst)
        if element.soort == "rij":
            rijen.append(element)
        elif gevonden and element.soort == "alinea":
            legenda[gevonden.group(1)] = gevonden.group(2)
        elif not (element.soort == "kop" and element.tekst.rstrip(":") == "Legenda"):
            tekst.append(element)
    if not legenda:
        raise ImportFout(bestand, kop.regel, "overzicht: verwacht een legenda 'U1: <uitstroom>'")
    kolommen: dict[int, str] = {}
    regels: list[OverzichtRij] = []
    titels: dict[str, tuple[str, int]] = {}
    for rij in rijen:
        cellen = [lees_cel(c).tekst for c in rij.cellen]
        if set(legenda) <= set(cellen):
            kolommen = {i: c for i, c in enumerate(cellen) if c in legenda}
            continue
        gevonden = re.match(r"^(\d{1,2}\.\d{1,2})\s+(.+)$", " ".join(c for c in cellen[:2] if c))
        if not gevonden:
            continue
        code = gevonden.group(1)
        titels[code] = (gevonden.group(2), rij.regel)
        marks = [kolommen[i] for i, c in enumerate(cellen) if i in kolommen and c.lower() == "x"]
        regels.append(OverzichtRij(werkproces=code, uitstromen=marks))
    if not regels or not kolommen:
        raise ImportFout(bestand, kop.regel, "overzicht: verwacht een tabel werkproces × "
                         "uitstroom met kolommen " + ", ".join(legenda))
    return legenda, Overzicht(inleiding=als_tekst(tekst, verslag), werkprocessen=regels), titels


def _uitstroom_b(sectie: Sectie, uitstromen: dict[str, dict[str, Any]], verslag: Verslag,
                 bestand: str) -> None:
    """One uitstroom of deel B 4: its "Algemene informatie" and grids."""
    kop, inhoud = sectie
    titel = GENUMMERDE_KOP.match(kop.tekst).group(3)  # type: ignore[union-attr]
    code = next((c for c, u in uitstromen.items() if u["titel"].lower() == titel.lower()), None)
    if code is None:
        raise ImportFout(bestand, kop.regel, f"uitstroom '{titel}' staat niet in de legenda "
                         "van het overzicht")
    velden_u = uitstromen[code]
    rasters, rest = _rasters(inhoud, bestand)
    for element in rest:
        _uitstroomveld(element, velden_u, verslag, bestand)
    velden_u["taaleisen"] = [_taaleisen(r, bestand) for r in rasters
                             if r.kolommen == list(TAALKOLOMMEN)]
    reken = [r for r in rasters if r.kolommen == list(REKENKOLOMMEN)]
    velden_u["rekeneisen"] = _rekeneisen(reken[0], bestand) if reken else None
    for raster in rasters:
        if raster.kolommen not in (list(TAALKOLOMMEN), list(REKENKOLOMMEN)):
            raise ImportFout(bestand, raster.regel, f"raster '{raster.titel}': onbekende "
                             f"kolommen {', '.join(raster.kolommen)}")


def _uitstroomveld(element: Element, velden_u: dict[str, Any], verslag: Verslag,
                   bestand: str) -> None:
    if element.soort == "kop" and element.tekst == "Algemene informatie":
        return
    if element.soort == "alinea" and "talen_en_rekenen" in velden_u:
        # The converter put the last paragraph of this cell after the table.
        velden_u["talen_en_rekenen"] = [*velden_u["talen_en_rekenen"],
                                        *lees_cel(element.ruw).blokken]
        verslag.afgeleid(f"{velden_u['code']}.talen_en_rekenen",
                         "alinea na de tabel 'Algemene informatie' hoort bij de cel 'Nederlands "
                         "en (moderne) vreemde talen, rekenen en wiskunde'", element.regel)
        return
    if element.soort != "rij":
        verslag.niet_plaatsen(element.regel, f"uitstroom {velden_u['code']}: {element.tekst[:60]}")
        return
    veld = Veld.van(element)
    cel = lees_cel(veld.waarde)
    if veld.label in UITSTROOMVELDEN:
        naam = UITSTROOMVELDEN[veld.label]
        velden_u[naam] = [
            nieuw for blok in cel.blokken
            for nieuw in herstel_lijst(blok, f"{velden_u['code']}.{naam}", veld.regel, verslag)]
    elif veld.label == "Niveau van de beroepsuitoefening":
        niveau = re.fullmatch(r"Niveau (\d)", cel.tekst)
        if not niveau:
            raise ImportFout(bestand, veld.regel, f"verwacht 'Niveau <n>', gevonden '{cel.tekst}'")
        velden_u["niveau"] = int(niveau.group(1))
    elif veld.label == "Wettelijke beroepsvereisten":
        velden_u["wettelijke_beroepsvereisten"] = cel.tekst
    else:
        verslag.niet_plaatsen(veld.regel, f"uitstroom {velden_u['code']}: onbekend onderdeel "
                              f"'{veld.label}'")


# A list the source flattened into one paragraph: "… het feit dat: hij …. hij …. hij …". After
# the paragraph's first colon, every sentence that starts with a lowercase word opens an item (a
# sentence with a capital continues the item before it); an abbreviation's period ends no item.
_DUBBELPUNT = re.compile(r"^(?P<inleiding>[^:]+:) (?P<rest>\w.*)$", re.DOTALL)
_ZIN = re.compile(r"(?:^|(?<=\.) )(?P<woord>\w+)\b")
_AFKORTING = re.compile(r"(?:^|\s)(?:\w+\.\w+|bijv|ca|enz|etc|evt|excl|incl|nl|resp|zgn)\.$",
                        re.IGNORECASE)
LIJST_VANAF = 2
"""A flattened list is restored from this many items: one item is a sentence after a colon."""


def herstel_lijst(blok: Blok, onderdeel: str, regel: int, verslag: Verslag) -> list[Blok]:
    """A paragraph of an uitstroom field as it was printed: an introduction and a bulleted list
    where the source flattened one (at least :data:`LIJST_VANAF` items after the first colon,
    each starting with a lowercase word), else the paragraph as it is. Every repair is in the
    report with its line, and so is a paragraph that reads like such a list but whose items
    are not clear (later sentences open with the first item's word capitalised)."""
    gevonden = _DUBBELPUNT.match(blok) if isinstance(blok, str) else None
    if gevonden is None:
        return [blok]
    rest = gevonden.group("rest")
    zinnen = [z for z in _ZIN.finditer(rest) if not _AFKORTING.search(rest[:z.start()].rstrip())]
    if not zinnen[0].group("woord").islower():
        return [blok]
    na = " ".join(gevonden.group("inleiding").split()[-3:])
    begin = [z.start("woord") for z in zinnen if z.group("woord").islower()]
    if len(begin) >= LIJST_VANAF:
        items = [rest[a:b].strip() for a, b in zip(begin, [*begin[1:], len(rest)], strict=True)]
        verslag.afgeleid(onderdeel, f"de bron drukt na '{na}' een lijst van {len(items)} punten "
                         "als één alinea af (elk punt begint met een kleine letter na '. '): "
                         "hersteld als lijst", regel)
        return [gevonden.group("inleiding"), Lijst(lijst=items)]
    eerste = zinnen[0].group("woord")
    later = sum(z.group("woord") == eerste.capitalize() for z in zinnen[1:])
    if later:
        verslag.opmerking(regel, f"{onderdeel}: na '{na}' begint alleen de eerste zin met een "
                          f"kleine letter ('{eerste}'), {later} latere zinnen met "
                          f"'{eerste.capitalize()}': of dat lijstpunten zijn is niet zeker, "
                          "het blijft een alinea")
    return [blok]


def _rasters(inhoud: list[Element], bestand: str) -> tuple[list[Any], list[Element]]:
    """Split the grids (a title row or heading, a header row, level rows) from the rest."""
    rasters = []
    rest: list[Element] = []
    i = 0
    while i < len(inhoud):
        element = inhoud[i]
        titel = _rastertitel(element, inhoud[i + 1] if i + 1 < len(inhoud) else None)
        if titel is None:
            rest.append(element)
            i += 1
            continue
        j = i + 1
        while j < len(inhoud) and inhoud[j].soort == "rij" and _rastertitel(
                inhoud[j], inhoud[j + 1] if j + 1 < len(inhoud) else None) is None:
            j += 1
        rasters.append(lees_raster(titel, element.regel, inhoud[i + 1 : j], bestand))
        i = j
    return rasters, rest


def _rastertitel(element: Element, volgende: Element | None) -> str | None:
    """The title of a grid that starts here: a one-cell row or heading before a header row."""
    if volgende is None or volgende.soort != "rij" or volgende.cellen[0].strip():
        return None
    koppen = {lees_cel(c).tekst for c in volgende.gevuld}
    if not (koppen <= set(TAALKOLOMMEN) or koppen <= set(REKENKOLOMMEN)):
        return None
    if element.soort == "kop" or (element.soort == "rij" and len(element.gevuld) == 1):
        return element.tekst
    return None


def _niveaus(kruisjes: list[str], volgorde: tuple[str, ...], raster: Any, bestand: str
             ) -> list[str]:
    onbekend = [n for n in kruisjes if n not in volgorde]
    if onbekend:
        raise ImportFout(bestand, raster.regel, f"raster '{raster.titel}': onbekend niveau "
                         f"{onbekend[0]}")
    return sorted(kruisjes, key=volgorde.index)


def _taaleisen(raster: Any, bestand: str) -> Taaleisen:
    return Taaleisen(taal=raster.titel, **{
        veld: _niveaus(raster.kruisjes[kolom], TAALNIVEAUS, raster, bestand)
        for kolom, veld in TAALKOLOMMEN.items()
    })


def _rekeneisen(raster: Any, bestand: str) -> Rekeneisen:
    return Rekeneisen(titel=raster.titel, **{
        veld: _niveaus(raster.kruisjes[kolom], REKENNIVEAUS, raster, bestand)
        for kolom, veld in REKENKOLOMMEN.items()
    })


def _overzichtsmatrix(sectie: Sectie, verslag: Verslag
                      ) -> tuple[int, list[VakjesRij], Matrix]:
    kop, inhoud = sectie
    nummer = re.search(r"Kerntaak (\d+)", kop.tekst)
    matrix = lees_matrix([e for e in inhoud if e.soort == "rij"], verslag,
                         f"deel B, {kop.tekst}")
    for element in inhoud:
        if element.soort not in ("rij", "lijn"):
            verslag.niet_plaatsen(element.regel, f"{kop.tekst}: {element.tekst[:60]}")
    for regel in matrix.regels:
        if regel.kruisjes or regel.los:
            verslag.niet_plaatsen(regel.regel, f"{kop.tekst}, werkproces {regel.werkproces}: "
                                  "kruisjes in een overzichtsmatrix zonder kleur")
    return (int(nummer.group(1)) if nummer else 0,
            [VakjesRij(werkproces=r.werkproces, vakjes=r.vakjes) for r in matrix.regels], matrix)


def _kerntaak(sectie: Sectie, matrices: dict[int, list[VakjesRij]], verslag: Verslag,
              bestand: str) -> KerntaakCompetentiegericht:
    """One kerntaak of deel B 5: its table (beschrijving | codes | titles) and the text the
    page break pushed below the table."""
    kop, inhoud = sectie
    gevonden = re.search(r"Kerntaak (\d+):?\s*(.+)$", kop.tekst)
    if not gevonden:
        raise ImportFout(bestand, kop.regel, f"verwacht 'Kerntaak <n>: <titel>', gevonden "
                         f"'{kop.tekst}'")
    nummer = int(gevonden.group(1))
    beschrijving: list[Blok] = []
    werkprocessen: list[WerkprocesCompetentiegericht] = []
    for element in inhoud:
        if element.soort == "rij":
            _kerntaakrij(element, nummer, beschrijving, werkprocessen, verslag, bestand)
        elif element.soort == "alinea" and beschrijving:
            _vervolg(beschrijving, lees_cel(element.ruw).blokken)
            verslag.afgeleid(f"kerntaak {nummer}", "tekst onder de tabel is het vervolg van "
                             "'Beschrijving kerntaak' (paginaovergang); aangesloten", element.regel)
        else:
            verslag.niet_plaatsen(element.regel, f"kerntaak {nummer}: {element.tekst[:60]}")
    if not beschrijving or not werkprocessen:
        raise ImportFout(bestand, kop.regel, f"kerntaak {nummer}: verwacht een beschrijving en "
                         "werkprocessen")
    return KerntaakCompetentiegericht(nummer=nummer, titel=gevonden.group(2),
                                      beschrijving=beschrijving, werkprocessen=werkprocessen,
                                      totaaloverzicht=matrices.get(nummer, []))


def _kerntaakrij(rij: Element, nummer: int, beschrijving: list[Blok],
                 werkprocessen: list[WerkprocesCompetentiegericht], verslag: Verslag,
                 bestand: str) -> None:
    cellen = [*rij.cellen, "", "", ""]
    eerste = lees_cel(cellen[0])
    if re.match(rf"^Kerntaak {nummer}\b", eerste.tekst) and "Werkprocessen" in lees_cel(
            cellen[1]).tekst:
        return  # the table's header row repeats the heading
    blokken = eerste.blokken
    if blokken and blokken[0] == "Beschrijving kerntaak:":
        blokken = blokken[1:]
    beschrijving.extend(blokken)
    codes = lees_cel(cellen[1]).alineas
    titels = lees_cel(cellen[2]).alineas
    if len(codes) != len(titels) or not all(WERKPROCES_CODE.match(c) for c in codes):
        raise ImportFout(bestand, rij.regel, f"kerntaak {nummer}: werkprocescodes en titels "
                         "passen niet bij elkaar")
    for code, titel in zip(codes, titels, strict=True):
        if not code.startswith(f"{nummer}."):
            verslag.opmerking(rij.regel, f"werkproces {code} staat bij kerntaak {nummer}")
        werkprocessen.append(WerkprocesCompetentiegericht(code=code, titel=titel))


def _vervolg(blokken: list[Blok], vervolg: list[Blok]) -> None:
    """Append text continued after a page break; a broken-off sentence is joined."""
    if blokken and vervolg and isinstance(blokken[-1], str) and isinstance(vervolg[0], str) \
            and not re.search(r"[.!?:]$", blokken[-1]):
        naad = "" if re.search(r"\w-$", blokken[-1]) and vervolg[0][:1].islower() else " "
        blokken[-1] = blokken[-1] + naad + vervolg[0]
        vervolg = vervolg[1:]
    blokken.extend(vervolg)
