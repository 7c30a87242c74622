"""A posted call in words: what the call details show instead of the raw JSON.

Pure functions over a parsed ``CallRecord``; the time zone is handed in, so the
desktop shows local times and tests pass a fixed zone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, tzinfo

from . import phones
from .model import CallRecord
from .timeutil import from_db

# Apollo's timestamps in the order a call goes through them, with their words.
_STAGES = (
    ("timestamp_init", "Created"),
    ("timestamp_assigned", "Assigned to the agent"),
    ("timestamp_start", "Answered"),
    ("timestamp_end", "Hung up"),
    ("timestamp_closed", "Wrap-up finished"),
)


@dataclass(frozen=True)
class Line:
    """One row of the details: a label and its text, in a section."""

    section: str
    label: str
    text: str


def seconds(n: float) -> str:
    """``45 s``, ``3 min 25 s``, ``1 h 02 min``: a span as people say it."""
    n = int(round(n))
    if n < 60:
        return f"{n} s"
    minutes, secs = divmod(n, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _time(ts: str | None, tz: tzinfo | None) -> datetime | None:
    dt = from_db(ts)
    return dt.astimezone(tz) if dt else None


def _clock(dt: datetime, day: datetime) -> str:
    """``10:00:10``, with the date for the call's first moment and another day."""
    if dt == day or dt.date() != day.date():
        return dt.strftime("%a %d %b %Y, %H:%M:%S")
    return dt.strftime("%H:%M:%S")


def dtmf_text(path: str | None) -> str:
    """The keys a caller pressed in the IVR: ``1 → 3 → #``."""
    if path is None:
        return "not sent"
    if path == "":
        return "no keys pressed"
    return " → ".join(path)


def describe(call: CallRecord, *, contact: str, region: str = "DE",
             tz: tzinfo | None = None) -> list[Line]:
    """The call's facts, section by section: who and how, the times, the attempts, the
    tags, and what it asked the CRM to do. Numbers read as in ``region``."""
    lines: list[Line] = []

    def add(section: str, label: str, text: str) -> None:
        lines.append(Line(section, label, text))

    kind = {"inbound": "Inbound call", "outbound": "Outbound call",
            "campaign": "Campaign call"}[call.kind]
    add("Call", "Kind", kind + ("" if call.answered else " — not answered"))
    add("Call", "Contact", contact)
    number = call.phone_number
    shown = phones.format_display(number, region) if number else ""
    add("Call", "Number", "anonymous (no number sent)" if not number
        else shown if shown == number else f"{shown}  ({number})")
    add("Call", "Agent", call.agent or "none (nobody took it)")
    if call.source_type:
        source = f"{call.source_type} {call.source_id}"
        if call.source_task:
            source += f", task {call.source_task[:12]}…"
        add("Call", "Source", source)
    add("Call", "Transfer", f"to {call.transfer_type} {call.transfer_id}"
        if call.transfer_id else "not transferred")
    add("Call", "IVR keys (DTMF)", dtmf_text(call.dtmf_path))
    if call.annotation:
        add("Call", "Note", call.annotation)
    if call.do_not_call:
        add("Call", "Do-not-call", "the agent flagged the contact do-not-call")

    stamps = [(label, _time(getattr(call, attr), tz)) for attr, label in _STAGES]
    first = next((dt for _, dt in stamps if dt), None)
    for label, dt in stamps:
        if dt is None or first is None:
            text = "—"
        else:
            after = (dt - first).total_seconds()
            text = _clock(dt, first) + (f"  (+{seconds(after)})" if after > 0 else "")
        add("Times", label, text)
    start, end = _time(call.timestamp_start, tz), _time(call.timestamp_end, tz)
    if start and end:
        add("Times", "Talk time", seconds(max(0.0, (end - start).total_seconds())))

    for i, a in enumerate(call.attempts, 1):
        assigned, closed = _time(a.timestamp_assigned, tz), _time(a.timestamp_closed, tz)
        parts = []
        if assigned and first:
            parts.append(f"offered {_clock(assigned, first)}")
        if assigned and closed:
            parts.append(f"for {seconds((closed - assigned).total_seconds())}")
        add("Attempts", f"{i}. {a.agent or 'unknown agent'}", ", ".join(parts) or "—")
    if not call.attempts:
        add("Attempts", "Attempts", "none before this agent")

    for t in call.tags:
        payload = ("" if t.payload is None
                    else "  " + json.dumps(t.payload, ensure_ascii=False, sort_keys=True))
        add("Tags", t.category, t.tag + payload)
    if not call.tags:
        add("Tags", "Tags", "none")

    for t in call.new_tasks:
        dt = _time(t.timestamp, tz)
        when = dt.strftime("%a %d %b %Y, %H:%M") if dt else t.timestamp
        add("Callbacks requested", t.campaign_id,
            when + (f" — {t.annotation}" if t.annotation else ""))
    return lines
