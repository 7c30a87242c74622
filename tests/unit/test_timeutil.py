"""Timestamps: what Apollo sends, what we store, what we answer."""

from __future__ import annotations

import random

import pytest

from shared.errors import ValidationError
from shared.timeutil import db_to_api, parse_bound, parse_timestamp, to_db, to_db_form


@pytest.mark.parametrize("text, stored", [
    ("2019-08-24T14:15:22Z", "2019-08-24T14:15:22.000Z"),
    ("2020-10-28T10:34:18.040Z", "2020-10-28T10:34:18.040Z"),
    ("2020-10-28T11:00:00.00Z", "2020-10-28T11:00:00.000Z"),
    ("2020-10-28T11:00:00.123456789Z", "2020-10-28T11:00:00.123Z"),
    ("2020-10-28T12:00:00+02:00", "2020-10-28T10:00:00.000Z"),
    ("2020-10-28t12:00:00-0130", "2020-10-28T13:30:00.000Z"),
    ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999Z"),
    ("1900-01-01T00:00:00Z", "1900-01-01T00:00:00.000Z"),
    ("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"),
    ("2026-06-01T00:00:00+14:00", "2026-05-31T10:00:00.000Z"),
    ("2026-06-01T00:00:00-12:00", "2026-06-01T12:00:00.000Z"),
])
def test_parse_and_store(text, stored):
    assert to_db(parse_timestamp(text)) == stored


@pytest.mark.parametrize("text, message", [
    ("2020-10-28T10:39:84.392Z", "not a real date and time"),
    ("2020-02-30T10:00:00Z", "not a real date and time"),
    ("2020-10-28T10:33:48", "ISO 8601"),
    ("2020-10-28", "ISO 8601"),
    ("28.10.2020 10:33", "ISO 8601"),
    ("", "ISO 8601"),
    ("0000-01-01T00:00:00Z",
     "timestampInit must have a four-digit year from 1900 to 9999, got '0000-01-01T00:00:00Z'"),
    ("0999-06-01T10:00:00Z", "four-digit year from 1900 to 9999, got '0999-06-01T10:00:00Z'"),
    ("0001-01-01T00:00:00Z", "four-digit year from 1900 to 9999"),
    ("1899-12-31T23:59:59Z", "four-digit year from 1900 to 9999"),
    ("999-06-01T10:00:00Z", "ISO 8601"),
    ("10000-01-01T00:00:00Z", "ISO 8601"),
    ("\uff12\uff10\uff12\uff16-01-01T00:00:00Z",
     "timestampInit must be written with the digits 0-9, got '\uff12\uff10\uff12\uff16-"),
    ("\u0662\u0660\u0662\u0666-01-01T00:00:00Z", "must be written with the digits 0-9"),
    ("2026-01-01T00:00:00.\u0661\u0662Z", "must be written with the digits 0-9"),
    ("2026-01-01T00:00:00+14:01",
     r"timestampInit has an offset of \+14:01; offsets run from -14:00 to \+14:00 with minutes"
     " below 60"),
    ("2026-01-01T00:00:00-14:30", "has an offset of -14:30"),
    ("2026-01-01T00:00:00+05:60", r"has an offset of \+05:60"),
    ("2026-01-01T00:00:00+2400", r"has an offset of \+24:00"),
    ("9999-12-31T23:59:59-23:59", "has an offset of -23:59"),
    ("9999-12-31T23:59:59-14:00", "not a real date and time"),
])
def test_rejects(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_timestamp(text, "timestampInit")


@pytest.mark.parametrize("text, message", [
    ("0999-01-01", "from must have a four-digit year from 1900 to 9999, got '0999-01-01'"),
    ("1899-12-31T00:00:00Z", "four-digit year from 1900 to 9999"),
    ("2026-01-01T00:00:00+15:00", r"has an offset of \+15:00"),
    ("\uff12\uff10\uff12\uff16-01-01", "from must be a date"),
])
def test_bounds_reject_years_offsets_and_digits_like_timestamps(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_bound(text, "from")


def test_bounds_accept_dates_as_midnight_utc():
    assert to_db(parse_bound("2026-12-01", "from")) == "2026-12-01T00:00:00.000Z"
    with pytest.raises(ValidationError, match="from must be a date"):
        parse_bound("12/01/2026", "from")


def test_api_form_drops_zero_milliseconds():
    assert db_to_api("2019-08-24T14:15:22.000Z") == "2019-08-24T14:15:22Z"
    assert db_to_api("2019-08-24T14:15:22.040Z") == "2019-08-24T14:15:22.040Z"


def test_to_db_formats_as_strftime_did():
    import random
    from datetime import UTC, datetime, timedelta, timezone

    from shared.timeutil import to_db

    rng = random.Random(3)
    for _ in range(20_000):
        dt = datetime(1, 1, 2, tzinfo=UTC) + timedelta(
            seconds=rng.randrange(315_537_800_000), microseconds=rng.randrange(1_000_000))
        if 2 < dt.year < 9998:
            dt = dt.astimezone(timezone(timedelta(minutes=rng.randrange(-720, 721))))
        utc = dt.astimezone(UTC)
        assert to_db(dt) == utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _slow_db_form(value):
    try:
        return to_db(parse_timestamp(value, "f"))
    except ValidationError as e:
        return ("error", e.message, e.field)


def _fast_db_form(value):
    try:
        return to_db_form(value, "f")
    except ValidationError as e:
        return ("error", e.message, e.field)


@pytest.mark.parametrize("text", [
    "2026-12-01T15:10:00Z", "2026-12-01T15:10:00.1Z", "2026-12-01T15:10:00.123456789Z",
    "2024-02-29T23:59:59.999Z", "2025-02-29T10:00:00Z", "2026-04-31T10:00:00Z",
    "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z", "2026-12-00T10:00:00Z",
    "2026-12-01T24:00:00Z", "2026-12-01T23:60:00Z", "2026-12-01T23:59:60Z",
    "2026-12-01T23:59:60.5Z", "1899-12-31T23:59:59Z", "1900-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "2026-12-01t15:10:00z",
    "2026-12-01 15:10:00Z", " 2026-12-01T15:10:00Z ", "2026-12-01T15:10:00+02:00",
    "2026-12-01T15:10:00", "2026-12-01T15:10Z", "２026-12-01T15:10:00Z",
    "2026-12-01T15:10:00.Z", "2026-12-01T15:10:00.1234567890Z", "", "x", 20261201,
])
def test_db_form_of_a_timestamp_is_parse_then_format(text):
    # to_db_form's fast path for Apollo's canonical form must agree with the general
    # path on every input, errors included.
    assert _fast_db_form(text) == _slow_db_form(text)


def test_db_form_agrees_on_random_canonical_texts():
    rng = random.Random(11)
    for _ in range(5000):
        text = (f"{rng.randint(1890, 9999):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}"
                f"T{rng.randint(0, 25):02d}:{rng.randint(0, 61):02d}:{rng.randint(0, 61):02d}"
                + rng.choice(["", ".5", ".05", ".123", ".1239", ".000001"]) + "Z")
        assert _fast_db_form(text) == _slow_db_form(text), text
