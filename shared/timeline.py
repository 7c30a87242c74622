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
from .reasons import readable
from .texts import Text, join
from .timeutil import from_db
from .todos import TodosRepository

if TYPE_CHECKING:
    from .store import Store

KINDS: tuple[str, ...] = ("call", "note", "task", "dnc", "change")
KIND_LABELS = {"call": Text("Call"), "note": Text("Note"), "task": Text("Task"),
               "dnc": Text("Do-not-call"), "change": Text("Change")}
# Audit actions shown elsewhere on the timeline (as a note or a do-not-call entry).
_SHOWN_ELSEWHERE = {"do_not_call", "add_note"}


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline; ``record`` is the call, note, task ... it shows."""

    at: str
    kind: str
    title: str  # a shared.texts.Text: the desktop says it in its language
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
    "name": Text("Name"), "display_name": Text("Display name"),
    "salutation": Text("Salutation"), "first_name": Text("First name"),
    "last_name": Text("Last name"), "job_title": Text("Job title"),
    "department": Text("Department"), "address": Text("Street"),
    "zip_code": Text("ZIP code"), "city": Text("City"), "country": Text("Country"),
    "phone": Text("Phone"), "phone2": Text("Phone 2"), "email": Text("E-mail"),
    "annotation": Text("Notes"), "company_id": Text("Company"),
    "do_not_call": Text("Do not call"),
}
# What a call, a task or a to-do is in, for its line.
_CALL_KINDS = {"inbound": Text("Inbound call"), "outbound": Text("Outbound call"),
               "campaign": Text("Campaign call")}
# Audit actions on a contact, as its timeline says them.
_ACTIONS = {"create": Text("Created"), "update": Text("Fields changed"),
            "merge": Text("Merged"), "merged_into": Text("Merged into another contact"),
            "delete": Text("Deleted"), "restore": Text("Restored"), "erase": Text("Erased"),
            "not_duplicate": Text("Marked as not a duplicate"),
            "consent": Text("Consent recorded"), "consent_withdrawn": Text("Consent withdrawn")}
_DONE = Text("done")
_OPEN = Text("open")


def _value(v: Any) -> str:
    return "—" if v in (None, "") else str(v)


def change_text(changes: dict[str, Any]) -> str:
    """An audit entry's changes as people read them: "City: — → Berlin; Phone: …"."""
    parts: list[str] = []
    for k, v in changes.items():
        label = FIELD_LABELS.get(k, k)
        if isinstance(v, list) and len(v) == 2:
            parts.append(Text("{field}: {old} → {new}", field=label, old=_value(v[0]),
                              new=_value(v[1])))
        elif v not in (None, "", {}, []):
            parts.append(Text("{field}: {value}", field=label, value=v))
    return join(parts) if parts else ""


class _AsIs(str):
    """A stored time that is not one (never so in practice): shown as stored."""

    def __format__(self, spec: str) -> str:
        return str(self)


def action_text(action: str) -> str:
    """An audit action ("update") as people say it ("Fields changed")."""
    return _ACTIONS.get(action, action.replace("_", " ").capitalize())


def _local(ts: str) -> Any:
    """A stored UTC time in this computer's zone (a datetime; the sentence formats it)."""
    dt = from_db(ts)
    return dt.astimezone() if dt else _AsIs(ts)


def _by(side: str, client: str | None) -> str:
    if side == "api":
        return Text("Apollo ({client})", client=client) if client else "Apollo"
    return {"desktop": Text("Desktop"), "cli": Text("Command line")}.get(side, side)


def timeline(store: Store, ref: ContactRef, kinds: Iterable[str] | None = None,
             limit: int = 500) -> list[TimelineEntry]:
    """The contact's history, newest first; ``kinds`` picks some of KINDS."""
    wanted = set(kinds) if kinds is not None else set(KINDS)
    out: list[TimelineEntry] = []
    if "call" in wanted:
        for c in store.calls_for_contact(ref, limit):
            duration = c.duration_seconds
            call = _CALL_KINDS.get(c.kind, c.kind.capitalize() + " call")
            if not c.answered:
                title = Text("{call}, not answered", call=call)
            elif duration:
                title = Text("{call}, answered · {minutes}:{seconds:02d} min", call=call,
                             minutes=duration // 60, seconds=duration % 60)
            else:
                title = Text("{call}, answered", call=call)
            out.append(TimelineEntry(c.started_at, "call", title, c.annotation or "",
                                     c.agent or "", c))
    if "note" in wanted:
        for n in NotesRepository(store).for_contact(ref, limit):
            title = Text("Note (edited)") if n.edited else Text("Note")
            out.append(TimelineEntry(n.created_at, "note", title, n.body, n.author, n))
    if "task" in wanted:
        for t in store.list_tasks(ref=ref, include_closed=True, limit=limit):
            out.append(TimelineEntry(
                t.created_at or t.timestamp, "task",
                Text("Task in {campaign} ({state}), due {due:%a %d %b %Y, %H:%M}",
                     campaign=t.campaign_name, state=_DONE if t.closed_at else _OPEN,
                     due=_local(t.timestamp)),
                t.annotation or "", "", t))
        for todo in TodosRepository(store).for_contact(ref):
            title = Text("To-do ({state}), due {due:%a %d %b %Y, %H:%M}",
                         state=_DONE if todo.done_at else _OPEN, due=_local(todo.due_at))
            out.append(TimelineEntry(todo.created_at, "task", title, todo.title, todo.owner,
                                     todo))
    if "dnc" in wanted:
        for e in store.dnc_history(ref):
            title = Text("Do-not-call set") if e.do_not_call else Text("Do-not-call lifted")
            out.append(TimelineEntry(e.at, "dnc", title, readable(e.reason), _by(e.side, e.client),
                                     e))
    if "change" in wanted:
        kind, key = ("person", ref.person_id) if ref.person_id else (
            "company", ref.company_id or "")
        for a in store.audit_trail(kind, key, limit):
            if a.action in _SHOWN_ELSEWHERE:
                continue
            if a.action == "edit_note":
                old, new = a.changes.get("body", ["", ""])
                title = Text("Note edited")
                detail = Text("{old} → {new}", old=_value(old), new=_value(new))
            else:
                title = action_text(a.action)
                detail = change_text(a.changes)
            out.append(TimelineEntry(a.at, "change", title, detail, _by(a.side, a.client), a))
    out.sort(key=lambda e: e.at, reverse=True)
    return out[:limit]
