"""The dashboard's figures: calls per day, by agent, top tags, open tasks of the week.

The store counts in SQL over indexed time ranges; this module holds the
shapes of the answers and the calendar arithmetic (days and weeks are the
office's local ones, not UTC's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

CALL_DAYS = 30


@dataclass(frozen=True)
class DayCalls:
    """Calls that began on one local day."""

    day: date
    answered: int
    unanswered: int

    @property
    def total(self) -> int:
        return self.answered + self.unanswered


@dataclass(frozen=True)
class AgentCalls:
    """Calls an agent took part in: answered (connected) and not."""

    agent: str
    answered: int
    unanswered: int

    @property
    def total(self) -> int:
        return self.answered + self.unanswered


@dataclass(frozen=True)
class TagCount:
    """How often a tag was set on calls."""

    category: str
    tag: str
    count: int

    @property
    def label(self) -> str:
        return f"{self.category}: {self.tag}"


@dataclass(frozen=True)
class DayTasks:
    """Open tasks due on one local day: scheduled callbacks and dialer tasks."""

    day: date
    scheduled: int
    unscheduled: int

    @property
    def total(self) -> int:
        return self.scheduled + self.unscheduled


@dataclass
class Dashboard:
    """Everything the dashboard shows, read in one go."""

    start: datetime
    end: datetime
    days: list[DayCalls] = field(default_factory=list)
    agents: list[AgentCalls] = field(default_factory=list)
    tags: list[TagCount] = field(default_factory=list)
    week: list[DayTasks] = field(default_factory=list)
    overdue_tasks: int = 0

    @property
    def calls(self) -> int:
        return sum(d.total for d in self.days)

    @property
    def answered(self) -> int:
        return sum(d.answered for d in self.days)

    @property
    def open_tasks_this_week(self) -> int:
        return sum(d.total for d in self.week)


def to_local(dt: datetime, tz: tzinfo | None) -> datetime:
    """``dt`` in ``tz``, or in the computer's zone (with its summer time) when None."""
    return dt.astimezone(tz) if tz is not None else dt.astimezone()


def local_midnight(day: date, tz: tzinfo | None) -> datetime:
    """The first moment of ``day`` in ``tz`` (or the computer's zone), as an aware datetime."""
    naive = datetime.combine(day, time())
    if tz is not None:
        return naive.replace(tzinfo=tz)
    return naive.astimezone()


def last_days(now: datetime, days: int, tz: tzinfo | None) -> tuple[datetime, datetime]:
    """The ``days`` local days up to and including today: ``[start, end)``."""
    today = to_local(now, tz).date()
    return (local_midnight(today - timedelta(days=days - 1), tz),
            local_midnight(today + timedelta(days=1), tz))


def this_week(now: datetime, tz: tzinfo | None) -> tuple[datetime, datetime]:
    """Monday 00:00 to next Monday 00:00 of the local week that holds ``now``."""
    today = to_local(now, tz).date()
    monday = today - timedelta(days=today.weekday())
    return local_midnight(monday, tz), local_midnight(monday + timedelta(days=7), tz)


def day_range(start: datetime, end: datetime, tz: tzinfo | None) -> list[date]:
    """The local days from ``start`` up to (not including) ``end``."""
    first = to_local(start, tz).date()
    last = to_local(end - timedelta(microseconds=1), tz).date()
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
