"""Companies and persons: create, change, delete, list; do-not-call; screen pops."""

from __future__ import annotations

from typing import Any

from .. import blocklist, phones, privacy
from ..collation import last_name_key, sort_key
from ..duplicates import name_key
from ..errors import NotFound, ValidationError, VersionConflict
from ..model import (
    COMPANY_FIELDS,
    PERSON_FIELDS,
    Actor,
    Company,
    ContactRef,
    ContactView,
    Person,
    PhoneMode,
    check_person_named,
    clean_company,
    clean_person,
    company_display_name,
    person_display_name,
)
from ..texts import Text
from .base import Repository
from .rows import (
    COMPANY_COLS,
    COMPANY_CONTACT_SELECT,
    CONTACT_SELECT,
    PERSON_COLS,
    PERSON_ORDERS,
    DncEvent,
    company_of,
    company_search_text,
    person_of,
    person_search_text,
    row_view,
)

UNSET: Any = object()


class ContactsRepository(Repository):
    """Companies and persons. Lookups raise NotFound rather than returning None."""

    # -- companies --------------------------------------------------------

    def get_company(self, company_id: str) -> Company:
        """The company with this id; raises NotFound."""
        row = self._one(f"SELECT {', '.join(COMPANY_COLS)} FROM companies WHERE id = ?",
                        (company_id,))
        if row is None:
            raise NotFound(Text(
                    "No company with id {company_id!r}.", company_id=company_id))
        return company_of(row)

    def create_company(
        self, data: dict[str, Any], actor: Actor, *, mode: PhoneMode = "e164",
        region: str = "DE", company_id: str | None = None,
    ) -> Company:
        """Create a company from fields given by their API names; returns it with its new id."""
        cols = clean_company(data, mode=mode, region=region)
        now = self._now()
        cols.update(
            id=company_id or self.uow.new_contact_id(),
            display_name=company_display_name(cols["name"], cols["country"]),
            created_at=now, updated_at=now,
        )
        cols["search_text"] = company_search_text(cols)
        cols["name_key"] = name_key(cols["name"])
        cols["sort_key"] = sort_key(cols["display_name"])
        with self.write():
            self._insert("companies", cols)
            self._audit(actor, "company", cols["id"], "create",
                        {k: v for k, v in cols.items() if v is not None and k in
                         {r.column for r in COMPANY_FIELDS}})
            blocklist.flag_if_blocked(self.uow, ContactRef(cols["id"]),
                                      (cols["phone"], cols["phone2"]), actor)
        return self.get_company(cols["id"])

    def update_company(
        self, company_id: str, data: dict[str, Any], actor: Actor, *,
        mode: PhoneMode = "e164", region: str = "DE", expected_version: int | None = None,
    ) -> Company:
        """Change the given fields (API names) of a company; null clears. Raises NotFound,
        and VersionConflict when ``expected_version`` (the version the caller read) is
        no longer the stored one: someone else saved in between."""
        changes = clean_company(data, partial=True, mode=mode, region=region)
        with self.write():
            self.d.lock_row("companies", company_id)
            old = self.get_company(company_id)
            self._check_version("company", old, expected_version)
            merged = {r.column: getattr(old, r.column) for r in COMPANY_FIELDS} | changes
            diff = {k: [getattr(old, k), v] for k, v in changes.items() if getattr(old, k) != v}
            if not diff:
                return old
            display = company_display_name(merged["name"], merged["country"])
            sets = dict(changes, display_name=display, search_text=company_search_text(merged),
                        name_key=name_key(merged["name"]), sort_key=sort_key(display),
                        updated_at=self._now())
            cur = self.conn.execute(
                f"UPDATE companies SET {', '.join(f'{k} = ?' for k in sets)}"
                " WHERE id = ? AND version = ?", (*sets.values(), company_id, old.version))
            if not cur.rowcount:  # another server saved between our read and write
                self._check_version("company", self.get_company(company_id), old.version)
            if display != old.display_name:
                self.conn.execute(
                    "UPDATE campaign_contacts SET sort_name = ? WHERE company_id = ?",
                    (display, company_id),
                )
            self._audit(actor, "company", company_id, "update", diff)
            blocklist.flag_if_blocked(self.uow, ContactRef(company_id),
                                      (changes.get("phone"), changes.get("phone2")), actor)
        return self.get_company(company_id)

    def _check_version(self, kind: str, current: Company | Person,
                       expected: int | None) -> None:
        """Raise VersionConflict, saying who changed which fields, unless ``current`` is
        still at the version the caller read."""
        if expected is None or current.version == expected:
            return
        fields: list[str] = []
        by = None
        for entry in self.uow.reports.audit_trail(kind, current.id, limit=20):
            if entry.action not in ("update", "do_not_call", "merge"):
                continue
            if by is None:
                by = entry.person or entry.side
                if entry.pc:
                    by += f" on {entry.pc}"
            fields += [f for f in entry.changes if f not in fields]
            if len(fields) >= current.version - expected:
                break
        who = f" by {by}" if by else ""
        what = f" ({', '.join(fields)})" if fields else ""
        raise VersionConflict(
            # The desktop words its own message from fields and by; this one is the API's.
            f"This {kind} was changed{who}{what} since you opened it: reload it, or save again"
            " to keep yours.", current=current, fields=tuple(fields), by=by)

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
            self.uow.trash.move_to_trash("company", company_id, actor)
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
        where, params = self._text_filter("companies", "pk", text)
        if after is not None:
            # The plain range first: SQLite seeks the index with it, while the row
            # value alone makes it scan from the top (a page deep in 1M rows: 40 ms).
            where.append("sort_key >= ? AND (sort_key, pk) > (?, ?)")
            params += [after[0], after[0], after[1]]
        sql = (f"SELECT {', '.join(COMPANY_COLS)} FROM companies"
               f"{' WHERE ' + ' AND '.join(where) if where else ''}"
               " ORDER BY sort_key, pk LIMIT ?")
        return [company_of(r) for r in self._all(sql, [*params, limit])]

    def count_companies(self, text: str = "") -> int:
        """How many companies match ``text`` (all when empty)."""
        where, params = self._text_filter("companies", "pk", text)
        sql = f"SELECT count(*) FROM companies{' WHERE ' + ' AND '.join(where) if where else ''}"
        return self._one(sql, params)[0]

    def _text_filter(self, table: str, pk: str, text: str) -> tuple[list[str], list[Any]]:
        text = (text or "").strip().lower()
        if not text:
            return [], []
        if phones.looks_like_phone(text):
            text = phones.digits_of(text) or text
        if len(text) >= 3:
            # The trigram index answers substring queries of three or more characters.
            cond, params = self.d.contains(table, pk, text)
            return [cond], params
        column = "search_text" if pk == "pk" else pk.replace("pk", "search_text")
        return [f"{column} LIKE ? ESCAPE '\\'"], [
            "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ]

    # -- persons ----------------------------------------------------------

    @staticmethod
    def _person_sql(where: str) -> str:
        cols = ", ".join(f"p.{c}" for c in PERSON_COLS)
        return (f"SELECT {cols}, c.display_name AS company_display_name FROM persons p"
                f" LEFT JOIN companies c ON c.id = p.company_id WHERE {where}")

    def get_person(self, person_id: str) -> Person:
        """The person with this id; raises NotFound."""
        row = self._one(self._person_sql("p.id = ?"), (person_id,))
        if row is None:
            raise NotFound(Text(
                    "No person with id {person_id!r}.", person_id=person_id))
        return person_of(row)

    def check_company(self, company_id: str | None, field: str) -> None:
        """Raise NotFound (naming ``field``) unless the company exists."""
        if company_id is not None and self._one(
                "SELECT 1 FROM companies WHERE id = ?", (company_id,)) is None:
            raise NotFound(Text(
                    "No company with id {company_id!r}.", company_id=company_id), field=field)

    def create_person(
        self, data: dict[str, Any], actor: Actor, *, company_id: str | None = None,
        mode: PhoneMode = "e164", region: str = "DE", person_id: str | None = None,
    ) -> Person:
        """Create a person, of a company or private (``company_id=None``). Raises NotFound
        for an unknown company."""
        cols = clean_person(data, mode=mode, region=region)
        now = self._now()
        cols.update(
            id=person_id or self.uow.new_contact_id(), company_id=company_id,
            name=person_display_name(cols["display_name"], cols["first_name"],
                                     cols["last_name"]),
            created_at=now, updated_at=now,
        )
        cols["search_text"] = person_search_text(cols)
        cols["name_key"] = name_key(cols["name"])
        cols["sort_key"] = sort_key(cols["name"])
        cols["last_sort_key"] = last_name_key(cols["last_name"], cols["first_name"], cols["name"])
        with self.write():
            self.check_company(company_id, "contact.company.id")
            self._insert("persons", cols)
            self._audit(actor, "person", cols["id"], "create",
                        {k: v for k, v in cols.items() if v is not None and k in
                         {r.column for r in PERSON_FIELDS} | {"company_id"}})
            blocklist.flag_if_blocked(self.uow, ContactRef(company_id, cols["id"]),
                                      (cols["phone"], cols["phone2"]), actor)
        return self.get_person(cols["id"])

    def update_person(
        self, person_id: str, data: dict[str, Any], actor: Actor, *,
        company_id: str | None = UNSET, mode: PhoneMode = "e164", region: str = "DE",
        expected_version: int | None = None,
    ) -> Person:
        """Change the given fields of a person; ``company_id`` moves it (None: private).
        Raises NotFound for the person or the new company, VersionConflict as
        update_company."""
        changes = clean_person(data, partial=True, mode=mode, region=region)
        with self.write():
            self.d.lock_row("persons", person_id)
            old = self.get_person(person_id)
            privacy.check_not_erased(self.uow, person_id)
            self._check_version("person", old, expected_version)
            if company_id is not UNSET and company_id != old.company_id:
                self.check_company(company_id, "company.id")
                changes["company_id"] = company_id
            merged = {r.column: getattr(old, r.column) for r in PERSON_FIELDS} | changes
            check_person_named(merged)
            diff = {k: [getattr(old, k), v] for k, v in changes.items() if getattr(old, k) != v}
            if not diff:
                return old
            name = person_display_name(merged["display_name"], merged["first_name"],
                                       merged["last_name"])
            merged["name"] = name
            sets = dict(changes, name=name, search_text=person_search_text(merged),
                        name_key=name_key(name), sort_key=sort_key(name),
                        last_sort_key=last_name_key(merged["last_name"], merged["first_name"],
                                                    name),
                        updated_at=self._now())
            cur = self.conn.execute(
                f"UPDATE persons SET {', '.join(f'{k} = ?' for k in sets)}"
                " WHERE id = ? AND version = ?", (*sets.values(), person_id, old.version))
            if not cur.rowcount:  # another server saved between our read and write
                self._check_version("person", self.get_person(person_id), old.version)
            if name != old.name:
                self.conn.execute(
                    "UPDATE campaign_contacts SET sort_name = ? WHERE person_id = ?",
                    (name, person_id),
                )
            self._audit(actor, "person", person_id, "update", diff)
            blocklist.flag_if_blocked(self.uow, ContactRef(None, person_id),
                                      (changes.get("phone"), changes.get("phone2")), actor)
        return self.get_person(person_id)

    def delete_person(self, person_id: str, actor: Actor) -> None:
        """Delete a person with its tasks and campaign places (to Recently deleted).
        Raises NotFound."""
        with self.write():
            person = self.get_person(person_id)
            self.uow.trash.move_to_trash("person", person_id, actor)
            self._audit(actor, "person", person_id, "delete", {"name": person.name})

    def persons_of(self, company_id: str) -> list[Person]:
        """The persons of a company, by name."""
        return [person_of(r) for r in self._all(
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
            raise ValidationError(Text(
                    "Persons sort by {orders}.", orders=" or ".join(PERSON_ORDERS)),
                                  field="order")
        where, params = self._text_filter("persons", "p.pk", text)
        if after is not None:
            # The plain range lets SQLite seek the index (see list_companies).
            where.append(f"p.{key} >= ? AND (p.{key}, p.pk) > (?, ?)")
            params += [after[0], after[0], after[1]]
        sql = (self._person_sql(" AND ".join(where) or "1 = 1")
               + f" ORDER BY p.{key}, p.pk LIMIT ?")
        return [person_of(r) for r in self._all(sql, [*params, limit])]

    def count_persons(self, text: str = "") -> int:
        """How many persons match ``text`` (all when empty)."""
        where, params = self._text_filter("persons", "pk", text)
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
                f"SELECT {CONTACT_SELECT} FROM persons p LEFT JOIN companies c"
                " ON c.id = p.company_id WHERE p.id = ?", (ref.person_id,))
            if row is None:
                raise NotFound(Text(
                        "No person with id {person_id!r}.", person_id=ref.person_id),
                               field=f"{field}.person.id")
            if ref.company_id is not None and row["company_id"] != ref.company_id:
                self.check_company(ref.company_id, f"{field}.company.id")
                raise ValidationError(
                    Text("Person {person_id!r} does not belong to company {company_id!r}.",
                         person_id=ref.person_id, company_id=ref.company_id),
                    field=f"{field}.company.id",
                )
            return row_view(row)
        row = self._one(
            f"SELECT {COMPANY_CONTACT_SELECT} FROM companies c WHERE c.id = ?",
            (ref.company_id,))
        if row is None:
            raise NotFound(Text(
                    "No company with id {company_id!r}.", company_id=ref.company_id),
                           field=f"{field}.company.id")
        return row_view(row)

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
                raise NotFound(Text("No person with id {key!r}.", key=key) if ref.person_id
                               else Text("No company with id {key!r}.", key=key))
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
                f"""SELECT s.pk, {CONTACT_SELECT} FROM screen_pops s
                    LEFT JOIN persons p ON p.id = s.person_id
                    LEFT JOIN companies c ON c.id = CASE WHEN s.person_id IS NULL
                        THEN s.company_id ELSE p.company_id END
                    WHERE s.handled_at IS NULL ORDER BY s.pk""")
            if rows:
                self.conn.execute(
                    "UPDATE screen_pops SET handled_at = ? WHERE handled_at IS NULL AND pk <= ?",
                    (self._now(), rows[-1]["pk"]))
        return [row_view(r) for r in rows if r["person_id"] or r["company_id"]]
