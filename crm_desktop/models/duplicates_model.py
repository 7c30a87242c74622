"""Pairs of records that may be one contact, with why."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from shared.duplicates import DuplicatePair

from .record_model import Column, RecordTableModel


def record_title(record: Any) -> str:
    """A company's display name, or a person's name with their company."""
    company = getattr(record, "company_display_name", None)
    if hasattr(record, "display_name") and not hasattr(record, "first_name"):
        return record.display_name
    return f"{record.name} · {company}" if company else f"{record.name} (private)"


class DuplicatesModel(RecordTableModel):
    """Candidate pairs: kind, the two records, the reasons."""

    COL_KIND, COL_LEFT, COL_RIGHT, COL_WHY = range(4)

    COLUMNS = (
        Column("Kind", lambda p: p.kind),
        Column("Record", lambda p: record_title(p.left)),
        Column("Looks like", lambda p: record_title(p.right)),
        Column("Why", lambda p: p.reason_text, bold=lambda p: len(p.reasons) > 1),
    )

    @staticmethod
    def key(record: DuplicatePair) -> Hashable:
        return record.key
