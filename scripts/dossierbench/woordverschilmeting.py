"""How long the compare pages' word difference takes where it used to be slow: on two
repetitive texts of 4,000 words each (difflib's SequenceMatcher took minutes on them)."""

from __future__ import annotations

import time

from kwalificatiedossiers.woordverschil import woordverschil

HERHALENDE_PAREN = {
    "twee woorden tegen drie": ("de klant " * 2000, "de klant een " * 1333),
    "verschoven patroon": ("a b c " * 1333, "b a c a " * 1000),
    "herhaald met unieke woorden": (" ".join(f"de klant{i % 7} wil {i}" for i in range(1000)),
                                    " ".join(f"de klant{i % 5} wil {i + 3}" for i in range(1000))),
}
"""Pairs of 4,000-word texts: few distinct words, or few distinct words between unique ones."""


def meet_woordverschil() -> float:
    """Seconds for the slowest pair (the best of three runs each)."""
    tijden = []
    for a, b in HERHALENDE_PAREN.values():
        beste = float("inf")
        for _ in range(3):
            begin = time.perf_counter()
            woordverschil(a, b)
            beste = min(beste, time.perf_counter() - begin)
        tijden.append(beste)
    return round(max(tijden), 3)
