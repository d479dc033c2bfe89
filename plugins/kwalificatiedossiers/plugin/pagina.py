"""A generated page and file as MkDocs sees them.

MkDocs asks a page to read its source and then to render it. A generated page already is HTML
with its table of contents (:mod:`kwalificatiedossiers.opmaak`), so both steps only hand over
what the core made. The page still passes every plugin event (``on_page_markdown`` gets an empty
string, ``on_page_content`` the HTML), so other plugins see it as any other page.

A generated file counts as modified only when the plugin says its output changed
(:mod:`kwalificatiedossiers.bijwerken`), so that ``mkdocs serve --dirty`` rewrites just that.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from kwalificatiedossiers.opmaak import PaginaHtml


class GegenereerdBestand(File):
    """A virtual file whose output is rewritten in a dirty build only when it changed."""

    gewijzigd = True
    """Whether its output differs from what the previous build of this session wrote."""

    @classmethod
    def maak(cls, config: MkDocsConfig, src: str, inhoud: str | bytes) -> GegenereerdBestand:
        """A virtual file at ``src`` with this content."""
        bestand = cls.generated(config, src, content=inhoud)
        assert isinstance(bestand, cls)
        return bestand

    @functools.cached_property
    def _geschreven(self) -> bool:
        return Path(self.abs_dest_path).is_file()

    def is_modified(self) -> bool:
        """Changed, or not written yet (MkDocs asks several times a build: looked at once)."""
        return self.gewijzigd or not self._geschreven


class GegenereerdePagina(Page):
    """A page whose content and table of contents come from the core."""

    def __init__(self, meta: dict[str, Any], inhoud: PaginaHtml, file: File,
                 config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self._meta = meta
        self._toc = inhoud.toc
        self._ankers = inhoud.ankers

    def read_source(self, config: MkDocsConfig) -> None:  # noqa: ARG002 (MkDocs' signature)
        """The metadata, as front matter would give it; there is no Markdown."""
        self.meta = dict(self._meta)
        self.markdown = ""  # not None: MkDocs reads None as "not read yet"

    def render(self, config: MkDocsConfig, files: Files) -> None:  # noqa: ARG002
        """Take over the HTML (and free the file's copy: the page holds it now)."""
        self.content = self.file.content_string
        self.file.content_string = ""
        self.toc = get_toc([item.als_token() for item in self._toc])  # type: ignore[misc]
        self.present_anchor_ids = set(self._ankers)
