"""Edit links of generated pages: to the YAML file the page comes from, in its repository.

MkDocs builds an edit link from ``repo_url``, ``edit_uri`` (``edit/main/docs/``: the docs folder
in the repository) and a path relative to the docs folder. A generated page's source is a data
file, so its path is made relative to where ``edit_uri`` points: the data file's path in its
git repository, seen from the docs folder's path there (as configured, relative to
``mkdocs.yml`` at the repository's root). A data folder outside any git repository (a temporary
copy, a benchmark corpus) has nothing to edit online, so its pages get no edit link.
"""

from __future__ import annotations

import functools
import os
import posixpath
from pathlib import Path


@functools.lru_cache(maxsize=64)
def repository(map_: Path) -> Path | None:
    """The root of the git repository that holds ``map_`` (``None`` when there is none;
    looked up once per folder: every generated page asks)."""
    for kandidaat in (map_, *map_.parents):
        if (kandidaat / ".git").exists():
            return kandidaat
    return None


def bewerkpad(data_map: Path, bestand: str, docs_in_repository: str) -> str | None:
    """The path to give MkDocs as a page's ``edit_uri`` for data file ``bestand`` (relative to
    the resolved ``data_map``), or ``None`` when it is not in a repository."""
    wortel = repository(data_map)
    if wortel is None:
        return None
    in_repository = Path(os.path.relpath(data_map / bestand, wortel)).as_posix()
    return posixpath.relpath(in_repository, docs_in_repository)
