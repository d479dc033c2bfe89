"""Load and validate all of ``dossier-data/`` once, reporting every problem.

Flow: read every YAML file with positions (``yamlbron``) → validate each against its model
(``validatie``) → assemble the dossiers → check references within and across dossiers. Problems
from all steps are collected; if there are any, :class:`DataFout` is raised with all of them and
nothing is built.

Hidden folders and files (a name that starts with ``.``: an editor's backup, a copy that an
interrupted tool left behind) are never data: they are skipped, and the corpus says so in its
notes (:attr:`Corpus.meldingen`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel

from kwalificatiedossiers.model import (
    Basisdeel,
    CompetentieBestand,
    Dossier,
    DossierBestand,
    Kerntaak,
    ProfielBestand,
)
from kwalificatiedossiers.model.competentiegericht import (
    CertificeerbareEenhedenBestand,
    DossierCompetentiegericht,
    DossierCompetentiegerichtBestand,
    KerntakenBestand,
    MatrixRij,
    UitstroomBestand,
    Verantwoording,
    Verwijzing,
)
from kwalificatiedossiers.model.competenties import Competentie
from kwalificatiedossiers.model.corpus import AnyDossier, Bronplek, Corpus, natuurlijke_sleutel
from kwalificatiedossiers.model.formaat import Formaat
from kwalificatiedossiers.model.relaties import Relatie, RelatiesBestand, Voortzetting
from kwalificatiedossiers.problemen import DataFout, Pad, Probleem, toon_bestand
from kwalificatiedossiers.urls import VERSIES, id_bezwaar, veilige_id, versie_slug
from kwalificatiedossiers.validatie import dichtstbij, valideer
from kwalificatiedossiers.yamlbron import YamlDocument, YamlFout, lees_yaml

COMPETENTIES_BESTAND = "competenties.yaml"
DOSSIER_BESTAND = "dossier.yaml"
BASISDEEL_BESTAND = "basisdeel.yaml"
PROFIELEN_MAP = "profielen"
KERNTAKEN_BESTAND = "kerntaken.yaml"
UITSTROMEN_MAP = "uitstromen"
CERTIFICEERBARE_EENHEDEN_BESTAND = "certificeerbare-eenheden.yaml"
VERANTWOORDING_BESTAND = "verantwoording.yaml"
RELATIES_BESTAND = "relaties.yaml"

@dataclass
class _Context:
    """State shared by the loaders of one corpus."""

    data_map: Path
    competentie_namen: list[str]
    formaten: Mapping[str, Formaat]
    problemen: list[Probleem] = field(default_factory=list)
    versie: str | None = None
    """While another version of a dossier is read: its folder name (``versies/<versie>/``)."""
    bronplekken: dict[tuple[str, str], Bronplek] = field(default_factory=dict)
    meldingen: list[str] = field(default_factory=list)

    def lees(self, pad: Path) -> YamlDocument | None:
        try:
            document = lees_yaml(pad)
        except YamlFout as exc:
            self.problemen.extend(exc.problemen)
            return None
        self.problemen.extend(document.problemen)
        return document

    def zichtbare(self, paden: Iterable[Path]) -> list[Path]:
        """The paths whose name is not hidden; a note for each hidden one."""
        uit = []
        for pad in paden:
            if pad.name.startswith("."):
                soort = "map" if pad.is_dir() else "bestand"
                self.meldingen.append(f"{toon_bestand(pad)}: verborgen {soort} overgeslagen "
                                      "(een naam met een punt ervoor is geen dossierdata)")
            else:
                uit.append(pad)
        return uit

    def plek(self, dossier_id: str, code: str, document: YamlDocument, pad: Pad, bestand: Path
             ) -> None:
        relatief = bestand.relative_to(self.data_map).as_posix()
        self.bronplekken[(self.site_id(dossier_id), code)] = Bronplek(
            relatief, document.positie(pad)[0])

    def site_id(self, dossier_id: str) -> str:
        """The id a dossier read now has on the site: ``<id>/<versie>`` for another version."""
        return f"{dossier_id}/{self.versie}" if self.versie else dossier_id


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
    bestand = _lees_kop(map_, kop, DossierBestand, ctx)
    basis = _lees_deelbestand(map_ / BASISDEEL_BESTAND, Basisdeel, ctx, verplicht=True)
    basisdeel, basis_doc = (basis[0], basis[1]) if basis else (None, None)
    profielen, alle_profielen = _lees_map(map_, PROFIELEN_MAP, ProfielBestand, "profiel", ctx)

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
            or basis_doc is None or not alle_profielen):
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


def laad_competentiegericht(map_: Path, kop: YamlDocument, ctx: _Context
                            ) -> DossierCompetentiegericht | None:
    """Load a competentiegericht dossier (uitstromen, kerntaken 1…) from its folder."""
    bestand = _lees_kop(map_, kop, DossierCompetentiegerichtBestand, ctx)
    kerntaken = _lees_deelbestand(map_ / KERNTAKEN_BESTAND, KerntakenBestand, ctx, verplicht=True)
    delen, alle_uitstromen = _lees_map(map_, UITSTROMEN_MAP, UitstroomBestand, "uitstroom", ctx)
    uitstromen = delen if alle_uitstromen else None
    eenheden = _lees_deelbestand(map_ / CERTIFICEERBARE_EENHEDEN_BESTAND,
                                 CertificeerbareEenhedenBestand, ctx, verplicht=False)
    verantwoording = _lees_deelbestand(map_ / VERANTWOORDING_BESTAND, Verantwoording, ctx,
                                       verplicht=False)
    if bestand is None or not kerntaken or uitstromen is None or eenheden is False \
            or verantwoording is False:
        return None
    voor = len(ctx.problemen)
    _controleer_competentiegericht(bestand, kop, kerntaken, uitstromen, eenheden, ctx)
    if len(ctx.problemen) > voor:
        return None
    _registreer_competentiegericht(map_, bestand, kop, kerntaken, uitstromen, ctx)
    return DossierCompetentiegericht.model_construct(
        **{naam: getattr(bestand, naam) for naam in DossierCompetentiegerichtBestand.model_fields},
        **{naam: getattr(kerntaken[0], naam) for naam in KerntakenBestand.model_fields},
        uitstromen=[u for u, _, _ in uitstromen],
        certificeerbare_eenheden=eenheden[0] if eenheden else None,
        verantwoording=verantwoording[0] if verantwoording else None,
    )


K = TypeVar("K", bound=BaseModel)

_Deel = tuple[Any, YamlDocument, Path]
"""A validated part file: its model, its document (for positions) and its path."""


def _lees_deelbestand(pad: Path, model: type[BaseModel], ctx: _Context, *, verplicht: bool
                      ) -> _Deel | Literal[False] | None:
    """Read and validate one part file: the part, ``None`` when an optional file is absent,
    ``False`` when it is invalid (or a required one is absent)."""
    if not pad.exists():
        if verplicht:
            ctx.problemen.append(Probleem(toon_bestand(pad), 0, 0, "(document)",
                                          "bestand ontbreekt"))
            return False
        return None
    doc = ctx.lees(pad)
    if doc is None:
        return False
    deel, problemen = valideer(doc, model)
    ctx.problemen.extend(problemen)
    return False if deel is None else (deel, doc, pad)


def _lees_kop(map_: Path, kop: YamlDocument, model: type[K], ctx: _Context) -> K | None:
    """Validate a dossier's ``dossier.yaml``; its id must be the folder's name (for another
    version, the name of the dossier's folder above ``versies/``)."""
    bestand, problemen = valideer(kop, model)
    ctx.problemen.extend(problemen)
    dossier_id = getattr(bestand, "id", None)
    if dossier_id is None:
        return bestand
    bezwaar = id_bezwaar(dossier_id)
    if bezwaar is not None:
        ctx.problemen.append(kop.probleem(
            ("id",), f"id '{dossier_id}' {bezwaar}", f"'{veilige_id(dossier_id)}'"))
        return None
    mapnaam = map_.parent.parent.name if ctx.versie else map_.name
    if dossier_id != mapnaam:
        ctx.problemen.append(kop.probleem(
            ("id",), f"id '{dossier_id}' verschilt van de mapnaam '{mapnaam}'",
            f"'{mapnaam}'"))
    return bestand


def _lees_map(map_: Path, submap: str, model: type[BaseModel], soort: str, ctx: _Context
              ) -> tuple[list[_Deel], bool]:
    """Read the file per profiel or uitstroom in ``submap`` (``p1.yaml`` holds ``P1``).

    Returns the parts that are valid on their own (in code order), and whether all were.
    """
    paden = sorted(ctx.zichtbare((map_ / submap).glob("*.yaml")),
                   key=lambda p: natuurlijke_sleutel(p.stem))
    if not paden:
        ctx.problemen.append(Probleem(
            toon_bestand(map_ / submap), 0, 0, "(document)",
            f"geen {submap} gevonden; verwacht een bestand per {soort}, zoals "
            f"{submap}/{soort[0]}1.yaml"))
        return [], False
    delen = []
    for pad in paden:
        deel = _lees_deelbestand(pad, model, ctx, verplicht=True)
        if not deel:
            continue
        code = deel[0].code
        if code.lower() != pad.stem:
            ctx.problemen.append(deel[1].probleem(
                ("code",), f"{soort} {code} staat in {pad.name}",
                f"bestandsnaam {code.lower()}.yaml"))
        delen.append(deel)
    return delen, len(delen) == len(paden)


def _controleer_competentiegericht(bestand: DossierCompetentiegerichtBestand, kop: YamlDocument,
                                   kerntaken: _Deel, uitstromen: list[_Deel],
                                   eenheden: _Deel | None, ctx: _Context) -> None:
    """References within a competentiegericht dossier: codes exist, belong to their kerntaak,
    competences are in the vocabulary, matrices name werkprocessen of the right kerntaak."""
    kerntaken_model, kdoc, _ = kerntaken
    werkprocessen = _controleer_kerntaaknummers(kerntaken_model, kdoc, ctx)
    codes = [u.code for u, _, _ in uitstromen]
    for code, (_, udoc, _) in zip(codes, uitstromen, strict=True):
        if codes.count(code) > 1:
            ctx.problemen.append(udoc.probleem(
                ("code",), f"uitstroomcode {code} komt meer dan eens voor in dit dossier"))
    for i, rij in enumerate(bestand.deel_b.overzicht.werkprocessen):
        pad: Pad = ("deel_b", "overzicht", "werkprocessen", i)
        _controleer_werkproces(rij.werkproces, None, werkprocessen, kop, (*pad, "werkproces"), ctx)
        for j, uitstroom in enumerate(rij.uitstromen):
            if uitstroom not in codes:
                ctx.problemen.append(kop.probleem(
                    (*pad, "uitstromen", j), f"uitstroom {uitstroom} bestaat niet in dit dossier",
                    _suggestie(uitstroom, codes)))
    for i, kerntaak in enumerate(kerntaken_model.kerntaken):
        _controleer_matrix(kerntaak.totaaloverzicht, kerntaak.nummer, werkprocessen, kdoc,
                           ("kerntaken", i, "totaaloverzicht"), ctx)
    for uitstroom, udoc, _ in uitstromen:
        _controleer_uitwerking(uitstroom, udoc, werkprocessen, ctx)
    if eenheden is not None:
        for i, eenheid in enumerate(eenheden[0].eenheden):
            _controleer_matrix(eenheid.matrix, None, werkprocessen, eenheden[1],
                               ("eenheden", i, "matrix"), ctx)


def _controleer_kerntaaknummers(kerntaken: KerntakenBestand, doc: YamlDocument, ctx: _Context
                                ) -> dict[str, int]:
    """Kerntaak numbers and werkproces codes are unique and match; returns code → kerntaak."""
    werkprocessen: dict[str, int] = {}
    nummers: Counter[int] = Counter(k.nummer for k in kerntaken.kerntaken)
    for i, kerntaak in enumerate(kerntaken.kerntaken):
        if nummers[kerntaak.nummer] > 1:
            ctx.problemen.append(doc.probleem(
                ("kerntaken", i, "nummer"), f"kerntaak {kerntaak.nummer} komt meer dan eens voor"))
        for j, werkproces in enumerate(kerntaak.werkprocessen):
            pad: Pad = ("kerntaken", i, "werkprocessen", j, "code")
            if not werkproces.code.startswith(f"{kerntaak.nummer}."):
                ctx.problemen.append(doc.probleem(
                    pad, f"werkproces {werkproces.code} hoort niet bij kerntaak {kerntaak.nummer}; "
                    f"verwacht {kerntaak.nummer}.<nummer>"))
            if werkproces.code in werkprocessen:
                ctx.problemen.append(doc.probleem(
                    pad, f"werkproces {werkproces.code} komt meer dan eens voor"))
            werkprocessen[werkproces.code] = kerntaak.nummer
    return werkprocessen


def _controleer_werkproces(code: str, kerntaak: int | None, werkprocessen: dict[str, int],
                           doc: YamlDocument, pad: Pad, ctx: _Context) -> None:
    if code not in werkprocessen:
        ctx.problemen.append(doc.probleem(
            pad, f"werkproces {code} bestaat niet in {KERNTAKEN_BESTAND}",
            _suggestie(code, sorted(werkprocessen))))
    elif kerntaak is not None and werkprocessen[code] != kerntaak:
        ctx.problemen.append(doc.probleem(
            pad, f"werkproces {code} hoort bij kerntaak {werkprocessen[code]}, niet bij "
            f"kerntaak {kerntaak}"))


def _controleer_matrix(rijen: list[Any], kerntaak: int | None, werkprocessen: dict[str, int],
                       doc: YamlDocument, pad: Pad, ctx: _Context) -> None:
    """Rows of a matrix name existing werkprocessen (of ``kerntaak`` when given), once each."""
    gezien: set[str] = set()
    for i, rij in enumerate(rijen):
        _controleer_werkproces(rij.werkproces, kerntaak, werkprocessen, doc,
                               (*pad, i, "werkproces"), ctx)
        if rij.werkproces in gezien:
            ctx.problemen.append(doc.probleem(
                (*pad, i, "werkproces"),
                f"werkproces {rij.werkproces} staat twee keer in de matrix"))
        gezien.add(rij.werkproces)


def _controleer_uitwerking(uitstroom: UitstroomBestand, doc: YamlDocument,
                           werkprocessen: dict[str, int], ctx: _Context) -> None:
    kerntaken = set(werkprocessen.values())
    for i, kerntaak in enumerate(uitstroom.uitwerking):
        pad: Pad = ("uitwerking", i)
        if kerntaak.kerntaak not in kerntaken:
            ctx.problemen.append(doc.probleem(
                (*pad, "kerntaak"), f"kerntaak {kerntaak.kerntaak} bestaat niet in "
                f"{KERNTAKEN_BESTAND}"))
            continue
        matrix: list[MatrixRij] = kerntaak.matrix or []
        _controleer_matrix(matrix, kerntaak.kerntaak, werkprocessen, doc, (*pad, "matrix"), ctx)
        for j, werkproces in enumerate(kerntaak.werkprocessen):
            wpad: Pad = (*pad, "werkprocessen", j)
            _controleer_werkproces(werkproces.werkproces, kerntaak.kerntaak, werkprocessen, doc,
                                   (*wpad, "werkproces"), ctx)
            for k, competentie in enumerate(werkproces.competenties):
                cpad: Pad = (*wpad, "competenties", k)
                ctx.problemen.extend(_controleer_competentie(
                    competentie.competentie, doc, (*cpad, "competentie"), ctx))
                if k == 0 and isinstance(competentie.vakkennis, Verwijzing):
                    ctx.problemen.append(doc.probleem(
                        (*cpad, "vakkennis"), "de eerste competentie van een werkproces kan niet "
                        "naar de eerste competentie verwijzen; verwacht een lijst vakkennis"))


def _registreer_competentiegericht(map_: Path, bestand: DossierCompetentiegerichtBestand,
                                   kop: YamlDocument, kerntaken: _Deel,
                                   uitstromen: list[_Deel], ctx: _Context) -> None:
    ctx.plek(bestand.id, "", kop, (), map_ / DOSSIER_BESTAND)
    for uitstroom, doc, pad in uitstromen:
        ctx.plek(bestand.id, uitstroom.code, doc, (), pad)
    model, kdoc, kpad = kerntaken
    for i, kerntaak in enumerate(model.kerntaken):
        ctx.plek(bestand.id, f"K{kerntaak.nummer}", kdoc, ("kerntaken", i), kpad)
        for j, werkproces in enumerate(kerntaak.werkprocessen):
            ctx.plek(bestand.id, werkproces.code, kdoc, ("kerntaken", i, "werkprocessen", j), kpad)


def laad_competenties(data_map: Path, problemen: list[Probleem]) -> tuple[Competentie, ...]:
    """Load the shared vocabulary of competences."""
    pad = data_map / COMPETENTIES_BESTAND
    if not pad.exists():
        problemen.append(Probleem(toon_bestand(pad), 0, 0, "(document)", "bestand ontbreekt"))
        return ()
    try:
        doc = lees_yaml(pad)
    except YamlFout as exc:
        problemen.extend(exc.problemen)
        return ()
    problemen.extend(doc.problemen)
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


def _mappen_met_dossier(data_map: Path) -> list[Path]:
    return sorted(p.parent for p in data_map.glob(f"*/{DOSSIER_BESTAND}"))


def dossier_mappen(data_map: Path) -> list[Path]:
    """The dossier folders: every sub-folder that holds a ``dossier.yaml``, except hidden
    ones (the loader notes those)."""
    return [m for m in _mappen_met_dossier(data_map) if not m.name.startswith(".")]


def _laad_dossier(map_: Path, ctx: _Context) -> AnyDossier | None:
    """Load one dossier folder with the loader of its generation."""
    kop = ctx.lees(map_ / DOSSIER_BESTAND)
    if kop is None:
        return None
    naam = kop.data.get("formaat") if isinstance(kop.data, dict) else None
    formaat = ctx.formaten.get(naam) if isinstance(naam, str) else None
    if formaat is None:
        ctx.problemen.append(kop.probleem(
            ("formaat",),
            f"onbekend formaat {naam!r}; verwacht een van: " + ", ".join(sorted(ctx.formaten)),
            sleutel=False,
        ))
        return None
    dossier: AnyDossier | None = formaat.laad(map_, kop, ctx)
    if dossier is not None and ctx.versie:
        dossier = dossier.model_copy(update={"id": ctx.site_id(dossier.id)})
    return dossier


@dataclass
class LaadCache:
    """The dossiers of earlier loads, by the state of their folder, so that a rebuild in
    ``mkdocs serve`` reads and validates only the dossiers whose files changed.

    A folder's state is the name, size and modification time of each of its files, together
    with the competence vocabulary its references were checked against. Only valid dossiers
    are kept.
    """

    dossiers: dict[Path, tuple[tuple[object, ...], AnyDossier, dict[tuple[str, str], Bronplek],
                               list[str]]] = field(default_factory=dict)

    @staticmethod
    def stand(map_: Path, competentie_namen: list[str]) -> tuple[object, ...]:
        """What a folder's dossier depends on."""
        bestanden = []
        andere_versies = map_ / VERSIES  # each is a folder of its own
        for pad in sorted(map_.rglob("*")):
            if pad.is_file() and andere_versies not in pad.parents:
                status = pad.stat()
                bestanden.append((pad.relative_to(map_).as_posix(), status.st_size,
                                  status.st_mtime_ns))
        return (tuple(competentie_namen), tuple(bestanden))


def _laad_dossier_met_cache(map_: Path, ctx: _Context, cache: LaadCache | None
                            ) -> AnyDossier | None:
    """:func:`_laad_dossier`, or the dossier an earlier load read from the same files."""
    if cache is None:
        return _laad_dossier(map_, ctx)
    stand = cache.stand(map_, ctx.competentie_namen)
    bewaard = cache.dossiers.get(map_)
    if bewaard is not None and bewaard[0] == stand:
        _, bekend, plekken, meldingen = bewaard
        ctx.bronplekken.update(plekken)
        ctx.meldingen.extend(meldingen)
        return bekend
    problemen, plekken_voor, meldingen_voor = (
        len(ctx.problemen), set(ctx.bronplekken), len(ctx.meldingen))
    dossier = _laad_dossier(map_, ctx)
    cache.dossiers.pop(map_, None)
    if dossier is not None and len(ctx.problemen) == problemen:
        cache.dossiers[map_] = (
            stand, dossier,
            {k: v for k, v in ctx.bronplekken.items() if k not in plekken_voor},
            ctx.meldingen[meldingen_voor:])
    return dossier


def laad_corpus(data_map: Path, cache: LaadCache | None = None,
                formaten: Mapping[str, Formaat] | None = None,
                alleen: Collection[str] = ()) -> Corpus:
    """Load and validate everything; raise :class:`DataFout` listing every problem.

    With a ``cache`` (kept by the caller between loads), unchanged dossier folders are taken
    from the previous load instead of being read again. ``formaten`` are the dossier
    generations the data may hold (all of :mod:`kwalificatiedossiers.formaten` by default).
    ``alleen``: a scoped preview of these dossiers (ids); the others are not read, and the
    relations with them are left out (:attr:`Corpus.weggelaten` names them).
    """
    if formaten is None:
        # The one import from above this layer: the generations' records name the loader's
        # own functions, so they are made above it and fetched when a load starts.
        from kwalificatiedossiers.formaten import FORMATEN  # noqa: TID251
        formaten = FORMATEN
    problemen: list[Probleem] = []
    if not data_map.is_dir():
        raise DataFout([Probleem(toon_bestand(data_map), 0, 0, "(map)", "map bestaat niet")])
    competenties = laad_competenties(data_map, problemen)
    ctx = _Context(data_map, [c.naam for c in competenties], formaten, problemen)
    dossiers: list[AnyDossier] = []
    versies: list[AnyDossier] = []
    mappen = ctx.zichtbare(_mappen_met_dossier(data_map))
    weggelaten = frozenset(m.name for m in mappen if alleen and m.name not in alleen)
    if alleen:
        bekend = sorted(m.name for m in mappen)
        problemen += [Probleem(toon_bestand(data_map), 0, 0, "(voorvertoning)",
                               f"onbekend dossier '{naam}' in de voorvertoning",
                               f"bekend: {', '.join(bekend)}")
                      for naam in sorted(set(alleen) - set(bekend))]
        ctx.meldingen.append(f"voorvertoning van {', '.join(sorted(alleen))}: "
                             f"{len(weggelaten)} andere dossiers en hun relaties weggelaten")
    for map_ in (m for m in mappen if m.name not in weggelaten):
        dossier = _laad_dossier_met_cache(map_, ctx, cache)
        if dossier is not None:
            dossiers.append(dossier)
            versies += _laad_versies(map_, dossier, ctx, cache)
    if not dossier_mappen(data_map) and not problemen:
        problemen.append(Probleem(toon_bestand(data_map), 0, 0, "(map)",
                                  f"geen dossiers gevonden (geen */{DOSSIER_BESTAND})"))
    problemen.extend(_controleer_corpus(dossiers, ctx))
    relaties = tuple(r for r in laad_relaties(data_map, dossiers, ctx)
                     if weggelaten.isdisjoint((r.voorganger, r.opvolger)))
    if problemen:
        raise DataFout(problemen, ctx.meldingen)
    return Corpus(competenties, tuple(dossiers), ctx.bronplekken, relaties, tuple(ctx.meldingen),
                  formaten, tuple(versies), weggelaten)


def _laad_versies(map_: Path, huidig: AnyDossier, ctx: _Context, cache: LaadCache | None
                  ) -> list[AnyDossier]:
    """The other versions of a dossier: each folder in ``<id>/versies/`` is a whole dossier of
    the same id and generation, named after its version (:func:`urls.versie_slug`)."""
    versiemap = map_ / VERSIES
    if not versiemap.is_dir():
        return []
    huidige_slug = versie_slug(huidig.editie().label, huidig.editie().datum)
    uit = []
    for sub in ctx.zichtbare(sorted(p for p in versiemap.iterdir() if p.is_dir())):
        if not (sub / DOSSIER_BESTAND).is_file():
            ctx.problemen.append(Probleem(
                toon_bestand(sub), 0, 0, "(map)",
                f"geen {DOSSIER_BESTAND}: een map in {VERSIES}/ is een hele versie van het "
                "dossier, met dezelfde bestanden als de dossiermap"))
            continue
        ctx.versie = sub.name
        try:
            versie = _laad_dossier_met_cache(sub, ctx, cache)
        finally:
            ctx.versie = None
        if versie is None:
            continue
        plek = ctx.bronplekken[(versie.id, "")]
        waar = (toon_bestand(ctx.data_map / plek.bestand), plek.regel, 1)
        slug = versie_slug(versie.editie().label, versie.editie().datum)
        if versie.formaat != huidig.formaat:
            ctx.problemen.append(Probleem(
                *waar, "formaat", f"formaat {versie.formaat} verschilt van dat van de huidige "
                f"versie ({huidig.formaat}); een versie hoort bij hetzelfde dossier"))
        elif slug is None:
            ctx.problemen.append(Probleem(
                *waar, "geldig_vanaf", "deze versie heeft geen datum (geldig_vanaf) en geen "
                "versietekst: er is niets om haar naar te noemen"))
        elif slug != sub.name:
            ctx.problemen.append(Probleem(
                *waar, "geldig_vanaf", f"deze versie heet naar haar gegevens '{slug}', maar "
                f"staat in de map {VERSIES}/{sub.name}", f"hernoem de map naar {slug}"))
        elif slug == huidige_slug:
            ctx.problemen.append(Probleem(
                *waar, "geldig_vanaf", f"de huidige versie heet ook '{slug}'; elke versie "
                "heeft een eigen datum of versietekst"))
        else:
            uit.append(versie)
    return uit


def _codes(dossier: AnyDossier) -> list[str]:
    """The codes of a dossier's profielen or uitstromen."""
    return [v.code for v in dossier.varianten()]


def laad_relaties(data_map: Path, dossiers: list[AnyDossier], ctx: _Context
                  ) -> tuple[Relatie, ...]:
    """Load ``relaties.yaml`` (when present) and check that its dossiers and codes exist."""
    pad = data_map / RELATIES_BESTAND
    if not pad.exists():
        return ()
    doc = ctx.lees(pad)
    if doc is None:
        return ()
    bestand, problemen = valideer(doc, RelatiesBestand)
    ctx.problemen.extend(problemen)
    if bestand is None:
        return ()
    geladen = {d.id: d for d in dossiers}
    bestaand = sorted({m.name for m in dossier_mappen(data_map)})
    paren: Counter[tuple[str, str]] = Counter((r.voorganger, r.opvolger) for r in bestand.relaties)
    for i, relatie in enumerate(bestand.relaties):
        for kant in ("voorganger", "opvolger"):
            dossier_id = getattr(relatie, kant)
            if dossier_id not in bestaand:
                ctx.problemen.append(doc.probleem(
                    ("relaties", i, kant), f"dossier '{dossier_id}' bestaat niet in {data_map}",
                    _suggestie(dossier_id, bestaand)))
        if relatie.voorganger == relatie.opvolger:
            ctx.problemen.append(doc.probleem(
                ("relaties", i, "opvolger"), "een dossier kan niet zijn eigen opvolger zijn"))
        if paren[(relatie.voorganger, relatie.opvolger)] > 1:
            ctx.problemen.append(doc.probleem(
                ("relaties", i), f"de relatie {relatie.voorganger} → {relatie.opvolger} staat "
                "er meer dan eens"))
        for j, voortzetting in enumerate(relatie.voortzettingen):
            for kant in ("voorganger", "opvolger"):
                dossier = geladen.get(getattr(relatie, kant))
                code = getattr(voortzetting, kant)
                if dossier is not None and code not in _codes(dossier):
                    ctx.problemen.append(doc.probleem(
                        ("relaties", i, "voortzettingen", j, kant),
                        f"{code} is geen profiel of uitstroom van {dossier.id} (wel: "
                        f"{', '.join(_codes(dossier))})", _suggestie(code, _codes(dossier))))
                    break
            else:
                _controleer_koppelingen(geladen.get(relatie.voorganger),
                                        geladen.get(relatie.opvolger), voortzetting, doc,
                                        ("relaties", i, "voortzettingen", j), ctx)
    return tuple(bestand.relaties)


def _controleer_koppelingen(voorganger: AnyDossier | None, opvolger: AnyDossier | None,
                            voortzetting: Voortzetting, doc: YamlDocument, pad: Pad,
                            ctx: _Context) -> None:
    """A maintainer's werkproces counterparts name werkprocessen of the two variants, each
    werkproces of the voorganger once."""
    if voorganger is None or opvolger is None:
        return
    kanten = {"voorganger": (voorganger, voortzetting.voorganger),
              "opvolger": (opvolger, voortzetting.opvolger)}
    codes = {kant: [w.code for w in d.werkprocessen_van(variant)]
             for kant, (d, variant) in kanten.items()}
    gezien: set[str] = set()
    for k, koppeling in enumerate(voortzetting.werkprocessen):
        for kant in ("voorganger", "opvolger"):
            code = getattr(koppeling, kant)
            if code is not None and code not in codes[kant]:
                dossier, variant = kanten[kant]
                ctx.problemen.append(doc.probleem(
                    (*pad, "werkprocessen", k, kant),
                    f"{code} is geen werkproces van {variant} in {dossier.id}",
                    _suggestie(code, codes[kant])))
        if koppeling.voorganger in gezien:
            ctx.problemen.append(doc.probleem(
                (*pad, "werkprocessen", k, "voorganger"),
                f"werkproces {koppeling.voorganger} staat er meer dan eens"))
        gezien.add(koppeling.voorganger)


def _suggestie(waarde: str, kandidaten: list[str]) -> str | None:
    gevonden = dichtstbij(waarde, kandidaten)
    return f"'{gevonden}'" if gevonden else None


def _controleer_corpus(dossiers: list[AnyDossier], ctx: _Context) -> list[Probleem]:
    """Checks across dossiers: crebo numbers are unique."""
    problemen = []
    crebos: dict[str, str] = {}
    for dossier in dossiers:
        for crebo, code in dossier.crebos_met_plek():
            wie = (f"{ctx.formaten[dossier.formaat].variant} {code} van {dossier.id}" if code
                   else f"dossier {dossier.id}")
            if crebo in crebos and crebos[crebo] != wie:
                plaats = ctx.bronplekken[(dossier.id, code)]
                problemen.append(Probleem(
                    toon_bestand(ctx.data_map / plaats.bestand), plaats.regel, 1, "crebo",
                    f"crebo {crebo} van {wie} is ook het crebo van {crebos[crebo]}; "
                    "een crebonummer hoort bij één dossier of profiel",
                ))
            crebos.setdefault(crebo, wie)
    return problemen
