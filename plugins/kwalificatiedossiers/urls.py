"""The URL scheme: readable, lowercase, code-based, stable under title edits.

Every generated page has a source URI (what MkDocs calls ``src_uri``) from which MkDocs derives
the URL (``commercie/p4-k1-w2.md`` → ``/commercie/p4-k1-w2/``). URIs contain only the
dossier's id (chosen once, stored in the data) and public codes, never titles or list
positions, so a link a teacher puts in course material keeps working after a title is edited
or a profiel is added.
"""

from __future__ import annotations

import re

COMPETENTIES = "competenties"
API = "api"
GERESERVEERD = frozenset({COMPETENTIES, API, "gids", "assets", "search", "zoeken"})
"""First URL segments a dossier id may not take."""


def code_slug(code: str) -> str:
    """``P4-K1-W2`` → ``p4-k1-w2``; ``1.1`` → ``1-1``."""
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")


def dossier_src(dossier_id: str) -> str:
    """The dossier page."""
    return f"{dossier_id}/index.md"


def entiteit_src(dossier_id: str, code: str) -> str:
    """A profiel, kerntaak or werkproces page (or uitstroom in older dossiers)."""
    return f"{dossier_id}/{code_slug(code)}.md"


def uitwerking_src(dossier_id: str, werkproces: str, uitstroom: str) -> str:
    """A werkproces of a competentiegericht dossier as one uitstroom works it out: the
    werkproces page at the uitstroom's anchor (``commercieel-medewerker-2009/2-3.md#u1``)."""
    return f"{entiteit_src(dossier_id, werkproces)}#{code_slug(uitstroom)}"


def matrix_src(dossier_id: str) -> str:
    """The comparison matrix of a dossier."""
    return f"{dossier_id}/matrix.md"


def vergelijk_src(dossier_id: str, code_a: str, code_b: str) -> str:
    """The page comparing two profielen (or uitstromen) of a dossier."""
    return f"{dossier_id}/vergelijk/{code_slug(code_a)}-{code_slug(code_b)}.md"


def competentie_src(code: str) -> str:
    """A competentie page."""
    return f"{COMPETENTIES}/{code.lower()}.md"


def competentie_in_dossier_src(code: str, dossier_id: str) -> str:
    """The werkprocessen of one dossier that name a competence."""
    return f"{COMPETENTIES}/{code.lower()}/{dossier_id}.md"


def competenties_src() -> str:
    """The overview of the 25 competences."""
    return f"{COMPETENTIES}/index.md"


def crebo_src(crebo: str) -> str:
    """The short link ``/<crebo>/`` (a redirecting page)."""
    return f"{crebo}/index.html"


def url(src: str) -> str:
    """The site-relative directory URL of a source URI: ``a/b.md`` → ``a/b/`` (an anchor
    is kept: ``a/index.md#x`` → ``a/#x``)."""
    pad, teken, anker = src.partition("#")
    for einde, vervanging in (("index.md", ""), ("index.html", ""), (".md", "/")):
        if pad.endswith(einde):
            pad = pad[: -len(einde)] + vervanging
            break
    return pad + teken + anker
