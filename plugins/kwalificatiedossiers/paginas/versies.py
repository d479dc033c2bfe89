"""Versions of a dossier on the site: what a teacher needs to cite what they taught, and to see
what changed for their curriculum.

- Every version other than the current one has all its pages under ``/<id>/<versie>/``
  (its id on the site, see :class:`~kwalificatiedossiers.model.corpus.Corpus`), each with a
  banner that names the version and links to the same page in the current version.
- On a dossier with more than one version, every profiel, kerntaak and werkproces page carries
  a change badge against the version before it (nieuw, kleine wijziging, grote wijziging,
  ongewijzigd) that links to its place on the change page.
- ``/<id>/versies/`` lists the versions; ``/<id>/versies/<a>-naar-<b>/`` shows what changed
  between two of them, part by part, with a word difference per field. A change page stays
  within the page budget of the site: when the differences are more than one page holds, it
  starts with a list of every changed part and continues on ``…/<a>-naar-<b>/2/`` and on.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from itertools import combinations

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.opmaak import alinea, esc, kop, lijst, link, samen, tabel
from kwalificatiedossiers.paginas.basis import (
    Kruimel,
    Pagina,
    datum,
    kruimels_dossier,
    paginanummers,
)
from kwalificatiedossiers.paginas.vergelijk import legenda, verschilrij_van, verschiltabel
from kwalificatiedossiers.versieverschil import Wijziging

OMVANG = {"nieuw": "Nieuw", "klein": "Kleine wijziging", "groot": "Grote wijziging",
          "ongewijzigd": "Ongewijzigd", "vervallen": "Vervallen"}
"""The change badge's words per size of a change."""
SOORTEN = (("profiel", "Profielen"), ("uitstroom", "Uitstromen"), ("kerntaak", "Kerntaken"),
           ("werkproces", "Werkprocessen"))


def versieslug(dossier: AnyDossier) -> str:
    """The address segment of a version (every version other than the current has one: the
    loader checks it)."""
    editie = dossier.editie()
    return urls.versie_slug(editie.label, editie.datum) or ""


def wijzigingen_src(dossier_id: str, a: str, b: str) -> str:
    """The change page between versions ``a`` and ``b`` (address segments) of a dossier."""
    return f"{dossier_id}/{urls.VERSIES}/{a}-naar-{b}.md"


def deel_src(pagina: str, deel: int) -> str:
    """Part ``deel`` (from 1) of a change page: the page itself, then ``<a>-naar-<b>/2``, …"""
    return pagina if deel == 1 else f"{pagina.removesuffix('.md')}/{deel}.md"


PAGINABUDGET = 50_000
"""About how many bytes of differences one change page holds (estimated, :func:`_omvang`):
with the rest of the page well within the site's 100 KB a page."""


def _omvang(w: Wijziging) -> int:
    """An estimate of the HTML bytes a part takes on the change page: its heading and links,
    and both sides of every differing field, marked word by word (on the benchmark's corpus
    1.4 to 2.6 bytes a character of text, 1.7 on average)."""
    return 800 + 2 * sum(len(item.a or "") + len(item.b or "")
                         for veld in w.velden for item in veld.items)


def getoond(wijzigingen: list[Wijziging]) -> list[Wijziging]:
    """The parts a change page shows, in its order: by kind, each kind in reading order."""
    return [w for soort, _ in SOORTEN for w in wijzigingen
            if w.soort == soort and w.aard != ("ongewijzigd",)]


def verdeling(wijzigingen: list[Wijziging]) -> list[list[Wijziging]]:
    """The changed parts per page of a change page (one page, or the first with the list of
    every changed part and the rest after it)."""
    delen = getoond(wijzigingen)
    for begin in (0, 250 * len(delen)):  # the second time with room for the list
        paginas: list[list[Wijziging]] = [[]]
        gevuld = begin
        for w in delen:
            omvang = _omvang(w)
            if paginas[-1] and gevuld + omvang > PAGINABUDGET:
                paginas.append([])
                gevuld = 0
            paginas[-1].append(w)
            gevuld += omvang
        if len(paginas) == 1:
            break
    return paginas


def overzicht_src(dossier_id: str) -> str:
    """The page listing a dossier's versions."""
    return f"{dossier_id}/{urls.VERSIES}.md"


def anker(wijziging: Wijziging) -> str:
    """Where a part stands on the change page: its code in the later version."""
    return urls.code_slug(wijziging.code)


