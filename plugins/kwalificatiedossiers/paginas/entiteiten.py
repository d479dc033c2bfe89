"""Profiel, kerntaak and werkproces pages of basisdeel/profielen dossiers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import combinations

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Entiteit, Index, Plaats, normaliseer_titel
from kwalificatiedossiers.model import Dossier, Gedrag, Kerntaak, Profiel, Vakkennis, Werkproces
from kwalificatiedossiers.model.tekst import Blok, platte_tekst
from kwalificatiedossiers.opmaak import (
    alinea,
    esc,
    gegevens,
    kop,
    lijst,
    link,
    samen,
    tabel,
    tekst,
    tekstblokken,
    vet,
)
from kwalificatiedossiers.paginas.basis import (
    KAART,
    SCRIPTS_KIEZER,
    Kruimel,
    Pagina,
    datum,
    kruimels_dossier,
    samenvatting,
    structuur,
    vergelijklinks,
    werkprocessen_van_kerntaak,
)
from kwalificatiedossiers.paginas.dossier import kerntakenlijst
from kwalificatiedossiers.paginas.relaties import voortzettingen


def paginas(index: Index, dossier: Dossier) -> Iterator[Pagina]:
    """Every profiel, kerntaak and werkproces page of a dossier."""
    for p in dossier.profielen:
        yield profiel_pagina(index, dossier, p)
    for kerntaak, profiel in index.kerntaken(dossier):
        yield kerntaak_pagina(index, dossier, kerntaak, profiel)
    plaatsen = index.plaatsen(dossier)
    for plaats in plaatsen:
        yield werkproces_pagina(index, plaats,
                                [p for p in plaatsen if p.kerntaak is plaats.kerntaak])


def _profiel_kruimel(dossier: Dossier, profiel: Profiel | None) -> Kruimel:
    if profiel is None:
        return Kruimel("Basisdeel", urls.dossier_src(dossier.id) + "#basisdeel")
    return Kruimel(f"{profiel.code} {profiel.titel}", urls.entiteit_src(dossier.id, profiel.code))


def profielen_links(dossier: Dossier, src: str, profielen: list[Profiel]) -> str:
    """Links to profielen, separated by commas."""
    return ", ".join(
        link(f"{p.code} {p.titel}", src, urls.entiteit_src(dossier.id, p.code)) for p in profielen
    )


# Profiel ---------------------------------------------------------------------------------


def profiel_pagina(index: Index, dossier: Dossier, profiel: Profiel) -> Pagina:
    """The page of a profiel: facts, typering, kerntaken and werkprocessen, competences."""
    src = urls.entiteit_src(dossier.id, profiel.code)
    delen = [
        kop(1, f"{profiel.code} {profiel.titel}"),
        gegevens([
            ("Dossier", link(f"{dossier.titel} ({dossier.crebo})", src,
                             urls.dossier_src(dossier.id))),
            ("Mbo-niveau", str(profiel.niveau)),
            ("Crebo", esc(profiel.crebo) if profiel.crebo else None),
            ("Typering van de kwalificatie",
             esc(profiel.typering_kwalificatie) if profiel.typering_kwalificatie else None),
            ("Beroepsgroep", esc(profiel.beroepsgroep) if profiel.beroepsgroep else None),
            ("Geldig vanaf", datum(profiel.geldig_vanaf)),
            ("Einde instroom", datum(profiel.einde_instroom)),
            ("Einde opleiding", datum(profiel.einde_opleiding)),
        ]),
    ]
    if profiel.typering_beroep:
        delen += [kop(2, "Typering van het beroep", "typering"),
                  tekstblokken(profiel.typering_beroep)]
    if profiel.beroepsvereisten or profiel.toelichting_beroepsvereisten:
        delen.append(kop(2, "Beroepsvereisten", "beroepsvereisten"))
        if profiel.beroepsvereisten:
            delen.append(tekst(profiel.beroepsvereisten))
        delen.append(tekstblokken(profiel.toelichting_beroepsvereisten))
    for onderdeel in profiel.overige:
        delen += [kop(2, onderdeel.titel), tekstblokken(onderdeel.tekst)]
    delen += [
        kop(2, "Kerntaken en werkprocessen", "kerntaken"),
        kop(3, "Basisdeel (alle profielen)", "basisdeel"),
        kerntakenlijst(dossier, src, None, index),
        kop(3, f"Profieldeel {profiel.code}", "profieldeel"),
        kerntakenlijst(dossier, src, profiel.code, index),
        kop(2, "Competenties", "competenties"),
        profielcompetenties(index, dossier, profiel, src),
        voortzettingen(index, dossier.id, profiel.code, src),
    ]
    delen += vergelijklinks(
        dossier.id, src, profiel.code, profiel.titel,
        [(p.code, p.titel) for p in dossier.profielen if p.code != profiel.code],
        "Vergelijken met een ander profiel")
    return Pagina(
        src=src,
        titel=f"{profiel.code} {profiel.titel}",
        body=samen(delen),
        soort="profiel",
        kruimelpad=(*kruimels_dossier(dossier), Kruimel(f"{profiel.code} {profiel.titel}", None)),
        bron=index.corpus.bronplekken.get((dossier.id, profiel.code)),
        beschrijving=samenvatting(
            f"Profiel {profiel.code} {profiel.titel} (mbo-niveau {profiel.niveau}) van het "
            f"kwalificatiedossier {dossier.titel}.", platte_tekst(profiel.typering_beroep)),
        extra={"structuur": kwalificatie_structuur(
            f"{profiel.titel}", dossier.titel, profiel.niveau, profiel.crebo,
            [f"{k.code} {k.titel}" for k, p in index.kerntaken(dossier)
             if p is None or p.code == profiel.code]),
            "scripts": list(SCRIPTS_KIEZER)},
    )


def kwalificatie_structuur(titel: str, dossier: str, niveau: int, crebo: str | None,
                           kerntaken: list[str]) -> str:
    """A profiel (or uitstroom) as schema.org describes a qualification: the diploma it leads
    to, its level, its crebo and the kerntaken it requires."""
    gegevens: dict[str, object] = {
        "@type": "EducationalOccupationalCredential",
        "name": titel,
        "description": f"Mbo-kwalificatie {titel} (niveau {niveau}) uit het "
                       f"kwalificatiedossier {dossier}.",
        "credentialCategory": "diploma",
        "educationalLevel": f"mbo-niveau {niveau}",
        "inLanguage": "nl",
        "recognizedBy": {"@type": "Organization", "name": "SBB"},
        "competencyRequired": [{"@type": "DefinedTerm", "name": k} for k in kerntaken],
    }
    if crebo:
        gegevens["identifier"] = {"@type": "PropertyValue", "propertyID": "crebo",
                                  "value": crebo}
    return structuur(gegevens)


def profielparen(dossier: Dossier) -> list[tuple[Profiel, Profiel]]:
    """Every pair of profielen of a dossier, in code order."""
    return list(combinations(dossier.profielen, 2))


def profielcompetenties(index: Index, dossier: Dossier, profiel: Profiel, src: str) -> str:
    """The competences a profiel draws on (basisdeel included)."""
    plaatsen = [p for p in index.plaatsen(dossier)
                if p.profiel is None or p.profiel.code == profiel.code]
    return competentietabel(
        index, src, index.competentie_telling(dossier, profiel),
        [(f"{p.werkproces.code} {p.werkproces.titel}", p.src,
          index.competentie_codes(p.werkproces)) for p in plaatsen],
        "De competenties die in de werkprocessen van dit profiel (inclusief het basisdeel) "
        "als onderliggende competentie genoemd worden:",
        "Bij de werkprocessen van dit profiel zijn geen competenties genoemd.",
    )


def competentietabel(
    index: Index,
    src: str,
    telling: Counter[str],
    werkprocessen: list[tuple[str, str, list[str]]],
    inleiding: str,
    geen: str,
) -> str:
    """The competences a profiel or uitstroom draws on: a count per competence, then per
    competence the werkprocessen (label, page, competence codes) that name it."""
    if not telling:
        return alinea(geen)
    volgorde = sorted(telling, key=lambda c: (-telling[c], c))
    rijen = [
        [link(f"{code} {index.competenties[code].naam}", src, urls.competentie_src(code)),
         f'<a href="#competentie-{code.lower()}">{telling[code]}</a>']
        for code in volgorde
    ]
    delen = [alinea(inleiding), tabel(["Competentie", "Aantal werkprocessen"], rijen)]
    for code in volgorde:
        delen.append(kop(3, f"{code} {index.competenties[code].naam}",
                         f"competentie-{code.lower()}"))
        delen.append(lijst(
            link(label, src, doel) for label, doel, codes in werkprocessen if code in codes
        ))
    return samen(delen)


# Kerntaak --------------------------------------------------------------------------------


def vakkennis(v: Vakkennis, niveau: int) -> str:
    """Vakkennis en vaardigheden: intro and items by category."""
    delen = [tekst(v.intro)] if v.intro else []
    for categorie in v.categorieen:
        if categorie.naam:
            delen.append(kop(niveau, categorie.naam))
        delen.append(lijst(esc(item) for item in categorie.items))
    return samen(delen)


def _aanvulling_tekst(kopje: str, blokken: list[Blok]) -> str:
    return samen([vet(kopje), tekstblokken(blokken, 4)]) if blokken else ""


def kerntaak_pagina(
    index: Index, dossier: Dossier, kerntaak: Kerntaak, profiel: Profiel | None
) -> Pagina:
    """The page of a kerntaak."""
    src = urls.entiteit_src(dossier.id, kerntaak.code)
    profielnamen = {p.code: f"{p.code} {p.titel}" for p in dossier.profielen}
    delen = [
        kop(1, f"{kerntaak.code} {kerntaak.titel}"),
        gegevens([
            ("Dossier", link(f"{dossier.titel} ({dossier.crebo})", src,
                             urls.dossier_src(dossier.id))),
            ("Deel", "basisdeel" if profiel is None else "profieldeel"),
            ("Profielen", profielen_links(dossier, src, index.profielen_van(dossier, profiel))),
        ]),
    ]
    delen += [
        kop(2, "Werkprocessen", "werkprocessen"),
        lijst(link(f"{w.code} {w.titel}", src, urls.entiteit_src(dossier.id, w.code))
              for w in kerntaak.werkprocessen),
        *zelfde_kerntaak(index, dossier, kerntaak, profiel, src),
    ]
    for titel, anker, blokken, veld in (
        ("Complexiteit", "complexiteit", kerntaak.complexiteit, "complexiteit"),
        ("Verantwoordelijkheid en zelfstandigheid", "verantwoordelijkheid",
         kerntaak.verantwoordelijkheid, "verantwoordelijkheid"),
    ):
        aanvullingen = [(a.profiel, getattr(a, veld)) for a in kerntaak.aanvullingen
                        if getattr(a, veld)]
        if blokken or aanvullingen:
            delen += [kop(2, titel, anker), tekstblokken(blokken)]
            delen += [_aanvulling_tekst(f"Aanvulling voor {profielnamen.get(code, code)}", t)
                      for code, t in aanvullingen]
    aanvullend_vakkennis = [a for a in kerntaak.aanvullingen if a.vakkennis]
    if kerntaak.vakkennis or aanvullend_vakkennis:
        delen.append(kop(2, "Vakkennis en vaardigheden", "vakkennis"))
        if kerntaak.vakkennis:
            delen.append(vakkennis(kerntaak.vakkennis, 3))
        for a in aanvullend_vakkennis:
            assert a.vakkennis is not None
            delen += [vet("Aanvulling voor " + profielnamen.get(a.profiel, a.profiel)),
                      vakkennis(a.vakkennis, 4)]
    return Pagina(
        src=src,
        titel=f"{kerntaak.code} {kerntaak.titel}",
        body=samen(delen),
        soort="kerntaak",
        kruimelpad=(*kruimels_dossier(dossier), _profiel_kruimel(dossier, profiel),
                    Kruimel(f"{kerntaak.code} {kerntaak.titel}", None)),
        bron=index.corpus.bronplekken.get((dossier.id, kerntaak.code)),
        beschrijving=samenvatting(
            f"Kerntaak {kerntaak.code} {kerntaak.titel} ({dossier.titel}): "
            f"{len(kerntaak.werkprocessen)} werkprocessen.",
            [f"{w.code} {w.titel};" for w in kerntaak.werkprocessen]),
    )


def zelfde_kerntaak(index: Index, dossier: Dossier, kerntaak: Kerntaak, profiel: Profiel | None,
                    src: str) -> list[str]:
    """The section "Deze kerntaak in andere profielen": the kerntaken of other profielen with
    the same title (a basisdeel kerntaak belongs to every profiel)."""
    delen = [kop(2, "Deze kerntaak in andere profielen", "andere-profielen")]
    if profiel is None:
        return [*delen, alinea("Deze kerntaak hoort bij het basisdeel: elk profiel van dit "
                               "dossier heeft haar (zie Profielen hierboven).")]
    titel = normaliseer_titel(kerntaak.titel)
    zelfde = [(k, p) for k, p in index.kerntaken(dossier)
              if p is not None and p.code != profiel.code and normaliseer_titel(k.titel) == titel]
    if not zelfde:
        vergelijken = link("De profielen vergelijken", src, urls.matrix_src(dossier.id))
        delen.append(alinea(
            "Geen ander profiel van dit dossier heeft een kerntaak met deze titel. "
            f"{vergelijken} laat zien wat ze wel delen." if len(dossier.profielen) > 1
            else "Dit dossier heeft geen ander profiel."))
        return delen
    return [*delen, lijst(
        link(f"{k.code} {k.titel}", src, urls.entiteit_src(dossier.id, k.code))
        + f" ({esc(p.code)} {esc(p.titel)})" for k, p in zelfde)]


# Werkproces ------------------------------------------------------------------------------


def gedrag(g: Gedrag) -> str:
    """Gedrag: intro line and items."""
    delen = [tekst(g.intro)] if g.intro else []
    delen.append(lijst(esc(item) for item in g.items))
    if g.slot:
        delen.append(tekstblokken(g.slot))
    return samen(delen)


def werkproces_pagina(index: Index, plaats: Plaats, kerntaakplaatsen: list[Plaats]) -> Pagina:
    """The page of a werkproces (``kerntaakplaatsen``: every werkproces of its kerntaak)."""
    dossier, kerntaak, werkproces, profiel = (
        plaats.dossier, plaats.kerntaak, plaats.werkproces, plaats.profiel)
    src = plaats.src
    profielnamen = {p.code: f"{p.code} {p.titel}" for p in dossier.profielen}
    delen = [
        kop(1, f"{werkproces.code} {werkproces.titel}"),
        gegevens([
            ("Kerntaak", link(f"{kerntaak.code} {kerntaak.titel}", src,
                              urls.entiteit_src(dossier.id, kerntaak.code))),
            ("Profielen", profielen_links(dossier, src, index.profielen_van(dossier, profiel))),
            ("Dossier", link(f"{dossier.titel} ({dossier.crebo})", src,
                             urls.dossier_src(dossier.id))),
        ]),
    ]
    for titel, anker, blokken in (
        ("Omschrijving", "omschrijving", werkproces.omschrijving),
        ("Resultaat", "resultaat", werkproces.resultaat),
    ):
        delen += [kop(2, titel, anker), tekstblokken(blokken)]
        delen += [
            _aanvulling_tekst(f"Aanvulling voor {profielnamen.get(a.profiel, a.profiel)}",
                              getattr(a, anker))
            for a in werkproces.aanvullingen
        ]
    delen += [kop(2, "Gedrag", "gedrag"), gedrag(werkproces.gedrag)]
    delen += [
        _aanvulling_tekst(f"Aanvulling voor {profielnamen.get(a.profiel, a.profiel)}", a.gedrag)
        for a in werkproces.aanvullingen
    ]
    delen += [kop(2, "Competenties", "competenties"),
              competentielijst(index, werkproces.competenties, src)]
    for a in werkproces.aanvullingen:
        if a.competenties:
            delen += [vet("Aanvulling voor " + profielnamen.get(a.profiel, a.profiel)),
                      competentielijst(index, a.competenties, src, intro=False)]
    zelfde = index.zelfde_werkproces(plaats)
    if zelfde:
        delen += [
            kop(2, "Zelfde werkproces in andere profielen", "zelfde-werkproces"),
            alinea("Werkprocessen met dezelfde titel en een andere code:"),
            lijst(
                link(f"{p.werkproces.code} {p.werkproces.titel}", src, p.src)
                + " (" + (esc(profielnamen[p.profiel.code]) if p.profiel else "basisdeel") + ")"
                for p in zelfde
            ),
        ]
    delen += werkprocessen_van_kerntaak(
        src, [(f"{p.werkproces.code} {p.werkproces.titel}", p.src) for p in kerntaakplaatsen],
        src)
    return Pagina(
        src=src,
        titel=f"{werkproces.code} {werkproces.titel}",
        body=samen(delen),
        soort="werkproces",
        kruimelpad=(*kruimels_dossier(dossier), _profiel_kruimel(dossier, profiel),
                    Kruimel(kerntaak.code, urls.entiteit_src(dossier.id, kerntaak.code)),
                    Kruimel(werkproces.code, None)),
        bron=index.corpus.bronplekken.get((dossier.id, werkproces.code)),
        beschrijving=samenvatting(
            f"Werkproces {werkproces.code} {werkproces.titel} ({dossier.titel}, "
            f"{kerntaak.code}).", platte_tekst(werkproces.omschrijving)),
        extra={"kaart": KAART},
    )


def competentielijst(index: Index, namen: list[str], src: str, *, intro: bool = True) -> str:
    """The onderliggende competenties, each linked to its page."""
    if not namen:
        return alinea("Bij dit werkproces zijn geen onderliggende competenties genoemd.")
    items = lijst(
        link(f"{index.competentie_op_naam[naam].code} {naam}", src,
             urls.competentie_src(index.competentie_op_naam[naam].code))
        for naam in namen
    )
    return samen([alinea("De onderliggende competenties zijn:") if intro else "", items])


def werkproces_kaart(index: Index, entiteit: Entiteit, van: str) -> str:
    """A werkproces as a card (titel linked to its page, resultaat, gedrag) in a page ``van``:
    the ``werkproces_kaart`` macro and the embeddable card."""
    del index  # the same signature as the competentiegericht card's
    werkproces: Werkproces = entiteit.object
    return samen([
        alinea("<strong>" + link(f"{werkproces.code} {werkproces.titel}", van, entiteit.src)
               + "</strong>"),
        alinea("<em>Resultaat</em>"),
        tekstblokken(werkproces.resultaat),
        alinea("<em>Gedrag</em>"),
        gedrag(werkproces.gedrag),
    ])
