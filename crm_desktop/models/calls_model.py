"""Calls as the journal and a card's history show them, newest first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from shared.store import CallRow

from ..formatting import duration, phone, when
from ..i18n import translate
from .record_model import Column, RecordTableModel

KIND_LABEL = {
    "inbound": QT_TRANSLATE_NOOP("calls_model", "Inbound"),
    "outbound": QT_TRANSLATE_NOOP("calls_model", "Outbound"),
    "campaign": QT_TRANSLATE_NOOP("calls_model", "Campaign"),
}


def call_kind(c: CallRow) -> str:
    """"Inbound · sales", "Campaign · winter_promo", "Outbound"."""
    label = translate("calls_model", KIND_LABEL.get(c.kind, c.kind))
    return f"{label} · {c.source_id}" if c.source_id else label


def call_tags(c: CallRow) -> str:
    """The call's tags as ``category: tag`` pairs."""
    return ", ".join(f"{cat}: {tag}" for cat, tag in c.tags)


def call_answered(c: CallRow) -> str:
    return (translate("calls_model", "answered") if c.answered
            else translate("calls_model", "missed"))


class CallsModel(RecordTableModel):
    """Calls with time, kind, contact, number, agent, duration, answer, tags and note."""

    COL_WHEN, COL_KIND, COL_CONTACT, COL_NUMBER, COL_AGENT, COL_DURATION, COL_ANSWERED, \
        COL_TAGS, COL_NOTE, COL_TRANSFER = range(10)

    def __init__(self, region: str = "DE", parent: object = None) -> None:
        super().__init__(parent)
        self.region = region
        self.COLUMNS = (
            Column(
                translate("calls_model", "When"),
                lambda c: when(c.started_at),
                sort=lambda c: c.started_at,
            ),
            Column(translate("calls_model", "Type"), call_kind),
            Column(translate("calls_model", "Contact"), lambda c: c.contact_label),
            Column(
                translate("calls_model", "Number"),
                lambda c: phone(c.phone_number, self.region) or "anonymous",
            ),
            Column(translate("calls_model", "Agent"), lambda c: c.agent or "—"),
            Column(
                translate("calls_model", "Duration"),
                lambda c: duration(c.duration_seconds),
                sort=lambda c: c.duration_seconds or 0,
                align_right=True,
            ),
            Column(
                translate("calls_model", "Answered"),
                call_answered,
                color=lambda c: "#2e7d32" if c.answered else "#c62828",
            ),
            Column(translate("calls_model", "Tags"), call_tags),
            Column(
                translate("calls_model", "Note"),
                lambda c: (c.annotation or "") + ("  ⊘ set do-not-call" if c.do_not_call else ""),
                color=lambda c: "#b71c1c" if c.do_not_call else None,
            ),
            Column(
                translate("calls_model", "Transfer"),
                lambda c: (c.transfer or "").replace(":", " → "),
            ),
        )
