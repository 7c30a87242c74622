"""Erasure of a person's personal data (GDPR Art. 17).

``erase_person`` removes the person's name, numbers, e-mail, city and notes
everywhere they are stored while the record stays as "Erased person"
(statistics still add up), puts the numbers on the block list (an objection
outlives the erasure) and logs the erasure in the privacy log, in one
transaction. The same on both engines; how each forgets the old bytes for good
(SQLite: ``secure_delete``, FTS optimize, WAL checkpoint; PostgreSQL: VACUUM of
the tables changed) is its dialect's ``forgetting`` / ``forget_search_text`` /
``forget_old_versions``. ``erase_persons`` does the same for many (the
retention run). Quotes in other records: ``shared.scrub``. The export of a
person's data: ``shared.privacy_export``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from . import blocklist, privacy_log
from .collation import last_name_key, sort_key
from .errors import Conflict, ValidationError
from .model import Actor
from .scrub import (
    TOUCHED_TABLES,
    Candidates,
    SecretMatcher,
    candidate_rows,
    scrub_json,
    scrub_rows,
)
from .texts import Text

if TYPE_CHECKING:
    from .store import Store

ERASED_NAME = "Erased person"
# Shorter strings ("Li", "+49") would match unrelated text.
_MIN_SECRET = 4


@dataclass
class ErasureResult:
    """What an erasure changed, in counts (the privacy log keeps these)."""

    person_id: str
    calls_cleared: int
    tasks_removed: int
    campaign_places_removed: int
    numbers_blocked: int
    other_records_scrubbed: int


def _actor_for(who: str) -> Actor:
    return Actor("cli") if who == "cli" else Actor("desktop", who or None)


def _secrets(person: Any) -> list[str]:
    """The strings that identify the person, longest first (so "Anna Berg" is replaced
    before "Berg" would be)."""
    values = {person.name, person.display_name, person.email, person.phone, person.phone2}
    if person.first_name and person.last_name:
        values |= {f"{person.first_name} {person.last_name}",
                   f"{person.last_name}, {person.first_name}",
                   f"{person.last_name} {person.first_name}"}
    for number in (person.phone, person.phone2):
        if number:
            values.add(number.lstrip("+"))  # the digits, as in the search text
    return sorted((v for v in values if v and len(v) >= _MIN_SECRET), key=len, reverse=True)


def erasure_counts(store: Store, person_id: str) -> dict[str, int]:
    """What an erasure of the person would touch: calls, tasks, campaign places."""
    def count(sql: str) -> int:
        return store._one(sql, (person_id,))[0]

    return {"calls": count("SELECT count(*) FROM calls WHERE person_id = ?"),
            "tasks": count("SELECT count(*) FROM tasks WHERE person_id = ?"),
            "places": count("SELECT count(*) FROM campaign_contacts WHERE person_id = ?")}


def _calls_from_numbers(store: Store, persons: list[Any]) -> dict[str, list[Any]]:
    """The calls from each person's numbers that are not linked to the person; one scan
    of the calls for all of them (the number is not indexed: only erasure looks it up)."""
    owner = {n: p.id for p in persons for n in (p.phone, p.phone2) if n}
    out: dict[str, list[Any]] = {}
    numbers = list(owner)
    for i in range(0, len(numbers), 500):
        part = numbers[i:i + 500]
        for row in store._all(
                f"SELECT id, raw_json, phone_number, person_id FROM calls"
                f" WHERE phone_number IN ({', '.join('?' for _ in part)})", part):
            if row["person_id"] != owner[row["phone_number"]]:
                out.setdefault(owner[row["phone_number"]], []).append(row)
    return out


def _erase_own_records(store: Store, person: Any, matcher: SecretMatcher, now: str,
                       from_numbers: list[Any]) -> tuple[ErasureResult, list[str]]:
    """Everything of one person that is found by its id or numbers (``from_numbers``: the
    calls from them not linked to the person); returns the counts and the hashes put on
    the block list."""
    conn = store.conn
    person_id = person.id
    numbers = [n for n in (person.phone, person.phone2) if n]
    hashes = blocklist.block_numbers(store, numbers)
    call_rows = store._all("SELECT id, raw_json FROM calls WHERE person_id = ?",
                           (person_id,)) + from_numbers
    for row in call_rows:
        try:
            raw = json.dumps(scrub_json(json.loads(row["raw_json"]), matcher, call=True),
                             ensure_ascii=False)
        except ValueError:
            raw = "{}"
        conn.execute("UPDATE calls SET phone_number = NULL, annotation = NULL,"
                     " raw_json = ? WHERE id = ?", (raw, row["id"]))
        conn.execute("UPDATE call_tags SET payload = NULL WHERE call_id = ?", (row["id"],))
        # A replaced call's audit entry holds the old number and notes.
        conn.execute("UPDATE audit_log SET changes = '{}' WHERE entity_type = 'call'"
                     " AND entity_id = ? AND action = 'replace'", (row["id"],))
    tasks = conn.execute("DELETE FROM tasks WHERE person_id = ?", (person_id,)).rowcount
    # The desktop's notes about them, staff to-dos about them, their job and address.
    conn.execute("DELETE FROM notes WHERE person_id = ?", (person_id,))
    conn.execute("UPDATE audit_log SET changes = '{}' WHERE entity_type = 'todo' AND entity_id"
                 " IN (SELECT id FROM todos WHERE person_id = ?)", (person_id,))
    conn.execute("DELETE FROM todos WHERE person_id = ?", (person_id,))
    conn.execute("DELETE FROM person_details WHERE person_id = ?", (person_id,))
    places = conn.execute("DELETE FROM campaign_contacts WHERE person_id = ?",
                          (person_id,)).rowcount
    # The flag history stays (when, set or lifted); the free-text reasons go.
    conn.execute("UPDATE dnc_events SET reason = NULL WHERE person_id = ?"
                 " AND reason IS NOT NULL AND reason != ?", (person_id, blocklist.BLOCK_REASON))
    # The consent records stay: their proof must be kept (see shared.consent).
    conn.execute("UPDATE consents SET withdrawn_at = ? WHERE person_id = ?"
                 " AND withdrawn_at IS NULL", (now, person_id))
    conn.execute("UPDATE audit_log SET changes = '{}' WHERE entity_type = 'person'"
                 " AND entity_id = ?", (person_id,))
    conn.execute(
        "UPDATE persons SET salutation = NULL, first_name = NULL, last_name = NULL,"
        " display_name = NULL, name = ?, city = NULL, phone = NULL, phone2 = NULL,"
        " email = NULL, annotation = NULL, search_text = '', name_key = '', sort_key = ?,"
        " last_sort_key = ?, erased_at = ?, updated_at = ? WHERE id = ?",
        (ERASED_NAME, sort_key(ERASED_NAME), last_name_key(None, None, ERASED_NAME), now, now,
         person_id))
    return ErasureResult(person_id, len(call_rows), tasks, places, len(hashes), 0), hashes


def _check_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(Text(
                "Say why the person is erased (the privacy log keeps the reason)."), field="reason")
    return reason


def erase_persons(store: Store, person_ids: list[str], *, reason: str, who: str,
                  log: bool = True, batch: int = 200) -> list[ErasureResult]:
    """Erase many persons (the retention run); those erased already are skipped.

    The free-text columns are searched for all of them in one pass before any lock is
    taken; then each batch of persons is erased in one short transaction, so Apollo's
    writes wait at most for one batch. Raises NotFound for an unknown id (nothing
    erased) and ValidationError without a reason.
    """
    reason = _check_reason(reason)
    persons = [store.get_person(pid) for pid in dict.fromkeys(person_ids)]
    persons = [p for p in persons if not is_erased(store, p.id)]
    if not persons:
        return []
    candidates = candidate_rows(
        store, SecretMatcher([s for p in persons for s in _secrets(p)]))
    results: list[ErasureResult] = []
    for i in range(0, len(persons), batch):
        chunk = persons[i:i + batch]
        last = i + batch >= len(persons)
        results += _erase_batch(store, chunk, reason, who, log, candidates, optimize=last)
    return results


def _erase_batch(store: Store, persons: list[Any], reason: str, who: str, log: bool,
                 candidates: Candidates | None, *, optimize: bool) -> list[ErasureResult]:
    """Erase ``persons`` in one transaction the engine forgets for good (see the module
    docstring); after the last batch, its old row versions go too."""
    outer = store.conn.in_transaction
    results = []
    with store.dialect.forgetting(), store.write():
        for p in persons:
            # Held until commit: an edit of the person on another server waits and then
            # finds it erased. Read again under the lock, as it is now.
            store.dialect.lock_row("persons", p.id)
        persons = [store.get_person(p.id) for p in persons]
        persons = [p for p in persons if not is_erased(store, p.id)]
        matcher = SecretMatcher([s for p in persons for s in _secrets(p)])
        if candidates is None:
            candidates = candidate_rows(store, matcher)
        now = store._now()
        from_numbers = _calls_from_numbers(store, persons)
        done = [_erase_own_records(store, p, matcher, now, from_numbers.get(p.id, []))
                for p in persons]
        scrubbed = scrub_rows(store, candidates, matcher)
        if optimize:
            store.dialect.forget_search_text()
        for n, (result, hashes) in enumerate(done, 1):
            # Rows quoting them elsewhere are counted for the whole transaction.
            result.other_records_scrubbed = scrubbed
            store._audit(_actor_for(who), "person", result.person_id, "erase", {})
            if log:
                details = {k: v for k, v in asdict(result).items() if k != "person_id"}
                # One fsync of the log file for the batch, with its last line.
                privacy_log.record(store, who, "erase", "person", result.person_id,
                                   reason, details, replay={
                                       "blocked": hashes,
                                       "secret": blocklist.secret(store)},
                                   sync=n == len(done))
            results.append(result)
    if not outer and optimize:
        store.dialect.forget_old_versions(TOUCHED_TABLES)
    return results


def erase_person(store: Store, person_id: str, *, reason: str, who: str,
                 log: bool = True) -> ErasureResult:
    """Erase a person's personal data; the record stays as "Erased person".

    Removes name, numbers, e-mail, city and notes; clears number, notes and tag
    payloads of their calls (and of calls from their numbers); deletes their
    tasks and campaign places; empties their audit entries; scrubs their name,
    numbers and e-mail from every free-text column; blocks their numbers; and
    rebuilds the search index so it forgets them, all in one transaction. Then the
    engine forgets the old bytes (SQLite: freed pages zeroed, WAL checkpointed;
    PostgreSQL: the changed tables vacuumed). Raises
    NotFound, and ValidationError without a reason or for a person erased already.
    """
    reason = _check_reason(reason)
    with store.write():
        store.dialect.lock_row("persons", person_id)
        person = store.get_person(person_id)
        if is_erased(store, person_id):
            raise ValidationError(Text(
                    "Person {person_id!r} was erased already.", person_id=person_id),
                                  field="person")
        (result,) = _erase_batch(store, [person], reason, who, log, None, optimize=True)
    if not store.conn.in_transaction:
        # _erase_batch ran inside the write above, so the old versions go now.
        store.dialect.forget_old_versions(TOUCHED_TABLES)
    return result


def is_erased(store: Store, person_id: str) -> bool:
    """True when the person was erased."""
    row = store._one("SELECT erased_at FROM persons WHERE id = ?", (person_id,))
    return row is not None and row[0] is not None


def check_not_erased(store: Store, person_id: str) -> None:
    """Raise Conflict for an erased person: its record stays empty (a new person is made
    instead), so data is never written back into it."""
    if is_erased(store, person_id):
        raise Conflict(Text(
                "Person {person_id!r} was erased; create a new person instead.",
                person_id=person_id),
                       field="person")
