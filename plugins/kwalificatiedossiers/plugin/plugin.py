"""The ``kwalificatiedossiers`` MkDocs plugin.

Hook flow (hooks decide *when*, the core decides *what*):

- ``on_startup``: exists so that ``mkdocs serve`` keeps this instance between rebuilds (MkDocs
  makes a new plugin per rebuild otherwise); in serve, keep what a rebuild can reuse (unchanged
  dossiers, their pages and export) and note whether builds are dirty.
- ``on_config``: load and validate ``dossier-data/`` once, build the index and every page
  object. Invalid data aborts here, before anything is written.
- ``on_files``: hand the pages (and redirects, JSON export) to MkDocs as virtual files, each
  page with its ready-made HTML (:class:`GegenereerdePagina`: no Markdown to convert); with no
  ``nav`` in ``mkdocs.yml``, list only the hand-written pages so the nav stays small. Stop
  when two sources would write one output path (``uitvoer``). In a dirty build (``mkdocs
  serve --dirty``) only generated files whose output changed count as modified, pages no
  longer generated are removed (from the site and the search index), and hand-written pages are
  rebuilt (their macros read data).
- ``on_serve``: watch the data folder, so ``mkdocs serve`` rebuilds when a YAML file changes.
- ``on_page_markdown``: warn about a hand-written page that calls our macros without opting in.
- ``on_template_context``: the ways to browse for the 404 page.
- ``on_post_page``: add the searchable part of each rendered page to the search index, let a
  generated page's HTML go, and write the page without its template indentation.
- ``on_post_build``: write the search index files. A dirty build keeps the index between
  rebuilds: it holds the pages MkDocs did not render again and rewrites only the index files
  whose bytes changed.

State lives on the plugin instance. Within one serve session a rebuild reuses what the previous
one made from unchanged dossiers (:mod:`kwalificatiedossiers.bijwerken`); a build of the site
makes everything anew.
"""

from __future__ import annotations

import html as htmlmodule
import json
import logging
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kwalificatiedossiers import urls
from kwalificatiedossiers.bewerklinks import bewerkpad
from kwalificatiedossiers.bijwerken import PerDossier, Uitvoerstand, vingerafdruk
from kwalificatiedossiers.compact import compacte_html
from kwalificatiedossiers.doorverwijzingen import doorverwijzingen
from kwalificatiedossiers.export import export_bestanden
from kwalificatiedossiers.index import Index
from kwalificatiedossiers.kaarten import kaarten
from kwalificatiedossiers.laden import LaadCache, laad_corpus
from kwalificatiedossiers.macros import macros_zonder_opt_in
from kwalificatiedossiers.paginas import Bestand, Pagina, alle_paginas
from kwalificatiedossiers.paginas.bladeren import bladerlinks
from kwalificatiedossiers.plugin.config import DossierConfig
from kwalificatiedossiers.plugin.pagina import GegenereerdBestand, GegenereerdePagina
from kwalificatiedossiers.problemen import DataFout
from kwalificatiedossiers.uitvoer import UitvoerFout, controleer_uitvoer, site_uitvoer
from kwalificatiedossiers.zoeken import ZOEKMAP, ZoekIndex, doorzoekbaar_deel

log = logging.getLogger("mkdocs.plugins.kwalificatiedossiers")


