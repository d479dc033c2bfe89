"""The dossier page (metadata, profielen, leeswijzer, typering, basisdeel, generieke
onderdelen, verantwoording) and its provenance page."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index, dossiernaam
from kwalificatiedossiers.model import Dossier, Herkomst, Onderdeel
from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.opmaak import (
    alinea,
    code_html,
    esc,
    gegevens,
    geneste_lijst,
    kop,
    lijst,
    link,
    maak_pagina_html,
    samen,
    tabel,
    tekstblokken,
)
from kwalificatiedossiers.paginas.basis import (
    HOME,
    Kruimel,
    Pagina,
    bron_pagina,
    bronverwijzing,
    datum,
)
from kwalificatiedossiers.paginas.relaties import dossierrelaties


def paginas(index: Index, dossier: Dossier) -> Iterator[Pagina]:
    """The page of a basisdeel/profielen dossier, and its provenance page."""
    verantwoording = [(samen([kop(2, "Verantwoording", "verantwoording"),
                              onderdelen(dossier.verantwoording, 3)]),
                       [("Verantwoording", "verantwoording")])
                      ] if dossier.verantwoording else []
    bron, verwijzing = bron_van_dossier(index, dossier, verantwoording)
    yield dossier_pagina(index, dossier, verwijzing)
    yield bron


def vorige_editie(index: Index, dossier: Dossier, src: str) -> str | None:
    """A link to the previous edition SBB names (its :attr:`~Dossier.vorige_versie`) when that
    edition is one of this dossier's versions here; ``None`` otherwise: SBB's number itself
    means nothing to a reader."""
    if not dossier.vorige_versie:
        return None
    for versie in index.corpus.versies_van(dossier.id):
        if versie is not dossier and getattr(versie, "sbb_nummer", None) == dossier.vorige_versie:
            return link(versie.editie().omschrijving() or "de vorige uitgave", src,
                        urls.dossier_src(versie.id))
    return None


def metadata(dossier: Dossier, vorige: str | None = None) -> str:
    """The facts table at the top of a dossier page (``vorige``: the link to the previous
    edition, :func:`vorige_editie`)."""
    domein = dossier.opleidingsdomein
    domein_tekst = None
    if domein:
        domein_tekst = esc(domein.naam) + (f" (crebo {esc(domein.crebo)})" if domein.crebo else "")
    gevalideerd = " ".join(
        deel for deel in (
            esc(dossier.gevalideerd_door) if dossier.gevalideerd_door else None,
            f"op {datum(dossier.gevalideerd_op)}" if dossier.gevalideerd_op else None,
            f"te {esc(dossier.gevalideerd_te)}" if dossier.gevalideerd_te else None,
        ) if deel
    )
    return gegevens([
        ("Crebo", esc(dossier.crebo)),
        ("Versie", esc(dossier.versie) if dossier.versie else None),
        ("Vorige versie", vorige),
        ("Status", esc(dossier.status) if dossier.status else None),
        ("Geldig vanaf", datum(dossier.geldig_vanaf)),
        ("Einde instroom", datum(dossier.einde_instroom)),
        ("Einde opleiding", datum(dossier.einde_opleiding)),
        ("Opleidingsdomein", domein_tekst),
        ("Penvoerder", esc(dossier.penvoerder) if dossier.penvoerder else None),
        ("Gevalideerd door", gevalideerd or None),
        ("Wettelijke beroepsvereisten",
         esc(dossier.wettelijke_beroepsvereisten) if dossier.wettelijke_beroepsvereisten
         else None),
    ])


def onderdelen(items: list[Onderdeel], niveau: int) -> str:
    """Titled texts, each under its own heading."""
    return samen(
        samen([kop(niveau, onderdeel.titel), tekstblokken(onderdeel.tekst, niveau + 1)])
        for onderdeel in items
    )


def herkomst(h: Herkomst) -> tuple[list[str], list[tuple[str, str]]]:
    """The provenance of a dossier for its provenance page: sources, inferences, differences,
    corrections; and each section's title and anchor."""
    secties: list[tuple[str, str]] = []
    delen: list[str] = []

    def sectie(titel: str, anker: str, *inhoud: str) -> None:
        secties.append((titel, anker))
        delen.extend([kop(2, titel, anker), *inhoud])

    sectie("Bronbestanden", "bronbestanden", tabel(
        ["Bestand", "Vorm", "Gebruikt voor", "sha256"],
        [[esc(b.bestand), esc(b.vorm), esc(b.gebruikt_voor),
          f'<code class="kd-hash">{esc(b.sha256)}</code>'] for b in h.bronnen],
    ))
    if h.afleidingen:
        sectie("Door de importer afgeleid", "afgeleid", lijst(
            f"{esc(a.onderdeel)}: {esc(a.wat)}"
            + (f" ({esc(a.bron)}, regel {a.regel})" if a.bron and a.regel else "")
            for a in h.afleidingen
        ))
    if h.afwijkingen:
        sectie("Verschillen tussen bronnen", "verschillen", tabel(
            ["Onderdeel", "Veld", "Deze site", "Andere bron", "Bestand"],
            [[esc(a.onderdeel), esc(a.veld), esc(a.gebruikt), esc(a.andere), esc(a.andere_bron)]
             for a in h.afwijkingen],
        ))
    if h.correcties:
        sectie("Handmatige correcties", "correcties",
               lijst(f"{esc(c.onderdeel)}: {esc(c.wat)}" for c in h.correcties))
    if h.bronnummers:
        sectie("Nummers in de bron", "bronnummers",
               alinea(f"De interne nummers ({code_html('nr')}) die de bron aan de onderdelen "
                      "geeft; geen crebonummers en geen codes."),
               tabel(["Onderdeel", "Nummer in de bron", "Regel"],
                     [[esc(b.onderdeel), esc(b.nr), str(b.regel or "")] for b in h.bronnummers]))
    if h.niet_geplaatst:
        sectie("Niet geplaatste brontekst", "niet-geplaatst",
               lijst(esc(regel) for regel in h.niet_geplaatst))
    return delen, secties


