"""Domain records in the API's JSON shapes."""

from __future__ import annotations

from typing import Any

from shared.model import COMPANY_FIELDS, PERSON_FIELDS, Company, ContactView, Person, Task
from shared.timeutil import db_to_api


def contact(view: ContactView) -> dict[str, Any]:
    """``{"company": {"id", "displayName"} | null, "person": {...} | null}``."""
    return {
        "company": ({"id": view.company_id, "displayName": view.company_name}
                    if view.company_id else None),
        "person": ({"id": view.person_id, "displayName": view.person_name}
                   if view.person_id else None),
    }


def company(c: Company) -> dict[str, Any]:
    """A company as ``GET /companies/{id}`` returns it."""
    out: dict[str, Any] = {"id": c.id}
    out.update({r.api: getattr(c, r.column) for r in COMPANY_FIELDS})
    out["displayName"] = c.display_name
    out["doNotCall"] = c.do_not_call
    return out


def person(p: Person) -> dict[str, Any]:
    """A person as ``GET /persons/{id}`` returns it; displayName is the effective one."""
    out: dict[str, Any] = {"id": p.id}
    out.update({r.api: getattr(p, r.column) for r in PERSON_FIELDS})
    out["displayName"] = p.name
    out["company"] = ({"id": p.company_id, "displayName": p.company_display_name}
                      if p.company_id else None)
    out["doNotCall"] = p.do_not_call
    return out


def task(t: Task) -> dict[str, Any]:
    """A task as ``GET /campaigns/{id}/tasks`` lists it."""
    return {
        "id": t.id,
        "timestamp": db_to_api(t.timestamp),
        "contact": contact(t.contact),
        "scheduled": t.scheduled,
        "annotation": t.annotation,
    }
