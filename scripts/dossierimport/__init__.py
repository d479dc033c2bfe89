"""Importers: turn SBB sources (XML, dossier text, Markdown) into dossier-data YAML."""
