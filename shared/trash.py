"""Recently deleted: deleted companies and persons wait 30 days before they are gone.

Deleting moves the record, the persons deleted with it, their tasks and campaign
places into one ``trash`` row (JSON) and removes them from the live tables, so
no query elsewhere needs to know about deleted rows: to the API a deleted record
is simply unknown (404). Restoring puts the rows back with the same ids; calls
never left (they keep the contact ids Apollo sent), so the card shows them again.

The queries are ``shared.storage.trash.TrashRepository`` (``store.trash``); this
module holds what it hands out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .texts import Text, join
from .words import plural

KEEP_DAYS = 30
_COUNT = re.compile(r"(with )?([\d,]+) (.+)")


@dataclass
class TrashEntry:
    """One deleted company (with its persons) or person, as Recently deleted lists it."""

    pk: int
    kind: str  # "company" or "person"
    record_id: str
    label: str
    detail: str
    deleted_at: str
    side: str
    client: str | None

    @property
    def detail_text(self) -> str:
        """What went with it ("with 2 persons, 1 task", stored in English when it was
        deleted) as a Text the desktop can translate; as stored if it reads otherwise."""
        parts: list[str] = []
        for part in self.detail.split(", ") if self.detail else []:
            m = _COUNT.fullmatch(part)
            if m is None:
                return self.detail
            template = "{n:,} " + m.group(3)  # one of words.COUNTED
            count = Text(template, n=int(m.group(2).replace(",", "")))
            parts.append(Text("with {count}", count=count) if m.group(1) else count)
        return join(parts, ", ") if parts else self.detail

    def purge_at(self, days: int = KEEP_DAYS) -> datetime:
        """When it is purged for good."""
        from .timeutil import from_db

        deleted = from_db(self.deleted_at)
        assert deleted is not None
        return deleted + timedelta(days=days)


@dataclass
class Restored:
    """What a restore put back, and what it could not (a campaign deleted since)."""

    kind: str
    record_id: str
    label: str
    persons: int = 0
    tasks: int = 0
    campaign_places: int = 0
    skipped: int = 0

    @property
    def message(self) -> str:
        tasks, places = plural(self.tasks, "task"), plural(self.campaign_places, "campaign place")
        if self.kind == "company":
            text = Text("{label} is back, with {persons}, {tasks}, {places} and its calls.",
                        label=self.label, persons=plural(self.persons, "person"), tasks=tasks,
                        places=places)
        else:
            text = Text("{label} is back, with {tasks}, {places} and its calls.",
                        label=self.label, tasks=tasks, places=places)
        if self.skipped:
            what = plural(self.skipped, "task or campaign place", "tasks or campaign places")
            text = Text("{restored} {what} of campaigns deleted since could not come back.",
                        restored=text, what=what)
        return text


# The functions of the module before the storage split; the queries are the
# repository's (``store.trash``).


def move_to_trash(store: Any, kind: str, record_id: str, actor: Any) -> TrashEntry:
    """See ``TrashRepository.move_to_trash``."""
    return store.trash.move_to_trash(kind, record_id, actor)


def list_trash(store: Any) -> list[TrashEntry]:
    """See ``TrashRepository.list_deleted``."""
    return store.trash.list_deleted()


def restore(store: Any, pk: int, actor: Any) -> Restored:
    """See ``TrashRepository.restore_deleted``."""
    return store.trash.restore_deleted(pk, actor)


def purge(store: Any, actor: Any, *, days: int = KEEP_DAYS,
          now: datetime | None = None) -> int:
    """See ``TrashRepository.purge_deleted``."""
    return store.trash.purge_deleted(actor, days=days, now=now)
