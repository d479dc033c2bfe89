"""The kwalificatiedossier in the older competentiegericht form (cohorts 2005-2006 to 2012-2013).

These dossiers have *uitstromen* (``U1``…) instead of profielen, kerntaken numbered 1, 2, 3 with
werkprocessen ``1.1``…, and per uitstroom and werkproces an uitwerking with the generic
competences (A–Y) it draws on. A dossier lives in one folder of ``dossier-data/``:

- ``dossier.yaml``: metadata, colofon, formele vereisten, inleiding, deel A and the general parts
  of deel B (typering, trends, the overview werkproces × uitstroom), provenance;
- ``kerntaken.yaml``: the kerntaken with their beschrijving and werkprocessen (deel B 5 and 6);
- ``uitstromen/u<n>.yaml``: one uitstroom: its description and grids (deel B 4), its
  loopbaanperspectief (deel B 2.4) and its uitwerking per kerntaak (deel C 2);
- ``certificeerbare-eenheden.yaml``: deel C 3;
- ``verantwoording.yaml``: deel D.

Everything the source states in a fixed structure is typed; free-form sections are
:data:`~kwalificatiedossiers.model.tekst.Tekst`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from kwalificatiedossiers.model.base import Crebo, Geheel, JaNee, Regel, Slug, Strict
from kwalificatiedossiers.model.competenties import CompetentieCode
from kwalificatiedossiers.model.delen import Editie, Variant, Vergelijkdeel
from kwalificatiedossiers.model.dossier import Onderdeel
from kwalificatiedossiers.model.herkomst import Herkomst
from kwalificatiedossiers.model.tekst import Tekst, platte_tekst

UitstroomCode = Annotated[str, StringConstraints(pattern=r"^U[0-9]{1,2}$")]
WerkprocesNummer = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,2}\.[0-9]{1,2}$")]
Taalniveau = Literal["A1", "A2", "B1", "B2", "C1", "C2"]
Rekenniveau = Literal["X1", "X2", "Y1", "Y2", "Z1", "Z2"]

# --- dossier.yaml -------------------------------------------------------------------------


class Colofon(Strict):
    """Colofon (deel B 2.1)."""

    onder_regie_van: Regel
    """"Onder regie van"."""
    ontwikkeld_door: Regel
    """"Ontwikkeld door"."""
    vastgesteld_door: Regel
    """Who vastgesteld the dossier ("Vastgesteld door: …")."""
    vastgesteld_op: dt.date
    """When ("Op: 16-12-2008")."""
    vastgesteld_te: Regel
    """Where ("Te: Amersfoort")."""


class Diploma(Strict):
    """One diploma the dossier leads to, as deel B 2.2 lists it ("… - 3")."""

    titel: Regel
    """The diploma's name."""
    niveau: Geheel = Field(ge=1, le=4)
    """Mbo-niveau."""


class FormeleVereisten(Strict):
    """Formele vereisten (deel B 2.2)."""

    diplomas: list[Diploma] = Field(min_length=1)
    """"Diploma(s)", in source order."""
    in_en_doorstroomrechten: Tekst = []
    """"In- en doorstroomrechten"."""
    certificeerbare_eenheden: list[Regel] = []
    """"Certificeerbare eenheden": their names."""
    wettelijke_beroepsvereisten: Regel | None = None
    """"Wettelijke beroepsvereisten" ("Nee", or the requirement)."""
    branchevereisten: Regel | None = None
    """"Branche vereisten" ("Ja"/"Nee")."""
    bron_en_referentiedocumenten: Tekst = []
    """"Bron- en referentiedocumenten"."""


class KwalificatieInBeeld(Strict):
    """One entry of a column of "Kwalificaties in beeld"."""

    naam: Regel
    """The qualification as printed, e.g. "Contactcenter teamleider (ECABO)"."""
    uitstromen: list[Regel] = []
    """Its uitstromen, when the source lists them below it."""


