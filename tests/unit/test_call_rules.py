"""call_rules.decide: which task a call closes, reopens, creates, withdraws; who is flagged."""

from __future__ import annotations

import pytest

from shared.call_rules import (
    CallFacts,
    DncSetByCall,
    KnownContact,
    NewTaskSpec,
    PreviousEffects,
    Target,
    TaskFacts,
    decide,
    dnc_target,
)
from shared.ids import call_task_id

A, B, C, C2 = "PERSON-A", "PERSON-B", "COMPANY-C", "COMPANY-C2"
KNOWN_A = KnownContact(C, A, C)
KNOWN_C = KnownContact(C, None, None)


def campaign_call(task: str | None = "T", campaign: str = "K1", company: str | None = C,
                  person: str | None = A, **kw) -> CallFacts:
    return CallFacts(id="X", kind="campaign", source_id=campaign, task_id=task,
                     company_id=company, person_id=person, **kw)


def task(campaign: str = "K1", company: str | None = None, person: str | None = A,
         closed: bool = False, closed_by: str | None = None) -> TaskFacts:
    return TaskFacts("T", campaign, company, person, closed, closed_by)


@pytest.mark.parametrize("call, known, the_task, closes, note", [
    (campaign_call(), KNOWN_A, task(), "T", "closed task T"),
    (campaign_call(campaign="K1"), KNOWN_A, task(campaign="K2"), None,
     "task T not closed: it belongs to campaign K2, not K1"),
    (campaign_call(person=B), KnownContact(C, B, C), task(person=A), None,
     "task T not closed: it is a task of person PERSON-A, not of this call's contact"),
    (campaign_call(person=None), KNOWN_C, task(person=A), None,
     "task T not closed: it is a task of person PERSON-A, not of this call's contact"),
    # A company task closes for a call to one of its persons ...
    (campaign_call(), KNOWN_A, task(company=C, person=None), "T", "closed task T"),
    # ... also when the call names only the person (its company comes from the CRM) ...
    (campaign_call(company=None), KNOWN_A, task(company=C, person=None), "T", "closed task T"),
    # ... but not for a person of another company.
    (campaign_call(company=C2, person=B), KnownContact(C2, B, C2),
     task(company=C, person=None), None,
     "task T not closed: it is a task of company COMPANY-C, not of this call's contact"),
    (campaign_call(company=None, person=None), KnownContact(), task(), "T", "closed task T"),
    (campaign_call(), KNOWN_A, task(closed=True, closed_by="OTHER"), None,
     "task T was already closed"),
    (campaign_call(), KNOWN_A, task(closed=True, closed_by=None), None,
     "task T was already closed"),
    (campaign_call(), KNOWN_A, None, None, "unknown task T (nothing closed)"),
    (CallFacts("X", "inbound", "tech_level_1", "T", C, A), KNOWN_A, task(), None,
     "task T not closed: only a campaign call closes a task"),
])
def test_which_task_a_call_closes(call, known, the_task, closes, note):
    d = decide(call, known, the_task, None, target_flagged=False)
    assert d.close_task == closes
    assert d.notes == [note]
    assert d.reopen_tasks == []


def test_replay_that_still_closes_its_task_keeps_it_and_says_closed():
    d = decide(campaign_call(), KNOWN_A, task(closed=True, closed_by="X"),
               PreviousEffects(closed_task_ids=("T",)), target_flagged=False)
    assert (d.close_task, d.reopen_tasks, d.notes) == (None, [], ["closed task T"])


@pytest.mark.parametrize("call, the_task", [
    (CallFacts("X", "inbound", "queue_1", None, C, B), None),
    (campaign_call(campaign="K2"), task(closed=True, closed_by="X")),
    (campaign_call(task="T2"), TaskFacts("T2", "K1", None, A, False)),
])
def test_replay_reopens_the_task_the_earlier_version_closed(call, the_task):
    d = decide(call, KNOWN_A, the_task, PreviousEffects(closed_task_ids=("T",)), False)
    assert d.reopen_tasks == ["T"]
    assert "reopened task T, which the earlier version closed" in d.notes


