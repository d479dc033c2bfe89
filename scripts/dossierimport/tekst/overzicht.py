"""The overview at the top of a dossier: every profiel, kerntaak and werkproces, in order.

The overview ("Overzicht van het kwalificatiedossier") is the dossier's own table of contents:
a table of the profielen (niveau, beroepsvereisten, typering van de kwalificatie) and the lists
of kerntaken and werkprocessen of the basisdeel and of every profiel, with titles hard-wrapped
and codes and titles sometimes on one line. It tells a running header from a real heading and
places the sections whose heading the extraction lost.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field

from dossierimport.fouten import ImportFout
from dossierimport.tekst.herstel import Melding
from dossierimport.tekst.stukken import CODE, Stuk, voeg_samen

_RIJ = re.compile(
    r"^(?P<code>P\d{1,2}) (?P<titel>.+?) (?P<niveau>[1-4]) (?P<eisen>.+?) "
    r"(?P<typering>\S*opleiding)$"
)
_CIJFER = r"[0-9lIL|!?]{1,3}"
_CODE_IN_LIJST = re.compile(
    rf"(?<!\S)(?:(?P<ocr>[BP8] ?(?:{_CIJFER})?[\s\-–—.]{{0,2}}[Kk] ?{_CIJFER}"
    rf"(?:[\s\-–—.]{{0,2}}[WwVv] ?{_CIJFER})?)|(?P<code>{CODE}))(?=\s|$)")
"""A code as printed, or as OCR damaged it (``P3-K2-w1``, ``B1-K1-W?2``, ``B KL W2``)."""
_OCR_CIJFERS = str.maketrans("lIL|!", "11111", "?")
_GELIJKE_TITEL = 0.85
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
    meldingen: list[Melding] = field(default_factory=list)
    """Misreadings of the overview repaired, or left to check by hand, with their lines."""

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
        """The table row of a profiel, matched by title (the table's codes are not trusted;
        an OCR'd title may differ by a letter)."""
        titel = self.titels.get(code, "")
        return next((r for r in self.rijen if lijkt_op(r.titel, titel)), None)


def lijkt_op(a: str, b: str) -> bool:
    """Whether two titles are the same title read twice (OCR may change a letter or two)."""
    return a == b or difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= \
        _GELIJKE_TITEL


def ouder(code: str) -> str:
    """The code one level up: ``P4-K1-W2`` → ``P4-K1``, ``P4-K1`` → ``P4``, ``B1-K1`` → ``B1``."""
    return code.rsplit("-", 1)[0] if "-" in code else ""


def lees_overzicht(stukken: list[Stuk], bestand: str) -> Overzicht:
    """Read the overview from its pieces (everything between its heading and the body)."""
    overzicht = Overzicht()
    eerste_kerntaak = next(
        (i for i, s in enumerate(stukken) if _CODE_IN_LIJST.search(s.tekst) and "-" in s.tekst
         and not _RIJ.match(s.tekst)),
        len(stukken),
    )
    _lees_tabel(stukken[:eerste_kerntaak], overzicht)
    _lees_lijsten(stukken[eerste_kerntaak:], overzicht)
    if not any("-W" in c for c in overzicht.titels):
        regel = stukken[0].regel if stukken else None
        raise ImportFout(bestand, regel, "het overzicht noemt geen werkprocessen")
    _controleer_tabel(overzicht)
    return overzicht


def _lees_tabel(stukken: list[Stuk], overzicht: Overzicht) -> None:
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
        overzicht.meldingen.append(Melding(
            begin, f"rij van de tabel van profielen niet gelezen: {rij!r} (niveau en typering "
            "komen dan uit het profiel zelf)", zeker=False))


@dataclass
class _Code:
    """A code in the lists, its title text and the source lines that text spans."""

    code: str
    gelezen: str
    titel: str
    regels: list[tuple[int, str]]
    """(source line, text) of every line the title spans."""


def _lees_lijsten(stukken: list[Stuk], overzicht: Overzicht) -> None:
    """Join the lists into one text (titles wrap), split it at every code, then repair what
    the OCR misread: damaged codes, titles read column-wise, wrapped titles glued on."""
    tekst = ""
    plekken: list[tuple[int, int, str]] = []  # (offset in tekst, source line, line text)
    for stuk in stukken:
        if stuk.tekst in _KOPJES or stuk.tekst.endswith(":"):
            continue  # "Basisdeel", "De profielen ... hebben de volgende ... werkprocessen:"
        plekken.append((len(tekst) + 1 if tekst else 0, stuk.regel, stuk.tekst))
        tekst = voeg_samen(tekst, stuk.tekst)
    treffers = list(_CODE_IN_LIJST.finditer(tekst))
    codes: list[_Code] = []
    stand = _Volgorde()
    for nummer, treffer in enumerate(treffers):
        einde = treffers[nummer + 1].start() if nummer + 1 < len(treffers) else len(tekst)
        code = stand.lees(treffer["ocr"] or treffer["code"])
        if code is None:
            continue
        regels = [(r, t) for o, r, t in plekken if treffer.start() <= o + len(t) and o < einde]
        codes.append(_Code(code, treffer[0], tekst[treffer.end():einde].strip(), regels))
    for item in codes:
        if item.gelezen != item.code:
            overzicht.meldingen.append(Melding(
                item.regels[0][0], f"code {item.gelezen!r} in het overzicht gelezen als "
                f"{item.code} (de volgorde van het overzicht)"))
    _kolomsgewijs(codes, overzicht)
    _geplakte_titels(codes, overzicht)
    for item in codes:
        _voeg_toe(overzicht, item.code, item.titel, item.regels[0][0])


class _Volgorde:
    """Reads codes in overview order, filling digits the OCR lost from the codes before."""

    def __init__(self) -> None:
        self.deel: dict[str, int] = {}
        self.kerntaak = 0
        self.werkproces = 0

    def lees(self, gelezen: str) -> str | None:
        delen = re.findall(r"([BP8KkWwVv])\s*([0-9lIL|!?]*)", gelezen.replace("-", " "))
        if not delen:
            return None
        deel = "B" if delen[0][0] == "8" else delen[0][0]
        getallen = [int(g) if (g := c.translate(_OCR_CIJFERS)) else None for _, c in delen]
        p = getallen[0] if getallen[0] is not None else self.deel.get(deel, 1)
        if p != self.deel.get(deel):
            self.kerntaak = self.werkproces = 0
        self.deel[deel] = p
        if len(delen) == 1:
            return f"{deel}{p}"
        k = getallen[1] if getallen[1] is not None else max(self.kerntaak, 1)
        if k != self.kerntaak:
            self.werkproces = 0
        self.kerntaak = k
        if len(delen) == 2:
            return f"{deel}{p}-K{k}"
        w = getallen[2] if getallen[2] is not None else self.werkproces + 1
        self.werkproces = w
        return f"{deel}{p}-K{k}-W{w}"


def _titels_per_regel(regels: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines grouped into titles: a title starts with a capital, a wrapped line does not."""
    titels: list[tuple[int, str]] = []
    for regel, ruw in regels:
        tekst = _CODE_IN_LIJST.sub("", ruw).strip()
        # A line may end one title and start the next (``kansen Brengt het …``).
        woorden = tekst.split()
        grens = next((i for i, w in enumerate(woorden) if w[:1].isupper()), len(woorden))
        vervolg, nieuw = " ".join(woorden[:grens]), " ".join(woorden[grens:])
        if vervolg and titels:
            titels[-1] = (titels[-1][0], voeg_samen(titels[-1][1], vervolg))
        elif vervolg:
            nieuw = tekst
        if nieuw:
            titels.append((regel, nieuw))
    return titels


def _kolomsgewijs(codes: list[_Code], overzicht: Overzicht) -> None:
    """A run of codes without titles followed by one with all the titles: the OCR read the
    table column by column. The titles are dealt out in order, one per line group."""
    i = 0
    while i < len(codes):
        j = i
        while j < len(codes) and not codes[j].titel:
            j += 1
        if j == i or j == len(codes):
            i = j + 1
            continue
        run = codes[i:j + 1]
        titels = _titels_per_regel(codes[j].regels)
        # The line with the last code may also carry the previous kerntaak's title.
        titels = [t for t in titels if t[1] and t[1] in codes[j].titel]
        if len(titels) == len(run):
            overzicht.meldingen.append(Melding(
                run[0].regels[0][0], f"overzicht kolomsgewijs gelezen: de codes "
                f"{', '.join(i.code for i in run)} staan zonder titel achter elkaar, hun titels "
                "volgen eronder"))
            for item, (regel, titel) in zip(run, titels, strict=True):
                item.titel = titel
                overzicht.meldingen.append(Melding(
                    regel, f"overzicht kolomsgewijs gelezen: titel {titel!r} toegekend aan "
                    f"{item.code} (codes en titels in dezelfde volgorde)"))
        else:
            for item in run[:-1]:
                overzicht.meldingen.append(Melding(
                    item.regels[0][0], f"{item.code} heeft in het overzicht geen titel; de "
                    f"titels staan samen achter {codes[j].code}: {codes[j].titel!r}",
                    zeker=False))
        i = j + 1


def _geplakte_titels(codes: list[_Code], overzicht: Overzicht) -> None:
    """A title that starts in lower case begins with the wrapped end of the title before."""
    for vorige, item in itertools.pairwise(codes):
        woorden = item.titel.split()
        n = 0
        while n < len(woorden) and not woorden[n][:1].isupper():
            n += 1
        if n == 0 or n == len(woorden) or not vorige.titel:
            continue
        stuk = " ".join(woorden[:n])
        vorige.titel = voeg_samen(vorige.titel, stuk)
        item.titel = " ".join(woorden[n:])
        overzicht.meldingen.append(Melding(
            item.regels[0][0], f"overzicht: {stuk!r} stond achter {item.code} maar is het "
            f"afgebroken slot van de titel van {vorige.code}; verplaatst"))


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