class NiveauInBeeld(Strict):
    """One column (mbo-niveau) of "Kwalificaties in beeld"."""

    niveau: Geheel = Field(ge=1, le=4)
    """The niveau of the column header ("Niveau 3")."""
    kwalificaties: list[KwalificatieInBeeld] = Field(min_length=1)
    """The qualifications in the column, top to bottom."""


class KwalificatiesInBeeld(Strict):
    """"Kwalificaties in beeld" (deel A): how the dossier relates to neighbouring ones."""

    inleiding: Tekst = []
    """The text above the table."""
    niveaus: list[NiveauInBeeld] = Field(min_length=1)
    """The table, column by column."""


class DeelA(Strict):
    """Deel A: Beeld van de beroepengroep."""

    titel: Regel
    """The heading of the portrait (the beroep's name)."""
    onderdelen: list[Onderdeel] = Field(min_length=1)
    """The questions it answers ("Wat doet …?", "Waar werkt …?", …), in order."""
    kwalificaties_in_beeld: KwalificatiesInBeeld
    """Kwalificaties in beeld."""


class TrendsEnInnovaties(Strict):
    """Trends en innovaties (deel B 2.5)."""

    inleiding: Tekst = []
    """The text above the table."""
    onderwerpen: list[Onderdeel] = []
    """The table: topic (e.g. "Wetgeving en regelgeving") and its text."""


class OverzichtRij(Strict):
    """One row of the overview matrix: a werkproces and the uitstromen that have it."""

    werkproces: WerkprocesNummer
    """The werkproces (``1.1``…)."""
    uitstromen: list[UitstroomCode] = []
    """The uitstromen marked with ``x``, in column order."""


class Overzicht(Strict):
    """Overzicht van het kwalificatiedossier (deel B 3): werkproces × uitstroom.

    The legend (``U1: …``) and the kerntaak/werkproces titles of the table are the codes and
    titles of the uitstromen and kerntaken; they are not repeated here.
    """

    inleiding: Tekst = []
    """The text above the legend."""
    werkprocessen: list[OverzichtRij] = Field(min_length=1)
    """The rows, in table order."""


class DeelB(Strict):
    """The general parts of deel B: De kwalificaties."""

    inleiding: Tekst = []
    """1. Inleiding."""
    typering: Tekst = []
    """2.3 Typering beroepengroep."""
    trends_en_innovaties: TrendsEnInnovaties = TrendsEnInnovaties()
    """2.5 Trends en innovaties."""
    overzicht: Overzicht
    """3. Overzicht van het kwalificatiedossier."""
    uitstromen_inleiding: Tekst = []
    """4. Beschrijving van de uitstromen: the text above the first uitstroom."""


class DossierCompetentiegerichtBestand(Strict):
    """The file ``dossier.yaml`` of a competentiegericht dossier."""

    id: Slug
    """The dossier's stable id; it is the folder name and the first URL segment."""
    formaat: Literal["competentiegericht"]
    """The dossier generation: ``competentiegericht`` (uitstromen, cohorts up to 2012-2013)."""
    titel: Regel
    """The title, e.g. "Commercieel medewerker"."""
    crebos: list[Crebo] = Field(min_length=1)
    """The dossier's crebo numbers, as the title page lists them."""
    cohort: Regel
    """The cohort, as printed (e.g. "2009 - 2010")."""
    sector: Regel | None = None
    """Sector."""
    branches: list[Regel] = []
    """Branche(s), in source order."""
    uitgever: Regel | None = None
    """The kenniscentrum named on the title page."""
    reeks: Regel | None = None
    """The series named on the title page (e.g. "Landelijke Kwalificaties MBO")."""
    inleiding: Tekst = []
    """The dossier's inleiding (before deel A)."""
    deel_a: DeelA
    """Deel A: Beeld van de beroepengroep."""
    colofon: Colofon
    """Deel B 2.1 Colofon."""
    formele_vereisten: FormeleVereisten
    """Deel B 2.2 Formele vereisten."""
    deel_b: DeelB
    """The other general parts of deel B."""
    deel_c_inleiding: Tekst = []
    """Deel C: the inleiding and the text above the uitstromen."""
    herkomst: Herkomst
    """Provenance."""

    def editie(self) -> Editie:
        """Its cohort (such a dossier had an edition per cohort)."""
        return Editie(self.cohort, None)


