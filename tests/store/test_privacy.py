"""Export, erasure, the block list and the privacy log, on both engines.

What an erasure leaves is read from outside the store: on SQLite every cell of every
table (FTS shadow tables included) and the file's bytes; on PostgreSQL every cell, from
a second connection, and every row version still in the tables' pages (pageinspect),
dead ones included.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from shared import blocklist, consent, privacy, privacy_export, privacy_log
from shared.calls import parse_call
from shared.errors import NotFound, ValidationError
from shared.model import Actor, ContactRef

API = Actor("api", "127.0.0.1")
DESK = Actor.desktop()
NAME_FIRST, NAME_LAST = "Henrietta", "Quastenbrink"
PHONE, PHONE2 = "+4989123456789", "+436641234567"
EMAIL = "henrietta.quastenbrink@example.org"
SECRETS = [NAME_LAST, f"{NAME_FIRST} {NAME_LAST}", PHONE, PHONE2, PHONE.lstrip("+"), EMAIL,
           "Quastenbrinkstr", "Quastenbrinkweg", "Brewmaster", "Prefers mornings"]


@pytest.fixture
def world(store):
    """A person with calls (tags with payloads, attempts, notes), tasks, campaign places,
    do-not-call history, a consent, audit entries, and mentions in other records."""
    company = store.create_company({"name": "Brauerei Alt", "phone": "+498912340"}, API)
    other = store.create_person({"firstName": "Otto", "lastName": "Normal",
                                 "phone": "+4930111222"}, API, company_id=company.id)
    p = store.create_person({"salutation": "Frau", "firstName": NAME_FIRST,
                             "lastName": NAME_LAST, "phone": PHONE, "phone2": PHONE2,
                             "email": EMAIL, "city": "Quastenbrinkstadt",
                             "annotation": "Lives at Quastenbrinkstr 4"}, API,
                            company_id=company.id)
    store.update_person(p.id, {"city": "Quastenbrinkdorf"}, DESK)
    store.create_campaign("promo", "Promo", API)
    store.assign_contacts("promo", [ContactRef(None, p.id), ContactRef(None, other.id)], API)
    store.add_task("promo", ContactRef(None, p.id), store.clock(), DESK,
                   annotation=f"Call {NAME_FIRST} back")
    body = {"id": "call-1", "agent": "peggy", "timestampInit": "2026-11-20T10:00:00Z",
            "phoneNumber": PHONE, "annotation": f"{NAME_FIRST} {NAME_LAST} wants a brochure",
            "contact": {"company": company.id, "person": p.id},
            "source": {"type": "campaign", "id": "promo", "task": None},
            "attempts": [{"agent": "peggy", "timestampAssigned": "2026-11-20T10:00:00Z"}],
            "tags": [{"category": "result", "id": "interested",
                      "payload": {"email": EMAIL, "note": f"ask for {NAME_LAST}"}}]}
    store.record_call(parse_call(body), API)
    # Apollo posts it again with a new note: the replace is audited with the old one.
    store.record_call(parse_call(body | {"annotation": f"{NAME_LAST} again"}), API)
    # An inbound call from the number, not linked to the person.
    store.record_call(parse_call({"id": "call-2", "timestampInit": "2026-11-21T10:00:00Z",
                                  "phoneNumber": PHONE2}), API)
    store.set_do_not_call(ContactRef(None, p.id), True, DESK,
                          reason=f"{NAME_LAST} said no on the phone")
    consent.add_consent(store, ContactRef(None, p.id), given_at=store.clock(),
                        source="web form", given_by="peggy", actor=DESK)
    # The desktop's own: notes, a to-do, job and postal address.
    from shared.notes import NotesRepository
    from shared.person_details import PersonDetails
    from shared.todos import TodosRepository

    NotesRepository(store).add(ContactRef(None, p.id), "Prefers mornings, Quastenbrinkweg",
                               "peggy", DESK)
    TodosRepository(store).add("peggy", "Send the brochure to Quastenbrinkweg 5",
                               store.clock(), DESK, ref=ContactRef(None, p.id))
    PersonDetails(store).update(p.id, {"jobTitle": "Brewmaster",
                                       "address": "Quastenbrinkweg 5"}, DESK)
    # Others quote the person, one of them deleted (waiting in Recently deleted).
    store.update_company(company.id, {"annotation": f"Ask for {NAME_FIRST} {NAME_LAST}"}, DESK)
    ghost = store.create_person({"lastName": "Geist",
                                 "annotation": f"Cousin of {NAME_FIRST} {NAME_LAST}"}, API)
    store.delete_person(ghost.id, DESK)
    assert store._one("SELECT count(*) FROM trash WHERE snapshot LIKE ?",
                      (f"%{NAME_LAST}%",))[0] == 1
    return p, other, company


def test_export_holds_everything_stored_about_the_person(store, world):
    p, _, company = world
    data = privacy_export.export_person(store, p.id)
    assert data["person"]["email"] == EMAIL and data["person"]["phone2"] == PHONE2
    assert data["company"] == {"id": company.id, "name": "Brauerei Alt"}
    (call,) = data["calls"]
    assert call["id"] == "call-1" and call["annotation"] == f"{NAME_LAST} again"
    assert call["tags"][0]["payload"]["email"] == EMAIL
    assert call["attempts"][0]["agent"] == "peggy"
    assert [t["annotation"] for t in data["tasks"]] == [f"Call {NAME_FIRST} back"]
    assert [pl["campaign_id"] for pl in data["campaign_places"]] == ["promo"]
    assert data["do_not_call_history"][0]["reason"] == f"{NAME_LAST} said no on the phone"
    assert data["consents"][0]["source"] == "web form"
    assert {a["action"] for a in data["audit"]} >= {"create", "update", "do_not_call"}
    assert data["person"]["job_title"] == "Brewmaster"
    assert data["notes"][0]["body"].startswith("Prefers mornings")
    assert data["todos"][0]["title"].startswith("Send the brochure")
    json.dumps(data)  # one JSON document


def _pg(address: object) -> bool:
    return str(address).startswith("postgresql://")


def test_write_export_logs_without_personal_data(store, world, tmp_path, db_path):
    p, _, _ = world
    out, html = tmp_path / "p.json", tmp_path / "p.html"
    privacy_export.write_export(store, p.id, out, who="Erika", html_out=html)
    assert json.loads(out.read_text())["person"]["last_name"] == NAME_LAST
    text = html.read_text()
    assert NAME_LAST in text and "<table>" in text and "Consent to advertising calls" in text
    (event,) = privacy_log.events(store)
    assert (event.actor, event.action, event.entity_id) == ("Erika", "export", p.id)
    (row,) = _every_row(db_path, "privacy_log")
    assert p.id in row and not any(s in row for s in SECRETS)
    if _pg(db_path):
        return  # no file of this PC: the privacy log is the table
    side = privacy_log.sidecar_path(db_path).read_text()
    assert p.id in side
    for s in SECRETS:
        assert s not in side


def _every_row(address: object, table: str) -> list[str]:
    """The rows of one table as text, read over a connection of its own."""
    return [repr(v) for t, v in _every_value(address, rows=True) if t == table]


def _every_value(address: object, *, rows: bool = False) -> list[tuple[str, object]]:
    """Every cell of every table (FTS shadow tables included), read over a connection of
    its own; with ``rows``, every row as one tuple."""
    if _pg(address):
        import psycopg

        with psycopg.connect(str(address), autocommit=True) as pg:
            tables = [r[0] for r in pg.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
            out = []
            for t in tables:
                for row in pg.execute(f'SELECT * FROM "{t}"'):
                    out += [(t, row)] if rows else [(t, v) for v in row]
            return out
    conn = sqlite3.connect(address)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = []
        for t in tables:
            for row in conn.execute(f'SELECT * FROM "{t}"'):
                out += [(t, row)] if rows else [(t, v) for v in row]
        return out
    finally:
        conn.close()


def _stored_bytes(store, address: object) -> bytes:
    """What the engine keeps on disk that a reader of the raw storage could find: on
    SQLite the file and its WAL (after a checkpoint); on PostgreSQL every row version
    still in a table's pages, live or dead (VACUUM removes the dead ones)."""
    if not _pg(address):
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wal = Path(f"{address}-wal")
        return Path(address).read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    import psycopg

    with psycopg.connect(str(address), autocommit=True) as pg:
        pg.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        out = []
        for (table,) in pg.execute("SELECT tablename FROM pg_tables"
                                   " WHERE schemaname = 'public'").fetchall():
            out += [bytes(r[0]) for r in pg.execute(
                "SELECT i.t_data FROM generate_series(0, pg_relation_size(%s::regclass)"
                " / current_setting('block_size')::int - 1) AS b,"
                " heap_page_items(get_raw_page(%s, b::int)) AS i"
                " WHERE i.t_data IS NOT NULL", (table, table))]
        return b"".join(out)