class DossierPlugin(BasePlugin[DossierConfig]):
    """Turns ``dossier-data/`` into pages, short links, an export and a search index."""

    def __init__(self) -> None:
        self.data_map: Path | None = None
        self.docs_in_repository = "docs"
        """The docs folder's path relative to ``mkdocs.yml`` (where ``edit_uri`` points)."""
        self.index: Index | None = None
        self.paginas: list[Pagina] = []
        self.bestanden: list[Bestand] = []
        self.zoekindex: ZoekIndex | None = None
        self.ankers: dict[str, frozenset[str]] = {}
        """Every generated page's ids by source URI (the macros check a cited section)."""
        self.duur: dict[str, float] = {}
        """Seconds spent in our own code per step of the last build (read by the benchmark)."""
        self.dirty = False
        self.serve = False
        self.uitvoerstand = Uitvoerstand()
        self.afdrukken: dict[str, tuple[Pagina, str | None,
                                        tuple[dict[str, Any], str | None, str | None]]] = {}
        """In serve: source URI → (page, salt, what :meth:`_afdruk` made of them)."""
        self.laadcache: LaadCache | None = None
        self.paginacache: PerDossier[list[Pagina]] | None = None
        self.exportcache: PerDossier[list[Bestand]] | None = None
        self.kaartcache: PerDossier[list[Bestand]] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """In serve, keep what rebuilds can reuse; note whether builds are dirty."""
        self.dirty = dirty
        self.serve = command == "serve"
        if self.serve:
            # Not for a build of the site: the kept pages would hold every page twice.
            self.laadcache, self.paginacache, self.exportcache, self.kaartcache = (
                LaadCache(), PerDossier(), PerDossier(), PerDossier())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate the data, index it and build every page object."""
        begin = time.perf_counter()
        basis = Path(config.config_file_path or ".").resolve().parent
        self.data_map = (basis / self.config.data_map).resolve()
        self.docs_in_repository = Path(
            os.path.relpath(Path(config.docs_dir).resolve(), basis)).as_posix()
        alleen = self.config.dossiers.replace(",", " ").split()
        if alleen and not self.serve:
            log.warning("dossiers: %s geldt alleen voor mkdocs serve; deze build toont alle "
                        "dossiers", self.config.dossiers)
            alleen = []
        try:
            corpus = laad_corpus(self.data_map, self.laadcache, alleen=alleen)
        except DataFout as exc:
            raise PluginError(str(exc)) from exc
        config.extra["kd_voorvertoning"] = ", ".join(sorted(alleen))
        self.duur = {"laden": time.perf_counter() - begin}
        begin = time.perf_counter()
        self.index = Index(corpus)
        self.paginas = alle_paginas(self.index, self.paginacache)
        self.bestanden = doorverwijzingen(self.index) + kaarten(
            self.index, config.site_name, self.kaartcache)
        if self.config.export:
            self.bestanden += export_bestanden(self.index, self.exportcache)
        self.duur["pagina's"] = time.perf_counter() - begin
        self.duur["zoekindex"] = 0.0
        if not self.config.zoekindex:
            self.zoekindex = None
        elif self.zoekindex is not None and self.dirty:
            self.zoekindex.volg_index(self.index)  # the pages not rendered again stay in it
        else:
            self.zoekindex = ZoekIndex(self.index)
        for melding in corpus.meldingen:
            log.info(melding)
        log.info("%d pagina's uit %d dossiers", len(self.paginas), len(corpus.dossiers))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the generated pages and files as virtual files."""
        begin = time.perf_counter()
        assert self.data_map is not None
        if config.nav is None:
            # Without a nav MkDocs would list every generated page, and Material renders the
            # nav into every page: per-page HTML would grow with the number of dossiers.
            config.nav = [f.src_uri for f in files.documentation_pages()] + [
                urls.opleidingen_src(), urls.competenties_src()
            ]
        self.ankers = {}
        voor = list(files)  # before ours: a generated file would replace its namesake unseen
        # Only a dirty build compares outputs: whatever every page shows besides its own
        # content (the configuration, the nav, the templates) salts each page's fingerprint.
        zout = vingerafdruk(Path(config.config_file_path).read_text("utf-8")
                            if config.config_file_path else "",
                            *_handgeschreven_titels(voor), *_sjablonen(config)
                            ) if self.dirty else None
        onze: list[GegenereerdBestand] = []
        afdrukken: dict[str, str] = {}
        for pagina in _een_voor_een(self.paginas):
            inhoud = pagina.html
            # As UTF-8 until rendered (about half the memory of the text; see Bestand).
            bestand = GegenereerdBestand.maak(config, pagina.src, inhoud.html.encode("utf-8"))
            meta, bestand.edit_uri, afdruk = self._afdruk(pagina, zout)
            if afdruk is not None:
                afdrukken[pagina.src] = afdruk
            onze.append(bestand)
            GegenereerdePagina(meta, inhoud, bestand, config)
            self.ankers[pagina.src] = inhoud.ankers
        for extra in self.bestanden:
            onze.append(GegenereerdBestand.maak(config, extra.src, extra.data))
            if self.dirty:
                afdrukken[extra.src] = vingerafdruk(extra.data)
        for bestand in onze:
            files.append(bestand)
        if self.dirty:
            gewijzigd, verdwenen = self.uitvoerstand.bijwerken(afdrukken)
            for bestand in onze:
                bestand.gewijzigd = bestand.src_uri in gewijzigd
            for src in verdwenen:
                self.afdrukken.pop(src, None)
            self._ruim_op(verdwenen, voor, config)
            if self.zoekindex is not None:
                self.zoekindex.houd_alleen({f.url for f in files.documentation_pages()})
        zoekmap = ZOEKMAP if self.zoekindex is not None else None
        try:
            controleer_uitvoer(site_uitvoer(voor, files, config.theme.static_templates, zoekmap))
        except UitvoerFout as exc:
            raise PluginError(str(exc)) from exc
        self.bestanden = []  # the files hold the content now
        self.duur["bestanden"] = time.perf_counter() - begin
        return files

    def _afdruk(self, pagina: Pagina, zout: str | None
                ) -> tuple[dict[str, Any], str | None, str | None]:
        """A page's metadata, edit link and fingerprint (none without ``zout``: a build that
        is not dirty); in serve kept for the next rebuild, which reuses the pages of unchanged
        dossiers."""
        vorig = self.afdrukken.get(pagina.src)
        if vorig is not None and vorig[0] is pagina and vorig[1] == zout:
            return vorig[2]
        assert self.data_map is not None
        # The edit link points at the YAML the page comes from.
        bewerk = (bewerkpad(self.data_map, pagina.bron.bestand, self.docs_in_repository)
                  if pagina.bron else None)
        meta = pagina.meta()
        uit = (meta, bewerk, None if zout is None else vingerafdruk(
            zout, pagina.html.html, json.dumps(meta, sort_keys=True), bewerk or ""))
        if self.serve:
            self.afdrukken[pagina.src] = (pagina, zout, uit)
        return uit

    def _ruim_op(self, verdwenen: set[str], handgeschreven: list[File], config: MkDocsConfig
                 ) -> None:
        """In a dirty build: remove the output of pages no longer generated, and that of the
        hand-written pages so they are rebuilt (their macros may show changed data)."""
        for src in sorted(verdwenen):
            Path(File(src, None, config.site_dir, config.use_directory_urls)
                 .abs_dest_path).unlink(missing_ok=True)
        for bestand in handgeschreven:
            if bestand.is_documentation_page():
                Path(bestand.abs_dest_path).unlink(missing_ok=True)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:  # noqa: ARG002
        """Rebuild when the data changes."""
        if self.data_map is not None:
            server.watch(str(self.data_map))
        return server

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,  # noqa: ARG002
                         files: Files) -> str:  # noqa: ARG002
        """A hand-written page that calls our macros must opt in (a warning: strict fails)."""
        if page.file.generated_by is None:
            for melding in macros_zonder_opt_in(page.file.content_string, page.meta,
                                                page.file.src_uri):
                log.warning(melding)
        return markdown

    def on_template_context(self, context: Any, *, template_name: str,
                            config: MkDocsConfig) -> Any:  # noqa: ARG002
        """The 404 page lists the ways to browse the dossiers."""
        if template_name == "404.html" and self.index is not None:
            # Links as from the home page; the template makes them absolute.
            context["kd_bladeren"] = bladerlinks(self.index, "index.md")
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Index what a reader sees of this page; let a generated page's HTML go (it is in the
        output now, and nothing reads it again)."""
        if isinstance(page, GegenereerdePagina):
            page.content = None
        if self.zoekindex is not None:
            begin = time.perf_counter()
            deel = doorzoekbaar_deel(output)
            if deel is not None:
                titel = htmlmodule.unescape(page.title or config.site_name)
                self.zoekindex.voeg_toe(page.file.src_uri, page.url, titel,
                                        page.meta.get("soort"), deel)
            self.duur["zoekindex"] += time.perf_counter() - begin
        return compacte_html(output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the search index into the site."""
        if self.zoekindex is not None:
            begin = time.perf_counter()
            bestanden = self.zoekindex.schrijf(Path(config.site_dir) / ZOEKMAP)
            self.duur["zoekindex"] += time.perf_counter() - begin
            log.info("zoekindex: %d pagina's, %d bestanden in %.1f s", len(self.zoekindex),
                     len(bestanden), self.duur["zoekindex"])
            if not self.dirty:
                self.zoekindex = None  # a build of the site: free the memory


