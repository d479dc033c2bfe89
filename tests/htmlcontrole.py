"""Reading built HTML in tests: pages, their ids, links and text; the Nu HTML Checker."""

from __future__ import annotations

import json
import posixpath
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

VNU = Path(__file__).resolve().parent / "npm/node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass
class Element:
    """An element's tag and attributes."""

    tag: str
    attrs: dict[str, str | None]
    tekst: str = ""
    """The text inside it (filled at its end tag)."""
    kinderen: int = 0
    """How many elements it holds."""


@dataclass
class Pagina:
    """What the tests need to know about one HTML file."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    elementen: list[Element] = field(default_factory=list)
    tekst: str = ""
    body_tekst: str = ""
    """Text inside ``data-zoek-body`` (what search indexes)."""


class _Lezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pagina = Pagina()
        self.delen: list[str] = []
        self.body_delen: list[str] = []
        self.stapel: list[tuple[str, bool, Element, int, int]] = []
        """Open elements: tag, whether it is the search body, the element, where its text
        begins in ``delen`` and how many elements came before it."""
        self.in_body = 0
        self.verborgen = 0
        self.doorlopend = False
        """The next text runs on from the text before it: the two sides of an address that data
        text shows as a link (``a.kd-extern``), which other elements separate like a space."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        element = Element(tag, a)
        self.pagina.elementen.append(element)
        if a.get("id"):
            self.pagina.ids.add(str(a["id"]))
        if tag == "a" and a.get("href"):
            self.pagina.links.append(str(a["href"]))
        if tag in {"link"} and a.get("href"):
            self.pagina.links.append(str(a["href"]))
        if tag in {"script", "img"} and a.get("src"):
            self.pagina.links.append(str(a["src"]))
        if tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}:
            return
        body = "data-zoek-body" in a
        self.doorlopend = a.get("class") == "kd-extern"
        self.stapel.append((tag, body, element, len(self.delen), len(self.pagina.elementen)))
        self.in_body += body
        self.verborgen += tag in {"script", "style"}

    def handle_endtag(self, tag: str) -> None:
        while self.stapel:
            open_tag, body, element, begin, tot = self.stapel.pop()
            element.tekst = "".join(self.delen[begin:])
            element.kinderen = len(self.pagina.elementen) - tot
            self.doorlopend = element.attrs.get("class") == "kd-extern"
            self.in_body -= body
            self.verborgen -= open_tag in {"script", "style"}
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.verborgen:
            return
        stuk = data if self.doorlopend else " " + data
        self.doorlopend = False
        self.delen.append(stuk)
        if self.in_body:
            self.body_delen.append(stuk)


def lees(pad: Path) -> Pagina:
    """Parse one HTML file."""
    lezer = _Lezer()
    lezer.feed(pad.read_text(encoding="utf-8"))
    lezer.pagina.tekst = " ".join("".join(lezer.delen).split())
    lezer.pagina.body_tekst = " ".join("".join(lezer.body_delen).split())
    return lezer.pagina


def html_paginas(site: Path) -> dict[str, Pagina]:
    """Every HTML file of a site by its path relative to the site."""
    return {p.relative_to(site).as_posix(): lees(p) for p in sorted(site.rglob("*.html"))}


def kapotte_links(site: Path, paginas: dict[str, Pagina] | None = None) -> list[str]:
    """Every internal link or #anchor in the site that does not resolve."""
    paginas = paginas if paginas is not None else html_paginas(site)
    kapot = []
    for bron, pagina in paginas.items():
        for href in pagina.links:
            delen = urlsplit(href)
            if delen.scheme or delen.netloc or href.startswith(("mailto:", "data:")):
                continue
            pad = unquote(delen.path)
            if pad:
                # Absolute paths (404.html) are relative to the site root.
                basis = "" if pad.startswith("/") else posixpath.dirname(bron)
                doel = posixpath.normpath(posixpath.join(basis, pad.lstrip("/"))) or "."
                if doel.startswith(".."):
                    kapot.append(f"{bron}: {href} (buiten de site)")
                    continue
                kandidaat = site / doel
                if kandidaat.is_dir():
                    kandidaat = kandidaat / "index.html"
                    doel = posixpath.join(doel, "index.html")
                if not kandidaat.exists():
                    kapot.append(f"{bron}: {href}")
                    continue
            else:
                doel = bron
            if delen.fragment and doel.endswith(".html"):
                doelpagina = paginas.get(posixpath.normpath(doel))
                if doelpagina is not None and unquote(delen.fragment) not in doelpagina.ids:
                    kapot.append(f"{bron}: {href} (anker ontbreekt)")
    return kapot


@dataclass(frozen=True)
class BekendeFout:
    """An error in Material's markup that we leave: its message, the markup it points at."""

    melding: str
    fragment: str
    waarom: str


BEKENDE_FOUTEN = [
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
"""Errors the Nu HTML Checker reports in Material's own templates (mkdocs-material 9.8)."""


def vnu(paden: list[Path]) -> list[dict[str, Any]]:
    """The Nu HTML Checker's messages (errors, warnings, info) for these HTML files."""
    proces = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, paden)],
        capture_output=True, text=True, check=True, timeout=300,
    )
    berichten: list[dict[str, Any]] = json.loads(proces.stderr)["messages"]
    return berichten


def bekende_fout(bericht: dict[str, Any]) -> BekendeFout | None:
    """The known Material error a checker message is, if it is one."""
    return next((k for k in BEKENDE_FOUTEN if k.melding in bericht["message"]
                 and k.fragment in bericht.get("extract", "")), None)


def onbekende_fouten(berichten: list[dict[str, Any]]) -> list[str]:
    """Every error (or file the checker could not read) that is not a known Material error."""
    return [f"{'/'.join(b.get('url', '').rsplit('/', 2)[-2:])}:{b.get('lastLine')}: "
            f"{b['message']} "
            f"{b.get('extract', '').strip()!r}"
            for b in berichten
            if b["type"] == "non-document-error"
            or (b["type"] == "error" and bekende_fout(b) is None)]
