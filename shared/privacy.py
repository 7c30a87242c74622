"""A person's data: everything stored about them (GDPR Art. 15), and erasure (Art. 17).

``export_person`` gathers one JSON-able document; ``export_html`` renders it
for sending to the person. ``erase_person`` removes the person's name,
numbers, e-mail, city and notes everywhere they are stored while the record
stays as "Erased person" (statistics still add up), puts the numbers on the
block list (an objection outlives the erasure) and logs the erasure in the
privacy log, in one transaction with SQLite's ``secure_delete`` on.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import blocklist, privacy_log
from .errors import Conflict, ValidationError
from .model import Actor, ContactRef

if TYPE_CHECKING:
    from .store import Store

ERASED_NAME = "Erased person"
SCRUBBED = "[erased]"
# Keys of a posted call's JSON that carry the caller's data (cleared on erasure).
_CALL_PERSONAL_KEYS = frozenset({"phoneNumber", "annotation", "payload"})
# Free-text columns other records may quote the person in; scanned on erasure.
_TEXT_COLUMNS = (
    ("calls", "raw_json", True), ("calls", "annotation", False),
    ("call_tags", "payload", True), ("audit_log", "changes", True),
    ("dnc_events", "reason", False), ("tasks", "annotation", False),
    ("companies", "annotation", False), ("persons", "annotation", False),
    ("consents", "source", False), ("consents", "given_by", False),
    ("consents", "file_ref", False), ("privacy_log", "reason", False),
)
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


# -- export --------------------------------------------------------------------


def export_person(store: Store, person_id: str) -> dict[str, Any]:
    """Everything stored about a person, as one JSON-able document. Raises NotFound."""
    from . import consent

    person = store.get_person(person_id)
    ref = ContactRef(person.company_id, person_id)
    erased_at = store._one("SELECT erased_at FROM persons WHERE id = ?", (person_id,))[0]
    calls = []
    for row in store._all("SELECT * FROM calls WHERE person_id = ? ORDER BY started_at, pk",
                          (person_id,)):
        call = {k: row[k] for k in row.keys() if k not in ("pk", "raw_json")}
        call["do_not_call"] = bool(call["do_not_call"])
        call["answered"] = bool(call["answered"])
        call["tags"] = [
            {"category": t["category"], "tag": t["tag"],
             "payload": None if t["payload"] is None else json.loads(t["payload"])}
            for t in store._all("SELECT * FROM call_tags WHERE call_id = ? ORDER BY position",
                                (row["id"],))]
        call["attempts"] = [
            {"agent": a["agent"], "assigned": a["timestamp_assigned"],
             "closed": a["timestamp_closed"]}
            for a in store._all("SELECT * FROM call_attempts WHERE call_id = ?"
                                " ORDER BY position", (row["id"],))]
        call["as_posted"] = json.loads(row["raw_json"])
        calls.append(call)
    tasks = [{"id": t.id, "campaign_id": t.campaign_id, "campaign": t.campaign_name,
              "timestamp": t.timestamp, "scheduled": t.scheduled, "annotation": t.annotation,
              "closed_at": t.closed_at, "created_at": t.created_at}
             for t in store.list_tasks(ref=ContactRef(None, person_id), include_closed=True,
                                       limit=1_000_000)]
    places = [dict(r) for r in store._all(
        "SELECT cc.campaign_id, k.name AS campaign, cc.call_count, cc.last_call_at,"
        " cc.added_at FROM campaign_contacts cc JOIN campaigns k ON k.id = cc.campaign_id"
        " WHERE cc.person_id = ? ORDER BY k.name", (person_id,))]
    audit = [asdict(a) for a in store.audit_trail("person", person_id, limit=1_000_000)]
    return {
        "exported_at": store._now(),
        "person": {
            "id": person.id, "name": person.name, "salutation": person.salutation,
            "first_name": person.first_name, "last_name": person.last_name,
            "display_name": person.display_name, "city": person.city,
            "phone": person.phone, "phone2": person.phone2, "email": person.email,
            "annotation": person.annotation, "do_not_call": person.do_not_call,
            "created_at": person.created_at, "updated_at": person.updated_at,
            "erased_at": erased_at,
        },
        "company": ({"id": person.company_id, "name": person.company_display_name}
                    if person.company_id else None),
        "calls": calls,
        "tasks": tasks,
        "campaign_places": places,
        "do_not_call_history": [asdict(e) for e in store.dnc_history(ref)],
        "consents": [c.as_dict() for c in consent.consents_for(store, ref)],
        "audit": audit,
    }


def write_export(store: Store, person_id: str, out: str | Path, *, who: str,
                 html_out: str | Path | None = None) -> dict[str, Any]:
    """Write a person's export as JSON (and optionally HTML) and log it; returns the data."""
    data = export_person(store, person_id)
    Path(out).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    if html_out is not None:
        Path(html_out).write_text(export_html(data), encoding="utf-8")
    privacy_log.record(store, who, "export", "person", person_id, None,
                       {"calls": len(data["calls"]), "tasks": len(data["tasks"])})
    return data


