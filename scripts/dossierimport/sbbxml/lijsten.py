"""The export-wide lookup tables: domeinen, sectorkamers and the competences A–Y.

Dossiers refer to these by ``nr``. The competences are checked against the shared vocabulary in
``competenties.yaml`` (the data uses the vocabulary's names, so that every dossier names a
competence the same way); each difference is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dossierimport.fouten import ImportFout
from dossierimport.sbbxml.boom import Knoop
from dossierimport.woorden import normaliseer_witruimte
from kwalificatiedossiers.laden import COMPETENTIES_BESTAND, laad_competenties
from kwalificatiedossiers.problemen import Probleem


@dataclass
class Opzoeklijsten:
    """The lookup tables, by ``nr``, and what checking them found."""

    domeinen: dict[str, tuple[str, str]] = field(default_factory=dict)
    """nr → (titel, crebo)."""
    sectorkamers: dict[str, str] = field(default_factory=dict)
    """nr → titel."""
    competenties: dict[str, str] = field(default_factory=dict)
    """nr → the competence's name in the shared vocabulary."""
    opmerkingen: list[str] = field(default_factory=list)
    """Differences between the export's competences and ``competenties.yaml``."""


def competentienamen(data_map: Path) -> dict[str, str] | None:
    """Code → name from ``<data_map>/competenties.yaml``; None when the file is not there."""
    if not (data_map / COMPETENTIES_BESTAND).exists():
        return None
    problemen: list[Probleem] = []
    competenties = laad_competenties(data_map, problemen)
    if problemen:
        eerste = problemen[0]
        raise ImportFout(eerste.bestand, eerste.regel or None,
                         f"de gedeelde competentielijst is ongeldig: {eerste.melding}")
    return {c.code: c.naam for c in competenties}


def lees_opzoeklijsten(wortel: Knoop, vocabulaire: dict[str, str] | None) -> Opzoeklijsten:
    """Read the tables below ``<sbb>``; check the competences against the vocabulary."""
    lijsten = Opzoeklijsten()
    for domein in _rijen(wortel, "domeinen/domein"):
        domein.negeer("prijsfactor", "OBK_ID")  # properties of the domein, not of a dossier
        lijsten.domeinen[domein.attr("nr")] = (normaliseer_witruimte(domein.attr("titel")),
                                               domein.attr("crebo"))
    for kamer in _rijen(wortel, "sectorkamers/sectorkamer"):
        lijsten.sectorkamers[kamer.attr("nr")] = normaliseer_witruimte(kamer.attr("titel"))
    bron_namen: dict[str, str] = {}
    for competentie in _rijen(wortel, "competenties/competentie"):
        code, naam = competentie.attr("code"), normaliseer_witruimte(competentie.attr("titel"))
        bron_namen[code] = naam
        lijsten.competenties[competentie.attr("nr")] = (vocabulaire or {}).get(code, naam)
    lijsten.opmerkingen = _vergelijk(bron_namen, vocabulaire)
    return lijsten


def _rijen(wortel: Knoop, pad: str) -> list[Knoop]:
    tabel_pad, _, rij = pad.rpartition("/")
    tabel = wortel.zoek(tabel_pad)
    return tabel.kinderen_met(rij) if tabel is not None else []


def _vergelijk(bron: dict[str, str], vocabulaire: dict[str, str] | None) -> list[str]:
    """Every difference between the export's competences and the shared vocabulary."""
    if vocabulaire is None:
        melding = (f"geen {COMPETENTIES_BESTAND} in de uitvoermap: de competentienamen komen "
                   "uit de bron en zijn niet vergeleken")
        return [melding]
    verschillen = []
    for code in sorted(bron.keys() | vocabulaire.keys()):
        in_bron, gedeeld = bron.get(code), vocabulaire.get(code)
        if gedeeld is None:
            verschillen.append(f"competentie {code} '{in_bron}' staat niet in "
                               f"{COMPETENTIES_BESTAND}; de naam uit de bron is gebruikt")
        elif in_bron is None:
            verschillen.append(f"competentie {code} '{gedeeld}' uit {COMPETENTIES_BESTAND} "
                               "ontbreekt in de bron")
        elif in_bron != gedeeld:
            verschillen.append(f"competentie {code} heet in de bron '{in_bron}' en in "
                               f"{COMPETENTIES_BESTAND} '{gedeeld}'; die laatste is gebruikt")
    return verschillen
