"""Shared building blocks of the model: the strict base class and constrained scalar types.

Patterns spell digits as ``[0-9]``, never ``\\d``: pydantic's regular expressions are Unicode
aware, and a code or crebo with an Arabic-Indic or fullwidth digit would pass, slug to the same
address as its ASCII twin (``P1١`` → ``p1``) and take over its pages.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints
from pydantic import Strict as StrictWaarde

Regel = Annotated[str, StringConstraints(min_length=1, pattern=r"\S", strip_whitespace=False)]
"""A line of text as it reads in the source (no markup), with at least one visible character."""

Crebo = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
"""A crebo number: five digits, kept as text so leading zeros survive."""

Geheel = Annotated[int, StrictWaarde()]
"""A whole number as YAML writes it: ``3``, never ``3.0``, ``"3"`` or ``true``."""

JaNee = Annotated[bool, StrictWaarde()]
"""``true`` or ``false``, never ``1`` or ``"ja"``."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""A lowercase URL segment: letters, digits and single hyphens."""


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        validate_default=False,
    )