def _holds(value: object, secret: str) -> bool:
    if isinstance(value, bytes):
        return secret.encode() in value or secret.lower().encode() in value
    return isinstance(value, str) and secret.lower() in value.lower()


def test_erase_leaves_no_name_number_or_email_in_any_table_or_the_file(store, world, db_path):
    p, other, company = world
    before = _every_value(db_path)
    assert any(_holds(v, NAME_LAST) for _, v in before)  # the scan would see it
    result = privacy.erase_person(store, p.id, reason="Art. 17 request of 2026-11-26",
                                  who="Erika")
    assert result.calls_cleared == 2 and result.tasks_removed == 1
    assert result.numbers_blocked == 2
    left = [(t, v) for t, v in _every_value(db_path) for s in SECRETS if _holds(v, s)]
    assert left == []
    # Nor in free pages or the WAL (SQLite), nor in old row versions (PostgreSQL).
    raw = _stored_bytes(store, db_path)
    for s in SECRETS:
        assert s.encode() not in raw, s
    # The rest stays, for statistics and the other contacts.
    erased = store.get_person(p.id)
    assert erased.name == "Erased person" and erased.company_id == company.id
    assert erased.phone is None and erased.email is None and erased.city is None
    assert store.count_calls() == 2
    assert store.calls_for_contact(ContactRef(None, p.id))[0].phone_number is None
    assert store.list_tasks(ref=ContactRef(None, p.id), include_closed=True) == []
    assert [v.person_id for v in store.campaign_contacts("promo", for_dialer=False)] == [
        other.id]
    assert store.get_person(other.id).phone == "+4930111222"
    assert store.search(NAME_LAST) == [] and store.count_persons(NAME_LAST) == 0
    assert store.lookup_phone(PHONE) == []
    assert "Erased person" not in [h.title for h in store.search("Otto")]


