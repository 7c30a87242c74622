"""Timestamps: what Apollo sends, what we store, what we answer."""

from __future__ import annotations

import pytest

from shared.errors import ValidationError
from shared.timeutil import db_to_api, parse_bound, parse_timestamp, to_db


@pytest.mark.parametrize("text, stored", [
    ("2019-08-24T14:15:22Z", "2019-08-24T14:15:22.000Z"),
    ("2020-10-28T10:34:18.040Z", "2020-10-28T10:34:18.040Z"),
    ("2020-10-28T11:00:00.00Z", "2020-10-28T11:00:00.000Z"),
    ("2020-10-28T11:00:00.123456789Z", "2020-10-28T11:00:00.123Z"),
    ("2020-10-28T12:00:00+02:00", "2020-10-28T10:00:00.000Z"),
    ("2020-10-28t12:00:00-0130", "2020-10-28T13:30:00.000Z"),
    ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999Z"),
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
    ("0000-01-01T00:00:00Z", "not a real"),
    ("9999-12-31T23:59:59-23:59", "not a real"),
])
def test_rejects(text, message):
    with pytest.raises(ValidationError, match=message):
        parse_timestamp(text, "timestampInit")


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
