"""Reading building blocks shared by the parts of a competentiegericht dossier: sections by
heading, free-form text, label/value tables, proces-competentie-matrices and level grids."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dossierimport.competentiegericht.blokken import Element, lees_cel, lijstitem
from dossierimport.competentiegericht.verslag import Verslag
from dossierimport.fouten import ImportFout
from dossierimport.woorden import normaliseer_witruimte
from kwalificatiedossiers.model.competentiegericht import MatrixRij
from kwalificatiedossiers.model.tekst import Blok, Kop, Lijst, Tabel, TabelInhoud

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXY"
WERKPROCES_CODE = re.compile(r"^(\d{1,2})\.(\d{1,2})$")
GENUMMERDE_KOP = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?\.?\s+(\S.*)$")

Sectie = tuple[Element, list[Element]]
"""A heading and the elements below it (up to the next heading of the same kind)."""


def splits(
    elementen: Sequence[Element], is_kop: Callable[[Element], bool]
) -> tuple[list[Element], list[Sectie]]:
    """Split at every element for which ``is_kop`` holds: the elements before the first one,
    and every such element with the elements that follow it."""
    voor: list[Element] = []
    secties: list[Sectie] = []
    for element in elementen:
        if is_kop(element):
            secties.append((element, []))
        elif secties:
            secties[-1][1].append(element)
        else:
            voor.append(element)
    return voor, secties


def is_hoofdstukkop(element: Element) -> bool:
    """A Markdown heading that starts with a chapter number (``4``, ``4.1``)."""
    return element.soort == "kop" and bool(GENUMMERDE_KOP.match(element.tekst))


def hoofdstukken(sectie: Sectie, verslag: Verslag, bestand: str, wat_ervoor: str,
                 is_kop: Callable[[Element], bool] = is_hoofdstukkop) -> Zoeker:
    """The numbered chapters of a part (deel B, C, D), to be asked for by title.

    Text before the first chapter has no place; each element of it is reported, prefixed with
    ``wat_ervoor``.
    """
    kop, inhoud = sectie
    voor, secties = splits(inhoud, is_kop)
    for element in voor:
        verslag.niet_plaatsen(element.regel, f"{wat_ervoor}{element.tekst[:60]}")
    return Zoeker(secties, bestand, kop.regel)


class Zoeker:
    """Find the numbered sections of a part by title; remember which were used."""

    def __init__(self, secties: list[Sectie], bestand: str, regel: int) -> None:
        self.secties = secties
        self.bestand = bestand
        self.regel = regel
        self.gebruikt: set[int] = set()

    def _vind(self, titel: str) -> int | None:
        for i, (kop, _) in enumerate(self.secties):
            gevonden = GENUMMERDE_KOP.match(kop.tekst)
            if gevonden and gevonden.group(3).lower().startswith(titel.lower()):
                return i
        return None

    def _index(self, titel: str) -> int:
        i = self._vind(titel)
        if i is None:
            raise ImportFout(self.bestand, self.regel, f"verwacht het hoofdstuk '{titel}', maar "
                             "die kop staat niet in de bron")
        return i

    def heeft(self, titel: str) -> bool:
        """Whether the part has a section titled ``titel``."""
        return self._vind(titel) is not None

    def een(self, titel: str) -> Sectie:
        """The section titled ``titel``."""
        i = self._index(titel)
        self.gebruikt.add(i)
        return self.secties[i]

    def met_onderdelen(self, titel: str) -> tuple[list[Element], list[Sectie]]:
        """The text of chapter ``titel`` (e.g. "4 …") and its numbered subsections ("4.1 …")."""
        i = self._index(titel)
        self.gebruikt.add(i)
        hoofd = (GENUMMERDE_KOP.match(self.secties[i][0].tekst) or [None, ""])[1]
        onderdelen = []
        for j, (kop, inhoud) in enumerate(self.secties):
            gevonden = GENUMMERDE_KOP.match(kop.tekst)
            if gevonden and gevonden.group(1) == hoofd and gevonden.group(2):
                self.gebruikt.add(j)
                onderdelen.append((kop, inhoud))
        return self.secties[i][1], onderdelen

    def rest_niet_geplaatst(self, verslag: Verslag) -> None:
        """Report sections no reader asked for (their text must not vanish silently)."""
        for i, (kop, inhoud) in enumerate(self.secties):
            if i not in self.gebruikt and inhoud:
                verslag.niet_plaatsen(kop.regel, f"hoofdstuk '{kop.tekst}' heeft geen plaats "
                                      "in het model")


# --- free-form text ---------------------------------------------------------------------------


def als_tekst(elementen: Sequence[Element], verslag: Verslag) -> list[Blok]:
    """Free-form text: paragraphs, lists, headings (also paragraphs wholly in bold or italics)
    and tables (tab-separated rows; a table continued after a page break is joined)."""
    blokken: list[Blok] = []
    rijen: list[Element] = []
    for element in [*elementen, None]:
        if element is not None and element.soort == "rij":
            rijen.append(element)
            continue
        if rijen:
            _voeg_tabel_toe(blokken, rijen, verslag)
            rijen = []
        if element is None:
            break
        if element.soort == "lijn":
            verslag.verwijder(element.regel, "tabelscheidingslijn (opmaak)")
        elif element.soort == "kop":
            blokken.append(Kop(kop=element.tekst))
        elif element.soort == "lijst":
            items = [lijstitem(i) for i in element.items]
            blokken.append(Lijst(lijst=[i for i in items if i]))
        else:
            cel = lees_cel(element.ruw)
            if cel.nadruk and len(cel.blokken) == 1:
                blokken.append(Kop(kop=cel.tekst))
            else:
                blokken.extend(cel.blokken)
    return blokken


def _voeg_tabel_toe(blokken: list[Blok], rijen: list[Element], verslag: Verslag) -> None:
    tabel = tabel_van(rijen)
    vorige = blokken[-1] if blokken else None
    if isinstance(vorige, Tabel) and len(tabel.kolommen) == len(vorige.tabel.kolommen):
        verslag.afgeleid("tabel", f"tabel loopt door na een paginaovergang (regel "
                         f"{rijen[0].regel}); aangesloten op de tabel erboven", rijen[0].regel)
        inhoud = TabelInhoud(kolommen=vorige.tabel.kolommen,
                             rijen=[*vorige.tabel.rijen, tabel.kolommen, *tabel.rijen])
        blokken[-1] = Tabel(tabel=inhoud)
    else:
        blokken.append(Tabel(tabel=tabel))


def tabel_van(rijen: Sequence[Element]) -> TabelInhoud:
    """A table: the first row is the header; rows are padded to the widest row."""
    cellen = [[lees_cel(c).tekst for c in rij.cellen] for rij in rijen]
    breedte = max(max((i + 1 for i, c in enumerate(r) if c), default=1) for r in cellen)
    gelijk = [(r + [""] * breedte)[:breedte] for r in cellen]
    return TabelInhoud(kolommen=gelijk[0], rijen=gelijk[1:])


# --- label/value tables -----------------------------------------------------------------------


@dataclass(frozen=True)
class Veld:
    """A row "label<TAB>value" of a facts table."""

    label: str
    waarde: str
    """The raw value cell(s), joined."""
    regel: int

    @classmethod
    def van(cls, rij: Element) -> Veld:
        """A row read as label (first cell, as text) and value (the other filled cells)."""
        waarde = "  ".join(c for c in rij.cellen[1:] if c.strip())
        return cls(lees_cel(rij.cellen[0]).tekst, waarde, rij.regel)


def velden(elementen: Sequence[Element]) -> list[Veld]:
    """The label/value rows among ``elementen``."""
    return [Veld.van(e) for e in elementen if e.soort == "rij" and e.cellen[0].strip()]


# --- proces-competentie-matrices --------------------------------------------------------------


@dataclass
class MatrixRegel:
    """A data row of a proces-competentie-matrix."""

    werkproces: str
    titel: str
    regel: int
    kruisjes: list[str] = field(default_factory=list)
    """Letters of the columns marked with x."""
    vakjes: list[str] = field(default_factory=list)
    """Letters of the columns that hold a box (checkbox)."""
    los: list[int] = field(default_factory=list)
    """Cell numbers with a mark under no letter of the header."""


@dataclass
class Matrix:
    """A proces-competentie-matrix as printed."""

    regels: list[MatrixRegel] = field(default_factory=list)
    namen: list[str] = field(default_factory=list)
    """The competence names of the header row, as printed."""
    eerste_regel: int = 0

    def rijen(self) -> list[MatrixRij]:
        """The rows as the model stores them: werkproces and the letters marked with x."""
        return [MatrixRij(werkproces=r.werkproces, competenties=r.kruisjes) for r in self.regels]


def is_lettersrij(element: Element) -> bool:
    """The header row with the letters A–Y."""
    return element.soort == "rij" and [c.strip() for c in element.gevuld] == list(LETTERS)


def lees_matrix(rijen: Sequence[Element], verslag: Verslag, wat: str) -> Matrix:
    """Read a matrix; the columns are those of the letters row (A–Y) as the source prints it."""
    matrix = Matrix(eerste_regel=rijen[0].regel if rijen else 0)
    kolommen: dict[int, str] = {}
    vorige_letters = False
    for rij in rijen:
        if is_lettersrij(rij):
            if kolommen:
                verslag.verwijder(rij.regel, "herhaalde matrixkop (tabel over twee pagina's)")
            kolommen = {i: c.strip() for i, c in enumerate(rij.cellen) if c.strip()}
            vorige_letters = True
            continue
        if vorige_letters:
            vorige_letters = False
            if matrix.namen:
                verslag.verwijder(rij.regel, "herhaalde matrixkop (tabel over twee pagina's)")
            else:
                matrix.namen = [lees_cel(c).tekst for c in rij.gevuld]
            continue
        code = lees_cel(rij.cellen[0]).tekst
        if WERKPROCES_CODE.match(code) and rij.soort == "rij":
            matrix.regels.append(_matrixregel(rij, code, kolommen, verslag, wat))
        elif matrix.regels and (_is_kopregel(rij) or code == "Werkprocessen"):
            verslag.verwijder(rij.regel, "herhaalde matrixkop (tabel over twee pagina's)")
    return matrix


def _is_kopregel(rij: Element) -> bool:
    return rij.soort == "rij" and "Competenties" in [lees_cel(c).tekst for c in rij.gevuld]


def _matrixregel(rij: Element, code: str, kolommen: dict[int, str], verslag: Verslag,
                 wat: str) -> MatrixRegel:
    cellen = rij.cellen
    regel = MatrixRegel(code, lees_cel(cellen[1]).tekst if len(cellen) > 1 else "", rij.regel)
    for i, cel in enumerate(cellen[2:], start=2):
        if not cel.strip():
            continue
        inhoud = lees_cel(cel)
        letter = kolommen.get(i)
        if letter is None:
            regel.los.append(i)
        elif inhoud.vakjes:
            regel.vakjes.append(letter)
        elif inhoud.tekst.lower() == "x":
            regel.kruisjes.append(letter)
        else:
            verslag.niet_plaatsen(rij.regel, f"{wat}, werkproces {code}: onverwachte inhoud "
                                  f"'{inhoud.tekst}' in kolom {letter}")
    return regel


# --- level grids (languages, rekenen) ---------------------------------------------------------


@dataclass
class Raster:
    """A grid of levels × skills with x marks, as printed."""

    titel: str
    regel: int
    kolommen: list[str]
    """The column headers (skills or domains)."""
    niveaus: list[str] = field(default_factory=list)
    """The row labels (levels), top to bottom."""
    kruisjes: dict[str, list[str]] = field(default_factory=dict)
    """Column header → the levels marked in it, top to bottom."""


def lees_raster(titel: str, regel: int, rijen: Sequence[Element], bestand: str) -> Raster:
    """Read a grid whose first row holds the column headers."""
    if not rijen:
        raise ImportFout(bestand, regel, f"raster '{titel}' heeft geen rijen")
    kop = rijen[0].cellen
    start = 1 if not kop[0].strip() else 0
    kolommen = [normaliseer_witruimte(lees_cel(c).tekst) for c in kop[start:] if c.strip()]
    raster = Raster(titel, regel, kolommen, kruisjes={k: [] for k in kolommen})
    for rij in rijen[1:]:
        cellen = rij.cellen
        niveau = lees_cel(cellen[0]).tekst
        raster.niveaus.append(niveau)
        for i, kolom in enumerate(kolommen):
            cel = cellen[i + 1] if i + 1 < len(cellen) else ""
            if lees_cel(cel).tekst.lower() == "x":
                raster.kruisjes[kolom].append(niveau)
            elif cel.strip():
                raise ImportFout(bestand, rij.regel, f"raster '{titel}': onverwachte inhoud "
                                 f"'{lees_cel(cel).tekst}' bij {niveau} × {kolom}")
    return raster
