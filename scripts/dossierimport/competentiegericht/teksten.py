"""A competentiegericht dossier as text, in the order the source prints it.

This is what a reader of the site sees: the data plus the format's fixed labels (section
headings, table headers, the legend of the overview). It is compared word by word with the
source to show that no text was lost.
"""

from __future__ import annotations

from collections.abc import Iterator

from dossierimport.competentiegericht.deel_ab import REKENKOLOMMEN, TAALKOLOMMEN
from dossierimport.competentiegericht.deel_c import ZIE_EERSTE
from dossierimport.competentiegericht.secties import LETTERS
from kwalificatiedossiers.model.competentiegericht import (
    DossierCompetentiegericht,
    MatrixRij,
    Rekeneisen,
    Taaleisen,
    Uitstroom,
    Verwijzing,
)
from kwalificatiedossiers.model.tekst import Blok, platte_tekst

TAALKOPPEN = tuple(TAALKOLOMMEN)
REKENKOPPEN = tuple(REKENKOLOMMEN)
KOLOMKOPPEN = "Competentie Component(en) Prestatie-indicator Vakkennis en vaardigheden"


def leesvolgorde(dossier: DossierCompetentiegericht, namen: list[str]) -> Iterator[str]:
    """Every text of the dossier with its labels, in source order; ``namen`` are the 25
    competence names (the matrices print them as column headers)."""
    yield from _titelpagina(dossier)
    yield from _deel_a(dossier)
    yield from _deel_b(dossier, namen)
    yield from _deel_c(dossier, namen)
    yield from _deel_d(dossier)


def _t(tekst: list[Blok]) -> list[str]:
    return platte_tekst(tekst)


def _titelpagina(d: DossierCompetentiegericht) -> Iterator[str]:
    yield from (x for x in (d.uitgever, d.reeks, d.titel) if x)
    yield from ("Crebonummer:", ", ".join(d.crebos), "Sector:", d.sector or "",
                "Branche:", ", ".join(d.branches), "Cohort:", d.cohort, "Inleiding")
    yield from _t(d.inleiding)


def _deel_a(d: DossierCompetentiegericht) -> Iterator[str]:
    yield from ("Deel A: Beeld van de beroepengroep", d.deel_a.titel)
    for onderdeel in d.deel_a.onderdelen:
        yield onderdeel.titel
        yield from _t(onderdeel.tekst)
    beeld = d.deel_a.kwalificaties_in_beeld
    yield "Kwalificaties in beeld"
    yield from _t(beeld.inleiding)
    for niveau in beeld.niveaus:
        yield f"Niveau {niveau.niveau}"
        for kwalificatie in niveau.kwalificaties:
            yield kwalificatie.naam
            yield from kwalificatie.uitstromen


def _deel_b(d: DossierCompetentiegericht, namen: list[str]) -> Iterator[str]:
    b = d.deel_b
    yield from ("Deel B: De kwalificaties", "1. Inleiding", *_t(b.inleiding),
                "2. Algemene informatie", "2.1 Colofon", "Onder regie van",
                d.colofon.onder_regie_van, "Ontwikkeld door", d.colofon.ontwikkeld_door,
                "Verantwoording Vastgesteld door:", d.colofon.vastgesteld_door, "Op:",
                d.colofon.vastgesteld_op.strftime("%d-%m-%Y"), "Te:", d.colofon.vastgesteld_te)
    f = d.formele_vereisten
    yield from ("2.2 Formele vereisten", "Diploma(s)",
                *(f"{x.titel} - {x.niveau}" for x in f.diplomas), "In- en doorstroomrechten",
                *_t(f.in_en_doorstroomrechten), "Certificeerbare eenheden",
                *f.certificeerbare_eenheden, "Wettelijke beroepsvereisten",
                f.wettelijke_beroepsvereisten or "", "Branche vereisten", f.branchevereisten or "",
                "Bron- en referentiedocumenten", *_t(f.bron_en_referentiedocumenten),
                "2.3 Typering beroepengroep", *_t(b.typering), "2.4 Loopbaanperspectief")
    for uitstroom in d.uitstromen:
        yield uitstroom.titel
        yield from _t(uitstroom.loopbaanperspectief)
    yield "2.5 Trends en innovaties"
    yield from _t(b.trends_en_innovaties.inleiding)
    for onderwerp in b.trends_en_innovaties.onderwerpen:
        yield onderwerp.titel
        yield from _t(onderwerp.tekst)
    yield from _overzicht(d)
    yield "4. Beschrijving van de uitstromen"
    yield from _t(b.uitstromen_inleiding)
    for i, uitstroom in enumerate(d.uitstromen, start=1):
        yield f"4.{i}"
        yield from _uitstroom_b(uitstroom)
    yield "5. Beschrijving van de kerntaken"
    yield from _t(d.kerntaken_inleiding)
    for k in d.kerntaken:
        yield from (f"5.{k.nummer} Kerntaak {k.nummer}: {k.titel}", f"Kerntaak {k.nummer}",
                    k.titel, f"Werkprocessen bij kerntaak {k.nummer}", "Beschrijving kerntaak:")
        yield from _t(k.beschrijving)
        for w in k.werkprocessen:
            yield from (w.code, w.titel)
    yield "6. Totaal overzicht proces-competentie-matrices"
    yield from _t(d.matrices_inleiding)
    for k in d.kerntaken:
        yield f"6.{k.nummer} Proces-competentie-matrix Kerntaak {k.nummer}: {k.titel}"
        yield from _matrix(d, f"Kerntaak {k.nummer} {k.titel}",
                           [MatrixRij(werkproces=r.werkproces) for r in k.totaaloverzicht],
                           namen)


