"""The bulk generator at a tiny size: consistent counts, the Store's column rules, search works."""

from __future__ import annotations

import sqlite3

from bench.generate import SIZES, Gen, generate
from shared.database import connect
from shared.store import Store, _person_search_text


def test_tiny_database_is_consistent(tmp_path):
    path = tmp_path / "tiny.db"
    size = SIZES["tiny"]
    result = generate(path, size, seed=3, log=lambda *_: None)
    counts = result["counts"]
    assert counts["persons"] == size.persons
    assert counts["companies"] == size.companies
    assert counts["campaigns"] == size.campaigns
    assert counts["tasks"] == size.tasks
    assert counts["calls"] == size.calls
    assert counts["campaign_contacts"] == size.campaigns * size.contacts_per_campaign

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The schema is exactly what the migrations make (bulk_load suspends parts of it).
    fresh = tmp_path / "fresh.db"
    connect(fresh).conn.close()
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    assert conn.execute(schema).fetchall() == sqlite3.connect(fresh).execute(schema).fetchall()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # Every person is in the full-text index, and the FTS triggers are back.
    assert conn.execute("SELECT count(*) FROM persons_fts").fetchone()[0] == size.persons
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                        " AND name = 'persons_ai'").fetchone()[0] == 1
    # Campaign statistics agree with the calls, as Store._refresh_call_stats counts them.
    stale = conn.execute(
        """SELECT count(*) FROM campaign_contacts cc WHERE call_count != (
               SELECT count(*) FROM calls k WHERE k.source_type = 'campaign'
               AND k.source_id = cc.campaign_id AND k.person_id = cc.person_id)""").fetchone()
    assert stale[0] == 0
    conn.close()

    store = Store(connect(path))
    person = store.list_persons(limit=1)[0]
    row = store.conn.execute("SELECT * FROM persons WHERE id = ?", (person.id,)).fetchone()
    assert row["search_text"] == _person_search_text(dict(row))
    assert store.lookup_phone(person.phone)[0].contact.person_id == person.id
    assert any(h.id == person.id for h in store.search(person.name, limit=200))
    # Stores write on it as on any database.
    assert store.count_persons() == size.persons


def test_same_seed_same_data():
    a, b = Gen(SIZES["tiny"], 5), Gen(SIZES["tiny"], 5)
    assert [a.person_data(i) for i in range(20)] == [b.person_data(i) for i in range(20)]
    assert Gen(SIZES["tiny"], 6).person_id(0) != a.person_id(0)