Sectie = tuple[str, Sequence[tuple[str, str]]]
"""Sections of a provenance page: their HTML, and the title and anchor of each part."""


Verwijzing = Callable[[str], list[str]]
"""The section "Bron" of a dossier page, given the rest of its body (whose ids the moved
anchors must not repeat)."""


def bron_van_dossier(index: Index, dossier: AnyDossier, voor: Sequence[Sectie] = (),
                     na: Sequence[Sectie] = ()) -> tuple[Pagina, Verwijzing]:
    """A dossier's provenance page and the section "Bron" that points at it from the dossier
    page. ``voor`` are the dossier's own accountability texts (its verantwoording), ``na`` what
    the data shows about the source; the provenance stands between them."""
    herkomst_html, herkomst_secties = herkomst(dossier.herkomst)
    delen = [*voor, (samen(herkomst_html), herkomst_secties), *na]
    body = samen(html for html, _ in delen)
    ankers = maak_pagina_html(body).ankers
    secties = [s for _, eigen in delen for s in eigen]

    def verwijzing(dossier_body: str) -> list[str]:
        return bronverwijzing(dossier.id, urls.dossier_src(dossier.id), secties,
                              ankers - maak_pagina_html(dossier_body).ankers)

    return (bron_pagina(dossier, dossiernaam(dossier), [body],
                        index.corpus.bronplekken.get((dossier.id, ""))), verwijzing)


def dossier_pagina(index: Index, dossier: Dossier, bron: Verwijzing) -> Pagina:
    """The page of one dossier (``bron``: the section pointing at its provenance page)."""
    src = urls.dossier_src(dossier.id)
    niveaus = sorted({p.niveau for p in dossier.profielen})
    delen = [
        kop(1, f"{dossier.titel}"),
        alinea(f"Kwalificatiedossier, crebo {esc(dossier.crebo)}, mbo-niveau "
               + ", ".join(str(n) for n in niveaus) + "."),
        metadata(dossier, vorige_editie(index, dossier, src)),
        kop(2, "Profielen", "profielen"),
        _profieltabel(dossier, src),
    ]
    if len(dossier.profielen) > 1:
        delen.append(alinea(
            f"Zie {link('de vergelijking van de profielen', src, urls.matrix_src(dossier.id))}: "
            "welke kerntaken en werkprocessen ze delen en waar ze verschillen."
        ))
    delen.append(dossierrelaties(index, dossier.id, src))
    if dossier.leeswijzer:
        delen += [kop(2, "Leeswijzer", "leeswijzer"), tekstblokken(dossier.leeswijzer)]
    typering = dossier.typering_beroepengroep
    if typering.context or typering.beroepshouding or typering.resultaat:
        delen.append(kop(2, "Typering van de beroepengroep", "typering"))
        for titel, anker, tekst in (
            ("Context", "context", typering.context),
            ("Typerende beroepshouding", "beroepshouding", typering.beroepshouding),
            ("Resultaat van de beroepengroep", "resultaat-beroepengroep", typering.resultaat),
        ):
            if tekst:
                delen += [kop(3, titel, anker), tekstblokken(tekst, 4)]
    delen += [kop(2, "Basisdeel", "basisdeel"), kerntakenlijst(dossier, src, None, index)]
    if dossier.generieke_onderdelen or dossier.generieke_onderdelen_intro:
        delen += [kop(2, "Generieke onderdelen", "generieke-onderdelen"),
                  tekstblokken(dossier.generieke_onderdelen_intro),
                  onderdelen(dossier.generieke_onderdelen, 3)]
    if dossier.overige:
        delen += [kop(2, "Overige gegevens", "overige"), onderdelen(dossier.overige, 3)]
    delen += bron(samen(delen))
    return Pagina(
        src=src,
        titel=f"{dossier.titel} ({dossier.crebo})",
        body=samen(delen),
        soort="dossier",
        kruimelpad=(HOME, Kruimel(dossier.titel, None)),
        bron=index.corpus.bronplekken.get((dossier.id, "")),
        beschrijving=f"Kwalificatiedossier {dossier.titel}, crebo {dossier.crebo}: "
        f"{len(dossier.profielen)} profielen.",
    )


def _profieltabel(dossier: Dossier, src: str) -> str:
    return tabel(
        ["Code", "Profiel", "Mbo-niveau", "Crebo", "Typering van de kwalificatie"],
        [[link(p.code, src, urls.entiteit_src(dossier.id, p.code)),
          link(p.titel, src, urls.entiteit_src(dossier.id, p.code)), str(p.niveau),
          esc(p.crebo or ""), esc(p.typering_kwalificatie or "")]
         for p in dossier.profielen],
    )


def kerntakenlijst(dossier: Dossier, src: str, profiel_code: str | None, index: Index) -> str:
    """Nested list: kerntaken (of the basisdeel or one profiel) with their werkprocessen."""
    return geneste_lijst(
        (link(f"{kerntaak.code} {kerntaak.titel}", src,
              urls.entiteit_src(dossier.id, kerntaak.code)),
         [link(f"{w.code} {w.titel}", src, urls.entiteit_src(dossier.id, w.code))
          for w in kerntaak.werkprocessen])
        for kerntaak, profiel in index.kerntaken(dossier)
        if (None if profiel is None else profiel.code) == profiel_code
    )
