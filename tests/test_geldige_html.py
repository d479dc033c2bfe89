"""Valid HTML gate: the Nu HTML Checker (vnu.jar) on one page of every page type of the real
site. Errors from our templates and generated Markdown fail; the few that come from Material's
own templates are listed in htmlcontrole.BEKENDE_FOUTEN with the reason, and must still occur
(so the list stays true)."""

from __future__ import annotations

from pathlib import Path

import pytest

from htmlcontrole import BEKENDE_FOUTEN, bekende_fout, onbekende_fouten, vnu
from paginatypen import paginas_per_soort

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("echte_site")]


def _bestand(site: Path, pad: str) -> Path:
    return site / pad if pad.endswith(".html") else site / pad / "index.html"


def test_geen_html_fouten_behalve_bekende_van_material(echte_site: Path) -> None:
    paginas = paginas_per_soort(echte_site)
    berichten = vnu([_bestand(echte_site, p) for p in paginas.values()])
    assert onbekende_fouten(berichten) == []
    # Every known Material error still occurs: once Material fixes one, it leaves the list.
    gezien = {bekende_fout(b) for b in berichten if b["type"] == "error"}
    assert [k.melding for k in BEKENDE_FOUTEN if k not in gezien] == []


def test_de_controle_vindt_fouten_in_onze_markup(tmp_path: Path) -> None:
    # The checker really reads the files: a broken copy of a page is reported.
    kapot = tmp_path / "kapot.html"
    kapot.write_text('<!doctype html><html lang="nl"><title>x</title><p><div>'
                     '<a href="#" href="#">x</a></p>', "utf-8")
    meldingen = [b["message"] for b in vnu([kapot]) if b["type"] == "error"]
    assert any("Duplicate attribute" in m for m in meldingen), meldingen
