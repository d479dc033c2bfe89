"""Importer for competentiegericht dossiers (cohorts up to 2012-2013) converted to Markdown with
HTML fragments and tab-separated tables.

Flow: markdown-it finds the blocks (``blokken``) → the document is cut into title page,
inhoudsopgave, inleiding and deel A–D by their headings → each part is read into the model
(``deel_ab``, ``deel_c``, ``deel_d``) while a :class:`~.verslag.Verslag` collects inferences,
removed layout and unplaced text → the parts are checked against each other (``controles``) →
the dossier, its provenance and the import report are assembled. Only :class:`ImportFout`
leaves this package.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from dossierimport.bronnen import Bronbestand
from dossierimport.competentiegericht.blokken import Element, elementen, lees_cel
from dossierimport.competentiegericht.controles import controleer
from dossierimport.competentiegericht.deel_ab import (
    lees_deel_a,
    lees_deel_b,
    lees_titelpagina,
)
from dossierimport.competentiegericht.deel_c import lees_deel_c
from dossierimport.competentiegericht.deel_d import lees_deel_d
from dossierimport.competentiegericht.secties import Sectie, als_tekst
from dossierimport.competentiegericht.teksten import leesvolgorde
from dossierimport.competentiegericht.verslag import Verslag
from dossierimport.fouten import ImportFout
from dossierimport.rapport import Rapport, Resultaat
from dossierimport.woorden import dekking, woorden
from kwalificatiedossiers.laden import COMPETENTIES_BESTAND, laad_competenties
from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht, Uitstroom
from kwalificatiedossiers.model.herkomst import Bron, Herkomst
from kwalificatiedossiers.problemen import Probleem
from kwalificatiedossiers.urls import code_slug

DELEN = (
    ("inhoudsopgave", r"^Inhoudsopgave$", "Inhoudsopgave"),
    ("inleiding", r"^Inleiding$", "Inleiding"),
    ("A", r"^Deel A\b", "Deel A: Beeld van de beroepengroep"),
    ("B", r"^Deel B\b", "Deel B: De kwalificaties"),
    ("C", r"^Deel C\b", "Deel C: Uitwerking van de kwalificaties"),
    ("D", r"^Deel D\b", "Deel D: Verantwoording"),
)
"""The parts of the document in order: key, heading pattern, heading as a person expects it."""


@dataclass
class Import:
    """One imported source: the dossier, what was noticed on the way, and the report."""

    dossier: DossierCompetentiegericht
    verslag: Verslag
    rapport: Rapport


def importeer(bronnen: list[Bronbestand], uit: Path) -> list[Resultaat]:
    """Import every source; ``uit`` must hold ``competenties.yaml`` (the names A–Y)."""
    namen = woordenlijst(uit, bronnen[0].naam if bronnen else str(uit))
    resultaten = []
    for bron in bronnen:
        gelezen = importeer_bron(bron, namen)
        resultaten.append(Resultaat(gelezen.dossier, gelezen.rapport))
    return resultaten


def woordenlijst(uit: Path, bestand: str) -> list[str]:
    """The 25 competence names of ``<uit>/competenties.yaml``, in code order."""
    problemen: list[Probleem] = []
    competenties = laad_competenties(uit, problemen)
    if len(competenties) != 25:
        raise ImportFout(bestand, None, f"de importer heeft de woordenlijst van de 25 "
                         f"competenties nodig: {uit / COMPETENTIES_BESTAND} ontbreekt of is "
                         "ongeldig")
    return [c.naam for c in sorted(competenties, key=lambda c: c.code)]


def importeer_bron(bron: Bronbestand, namen: list[str]) -> Import:
    """Import one source into a dossier, its provenance and report."""
    tekst = bron.tekst()
    if not tekst.strip():
        raise ImportFout(bron.naam, 1, "de bron is leeg")
    regels = tekst.split("\n")
    verslag = Verslag(bron.naam)
    alles = elementen(tekst)
    _onbekende_opmaak(alles, verslag)
    delen = _delen(alles, bron.naam, len(regels))
    with _op_regel(bron.naam, 1):
        titel = lees_titelpagina(delen["titel"][1], bron.naam)
    if "inhoudsopgave" in delen:
        _verwijder_inhoudsopgave(delen["inhoudsopgave"], delen["inleiding"][0], regels, verslag)
    with _op_regel(bron.naam, delen["A"][0].regel):
        inleiding = als_tekst(delen["inleiding"][1], verslag)
        deel_a = lees_deel_a(delen["A"], verslag, bron.naam)
    with _op_regel(bron.naam, delen["B"][0].regel):
        deel_b = lees_deel_b(delen["B"], verslag, bron.naam)
    legenda = {code: u["titel"] for code, u in deel_b.uitstromen.items()}
    with _op_regel(bron.naam, delen["C"][0].regel):
        deel_c = lees_deel_c(delen["C"], legenda, namen, verslag, bron.naam)
    with _op_regel(bron.naam, delen["D"][0].regel):
        verantwoording = lees_deel_d(delen["D"], verslag, bron.naam)
    _controleer_inleiding(inleiding, delen["inleiding"], verslag)
    with _op_regel(bron.naam, delen["C"][0].regel):
        uitstromen = _uitstromen(deel_b.uitstromen, deel_c.uitstromen, bron.naam,
                                 delen["C"][0].regel)
        dossier = DossierCompetentiegericht(
            id=_dossier_id(titel["titel"], titel["cohort"], bron.naam),
            formaat="competentiegericht",
            **titel,
            inleiding=inleiding,
            deel_a=deel_a,
            colofon=deel_b.colofon,
            formele_vereisten=deel_b.formele_vereisten,
            deel_b=deel_b.deel_b,
            deel_c_inleiding=deel_c.inleiding,
            herkomst=Herkomst(bronnen=[Bron(bestand=bron.naam, sha256=bron.sha256,
                                            vorm="markdown-html", gebruikt_voor="alle tekst")]),
            kerntaken_inleiding=deel_b.kerntaken_inleiding,
            matrices_inleiding=deel_b.matrices_inleiding,
            kerntaken=deel_b.kerntaken,
            uitstromen=uitstromen,
            certificeerbare_eenheden=deel_c.certificeerbare_eenheden,
            verantwoording=verantwoording,
        )
    controleer(dossier, deel_b, deel_c, namen, verslag)
    dossier = dossier.model_copy(update={"herkomst": dossier.herkomst.model_copy(update={
        "afleidingen": verslag.afleidingen, "niet_geplaatst": verslag.niet_geplaatst})})
    return Import(dossier, verslag, _rapport(dossier, bron, verslag, regels, namen))


def _delen(alles: list[Element], bestand: str, laatste: int) -> dict[str, Sectie]:
    """Cut the document at the headings of its parts; the title page is what comes first."""
    posities: dict[str, int] = {}
    vanaf = 0
    for sleutel, patroon, kop in DELEN:
        gevonden = next((i for i in range(vanaf, len(alles)) if alles[i].soort in ("kop",)
                         and re.match(patroon, alles[i].tekst, re.IGNORECASE)), None)
        if gevonden is None and sleutel == "inhoudsopgave":
            continue
        if gevonden is None:
            na = alles[vanaf - 1].regel if vanaf else 1
            raise ImportFout(bestand, min(max(na, 1), laatste), f"verwacht de kop '{kop}' na "
                             f"regel {na}; de bron is onvolledig of geen competentiegericht "
                             "kwalificatiedossier")
        posities[sleutel] = gevonden
        vanaf = gevonden + 1
    volgorde = sorted(posities.items(), key=lambda p: p[1])
    delen: dict[str, Sectie] = {"titel": (alles[0], alles[: volgorde[0][1]])}
    for (sleutel, begin), (_, eind) in zip(volgorde, [*volgorde[1:], ("", len(alles))],
                                          strict=True):
        delen[sleutel] = (alles[begin], alles[begin + 1 : eind])
    return delen


def _onbekende_opmaak(alles: list[Element], verslag: Verslag) -> None:
    """Report HTML tags the importer gives no meaning (their text is kept, the tag is not)."""
    for element in alles:
        for ruw in element.items or element.cellen:
            for tag in dict.fromkeys(lees_cel(ruw).onbekend):
                verslag.onbekend.append(f"regel {element.regel}: {tag}")


@contextmanager
def _op_regel(bestand: str, regel: int) -> Iterator[None]:
    """Turn a model constraint the source violates into an :class:`ImportFout`."""
    try:
        yield
    except ValidationError as exc:
        fout = exc.errors(include_url=False)[0]
        plek = ".".join(str(d) for d in fout["loc"])
        raise ImportFout(bestand, regel, f"de bron past niet in het model ({plek}: "
                         f"{fout['msg']})") from exc


def _verwijder_inhoudsopgave(inhoud: Sectie, inleiding: Element, regels: list[str],
                             verslag: Verslag) -> None:
    for nummer in range(inhoud[0].regel, inleiding.regel):
        if regels[nummer - 1].strip():
            verslag.verwijder(nummer, "inhoudsopgave (volgt uit de koppen; paginanummers zijn "
                              "opmaak)")


def _controleer_inleiding(inleiding: Sequence[object], deel: Sectie, verslag: Verslag) -> None:
    """The inleiding announces something "hieronder" that the conversion lost (an image)."""
    laatste = inleiding[-1] if inleiding else None
    if isinstance(laatste, str) and (laatste.endswith(":") or laatste.startswith("Hieronder")):
        verslag.opmerking(deel[1][-1].regel if deel[1] else deel[0].regel,
                          f"de inleiding eindigt met '{laatste}', maar wat daarop volgt (een "
                          "afbeelding) staat niet in de bron")


def _uitstromen(deel_b: dict[str, dict[str, object]], deel_c: Sequence[object], bestand: str,
                regel: int) -> list[Uitstroom]:
    uitwerking = {u.code: u.uitwerking() for u in deel_c}  # type: ignore[attr-defined]
    uit = []
    for code, velden in deel_b.items():
        if code not in uitwerking:
            raise ImportFout(bestand, regel, f"uitstroom {code} heeft geen uitwerking in deel C")
        uit.append(Uitstroom(**velden, uitwerking=uitwerking[code]))
    return uit


def _dossier_id(titel: str, cohort: str, bestand: str) -> str:
    """``<titel>-<first year of the cohort>``, e.g. ``commercieel-medewerker-2009``."""
    jaar = re.search(r"\d{4}", cohort)
    if jaar is None:
        raise ImportFout(bestand, 1, f"cohort '{cohort}' noemt geen jaar")
    return f"{code_slug(titel)}-{jaar.group(0)}"


def _rapport(dossier: DossierCompetentiegericht, bron: Bronbestand, verslag: Verslag,
             regels: list[str], namen: list[str]) -> Rapport:
    kerntaken = dossier.kerntaken
    return Rapport(
        dossier=dossier.id,
        bronnen=[f"{bron.naam} ({bron.vorm})"],
        aantallen={
            "uitstromen": len(dossier.uitstromen),
            "kerntaken": len(kerntaken),
            "werkprocessen": sum(len(k.werkprocessen) for k in kerntaken),
            "uitwerkingen": sum(len(k.werkprocessen) for u in dossier.uitstromen
                                for k in u.uitwerking),
        },
        afgeleid=[f"regel {a.regel}: {a.onderdeel}: {a.wat}" for a in verslag.afleidingen],
        niet_geplaatst=verslag.niet_geplaatst,
        dekking=dekking(bronwoorden(regels, verslag.verwijderd),
                        woorden("\n".join(leesvolgorde(dossier, namen)))),
        onbekend=verslag.onbekend,
        opmerkingen=[*verslag.opmerkingen,
                     *(f"verwijderd als opmaak: {r}" for r in verslag.verwijderd_samengevat())],
    )


def bronwoorden(regels: list[str], verwijderd: dict[int, str]) -> list[str]:
    """The body words of the source: every line except removed layout, without markup."""
    behouden = [r for i, r in enumerate(regels, start=1) if i not in verwijderd]
    tekst = re.sub(r"<[^>]*>", " ", "\n".join(behouden))
    tekst = re.sub(r"\]\([^)]*\)", " ", tekst).replace("&amp;", "&").replace("&quot;", '"')
    return woorden(tekst)
