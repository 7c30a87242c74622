"""Calls as the journal and a card's history show them, newest first."""

from __future__ import annotations

from shared.store import CallRow

from ..formatting import duration, phone, when
from .record_model import Column, RecordTableModel

KIND_LABEL = {"inbound": "Inbound", "outbound": "Outbound", "campaign": "Campaign"}


def call_kind(c: CallRow) -> str:
    """"Inbound · sales", "Campaign · winter_promo", "Outbound"."""
    label = KIND_LABEL.get(c.kind, c.kind)
    return f"{label} · {c.source_id}" if c.source_id else label


def call_tags(c: CallRow) -> str:
    """The call's tags as ``category: tag`` pairs."""
    return ", ".join(f"{cat}: {tag}" for cat, tag in c.tags)


def call_answered(c: CallRow) -> str:
    return "answered" if c.answered else "missed"


class CallsModel(RecordTableModel):
    """Calls with time, kind, contact, number, agent, duration, answer, tags and note."""

    COL_WHEN, COL_KIND, COL_CONTACT, COL_NUMBER, COL_AGENT, COL_DURATION, COL_ANSWERED, \
        COL_TAGS, COL_NOTE, COL_TRANSFER = range(10)

    def __init__(self, region: str = "DE", parent: object = None) -> None:
        super().__init__(parent)
        self.region = region
        self.COLUMNS = (
            Column("When", lambda c: when(c.started_at), sort=lambda c: c.started_at),
            Column("Type", call_kind),
            Column("Contact", lambda c: c.contact_label),
            Column("Number", lambda c: phone(c.phone_number, self.region) or "anonymous"),
            Column("Agent", lambda c: c.agent or "—"),
            Column("Duration", lambda c: duration(c.duration_seconds),
                   sort=lambda c: c.duration_seconds or 0, align_right=True),
            Column("Answered", call_answered,
                   color=lambda c: "#2e7d32" if c.answered else "#c62828"),
            Column("Tags", call_tags),
            Column("Note", lambda c: (c.annotation or "")
                   + ("  ⊘ set do-not-call" if c.do_not_call else ""),
                   color=lambda c: "#b71c1c" if c.do_not_call else None),
            Column("Transfer", lambda c: (c.transfer or "").replace(":", " → ")),
        )
