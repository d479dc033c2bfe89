"""A seeded damage generator: a profile extract of the seeds as an OCR'd scan reads.

From the whole dossier (000) it cuts the extract of any profiel: leeswijzer, overview,
basisdeel, generieke onderdelen and that one profiel, without a title page (the extract 001 is
used whole, minus its title page). Then it applies, with a seeded random generator, every kind
of damage found in real OCR'd extracts:

1. list bullets without their space (``-kan``) or read as ``.``, ``]``, ``«``, ``e`` or ``o``,
   in whole lists or in part of one;
2. footers without spaces (``12van25``, ``12 van25``), some glued into a line of text, and
   running headers with OCR noise;
3. lost headings: the profiel's own heading, or every kerntaak and werkproces heading of the
   profiel at once, and single headings elsewhere;
4. the overview read column-wise (a run of codes, then a run of titles), wrapped titles glued
   to the next row, codes with lower case letters or stray characters, profiel rows lost;
5. letter damage (ë → é, ï → i, m → rn, l → 1), glued and split words;
6. the extract stands alone: no title page, its profiel numbered P1.

Every damage is logged with its line in the output, so a test can hold the importer to a report
line for each. The same seed gives the same text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import yaml

from brontekst import Pagina, _pagineer, paginas_000, regels_001
from conftest import DATA

_CODE = re.compile(r"\b(?P<deel>[BP])(?P<p>\d)(?:-K(?P<k>\d)(?:-W(?P<w>\d))?)?\b")
_ITEM = re.compile(r"^([-§•]) (\S.*)$")
_KOP = re.compile(r"^(?:B|P)\d(?:-K\d(?:-W\d)?)?:? \S")
LIDWOORDEN = ("De", "de", "het", "een")


@dataclass(frozen=True)
class Schade:
    """One damage: its kind, the line (1-based) in the output, and what it was."""

    soort: str
    regel: int
    was: str
    werd: str


@dataclass
class Extract:
    """The damaged text, its damages, and the codes the extract uses for the dossier's."""

    tekst: str
    schade: list[Schade]
    profiel: str
    """The profiel in the dossier (``P2``)."""
    extract_code: str
    """The code the extract gives it (``P1`` when renumbered)."""

    def soorten(self) -> set[str]:
        """The kinds of damage applied."""
        return {s.soort for s in self.schade}


@dataclass
class _Regels:
    regels: list[str]
    rng: random.Random
    log: list[tuple[str, int, str, str]] = field(default_factory=list)

    def zet(self, soort: str, index: int, nieuw: str) -> None:
        self.log.append((soort, index, self.regels[index], nieuw))
        self.regels[index] = nieuw


def _knip_profiel(regels: list[str], profiel: str, hernummer: bool) -> list[str]:
    """Leeswijzer, overview, basisdeel and generieke onderdelen, and one profiel."""
    body = max(i for i, r in enumerate(regels) if r == "Basisdeel")
    profieldeel = next(i for i in range(body, len(regels)) if regels[i] == "Profieldeel")
    nummer = int(profiel[1:])

    def profielkop(i: int, n: int) -> bool:
        return re.match(rf"^P{n} [A-Z]", regels[i]) is not None

    begin = next(i for i in range(profieldeel, len(regels)) if profielkop(i, nummer))
    einde = next((i for i in range(begin + 1, len(regels)) if profielkop(i, nummer + 1)),
                 len(regels))
    uit = regels[:profieldeel + 1] + regels[begin:einde]
    if not hernummer:
        return uit
    # The overview lists only this profiel, numbered P1 (the table does too).
    lijst = next(i for i, r in enumerate(uit) if r == "Profieldeel")
    eerste = next(i for i in range(lijst, body) if profielkop(i, nummer))
    laatste = next((i for i in range(eerste + 1, body) if profielkop(i, nummer + 1)), body)
    uit = uit[:lijst + 2] + uit[eerste:laatste] + uit[body:]
    return [re.sub(rf"\bP{nummer}(?=[- ]|$)", "P1", r) for r in uit]


def _tabel(regels: list[str], profiel: str, code: str) -> list[str]:
    """The overview's table of profielen reduced to the extract's own row."""
    data = yaml.safe_load((DATA / "commercie" / "profielen" / f"{profiel.lower()}.yaml")
                          .read_text(encoding="utf-8"))
    kop = regels.index("Overzicht van het kwalificatiedossier")
    lijst = next(i for i in range(kop, len(regels))
                 if regels[i] == "Basisdeel" or regels[i].startswith("B1-K1 "))
    rij = (f"{code} {data['titel']} {data['niveau']} {data['beroepsvereisten']} "
           f"{data['typering_kwalificatie']}")
    tabel = ["Naam profiel Mbo-niveau", "", "(EQF-niveau)",
             "Beroepsvereisten Typering van de kwalificatie", "", rij, ""]
    return regels[:kop + 1] + tabel + regels[lijst:]