# --- kerntaken.yaml -----------------------------------------------------------------------


class VakjesRij(Strict):
    """One row of a matrix of deel B 6 ("Totaal overzicht proces-competentie-matrices")."""

    werkproces: WerkprocesNummer
    """The werkproces."""
    vakjes: list[CompetentieCode] = []
    """Columns whose cell the source shows as a box (``<input type="checkbox">``).

    The printed matrix tells the uitstromen apart by colour (dark orange or light grey); the
    colours did not survive the conversion, so only the boxes are kept, as printed.
    """


class WerkprocesCompetentiegericht(Strict):
    """A werkproces of a kerntaak (e.g. ``2.3`` Verkoopt productgericht)."""

    code: WerkprocesNummer
    """The number the dossier gives it; it starts with its kerntaak's number."""
    titel: Regel
    """The title as deel B prints it."""


class KerntaakCompetentiegericht(Strict):
    """A kerntaak (deel B 5) with its row of the overview matrices (deel B 6)."""

    nummer: Geheel = Field(ge=1)
    """The kerntaak's number (Kerntaak 1, 2, …)."""
    titel: Regel
    """The title."""
    beschrijving: Tekst = Field(min_length=1)
    """"Beschrijving kerntaak"."""
    werkprocessen: list[WerkprocesCompetentiegericht] = Field(min_length=1)
    """The werkprocessen, in order."""
    totaaloverzicht: list[VakjesRij] = []
    """Its matrix in deel B 6, row by row."""


class KerntakenBestand(Strict):
    """The file ``kerntaken.yaml``: deel B 5 and 6."""

    kerntaken_inleiding: Tekst = []
    """Deel B 5: the text above the kerntaken."""
    matrices_inleiding: Tekst = []
    """Deel B 6: the text above the overview matrices."""
    kerntaken: list[KerntaakCompetentiegericht] = Field(min_length=1)
    """The kerntaken, in order."""


# --- uitstromen/u<n>.yaml -----------------------------------------------------------------


class Taaleisen(Strict):
    """A language grid: the CEFR levels (A1–C2) required per skill, as marked with ``x``."""

    taal: Regel
    """The language as the grid's title names it ("Nederlands", "Engels of Duits", …)."""
    luisteren: list[Taalniveau] = []
    """Levels marked for "Luisteren", lowest first."""
    lezen: list[Taalniveau] = []
    """Levels marked for "Lezen"."""
    gesprekken_voeren: list[Taalniveau] = []
    """Levels marked for "Gesprekken voeren"."""
    spreken: list[Taalniveau] = []
    """Levels marked for "Spreken"."""
    schrijven: list[Taalniveau] = []
    """Levels marked for "Schrijven"."""


class Rekeneisen(Strict):
    """The rekenen-en-wiskunde grid: the levels (X1–Z2) required per domain, marked with ``x``."""

    titel: Regel
    """The grid's title ("Rekenen en wiskunde")."""
    getallen: list[Rekenniveau] = []
    """Levels marked for "Getallen", lowest first."""
    ruimte_en_vorm: list[Rekenniveau] = []
    """Levels marked for "Ruimte en vorm"."""
    gegevensverwerking: list[Rekenniveau] = []
    """Levels marked for "Gegevens verwerking"."""
    verbanden: list[Rekenniveau] = []
    """Levels marked for "Verbanden"."""


class MatrixRij(Strict):
    """One row of a proces-competentie-matrix: a werkproces and its marked competences."""

    werkproces: WerkprocesNummer
    """The werkproces of the row."""
    competenties: list[CompetentieCode] = []
    """The competences marked in the row (by the column's letter), in column order."""


