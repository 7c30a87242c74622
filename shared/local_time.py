"""A contact's local time, from the region of their phone number (phonenumbers' time
zone data), and whether a moment is a decent time to call them."""

from __future__ import annotations

import functools
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from phonenumbers import timezone as pn_timezone

GOOD_FROM, GOOD_UNTIL = time(8, 0), time(20, 0)


@functools.lru_cache(maxsize=4096)
def zones_of(e164: str | None) -> tuple[ZoneInfo, ...]:
    """The time zones the number may be in (empty when unknown). Most numbers have one;
    a mobile number in a country spanning zones can have several."""
    if not e164:
        return ()
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return ()
    out = []
    for name in pn_timezone.time_zones_for_number(parsed):
        if name == pn_timezone.UNKNOWN_TIMEZONE:
            continue
        try:
            out.append(ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return tuple(out)


def local_times(e164: str | None, at: datetime) -> list[datetime]:
    """``at`` (aware) in each of the number's zones."""
    return [at.astimezone(z) for z in zones_of(e164)]


def in_hours(t: time, start: time, end: time) -> bool:
    """True when ``t`` is within [start, end); a window past midnight (22:00-06:00)
    wraps."""
    if start <= end:
        return start <= t < end
    return t >= start or t < end


def outside_hours(e164: str | None, at: datetime, start: time = GOOD_FROM,
                  end: time = GOOD_UNTIL) -> bool | None:
    """True when ``at`` falls outside [start, end) of the contact's local time in any of
    the number's zones; None when the zone is unknown."""
    times = local_times(e164, at)
    if not times:
        return None
    return any(not in_hours(t.time(), start, end) for t in times)


def describe(e164: str | None, at: datetime) -> str:
    """``14:05`` (or ``14:05–16:05`` over several zones); empty when unknown."""
    times = sorted({t.strftime("%H:%M") for t in local_times(e164, at)})
    if not times:
        return ""
    return times[0] if len(times) == 1 else f"{times[0]}–{times[-1]}"
