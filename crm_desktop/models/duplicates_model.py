"""Pairs of records that may be one contact, with why."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from shared.duplicates import DuplicatePair

from ..i18n import noun, said, translate
from .record_model import Column, RecordTableModel


def record_title(record: Any) -> str:
    """A company's display name, or a person's name with their company."""
    company = getattr(record, "company_display_name", None)
    if hasattr(record, "display_name") and not hasattr(record, "first_name"):
        return record.display_name
    if company:
        return f"{record.name} · {company}"
    return translate("duplicates_model", "{name} (private)").format(name=record.name)


class DuplicatesModel(RecordTableModel):
    """Candidate pairs: kind, the two records, the reasons."""

    COL_KIND, COL_LEFT, COL_RIGHT, COL_WHY = range(4)

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("columns", "Kind"), lambda p: noun(p.kind)),
        Column(QT_TRANSLATE_NOOP("columns", "Record"), lambda p: record_title(p.left)),
        Column(QT_TRANSLATE_NOOP("columns", "Looks like"), lambda p: record_title(p.right)),
        Column(
            QT_TRANSLATE_NOOP("columns", "Why"),
            lambda p: said(p.reason_text),
            bold=lambda p: len(p.reasons) > 1,
        ),
    )

    @staticmethod
    def key(record: DuplicatePair) -> Hashable:
        return record.key
