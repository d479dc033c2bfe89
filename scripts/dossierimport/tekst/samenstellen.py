"""Putting one dossier together from its sources: text from one, metadata from another.

The text of the site comes from one source, the one that holds the whole dossier (every code
of its overview has a section). The metadata comes from a source with a title page (a profile
extract), or, when none was given, from the dossier already in the output folder. Every other
source is compared with the text source, and each difference is recorded, never merged.

A profile extract given without its dossier is matched to the dossier in the output folder
(:mod:`.koppeling`): the dossier keeps its text and the extract is compared with it, its profiel
numbering mapped and OCR damage kept apart from real changes. With no such dossier the extract
itself is the text: the basisdeel and its profiel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from dossierimport.fouten import ImportFout
from dossierimport.rapport import Rapport
from dossierimport.tekst.bestaand import Bestaand, zoek_bestaand, zoek_dossier_van
from dossierimport.tekst.herstel import Melding
from dossierimport.tekst.koppeling import hernummer, profielen_koppelen
from dossierimport.tekst.lezen import Gelezen
from dossierimport.tekst.ocrwoorden import Woordenschat
from dossierimport.tekst.titelpagina import datum, domein
from dossierimport.tekst.vergelijken import Vergelijking, dossier_velden, velden, vergelijk
from dossierimport.woorden import dekking, model_teksten, woorden
from kwalificatiedossiers.model import Afleiding, Afwijking, Bron, Dossier, Herkomst
from kwalificatiedossiers.urls import code_slug

METADATA = ("titel", "crebo", "versie", "status", "geldig_vanaf", "opleidingsdomein",
            "penvoerder", "gevalideerd_door", "gevalideerd_op")
"""Dossier fields that come from a title page."""

LABELS = {
    "complexiteit": "Complexiteit",
    "verantwoordelijkheid": "Verantwoordelijkheid en zelfstandigheid",
    "vakkennis": "Vakkennis en vaardigheden",
    "omschrijving": "Omschrijving",
    "resultaat": "Resultaat",
    "gedrag": "Gedrag",
    "competenties": "De onderliggende competenties zijn:",
}
"""Field → the label the source prints before it (so label words count as present)."""


@dataclass
class Metadata:
    """Metadata for the dossier and where it came from."""

    velden: dict[str, Any]
    profiel_crebos: dict[str, str]
    bronnen: list[Bron] = field(default_factory=list)
    afleidingen: list[Afleiding] = field(default_factory=list)
    afwijkingen: list[Afwijking] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    te_controleren: list[Melding] = field(default_factory=list)


def is_extract(gelezen: Gelezen) -> bool:
    """Whether a source is a profile extract: the basisdeel and whole profielen, nothing cut
    off. A source that stops inside a profiel, or whose missing profielen are only the last
    ones while nothing says it is an extract, is taken to be truncated."""
    ontbrekend = gelezen.ontbrekend
    profielen = gelezen.overzicht.profielen()
    aanwezig = [p for p in profielen if p in gelezen.indeling.secties]
    heel = all(not c.startswith("B") and c.split("-")[0] not in aanwezig for c in ontbrekend)
    if not (ontbrekend and aanwezig and heel):
        return False
    eerder_ontbrekend = any(profielen.index(p) < profielen.index(aanwezig[-1])
                            for p in profielen if p not in aanwezig)
    eigen_rij = len(gelezen.overzicht.rijen) == len(aanwezig)
    return gelezen.titelpagina.extract or eerder_ontbrekend or eigen_rij


def is_los_profiel(gelezen: Gelezen) -> bool:
    """Whether a source holds one profiel of a dossier: an extract, or a dossier that has only
    one profiel (an extract numbers its profiel P1 and may list only that one)."""
    return bool(gelezen.ontbrekend) or len(gelezen.delen.profielen) == 1


def kies_tekstbron(groep: list[Gelezen]) -> Gelezen:
    """The source whose body has every code of its overview, else a profile extract; an error
    names what is missing from a source that was cut off."""
    for gelezen in groep:
        if not gelezen.ontbrekend:
            return gelezen
    extract = next((g for g in groep if is_extract(g)), None)
    if extract is not None:
        return extract
    beste = min(groep, key=lambda g: len(g.ontbrekend))
    ontbrekend = beste.ontbrekend
    lijst = ", ".join(ontbrekend[:6]) + (f" en {len(ontbrekend) - 6} meer" if len(ontbrekend) > 6
                                         else "")
    melding = (f"de bron houdt op bij regel {beste.laatste_regel}: volgens het overzicht "
               f"ontbreken {lijst}; is de bron afgebroken?")
    raise ImportFout(beste.bron.naam, beste.laatste_regel, melding)


def _van_titelpagina(bron: Gelezen) -> dict[str, Any]:
    pagina, naam = bron.titelpagina, bron.bron.naam
    uit: dict[str, Any] = {"titel": pagina.titel, "crebo": pagina.crebo}
    for veld, waarde in pagina.velden.items():
        regel = pagina.regels.get(veld)
        if veld in ("geldig_vanaf", "gevalideerd_op"):
            uit[veld] = datum(waarde, naam, regel)
        elif veld == "opleidingsdomein":
            uit[veld] = domein(waarde)
        else:
            uit[veld] = waarde
    return uit


def _profiel_crebos(tekst: Gelezen, bron: Gelezen) -> tuple[dict[str, str], list[Afleiding]]:
    """Crebos a title page gives per profiel title, placed by title in the text source."""
    crebos: dict[str, str] = {}
    afleidingen = []
    for titel, crebo in bron.titelpagina.profielen.items():
        codes = [c for c in tekst.overzicht.profielen() if tekst.overzicht.titels[c] == titel]
        if len(codes) != 1:
            continue
        crebos[codes[0]] = crebo
        tabel = next((r for r in bron.overzicht.rijen if r.titel == titel), None)
        anders = (f"; de tabel in het overzicht van {bron.bron.naam} noemt het profiel "
                  f"'{tabel.code} {titel}', dat is niet gevolgd" if tabel and tabel.code != codes[0]
                  else "")
        afleidingen.append(Afleiding(
            onderdeel=codes[0],
            wat=(f"crebo {crebo} staat op de titelpagina bij '{titel}'; op titel toegekend aan "
                 f"{codes[0]}{anders}"),
            bron=bron.bron.naam,
            regel=bron.titelpagina.regels.get("crebo"),
        ))
    return crebos, afleidingen


def _gebruikt_voor_metadata(velden: dict[str, Any], crebos: dict[str, str]) -> str:
    namen = ", ".join(v.replace("_", " ") for v in METADATA if velden.get(v))
    extra = f" en de crebo van {', '.join(crebos)}" if crebos else ""
    return (f"metadata van de titelpagina ({namen}){extra}; de tekst is alleen vergeleken "
            "(zie afwijkingen)")


def metadata(tekst: Gelezen, andere: list[Gelezen], uit: Path) -> Metadata:
    """Metadata from a title page among the sources, or else from the existing dossier."""
    bron = next((g for g in [tekst, *andere] if g.titelpagina.compleet), None)
    if bron is not None:
        crebos, afleidingen = _profiel_crebos(tekst, bron)
        velden_ = _van_titelpagina(bron)
        meta = Metadata(velden_, crebos, afleidingen=afleidingen)
        if bron is not tekst:
            meta.bronnen.append(_bron(bron, _gebruikt_voor_metadata(velden_, crebos)))
        return meta
    bestaand = zoek_bestaand(uit, tekst.overzicht.kenmerk())
    if bestaand is None and is_los_profiel(tekst):
        return _zonder_titelpagina(tekst)
    if bestaand is None:
        raise ImportFout(
            tekst.bron.naam, 1,
            "de titelpagina ontbreekt: deze bron noemt titel en crebo van het dossier niet, en "
            f"in {uit} staat geen dossier met hetzelfde overzicht. Geef ook een bron met "
            "titelpagina mee (zoals het profielextract): make import SRC=\"<dossiertekst> "
            "<profielextract>\" OUT=<map>",
        )
    return _van_bestaand(tekst, bestaand)


ONBEKENDE_CREBO = "00000"
"""Stands in for the crebo of an extract that names no dossier, until the maintainer fills
it in (the report and the provenance say so)."""


def _zonder_titelpagina(tekst: Gelezen) -> Metadata:
    """An extract alone, without a title page: the import goes on, and the maintainer is told
    to fill in the title and crebo it could not read."""
    pagina = tekst.titelpagina
    titel = pagina.titel or f"Onbekend dossier {Path(tekst.bron.naam).stem}"
    crebo = pagina.crebo or ONBEKENDE_CREBO
    wat = (f"de bron heeft geen (leesbare) titelpagina; titel {titel!r} en crebo {crebo} zijn "
           "ingevuld om de import af te maken: vul de echte in dossier.yaml in")
    meta = Metadata({"titel": titel, "crebo": crebo}, {}, afleidingen=[
        Afleiding(onderdeel="dossier", wat=wat, bron=tekst.bron.naam, regel=1)])
    meta.te_controleren.append(Melding(1, wat, zeker=False))
    return meta


def _van_bestaand(tekst: Gelezen, bestaand: Bestaand) -> Metadata:
    oud = bestaand.dossier
    velden_ = {v: getattr(oud, v) for v in METADATA}
    herkomst = oud.herkomst
    andere = [b for b in herkomst.bronnen if b.bestand != tekst.bron.naam]
    namen = {b.bestand for b in andere}
    zelfde_tekst = any(b.bestand == tekst.bron.naam and b.sha256 == tekst.bron.sha256
                       for b in herkomst.bronnen)
    meta = Metadata(
        velden_, dict(bestaand.profiel_crebos), bronnen=andere,
        afleidingen=[a for a in herkomst.afleidingen if a.bron in namen],
    )
    meta.opmerkingen.append(
        f"metadata ({', '.join(v for v in METADATA if velden_.get(v))}) en profielcrebo's "
        f"overgenomen uit het bestaande dossier {bestaand.map / 'dossier.yaml'} (herkend aan "
        f"het overzicht); daar kwamen ze uit {', '.join(sorted(namen)) or 'een eerdere import'}"
    )
    if zelfde_tekst:
        meta.afwijkingen = [a for a in herkomst.afwijkingen if a.andere_bron in namen]
    elif herkomst.afwijkingen:
        meta.opmerkingen.append(
            f"de {len(herkomst.afwijkingen)} afwijkingen van het bestaande dossier gelden voor "
            "een andere versie van deze bron en zijn niet overgenomen; importeer de bronnen "
            "samen om ze opnieuw te bepalen"
        )
    if herkomst.correcties:
        meta.opmerkingen.append(
            f"het bestaande dossier had {len(herkomst.correcties)} handmatige correcties; die "
            "staan niet in de opnieuw geïmporteerde tekst"
        )
    return meta


def _bron(gelezen: Gelezen, gebruikt_voor: str) -> Bron:
    if gelezen.bron.vorm == "pdf":
        gebruikt_voor += f" ({gelezen.bron.pdf.uitleg})"
    return Bron(bestand=gelezen.bron.naam, sha256=gelezen.bron.sha256, vorm=gelezen.bron.vorm,
                gebruikt_voor=gebruikt_voor)


def _tekst_gebruikt_voor(tekst: Gelezen) -> str:
    profielen = [p for p in tekst.overzicht.profielen() if p in tekst.indeling.secties]
    return ("alle tekst: leeswijzer, overzicht, typering van de beroepengroep, basisdeel, "
            f"generieke onderdelen en de profielen {', '.join(profielen)}")


def _afleidingen(tekst: Gelezen) -> list[Afleiding]:
    return [
        Afleiding(
            onderdeel=a.code,
            wat=(f"de kop ontbreekt in de bron; de sectie die op regel {a.regel} met "
                 f"'{a.label}' begint, is {a.code} '{a.titel}': de volgende code die het "
                 "overzicht verwacht"),
            bron=tekst.bron.naam,
            regel=a.regel,
        )
        for a in tekst.koppen.afgeleid
    ]


def bron_woorden(tekst: Gelezen) -> list[str]:
    """The body's words as the importer read them (running headers and footers removed)."""
    return [w for blok in tekst.body for w in woorden(blok.tekst)]


