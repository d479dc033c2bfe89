"""Uitstroom, kerntaak and werkproces pages of competentiegericht dossiers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import get_args

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Entiteit, Index, dossiernaam
from kwalificatiedossiers.model.competentiegericht import (
    DossierCompetentiegericht,
    KerntaakCompetentiegericht,
    Rekeneisen,
    Rekenniveau,
    Taaleisen,
    Taalniveau,
    Uitstroom,
    WerkprocesCompetentiegericht,
)
from kwalificatiedossiers.model.tekst import platte_tekst
from kwalificatiedossiers.opmaak import (
    alinea,
    esc,
    gegevens,
    kop,
    lijst,
    link,
    samen,
    tekstblokken,
    vet,
)
from kwalificatiedossiers.paginas.basis import (
    KAART,
    SCRIPTS_KIEZER,
    Kruimel,
    Pagina,
    kruimels_dossier,
    samenvatting,
    vergelijklinks,
    werkprocessen_van_kerntaak,
)
from kwalificatiedossiers.paginas.competentiegericht.vergelijking import (
    VERWIJZING,
    matrixtabel,
    uitstroomparen,
)
from kwalificatiedossiers.paginas.entiteiten import competentietabel, kwalificatie_structuur
from kwalificatiedossiers.paginas.matrix import html_tabel, leeg
from kwalificatiedossiers.paginas.relaties import voortzettingen
from kwalificatiedossiers.uitwerkingen import Uitvoering, Uitwerkingen, kerntaakcode

VAARDIGHEDEN = (("Luisteren", "luisteren"), ("Lezen", "lezen"),
                ("Gesprekken voeren", "gesprekken_voeren"), ("Spreken", "spreken"),
                ("Schrijven", "schrijven"))
"""The rows of a language grid: label as printed and field of :class:`Taaleisen`."""
DOMEINEN = (("Getallen", "getallen"), ("Ruimte en vorm", "ruimte_en_vorm"),
            ("Gegevens verwerking", "gegevensverwerking"), ("Verbanden", "verbanden"))
"""The rows of the rekenen-en-wiskunde grid: label as printed and field of :class:`Rekeneisen`."""
VEREIST = '<span aria-hidden="true">×</span><span class="kd-sr">vereist</span>'


def paginas(index: Index, dossier: DossierCompetentiegericht) -> Iterator[Pagina]:
    """Every uitstroom, kerntaak and werkproces page of one dossier."""
    uitwerkingen = index.uitwerkingen(dossier)
    for uitstroom in dossier.uitstromen:
        yield uitstroom_pagina(index, uitwerkingen, uitstroom)
    for kerntaak in dossier.kerntaken:
        yield kerntaak_pagina(index, uitwerkingen, kerntaak)
        for werkproces in kerntaak.werkprocessen:
            yield werkproces_pagina(index, uitwerkingen, kerntaak, werkproces)


def anker_competentie(uitstroom: str, competentie: str) -> str:
    """The anchor of a competence in an uitstroom's uitwerking on a werkproces page."""
    return f"{urls.code_slug(uitstroom)}-{competentie.lower()}"


def _kerntaaknaam(kerntaak: KerntaakCompetentiegericht) -> str:
    return f"Kerntaak {kerntaak.nummer}: {kerntaak.titel}"


def _dossierlink(dossier: DossierCompetentiegericht, src: str) -> str:
    return link(dossiernaam(dossier), src, urls.dossier_src(dossier.id))


# Uitstroom -------------------------------------------------------------------------------


def raster(bijschrift: str, hoekkop: str, niveaus: Sequence[str],
           rijen: Sequence[tuple[str, Sequence[str]]]) -> str:
    """A grid of required levels (rows: skills or domains; columns: levels) with the highest
    required level per row, as an accessible table."""
    return html_tabel(
        bijschrift, hoekkop, [*niveaus, "Hoogste niveau"],
        [
            (esc(label), [
                *(VEREIST if n in gemarkeerd else "" for n in niveaus),
                esc(max(gemarkeerd, key=niveaus.index)) if gemarkeerd else "",
            ], "kd-matrix__werkproces")
            for label, gemarkeerd in rijen
        ],
        leeg("niet vereist"),
        smal=True,
    )


