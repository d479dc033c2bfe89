"""Rebuild only what changed, for ``mkdocs serve``: what one rebuild keeps for the next.

- :class:`PerDossier`: what was made from a dossier (its pages, its export) is kept while the
  dossier is the same object (the loader keeps an unchanged dossier, see
  :class:`~kwalificatiedossiers.laden.LaadCache`), as are its other versions and the dossiers
  it is related to, and the relations and competences are equal.
- :class:`Uitvoerstand`: ``mkdocs serve --dirty`` writes only files that count as modified, but
  MkDocs counts every generated file as modified. The plugin keeps a fingerprint of each
  generated file's output (its content and whatever else ends up in the written page) and marks
  a file modified only when its fingerprint changed or it was not written yet; files that are no
  longer generated are removed from the site.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from kwalificatiedossiers.index import Index
from kwalificatiedossiers.model.corpus import AnyDossier

T = TypeVar("T")
E = TypeVar("E")


def vingerafdruk(*delen: str | bytes) -> str:
    """A short digest of the parts that determine one output file."""
    h = hashlib.blake2b(digest_size=16)
    for deel in delen:
        h.update(deel if isinstance(deel, bytes) else deel.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass
class Uitvoerstand:
    """The fingerprints of the generated files of the last build (source URI → fingerprint)."""

    vorige: dict[str, str] = field(default_factory=dict)

    def bijwerken(self, nieuw: Mapping[str, str]) -> tuple[set[str], set[str]]:
        """Take the fingerprints of this build; return the sources whose output changed (new
        ones included) and those no longer generated."""
        gewijzigd = {src for src, afdruk in nieuw.items() if self.vorige.get(src) != afdruk}
        verdwenen = set(self.vorige) - set(nieuw)
        self.vorige = dict(nieuw)
        return gewijzigd, verdwenen


@dataclass
class PerDossier(Generic[T]):
    """What was made from each dossier in the previous build, with what it was made from."""

    bewaard: dict[str, tuple[list[object], tuple[object, ...], T]] = field(default_factory=dict)

    def geef(self, index: Index, dossier: AnyDossier, maak: Callable[[Index, AnyDossier], T],
             *ook: object) -> T:
        """``maak(index, dossier)``, or what it gave last time if nothing it reads changed
        (``ook``: what else it reads, such as the site's name)."""
        relaties = index.corpus.relaties_van(dossier.id)
        dossiers: list[object] = [dossier, *index.corpus.versies_van(dossier.id),
                                  *(index.corpus.dossier(i) for r in relaties
                                    for i in (r.voorganger, r.opvolger))]
        waarden = (tuple(relaties), index.corpus.competenties, *ook)
        vorig = self.bewaard.get(dossier.id)
        if vorig is not None and vorig[1] == waarden and len(vorig[0]) == len(dossiers) and all(
                a is b for a, b in zip(vorig[0], dossiers, strict=True)):
            return vorig[2]
        gemaakt = maak(index, dossier)
        self.bewaard[dossier.id] = (dossiers, waarden, gemaakt)
        return gemaakt

    def beperk(self, dossier_ids: set[str]) -> None:
        """Keep only these dossiers (and versions): forget those that are gone."""
        for weg in set(self.bewaard) - dossier_ids:
            del self.bewaard[weg]


def elk_dossier(index: Index, dossiers: Sequence[AnyDossier],
                maak: Callable[[Index, AnyDossier], list[E]],
                cache: PerDossier[list[E]] | None, *ook: object) -> list[E]:
    """What ``maak`` makes of each dossier, one list after another: from ``cache`` where
    nothing it reads changed (``ook`` as for :meth:`PerDossier.geef`), which then keeps just
    these dossiers."""
    uit: list[E] = []
    for dossier in dossiers:
        uit += (cache.geef(index, dossier, maak, *ook) if cache is not None
                else maak(index, dossier))
    if cache is not None:
        cache.beperk({d.id for d in dossiers})
    return uit
