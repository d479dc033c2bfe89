"""Template indentation is removed; what a browser renders stays the same."""

from __future__ import annotations

import pytest

from kwalificatiedossiers.compact import compacte_html

pytestmark = pytest.mark.unit


def test_inspringing_verdwijnt() -> None:
    html = "<ul>\n    <li>a</li>\n\n    <li>b <em>c</em>\n      d</li>\n</ul>\n"
    assert compacte_html(html) == "<ul>\n<li>a</li>\n<li>b <em>c</em>\nd</li>\n</ul>\n"


def test_pre_en_textarea_blijven_ongemoeid() -> None:
    pre = "<pre><code>def f():\n    return 1\n</code></pre>"
    textarea = "<textarea>\n  x</textarea>"
    html = f"<div>\n  {pre}\n  {textarea}\n</div>"
    assert compacte_html(html) == f"<div>\n{pre}\n{textarea}\n</div>"
