"""The plan of an import: per dossier folder and per file, what writing it would change.

An import never overwrites silently. Before anything is written, each imported dossier is
compared with the folder it would replace, file by file: new, unchanged, changed (which lines),
removed (a file the loader reads that the new import no longer produces) or the maintainer's own
(any other file: kept as it is). Changes that undo hand corrections are marked: a file that
differs from what the previous import wrote (recorded in the folder's ``import.sha256``), or, in
a folder without that record, any difference when the new source is the very file the dossier
was imported from (the same sha256 in ``herkomst``). Corrections recorded in
``herkomst.correcties`` that the new import lacks are listed too. The maintainer reads the plan;
only ``--vervang`` lets :mod:`~dossierimport.toepassen` replace an existing folder.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from kwalificatiedossiers.bestand import BestandFout, lees_bytes, soort
from kwalificatiedossiers.formaten import FORMATEN
from kwalificatiedossiers.laden import (
    BASISDEEL_BESTAND,
    CERTIFICEERBARE_EENHEDEN_BESTAND,
    DOSSIER_BESTAND,
    KERNTAKEN_BESTAND,
    PROFIELEN_MAP,
    UITSTROMEN_MAP,
    VERANTWOORDING_BESTAND,
)
from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.model.delen import Editie
from kwalificatiedossiers.problemen import toon_bestand
from kwalificatiedossiers.urls import VERSIES, versie_slug
from kwalificatiedossiers.validatie import valideer
from kwalificatiedossiers.yamlbron import MAX_BESTAND_BYTES, YamlFout, lees_yaml

IMPORTVERSLAG = "import.sha256"
"""In each dossier folder: the sha256 of every file the last import wrote (``sha256sum``
format), so that a later import can tell hand corrections from what an importer produced."""

_GELEZEN_BESTANDEN = frozenset({DOSSIER_BESTAND, BASISDEEL_BESTAND, KERNTAKEN_BESTAND,
                                CERTIFICEERBARE_EENHEDEN_BESTAND, VERANTWOORDING_BESTAND})
_GELEZEN_MAPPEN = frozenset({PROFIELEN_MAP, UITSTROMEN_MAP})

Soort = Literal["nieuw", "ongewijzigd", "gewijzigd", "weg", "eigen"]


class PlanFout(Exception):
    """A folder that an import cannot safely be planned over (the message says why)."""


def van_het_importproces(pad: str) -> bool:
    """Whether a file in a dossier folder is the import's: one the loader reads (of any dossier
    format) or the import's own record. Every other file is the maintainer's and is kept."""
    deel = PurePosixPath(pad)
    if deel.name.startswith("."):
        return False
    if len(deel.parts) == 1:
        return pad in _GELEZEN_BESTANDEN or pad == IMPORTVERSLAG
    return len(deel.parts) == 2 and deel.parts[0] in _GELEZEN_MAPPEN and deel.suffix == ".yaml"


def doelmap(uit: Path, dossier: AnyDossier) -> Path:
    """The folder an import of this dossier is written to: ``<uit>/<id>``, or, when that folder
    holds another edition, ``<uit>/<id>/versies/<versie>``: a newer (or older) edition is kept
    beside the current one as a version of its own, never written over it.

    This is the one place that decides it; planning and writing work the same for both.
    """
    huidig = uit / dossier.id
    editie = dossier.editie()
    eigen = versie_slug(editie.label, editie.datum)
    bestaand = huidige_editie(huidig)
    if eigen is None or bestaand is None or versie_slug(bestaand.label, bestaand.datum) == eigen:
        return huidig
    return huidig / VERSIES / eigen


def huidige_editie(map_: Path) -> Editie | None:
    """The edition of the dossier in ``map_`` (``None`` when there is none, or when its
    ``dossier.yaml`` cannot tell: the import then plans over the folder as it always did)."""
    try:
        doc = lees_yaml(map_ / DOSSIER_BESTAND)
    except (YamlFout, BestandFout):
        return None
    naam = doc.data.get("formaat") if isinstance(doc.data, dict) else None
    formaat = FORMATEN.get(naam) if isinstance(naam, str) else None
    if formaat is None:
        return None
    kop, _ = valideer(doc, formaat.kopmodel)
    editie: Editie | None = kop.editie() if kop is not None else None
    return editie


@dataclass(frozen=True)
class Bestandsplan:
    """What the import does with one file of a dossier folder."""

    pad: str
    """Relative to the dossier folder, with ``/``."""
    soort: Soort
    verschil: str = ""
    """For a changed file: how many lines change and where the first change is."""
    handwerk: bool = False
    """The file holds hand corrections that writing the import would lose."""


@dataclass
class Dossierplan:
    """What importing one dossier would write and change."""

    dossier_id: str
    doel: Path
    bestanden: dict[str, str]
    """What the import writes: relative path → text (with :data:`IMPORTVERSLAG`)."""
    per_bestand: list[Bestandsplan]
    bestaat: bool
    """Whether ``doel`` exists (its files are compared in ``per_bestand``)."""
    handwerk_bekend: bool = True
    """Whether hand corrections could be told (an ``import.sha256``, or the same source)."""
    correcties: list[str] = field(default_factory=list)
    """Corrections the existing dossier records in ``herkomst.correcties`` that the new import
    does not record."""

    @property
    def verandert(self) -> bool:
        """Whether writing changes anything beyond the import's own record."""
        return any(b.soort in ("nieuw", "gewijzigd", "weg") and b.pad != IMPORTVERSLAG
                   for b in self.per_bestand)

    @property
    def vervangt(self) -> bool:
        """Whether writing replaces an existing folder's content (only with ``--vervang``)."""
        return self.bestaat and self.verandert

    def eigen(self) -> list[str]:
        """The maintainer's own files in the existing folder; the new folder keeps them."""
        return [b.pad for b in self.per_bestand if b.soort == "eigen"]

    @property
    def is_versie(self) -> bool:
        """Whether the import goes to ``<id>/versies/<versie>/`` beside the current edition."""
        return self.doel.parent.name == VERSIES

    def als_tekst(self) -> str:
        """The plan as a maintainer reads it."""
        doel = toon_bestand(self.doel)
        if not self.bestaat:
            naast = (" naast de huidige: deze uitgave is een andere dan die in "
                     f"{toon_bestand(self.doel.parent.parent)}, en wordt een versie van haar eigen"
                     if self.is_versie else "")
            return (f"Plan voor dossier '{self.dossier_id}': nieuwe map {doel} "
                    f"({len(self.bestanden)} bestanden){naast}")
        if not self.verandert:
            return f"Plan voor dossier '{self.dossier_id}': {doel} is al gelijk aan deze import"
        regels = [(f"Plan voor dossier '{self.dossier_id}': {doel} bestaat; wat vervangen "
                   "verandert:")]
        versies = sorted({"/".join(PurePosixPath(b.pad).parts[:2]) for b in self.per_bestand
                          if b.soort == "eigen" and b.pad.startswith(f"{VERSIES}/")})
        if versies:
            regels.append(f"  versies: {', '.join(versies)} (andere versies van dit dossier; "
                          "blijven staan)")
        for bestand in self.per_bestand:
            if (bestand.soort == "ongewijzigd" or bestand.pad == IMPORTVERSLAG
                    or (bestand.soort == "eigen" and bestand.pad.startswith(f"{VERSIES}/"))):
                continue
            toelichting = [bestand.verschil] if bestand.verschil else []
            if bestand.soort == "eigen":
                toelichting.append("niet van de import; blijft staan")
            if bestand.handwerk:
                toelichting.append("HANDMATIGE CORRECTIE, gaat verloren")
            uitleg = f" ({'; '.join(toelichting)})" if toelichting else ""
            regels.append(f"  {bestand.soort}: {bestand.pad}{uitleg}")
        gelijk = sum(b.soort == "ongewijzigd" and b.pad != IMPORTVERSLAG for b in self.per_bestand)
        if gelijk:
            regels.append(f"  ongewijzigd: {gelijk} bestanden")
        regels += [f"  vastgelegde correctie die de nieuwe import niet heeft: {c}"
                   for c in self.correcties]
        if not self.handwerk_bekend:
            regels.append(f"  let op: {doel} heeft geen {IMPORTVERSLAG} en de bron verschilt "
                          "van de vorige; welke verschillen handwerk zijn, valt niet te zeggen")
        return "\n".join(regels)


