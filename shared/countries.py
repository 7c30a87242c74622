"""ISO 3166-1 alpha-2 country codes, the only values ``country`` may take."""

from __future__ import annotations

from functools import cache

import pycountry

from .errors import ValidationError


@cache
def countries() -> dict[str, str]:
    """Every assigned alpha-2 code mapped to its English short name, sorted by name."""
    pairs = sorted(((c.alpha_2, getattr(c, "common_name", c.name)) for c in pycountry.countries),
                   key=lambda p: p[1])
    return dict(pairs)


def check_country(value: str, field: str = "country") -> str:
    """Return ``value`` when it is an assigned ISO 3166-1 alpha-2 code, else raise."""
    if not isinstance(value, str) or value not in countries():
        raise ValidationError(
            f"{field} must be an ISO 3166-1 alpha-2 country code like DE or AT, "
            f"got {str(value)[:20]!r}.",
            field=field,
        )
    return value
