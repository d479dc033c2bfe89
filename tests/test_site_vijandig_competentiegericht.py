"""A small competentiegericht dossier (and its relation to the mini dossier) full of hostile
text: every string comes out literally on the 2009-format pages, nothing from the data becomes
an element, an attribute, a link or a template."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, bouw_ok, kopieer_data
from htmlcontrole import html_paginas
from vijandig import maak_vijandig

ID = "oud-voorbeeld"

# Hand-written pages that show the 2009 data through the macros.
_MACRO_PAGINAS = {
    "index.md": "---\nrender_macros: true\n---\n# Home\n\n{{ dossierkaarten() }}\n",
    "gids.md": (
        "---\nrender_macros: true\n---\n# Gids\n\n"
        f"- {{{{ dossier_link('{ID}') }}}}\n"
        f"- {{{{ dossier_link('{ID}', 'U1') }}}}\n"
        f"- {{{{ dossier_link('{ID}', 'K1') }}}}\n"
        f"- {{{{ dossier_link('{ID}', '1.1', 'u1-resultaat') }}}}\n"
    ),
}

# One page of every page type of the 2009 format (and the pages it adds to).
PAGINATYPEN = {
    "home": "index.html",
    "gids": "gids/index.html",
    "dossier": f"{ID}/index.html",
    "uitstroom": f"{ID}/u1/index.html",
    "kerntaak": f"{ID}/k1/index.html",
    "werkproces": f"{ID}/1-1/index.html",
    "matrix": f"{ID}/matrix/index.html",
    "vergelijking": f"{ID}/vergelijk/u1-u2/index.html",
    "competentie": "competenties/e/index.html",
    "profiel met voorganger": "voorbeeld/p1/index.html",
    "opvolger": "voorbeeld/index.html",
}

Vijandig = tuple[Path, dict[str, list[str]]]


@pytest.fixture(scope="module")
def vijandige_site(tmp_path_factory: pytest.TempPathFactory) -> Vijandig:
    """The mini data plus the 2009-format fixture and their relation, all text hostile."""
    basis = tmp_path_factory.mktemp("vijandig-2009")
    data = kopieer_data(basis / "data")
    shutil.copytree(FIXTURES / "competentiegericht" / ID, data / ID)
    shutil.copy(FIXTURES / "competentiegericht" / "relaties.yaml", data / "relaties.yaml")
    gebruikt = maak_vijandig(data)
    return bouw_ok(basis / "project", data, _MACRO_PAGINAS), gebruikt


def _van_2009(gebruikt: dict[str, list[str]]) -> list[str]:
    """The hostile strings of the 2009 dossier's files and of relaties.yaml."""
    return [t for bestand, teksten in gebruikt.items()
            if bestand.startswith(f"{ID}/") or bestand == "relaties.yaml" for t in teksten]


def test_de_2009_pagina_s_zijn_gebouwd(vijandige_site: Vijandig) -> None:
    site, gebruikt = vijandige_site
    assert len(_van_2009(gebruikt)) > 80
    for pad in PAGINATYPEN.values():
        assert (site / pad).exists(), pad


def test_elk_paginatype_toont_de_vijandige_tekst_letterlijk(vijandige_site: Vijandig) -> None:
    site, gebruikt = vijandige_site
    per_nummer = {int(t[1:t.index(":")]): t for teksten in gebruikt.values() for t in teksten}
    paginas = html_paginas(site)
    for soort, pad in PAGINATYPEN.items():
        tekst = paginas[pad].tekst
        markeringen = set(re.findall(r"\bV(\d+): ", tekst))
        assert markeringen, soort
        for nummer in markeringen:
            assert " ".join(per_nummer[int(nummer)].split()) in tekst, (soort, nummer)


def test_elke_vijandige_tekst_staat_letterlijk_op_de_site(vijandige_site: Vijandig) -> None:
    site, gebruikt = vijandige_site
    alle_tekst = " ".join(p.tekst for p in html_paginas(site).values())
    ontbrekend = [t for t in _van_2009(gebruikt) if " ".join(t.split()) not in alle_tekst]
    assert ontbrekend == []


def test_geen_element_uit_de_data_in_de_html(vijandige_site: Vijandig) -> None:
    site, _ = vijandige_site
    for pad, pagina in html_paginas(site).items():
        if pad.startswith("zoeken/"):
            continue
        for element in pagina.elementen:
            assert element.tag not in {"img", "b", "style", "iframe", "object"}, pad
            assert not any(a.startswith("on") for a in element.attrs), (pad, element)
            href = str(element.attrs.get("href") or "")
            assert not href.lower().startswith("javascript"), (pad, element)
            assert "evil.example" not in href, (pad, element)
            assert "klasse" not in str(element.attrs.get("class") or ""), pad
        html = (site / pad).read_text("utf-8")
        assert "<script>alert" not in html, pad
        assert "<!-- commentaar -->" not in html, pad


def test_json_export_houdt_de_tekst_letterlijk(vijandige_site: Vijandig) -> None:
    site, gebruikt = vijandige_site
    export = json.dumps(json.loads((site / f"api/{ID}.json").read_text("utf-8")),
                        ensure_ascii=False)
    dossier = [t for bestand, teksten in gebruikt.items() if bestand.startswith(f"{ID}/")
               for t in teksten]
    ontbrekend = [t for t in dossier if json.dumps(t, ensure_ascii=False)[1:-1] not in export]
    assert ontbrekend == []
