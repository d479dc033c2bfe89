"""Shared building blocks of the model: the strict base class and constrained scalar types."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Regel = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
"""A non-empty line of text as it reads in the source (no markup)."""

Crebo = Annotated[str, StringConstraints(pattern=r"^\d{5}$")]
"""A crebo number: five digits, kept as text so leading zeros survive."""

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
