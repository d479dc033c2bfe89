"""One output path, one source: the guard itself, and random dossier ids, codes and crebos
against it (whatever the loader accepts never makes two sources for one output path)."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File

from kwalificatiedossiers.doorverwijzingen import doorverwijzingen
from kwalificatiedossiers.export import export_bestanden
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import laad_corpus
from kwalificatiedossiers.paginas import alle_paginas
from kwalificatiedossiers.problemen import DataFout
from kwalificatiedossiers.uitvoer import Uitvoer, UitvoerFout, controleer_uitvoer, site_uitvoer
from kwalificatiedossiers.urls import GERESERVEERD, id_bezwaar
from kwalificatiedossiers.zoeken import ZOEKMAP

from conftest import FIXTURES, REPO, voorbeelden

pytestmark = pytest.mark.unit


def _fout(*uitvoer: tuple[str, str]) -> list[str]:
    with pytest.raises(UitvoerFout) as info:
        controleer_uitvoer(Uitvoer(pad, bron) for pad, bron in uitvoer)
    return str(info.value).splitlines()


def test_twee_bronnen_voor_een_pad() -> None:
    assert _fout(("23354/index.html", "docs/23354.md"), ("a/index.html", "docs/a.md"),
                 ("23354/index.html", "korte link van crebo 23354")) == [
        "1 keer twee bronnen voor één uitvoerpad:",
        "  23354/index.html: docs/23354.md en korte link van crebo 23354",
    ]


def test_een_bestand_onder_een_bestand_en_in_een_geclaimde_map() -> None:
    assert _fout(("api", "docs/api"), ("api/x.json", "export"), ("zoeken/", "zoekindex"),
                 ("zoeken/index.json", "docs/zoeken/index.json"), ("zoek", "docs/zoek"),
                 ("zoek/", "een map")) == [
        "3 keer twee bronnen voor één uitvoerpad:",
        "  api/x.json (export) ligt in het bestand api (docs/api)",
        "  zoeken/index.json (docs/zoeken/index.json) ligt in de map zoeken/ (zoekindex)",
        "  zoek/ (een map) ligt in het bestand zoek (docs/zoek)",
    ]


def test_geneste_mappen_zonder_botsing() -> None:
    controleer_uitvoer([Uitvoer("a/index.html", "x"), Uitvoer("a/b/index.html", "y"),
                        Uitvoer("a/b.json", "z"), Uitvoer("zoeken/", "zoekindex"),
                        Uitvoer("zoeken-hulp/index.html", "docs")])


_PAD = st.lists(st.sampled_from(["a", "b", "zoeken", "index.html", "x.json"]), min_size=1,
                max_size=3).map("/".join)


@settings(max_examples=voorbeelden(100), deadline=None)
@given(st.lists(st.tuples(_PAD, st.booleans()), max_size=12))
def test_de_bewaker_vindt_precies_de_botsingen(paden: list[tuple[str, bool]]) -> None:
    uitvoer = [Uitvoer(pad + ("/" if map_ else ""), f"bron {i}")
               for i, (pad, map_) in enumerate(paden)]
    # What a file system would make of it: every path wants its folders, and a claimed folder
    # or a file takes its path whole.
    verwacht = False
    for a, b in itertools.combinations(uitvoer, 2):
        pa, pb = a.pad.rstrip("/"), b.pad.rstrip("/")
        if pa == pb:
            verwacht = True
        for kort, lang in ((pa, pb), (pb, pa)):
            if lang.startswith(kort + "/"):
                verwacht = True
    try:
        controleer_uitvoer(uitvoer)
    except UitvoerFout:
        assert verwacht
    else:
        assert not verwacht


# --- random ids, codes and crebos through loader, pages and guard ---------------------------



def _meestal(geldig: st.SearchStrategy[str], vijandig: st.SearchStrategy[str]
             ) -> st.SearchStrategy[str]:
    """Mostly a valid value (so that many examples reach the pages), now and then a hostile one."""
    return st.sampled_from([geldig] * 5 + [vijandig]).flatmap(lambda strategie: strategie)


_IDS = _meestal(
    st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True),
    st.one_of(
        st.sampled_from(sorted(GERESERVEERD)),
        st.sampled_from(["12345", "12346", "23354", "00000", "123456", "1", "404"]),  # crebo-like
        st.text(st.sampled_from(list("ap-1١５.")), min_size=1, max_size=8),
        st.just("x" * 65),
    ))
_CODES = _meestal(st.sampled_from([("1", "2"), ("2", "1"), ("01", "10"), ("3", "12")]),
                  st.tuples(st.sampled_from(["١", "٢", "５", "१", "1١", "1"]),
                            st.sampled_from(["2", "1", "٢", "２"])))
_CREBOS = _meestal(
    st.lists(st.integers(10000, 99999).map(str), min_size=3, max_size=3, unique=True).map(tuple),
    st.tuples(st.sampled_from(["12345", "１２３４６", "١٢٣٤٦", "1234", "123456"]),
              st.sampled_from(["12346", "12345"]), st.sampled_from(["12347", "12346"])))
_DOCS = sorted(p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*")
               if p.is_file())


def _maak_dossier(data: Path, dossier_id: str, codes: tuple[str, str],
                  crebos: tuple[str, str, str]) -> None:
    """The fixture dossier with this id, profiel numbers and crebos (dossier, P1, P2)."""
    veilig = re.fullmatch(r"[^/\x00]{1,100}", dossier_id) and dossier_id not in (".", "..")
    doel = data / (dossier_id if veilig else "ongeldig")
    if doel.exists():
        doel = data / f"{doel.name}-tweede"
    shutil.copytree(FIXTURES / "mini" / "voorbeeld", doel)
    kop = doel / "dossier.yaml"
    tekst = kop.read_text("utf-8").replace("id: voorbeeld", f"id: '{dossier_id}'")
    kop.write_text(tekst.replace('crebo: "12345"', f'crebo: "{crebos[0]}"'), "utf-8")
    profielen = [doel / "profielen/p1.yaml", doel / "profielen/p2.yaml"]
    teksten = [p.read_text("utf-8") for p in profielen]
    for pad in profielen:
        pad.unlink()
    for i, profiel in enumerate(teksten):
        code = f"P{codes[i]}"
        (doel / f"profielen/{code.lower()}.yaml").write_text(
            re.sub(r"\bP[12]\b", code, profiel).replace(f'"{12346 + i}"', f'"{crebos[i + 1]}"'),
            "utf-8")


def _site_uitvoer(index: Index) -> list[Uitvoer]:
    """Every output of a build of this index with the repository's hand-written pages, computed
    as the plugin does, with MkDocs' own mapping from source to output path."""
    docs = [File(src, "docs", "site", use_directory_urls=True) for src in _DOCS]
    eigen = [File(src, None, "site", use_directory_urls=True) for src in
             [p.src for p in alle_paginas(index)]
             + [b.src for b in [*doorverwijzingen(index), *export_bestanden(index)]]]
    return site_uitvoer(docs, [*docs, *eigen], {"404.html", "sitemap.xml"}, ZOEKMAP)


@settings(max_examples=voorbeelden(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_IDS, _CODES, _CREBOS), min_size=2, max_size=2))
def test_wat_de_lader_aanneemt_heeft_een_bron_per_uitvoerpad(
        tmp_path_factory: pytest.TempPathFactory,
        dossiers: list[tuple[str, tuple[str, str], tuple[str, str, str]]]) -> None:
    data = tmp_path_factory.mktemp("data")
    shutil.copy(FIXTURES / "mini" / "competenties.yaml", data)
    for dossier_id, codes, crebos in dossiers:
        _maak_dossier(data, dossier_id, codes, crebos)
    try:
        corpus = laad_corpus(data)
    except DataFout:
        return  # refused (with file and line: test_laden_veilig): nothing is built
    for dossier in corpus.dossiers:
        assert id_bezwaar(dossier.id) is None
        codes = [p.code for p in dossier.profielen]  # type: ignore[union-attr]
        assert all(c.isascii() for c in [*codes, dossier.crebo])  # type: ignore[union-attr]
    uitvoer = _site_uitvoer(Index(corpus))
    controleer_uitvoer(uitvoer)
    assert len({u.pad for u in uitvoer}) == len(uitvoer)
