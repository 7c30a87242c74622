"""The privacy tables: a contact's consent records, and the privacy log."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from shared.consent import KINDS, Consent
from shared.privacy_log import PrivacyEvent
from shared.reasons import readable

from ..formatting import when
from ..i18n import said
from .record_model import Column, RecordTableModel


def _day(ts: str | None) -> str:
    return (ts or "")[:10]


class ConsentModel(RecordTableModel):
    """Consent records: kind, given when, valid or withdrawn, how, by whom, proof, kept until."""

    COL_KIND, COL_GIVEN, COL_STATE, COL_HOW, COL_BY, COL_PROOF, COL_KEEP = range(7)

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("columns", "Kind"), lambda c: said(KINDS.get(c.kind, c.kind))),
        Column(
            QT_TRANSLATE_NOOP("columns", "Given"),
            lambda c: when(c.given_at),
            sort=lambda c: c.given_at,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "State"),
            lambda c: f"withdrawn {when(c.withdrawn_at)}" if c.withdrawn_at else "valid",
            color=lambda c: "#b71c1c" if c.withdrawn_at else "#2e7d32",
        ),
        Column(QT_TRANSLATE_NOOP("columns", "How"), lambda c: c.source),
        Column(QT_TRANSLATE_NOOP("columns", "By"), lambda c: c.given_by or ""),
        Column(QT_TRANSLATE_NOOP("columns", "Proof"), lambda c: c.file_ref or ""),
        Column(
            QT_TRANSLATE_NOOP("columns", "Proof kept until"),
            lambda c: _day(c.keep_until),
            tooltip=lambda c: (
                "Five years after the consent was last used (a campaign call counts as use)"
            ),
        ),
    )

    @staticmethod
    def key(record: Consent) -> Hashable:
        return record.id


class PrivacyLogModel(RecordTableModel):
    """The privacy log: when, what, which record, who, why, counts."""

    COL_WHEN, COL_ACTION, COL_RECORD, COL_WHO, COL_REASON, COL_DETAILS = range(6)

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("columns", "When"), lambda e: when(e.at), sort=lambda e: e.at),
        Column(QT_TRANSLATE_NOOP("columns", "Action"), lambda e: e.action),
        Column(
            QT_TRANSLATE_NOOP("columns", "Record"),
            lambda e: f"{e.entity_type} {e.entity_id}" if e.entity_id else "",
        ),
        Column(QT_TRANSLATE_NOOP("columns", "Who"), lambda e: e.actor),
        Column(QT_TRANSLATE_NOOP("columns", "Reason"), lambda e: said(readable(e.reason))),
        Column(
            QT_TRANSLATE_NOOP("columns", "Details"),
            lambda e: ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in e.details.items()),
        ),
    )

    @staticmethod
    def key(record: PrivacyEvent) -> Hashable:
        return record.id
