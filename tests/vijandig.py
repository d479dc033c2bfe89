"""Hostile text: strings that would become markup, HTML, links or templates if not escaped."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from conftest import bouw_ok, kopieer_data
from htmlcontrole import Pagina, html_paginas

VIJANDIG = [
    '{v} <script>alert("x")</script>',
    "{v} <img src=x onerror=alert(1)>",
    '{v} <a href="javascript:alert(1)">klik</a>',
    "{v} [klik hier](javascript:alert(1))",
    "{v} ![plaatje](http://evil.example/x.png)",
    "{v} <b>vet</b> &amp; &lt;geen tag&gt;",
    "{v} {{ config.site_name }} en {% if true %}ja{% endif %}",
    "{v} *nadruk* _ook_ **vet** `code` # geen kop | pijp | ~~weg~~",
    "{v} 1. geen lijst",
    "{v} - geen lijst",
    "{v} > geen citaat",
    "{v} {: .klasse #id } [^1] :smile: <!-- commentaar -->",
    "{v} omzet/klanten*/gebruikers/doelgroepen en beroepsbeoefenaar*",
    "{v} <div onclick=alert(1)>blok</div> <style>body{display:none}</style>",
    "{v} \\*backslash\\* en https://evil.example/pad",
    # Markdown block syntax where it counts, at the start of a value, with the marker inside
    # the construct: markup would hide it or tear the string apart.
    '!!! danger "{v} gevaar"',
    "!!! note\n    {v} inhoud van een vermaning",
    "{v} kop\n===",
    "{v} alinea\n\n---\n\nna een regel",
    "    {v} vier spaties ervoor: code",
    "- - - {v} een lijst in een lijst",
    "~~~\n{v} omheinde code\n~~~",
    "```python\n{v} omheinde code\n```",
    "| {v} a | b |\n|---|---|\n| c | d |",
    "[TOC]\n\n{v} na de inhoudsopgave",
    '<div markdown="1">**{v}** vet</div>',
    "# {v} kop {#anker .klasse}",
    "{v} term\n: definitie",
    "1986. {v} een jaartal",
    # Control characters that are whitespace (tab, line feed) and invisible characters: text,
    # never layout. (Other control characters are refused: test_site_vijandig.)
    "\t{v} tab\tertussen,\nregeleinde,\u00a0harde spatie en zachte\u00adafbreking",
]
"""One string per kind of attack; each text field gets one, with a numbered marker ``V<n>:``
where ``{v}`` stands."""

MARKERING = re.compile(r"\bV(\d+): ")

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


def maak_vijandig(data_map: Path, sjablonen: list[str] = VIJANDIG) -> dict[str, list[str]]:
    """Replace every text value in the YAML files of ``data_map`` by one of ``sjablonen`` in
    turn; return the strings used per file (relative to ``data_map``).

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
            tekst = sjablonen[nummer % len(sjablonen)].replace("{v}", f"V{nummer}:")
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


HOME = "---\nrender_macros: true\n---\n# Home\n\n{{ dossierkaarten() }}\n"
"""A home page that shows every dossier through the ``dossierkaarten`` macro."""

_EIGEN_SCRIPTS = ("assets/javascripts/", "assets/kwalificatiedossiers/")
"""Script sources the theme itself puts on every page."""


@dataclass(frozen=True)
class VijandigeSite:
    """A site built from hostile data."""

    site: Path
    gebruikt: dict[str, list[str]]
    """The hostile strings per data file (relative to the data folder)."""
    paginas: dict[str, Pagina]
    """Every page (entity pages, competences, home, guide, short links, 404), read once."""

    def teksten(self, *bestanden: str) -> list[str]:
        """The hostile strings of the data files whose path starts with one of these (of every
        file without an argument)."""
        return [t for bestand, teksten in self.gebruikt.items()
                if not bestanden or bestand.startswith(bestanden) for t in teksten]


def bouw_vijandig(basis: Path, docs: dict[str, str],
                  aanvullen: Callable[[Path], None] | None = None) -> VijandigeSite:
    """Copy the mini data below ``basis`` (``aanvullen`` may add to it), make every text in it
    hostile and build it strictly with these hand-written pages."""
    data = kopieer_data(basis / "data")
    if aanvullen is not None:
        aanvullen(data)
    gebruikt = maak_vijandig(data)
    site = bouw_ok(basis / "project", data, docs)
    paginas = {p: v for p, v in html_paginas(site).items() if not p.startswith("zoeken/")}
    return VijandigeSite(site, gebruikt, paginas)


def controleer_letterlijk_per_paginatype(vijandig: VijandigeSite, paginatypen: dict[str, str]
                                         ) -> None:
    """Every page type shows hostile text, and wherever a hostile string starts, all of it
    follows, character for character."""
    per_nummer = {int(m.group(1)): t for t in vijandig.teksten()
                  if (m := MARKERING.search(t)) is not None}
    for soort, pad in paginatypen.items():
        tekst = vijandig.paginas[pad].tekst
        markeringen = {int(m) for m in MARKERING.findall(tekst)}
        assert markeringen, soort
        for nummer in markeringen:
            assert " ".join(per_nummer[nummer].split()) in tekst, (soort, nummer)


def ontbrekend_op_de_site(vijandig: VijandigeSite, teksten: list[str]) -> list[str]:
    """The hostile strings that no page shows literally."""
    alle_tekst = " ".join(p.tekst for p in vijandig.paginas.values())
    return [t for t in teksten if " ".join(t.split()) not in alle_tekst]


def controleer_geen_element_uit_de_data(vijandig: VijandigeSite) -> None:
    """No element, event handler, link, script, class, id or comment from the data on any page,
    and no block that Markdown syntax in the data would make (a rule, code, an admonition)."""
    for pad, pagina in vijandig.paginas.items():
        assert "anker" not in pagina.ids, pad
        for element in pagina.elementen:
            assert element.tag not in {"img", "b", "style", "iframe", "object", "hr", "pre"}, \
                (pad, element)
            assert "admonition" not in str(element.attrs.get("class") or ""), (pad, element)
            assert not any(a.startswith("on") for a in element.attrs), (pad, element)
            href = str(element.attrs.get("href") or "")
            assert not href.lower().startswith("javascript"), (pad, element)
            assert "evil.example" not in href, (pad, element)
            if element.tag == "script" and element.attrs.get("src"):
                assert any(s in str(element.attrs["src"]) for s in _EIGEN_SCRIPTS), pad
            assert "klasse" not in str(element.attrs.get("class") or ""), pad
        html = (vijandig.site / pad).read_text("utf-8")
        assert "<script>alert" not in html, pad
        assert "<!-- commentaar -->" not in html, pad
        assert "<del>weg</del>" not in html, pad


def ontbrekend_in_export(vijandig: VijandigeSite, dossier_id: str) -> list[str]:
    """The hostile strings of a dossier's files that its JSON export lacks (the shared
    competences are referenced by name)."""
    export = json.dumps(json.loads((vijandig.site / f"api/{dossier_id}.json").read_text("utf-8")),
                        ensure_ascii=False)
    dossier = vijandig.teksten(f"{dossier_id}/")
    assert dossier, dossier_id
    return [t for t in dossier if json.dumps(t, ensure_ascii=False)[1:-1] not in export]