def maak_extract(bron: str, profiel: str, seed: int) -> Extract:
    """A damaged profile extract of ``profiel`` from seed ``000`` or ``001``."""
    rng = random.Random(f"{bron}-{profiel}-{seed}")
    if bron == "000":
        regels = [r for p in paginas_000() for r in p.regels]
        hernummer = rng.random() < 0.5
        regels = _knip_profiel(regels, profiel, hernummer)
    else:
        assert profiel == "P4", "the extract 001 holds P4 only"
        regels = regels_001()
        regels = regels[regels.index("Leeswijzer"):]  # no title page
        hernummer = False
    extract_code = "P1" if hernummer else profiel
    regels = _tabel(regels, profiel, "P1")
    werk = _Regels(regels, rng)
    _overzicht(werk)
    _koppen(werk, extract_code)
    _bullets(werk)
    _letters(werk)
    paginas = _pagineer([werk.regels])
    tekst, schade = _opmaak(paginas, werk, rng)
    return Extract(tekst, schade, profiel, extract_code)


def _overzicht_bereik(regels: list[str]) -> tuple[int, int]:
    kop = regels.index("Overzicht van het kwalificatiedossier")
    return kop, max(i for i, r in enumerate(regels) if r == "Basisdeel")


def _schade_code(code: str, rng: random.Random) -> str:
    keuze = rng.randrange(3)
    if keuze == 0:
        return code[:-2] + code[-2].lower() + code[-1]  # P3-K2-w1
    if keuze == 1:
        return code[:-1] + "?" + code[-1]  # B1-K1-W?2
    return code.replace("-", " ").replace("1", "L", 1)  # B KL W2 (a digit read as a letter)


def _overzicht(werk: _Regels) -> None:
    """Column-wise blocks, glued wrapped titles, damaged codes, a lost profiel row."""
    rng = werk.rng
    kop, einde = _overzicht_bereik(werk.regels)
    for i in range(kop, einde):
        regel = werk.regels[i]
        if re.match(r"^P\d .* (vak|middenkader|specialisten)opleiding$", regel) and \
                rng.random() < 0.3:
            werk.zet("profielrij verloren", i, "")
    # Code damage in the lists.
    for i in range(kop, einde):
        treffer = re.match(r"^((?:B|P)\d-K\d-W\d) ", werk.regels[i])
        if treffer and rng.random() < 0.12:
            werk.zet("code beschadigd", i, werk.regels[i].replace(
                treffer[1], _schade_code(treffer[1], rng), 1))
    # A wrapped title whose second line the OCR put after the next row's code.
    for i in range(kop, einde - 3):
        regel, vervolg = werk.regels[i:i + 2]
        j = i + 2 if werk.regels[i + 2] else i + 3
        volgende = werk.regels[j]
        if (re.match(r"^(?:B|P)\d-K\d-W\d ", regel) and vervolg and vervolg[0].islower()
                and re.match(r"^(?:B|P)\d-K\d-W\d \S", volgende) and rng.random() < 0.5):
            code, rest = volgende.split(" ", 1)
            werk.zet("titel aan volgende rij geplakt", j, f"{code} {vervolg} {rest}")
            werk.zet("titel aan volgende rij geplakt", i + 1, "")
    # Werkprocessen of one kerntaak read column-wise: the codes, then the titles.
    for i in range(kop, einde):
        rij = re.match(r"^((?:B|P)\d-K\d) (\S.*?) ((?:B|P)\d-K\d-W1) (\S.*)$", werk.regels[i])
        if rij is None or rng.random() < 0.5:
            continue
        blok = [i]
        j = i + 1
        while j < einde and (not werk.regels[j] or re.match(
                rf"^{re.escape(rij[1])}-W\d \S", werk.regels[j])):
            if werk.regels[j]:
                blok.append(j)
            j += 1
        if len(blok) < 3 or any("?" in werk.regels[b] or " KL " in werk.regels[b] for b in blok):
            continue
        codes = [rij[3]] + [werk.regels[b].split(" ", 1)[0] for b in blok[1:]]
        titels = [rij[4]] + [werk.regels[b].split(" ", 1)[1] for b in blok[1:]]
        werk.zet("overzicht kolomsgewijs", blok[0], f"{rij[1]} {rij[2]} {' '.join(codes)}")
        for b, t in zip(blok[1:], titels[:-1], strict=True):
            werk.zet("overzicht kolomsgewijs", b, t)
        werk.regels[blok[-1]] += "\n" + titels[-1]