def _overzicht(d: DossierCompetentiegericht) -> Iterator[str]:
    yield "3. Overzicht van het kwalificatiedossier"
    yield from _t(d.deel_b.overzicht.inleiding)
    yield "Legenda:"
    for uitstroom in d.uitstromen:
        yield f"{uitstroom.code}: {uitstroom.titel}"
    yield "Kerntaak Werkproces Uitstroom"
    yield " ".join(u.code for u in d.uitstromen)
    rijen = {r.werkproces: r for r in d.deel_b.overzicht.werkprocessen}
    for k in d.kerntaken:
        yield f"Kerntaak {k.nummer}: {k.titel}"
        for w in k.werkprocessen:
            yield f"{w.code} {w.titel}"
            yield " ".join("x" for _ in (rijen[w.code].uitstromen if w.code in rijen else []))


def _uitstroom_b(u: Uitstroom) -> Iterator[str]:
    yield from (u.titel, "Algemene informatie", "Context van de uitstroom", *_t(u.context),
                "Typerende beroepshouding", *_t(u.beroepshouding),
                "Niveau van de beroepsuitoefening", f"Niveau {u.niveau}",
                "Rol en verantwoordelijkheden", *_t(u.rol_en_verantwoordelijkheden),
                "Complexiteit", *_t(u.complexiteit), "Wettelijke beroepsvereisten",
                u.wettelijke_beroepsvereisten or "", "Branche vereisten",
                *_t(u.branchevereisten),
                "Nederlands en (moderne) vreemde talen, rekenen en wiskunde",
                *_t(u.talen_en_rekenen))
    for taal in u.taaleisen:
        yield from _raster(taal)
    if u.rekeneisen is not None:
        yield from _raster(u.rekeneisen)


def _raster(raster: Taaleisen | Rekeneisen) -> Iterator[str]:
    koppen: tuple[str, ...]
    if isinstance(raster, Taaleisen):
        titel, koppen = raster.taal, TAALKOPPEN
        niveaus = ("C2", "C1", "B2", "B1", "A2", "A1")
    else:
        titel, koppen = raster.titel, REKENKOPPEN
        niveaus = ("Z2", "Z1", "Y2", "Y1", "X2", "X1")
    kolommen = [v for k, v in raster.model_dump().items() if k not in ("taal", "titel")]
    yield titel
    yield from koppen
    for niveau in niveaus:
        yield niveau
        yield " ".join("x" for kolom in kolommen if niveau in kolom)


def _matrix(d: DossierCompetentiegericht, kop: str, rijen: list[MatrixRij],
            namen: list[str]) -> Iterator[str]:
    yield from (kop, "Competenties", *LETTERS, *namen, "Werkprocessen")
    titels = {w.code: w.titel for k in d.kerntaken for w in k.werkprocessen}
    kerntaken = {str(k.nummer): k.titel for k in d.kerntaken}
    groep = ""
    for rij in rijen:
        nummer = rij.werkproces.split(".")[0]
        if nummer != groep:
            groep = nummer
            yield f"Kerntaak {nummer}: {kerntaken.get(nummer, '')}"
        yield from (rij.werkproces, titels.get(rij.werkproces, ""))
        yield " ".join("x" for _ in rij.competenties)


