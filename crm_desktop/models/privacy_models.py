"""The privacy tables: a contact's consent records, and the privacy log."""

from __future__ import annotations

from collections.abc import Hashable

from shared.consent import KINDS, Consent
from shared.privacy_log import PrivacyEvent

from ..formatting import when
from .record_model import Column, RecordTableModel


def _day(ts: str | None) -> str:
    return (ts or "")[:10]


class ConsentModel(RecordTableModel):
    """Consent records: kind, given when, valid or withdrawn, how, by whom, proof, kept until."""

    COL_KIND, COL_GIVEN, COL_STATE, COL_HOW, COL_BY, COL_PROOF, COL_KEEP = range(7)

    COLUMNS = (
        Column("Kind", lambda c: KINDS.get(c.kind, c.kind)),
        Column("Given", lambda c: when(c.given_at), sort=lambda c: c.given_at),
        Column("State", lambda c: f"withdrawn {when(c.withdrawn_at)}" if c.withdrawn_at
               else "valid",
               color=lambda c: "#b71c1c" if c.withdrawn_at else "#2e7d32"),
        Column("How", lambda c: c.source),
        Column("By", lambda c: c.given_by or ""),
        Column("Proof", lambda c: c.file_ref or ""),
        Column("Proof kept until", lambda c: _day(c.keep_until),
               tooltip=lambda c: "Five years after the consent was last used (a campaign"
                                 " call counts as use)"),
    )

    @staticmethod
    def key(record: Consent) -> Hashable:
        return record.id


class PrivacyLogModel(RecordTableModel):
    """The privacy log: when, what, which record, who, why, counts."""

    COL_WHEN, COL_ACTION, COL_RECORD, COL_WHO, COL_REASON, COL_DETAILS = range(6)

    COLUMNS = (
        Column("When", lambda e: when(e.at), sort=lambda e: e.at),
        Column("Action", lambda e: e.action),
        Column("Record", lambda e: f"{e.entity_type} {e.entity_id}" if e.entity_id else ""),
        Column("Who", lambda e: e.actor),
        Column("Reason", lambda e: e.reason or ""),
        Column("Details", lambda e: ", ".join(f"{k.replace('_', ' ')}: {v}"
                                              for k, v in e.details.items())),
    )

    @staticmethod
    def key(record: PrivacyEvent) -> Hashable:
        return record.id