def data_woorden(dossier: Dossier) -> list[str]:
    """The dossier's words in the order the source prints them, with the labels it prints."""
    typering = dossier.typering_beroepengroep
    delen: list[Any] = [
        "Basisdeel 1. Beroepsspecifieke onderdelen Typering van de beroepengroep",
        "Context", typering.context, "Typerende beroepshouding", typering.beroepshouding,
        "Resultaat van de beroepengroep", typering.resultaat,
        dossier.basisdeel,
        "2. Generieke onderdelen", dossier.generieke_onderdelen_intro,
        dossier.generieke_onderdelen,
        "Profieldeel",
    ]
    for profiel in dossier.profielen:
        delen += [
            profiel.code, profiel.titel, "Mbo-niveau", str(profiel.niveau),
            "Typering van het beroep", profiel.typering_beroep,
            "Beroepsvereisten", profiel.beroepsvereisten or "", profiel.kerntaken,
        ]
    teksten = [t for deel in delen for t in model_teksten(deel, LABELS)]
    return [w for t in teksten for w in woorden(t)]


def meldingen(gelezen: Gelezen) -> list[Melding]:
    """Every repair and open question of one source, in source order."""
    alle = gelezen.meldingen + gelezen.overzicht.meldingen + gelezen.koppen.meldingen
    return sorted(alle, key=lambda m: m.regel)


