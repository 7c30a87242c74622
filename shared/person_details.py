"""A person's desktop-only fields: job title, department and postal address (street,
ZIP code, country; the city is the contract's).

The API neither reads nor writes them: they live in ``person_details``, which no API
query touches, and the contract's person JSON is built from PERSON_FIELDS alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from .model import FieldRule, Person, PhoneMode, _clean
from .timeutil import to_db

if TYPE_CHECKING:
    from .store import Store

DETAIL_FIELDS: tuple[FieldRule, ...] = (
    FieldRule("jobTitle", "job_title", "text", 200),
    FieldRule("department", "department", "text", 200),
    FieldRule("address", "address", "text", 200),
    FieldRule("zipCode", "zip_code", "text", 20),
    FieldRule("country", "country", "country", 2),
)
DETAIL_API = tuple(r.api for r in DETAIL_FIELDS)
_COLS = tuple(r.column for r in DETAIL_FIELDS)


@dataclass
class DetailedPerson(Person):
    """A person with the desktop's extra fields."""

    job_title: str | None = None
    department: str | None = None
    address: str | None = None
    zip_code: str | None = None
    country: str | None = None


def split(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``data`` (API names) as (the contract's fields, the detail fields)."""
    return ({k: v for k, v in data.items() if k not in DETAIL_API},
            {k: v for k, v in data.items() if k in DETAIL_API})


def clean_details(data: dict[str, Any], *, mode: PhoneMode = "typed",
                  region: str = "DE") -> dict[str, Any]:
    """Check the detail fields present in ``data``; return them as columns."""
    return _clean(DETAIL_FIELDS, data, partial=True, mode=mode, region=region)


class PersonDetails:
    """Reads and writes the detail fields through a Store's connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def of(self, person_id: str) -> dict[str, Any]:
        """The person's detail columns (all None when it has none)."""
        row = self.conn.execute(f"SELECT {', '.join(_COLS)} FROM person_details"
                                " WHERE person_id = ?", (person_id,)).fetchone()
        return {c: (row[c] if row else None) for c in _COLS}

    def attach(self, persons: Iterable[Person]) -> list[DetailedPerson]:
        """The persons with their details (one query for all of them)."""
        persons = list(persons)
        found: dict[str, dict[str, Any]] = {}
        ids = [p.id for p in persons]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for r in self.conn.execute(
                    f"SELECT person_id, {', '.join(_COLS)} FROM person_details"
                    f" WHERE person_id IN ({', '.join('?' for _ in chunk)})", chunk):
                found[r["person_id"]] = {c: r[c] for c in _COLS}
        base = {f.name for f in fields(Person)}
        return [DetailedPerson(**{k: getattr(p, k) for k in base}, **found.get(p.id, {}))
                for p in persons]

    def get(self, person_id: str) -> DetailedPerson:
        """The person with details; raises NotFound."""
        return self.attach([self.store.get_person(person_id)])[0]

    def update(self, person_id: str, data: dict[str, Any], actor: Any, *,
               mode: PhoneMode = "typed", region: str = "DE") -> DetailedPerson:
        """Change detail fields (API names; blank or null clears), audited on the person
        like any field change. Raises ValidationError, NotFound."""
        changes = clean_details(data, mode=mode, region=region)
        store = self.store
        with store.write():
            store.get_person(person_id)
            old = self.of(person_id)
            diff = {k: [old[k], v] for k, v in changes.items() if old[k] != v}
            if diff:
                merged = old | changes
                self.conn.execute(
                    f"INSERT INTO person_details (person_id, {', '.join(_COLS)})"
                    f" VALUES (?, {', '.join('?' for _ in _COLS)})"
                    " ON CONFLICT(person_id) DO UPDATE SET "
                    + ", ".join(f"{c} = excluded.{c}" for c in _COLS),
                    (person_id, *(merged[c] for c in _COLS)))
                now = to_db(store.clock())
                self.conn.execute("UPDATE persons SET updated_at = ? WHERE id = ?",
                                  (now, person_id))
                self.store._audit(actor, "person", person_id, "update", diff)
        return self.get(person_id)
