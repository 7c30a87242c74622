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
from .texts import Text
from .timeutil import from_db

# Apollo's timestamps in the order a call goes through them, with their words.
_STAGES = (
    ("timestamp_init", Text("Created")),
    ("timestamp_assigned", Text("Assigned to the agent")),
    ("timestamp_start", Text("Answered")),
    ("timestamp_end", Text("Hung up")),
    ("timestamp_closed", Text("Wrap-up finished")),
)
# The sections of the details, in their order.
CALL, TIMES, ATTEMPTS, TAGS = Text("Call"), Text("Times"), Text("Attempts"), Text("Tags")
CALLBACKS = Text("Callbacks requested")


@dataclass(frozen=True)
class Line:
    """One row of the details: a label and its text, in a section (Texts mostly: the
    desktop says them in its language)."""

    section: str
    label: str
    text: str


def seconds(n: float) -> str:
    """``45 s``, ``3 min 25 s``, ``1 h 02 min``: a span as people say it."""
    n = int(round(n))
    if n < 60:
        return Text("{s} s", s=n)
    minutes, secs = divmod(n, 60)
    if minutes < 60:
        return Text("{min} min {s:02d} s", min=minutes, s=secs)
    hours, minutes = divmod(minutes, 60)
    return Text("{h} h {min:02d} min", h=hours, min=minutes)


def _time(ts: str | None, tz: tzinfo | None) -> datetime | None:
    dt = from_db(ts)
    return dt.astimezone(tz) if dt else None


def _clock(dt: datetime, day: datetime) -> str:
    """``10:00:10``, with the date for the call's first moment and another day."""
    if dt == day or dt.date() != day.date():
        return Text("{at:%a %d %b %Y, %H:%M:%S}", at=dt)
    return dt.strftime("%H:%M:%S")


def dtmf_text(path: str | None) -> str:
    """The keys a caller pressed in the IVR: ``1 → 3 → #``."""
    if path is None:
        return Text("not sent")
    if path == "":
        return Text("no keys pressed")
    return " → ".join(path)


def describe(call: CallRecord, *, contact: str, region: str = "DE",
             tz: tzinfo | None = None) -> list[Line]:
    """The call's facts, section by section: who and how, the times, the attempts, the
    tags, and what it asked the CRM to do. Numbers read as in ``region``."""
    lines: list[Line] = []

    def add(section: str, label: str, text: str) -> None:
        lines.append(Line(section, label, text))

    kind = {"inbound": Text("Inbound call"), "outbound": Text("Outbound call"),
            "campaign": Text("Campaign call")}[call.kind]
    add(CALL, Text("Kind"), kind if call.answered
        else Text("{kind} — not answered", kind=kind))
    add(CALL, Text("Contact"), contact)
    number = call.phone_number
    shown = phones.format_display(number, region) if number else ""
    add(CALL, Text("Number"), Text("anonymous (no number sent)") if not number
        else shown if shown == number else f"{shown}  ({number})")
    add(CALL, Text("Agent"), call.agent or Text("none (nobody took it)"))
    if call.source_type:
        source = f"{call.source_type} {call.source_id}"
        if call.source_task:
            source = Text("{source}, task {task}…", source=source, task=call.source_task[:12])
        add(CALL, Text("Source"), source)
    add(CALL, Text("Transfer"),
        Text("to {type} {id}", type=call.transfer_type, id=call.transfer_id)
        if call.transfer_id else Text("not transferred"))
    add(CALL, Text("IVR keys (DTMF)"), dtmf_text(call.dtmf_path))
    if call.annotation:
        add(CALL, Text("Note"), call.annotation)
    if call.do_not_call:
        add(CALL, Text("Do-not-call"), Text("the agent flagged the contact do-not-call"))

    stamps = [(label, _time(getattr(call, attr), tz)) for attr, label in _STAGES]
    first = next((dt for _, dt in stamps if dt), None)
    for label, dt in stamps:
        if dt is None or first is None:
            text = "—"
        else:
            after = (dt - first).total_seconds()
            text = _clock(dt, first)
            if after > 0:
                text = Text("{at}  (+{span})", at=text, span=seconds(after))
        add(TIMES, label, text)
    start, end = _time(call.timestamp_start, tz), _time(call.timestamp_end, tz)
    if start and end:
        add(TIMES, Text("Talk time"), seconds(max(0.0, (end - start).total_seconds())))

    for i, a in enumerate(call.attempts, 1):
        assigned, closed = _time(a.timestamp_assigned, tz), _time(a.timestamp_closed, tz)
        offered = _clock(assigned, first) if assigned and first else None
        span = seconds((closed - assigned).total_seconds()) if assigned and closed else None
        if offered and span:
            text = Text("offered {at}, for {span}", at=offered, span=span)
        elif offered:
            text = Text("offered {at}", at=offered)
        else:
            text = Text("for {span}", span=span) if span else "—"
        add(ATTEMPTS, Text("{i}. {agent}", i=i, agent=a.agent or Text("unknown agent")), text)
    if not call.attempts:
        add(ATTEMPTS, Text("Attempts"), Text("none before this agent"))

    for t in call.tags:
        payload = ("" if t.payload is None
                    else "  " + json.dumps(t.payload, ensure_ascii=False, sort_keys=True))
        add(TAGS, t.category, t.tag + payload)
    if not call.tags:
        add(TAGS, Text("Tags"), Text("none"))

    for t in call.new_tasks:
        dt = _time(t.timestamp, tz)
        when = Text("{at:%a %d %b %Y, %H:%M}", at=dt) if dt else t.timestamp
        add(CALLBACKS, t.campaign_id,
            Text("{when} — {note}", when=when, note=t.annotation) if t.annotation else when)
    return lines
