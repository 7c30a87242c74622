"""One chronological list per contact: calls, notes, tasks, do-not-call changes and
field changes, newest first, filterable by kind.

Built from what the store already keeps (calls, tasks, dnc_events, audit_log) and
the notes table; nothing is stored twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .model import ContactRef
from .notes import NotesRepository
from .timeutil import from_db
from .todos import TodosRepository

if TYPE_CHECKING:
    from .store import Store

KINDS: tuple[str, ...] = ("call", "note", "task", "dnc", "change")
KIND_LABELS = {"call": "Call", "note": "Note", "task": "Task", "dnc": "Do-not-call",
               "change": "Change"}
# Audit actions shown elsewhere on the timeline (as a note or a do-not-call entry).
_SHOWN_ELSEWHERE = {"do_not_call", "add_note"}


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline; ``record`` is the call, note, task ... it shows."""

    at: str
    kind: str
    title: str
    detail: str
    by: str
    record: Any

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies the entry across refreshes."""
        rid = getattr(self.record, "id", None) or repr(self.record)
        return (self.kind, rid, self.at)


# Field changes read as the card names the fields, not as the columns are called.
FIELD_LABELS = {
    "name": "Name", "display_name": "Display name", "salutation": "Salutation",
    "first_name": "First name", "last_name": "Last name", "job_title": "Job title",
    "department": "Department", "address": "Street", "zip_code": "ZIP code", "city": "City",
    "country": "Country", "phone": "Phone", "phone2": "Phone 2", "email": "E-mail",
    "annotation": "Notes", "company_id": "Company", "do_not_call": "Do not call",
}


def _value(v: Any) -> str:
    return "—" if v in (None, "") else str(v)


def _change_text(changes: dict[str, Any]) -> str:
    parts = []
    for k, v in changes.items():
        label = FIELD_LABELS.get(k, k)
        if isinstance(v, list) and len(v) == 2:
            parts.append(f"{label}: {_value(v[0])} → {_value(v[1])}")
        elif v not in (None, "", {}, []):
            parts.append(f"{label}: {v}")
    return "; ".join(parts)


def _local(ts: str) -> str:
    """A stored UTC time in this computer's zone, as people read it."""
    dt = from_db(ts)
    return dt.astimezone().strftime("%a %d %b %Y, %H:%M") if dt else ts


def _by(side: str, client: str | None) -> str:
    return {"api": f"Apollo ({client})" if client else "Apollo", "desktop": "Desktop",
            "cli": "Command line"}.get(side, side)


def timeline(store: Store, ref: ContactRef, kinds: Iterable[str] | None = None,
             limit: int = 500) -> list[TimelineEntry]:
    """The contact's history, newest first; ``kinds`` picks some of KINDS."""
    wanted = set(kinds) if kinds is not None else set(KINDS)
    out: list[TimelineEntry] = []
    if "call" in wanted:
        for c in store.calls_for_contact(ref, limit):
            duration = c.duration_seconds
            length = f" · {duration // 60}:{duration % 60:02d} min" if duration else ""
            state = "answered" if c.answered else "not answered"
            out.append(TimelineEntry(
                c.started_at, "call", f"{c.kind.capitalize()} call, {state}{length}",
                c.annotation or "", c.agent or "", c))
    if "note" in wanted:
        for n in NotesRepository(store).for_contact(ref, limit):
            title = "Note (edited)" if n.edited else "Note"
            out.append(TimelineEntry(n.created_at, "note", title, n.body, n.author, n))
    if "task" in wanted:
        for t in store.list_tasks(ref=ref, include_closed=True, limit=limit):
            state = "done" if t.closed_at else "open"
            out.append(TimelineEntry(
                t.created_at or t.timestamp, "task",
                f"Task in {t.campaign_name} ({state}), due {_local(t.timestamp)}",
                t.annotation or "", "", t))
        for todo in TodosRepository(store).for_contact(ref):
            state = "done" if todo.done_at else "open"
            out.append(TimelineEntry(todo.created_at, "task",
                                     f"To-do ({state}), due {_local(todo.due_at)}", todo.title,
                                     todo.owner, todo))
    if "dnc" in wanted:
        for e in store.dnc_history(ref):
            title = "Do-not-call set" if e.do_not_call else "Do-not-call lifted"
            out.append(TimelineEntry(e.at, "dnc", title, e.reason or "", _by(e.side, e.client),
                                     e))
    if "change" in wanted:
        kind, key = ("person", ref.person_id) if ref.person_id else (
            "company", ref.company_id or "")
        for a in store.audit_trail(kind, key, limit):
            if a.action in _SHOWN_ELSEWHERE:
                continue
            if a.action == "edit_note":
                old, new = a.changes.get("body", ["", ""])
                title, detail = "Note edited", f"{_value(old)} → {_value(new)}"
            else:
                title = {"create": "Created", "update": "Fields changed",
                         "merge": "Merged"}.get(a.action, a.action.replace("_", " ").capitalize())
                detail = _change_text(a.changes)
            out.append(TimelineEntry(a.at, "change", title, detail, _by(a.side, a.client), a))
    out.sort(key=lambda e: e.at, reverse=True)
    return out[:limit]
