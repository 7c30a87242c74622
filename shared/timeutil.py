"""ISO 8601 timestamps: parsing what Apollo and people send, formatting what we store.

Stored timestamps are fixed-width UTC text (``2020-10-28T10:34:18.040Z``) so
that string order is time order and range queries use plain indexes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from .errors import ValidationError

Clock = Callable[[], datetime]

# re.ASCII: in a str pattern \d also matches "２" and "٢", which int() would then read.
_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"(?:([Zz])|([+-])(\d{2}):?(\d{2}))$",
    re.ASCII,
)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
# Calls and tasks are dated: a year outside these is a typo or a probe. Four digits
# keep stored timestamps fixed-width (string order is time order) and exportable.
MIN_YEAR, MAX_YEAR = 1900, 9999
# Real UTC offsets run from -12:00 to +14:00; beyond +-14:00 is a mistake.
MAX_OFFSET = timedelta(hours=14)


class _OutOfRange(ValidationError):
    """A timestamp of the right form whose year or offset is out of range: parse_bound
    passes this one on as it is, since its message says more than "must be a date"."""


def _check_year(year: str, value: str, field: str) -> None:
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise _OutOfRange(
            f"{field} must have a four-digit year from {MIN_YEAR} to {MAX_YEAR},"
            f" got {value[:40]!r}.",
            field=field)


def utc_now() -> datetime:
    """The current time as an aware UTC datetime (the default clock)."""
    return datetime.now(UTC)


def parse_timestamp(value: str, field: str = "timestamp") -> datetime:
    """Parse an ISO 8601 date-time with a zone (``Z`` or an offset) into UTC.

    Raises ValidationError naming ``field`` when the text is not such a
    timestamp; a time without a zone is rejected, since its meaning is a guess.
    """
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be an ISO 8601 date and time string.", field=field)
    m = _DATETIME.match(value.strip()) if len(value) <= 40 else None
    if not m and any(c.isdigit() and not c.isascii() for c in value[:40]):
        raise ValidationError(
            f"{field} must be written with the digits 0-9, got {value[:40]!r}.", field=field)
    if not m:
        raise ValidationError(
            f"{field} must be an ISO 8601 date and time in UTC like 2019-08-24T14:15:22Z, "
            f"got {value[:40]!r}.",
            field=field,
        )
    year, month, day, hour, minute, second, frac, z, sign, oh, om = m.groups()
    _check_year(year, value, field)
    if not z:
        offset = timedelta(hours=int(oh), minutes=int(om))
        if int(om) >= 60 or offset > MAX_OFFSET:
            raise _OutOfRange(
                f"{field} has an offset of {sign}{oh}:{om}; offsets run from -14:00 to +14:00"
                " with minutes below 60 (send UTC with Z).", field=field)
    micro = int((frac or "0")[:6].ljust(6, "0"))
    if second == "60":
        # A leap second (valid ISO 8601 / RFC 3339) is kept as the minute's last moment.
        second, micro = "59", 999_999
    try:
        tz = UTC if z else timezone(
            (1 if sign == "+" else -1) * timedelta(hours=int(oh), minutes=int(om))
        )
        dt = datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro,
            tzinfo=tz,
        )
        return dt.astimezone(UTC)
    except (ValueError, OverflowError):
        raise ValidationError(
            f"{field} is not a real date and time: {value[:40]!r}.", field=field
        ) from None


# What Apollo sends: UTC with "Z", seconds, maybe a fraction. Such a text maps to its
# stored form by slicing once its date and time are known to be real.
_CANONICAL_UTC = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z",
                            re.ASCII)


def to_db_form(value: Any, field: str = "timestamp") -> str:
    """``to_db(parse_timestamp(value, field))``: the stored form of a timestamp text.

    A posted call has seven timestamps; for the canonical UTC form this takes a third of
    the time (no datetime arithmetic), anything else goes through parse_timestamp.
    """
    m = _CANONICAL_UTC.fullmatch(value) if isinstance(value, str) else None
    if m is not None:
        year, month, day, hour, minute, second, frac = m.groups()
        if MIN_YEAR <= int(year) and int(hour) < 24 and int(minute) < 60 and int(second) < 60:
            try:
                date(int(year), int(month), int(day))
            except ValueError:
                pass  # not a real date: parse_timestamp says so
            else:
                ms = (frac or "")[:3].ljust(3, "0")
                return f"{year}-{month}-{day}T{hour}:{minute}:{second}.{ms}Z"
    return to_db(parse_timestamp(value, field))


def parse_bound(value: str, field: str) -> datetime:
    """Parse a query bound: a date-time as in parse_timestamp, or a date (midnight UTC)."""
    m = _DATE.match(value.strip()) if isinstance(value, str) else None
    if m:
        _check_year(m[1], value, field)
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise ValidationError(f"{field} is not a real date: {value!r}.", field=field) from None
        return datetime(d.year, d.month, d.day, tzinfo=UTC)
    try:
        return parse_timestamp(value, field)
    except _OutOfRange:
        raise
    except ValidationError:
        raise ValidationError(
            f"{field} must be a date (2019-08-24) or a date and time (2019-08-24T14:15:22Z), "
            f"got {str(value)[:40]!r}.",
            field=field,
        ) from None


def to_db(dt: datetime) -> str:
    """Format an aware datetime as stored: fixed-width UTC with milliseconds."""
    dt = dt.astimezone(UTC)
    if dt.year < 1000:  # strftime's %Y does not pad these on every platform: keep its form
        return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"
    # An f-string, not strftime: 0.5 us instead of 6 (a posted call formats nine).
    return (f"{dt.year}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:"
            f"{dt.second:02d}.{dt.microsecond // 1000:03d}Z")


def from_db(text: str | None) -> datetime | None:
    """Read a stored timestamp back into an aware UTC datetime."""
    if text is None:
        return None
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def db_to_api(text: str | None) -> str | None:
    """Render a stored timestamp in the API's form: UTC ``Z``, milliseconds only when set."""
    if text is None:
        return None
    return text[:19] + "Z" if text.endswith(".000Z") else text