def _wijzigingspagina(index: Index, oud: AnyDossier, nieuw: AnyDossier) -> str:
    basis = index.corpus.huidige(oud.id).id
    return wijzigingen_src(basis, versieslug(oud), versieslug(nieuw))


# On the pages of a version -----------------------------------------------------------------


def markeer(index: Index, dossier: AnyDossier, paginas: list[Pagina]) -> list[Pagina]:
    """The pages of one version with, below their title, the banner of a version other than
    the current one and the change badge of an entity page."""
    versies = index.corpus.versies_van(dossier.id)
    if len(versies) < 2:
        return paginas
    positie = versies.index(dossier)
    vorige = versies[positie - 1] if positie else None
    per_code = ({w.code: w for w in index.wijzigingen(vorige, dossier) if w.nieuw is not None}
                if vorige is not None else {})
    codes = {e.src: e.code for e in index.entiteiten_van(dossier.id)}
    huidig = index.corpus.huidige(dossier.id)
    # A part of this version under its code in the current one (as the change page pairs them).
    tegenhangers = {} if huidig is dossier else {
        w.oud.code: w for w in index.wijzigingen(dossier, huidig) if w.oud is not None}
    wijzigingspagina = _wijzigingspagina(index, vorige, dossier) if vorige is not None else ""
    op_deel = _deel(index, vorige, dossier) if vorige is not None else {}
    uit = []
    for pagina in paginas:
        code = codes.get(pagina.src)
        delen = [] if huidig is dossier else [
            _banier(index, dossier, pagina.src, tegenhangers.get(code) if code else None)]
        wijziging = per_code.get(code) if code else None
        if wijziging is not None and vorige is not None:
            delen.append(_badge(vorige, pagina.src, wijziging, wijzigingspagina, op_deel))
        uit.append(dataclasses.replace(
            pagina, body=pagina.body.replace("</h1>", "</h1>\n" + samen(delen), 1))
            if delen else pagina)
    return uit


def _banier(index: Index, dossier: AnyDossier, src: str, tegenhanger: Wijziging | None) -> str:
    """The note above a page of a version other than the current one, with a link to the same
    part in the current version (``tegenhanger``: found as the change page finds it, so a
    renumbered part is found under its new code; ``None``: a page that is no part)."""
    huidig = index.corpus.huidige(dossier.id)
    eigen, nu = dossier.editie().datum, huidig.editie().datum
    nieuwer = eigen is not None and nu is not None and eigen > nu
    wat = "Nog niet de huidige versie" if nieuwer else "Oudere versie"
    naar = link(f"{huidig.titel} in de huidige versie", src, urls.dossier_src(huidig.id))
    slot = ""
    if tegenhanger is not None and tegenhanger.nieuw is not None:
        entiteit = index.entiteit(huidig.id, tegenhanger.code)
        naar = link(f"{entiteit.code} {entiteit.titel} in de huidige versie", src, entiteit.src)
    elif tegenhanger is not None and tegenhanger.oud is not None:
        slot = f" {esc(tegenhanger.oud.code)} komt in de huidige versie niet meer voor."
    return ('<div class="kd-versiebanier" role="note">'
            + alinea(f"<strong>{wat}.</strong> Deze pagina hoort bij de versie "
                     f"{esc(dossier.editie().omschrijving())}. De huidige versie is "
                     f"{esc(huidig.editie().omschrijving())}: {naar}.{slot}")
            + "</div>")


def _badge(vorige: AnyDossier, src: str, wijziging: Wijziging, pagina: str,
           op_deel: dict[str, int]) -> str:
    """What happened to this part since the version before, linked to its place on the change
    page ``pagina`` (``op_deel``: the part of that page each change stands on)."""
    wat = OMVANG[wijziging.omvang]
    aard = [a for a in wijziging.aard if a not in ("nieuw", "ongewijzigd")]
    extra = ", ".join(aard)
    if wijziging.oud is not None and wijziging.oud.code != wijziging.code:
        extra += f" (was {wijziging.oud.code})"
    # An unchanged part has no place on the change page: the link goes to its top.
    verwijzing = (link("Wat is er in deze versie veranderd", src, pagina)
                  if wijziging.omvang == "ongewijzigd" else
                  link("Wat is er veranderd", src,
                       f"{deel_src(pagina, op_deel[anker(wijziging)])}"
                       f"#{anker(wijziging)}"))
    return alinea(
        f'<span class="kd-wijziging kd-wijziging--{wijziging.omvang}">{esc(wat)}</span> '
        f"sinds de versie {esc(vorige.editie().omschrijving())}"
        + (f": {esc(extra)}" if extra else "") + ". " + verwijzing)


