"""Generate a large corpus from the real dossiers in ``dossier-data/``.

Each copy of a dossier gets its own id (folder), crebo numbers and titles, so that the site has
as many distinct dossiers, profielen and pages as the national kwalificatiestructuur, with real
text. Each copy also has an older edition of itself as a version (``versies/``), two years
earlier and with words changed here and there, so that every dossier has version pages, change
badges and a change page as a revised one does. Copies are made at the YAML level (the files
are what a build reads), never in the repo.
"""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from kwalificatiedossiers.laden import COMPETENTIES_BESTAND, dossier_mappen
from kwalificatiedossiers.urls import VERSIES

_CREBO = re.compile(r"^(crebo: )['\"]?(\d{5})['\"]?$", re.MULTILINE)
_CREBOLIJST = re.compile(r"^(crebos:\n)((?:- ['\"]?\d{5}['\"]?\n)+)", re.MULTILINE)
_ID = re.compile(r"^id: (\S+)$", re.MULTILINE)
_TITEL = re.compile(r"^(titel: )(.+)$", re.MULTILINE)
_GELDIG = re.compile(r"^geldig_vanaf: (\d{4})-(\d\d-\d\d)$", re.MULTILINE)
_VERSIE = re.compile(r"^versie: .*\n", re.MULTILINE)
_COHORT = re.compile(r"^cohort: Cohort (\d{4}) - (\d{4})$", re.MULTILINE)
_INGEKORT = re.compile(r"^( *- [a-z][^'\"\n]*) \S+(;)$|^( {4,}titel: [^'\"\n]+) \S+()$",
                      re.MULTILINE)
"""A plain gedrag item (a list item ending in ``;``) or a title below the top level (of a
kerntaak or werkproces): its last word can go."""
ELKE_ZOVEEL = 5
"""In the older edition, every so many of those miss their last word."""


def _crebos() -> Iterator[str]:
    """Fresh five-digit crebo numbers (a range real crebos do not use)."""
    for nummer in range(60000, 100000):
        yield f"{nummer:05d}"
    raise RuntimeError("geen crebonummers meer")


def kopieer_dossier(bron: Path, doel_map: Path, nieuw_id: str, volgnummer: int,
                    crebos: Iterator[str]) -> Path:
    """Copy one dossier folder under a new id, with new crebos and numbered titles."""
    doel = doel_map / nieuw_id
    shutil.copytree(bron, doel)
    for pad in sorted(doel.rglob("*.yaml")):
        tekst = pad.read_text("utf-8")
        # Only top-level keys: the dossier's and the profiel's own crebo and titel.
        tekst = _CREBO.sub(lambda m: f'{m.group(1)}"{next(crebos)}"', tekst)
        tekst = _CREBOLIJST.sub(
            lambda m: m.group(1) + "".join(
                f'- "{next(crebos)}"\n' for _ in m.group(2).splitlines()), tekst)
        if pad.name == "dossier.yaml":
            tekst = _ID.sub(f"id: {nieuw_id}", tekst, count=1)
            tekst = _TITEL.sub(lambda m: f"{m.group(1)}{m.group(2)} {volgnummer}", tekst, count=1)
        pad.write_text(tekst, "utf-8")
    return doel


def oudere_uitgave(map_: Path) -> Path | None:
    """Write an older edition of the dossier in ``map_`` as its version (``versies/<versie>``):
    valid two years earlier, and every :data:`ELKE_ZOVEEL`-th gedrag item and title one word
    shorter, so that the current version shows changes against it. ``None`` for a
    dossier whose edition has no date or cohort to move."""
    kop = (map_ / "dossier.yaml").read_text("utf-8")
    if datum := _GELDIG.search(kop):
        slug = f"{int(datum[1]) - 2}-{datum[2]}"
        kop = _VERSIE.sub("", _GELDIG.sub(f"geldig_vanaf: {slug}", kop), count=1)
    elif cohort := _COHORT.search(kop):
        begin, eind = int(cohort[1]) - 2, int(cohort[2]) - 2
        kop = _COHORT.sub(f"cohort: Cohort {begin} - {eind}", kop)
        slug = f"cohort-{begin}-{eind}"
    else:
        return None
    doel = map_ / VERSIES / slug
    shutil.copytree(map_, doel, ignore=shutil.ignore_patterns(VERSIES))
    (doel / "dossier.yaml").write_text(kop, "utf-8")
    teller = 0

    def korter(m: re.Match[str]) -> str:
        nonlocal teller
        teller += 1
        return (m[1] or m[3]) + (m[2] or m[4]) if teller % ELKE_ZOVEEL == 0 else m[0]

    for pad in sorted(doel.rglob("*.yaml")):
        pad.write_text(_INGEKORT.sub(korter, pad.read_text("utf-8")), "utf-8")
    return doel


def kopieen_voor(doel_paginas: int, per_kopie: tuple[int, int]) -> int:
    """How many copies of the real data make a site of about ``doel_paginas`` pages, given the
    pages one copy adds and the pages there are once (``__main__.paginas_per_kopie``)."""
    return max(1, math.ceil((doel_paginas - per_kopie[1]) / per_kopie[0]))


def genereer(bron: Path, doel: Path, kopieen: int, *, versies: bool = True) -> list[str]:
    """Write ``kopieen`` copies of every dossier in ``bron`` to ``doel``, each with an older
    edition as its version (unless ``versies`` is false); return the ids.

    The schemas and the competence vocabulary are copied as they are.
    """
    doel.mkdir(parents=True, exist_ok=True)
    shutil.copy2(bron / COMPETENTIES_BESTAND, doel / COMPETENTIES_BESTAND)
    if (bron / "schema").is_dir():
        shutil.copytree(bron / "schema", doel / "schema", dirs_exist_ok=True)
    crebos = _crebos()
    ids = []
    for volgnummer in range(1, kopieen + 1):
        for map_ in dossier_mappen(bron):
            nieuw_id = f"{map_.name}-{volgnummer}"
            kopie = kopieer_dossier(map_, doel, nieuw_id, volgnummer, crebos)
            if versies:
                oudere_uitgave(kopie)
            ids.append(nieuw_id)
    return ids