def toont_ocr(gelezen: Gelezen) -> bool:
    """Whether a source went through OCR: it was scanned, or it needed OCR repairs."""
    return bool(meldingen(gelezen)) or (gelezen.bron.vorm == "pdf"
                                        and gelezen.bron.pdf.methode == "ocr")


def _vergelijk_bron(vergeleken: dict[tuple[str, str], Any], tekst_titels: dict[str, str],
                    ander: Gelezen, schat: Woordenschat) -> tuple[Vergelijking, dict[str, str]]:
    """Compare another source with the text; an extract's profielen are mapped to the text's
    numbering first, and OCR damage in an OCR'd source is kept apart."""
    andere = velden(ander.delen, ander.overzicht)
    aanwezig = [p for p in ander.overzicht.profielen() if p in ander.indeling.secties]
    koppeling = {p: d for p, d in profielen_koppelen(
        ander.overzicht.titels, tekst_titels, aanwezig).items() if p != d}
    is_ocr = schat.is_ocr_verschil if toont_ocr(ander) else None
    return vergelijk(vergeleken, hernummer(andere, koppeling), ander.bron.naam, is_ocr), koppeling


def stel_samen(tekst: Gelezen, andere: list[Gelezen], uit: Path, schat: Woordenschat
               ) -> tuple[Dossier, Rapport]:
    """The dossier and its import report."""
    if is_los_profiel(tekst) and not tekst.titelpagina.compleet and not andere:
        bestaand = zoek_dossier_van(uit, tekst.overzicht.titels)
        if bestaand is not None:
            return _met_bestaand_dossier(tekst, bestaand, schat)
    meta = metadata(tekst, andere, uit)
    vergeleken = velden(tekst.delen, tekst.overzicht)
    opmerkingen = [f"{tekst.bron.naam}: {o}" for o in tekst.overzicht.opmerkingen]
    for ander in andere:
        vergelijking, koppeling = _vergelijk_bron(vergeleken, tekst.overzicht.titels, ander,
                                                  schat)
        meta.afwijkingen += vergelijking.afwijkingen
        opmerkingen += _opmerkingen_andere_bron(ander, vergelijking, koppeling)
        if not any(b.bestand == ander.bron.naam for b in meta.bronnen):
            meta.bronnen.append(_bron(ander, "alleen vergeleken met de tekst (zie afwijkingen)"))
    herkomst = Herkomst(
        bronnen=[_bron(tekst, _tekst_gebruikt_voor(tekst)), *meta.bronnen],
        afleidingen=_afleidingen(tekst) + meta.afleidingen,
        afwijkingen=meta.afwijkingen,
        niet_geplaatst=[f"{tekst.bron.naam} regel {s.regel}: {s.tekst}"
                        for s in tekst.delen.niet_geplaatst],
    )
    dossier = _dossier(tekst, meta, herkomst)
    rapport = _rapport(dossier, tekst, opmerkingen + meta.opmerkingen)
    rapport.te_controleren = _te_controleren(tekst, meta.te_controleren)
    return dossier, rapport


