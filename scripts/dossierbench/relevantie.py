"""``make relevantie``: how well the site search answers the relevance set, through the real UI.

Builds the site from the repository (or takes a built one with ``--site``), serves it on
loopback, and types every query of ``zoekvragen.yaml`` into the search dialog of Chromium at
375 px, as a student on a phone would. Per query class it prints top-1 (the first result is an
acceptable answer), top-3 and the mean reciprocal rank over the results shown first, then the
queries whose answer is not in the top 3. ``--varianten`` does the same for alternative ranking
models (``window.kdZoekInstellingen``, see ``zoeken.js``): the figures the chosen model was
decided on.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Browser, Page, sync_playwright

from dossierbench.gzipsite import ARGS, CHROMIUM, serveer_gzip
from dossierbench.project import REPO
from dossierbench.zoekmeting import KLAAR

ZOEKVRAGEN = Path(__file__).with_name("zoekvragen.yaml")
TELT = 6
"""Results counted for the reciprocal rank: what the dialog shows at first (zoeken.js
PER_KEER; more come with "Meer resultaten")."""

VARIANTEN: dict[str, dict[str, Any]] = {
    "gekozen": {},
    "zonder idf": {"idf": False},
    "idf per term": {"idf": "term"},
    "zonder typevoorkeur": {"soorten": {}},
    "plaats telt niet": {"klassen": [0, 1, 1, 1, 1, 1, 1, 1]},
    "deel telt als geheel": {"klassen": [0, 1, 1, 3, 3, 10, 10, 20]},
    "code telt als titel": {"klassen": [0, 0.6, 1, 2, 3, 6, 10, 10]},
    "zonder gesplitste delen": {"samengesteld": 0.0001},
    "zonder typfouten": {"typfout": 0},
    "voltooien gelijk aan exact": {"voltooid": 1, "afgeleid": 1},
    "acht voltooiingen": {"voltooiingen": 8},
}
"""Ranking models compared by ``--varianten``: overrides of zoeken.js's INSTELLINGEN."""


@dataclass(frozen=True)
class Vraag:
    """A query of the relevance set."""

    vraag: str
    klasse: str
    antwoorden: tuple[str, ...]


@dataclass(frozen=True)
class Uitkomst:
    """What the dialog answered to one query."""

    vraag: Vraag
    resultaten: tuple[str, ...]
    """Site-relative addresses of the results shown, best first."""

    @property
    def rang(self) -> int | None:
        """The position (1…) of the first acceptable answer among the first :data:`TELT`."""
        for i, adres in enumerate(self.resultaten[:TELT], 1):
            if adres in self.vraag.antwoorden:
                return i
        return None


def lees_vragen(pad: Path = ZOEKVRAGEN) -> list[Vraag]:
    """The relevance set; a precise error for a malformed entry."""
    vragen = []
    for i, item in enumerate(yaml.safe_load(pad.read_text("utf-8")), 1):
        if not (isinstance(item, dict) and isinstance(item.get("vraag"), str)
                and isinstance(item.get("klasse"), str) and item.get("antwoorden")):
            raise ValueError(f"{pad}: vraag {i}: verwacht vraag, klasse en antwoorden, "
                             f"gevonden {item!r}")
        vragen.append(Vraag(item["vraag"], item["klasse"],
                            tuple(str(a) for a in item["antwoorden"])))
    return vragen