def taalraster(uitstroom: Uitstroom, taal: Taaleisen) -> str:
    """A language grid (CEFR A1–C2 per skill)."""
    return raster(f"{taal.taal}: vereist niveau per vaardigheid ({uitstroom.code})",
                  "Vaardigheid", get_args(Taalniveau),
                  [(label, getattr(taal, veld)) for label, veld in VAARDIGHEDEN])


def rekenraster(uitstroom: Uitstroom, rekenen: Rekeneisen) -> str:
    """The rekenen-en-wiskunde grid (X1–Z2 per domain)."""
    return raster(f"{rekenen.titel}: vereist niveau per domein ({uitstroom.code})", "Domein",
                  get_args(Rekenniveau),
                  [(label, getattr(rekenen, veld)) for label, veld in DOMEINEN])


def uitstroom_pagina(index: Index, uitwerkingen: Uitwerkingen, uitstroom: Uitstroom) -> Pagina:
    """The page of an uitstroom: facts, description, grids, kerntaken with their matrices and
    werkprocessen, competences."""
    dossier = uitwerkingen.dossier
    src = urls.entiteit_src(dossier.id, uitstroom.code)
    delen = [
        kop(1, f"{uitstroom.code} {uitstroom.titel}"),
        gegevens([
            ("Dossier", _dossierlink(dossier, src)),
            ("Soort", "uitstroom (het profiel van de competentiegerichte dossiers)"),
            ("Mbo-niveau", str(uitstroom.niveau)),
            ("Crebo's van het dossier", esc(", ".join(dossier.crebos))),
        ]),
    ]
    for titel, anker, blokken in (
        ("Context", "context", uitstroom.context),
        ("Typerende beroepshouding", "beroepshouding", uitstroom.beroepshouding),
        ("Rol en verantwoordelijkheden", "rol", uitstroom.rol_en_verantwoordelijkheden),
        ("Complexiteit", "complexiteit", uitstroom.complexiteit),
    ):
        if blokken:
            delen += [kop(2, titel, anker), tekstblokken(blokken)]
    if uitstroom.wettelijke_beroepsvereisten or uitstroom.branchevereisten:
        delen += [
            kop(2, "Beroepsvereisten", "beroepsvereisten"),
            gegevens([("Wettelijke beroepsvereisten", esc(uitstroom.wettelijke_beroepsvereisten)
                       if uitstroom.wettelijke_beroepsvereisten else None)]),
        ]
        if uitstroom.branchevereisten:
            delen += [vet("Branchevereisten"), tekstblokken(uitstroom.branchevereisten)]
    if uitstroom.talen_en_rekenen or uitstroom.taaleisen or uitstroom.rekeneisen:
        delen += [kop(2, "Nederlands, moderne vreemde talen en rekenen", "talen-en-rekenen"),
                  tekstblokken(uitstroom.talen_en_rekenen)]
        delen += [taalraster(uitstroom, taal) for taal in uitstroom.taaleisen]
        if uitstroom.rekeneisen:
            delen.append(rekenraster(uitstroom, uitstroom.rekeneisen))
    if uitstroom.loopbaanperspectief:
        delen += [kop(2, "Loopbaanperspectief", "loopbaanperspectief"),
                  tekstblokken(uitstroom.loopbaanperspectief)]
    delen.append(voortzettingen(index, dossier.id, uitstroom.code, src))
    delen.append(kop(2, "Kerntaken en werkprocessen", "kerntaken"))
    delen += _kerntaken_van_uitstroom(index, uitwerkingen, uitstroom, src)
    uitvoeringen = uitwerkingen.werkprocessen_van(uitstroom)
    delen += [
        kop(2, "Competenties", "competenties"),
        competentietabel(
            index, src, uitwerkingen.competentie_telling(uitstroom),
            [(f"{u.uitwerking.werkproces} {_werkproces(uitwerkingen, u).titel}",
              urls.uitwerking_src(dossier.id, u.uitwerking.werkproces, uitstroom.code),
              uitwerkingen.competentie_codes(u.uitwerking)) for u in uitvoeringen],
            "De competenties die deel C in de werkprocessen van deze uitstroom uitwerkt:",
            "Deel C werkt bij deze uitstroom geen competenties uit.",
        ),
    ]
    delen += vergelijklinks(
        dossier.id, src, uitstroom.code, uitstroom.titel,
        [(u.code, u.titel) for u in dossier.uitstromen if u.code != uitstroom.code],
        "Vergelijken met een andere uitstroom")
    return Pagina(
        src=src,
        titel=f"{uitstroom.code} {uitstroom.titel}",
        body=samen(delen),
        soort="uitstroom",
        kruimelpad=(*kruimels_dossier(dossier),
                    Kruimel(f"{uitstroom.code} {uitstroom.titel}", None)),
        bron=index.corpus.bronplekken.get((dossier.id, uitstroom.code)),
        beschrijving=samenvatting(
            f"Uitstroom {uitstroom.code} {uitstroom.titel} (mbo-niveau {uitstroom.niveau}) van "
            f"het kwalificatiedossier {dossiernaam(dossier)}.", platte_tekst(uitstroom.context)),
        extra={"structuur": kwalificatie_structuur(
            uitstroom.titel, dossiernaam(dossier), uitstroom.niveau, ", ".join(dossier.crebos),
            [_kerntaaknaam(k) for k in dossier.kerntaken
             if uitwerkingen.kerntaakuitwerking(uitstroom, k) is not None]),
            "scripts": list(SCRIPTS_KIEZER)},
    )


