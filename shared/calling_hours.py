"""A campaign's calling hours: when set, the dialer's ``GET /campaigns/{id}/next`` hands
out only contacts for whom it is within those hours in their local time.

Off by default (no row): a campaign then behaves exactly as before. A contact whose
time zone cannot be told from its numbers is handed out (nothing says it is a bad
time); a number that may be in several zones counts as inside the hours only when it
is inside them in every one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from .errors import NotFound, ValidationError
from .local_time import in_hours, local_times
from .storage.rows import CALLABLE_SQL
from .texts import Text

_HHMM = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])\Z")
PAGE = 200


@dataclass(frozen=True)
class CallingHours:
    """From ``start`` until ``end`` (exclusive) in the contact's local time."""

    start: time
    end: time

    def text(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def parse_hhmm(value: str, field: str) -> time:
    """``"08:00"`` as a time; raises ValidationError naming ``field``."""
    m = _HHMM.match(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise ValidationError(Text(
                "{field} must be a time like 08:00, got {value!r}.",
                field=field, value=value), field=field)
    return time(int(m[1]), int(m[2]))


def get(conn: Any, campaign_id: str) -> CallingHours | None:
    """The campaign's calling hours, or None when it has none (the default)."""
    row = conn.execute('SELECT start, "end" FROM campaign_calling_hours WHERE campaign_id = ?',
                       (campaign_id,)).fetchone()
    if row is None:
        return None
    return CallingHours(parse_hhmm(row[0], "start"), parse_hhmm(row[1], "end"))


def set_hours(conn: Any, campaign_id: str, hours: CallingHours | None) -> None:
    """Give the campaign calling hours (None: no limit). The caller holds the write
    transaction. Raises NotFound for an unknown campaign, ValidationError for an empty
    window."""
    if conn.execute("SELECT 1 FROM campaigns WHERE id = ?", (campaign_id,)).fetchone() is None:
        raise NotFound(Text(
                "No campaign with id {campaign_id!r}.", campaign_id=campaign_id))
    if hours is None:
        conn.execute("DELETE FROM campaign_calling_hours WHERE campaign_id = ?", (campaign_id,))
        return
    if hours.start == hours.end:
        raise ValidationError(Text(
                "Calling hours must not start and end at the same time."),
                              field="end")
    conn.execute(
        'INSERT INTO campaign_calling_hours (campaign_id, start, "end") VALUES (?, ?, ?)'
        ' ON CONFLICT(campaign_id) DO UPDATE SET start = excluded.start, "end" = excluded."end"',
        (campaign_id, f"{hours.start:%H:%M}", f"{hours.end:%H:%M}"))


def callable_now(numbers: list[str | None], hours: CallingHours, now: datetime) -> bool:
    """Whether a contact with these numbers (first known zone wins) may be called now."""
    for number in numbers:
        times = local_times(number, now)
        if times:
            return all(in_hours(t.time(), hours.start, hours.end) for t in times)
    return True


def first_callable(conn: Any, campaign_id: str, hours: CallingHours,
                   now: datetime, *, extra: str = "") -> int | None:
    """The ``campaign_contacts.pk`` of the first contact in the dialer's order that is
    free, not do-not-call, and within the calling hours now; None when there is none.
    ``extra`` is more SQL for the WHERE clause (`` AND ...``: consent, shared.consent)."""
    after = 0
    while True:
        rows = conn.execute(
            f"""SELECT cc.pk, p.phone AS p1, p.phone2 AS p2, c.phone AS c1, c.phone2 AS c2
               FROM campaign_contacts cc
               LEFT JOIN persons p ON p.id = cc.person_id
               LEFT JOIN companies c ON c.id = coalesce(cc.company_id, p.company_id)
               WHERE cc.campaign_id = ? AND cc.handed_out_until = ''
                 AND {CALLABLE_SQL}
                """ + extra + """
               ORDER BY cc.call_count, cc.last_call_at, cc.sort_name, cc.pk
               LIMIT ? OFFSET ?""", (campaign_id, PAGE, after)).fetchall()
        for r in rows:
            if callable_now([r["p1"], r["p2"], r["c1"], r["c2"]], hours, now):
                return r["pk"]
        if len(rows) < PAGE:
            return None
        after += PAGE