class Verwijzing(Strict):
    """A reference instead of content: the source says "Zie de eerste competentie van dit
    werkproces" (the vakkennis of the werkproces's first competence applies)."""

    zie: Literal["eerste-competentie"]
    """What is referred to."""


class CompetentieUitwerking(Strict):
    """How one competence is drawn on in one werkproces of one uitstroom."""

    competentie: Regel
    """The competence's name from ``competenties.yaml``."""
    componenten: list[Regel] = Field(min_length=1)
    """"Component(en)"."""
    prestatie_indicator: Tekst = Field(min_length=1)
    """"Prestatie-indicator"."""
    vakkennis: list[Regel] | Verwijzing = []
    """"Vakkennis en vaardigheden": the items, or a reference to the first competence's."""


class WerkprocesUitwerking(Strict):
    """A werkproces as one uitstroom performs it (deel C)."""

    werkproces: WerkprocesNummer
    """The werkproces."""
    omschrijving: Tekst = Field(min_length=1)
    """"Omschrijving"."""
    gewenst_resultaat: Tekst = Field(min_length=1)
    """"Gewenst resultaat"."""
    competenties: list[CompetentieUitwerking] = Field(min_length=1)
    """The competences, in source order."""


class KerntaakUitwerking(Strict):
    """One kerntaak as one uitstroom performs it (deel C 2)."""

    kerntaak: Geheel = Field(ge=1)
    """The kerntaak's number."""
    matrix: list[MatrixRij] | None = None
    """The proces-competentie-matrix, row by row; absent when the source has none."""
    betekenis: Tekst = []
    """"Betekenis van de kerntaak voor deze uitstroom"."""
    werkprocessen: list[WerkprocesUitwerking] = []
    """The uitwerking of the uitstroom's werkprocessen of this kerntaak."""


class Uitstroom(Strict):
    """An uitstroom (e.g. ``U4`` (Junior) accountmanager): the profiel of this generation."""

    code: UitstroomCode
    """The code of the overview's legend (``U1``…)."""
    titel: Regel
    """The uitstroom's name."""
    niveau: Geheel = Field(ge=1, le=4)
    """"Niveau van de beroepsuitoefening"."""
    context: Tekst = []
    """"Context van de uitstroom"."""
    beroepshouding: Tekst = []
    """"Typerende beroepshouding"."""
    rol_en_verantwoordelijkheden: Tekst = []
    """"Rol en verantwoordelijkheden"."""
    complexiteit: Tekst = []
    """"Complexiteit"."""
    wettelijke_beroepsvereisten: Regel | None = None
    """"Wettelijke beroepsvereisten"."""
    branchevereisten: Tekst = []
    """"Branche vereisten"."""
    talen_en_rekenen: Tekst = []
    """"Nederlands en (moderne) vreemde talen, rekenen en wiskunde": the text above the grids."""
    taaleisen: list[Taaleisen] = []
    """The language grids (Nederlands first)."""
    rekeneisen: Rekeneisen | None = None
    """The rekenen-en-wiskunde grid."""
    loopbaanperspectief: Tekst = []
    """Its section of "Loopbaanperspectief" (deel B 2.4)."""
    uitwerking: list[KerntaakUitwerking] = Field(min_length=1)
    """Deel C: the uitwerking per kerntaak."""


class UitstroomBestand(Uitstroom):
    """A file ``uitstromen/<code>.yaml``: one uitstroom."""


# --- certificeerbare-eenheden.yaml --------------------------------------------------------


class CertificeerbareEenheid(Strict):
    """A certificeerbare eenheid (deel C 3): a part of a diploma with its own certificate."""

    titel: Regel
    """Its name."""
    beroepsinhoud: Tekst = []
    """"Beroepsinhoud en voorkomende functiebenaming(en)"."""
    matrix: list[MatrixRij] = []
    """Its proces-competentie-matrix, row by row."""


