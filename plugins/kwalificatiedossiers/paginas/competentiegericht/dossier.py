"""The page of a competentiegericht dossier (metadata, deel A, B, C and D) and its provenance
page with the inconsistencies of the source that the data shows."""

from __future__ import annotations

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index, dossiernaam, normaliseer_titel
from kwalificatiedossiers.model.competentiegericht import (
    CertificeerbareEenhedenBestand,
    DossierCompetentiegericht,
    Verantwoording,
)
from kwalificatiedossiers.model.tekst import platte_tekst
from kwalificatiedossiers.opmaak import (
    alinea,
    esc,
    gegevens,
    geneste_lijst,
    kop,
    lijst,
    link,
    samen,
    tabel,
    tekstblokken,
    vet,
)
from kwalificatiedossiers.paginas.basis import HOME, Kruimel, Pagina, datum
from kwalificatiedossiers.paginas.competentiegericht.vergelijking import (
    matrixtabel,
    overzichtstabel,
)
from kwalificatiedossiers.paginas.dossier import Verwijzing, bron_van_dossier, onderdelen
from kwalificatiedossiers.paginas.relaties import dossierrelaties
from kwalificatiedossiers.uitwerkingen import Uitwerkingen, kerntaakcode


def en(items: list[str]) -> str:
    """``a, b en c``."""
    return " en ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def dossier_paginas(index: Index, dossier: DossierCompetentiegericht) -> tuple[Pagina, Pagina]:
    """The page of one competentiegericht dossier and its provenance page (with what the
    source contradicts)."""
    uitwerkingen = index.uitwerkingen(dossier)
    verantwoording = [(samen(_deel_d(dossier.verantwoording)),
                       [("Deel D: Verantwoording", "deel-d")])] if dossier.verantwoording else []
    bron, verwijzing = bron_van_dossier(
        index, dossier, verantwoording,
        [_tegenstrijdigheden(uitwerkingen, urls.bron_src(dossier.id))])
    return dossier_pagina(index, dossier, verwijzing), bron


def dossier_pagina(index: Index, dossier: DossierCompetentiegericht, bron: Verwijzing) -> Pagina:
    """The page of one competentiegericht dossier (``bron``: the section pointing at its
    provenance page)."""
    src = urls.dossier_src(dossier.id)
    uitwerkingen = index.uitwerkingen(dossier)
    niveaus = [str(n) for n in sorted({u.niveau for u in dossier.uitstromen})]
    delen = [
        kop(1, dossiernaam(dossier)),
        alinea(f"Kwalificatiedossier uit de competentiegerichte kwalificatiestructuur. "
               f"{esc(dossier.cohort)}, crebo {esc(en(dossier.crebos))}, mbo-niveau "
               f"{en(niveaus)}. In plaats van profielen heeft dit dossier uitstromen; de "
               "competenties zijn per uitstroom en werkproces uitgewerkt."),
        gegevens([
            ("Crebo", esc(", ".join(dossier.crebos))),
            ("Cohort", esc(dossier.cohort)),
            ("Sector", esc(dossier.sector) if dossier.sector else None),
            ("Branche", esc(", ".join(dossier.branches)) if dossier.branches else None),
            ("Kenniscentrum", esc(dossier.uitgever) if dossier.uitgever else None),
            ("Reeks", esc(dossier.reeks) if dossier.reeks else None),
        ]),
        kop(2, "Uitstromen", "uitstromen"),
        _uitstroomtabel(uitwerkingen, src),
    ]
    if len(dossier.uitstromen) > 1:
        delen.append(alinea(
            f"Zie {link('de vergelijking van de uitstromen', src, urls.matrix_src(dossier.id))}:"
            " welke werkprocessen ze delen en waar hun uitwerking verschilt."))
    delen.append(dossierrelaties(index, dossier.id, src))
    if dossier.inleiding:
        delen += [kop(2, "Inleiding", "inleiding"), tekstblokken(dossier.inleiding)]
    delen += _deel_a(dossier)
    delen += _deel_b(index, dossier, uitwerkingen, src)
    delen += _deel_c(index, dossier, src)
    delen += bron(samen(delen))
    return Pagina(
        src=src,
        titel=dossiernaam(dossier),
        body=samen(delen),
        soort="dossier",
        kruimelpad=(HOME, Kruimel(dossiernaam(dossier), None)),
        bron=index.corpus.bronplekken.get((dossier.id, "")),
        beschrijving=f"Kwalificatiedossier {dossiernaam(dossier)}, crebo {en(dossier.crebos)}: "
        f"{len(dossier.uitstromen)} uitstromen.",
    )


