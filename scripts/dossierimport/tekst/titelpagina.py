"""The title page: dossier metadata (titel, crebo, versie, dates, opleidingsdomein, ...).

A title page prints labels and values either on one line (``Penvoerder: Sectorkamer handel``)
or as a label line followed by its value (``Versie`` / ``Gewijzigd 2023``). A profile extract
opens with "Profiel van kwalificatiedossier:" above the dossier's title (a heading in Markdown,
the next line in plain text) and names its profiel with
``» Junior accountmanager (Crebonr. 25877)``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dossierimport.fouten import ImportFout
from dossierimport.tekst.stukken import Stuk

_CREBO = re.compile(r"^(?P<naam>.*?)\s*\(?Crebonr\.?\s*(?P<crebo>\d{5})\)?$")
_LABELS = {
    "versie": "versie",
    "geldig vanaf": "geldig_vanaf",
    "opleidingsdomein": "opleidingsdomein",
    "penvoerder": "penvoerder",
    "gevalideerd door": "gevalideerd_door",
    "op": "gevalideerd_op",
    "status": "status",
}


@dataclass
class Titelpagina:
    """What a title page states."""

    titel: str | None = None
    crebo: str | None = None
    velden: dict[str, str] = field(default_factory=dict)
    """Label (model field name) → value as printed."""
    profielen: dict[str, str] = field(default_factory=dict)
    """Profiel title → its crebo (a profile extract names its profiel)."""
    regels: dict[str, int] = field(default_factory=dict)
    """Field → source line."""
    extract: bool = False
    """The source is a profile extract ("Profiel van kwalificatiedossier")."""

    @property
    def compleet(self) -> bool:
        """Whether it identifies a dossier (titel and crebo)."""
        return bool(self.titel and self.crebo)


def lees_titelpagina(stukken: list[Stuk]) -> Titelpagina:
    """Read the pieces before the leeswijzer (stops at a table of contents)."""
    pagina = Titelpagina()
    label: str | None = None
    for stuk in stukken:
        tekst = stuk.tekst.lstrip("» ").strip()
        if tekst == "Inhoudsopgave":
            break
        if tekst.lower().startswith("profiel van kwalificatiedossier"):
            pagina.extract = True
            # In plain text (PDF, OCR) the title is the line after this one, not a heading.
            label = "titel" if pagina.titel is None else None
        elif label == "titel":
            pagina.titel = tekst
            pagina.regels["titel"] = stuk.regel
            label = None
        elif label is not None:
            _zet(pagina, label, tekst, stuk.regel)
            label = None
        elif tekst.lower() in _LABELS:
            label = _LABELS[tekst.lower()]
        elif ":" in tekst and tekst.split(":", 1)[0].lower() in _LABELS:
            sleutel, waarde = tekst.split(":", 1)
            _zet(pagina, _LABELS[sleutel.lower()], waarde.strip(), stuk.regel)
        elif (crebo := _CREBO.match(tekst)) is not None:
            if stuk.tekst.startswith("»") or pagina.crebo:
                pagina.profielen[crebo["naam"]] = crebo["crebo"]
            else:
                pagina.crebo = crebo["crebo"]
                pagina.regels["crebo"] = stuk.regel
        elif stuk.soort == "kop" and pagina.titel is None:
            pagina.titel = tekst
            pagina.regels["titel"] = stuk.regel
    return pagina


def _zet(pagina: Titelpagina, veld: str, waarde: str, regel: int) -> None:
    pagina.velden[veld] = waarde
    pagina.regels[veld] = regel


def datum(waarde: str, bestand: str, regel: int | None) -> dt.date:
    """A date as title pages print it (``01-08-2023``)."""
    try:
        return dt.datetime.strptime(waarde, "%d-%m-%Y").date()
    except ValueError as exc:
        raise ImportFout(bestand, regel, f"geen datum (dd-mm-jjjj): {waarde!r}") from exc


def domein(waarde: str) -> dict[str, str | None]:
    """``Economie en administratie (Crebonr. 79090)`` → name and crebo."""
    gevonden = _CREBO.match(waarde)
    if gevonden is None:
        return {"naam": waarde, "crebo": None}
    return {"naam": gevonden["naam"], "crebo": gevonden["crebo"]}
