"""Finding and scrubbing an erased person's name, numbers and e-mail in free text.

Other records may quote a person: a colleague's note, a call body Apollo
posted, a do-not-call reason. On erasure these columns are searched and every
quote is replaced by ``[erased]``; JSON columns stay valid JSON.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .store import Store

SCRUBBED = "[erased]"
# Keys of a posted call's JSON that carry the caller's data (cleared on erasure).
CALL_PERSONAL_KEYS = frozenset({"phoneNumber", "annotation", "payload"})
# Free-text columns other records may quote the person in; scanned on erasure.
_TEXT_COLUMNS = (
    ("calls", "raw_json", True), ("calls", "annotation", False),
    ("call_tags", "payload", True), ("audit_log", "changes", True),
    ("dnc_events", "reason", False), ("tasks", "annotation", False),
    ("companies", "annotation", False), ("persons", "annotation", False),
    ("consents", "source", False), ("consents", "given_by", False),
    ("consents", "file_ref", False), ("privacy_log", "reason", False),
    ("notes", "body", False), ("todos", "title", False),
    # Recently deleted records (shared.trash) may quote the person too.
    ("trash", "label", False), ("trash", "detail", False), ("trash", "snapshot", True),
)

# How a row of each table is found again: its pk, which both engines have, except in
# call_tags (one row per tag of a call).
_KEYS = {"call_tags": ("call_id", "position")}
# Every table erasure changes or scrubs (PostgreSQL vacuums them afterwards).
TOUCHED_TABLES = frozenset({t for t, _, _ in _TEXT_COLUMNS} | {
    "persons", "notes", "todos", "person_details", "campaign_contacts", "blocked_numbers"})

_WORD = re.compile(r"\w+")


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


def scrub_json(value: Any, matcher: SecretMatcher, *, call: bool = False) -> Any:
    """``value`` with every string holding a secret scrubbed; in a call (``call``), the
    number, notes and tag payloads dropped too."""
    if isinstance(value, dict):
        return {matcher.sub(k): (None if call and k in CALL_PERSONAL_KEYS
                                 else scrub_json(v, matcher, call=call))
                for k, v in value.items()}
    if isinstance(value, list):
        return [scrub_json(v, matcher, call=call) for v in value]
    if isinstance(value, str):
        return matcher.sub(value)
    return value


def _scrub_cell(text: str, matcher: SecretMatcher, is_json: bool) -> str:
    if is_json:
        try:
            return json.dumps(scrub_json(json.loads(text), matcher), ensure_ascii=False)
        except (ValueError, RecursionError):
            pass
    return matcher.sub(text)


Candidates = list[tuple[str, str, bool, tuple[Any, ...]]]  # (table, column, is_json, key)


def _keys(table: str) -> tuple[str, ...]:
    return _KEYS.get(table, ("pk",))


def candidate_rows(store: Store, matcher: SecretMatcher) -> Candidates:
    """The rows of the free-text columns that may quote a secret (the engine picks them:
    ``rows_quoting`` of its dialect)."""
    out: Candidates = []
    if not matcher.secrets:
        return out
    for table, column, is_json in _TEXT_COLUMNS:
        keys = store.dialect.rows_quoting(table, _keys(table), column, matcher.secrets,
                                          matcher.search)
        out += [(table, column, is_json, key) for key in keys]
    return out


def scrub_rows(store: Store, rows: Candidates, matcher: SecretMatcher) -> int:
    """Scrub the secrets from the given rows (read again now); returns rows changed."""
    changed = 0
    for table, column, is_json, key in rows:
        where = " AND ".join(f"{k} = ?" for k in _keys(table))
        row = store._one(f"SELECT {column} FROM {table} WHERE {where}", key)
        if row is None or row[0] is None:
            continue
        new = _scrub_cell(row[0], matcher, is_json)
        if new != row[0]:
            store.conn.execute(f"UPDATE {table} SET {column} = ? WHERE {where}", (new, *key))
            changed += 1
    return changed