def _uitstroomtabel(uitwerkingen: Uitwerkingen, src: str) -> str:
    dossier = uitwerkingen.dossier
    return tabel(["Code", "Uitstroom", "Mbo-niveau", "Werkprocessen"], [
        [link(u.code, src, urls.entiteit_src(dossier.id, u.code)),
         link(u.titel, src, urls.entiteit_src(dossier.id, u.code)), str(u.niveau),
         str(len(uitwerkingen.werkprocessen_van(u)))]
        for u in dossier.uitstromen
    ])


def _deel_a(dossier: DossierCompetentiegericht) -> list[str]:
    deel_a = dossier.deel_a
    inbeeld = deel_a.kwalificaties_in_beeld
    delen = [
        kop(2, "Deel A: Beeld van de beroepengroep", "deel-a"),
        kop(3, deel_a.titel, "beeld"),
        onderdelen(deel_a.onderdelen, 4),
        kop(3, "Kwalificaties in beeld", "kwalificaties-in-beeld"),
        tekstblokken(inbeeld.inleiding, 4),
    ]
    for niveau in inbeeld.niveaus:
        delen.append(vet(f"Niveau {niveau.niveau}"))
        delen.append(geneste_lijst(
            (esc(k.naam), [esc(u) for u in k.uitstromen]) for k in niveau.kwalificaties))
    return delen


def _deel_b(index: Index, dossier: DossierCompetentiegericht, uitwerkingen: Uitwerkingen,
            src: str) -> list[str]:
    deel_b = dossier.deel_b
    colofon = dossier.colofon
    vereisten = dossier.formele_vereisten
    uitstroom_op_titel = {normaliseer_titel(u.titel): u for u in dossier.uitstromen}

    def diploma(titel: str, niveau: int) -> str:
        uitstroom = uitstroom_op_titel.get(normaliseer_titel(titel))
        naam = (link(titel, src, urls.entiteit_src(dossier.id, uitstroom.code)) if uitstroom
                else esc(titel))
        return f"{naam} (niveau {niveau})"

    eenheden = dossier.certificeerbare_eenheden
    delen = [
        kop(2, "Deel B: De kwalificaties", "deel-b"),
        tekstblokken(deel_b.inleiding, 3),
        kop(3, "Colofon", "colofon"),
        gegevens([
            ("Onder regie van", esc(colofon.onder_regie_van)),
            ("Ontwikkeld door", esc(colofon.ontwikkeld_door)),
            ("Vastgesteld door", esc(colofon.vastgesteld_door)),
            ("Vastgesteld op", datum(colofon.vastgesteld_op)),
            ("Vastgesteld te", esc(colofon.vastgesteld_te)),
        ]),
        kop(3, "Formele vereisten", "formele-vereisten"),
        kop(4, "Diploma's", "diplomas"),
        lijst(diploma(d.titel, d.niveau) for d in vereisten.diplomas),
    ]
    if vereisten.in_en_doorstroomrechten:
        delen += [kop(4, "In- en doorstroomrechten", "in-en-doorstroomrechten"),
                  tekstblokken(vereisten.in_en_doorstroomrechten, 5)]
    if vereisten.certificeerbare_eenheden:
        delen += [kop(4, "Certificeerbare eenheden", "formele-certificeerbare-eenheden"),
                  lijst(esc(naam) for naam in vereisten.certificeerbare_eenheden)]
        if eenheden:
            naar_eenheden = link("de certificeerbare eenheden in deel C", src,
                                 "#certificeerbare-eenheden")
            delen.append(alinea(f"Zie {naar_eenheden}."))
    delen.append(gegevens([
        ("Wettelijke beroepsvereisten", esc(vereisten.wettelijke_beroepsvereisten)
         if vereisten.wettelijke_beroepsvereisten else None),
        ("Branchevereisten", esc(vereisten.branchevereisten)
         if vereisten.branchevereisten else None),
    ]))
    if vereisten.bron_en_referentiedocumenten:
        delen += [kop(4, "Bron- en referentiedocumenten", "bron-en-referentiedocumenten"),
                  tekstblokken(vereisten.bron_en_referentiedocumenten, 5)]
    if deel_b.typering:
        delen += [kop(3, "Typering beroepengroep", "typering"), tekstblokken(deel_b.typering, 4)]
    met_perspectief = [u for u in dossier.uitstromen if u.loopbaanperspectief]
    if met_perspectief:
        delen += [
            kop(3, "Loopbaanperspectief", "loopbaanperspectief"),
            alinea("Het loopbaanperspectief staat per uitstroom op de pagina van de uitstroom:"),
            lijst(link(f"{u.code} {u.titel}", src,
                       urls.entiteit_src(dossier.id, u.code) + "#loopbaanperspectief")
                  for u in met_perspectief),
        ]
    trends = deel_b.trends_en_innovaties
    if trends.inleiding or trends.onderwerpen:
        delen += [kop(3, "Trends en innovaties", "trends"), tekstblokken(trends.inleiding, 4),
                  onderdelen(trends.onderwerpen, 4)]
    delen += [
        kop(3, "Overzicht van het kwalificatiedossier", "overzicht"),
        tekstblokken(deel_b.overzicht.inleiding, 4),
        overzichtstabel(index, dossier, src),
        kop(3, "Beschrijving van de uitstromen", "beschrijving-uitstromen"),
        tekstblokken(deel_b.uitstromen_inleiding, 4),
        lijst(link(f"{u.code} {u.titel}", src, urls.entiteit_src(dossier.id, u.code))
              for u in dossier.uitstromen),
        kop(3, "Kerntaken", "kerntaken"),
        tekstblokken(dossier.kerntaken_inleiding, 4),
        kerntakenlijst(uitwerkingen, src),
        kop(3, "Totaaloverzicht proces-competentie-matrices", "totaaloverzicht"),
        tekstblokken(dossier.matrices_inleiding, 4),
        alinea("De matrices staan per uitstroom op de pagina's van de uitstromen; het "
               "totaaloverzicht per kerntaak op de pagina's van de kerntaken:"),
        lijst(link(f"Kerntaak {k.nummer}: {k.titel}", src,
                   urls.entiteit_src(dossier.id, kerntaakcode(k.nummer)) + "#totaaloverzicht")
              for k in dossier.kerntaken),
    ]
    return delen