def vraag_in_dialoog(pagina: Page, vraag: str) -> list[str]:
    """Type one query into the open search dialog; the result addresses once they show."""
    veld = pagina.locator("#kd-zoekveld")
    if not veld.is_visible():
        pagina.locator("[data-kd-zoek-open]").first.click()
    veld.fill(vraag)
    pagina.wait_for_function(KLAAR, arg=vraag.strip(), timeout=15_000)
    return [str(a) for a in pagina.locator("#kd-resultaten .kd-resultaat").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")]


def meet(adres: str, vragen: list[Vraag], instellingen: dict[str, Any] | None = None, *,
         browser: Browser | None = None) -> list[Uitkomst]:
    """Run every query through the dialog at 375 px; what it answered. Without ``browser``,
    Chromium is started for the purpose."""
    if browser is None:
        with sync_playwright() as playwright:
            eigen = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                return meet(adres, vragen, instellingen, browser=eigen)
            finally:
                eigen.close()
    context = browser.new_context(viewport={"width": 375, "height": 812})
    if instellingen:
        context.add_init_script(f"window.kdZoekInstellingen = {json.dumps(instellingen)};")
    pagina = context.new_page()
    pagina.goto(adres)
    uitkomsten = []
    for vraag in vragen:
        resultaten = vraag_in_dialoog(pagina, vraag.vraag)
        relatief = tuple(r.removeprefix(adres).lstrip("/") if r.startswith(adres) else r
                         for r in resultaten)
        uitkomsten.append(Uitkomst(vraag, relatief))
    context.close()
    return uitkomsten


@dataclass(frozen=True)
class Cijfers:
    """Top-1, top-3 and MRR over some queries."""

    aantal: int
    top1: float
    top3: float
    mrr: float


def cijfers(uitkomsten: list[Uitkomst]) -> Cijfers:
    """The figures of a list of outcomes."""
    rangen = [u.rang for u in uitkomsten]
    n = len(rangen) or 1
    return Cijfers(
        aantal=len(rangen),
        top1=sum(r == 1 for r in rangen) / n,
        top3=sum(r is not None and r <= 3 for r in rangen) / n,
        mrr=sum(1 / r for r in rangen if r) / n,
    )


def per_klasse(uitkomsten: list[Uitkomst]) -> dict[str, Cijfers]:
    """Figures per query class (in the order of the set) and over all (``alle``)."""
    klassen = list(dict.fromkeys(u.vraag.klasse for u in uitkomsten))
    uit = {k: cijfers([u for u in uitkomsten if u.vraag.klasse == k]) for k in klassen}
    uit["alle"] = cijfers(uitkomsten)
    return uit


def tabel(figuren: dict[str, Cijfers]) -> str:
    """The figures as a table, one class a row."""
    regels = [f"{'klasse':<14}{'n':>4}{'top-1':>8}{'top-3':>8}{'MRR':>7}"]
    for klasse, c in figuren.items():
        regels.append(f"{klasse:<14}{c.aantal:>4}{c.top1:>8.0%}{c.top3:>8.0%}{c.mrr:>7.2f}")
    return "\n".join(regels)


def bouw_site(doel: Path) -> Path:
    """Build the repository's site (strict) into ``doel``."""
    proces = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"),
         "-d", str(doel)], capture_output=True, text=True, cwd=REPO, check=False)
    if proces.returncode != 0:
        raise SystemExit(f"bouw mislukt:\n{proces.stderr[-4000:]}")
    return doel


def main(argv: list[str] | None = None) -> int:
    """Run the relevance set and print the figures."""
    parser = argparse.ArgumentParser(prog="dossierbench.relevantie", description=__doc__)
    parser.add_argument("--site", type=Path, help="een gebouwde site (standaard: nu bouwen)")
    parser.add_argument("--varianten", action="store_true",
                        help="vergelijk ook de alternatieve rangschikkingen")
    parser.add_argument("--json", type=Path, help="schrijf de cijfers ook als JSON")
    args = parser.parse_args(argv)
    vragen = lees_vragen()
    with tempfile.TemporaryDirectory(prefix="relevantie-") as werk:
        site = args.site or bouw_site(Path(werk) / "site")
        with serveer_gzip(site) as adres:
            varianten = VARIANTEN if args.varianten else {"gekozen": {}}
            resultaten: dict[str, dict[str, Cijfers]] = {}
            for naam, instellingen in varianten.items():
                uitkomsten = meet(adres, vragen, instellingen)
                resultaten[naam] = per_klasse(uitkomsten)
                print(f"\n{naam} ({len(vragen)} zoekvragen, Chromium 375 px)")
                print(tabel(resultaten[naam]))
                if naam == "gekozen":
                    for u in uitkomsten:
                        if u.rang is None or u.rang > 3:
                            print(f"  niet in top 3: {u.vraag.vraag!r} ({u.vraag.klasse}): "
                                  f"{', '.join(u.resultaten[:3]) or 'geen resultaten'}")
    if args.json:
        args.json.write_text(json.dumps(
            {naam: {k: vars(c) for k, c in figuren.items()}
             for naam, figuren in resultaten.items()}, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
