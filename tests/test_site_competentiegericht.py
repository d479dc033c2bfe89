"""The 2009-2010 competentiegericht dossier Commercieel medewerker on the strict build of the
real site: every entity has its page, the matrix page shows the source's own overview cell for
cell, compare pages for every pair of uitstromen, the relation with Commercie on both sides,
references shown as links, competence pages across generations, export and home page card.

Expectations come from the source text or the data read here (or in conftest.py), never from the
site's code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from kwalificatiedossiers.model.competentiegericht import DossierCompetentiegericht, Verwijzing
from kwalificatiedossiers.model.corpus import Corpus

from conftest import ID_2009 as ID
from conftest import matrixverschillen, overzicht_uit_bron
from htmlcontrole import lees

pytestmark = [pytest.mark.build, pytest.mark.xdist_group("echte_site")]


@pytest.fixture(scope="module")
def dossier(dossier_2009: DossierCompetentiegericht) -> DossierCompetentiegericht:
    return dossier_2009


# Reading tables and sections of built HTML ---------------------------------------------


@dataclass
class Tabel:
    """A table: its caption and, per row, the row's class and its cells' text."""

    bijschrift: str = ""
    rijen: list[tuple[str, list[str]]] = field(default_factory=list)
    koppen: list[str] = field(default_factory=list)
    """Every ``th`` with a ``scope``, as (scope: text)."""


class _TabelLezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tabellen: list[Tabel] = []
        self.cel: list[str] | None = None
        self.in_bijschrift = False
        self.scope: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self.tabellen.append(Tabel())
        elif not self.tabellen:
            return
        elif tag == "caption":
            self.in_bijschrift = True
        elif tag == "tr":
            self.tabellen[-1].rijen.append((a.get("class") or "", []))
        elif tag in {"td", "th"}:
            self.cel = []
            self.scope = a.get("scope")

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self.in_bijschrift = False
        elif tag in {"td", "th"} and self.cel is not None and self.tabellen:
            tekst = " ".join(" ".join(self.cel).split())
            self.tabellen[-1].rijen[-1][1].append(tekst)
            if tag == "th" and self.scope:
                self.tabellen[-1].koppen.append(f"{self.scope}: {tekst}")
            self.cel = None

    def handle_data(self, data: str) -> None:
        if self.in_bijschrift:
            self.tabellen[-1].bijschrift += data
        elif self.cel is not None:
            self.cel.append(data)


def tabellen(html: str) -> list[Tabel]:
    lezer = _TabelLezer()
    lezer.feed(html)
    return lezer.tabellen


def tabel(html: str, bijschrift_begin: str) -> Tabel:
    gevonden = [t for t in tabellen(html) if t.bijschrift.strip().startswith(bijschrift_begin)]
    assert len(gevonden) == 1, [t.bijschrift for t in tabellen(html)]
    return gevonden[0]


def sectie(html: str, anker: str) -> str:
    """The HTML from the heading with id ``anker`` to the next heading of the same or a
    higher level."""
    kop = re.search(rf'<h([1-6])[^>]*\bid="{re.escape(anker)}"', html)
    assert kop, anker
    niveau = int(kop.group(1))
    einde = re.compile(rf"<h[1-{niveau}][ >]").search(html, kop.end())
    return html[kop.start():einde.start() if einde else len(html)]


def hrefs(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]*)"', html)


def pagina(site: Path, pad: str) -> str:
    return (site / pad / "index.html").read_text("utf-8")


def doel(van: str, href: str) -> str:
    """The site path a relative link on page ``van`` (a directory URL) points at."""
    pad = urlsplit(href).path
    delen = [d for d in van.split("/") if d]
    for stap in pad.split("/"):
        if stap == "..":
            delen.pop()
        elif stap and stap != ".":
            delen.append(stap)
    return "/".join(delen) + "/"


# The overview werkproces × uitstroom -----------------------------------------------------


def overzicht_op_pagina(html: str) -> dict[str, set[str]]:
    """The rendered overview: werkproces code → uitstromen whose cell holds the code."""
    t = tabel(html, "Werkprocessen per uitstroom")
    kolommen = [re.match(r"(U\d+)", k).group(1) for k in t.rijen[0][1][1:]]  # type: ignore[union-attr]
    lid = {}
    for klasse, cellen in t.rijen[1:]:
        if "kd-matrix__werkproces" not in klasse:
            continue
        code = cellen[0].split()[0]
        lid[code] = set()
        for uitstroom, cel in zip(kolommen, cellen[1:], strict=True):
            if cel == code:
                lid[code].add(uitstroom)
            else:
                assert cel == "niet in deze uitstroom", (code, uitstroom, cel)
    return lid


def test_bron_overzicht_heeft_19_werkprocessen_en_4_uitstromen() -> None:
    overzicht = overzicht_uit_bron()
    assert len(overzicht) == 19
    assert set().union(*(u for _, u in overzicht.values())) == {"U1", "U2", "U3", "U4"}


@pytest.mark.parametrize("pad", [f"{ID}/matrix", ID])
def test_overzicht_op_de_site_is_cel_voor_cel_dat_van_de_bron(echte_site: Path, pad: str
                                                              ) -> None:
    verwacht = {code: set(uitstromen) for code, (_, uitstromen) in overzicht_uit_bron().items()}
    assert overzicht_op_pagina(pagina(echte_site, pad)) == verwacht


def test_overzicht_toont_de_titels_van_de_bron(echte_site: Path) -> None:
    t = tabel(pagina(echte_site, f"{ID}/matrix"), "Werkprocessen per uitstroom")
    koppen = {c[0].split()[0]: c[0].split(" ", 1)[1] for k, c in t.rijen if "werkproces" in k}
    for code, (titel, _) in overzicht_uit_bron().items():
        # The source's overview writes "verkooptraject /-gesprek" where deel B has no space.
        assert " ".join(koppen[code].split()) == " ".join(titel.replace(" /-", "/-").split())


# Every entity has its page ----------------------------------------------------------------


def entiteitpaden(dossier: DossierCompetentiegericht) -> dict[str, str]:
    """Page path → the title its h1 must show, written out from the data."""
    paden = {f"{ID}/": "Commercieel medewerker (cohort 2009-2010)"}
    paden |= {f"{ID}/{u.code.lower()}/": f"{u.code} {u.titel}" for u in dossier.uitstromen}
    for k in dossier.kerntaken:
        paden[f"{ID}/k{k.nummer}/"] = f"Kerntaak {k.nummer}: {k.titel}"
        paden |= {f"{ID}/{w.code.replace('.', '-')}/": f"{w.code} {w.titel}"
                  for w in k.werkprocessen}
    return paden


def test_elke_entiteit_heeft_een_pagina_met_kruimelpad_en_bewerklink(
    echte_site: Path, dossier: DossierCompetentiegericht,
) -> None:
    paden = entiteitpaden(dossier)
    assert len(paden) == 1 + 4 + 3 + 19
    for pad, titel in paden.items():
        html = pagina(echte_site, pad)
        h1 = re.search(r"<h1[^>]*>(.*?)(<a class=\"headerlink\".*)?</h1>", html, re.S)
        assert h1
        assert re.sub(r"<[^>]+>", "", h1.group(1)).strip() == titel
        assert 'class="kd-kruimelpad"' in html, pad
        bewerk = re.search(r'<a href="([^"]+)" rel="edit">', html)
        assert bewerk, pad
        assert f"/dossier-data/{ID}/" in bewerk.group(1), (pad, bewerk.group(1))
    u1 = pagina(echte_site, f"{ID}/u1")
    assert f"dossier-data/{ID}/uitstromen/u1.yaml" in u1


def test_crebo_korte_links(echte_site: Path) -> None:
    for crebo in ("90110", "93800"):
        html = (echte_site / crebo / "index.html").read_text("utf-8")
        assert f'content="0; url=../{ID}/"' in html


def test_werkprocespagina_heeft_ankers_per_uitstroom(
    echte_site: Path, dossier: DossierCompetentiegericht,
) -> None:
    for uitstroom in dossier.uitstromen:
        for kerntaak in uitstroom.uitwerking:
            for w in kerntaak.werkprocessen:
                pad = f"{ID}/{w.werkproces.replace('.', '-')}"
                ids = lees(echte_site / pad / "index.html").ids
                u = uitstroom.code.lower()
                assert {u, f"{u}-omschrijving", f"{u}-resultaat", f"{u}-competenties"} <= ids


def test_talen_en_rekenen_als_toegankelijke_tabellen(
    echte_site: Path, dossier: DossierCompetentiegericht,
) -> None:
    html = pagina(echte_site, f"{ID}/u1")
    u1 = dossier.uitstromen[0]
    nederlands = tabel(html, "Nederlands: vereist niveau per vaardigheid (U1)")
    assert nederlands.rijen[0][1] == ["Vaardigheid", "A1", "A2", "B1", "B2", "C1", "C2",
                                      "Hoogste niveau"]
    assert "col: B2" in nederlands.koppen
    assert "row: Luisteren" in nederlands.koppen
    luisteren = dict(zip(nederlands.rijen[0][1], nederlands.rijen[1][1], strict=True))
    for niveau in ("A1", "A2", "B1", "B2", "C1", "C2"):
        verwacht = "× vereist" if niveau in u1.taaleisen[0].luisteren else "niet vereist"
        assert luisteren[niveau] == verwacht
    assert luisteren["Hoogste niveau"] == u1.taaleisen[0].luisteren[-1]
    assert tabel(html, "Rekenen en wiskunde: vereist niveau per domein (U1)")


# Compare pages ---------------------------------------------------------------------------


def test_vergelijkpagina_voor_elk_paar_bereikbaar_van_matrix_en_uitstromen(
    echte_site: Path, dossier: DossierCompetentiegericht,
) -> None:
    codes = [u.code.lower() for u in dossier.uitstromen]
    paren = list(combinations(codes, 2))
    assert len(paren) == 6
    matrix = {doel(f"{ID}/matrix/", h) for h in hrefs(pagina(echte_site, f"{ID}/matrix"))}
    for a, b in paren:
        pad = f"{ID}/vergelijk/{a}-{b}/"
        assert (echte_site / pad / "index.html").exists()
        assert pad in matrix
        for u in (a, b):
            van = f"{ID}/{u}/"
            assert pad in {doel(van, h) for h in hrefs(pagina(echte_site, van))}, (u, pad)


def test_vergelijkpagina_toont_woordverschillen_van_gedeelde_werkprocessen(
    echte_site: Path,
) -> None:
    lid = {code: set(u) for code, (_, u) in overzicht_uit_bron().items()}
    html = pagina(echte_site, f"{ID}/vergelijk/u1-u4")
    gedeeld = [code for code, u in lid.items() if {"U1", "U4"} <= u]
    assert gedeeld
    for code in gedeeld:
        stuk = sectie(html, code.replace(".", "-"))
        assert f"{code} (U1) naast {code} (U4)" in stuk
    assert "<del>" in html
    assert "<ins>" in html
    alleen_u4 = sectie(html, "alleen-u4")
    for code, u in lid.items():
        if "U4" in u and "U1" not in u:
            assert f"../../{code.replace('.', '-')}/#u4" in alleen_u4, code


# Competences across generations ----------------------------------------------------------


def test_competentiepagina_noemt_werkprocessen_van_2009_met_componenten(
    echte_site: Path, dossier: DossierCompetentiegericht,
) -> None:
    html = pagina(echte_site, "competenties/j")
    werkprocessen = sectie(html, f"dossier-{ID}")
    # Every werkproces whose uitwerking names "Formuleren en rapporteren" in any uitstroom.
    verwacht = sorted({w.werkproces for u in dossier.uitstromen for k in u.uitwerking
                       for w in k.werkprocessen
                       if any(c.competentie == "Formuleren en rapporteren"
                              for c in w.competenties)})
    gelinkt = sorted({doel("competenties/j/", h).split("/")[1].replace("-", ".")
                      for h in hrefs(werkprocessen) if h.startswith(f"../../{ID}/")})
    assert gelinkt == verwacht
    assert "U1 Commercieel medewerker binnendienst" in werkprocessen
    componenten = sectie(html, f"componenten-{ID}")
    assert "Bron: deel C van het kwalificatiedossier" in componenten
    assert "Nauwkeurig en volledig rapporteren" in componenten
    ids = lees(echte_site / "competenties/j/index.html").ids
    assert {f"dossier-{ID}", "dossier-commercie"} <= ids


# The relation with Commercie -------------------------------------------------------------


def test_relatie_op_beide_dossierpaginas(echte_site: Path) -> None:
    oud = sectie(pagina(echte_site, ID), "relaties")
    nieuw = sectie(pagina(echte_site, "commercie"), "relaties")
    assert "commercie/" in {doel(f"{ID}/", h) for h in hrefs(oud)}
    assert f"{ID}/" in {doel("commercie/", h) for h in hrefs(nieuw)}
    assert "Opvolger: Commercie (23354)" in oud
    assert "Voorganger: Commercieel medewerker (cohort 2009-2010)" in nieuw
    for stuk in (oud, nieuw):
        assert "oordeel van de beheerders" in stuk
        assert "SBB legt die opvolging niet vast in de bronnen" in stuk


@pytest.mark.parametrize(("van", "naar"), [
    (f"{ID}/u1/", "commercie/p1/"), (f"{ID}/u2/", "commercie/p1/"),
    (f"{ID}/u4/", "commercie/p4/"), ("commercie/p1/", f"{ID}/u1/"),
    ("commercie/p1/", f"{ID}/u2/"), ("commercie/p4/", f"{ID}/u4/"),
])
def test_voortzetting_op_uitstroom_en_profielpagina(echte_site: Path, van: str, naar: str
                                                    ) -> None:
    stuk = sectie(pagina(echte_site, van), "relaties")
    assert naar in {doel(van, h) for h in hrefs(stuk)}
    assert "oordeel van de beheerders" in stuk


def test_uitstroom_zonder_tegenhanger(echte_site: Path) -> None:
    stuk = sectie(pagina(echte_site, f"{ID}/u3"), "relaties")
    assert "geen tegenhanger" in stuk
    assert "commercie/p" not in " ".join(doel(f"{ID}/u3/", h) for h in hrefs(stuk))


# "Zie de eerste competentie van dit werkproces" ------------------------------------------


def test_verwijzing_is_een_link_naar_de_eerste_competentie_geen_kopie(
    echte_site: Path, dossier: DossierCompetentiegericht, echt_corpus: Corpus,
) -> None:
    code_van = {c.naam: c.code for c in echt_corpus.competenties}
    verwijzingen = 0
    for uitstroom in dossier.uitstromen:
        u = uitstroom.code.lower()
        for kerntaak in uitstroom.uitwerking:
            for w in kerntaak.werkprocessen:
                html = pagina(echte_site, f"{ID}/{w.werkproces.replace('.', '-')}")
                eerste = w.competenties[0]
                assert isinstance(eerste.vakkennis, list)
                for c in w.competenties[1:]:
                    if not isinstance(c.vakkennis, Verwijzing):
                        continue
                    verwijzingen += 1
                    stuk = sectie(html, f"{u}-{code_van[c.competentie].lower()}")
                    assert "Zie de eerste competentie van dit werkproces" in stuk
                    assert f'href="#{u}-{code_van[eerste.competentie].lower()}"' in stuk
                    # Not a copy: none of the first competence's vakkennis items is listed here.
                    assert "<li>" not in stuk.split("Vakkennis en vaardigheden", 1)[1]
    assert verwijzingen == 136


# What the source contradicts, on the dossier page ----------------------------------------


def test_tegenstrijdigheden_van_de_bron_op_de_bronpagina(
    echte_site: Path, dossier: DossierCompetentiegericht, echt_corpus: Corpus,
) -> None:
    code_van = {c.naam: c.code for c in echt_corpus.competenties}
    verwacht = {(u, w) for u, w, _, _ in matrixverschillen(dossier, code_van)}
    # On the dossier's provenance page since issue 12; the dossier page keeps the anchor.
    assert 'id="tegenstrijdigheden"' in pagina(echte_site, ID)
    html = pagina(echte_site, f"{ID}/bron")
    stuk = sectie(html, "tegenstrijdigheden")
    assert "U2 × kerntaak 3" in stuk
    rijen = tabel(sectie(html, "matrices-en-deel-c"), "").rijen[1:]
    assert {(c[0], c[1]) for _, c in rijen} == verwacht
    assert len(verwacht) == 31


# Export and home page --------------------------------------------------------------------


def test_export_met_url_op_elke_entiteit(echte_site: Path) -> None:
    lijst = json.loads((echte_site / "api/dossiers.json").read_text("utf-8"))["dossiers"]
    item = next(d for d in lijst if d["id"] == ID)
    assert item["crebos"] == ["90110", "93800"]
    assert item["formaat"] == "competentiegericht"
    data = json.loads((echte_site / item["json"]).read_text("utf-8"))
    entiteiten = [data, *data["uitstromen"], *data["kerntaken"],
                  *[w for k in data["kerntaken"] for w in k["werkprocessen"]]]
    assert len(entiteiten) == 1 + 4 + 3 + 19
    assert [k["code"] for k in data["kerntaken"]] == ["K1", "K2", "K3"]
    for entiteit in entiteiten:
        assert (echte_site / entiteit["url"] / "index.html").exists(), entiteit["url"]
    schema = json.loads((echte_site / "api/schema.json").read_text("utf-8"))
    for naam in ("Uitstroom", "KerntaakCompetentiegericht", "WerkprocesCompetentiegericht"):
        assert "url" in schema["$defs"][naam]["properties"], naam


def test_kaart_op_de_homepagina(echte_site: Path) -> None:
    html = (echte_site / "index.html").read_text("utf-8")
    kaart = html[html.index(f'href="{ID}/"'):]
    kaart = kaart[:kaart.index("</li>")]
    tekst = " ".join(re.sub(r"<[^>]+>", " ", kaart).split())
    assert "Crebo 90110, 93800 · mbo-niveau 3, 4" in tekst
    assert "U4 (Junior) accountmanager" in tekst
    assert "Cohort 2009 - 2010" in tekst


# In the browser --------------------------------------------------------------------------


@pytest.mark.browser
def test_in_de_browser(browser: Browser, adres: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    breedtes = {}
    for pad in (f"{ID}/2-3/", f"{ID}/u1/", f"{ID}/matrix/", f"{ID}/vergelijk/u1-u4/", f"{ID}/"):
        page.goto(adres + pad)
        breedtes[pad] = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    page.goto(adres + "93800/")
    page.wait_for_url(f"**/{ID}/")
    titel = page.locator("h1").first.inner_text().rstrip("#").strip()
    page.goto(adres + "?zoek=90110")
    page.locator(".kd-resultaat").first.wait_for()
    eerste = str(page.locator(".kd-resultaat").first.get_attribute("href"))
    # Home → dossier → uitstroom → werkproces → competentie by clicking links only.
    page.goto(adres)
    for naam in ("Commercieel medewerker", "U4", "2.4 Verkoopt behoeftegericht"):
        page.locator("article").get_by_role("link", name=naam, exact=True).first.click()
        page.wait_for_load_state()
    page.locator('article a[href*="competenties/"]').first.click()
    page.wait_for_load_state()
    pad = urlsplit(page.url).path
    context.close()
    assert all(b[0] <= b[1] for b in breedtes.values()), breedtes
    assert titel == "Commercieel medewerker (cohort 2009-2010)"
    assert urlsplit(eerste).path.endswith(f"/{ID}/"), eerste
    assert re.fullmatch(r"/competenties/[a-y]/", pad), pad


def test_werkprocessen_en_hun_tegenhanger_op_uitstroom_en_profiel(echte_site: Path) -> None:
    for pad, van in ((f"{ID}/u1", f"{ID}/u1/"), ("commercie/p1", "commercie/p1/")):
        tabel = sectie(pagina(echte_site, pad), "werkprocessen-u1-p1")
        rijen = re.findall(r"<tr>(.*?)</tr>", tabel, re.S)[1:]
        assert len(rijen) == 11
        bevestigd = [r for r in rijen if "bevestigd door de beheerders" in r]
        assert len(bevestigd) == 1
        assert {doel(van, h) for h in hrefs(bevestigd[0])} == {f"{ID}/2-7/", "commercie/p1-k1-w6/"}
        assert all(re.search(r"berekend, gelijkenis 0,\d\d", r) for r in rijen
                   if r not in bevestigd)
