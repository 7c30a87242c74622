"""The bulk generator at a tiny size: consistent counts, the Store's column rules, search works."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid

from bench.generate import SIZES, Gen, _uuid, generate
from shared import bulk
from shared.database import connect
from shared.store import Store, _person_search_text

# sha256 of the tiny, seed-3 data set (see _digest), made by the generator as it was
# before the speed work of issue 11.
TINY_SEED3_DIGEST = "bdb864b64fb56ad1f1f4dbe237719df47b281f7679e593e48543d0f29c57db21"


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
    for fts in ("companies_fts", "persons_fts"):  # the index agrees with the rows' text
        conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
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


def _digest(conn: sqlite3.Connection) -> str:
    """A digest of every generated column of every generated row, in insertion order."""
    h = hashlib.sha256()
    for table, columns in (("companies", bulk.COMPANY_COLUMNS), ("persons", bulk.PERSON_COLUMNS),
                           ("tasks", bulk.TASK_COLUMNS), ("calls", bulk.CALL_COLUMNS),
                           ("call_tags", bulk.CALL_TAG_COLUMNS),
                           ("call_attempts", bulk.CALL_ATTEMPT_COLUMNS),
                           ("campaign_contacts", bulk.CAMPAIGN_CONTACT_COLUMNS)):
        for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid"):
            h.update(repr(row).encode())
    return h.hexdigest()


def test_generated_data_is_unchanged_by_speed_work(tmp_path):
    # The digest of the tiny data set as the generator made it before the speed work
    # (caches, early index builds): faster must not mean different.
    path = tmp_path / "tiny.db"
    generate(path, SIZES["tiny"], seed=3, log=lambda *_: None)
    assert _digest(sqlite3.connect(path)) == TINY_SEED3_DIGEST


def test_uuid_matches_the_uuid_module():
    for n in range(2000):
        b = hashlib.blake2b(str(n).encode(), digest_size=32).digest()
        assert _uuid(b) == str(uuid.UUID(bytes=b[:16], version=4)).upper()


def test_finishing_some_tables_early_rebuilds_just_those(tmp_path):
    db = connect(tmp_path / "early.db")
    g = Gen(SIZES["tiny"], 1)
    now = "2026-11-02T09:00:00.000Z"
    index_names = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?" \
        " AND sql IS NOT NULL"
    companies_indexes = {r[0] for r in db.conn.execute(index_names, ("companies",))}
    calls_indexes = {r[0] for r in db.conn.execute(index_names, ("calls",))}
    with bulk.bulk_load(db) as loader:
        loader.insert("companies", bulk.COMPANY_COLUMNS, [
            bulk.company_row(g.company_data(c), g.company_id(c), now) for c in range(20)])
        assert not {r[0] for r in db.conn.execute(index_names, ("companies",))}
        loader.finish("companies")
        assert {r[0] for r in db.conn.execute(index_names, ("companies",))} == companies_indexes
        assert not {r[0] for r in db.conn.execute(index_names, ("calls",))}
        name = g.company_data(0)["name"]
        hits = db.conn.execute("SELECT count(*) FROM companies_fts WHERE companies_fts MATCH ?",
                               (f'"{name}"',)).fetchone()[0]
        assert hits >= 1
    assert {r[0] for r in db.conn.execute(index_names, ("calls",))} == calls_indexes
    # The load's large FTS hash is not left behind for later writes.
    for fts in ("companies_fts", "persons_fts"):
        hashsize = db.conn.execute(f"SELECT v FROM {fts}_config WHERE k = 'hashsize'").fetchone()
        assert hashsize is None or hashsize[0] == 1 << 20


def test_search_texts_made_without_libphonenumber_follow_the_stores_rule():
    # The generator makes the national forms of its numbers from their roots' (one
    # libphonenumber call per company, not per number): every row of the small data
    # set, all countries and area codes, must equal the row by the Store's rule.
    import bench.generate as gen

    size = SIZES["small"]
    gen._init(size, 1)
    g = gen._GEN
    fast = gen._company_rows((0, size.companies))
    assert fast == [bulk.company_row(g.company_data(c), g.company_id(c), gen._NOW, check=False)
                    for c in range(size.companies)]
    assert {g.company_core(c)["country"] for c in range(size.companies)} == {
        c[0] for c in gen.COUNTRIES}
    fast = gen._person_rows((0, size.persons))
    slow = []
    for i in range(size.persons):
        core, data = g.person_data(i)
        slow.append(bulk.person_row(data, core["id"], core["company_id"], gen._NOW,
                                    check=False))
    assert fast == slow
    assert any(row[9] for row in fast) and any(row[1] is None for row in fast)


def test_a_text_index_built_elsewhere_must_name_the_rows_it_indexes(tmp_path):
    import queue

    import pytest

    db = connect(tmp_path / "load.db")
    g = Gen(SIZES["tiny"], 1)
    now = "2026-11-02T09:00:00.000Z"
    rows = [bulk.company_row(g.company_data(c), g.company_id(c), now) for c in range(10)]
    sql = db.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'companies_fts'"
                          ).fetchone()[0]
    chunks: queue.Queue = queue.Queue()
    chunks.put(("companies", 2, [r[12] for r in rows]))  # pks 2..11 for rows 1..10
    chunks.put(None)
    bulk.build_text_index(str(tmp_path / "scratch.db"), {"companies": sql}, chunks)
    db.conn.execute("ATTACH DATABASE ? AS text_index", (str(tmp_path / "scratch.db"),))
    with pytest.raises(RuntimeError, match="built elsewhere"), bulk.bulk_load(db) as loader:
        loader.text_index_elsewhere("companies")
        loader.insert("companies", bulk.COMPANY_COLUMNS, rows)
        loader.copy_text_index("companies", "text_index")
    # Nothing of the failed load stayed, and the schema is whole again.
    assert db.conn.execute("SELECT count(*) FROM companies").fetchone()[0] == 0
    assert db.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'companies_ai'"
                           ).fetchone()[0] == 1
    with pytest.raises(RuntimeError, match="never copied"), bulk.bulk_load(db) as loader:
        loader.text_index_elsewhere("companies")
        loader.insert("companies", bulk.COMPANY_COLUMNS, rows)


def test_name_columns_of_every_name_pair_follow_the_stores_rules():
    # The generator joins a pair's keys from its two names' (bench.generate._name_columns):
    # every pair it can make must have the keys the Store's rules give the whole name.
    import bench.generate as gen
    from shared.collation import last_name_key, sort_key
    from shared.duplicates import name_key
    from shared.model import person_display_name

    for first in gen.FIRST:
        for last in gen.LAST:
            name = person_display_name(None, first, last)
            cols = gen._name_columns(first, last)
            assert cols[:4] == (name, name_key(name), sort_key(name),
                                last_name_key(last, first, name)), (first, last)
            assert cols[4] == f"{first}.{last}".lower().translate(gen._ASCII)
            assert cols[5] == f"{name} {first} {last} ".lower()


def test_a_failed_calls_process_fails_the_load_instead_of_hanging(tmp_path, monkeypatch):
    # The calls are inserted by a process of their own (bench.generate._build_calls);
    # if it dies, the main process must say so rather than wait for it forever.
    import os

    import pytest

    import bench.generate as gen

    monkeypatch.setattr(gen, "_build_calls", lambda *args: os._exit(3))
    path = tmp_path / "broken.db"
    with pytest.raises(RuntimeError, match="calls"):
        gen.generate(path, SIZES["tiny"], seed=3, log=lambda *_: None)
    assert not (tmp_path / "broken.db.calls").exists()
    assert not (tmp_path / "broken.db.text-index").exists()