def kerntakenlijst(uitwerkingen: Uitwerkingen, src: str) -> str:
    """Nested list: the kerntaken with their werkprocessen, linked."""
    dossier_id = uitwerkingen.dossier.id
    return geneste_lijst(
        (link(f"Kerntaak {kerntaak.nummer}: {kerntaak.titel}", src,
              urls.entiteit_src(dossier_id, code)),
         [link(f"{w.code} {w.titel}", src, urls.entiteit_src(dossier_id, w.code))
          for w in kerntaak.werkprocessen])
        for code, kerntaak in uitwerkingen.kerntaken.items()
    )


def _deel_c(index: Index, dossier: DossierCompetentiegericht, src: str) -> list[str]:
    delen = [
        kop(2, "Deel C: Uitwerking per uitstroom", "deel-c"),
        tekstblokken(dossier.deel_c_inleiding, 3),
        alinea("De uitwerking staat per uitstroom op de pagina's van de uitstromen (met hun "
               "proces-competentie-matrices) en per werkproces op de pagina's van de "
               "werkprocessen:"),
        lijst(link(f"{u.code} {u.titel}", src, urls.entiteit_src(dossier.id, u.code))
              for u in dossier.uitstromen),
    ]
    if dossier.certificeerbare_eenheden:
        delen += certificeerbare_eenheden(index, dossier, dossier.certificeerbare_eenheden, src)
    return delen


def certificeerbare_eenheden(index: Index, dossier: DossierCompetentiegericht,
                             eenheden: CertificeerbareEenhedenBestand, src: str) -> list[str]:
    """Deel C 3: each certificeerbare eenheid with its beroepsinhoud and matrix."""
    delen = [kop(3, "Certificeerbare eenheden", "certificeerbare-eenheden"),
             tekstblokken(eenheden.inleiding, 4)]
    for nummer, eenheid in enumerate(eenheden.eenheden, 1):
        delen += [
            kop(4, eenheid.titel, f"eenheid-{nummer}"),
            vet("Beroepsinhoud en voorkomende functiebenaming(en)"),
            tekstblokken(eenheid.beroepsinhoud, 5),
        ]
        if eenheid.matrix:
            delen.append(matrixtabel(index, dossier, src,
                                     f"Proces-competentie-matrix {eenheid.titel}",
                                     [(r.werkproces, r.competenties) for r in eenheid.matrix]))
    return delen


