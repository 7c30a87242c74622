"""``callsheet-api copy``: SQLite -> empty PostgreSQL -> new SQLite file, and the copies
read back identical (table by table, and through the API Apollo uses)."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from crm_api.app import create_app
from crm_api.context import ApiContext
from crm_api.server import ApiServer
from shared.database import connect
from shared.demo import load_demo
from shared.model import Actor, ContactRef
from shared.settings import API_KEY, ensure_api_key
from shared.storage.copy import TABLES
from shared.store import Store
from shared.stores import ThreadStores

KEY = "copy-test-key-0123456789"


@pytest.fixture
def cli(cli_main):
    return cli_main


def _seed(path: Path) -> None:
    store = Store(connect(path))
    load_demo(store)
    actor = Actor("cli")
    company = store.list_companies(limit=2)
    store.set_do_not_call(ContactRef(company[0].id), True, actor, reason="asked")
    store.update_company(company[1].id, {"city": "Köln"}, actor)
    store.mark_not_duplicates("company", company[0].id, company[1].id, actor)
    # What the desktop keeps beside the contract, and privacy: every table gets rows.
    from datetime import time

    from shared import calling_hours, consent, privacy
    from shared.notes import NotesRepository
    from shared.person_details import PersonDetails
    from shared.todos import TodosRepository

    persons = store.list_persons(limit=3)
    ref = ContactRef(None, persons[0].id)
    NotesRepository(store).add(ref, "Prefers mornings", "peggy", actor)
    TodosRepository(store).add("peggy", "Send the brochure", store.clock(), actor, ref=ref)
    PersonDetails(store).update(persons[0].id, {"jobTitle": "Brewmaster"}, actor)
    with store.write():
        calling_hours.set_hours(store.conn, store.list_campaigns()[0].id,
                                calling_hours.CallingHours(time(9), time(18)))
    consent.add_consent(store, ref, given_at=store.clock(), source="web form", actor=actor)
    store.delete_person(persons[1].id, actor)  # waits in Recently deleted
    if persons[2].phone is None:
        store.update_person(persons[2].id, {"phone": "+4930555019"}, actor)
    privacy.erase_person(store, persons[2].id, reason="Art. 17", who="cli")
    ensure_api_key(store)
    store.set_setting("region", "AT")
    store.close()


def _tables(address) -> dict[str, list[tuple]]:
    store = Store(connect(address))
    try:
        out = {}
        for table in TABLES:
            cur = store.conn.execute(f"SELECT * FROM {table} ORDER BY 1")
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, tuple(r), strict=True)) for r in cur.fetchall()]
            out[table] = sorted((tuple(sorted(r.items())) for r in rows), key=repr)
        return out
    finally:
        store.close()


def _api_answers(address) -> list:
    """What Apollo reads: every company, person, campaign list and task list, and the
    lookup of every stored phone number."""
    stores = ThreadStores(address)
    server = ApiServer(create_app(ApiContext(stores, api_key=KEY, access_log=False)),
                       "127.0.0.1", 0).start()
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {KEY}"
    try:
        store = stores.get()
        out = []
        for c in store.list_companies(limit=10_000):
            out.append(s.get(f"{server.url}/companies/{c.id}").json())
        for p in store.list_persons(limit=10_000):
            out.append(s.get(f"{server.url}/persons/{p.id}").json())
        for k in store.list_campaigns():
            out.append(s.get(f"{server.url}/campaigns/{k.id}/contacts").json())
            out.append(s.get(f"{server.url}/campaigns/{k.id}/tasks").json())
        numbers = [r[0] for r in store._all(
            "SELECT phone FROM companies WHERE phone IS NOT NULL UNION"
            " SELECT phone FROM persons WHERE phone IS NOT NULL ORDER BY 1")]
        for n in numbers:
            out.append(s.post(f"{server.url}/contacts/search",
                              json={"query": {"phoneNumber": n}}).json())
        out.append([(h.kind, h.id, h.title) for h in store.search("gmbh")])
        out.append([(c.id, c.kind, c.tags) for c in store.list_calls()])
        return out
    finally:
        s.close()
        server.stop()
        stores.close()


def test_copy_to_postgres_and_back_reads_back_identical(cli, tmp_path, pg_database):
    source = tmp_path / "office.db"
    _seed(source)
    url = pg_database()
    code, out, err = cli("copy", str(source), url)
    assert code == 0, err
    assert "companies" in out and "calls" in out and "API key was not copied" in out
    original, copied = _tables(source), _tables(url)
    key_row = [r for r in original["settings"] if ("key", API_KEY) in r]
    assert key_row and key_row[0] not in copied["settings"]  # the key stays behind
    original["settings"] = [r for r in original["settings"] if r not in key_row]
    for table in TABLES:
        assert copied[table] == original[table], table
        if table not in ("not_duplicates", "settings"):
            assert copied[table], f"the demo data has no {table}"
    assert _api_answers(url) == _api_answers(source)
    # New rows on the copy continue after the copied keys.
    pg = Store(connect(url))
    pg.create_company({"name": "After the move"}, Actor("cli"))
    pg.close()

    back = tmp_path / "back.db"
    code, out, err = cli("copy", url, str(back), "--with-key")
    assert code == 0, err
    assert _tables(back)["calls"] == original["calls"]
    assert len(_tables(back)["companies"]) == len(original["companies"]) + 1


def test_copy_refuses_a_target_with_data_and_changes_nothing(cli, tmp_path, pg_database):
    source = tmp_path / "office.db"
    _seed(source)
    url = pg_database()
    assert cli("copy", str(source), url, "--with-key")[0] == 0
    before = _tables(url)
    assert ("key", API_KEY) in {kv for r in before["settings"] for kv in r}  # --with-key
    code, _, err = cli("copy", str(source), url)
    assert code == 1 and "not empty" in err and len(err.strip().splitlines()) == 1
    assert _tables(url) == before
    # An existing file is not a target either.
    code, _, err = cli("copy", url, str(source))
    assert code == 1 and "exists already" in err


def test_every_table_of_the_schema_is_copied(tmp_path, pg_database):
    """A table added by a migration must be copied too (or named as not copied)."""
    from shared.storage.copy import NOT_COPIED

    sqlite = Store(connect(tmp_path / "new.db"))
    pg = Store(connect(pg_database()))
    try:
        on_sqlite = {r[0] for r in sqlite._all(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%fts%'")}
        on_pg = {r[0] for r in pg._all("SELECT tablename FROM pg_tables"
                                       " WHERE schemaname = 'public'")} - {"callsheet_schema"}
    finally:
        sqlite.close()
        pg.close()
    assert on_sqlite == on_pg == set(TABLES) | set(NOT_COPIED)


def test_copy_into_a_database_whose_service_made_its_key(cli, tmp_path, pg_database):
    """Team setup starts the service before the old data moves: the key it stored does not
    make the database "not empty"; it stays, or the source's replaces it with --with-key."""
    source = tmp_path / "office.db"
    _seed(source)
    for with_key in (False, True):
        url = pg_database()
        target = Store(connect(url))
        own, _ = ensure_api_key(target)  # what `serve` does on its first start
        target.close()
        code, out, err = cli("copy", str(source), url, *(["--with-key"] if with_key else []))
        assert code == 0, err
        target = Store(connect(url))
        try:
            source_store = Store(connect(source))
            theirs = source_store.get_setting(API_KEY)
            source_store.close()
            assert target.get_setting(API_KEY) == (theirs if with_key else own)
            assert target.count_calls() > 0
        finally:
            target.close()


def test_a_failed_copy_leaves_the_target_empty(tmp_path, pg_database, monkeypatch):
    from shared.storage import copy as copy_module

    source = tmp_path / "office.db"
    _seed(source)
    url = pg_database()
    target = Store(connect(url))
    real = target.dialect.insert_rows

    def insert_then_fail(table, columns, rows):
        real(table, columns, rows)
        if table == "calls":
            raise RuntimeError("disk full")

    monkeypatch.setattr(target.dialect, "insert_rows", insert_then_fail)
    with pytest.raises(RuntimeError):
        copy_module.copy_database(Store(connect(source)), target)
    target.close()
    assert all(not rows for rows in _tables(url).values())


def test_progress_is_reported_per_table(tmp_path, pg_database):
    from shared.storage.copy import copy_database

    source = tmp_path / "office.db"
    _seed(source)
    seen: dict[str, tuple[int, int]] = {}
    report = copy_database(Store(connect(source)), Store(connect(pg_database())),
                           progress=lambda t, done, total: seen.__setitem__(t, (done, total)))
    assert seen["calls"][0] == seen["calls"][1] == report.counts["calls"] > 0
