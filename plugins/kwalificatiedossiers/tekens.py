"""Characters that data text may not contain, and text that is safe to echo on a terminal.

Dossier text is read on pages, in the JSON export and in a terminal. Control characters (NUL,
ESC, …), the Unicode bidi controls that reorder what is displayed (U+202E and its kin, the
"Trojan Source" characters) and the Unicode line separators are invisible on a page and act on
a terminal: an ESC sequence in a competence name can clear the screen of whoever runs
``make check`` and print a fake result. No real dossier needs them. The loader refuses them
(tab and line feed are whitespace and allowed), the importer strips them and reports where, and
every message that echoes data or a file name shows them as escapes (:func:`zichtbaar`).
"""

from __future__ import annotations

import re
import unicodedata

_VERBODEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 and C1 control characters except tab and line feed
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # Unicode Bidi_Control
    "\u2028\u2029]"  # line and paragraph separator (line breaks to Python and JavaScript)
)

_NAMEN = {
    "\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x0b": "VT", "\x0c": "FF", "\r": "CR",
    "\x1b": "ESC", "\x7f": "DEL", "\x85": "NEL",
}
"""Short names of the control characters people know by name (Unicode gives them none)."""


def verboden_tekens(tekst: str) -> list[tuple[int, str]]:
    """The position and character of every character that data text may not contain."""
    return [(m.start(), m.group()) for m in _VERBODEN.finditer(tekst)]


def zonder_verboden_tekens(tekst: str) -> str:
    """The text without the characters that data text may not contain."""
    return _VERBODEN.sub("", tekst)


def beschrijf_teken(teken: str) -> str:
    """A character as a maintainer can look it up: ``U+001B (ESC)``, ``U+202E (RIGHT-TO-LEFT
    OVERRIDE)``."""
    naam = _NAMEN.get(teken) or unicodedata.name(teken, "stuurteken")
    return f"U+{ord(teken):04X} ({naam})"


def zichtbaar(tekst: str) -> str:
    """The text with every forbidden character written as an escape (``\\x1b``, ``\\u202e``),
    for terminal output: what it echoes can never act on the terminal."""
    return _VERBODEN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), tekst)