def _werkproces(uitwerkingen: Uitwerkingen, uitvoering: Uitvoering
                ) -> WerkprocesCompetentiegericht:
    return uitwerkingen.werkprocessen[uitvoering.uitwerking.werkproces][1]


def _kerntaken_van_uitstroom(index: Index, uitwerkingen: Uitwerkingen, uitstroom: Uitstroom,
                             src: str) -> list[str]:
    """Per kerntaak of the uitstroom: its meaning, werkprocessen and proces-competentie-matrix
    (with the rows where the matrix and deel C disagree)."""
    dossier = uitwerkingen.dossier
    verschillen = {v.werkproces: v for v in uitwerkingen.matrixverschillen(uitstroom)}
    betekenissen = [deel.betekenis for k in dossier.kerntaken
                    if (deel := uitwerkingen.kerntaakuitwerking(uitstroom, k)) is not None]
    # The source prints the matrices' legend as each kerntaak's "betekenis": the same text for
    # every kerntaak is shown once, above them.
    gedeeld = betekenissen[0] if len(betekenissen) > 1 and all(
        b == betekenissen[0] for b in betekenissen) else None
    delen = [tekstblokken(gedeeld, 3)] if gedeeld else []
    for kerntaak in dossier.kerntaken:
        deel = uitwerkingen.kerntaakuitwerking(uitstroom, kerntaak)
        if deel is None:
            continue
        kerntaak_src = urls.entiteit_src(dossier.id, kerntaakcode(kerntaak.nummer))
        delen += [
            kop(3, _kerntaaknaam(kerntaak), f"kerntaak-{kerntaak.nummer}"),
            alinea(f"Zie ook {link(_kerntaaknaam(kerntaak), src, kerntaak_src)}."),
        ]
        if deel.betekenis and not gedeeld:
            delen += [vet("Betekenis van de kerntaak voor deze uitstroom"),
                      tekstblokken(deel.betekenis, 4)]
        delen.append(lijst(
            link(f"{u.uitwerking.werkproces} {_werkproces(uitwerkingen, u).titel}", src,
                 urls.uitwerking_src(dossier.id, u.uitwerking.werkproces, uitstroom.code))
            for u in uitwerkingen.werkprocessen_van(uitstroom, kerntaak)
        ) or alinea("Deel C werkt voor deze uitstroom geen werkproces van deze kerntaak uit."))
        if deel.matrix is None:
            delen.append(alinea("De bron heeft voor deze uitstroom en kerntaak geen "
                                "proces-competentie-matrix."))
            continue
        delen.append(matrixtabel(
            index, dossier, src,
            f"Proces-competentie-matrix {uitstroom.code}, kerntaak {kerntaak.nummer}",
            [(r.werkproces, r.competenties) for r in deel.matrix]))
        eigen = [verschillen[r.werkproces] for r in deel.matrix if r.werkproces in verschillen]
        if eigen:
            delen += [
                alinea("Waar deze matrix en de uitwerking in deel C verschillen (de bron is niet "
                       "hersteld):"),
                lijst(
                    link(v.werkproces, src,
                         urls.uitwerking_src(dossier.id, v.werkproces, uitstroom.code))
                    + f": alleen in de matrix {esc(', '.join(v.alleen_matrix)) or 'niets'}; "
                    f"alleen in deel C {esc(', '.join(v.alleen_deel_c)) or 'niets'}"
                    for v in eigen
                ),
            ]
    return delen


