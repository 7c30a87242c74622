"""Row versions, the audit trail's person and PC, and what both engines must agree on.

Runs on SQLite and PostgreSQL (the ``engine`` fixture, through ``store``).
"""

from __future__ import annotations

import threading

import pytest

from shared.database import connect
from shared.errors import VersionConflict
from shared.migrations import MIGRATIONS
from shared.model import Actor, ContactRef
from shared.store import Store

ANNA = Actor("desktop", "Anna on PC-1", person="Anna", pc="PC-1")
BEN = Actor("desktop", "Ben on PC-2", person="Ben", pc="PC-2")


def test_every_update_adds_one_to_the_version(store):
    c = store.create_company({"name": "Versioned"}, ANNA)
    assert c.version == 1
    c = store.update_company(c.id, {"city": "Bonn"}, ANNA)
    assert c.version == 2
    store.set_do_not_call(ContactRef(c.id), True, ANNA)
    assert store.get_company(c.id).version == 3
    p = store.create_person({"firstName": "Eva", "lastName": "Lang"}, ANNA, company_id=c.id)
    assert store.update_person(p.id, {"city": "Bonn"}, ANNA).version == 2
    assert store.update_person(p.id, {"city": "Bonn"}, ANNA).version == 2  # nothing changed


def test_a_save_over_a_newer_version_is_a_conflict_saying_who_and_what(store, engine):
    c = store.create_company({"name": "Two people"}, ANNA)
    seen_by_anna = c.version
    store.update_company(c.id, {"city": "Köln", "phone": "+4922112345"}, BEN)
    with pytest.raises(VersionConflict) as e:
        store.update_company(c.id, {"city": "Bonn"}, ANNA, expected_version=seen_by_anna)
    assert e.value.by == "Ben on PC-2"
    assert set(e.value.fields) == {"city", "phone"}
    assert "Ben on PC-2" in e.value.message and "city" in e.value.message
    assert e.value.current.city == "Köln"
    assert store.get_company(c.id).city == "Köln"  # nothing was saved
    # "Keep mine": saving again over the version now shown wins.
    kept = store.update_company(c.id, {"city": "Bonn"}, ANNA,
                                expected_version=e.value.current.version)
    assert kept.city == "Bonn" and kept.phone == "+4922112345"


def test_a_person_save_over_a_newer_version_is_a_conflict(store):
    p = store.create_person({"firstName": "Eva", "lastName": "Lang"}, ANNA)
    store.update_person(p.id, {"email": "eva@example.com"}, BEN)
    with pytest.raises(VersionConflict):
        store.update_person(p.id, {"lastName": "Lange"}, ANNA, expected_version=p.version)
    assert store.get_person(p.id).last_name == "Lang"


def test_the_audit_trail_names_the_person_and_the_pc(store):
    c = store.create_company({"name": "Audited"}, ANNA)
    store.update_company(c.id, {"city": "Bonn"}, BEN)
    newest, oldest = store.audit_trail("company", c.id)
    assert (newest.person, newest.pc, newest.client) == ("Ben", "PC-2", "Ben on PC-2")
    assert (oldest.person, oldest.pc) == ("Anna", "PC-1")


def test_two_stores_saving_one_card_at_once_never_lose_a_save_silently(store, db_url, engine):
    """Eight writers (own connections) save the same company, each over the version it
    read: every save either lands or is a VersionConflict, and the versions count them."""
    c = store.create_company({"name": "Contended"}, ANNA)
    results: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def writer(n: int) -> None:
        other = Store(connect(db_url))
        try:
            seen = other.get_company(c.id).version
            start.wait()
            try:
                other.update_company(c.id, {"city": f"City {n}"}, ANNA, expected_version=seen)
                outcome = "saved"
            except VersionConflict:
                outcome = "conflict"
            with lock:
                results.append(outcome)
        finally:
            other.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results.count("saved") == 1 and results.count("conflict") == 7, results
    assert store.get_company(c.id).version == 2


def test_the_search_folds_ascii_case_only_on_both_engines(store):
    for name in ("Ärzte Nord", "ärzte Süd", "Apfel AG", "apfel eG"):
        store.create_company({"name": name}, ANNA)
    titles = [c.display_name for c in store.list_companies()]
    assert titles == ["Apfel AG", "apfel eG", "Ärzte Nord", "ärzte Süd"]
    assert [h.title for h in store.search("APF")] == ["Apfel AG", "apfel eG"]


def test_data_version_moves_when_another_connection_commits(store, db_url):
    before = store.data_version()
    other = Store(connect(db_url))
    other.create_company({"name": "From elsewhere"}, BEN)
    other.close()
    assert store.data_version() != before


def test_the_unit_of_work_commits_or_rolls_back_as_one(store):
    with store:
        store.contacts.create_company({"name": "One"}, ANNA)
        store.contacts.create_company({"name": "Two"}, ANNA)
    assert store.count_companies() == 2
    with pytest.raises(RuntimeError), store:
        store.contacts.create_company({"name": "Three"}, ANNA)
        raise RuntimeError("half-way")
    assert store.count_companies() == 2


def test_every_migration_has_both_engines_parts():
    for migration in MIGRATIONS:
        assert getattr(migration, "postgres_sql", "").strip(), migration.__name__


def test_address_opens_the_same_database_again(store, engine):
    store.create_company({"name": "Found again"}, ANNA)
    other = Store(connect(store.address()))  # the import worker's own connection
    try:
        assert other.engine == engine
        assert [c.name for c in other.list_companies()] == ["Found again"]
    finally:
        other.close()
