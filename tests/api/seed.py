"""The request bodies of the published reference (../shared/seed), as printed there."""

from __future__ import annotations

import copy
from typing import Any

COMPANY_ID = "64A865FC-732B-E811-A954-000D3A246A83"
PERSON_ID = "83FA8C8A-77AB-4946-A8A0-6E921071176A"

SHOW = {"contact": {"person": {"id": PERSON_ID}, "company": {"id": COMPANY_ID}}}
SEARCH = {"query": {"phoneNumber": "+4350456"}}
CREATE_COMPANY = {"contact": {"company": {
    "name": "CX Labs GmbH", "address": "Prinzregentenstrasse 54", "zipCode": "80538",
    "city": "München", "country": "DE", "phone": "+498944322883100", "phone2": None,
    "email": "office@cxlabs.de", "annotation": "Sauber!"}}}
UPDATE_COMPANY = {"company": {"email": "office@cxlabs.at"}}
CREATE_PERSON = {"contact": {"company": {"id": COMPANY_ID}, "person": {
    "salutation": "Herr", "firstName": "Robert", "lastName": "Klein", "city": "",
    "phone": "+498944322883100", "phone2": None, "email": "rob@cxlabs.de",
    "annotation": "Cooler Typ"}}}
UPDATE_PERSON = {"person": {"city": "München"}}
CALL = {"call": {
    "agent": "peggy.sue",
    "annotation": "Some difficulties with the ignition.",
    "attempts": [{"agent": "john.doe", "timestampClosed": "2020-10-28T10:34:18.040Z",
                  "timestampAssigned": "2020-10-28T10:33:48.126Z"}],
    "contact": {"company": COMPANY_ID, "person": PERSON_ID},
    "dtmfPath": "",
    "newTasks": [{"campaign": "tech_level_2", "timestamp": "2020-10-28T11:00:00.00Z",
                  "annotation": "Ask for Steven!"}],
    "transfer": {"id": "accounting", "type": "queue"},
    "id": "1c4881e2-3df2-403c-834b-a16a982780a1",
    "phoneNumber": None,
    "source": {"id": "tech_level_1", "type": "queue"},
    "tags": [{"category": "reason", "id": "mechanical", "payload": {"part": "IGN"}},
             {"category": "model", "id": "class_S", "payload": None},
             {"category": "resolution", "id": "send_voucher",
              "payload": {"email": "some@email.com"}}],
    "timestampAssigned": "2020-10-28T10:34:18.048Z",
    "timestampClosed": "2020-10-28T10:39:84.392Z",
    "timestampEnd": "2020-10-28T10:49:55.351Z",
    "timestampInit": "2020-10-28T10:33:48.124Z",
    "timestampStart": "2020-10-28T10:34:20.528Z",
    "doNotCall": False}}


def seed(body: dict[str, Any]) -> dict[str, Any]:
    """A fresh copy, so tests can change it."""
    return copy.deepcopy(body)


def call_with(contact_company: str | None, contact_person: str | None,
              **changes: Any) -> dict[str, Any]:
    """The seed's call with a valid timestampClosed, a new id and the given contact."""
    import uuid

    body = seed(CALL)
    body["call"]["timestampClosed"] = "2020-10-28T10:39:54.392Z"
    body["call"]["id"] = str(uuid.uuid4())
    body["call"]["contact"] = {"company": contact_company, "person": contact_person}
    body["call"].update(changes)
    return body
