"""Duplicates (import checks, the duplicates view) and merging two records into one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..collation import last_name_key, sort_key
from ..duplicates import name_key
from ..errors import NotFound, ValidationError
from ..model import (
    COMPANY_FIELDS,
    PERSON_FIELDS,
    Actor,
    Company,
    ContactRef,
    Person,
    company_display_name,
    person_display_name,
)
from ..reasons import merged_with
from ..texts import Text
from .base import Repository
from .rows import COMPANY_COLS, company_of, company_search_text, person_search_text


class MergeRepository(Repository):
    """Finding records that look like one contact, and merging them."""

    def _phone_matches(self, table: str, numbers: Iterable[str]) -> list[Any]:
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
        from ..duplicates import is_similar

        key = name_key(name)
        if not key:
            return []
        ids = [r["id"] for r in self._all(
            f"SELECT id FROM {table} WHERE name_key = ? LIMIT ?", (key, limit))]
        words = sorted((w for w in name.lower().split() if len(w) >= 3), key=len, reverse=True)
        if words:
            cond, params = self.d.contains(table, "t.pk", words[0])
            for r in self._all(f"SELECT t.id, t.name FROM {table} t WHERE {cond} LIMIT ?",
                               [*params, limit]):
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
        from ..duplicates import SAME_EMAIL, SAME_PHONE, SIMILAR_NAME, sort_reasons

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
        get = self.uow.contacts.get_company
        return [(get(cid), sort_reasons(reasons)) for cid, reasons in ranked]

    def find_similar_persons(
        self, *, numbers: Iterable[str] = (), email: str | None = None, name: str | None = None,
        company_id: str | None = None, limit: int = 5,
    ) -> list[tuple[Person, list[str]]]:
        """Persons that may be the one described (as find_similar_companies). A similar
        name counts only within the same company, or when one of the two is private."""
        from ..duplicates import SAME_EMAIL, SAME_PHONE, SIMILAR_NAME, sort_reasons

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
        get = self.uow.contacts.get_person
        return [(get(pid), sort_reasons(reasons)) for pid, reasons in ranked]

    def company_by_name_key(self, name: str) -> Company:
        """The oldest company whose name has the same key as ``name`` (``CX Labs GmbH`` is
        ``cx-labs``). Raises NotFound."""

        key = name_key(name)
        row = self._one(f"SELECT {', '.join(COMPANY_COLS)} FROM companies"
                        " WHERE name_key = ? AND name_key <> '' ORDER BY pk LIMIT 1", (key,))
        if row is None:
            raise NotFound(Text("No company named like {name!r}.", name=name))
        return company_of(row)

    def duplicate_candidates(self, limit: int = 500, kind: str | None = None) -> list[Any]:
        """Pairs of companies and pairs of persons that look like one contact: the same
        phone number, the same e-mail (any case) or the same name key (for persons: in
        the same company, or one of them private). Pairs marked as not duplicates are
        left out. Returns ``shared.duplicates.DuplicatePair`` records, pairs with more
        reasons first. Each test is an index join, never a comparison of every pair."""
        from ..duplicates import (
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
            least, greatest = self.d.least("a.id", "b.id"), self.d.greatest("a.id", "b.id")
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
                            AND n.id_a = {least} AND n.id_b = {greatest})
                        LIMIT ?""", (k, limit * 2))
                for r in rows:
                    found.setdefault(tuple(sorted((r["a"], r["b"]))), set()).add(reason)
            get = self.uow.contacts.get_company if k == "company" else self.uow.contacts.get_person
            for (a, b), reasons in found.items():
                pairs.append(DuplicatePair(k, get(a), get(b), sort_reasons(reasons)))  # type: ignore[arg-type]
        pairs.sort(key=lambda p: (-len(p.reasons), p.kind, p.left.name.lower(), p.left.id))
        return pairs[:limit]

    def mark_not_duplicates(self, kind: str, id_a: str, id_b: str, actor: Actor) -> None:
        """Remember that two records are different contacts: the duplicates view stops
        offering the pair."""
        if kind not in ("company", "person"):
            raise ValidationError(Text("kind must be 'company' or 'person'."), field="kind")
        a, b = sorted((id_a, id_b))
        with self.write():
            self.conn.execute(
                "INSERT INTO not_duplicates (kind, id_a, id_b, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
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
            self.uow.campaigns.refresh_call_stats(campaign_id, ref.company_id, ref.person_id)
        self.conn.execute("DELETE FROM not_duplicates WHERE kind = ? AND ? IN (id_a, id_b)",
                          (kind, drop_id))
        self._audit(actor, kind, keep_id, "merge",
                    {"merged": drop_id, "filled": filled, "moved": moved})
        self._audit(actor, kind, drop_id, "merged_into", {"into": keep_id, "record": record})
        if drop_dnc and not keep_dnc:
            self.uow.contacts.set_do_not_call(ref, True, actor, reason=merged_with(drop_label))

    def merge_companies(self, keep_id: str, drop_id: str, actor: Actor) -> Company:
        """Merge company ``drop_id`` into ``keep_id`` and delete it, in one transaction.

        The kept company gets the dropped one's values for its empty fields (its
        phone numbers for free phone slots, its note appended), its persons, calls,
        tasks and campaign places (where the kept one is not in that campaign
        already) and its do-not-call history; do-not-call stays on when either had
        it. Both records get an audit entry. Raises NotFound or ValidationError.
        """
        if keep_id == drop_id:
            raise ValidationError(Text("A company cannot be merged into itself."), field="id")
        with self.write():
            get = self.uow.contacts.get_company
            keep, drop = get(keep_id), get(drop_id)
            columns = [r.column for r in COMPANY_FIELDS]
            sets = self._merged_fields(keep, drop, columns)
            merged = {c: getattr(keep, c) for c in columns} | sets
            display = company_display_name(merged["name"], merged["country"])
            self.conn.execute(
                "UPDATE companies SET " + ", ".join(f"{k} = ?" for k in sets)
                + (", " if sets else "")
                + "display_name = ?, search_text = ?, name_key = ?, sort_key = ?, updated_at = ?"
                " WHERE id = ?",
                (*sets.values(), display, company_search_text(merged), name_key(merged["name"]),
                 sort_key(display), self._now(), keep_id))
            self._absorb("company", keep_id, drop_id, sort_name=display,
                         moved_tables=("persons", "calls", "tasks", "notes"),
                         filled={k: [getattr(keep, k), v] for k, v in sets.items()},
                         record={c: getattr(drop, c) for c in columns}
                         | {"do_not_call": drop.do_not_call},
                         drop_label=drop.display_name, drop_dnc=drop.do_not_call,
                         keep_dnc=keep.do_not_call, actor=actor)
        return self.uow.contacts.get_company(keep_id)

    def merge_persons(self, keep_id: str, drop_id: str, actor: Actor) -> Person:
        """Merge person ``drop_id`` into ``keep_id`` and delete it, in one transaction.

        As merge_companies: empty fields filled, phone numbers and notes kept,
        calls, tasks, campaign places and do-not-call history moved, do-not-call
        kept when either had it; a private kept person takes the dropped one's
        company. Raises NotFound or ValidationError.
        """
        if keep_id == drop_id:
            raise ValidationError(Text("A person cannot be merged into itself."), field="id")
        with self.write():
            get = self.uow.contacts.get_person
            keep, drop = get(keep_id), get(drop_id)
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
                (*sets.values(), name, person_search_text(merged), name_key(name),
                 sort_key(name), last_name_key(merged["last_name"], merged["first_name"], name),
                 self._now(), keep_id))
            self._absorb("person", keep_id, drop_id, sort_name=name,
                         moved_tables=("calls", "tasks", "notes"),
                         filled={k: [getattr(keep, k), v] for k, v in sets.items()},
                         record={c: getattr(drop, c) for c in columns}
                         | {"company_id": drop.company_id, "do_not_call": drop.do_not_call},
                         drop_label=drop.name, drop_dnc=drop.do_not_call,
                         keep_dnc=keep.do_not_call, actor=actor)
        return self.uow.contacts.get_person(keep_id)
