"""Reports and the audit trail: the dashboard's figures, who changed what, settings."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, tzinfo
from typing import Any

from ..model import Actor
from ..timeutil import to_db
from .base import Repository, audit_json
from .rows import AuditEntry

AUDIT_COLUMNS = ("at", "side", "client", "entity_type", "entity_id", "action", "changes",
                 "person", "pc")


class ReportsRepository(Repository):
    """Read-mostly: dashboard counts, the audit trail (written by every area), settings."""

    # -- audit ------------------------------------------------------------

    def record_audit(
        self, actor: Actor, entity_type: str, entity_id: str, action: str,
        changes: dict[str, Any] | None = None,
    ) -> None:
        """Add one entry to the audit trail (inside the caller's transaction)."""
        self.conn.execute(
            f"INSERT INTO audit_log ({', '.join(AUDIT_COLUMNS)})"
            f" VALUES ({', '.join('?' * len(AUDIT_COLUMNS))})",
            self.audit_row(actor, entity_type, entity_id, action, changes))

    def audit_row(
        self, actor: Actor, entity_type: str, entity_id: str, action: str,
        changes: dict[str, Any] | None = None,
    ) -> tuple[Any, ...]:
        """One audit trail entry as the values of ``AUDIT_COLUMNS``, for a caller that
        inserts it together with other rows (``dialect.insert_all``)."""
        return (self._now(), actor.side, actor.client, entity_type, entity_id, action,
                audit_json(changes), actor.person, actor.pc)

    def audit_trail(self, entity_type: str, entity_id: str, limit: int = 200) -> list[AuditEntry]:
        """The recorded changes of one record, newest first."""
        return [AuditEntry(r["at"], r["side"], r["client"], r["entity_type"], r["entity_id"],
                           r["action"], json.loads(r["changes"]), r["person"], r["pc"])
                for r in self._all(
                    "SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ?"
                    " ORDER BY pk DESC LIMIT ?", (entity_type, entity_id, limit))]

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

    # -- dashboard ----------------------------------------------------------

    def calls_per_day(self, start: datetime, end: datetime,
                      tz: tzinfo | None = None) -> list[Any]:
        """Answered and unanswered calls per local day (``tz``, else the computer's zone)
        for ``start <= started_at < end``, every day present (zeros too). Returns
        ``shared.dashboard.DayCalls``. Counted per hour in SQL (an index range), then
        per local day here, so summer time and zone changes land on the right day."""
        from ..dashboard import DayCalls, day_range, to_local

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
        from ..dashboard import AgentCalls

        return [AgentCalls(r["agent"], r["answered"], r["n"] - r["answered"]) for r in self._all(
            """SELECT agent, sum(answered) AS answered, count(*) AS n FROM calls
               WHERE started_at >= ? AND started_at < ? AND agent IS NOT NULL
               GROUP BY agent ORDER BY n DESC, agent LIMIT ?""",
            (to_db(start), to_db(end), limit))]

    def top_tags(self, start: datetime, end: datetime, limit: int = 10) -> list[Any]:
        """The tags set most often on calls in ``[start, end)``: ``shared.dashboard.TagCount``."""
        from ..dashboard import TagCount

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
        from ..dashboard import DayTasks, day_range, to_local
        from ..timeutil import from_db

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
        from ..dashboard import Dashboard, last_days, this_week

        now = now or self.uow.clock()
        start, end = last_days(now, days, tz)
        week_start, week_end = this_week(now, tz)
        return Dashboard(
            start=start, end=end, days=self.calls_per_day(start, end, tz),
            agents=self.calls_by_agent(start, end), tags=self.top_tags(start, end),
            week=self.open_tasks_per_day(week_start, week_end, tz),
            # Overdue is "its time has passed", not "before this week": a 07:00 callback
            # still open at 13:30 is late now.
            overdue_tasks=self.count_overdue_tasks(now))