def _deel_c(d: DossierCompetentiegericht, namen: list[str]) -> Iterator[str]:
    yield from ("Deel C: Uitwerking van de kwalificaties", "1. Inleiding")
    yield from _t(d.deel_c_inleiding)
    yield "2. Uitstromen"
    kerntaken = {k.nummer: k for k in d.kerntaken}
    titels = {w.code: w.titel for k in d.kerntaken for w in k.werkprocessen}
    for i, u in enumerate(d.uitstromen, start=1):
        yield f"2.{i} {u.titel}"
        for uk in u.uitwerking:
            kop = f"Kerntaak {uk.kerntaak} {kerntaken[uk.kerntaak].titel}" \
                if uk.kerntaak in kerntaken else ""
            if uk.matrix is not None:
                yield from (kop, f"Proces-competentie-matrix {u.titel}")
                yield from _matrix(d, kop, uk.matrix, namen)
                yield "Betekenis van de kerntaak voor deze uitstroom"
            yield from _t(uk.betekenis)
            yield f"Detaillering proces-competentie-matrix {u.titel}"
            for w in uk.werkprocessen:
                yield from (kop, f"{w.werkproces} werkproces: {titels.get(w.werkproces, '')}",
                            "Omschrijving", *_t(w.omschrijving), "Gewenst resultaat",
                            *_t(w.gewenst_resultaat),
                            KOLOMKOPPEN)
                for c in w.competenties:
                    yield from (c.competentie, *c.componenten, *_t(c.prestatie_indicator))
                    yield from [ZIE_EERSTE] if isinstance(c.vakkennis, Verwijzing) \
                        else c.vakkennis
    if d.certificeerbare_eenheden is not None:
        ce = d.certificeerbare_eenheden
        yield "3. Certificeerbare eenheden"
        yield from _t(ce.inleiding)
        for i, eenheid in enumerate(ce.eenheden, start=1):
            yield from (f"3.{i} Nadere specificatie {eenheid.titel}", "Certificeerbare eenheid",
                        "Beroepsinhoud en voorkomende functiebenaming(en)",
                        *_t(eenheid.beroepsinhoud), f"Proces-competentie-matrix {eenheid.titel}")
            yield from _matrix(d, "Kerntaak Werkproces", eenheid.matrix, namen)


def _deel_d(d: DossierCompetentiegericht) -> Iterator[str]:
    v = d.verantwoording
    if v is None:
        return
    yield from ("Deel D: Verantwoording", "1. Inleiding", *_t(v.inleiding),
                "2. Proces- en inhoudsinformatie", "2.1 Betrokkenen", *_t(v.betrokkenen),
                "2.2 Verwantschap", *_t(v.verwantschap),
                "2.3 Vertaling beroepscompetentieprofielen in kwalificatiedossier",
                *_t(v.vertaling_bcps), "2.4 Discussiepunten", *_t(v.discussiepunten),
                "2.5 Wijzigingen ten opzichte van de voorgaande versie",
                "Categorie Kruis aan welke categorie van toepassing is Omschrijving")
    for c in v.wijzigingen.categorieen:
        yield from (f"Categorie {c.nummer}: {c.naam}", "x" if c.aangekruist else "",
                    *_t(c.omschrijving))
    for c in v.wijzigingen.categorieen:
        yield from (f"Categorie {c.nummer}: {c.naam}", *_t(c.toelichting))
    if v.wijzigingen.versiebeheer is not None:
        yield from ("Versiebeheer van het kwalificatiedossier",
                    *_t(v.wijzigingen.versiebeheer.inleiding), "Reden nieuwe versie")
        for versie in v.wijzigingen.versiebeheer.versies:
            yield from (versie.versie, *_t(versie.reden))
    yield from ("3. Ontwikkel- en onderhoudsperspectief", *_t(v.ontwikkelperspectief))
    if v.agenda is not None:
        yield from (v.agenda.titel, "Onderwerp Actie Wie Wanneer")
        for punt in v.agenda.punten:
            yield from (punt.onderwerp, *_t(punt.actie), punt.wie or "", *punt.wanneer,
                        *_t(punt.toelichting))