@pytest.mark.parametrize("call, known, flagged, flag, note", [
    (campaign_call(do_not_call=True), KNOWN_A, False, Target(None, A),
     "flagged person PERSON-A do-not-call"),
    (campaign_call(do_not_call=True, person=None, task=None), KNOWN_C, False, Target(C, None),
     "flagged company COMPANY-C do-not-call"),
    (campaign_call(do_not_call=True), KNOWN_A, True, None,
     "person PERSON-A was already do-not-call"),
    # An unknown person never flags the company instead.
    (campaign_call(do_not_call=True, person="NOBODY", task=None), KNOWN_C, False, None,
     "doNotCall: nothing was flagged (unknown person NOBODY)"),
    (campaign_call(do_not_call=True, company="NONE", person=None, task=None), KnownContact(),
     False, None, "doNotCall: nothing was flagged (no known contact)"),
])
def test_who_a_call_flags(call, known, flagged, flag, note):
    d = decide(call, known, None, None, flagged)
    assert d.flag == flag and d.unflag is None
    assert d.notes[-1] == note


def test_dnc_target_of_unknown_person_is_none():
    call = campaign_call(person="NOBODY", do_not_call=True)
    assert dnc_target(call, KNOWN_C) is None


@pytest.mark.parametrize("new_dnc, new_person, again, unflag, flag, note", [
    # v2 does not ask for it: lifted
    (False, A, False, Target(None, A), None,
     "lifted do-not-call of person PERSON-A, which the earlier version set"),
    # v2 asks for another person: A lifted, B flagged
    (True, B, False, Target(None, A), Target(None, B),
     "lifted do-not-call of person PERSON-A, which the earlier version set"),
    # someone set it again since: kept
    (False, A, True, None, None, "person PERSON-A stays do-not-call: it was set again since"),
    # v2 asks for the same: kept, no second flag, the same words as the first time
    (True, A, False, None, None, "flagged person PERSON-A do-not-call"),
])
def test_replay_lifts_the_flag_the_earlier_version_set(new_dnc, new_person, again, unflag, flag,
                                                       note):
    known = KnownContact(C, new_person, C)
    call = CallFacts("X", "inbound", "queue_1", None, C, new_person, do_not_call=new_dnc)
    previous = PreviousEffects(dnc=DncSetByCall(Target(None, A), set_again_since=again))
    d = decide(call, known, None, previous, target_flagged=new_person == A)
    assert (d.unflag, d.flag) == (unflag, flag)
    assert note in d.notes


def test_new_tasks_get_stable_ids_and_replays_withdraw_the_rest():
    specs = (NewTaskSpec("K1", "2026-12-01T10:00:00.000Z", "first"),)
    call = CallFacts("X", "inbound", "queue_1", None, C, A, new_tasks=specs)
    previous = PreviousEffects(open_created_task_ids=(call_task_id("X", 0),
                                                      call_task_id("X", 1)))
    d = decide(call, KNOWN_A, None, previous, False)
    assert [(t.id, t.target, t.annotation) for t in d.create_tasks] == [
        (call_task_id("X", 0), Target(None, A), "first")]
    assert d.withdraw_tasks == [call_task_id("X", 1)]
    assert d.notes == ["1 new task(s)"]


@pytest.mark.parametrize("known, target, skipped", [
    (KNOWN_A, Target(None, A), 0),
    # new tasks of a call to an unknown person of a known company go to the company
    (KnownContact(C, None, None), Target(C, None), 0),
    (KnownContact(), None, 1),
])
def test_new_tasks_go_to_the_known_contact(known, target, skipped):
    call = CallFacts("X", "inbound", "q", None, C, A,
                     new_tasks=(NewTaskSpec("K1", "2026-12-01T10:00:00.000Z"),))
    d = decide(call, known, None, None, False)
    assert [t.target for t in d.create_tasks] == ([target] if target else [])
    assert d.tasks_skipped == skipped
