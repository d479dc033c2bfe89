"""Load and validate all of ``dossier-data/`` once, reporting every problem.

Flow: read every YAML file with positions (``yamlbron``) → validate each against its model
(``validatie``) → assemble the dossiers → check references within and across dossiers. Problems
from all steps are collected; if there are any, :class:`DataFout` is raised with all of them and
nothing is built.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kwalificatiedossiers.model import (
    Basisdeel,
    CompetentieBestand,
    Dossier,
    DossierBestand,
    Kerntaak,
    ProfielBestand,
)
from kwalificatiedossiers.model.competenties import Competentie
from kwalificatiedossiers.problemen import DataFout, Pad, Probleem, toon_bestand
from kwalificatiedossiers.validatie import dichtstbij, valideer
from kwalificatiedossiers.yamlbron import YamlDocument, YamlFout, lees_yaml

COMPETENTIES_BESTAND = "competenties.yaml"
DOSSIER_BESTAND = "dossier.yaml"
BASISDEEL_BESTAND = "basisdeel.yaml"
PROFIELEN_MAP = "profielen"


@dataclass(frozen=True)
class Bronplek:
    """Where an entity is defined: a data file (relative to the data folder) and a line."""

    bestand: str
    regel: int


@dataclass
class Corpus:
    """Everything in ``dossier-data/``, validated."""

    competenties: tuple[Competentie, ...]
    dossiers: tuple[Dossier, ...]
    bronplekken: dict[tuple[str, str], Bronplek] = field(default_factory=dict)
    """(dossier id, code) → where it is defined; code ``""`` is the dossier itself."""

    def dossier(self, dossier_id: str) -> Dossier:
        """The dossier with this id (KeyError when there is none)."""
        for dossier in self.dossiers:
            if dossier.id == dossier_id:
                return dossier
        raise KeyError(dossier_id)


def natuurlijke_sleutel(tekst: str) -> tuple[str | int, ...]:
    """Sort key that puts ``P2`` before ``P10`` and ``B1-K2`` before ``B1-K10``."""
    return tuple(int(d) if d.isdigit() else d for d in re.split(r"(\d+)", tekst))


@dataclass
class _Context:
    """State shared by the loaders of one corpus."""

    data_map: Path
    competentie_namen: list[str]
    problemen: list[Probleem] = field(default_factory=list)
    bronplekken: dict[tuple[str, str], Bronplek] = field(default_factory=dict)

    def lees(self, pad: Path) -> YamlDocument | None:
        try:
            return lees_yaml(pad)
        except YamlFout as exc:
            self.problemen.append(exc.probleem)
            return None

    def plek(self, dossier_id: str, code: str, document: YamlDocument, pad: Pad, bestand: Path
             ) -> None:
        relatief = bestand.relative_to(self.data_map).as_posix()
        self.bronplekken[(dossier_id, code)] = Bronplek(relatief, document.positie(pad)[0])


DossierLader = Callable[[Path, YamlDocument, _Context], Dossier | None]


def _kerntaken_met_pad(
    kerntaken: list[Kerntaak], basis: Pad
) -> Iterator[tuple[Kerntaak, Pad]]:
    for i, kerntaak in enumerate(kerntaken):
        yield kerntaak, (*basis, "kerntaken", i)


def _controleer_kerntaken(
    kerntaken: list[Kerntaak],
    voorvoegsel: str,
    document: YamlDocument,
    ctx: _Context,
    profielcodes: set[str],
    gezien: Counter[str],
) -> list[Probleem]:
    """Check codes, parents and competence references of a list of kerntaken."""
    problemen = []
    for kerntaak, pad in _kerntaken_met_pad(kerntaken, ()):
        gezien[kerntaak.code] += 1
        if gezien[kerntaak.code] == 2:
            problemen.append(document.probleem(
                (*pad, "code"), f"code {kerntaak.code} komt meer dan eens voor in dit dossier"))
        if not re.fullmatch(re.escape(voorvoegsel) + r"-K\d+", kerntaak.code):
            problemen.append(document.probleem(
                (*pad, "code"),
                f"kerntaakcode {kerntaak.code} hoort niet bij {voorvoegsel}; "
                f"verwacht {voorvoegsel}-K<nummer>",
            ))
        for j, aanvulling in enumerate(kerntaak.aanvullingen):
            if aanvulling.profiel not in profielcodes:
                problemen.append(document.probleem(
                    (*pad, "aanvullingen", j, "profiel"),
                    f"profiel {aanvulling.profiel} bestaat niet in dit dossier",
                ))
        for j, werkproces in enumerate(kerntaak.werkprocessen):
            wpad: Pad = (*pad, "werkprocessen", j)
            gezien[werkproces.code] += 1
            if gezien[werkproces.code] == 2:
                problemen.append(document.probleem(
                    (*wpad, "code"),
                    f"code {werkproces.code} komt meer dan eens voor in dit dossier",
                ))
            if not re.fullmatch(re.escape(kerntaak.code) + r"-W\d+", werkproces.code):
                problemen.append(document.probleem(
                    (*wpad, "code"),
                    f"werkprocescode {werkproces.code} hoort niet bij kerntaak {kerntaak.code}; "
                    f"verwacht {kerntaak.code}-W<nummer>",
                ))
            lijsten: list[tuple[Pad, list[str]]] = [
                ((*wpad, "competenties"), werkproces.competenties)
            ]
            for a, wp_aanvulling in enumerate(werkproces.aanvullingen):
                apad: Pad = (*wpad, "aanvullingen", a)
                lijsten.append(((*apad, "competenties"), wp_aanvulling.competenties))
                if wp_aanvulling.profiel not in profielcodes:
                    problemen.append(document.probleem(
                        (*apad, "profiel"),
                        f"profiel {wp_aanvulling.profiel} bestaat niet in dit dossier",
                    ))
            for lpad, namen in lijsten:
                for k, naam in enumerate(namen):
                    problemen.extend(_controleer_competentie(naam, document, (*lpad, k), ctx))
    return problemen


def _controleer_competentie(
    naam: str, document: YamlDocument, pad: Pad, ctx: _Context
) -> list[Probleem]:
    if naam in ctx.competentie_namen:
        return []
    suggestie = dichtstbij(naam, ctx.competentie_namen)
    return [document.probleem(
        pad,
        f"onbekende competentie '{naam}'; verwacht een van de 25 namen uit "
        f"{COMPETENTIES_BESTAND}",
        f"'{suggestie}'" if suggestie else None,
    )]


def laad_basis_profiel(map_: Path, kop: YamlDocument, ctx: _Context) -> Dossier | None:
    """Load a dossier in the basisdeel/profielen form from its folder."""
    bestand, problemen = valideer(kop, DossierBestand)
    ctx.problemen.extend(problemen)
    if bestand is not None and bestand.id != map_.name:
        ctx.problemen.append(kop.probleem(
            ("id",), f"id '{bestand.id}' verschilt van de mapnaam '{map_.name}'",
            f"'{map_.name}'"))

    basis_doc = ctx.lees(map_ / BASISDEEL_BESTAND) if (map_ / BASISDEEL_BESTAND).exists() else None
    if basis_doc is None and not (map_ / BASISDEEL_BESTAND).exists():
        ctx.problemen.append(Probleem(
            toon_bestand(map_ / BASISDEEL_BESTAND), 0, 0, "(document)", "bestand ontbreekt"))
    basisdeel = None
    if basis_doc is not None:
        basisdeel, problemen = valideer(basis_doc, Basisdeel)
        ctx.problemen.extend(problemen)

    profielen: list[tuple[ProfielBestand, YamlDocument, Path]] = []
    profiel_paden = sorted((map_ / PROFIELEN_MAP).glob("*.yaml"),
                           key=lambda p: natuurlijke_sleutel(p.stem))
    if not profiel_paden:
        ctx.problemen.append(Probleem(
            toon_bestand(map_ / PROFIELEN_MAP), 0, 0, "(document)",
            "geen profielen gevonden; verwacht een bestand per profiel, zoals profielen/p1.yaml"))
    for pad in profiel_paden:
        doc = ctx.lees(pad)
        if doc is None:
            continue
        profiel, problemen = valideer(doc, ProfielBestand)
        ctx.problemen.extend(problemen)
        if profiel is None:
            continue
        if profiel.code.lower() != pad.stem:
            ctx.problemen.append(doc.probleem(
                ("code",), f"profiel {profiel.code} staat in {pad.name}",
                f"bestandsnaam {profiel.code.lower()}.yaml"))
        profielen.append((profiel, doc, pad))

    # Reference checks run on every file that is valid on its own, so that one broken file
    # does not hide the problems of the others.
    profielcodes = Counter(p.code for p, _, _ in profielen)
    gezien: Counter[str] = Counter()
    voor = len(ctx.problemen)
    if basisdeel is not None and basis_doc is not None:
        ctx.problemen.extend(_controleer_kerntaken(
            basisdeel.kerntaken, "B1", basis_doc, ctx, set(profielcodes), gezien))
    for profiel, doc, _ in profielen:
        if profielcodes[profiel.code] > 1:
            ctx.problemen.append(doc.probleem(
                ("code",), f"profielcode {profiel.code} komt meer dan eens voor in dit dossier"))
        ctx.problemen.extend(_controleer_kerntaken(
            profiel.kerntaken, profiel.code, doc, ctx, set(profielcodes), gezien))
    if (len(ctx.problemen) > voor or bestand is None or basisdeel is None
            or basis_doc is None or len(profielen) < len(profiel_paden) or not profielen):
        return None

    ctx.plek(bestand.id, "", kop, (), map_ / DOSSIER_BESTAND)
    for kerntaak, kpad in _kerntaken_met_pad(basisdeel.kerntaken, ()):
        _registreer(ctx, bestand.id, kerntaak, basis_doc, kpad, map_ / BASISDEEL_BESTAND)
    for profiel, doc, ppad in profielen:
        ctx.plek(bestand.id, profiel.code, doc, (), ppad)
        for kerntaak, kpad in _kerntaken_met_pad(profiel.kerntaken, ()):
            _registreer(ctx, bestand.id, kerntaak, doc, kpad, ppad)

    velden = {naam: getattr(bestand, naam) for naam in DossierBestand.model_fields}
    return Dossier.model_construct(
        **velden,
        basisdeel=basisdeel,
        profielen=[profiel for profiel, _, _ in profielen],
    )


def _registreer(ctx: _Context, dossier_id: str, kerntaak: Kerntaak, doc: YamlDocument,
                pad: Pad, bestand: Path) -> None:
    ctx.plek(dossier_id, kerntaak.code, doc, pad, bestand)
    for j, werkproces in enumerate(kerntaak.werkprocessen):
        ctx.plek(dossier_id, werkproces.code, doc, (*pad, "werkprocessen", j), bestand)


DOSSIER_LADERS: dict[str, DossierLader] = {"basis-profiel": laad_basis_profiel}
"""Loader per value of ``formaat`` in ``dossier.yaml``."""


def laad_competenties(data_map: Path, problemen: list[Probleem]) -> tuple[Competentie, ...]:
    """Load the shared vocabulary of competences."""
    pad = data_map / COMPETENTIES_BESTAND
    if not pad.exists():
        problemen.append(Probleem(toon_bestand(pad), 0, 0, "(document)", "bestand ontbreekt"))
        return ()
    try:
        doc = lees_yaml(pad)
    except YamlFout as exc:
        problemen.append(exc.probleem)
        return ()
    bestand, fouten = valideer(doc, CompetentieBestand)
    problemen.extend(fouten)
    if bestand is None:
        return ()
    for soort in ("code", "naam"):
        telling = Counter(getattr(c, soort) for c in bestand.competenties)
        for i, competentie in enumerate(bestand.competenties):
            if telling[getattr(competentie, soort)] > 1:
                problemen.append(doc.probleem(
                    ("competenties", i, soort), f"{soort} komt meer dan eens voor"))
    return tuple(bestand.competenties)


def dossier_mappen(data_map: Path) -> list[Path]:
    """The dossier folders: every sub-folder that holds a ``dossier.yaml``."""
    return sorted(p.parent for p in data_map.glob(f"*/{DOSSIER_BESTAND}"))


def laad_corpus(data_map: Path) -> Corpus:
    """Load and validate everything; raise :class:`DataFout` listing every problem."""
    problemen: list[Probleem] = []
    if not data_map.is_dir():
        raise DataFout([Probleem(toon_bestand(data_map), 0, 0, "(map)", "map bestaat niet")])
    competenties = laad_competenties(data_map, problemen)
    ctx = _Context(data_map, [c.naam for c in competenties], problemen)
    dossiers: list[Dossier] = []
    for map_ in dossier_mappen(data_map):
        kop = ctx.lees(map_ / DOSSIER_BESTAND)
        if kop is None:
            continue
        formaat = kop.data.get("formaat") if isinstance(kop.data, dict) else None
        lader = DOSSIER_LADERS.get(formaat) if isinstance(formaat, str) else None
        if lader is None:
            ctx.problemen.append(kop.probleem(
                ("formaat",),
                f"onbekend formaat {formaat!r}; verwacht een van: "
                + ", ".join(sorted(DOSSIER_LADERS)),
                sleutel=False,
            ))
            continue
        dossier = lader(map_, kop, ctx)
        if dossier is not None:
            dossiers.append(dossier)
    if not dossier_mappen(data_map) and not problemen:
        problemen.append(Probleem(toon_bestand(data_map), 0, 0, "(map)",
                                  f"geen dossiers gevonden (geen */{DOSSIER_BESTAND})"))
    problemen.extend(_controleer_corpus(dossiers, ctx))
    if problemen:
        raise DataFout(problemen)
    return Corpus(competenties, tuple(dossiers), ctx.bronplekken)


def _controleer_corpus(dossiers: list[Dossier], ctx: _Context) -> list[Probleem]:
    """Checks across dossiers: crebo numbers are unique."""
    problemen = []
    crebos: dict[str, str] = {}
    for dossier in dossiers:
        kandidaten = [(dossier.crebo, f"dossier {dossier.id}", "")] + [
            (p.crebo, f"profiel {p.code} van {dossier.id}", p.code)
            for p in dossier.profielen if p.crebo
        ]
        for crebo, wie, code in kandidaten:
            if crebo in crebos and crebos[crebo] != wie:
                plaats = ctx.bronplekken[(dossier.id, code)]
                problemen.append(Probleem(
                    toon_bestand(ctx.data_map / plaats.bestand), plaats.regel, 1, "crebo",
                    f"crebo {crebo} van {wie} is ook het crebo van {crebos[crebo]}; "
                    "een crebonummer hoort bij één dossier of profiel",
                ))
            crebos.setdefault(crebo, wie)
    return problemen
