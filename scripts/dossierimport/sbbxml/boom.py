"""Safe parsing of an SBB export into a tree that knows its line numbers and what was read.

The XML is parsed with defusedxml's SAX parser: a DTD, entity declarations and external
references are refused (no entity expansion, no network), the file size is limited, and so is
the nesting depth (the tree is walked recursively; a real export nests about twelve deep). Every
element records the line it starts on. The importer reads the tree through :class:`Knoop`, which
marks each element, attribute and text it hands out; :func:`onbekend` then lists everything that
was never read, so that nothing in a source is dropped silently.
"""

from __future__ import annotations

import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

import defusedxml.sax  # type: ignore[import-untyped]
from defusedxml import DefusedXmlException

from dossierimport.bronnen import MAX_BRON_BYTES, Bronbestand, controleer_grootte
from dossierimport.fouten import ImportFout
from dossierimport.woorden import normaliseer_witruimte

_VOORBEELD = 60
"""How many characters of an unread text the report shows."""

MAX_DIEPTE = 100
"""Deepest nesting of elements we read."""


class _TeDiep(Exception):
    """Raised by the SAX handler at the element that nests too deep."""


@dataclass(eq=False)
class Knoop:
    """One element of the export, with its line and what the importer read of it."""

    tag: str
    attributen: dict[str, str]
    regel: int
    ouder: Knoop | None = None
    kinderen: list[Knoop] = field(default_factory=list)
    delen: list[str] = field(default_factory=list)
    gelezen: bool = False
    tekst_gelezen: bool = False
    gelezen_attributen: set[str] = field(default_factory=set)

    @property
    def pad(self) -> str:
        """The element's path from the root, e.g. ``/sbb/dossiers/dossier/basis``."""
        voorouders = []
        knoop: Knoop | None = self
        while knoop is not None:
            voorouders.append(knoop.tag)
            knoop = knoop.ouder
        return "/" + "/".join(reversed(voorouders))

    def kind(self, tag: str) -> Knoop | None:
        """The first child element named ``tag`` (marked as read), or None.

        Further children with the same name stay unread, so the report lists them.
        """
        eerste = next((k for k in self.kinderen if k.tag == tag), None)
        if eerste is not None:
            eerste.gelezen = True
        return eerste

    def kinderen_met(self, tag: str) -> list[Knoop]:
        """All child elements named ``tag``, marked as read."""
        gevonden = [k for k in self.kinderen if k.tag == tag]
        for knoop in gevonden:
            knoop.gelezen = True
        return gevonden

    def zoek(self, pad: str) -> Knoop | None:
        """The first element along a ``/``-separated path of child names, each marked as read."""
        knoop: Knoop | None = self
        for tag in pad.split("/"):
            knoop = knoop.kind(tag) if knoop is not None else None
        return knoop

    def markeer(self) -> Knoop:
        """Mark this element as read (for elements found by walking ``kinderen``)."""
        self.gelezen = True
        return self

    def attr(self, naam: str) -> str:
        """The value of an attribute, stripped ("" when absent); marked as read."""
        self.gelezen_attributen.add(naam)
        return self.attributen.get(naam, "").strip()

    def negeer(self, *namen: str) -> None:
        """Mark attributes as deliberately not taken (lookup-table details, section labels)."""
        self.gelezen_attributen.update(namen)

    def tekst(self) -> str:
        """The element's own character data, unaltered; marked as read."""
        self.gelezen = self.tekst_gelezen = True
        return "".join(self.delen)

    def alle(self) -> Iterator[Knoop]:
        """This element and all its descendants, in document order."""
        yield self
        for kind in self.kinderen:
            yield from kind.alle()


def _voorbeeld(tekst: str) -> str:
    platte = normaliseer_witruimte(tekst)
    return platte if len(platte) <= _VOORBEELD else platte[: _VOORBEELD - 1] + "…"


