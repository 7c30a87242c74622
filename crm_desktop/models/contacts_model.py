"""Resolved contacts (a campaign's list): name, company, do-not-call."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from shared.model import ContactView

from ..i18n import noun, translate
from .record_model import Column, RecordTableModel


class ContactViewsModel(RecordTableModel):
    """Contacts as ``ContactView``s: a person with its company, or a company."""

    COL_NAME, COL_COMPANY, COL_KIND, COL_DNC = range(4)

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("columns", "Name"), lambda v: v.person_name or v.company_name or ""
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Company"), lambda v: v.company_name if v.person_id else ""
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Kind"),
            lambda v: noun("person" if v.person_id else "company"),
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Do not call"),
            lambda v: translate("record_model", "⊘ do not call") if v.do_not_call else "",
            color=lambda v: "#b71c1c" if v.do_not_call else None,
        ),
    )

    @staticmethod
    def key(record: ContactView) -> Hashable:
        return (record.company_id if not record.person_id else None, record.person_id)