def _deel_d(verantwoording: Verantwoording) -> list[str]:
    delen = [kop(2, "Deel D: Verantwoording", "deel-d"), tekstblokken(verantwoording.inleiding, 3)]
    for titel, anker, tekst in (
        ("Betrokkenen", "betrokkenen", verantwoording.betrokkenen),
        ("Verwantschap", "verwantschap", verantwoording.verwantschap),
        ("Vertaling beroepscompetentieprofielen in kwalificatiedossier", "vertaling-bcps",
         verantwoording.vertaling_bcps),
        ("Discussiepunten", "discussiepunten", verantwoording.discussiepunten),
    ):
        if tekst:
            delen += [kop(3, titel, anker), tekstblokken(tekst, 4)]
    wijzigingen = verantwoording.wijzigingen
    delen += [
        kop(3, "Wijzigingen ten opzichte van de voorgaande versie", "wijzigingen"),
        tabel(
            ["Categorie", "Naam", "Van toepassing", "Omschrijving"],
            [[str(c.nummer), esc(c.naam), "ja" if c.aangekruist else "nee",
              esc(" ".join(platte_tekst(c.omschrijving)))] for c in wijzigingen.categorieen],
        ),
    ]
    for categorie in wijzigingen.categorieen:
        if categorie.toelichting:
            delen += [vet(f"Toelichting bij categorie {categorie.nummer} ({categorie.naam})"),
                      tekstblokken(categorie.toelichting, 4)]
    if wijzigingen.versiebeheer:
        versiebeheer = wijzigingen.versiebeheer
        delen += [kop(3, "Versiebeheer van het kwalificatiedossier", "versiebeheer"),
                  tekstblokken(versiebeheer.inleiding, 4)]
        for versie in versiebeheer.versies:
            delen += [vet(versie.versie), tekstblokken(versie.reden, 4)]
    if verantwoording.ontwikkelperspectief or verantwoording.agenda:
        delen += [kop(3, "Ontwikkel- en onderhoudsperspectief", "ontwikkelperspectief"),
                  tekstblokken(verantwoording.ontwikkelperspectief, 4)]
    if verantwoording.agenda:
        delen.append(kop(4, verantwoording.agenda.titel, "agenda"))
        for punt in verantwoording.agenda.punten:
            delen += [
                vet(punt.onderwerp),
                tekstblokken(punt.actie, 5),
                gegevens([
                    ("Wie", esc(punt.wie) if punt.wie else None),
                    ("Wanneer", esc("; ".join(punt.wanneer)) if punt.wanneer else None),
                ]),
                tekstblokken(punt.toelichting, 5),
            ]
    return delen


def _tegenstrijdigheden(uitwerkingen: Uitwerkingen, src: str
                        ) -> tuple[str, list[tuple[str, str]]]:
    """What the data shows the source to disagree with itself about (computed from the data,
    as the importer reports it; nothing repaired), and the titles and anchors of its parts."""
    dossier = uitwerkingen.dossier
    secties = [("Tegenstrijdigheden in de bron", "tegenstrijdigheden")]
    delen = [
        kop(2, "Tegenstrijdigheden in de bron", "tegenstrijdigheden"),
        alinea("Berekend uit de gegevens op deze site: waar de bron zichzelf tegenspreekt. Er "
               "is niets hersteld; elke pagina toont de bron zoals die is."),
    ]
    ontbrekend = [
        f"{esc(u.code)} × kerntaak {k.kerntaak}: de bron heeft voor deze uitstroom en kerntaak "
        "geen proces-competentie-matrix (de uitwerking in deel C is er wel)."
        for u in dossier.uitstromen for k in u.uitwerking if k.matrix is None
    ]
    if ontbrekend:
        delen += [kop(3, "Ontbrekende matrices", "ontbrekende-matrices"), lijst(ontbrekend)]
        secties.append(("Ontbrekende matrices", "ontbrekende-matrices"))
    delen.append(kop(3, "Overzicht en deel C", "overzicht-en-deel-c"))
    secties += [("Overzicht en deel C", "overzicht-en-deel-c"),
                ("Proces-competentie-matrices en deel C", "matrices-en-deel-c")]
    verschillen = uitwerkingen.overzichtverschillen()
    delen.append(
        lijst(esc(v) for v in verschillen) if verschillen else
        alinea("Het overzicht (deel B 3) en de uitwerking in deel C noemen voor elke uitstroom "
               "dezelfde werkprocessen."))
    rijen = [
        [link(v.uitstroom, src, urls.entiteit_src(dossier.id, v.uitstroom)),
         link(v.werkproces, src, urls.uitwerking_src(dossier.id, v.werkproces, v.uitstroom)),
         esc(", ".join(v.alleen_matrix)) or "–",
         esc(", ".join(v.alleen_deel_c)) or "–"]
        for u in dossier.uitstromen for v in uitwerkingen.matrixverschillen(u)
    ]
    delen.append(kop(3, "Proces-competentie-matrices en deel C", "matrices-en-deel-c"))
    if rijen:
        delen += [
            alinea("Competenties die de proces-competentie-matrix van een uitstroom aankruist "
                   "en deel C niet uitwerkt, of omgekeerd (letters A–Y). Veel verschillen "
                   "liggen één kolom naast elkaar: waarschijnlijk een verschoven kruisje in de "
                   "bron."),
            tabel(["Uitstroom", "Werkproces", "Alleen in de matrix", "Alleen in deel C"], rijen),
        ]
    else:
        delen.append(alinea("De matrices en de uitwerking in deel C noemen dezelfde "
                            "competenties."))
    return samen(delen), secties
