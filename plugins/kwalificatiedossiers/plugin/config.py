"""Configuration of the ``kwalificatiedossiers`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class DossierConfig(base.Config):
    """Options of the plugin."""

    data_map = c.Type(str, default="dossier-data")
    """The folder with the dossier data, relative to ``mkdocs.yml``."""

    zoekindex = c.Type(bool, default=True)
    """Build the search index (``zoeken/``) into the site."""

    export = c.Type(bool, default=True)
    """Publish the JSON export (``api/``) with the site."""

    dossiers = c.Type(str, default="")
    """A scoped preview in ``mkdocs serve``: only these dossiers (ids, separated by commas or
    spaces; ``make serve DOSSIERS=commercie``). Empty: all. A build ignores it."""
