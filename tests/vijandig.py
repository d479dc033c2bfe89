"""Hostile text: strings that would become markup, HTML, links or templates if not escaped."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import yaml

VIJANDIG = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    "[klik hier](javascript:alert(1))",
    "![plaatje](http://evil.example/x.png)",
    "<b>vet</b> &amp; &lt;geen tag&gt;",
    "{{ config.site_name }} en {% if true %}ja{% endif %}",
    "*nadruk* _ook_ **vet** `code` # geen kop | pijp | ~~weg~~",
    "1. geen lijst",
    "- geen lijst",
    "> geen citaat",
    "{: .klasse #id } [^1] :smile: <!-- commentaar -->",
    "omzet/klanten*/gebruikers/doelgroepen en beroepsbeoefenaar*",
    "<div onclick=alert(1)>blok</div> <style>body{display:none}</style>",
    "\\*backslash\\* en https://evil.example/pad",
]
"""One string per kind of attack; each text field gets one, with a numbered marker."""

# Keys whose values are identifiers, numbers, dates or references, not text.
_GEEN_TEKST = {
    "id", "formaat", "crebo", "code", "profiel", "niveau", "geldig_vanaf", "gevalideerd_op",
    "einde_instroom", "einde_opleiding", "competenties", "vorm", "sha256", "regel",
    # competentiegericht dossiers: crebo lists, werkproces and uitstroom codes, marked letters
    # and levels, the reference "zie: eerste-competentie"; relaties.yaml: dossier ids and codes
    "crebos", "werkproces", "uitstromen", "vakjes", "zie", "voorganger", "opvolger",
    "luisteren", "lezen", "gesprekken_voeren", "spreken", "schrijven", "getallen",
    "ruimte_en_vorm", "gegevensverwerking", "verbanden",
}
_COMPETENTIENAAM = {"competenties", "competentie"}
"""Keys whose values name a competence (they follow the hostile names)."""


def maak_vijandig(data_map: Path) -> dict[str, list[str]]:
    """Replace every text value in the YAML files of ``data_map``; return the strings used per
    file (relative to ``data_map``).

    The names in ``competenties.yaml`` become hostile too; werkprocessen refer to competences by
    name, so those references follow the new names. That file's ``bron`` (a note for
    maintainers, shown nowhere) stays as it is."""
    teller = itertools.count(1)
    gebruikt: dict[str, list[str]] = {}
    namen: dict[str, str] = {}

    def vervang(waarde: Any, sleutel: str | None, bestand: list[str]) -> Any:
        if isinstance(waarde, dict):
            return {k: vervang(v, k, bestand) for k, v in waarde.items()}
        if isinstance(waarde, list):
            return [vervang(v, sleutel, bestand) for v in waarde]
        if isinstance(waarde, str) and sleutel in _COMPETENTIENAAM:
            return namen.get(waarde, waarde)
        if isinstance(waarde, str) and sleutel not in _GEEN_TEKST:
            nummer = next(teller)
            tekst = f"V{nummer}: {VIJANDIG[nummer % len(VIJANDIG)]}"
            bestand.append(tekst)
            if sleutel == "naam":
                namen[waarde] = tekst
            return tekst
        return waarde

    # competenties.yaml first: its names are what the other files refer to.
    for pad in sorted(data_map.rglob("*.yaml"), key=lambda p: p.name != "competenties.yaml"):
        data = yaml.safe_load(pad.read_text("utf-8"))
        bestand = gebruikt.setdefault(pad.relative_to(data_map).as_posix(), [])
        if pad.name == "competenties.yaml":
            data = {k: v if k == "bron" else vervang(v, k, bestand) for k, v in data.items()}
        else:
            data = vervang(data, None, bestand)
        pad.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return gebruikt
