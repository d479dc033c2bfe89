"""Kwalificatiedossiers: MBO qualification dossiers as a cross-linked MkDocs site.

The package has a core that knows nothing of MkDocs (``model``, ``loading``, ``index``,
``pages``, ``export``) and a thin MkDocs plugin (``plugin``) that hands the generated pages to
MkDocs as virtual files.
"""