# Kerntaak --------------------------------------------------------------------------------


def kerntaak_pagina(index: Index, uitwerkingen: Uitwerkingen,
                    kerntaak: KerntaakCompetentiegericht) -> Pagina:
    """The page of a kerntaak: beschrijving, werkprocessen with their uitstromen, meaning per
    uitstroom, the overview matrix of deel B 6."""
    dossier = uitwerkingen.dossier
    code = kerntaakcode(kerntaak.nummer)
    src = urls.entiteit_src(dossier.id, code)
    uitstromen = uitwerkingen.uitstromen_van_kerntaak(kerntaak)
    delen = [
        kop(1, _kerntaaknaam(kerntaak)),
        gegevens([
            ("Dossier", _dossierlink(dossier, src)),
            ("Uitstromen", ", ".join(
                link(f"{u.code} {u.titel}", src, urls.entiteit_src(dossier.id, u.code))
                for u in uitstromen) or None),
        ]),
        kop(2, "Werkprocessen", "werkprocessen"),
        lijst(
            link(f"{w.code} {w.titel}", src, urls.entiteit_src(dossier.id, w.code))
            + " — " + (", ".join(
                link(u.code, src, urls.uitwerking_src(dossier.id, w.code, u.code))
                for u in uitwerkingen.uitstromen_van(w.code)) or "geen uitstroom")
            for w in kerntaak.werkprocessen
        ),
        kop(2, "Beschrijving", "beschrijving"),
        tekstblokken(kerntaak.beschrijving),
    ]
    met_betekenis = [
        (u, deel) for u in uitstromen
        if (deel := uitwerkingen.kerntaakuitwerking(u, kerntaak)) is not None
    ]
    if met_betekenis:
        delen.append(kop(2, "Betekenis per uitstroom", "betekenis"))
        for uitstroom, deel in met_betekenis:
            delen += [
                kop(3, f"{uitstroom.code} {uitstroom.titel}",
                    f"betekenis-{urls.code_slug(uitstroom.code)}"),
                tekstblokken(deel.betekenis, 4) if deel.betekenis else
                alinea("De bron geeft voor deze uitstroom geen betekenis van de kerntaak."),
                alinea("De proces-competentie-matrix van deze uitstroom staat op "
                       + link(f"de pagina van {uitstroom.code}", src,
                              urls.entiteit_src(dossier.id, uitstroom.code)
                              + f"#kerntaak-{kerntaak.nummer}") + "."),
            ]
    if kerntaak.totaaloverzicht:
        delen.append(kop(2, "Totaaloverzicht proces-competentie-matrix", "totaaloverzicht"))
        if any(r.vakjes for r in kerntaak.totaaloverzicht):
            delen += [
                alinea("De matrix uit deel B 6. In de bron onderscheiden kleuren de uitstromen; "
                       "die kleuren zijn bij de omzetting verloren gegaan, dus alleen de vakjes "
                       "die de bron toont staan hier."),
                matrixtabel(index, dossier, src,
                            f"Totaaloverzicht proces-competentie-matrix kerntaak {kerntaak.nummer}",
                            [(r.werkproces, r.vakjes) for r in kerntaak.totaaloverzicht]),
            ]
        else:
            delen.append(alinea("In de bron zijn in deze matrix geen vakjes zichtbaar (de "
                                "uitstromen werden er met kleuren onderscheiden). Zie de "
                                "matrices per uitstroom."))
    return Pagina(
        src=src,
        titel=_kerntaaknaam(kerntaak),
        body=samen(delen),
        soort="kerntaak",
        kruimelpad=(*kruimels_dossier(dossier), Kruimel(f"Kerntaak {kerntaak.nummer}", None)),
        bron=index.corpus.bronplekken.get((dossier.id, code)),
        beschrijving=samenvatting(
            f"Kerntaak {kerntaak.nummer} {kerntaak.titel} van het kwalificatiedossier "
            f"{dossiernaam(dossier)}.", platte_tekst(kerntaak.beschrijving)),
    )


