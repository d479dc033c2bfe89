"""Browsing the opleidingen: by opleidingsdomein (or sector, for older dossiers), by mbo-niveau
and by name, next to search.

Every page stays bounded whatever the number of dossiers: the overview lists the groups (SBB's
domains and the four levels), and a group lists at most :data:`PER_PAGINA` dossiers per page,
continuing on ``…/2/``, ``…/3/``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.opmaak import alinea, esc, kop, lijst, link, samen
from kwalificatiedossiers.paginas.basis import HOME, Kruimel, Pagina, datum, paginanummers

PER_PAGINA = 25
"""Dossiers per page of a group (about 30 KB of HTML)."""
OVERZICHT = Kruimel("Opleidingen", urls.opleidingen_src())


@dataclass(frozen=True)
class Onderdeel:
    """A profiel or uitstroom: what a student enrols in."""

    code: str
    titel: str
    niveau: int
    src: str


@dataclass(frozen=True)
class Opleiding:
    """A dossier as the browse pages and the home page's cards show it."""

    id: str
    naam: str
    crebos: tuple[str, ...]
    domein: str
    """The opleidingsdomein, or for an older dossier its sector."""
    onderdelen: tuple[Onderdeel, ...]
    slot: str
    """Geldig vanaf, or the cohort."""

    @property
    def niveaus(self) -> list[int]:
        """The mbo-niveaus of its profielen or uitstromen."""
        return sorted({o.niveau for o in self.onderdelen})


def opleiding(dossier: AnyDossier) -> Opleiding:
    """A dossier of either format as an opleiding."""
    editie = dossier.editie()
    slot = f"Geldig vanaf {datum(editie.datum)}" if editie.datum else editie.label or ""
    return Opleiding(
        dossier.id, dossier.titel,
        tuple(crebo for crebo, plek in dossier.crebos_met_plek() if not plek),
        dossier.domein() or "Overige",
        tuple(Onderdeel(v.code, v.titel, v.niveau, urls.entiteit_src(dossier.id, v.code))
              for v in dossier.varianten()), slot)


def opleidingen(index: Index) -> list[Opleiding]:
    """Every dossier that has pages, as an opleiding, by name."""
    return sorted((opleiding(d) for d in index.corpus.dossiers
                   if (d.id, "") in index.entiteiten), key=lambda o: (o.naam.lower(), o.id))


def kaart(o: Opleiding, van: str, niveau: int | None = None) -> str:
    """An opleiding as a card: name, crebo(s), niveaus, its profielen (only those of ``niveau``
    when given) as links, and geldig vanaf or the cohort."""
    onderdelen = [d for d in o.onderdelen if niveau is None or d.niveau == niveau]
    return samen([
        "<li>",
        alinea("<strong>" + link(o.naam, van, urls.dossier_src(o.id)) + "</strong>"),
        alinea(f"Crebo {esc(', '.join(o.crebos))} · mbo-niveau "
               + ", ".join(str(n) for n in o.niveaus)),
        alinea(", ".join(link(f"{d.code} {d.titel}", van, d.src) for d in onderdelen)),
        alinea(esc(o.slot)) if o.slot else "",
        "</li>",
    ])


def kaarten(items: Sequence[Opleiding], van: str, niveau: int | None = None) -> str:
    """Cards in Material's grid."""
    return samen(['<div class="grid cards">', "<ul>",
                  *(kaart(o, van, niveau) for o in items), "</ul>", "</div>"])


def _groepen(alle: list[Opleiding]) -> dict[str, dict[str, list[Opleiding]]]:
    """Soort of group → group name → its opleidingen (by name)."""
    domeinen: dict[str, list[Opleiding]] = defaultdict(list)
    niveaus: dict[str, list[Opleiding]] = defaultdict(list)
    for o in alle:
        domeinen[o.domein].append(o)
        for n in o.niveaus:
            niveaus[str(n)].append(o)
    return {"domein": dict(sorted(domeinen.items())), "niveau": dict(sorted(niveaus.items())),
            "naam": {"alle": alle}}