_PERSON_LABELS = (("name", "Name"), ("salutation", "Salutation"), ("first_name", "First name"),
                  ("last_name", "Last name"), ("city", "City"), ("phone", "Phone"),
                  ("phone2", "Phone 2"), ("email", "E-mail"), ("annotation", "Notes"),
                  ("do_not_call", "Do not call"), ("created_at", "Record created"),
                  ("updated_at", "Last changed"))


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return "<p><i>None stored.</i></p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>"
                                    for v in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})[\d:.]*Z$")


def _t(value: Any) -> Any:
    """A stored timestamp as people read it (``2026-05-01 09:00 UTC``); others unchanged."""
    if isinstance(value, str) and (m := _TIMESTAMP.match(value)):
        return f"{m[1]} {m[2]} UTC"
    return value


def export_html(data: dict[str, Any]) -> str:
    """A readable copy of ``export_person``'s document, for sending to the person."""
    from .consent import KINDS

    p = data["person"]
    facts = [[label, "yes" if p[key] is True else ("no" if p[key] is False else _t(p[key]))]
             for key, label in _PERSON_LABELS if p.get(key) not in (None, "")]
    if data["company"]:
        facts.insert(1, ["Company", data["company"]["name"]])
    calls = [[_t(c["started_at"]), c["kind"], c["agent"], c["phone_number"],
              ", ".join(f"{t['category']}/{t['tag']}" for t in c["tags"]), c["annotation"]]
             for c in data["calls"]]
    tasks = [[_t(t["timestamp"]), t["campaign"], "closed" if t["closed_at"] else "open",
              t["annotation"]] for t in data["tasks"]]
    places = [[pl["campaign"], _t(pl["added_at"]), pl["call_count"]]
              for pl in data["campaign_places"]]
    dnc = [[_t(e["at"]), "set" if e["do_not_call"] else "lifted", e["reason"]]
           for e in data["do_not_call_history"]]
    consents = [[KINDS.get(c["kind"], c["kind"]), _t(c["given_at"]), c["source"],
                 c["given_by"], c["file_ref"], _t(c["withdrawn_at"])] for c in data["consents"]]
    audit = [[_t(a["at"]), a["action"], a["side"], json.dumps(a["changes"], ensure_ascii=False)]
             for a in data["audit"]]
    title = f"Personal data stored about {p['name']}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body{{font-family:sans-serif;margin:2em;color:#1f2937}}
