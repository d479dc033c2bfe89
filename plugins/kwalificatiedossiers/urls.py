"""The URL scheme: readable, lowercase, code-based, stable under title edits.

Every generated page has a source URI (what MkDocs calls ``src_uri``) from which MkDocs derives
the URL (``commercie/p4-k1-w2.md`` → ``/commercie/p4-k1-w2/``). URIs contain only the
dossier's id (chosen once, stored in the data) and public codes, never titles or list
positions, so a link a teacher puts in course material keeps working after a title is edited
or a profiel is added.
"""

from __future__ import annotations

import datetime as dt
import re

COMPETENTIES = "competenties"
OPLEIDINGEN = "opleidingen"
API = "api"
API_LIJST = "dossiers"
"""``api/dossiers.json``: the list of dossiers."""
API_VERSIES = "versies"
"""``api/versies.json``: the versions of every dossier."""
API_RELATIES = "relaties"
"""``api/relaties.json``: the relations between dossiers, werkproces by werkproces."""
API_SCHEMA = "schema"
"""``api/schema.json``: the export's JSON Schema; also the data folder's ``schema/``."""
API_PROFIELEN = "profielen"
"""``api/profielen.json``: every profiel and uitstroom of every dossier version, and
``api/profielen/<id>/<code>.json`` what the in-browser compare reads of each."""
VERGELIJKEN = "vergelijken"
"""``/vergelijken/``: two profielen of any dossiers and versions compared in the browser."""
GERESERVEERD = frozenset({COMPETENTIES, OPLEIDINGEN, API, API_LIJST, API_SCHEMA, API_VERSIES,
                          API_RELATIES, API_PROFIELEN, VERGELIJKEN, "gids", "assets", "search",
                          "zoeken"})
"""Names a dossier id may not take: first URL segments of the site (the competence pages, the
in-browser compare, the export, the guides, the theme's assets, the search index), the export's
own files and folders next to ``api/<id>.json`` and the schema folder next to the dossier
folders in ``dossier-data/``."""
MAX_ID_LENGTE = 64
"""Longest dossier id: it is a folder name (at most 255 bytes on most file systems, with room for
a tool's temporary name) and the first segment of every address of the dossier."""
_CREBO_ACHTIG = re.compile(r"[0-9]+")


def id_bezwaar(dossier_id: str) -> str | None:
    """Why a dossier id cannot be used (a phrase after the id), or ``None`` when it can.

    ``/<crebo>/`` is the short link of a dossier or profiel, so an id of digits would take
    (or one day collide with) another's short link.
    """
    if dossier_id in GERESERVEERD:
        return ("is een gereserveerde naam op de site of in de datamap (gereserveerd: "
                f"{', '.join(sorted(GERESERVEERD))})")
    if _CREBO_ACHTIG.fullmatch(dossier_id):
        return "lijkt op een crebonummer; /<crebo>/ is de korte link van een dossier of profiel"
    if len(dossier_id) > MAX_ID_LENGTE:
        return f"is {len(dossier_id)} tekens lang; het maximum is {MAX_ID_LENGTE}"
    return None


def veilige_id(voorstel: str) -> str:
    """An id close to ``voorstel`` (a slug) that :func:`id_bezwaar` accepts: shortened at a
    hyphen, with ``dossier`` added to a crebo look-alike or a reserved name."""
    kort = voorstel
    if len(kort) > MAX_ID_LENGTE:
        kort = kort[:MAX_ID_LENGTE + 1]
        woordgrens = kort.rfind("-")
        kort = kort[:woordgrens if woordgrens > MAX_ID_LENGTE // 2 else MAX_ID_LENGTE]
        kort = kort.strip("-")
    if _CREBO_ACHTIG.fullmatch(kort):
        kort = f"dossier-{kort}"
    elif kort in GERESERVEERD:
        kort = f"{kort}-dossier"
    return kort


VERSIES = "versies"
"""A dossier's other versions: the folder ``<id>/versies/<versie>/`` in ``dossier-data/`` and
the page ``/<id>/versies/`` listing them (with what changed between them)."""


def versie_slug(label: str | None, datum: dt.date | None) -> str | None:
    """The address segment of a dossier version: the day it is valid from (``2023-08-01``), or
    its version text as a slug when it has no date (``cohort-2009-2010``)."""
    if datum is not None:
        return datum.isoformat()
    return code_slug(label) or None if label else None


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


def bron_src(dossier_id: str) -> str:
    """A dossier's provenance: sources, inferences, differences between sources."""
    return f"{dossier_id}/bron.md"


def kaart_src(werkproces_src: str) -> str:
    """The embeddable card of a werkproces (a small page for an iframe): below its page."""
    return werkproces_src.removesuffix(".md") + "/kaart/index.html"


def vergelijk_src(dossier_id: str, code_a: str, code_b: str) -> str:
    """The page comparing two profielen (or uitstromen) of a dossier."""
    return f"{dossier_id}/vergelijk/{code_slug(code_a)}-{code_slug(code_b)}.md"


def profiel_ref(dossier_id: str, code: str) -> str:
    """How the in-browser compare names a profiel or uitstroom of a dossier version, in its
    address and its data file: ``commercie/p4``, ``commercie/2023-08-01/p4`` (the page's path)."""
    return f"{dossier_id}/{code_slug(code)}"


def profiel_json(ref: str) -> str:
    """The data file of a profiel (:func:`profiel_ref`) for the in-browser compare."""
    return f"{API}/{API_PROFIELEN}/{ref}.json"


def vergelijken_src() -> str:
    """The in-browser compare of two profielen."""
    return f"{VERGELIJKEN}/index.md"


def competentie_src(code: str) -> str:
    """A competentie page."""
    return f"{COMPETENTIES}/{code.lower()}.md"


def competentie_in_dossier_src(code: str, dossier_id: str) -> str:
    """The werkprocessen of one dossier that name a competence."""
    return f"{COMPETENTIES}/{code.lower()}/{dossier_id}.md"


def opleidingen_src(groep: str = "") -> str:
    """The browse pages: the overview, or a group (``domein-zorg-en-welzijn``, ``niveau-2``,
    ``alle``, with ``/2`` for its second page)."""
    return f"{OPLEIDINGEN}/{groep}/index.md" if groep else f"{OPLEIDINGEN}/index.md"


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
