"""Putting one dossier together from its sources: text from one, metadata from another.

The text of the site comes from one source, the one that holds the whole dossier (every code
of its overview has a section). The metadata comes from a source with a title page (a profile
extract), or, when none was given, from the dossier already in the output folder. Every other
source is compared with the text source, and each difference is recorded, never merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from dossierimport.fouten import ImportFout
from dossierimport.rapport import Rapport
from dossierimport.tekst.bestaand import Bestaand, zoek_bestaand
from dossierimport.tekst.lezen import Gelezen
from dossierimport.tekst.titelpagina import datum, domein
from dossierimport.tekst.vergelijken import velden, vergelijk
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


def kies_tekstbron(groep: list[Gelezen]) -> Gelezen:
    """The source whose body has every code of its overview; an error names what is missing."""
    for gelezen in groep:
        if not gelezen.ontbrekend:
            return gelezen
    beste = min(groep, key=lambda g: len(g.ontbrekend))
    ontbrekend = beste.ontbrekend
    lijst = ", ".join(ontbrekend[:6]) + (f" en {len(ontbrekend) - 6} meer" if len(ontbrekend) > 6
                                         else "")
    if beste.titelpagina.extract:
        melding = (f"dit is een profielextract: volgens het overzicht ontbreken {lijst}. De tekst "
                   "van de site komt uit het volledige dossier; geef dat ook mee")
    else:
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
    if bestaand is None:
        raise ImportFout(
            tekst.bron.naam, 1,
            "de titelpagina ontbreekt: deze bron noemt titel en crebo van het dossier niet, en "
            f"in {uit} staat geen dossier met hetzelfde overzicht. Geef ook een bron met "
            "titelpagina mee (zoals het profielextract): make import SRC=\"<dossiertekst> "
            "<profielextract>\" OUT=<map>",
        )
    return _van_bestaand(tekst, bestaand)


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
    profielen = tekst.overzicht.profielen()
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


def stel_samen(tekst: Gelezen, andere: list[Gelezen], uit: Path) -> tuple[Dossier, Rapport]:
    """The dossier and its import report."""
    meta = metadata(tekst, andere, uit)
    vergeleken = velden(tekst.delen, tekst.overzicht)
    opmerkingen = [f"{tekst.bron.naam}: {o}" for o in tekst.overzicht.opmerkingen]
    for ander in andere:
        vergelijking = vergelijk(vergeleken, velden(ander.delen, ander.overzicht), ander.bron.naam)
        meta.afwijkingen += vergelijking.afwijkingen
        opmerkingen += _opmerkingen_andere_bron(ander, vergelijking.alleen_aanhalingstekens)
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
    return dossier, rapport


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


def _opmerkingen_andere_bron(ander: Gelezen, aanhalingstekens: int) -> list[str]:
    naam = ander.bron.naam
    uit = [f"{naam}: {o}" for o in ander.overzicht.opmerkingen]
    uit += [f"{naam}: ook hier ontbreekt de kop {a.code} (regel {a.regel}); voor de vergelijking "
            "geplaatst uit het overzicht" for a in ander.koppen.afgeleid]
    if aanhalingstekens:
        uit.append(f"{naam}: {aanhalingstekens} woorden verschillen alleen in de vorm van "
                   "aanhalingstekens of apostrof (’ en ', “ en \"); niet als afwijking opgenomen")
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
    )