def _deel(index: Index, oud: AnyDossier, nieuw: AnyDossier) -> dict[str, int]:
    """On which part of the change page each changed part stands (by its anchor)."""
    return {anker(w): i for i, pagina in enumerate(verdeling(index.wijzigingen(oud, nieuw)), 1)
            for w in pagina}


# The change pages ---------------------------------------------------------------------------


def versiepaginas(index: Index, dossier: AnyDossier) -> Iterator[Pagina]:
    """The list of a dossier's versions and a change page per pair (none for one version)."""
    versies = index.corpus.versies_van(dossier.id)
    if len(versies) < 2 or not index.corpus.is_huidig(dossier.id):
        return
    yield _overzicht(index, dossier, versies)
    for oud, nieuw in combinations(versies, 2):
        yield from _wijzigingen(index, oud, nieuw, versies)


def _overzicht(index: Index, dossier: AnyDossier, versies: list[AnyDossier]) -> Pagina:
    src = overzicht_src(dossier.id)
    rijen = []
    for i, versie in enumerate(versies):
        editie = versie.editie()
        rijen.append([
            link(editie.label or versieslug(versie), src, urls.dossier_src(versie.id)),
            esc(datum(editie.datum) or ""),
            "huidige versie" if index.corpus.is_huidig(versie.id) else "",
            link(f"wat is er veranderd sinds {versies[i - 1].editie().label or 'de vorige'}",
                 src, _wijzigingspagina(index, versies[i - 1], versie)) if i else "",
        ])
    paren = [
        link(f"{a.editie().omschrijving()} en {b.editie().omschrijving()}", src,
             _wijzigingspagina(index, a, b))
        for a, b in combinations(versies, 2)
    ]
    return Pagina(
        src=src,
        titel=f"Versies van {dossier.titel}",
        body=samen([
            kop(1, f"Versies van {dossier.titel}"),
            alinea("SBB herziet een dossier van tijd tot tijd. Elke versie staat op deze site "
                   "met al haar pagina's, zodat een link naar een versie blijft tonen wat er "
                   "toen stond; de huidige versie staat op de gewone adressen."),
            tabel(["Versie", "Geldig vanaf", "", "Veranderingen"], rijen),
            kop(2, "Twee versies vergelijken", "vergelijken"),
            lijst(paren),
        ]),
        soort="versies",
        kruimelpad=(*kruimels_dossier(dossier), Kruimel("Versies", None)),
        bron=index.corpus.bronplekken.get((dossier.id, "")),
        beschrijving=f"De versies van het kwalificatiedossier {dossier.titel} en wat er tussen "
        "twee versies veranderd is.",
    )


