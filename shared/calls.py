"""Reading a call as Apollo posts it into a CallRecord, checking every value.

The JSON shape is checked against the OpenAPI document before this runs (in
the API); here the values are checked (timestamps, phone numbers, ids) and
the old field names of the contract (``source.taskId``,
``newTasks[].campaignId``) are accepted as aliases.
"""

from __future__ import annotations

import json
from typing import Any

from . import phones
from .errors import ValidationError
from .model import CallAttempt, CallRecord, CallTag, NewTask, check_id, nfc
from .timeutil import to_db_form

TIMESTAMP_FIELDS = (
    "timestampInit",
    "timestampAssigned",
    "timestampStart",
    "timestampEnd",
    "timestampClosed",
)


def _obj(value: Any, field: str, *, nullable: bool = True) -> dict[str, Any] | None:
    if value is None and nullable:
        return None
    if not isinstance(value, dict):
        raise ValidationError(f"{field} must be an object{' or null' if nullable else ''}.",
                              field=field)
    return value


def _list(value: Any, field: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValidationError(f"{field} must be a list.", field=field)
    return value


def _text(value: Any, field: str, max_length: int = 200, *, prose: bool = False) -> str | None:
    """A string field; ``prose`` (agent, notes, not ids) is normalised to NFC first."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be a string or null.", field=field)
    if prose:
        value = nfc(value)
    if len(value) > max_length:
        raise ValidationError(f"{field} is too long (at most {max_length} characters).",
                              field=field)
    if "\x00" in value:
        raise ValidationError(f"{field} contains a NUL character.", field=field)
    return value


def _ts(value: Any, field: str) -> str | None:
    if value is None:
        return None
    return to_db_form(value, field)


def parse_call(call: Any, prefix: str = "call") -> CallRecord:
    """Parse the ``call`` object of ``POST /calls``; raise ValidationError naming the field."""
    call = _obj(call, prefix, nullable=False)
    assert call is not None
    call_id = check_id(call.get("id"), f"{prefix}.id")

    contact = _obj(call.get("contact"), f"{prefix}.contact") or {}
    company_id = _text(contact.get("company"), f"{prefix}.contact.company")
    person_id = _text(contact.get("person"), f"{prefix}.contact.person")

    phone = call.get("phoneNumber")
    if phone is not None:
        phones.check_e164(phone, f"{prefix}.phoneNumber")

    source = _obj(call.get("source"), f"{prefix}.source")
    source_type = source_id = source_task = None
    if source is not None:
        source_type = _text(source.get("type"), f"{prefix}.source.type")
        source_id = _text(source.get("id"), f"{prefix}.source.id")
        if not source_type or not source_id:
            raise ValidationError(
                f"{prefix}.source needs a type and an id, e.g. "
                '{"type": "queue", "id": "tech_level_1"}.',
                field=f"{prefix}.source",
            )
        task = source.get("task", source.get("taskId"))
        source_task = _text(task, f"{prefix}.source.task")
    if source is None:
        kind = "outbound"
    elif source_type == "campaign":
        kind = "campaign"
    else:
        kind = "inbound"

    transfer = _obj(call.get("transfer"), f"{prefix}.transfer")
    transfer_type = transfer_id = None
    if transfer is not None:
        transfer_type = _text(transfer.get("type"), f"{prefix}.transfer.type")
        transfer_id = _text(transfer.get("id"), f"{prefix}.transfer.id")

    attempts = []
    for i, a in enumerate(_list(call.get("attempts"), f"{prefix}.attempts")):
        f = f"{prefix}.attempts[{i}]"
        a = _obj(a, f, nullable=False)
        attempts.append(CallAttempt(
            agent=_text(a.get("agent"), f"{f}.agent", prose=True),
            timestamp_assigned=_ts(a.get("timestampAssigned"), f"{f}.timestampAssigned"),
            timestamp_closed=_ts(a.get("timestampClosed"), f"{f}.timestampClosed"),
        ))

    tags = []
    for i, t in enumerate(_list(call.get("tags"), f"{prefix}.tags")):
        f = f"{prefix}.tags[{i}]"
        t = _obj(t, f, nullable=False)
        category = _text(t.get("category"), f"{f}.category")
        tag = _text(t.get("id"), f"{f}.id")
        if category is None or tag is None:
            raise ValidationError(f"{f} needs a category and an id.", field=f)
        tags.append(CallTag(category, tag, t.get("payload")))

    new_tasks = []
    for i, t in enumerate(_list(call.get("newTasks"), f"{prefix}.newTasks")):
        f = f"{prefix}.newTasks[{i}]"
        t = _obj(t, f, nullable=False)
        campaign = t.get("campaign", t.get("campaignId"))
        campaign = check_id(campaign, f"{f}.campaign")
        ts = _ts(t.get("timestamp"), f"{f}.timestamp")
        if ts is None:
            raise ValidationError(f"{f}.timestamp is required.", field=f"{f}.timestamp")
        new_tasks.append(NewTask(campaign, ts, _text(t.get("annotation"), f"{f}.annotation",
                                                     10000, prose=True)))

    dnc = call.get("doNotCall")
    if dnc is not None and not isinstance(dnc, bool):
        raise ValidationError(f"{prefix}.doNotCall must be true or false.",
                              field=f"{prefix}.doNotCall")

    stamps = {name: _ts(call.get(name), f"{prefix}.{name}") for name in TIMESTAMP_FIELDS}
    return CallRecord(
        id=call_id,
        kind=kind,
        agent=_text(call.get("agent"), f"{prefix}.agent", prose=True),
        company_id=company_id,
        person_id=person_id,
        phone_number=phone,
        source_type=source_type,
        source_id=source_id,
        source_task=source_task,
        transfer_type=transfer_type,
        transfer_id=transfer_id,
        dtmf_path=_text(call.get("dtmfPath"), f"{prefix}.dtmfPath", 100),
        annotation=_text(call.get("annotation"), f"{prefix}.annotation", 10000, prose=True),
        do_not_call=bool(dnc),
        timestamp_init=stamps["timestampInit"],
        timestamp_assigned=stamps["timestampAssigned"],
        timestamp_start=stamps["timestampStart"],
        timestamp_end=stamps["timestampEnd"],
        timestamp_closed=stamps["timestampClosed"],
        attempts=attempts,
        tags=tags,
        new_tasks=new_tasks,
        raw_json=json.dumps({"call": call}, ensure_ascii=False, separators=(",", ":")),
    )
