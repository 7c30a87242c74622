"""Issue 13 item 1: notes on a contact (many, dated, by an author, edited only by
their author with the edit audited) and the contact's one timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shared.calls import parse_call
from shared.errors import NotFound, ValidationError
from shared.model import Actor, ContactRef
from shared.notes import NotAuthor, NotesRepository
from shared.timeline import timeline
from tests.conftest import db_content

DESK = Actor.desktop()
API = Actor("api", "127.0.0.1")


@pytest.fixture
def person(store):
    return store.create_person({"firstName": "Eva", "lastName": "Berg", "city": "Köln"}, DESK)


def test_notes_are_many_dated_and_newest_first(store, clock, person):
    notes = NotesRepository(store)
    ref = ContactRef(None, person.id)
    first = notes.add(ref, "  Wants an offer  ", "Anna", DESK)
    clock.now += timedelta(hours=1)
    second = notes.add(ref, "Sent the offer", "Ben", DESK)
    assert first.body == "Wants an offer" and first.author == "Anna"
    assert [n.id for n in notes.for_contact(ref)] == [second.id, first.id]
    assert second.created_at > first.created_at
    assert not first.edited


def test_note_needs_text_author_and_a_contact(store, db_path, person):
    notes = NotesRepository(store)
    before = db_content(db_path)
    with pytest.raises(ValidationError):
        notes.add(ContactRef(None, person.id), "   ", "Anna", DESK)
    with pytest.raises(ValidationError):
        notes.add(ContactRef(None, person.id), "text", " ", DESK)
    with pytest.raises(NotFound):
        notes.add(ContactRef(None, "NOPE"), "text", "Anna", DESK)
    assert db_content(db_path) == before


def test_only_the_author_edits_and_the_edit_is_audited(store, clock, db_path, person):
    notes = NotesRepository(store)
    note = notes.add(ContactRef(None, person.id), "Call back Monday", "Anna", DESK)
    before = db_content(db_path)
    with pytest.raises(NotAuthor, match="Only Anna"):
        notes.edit(note.id, "Call back Tuesday", "Ben", DESK)
    assert db_content(db_path) == before
    clock.now += timedelta(minutes=5)
    edited = notes.edit(note.id, "Call back Tuesday", "Anna", DESK)
    assert edited.body == "Call back Tuesday" and edited.edited
    trail = store.audit_trail("person", person.id)
    assert trail[0].action == "edit_note"
    assert trail[0].changes["body"] == ["Call back Monday", "Call back Tuesday"]
    assert trail[0].changes["note"] == note.id


def test_notes_follow_a_merge(store, person):
    other = store.create_person({"firstName": "Eva", "lastName": "Berg"}, DESK)
    note = NotesRepository(store).add(ContactRef(None, other.id), "from the twin", "A", DESK)
    store.merge_persons(person.id, other.id, DESK)
    assert NotesRepository(store).get(note.id).person_id == person.id


def test_timeline_mixes_every_kind_newest_first_and_filters(store, clock):
    clock.now = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    person = store.create_person({"firstName": "Eva", "lastName": "Berg", "city": "Köln"},
                                 DESK)
    ref = ContactRef(None, person.id)
    store.create_campaign("promo", "Promo", API)
    clock.now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    store.record_call(parse_call({
        "id": "call-1", "timestampInit": "2026-11-26T09:30:00Z", "agent": "tom",
        "contact": {"company": None, "person": person.id}}), API)
    clock.now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    NotesRepository(store).add(ref, "Likes mornings", "Anna", DESK)
    clock.now = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)
    store.add_task("promo", ref, datetime(2026, 11, 27, 9, 0, tzinfo=UTC), DESK)
    clock.now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    store.set_do_not_call(ref, True, DESK, reason="asked")
    clock.now = datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
    store.update_person(person.id, {"city": "Bonn"}, DESK)

    entries = timeline(store, ref)
    kinds = [e.kind for e in entries]
    # Newest first: the field change, do-not-call, the task, the note, the call, and
    # the creation (a change) at the start.
    assert kinds == ["change", "dnc", "task", "note", "call", "change"]
    assert entries[-1].title == "Created"
    assert entries[0].detail == "City: Köln → Bonn"
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    assert [e.kind for e in timeline(store, ref, ["note"])] == ["note"]
    assert {e.kind for e in timeline(store, ref, ["call", "dnc"])} == {"call", "dnc"}
    # A do-not-call change appears once, as do-not-call, not again as a field change.
    assert sum(e.kind == "dnc" for e in entries) == 1
    assert not any(e.kind == "change" and "Do not call" in e.detail for e in entries)


def test_notes_todos_and_details_come_back_from_recently_deleted(store, person):
    from shared.person_details import PersonDetails
    from shared.todos import TodosRepository
    from shared.trash import list_trash, restore

    ref = ContactRef(None, person.id)
    note = NotesRepository(store).add(ref, "Keep me", "Anna", DESK)
    todo = TodosRepository(store).add("Anna", "Call her", datetime(2027, 1, 1, tzinfo=UTC),
                                      DESK, ref=ref)
    PersonDetails(store).update(person.id, {"jobTitle": "CFO"}, DESK)
    store.delete_person(person.id, DESK)
    with pytest.raises(NotFound):
        NotesRepository(store).get(note.id)
    restore(store, list_trash(store)[0].pk, DESK)
    assert NotesRepository(store).get(note.id).body == "Keep me"
    assert TodosRepository(store).get(todo.id).title == "Call her"
    assert PersonDetails(store).get(person.id).job_title == "CFO"
