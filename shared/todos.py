"""Personal to-dos: tasks without a campaign, with an owner ("Your name" in Settings)
and a due time, a reminder when due and snooze.

They live in their own table, which no API resource reads: Apollo is never handed
one. A to-do may be about a contact; it then shows on that contact's timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from . import ids
from .errors import NotFound, ValidationError
from .model import Actor, ContactRef
from .texts import Text
from .timeutil import to_db

if TYPE_CHECKING:
    from .store import Store

MAX_TITLE = 500


@dataclass(frozen=True)
class Todo:
    """One personal to-do; ``contact_label`` names its contact, if any."""

    id: str
    owner: str
    title: str
    due_at: str
    remind_at: str
    notified_at: str | None
    company_id: str | None
    person_id: str | None
    done_at: str | None
    created_at: str
    contact_label: str = ""

    @property
    def ref(self) -> ContactRef | None:
        """Its contact, if it has one."""
        if self.person_id:
            return ContactRef(None, self.person_id)
        if self.company_id:
            return ContactRef(self.company_id, None)
        return None

    @property
    def snoozed(self) -> bool:
        """True when its reminder was put off past the due time."""
        return self.remind_at > self.due_at


_SELECT = """SELECT t.*, coalesce(p.name, c.display_name, '') AS contact_label
             FROM todos t
             LEFT JOIN persons p ON p.id = t.person_id
             LEFT JOIN companies c ON c.id = t.company_id"""


def _clean_title(title: str) -> str:
    text = " ".join(title.split())
    if not text:
        raise ValidationError(Text("A to-do needs a title: what is there to do?"), field="title")
    if len(text) > MAX_TITLE:
        raise ValidationError(Text(
                "A to-do's title can be at most {max_title} characters.", max_title=MAX_TITLE),
                              field="title")
    return text


class TodosRepository:
    """Reads and writes to-dos through a Store's connection and write transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def _row(self, row: Any) -> Todo:
        return Todo(row["id"], row["owner"], row["title"], row["due_at"], row["remind_at"],
                    row["notified_at"], row["company_id"], row["person_id"], row["done_at"],
                    row["created_at"], row["contact_label"])

    def _now(self) -> str:
        return to_db(self.store.clock())

    def get(self, todo_id: str) -> Todo:
        """The to-do with this id; raises NotFound."""
        row = self.conn.execute(_SELECT + " WHERE t.id = ?", (todo_id,)).fetchone()
        if row is None:
            raise NotFound(Text("No to-do with id {todo_id!r}.", todo_id=todo_id))
        return self._row(row)

    def add(self, owner: str, title: str, due: datetime, actor: Actor, *,
            ref: ContactRef | None = None) -> Todo:
        """A new to-do for ``owner``, due at ``due`` (aware), about ``ref`` if given.
        Raises ValidationError for an empty title or owner, NotFound for the contact."""
        text, name = _clean_title(title), owner.strip()
        if not name:
            raise ValidationError(Text(
                    "A to-do needs an owner: set Your name in Settings."),
                                  field="owner")
        store = self.store
        with store.write():
            company_id = person_id = None
            if ref is not None:
                view = store.resolve_contact(ref)
                person_id = view.person_id
                company_id = None if person_id else view.company_id
            todo_id = ids.new_task_id()
            now, due_at = self._now(), to_db(due)
            self.conn.execute(
                "INSERT INTO todos (id, owner, title, due_at, remind_at, company_id, person_id,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (todo_id, name, text, due_at, due_at, company_id, person_id, now))
            self.store._audit(actor, "todo", todo_id, "create",
                  {"owner": name, "title": text, "due_at": due_at,
                   "company_id": company_id, "person_id": person_id})
        return self.get(todo_id)

    def mine(self, owner: str, *, include_done: bool = False, limit: int = 2000) -> list[Todo]:
        """The owner's to-dos by due time (open ones only unless ``include_done``)."""
        where = "t.owner = ?" + ("" if include_done else " AND t.done_at IS NULL")
        return [self._row(r) for r in self.conn.execute(
            _SELECT + f" WHERE {where} ORDER BY t.done_at IS NOT NULL, t.due_at, t.pk LIMIT ?",
            (owner.strip(), limit))]

    def for_contact(self, ref: ContactRef) -> list[Todo]:
        """Every to-do about a contact, whoever owns it."""
        col, key = ("person_id", ref.person_id) if ref.person_id else (
            "company_id", ref.company_id)
        return [self._row(r) for r in self.conn.execute(
            _SELECT + f" WHERE t.{col} = ? ORDER BY t.due_at", (key,))]

    def due(self, owner: str, now: datetime | None = None) -> list[Todo]:
        """The owner's open to-dos whose reminder time has come and not yet been shown."""
        at = to_db(now) if now else self._now()
        return [self._row(r) for r in self.conn.execute(
            _SELECT + " WHERE t.done_at IS NULL AND t.owner = ? AND t.remind_at <= ?"
            " AND (t.notified_at IS NULL OR t.notified_at < t.remind_at) ORDER BY t.remind_at",
            (owner.strip(), at))]

    def mark_notified(self, todo_ids: list[str]) -> None:
        """Remember that these reminders were shown (each is shown once per due time)."""
        with self.store.write(durable=False):
            now = self._now()
            self.conn.executemany(
                # The later of the two (SQL both engines run: no two-argument max()).
                "UPDATE todos SET notified_at = CASE WHEN ? > remind_at THEN ?"
                " ELSE remind_at END WHERE id = ?",
                [(now, now, i) for i in todo_ids])

    def snooze(self, todo_id: str, until: datetime, actor: Actor) -> Todo:
        """Remind again at ``until`` (the due time stays). Raises NotFound."""
        with self.store.write():
            todo = self.get(todo_id)
            self.conn.execute("UPDATE todos SET remind_at = ?, notified_at = NULL WHERE id = ?",
                              (to_db(until), todo_id))
            self.store._audit(actor, "todo", todo_id, "snooze",
                  {"remind_at": [todo.remind_at, to_db(until)]})
        return self.get(todo_id)

    def set_done(self, todo_id: str, done: bool, actor: Actor) -> Todo:
        """Tick a to-do off (or open it again). Raises NotFound."""
        with self.store.write():
            todo = self.get(todo_id)
            now = self._now()
            self.conn.execute("UPDATE todos SET done_at = ? WHERE id = ?",
                              (now if done else None, todo_id))
            self.store._audit(actor, "todo", todo_id, "done" if done else "reopen",
                  {"done_at": [todo.done_at, now if done else None]})
        return self.get(todo_id)

    def reschedule(self, todo_id: str, due: datetime, actor: Actor) -> Todo:
        """Move the due time (the reminder moves with it). Raises NotFound."""
        with self.store.write():
            todo = self.get(todo_id)
            self.conn.execute(
                "UPDATE todos SET due_at = ?, remind_at = ?, notified_at = NULL WHERE id = ?",
                (to_db(due), to_db(due), todo_id))
            self.store._audit(actor, "todo", todo_id, "reschedule",
                  {"due_at": [todo.due_at, to_db(due)]})
        return self.get(todo_id)
