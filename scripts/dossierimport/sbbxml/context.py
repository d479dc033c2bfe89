"""What the mapping of one dossier shares: the source, its lookup tables and the findings.

The export keeps names in lookup tables (domeinen, sectorkamers, competenties, kennis en
vaardigheden, categorieën, profielen) and refers to them by ``nr``. :class:`Context` resolves
those references, converts texts and dates, and collects everything the report and the
provenance must say: inferences, remarks on the source and HTML it does not know.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import ValidationError

from dossierimport.bronnen import Bronbestand
from dossierimport.fouten import ImportFout
from dossierimport.sbbxml.boom import Knoop
from dossierimport.sbbxml.lijsten import Opzoeklijsten
from dossierimport.sbbxml.opmaak import naar_blokken
from dossierimport.woorden import normaliseer_witruimte
from kwalificatiedossiers.model import Afleiding, Blok, Bronnummer

T = TypeVar("T")

_DATUM = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


@dataclass
class Context:
    """The state of mapping one dossier."""

    bron: Bronbestand
    lijsten: Opzoeklijsten
    kennis: dict[str, str] = field(default_factory=dict)
    """nr → text of a kennisofvaardigheid of this dossier."""
    categorieen: dict[str, str] = field(default_factory=dict)
    """nr → name of a categorie of kennis en vaardigheden of this dossier."""
    profielen: dict[str, str] = field(default_factory=dict)
    """profiel nr → public profiel code (``P2``)."""
    profielnamen: dict[str, str] = field(default_factory=dict)
    """profiel nr → code and title (``P2 Gespecialiseerd pedagogisch medewerker``)."""
    verwezen: set[str] = field(default_factory=set)
    """nrs of kennis and categorieën that something refers to."""
    afleidingen: list[Afleiding] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)
    onbekend: list[str] = field(default_factory=list)
    bronnummers: list[Bronnummer] = field(default_factory=list)

    def fout(self, knoop: Knoop, melding: str) -> ImportFout:
        """An import error at this element."""
        return ImportFout(self.bron.naam, knoop.regel, f"{knoop.pad}: {melding}")

    def opmerking(self, knoop: Knoop, melding: str) -> None:
        """Note an inconsistency in the source (reported, not repaired)."""
        self.opmerkingen.append(f"{melding} ({knoop.pad}, regel {knoop.regel})")

    def leid_af(self, onderdeel: str, knoop: Knoop, wat: str) -> None:
        """Record something the importer decided that the source does not state directly."""
        self.afleidingen.append(
            Afleiding(onderdeel=onderdeel, wat=wat, bron=self.bron.naam, regel=knoop.regel)
        )

    def herkomst(self, onderdeel: str, knoop: Knoop) -> None:
        """Keep an element's internal ``nr`` as provenance of ``onderdeel``."""
        nr = knoop.attr("nr")
        if nr:
            self.bronnummers.append(Bronnummer(onderdeel=onderdeel, nr=nr, regel=knoop.regel))

    def regel(self, knoop: Knoop | None) -> str | None:
        """A one-line text (titles, labels), whitespace normalised; None when empty."""
        if knoop is None:
            return None
        return normaliseer_witruimte(knoop.tekst()) or None

    def tekst(self, knoop: Knoop | None) -> list[Blok]:
        """A running text as blocks; HTML the conversion does not know is reported."""
        if knoop is None:
            return []
        omgezet = naar_blokken(knoop.tekst())
        self.onbekend.extend(
            f"{knoop.pad} (regel {knoop.regel}): HTML-element <{tag}> niet herkend; "
            "alleen de tekst is overgenomen"
            for tag in omgezet.onbekende_tags
        )
        return omgezet.blokken

    def datum(self, knoop: Knoop, attribuut: str) -> dt.date | None:
        """A date attribute in the export's form ``dd-mm-jjjj``; None when empty."""
        return self._datum(knoop, knoop.attr(attribuut), attribuut)

    def datum_tekst(self, knoop: Knoop | None) -> dt.date | None:
        """An element whose text is a date (``<vastgesteldop>``); None when empty."""
        return self._datum(knoop, knoop.tekst().strip(), knoop.tag) if knoop else None

    def _datum(self, knoop: Knoop, waarde: str, naam: str) -> dt.date | None:
        if not waarde:
            return None
        deel = _DATUM.match(waarde)
        if deel is not None:
            with contextlib.suppress(ValueError):  # e.g. 31-02-2015
                return dt.date(int(deel[3]), int(deel[2]), int(deel[1]))
        raise self.fout(knoop, f"ongeldige datum {naam}='{waarde}' (verwacht dd-mm-jjjj)")

    def vereist(self, knoop: Knoop, pad: str) -> Knoop:
        """The element at ``pad`` below ``knoop``; an import error when the export lacks it."""
        gevonden = knoop.zoek(pad)
        if gevonden is None:
            raise self.fout(knoop, f"element {pad} ontbreekt")
        return gevonden

    def nummer(self, knoop: Knoop, attribuut: str) -> int:
        """A required whole-number attribute (``hoofdstuk``, ``niveau``)."""
        waarde = knoop.attr(attribuut)
        if not waarde.isdigit():
            raise self.fout(knoop, f"attribuut {attribuut} ontbreekt of is geen getal "
                                   f"('{waarde}')")
        return int(waarde)

    def verwijzing(self, knoop: Knoop, tabel: dict[str, str], soort: str) -> str | None:
        """Resolve the element's ``referentie`` in a lookup table; report it when dangling."""
        nr = knoop.attr("referentie")
        if nr in tabel:
            return tabel[nr]
        self.opmerking(knoop, f"verwijzing naar onbekend {soort} nr '{nr}' niet overgenomen")
        return None

    def kennis_item(self, knoop: Knoop) -> str | None:
        """The text of a kennis-en-vaardigheden reference."""
        self.verwezen.add(knoop.attr("referentie"))
        return self.verwijzing(knoop, self.kennis, "kennisofvaardigheid")

    def maak(self, knoop: Knoop, wat: str, bouw: Callable[[], T]) -> T:
        """Build a model object; a validation error becomes an :class:`ImportFout` here."""
        try:
            return bouw()
        except ValidationError as exc:
            details = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
            )
            raise self.fout(knoop, f"{wat} is onvolledig of ongeldig: {details}") from exc
