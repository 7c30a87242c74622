"""Consent records, campaigns that need consent, and retention, on both engines."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from shared import consent, privacy_log, retention
from shared.calls import parse_call
from shared.errors import NotFound, ValidationError
from shared.model import Actor, ContactRef

API = Actor("api", "127.0.0.1")
DESK = Actor.desktop()


@pytest.fixture
def promo(store):
    store.create_campaign("promo", "Promo", API)
    a = store.create_person({"lastName": "Asks"}, API)
    b = store.create_person({"lastName": "Gave"}, API)
    c = store.create_company({"name": "Corp"}, API)
    refs = [ContactRef(None, a.id), ContactRef(None, b.id), ContactRef(c.id)]
    store.assign_contacts("promo", refs, API)
    for ref in refs:
        store.add_task("promo", ref, store.clock() - timedelta(hours=1), DESK)
    return a, b, c


def _dialed(store):
    contacts = {v.person_id or v.company_id for v in store.campaign_contacts("promo")}
    tasks = {t.contact.person_id or t.contact.company_id for t in store.open_tasks("promo")}
    nexts = set()
    while (v := store.next_contact("promo")) is not None:
        nexts.add(v.person_id or v.company_id)
    return contacts, tasks, nexts


def test_campaign_needing_consent_offers_only_consenting_contacts(store, promo, clock):
    a, b, c = promo
    everyone = {a.id, b.id, c.id}
    assert _dialed(store) == (everyone, everyone, everyone)
    consent.add_consent(store, ContactRef(None, b.id), given_at=clock(), source="web form",
                        actor=DESK)
    given = consent.add_consent(store, ContactRef(c.id), given_at=clock(),
                                source="signed form", file_ref="scan-17.pdf", actor=DESK)
    assert consent.set_needs_consent(store, "promo", True, DESK)
    clock.now += timedelta(minutes=6)  # the hand-outs above ran out
    assert _dialed(store) == ({b.id, c.id},) * 3
    consent.withdraw_consent(store, given.id, DESK)
    clock.now += timedelta(minutes=6)
    assert _dialed(store) == ({b.id},) * 3
    # The desktop still sees the whole list.
    assert len(store.campaign_contacts("promo", for_dialer=False)) == 3
    assert store.audit_trail("campaign", "promo")[0].changes == {"needs_consent": [False, True]}


def test_consent_of_a_company_does_not_cover_its_persons(store, clock):
    store.create_campaign("promo", "Promo", API)
    c = store.create_company({"name": "Corp"}, API)
    p = store.create_person({"lastName": "Staff"}, API, company_id=c.id)
    store.assign_contacts("promo", [ContactRef(c.id, p.id)], API)
    consent.add_consent(store, ContactRef(c.id), given_at=clock(), source="x", actor=DESK)
    consent.set_needs_consent(store, "promo", True, DESK)
    assert store.campaign_contacts("promo") == []


def test_consent_needs_a_source_and_a_known_contact(store, clock):
    p = store.create_person({"lastName": "P"}, API)
    with pytest.raises(ValidationError, match="how the consent was given"):
        consent.add_consent(store, ContactRef(None, p.id), given_at=clock(), source=" ",
                            actor=DESK)
    with pytest.raises(NotFound):
        consent.add_consent(store, ContactRef(None, "nope"), given_at=clock(), source="x",
                            actor=DESK)
    with pytest.raises(NotFound):
        consent.set_needs_consent(store, "nope", True, DESK)


def test_proof_is_kept_five_years_after_last_campaign_call(store, promo, clock, tmp_path):
    _, b, _ = promo
    ref = ContactRef(None, b.id)
    c = consent.add_consent(store, ref, given_at=datetime(2026, 1, 10, tzinfo=UTC),
                            source="phone, recording 4711", given_by="peggy", actor=DESK)
    assert c.keep_until.startswith("2031-01-10") and c.last_used_at is None
    store.record_call(parse_call({"id": "k1", "timestampInit": "2026-11-20T09:00:00Z",
                                  "contact": {"company": None, "person": b.id},
                                  "source": {"type": "campaign", "id": "promo"}}), API)
    (c,) = consent.consents_for(store, ref)
    assert c.last_used_at.startswith("2026-11-20") and c.keep_until.startswith("2031-11-20")
    out = tmp_path / "proof.json"
    consent.write_proof(store, ref, str(out), who="Erika")
    data = json.loads(out.read_text())
    assert data["contact"]["person"]["id"] == b.id
    assert data["consents"][0]["source"] == "phone, recording 4711"
    assert data["last_campaign_call"].startswith("2026-11-20")
    assert privacy_log.events(store)[0].action == "consent-export"


def test_retention_is_off_by_default(store, clock):
    assert not retention.policy(store).enabled
    assert retention.run_if_due(store, clock()) is None


def test_retention_preview_then_run_deletes_old_calls_and_anonymises_idle(store, clock):
    old_p = store.create_person({"lastName": "Oldtimer", "phone": "+4989555000"}, API)
    clock.now += timedelta(days=365 * 3)
    fresh = store.create_person({"lastName": "Fresh"}, API)
    store.record_call(parse_call({"id": "old", "timestampInit": "2027-01-01T09:00:00Z",
                                  "contact": {"company": None, "person": fresh.id}}), API)
    store.record_call(parse_call({"id": "new", "timestampInit": "2029-11-01T09:00:00Z",
                                  "contact": {"company": None, "person": fresh.id}}), API)
    rules = retention.RetentionPolicy(call_months=24, person_years=2)
    retention.save_policy(store, rules)
    plan = retention.preview(store, clock())
    assert [c[0] for c in plan.calls] == ["old"] and plan.call_count == 1
    assert [p[0] for p in plan.persons] == [old_p.id]
    assert store.count_calls() == 2  # a preview changes nothing
    result = retention.run_if_due(store, clock())
    assert (result.calls_deleted, result.persons_anonymised) == (1, 1)
    assert [c.id for c in store.calls_for_contact(ContactRef(None, fresh.id))] == ["new"]
    assert store.get_person(old_p.id).name == "Erased person"
    assert store.get_person(fresh.id).name == "Fresh"
    actions = [(e.actor, e.action) for e in privacy_log.events(store)]
    assert ("retention", "retention") in actions and ("retention", "erase") in actions
    assert retention.run_if_due(store, clock()) is None  # once a day
    clock.now += timedelta(days=1)
    assert retention.run_if_due(store, clock()).calls_deleted == 0


@pytest.mark.parametrize("value", ["-1", "abc", "1201"])
def test_retention_periods_are_checked(store, value):
    with pytest.raises(ValidationError, match="whole number"):
        retention.save_policy(store, retention.RetentionPolicy(call_months=value))


def test_an_erased_persons_consent_proof_goes_five_years_after_last_use(store, clock):
    from shared import privacy

    p = store.create_person({"lastName": "Gone"}, API)
    consent.add_consent(store, ContactRef(None, p.id), given_at=clock(), source="form",
                        actor=DESK)
    privacy.erase_person(store, p.id, reason="asked", who="cli")
    (kept,) = consent.consents_for(store, ContactRef(None, p.id))
    assert kept.withdrawn_at is not None  # erased: withdrawn, but the proof is kept
    assert retention.run_if_due(store, clock() + timedelta(days=365 * 5)) is None
    result = retention.run_if_due(store, clock() + timedelta(days=365 * 5 + 2))
    assert result.consents_deleted == 1
    assert consent.consents_for(store, ContactRef(None, p.id)) == []


def test_deleting_old_calls_recounts_the_campaign_places(store, clock):
    store.create_campaign("promo", "Promo", API)
    p = store.create_person({"lastName": "Called"}, API)
    store.assign_contacts("promo", [ContactRef(None, p.id)], API)
    for call_id, at in (("old", "2020-01-01T09:00:00Z"), ("new", "2026-11-01T09:00:00Z")):
        store.record_call(parse_call({"id": call_id, "timestampInit": at,
                                      "contact": {"company": None, "person": p.id},
                                      "source": {"type": "campaign", "id": "promo"}}), API)
    count = "SELECT call_count, last_call_at FROM campaign_contacts WHERE person_id = ?"
    assert store._one(count, (p.id,))[0] == 2
    assert retention.delete_calls_before(store, "2021-01-01T00:00:00.000Z") == 1
    n, last = store._one(count, (p.id,))
    assert n == 1 and last.startswith("2026-11-01")


def test_deleting_old_calls_keeps_the_last_use_of_a_consent(store, clock):
    p = store.create_person({"lastName": "Used"}, API)
    ref = ContactRef(None, p.id)
    consent.add_consent(store, ref, given_at=datetime(2020, 1, 1, tzinfo=UTC), source="form",
                        actor=DESK)
    store.record_call(parse_call({"id": "k1", "timestampInit": "2021-06-01T09:00:00Z",
                                  "contact": {"company": None, "person": p.id},
                                  "source": {"type": "campaign", "id": "promo"}}), API)
    assert consent.consents_for(store, ref)[0].keep_until.startswith("2026-06-01")
    retention.delete_calls_before(store, "2022-01-01T00:00:00.000Z")
    assert store.count_calls() == 0
    (c,) = consent.consents_for(store, ref)
    assert c.last_used_at.startswith("2021-06-01") and c.keep_until.startswith("2026-06-01")
