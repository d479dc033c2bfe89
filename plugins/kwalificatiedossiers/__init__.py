"""Kwalificatiedossiers: MBO qualification dossiers as a cross-linked MkDocs site.

The core knows nothing of MkDocs: ``model`` (the data model of both dossier generations),
``laden`` (read and validate ``dossier-data/`` once), ``index`` (every entity and relation),
``paginas`` (a page object per entity, with HTML written by ``opmaak``), ``export`` (JSON),
``zoeken`` (the static search index) and ``macros`` (for hand-written pages). The MkDocs plugin
(``plugin``) is a thin layer that hands the generated pages to MkDocs as virtual files.
"""
