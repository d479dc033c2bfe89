"""Voorganger/opvolger relations between dossiers on dossier, profiel and uitstroom pages.

A relation (``relaties.yaml``) is a maintainer's judgement, never computed and never stated by a
source; every page that shows one says so and gives the maintainer's toelichting.
"""

from __future__ import annotations

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index, dossiernaam
from kwalificatiedossiers.model.relaties import Relatie, Voortzetting
from kwalificatiedossiers.opmaak import alinea, code_html, esc, kop, lijst, link, samen, tabel

OORDEEL = alinea("Deze relatie is het oordeel van de beheerders van deze site (vastgelegd in "
                 f"{code_html('relaties.yaml')}), geen gegeven uit de bron.")


def _dossierlink(index: Index, dossier_id: str, src: str) -> str:
    return link(dossiernaam(index.corpus.dossier(dossier_id)), src, urls.dossier_src(dossier_id))


def _onderdeellink(index: Index, dossier_id: str, code: str, src: str) -> str:
    entiteit = index.entiteit(dossier_id, code)
    return link(f"{entiteit.code} {entiteit.titel}", src, entiteit.src)


def _onderdelen(index: Index, dossier_id: str) -> list[str]:
    """The codes of a dossier's profielen or uitstromen, in order."""
    return [v.code for v in index.corpus.dossier(dossier_id).varianten()]


def _anker(rol: str, dossier_id: str) -> str:
    return f"{rol}-{dossier_id}"


def dossierrelaties(index: Index, dossier_id: str, src: str) -> str:
    """The section "Voorganger en opvolger" of a dossier page ("" when it has no relation)."""
    relaties = index.corpus.relaties_van(dossier_id)
    if not relaties:
        return ""
    delen = [kop(2, "Voorganger en opvolger", "relaties"), OORDEEL]
    for relatie in relaties:
        is_voorganger = relatie.voorganger == dossier_id
        ander = relatie.opvolger if is_voorganger else relatie.voorganger
        rol = "opvolger" if is_voorganger else "voorganger"
        delen += [
            kop(3, f"{rol.capitalize()}: {dossiernaam(index.corpus.dossier(ander))}",
                _anker(rol, ander)),
            alinea(f"{_dossierlink(index, ander, src)} is de "
                   + ("latere tegenhanger" if is_voorganger else "eerdere tegenhanger")
                   + " van dit dossier."),
            alinea(f"<strong>Toelichting van de beheerders:</strong> {esc(relatie.toelichting)}"),
        ]
        delen += _voortzettingstabel(index, relatie, src)
    return samen(delen)


def _voortzettingstabel(index: Index, relatie: Relatie, src: str) -> list[str]:
    rijen = [
        [_onderdeellink(index, relatie.voorganger, v.voorganger, src),
         _onderdeellink(index, relatie.opvolger, v.opvolger, src), esc(v.toelichting or "")]
        for v in relatie.voortzettingen
    ]
    delen: list[str] = []
    if rijen:
        delen.append(tabel([
            f"In {esc(dossiernaam(index.corpus.dossier(relatie.voorganger)))}",
            f"Gaat verder als, in {esc(dossiernaam(index.corpus.dossier(relatie.opvolger)))}",
            "Toelichting",
        ], rijen))
    for dossier_id, genoemd, zonder_wat in (
        (relatie.voorganger, {v.voorganger for v in relatie.voortzettingen}, "Zonder opvolger"),
        (relatie.opvolger, {v.opvolger for v in relatie.voortzettingen}, "Zonder voorganger"),
    ):
        zonder = [c for c in _onderdelen(index, dossier_id) if c not in genoemd]
        if zonder:
            delen.append(alinea(f"{zonder_wat} in het andere dossier, uit "
                                f"{esc(dossiernaam(index.corpus.dossier(dossier_id)))}: "
                                + ", ".join(_onderdeellink(index, dossier_id, c, src)
                                            for c in zonder) + "."))
    return delen


def werkprocestegenhangers(index: Index, relatie: Relatie, voortzetting: Voortzetting,
                           src: str) -> list[str]:
    """Which werkproces of the voorganger's variant continues as which of the opvolger's: a
    table, computed from the texts unless a maintainer confirmed or chose it."""
    v, o = voortzetting.voorganger, voortzetting.opvolger
    rijen = []
    for t in index.tegenhangers(relatie, voortzetting):
        if t.bevestigd:
            hoe = "bevestigd door de beheerders" + (f": {esc(t.toelichting)}"
                                                   if t.toelichting else "")
        else:
            hoe = f"berekend, gelijkenis {t.score:.2f}".replace(".", ",") if t.opvolger else (
                "berekend: geen duidelijke tegenhanger")
        rijen.append([
            _onderdeellink(index, relatie.voorganger, t.voorganger.code, src),
            _onderdeellink(index, relatie.opvolger, t.opvolger.code, src)
            if t.opvolger else "—",
            hoe,
        ])
    if not rijen:
        return []
    return [
        kop(3, f"Werkprocessen van {v} en hun tegenhanger in {o}",
            f"werkprocessen-{urls.code_slug(v)}-{urls.code_slug(o)}"),
        alinea(f"Per werkproces van {esc(v)} het werkproces van {esc(o)} waarvan de tekst er "
               "het meest op lijkt (titel, omschrijving, resultaat en gedrag), tenzij de "
               "beheerders een tegenhanger bevestigden of kozen. Een berekende tegenhanger is "
               "een aanwijzing, geen gegeven uit de bron."),
        tabel([f"Werkproces in {esc(v)}", f"Tegenhanger in {esc(o)}", "Hoe bepaald"], rijen),
    ]


def voortzettingen(index: Index, dossier_id: str, code: str, src: str) -> str:
    """The section "Voorganger en opvolger" of a profiel or uitstroom page: what it continues
    as, or what it continues ("" when its dossier has no relation)."""
    delen = []
    for relatie in index.corpus.relaties_van(dossier_id):
        is_voorganger = relatie.voorganger == dossier_id
        ander = relatie.opvolger if is_voorganger else relatie.voorganger
        naar = [(v.opvolger if is_voorganger else v.voorganger, v.toelichting)
                for v in relatie.voortzettingen
                if (v.voorganger if is_voorganger else v.opvolger) == code]
        dossier = _dossierlink(index, ander, src)
        if not naar:
            delen.append(alinea(
                f"Volgens de beheerders heeft dit onderdeel in {dossier} geen tegenhanger."
                if is_voorganger else
                f"Volgens de beheerders heeft dit onderdeel in {dossier} geen voorganger."))
            continue
        delen.append(alinea(f"Gaat in {dossier} verder als:" if is_voorganger
                            else f"Zet voort uit {dossier}:"))
        delen.append(lijst(
            _onderdeellink(index, ander, andere_code, src)
            + (f" — {esc(toelichting)}" if toelichting else "")
            for andere_code, toelichting in naar
        ))
        for voortzetting in relatie.voortzettingen:
            if (voortzetting.voorganger if is_voorganger else voortzetting.opvolger) == code:
                delen += werkprocestegenhangers(index, relatie, voortzetting, src)
        delen.append(alinea("<strong>Toelichting bij de relatie tussen de dossiers:</strong> "
                            f"{esc(relatie.toelichting)}"))
    if not delen:
        return ""
    return samen([kop(2, "Voorganger en opvolger", "relaties"), OORDEEL, *delen])
