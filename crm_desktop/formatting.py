"""How values read on screen: local dates like "Thu 26 Nov, 14:05", durations like "3:25"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from shared import phones
from shared.timeutil import from_db

from . import i18n


def local(ts: str | None) -> datetime | None:
    """A stored UTC timestamp as an aware datetime in the computer's time zone."""
    dt = from_db(ts)
    return dt.astimezone() if dt else None


def when(ts: str | None, *, now: datetime | None = None) -> str:
    """A stored timestamp for people: ``Thu 26 Nov, 14:05`` (the year only when it differs)."""
    dt = local(ts)
    if dt is None:
        return ""
    now = now or datetime.now().astimezone()
    if i18n.language() != "en":
        # Day and month names in the language shown: "Di. 01. Dez., 14:05".
        qt = QDateTime(QDate(dt.year, dt.month, dt.day), QTime(dt.hour, dt.minute))
        return QLocale(i18n.language()).toString(
            qt, "ddd dd. MMM yyyy, HH:mm" if dt.year != now.year else "ddd dd. MMM, HH:mm")
    if dt.year != now.year:
        return dt.strftime("%a %d %b %Y, %H:%M")
    return dt.strftime("%a %d %b, %H:%M")


def duration(seconds: int | None) -> str:
    """``3:25`` for minutes and seconds, ``1:02:03`` past an hour, empty when unknown."""
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def phone(e164: str | None, region: str) -> str:
    """A stored number as people read it: national in the default region, else international."""
    return phones.format_display(e164, region) if e164 else ""


def actor(side: str, client: str | None) -> str:
    """Who made a change: "Desktop", "Alice on PC-7", "API 10.0.0.5", "Import"."""
    if side == "desktop" and client:
        return client  # the person and the PC say more than "Desktop"
    label = {"desktop": QCoreApplication.translate("formatting", "Desktop"),
             "api": QCoreApplication.translate("formatting", "API (Apollo)"),
             "cli": QCoreApplication.translate("formatting", "Command line")}.get(side, side)
    return f"{label} {client}" if client else label
