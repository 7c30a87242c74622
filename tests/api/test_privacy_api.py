"""Privacy over HTTP: the block list after an erasure, and campaigns that need consent."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from shared import consent, privacy
from shared.model import Actor, ContactRef

from .conftest import unique_phone

DESK = Actor.desktop()
PAST = datetime(2026, 1, 1, tzinfo=UTC)


def _campaign(api, *, needs_consent: bool = False) -> str:
    campaign_id = f"promo_{uuid.uuid4().hex[:8]}"
    api.store.create_campaign(campaign_id, "Promo", DESK)
    if needs_consent:
        consent.set_needs_consent(api.store, campaign_id, True, DESK)
    return campaign_id


def _ids(contacts):
    return {(c["person"] or c["company"])["id"] for c in contacts}


def _dialed(api, campaign_id):
    r = api.get(f"/campaigns/{campaign_id}/contacts")
    assert r.status_code == 200, r.text
    contacts = _ids(r.json()["contacts"])
    r = api.get(f"/campaigns/{campaign_id}/tasks")
    assert r.status_code == 200, r.text
    tasks = _ids(t["contact"] for t in r.json()["tasks"])
    handed = set()
    while (r := api.get(f"/campaigns/{campaign_id}/next")).status_code == 200:
        handed |= _ids([r.json()["contact"]])
    assert r.status_code == 204, r.text
    return contacts, tasks, handed


def _place(api, campaign_id, ref):
    api.store.assign_contacts(campaign_id, [ref], DESK)
    api.store.add_task(campaign_id, ref, PAST, DESK)


def test_contact_created_with_an_erased_persons_number_is_never_dialed(api):
    phone, phone2 = unique_phone(), unique_phone()
    gone = api.person(phone=phone, phone2=phone2, email=f"{uuid.uuid4().hex[:6]}@example.org")
    privacy.erase_person(api.store, gone, reason="Art. 17", who="test")
    # Apollo creates the caller again, as a person and as a company.
    again = api.person(phone=phone)
    company = api.company(phone2=phone2)
    r = api.get(f"/persons/{again}")
    assert r.status_code == 200 and r.json()["person"]["doNotCall"] is True
    r = api.get(f"/companies/{company}")
    assert r.json()["company"]["doNotCall"] is True
    # A person updated to the number is flagged too.
    later = api.person()
    assert api.patch(f"/persons/{later}", {"person": {"phone": phone}}).status_code == 204
    assert api.get(f"/persons/{later}").json()["person"]["doNotCall"] is True
    fine = api.person(phone=unique_phone())
    assert api.get(f"/persons/{fine}").json()["person"]["doNotCall"] is False
    campaign_id = _campaign(api)
    for ref in (ContactRef(None, again), ContactRef(company), ContactRef(None, later),
                ContactRef(None, fine)):
        _place(api, campaign_id, ref)
    assert _dialed(api, campaign_id) == ({fine}, {fine}, {fine})


def test_erased_person_answers_empty_and_refuses_a_patch(api):
    phone = unique_phone()
    gone = api.person(phone=phone, city="Quastenbrück")
    privacy.erase_person(api.store, gone, reason="asked", who="test")
    person = api.get(f"/persons/{gone}").json()["person"]
    assert person["displayName"] == "Erased person"
    assert person["phone"] is None and person["city"] is None
    r = api.patch(f"/persons/{gone}", {"person": {"city": "Berlin"}})
    assert r.status_code == 409 and "was erased" in r.json()["message"]
    r = api.post("/contacts/search", {"query": {"phoneNumber": phone}})
    assert r.status_code == 200 and r.json()["contacts"] == []


def test_campaign_needing_consent_returns_only_contacts_with_consent(api):
    campaign_id = _campaign(api, needs_consent=True)
    without, given, withdrawn = api.person(), api.person(), api.person()
    company = api.company()
    staff = api.person(company)
    for ref in (ContactRef(None, without), ContactRef(None, given),
                ContactRef(None, withdrawn), ContactRef(company), ContactRef(company, staff)):
        _place(api, campaign_id, ref)
    store = api.store
    consent.add_consent(store, ContactRef(None, given), given_at=PAST, source="form",
                        actor=DESK)
    c = consent.add_consent(store, ContactRef(None, withdrawn), given_at=PAST, source="call",
                            actor=DESK)
    consent.withdraw_consent(store, c.id, DESK, PAST + timedelta(days=1))
    consent.add_consent(store, ContactRef(company), given_at=PAST, source="contract",
                        actor=DESK)
    assert _dialed(api, campaign_id) == ({given, company},) * 3
    # The same contacts in a campaign that does not need consent: all of them.
    open_id = _campaign(api)
    for ref in (ContactRef(None, without), ContactRef(None, given)):
        _place(api, open_id, ref)
    assert _dialed(api, open_id) == ({without, given},) * 3


@pytest.mark.parametrize("path", ["contacts", "tasks", "next"])
def test_unknown_campaign_is_still_404(api, path):
    r = api.get(f"/campaigns/nope_{uuid.uuid4().hex[:6]}/{path}")
    assert r.status_code == 404 and "message" in r.json()
