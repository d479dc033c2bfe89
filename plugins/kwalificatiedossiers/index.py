"""The index: every entity of every dossier, its page and its relations, built once.

Built from the validated corpus before any page is generated ("collect first, render once"):
pages, matrices, cross-links, the export and the macros all read from here. Each dossier
generation contributes through the indexer its record names
(:mod:`kwalificatiedossiers.formaten`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from kwalificatiedossiers import urls
from kwalificatiedossiers.model import Competentie, Dossier, Kerntaak, Profiel, Werkproces
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht
from kwalificatiedossiers.model.corpus import AnyDossier, Corpus, natuurlijke_sleutel
from kwalificatiedossiers.model.relaties import Relatie, Voortzetting
from kwalificatiedossiers.tegenhangers import Tegenhanger, tegenhangers
from kwalificatiedossiers.uitwerkingen import Uitwerkingen
from kwalificatiedossiers.versieverschil import Wijziging, vergelijk

Soort = Literal["dossier", "profiel", "uitstroom", "kerntaak", "werkproces", "competentie"]


@dataclass(frozen=True)
class Entiteit:
    """Something with a page: what macros, search and the export refer to."""

    soort: Soort
    dossier_id: str
    code: str
    titel: str
    src: str
    """The page's source URI (see :mod:`kwalificatiedossiers.urls`)."""
    object: Any = field(compare=False, repr=False)
    """The model object."""

    @property
    def url(self) -> str:
        """The site-relative URL."""
        return urls.url(self.src)

    @property
    def label(self) -> str:
        """How a link names it: a dossier by its title, anything else by code and title."""
        return self.titel if self.soort == "dossier" else f"{self.code} {self.titel}"


@dataclass(frozen=True)
class Plaats:
    """A werkproces in its context (basisdeel/profiel, kerntaak) within a dossier."""

    dossier: Dossier
    kerntaak: Kerntaak
    werkproces: Werkproces
    profiel: Profiel | None
    """The profiel the kerntaak belongs to; ``None`` for the basisdeel."""

    @property
    def src(self) -> str:
        """The werkproces page."""
        return urls.entiteit_src(self.dossier.id, self.werkproces.code)


@dataclass(frozen=True)
class CompetentieGebruik:
    """A werkproces (of any dossier format) that names a competence."""

    dossier_id: str
    dossier_titel: str
    code: str
    titel: str
    src: str
    context: str
    """Where it applies, e.g. "basisdeel (alle profielen)" or "P4 Junior accountmanager"."""


def dossiernaam(dossier: AnyDossier) -> str:
    """How a dossier is named in breadcrumbs and lists: with its crebo, or, for a
    competentiegericht dossier (several crebos, one per cohort), with its cohort."""
    return dossier.naam()


def normaliseer_titel(titel: str) -> str:
    """Title as compared for "the same werkproces": case, punctuation and spacing ignored."""
    return " ".join(re.findall(r"\w+", titel.lower()))


