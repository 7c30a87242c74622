"""Callback and dialer tasks: add, list, reschedule, close, reopen."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .. import consent
from ..errors import NotFound, WrongSource
from ..model import Actor, ContactRef, Task
from ..texts import Text
from ..timeutil import to_db
from .base import Repository
from .contacts import UNSET
from .rows import CALLABLE_SQL, CONTACT_SELECT, row_view

TASK_SELECT = f"""
    SELECT t.id, t.campaign_id, t.timestamp, t.scheduled, t.annotation, t.closed_at,
           t.created_by_call, t.closed_by_call, t.created_at, k.name AS campaign_name,
           {CONTACT_SELECT}
    FROM tasks t
    JOIN campaigns k ON k.id = t.campaign_id
    LEFT JOIN persons p ON p.id = t.person_id
    LEFT JOIN companies c ON c.id = coalesce(t.company_id, p.company_id)"""


def _task(row: Any) -> Task:
    return Task(
        id=row["id"], campaign_id=row["campaign_id"], timestamp=row["timestamp"],
        scheduled=bool(row["scheduled"]), contact=row_view(row),
        annotation=row["annotation"], closed_at=row["closed_at"],
        created_by_call=row["created_by_call"], closed_by_call=row["closed_by_call"],
        created_at=row["created_at"], campaign_name=row["campaign_name"],
    )


class TasksRepository(Repository):
    """Tasks of campaigns."""

    def get_task(self, task_id: str) -> Task:
        """The task with this id; raises NotFound."""
        row = self._one(TASK_SELECT + " WHERE t.id = ?", (task_id,))
        if row is None:
            raise NotFound(Text("No task with id {task_id!r}.", task_id=task_id))
        return _task(row)

    def add_task(
        self, campaign_id: str, ref: ContactRef, when: datetime, actor: Actor, *,
        scheduled: bool = False, annotation: str | None = None,
    ) -> Task:
        """Create an open task for a contact. Raises NotFound for campaign or contact."""
        with self.write():
            self.uow.campaigns.get_campaign(campaign_id)
            view = self.uow.contacts.resolve_contact(ref)
            task_id = self.uow.new_task_id()
            self._insert("tasks", dict(
                id=task_id, campaign_id=campaign_id,
                company_id=None if view.person_id else view.company_id,
                person_id=view.person_id, timestamp=to_db(when), scheduled=int(scheduled),
                annotation=annotation, created_at=self._now()))
            self._audit(actor, "task", task_id, "create",
                        {"campaign_id": campaign_id, "timestamp": to_db(when),
                         "scheduled": scheduled, "company_id": view.company_id,
                         "person_id": view.person_id})
        return self.get_task(task_id)

    def open_tasks(
        self, campaign_id: str, *, start: datetime | None = None, end: datetime | None = None,
        limit: int | None = None, scheduled: bool | None = None, for_dialer: bool = True,
    ) -> list[Task]:
        """Open tasks of a campaign with ``start <= timestamp < end``, by timestamp then id.

        ``for_dialer`` (the API) raises WrongSource when the campaign's tasks
        are managed in Apollo and leaves out tasks of do-not-call contacts.
        """
        campaign = self.uow.campaigns.get_campaign(campaign_id)
        if for_dialer and campaign.tasks_source != "crm":
            raise WrongSource(
                Text(
                    "The CRM is not the task source of campaign {campaign_id!r}: its tasks are "
                    "managed in Apollo.", campaign_id=campaign_id))
        where, params = ["t.campaign_id = ?", "t.closed_at IS NULL"], [campaign_id]
        if for_dialer:
            # Like campaign contacts and next: a do-not-call contact's tasks are not
            # handed to the dialer (they stay open, and come back if the flag is lifted).
            # Where the campaign needs consent, only consenting contacts' (shared.consent).
            where.append(CALLABLE_SQL
                         + consent.campaign_filter(self.uow, campaign_id, "t.person_id",
                                                   "t.company_id"))
        if scheduled is not None:
            where.append("t.scheduled = ?")
            params.append(int(scheduled))
        if start is not None:
            where.append("t.timestamp >= ?")
            params.append(to_db(start))
        if end is not None:
            where.append("t.timestamp < ?")
            params.append(to_db(end))
        sql = TASK_SELECT + " WHERE " + " AND ".join(where) + " ORDER BY t.timestamp, t.id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(min(limit, 1_000_000_000))
        return [_task(r) for r in self._all(sql, params)]

    def list_tasks(
        self, *, campaign_id: str | None = None, start: datetime | None = None,
        end: datetime | None = None, scheduled: bool | None = None, include_closed: bool = False,
        ref: ContactRef | None = None, limit: int = 5000,
    ) -> list[Task]:
        """Tasks for the desktop's task list and contact cards, by timestamp."""
        where: list[str] = []
        params: list[Any] = []
        if campaign_id is not None:
            where.append("t.campaign_id = ?")
            params.append(campaign_id)
        if not include_closed:
            where.append("t.closed_at IS NULL")
        if scheduled is not None:
            where.append("t.scheduled = ?")
            params.append(int(scheduled))
        if start is not None:
            where.append("t.timestamp >= ?")
            params.append(to_db(start))
        if end is not None:
            where.append("t.timestamp < ?")
            params.append(to_db(end))
        if ref is not None:
            if ref.person_id:
                where.append("t.person_id = ?")
                params.append(ref.person_id)
            else:
                where.append("t.company_id = ?")
                params.append(ref.company_id)
        sql = (TASK_SELECT + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY t.timestamp, t.id LIMIT ?")
        return [_task(r) for r in self._all(sql, [*params, limit])]

    def reschedule_task(
        self, task_id: str, when: datetime, actor: Actor, *, scheduled: bool | None = None,
        annotation: str | None = UNSET,
    ) -> Task:
        """Move a task to another time (and optionally change its kind or note)."""
        with self.write():
            old = self.get_task(task_id)
            sets: dict[str, Any] = {"timestamp": to_db(when)}
            if scheduled is not None:
                sets["scheduled"] = int(scheduled)
            if annotation is not UNSET:
                sets["annotation"] = annotation
            self.conn.execute(
                f"UPDATE tasks SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                (*sets.values(), task_id))
            before = {"timestamp": old.timestamp, "scheduled": int(old.scheduled),
                      "annotation": old.annotation}
            self._audit(actor, "task", task_id, "update",
                        {k: [before[k], v] for k, v in sets.items() if before[k] != v})
        return self.get_task(task_id)

    def close_task(self, task_id: str, actor: Actor, *, call_id: str | None = None) -> Task:
        """Close an open task (by hand, or by the call that handled it)."""
        with self.write():
            task = self.get_task(task_id)
            if task.closed_at is None:
                self.conn.execute(
                    "UPDATE tasks SET closed_at = ?, closed_by_call = ? WHERE id = ?",
                    (self._now(), call_id, task_id))
                self._audit(actor, "task", task_id, "close", {"call": call_id})
        return self.get_task(task_id)

    def reopen_task(self, task_id: str, actor: Actor) -> Task:
        """Open a closed task again."""
        with self.write():
            self.get_task(task_id)
            self.conn.execute(
                "UPDATE tasks SET closed_at = NULL, closed_by_call = NULL WHERE id = ?",
                (task_id,))
            self._audit(actor, "task", task_id, "reopen")
        return self.get_task(task_id)
