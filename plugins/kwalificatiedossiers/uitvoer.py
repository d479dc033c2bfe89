"""One output path, one source: no two things the build writes may land on the same file.

Every file of the site comes from exactly one source: a hand-written page, a theme asset, a
generated page, a crebo short link, an export file, the search index. Two sources with one
output path would silently overwrite each other: MkDocs keeps only the last file with a source
path and writes output files over each other, and the search index writes its folder after all
pages. Before anything is written, the build lists every output path with its source and stops,
naming both sources, when two collide, when a file lies below a path another source writes as a
file, or when a file lies in a folder that one source claims whole.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kwalificatiedossiers.problemen import toon_bestand
from kwalificatiedossiers.tekens import zichtbaar


@dataclass(frozen=True)
class Uitvoer:
    """One output of the build and where it comes from."""

    pad: str
    """The path in the site (``commercie/index.html``); ending in ``/`` for a folder that one
    source fills as a whole (``zoeken/``)."""
    bron: str
    """The source, as a maintainer finds it: a file, or what generates it from which data."""


class UitvoerFout(Exception):
    """Two sources for one output path; the message names every pair."""

    def __init__(self, botsingen: list[tuple[Uitvoer, Uitvoer]]) -> None:
        self.botsingen = botsingen
        regels = [_beschrijf(a, b) for a, b in botsingen]
        super().__init__(zichtbaar(
            f"{len(regels)} keer twee bronnen voor één uitvoerpad:\n"
            + "\n".join(f"  {r}" for r in regels)))


def _beschrijf(eerste: Uitvoer, tweede: Uitvoer) -> str:
    if eerste.pad == tweede.pad:
        return f"{tweede.pad}: {eerste.bron} en {tweede.bron}"
    soort = "de map" if eerste.pad.endswith("/") else "het bestand"
    return f"{tweede.pad} ({tweede.bron}) ligt in {soort} {eerste.pad} ({eerste.bron})"


def controleer_uitvoer(uitvoer: Iterable[Uitvoer]) -> None:
    """Raise :class:`UitvoerFout` unless every output path has exactly one source."""
    per_pad: dict[str, Uitvoer] = {}
    botsingen: list[tuple[Uitvoer, Uitvoer]] = []
    for item in uitvoer:
        eerder = per_pad.setdefault(item.pad, item)
        if eerder is not item:
            botsingen.append((eerder, item))
    for pad, item in per_pad.items():
        delen = pad.rstrip("/").split("/")
        # Every folder the path needs: another source may neither write it as a file nor
        # claim it whole. A claimed folder may not be a file of another source either.
        mappen = ["/".join(delen[:i]) for i in range(1, len(delen))]
        claims = [m for map_ in mappen for m in (map_, map_ + "/")]
        if pad.endswith("/"):
            claims.append(pad[:-1])
        eerste = next((per_pad[c] for c in claims if c in per_pad), None)
        if eerste is not None:
            botsingen.append((eerste, item))
    if botsingen:
        raise UitvoerFout(botsingen)


class MkDocsBestand(Protocol):
    """What the guard reads of a MkDocs ``File`` (the core does not import MkDocs)."""

    @property
    def src_uri(self) -> str: ...

    @property
    def dest_uri(self) -> str: ...

    @property
    def abs_src_path(self) -> str | None: ...

    @property
    def generated_by(self) -> str | None: ...


def _uitvoer_van(bestand: MkDocsBestand) -> Uitvoer:
    """A MkDocs file's output and its source: the file it is read from (a hand-written page, a
    theme asset) or the plugin that generates it."""
    if bestand.generated_by:
        bron = f"{bestand.src_uri}, gegenereerd door {bestand.generated_by}"
    elif bestand.abs_src_path:
        bron = toon_bestand(Path(bestand.abs_src_path))
    else:
        bron = bestand.src_uri
    return Uitvoer(bestand.dest_uri, bron)


def site_uitvoer(voor: Iterable[MkDocsBestand], na: Iterable[MkDocsBestand],
                 sjablonen: Collection[str], zoekmap: str | None) -> list[Uitvoer]:
    """Everything a build writes: the files before and after the plugins added theirs (a file
    that replaced a namesake is in ``na``, the namesake only in ``voor``), what MkDocs renders
    from the theme's static templates (``404.html``, ``sitemap.xml`` and its gzipped copy) and
    the search index's folder, written after all pages."""
    voor = list(voor)
    al = {id(bestand) for bestand in voor}
    uit = [_uitvoer_van(b) for b in [*voor, *(b for b in na if id(b) not in al)]]
    uit += [Uitvoer(sjabloon, f"het thema ({sjabloon})") for sjabloon in sorted(sjablonen)]
    if "sitemap.xml" in sjablonen:
        uit.append(Uitvoer("sitemap.xml.gz", "MkDocs (sitemap.xml gecomprimeerd)"))
    if zoekmap is not None:
        uit.append(Uitvoer(f"{zoekmap}/", "de zoekindex van kwalificatiedossiers"))
    return uit