class Index:
    """All entities and relations of a corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.competenties: dict[str, Competentie] = {c.code: c for c in corpus.competenties}
        self.competentie_op_naam: dict[str, Competentie] = {
            c.naam: c for c in corpus.competenties
        }
        self.entiteiten: dict[tuple[str, str], Entiteit] = {}
        self.crebos: dict[str, Entiteit] = {}
        self.gebruik: dict[str, list[CompetentieGebruik]] = defaultdict(list)
        self.componenten: dict[str, dict[str, list[str]]] = defaultdict(dict)
        """Competence code → dossier id → the componenten a competentiegericht dossier lists
        for it (deel C), in order of first appearance: what it means in that dossier."""
        self._plaatsen: dict[str, list[Plaats]] = {}
        self._per_titel: dict[tuple[str, str], list[Plaats]] = defaultdict(list)
        """(dossier id, normalised title) → the werkprocessen with that title."""
        self._tellingen: dict[tuple[str, str], Counter[str]] = {}
        """(dossier id, profiel code) → competence code → number of werkprocessen naming it."""
        self._uitwerkingen: dict[str, Uitwerkingen] = {}
        self._wijzigingen: dict[tuple[str, str], list[Wijziging]] = {}
        self._tegenhangers: dict[tuple[str, str, str, str], list[Tegenhanger]] = {}
        for dossier in (*corpus.dossiers, *corpus.versies):
            corpus.formaat(dossier).indexeer(self, dossier)
        for lijst in self.gebruik.values():
            lijst.sort(key=lambda g: (g.dossier_titel, g.dossier_id, natuurlijke_sleutel(g.code)))
        # The same, per dossier (one pass, for what is made per dossier).
        self._per_dossier: dict[str, list[Entiteit]] = defaultdict(list)
        for (dossier_id, _), entiteit in self.entiteiten.items():
            self._per_dossier[dossier_id].append(entiteit)
        self._gebruik_per_dossier: dict[str, dict[str, list[CompetentieGebruik]]] = (
            defaultdict(lambda: defaultdict(list)))
        for code, lijst in self.gebruik.items():
            for gebruik in lijst:
                self._gebruik_per_dossier[gebruik.dossier_id][code].append(gebruik)

    # Registration (used by the indexers) -------------------------------------------------

    def registreer(self, entiteit: Entiteit, crebo: str | None = None) -> None:
        """Add an entity (and its crebo short link, which only a current version has)."""
        self.entiteiten[(entiteit.dossier_id, entiteit.code)] = entiteit
        if crebo and self.corpus.is_huidig(entiteit.dossier_id):
            self.crebos[crebo] = entiteit

    def noem(self, competentie: str, gebruik: CompetentieGebruik) -> None:
        """Note that a werkproces names a competence (the competence pages show current
        versions only)."""
        if self.corpus.is_huidig(gebruik.dossier_id):
            self.gebruik[competentie].append(gebruik)

    # Lookups -------------------------------------------------------------------------------

    def entiteit(self, dossier_id: str, code: str = "") -> Entiteit:
        """The entity with this code in this dossier (``""`` is the dossier); KeyError if none."""
        return self.entiteiten[(dossier_id, code)]

    def entiteiten_van(self, dossier_id: str) -> list[Entiteit]:
        """The entities of one dossier or version, in the order they were registered."""
        return self._per_dossier.get(dossier_id, [])

    def gebruik_in(self, dossier_id: str, competentie: str) -> list[CompetentieGebruik]:
        """The werkprocessen of one (current) dossier that name a competence, in
        :attr:`gebruik`'s order."""
        return self._gebruik_per_dossier.get(dossier_id, {}).get(competentie, [])

    def wijzigingen(self, oud: AnyDossier, nieuw: AnyDossier) -> list[Wijziging]:
        """What changed from one version of a dossier to another (computed once a pair)."""
        sleutel = (oud.id, nieuw.id)
        if sleutel not in self._wijzigingen:
            self._wijzigingen[sleutel] = vergelijk(oud.vergelijkdelen(), nieuw.vergelijkdelen())
        return self._wijzigingen[sleutel]

    def tegenhangers(self, relatie: Relatie, voortzetting: Voortzetting) -> list[Tegenhanger]:
        """The counterparts of the werkprocessen of a variant that continues in another
        dossier (computed once a voortzetting)."""
        sleutel = (relatie.voorganger, relatie.opvolger, voortzetting.voorganger,
                   voortzetting.opvolger)
        if sleutel not in self._tegenhangers:
            self._tegenhangers[sleutel] = tegenhangers(
                self.corpus.dossier(relatie.voorganger), self.corpus.dossier(relatie.opvolger),
                voortzetting)
        return self._tegenhangers[sleutel]

    def uitwerkingen(self, dossier: DossierCompetentiegericht) -> Uitwerkingen:
        """The derived structure of a competentiegericht dossier."""
        return self._uitwerkingen[dossier.id]

    def uitwerkingen_van(self, dossier_id: str) -> Uitwerkingen:
        """The derived structure of the competentiegericht dossier with this id."""
        return self._uitwerkingen[dossier_id]

    def plaatsen(self, dossier: Dossier) -> list[Plaats]:
        """Every werkproces of a basisdeel/profielen dossier with its context, in order."""
        return self._plaatsen[dossier.id]

    def kerntaken(self, dossier: Dossier) -> list[tuple[Kerntaak, Profiel | None]]:
        """Every kerntaak with its profiel (``None``: basisdeel), basisdeel first."""
        return [(k, None) for k in dossier.basisdeel.kerntaken] + [
            (k, p) for p in dossier.profielen for k in p.kerntaken
        ]

    def profielen_van(self, dossier: Dossier, profiel: Profiel | None) -> list[Profiel]:
        """The profielen a kerntaak/werkproces belongs to: all for the basisdeel."""
        return list(dossier.profielen) if profiel is None else [profiel]

    def zelfde_werkproces(self, plaats: Plaats) -> list[Plaats]:
        """Werkprocessen of the same dossier with an equal normalised title and another code."""
        sleutel = (plaats.dossier.id, normaliseer_titel(plaats.werkproces.titel))
        return [p for p in self._per_titel[sleutel] if p.werkproces.code != plaats.werkproces.code]

    def competentie_codes(self, werkproces: Werkproces) -> list[str]:
        """The codes of the competences a werkproces names, in its order."""
        return [self.competentie_op_naam[naam].code for naam in werkproces.competenties]

    def competentie_telling(self, dossier: Dossier, profiel: Profiel) -> Counter[str]:
        """Competence code → number of the profiel's werkprocessen (incl. basisdeel) naming it."""
        return self._tellingen.get((dossier.id, profiel.code), Counter())


