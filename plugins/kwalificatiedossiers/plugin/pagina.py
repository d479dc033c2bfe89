"""A generated page as MkDocs sees it: ready-made HTML instead of Markdown to convert.

MkDocs asks a page to read its source and then to render it. A generated page already is HTML
with its table of contents (:mod:`kwalificatiedossiers.opmaak`), so both steps only hand over
what the core made. The page still passes every plugin event (``on_page_markdown`` gets an empty
string, ``on_page_content`` the HTML), so other plugins see it as any other page.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from kwalificatiedossiers.opmaak import PaginaHtml


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