class CertificeerbareEenhedenBestand(Strict):
    """The file ``certificeerbare-eenheden.yaml``."""

    inleiding: Tekst = []
    """The text above the eenheden."""
    eenheden: list[CertificeerbareEenheid] = Field(min_length=1)
    """The eenheden, in order."""


# --- verantwoording.yaml ------------------------------------------------------------------


class WijzigingCategorie(Strict):
    """A row of the table "Wijzigingen ten opzichte van de voorgaande versie" with its
    toelichting."""

    nummer: Geheel = Field(ge=1, le=4)
    """Categorie 1–4."""
    naam: Regel
    """Its name ("Nieuw dossier", "Wijzigingen", …)."""
    aangekruist: JaNee = False
    """Whether the source marks the column "Kruis aan welke categorie van toepassing is"."""
    omschrijving: Tekst = []
    """What the categorie means."""
    toelichting: Tekst = []
    """The toelichting below the table for this categorie."""


class Versie(Strict):
    """A row of "Versiebeheer van het kwalificatiedossier"."""

    versie: Regel
    """The version as printed, e.g. "Commercieel medewerker 2008-2009 (crebo-code: 90110)"."""
    reden: Tekst = []
    """"Reden nieuwe versie"."""


class Versiebeheer(Strict):
    """Versiebeheer van het kwalificatiedossier."""

    inleiding: Tekst = []
    """The text above the table."""
    versies: list[Versie] = Field(min_length=1)
    """The versions, oldest first."""


class Wijzigingen(Strict):
    """Wijzigingen ten opzichte van de voorgaande versie (deel D 2.5)."""

    categorieen: list[WijzigingCategorie] = Field(min_length=1)
    """The categories, in order."""
    versiebeheer: Versiebeheer | None = None
    """The version history."""


class AgendaPunt(Strict):
    """A row of the ontwikkel- en onderhoudsagenda."""

    onderwerp: Regel
    """"Onderwerp"."""
    actie: Tekst = []
    """"Actie"."""
    wie: Regel | None = None
    """"Wie"."""
    wanneer: list[Regel] = []
    """"Wanneer": one or more moments."""
    toelichting: Tekst = []
    """Text that follows the row in the source (e.g. "Toelichting op activiteiten …")."""


class Agenda(Strict):
    """The ontwikkel- en onderhoudsagenda."""

    titel: Regel
    """Its heading."""
    punten: list[AgendaPunt] = Field(min_length=1)
    """The rows, in order."""


class Verantwoording(Strict):
    """The file ``verantwoording.yaml``: deel D."""

    inleiding: Tekst = []
    """1. Inleiding."""
    betrokkenen: Tekst = []
    """2.1 Betrokkenen."""
    verwantschap: Tekst = []
    """2.2 Verwantschap."""
    vertaling_bcps: Tekst = []
    """2.3 Vertaling beroepscompetentieprofielen in kwalificatiedossier."""
    discussiepunten: Tekst = []
    """2.4 Discussiepunten."""
    wijzigingen: Wijzigingen
    """2.5 Wijzigingen ten opzichte van de voorgaande versie."""
    ontwikkelperspectief: Tekst = []
    """3. Ontwikkel- en onderhoudsperspectief: the text above the agenda."""
    agenda: Agenda | None = None
    """The ontwikkel- en onderhoudsagenda."""


# --- the whole ----------------------------------------------------------------------------


