"""The dossier data model: typed, validated value objects for everything in ``dossier-data/``.

The model is the single definition of the YAML layout: the loader validates files against it and
the JSON Schema that editors use is generated from it (see ``kwalificatiedossiers.schema``).
"""

from kwalificatiedossiers.model.base import Strict
from kwalificatiedossiers.model.competenties import Competentie, CompetentieBestand
from kwalificatiedossiers.model.dossier import (
    Aanvulling,
    Basisdeel,
    Dossier,
    DossierBestand,
    Gedrag,
    Kerntaak,
    KerntaakAanvulling,
    Onderdeel,
    Profiel,
    ProfielBestand,
    TyperingBeroepengroep,
    Vakkennis,
    VakkennisCategorie,
    Werkproces,
)
from kwalificatiedossiers.model.herkomst import (
    Afleiding,
    Afwijking,
    Bron,
    Bronnummer,
    Correctie,
    Herkomst,
)
from kwalificatiedossiers.model.tekst import Blok, Genummerd, Kop, Lijst, Tabel, Tekst

__all__ = [
    "Aanvulling",
    "Afleiding",
    "Afwijking",
    "Basisdeel",
    "Blok",
    "Bron",
    "Bronnummer",
    "Competentie",
    "CompetentieBestand",
    "Correctie",
    "Dossier",
    "DossierBestand",
    "Gedrag",
    "Genummerd",
    "Herkomst",
    "Kerntaak",
    "KerntaakAanvulling",
    "Kop",
    "Lijst",
    "Onderdeel",
    "Profiel",
    "ProfielBestand",
    "Strict",
    "Tabel",
    "Tekst",
    "TyperingBeroepengroep",
    "Vakkennis",
    "VakkennisCategorie",
    "Werkproces",
]