def _wijzigingen(index: Index, oud: AnyDossier, nieuw: AnyDossier,
                 versies: list[AnyDossier]) -> Iterator[Pagina]:
    """The change page of two versions (and its continuation pages)."""
    src = _wijzigingspagina(index, oud, nieuw)
    huidig = index.corpus.huidige(oud.id)
    a, b = oud.editie().label or versieslug(oud), nieuw.editie().label or versieslug(nieuw)
    wijzigingen = index.wijzigingen(oud, nieuw)
    paginas = verdeling(wijzigingen)
    telling = Counter((w.soort, w.aard[0] if len(w.aard) == 1 else "gewijzigd")
                      for w in wijzigingen)
    titel = f"Wat is er veranderd in {huidig.titel}: {a} en {b}"
    soorten = [(soort, naam) for soort, naam in SOORTEN
               if any(w.soort == soort for w in wijzigingen)]
    for nummer, deel in enumerate(paginas, 1):
        eigen_src = deel_src(src, nummer)
        delen = [kop(1, titel if nummer == 1 else f"{titel} (deel {nummer})")]
        if nummer == 1:
            delen += [
                alinea(f"Van {_versielink(oud, src)} naar {_versielink(nieuw, src)}. "
                       "Onderdelen zijn gekoppeld op hun code en, waar de code veranderde, op "
                       "hun tekst."),
                legenda(a, b),
                tabel(["Onderdeel", "Nieuw", "Vervallen", "Anders", "Ongewijzigd"], [
                    [naam, str(telling[(soort, "nieuw")]), str(telling[(soort, "vervallen")]),
                     str(sum(n for (s, aard), n in telling.items() if s == soort
                             and aard not in ("nieuw", "vervallen", "ongewijzigd"))),
                     str(telling[(soort, "ongewijzigd")])]
                    for soort, naam in soorten
                ]),
            ]
        else:
            delen.append(alinea(f"Vervolg van {link(titel, eigen_src, src)}, met de lijst van "
                                "alle veranderde onderdelen."))
        if len(paginas) > 1:
            if nummer == 1:
                delen.append(alinea(f"De verschillen staan op {len(paginas)} pagina's; "
                                    "hieronder eerst alle veranderde onderdelen."))
            delen.append(_delen(eigen_src, src, nummer, len(paginas)))
            if nummer == 1:
                delen += [kop(2, "Alle veranderde onderdelen", "alle"),
                          _inhoud(eigen_src, src, paginas)]
        for soort, naam in soorten:
            eigen = [w for w in deel if w.soort == soort]
            if eigen:
                delen += [kop(2, naam, soort),
                          *(samen(_onderdeel(eigen_src, w, oud, nieuw, a, b)) for w in eigen)]
            elif nummer == 1 and not any(w.soort == soort for w in getoond(wijzigingen)):
                delen += [kop(2, naam, soort), alinea("Geen veranderingen.")]
        if len(paginas) > 1:
            delen.append(_delen(eigen_src, src, nummer, len(paginas)))
        andere = [link(f"{x.editie().omschrijving()} en {y.editie().omschrijving()}", eigen_src,
                       _wijzigingspagina(index, x, y))
                  for x, y in combinations(versies, 2) if (x, y) != (oud, nieuw)]
        if andere and nummer == len(paginas):
            delen += [kop(2, "Andere versies vergelijken", "andere"), lijst(andere)]
        yield Pagina(
            src=eigen_src,
            titel=f"Wat is er veranderd: {huidig.titel}, {a} en {b}"
            + (f" (deel {nummer})" if nummer > 1 else ""),
            body=samen(delen),
            soort="wijzigingen",
            kruimelpad=(*kruimels_dossier(huidig), Kruimel("Versies", overzicht_src(huidig.id)),
                        Kruimel(f"{a} en {b}", src if nummer > 1 else None)),
            zoekbaar=False,
            beschrijving=f"Wat er in het kwalificatiedossier {huidig.titel} veranderd is van "
            f"{oud.editie().omschrijving()} naar {nieuw.editie().omschrijving()}.",
        )


def _versielink(versie: AnyDossier, src: str) -> str:
    return link(versie.editie().omschrijving(), src, urls.dossier_src(versie.id))


def _delen(eigen_src: str, src: str, nummer: int, aantal: int) -> str:
    return paginanummers(eigen_src, nummer, aantal, lambda n: deel_src(src, n),
                         "Delen van deze vergelijking")


def _inhoud(eigen_src: str, src: str, paginas: list[list[Wijziging]]) -> str:
    """Every changed part, linked to where its differences stand."""
    regels = []
    for nummer, pagina in enumerate(paginas, 1):
        for w in pagina:
            deel = w.nieuw or w.oud
            assert deel is not None
            naar = f"{deel_src(src, nummer)}#{anker(w)}"
            regels.append(f"{link(f'{deel.code} {deel.titel}', eigen_src, naar)} · "
                          f"{esc(', '.join(w.aard))}")
    return lijst(regels)


def _onderdeel(src: str, w: Wijziging, oud: AnyDossier, nieuw: AnyDossier, a: str, b: str
               ) -> list[str]:
    """One changed part: heading, what happened, links to both versions, word differences."""
    deel = w.nieuw or w.oud
    assert deel is not None
    aard = ", ".join(w.aard) + (f" (was {w.oud.code})" if w.oud and w.nieuw
                                and w.oud.code != w.nieuw.code else "")
    paginas = [link(f"{kant.code} in {versie.editie().label or versieslug(versie)}", src,
                    urls.entiteit_src(versie.id, kant.code))
               for kant, versie in ((w.oud, oud), (w.nieuw, nieuw)) if kant is not None]
    wat = [aard[:1].upper() + aard[1:]]
    if w.omvang not in w.aard:  # "Nieuw" and "Vervallen" say their size themselves
        wat.append(OMVANG[w.omvang])
    delen = [kop(3, f"{deel.code} {deel.titel}", anker(w)),
             alinea(f"<strong>{esc(wat[0])}</strong> · "
                    + " · ".join([*(esc(x) for x in wat[1:]), *paginas]))]
    if w.velden:
        delen.append(verschiltabel(f"{w.oud.code if w.oud else deel.code} ({a})",
                                   f"{deel.code} ({b})", [
            verschilrij_van(v.veld.capitalize(), v.items, lijstvorm=len(v.items) > 1)
            for v in w.velden
        ]))
    return delen
