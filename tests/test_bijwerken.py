"""What one rebuild of ``mkdocs serve`` reuses from the previous: unchanged dossiers, their pages
and export, and the fingerprints that decide which output files are rewritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossierbench.corpus import oudere_uitgave
from kwalificatiedossiers.bijwerken import PerDossier, Uitvoerstand, vingerafdruk
from kwalificatiedossiers.export import export_bestanden
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.laden import LaadCache, laad_corpus
from kwalificatiedossiers.paginas import Pagina, alle_paginas
from kwalificatiedossiers.paginas.basis import Bestand
from kwalificatiedossiers.problemen import DataFout

from conftest import kopieer_echte_data, wijzig

pytestmark = pytest.mark.unit


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return kopieer_echte_data(tmp_path / "data", "competenties.yaml", "relaties.yaml",
                              "commercie", "commercieel-medewerker-2009", "dienstverlening")


def _raak_aan(pad: Path) -> None:
    """Change a file's modification time, as an editor's save does."""
    status = pad.stat()
    os.utime(pad, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))


def test_ongewijzigde_dossiers_worden_niet_opnieuw_gelezen(data: Path) -> None:
    cache = LaadCache()
    eerste = laad_corpus(data, cache)
    _raak_aan(data / "dienstverlening" / "profielen" / "p1.yaml")
    tweede = laad_corpus(data, cache)
    assert tweede.dossier("commercie") is eerste.dossier("commercie")
    assert tweede.dossier("dienstverlening") is not eerste.dossier("dienstverlening")
    assert tweede.dossier("dienstverlening") == eerste.dossier("dienstverlening")
    assert tweede.bronplekken == eerste.bronplekken


def test_een_fout_blijft_een_fout_en_wordt_niet_bewaard(data: Path) -> None:
    cache = LaadCache()
    laad_corpus(data, cache)
    pad, regel = wijzig(data, "dienstverlening/dossier.yaml", "crebo: '23189'", "crebo: '2318'")
    for _ in range(2):  # also when the broken folder is read a second time
        with pytest.raises(DataFout) as info:
            laad_corpus(data, cache)
        assert any(p.bestand == pad and p.regel == regel for p in info.value.problemen)


def test_paginas_en_export_van_een_ongewijzigd_dossier_worden_hergebruikt(data: Path) -> None:
    laadcache = LaadCache()
    paginacache: PerDossier[list[Pagina]] = PerDossier()
    exportcache: PerDossier[list[Bestand]] = PerDossier()

    def bouw() -> tuple[dict[str, Pagina], dict[str, Bestand]]:
        index = Index(laad_corpus(data, laadcache))
        return ({p.src: p for p in alle_paginas(index, paginacache)},
                {b.src: b for b in export_bestanden(index, exportcache)})

    paginas, export = bouw()
    wijzig(data, "dienstverlening/profielen/p1.yaml", "titel:", "titel: Gewijzigd")
    nieuw, nieuwe_export = bouw()
    assert nieuw["commercie/p4-k1-w2.md"] is paginas["commercie/p4-k1-w2.md"]
    assert nieuwe_export["api/commercie.json"] is export["api/commercie.json"]
    assert nieuw["dienstverlening/p1.md"] is not paginas["dienstverlening/p1.md"]
    assert "Gewijzigd" in nieuw["dienstverlening/p1.md"].titel
    assert nieuwe_export["api/dienstverlening.json"] != export["api/dienstverlening.json"]
    # The competence pages read every dossier: always made anew, same content here.
    assert nieuw["competenties/j.md"] is not paginas["competenties/j.md"]
    assert nieuw["competenties/j.md"].body == paginas["competenties/j.md"].body
    # Without a cache (a build of the site), the same pages.
    zonder = alle_paginas(Index(laad_corpus(data)))
    assert [(p.src, p.body) for p in zonder] == sorted(
        ((p.src, p.body) for p in nieuw.values()), key=lambda x: x[0])


def test_paginas_van_een_ongewijzigde_versie_worden_hergebruikt(data: Path) -> None:
    # A version is a dossier of its own for the cache: an edit elsewhere makes none of its
    # pages again (every version's pages were made anew after each edit at 5,000 pages).
    assert oudere_uitgave(data / "dienstverlening") is not None
    laadcache = LaadCache()
    cache: PerDossier[list[Pagina]] = PerDossier()

    def bouw() -> tuple[Index, dict[str, Pagina]]:
        index = Index(laad_corpus(data, laadcache))
        return index, {p.src: p for p in alle_paginas(index, cache)}

    index, paginas = bouw()
    (versie,) = index.corpus.versies
    van_versie = [src for src in paginas if src.startswith(f"{versie.id}/")]
    assert len(van_versie) > 10
    wijzig(data, "commercie/profielen/p4.yaml", "titel:", "titel: Gewijzigd")
    _, nieuw = bouw()
    assert all(nieuw[src] is paginas[src] for src in van_versie)
    assert nieuw["commercie/p4.md"] is not paginas["commercie/p4.md"]


def test_relatie_met_een_gewijzigd_dossier_maakt_de_paginas_opnieuw(data: Path) -> None:
    laadcache = LaadCache()
    cache: PerDossier[list[Pagina]] = PerDossier()
    oud = {p.src: p for p in alle_paginas(Index(laad_corpus(data, laadcache)), cache)}
    wijzig(data, "commercieel-medewerker-2009/dossier.yaml", "titel: Commercieel medewerker",
           "titel: Commercieel medewerker (oud)")
    nieuw = {p.src: p for p in alle_paginas(Index(laad_corpus(data, laadcache)), cache)}
    # Commercie's dossier page names its voorganger, so it is made anew; Dienstverlening not.
    assert "Commercieel medewerker (oud)" in nieuw["commercie/index.md"].body
    assert nieuw["dienstverlening/index.md"] is oud["dienstverlening/index.md"]


def test_uitvoerstand() -> None:
    stand = Uitvoerstand()
    assert stand.bijwerken({"a": "1", "b": "2"}) == ({"a", "b"}, set())
    assert stand.bijwerken({"a": "1", "b": "3", "c": "4"}) == ({"b", "c"}, set())
    assert stand.bijwerken({"b": "3"}) == (set(), {"a", "c"})
    assert vingerafdruk("ab", "c") != vingerafdruk("a", "bc")


def test_voorvertoning_laadt_alleen_de_genoemde_dossiers(data: Path) -> None:
    corpus = laad_corpus(data, alleen=["commercieel-medewerker-2009"])
    assert [d.id for d in corpus.dossiers] == ["commercieel-medewerker-2009"]
    assert corpus.weggelaten == {"commercie", "dienstverlening"}
    assert corpus.relaties == ()  # its relation is with Commercie, which is left out
    assert ("voorvertoning van commercieel-medewerker-2009: 2 andere dossiers en hun relaties "
            "weggelaten") in corpus.meldingen
    beide = laad_corpus(data, alleen=["commercie", "commercieel-medewerker-2009"])
    assert [(r.voorganger, r.opvolger) for r in beide.relaties] == [
        ("commercieel-medewerker-2009", "commercie")]
    with pytest.raises(DataFout) as fout:
        laad_corpus(data, alleen=["comercie"])
    assert "onbekend dossier 'comercie' in de voorvertoning" in str(fout.value)
    assert "bekend: commercie, commercieel-medewerker-2009, dienstverlening" in str(fout.value)
