"""The small tables on a contact card: persons, do-not-call history, changes."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from shared.model import Person
from shared.reasons import readable
from shared.store import AuditEntry, DncEvent
from shared.timeline import action_text, change_text

from ..formatting import actor, phone, when
from ..i18n import said, translate
from .record_model import Column, RecordTableModel


class CompanyPersonsModel(RecordTableModel):
    """The persons of a company."""

    COL_NAME, COL_PHONE, COL_EMAIL, COL_DNC = range(4)

    def __init__(self, region: str = "DE", parent: object = None) -> None:
        super().__init__(parent)
        self.COLUMNS = (
            Column(translate("card_models", "Name"), lambda p: p.name),
            Column(translate("card_models", "Phone"), lambda p: phone(p.phone or p.phone2, region)),
            Column(translate("card_models", "E-mail"), lambda p: p.email or ""),
            Column(
                translate("card_models", "Do not call"),
                lambda p: translate("record_model", "⊘ do not call") if p.do_not_call else "",
                color=lambda p: "#b71c1c" if p.do_not_call else None,
            ),
        )

    @staticmethod
    def key(record: Person) -> Hashable:
        return record.id


class DncModel(RecordTableModel):
    """Do-not-call changes: when, set or lifted, by whom, why, by which call."""

    COL_WHEN, COL_ACTION, COL_BY, COL_REASON, COL_CALL = range(5)

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("columns", "When"), lambda e: when(e.at), sort=lambda e: e.at),
        Column(
            QT_TRANSLATE_NOOP("columns", "Change"),
            lambda e: translate("card_models", "set do-not-call") if e.do_not_call
            else translate("card_models", "lifted"),
            color=lambda e: "#b71c1c" if e.do_not_call else "#2e7d32",
        ),
        Column(QT_TRANSLATE_NOOP("columns", "By"), lambda e: actor(e.side, e.client)),
        Column(QT_TRANSLATE_NOOP("columns", "Reason"), lambda e: said(readable(e.reason))),
        Column(
            QT_TRANSLATE_NOOP("columns", "Call"),
            lambda e: translate("card_models", "call {id}… (double-click)").format(
                id=e.call_id[:8]) if e.call_id else "",
            color=lambda e: "#1d4ed8" if e.call_id else None,
        ),
    )

    @staticmethod
    def key(record: DncEvent) -> Hashable:
        return (record.at, record.do_not_call, record.call_id)


class AuditModel(RecordTableModel):
    """A record's change history, newest first."""

    COL_WHEN, COL_BY, COL_ACTION, COL_CHANGES = range(4)

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("columns", "When"), lambda a: when(a.at), sort=lambda a: a.at),
        Column(QT_TRANSLATE_NOOP("columns", "By"), lambda a: actor(a.side, a.client)),
        Column(QT_TRANSLATE_NOOP("columns", "Action"), lambda a: said(action_text(a.action))),
        Column(QT_TRANSLATE_NOOP("columns", "Changes"), lambda a: said(change_text(a.changes))),
    )

    @staticmethod
    def key(record: AuditEntry) -> Hashable:
        return (record.at, record.action, record.entity_id, repr(record.changes))