def _een_voor_een(paginas: list[Pagina]) -> Iterator[Pagina]:
    """The pages in order, each let go once the next is asked for: the files hold their HTML
    then, and a page's source HTML besides it would double what a build holds at its peak."""
    paginas.reverse()
    while paginas:
        yield paginas.pop()


_TITELREGEL = re.compile(r"^(?:title:.*|#[ \t].*)$", re.MULTILINE)


def _handgeschreven_titels(bestanden: list[File]) -> list[str]:
    """Every hand-written page with the line its nav title comes from: the nav in every page
    lists them (a dirty rebuild renders every page again when one is added or renamed)."""
    uit = []
    for bestand in bestanden:
        if bestand.is_documentation_page():
            regel = _TITELREGEL.search(bestand.content_string)
            uit.append(f"{bestand.src_uri}:{regel.group() if regel else ''}")
    return uit


def _sjablonen(config: MkDocsConfig) -> list[str]:
    """The templates of the project's theme overrides, by name and modification time: every
    page is rendered with them, so a dirty rebuild renders every page again when one changes."""
    map_ = config.theme.custom_dir
    if not map_:
        return []
    return [f"{pad.relative_to(map_).as_posix()}:{pad.stat().st_mtime_ns}"
            for pad in sorted(Path(map_).rglob("*.html"))]
