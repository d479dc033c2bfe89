"""Smaller HTML: the indentation that templates leave between tags.

Material's templates are indented for readability, and that indentation is about an eighth of a
page. Each run of whitespace that starts with a line break becomes a single line break, which a
browser renders exactly the same outside ``<pre>`` and ``<textarea>`` (left untouched).
"""

from __future__ import annotations

import re

_BEWAREN = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_INSPRINGING = re.compile(r"\n\s+")


def compacte_html(html: str) -> str:
    """The same page without indentation and blank lines."""
    delen = _BEWAREN.split(html)
    uit = []
    # re.split with two groups yields: text, whole match, tag name, text, ...
    for i in range(0, len(delen), 3):
        uit.append(_INSPRINGING.sub("\n", delen[i]))
        if i + 1 < len(delen):
            uit.append(delen[i + 1])
    return "".join(uit)
