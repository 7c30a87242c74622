"""Recently deleted companies and persons, newest first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from shared.trash import TrashEntry

from ..formatting import actor, when
from ..i18n import said, translate
from .record_model import Column, RecordTableModel


class TrashModel(RecordTableModel):
    """Entries with when, what, name, what went with it, who, and when it is purged."""

    COL_DELETED, COL_KIND, COL_NAME, COL_WITH, COL_BY, COL_PURGE = range(6)

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("columns", "Deleted"),
            lambda e: when(e.deleted_at),
            sort=lambda e: e.deleted_at,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "What"),
            lambda e: translate("trash_model", "Company") if e.kind == "company"
            else translate("trash_model", "Person"),
        ),
        Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda e: e.label),
        Column(QT_TRANSLATE_NOOP("columns", "Went with it"), lambda e: said(e.detail_text)),
        Column(QT_TRANSLATE_NOOP("columns", "Deleted by"), lambda e: actor(e.side, e.client)),
        Column(
            QT_TRANSLATE_NOOP("columns", "Gone for good on"),
            lambda e: e.purge_at().astimezone().strftime("%a %d %b %Y"),
            sort=lambda e: e.deleted_at,
        ),
    )

    @staticmethod
    def key(record: TrashEntry) -> int:
        return record.pk