def _te_controleren(tekst: Gelezen, extra: list[Melding]) -> list[str]:
    """Uncertain findings and unplaced text of the text source, in source order."""
    open_ = [m for m in meldingen(tekst) if not m.zeker] + extra + [
        Melding(s.regel, f"niet geplaatst: {s.tekst[:80]!r}", zeker=False)
        for s in tekst.delen.niet_geplaatst]
    return [f"{tekst.bron.naam} regel {m.regel}: {m.tekst}"
            for m in sorted(open_, key=lambda m: m.regel)]


def _met_bestaand_dossier(extract: Gelezen, bestaand: Bestaand, schat: Woordenschat
                          ) -> tuple[Dossier, Rapport]:
    """An extract next to its dossier: the dossier stays as it is (its folder unchanged); the
    comparison with the extract is the report."""
    oud = bestaand.volledig
    assert oud is not None
    titels = {**{k.code: k.titel for k in oud.alle_kerntaken()},
              **{w.code: w.titel for k in oud.alle_kerntaken() for w in k.werkprocessen},
              **{p.code: p.titel for p in oud.profielen}}
    vergelijking, koppeling = _vergelijk_bron(dossier_velden(oud), titels, extract, schat)
    naam = extract.bron.naam
    herkend = (f"{naam}: een profielextract, herkend als dossier {oud.id} in "
               f"{bestaand.map.parent} (basisdeel en profieltitels); het dossier blijft zoals "
               "het is, het extract is alleen vergeleken (dit rapport)")
    rapport = _rapport(oud, extract,
                       [herkend, *_opmerkingen_andere_bron(extract, vergelijking, koppeling)])
    rapport.bronnen.append(f"{naam} ({extract.bron.vorm}): alleen vergeleken met {oud.id}")
    rapport.afwijkingen = [f"{a.onderdeel} {a.veld}: {a.gebruikt!r} ({oud.id}) / {a.andere!r} "
                           f"({naam})" for a in vergelijking.afwijkingen]
    rapport.dekking = None
    rapport.te_controleren = _te_controleren(extract, [])
    return oud, rapport