def indexeer_basis_profiel(index: Index, dossier: Dossier) -> None:
    """Register a basisdeel/profielen dossier: profielen, kerntaken, werkprocessen."""
    index.registreer(
        Entiteit("dossier", dossier.id, "", dossier.titel, urls.dossier_src(dossier.id), dossier),
        dossier.crebo,
    )
    for p in dossier.profielen:
        index.registreer(
            Entiteit("profiel", dossier.id, p.code, p.titel,
                     urls.entiteit_src(dossier.id, p.code), p),
            p.crebo,
        )
    plaatsen: list[Plaats] = []
    for kerntaak, profiel in index.kerntaken(dossier):
        index.registreer(Entiteit("kerntaak", dossier.id, kerntaak.code, kerntaak.titel,
                                  urls.entiteit_src(dossier.id, kerntaak.code), kerntaak))
        context = (
            "basisdeel (alle profielen)" if profiel is None
            else f"{profiel.code} {profiel.titel}"
        )
        for werkproces in kerntaak.werkprocessen:
            plaats = Plaats(dossier, kerntaak, werkproces, profiel)
            plaatsen.append(plaats)
            index.registreer(Entiteit("werkproces", dossier.id, werkproces.code,
                                      werkproces.titel, plaats.src, werkproces))
            index._per_titel[(dossier.id, normaliseer_titel(werkproces.titel))].append(plaats)
            codes = dict.fromkeys(index.competentie_codes(werkproces))
            for code in codes:
                index.noem(code, CompetentieGebruik(
                    dossier.id, dossier.titel, werkproces.code, werkproces.titel, plaats.src,
                    context,
                ))
            for p in index.profielen_van(dossier, profiel):
                index._tellingen.setdefault((dossier.id, p.code), Counter()).update(codes.keys())
    index._plaatsen[dossier.id] = plaatsen


def indexeer_competentiegericht(index: Index, dossier: DossierCompetentiegericht) -> None:
    """Register a competentiegericht dossier: uitstromen, kerntaken, werkprocessen."""
    code_van = {naam: c.code for naam, c in index.competentie_op_naam.items()}
    uitwerkingen = Uitwerkingen(dossier, code_van)
    index._uitwerkingen[dossier.id] = uitwerkingen
    entiteit = Entiteit("dossier", dossier.id, "", dossier.titel, urls.dossier_src(dossier.id),
                        dossier)
    for crebo in dossier.crebos:
        index.registreer(entiteit, crebo)
    for u in dossier.uitstromen:
        index.registreer(Entiteit("uitstroom", dossier.id, u.code, u.titel,
                                  urls.entiteit_src(dossier.id, u.code), u))
    for code, kerntaak in uitwerkingen.kerntaken.items():
        index.registreer(Entiteit("kerntaak", dossier.id, code, kerntaak.titel,
                                  urls.entiteit_src(dossier.id, code), kerntaak))
    naam = dossiernaam(dossier)
    for code, (_, werkproces) in uitwerkingen.werkprocessen.items():
        src = urls.entiteit_src(dossier.id, code)
        index.registreer(Entiteit("werkproces", dossier.id, code, werkproces.titel, src,
                                  werkproces))
        # One entry per werkproces and competence; the context names the uitstromen whose
        # uitwerking draws on it.
        per_competentie: dict[str, list[str]] = defaultdict(list)
        for uitvoering in uitwerkingen.uitvoeringen(code):
            for competentie in uitvoering.uitwerking.competenties:
                ccode = code_van[competentie.competentie]
                per_competentie[ccode].append(
                    f"{uitvoering.uitstroom.code} {uitvoering.uitstroom.titel}")
                if index.corpus.is_huidig(dossier.id):
                    bekend = index.componenten[ccode].setdefault(dossier.id, [])
                    bekend += [c for c in competentie.componenten if c not in bekend]
        for ccode, uitstromen in per_competentie.items():
            index.noem(ccode, CompetentieGebruik(
                dossier.id, naam, code, werkproces.titel, src,
                ", ".join(dict.fromkeys(uitstromen))))