# Werkproces ------------------------------------------------------------------------------


def werkproces_pagina(index: Index, uitwerkingen: Uitwerkingen,
                      kerntaak: KerntaakCompetentiegericht,
                      werkproces: WerkprocesCompetentiegericht) -> Pagina:
    """The page of a werkproces: per uitstroom its uitwerking, each under a stable anchor."""
    dossier = uitwerkingen.dossier
    src = urls.entiteit_src(dossier.id, werkproces.code)
    kerntaak_src = urls.entiteit_src(dossier.id, kerntaakcode(kerntaak.nummer))
    uitvoeringen = uitwerkingen.uitvoeringen(werkproces.code)
    uitstromen = [u.uitstroom for u in uitvoeringen]
    niet = [u for u in dossier.uitstromen if u not in uitstromen]
    delen = [
        kop(1, f"{werkproces.code} {werkproces.titel}"),
        gegevens([
            ("Kerntaak", link(_kerntaaknaam(kerntaak), src, kerntaak_src)),
            ("Uitstromen", ", ".join(link(f"{u.code} {u.titel}", src, f"#{urls.code_slug(u.code)}")
                                     for u in uitstromen) or "geen"),
            ("Niet in", ", ".join(
                link(f"{u.code} {u.titel}", src, urls.entiteit_src(dossier.id, u.code))
                for u in niet) or None),
            ("Dossier", _dossierlink(dossier, src)),
        ]),
    ]
    if not uitvoeringen:
        delen.append(alinea("Deel C werkt dit werkproces voor geen enkele uitstroom uit."))
    for uitvoering in uitvoeringen:
        delen += _uitwerking(uitwerkingen, uitvoering, src)
    if len(uitstromen) > 1:
        delen += [
            kop(2, "De uitwerkingen vergelijken", "vergelijken"),
            alinea("Woord voor woord, op de vergelijkingspagina van twee uitstromen:"),
            lijst(link(f"{a.code} en {b.code}", src,
                       urls.vergelijk_src(dossier.id, a.code, b.code)
                       + f"#{urls.code_slug(werkproces.code)}")
                  for a, b in uitstroomparen(dossier) if a in uitstromen and b in uitstromen),
        ]
    delen += werkprocessen_van_kerntaak(
        src, [(f"{w.code} {w.titel}", urls.entiteit_src(dossier.id, w.code))
              for w in kerntaak.werkprocessen], src)
    return Pagina(
        src=src,
        titel=f"{werkproces.code} {werkproces.titel}",
        body=samen(delen),
        soort="werkproces",
        kruimelpad=(*kruimels_dossier(dossier),
                    Kruimel(f"Kerntaak {kerntaak.nummer}", kerntaak_src),
                    Kruimel(werkproces.code, None)),
        bron=index.corpus.bronplekken.get((dossier.id, werkproces.code)),
        beschrijving=samenvatting(
            f"Werkproces {werkproces.code} {werkproces.titel} ({dossiernaam(dossier)}, "
            f"kerntaak {kerntaak.nummer}), uitgewerkt per uitstroom.",
            platte_tekst(uitvoeringen[0].uitwerking.omschrijving) if uitvoeringen else []),
        extra={"kaart": KAART} if uitvoeringen else {},
    )


