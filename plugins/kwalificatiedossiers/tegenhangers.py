"""Counterparts of werkprocessen across dossier generations.

``relaties.yaml`` says which uitstroom of an older dossier continues as which profiel of its
successor (a maintainer's judgement). Which werkproces continues which is computed here from
their texts and shown with its score: the titles compared by pieces of four letters (so that
"Verkoopt" meets "verkoopgesprek"), the texts (omschrijving, resultaat, gedrag) by their words,
both weighted by rarity as the version diff weighs them, the titles for 40%. On 24 pairs of the
real 2009 → Commercie relation that a person would match with confidence, the texts' words alone
found 12, titles and texts 18 (half and half: 17).

The score orders candidates; it is not a certainty, and the site says it was computed. A
maintainer can confirm a counterpart, or choose another or none, in the voortzetting's
``werkprocessen`` (:class:`~kwalificatiedossiers.model.relaties.Werkproceskoppeling`). Several
older werkprocessen may continue as one: the newer dossiers group the work in fewer, broader
werkprocessen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kwalificatiedossiers.model.corpus import AnyDossier
from kwalificatiedossiers.model.delen import Vergelijkdeel
from kwalificatiedossiers.model.relaties import Voortzetting
from kwalificatiedossiers.versieverschil import gelijkenis, gewogen

DREMPEL = 0.15
"""Below this score a werkproces has no clear counterpart."""
TITELGEWICHT = 0.4
_TEKSTVELDEN = ("omschrijving", "resultaat", "gewenst resultaat", "gedrag")
_WOORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Tegenhanger:
    """A werkproces of the voorganger and its counterpart in the opvolger."""

    voorganger: Vergelijkdeel
    opvolger: Vergelijkdeel | None
    """``None``: no clear counterpart (or, confirmed, none)."""
    score: float
    """How alike their texts are (0–1; 0 when there is no counterpart)."""
    bevestigd: bool
    """Whether a maintainer confirmed (or chose) it."""
    toelichting: str | None = None


def _woorden(deel: Vergelijkdeel) -> Counter[str]:
    tekst = " ".join([deel.titel, *(i for veld, items in deel.velden if veld in _TEKSTVELDEN
                                    for i in items)])
    return Counter(_WOORD.findall(tekst.lower()))


def _stukjes(titel: str) -> Counter[str]:
    """The title's words in pieces of four letters (with the word's edges marked)."""
    stukjes: Counter[str] = Counter()
    for woord in _WOORD.findall(titel.lower()):
        gemarkeerd = f"_{woord}_"
        stukjes.update(gemarkeerd[i:i + 4] for i in range(max(1, len(gemarkeerd) - 3)))
    return stukjes


def tegenhangers(voorganger: AnyDossier, opvolger: AnyDossier, voortzetting: Voortzetting
                 ) -> list[Tegenhanger]:
    """Per werkproces of the voorganger's profiel or uitstroom, in order: its counterpart among
    the werkprocessen of the one it continues as."""
    oud = voorganger.werkprocessen_van(voortzetting.voorganger)
    nieuw = opvolger.werkprocessen_van(voortzetting.opvolger)
    kanten = (("oud", oud), ("nieuw", nieuw))
    teksten = gewogen({(kant, d.code): _woorden(d) for kant, delen in kanten for d in delen})
    titels = gewogen({(kant, d.code): _stukjes(d.titel) for kant, delen in kanten for d in delen})

    def gelijk(a: str, b: str) -> float:
        return (TITELGEWICHT * gelijkenis(titels[("oud", a)], titels[("nieuw", b)])
                + (1 - TITELGEWICHT) * gelijkenis(teksten[("oud", a)], teksten[("nieuw", b)]))

    op_code = {d.code: d for d in nieuw}
    bevestigd = {k.voorganger: k for k in voortzetting.werkprocessen}
    uit = []
    for deel in oud:
        scores = sorted(((gelijk(deel.code, n.code), i) for i, n in enumerate(nieuw)),
                        key=lambda s: (-s[0], s[1]))
        koppeling = bevestigd.get(deel.code)
        if koppeling is not None:
            keuze = op_code.get(koppeling.opvolger) if koppeling.opvolger else None
            score = next((s for s, i in scores if nieuw[i] is keuze), 0.0)
            uit.append(Tegenhanger(deel, keuze, round(score, 2), True, koppeling.toelichting))
        elif scores and scores[0][0] >= DREMPEL:
            uit.append(Tegenhanger(deel, nieuw[scores[0][1]], round(scores[0][0], 2), False))
        else:
            uit.append(Tegenhanger(deel, None, 0.0, False))
    return uit