def test_erase_needs_a_reason_and_happens_once(store, world):
    p, _, _ = world
    with pytest.raises(ValidationError, match="Say why"):
        privacy.erase_person(store, p.id, reason="  ", who="cli")
    with pytest.raises(NotFound):
        privacy.erase_person(store, "nobody", reason="x", who="cli")
    privacy.erase_person(store, p.id, reason="asked", who="cli")
    with pytest.raises(ValidationError, match="erased already"):
        privacy.erase_person(store, p.id, reason="asked", who="cli")
    (event,) = [e for e in privacy_log.events(store) if e.action == "erase"]
    assert (event.actor, event.entity_id, event.reason) == ("cli", p.id, "asked")
    assert event.details["numbers_blocked"] == 2


def test_block_list_holds_keyed_hashes_only(store, world):
    p, _, _ = world
    privacy.erase_person(store, p.id, reason="asked", who="cli")
    hashes = {r[0] for r in store._all("SELECT hash FROM blocked_numbers")}
    key = blocklist.secret(store, create=False)
    assert key and len(key) == 64
    assert hashes == {blocklist.number_hash(key, PHONE), blocklist.number_hash(key, PHONE2)}
    assert blocklist.number_hash("another secret", PHONE) not in hashes


@pytest.mark.parametrize("kind", ["person", "company"])
def test_new_contact_with_a_blocked_number_is_flagged_and_never_dialed(store, world, kind):
    p, _, _ = world
    privacy.erase_person(store, p.id, reason="asked", who="cli")
    if kind == "person":
        new = store.create_person({"lastName": "Someone", "phone2": PHONE}, API)
        ref = ContactRef(None, new.id)
    else:
        new = store.create_company({"name": "New GmbH", "phone": PHONE2}, API)
        ref = ContactRef(new.id)
    view = store.resolve_contact(ref)
    assert view.do_not_call
    assert store.dnc_history(ref)[0].reason == "erased, objection on file"
    store.assign_contacts("promo", [ref], DESK)
    store.add_task("promo", ref, store.clock() - timedelta(hours=1), DESK)
    ids = {(v.company_id if kind == "company" else v.person_id)
           for v in store.campaign_contacts("promo")}
    assert new.id not in ids
    assert new.id not in {(t.contact.person_id or t.contact.company_id)
                          for t in store.open_tasks("promo")}
    while (v := store.next_contact("promo")) is not None:
        assert new.id not in (v.person_id, v.company_id)