def _koppen(werk: _Regels, profiel: str) -> None:
    """Lose the profiel heading, or all its kerntaak and werkproces headings, or a few."""
    rng = werk.rng
    _, body = _overzicht_bereik(werk.regels)
    profielkop = next(i for i in range(body, len(werk.regels))
                      if re.match(rf"^{profiel} [A-Z]", werk.regels[i]))
    if rng.random() < 0.6:
        werk.zet("kop verloren", profielkop, "")
    alles = rng.random() < 0.4
    gezien: set[str] = set()
    for i in range(body, len(werk.regels)):
        treffer = _KOP.match(werk.regels[i])
        if treffer is None:
            continue
        code = werk.regels[i].split()[0].rstrip(":")
        if code in gezien:
            continue
        gezien.add(code)
        if (alles and i > profielkop) or rng.random() < 0.06:
            werk.zet("kop verloren", i, "")


def _bullets(werk: _Regels) -> None:
    rng = werk.rng
    _, body = _overzicht_bereik(werk.regels)
    for i in range(body, len(werk.regels)):
        treffer = _ITEM.match(werk.regels[i])
        if treffer is None:
            continue
        kans = rng.random()
        if kans < 0.25:
            werk.zet("bullet zonder spatie", i, f"{treffer[1]}{treffer[2]}")
        elif kans < 0.5:
            werk.zet("bullet als teken", i, f"{rng.choice('.]«eo')} {treffer[2]}")


_LETTERSCHADE = (("ë", "é"), ("ï", "i"), ("m", "rn"), ("l", "1"))


def _letters(werk: _Regels) -> None:
    """Confused letters, glued and split words, in about one word of 60."""
    rng = werk.rng
    for i, regel in enumerate(werk.regels):
        if not regel or (_KOP.match(regel) and rng.random() < 0.7):
            continue
        woorden = regel.split(" ")
        veranderd = False
        for j, woord in enumerate(woorden):
            if rng.random() > 1 / 60 or not re.fullmatch(r"[a-zA-Zà-ÿ]{4,}[,.;]?", woord):
                continue
            keuze = rng.randrange(4)
            if keuze == 0:
                paren = [(a, b) for a, b in _LETTERSCHADE if a in woord[1:-1]]
                if paren:
                    a, b = rng.choice(paren)
                    woorden[j] = woord[0] + woord[1:].replace(a, b, 1)
            elif keuze == 1 and j > 0 and woorden[j - 1] in LIDWOORDEN:
                woorden[j - 1] += woord
                woorden[j] = ""
            elif keuze == 2 and j + 1 < len(woorden) and woorden[j + 1] in ("in", "van", "op"):
                woorden[j] = woord + woorden[j + 1]
                woorden[j + 1] = ""
            elif keuze == 3 and len(woord) >= 12:
                knip = rng.randrange(5, len(woord) - 5)
                woorden[j] = f"{woord[:knip]} {woord[knip:]}"
            veranderd = veranderd or woorden[j] != woord
        if veranderd:
            werk.zet("letters", i, " ".join(w for w in woorden if w))


def _ruis(kop: str, rng: random.Random) -> str:
    return rng.choice([f"‘{kop}", f"{kop} |", kop.replace(": ", ":"), f"_ {kop}", kop + " ."])


def _opmaak(paginas: list[Pagina], werk: _Regels, rng: random.Random
            ) -> tuple[str, list[Schade]]:
    """Pages as OCR writes them: noisy headers, damaged footers; the log gets line numbers."""
    log = {(was, werd): soort for soort, _, was, werd in werk.log}
    uit: list[str] = []
    schade: list[Schade] = []
    for nummer, pagina in enumerate(paginas, start=1):
        if pagina.kop:
            kop = _ruis(pagina.kop, rng) if rng.random() < 0.5 else pagina.kop
            if kop != pagina.kop:
                schade.append(Schade("paginakop met ruis", len(uit) + 1, pagina.kop, kop))
            uit.append(kop)
        for regel in pagina.regels:
            for deel in regel.split("\n"):
                uit.append(deel)
        voet = f"{nummer} van {len(paginas)}"
        kans = rng.random()
        if kans < 0.2 and uit and uit[-1]:
            schade.append(Schade("voettekst in regel", len(uit), voet, uit[-1] + " " + voet))
            uit[-1] += " " + voet.replace(" ", "", rng.randrange(2))
            continue
        if kans < 0.6:
            voet = rng.choice([voet.replace(" ", ""), voet.replace("van ", "van")])
            schade.append(Schade("voettekst zonder spaties", len(uit) + 2, f"{nummer} van",
                                 voet))
        uit += ["", voet]
    # Damages made before pagination: find their lines by their text.
    plek: dict[str, list[int]] = {}
    for n, regel in enumerate(uit, start=1):
        plek.setdefault(regel, []).append(n)
    for (was, werd), soort in log.items():
        for deel in werd.split("\n")[:1]:
            for n in plek.get(deel, [0])[:1] if deel else []:
                schade.append(Schade(soort, n, was, werd))
        if not werd:
            schade.append(Schade(soort, 0, was, werd))
    return "\n".join(uit) + "\n", sorted(schade, key=lambda s: s.regel)
