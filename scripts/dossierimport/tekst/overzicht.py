"""The overview at the top of a dossier: every profiel, kerntaak and werkproces, in order.

The overview ("Overzicht van het kwalificatiedossier") is the dossier's own table of contents:
a table of the profielen (niveau, beroepsvereisten, typering van de kwalificatie) and the lists
of kerntaken and werkprocessen of the basisdeel and of every profiel, with titles hard-wrapped
and codes and titles sometimes on one line. It tells a running header from a real heading and
places the sections whose heading the extraction lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossierimport.fouten import ImportFout
from dossierimport.tekst.stukken import CODE, Stuk, voeg_samen

_RIJ = re.compile(
    r"^(?P<code>P\d{1,2}) (?P<titel>.+?) (?P<niveau>[1-4]) (?P<eisen>.+?) "
    r"(?P<typering>\S*opleiding)$"
)
_CODE_IN_LIJST = re.compile(rf"(?<!\S)({CODE})(?=\s)")
_KOPJES = {"Basisdeel", "Profieldeel"}


@dataclass(frozen=True)
class ProfielRij:
    """One row of the overview's table of profielen."""

    code: str
    titel: str
    niveau: int
    beroepsvereisten: str
    typering: str
    regel: int


@dataclass
class Overzicht:
    """Codes and titles of the overview, in its order."""

    titels: dict[str, str] = field(default_factory=dict)
    """Code → title, in the order the overview lists them."""
    regels: dict[str, int] = field(default_factory=dict)
    """Code → the source line that lists it."""
    rijen: list[ProfielRij] = field(default_factory=list)
    """The table of profielen."""
    opmerkingen: list[str] = field(default_factory=list)
    """Inconsistencies within the overview."""

    def onder(self, code: str) -> list[str]:
        """The codes directly below ``code`` (``P2`` → its kerntaken), in overview order."""
        return [c for c in self.titels if ouder(c) == code]

    def profielen(self) -> list[str]:
        """The profiel codes, in overview order."""
        return [c for c in self.titels if "-" not in c]

    def kenmerk(self) -> frozenset[tuple[str, str]]:
        """What identifies the dossier: codes and titles of its profielen and kerntaken."""
        return frozenset((c, t) for c, t in self.titels.items() if "-W" not in c)

    def rij(self, code: str) -> ProfielRij | None:
        """The table row of a profiel, matched by title (the table's codes are not trusted)."""
        titel = self.titels.get(code)
        return next((r for r in self.rijen if r.titel == titel), None)


def ouder(code: str) -> str:
    """The code one level up: ``P4-K1-W2`` → ``P4-K1``, ``P4-K1`` → ``P4``, ``B1-K1`` → ``B1``."""
    return code.rsplit("-", 1)[0] if "-" in code else ""


def lees_overzicht(stukken: list[Stuk], bestand: str) -> Overzicht:
    """Read the overview from its pieces (everything between its heading and the body)."""
    overzicht = Overzicht()
    eerste_kerntaak = next(
        (i for i, s in enumerate(stukken) if re.search(r"(?:B|P)\d{1,2}-K\d", s.tekst)),
        len(stukken),
    )
    _lees_tabel(stukken[:eerste_kerntaak], overzicht, bestand)
    _lees_lijsten(stukken[eerste_kerntaak:], overzicht)
    if not any("-W" in c for c in overzicht.titels):
        regel = stukken[0].regel if stukken else None
        raise ImportFout(bestand, regel, "het overzicht noemt geen werkprocessen")
    _controleer_tabel(overzicht)
    return overzicht


def _lees_tabel(stukken: list[Stuk], overzicht: Overzicht, bestand: str) -> None:
    """Rows start with a profiel code and end with the typering; titles may wrap."""
    rij = ""
    begin = 0
    for stuk in stukken:
        if re.match(r"^P\d{1,2} ", stuk.tekst) and not rij:
            rij, begin = stuk.tekst, stuk.regel
        elif rij:
            rij = voeg_samen(rij, stuk.tekst)
        gevonden = _RIJ.match(rij)
        if gevonden:
            overzicht.rijen.append(ProfielRij(
                gevonden["code"], gevonden["titel"], int(gevonden["niveau"]),
                gevonden["eisen"], gevonden["typering"], begin,
            ))
            rij = ""
    if rij:
        raise ImportFout(bestand, begin, f"onvolledige rij in de tabel van profielen: {rij!r}")


def _lees_lijsten(stukken: list[Stuk], overzicht: Overzicht) -> None:
    """Join the lists into one text (titles wrap), then split it at every code."""
    tekst = ""
    plekken: list[tuple[int, int]] = []  # (offset in tekst, source line)
    for stuk in stukken:
        if stuk.tekst in _KOPJES or stuk.tekst.endswith(":"):
            continue  # "Basisdeel", "De profielen ... hebben de volgende ... werkprocessen:"
        plekken.append((len(tekst) + 1 if tekst else 0, stuk.regel))
        tekst = voeg_samen(tekst, stuk.tekst)
    treffers = list(_CODE_IN_LIJST.finditer(tekst))
    for nummer, treffer in enumerate(treffers):
        einde = treffers[nummer + 1].start() if nummer + 1 < len(treffers) else len(tekst)
        titel = tekst[treffer.end():einde].strip()
        regel = max(r for offset, r in plekken if offset <= treffer.start())
        _voeg_toe(overzicht, treffer[1], titel, regel)


def _voeg_toe(overzicht: Overzicht, code: str, titel: str, regel: int) -> None:
    bekend = overzicht.titels.get(code)
    if bekend is None:
        overzicht.titels[code] = titel
        overzicht.regels[code] = regel
    elif bekend != titel:
        overzicht.opmerkingen.append(
            f"het overzicht noemt {code} twee keer met verschillende titels: {bekend!r} "
            f"(regel {overzicht.regels[code]}) en {titel!r} (regel {regel}); de eerste is gebruikt"
        )
    # The same code and title again is a running page header inside the overview.


def _controleer_tabel(overzicht: Overzicht) -> None:
    for rij in overzicht.rijen:
        titel = overzicht.titels.get(rij.code)
        if titel == rij.titel:
            continue
        echte = [c for c in overzicht.profielen() if overzicht.titels[c] == rij.titel]
        waar = f"; volgens de lijst is dat {echte[0]}" if echte else ""
        overzicht.opmerkingen.append(
            f"de tabel van profielen (regel {rij.regel}) noemt '{rij.code} {rij.titel}', maar de "
            f"lijst van het profieldeel noemt {rij.code} '{titel}'{waar}; de rij is op titel "
            "toegekend"
        )