def test_contact_without_a_blocked_number_is_not_flagged(store, world):
    p, _, _ = world
    privacy.erase_person(store, p.id, reason="asked", who="cli")
    fresh = store.create_person({"lastName": "Fresh", "phone": "+4989999999"}, API)
    assert not store.get_person(fresh.id).do_not_call


@pytest.mark.sqlite_only  # the copy of the log beside a file; a shared database has none
def test_sidecar_keeps_the_erasure_for_a_restore(store, world, db_path, tmp_path):
    from shared.backup import backup, restore
    from shared.database import connect
    from shared.store import Store

    p, _, _ = world
    copy = backup(db_path, tmp_path / "before.db")
    privacy.erase_person(store, p.id, reason="asked", who="Erika")
    store.db.close()
    restore(copy, db_path)
    again = Store(connect(db_path))
    try:
        person = again.get_person(p.id)
        assert person.name == "Erased person" and person.phone is None
        (event,) = [e for e in privacy_log.events(again) if e.action == "erase"]
        assert (event.actor, event.reason) == ("Erika", "asked")
        assert blocklist.is_blocked(again, PHONE)
        assert again.create_person({"lastName": "X", "phone": PHONE}, API).do_not_call
    finally:
        again.db.close()


def test_an_update_to_a_blocked_number_flags_and_an_erased_person_stays_empty(store, world):
    from shared.errors import Conflict

    p, other, company = world
    store.set_do_not_call(ContactRef(None, other.id), True, DESK, reason="asked")
    privacy.erase_person(store, p.id, reason="asked", who="cli")
    store.add_task("promo", ContactRef(None, other.id), store.clock(), DESK)
    store.update_person(other.id, {"phone2": PHONE}, DESK)
    assert store.dnc_history(ContactRef(None, other.id))[0].reason == (
        "erased, objection on file")
    assert other.id not in {t.contact.person_id for t in store.open_tasks("promo")}
    store.update_company(company.id, {"phone2": PHONE2}, DESK)
    assert store.get_company(company.id).do_not_call
    with pytest.raises(Conflict, match="was erased"):
        store.update_person(p.id, {"city": "Berlin"}, DESK)


def test_batch_erasure_of_many_persons_leaves_no_trace(store, db_path):
    """The retention run's path: more secrets than SQLite's LIKE filter takes."""
    people = [store.create_person({"firstName": f"Vorname{i}", "lastName": f"Zuname{i}",
                                   "phone": f"+49301234{i:04d}",
                                   "email": f"p{i}@example.org"}, API) for i in range(40)]
    keep = store.create_person({"lastName": "Bleibt"}, API)
    store.update_person(keep.id, {"annotation": "knows Vorname7 Zuname7 and Vorname70"}, DESK)
    results = privacy.erase_persons(store, [p.id for p in people], reason="retention",
                                    who="retention", batch=15)
    assert len(results) == 40
    assert privacy.erase_persons(store, [people[0].id], reason="again", who="x") == []
    left = [(t, v) for t, v in _every_value(db_path)
            for s in ("Zuname", "49301234", "@example.org") if _holds(v, s)]
    assert left == []
    raw = _stored_bytes(store, db_path)
    assert b"Zuname" not in raw and b"49301234" not in raw
    assert store.get_person(keep.id).annotation == "knows [erased] and Vorname70"
    assert len([e for e in privacy_log.events(store) if e.action == "erase"]) == 40