def sha256(inhoud: bytes) -> str:
    """The hex sha256 of some bytes."""
    return hashlib.sha256(inhoud).hexdigest()


def importverslag(bestanden: dict[str, str]) -> str:
    """The text of :data:`IMPORTVERSLAG` for these files (sorted, ``sha256sum`` format)."""
    return "".join(f"{sha256(tekst.encode('utf-8'))}  {pad}\n"
                   for pad, tekst in sorted(bestanden.items()))


def _lees_importverslag(inhoud: bytes) -> dict[str, str]:
    verslag = {}
    for regel in inhoud.decode("utf-8", errors="replace").splitlines():
        som, _, pad = regel.partition("  ")
        if len(som) == 64 and pad:
            verslag[pad] = som
    return verslag


def bestaande_bestanden(map_: Path) -> list[str]:
    """Every file in an existing dossier folder (relative paths); raise :class:`PlanFout` for
    anything that is not a regular file or a folder (the new folder could not keep it)."""
    uit = []
    for wortel, mappen, namen in os.walk(map_, onerror=_walk_fout):
        mappen.sort()
        for naam in [*sorted(namen), *mappen]:
            pad = Path(wortel) / naam
            status = pad.lstat()
            if stat.S_ISDIR(status.st_mode):
                continue
            if not stat.S_ISREG(status.st_mode):
                raise PlanFout(f"{toon_bestand(pad)}: is {_soort_link(status.st_mode)}; een "
                               "import kan deze map niet veilig vervangen")
            uit.append(pad.relative_to(map_).as_posix())
    return uit


