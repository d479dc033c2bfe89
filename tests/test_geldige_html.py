"""Valid HTML gate: the Nu HTML Checker (vnu.jar) on one page of every page type of the real
site. Errors from our templates and generated Markdown fail; the few that come from Material's
own templates are listed below with the reason, and must still occur (so the list stays true)."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from paginatypen import VNU, paginas_per_soort

pytestmark = pytest.mark.xdist_group("echte_site")


@dataclass(frozen=True)
class BekendeFout:
    """An error in Material's markup that we leave: its message, the markup it points at."""

    melding: str
    fragment: str
    waarom: str


BEKEND = [
    BekendeFout(
        "Attribute “autocomplete” is only allowed when the input type is",
        'type="checkbox"',
        "Material's base.html puts autocomplete=off on the hidden drawer and search toggles "
        "(checkboxes) so browsers do not restore their state on back navigation.",
    ),
    BekendeFout(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
        "form control.",
        'for="__toc"',
        "Material's toc.html labels the input that nav-item.html renders only for pages in the "
        "nav; generated pages stay out of the nav on purpose (its size must not grow with the "
        "corpus), so the label has no input there.",
    ),
]


def _vnu(paden: list[Path]) -> list[dict[str, Any]]:
    proces = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always",
         *map(str, paden)],
        capture_output=True, text=True, check=True, timeout=300,
    )
    berichten: list[dict[str, Any]] = json.loads(proces.stderr)["messages"]
    return berichten


def _bestand(site: Path, pad: str) -> Path:
    return site / pad if pad.endswith(".html") else site / pad / "index.html"


def test_geen_html_fouten_behalve_bekende_van_material(echte_site: Path) -> None:
    paginas = paginas_per_soort(echte_site)
    berichten = _vnu([_bestand(echte_site, p) for p in paginas.values()])
    assert not [b for b in berichten if b["type"] == "non-document-error"], berichten
    fouten = [b for b in berichten if b["type"] == "error"]

    def bekend(bericht: dict[str, Any]) -> BekendeFout | None:
        return next((k for k in BEKEND if k.melding in bericht["message"]
                     and k.fragment in bericht.get("extract", "")), None)

    onbekend = [f"{b['url'].rsplit('/', 2)[-2]}:{b.get('lastLine')}: {b['message']} "
                f"{b.get('extract', '').strip()!r}" for b in fouten if bekend(b) is None]
    assert onbekend == []
    # Every known Material error still occurs: once Material fixes one, it leaves this list.
    gezien = {bekend(b) for b in fouten}
    assert [k.melding for k in BEKEND if k not in gezien] == []


def test_de_controle_vindt_fouten_in_onze_markup(tmp_path: Path) -> None:
    # The checker really reads the files: a broken copy of a page is reported.
    kapot = tmp_path / "kapot.html"
    kapot.write_text('<!doctype html><html lang="nl"><title>x</title><p><div>'
                     '<a href="#" href="#">x</a></p>', "utf-8")
    meldingen = [b["message"] for b in _vnu([kapot]) if b["type"] == "error"]
    assert any("Duplicate attribute" in m for m in meldingen), meldingen
