"""Issue 13 item 5: personal to-dos (no campaign): owner, due time, reminder once per
due time, snooze, done; on the contact's timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shared.errors import NotFound, ValidationError
from shared.model import Actor, ContactRef
from shared.timeline import timeline
from shared.todos import TodosRepository
from tests.conftest import db_content

DESK = Actor.desktop()
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_mine_lists_only_the_owners_open_todos_by_due_time(store):
    todos = TodosRepository(store)
    late = todos.add("Anna", "Send offer", NOW + timedelta(days=2), DESK)
    soon = todos.add("Anna", "Call tax office", NOW + timedelta(hours=1), DESK)
    todos.add("Ben", "Ben's own", NOW, DESK)
    assert [t.id for t in todos.mine("Anna")] == [soon.id, late.id]
    todos.set_done(soon.id, True, DESK)
    assert [t.id for t in todos.mine("Anna")] == [late.id]
    assert [t.id for t in todos.mine("Anna", include_done=True)] == [late.id, soon.id]


def test_due_reminds_once_and_snooze_reminds_again(store, clock):
    todos = TodosRepository(store)
    t = todos.add("Anna", "Call back Frau Berg", NOW + timedelta(minutes=30), DESK)
    assert todos.due("Anna") == []
    clock.now = NOW + timedelta(minutes=31)
    assert [d.id for d in todos.due("Anna")] == [t.id]
    assert todos.due("Ben") == []
    todos.mark_notified([t.id])
    assert todos.due("Anna") == []
    snoozed = todos.snooze(t.id, clock.now + timedelta(minutes=10), DESK)
    assert snoozed.snoozed and snoozed.due_at == t.due_at
    assert todos.due("Anna") == []
    clock.now += timedelta(minutes=11)
    assert [d.id for d in todos.due("Anna")] == [t.id]
    todos.set_done(t.id, True, DESK)
    assert todos.due("Anna") == []
    assert store.audit_trail("todo", t.id)[0].action == "done"


def test_bad_todos_change_nothing(store, db_path):
    todos = TodosRepository(store)
    before = db_content(db_path)
    with pytest.raises(ValidationError):
        todos.add("Anna", "  ", NOW, DESK)
    with pytest.raises(ValidationError):
        todos.add("", "x", NOW, DESK)
    with pytest.raises(NotFound):
        todos.add("Anna", "x", NOW, DESK, ref=ContactRef(None, "NOPE"))
    assert db_content(db_path) == before


def test_a_contacts_todo_is_on_its_timeline_not_in_campaign_tasks(store):
    p = store.create_person({"lastName": "Berg"}, DESK)
    store.create_campaign("promo", "Promo", DESK)
    TodosRepository(store).add("Anna", "Bring the contract", NOW, DESK,
                               ref=ContactRef(None, p.id))
    entries = timeline(store, ContactRef(None, p.id), ["task"])
    assert [(e.detail, e.by) for e in entries] == [("Bring the contract", "Anna")]
    assert store.list_tasks(ref=ContactRef(None, p.id), include_closed=True) == []
    assert store.open_tasks("promo") == []
