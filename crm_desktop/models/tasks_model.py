"""Call tasks of campaigns: callbacks (scheduled) and dialer tasks (unscheduled)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from shared.model import Task
from shared.timeutil import utc_now

from ..formatting import when
from ..i18n import translate
from .record_model import Column, RecordTableModel, dnc_mark

OVERDUE = "#b71c1c"


def _overdue(t: Task) -> bool:
    return t.is_overdue(utc_now())


def task_status(t: Task) -> str:
    """"open", "⚠ overdue" once its time has passed, or when it was closed and by which
    call."""
    if t.closed_at is None:
        # Words and a sign as well as the red: colour alone is missed by some eyes.
        return (translate("tasks_model", "⚠ overdue") if _overdue(t)
                else translate("tasks_model", "open"))
    if t.closed_by_call:
        return translate("tasks_model", "closed {at} by call {call}…").format(
            at=when(t.closed_at), call=t.closed_by_call[:8])
    return translate("tasks_model", "closed {at} by hand").format(at=when(t.closed_at))


class TasksModel(RecordTableModel):
    """Tasks with time, campaign, contact, kind, note, status and origin."""

    COL_WHEN, COL_CAMPAIGN, COL_CONTACT, COL_KIND, COL_NOTE, COL_STATUS, COL_ORIGIN = range(7)

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("columns", "When"),
            lambda t: when(t.timestamp),
            sort=lambda t: t.timestamp,
            color=lambda t: OVERDUE if _overdue(t) else None,
            bold=_overdue,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Campaign"), lambda t: t.campaign_name or t.campaign_id
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Contact"),
            lambda t: t.contact.label + (dnc_mark() if t.contact.do_not_call else ""),
            color=lambda t: "#b71c1c" if t.contact.do_not_call else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Kind"),
            lambda t: translate("tasks_model", "callback (fixed time)") if t.scheduled
            else translate("tasks_model", "dialer (due)"),
        ),
        Column(QT_TRANSLATE_NOOP("columns", "Note"), lambda t: t.annotation or ""),
        Column(
            QT_TRANSLATE_NOOP("columns", "Status"),
            task_status,
            color=lambda t: (
                (OVERDUE if _overdue(t) else None) if t.closed_at is None else "#6b7280"
            ),
            bold=_overdue,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "From call"),
            lambda t: f"call {t.created_by_call[:8]}…" if t.created_by_call else "",
        ),
    )
