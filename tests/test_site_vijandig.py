"""A fixture dossier full of hostile text: every string comes out literally, nothing from the
data becomes an element, an attribute, a link or a template."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import bouw_ok, kopieer_data
from htmlcontrole import Pagina, html_paginas
from vijandig import maak_vijandig

# Script sources and inline scripts the theme itself puts on every page.
_EIGEN_SCRIPTS = ("assets/javascripts/", "assets/kwalificatiedossiers/")


@pytest.fixture(scope="module")
def vijandige_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    basis = tmp_path_factory.mktemp("vijandig")
    data = kopieer_data(basis / "data")
    gebruikt = maak_vijandig(data)
    return bouw_ok(basis / "project", data), gebruikt


def _inhoudspaginas(site: Path) -> dict[str, Pagina]:
    return {p: v for p, v in html_paginas(site).items() if p.startswith("voorbeeld/")}


def test_elke_vijandige_tekst_staat_letterlijk_op_de_site(
    vijandige_site: tuple[Path, list[str]],
) -> None:
    site, gebruikt = vijandige_site
    alle_tekst = " ".join(p.tekst for p in _inhoudspaginas(site).values())
    ontbrekend = [t for t in gebruikt if " ".join(t.split()) not in alle_tekst]
    assert ontbrekend == []


def test_geen_element_uit_de_data_in_de_html(vijandige_site: tuple[Path, list[str]]) -> None:
    site, _ = vijandige_site
    for pad, pagina in _inhoudspaginas(site).items():
        for element in pagina.elementen:
            assert element.tag not in {"img", "b", "style", "iframe", "object"}, pad
            assert not any(a.startswith("on") for a in element.attrs), (pad, element)
            href = str(element.attrs.get("href") or "")
            assert not href.lower().startswith("javascript"), (pad, element)
            assert "evil.example" not in href, (pad, element)
            if element.tag == "script" and element.attrs.get("src"):
                assert any(s in str(element.attrs["src"]) for s in _EIGEN_SCRIPTS), pad
            klasse = str(element.attrs.get("class") or "")
            assert "klasse" not in klasse, pad
        html = (site / pad).read_text("utf-8")
        assert "<script>alert" not in html
        assert "<!-- commentaar -->" not in html
        assert "<del>weg</del>" not in html


def test_json_export_houdt_de_tekst_letterlijk(vijandige_site: tuple[Path, list[str]]) -> None:
    site, gebruikt = vijandige_site
    export = json.dumps(json.loads((site / "api/voorbeeld.json").read_text("utf-8")),
                        ensure_ascii=False)
    ontbrekend = [t for t in gebruikt if json.dumps(t, ensure_ascii=False)[1:-1] not in export]
    assert ontbrekend == []
