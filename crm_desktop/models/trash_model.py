"""Recently deleted companies and persons, newest first."""

from __future__ import annotations

from shared.trash import TrashEntry

from ..formatting import actor, when
from .record_model import Column, RecordTableModel


class TrashModel(RecordTableModel):
    """Entries with when, what, name, what went with it, who, and when it is purged."""

    COL_DELETED, COL_KIND, COL_NAME, COL_WITH, COL_BY, COL_PURGE = range(6)

    COLUMNS = (
        Column("Deleted", lambda e: when(e.deleted_at), sort=lambda e: e.deleted_at),
        Column("What", lambda e: "Company" if e.kind == "company" else "Person"),
        Column("Name", lambda e: e.label),
        Column("Went with it", lambda e: e.detail),
        Column("Deleted by", lambda e: actor(e.side, e.client)),
        Column("Gone for good on", lambda e: e.purge_at().astimezone().strftime("%a %d %b %Y"),
               sort=lambda e: e.deleted_at),
    )

    @staticmethod
    def key(record: TrashEntry) -> int:
        return record.pk