def _dossier(tekst: Gelezen, meta: Metadata, herkomst: Herkomst) -> Dossier:
    delen = tekst.delen
    profielen = [p.model_copy(update={"crebo": meta.profiel_crebos.get(p.code, p.crebo)})
                 for p in delen.profielen]
    try:
        return Dossier.model_validate({
            "id": code_slug(str(meta.velden["titel"])),
            "formaat": "basis-profiel",
            **{k: v for k, v in meta.velden.items() if v is not None},
            "leeswijzer": delen.leeswijzer,
            "typering_beroepengroep": delen.typering,
            "generieke_onderdelen_intro": delen.generieke_intro,
            "generieke_onderdelen": delen.generieke,
            "herkomst": herkomst,
            "basisdeel": {"kerntaken": delen.basisdeel},
            "profielen": profielen,
        })
    except ValidationError as exc:
        raise ImportFout(tekst.bron.naam, None, f"het dossier is ongeldig: {exc}") from exc


def _opmerkingen_andere_bron(ander: Gelezen, vergelijking: Vergelijking,
                             koppeling: dict[str, str]) -> list[str]:
    naam = ander.bron.naam
    uit = [f"{naam}: {o}" for o in ander.overzicht.opmerkingen]
    uit += [f"{naam}: profiel {p} van het extract is {d} van het dossier (op titel en de "
            "kerntaken en werkprocessen ervan); codes voor de vergelijking omgenummerd"
            for p, d in koppeling.items()]
    uit += [f"{naam}: ook hier ontbreekt de kop {a.code} (regel {a.regel}); voor de vergelijking "
            "geplaatst uit het overzicht" for a in ander.koppen.afgeleid]
    if vergelijking.alleen_aanhalingstekens:
        uit.append(f"{naam}: {vergelijking.alleen_aanhalingstekens} woorden verschillen alleen "
                   "in de vorm van aanhalingstekens of apostrof (’ en ', “ en \"); niet als "
                   "afwijking opgenomen")
    if vergelijking.ocr_schade:
        uit.append(f"{naam}: {len(vergelijking.ocr_schade)} verschillen zijn waarschijnlijk "
                   "OCR-schade in deze bron (onbekende woorden, verschoven spaties); niet als "
                   "afwijking opgenomen:")
        uit += [f"  {a.onderdeel} {a.veld}: {a.gebruikt!r} / {a.andere!r}"
                for a in vergelijking.ocr_schade]
    herstel = meldingen(ander)
    if herstel:
        uit.append(f"{naam}: {len(herstel)} OCR-herstellingen en vragen (alleen voor de "
                   "vergelijking gelezen):")
        uit += [f"  regel {m.regel}: {m.tekst}" for m in herstel]
    if ander.delen.niet_geplaatst:
        uit.append(f"{naam}: {len(ander.delen.niet_geplaatst)} blokken niet geplaatst (alleen "
                   "voor de vergelijking gelezen)")
    return uit