def _lees(pad: Path) -> bytes:
    try:
        return lees_bytes(pad, MAX_BESTAND_BYTES)
    except BestandFout as exc:
        raise PlanFout(f"{toon_bestand(pad)}: {exc}") from exc


def _walk_fout(exc: OSError) -> None:
    raise PlanFout(f"{exc.filename}: kan niet worden gelezen: {exc.strerror}")


def _soort_link(modus: int) -> str:
    return "een symbolische link" if stat.S_ISLNK(modus) else soort(modus)


def _herkomst(map_: Path) -> dict[str, Any]:
    """The ``herkomst`` of an existing dossier (empty when it cannot be read)."""
    try:
        data = lees_yaml(map_ / DOSSIER_BESTAND).data
    except YamlFout:
        return {}
    herkomst = data.get("herkomst") if isinstance(data, dict) else None
    return herkomst if isinstance(herkomst, dict) else {}


def _lijst(herkomst: dict[str, Any], sleutel: str) -> list[dict[str, Any]]:
    waarde = herkomst.get(sleutel)
    return [x for x in waarde if isinstance(x, dict)] if isinstance(waarde, list) else []


def verschil(oud: str, nieuw: str) -> str:
    """How two versions of a file differ, in lines: ``+3 −1 regels vanaf regel 12``."""
    a, b = oud.splitlines(), nieuw.splitlines()
    erbij = weg = 0
    eerste = None
    for bewerking, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if bewerking != "equal":
            eerste = eerste or i1 + 1
            weg += i2 - i1
            erbij += j2 - j1
    return f"+{erbij} −{weg} regels vanaf regel {eerste}"


def maak_plan(dossier: Any, bestanden: dict[str, str], uit: Path) -> Dossierplan:
    """The plan for writing one imported dossier (its files ``bestanden``) below ``uit``."""
    doel = doelmap(uit, dossier)
    alles = {**bestanden, IMPORTVERSLAG: importverslag(bestanden)}
    if not doel.exists() and not doel.is_symlink():
        return Dossierplan(dossier.id, doel, alles,
                           [Bestandsplan(pad, "nieuw") for pad in sorted(alles)], bestaat=False)
    if doel.is_symlink() or not doel.is_dir():
        raise PlanFout(f"{toon_bestand(doel)}: bestaat en is geen map; een import schrijft "
                       f"daar de map van dossier '{dossier.id}'")
    # The import's own files are read; the maintainer's (attachments of any size) only kept.
    paden = bestaande_bestanden(doel)
    bestaand = {pad: _lees(doel / pad) for pad in paden
                if pad in alles or van_het_importproces(pad)}
    eigen = [pad for pad in paden if pad not in bestaand]
    vorige = _lees_importverslag(bestaand.get(IMPORTVERSLAG, b""))
    herkomst = _herkomst(doel)
    oude_bronnen = {b.get("sha256") for b in _lijst(herkomst, "bronnen")}
    zelfde_bron = oude_bronnen == {b.sha256 for b in dossier.herkomst.bronnen}
    plannen = [Bestandsplan(pad, "eigen") for pad in eigen]
    for pad in sorted(alles.keys() | bestaand.keys()):
        oud, nieuw = bestaand.get(pad), alles.get(pad)
        # Hand work: the file is not what the last import wrote, or (without that record)
        # anything differs while the source is the same file.
        handwerk = oud is not None and (
            vorige.get(pad) != sha256(oud) if vorige else zelfde_bron)
        if oud is None:
            plannen.append(Bestandsplan(pad, "nieuw"))
        elif nieuw is None:
            plannen.append(Bestandsplan(pad, "weg", handwerk=handwerk))
        elif oud == nieuw.encode("utf-8"):
            plannen.append(Bestandsplan(pad, "ongewijzigd"))
        else:
            tekst = oud.decode("utf-8", errors="replace")
            plannen.append(Bestandsplan(pad, "gewijzigd", verschil(tekst, nieuw),
                                        handwerk and pad != IMPORTVERSLAG))
    nieuwe_correcties = {(c.onderdeel, c.wat) for c in dossier.herkomst.correcties}
    correcties = [f"{c.get('onderdeel')}: {c.get('wat')}" for c in _lijst(herkomst, "correcties")
                  if (c.get("onderdeel"), c.get("wat")) not in nieuwe_correcties]
    return Dossierplan(dossier.id, doel, alles, sorted(plannen, key=lambda b: b.pad),
                       bestaat=True, handwerk_bekend=bool(vorige) or zelfde_bron,
                       correcties=correcties)
