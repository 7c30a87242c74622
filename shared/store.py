"""The repository: every query Callsheet runs against its SQLite file.

A Store wraps one ``sqlite_utils.Database`` (one connection: one Store per
thread). Every write is one ``BEGIN IMMEDIATE`` transaction, so a failed
validation or a crash half-way leaves the file as it was, and two writers
queue on the lock instead of failing. Lookups raise NotFound rather than
returning None.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlite_utils import Database

from . import blocklist, call_rules, calling_hours, consent, ids, phones, privacy, trash
from .collation import last_name_key, sort_key
from .database import FileWatch, busy_error
from .duplicates import name_key
from .errors import NotFound, ValidationError, WrongSource
from .model import (
    COMPANY_FIELDS,
    PERSON_FIELDS,
    Actor,
    CallRecord,
    CallResult,
    Campaign,
    Company,
    ContactRef,
    ContactView,
    Person,
    PhoneMode,
    Task,
    check_id,
    check_person_named,
    check_source,
    clean_company,
    clean_person,
    company_display_name,
    person_display_name,
)
from .timeutil import Clock, to_db, utc_now

HANDOUT = timedelta(minutes=5)
MIN_PREFIX_DIGITS = 6
_UNSET: Any = object()

_COMPANY_COLS = ("pk", "id", "name", "display_name") + tuple(
    r.column for r in COMPANY_FIELDS if r.column != "name"
) + ("do_not_call", "created_at", "updated_at", "sort_key")
_PERSON_COLS = ("pk", "id", "name", "company_id") + tuple(r.column for r in PERSON_FIELDS) + (
    "do_not_call", "created_at", "updated_at", "sort_key", "last_sort_key")
# The orders list_persons offers, as (key column, index it pages by).
PERSON_ORDERS = {"name": "sort_key", "last_name": "last_sort_key"}

# A contact row as every contact query selects it: the person (if any) and
# the company (the person's, or the company contact itself).
_CONTACT_SELECT = """
    p.id AS person_id, p.name AS person_name, p.do_not_call AS person_dnc,
    c.id AS company_id, c.display_name AS company_name, c.do_not_call AS company_dnc
"""
# The same columns for a company contact, from ``companies c`` alone. A join to persons
# that never matches (``LEFT JOIN persons p ON 0``) made SQLite scan all persons for
# every company row: 100 ms per company-number lookup at a million persons.
_COMPANY_CONTACT_SELECT = """
    NULL AS person_id, NULL AS person_name, NULL AS person_dnc,
    c.id AS company_id, c.display_name AS company_name, c.do_not_call AS company_dnc