class DossierCompetentiegericht(DossierCompetentiegerichtBestand, KerntakenBestand):
    """A whole competentiegericht dossier as assembled from its files."""

    uitstromen: list[Uitstroom] = Field(min_length=1)
    """The uitstromen, in code order."""
    certificeerbare_eenheden: CertificeerbareEenhedenBestand | None = None
    """Deel C 3."""
    verantwoording: Verantwoording | None = None
    """Deel D."""

    def naam(self) -> str:
        """How the site names it: with its cohort (a dossier had a crebo per cohort);
        "Cohort 2009 - 2010" reads "cohort 2009-2010", any other wording as it is."""
        jaren = re.fullmatch(r"(?i)\s*cohort\s+(\d{4})\s*-\s*(\d{4})\s*", self.cohort)
        cohort = f"cohort {jaren[1]}-{jaren[2]}" if jaren else self.cohort
        naam = f"{self.titel} ({cohort})"
        return f"{naam}, versie {self.id.split('/', 1)[1]}" if "/" in self.id else naam

    def varianten(self) -> list[Variant]:
        """Its uitstromen."""
        return [Variant(u.code, u.titel, u.niveau) for u in self.uitstromen]

    def crebos_met_plek(self) -> list[tuple[str, str]]:
        """Its crebos (all the dossier's: the uitstromen have none of their own)."""
        return [(c, "") for c in self.crebos]

    def aantal_werkprocessen(self) -> int:
        """The werkprocessen of its kerntaken."""
        return sum(len(k.werkprocessen) for k in self.kerntaken)

    def domein(self) -> str | None:
        """Its sector (these dossiers have no opleidingsdomein)."""
        return f"{self.sector} (sector)" if self.sector else None

    def vergelijkdelen(self) -> list[Vergelijkdeel]:
        """Uitstromen, kerntaken and werkprocessen (with each uitstroom's uitwerking)."""
        uit = [
            Vergelijkdeel("uitstroom", u.code, u.titel, None, (
                ("niveau", (str(u.niveau),)),
                ("context", tuple(platte_tekst(u.context))),
                ("typerende beroepshouding", tuple(platte_tekst(u.beroepshouding))),
                ("rol en verantwoordelijkheden",
                 tuple(platte_tekst(u.rol_en_verantwoordelijkheden))),
                ("complexiteit", tuple(platte_tekst(u.complexiteit))),
            ))
            for u in self.uitstromen
        ]
        uit += [Vergelijkdeel("kerntaak", f"K{k.nummer}", k.titel, None,
                              (("beschrijving", tuple(platte_tekst(k.beschrijving))),),
                              tuple(w.titel for w in k.werkprocessen))
                for k in self.kerntaken]
        uitwerkingen = {(u.code, w.werkproces): w for u in self.uitstromen
                        for k in u.uitwerking for w in k.werkprocessen}
        for k in self.kerntaken:
            for w in k.werkprocessen:
                velden: list[tuple[str, tuple[str, ...]]] = []
                for u in self.uitstromen:
                    uitwerking = uitwerkingen.get((u.code, w.code))
                    if uitwerking is None:
                        continue
                    velden += [
                        (f"{u.code}: omschrijving", tuple(platte_tekst(uitwerking.omschrijving))),
                        (f"{u.code}: gewenst resultaat",
                         tuple(platte_tekst(uitwerking.gewenst_resultaat))),
                        (f"{u.code}: competenties",
                         tuple(c.competentie for c in uitwerking.competenties)),
                    ]
                uit.append(Vergelijkdeel("werkproces", w.code, w.titel, f"K{k.nummer}",
                                         tuple(velden)))
        return uit

    def werkprocessen_van(self, variant: str) -> list[Vergelijkdeel]:
        """The werkprocessen uitstroom ``variant`` works out, with its uitwerking's text."""
        titels = {w.code: (w.titel, f"K{k.nummer}") for k in self.kerntaken
                  for w in k.werkprocessen}
        return [
            Vergelijkdeel("werkproces", w.werkproces, titels[w.werkproces][0],
                          titels[w.werkproces][1], (
                              ("omschrijving", tuple(platte_tekst(w.omschrijving))),
                              ("gewenst resultaat", tuple(platte_tekst(w.gewenst_resultaat))),
                          ))
            for u in self.uitstromen if u.code == variant
            for k in u.uitwerking for w in k.werkprocessen
        ]
