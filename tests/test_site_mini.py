"""Full builds of the small fixture dossier: pages, links, short links, export, macros."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, bouw, bouw_ok, kopieer_data
from htmlcontrole import html_paginas, kapotte_links, lees

pytestmark = pytest.mark.build


def test_elke_entiteit_heeft_een_pagina_op_een_code_url(mini_site: Path) -> None:
    verwacht = [
        "voorbeeld/index.html", "voorbeeld/p1/index.html", "voorbeeld/p2/index.html",
        "voorbeeld/b1-k1/index.html", "voorbeeld/b1-k1-w1/index.html",
        "voorbeeld/p1-k1/index.html", "voorbeeld/p1-k1-w1/index.html",
        "voorbeeld/p2-k1-w2/index.html", "voorbeeld/matrix/index.html",
        "voorbeeld/vergelijk/p1-p2/index.html", "competenties/index.html",
        "competenties/m/index.html",
    ]
    ontbrekend = [pad for pad in verwacht if not (mini_site / pad).exists()]
    assert ontbrekend == []


def test_alle_interne_links_en_ankers_bestaan(mini_site: Path) -> None:
    assert kapotte_links(mini_site) == []


def test_vaste_ankers_op_een_werkprocespagina(mini_site: Path) -> None:
    pagina = lees(mini_site / "voorbeeld/p2-k1-w2/index.html")
    assert {"omschrijving", "resultaat", "gedrag", "competenties",
            "zelfde-werkproces"} <= pagina.ids


def test_crebo_korte_link_verwijst_naar_profiel(mini_site: Path) -> None:
    html = (mini_site / "12347/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../voorbeeld/p2/"' in html
    assert '<link rel="canonical" href="../voorbeeld/p2/">' in html
    assert "P2 Tweede profiel" in html
    dossier = (mini_site / "12345/index.html").read_text(encoding="utf-8")
    assert "url=../voorbeeld/" in dossier


def test_bewerklink_wijst_naar_het_yaml_bestand(mini_site: Path) -> None:
    werkproces = lees(mini_site / "voorbeeld/p2-k1-w2/index.html")
    bewerk = [e.attrs["href"] for e in werkproces.elementen if e.attrs.get("rel") == "edit"]
    assert len(bewerk) == 1
    assert str(bewerk[0]).endswith("/voorbeeld/profielen/p2.yaml")
    assert "/edit/main/" in str(bewerk[0])


def test_geen_bewerklink_naar_een_pad_op_de_bouwmachine(tmp_path: Path) -> None:
    # A copy of the data outside any repository (an absolute data_map): nothing to edit online,
    # so no edit link, rather than one to .../edit/main/tmp/....
    site = bouw_ok(tmp_path / "project", kopieer_data(tmp_path / "data"))
    werkproces = lees(site / "voorbeeld/p2-k1-w2/index.html")
    assert [e for e in werkproces.elementen if e.attrs.get("rel") == "edit"] == []


def test_zelfde_werkproces_in_andere_profielen(mini_site: Path) -> None:
    pagina = lees(mini_site / "voorbeeld/p2-k1-w2/index.html")
    assert "B1-K1-W1 Voert een verkoopgesprek" in pagina.tekst
    assert "P1-K1-W1 Voert een verkoopgesprek" in pagina.tekst
    assert "../p1-k1-w1/" in pagina.links


def test_kruimelpad_op_elke_entiteitpagina(mini_site: Path) -> None:
    for pad, pagina in html_paginas(mini_site).items():
        # A werkproces card (…/kaart/) is a small page for an iframe, and the version-pinned
        # addresses of the current version are redirects: neither is an entity page.
        if pad.startswith(("voorbeeld/", "competenties/")) and "/kaart/" not in pad \
                and not pad.startswith("voorbeeld/2023-08-01/"):
            navs = [e for e in pagina.elementen
                    if e.tag == "nav" and e.attrs.get("aria-label") == "Kruimelpad"]
            assert len(navs) == 1, pad


def test_matrix_en_vergelijking_niet_doorzoekbaar(mini_site: Path) -> None:
    for pad in ("voorbeeld/matrix/index.html", "voorbeeld/vergelijk/p1-p2/index.html"):
        assert not any("data-zoek-body" in e.attrs for e in lees(mini_site / pad).elementen)
    werkproces = lees(mini_site / "voorbeeld/p1-k1-w1/index.html")
    assert any("data-zoek-body" in e.attrs for e in werkproces.elementen)


def test_json_export(mini_site: Path) -> None:
    lijst = json.loads((mini_site / "api/dossiers.json").read_text(encoding="utf-8"))
    assert lijst == {"dossiers": [{
        "id": "voorbeeld", "titel": "Voorbeeld", "crebo": "12345", "crebos": ["12345"],
        "formaat": "basis-profiel",
        "url": "voorbeeld/", "json": "api/voorbeeld.json",
    }]}
    dossier = json.loads((mini_site / "api/voorbeeld.json").read_text(encoding="utf-8"))
    werkprocessen = [
        w for k in dossier["basisdeel"]["kerntaken"]
        + [k for p in dossier["profielen"] for k in p["kerntaken"]]
        for w in k["werkprocessen"]
    ]
    assert [w["code"] for w in werkprocessen] == ["B1-K1-W1", "P1-K1-W1", "P2-K1-W1", "P2-K1-W2"]
    for w in werkprocessen:
        assert (mini_site / w["url"] / "index.html").exists()
        assert w["titel"]
    schema = json.loads((mini_site / "api/schema.json").read_text(encoding="utf-8"))
    assert "url" in schema["$defs"]["Werkproces"]["properties"]


def test_zoekindex_gebouwd(mini_site: Path) -> None:
    meta = json.loads((mini_site / "zoeken/meta.json").read_text("utf-8"))
    aantal = sum(sum(groep[3]) for groep in meta["groepen"])
    assert aantal > 10
    woorden = json.loads((mini_site / "zoeken/w/ve.json").read_text("utf-8"))
    assert "verkoopgesprek" in woorden
    bladzijden = [json.loads((mini_site / f"zoeken/p/{n}.json").read_text("utf-8"))
                  for n in range(aantal)]
    # Title, type, dossier, place and niveau of the result (the context line).
    assert ["voorbeeld/p2-k1-w2/", "P2-K1-W2 Voert een verkoopgesprek", "werkproces",
            "Voorbeeld (12345)", "P2 Tweede profiel"] in [b[:5] for b in bladzijden]
    assert not any(b[0].startswith("voorbeeld/matrix") for b in bladzijden)
    assert not (mini_site / f"zoeken/p/{aantal}.json").exists()


def test_macros_renderen_links_en_tekst(mini_site: Path) -> None:
    pagina = lees(mini_site / "gids/macros/index.html")
    assert "../../voorbeeld/p2-k1-w2/" in pagina.links
    assert "../../voorbeeld/p2-k1-w2/#gedrag" in pagina.links
    assert "P2-K1-W2 Voert een verkoopgesprek" in pagina.tekst
    assert "Klaar en tevreden." in pagina.tekst  # resultaat in the card
    assert "../../voorbeeld/b1-k1-w1/" in pagina.links  # basisdeel in the profiel list
    assert "../../voorbeeld/p2-k1-w1/" in pagina.links
    assert kapotte_links(mini_site) == []


@pytest.mark.parametrize(("aanroep", "verwacht"), [
    ('{{ dossier_link("voorbeeld", "P9-K1-W1") }}',
     "gids/fout.md:5: onbekende code 'P9-K1-W1' in dossier 'voorbeeld'"),
    ('{{ werkproces_kaart("voorbeld", "P2-K1-W2") }}',
     "gids/fout.md:5: onbekend dossier 'voorbeld' (bedoelt u 'voorbeeld'?)"),
])
def test_onbekende_code_in_macro_stopt_de_build(tmp_path: Path, aanroep: str, verwacht: str
                                                ) -> None:
    pagina = f"---\nrender_macros: true\n---\n\n{aanroep}\n"
    proces = bouw(tmp_path, FIXTURES / "mini", {"index.md": "# Home\n", "gids/fout.md": pagina})
    assert proces.returncode != 0
    assert verwacht in proces.stderr


def test_macros_draaien_niet_in_gegenereerde_paginas(tmp_path: Path) -> None:
    data = kopieer_data(tmp_path / "data")
    pad = data / "voorbeeld/profielen/p2.yaml"
    jinja = 'resultaat: "{{ 7 * 6 }} {% if 1 %}ja{% endif %}"'
    pad.write_text(pad.read_text("utf-8").replace("resultaat: Gepland.", jinja), "utf-8")
    site = bouw_ok(tmp_path / "project", data)
    tekst = lees(site / "voorbeeld/p2-k1-w1/index.html").tekst
    assert "{{ 7 * 6 }} {% if 1 %}ja{% endif %}" in tekst
    assert "42" not in tekst


def test_ongeldige_data_breekt_de_build_af_zonder_site(tmp_path: Path) -> None:
    data = kopieer_data(tmp_path / "data")
    pad = data / "voorbeeld/profielen/p2.yaml"
    pad.write_text(pad.read_text("utf-8").replace("[Plannen en organiseren]",
                                                  "[Planen en organiseren]"), "utf-8")
    site = tmp_path / "project" / "site"
    site.mkdir(parents=True)
    (site / "oud.html").write_text("oud", "utf-8")
    proces = bouw(tmp_path / "project", data)
    assert proces.returncode != 0
    assert "p2.yaml:20:" in proces.stderr
    assert "onbekende competentie 'Planen en organiseren'" in proces.stderr
    assert "(bedoelt u 'Plannen en organiseren'?)" in proces.stderr
    assert [p.name for p in site.iterdir()] == ["oud.html"]