def _rapport(dossier: Dossier, tekst: Gelezen, opmerkingen: list[str]) -> Rapport:
    kerntaken = dossier.alle_kerntaken()
    werkprocessen = [w for k in kerntaken for w in k.werkprocessen]
    afwijkingen = [f"{a.onderdeel} {a.veld}: {a.gebruikt!r} ({tekst.bron.naam}) / {a.andere!r} "
                   f"({a.andere_bron})" for a in dossier.herkomst.afwijkingen]
    return Rapport(
        dossier=dossier.id,
        bronnen=[f"{b.bestand} ({b.vorm}): {b.gebruikt_voor}" for b in dossier.herkomst.bronnen],
        aantallen={
            "profielen": len(dossier.profielen),
            "kerntaken": len(kerntaken),
            "werkprocessen": len(werkprocessen),
            "gedrag-items": sum(len(w.gedrag.items) for w in werkprocessen),
            "vakkennis-items": sum(len(c.items) for k in kerntaken if k.vakkennis
                                   for c in k.vakkennis.categorieen),
            "paginakoppen verwijderd": len(tekst.koppen.paginakoppen),
        },
        afgeleid=[f"{a.onderdeel}: {a.wat} ({a.bron}, regel {a.regel})"
                  for a in dossier.herkomst.afleidingen],
        niet_geplaatst=list(dossier.herkomst.niet_geplaatst),
        dekking=dekking(bron_woorden(tekst), data_woorden(dossier)),
        afwijkingen=afwijkingen,
        opmerkingen=opmerkingen + [f"{tekst.bron.naam}: kop wijkt af van het overzicht: {t}"
                                   for t in tekst.koppen.afwijkende_titels],
        hersteld=[f"{tekst.bron.naam} regel {m.regel}: {m.tekst}"
                  for m in meldingen(tekst) if m.zeker],
    )