"""


# The caller lookup's SQL (Store.lookup_phone), also run by bench/reference.py, the bare
# server the bench compares the API with: the same queries on both sides.
LOOKUP_SQL = f"""
    SELECT {_CONTACT_SELECT}, CASE WHEN p.phone = :n THEN 'phone' ELSE 'phone2' END
       AS reason, 0 AS rank
    FROM persons p LEFT JOIN companies c ON c.id = p.company_id
    WHERE p.phone = :n OR p.phone2 = :n
    UNION ALL
    SELECT {_COMPANY_CONTACT_SELECT},
       CASE WHEN c.phone = :n THEN 'phone' ELSE 'phone2' END, 1 AS rank
    FROM companies c
    WHERE c.phone = :n OR c.phone2 = :n
    ORDER BY rank, person_name, company_name"""


def switchboard_prefixes(number: str) -> list[str]:
    """The stored numbers a switchboard would need to take a call from ``number`` (an
    extension behind it): ``number`` shortened by one digit or more, down to six digits."""
    digits = number.lstrip("+")
    return ["+" + digits[:n] for n in range(len(digits) - 1, MIN_PREFIX_DIGITS - 1, -1)]


def prefix_lookup_sql(count: int) -> str:
    """The companies with any of ``count`` numbers as phone or phone2; parameters: the
    numbers twice (``switchboard_prefixes(n) * 2``)."""
    marks = ", ".join("?" * count)
    return (f"SELECT {_COMPANY_CONTACT_SELECT}, c.phone AS phone, c.phone2 AS phone2"
            f" FROM companies c WHERE c.phone IN ({marks}) OR c.phone2 IN ({marks})")


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
        from .timeutil import from_db

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


def _row_view(row: sqlite3.Row | dict[str, Any]) -> ContactView:
    person_id = row["person_id"]
    return ContactView(
        company_id=row["company_id"],
        company_name=row["company_name"],
        person_id=person_id,
        person_name=row["person_name"],
        do_not_call=bool(row["person_dnc"] if person_id else row["company_dnc"]),
    )


def _company_search_text(cols: dict[str, Any]) -> str:
    parts = [cols.get("name"), cols.get("email"), cols.get("city"),
             phones.search_digits(cols.get("phone")), phones.search_digits(cols.get("phone2"))]
    return " ".join(p for p in parts if p).lower()


def _person_search_text(cols: dict[str, Any]) -> str:
    parts = [cols.get("name"), cols.get("first_name"), cols.get("last_name"), cols.get("email"),
             phones.search_digits(cols.get("phone")), phones.search_digits(cols.get("phone2"))]
    return " ".join(p for p in parts if p).lower()


def _nocase_prefix_range(text: str) -> tuple[str, str | bytes]:
    """``(lo, hi)``: under COLLATE NOCASE every string starting with ``text`` is in
    ``[lo, hi)`` (NOCASE folds ASCII letters only, so lo does the same)."""
    lo = "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)
    stem = lo.rstrip("\U0010ffff")
    if not stem:
        return lo, b"\xff"  # no string is above U+10FFFF...; every TEXT sorts below a BLOB
    # Code point order is UTF-8 byte order, which NOCASE compares after folding;
    # surrogates cannot be stored, so the next code point after U+D7FF is U+E000.
    nxt = ord(stem[-1]) + 1
    return lo, stem[:-1] + chr(0xE000 if 0xD800 <= nxt <= 0xDFFF else nxt)


_WRITE_LOCKS: dict[str, threading.RLock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


@contextmanager
def _released(lock: threading.RLock) -> Iterator[None]:
    """Release ``lock`` (acquired by the caller) when the block ends."""
    try:
        yield
    finally:
        lock.release()


def _write_lock(conn: sqlite3.Connection) -> threading.RLock:
    """The lock this process's writers of ``conn``'s database file share (reentrant, so a
    thread holding it through one Store can still try another, as before)."""
    path = conn.execute("PRAGMA database_list").fetchone()[2] or f":memory:{id(conn)}"
    lock = _WRITE_LOCKS.get(path)
    if lock is None:
        with _WRITE_LOCKS_GUARD:
            lock = _WRITE_LOCKS.setdefault(path, threading.RLock())
    return lock


class Store:
    """Everything Callsheet reads and writes, over one database connection."""

    def __init__(
        self,
        db: Database,
        *,
        clock: Clock = utc_now,
        new_contact_id: Callable[[], str] = ids.new_contact_id,
        new_task_id: Callable[[], str] = ids.new_task_id,
    ) -> None:
        self.db = db
        self.conn = db.conn
        self.conn.row_factory = sqlite3.Row
        self.clock = clock
        self.new_contact_id = new_contact_id
        self.new_task_id = new_task_id
        self._lock: threading.RLock | None = None
        self._lock_wait = 0.0
        # Is the file this connection writes still the database at its path?
        self.watch = FileWatch(self.conn)

    # -- plumbing ---------------------------------------------------------

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[None]:
        """One write transaction; nested calls join the outer one.

        ``durable=False`` commits without waiting for the disk (``synchronous=NORMAL``
        for this one transaction): a crash or power cut may lose it, never corrupt
        the file or an earlier durable commit. Only for data that may be lost.
        """
        if self.conn.in_transaction:
            yield
            return
        # Writers in this process queue on a lock and start the moment it is free;
        # on SQLite's lock alone they would sleep in its busy handler (1, 2, 5, 10 ...
        # ms), which cuts eight API threads posting calls to a third of one's rate.
        if self._lock is None:
            # Looked up once: PRAGMA database_list on every write costs 20 us.
            self._lock = _write_lock(self.conn)
            self._lock_wait = self.conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
        # No longer than SQLite would wait for another process's lock: a long write in
        # this process (an import) must not hold the API's writers without bound.
        if not self._lock.acquire(timeout=self._lock_wait):
            raise busy_error()
        with _released(self._lock):
            if not durable:
                sync = self.conn.execute("PRAGMA synchronous").fetchone()[0]
                self.conn.execute("PRAGMA synchronous = NORMAL")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield
                    # Last, so that a file deleted or replaced meanwhile is caught too.
                    self.watch.check()
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
                else:
                    self.conn.execute("COMMIT")
            finally:
                if not durable:
                    self.conn.execute(f"PRAGMA synchronous = {int(sync)}")

    def _now(self) -> str:
        return to_db(self.clock())

    def _one(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap polling for live views."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def _audit(
        self, actor: Actor, entity_type: str, entity_id: str, action: str,
        changes: dict[str, Any] | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO audit_log (at, side, client, entity_type, entity_id, action, changes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self._now(), actor.side, actor.client, entity_type, entity_id, action,
             json.dumps(changes or {}, ensure_ascii=False, default=str)),
        )

    # -- settings ---------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A stored setting, or ``default`` when it was never set."""
        row = self._one("SELECT value FROM settings WHERE key = ?", (key,))
        return row["value"] if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting (the value is never logged: keys live here too)."""
        with self.write():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- companies --------------------------------------------------------

    def _company(self, row: sqlite3.Row) -> Company:
        data = {k: row[k] for k in _COMPANY_COLS}
        data["do_not_call"] = bool(data["do_not_call"])
        return Company(**data)

    def get_company(self, company_id: str) -> Company:
        """The company with this id; raises NotFound."""
        row = self._one(f"SELECT {', '.join(_COMPANY_COLS)} FROM companies WHERE id = ?",
                        (company_id,))
        if row is None:
            raise NotFound(f"No company with id {company_id!r}.")
        return self._company(row)

    def create_company(
        self, data: dict[str, Any], actor: Actor, *, mode: PhoneMode = "e164",
        region: str = "DE", company_id: str | None = None,
    ) -> Company:
        """Create a company from fields given by their API names; returns it with its new id."""
        cols = clean_company(data, mode=mode, region=region)
        now = self._now()
        cols.update(
            id=company_id or self.new_contact_id(),
            display_name=company_display_name(cols["name"], cols["country"]),
            created_at=now, updated_at=now,
        )
        cols["search_text"] = _company_search_text(cols)
        cols["name_key"] = name_key(cols["name"])
        cols["sort_key"] = sort_key(cols["display_name"])
        with self.write():
            self._insert("companies", cols)
            self._audit(actor, "company", cols["id"], "create",
                        {k: v for k, v in cols.items() if v is not None and k in
                         {r.column for r in COMPANY_FIELDS}})
            blocklist.flag_if_blocked(self, ContactRef(cols["id"]),
                                      (cols["phone"], cols["phone2"]), actor)
        return self.get_company(cols["id"])

    def _insert(self, table: str, cols: dict[str, Any]) -> None:
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        self.conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(cols.values()))

    def update_company(
        self, company_id: str, data: dict[str, Any], actor: Actor, *,
        mode: PhoneMode = "e164", region: str = "DE",
    ) -> Company:
        """Change the given fields (API names) of a company; null clears. Raises NotFound."""
        changes = clean_company(data, partial=True, mode=mode, region=region)
        with self.write():
            old = self.get_company(company_id)
            merged = {r.column: getattr(old, r.column) for r in COMPANY_FIELDS} | changes
            diff = {k: [getattr(old, k), v] for k, v in changes.items() if getattr(old, k) != v}
            if not diff:
                return old
            display = company_display_name(merged["name"], merged["country"])
            sets = dict(changes, display_name=display, search_text=_company_search_text(merged),
                        name_key=name_key(merged["name"]), sort_key=sort_key(display),
                        updated_at=self._now())
            self.conn.execute(
                f"UPDATE companies SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                (*sets.values(), company_id),
            )
            if display != old.display_name:
                self.conn.execute(
                    "UPDATE campaign_contacts SET sort_name = ? WHERE company_id = ?",
                    (display, company_id),
                )
            self._audit(actor, "company", company_id, "update", diff)
            blocklist.flag_if_blocked(self, ContactRef(company_id),
                                      (changes.get("phone"), changes.get("phone2")), actor)
        return self.get_company(company_id)

    def count_persons_of(self, company_id: str) -> int:
        """How many persons belong to the company (they go with it when it is deleted)."""
        return self._one("SELECT count(*) FROM persons WHERE company_id = ?", (company_id,))[0]

    def delete_company(self, company_id: str, actor: Actor) -> int:
        """Delete a company with its persons, tasks and campaign places; returns persons deleted.

        They go to Recently deleted (``restore_deleted`` brings them back for 30 days).
        Calls stay: they are the contact center's record and keep the ids they had.
        """
        with self.write():
            company = self.get_company(company_id)
            persons = self._all("SELECT id FROM persons WHERE company_id = ?", (company_id,))
            trash.move_to_trash(self, "company", company_id, actor)
            for p in persons:
                self._audit(actor, "person", p["id"], "delete", {"company": company_id})
            self._audit(actor, "company", company_id, "delete",
                        {"name": company.name, "persons": len(persons)})
        return len(persons)

    def list_companies(
        self, text: str = "", *, after: tuple[str, int] | None = None, limit: int = 200,
    ) -> list[Company]:
        """Companies ordered by display name (shared.collation: ä with a), a page at a
        time (keyset: pass the last row's ``(sort_key, pk)`` as ``after``), optionally
        filtered by ``text``."""
        where, params = self._text_filter("companies", text)
        if after is not None:
            # The plain range first: SQLite seeks the index with it, while the row
            # value alone makes it scan from the top (a page deep in 1M rows: 40 ms).
            where.append("sort_key >= ? AND (sort_key, pk) > (?, ?)")
            params += [after[0], after[0], after[1]]
        sql = (f"SELECT {', '.join(_COMPANY_COLS)} FROM companies"
               f"{' WHERE ' + ' AND '.join(where) if where else ''}"
               " ORDER BY sort_key, pk LIMIT ?")
        return [self._company(r) for r in self._all(sql, [*params, limit])]

    def count_companies(self, text: str = "") -> int:
        """How many companies match ``text`` (all when empty)."""
        where, params = self._text_filter("companies", text)
        sql = f"SELECT count(*) FROM companies{' WHERE ' + ' AND '.join(where) if where else ''}"
        return self._one(sql, params)[0]

    def _text_filter(self, table: str, text: str) -> tuple[list[str], list[Any]]:
        text = (text or "").strip().lower()
        if not text:
            return [], []
        if phones.looks_like_phone(text):
            text = phones.digits_of(text) or text
        if len(text) >= 3:
            # The trigram index answers substring queries of three or more characters.
            quoted = '"' + text.replace('"', '""') + '"'
            return [f"pk IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"], [quoted]
        return ["search_text LIKE ? ESCAPE '\\'"], [
            "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ]

    # -- persons ----------------------------------------------------------

    def _person(self, row: sqlite3.Row) -> Person:
        data = {k: row[k] for k in _PERSON_COLS}
        data["do_not_call"] = bool(data["do_not_call"])
        return Person(**data, company_display_name=row["company_display_name"])

    def _person_sql(self, where: str) -> str:
        cols = ", ".join(f"p.{c}" for c in _PERSON_COLS)
        return (f"SELECT {cols}, c.display_name AS company_display_name FROM persons p"
                f" LEFT JOIN companies c ON c.id = p.company_id WHERE {where}")

    def get_person(self, person_id: str) -> Person:
        """The person with this id; raises NotFound."""
        row = self._one(self._person_sql("p.id = ?"), (person_id,))
        if row is None:
            raise NotFound(f"No person with id {person_id!r}.")
        return self._person(row)

    def _check_company(self, company_id: str | None, field: str) -> None:
        if company_id is not None and self._one(
                "SELECT 1 FROM companies WHERE id = ?", (company_id,)) is None:
            raise NotFound(f"No company with id {company_id!r}.", field=field)

    def create_person(
        self, data: dict[str, Any], actor: Actor, *, company_id: str | None = None,
        mode: PhoneMode = "e164", region: str = "DE", person_id: str | None = None,
    ) -> Person:
        """Create a person, of a company or private (``company_id=None``). Raises NotFound
        for an unknown company."""
        cols = clean_person(data, mode=mode, region=region)
        now = self._now()
        cols.update(
            id=person_id or self.new_contact_id(), company_id=company_id,
            name=person_display_name(cols["display_name"], cols["first_name"],
                                     cols["last_name"]),
            created_at=now, updated_at=now,
        )
        cols["search_text"] = _person_search_text(cols)
        cols["name_key"] = name_key(cols["name"])
        cols["sort_key"] = sort_key(cols["name"])
        cols["last_sort_key"] = last_name_key(cols["last_name"], cols["first_name"], cols["name"])
        with self.write():
            self._check_company(company_id, "contact.company.id")
            self._insert("persons", cols)
            self._audit(actor, "person", cols["id"], "create",
                        {k: v for k, v in cols.items() if v is not None and k in
                         {r.column for r in PERSON_FIELDS} | {"company_id"}})
            blocklist.flag_if_blocked(self, ContactRef(company_id, cols["id"]),
                                      (cols["phone"], cols["phone2"]), actor)
        return self.get_person(cols["id"])

    def update_person(
        self, person_id: str, data: dict[str, Any], actor: Actor, *,
        company_id: str | None = _UNSET, mode: PhoneMode = "e164", region: str = "DE",
    ) -> Person:
        """Change the given fields of a person; ``company_id`` moves it (None: private).
        Raises NotFound for the person or the new company."""
        changes = clean_person(data, partial=True, mode=mode, region=region)
        with self.write():
            old = self.get_person(person_id)
            privacy.check_not_erased(self, person_id)
            if company_id is not _UNSET and company_id != old.company_id:
                self._check_company(company_id, "company.id")
                changes["company_id"] = company_id
            merged = {r.column: getattr(old, r.column) for r in PERSON_FIELDS} | changes
            check_person_named(merged)
            diff = {k: [getattr(old, k), v] for k, v in changes.items() if getattr(old, k) != v}
            if not diff:
                return old
            name = person_display_name(merged["display_name"], merged["first_name"],
                                       merged["last_name"])
            merged["name"] = name
            sets = dict(changes, name=name, search_text=_person_search_text(merged),
                        name_key=name_key(name), sort_key=sort_key(name),
                        last_sort_key=last_name_key(merged["last_name"], merged["first_name"],
                                                    name),
                        updated_at=self._now())
            self.conn.execute(
                f"UPDATE persons SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                (*sets.values(), person_id),
            )
            if name != old.name:
                self.conn.execute(
                    "UPDATE campaign_contacts SET sort_name = ? WHERE person_id = ?",
                    (name, person_id),
                )
            self._audit(actor, "person", person_id, "update", diff)
            blocklist.flag_if_blocked(self, ContactRef(None, person_id),
                                      (changes.get("phone"), changes.get("phone2")), actor)
        return self.get_person(person_id)

    def delete_person(self, person_id: str, actor: Actor) -> None:
        """Delete a person with its tasks and campaign places (to Recently deleted).
        Raises NotFound."""
        with self.write():
            person = self.get_person(person_id)
            trash.move_to_trash(self, "person", person_id, actor)
            self._audit(actor, "person", person_id, "delete", {"name": person.name})

    # -- recently deleted ---------------------------------------------------

    def list_deleted(self) -> list[trash.TrashEntry]:
        """What was deleted in the last 30 days, newest first."""
        return trash.list_trash(self)

    def restore_deleted(self, entry_pk: int, actor: Actor) -> trash.Restored:
        """Bring a deleted company or person back with the same id (see shared.trash)."""
        return trash.restore(self, entry_pk, actor)

    def purge_deleted(self, actor: Actor, *, days: int = trash.KEEP_DAYS) -> int:
        """Forget what was deleted more than ``days`` ago by the store's clock."""
        return trash.purge(self, actor, days=days)

    def _refresh_derived(self, kind: str, record_id: str) -> None:
        """Recompute the columns the store derives from a contact's fields (search text,
        name key) for a record put back as stored, and for a company's persons."""
        if kind == "company":
            c = self.get_company(record_id)
            cols = {r.column: getattr(c, r.column) for r in COMPANY_FIELDS}
            self.conn.execute(
                "UPDATE companies SET search_text = ?, name_key = ?, sort_key = ? WHERE id = ?",
                (_company_search_text(cols), name_key(c.name), sort_key(c.display_name),
                 record_id))
            persons = [p.id for p in self.persons_of(record_id)]
        else:
            persons = [record_id]
        for pid in persons:
            p = self.get_person(pid)
            cols = {r.column: getattr(p, r.column) for r in PERSON_FIELDS} | {"name": p.name}
            self.conn.execute(
                "UPDATE persons SET search_text = ?, name_key = ?, sort_key = ?,"
                " last_sort_key = ? WHERE id = ?",
                (_person_search_text(cols), name_key(p.name), sort_key(p.name),
                 last_name_key(p.last_name, p.first_name, p.name), pid))

    def persons_of(self, company_id: str) -> list[Person]:
        """The persons of a company, by name."""
        return [self._person(r) for r in self._all(
            self._person_sql("p.company_id = ?") + " ORDER BY p.sort_key, p.pk",
            (company_id,))]

    def list_persons(
        self, text: str = "", *, after: tuple[str, int] | None = None, limit: int = 200,
        order: str = "name",
    ) -> list[Person]:
        """Persons ordered by name (``order="last_name"``: by last name, then first name),
        a page at a time: keyset on ``(sort_key, pk)`` or ``(last_sort_key, pk)``."""
        key = PERSON_ORDERS.get(order)
        if key is None:
            raise ValidationError(f"Persons sort by {' or '.join(PERSON_ORDERS)}.",
                                  field="order")
        where, params = self._text_filter("persons", text)
        where = [w.replace("pk IN", "p.pk IN").replace("search_text", "p.search_text")
                 for w in where]
        if after is not None:
            # The plain range lets SQLite seek the index (see list_companies).
            where.append(f"p.{key} >= ? AND (p.{key}, p.pk) > (?, ?)")
            params += [after[0], after[0], after[1]]
        sql = (self._person_sql(" AND ".join(where) or "1")
               + f" ORDER BY p.{key}, p.pk LIMIT ?")
        return [self._person(r) for r in self._all(sql, [*params, limit])]

    def count_persons(self, text: str = "") -> int:
        """How many persons match ``text`` (all when empty)."""
        where, params = self._text_filter("persons", text)
        sql = f"SELECT count(*) FROM persons{' WHERE ' + ' AND '.join(where) if where else ''}"
        return self._one(sql, params)[0]

    # -- contacts ---------------------------------------------------------

    def resolve_contact(self, ref: ContactRef, field: str = "contact") -> ContactView:
        """Check that a contact reference names existing records that belong together.

        Raises NotFound for an unknown id and ValidationError when a person is
        named with a company that is not its own.
        """
        if ref.person_id is not None:
            row = self._one(
                f"SELECT {_CONTACT_SELECT} FROM persons p LEFT JOIN companies c"
                " ON c.id = p.company_id WHERE p.id = ?", (ref.person_id,))
            if row is None:
                raise NotFound(f"No person with id {ref.person_id!r}.",
                               field=f"{field}.person.id")
            if ref.company_id is not None and row["company_id"] != ref.company_id:
                self._check_company(ref.company_id, f"{field}.company.id")
                raise ValidationError(
                    f"Person {ref.person_id!r} does not belong to company {ref.company_id!r}.",
                    field=f"{field}.company.id",
                )
            return _row_view(row)
        row = self._one(
            f"SELECT {_COMPANY_CONTACT_SELECT} FROM companies c WHERE c.id = ?", (ref.company_id,))
        if row is None:
            raise NotFound(f"No company with id {ref.company_id!r}.",
                           field=f"{field}.company.id")
        return _row_view(row)

    def lookup_phone(self, number: str) -> list[PhoneMatch]:
        """Every contact with this E.164 number as phone or phone2.

        Persons come before companies, then by display name. When nothing
        matches exactly, the company whose number is the longest prefix of
        ``number`` (at least six digits: a switchboard, the caller dialling
        from an extension) matches as a company contact.
        """
        rows = self._all(LOOKUP_SQL, {"n": number})
        if rows:
            return [PhoneMatch(_row_view(r), r["reason"], number) for r in rows]
        prefixes = switchboard_prefixes(number)
        if not prefixes:
            return []
        rows = self._all(prefix_lookup_sql(len(prefixes)), prefixes + prefixes)
        wanted = set(prefixes)
        candidates = [(n, r) for r in rows for n in (r["phone"], r["phone2"]) if n in wanted]
        if not candidates:
            return []
        number_, row = min(candidates, key=lambda c: (-len(c[0]), c[1]["company_name"]))
        return [PhoneMatch(_row_view(row), "prefix", number_)]

    def nearest_numbers(self, number: str, limit: int = 5) -> list[PhoneMatch]:
        """Stored numbers that share the longest leading digits with ``number``.

        For the lookup tester: when nothing matches, these show what almost did.
        """
        out: list[PhoneMatch] = []
        seen: set[tuple[str | None, str | None]] = set()
        for cut in range(len(number), 3, -1):
            prefix = number[:cut]
            hi = prefix + "\uffff"
            rows = self._all(
                f"""SELECT {_CONTACT_SELECT}, p.phone AS num FROM persons p
                      LEFT JOIN companies c ON c.id = p.company_id
                      WHERE p.phone >= :lo AND p.phone < :hi
                    UNION ALL
                    SELECT {_COMPANY_CONTACT_SELECT}, c.phone FROM companies c
                      WHERE c.phone >= :lo AND c.phone < :hi
                    LIMIT :limit""",
                {"lo": prefix, "hi": hi, "limit": limit},
            )
            for r in rows:
                key = (r["company_id"], r["person_id"])
                if key not in seen:
                    seen.add(key)
                    out.append(PhoneMatch(_row_view(r), "near", r["num"]))
            if len(out) >= limit:
                break
        return out[:limit]

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Search-as-you-type over names, e-mail and phone numbers (typed in any format).

        Built to answer each keystroke at once over a million contacts: names
        that start with the text first (an index range, in name order), then
        records holding it anywhere (the trigram index, three characters or
        more, taking the first matches it finds rather than sorting them all),
        each by title. One or two characters find names that start with them.
        """
        text = (text or "").strip()
        if not text:
            return []
        phone = phones.looks_like_phone(text)
        rows: list[tuple[int, str, str, sqlite3.Row]] = []  # (rank, kind, title, row)
        seen: set[tuple[str, str]] = set()

        def add(rank: int, kind: str, found: list[sqlite3.Row]) -> None:
            for r in found:
                if (kind, r["id"]) not in seen:
                    seen.add((kind, r["id"]))
                    rows.append((rank, kind, r["title"], r))

        if not phone:
            lo, hi = _nocase_prefix_range(text)
            # The range is what the index seeks; LIKE, which folds case as NOCASE does
            # (ASCII only), keeps exactly the names that start with the text.
            like = lo.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            for kind, col in (("person", "p.name"), ("company", "c.display_name")):
                add(0, kind, self._all(
                    self._SEARCH_SELECT[kind] + f" WHERE {col} >= ? COLLATE NOCASE AND {col} < ?"
                    f" COLLATE NOCASE AND {col} LIKE ? ESCAPE '\\'"
                    f" ORDER BY {col} COLLATE NOCASE, {col[0]}.pk LIMIT ?", (lo, hi, like, limit)))
        needle = (phones.digits_of(text) or text) if phone else text.lower()
        if len(needle) >= 3 and sum(1 for r in rows if r[0] == 0) < limit:
            quoted = '"' + needle.replace('"', '""') + '"'
            for kind, table, alias in (("person", "persons", "p"), ("company", "companies", "c")):
                add(1, kind, self._all(
                    self._SEARCH_SELECT[kind] + f" WHERE {alias}.pk IN (SELECT rowid FROM"
                    f" {table}_fts WHERE {table}_fts MATCH ? LIMIT ?)", (quoted, limit)))
        # As before: titles that start with the text first (however they were found).
        start = text.lower()
        rows.sort(key=lambda r: (not r[2].lower().startswith(start), sort_key(r[2])))
        hits = []
        for _, kind, title, r in rows[:limit]:
            if kind == "person":
                subtitle = r["company_display_name"] or "private"
            else:
                subtitle = ", ".join(x for x in (r["city"], r["email"]) if x)
            hits.append(SearchHit(kind, r["id"], title, subtitle, r["phone"] or r["phone2"],
                                  bool(r["do_not_call"])))
        return hits

    _SEARCH_SELECT = {
        "person": "SELECT p.id, p.name AS title, p.phone, p.phone2, p.do_not_call,"
                  " c.display_name AS company_display_name"
                  " FROM persons p LEFT JOIN companies c ON c.id = p.company_id",
        "company": "SELECT c.id, c.display_name AS title, c.phone, c.phone2, c.do_not_call,"
                   " c.city, c.email FROM companies c",
    }

    # -- do not call ------------------------------------------------------

    def set_do_not_call(
        self, ref: ContactRef, flag: bool, actor: Actor, *, reason: str | None = None,
        call_id: str | None = None,
    ) -> bool:
        """Flag (or lift) do-not-call on a contact: the person if named, else the company.

        Records who, when, why and which call; returns False when nothing changed.
        """
        with self.write():
            table, key = ("persons", ref.person_id) if ref.person_id else (
                "companies", ref.company_id)
            row = self._one(f"SELECT do_not_call FROM {table} WHERE id = ?", (key,))
            if row is None:
                raise NotFound(f"No {'person' if ref.person_id else 'company'} with id {key!r}.")
            if bool(row["do_not_call"]) == flag:
                return False
            self.conn.execute(f"UPDATE {table} SET do_not_call = ?, updated_at = ? WHERE id = ?",
                              (int(flag), self._now(), key))
            self.conn.execute(
                "INSERT INTO dnc_events (company_id, person_id, do_not_call, reason, side, client,"
                " call_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (None if ref.person_id else key, ref.person_id, int(flag), reason, actor.side,
                 actor.client, call_id, self._now()),
            )
            # "company", not table[:-1] ("companie"): the card looks it up by entity type.
            self._audit(actor, "person" if ref.person_id else "company", key, "do_not_call",
                        {"do_not_call": [not flag, flag], "reason": reason, "call": call_id})
        return True

    def dnc_history(self, ref: ContactRef) -> list[DncEvent]:
        """The do-not-call changes of a contact, newest first."""
        col, key = ("person_id", ref.person_id) if ref.person_id else (
            "company_id", ref.company_id)
        return [DncEvent(bool(r["do_not_call"]), r["reason"], r["side"], r["client"],
                         r["call_id"], r["at"])
                for r in self._all(f"SELECT * FROM dnc_events WHERE {col} = ? ORDER BY pk DESC",
                                   (key,))]

    # -- screen pops ------------------------------------------------------

    def request_screen_pop(self, ref: ContactRef, actor: Actor) -> ContactView:
        """Ask the desktop to bring a contact up. Raises NotFound / ValidationError."""
        view = self.resolve_contact(ref)
        with self.write():
            self.conn.execute(
                "INSERT INTO screen_pops (company_id, person_id, client, requested_at)"
                " VALUES (?, ?, ?, ?)",
                (None if view.person_id else view.company_id, view.person_id,
                 actor.client, self._now()),
            )
        return view

    def take_screen_pops(self) -> list[ContactView]:
        """The screen pops not yet shown, oldest first, marked as shown."""
        with self.write():
            rows = self._all(
                f"""SELECT s.pk, {_CONTACT_SELECT} FROM screen_pops s
                    LEFT JOIN persons p ON p.id = s.person_id
                    LEFT JOIN companies c ON c.id = CASE WHEN s.person_id IS NULL
                        THEN s.company_id ELSE p.company_id END
                    WHERE s.handled_at IS NULL ORDER BY s.pk""")
            if rows:
                self.conn.execute(
                    "UPDATE screen_pops SET handled_at = ? WHERE handled_at IS NULL AND pk <= ?",
                    (self._now(), rows[-1]["pk"]))
        return [_row_view(r) for r in rows if r["person_id"] or r["company_id"]]

    # -- campaigns --------------------------------------------------------

    def _campaign(self, row: sqlite3.Row) -> Campaign:
        return Campaign(row["id"], row["name"], row["contacts_source"], row["tasks_source"],
                        row["created_at"], needs_consent=bool(row["needs_consent"]))

    def get_campaign(self, campaign_id: str) -> Campaign:
        """The campaign with this id; raises NotFound."""
        row = self._one("SELECT * FROM campaigns WHERE id = ?", (campaign_id,))
        if row is None:
            raise NotFound(f"No campaign with id {campaign_id!r}.")
        return self._campaign(row)

    def list_campaigns(self) -> list[Campaign]:
        """All campaigns by name, with how many contacts and open tasks each has."""
        rows = self._all(
            """SELECT k.*,
                 (SELECT count(*) FROM campaign_contacts cc WHERE cc.campaign_id = k.id) AS n_c,
                 (SELECT count(*) FROM tasks t WHERE t.campaign_id = k.id
                    AND t.closed_at IS NULL) AS n_t
               FROM campaigns k ORDER BY k.name COLLATE NOCASE, k.id""")
        out = []
        for r in rows:
            c = self._campaign(r)
            c.contact_count, c.open_task_count = r["n_c"], r["n_t"]
            out.append(c)
        return out

    def create_campaign(
        self, campaign_id: str, name: str, actor: Actor, *, contacts_source: str = "crm",
        tasks_source: str = "crm",
    ) -> Campaign:
        """Create a campaign; its id is Apollo's (e.g. ``tech_level_2``)."""
        check_id(campaign_id, "id")
        name = (name or "").strip()
        if not name:
            raise ValidationError("A campaign needs a name.", field="name")
        check_source(contacts_source, "contactsSource")
        check_source(tasks_source, "tasksSource")
        now = self._now()
        with self.write():
            if self._one("SELECT 1 FROM campaigns WHERE id = ?", (campaign_id,)):
                raise ValidationError(f"A campaign with id {campaign_id!r} exists already.",
                                      field="id")
            self._insert("campaigns", dict(id=campaign_id, name=name,
                                           contacts_source=contacts_source,
                                           tasks_source=tasks_source, created_at=now,
                                           updated_at=now))
            self._audit(actor, "campaign", campaign_id, "create",
                        {"name": name, "contacts_source": contacts_source,
                         "tasks_source": tasks_source})
        return self.get_campaign(campaign_id)

    def update_campaign(
        self, campaign_id: str, actor: Actor, *, name: str | None = None,
        contacts_source: str | None = None, tasks_source: str | None = None,
    ) -> Campaign:
        """Rename a campaign or change its sources. Raises NotFound."""
        sets: dict[str, Any] = {}
        if name is not None:
            if not name.strip():
                raise ValidationError("A campaign needs a name.", field="name")
            sets["name"] = name.strip()
        if contacts_source is not None:
            sets["contacts_source"] = check_source(contacts_source, "contactsSource")
        if tasks_source is not None:
            sets["tasks_source"] = check_source(tasks_source, "tasksSource")
        with self.write():
            old = self.get_campaign(campaign_id)
            diff = {k: [getattr(old, k), v] for k, v in sets.items() if getattr(old, k) != v}
            if diff:
                sets["updated_at"] = self._now()
                self.conn.execute(
                    f"UPDATE campaigns SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                    (*sets.values(), campaign_id))
                self._audit(actor, "campaign", campaign_id, "update", diff)
        return self.get_campaign(campaign_id)

    def delete_campaign(self, campaign_id: str, actor: Actor) -> None:
        """Delete a campaign with its contact list and tasks (calls stay)."""
        with self.write():
            self.get_campaign(campaign_id)
            self.conn.execute("DELETE FROM campaigns WHERE id = ?", (campaign_id,))
            self._audit(actor, "campaign", campaign_id, "delete")

    def assign_contacts(self, campaign_id: str, refs: Iterable[ContactRef], actor: Actor) -> int:
        """Add contacts to a campaign (ones already in it are skipped); returns how many
        were added. Raises NotFound for the campaign or any contact, adding none then."""
        added = 0
        with self.write():
            self.get_campaign(campaign_id)
            for ref in refs:
                view = self.resolve_contact(ref)
                if view.person_id:
                    cols = dict(person_id=view.person_id, sort_name=view.person_name)
                else:
                    cols = dict(company_id=view.company_id, sort_name=view.company_name)
                cur = self.conn.execute(
                    f"INSERT OR IGNORE INTO campaign_contacts (campaign_id, {', '.join(cols)},"
                    " added_at) VALUES (?, ?, ?, ?)",
                    (campaign_id, *cols.values(), self._now()))
                if cur.rowcount:
                    added += 1
                    self._refresh_call_stats(campaign_id, view.company_id if not view.person_id
                                             else None, view.person_id)
                    self._audit(actor, "campaign", campaign_id, "assign",
                                {"company_id": view.company_id, "person_id": view.person_id})
        return added

    def unassign_contacts(self, campaign_id: str, refs: Iterable[ContactRef], actor: Actor) -> int:
        """Remove contacts from a campaign; returns how many were removed."""
        removed = 0
        with self.write():
            for ref in refs:
                if ref.person_id:
                    cur = self.conn.execute(
                        "DELETE FROM campaign_contacts WHERE campaign_id = ? AND person_id = ?",
                        (campaign_id, ref.person_id))
                else:
                    cur = self.conn.execute(
                        "DELETE FROM campaign_contacts WHERE campaign_id = ? AND company_id = ?",
                        (campaign_id, ref.company_id))
                if cur.rowcount:
                    removed += cur.rowcount
                    self._audit(actor, "campaign", campaign_id, "unassign",
                                {"company_id": ref.company_id, "person_id": ref.person_id})
        return removed

    _CAMPAIGN_CONTACTS = f"""
        SELECT {_CONTACT_SELECT}, cc.call_count, cc.last_call_at, cc.handed_out_until,
               cc.sort_name
        FROM campaign_contacts cc
        LEFT JOIN persons p ON p.id = cc.person_id
        LEFT JOIN companies c ON c.id = coalesce(cc.company_id, p.company_id)
        WHERE cc.campaign_id = ?"""

    def campaign_contacts(self, campaign_id: str, *, for_dialer: bool = True) -> list[ContactView]:
        """The contacts of a campaign by name.

        ``for_dialer`` (the API) leaves out do-not-call contacts and raises
        WrongSource when the campaign's contacts are managed in Apollo.
        """
        campaign = self.get_campaign(campaign_id)
        if for_dialer and campaign.contacts_source != "crm":
            raise WrongSource(
                f"The CRM is not the contact source of campaign {campaign_id!r}: its contacts"
                " are managed in Apollo.")
        rows = self._all(self._CAMPAIGN_CONTACTS
                         + (consent.campaign_filter(self, campaign_id, "cc.person_id",
                                                    "cc.company_id") if for_dialer else "")
                         + " ORDER BY cc.pk", (campaign_id,))
        # By name as people sort (ä with a): a campaign's list is read whole anyway.
        views = [_row_view(r) for r in sorted(rows, key=lambda r: sort_key(r["sort_name"]))]
        return [v for v in views if not (for_dialer and v.do_not_call)]

    def next_contact(self, campaign_id: str) -> ContactView | None:
        """Hand out the next contact for Apollo's dialer, or None when none is left.

        The campaign contact not flagged do-not-call with the fewest calls in
        this campaign, then the oldest last call, then by name. A contact
        handed out is not handed out again for five minutes (or until a call
        for it is posted), so two dialers never get the same contact at once.
        """
        campaign = self.get_campaign(campaign_id)
        if campaign.contacts_source != "crm":
            raise WrongSource(
                f"The CRM is not the contact source of campaign {campaign_id!r}: its contacts"
                " are managed in Apollo.")
        now = self.clock()
        # A hand-out is a lease, not a record: losing the last ones in a crash only
        # means those contacts may be handed out again. So no fsync for it.
        with self.write(durable=False):
            # Hand-outs that ran out return to the queue in their old place.
            self.conn.execute(
                "UPDATE campaign_contacts SET handed_out_until = ''"
                " WHERE campaign_id = ? AND handed_out_until > '' AND handed_out_until <= ?",
                (campaign_id, to_db(now)))
            # Calling hours (shared/calling_hours.py, off by default): the first contact
            # for whom it is within them now, or none.
            only, params = "", [campaign_id]
            # Where the campaign needs consent, only consenting contacts (shared.consent).
            needs_consent = consent.campaign_filter(self, campaign_id, "cc.person_id",
                                                    "cc.company_id")
            hours = calling_hours.get(self.conn, campaign_id)
            if hours is not None:
                pk = calling_hours.first_callable(self.conn, campaign_id, hours, now,
                                                  extra=needs_consent)
                if pk is None:
                    return None
                only = " AND cc.pk = ?"
                params.append(pk)
            # The do-not-call test is _row_view's, in SQL: one row read, not a cursor
            # left open while stepping past flagged contacts.
            row = self._one(
                f"""SELECT cc.pk, {_CONTACT_SELECT} FROM campaign_contacts cc
                    LEFT JOIN persons p ON p.id = cc.person_id
                    LEFT JOIN companies c ON c.id = coalesce(cc.company_id, p.company_id)
                    WHERE cc.campaign_id = ? AND cc.handed_out_until = ''
                      AND NOT coalesce(iif(p.id IS NOT NULL, p.do_not_call, c.do_not_call), 0)
                      {needs_consent}{only}
                    ORDER BY cc.call_count, cc.last_call_at, cc.sort_name, cc.pk LIMIT 1""",
                params)
            if row is None:
                return None
            self.conn.execute("UPDATE campaign_contacts SET handed_out_until = ? WHERE pk = ?",
                              (to_db(now + HANDOUT), row["pk"]))
            return _row_view(row)

    def _refresh_call_stats(
        self, campaign_id: str | None, company_id: str | None, person_id: str | None,
    ) -> None:
        """Recount a campaign contact's calls in that campaign and end its hand-out."""
        if campaign_id is None:
            return
        if person_id:
            col, key = "person_id", person_id
            calls_where = "person_id = ?"
        elif company_id:
            col, key = "company_id", company_id
            calls_where = "person_id IS NULL AND company_id = ?"
        else:
            return
        stats = self._one(
            f"SELECT count(*) AS n, coalesce(max(started_at), '') AS last FROM calls"
            f" WHERE source_type = 'campaign' AND source_id = ? AND {calls_where}",
            (campaign_id, key))
        self.conn.execute(
            f"UPDATE campaign_contacts SET call_count = ?, last_call_at = ?, handed_out_until = ''"
            f" WHERE campaign_id = ? AND {col} = ?",
            (stats["n"], stats["last"], campaign_id, key))

    # -- tasks ------------------------------------------------------------

    def _task(self, row: sqlite3.Row) -> Task:
        return Task(
            id=row["id"], campaign_id=row["campaign_id"], timestamp=row["timestamp"],
            scheduled=bool(row["scheduled"]), contact=_row_view(row),
            annotation=row["annotation"], closed_at=row["closed_at"],
            created_by_call=row["created_by_call"], closed_by_call=row["closed_by_call"],
            created_at=row["created_at"], campaign_name=row["campaign_name"],
        )

    _TASK_SELECT = f"""
        SELECT t.id, t.campaign_id, t.timestamp, t.scheduled, t.annotation, t.closed_at,
               t.created_by_call, t.closed_by_call, t.created_at, k.name AS campaign_name,
               {_CONTACT_SELECT}
        FROM tasks t
        JOIN campaigns k ON k.id = t.campaign_id
        LEFT JOIN persons p ON p.id = t.person_id
        LEFT JOIN companies c ON c.id = coalesce(t.company_id, p.company_id)"""

    def get_task(self, task_id: str) -> Task:
        """The task with this id; raises NotFound."""
        row = self._one(self._TASK_SELECT + " WHERE t.id = ?", (task_id,))
        if row is None:
            raise NotFound(f"No task with id {task_id!r}.")
        return self._task(row)

    def add_task(
        self, campaign_id: str, ref: ContactRef, when: datetime, actor: Actor, *,
        scheduled: bool = False, annotation: str | None = None,
    ) -> Task:
        """Create an open task for a contact. Raises NotFound for campaign or contact."""
        with self.write():
            self.get_campaign(campaign_id)
            view = self.resolve_contact(ref)
            task_id = self.new_task_id()
            self._insert("tasks", dict(
                id=task_id, campaign_id=campaign_id,
                company_id=None if view.person_id else view.company_id,
                person_id=view.person_id, timestamp=to_db(when), scheduled=int(scheduled),
                annotation=annotation, created_at=self._now()))
            self._audit(actor, "task", task_id, "create",
                        {"campaign_id": campaign_id, "timestamp": to_db(when),
                         "scheduled": scheduled, "company_id": view.company_id,
                         "person_id": view.person_id})
        return self.get_task(task_id)

    def open_tasks(
        self, campaign_id: str, *, start: datetime | None = None, end: datetime | None = None,
        limit: int | None = None, scheduled: bool | None = None, for_dialer: bool = True,
    ) -> list[Task]:
        """Open tasks of a campaign with ``start <= timestamp < end``, by timestamp then id.

        ``for_dialer`` (the API) raises WrongSource when the campaign's tasks
        are managed in Apollo and leaves out tasks of do-not-call contacts.
        """
        campaign = self.get_campaign(campaign_id)
        if for_dialer and campaign.tasks_source != "crm":
            raise WrongSource(
                f"The CRM is not the task source of campaign {campaign_id!r}: its tasks are"
                " managed in Apollo.")
        where, params = ["t.campaign_id = ?", "t.closed_at IS NULL"], [campaign_id]
        if for_dialer:
            # Like campaign contacts and next: a do-not-call contact's tasks are not
            # handed to the dialer (they stay open, and come back if the flag is lifted).
            # Where the campaign needs consent, only consenting contacts' (shared.consent).
            where.append("NOT coalesce(iif(p.id IS NOT NULL, p.do_not_call, c.do_not_call), 0)"
                         + consent.campaign_filter(self, campaign_id, "t.person_id",
                                                   "t.company_id"))
        if scheduled is not None:
            where.append("t.scheduled = ?")
            params.append(int(scheduled))
        if start is not None:
            where.append("t.timestamp >= ?")
            params.append(to_db(start))
        if end is not None:
            where.append("t.timestamp < ?")
            params.append(to_db(end))
        sql = self._TASK_SELECT + " WHERE " + " AND ".join(where) + " ORDER BY t.timestamp, t.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(min(limit, 1_000_000_000))
        return [self._task(r) for r in self._all(sql, params)]

    def list_tasks(
        self, *, campaign_id: str | None = None, start: datetime | None = None,
        end: datetime | None = None, scheduled: bool | None = None, include_closed: bool = False,
        ref: ContactRef | None = None, limit: int = 5000,
    ) -> list[Task]:
        """Tasks for the desktop's task list and contact cards, by timestamp."""
        where: list[str] = []
        params: list[Any] = []
        if campaign_id is not None:
            where.append("t.campaign_id = ?")
            params.append(campaign_id)
        if not include_closed:
            where.append("t.closed_at IS NULL")
        if scheduled is not None:
            where.append("t.scheduled = ?")
            params.append(int(scheduled))
        if start is not None:
            where.append("t.timestamp >= ?")
            params.append(to_db(start))
        if end is not None:
            where.append("t.timestamp < ?")
            params.append(to_db(end))
        if ref is not None:
            if ref.person_id:
                where.append("t.person_id = ?")
                params.append(ref.person_id)
            else:
                where.append("t.company_id = ?")
                params.append(ref.company_id)
        sql = (self._TASK_SELECT + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY t.timestamp, t.id LIMIT ?")
        return [self._task(r) for r in self._all(sql, [*params, limit])]

    def reschedule_task(
        self, task_id: str, when: datetime, actor: Actor, *, scheduled: bool | None = None,
        annotation: str | None = _UNSET,
    ) -> Task:
        """Move a task to another time (and optionally change its kind or note)."""
        with self.write():
            old = self.get_task(task_id)
            sets: dict[str, Any] = {"timestamp": to_db(when)}
            if scheduled is not None:
                sets["scheduled"] = int(scheduled)
            if annotation is not _UNSET:
                sets["annotation"] = annotation
            self.conn.execute(
                f"UPDATE tasks SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                (*sets.values(), task_id))
            before = {"timestamp": old.timestamp, "scheduled": int(old.scheduled),
                      "annotation": old.annotation}
            self._audit(actor, "task", task_id, "update",
                        {k: [before[k], v] for k, v in sets.items() if before[k] != v})
        return self.get_task(task_id)

    def close_task(self, task_id: str, actor: Actor, *, call_id: str | None = None) -> Task:
        """Close an open task (by hand, or by the call that handled it)."""
        with self.write():
            task = self.get_task(task_id)
            if task.closed_at is None:
                self.conn.execute(
                    "UPDATE tasks SET closed_at = ?, closed_by_call = ? WHERE id = ?",
                    (self._now(), call_id, task_id))
                self._audit(actor, "task", task_id, "close", {"call": call_id})
        return self.get_task(task_id)

    def reopen_task(self, task_id: str, actor: Actor) -> Task:
        """Open a closed task again."""
        with self.write():
            self.get_task(task_id)
            self.conn.execute(
                "UPDATE tasks SET closed_at = NULL, closed_by_call = NULL WHERE id = ?",
                (task_id,))
            self._audit(actor, "task", task_id, "reopen")
        return self.get_task(task_id)

    # -- calls ------------------------------------------------------------

    def record_call(self, call: CallRecord, actor: Actor) -> CallResult:
        """Store a call Apollo posted, with all its effects, in one transaction.

        Posting the same id again replaces the call (Apollo retries) and its
        effects: tags, attempts and new tasks are replaced, never duplicated,
        and what the earlier version did that this one does not (a task it
        closed, a do-not-call flag it set) is undone. Which effects a call has
        is decided by ``call_rules.decide``; this method reads the facts it
        needs and writes the decision. An unknown ``newTasks`` campaign raises
        ValidationError and nothing is stored; unknown contact ids are kept on
        the call as given.
        """
        now = self._now()
        result = CallResult(created=True)
        with self.write():
            for i, t in enumerate(call.new_tasks):
                if self._one("SELECT 1 FROM campaigns WHERE id = ?", (t.campaign_id,)) is None:
                    raise ValidationError(
                        f"newTasks[{i}] names campaign {t.campaign_id!r}, which the CRM does not"
                        " know; nothing was stored.", field=f"call.newTasks[{i}].campaign")
            facts = call_rules.CallFacts(
                id=call.id, kind=call.kind, source_id=call.source_id,
                task_id=call.source_task, company_id=call.company_id,
                person_id=call.person_id, do_not_call=call.do_not_call,
                new_tasks=tuple(call_rules.NewTaskSpec(t.campaign_id, t.timestamp, t.annotation)
                                for t in call.new_tasks))
            known = self._known_contact(call, result)
            old = self._one("SELECT * FROM calls WHERE id = ?", (call.id,))
            previous = None if old is None else self._previous_effects(call.id)
            target = call_rules.dnc_target(facts, known)
            decision = call_rules.decide(
                facts, known, self._task_facts(call.source_task), previous,
                call.do_not_call and target is not None and self._flagged(target))

            # Only a replaced call has tags to compare (for its audit entry); a new one,
            # most posts, skips the query.
            old_tags = [] if old is None else [list(r) for r in self._all(
                "SELECT category, tag FROM call_tags WHERE call_id = ? ORDER BY position",
                (call.id,))]
            cols = dict(
                kind=call.kind, agent=call.agent, company_id=call.company_id,
                person_id=call.person_id, phone_number=call.phone_number,
                source_type=call.source_type, source_id=call.source_id,
                source_task=call.source_task, transfer_type=call.transfer_type,
                transfer_id=call.transfer_id, dtmf_path=call.dtmf_path,
                annotation=call.annotation, do_not_call=int(call.do_not_call),
                timestamp_init=call.timestamp_init, timestamp_assigned=call.timestamp_assigned,
                timestamp_start=call.timestamp_start, timestamp_end=call.timestamp_end,
                timestamp_closed=call.timestamp_closed, answered=int(call.answered),
                started_at=call.timestamp_init or call.timestamp_assigned
                or call.timestamp_start or now,
                updated_at=now, client=actor.client, raw_json=call.raw_json,
            )
            if old is None:
                self._insert("calls", dict(id=call.id, received_at=now, **cols))
            else:
                result.created = False
                self.conn.execute(
                    f"UPDATE calls SET {', '.join(f'{k} = ?' for k in cols)} WHERE id = ?",
                    (*cols.values(), call.id))
                self.conn.execute("DELETE FROM call_attempts WHERE call_id = ?", (call.id,))
                self.conn.execute("DELETE FROM call_tags WHERE call_id = ?", (call.id,))
            self.conn.executemany(
                "INSERT INTO call_attempts (call_id, position, agent, timestamp_assigned,"
                " timestamp_closed) VALUES (?, ?, ?, ?, ?)",
                [(call.id, i, a.agent, a.timestamp_assigned, a.timestamp_closed)
                 for i, a in enumerate(call.attempts)])
            self.conn.executemany(
                "INSERT INTO call_tags (call_id, position, category, tag, payload)"
                " VALUES (?, ?, ?, ?, ?)",
                [(call.id, i, t.category, t.tag,
                  None if t.payload is None else json.dumps(t.payload, ensure_ascii=False))
                 for i, t in enumerate(call.tags)])

            self._apply_call_decision(call.id, decision, actor, now)
            result.tasks_created = len(decision.create_tasks)
            result.tasks_skipped = decision.tasks_skipped
            result.notes = decision.notes

            if old is not None and old["source_type"] == "campaign":
                self._refresh_call_stats(old["source_id"], old["company_id"], old["person_id"])
            if call.kind == "campaign":
                self._refresh_call_stats(call.source_id, call.company_id, call.person_id)
            if old is None:
                self._audit(actor, "call", call.id, "create",
                            {"kind": call.kind, "agent": call.agent,
                             "company_id": call.company_id, "person_id": call.person_id})
            else:
                diff = {k: [old[k], v] for k, v in cols.items()
                        if k not in ("updated_at", "raw_json") and old[k] != v}
                new_tags = [[t.category, t.tag] for t in call.tags]
                if new_tags != old_tags:
                    diff["tags"] = [old_tags, new_tags]
                self._audit(actor, "call", call.id, "replace", diff)
        return result

    def _known_contact(self, call: CallRecord, result: CallResult) -> call_rules.KnownContact:
        """Which of the call's contact ids exist; the unknown ones go into the result."""
        person = company = person_company = None
        if call.person_id is not None:
            row = self._one("SELECT company_id FROM persons WHERE id = ?", (call.person_id,))
            if row is None:
                result.unknown.append(f"person {call.person_id}")
            else:
                person, person_company = call.person_id, row["company_id"]
        if call.company_id is not None:
            if self._one("SELECT 1 FROM companies WHERE id = ?", (call.company_id,)):
                company = call.company_id
            else:
                result.unknown.append(f"company {call.company_id}")
        return call_rules.KnownContact(company, person, person_company)

    def _task_facts(self, task_id: str | None) -> call_rules.TaskFacts | None:
        if task_id is None:
            return None
        row = self._one("SELECT id, campaign_id, company_id, person_id, closed_at,"
                        " closed_by_call FROM tasks WHERE id = ?", (task_id,))
        if row is None:
            return None
        return call_rules.TaskFacts(row["id"], row["campaign_id"], row["company_id"],
                                    row["person_id"], row["closed_at"] is not None,
                                    row["closed_by_call"])

    def _flagged(self, target: call_rules.Target) -> bool:
        table, key = (("persons", target.person_id) if target.person_id
                      else ("companies", target.company_id))
        row = self._one(f"SELECT do_not_call FROM {table} WHERE id = ?", (key,))
        return row is not None and bool(row["do_not_call"])

    def _previous_effects(self, call_id: str) -> call_rules.PreviousEffects:
        """What the stored version of a call did that still stands."""
        closed = tuple(r["id"] for r in self._all(
            "SELECT id FROM tasks WHERE closed_by_call = ? AND closed_at IS NOT NULL ORDER BY id",
            (call_id,)))
        created = tuple(r["id"] for r in self._all(
            "SELECT id FROM tasks WHERE created_by_call = ? AND closed_at IS NULL ORDER BY id",
            (call_id,)))
        return call_rules.PreviousEffects(closed, created, self._dnc_set_by_call(call_id))

    def _dnc_set_by_call(self, call_id: str) -> call_rules.DncSetByCall | None:
        """The flag this call set, if its latest do-not-call event set one that is still set.

        "Set again since" covers a later event on the contact (someone set it after
        lifting it) and another call asking for it since: a call that finds the
        contact already flagged leaves no event, yet it wants the flag kept.
        """
        event = self._one("SELECT * FROM dnc_events WHERE call_id = ? ORDER BY pk DESC LIMIT 1",
                          (call_id,))
        if event is None or not event["do_not_call"]:
            return None
        target = call_rules.Target(event["company_id"], event["person_id"])
        if not self._flagged(target):
            return None
        col, key = (("person_id", target.person_id) if target.person_id
                    else ("company_id", target.company_id))
        later = self._one(f"SELECT 1 FROM dnc_events WHERE {col} = ? AND pk > ? LIMIT 1",
                          (key, event["pk"]))
        other_call = self._one(
            "SELECT 1 FROM calls WHERE do_not_call = 1 AND id != ? AND updated_at >= ?"
            + (" AND person_id = ?" if target.person_id
               else " AND person_id IS NULL AND company_id = ?") + " LIMIT 1",
            (call_id, event["at"], key))
        return call_rules.DncSetByCall(target, later is not None or other_call is not None)

    def _apply_call_decision(
        self, call_id: str, d: call_rules.Decision, actor: Actor, now: str,
    ) -> None:
        """Write what ``call_rules.decide`` decided for a call."""
        if d.close_task is not None:
            self.conn.execute(
                "UPDATE tasks SET closed_at = ?, closed_by_call = ? WHERE id = ?",
                (now, call_id, d.close_task))
            self._audit(actor, "task", d.close_task, "close", {"call": call_id})
        for task_id in d.reopen_tasks:
            self.conn.execute(
                "UPDATE tasks SET closed_at = NULL, closed_by_call = NULL"
                " WHERE id = ? AND closed_by_call = ?", (task_id, call_id))
            self._audit(actor, "task", task_id, "reopen",
                        {"call": call_id, "reason": "the call was replaced"})
        for t in d.create_tasks:
            self.conn.execute(
                """INSERT INTO tasks (id, campaign_id, company_id, person_id, timestamp,
                       scheduled, annotation, created_at, created_by_call)
                   VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET campaign_id = excluded.campaign_id,
                       company_id = excluded.company_id, person_id = excluded.person_id,
                       timestamp = excluded.timestamp, annotation = excluded.annotation""",
                (t.id, t.campaign_id, t.target.company_id, t.target.person_id, t.timestamp,
                 t.annotation, now, call_id))
            self._audit(actor, "task", t.id, "create",
                        {"campaign_id": t.campaign_id, "timestamp": t.timestamp,
                         "scheduled": True, "company_id": t.target.company_id,
                         "person_id": t.target.person_id, "call": call_id})
        for task_id in d.withdraw_tasks:
            self.conn.execute("DELETE FROM tasks WHERE id = ? AND closed_at IS NULL", (task_id,))
            self._audit(actor, "task", task_id, "delete", {"call": call_id})
        if d.unflag is not None:
            self.set_do_not_call(ContactRef(d.unflag.company_id, d.unflag.person_id), False,
                                 actor, reason="the call that set it was replaced",
                                 call_id=call_id)
        if d.flag is not None:
            self.set_do_not_call(ContactRef(d.flag.company_id, d.flag.person_id), True, actor,
                                 reason="set by call", call_id=call_id)

    def batch(
        self, works: Sequence[Callable[[Store], Any]], *, durable: bool = True,
    ) -> list[Any]:
        """Run several writes (``work(self)`` each) in ONE transaction: one commit, one
        fsync. Each runs in its own savepoint: one that raises (ValidationError, ...)
        rolls back alone and its exception takes its place in the returned list.

        Each write stays atomic, and later ones see earlier ones (the same call id
        twice is a replace, as two posts would be). Raises, with nothing stored,
        when the transaction itself fails: BEGIN, COMMIT, or an error that makes
        SQLite end it.
        """
        out: list[Any] = []
        with self.write(durable=durable):
            for work in works:
                self.conn.execute("SAVEPOINT one_write")
                try:
                    out.append(work(self))
                except Exception as e:
                    if not self.conn.in_transaction:
                        raise  # SQLite rolled the whole batch back (disk full, I/O error)
                    self.conn.execute("ROLLBACK TO one_write")
                    out.append(e)
                self.conn.execute("RELEASE one_write")
        return out

    def _call_rows(self, where: str, params: list[Any], limit: int) -> list[CallRow]:
        rows = self._all(
            f"""SELECT k.*, p.name AS person_name, c.display_name AS company_name,
                  (SELECT group_concat(category || char(31) || tag, char(30))
                     FROM call_tags g WHERE g.call_id = k.id) AS tag_text
                FROM calls k
                LEFT JOIN persons p ON p.id = k.person_id
                LEFT JOIN companies c ON c.id = k.company_id
                WHERE {where} ORDER BY k.started_at DESC, k.pk DESC LIMIT ?""",
            [*params, limit])
        out = []
        for r in rows:
            label = " · ".join(x for x in (r["person_name"] or r["person_id"],
                                           r["company_name"] or r["company_id"]) if x)
            tags = [tuple(t.split("\x1f", 1)) for t in (r["tag_text"] or "").split("\x1e") if t]
            transfer = (f"{r['transfer_type']}:{r['transfer_id']}" if r["transfer_id"] else None)
            out.append(CallRow(
                id=r["id"], kind=r["kind"], agent=r["agent"], started_at=r["started_at"],
                timestamp_start=r["timestamp_start"], timestamp_end=r["timestamp_end"],
                answered=bool(r["answered"]), phone_number=r["phone_number"],
                company_id=r["company_id"], person_id=r["person_id"],
                contact_label=label or (r["phone_number"] or "anonymous"),
                source_type=r["source_type"], source_id=r["source_id"],
                source_task=r["source_task"], transfer=transfer, annotation=r["annotation"],
                do_not_call=bool(r["do_not_call"]), tags=tags))  # type: ignore[arg-type]
        return out

    def calls_for_contact(self, ref: ContactRef, limit: int = 500) -> list[CallRow]:
        """The calls of a contact, newest first: a person's own, or a company's (with its
        persons' calls)."""
        if ref.person_id:
            return self._call_rows("k.person_id = ?", [ref.person_id], limit)
        return self._call_rows(
            "(k.company_id = ? OR k.person_id IN (SELECT id FROM persons WHERE company_id = ?))",
            [ref.company_id, ref.company_id], limit)

    def list_calls(
        self, *, start: datetime | None = None, end: datetime | None = None,
        agent: str | None = None, tag: str | None = None, answered: bool | None = None,
        limit: int = 2000,
    ) -> list[CallRow]:
        """The call journal, newest first, filtered by time range, agent, tag, answered."""
        where, params = ["1"], []
        if start is not None:
            where.append("k.started_at >= ?")
            params.append(to_db(start))
        if end is not None:
            where.append("k.started_at < ?")
            params.append(to_db(end))
        if agent:
            where.append("k.agent = ?")
            params.append(agent)
        if tag:
            # Per call, a seek on call_tags' key: SQLite walks the calls newest first and
            # stops after a page, instead of reading every tag row and sorting the calls.
            where.append("EXISTS (SELECT 1 FROM call_tags g WHERE g.call_id = k.id"
                         " AND (g.tag = ? OR g.category = ?))")
            params += [tag, tag]
        if answered is not None:
            where.append("k.answered = ?")
            params.append(int(answered))
        return self._call_rows(" AND ".join(where), params, limit)

    def get_call(self, call_id: str) -> CallRow:
        """The call as the journal shows it. Raises NotFound."""
        rows = self._call_rows("k.id = ?", [call_id], 1)
        if not rows:
            raise NotFound(f"No call with id {call_id!r}.")
        return rows[0]

    def get_call_json(self, call_id: str) -> dict[str, Any]:
        """The body Apollo posted for a call, as it came. Raises NotFound."""
        row = self._one("SELECT raw_json FROM calls WHERE id = ?", (call_id,))
        if row is None:
            raise NotFound(f"No call with id {call_id!r}.")
        return json.loads(row["raw_json"])

    def agents(self) -> list[str]:
        """Every agent that has taken a call, by name."""
        # One index seek per agent: DISTINCT read the whole index (60 ms at 500,000 calls,
        # on every refresh of the call journal's filters).
        out: list[str] = []
        agent = self._one("SELECT min(agent) FROM calls")[0]
        while agent is not None:
            out.append(agent)
            agent = self._one("SELECT min(agent) FROM calls WHERE agent > ?", (agent,))[0]
        return out

    def tags(self) -> list[str]:
        """Every tag id used on a call, by name."""
        # One index seek per (category, tag) pair, as agents(): DISTINCT read every tag
        # row (300 ms at 500,000 calls). Equality on the category, then a range on the
        # tag: a row-value range ((category, tag) > (?, ?)) still walked a whole category.
        found: set[str] = set()
        category = self._one("SELECT min(category) FROM call_tags")[0]
        while category is not None:
            tag = self._one("SELECT min(tag) FROM call_tags WHERE category = ?", (category,))[0]
            while tag is not None:
                found.add(tag)
                tag = self._one("SELECT min(tag) FROM call_tags WHERE category = ? AND tag > ?",
                                (category, tag))[0]
            category = self._one("SELECT min(category) FROM call_tags WHERE category > ?",
                                 (category,))[0]
        return sorted(found)

    def count_calls(self) -> int:
        """How many calls are stored."""
        return self._one("SELECT count(*) FROM calls")[0]

    # -- audit ------------------------------------------------------------

    def audit_trail(self, entity_type: str, entity_id: str, limit: int = 200) -> list[AuditEntry]:
        """The recorded changes of one record, newest first."""
        return [AuditEntry(r["at"], r["side"], r["client"], r["entity_type"], r["entity_id"],
                           r["action"], json.loads(r["changes"]))
                for r in self._all(
                    "SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ?"
                    " ORDER BY pk DESC LIMIT ?", (entity_type, entity_id, limit))]

    # -- duplicates and merge (import, duplicates view) --------------------
    # The dataclasses and name rules live in shared.duplicates / shared.dashboard;
    # they are imported where used so this part of the file stays self-contained.

    def _phone_matches(self, table: str, numbers: Iterable[str]) -> list[sqlite3.Row]:
        numbers = [n for n in dict.fromkeys(numbers) if n]
        if not numbers:
            return []
        marks = ", ".join("?" for _ in numbers)
        return self._all(f"SELECT id FROM {table} WHERE phone IN ({marks})"
                         f" UNION SELECT id FROM {table} WHERE phone2 IN ({marks})",
                         [*numbers, *numbers])

    def _similar_name_ids(self, table: str, name: str, limit: int = 50) -> list[str]:
        """Ids whose name has the same key as ``name``, or a difflib ratio of 0.9 with it
        among the few records the trigram index offers for its longest word."""
        from .duplicates import is_similar

        key = name_key(name)
        if not key:
            return []
        ids = [r["id"] for r in self._all(
            f"SELECT id FROM {table} WHERE name_key = ? LIMIT ?", (key, limit))]
        words = sorted((w for w in name.lower().split() if len(w) >= 3), key=len, reverse=True)
        if words:
            quoted = '"' + words[0].replace('"', '""') + '"'
            for r in self._all(
                    f"SELECT t.id, t.name FROM {table}_fts f JOIN {table} t ON t.pk = f.rowid"
                    f" WHERE {table}_fts MATCH ? LIMIT ?", (quoted, limit)):
                if r["id"] not in ids and is_similar(name, r["name"]):
                    ids.append(r["id"])
        return ids

    def find_similar_companies(
        self, *, numbers: Iterable[str] = (), email: str | None = None, name: str | None = None,
        limit: int = 5,
    ) -> list[tuple[Company, list[str]]]:
        """Companies that may be the one described: the same phone number (as phone or
        phone2), the same e-mail (any case) or a similar name; with the reasons, the best
        match first. Every test uses an index, so it is fast on big databases."""
        from .duplicates import SAME_EMAIL, SAME_PHONE, SIMILAR_NAME, sort_reasons

        found: dict[str, set[str]] = {}
        for r in self._phone_matches("companies", numbers):
            found.setdefault(r["id"], set()).add(SAME_PHONE)
        if email:
            for r in self._all("SELECT id FROM companies WHERE email IS NOT NULL"
                               " AND lower(email) = lower(?) LIMIT 20", (email,)):
                found.setdefault(r["id"], set()).add(SAME_EMAIL)
        if name:
            for cid in self._similar_name_ids("companies", name):
                found.setdefault(cid, set()).add(SIMILAR_NAME)
        ranked = sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
        return [(self.get_company(cid), sort_reasons(reasons)) for cid, reasons in ranked]

    def find_similar_persons(
        self, *, numbers: Iterable[str] = (), email: str | None = None, name: str | None = None,
        company_id: str | None = None, limit: int = 5,
    ) -> list[tuple[Person, list[str]]]:
        """Persons that may be the one described (as find_similar_companies). A similar
        name counts only within the same company, or when one of the two is private."""
        from .duplicates import SAME_EMAIL, SAME_PHONE, SIMILAR_NAME, sort_reasons

        found: dict[str, set[str]] = {}
        for r in self._phone_matches("persons", numbers):
            found.setdefault(r["id"], set()).add(SAME_PHONE)
        if email:
            for r in self._all("SELECT id FROM persons WHERE email IS NOT NULL"
                               " AND lower(email) = lower(?) LIMIT 20", (email,)):
                found.setdefault(r["id"], set()).add(SAME_EMAIL)
        if name:
            for pid in self._similar_name_ids("persons", name):
                other = self._one("SELECT company_id FROM persons WHERE id = ?", (pid,))
                if company_id is None or other["company_id"] in (None, company_id):
                    found.setdefault(pid, set()).add(SIMILAR_NAME)
        ranked = sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]
        return [(self.get_person(pid), sort_reasons(reasons)) for pid, reasons in ranked]

    def company_by_name_key(self, name: str) -> Company:
        """The oldest company whose name has the same key as ``name`` (``CX Labs GmbH`` is
        ``cx-labs``). Raises NotFound."""

        key = name_key(name)
        row = self._one(f"SELECT {', '.join(_COMPANY_COLS)} FROM companies"
                        " WHERE name_key = ? AND name_key <> '' ORDER BY pk LIMIT 1", (key,))
        if row is None:
            raise NotFound(f"No company named like {name!r}.")
        return self._company(row)

    def duplicate_candidates(self, limit: int = 500, kind: str | None = None) -> list[Any]:
        """Pairs of companies and pairs of persons that look like one contact: the same
        phone number, the same e-mail (any case) or the same name key (for persons: in
        the same company, or one of them private). Pairs marked as not duplicates are
        left out. Returns ``shared.duplicates.DuplicatePair`` records, pairs with more
        reasons first. Each test is an index join, never a comparison of every pair."""
        from .duplicates import (
            SAME_EMAIL,
            SAME_PHONE,
            SIMILAR_NAME,
            DuplicatePair,
            sort_reasons,
        )

        tests = (
            (SAME_PHONE, "b.phone = a.phone", "a.phone IS NOT NULL"),
            (SAME_PHONE, "b.phone2 = a.phone2", "a.phone2 IS NOT NULL"),
            (SAME_PHONE, "b.phone2 = a.phone", "a.phone IS NOT NULL"),
            (SAME_PHONE, "b.phone = a.phone2", "a.phone2 IS NOT NULL"),
            (SAME_EMAIL, "b.email IS NOT NULL AND lower(b.email) = lower(a.email)",
             "a.email IS NOT NULL"),
            (SIMILAR_NAME, "b.name_key = a.name_key", "a.name_key <> ''"),
        )
        pairs: list[Any] = []
        for k, table in (("company", "companies"), ("person", "persons")):
            if kind not in (None, k):
                continue
            found: dict[tuple[str, str], set[str]] = {}
            for reason, on, where in tests:
                extra = ""
                if k == "person" and reason == SIMILAR_NAME:
                    extra = (" AND (a.company_id IS NULL OR b.company_id IS NULL"
                             " OR a.company_id = b.company_id)")
                rows = self._all(
                    f"""SELECT a.id AS a, b.id AS b FROM {table} a JOIN {table} b
                          ON {on} AND b.pk <> a.pk{extra}
                        WHERE {where} AND NOT EXISTS (
                          SELECT 1 FROM not_duplicates n WHERE n.kind = ?
                            AND n.id_a = min(a.id, b.id) AND n.id_b = max(a.id, b.id))
                        LIMIT ?""", (k, limit * 2))
                for r in rows:
                    found.setdefault(tuple(sorted((r["a"], r["b"]))), set()).add(reason)
            get = self.get_company if k == "company" else self.get_person
            for (a, b), reasons in found.items():
                pairs.append(DuplicatePair(k, get(a), get(b), sort_reasons(reasons)))  # type: ignore[arg-type]
        pairs.sort(key=lambda p: (-len(p.reasons), p.kind, p.left.name.lower(), p.left.id))
        return pairs[:limit]

    def mark_not_duplicates(self, kind: str, id_a: str, id_b: str, actor: Actor) -> None:
        """Remember that two records are different contacts: the duplicates view stops
        offering the pair."""
        if kind not in ("company", "person"):
            raise ValidationError("kind must be 'company' or 'person'.", field="kind")
        a, b = sorted((id_a, id_b))
        with self.write():
            self.conn.execute(
                "INSERT OR IGNORE INTO not_duplicates (kind, id_a, id_b, at) VALUES (?, ?, ?, ?)",
                (kind, a, b, self._now()))
            self._audit(actor, kind, a, "not_duplicate", {"other": b})
            self._audit(actor, kind, b, "not_duplicate", {"other": a})

    @staticmethod
    def _merged_fields(
        keep: Company | Person, drop: Company | Person, columns: Iterable[str],
    ) -> dict[str, Any]:
        """The kept record's new values: its empty fields filled from the dropped one;
        the dropped one's phone numbers into free phone slots; both notes kept."""
        sets: dict[str, Any] = {}
        for col in columns:
            if col in ("phone", "phone2", "annotation"):
                continue
            if getattr(keep, col) in (None, "") and getattr(drop, col) not in (None, ""):
                sets[col] = getattr(drop, col)
        have = [keep.phone, keep.phone2]
        extra = [n for n in (drop.phone, drop.phone2) if n and n not in have]
        for col, value in zip(("phone", "phone2"), have, strict=True):
            if value is None and extra:
                sets[col] = extra.pop(0)
        a, b = keep.annotation, drop.annotation
        if b and b != a:
            sets["annotation"] = f"{a}\n\n{b}" if a else b
        return sets

    def _move_campaign_places(self, col: str, keep_id: str, drop_id: str, sort_name: str,
                              actor: Actor) -> list[str]:
        """Give the dropped record's campaign places to the kept one (where it has none)."""
        campaigns = [r[0] for r in self._all(
            f"SELECT campaign_id FROM campaign_contacts WHERE {col} = ?", (drop_id,))]
        self.conn.execute(
            f"""UPDATE campaign_contacts SET {col} = ?, sort_name = ? WHERE {col} = ?
                AND campaign_id NOT IN (SELECT campaign_id FROM campaign_contacts
                                        WHERE {col} = ?)""",
            (keep_id, sort_name, drop_id, keep_id))
        # What is left duplicates a place the kept record has: it goes with the record.
        self.conn.execute(f"DELETE FROM campaign_contacts WHERE {col} = ?", (drop_id,))
        return campaigns

    def _absorb(
        self, kind: str, keep_id: str, drop_id: str, *, sort_name: str,
        moved_tables: tuple[str, ...], filled: dict[str, Any], record: dict[str, Any],
        drop_label: str, drop_dnc: bool, keep_dnc: bool, actor: Actor,
    ) -> None:
        """What a merge of either kind does once the kept record has its fields: move
        everything that points at ``drop_id`` onto ``keep_id``, delete the dropped
        record, and record both sides in the audit trail."""
        col = f"{kind}_id"
        table = "companies" if kind == "company" else "persons"
        moved = {t: self.conn.execute(f"UPDATE {t} SET {col} = ? WHERE {col} = ?",
                                      (keep_id, drop_id)).rowcount for t in moved_tables}
        campaigns = self._move_campaign_places(col, keep_id, drop_id, sort_name, actor)
        moved["campaigns"] = len(campaigns)
        self.conn.execute(f"UPDATE dnc_events SET {col} = ? WHERE {col} = ?", (keep_id, drop_id))
        self.conn.execute(f"UPDATE campaign_contacts SET sort_name = ? WHERE {col} = ?",
                          (sort_name, keep_id))
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (drop_id,))
        ref = ContactRef(keep_id, None) if kind == "company" else ContactRef(None, keep_id)
        for campaign_id in campaigns:
            self._refresh_call_stats(campaign_id, ref.company_id, ref.person_id)
        self.conn.execute("DELETE FROM not_duplicates WHERE kind = ? AND ? IN (id_a, id_b)",
                          (kind, drop_id))
        self._audit(actor, kind, keep_id, "merge",
                    {"merged": drop_id, "filled": filled, "moved": moved})
        self._audit(actor, kind, drop_id, "merged_into", {"into": keep_id, "record": record})
        if drop_dnc and not keep_dnc:
            self.set_do_not_call(ref, True, actor, reason=f"merged with {drop_label}")

    def merge_companies(self, keep_id: str, drop_id: str, actor: Actor) -> Company:
        """Merge company ``drop_id`` into ``keep_id`` and delete it, in one transaction.

        The kept company gets the dropped one's values for its empty fields (its
        phone numbers for free phone slots, its note appended), its persons, calls,
        tasks and campaign places (where the kept one is not in that campaign
        already) and its do-not-call history; do-not-call stays on when either had
        it. Both records get an audit entry. Raises NotFound or ValidationError.
        """
        if keep_id == drop_id:
            raise ValidationError("A company cannot be merged into itself.", field="id")
        with self.write():
            keep, drop = self.get_company(keep_id), self.get_company(drop_id)
            columns = [r.column for r in COMPANY_FIELDS]
            sets = self._merged_fields(keep, drop, columns)
            merged = {c: getattr(keep, c) for c in columns} | sets
            display = company_display_name(merged["name"], merged["country"])
            self.conn.execute(
                "UPDATE companies SET " + ", ".join(f"{k} = ?" for k in sets)
                + (", " if sets else "")
                + "display_name = ?, search_text = ?, name_key = ?, sort_key = ?, updated_at = ?"
                " WHERE id = ?",
                (*sets.values(), display, _company_search_text(merged), name_key(merged["name"]),
                 sort_key(display), self._now(), keep_id))
            self._absorb("company", keep_id, drop_id, sort_name=display,
                         moved_tables=("persons", "calls", "tasks", "notes"),
                         filled={k: [getattr(keep, k), v] for k, v in sets.items()},
                         record={c: getattr(drop, c) for c in columns}
                         | {"do_not_call": drop.do_not_call},
                         drop_label=drop.display_name, drop_dnc=drop.do_not_call,
                         keep_dnc=keep.do_not_call, actor=actor)
        return self.get_company(keep_id)

    def merge_persons(self, keep_id: str, drop_id: str, actor: Actor) -> Person:
        """Merge person ``drop_id`` into ``keep_id`` and delete it, in one transaction.

        As merge_companies: empty fields filled, phone numbers and notes kept,
        calls, tasks, campaign places and do-not-call history moved, do-not-call
        kept when either had it; a private kept person takes the dropped one's
        company. Raises NotFound or ValidationError.
        """
        if keep_id == drop_id:
            raise ValidationError("A person cannot be merged into itself.", field="id")
        with self.write():
            keep, drop = self.get_person(keep_id), self.get_person(drop_id)
            columns = [r.column for r in PERSON_FIELDS]
            sets = self._merged_fields(keep, drop, columns)
            if keep.company_id is None and drop.company_id is not None:
                sets["company_id"] = drop.company_id
            merged = {c: getattr(keep, c) for c in columns} | sets
            name = person_display_name(merged["display_name"], merged["first_name"],
                                       merged["last_name"])
            merged["name"] = name
            self.conn.execute(
                "UPDATE persons SET " + ", ".join(f"{k} = ?" for k in sets)
                + (", " if sets else "")
                + "name = ?, search_text = ?, name_key = ?, sort_key = ?, last_sort_key = ?,"
                " updated_at = ? WHERE id = ?",
                (*sets.values(), name, _person_search_text(merged), name_key(name),
                 sort_key(name), last_name_key(merged["last_name"], merged["first_name"], name),
                 self._now(), keep_id))
            self._absorb("person", keep_id, drop_id, sort_name=name,
                         moved_tables=("calls", "tasks", "notes"),
                         filled={k: [getattr(keep, k), v] for k, v in sets.items()},
                         record={c: getattr(drop, c) for c in columns}
                         | {"company_id": drop.company_id, "do_not_call": drop.do_not_call},
                         drop_label=drop.name, drop_dnc=drop.do_not_call,
                         keep_dnc=keep.do_not_call, actor=actor)
        return self.get_person(keep_id)

    # -- dashboard ----------------------------------------------------------

    def calls_per_day(self, start: datetime, end: datetime,
                      tz: tzinfo | None = None) -> list[Any]:
        """Answered and unanswered calls per local day (``tz``, else the computer's zone)
        for ``start <= started_at < end``, every day present (zeros too). Returns
        ``shared.dashboard.DayCalls``. Counted per hour in SQL (an index range), then
        per local day here, so summer time and zone changes land on the right day."""
        from .dashboard import DayCalls, day_range, to_local

        offset = to_local(start, tz).utcoffset() or timedelta()
        width = 13 if offset.total_seconds() % 3600 == 0 else 16  # hours, or minutes
        rows = self._all(
            f"""SELECT substr(started_at, 1, {width}) AS slot, sum(answered) AS answered,
                       count(*) AS n
                FROM calls WHERE started_at >= ? AND started_at < ? GROUP BY slot""",
            (to_db(start), to_db(end)))
        counts: dict[Any, list[int]] = {d: [0, 0] for d in day_range(start, end, tz)}
        for r in rows:
            slot = r["slot"] + (":00" if width == 13 else "")
            day = to_local(datetime.fromisoformat(slot + ":00+00:00"), tz).date()
            if day in counts:
                counts[day][0] += r["answered"]
                counts[day][1] += r["n"] - r["answered"]
        return [DayCalls(d, a, u) for d, (a, u) in counts.items()]

    def calls_by_agent(self, start: datetime, end: datetime, limit: int = 12) -> list[Any]:
        """Calls per agent in ``[start, end)``, most first: ``shared.dashboard.AgentCalls``.
        Calls no agent took (abandoned in the queue) are not anybody's."""
        from .dashboard import AgentCalls

        return [AgentCalls(r["agent"], r["answered"], r["n"] - r["answered"]) for r in self._all(
            """SELECT agent, sum(answered) AS answered, count(*) AS n FROM calls
               WHERE started_at >= ? AND started_at < ? AND agent IS NOT NULL
               GROUP BY agent ORDER BY n DESC, agent LIMIT ?""",
            (to_db(start), to_db(end), limit))]

    def top_tags(self, start: datetime, end: datetime, limit: int = 10) -> list[Any]:
        """The tags set most often on calls in ``[start, end)``: ``shared.dashboard.TagCount``."""
        from .dashboard import TagCount

        return [TagCount(r["category"], r["tag"], r["n"]) for r in self._all(
            """SELECT g.category, g.tag, count(*) AS n FROM calls k
               JOIN call_tags g ON g.call_id = k.id
               WHERE k.started_at >= ? AND k.started_at < ?
               GROUP BY g.category, g.tag ORDER BY n DESC, g.category, g.tag LIMIT ?""",
            (to_db(start), to_db(end), limit))]

    def open_tasks_per_day(self, start: datetime, end: datetime,
                           tz: tzinfo | None = None) -> list[Any]:
        """Open tasks due per local day in ``[start, end)``, scheduled callbacks and
        dialer tasks apart, every day present: ``shared.dashboard.DayTasks``."""
        from .dashboard import DayTasks, day_range, to_local
        from .timeutil import from_db

        counts: dict[Any, list[int]] = {d: [0, 0] for d in day_range(start, end, tz)}
        for r in self._all(
                "SELECT timestamp, scheduled FROM tasks WHERE closed_at IS NULL"
                " AND timestamp >= ? AND timestamp < ?", (to_db(start), to_db(end))):
            day = to_local(from_db(r["timestamp"]), tz).date()  # type: ignore[arg-type]
            if day in counts:
                counts[day][0 if r["scheduled"] else 1] += 1
        return [DayTasks(d, s, u) for d, (s, u) in counts.items()]

    def count_overdue_tasks(self, before: datetime) -> int:
        """Open tasks that were due before ``before``."""
        return self._one("SELECT count(*) FROM tasks WHERE closed_at IS NULL AND timestamp < ?",
                         (to_db(before),))[0]

    def dashboard(self, now: datetime | None = None, tz: tzinfo | None = None,
                  days: int = 30) -> Any:
        """Every figure of the dashboard (``shared.dashboard.Dashboard``): calls of the last
        ``days`` local days, by agent and tag, and the open tasks of this week."""
        from .dashboard import Dashboard, last_days, this_week

        now = now or self.clock()
        start, end = last_days(now, days, tz)
        week_start, week_end = this_week(now, tz)
        return Dashboard(
            start=start, end=end, days=self.calls_per_day(start, end, tz),
            agents=self.calls_by_agent(start, end), tags=self.top_tags(start, end),
            week=self.open_tasks_per_day(week_start, week_end, tz),
            # Overdue is "its time has passed", not "before this week": a 07:00 callback
            # still open at 13:30 is late now.
            overdue_tasks=self.count_overdue_tasks(now))