def onbekend(knoop: Knoop, overslaan: frozenset[Knoop] = frozenset()) -> list[str]:
    """Describe every element, attribute and text below ``knoop`` that the importer did not read.

    An unread element is reported once, with the number of elements it contains; its
    descendants are not listed separately. Elements in ``overslaan`` (and what they contain)
    are left out, e.g. the dossiers when listing what lies outside them.
    """
    if knoop in overslaan:
        return []
    if not knoop.gelezen:
        binnen = sum(1 for _ in knoop.alle()) - 1
        tekst = _voorbeeld("".join(d for k in knoop.alle() for d in k.delen))
        details = [f"{binnen} onderliggende elementen"] if binnen else []
        details += [f"tekst '{tekst}'"] if tekst else []
        toelichting = f" ({', '.join(details)})" if details else ""
        return [f"{knoop.pad} (regel {knoop.regel}): element niet overgenomen{toelichting}"]
    meldingen = [
        f"{knoop.pad}/@{naam} (regel {knoop.regel}): attribuut niet overgenomen "
        f"('{_voorbeeld(waarde)}')"
        for naam, waarde in knoop.attributen.items()
        if naam not in knoop.gelezen_attributen
    ]
    tekst = "".join(knoop.delen)
    if tekst.strip() and not knoop.tekst_gelezen:
        meldingen.append(
            f"{knoop.pad} (regel {knoop.regel}): tekst niet overgenomen ('{_voorbeeld(tekst)}')"
        )
    for kind in knoop.kinderen:
        meldingen.extend(onbekend(kind, overslaan))
    return meldingen


class _Bouwer(ContentHandler):
    """SAX handler that builds the :class:`Knoop` tree."""

    def __init__(self) -> None:
        super().__init__()
        self.wortel: Knoop | None = None
        self._open: list[Knoop] = []
        self._plek: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:  # noqa: N802 (SAX API)
        self._plek = locator

    @property
    def regel(self) -> int | None:
        """The line the parser is at, when known."""
        return self._plek.getLineNumber() if self._plek is not None else None

    def startElement(self, name: str, attrs: AttributesImpl) -> None:  # noqa: N802 (SAX API)
        if len(self._open) >= MAX_DIEPTE:
            raise _TeDiep
        ouder = self._open[-1] if self._open else None
        knoop = Knoop(name, dict(attrs.items()), self.regel or 1, ouder)
        if ouder is None:
            self.wortel = knoop
        else:
            ouder.kinderen.append(knoop)
        self._open.append(knoop)

    def endElement(self, name: str) -> None:  # noqa: ARG002, N802 (SAX API)
        self._open.pop()

    def characters(self, content: str) -> None:
        if self._open:
            self._open[-1].delen.append(content)


def lees_boom(bron: Bronbestand) -> Knoop:
    """Parse an export safely; raise :class:`ImportFout` (with file and line) on any problem."""
    controleer_grootte(bron.naam, len(bron.inhoud), MAX_BRON_BYTES)
    bouwer = _Bouwer()
    try:
        defusedxml.sax.parseString(bron.inhoud, bouwer, forbid_dtd=True, forbid_entities=True,
                                   forbid_external=True)
    except xml.sax.SAXParseException as exc:
        raise ImportFout(bron.naam, exc.getLineNumber(),
                         f"ongeldige XML: {exc.getMessage()} (kolom {exc.getColumnNumber()})"
                         ) from exc
    except _TeDiep as exc:
        raise ImportFout(bron.naam, bouwer.regel, f"meer dan {MAX_DIEPTE} elementen in elkaar; "
                         "een SBB-export is nooit zo diep genest") from exc
    except DefusedXmlException as exc:
        raise ImportFout(
            bron.naam, bouwer.regel,
            "onveilige XML geweigerd: een DTD, entiteitdefinitie of externe verwijzing is niet "
            f"toegestaan ({type(exc).__name__}: {exc})",
        ) from exc
    if bouwer.wortel is None:
        raise ImportFout(bron.naam, None, "geen XML-elementen gevonden")
    return bouwer.wortel
