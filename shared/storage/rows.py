"""What the repositories hand out besides the domain records, and how rows become them.

Shared by every repository and both engines: a row is anything indexable by
column name (``sqlite3.Row`` or the PostgreSQL engine's ``Row``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import phones
from ..model import COMPANY_FIELDS, PERSON_FIELDS, Company, ContactView, Person

COMPANY_COLS = ("pk", "id", "name", "display_name") + tuple(
    r.column for r in COMPANY_FIELDS if r.column != "name"
) + ("do_not_call", "created_at", "updated_at", "sort_key", "version")
PERSON_COLS = ("pk", "id", "name", "company_id") + tuple(r.column for r in PERSON_FIELDS) + (
    "do_not_call", "created_at", "updated_at", "sort_key", "last_sort_key", "version")
# The orders list_persons offers, as (key column, index it pages by).
PERSON_ORDERS = {"name": "sort_key", "last_name": "last_sort_key"}

# A contact row as every contact query selects it: the person (if any) and
# the company (the person's, or the company contact itself).
CONTACT_SELECT = """
    p.id AS person_id, p.name AS person_name, p.do_not_call AS person_dnc,
    c.id AS company_id, c.display_name AS company_name, c.do_not_call AS company_dnc
"""
# The same columns for a company contact, from ``companies c`` alone. A join to persons
# that never matches (``LEFT JOIN persons p ON 0``) made SQLite scan all persons for
# every company row: 100 ms per company-number lookup at a million persons.
COMPANY_CONTACT_SELECT = """
    NULL AS person_id, NULL AS person_name, NULL AS person_dnc,
    c.id AS company_id, c.display_name AS company_name, c.do_not_call AS company_dnc
"""

# A contact of CONTACT_SELECT's joins (``persons p``, ``companies c``) that may be called:
# the person's flag, else the company's. Written on the columns themselves: PostgreSQL
# guessed ``coalesce(CASE WHEN p.id IS NOT NULL THEN p.do_not_call ELSE c.do_not_call
# END, 0) = 0`` true for 1 row in 200, so it read every match and sorted them instead of
# walking the index in the page's order to the first ones (a campaign's tasks: 3 ms
# instead of 0.3, the dialer's hand-out: 12 ms instead of 0.1).
CALLABLE_SQL = ("(p.id IS NULL OR p.do_not_call = 0)"
                " AND (p.id IS NOT NULL OR c.do_not_call IS NULL OR c.do_not_call = 0)")


@dataclass
class PhoneMatch:
    """One answer of the phone lookup, with why it matched."""

    contact: ContactView
    reason: str  # "phone", "phone2" or "prefix"
    number: str


@dataclass
class SearchHit:
    """One result of the desktop's search-as-you-type."""

    kind: str  # "company" or "person"
    id: str
    title: str
    subtitle: str
    phone: str | None
    do_not_call: bool


@dataclass
class CallRow:
    """A call as the desktop's history and journal show it."""

    id: str
    kind: str
    agent: str | None
    started_at: str
    timestamp_start: str | None
    timestamp_end: str | None
    answered: bool
    phone_number: str | None
    company_id: str | None
    person_id: str | None
    contact_label: str
    source_type: str | None
    source_id: str | None
    source_task: str | None
    transfer: str | None
    annotation: str | None
    do_not_call: bool
    tags: list[tuple[str, str]] = field(default_factory=list)

    @property
    def duration_seconds(self) -> int | None:
        if not self.timestamp_start or not self.timestamp_end:
            return None
        from ..timeutil import from_db

        start, end = from_db(self.timestamp_start), from_db(self.timestamp_end)
        assert start and end
        return max(0, int((end - start).total_seconds()))


@dataclass
class DncEvent:
    do_not_call: bool
    reason: str | None
    side: str
    client: str | None
    call_id: str | None
    at: str


@dataclass
class AuditEntry:
    at: str
    side: str
    client: str | None
    entity_type: str
    entity_id: str
    action: str
    changes: dict[str, Any]
    person: str | None = None
    pc: str | None = None


def row_view(row: Any) -> ContactView:
    """The contact a CONTACT_SELECT row names."""
    person_id = row["person_id"]
    return ContactView(
        company_id=row["company_id"],
        company_name=row["company_name"],
        person_id=person_id,
        person_name=row["person_name"],
        do_not_call=bool(row["person_dnc"] if person_id else row["company_dnc"]),
    )


def company_of(row: Any) -> Company:
    """A Company from a row selecting COMPANY_COLS."""
    data = {k: row[k] for k in COMPANY_COLS}
    data["do_not_call"] = bool(data["do_not_call"])
    return Company(**data)


def person_of(row: Any) -> Person:
    """A Person from a row selecting PERSON_COLS and company_display_name."""
    data = {k: row[k] for k in PERSON_COLS}
    data["do_not_call"] = bool(data["do_not_call"])
    return Person(**data, company_display_name=row["company_display_name"])


def company_search_text(cols: dict[str, Any]) -> str:
    """What the contains-search of a company looks in (lower case)."""
    parts = [cols.get("name"), cols.get("email"), cols.get("city"),
             phones.search_digits(cols.get("phone")), phones.search_digits(cols.get("phone2"))]
    return " ".join(p for p in parts if p).lower()


def person_search_text(cols: dict[str, Any]) -> str:
    """What the contains-search of a person looks in (lower case)."""
    parts = [cols.get("name"), cols.get("first_name"), cols.get("last_name"), cols.get("email"),
             phones.search_digits(cols.get("phone")), phones.search_digits(cols.get("phone2"))]
    return " ".join(p for p in parts if p).lower()
