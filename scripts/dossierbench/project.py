"""MkDocs projects for measurements and tests: the repository's own configuration, pointed at
another data folder and docs folder (and, for the baseline, without our plugins)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
"""The repository (this package is installed in editable mode from ``scripts/``)."""

KLEINE_NAV = [{"Home": "index.md"}, {"Competenties": "competenties/index.md"}]


def mkdocs_config(data_map: Path, docs_map: Path, *, met_plugin: bool = True) -> dict[str, Any]:
    """The repository's ``mkdocs.yml`` with absolute paths to the given folders.

    Without the plugin (the baseline) the site uses plain MkDocs + Material with Material's
    own search, building Markdown that was generated beforehand.
    """
    tekst = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # Resolve the !ENV tags to their defaults (as tests/conftest.py does).
    config: dict[str, Any] = yaml.safe_load(
        re.sub(r"!ENV \[\w+, (\"[^\"]*\")\]", r"\1", tekst))
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["docs_dir"] = str(docs_map)
    config["nav"] = KLEINE_NAV
    if met_plugin:
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "kwalificatiedossiers" in plugin:
                plugin["kwalificatiedossiers"]["data_map"] = str(data_map)
    else:
        config["plugins"] = ["search"]
    return config


def schrijf_bestanden(map_: Path, bestanden: Iterable[tuple[str, str]]) -> None:
    """Write (relative path, text) pairs below ``map_``, creating folders as needed."""
    for naam, inhoud in bestanden:
        pad = map_ / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(inhoud, encoding="utf-8")


def schrijf_project(map_: Path, data_map: Path, docs: dict[str, str], *,
                    met_plugin: bool = True, **extra: Any) -> Path:
    """Write ``docs`` and an ``mkdocs.yml`` into ``map_``; return the config file."""
    docs_map = map_ / "docs"
    schrijf_bestanden(docs_map, docs.items())
    docs_map.mkdir(parents=True, exist_ok=True)
    config = mkdocs_config(data_map, docs_map, met_plugin=met_plugin)
    config.update(extra)
    pad = map_ / "mkdocs.yml"
    pad.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return pad