def _uitwerking(uitwerkingen: Uitwerkingen, uitvoering: Uitvoering, src: str) -> list[str]:
    """One uitstroom's uitwerking of a werkproces: omschrijving, gewenst resultaat and the
    competences with componenten, prestatie-indicator and vakkennis (or the reference to the
    first competence's, as a link)."""
    dossier = uitwerkingen.dossier
    uitstroom, uitwerking = uitvoering.uitstroom, uitvoering.uitwerking
    u = urls.code_slug(uitstroom.code)
    codes = uitwerkingen.competentie_codes(uitwerking)
    ankers = _unieke_ankers([anker_competentie(uitstroom.code, c) for c in codes])
    naar_uitstroom = link(f"{uitstroom.code} {uitstroom.titel}", src,
                          urls.entiteit_src(dossier.id, uitstroom.code))
    delen = [
        kop(2, f"{uitstroom.code} {uitstroom.titel}", u),
        alinea(f"De uitwerking voor uitstroom {naar_uitstroom} (mbo-niveau {uitstroom.niveau})."),
        kop(3, "Omschrijving", f"{u}-omschrijving"),
        tekstblokken(uitwerking.omschrijving, 4),
        kop(3, "Gewenst resultaat", f"{u}-resultaat"),
        tekstblokken(uitwerking.gewenst_resultaat, 4),
        kop(3, "Competenties", f"{u}-competenties"),
        lijst(link(f"{code} {c.competentie}", src, f"#{anker}")
              for code, c, anker in zip(codes, uitwerking.competenties, ankers, strict=True)),
    ]
    for code, competentie, anker in zip(codes, uitwerking.competenties, ankers, strict=True):
        delen += [
            kop(4, f"{code} {competentie.competentie}", anker),
            alinea("Deze competentie in alle dossiers: " + link(
                f"{code} {competentie.competentie}", src, urls.competentie_src(code)) + "."),
            vet("Componenten"),
            lijst(esc(c) for c in competentie.componenten),
            vet("Prestatie-indicator"),
            tekstblokken(competentie.prestatie_indicator, 5),
            vet("Vakkennis en vaardigheden"),
        ]
        if isinstance(competentie.vakkennis, list):
            delen.append(lijst(esc(item) for item in competentie.vakkennis)
                         or alinea("De bron noemt hier geen vakkennis en vaardigheden."))
        else:
            delen.append(alinea(f"{esc(VERWIJZING)}: " + link(
                f"{codes[0]} {uitwerking.competenties[0].competentie}", src, f"#{ankers[0]}")
                + "."))
    return delen


def _unieke_ankers(ankers: list[str]) -> list[str]:
    """Anchors made unique should a competence occur twice (``u1-j``, ``u1-j-2``)."""
    gezien: Counter[str] = Counter()
    uit = []
    for anker in ankers:
        gezien[anker] += 1
        uit.append(anker if gezien[anker] == 1 else f"{anker}-{gezien[anker]}")
    return uit


def werkproces_kaart(index: Index, entiteit: Entiteit, van: str) -> str:
    """A werkproces as a card in a page ``van``: its titel linked to its page and, per
    uitstroom that performs it, the gewenst resultaat (the macro and the embeddable card)."""
    werkproces: WerkprocesCompetentiegericht = entiteit.object
    dossier_id = entiteit.dossier_id
    uitwerkingen = index.uitwerkingen_van(dossier_id)
    delen = [alinea("<strong>" + link(f"{werkproces.code} {werkproces.titel}", van,
                                      entiteit.src) + "</strong>")]
    for uitvoering in uitwerkingen.uitvoeringen(werkproces.code):
        uitstroom = uitvoering.uitstroom
        delen += [
            alinea("<em>Gewenst resultaat voor "
                   + link(f"{uitstroom.code} {uitstroom.titel}", van,
                          urls.uitwerking_src(dossier_id, werkproces.code, uitstroom.code))
                   + "</em>"),
            tekstblokken(uitvoering.uitwerking.gewenst_resultaat),
        ]
    return samen(delen)