def groep_src(soort: str, naam: str, pagina: int = 1) -> str:
    """The page of a group (``pagina`` > 1: its continuation)."""
    basis = "alle" if soort == "naam" else f"{soort}-{urls.code_slug(naam)}"
    return urls.opleidingen_src(basis if pagina == 1 else f"{basis}/{pagina}")


def bladerlinks(index: Index, van: str, kopniveau: int = 3) -> str:
    """The ways to browse: the domains and levels with their number of dossiers, and all by
    name (the overview page, the home page of a large site and the 404 page)."""
    groepen = _groepen(opleidingen(index))
    return samen([
        kop(kopniveau, "Per opleidingsdomein", "per-domein"),
        lijst(link(naam, van, groep_src("domein", naam)) + f" ({len(items)})"
              for naam, items in groepen["domein"].items()),
        kop(kopniveau, "Per mbo-niveau", "per-niveau"),
        lijst(link(f"Niveau {naam}", van, groep_src("niveau", naam)) + f" ({len(items)})"
              for naam, items in groepen["niveau"].items()),
        kop(kopniveau, "Op naam", "op-naam"),
        alinea(link(f"Alle {len(groepen['naam']['alle'])} dossiers van A tot Z", van,
                    groep_src("naam", "alle"))),
    ])


def paginas(index: Index) -> Iterator[Pagina]:
    """The overview and the pages of every group."""
    alle = opleidingen(index)
    src = urls.opleidingen_src()
    yield Pagina(
        src=src, titel="Opleidingen", soort="opleidingen",
        body=samen([
            kop(1, "Opleidingen"),
            alinea("Vind het kwalificatiedossier van je opleiding: zoek op naam, crebonummer of "
                   "code met de zoekknop bovenaan, of blader per opleidingsdomein, per "
                   "mbo-niveau of op naam."),
            ('<button type="button" class="kd-zoekknop-groot" data-kd-zoek-open>'
             "Zoek een opleiding, crebonummer, code of woord…</button>"),
            bladerlinks(index, src, 2),
        ]),
        kruimelpad=(HOME, Kruimel("Opleidingen", None)),
        beschrijving="Alle mbo-kwalificatiedossiers op deze site: per opleidingsdomein, per "
        "mbo-niveau en op naam.",
    )
    titels = {"domein": "Opleidingsdomein {}", "niveau": "Mbo-niveau {}", "naam": "Alle dossiers"}
    for soort, groepen in _groepen(alle).items():
        for naam, items in groepen.items():
            delen = [items[i:i + PER_PAGINA] for i in range(0, len(items), PER_PAGINA)]
            for nummer, deel in enumerate(delen, 1):
                yield groep_pagina(soort, naam, titels[soort].format(naam), deel, nummer,
                                   len(delen))


def groep_pagina(soort: str, naam: str, titel: str, items: list[Opleiding], nummer: int,
                 aantal: int) -> Pagina:
    """One page of a group: its dossiers as cards, and links to the group's other pages."""
    src = groep_src(soort, naam, nummer)
    volledig = titel + (f" (pagina {nummer} van {aantal})" if aantal > 1 else "")
    delen = [kop(1, volledig),
             kaarten(items, src, int(naam) if soort == "niveau" else None)]
    if aantal > 1:
        delen.append(paginanummers(src, nummer, aantal, lambda n: groep_src(soort, naam, n),
                                   "Pagina's"))
    return Pagina(
        src=src, titel=volledig, soort="opleidingen", body=samen(delen),
        kruimelpad=(HOME, OVERZICHT, Kruimel(volledig, None)),
        zoekbaar=False,
        beschrijving=f"{volledig}: de kwalificatiedossiers met hun profielen.",
    )
