"""The call details in words: tags, attempts, transfer, DTMF path and times."""

from datetime import timedelta, timezone

from shared.call_summary import describe, dtmf_text, seconds
from shared.calls import parse_call

BERLIN_WINTER = timezone(timedelta(hours=1))

CALL = {
    "id": "c-1", "agent": "peggy.sue", "phoneNumber": "+4989443228150",
    "contact": {"company": "C1", "person": "P1"},
    "source": {"type": "queue", "id": "tech_level_1"},
    "transfer": {"type": "queue", "id": "accounting"},
    "dtmfPath": "13#",
    "attempts": [{"agent": "john.doe", "timestampAssigned": "2026-11-20T10:00:02Z",
                  "timestampClosed": "2026-11-20T10:00:17Z"}],
    "tags": [{"category": "reason", "id": "billing", "payload": None},
             {"category": "survey", "id": "score", "payload": {"value": 5}}],
    "newTasks": [{"campaign": "promo", "timestamp": "2026-11-21T08:00:00Z",
                  "annotation": "send offer"}],
    "annotation": "Wants a quote", "doNotCall": False,
    "timestampInit": "2026-11-20T10:00:00Z", "timestampAssigned": "2026-11-20T10:00:18Z",
    "timestampStart": "2026-11-20T10:00:20Z", "timestampEnd": "2026-11-20T10:03:45Z",
    "timestampClosed": "2026-11-20T10:05:00Z",
}


def lines(call, **kw):
    return {f"{x.section}/{x.label}": x.text
            for x in describe(parse_call(call), contact="Rob Klein · CX Labs", **kw)}


def test_a_full_call_reads_as_words():
    got = lines(CALL, tz=BERLIN_WINTER)
    assert got["Call/Kind"] == "Inbound call"
    assert got["Call/Contact"] == "Rob Klein · CX Labs"
    assert got["Call/Source"] == "queue tech_level_1"
    assert got["Call/Transfer"] == "to queue accounting"
    assert got["Call/IVR keys (DTMF)"] == "1 → 3 → #"
    assert got["Call/Number"] == "089 443228150  (+4989443228150)"
    assert got["Times/Created"] == "Fri 20 Nov 2026, 11:00:00"  # local time, not UTC
    assert got["Times/Answered"] == "11:00:20  (+20 s)"
    assert got["Times/Hung up"] == "11:03:45  (+3 min 45 s)"
    assert got["Times/Talk time"] == "3 min 25 s"
    assert got["Attempts/1. john.doe"] == "offered 11:00:02, for 15 s"
    assert got["Tags/reason"] == "billing"
    assert got["Tags/survey"] == 'score  {"value": 5}'
    assert got["Callbacks requested/promo"] == "Sat 21 Nov 2026, 09:00 — send offer"
    assert not any(v.startswith("{") for v in got.values())


def test_an_unanswered_anonymous_call_says_so():
    got = lines({"id": "c-2", "timestampInit": "2026-11-20T10:00:00Z", "dtmfPath": ""},
                tz=BERLIN_WINTER)
    assert got["Call/Kind"] == "Outbound call — not answered"
    assert got["Call/Number"] == "anonymous (no number sent)"
    assert got["Call/Agent"] == "none (nobody took it)"
    assert got["Call/Transfer"] == "not transferred"
    assert got["Call/IVR keys (DTMF)"] == "no keys pressed"
    assert got["Times/Hung up"] == "—" and "Times/Talk time" not in got
    assert got["Attempts/Attempts"] == "none before this agent"
    assert got["Tags/Tags"] == "none"


def test_spans_and_key_paths():
    assert [seconds(n) for n in (0, 59, 60, 205, 3725)] == [
        "0 s", "59 s", "1 min 00 s", "3 min 25 s", "1 h 02 min"]
    assert dtmf_text(None) == "not sent"
