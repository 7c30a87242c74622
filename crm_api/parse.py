"""Turning request JSON and query strings into domain values."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import falcon

from shared.errors import ValidationError
from shared.model import ContactRef
from shared.timeutil import parse_bound

MAX_LIMIT = 1_000_000_000


def contact_ref(data: Any, field: str = "contact") -> ContactRef:
    """``{"company": {"id"} | null, "person": {"id"} | null}`` as a ContactRef."""
    if not isinstance(data, dict):
        raise ValidationError(f"{field} must be an object.", field=field)
    ids: dict[str, str | None] = {}
    for key in ("company", "person"):
        value = data.get(key)
        if value is None:
            ids[key] = None
        elif isinstance(value, dict) and isinstance(value.get("id"), str) and value["id"]:
            ids[key] = value["id"]
        else:
            raise ValidationError(f'{field}.{key} must be {{"id": "..."}} or null.',
                                  field=f"{field}.{key}")
    if ids["company"] is None and ids["person"] is None:
        raise ValidationError(f"{field} needs a company or a person; both are null.",
                              field=field)
    return ContactRef(ids["company"], ids["person"])


def optional_id(data: Any, field: str) -> str | None:
    """``{"id": "..."}`` or null, as the id or None."""
    if data is None:
        return None
    if isinstance(data, dict) and isinstance(data.get("id"), str) and data["id"]:
        return data["id"]
    raise ValidationError(f'{field} must be {{"id": "..."}} or null.', field=field)


def _single(req: falcon.Request, name: str) -> str | None:
    value = req.params.get(name)
    if isinstance(value, list):
        raise ValidationError(f"The query parameter {name} is given more than once.", field=name)
    return value


def bound(req: falcon.Request, name: str) -> datetime | None:
    """A ``from``/``to`` query parameter: a date-time or a date (midnight UTC)."""
    value = _single(req, name)
    return None if value is None else parse_bound(value, name)


def limit(req: falcon.Request) -> int | None:
    """The ``limit`` query parameter: a positive integer."""
    value = _single(req, "limit")
    if value is None:
        return None
    if not re.fullmatch(r"[0-9]{1,30}", value) or int(value) < 1:
        raise ValidationError(f"limit must be a positive integer, got {value[:40]!r}.",
                              field="limit")
    return min(int(value), MAX_LIMIT)


def scheduled(req: falcon.Request) -> bool | None:
    """The ``scheduled`` query parameter: ``true``, ``false`` or absent."""
    value = _single(req, "scheduled")
    if value is None:
        return None
    if value not in ("true", "false"):
        raise ValidationError(f"scheduled must be true or false, got {value[:40]!r}.",
                              field="scheduled")
    return value == "true"