table{{border-collapse:collapse;margin-bottom:1.5em}}
td,th{{border:1px solid #d1d5db;padding:4px 8px;text-align:left;vertical-align:top}}
th{{background:#f3f4f6}}</style></head><body>
<h1>{escape(title)}</h1>
<p>This is a copy of everything our contact center's CRM stores about you
(GDPR Art. 15), made on {escape(_t(data['exported_at']))}.</p>
<h2>Your details</h2>{_table(["Field", "Value"], facts)}
<h2>Calls</h2>{_table(["When", "Kind", "Agent", "Number", "Tags", "Notes"], calls)}
<h2>Call tasks</h2>{_table(["Due", "Campaign", "State", "Notes"], tasks)}
<h2>Campaigns</h2>{_table(["Campaign", "Added", "Calls"], places)}
<h2>Do-not-call history</h2>{_table(["When", "Change", "Reason"], dnc)}
<h2>Consent to advertising calls</h2>{_table(
        ["Kind", "Given", "How", "By whom", "Proof", "Withdrawn"], consents)}
<h2>Change history</h2>{_table(["When", "Action", "By", "Changes"], audit)}
</body></html>
"""


# -- erasure -------------------------------------------------------------------


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


_WORD = re.compile(r"\w+")
# Up to this many secrets SQLite's LIKE picks the rows that may quote them; beyond, one
# Python pass per row (a retention run anonymising thousands at once) is faster.
_LIKE_LIMIT = 60


class SecretMatcher:
    """Finds the strings that identify erased persons in free text, ignoring case.

    A secret matches where a word starts ("Anna Berg" in "call Anna Berg back", not in
    "Susanna Berg"). Indexed by its first word, so thousands of secrets cost a dict
    lookup per word of the text, not a pass per secret.
    """

    def __init__(self, secrets: list[str]) -> None:
        self.secrets = sorted(set(secrets), key=len, reverse=True)
        self._index: dict[str, list[str]] = {}
        for secret in self.secrets:
            low = secret.lower()
            first = _WORD.search(low)
            if first is None:
                continue
            # Compared from the first word on: "+4989..." is found as "4989...".
            self._index.setdefault(first.group(), []).append(low[first.start():])
        self._keys = frozenset(self._index)
        self._regex: re.Pattern[str] | None = None

    @property
    def _fallback(self) -> re.Pattern[str]:
        # Compiled only when needed: thousands of alternatives take seconds.
        if self._regex is None:
            alternatives = "|".join(re.escape(s) for s in self.secrets)
            self._regex = re.compile(alternatives or r"(?!)", re.IGNORECASE)
        return self._regex

    def spans(self, text: str) -> list[tuple[int, int]] | None:
        """Where secrets occur (longest first, not overlapping); None when case folding
        changes the text's length and the positions cannot be trusted."""
        low = text.lower()
        if len(low) != len(text):
            return None
        out: list[tuple[int, int]] = []
        end = -1
        for m in _WORD.finditer(low):
            if m.start() < end:
                continue
            for secret in self._index.get(m.group(), ()):
                if low.startswith(secret, m.start()):
                    end = m.start() + len(secret)
                    out.append((m.start(), end))
                    break
        return out

    def search(self, text: str | None) -> bool:
        """True when ``text`` quotes a secret."""
        if not text:
            return False
        # Most texts share no word with a secret's first word: one set test, in C.
        if self._keys.isdisjoint(_WORD.findall(text.lower())):
            return False
        spans = self.spans(text)
        return bool(spans) if spans is not None else bool(self._fallback.search(text))

    def sub(self, text: str) -> str:
        """``text`` with every secret replaced by ``[erased]``."""
        spans = self.spans(text)
        if spans is None:
            return self._fallback.sub(SCRUBBED, text)
        for start, end in reversed(spans):
            text = text[:start] + SCRUBBED + text[end:]
        return text


def _scrub_json(value: Any, matcher: SecretMatcher, *, call: bool = False) -> Any:
    """``value`` with every string holding a secret scrubbed; in a call (``call``), the
    number, notes and tag payloads dropped too."""
    if isinstance(value, dict):
        return {matcher.sub(k): (None if call and k in _CALL_PERSONAL_KEYS
                                 else _scrub_json(v, matcher, call=call))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_json(v, matcher, call=call) for v in value]
    if isinstance(value, str):
        return matcher.sub(value)
    return value


def _scrub_cell(text: str, matcher: SecretMatcher, is_json: bool) -> str:
    if is_json:
        try:
            return json.dumps(_scrub_json(json.loads(text), matcher), ensure_ascii=False)
        except (ValueError, RecursionError):
            pass
    return matcher.sub(text)


Candidates = list[tuple[str, str, bool, int]]  # (table, column, is_json, rowid)


def _candidate_rows(store: Store, matcher: SecretMatcher) -> Candidates:
    """The rows of the free-text columns that may quote a secret."""
    out: Candidates = []
    secrets = matcher.secrets
    if not secrets:
        return out
    for table, column, is_json in _TEXT_COLUMNS:
        if len(secrets) <= _LIKE_LIMIT:
            # SQLite picks the rows (LIKE ignores ASCII case and, unlike lower(), copies
            # nothing): most rows hold none of the secrets and never reach Python.
            tests = " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for _ in secrets)
            params = ["%" + s.replace("\\", "\\\\").replace("%", "\\%")
                      .replace("_", "\\_") + "%" for s in secrets]
            rows = store._all(f"SELECT rowid FROM {table}"
                              f" WHERE {column} IS NOT NULL AND ({tests})", params)
        else:
            store.conn.create_function("callsheet_quotes", 1, matcher.search)
            rows = store._all(f"SELECT rowid FROM {table} WHERE callsheet_quotes({column})")
        out += [(table, column, is_json, r[0]) for r in rows]
    return out


def _scrub_rows(store: Store, rows: Candidates, matcher: SecretMatcher) -> int:
    """Scrub the secrets from the given rows (read again now); returns rows changed."""
    changed = 0
    for table, column, is_json, rowid in rows:
        row = store._one(f"SELECT {column} FROM {table} WHERE rowid = ?", (rowid,))
        if row is None or row[0] is None:
            continue
        new = _scrub_cell(row[0], matcher, is_json)
        if new != row[0]:
            store.conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                               (new, rowid))
            changed += 1
    return changed


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
            raw = json.dumps(_scrub_json(json.loads(row["raw_json"]), matcher, call=True),
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
        " email = NULL, annotation = NULL, search_text = '', name_key = '',"
        " erased_at = ?, updated_at = ? WHERE id = ?", (ERASED_NAME, now, now, person_id))
    return ErasureResult(person_id, len(call_rows), tasks, places, len(hashes), 0), hashes


def _check_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the person is erased (the privacy log keeps the"
                              " reason).", field="reason")
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
    candidates = _candidate_rows(
        store, SecretMatcher([s for p in persons for s in _secrets(p)]))
    results: list[ErasureResult] = []
    for i in range(0, len(persons), batch):
        chunk = persons[i:i + batch]
        last = i + batch >= len(persons)
        results += _erase_batch(store, chunk, reason, who, log, candidates, optimize=last)
    return results


def _erase_batch(store: Store, persons: list[Any], reason: str, who: str, log: bool,
                 candidates: Candidates | None, *, optimize: bool) -> list[ErasureResult]:
    """Erase ``persons`` in one transaction with ``secure_delete`` on, then checkpoint."""
    conn = store.conn
    old_secure = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    outer = conn.in_transaction
    results = []
    try:
        with store.write():
            matcher = SecretMatcher([s for p in persons for s in _secrets(p)])
            if candidates is None:
                candidates = _candidate_rows(store, matcher)
            now = store._now()
            from_numbers = _calls_from_numbers(store, persons)
            done = [_erase_own_records(store, p, matcher, now, from_numbers.get(p.id, []))
                    for p in persons]
            scrubbed = _scrub_rows(store, candidates, matcher)
            if optimize:
                # The trigram index drops a row's tokens with a delete marker; "optimize"
                # merges the segments so the old ones are gone, not just hidden.
                conn.execute("INSERT INTO persons_fts(persons_fts) VALUES ('optimize')")
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
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(old_secure)}")
    if not outer:
        # Old page images of the rows wait in the WAL until a checkpoint copies the
        # new ones over them; TRUNCATE also empties the file (when no reader holds it).
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return results


def erase_person(store: Store, person_id: str, *, reason: str, who: str,
                 log: bool = True) -> ErasureResult:
    """Erase a person's personal data; the record stays as "Erased person".

    Removes name, numbers, e-mail, city and notes; clears number, notes and tag
    payloads of their calls (and of calls from their numbers); deletes their
    tasks and campaign places; empties their audit entries; scrubs their name,
    numbers and e-mail from every free-text column; blocks their numbers; and
    rebuilds the search index so it forgets them, all in one transaction. Freed
    pages are zeroed (``secure_delete``) and the WAL is checkpointed. Raises
    NotFound, and ValidationError without a reason or for a person erased already.
    """
    reason = _check_reason(reason)
    with store.write():
        person = store.get_person(person_id)
        if is_erased(store, person_id):
            raise ValidationError(f"Person {person_id!r} was erased already.",
                                  field="person")
        (result,) = _erase_batch(store, [person], reason, who, log, None, optimize=True)
    if not store.conn.in_transaction:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return result


def is_erased(store: Store, person_id: str) -> bool:
    """True when the person was erased."""
    row = store._one("SELECT erased_at FROM persons WHERE id = ?", (person_id,))
    return row is not None and row[0] is not None


def check_not_erased(store: Store, person_id: str) -> None:
    """Raise Conflict for an erased person: its record stays empty (a new person is made
    instead), so data is never written back into it."""
    if is_erased(store, person_id):
        raise Conflict(f"Person {person_id!r} was erased; create a new person instead.",
                       field="person")
