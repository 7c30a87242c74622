"""Issue 13 item 7: a number's local time from phonenumbers' time zones."""

from datetime import UTC, datetime, time

from shared.calling_hours import CallingHours, callable_now
from shared.local_time import describe, in_hours, outside_hours, zones_of

NOON_UTC = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def test_zone_from_the_number():
    assert [z.key for z in zones_of("+4930901820")] == ["Europe/Berlin"]
    assert [z.key for z in zones_of("+14155550112")] == ["America/Los_Angeles"]
    assert zones_of(None) == () and zones_of("+999") == ()


def test_local_time_and_good_hours():
    assert describe("+4930901820", NOON_UTC) == "13:00"
    assert describe("+14155550112", NOON_UTC) == "04:00"
    assert outside_hours("+4930901820", NOON_UTC) is False
    assert outside_hours("+14155550112", NOON_UTC) is True
    assert outside_hours(None, NOON_UTC) is None


def test_windows_wrap_past_midnight():
    assert in_hours(time(23, 0), time(22, 0), time(6, 0))
    assert in_hours(time(5, 59), time(22, 0), time(6, 0))
    assert not in_hours(time(6, 0), time(22, 0), time(6, 0))
    assert not in_hours(time(20, 0), time(8, 0), time(20, 0))


def test_callable_now_uses_the_first_number_with_a_zone():
    hours = CallingHours(time(8), time(20))
    assert callable_now(["+4930901820"], hours, NOON_UTC)
    assert not callable_now([None, "+14155550112", "+4930901820"], hours, NOON_UTC)
    assert callable_now([None, None], hours, NOON_UTC)  # unknown: handed out
