"""Privacy on a shared PostgreSQL database, as the office uses it: ``callsheet-api privacy``
erases, exports, logs and runs the retention rules there, and what was erased is gone
for every other connection; the housekeeping of several ``serve`` processes on one
database is done by one of them at a time.

(The store suites run export, erasure, block list and retention on both engines; these
tests are the command line and the service on top.)
"""

from __future__ import annotations

import json
import time
from datetime import timedelta

import psycopg
import pytest

from crm_api.cli import main
from crm_api.retention_job import JOB
from shared import retention
from shared.calls import parse_call
from shared.database import connect
from shared.model import Actor
from shared.store import Store
from shared.timeutil import utc_now
from tests.reliability.conftest import serve_process

API = Actor("api", "127.0.0.1")
PHONE = "+4930555019"
SECRETS = ("Quastenbrink", "4930555019", "anna.q@example.org")


@pytest.fixture
def run(capsys, monkeypatch):
    monkeypatch.delenv("CALLSHEET_DB", raising=False)
    monkeypatch.delenv("CALLSHEET_API_KEY", raising=False)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main([*argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def office(pg_database):
    """A shared database with Anna Quastenbrink, her call, and a colleague's mention."""
    url = pg_database()
    store = Store(connect(url))
    try:
        p = store.create_person({"firstName": "Anna", "lastName": "Quastenbrink",
                                 "phone": PHONE, "email": "anna.q@example.org"}, API)
        store.record_call(parse_call({
            "id": "c1", "timestampInit": "2026-11-20T09:00:00Z", "phoneNumber": PHONE,
            "annotation": "Anna Quastenbrink asked for a brochure",
            "contact": {"company": None, "person": p.id}}), API)
        other = store.create_person({"lastName": "Kollege",
                                     "annotation": "Deputy of Anna Quastenbrink"}, API)
    finally:
        store.db.close()
    return url, p.id, other.id


def _cells_holding(url: str, secrets: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every cell of every table holding one of ``secrets``, read by another connection (as
    another PC would)."""
    found = []
    with psycopg.connect(url, autocommit=True) as pg:
        for (table,) in pg.execute("SELECT tablename FROM pg_tables"
                                   " WHERE schemaname = 'public'").fetchall():
            for row in pg.execute(f'SELECT * FROM "{table}"'):
                found += [(table, str(v)) for v in row
                          for s in secrets if s.lower() in str(v).lower()]
    return found


def test_erase_from_the_command_line_is_gone_for_every_connection(run, office):
    url, pid, other = office
    assert _cells_holding(url, SECRETS)  # the scan sees her before
    code, out, err = run("privacy", "erase", pid, "--reason", "Art. 17 letter", "--yes",
                         "--db", url)
    assert (code, err) == (0, "")
    assert f"Erased person {pid}: 1 calls cleared" in out
    assert _cells_holding(url, SECRETS) == []
    with psycopg.connect(url, autocommit=True) as pg:
        assert pg.execute("SELECT name, phone FROM persons WHERE id = %s",
                          (pid,)).fetchone() == ("Erased person", None)
        assert pg.execute("SELECT annotation FROM persons WHERE id = %s",
                          (other,)).fetchone() == ("Deputy of [erased]",)
        assert pg.execute("SELECT count(*) FROM blocked_numbers").fetchone() == (1,)
    # The privacy log on the shared database, as every PC reads it.
    code, out, _ = run("privacy", "log", "--json", "--db", url)
    (event,) = json.loads(out)
    assert (event["action"], event["entity_id"], event["actor"], event["reason"]) == (
        "erase", pid, "cli", "Art. 17 letter")
    # The number stays blocked: Apollo creating the caller again gets a do-not-call contact.
    store = Store(connect(url))
    try:
        assert store.create_person({"lastName": "Neu", "phone": PHONE}, API).do_not_call
    finally:
        store.db.close()


def test_export_from_the_command_line_writes_the_file_and_logs_it(run, office, tmp_path):
    url, pid, _ = office
    out, html = tmp_path / "anna.json", tmp_path / "anna.html"
    code, text, err = run("privacy", "export", pid, str(out), "--html", str(html),
                          "--db", url)
    assert (code, err) == (0, "") and "1 calls" in text
    data = json.loads(out.read_text())
    assert data["person"]["email"] == "anna.q@example.org"
    assert data["calls"][0]["annotation"] == "Anna Quastenbrink asked for a brochure"
    assert "Quastenbrink" in html.read_text()
    with psycopg.connect(url, autocommit=True) as pg:
        assert pg.execute("SELECT action, entity_id FROM privacy_log").fetchall() == [
            ("export", pid)]


def test_retention_preview_and_run_from_the_command_line(run, pg_database):
    url = pg_database()
    long_ago = utc_now() - timedelta(days=3 * 365)
    old = Store(connect(url), clock=lambda: long_ago)
    try:
        idle = old.create_person({"lastName": "Quastenbrink", "phone": PHONE}, API)
        old.record_call(parse_call({"id": "old", "timestampInit": "2020-01-01T09:00:00Z",
                                    "contact": {"company": None, "person": idle.id}}), API)
    finally:
        old.db.close()
    code, out, _ = run("privacy", "retention", "--calls-months", "24", "--persons-years",
                       "2", "--db", url)
    assert code == 0 and "delete 1 calls" in out and idle.id in out
    code, out, _ = run("privacy", "retention", "--run", "--db", url)
    assert code == 0 and "Deleted 1 calls, anonymised 1 persons" in out
    assert _cells_holding(url, ("Quastenbrink", "4930555019")) == []
    with psycopg.connect(url, autocommit=True) as pg:
        assert pg.execute("SELECT count(*) FROM calls").fetchone() == (0,)
        actions = sorted(r[0] for r in pg.execute("SELECT action FROM privacy_log"))
        assert actions == ["erase", "retention"]


def _housekeeping_world(url: str) -> str:
    """Rules on, an idle person for them, and a record deleted 40 days ago; returns the
    idle person's id."""
    past = utc_now() - timedelta(days=3 * 365)
    old = Store(connect(url), clock=lambda: past)
    try:
        idle = old.create_person({"lastName": "Langeweile"}, API)
        old.clock = lambda: utc_now() - timedelta(days=40)
        gone = old.create_company({"name": "Deleted long ago"}, API)
        old.delete_company(gone.id, API)
        retention.save_policy(old, retention.RetentionPolicy(0, 1))
    finally:
        old.db.close()
    return idle.id


def _state(url: str) -> tuple[list[str], int, str | None]:
    with psycopg.connect(url, autocommit=True) as pg:
        log = [r[0] for r in pg.execute("SELECT action FROM privacy_log ORDER BY pk")]
        trash = pg.execute("SELECT count(*) FROM trash").fetchone()[0]
        last = pg.execute("SELECT value FROM settings WHERE key = %s",
                          (retention.LAST_RUN,)).fetchone()
    return log, trash, last[0] if last else None


def test_only_one_of_several_servers_does_the_housekeeping(pg_database):
    """While one server holds the database's housekeeping lock, another ``serve`` skips its
    purge and retention run (and says so); servers started after it ran do not run it
    again that day: one retention event, one erasure."""
    url = pg_database()
    idle = _housekeeping_world(url)
    holder = Store(connect(url))  # stands for a server busy with its housekeeping
    try:
        with holder.dialect.exclusive_job(JOB) as mine:
            assert mine
            with serve_process(url) as child:
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and not any(
                        "another server does the housekeeping" in line
                        for line in child.stderr):
                    time.sleep(0.1)
                assert any("another server does the housekeeping" in line
                           for line in child.stderr), "".join(child.stderr)[-1000:]
                assert _state(url) == ([], 1, None)  # nothing purged, nothing run
    finally:
        holder.db.close()  # the lock goes with the connection too
    with serve_process(url) as first, serve_process(url) as second:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _state(url)[2] is None:
            time.sleep(0.1)
        time.sleep(1.0)  # the second server's first round has run by now
        assert _state(url) == (["erase", "retention"], 0, utc_now().date().isoformat())
        errors = [line for line in first.stderr + second.stderr if "Traceback" in line]
        assert errors == []
    store = Store(connect(url))
    try:
        assert store.get_person(idle).name == "Erased person"
        assert [e.action for e in store.audit_trail("person", idle)
                ].count("erase") == 1
    finally:
        store.db.close()


def test_an_edit_waits_for_the_erasure_and_then_finds_the_person_erased(office):
    """Two PCs: one erases while the other saves an edit of the same person. The edit
    waits for the erasure's row lock and is then refused; nothing is written back."""
    import threading

    from shared import privacy
    from shared.errors import Conflict

    url, pid, _ = office
    eraser, editor = Store(connect(url)), Store(connect(url))
    try:
        outcome: list[object] = []
        with eraser.write():
            eraser.dialect.lock_row("persons", pid)  # the erasure has begun on PC 1

            def edit() -> None:
                try:
                    editor.update_person(pid, {"city": "Berlin"}, Actor.desktop())
                    outcome.append("saved")
                except Conflict as e:
                    outcome.append(e)

            t = threading.Thread(target=edit)
            t.start()
            time.sleep(0.5)
            assert outcome == []  # waiting for the erasure
            privacy.erase_person(eraser, pid, reason="asked", who="cli")
        t.join(10)
        assert len(outcome) == 1 and isinstance(outcome[0], Conflict)
        assert editor.get_person(pid).city is None
    finally:
        eraser.db.close()
        editor.db.close()



def test_a_restored_older_backup_gets_the_erasures_again_from_the_saved_log(
        run, office, pg_server, tmp_path):
    """A shared database has no log file beside it: the log saved with ``privacy log --json``
    before the restore is applied to the restored backup with ``privacy reapply``."""
    url, pid, other = office
    name = url.rsplit("/", 1)[1]
    # The backup: a copy of the database as it was before the erasure.
    backup = pg_server.create_database(f"{name}_backup", template=name)
    try:
        assert run("privacy", "erase", pid, "--reason", "Art. 17", "--yes", "--db", url)[0] == 0
        code, out, _ = run("privacy", "log", "--json", "--db", url)
        saved = tmp_path / "privacy-log.json"
        saved.write_text(out)
        assert _cells_holding(backup, SECRETS)  # the restored backup has her again
        code, out, err = run("privacy", "reapply", str(saved), "--db", backup)
        assert (code, err) == (0, "")
        assert f"1 persons erased again ({pid})" in out
        assert _cells_holding(backup, SECRETS) == []
        with psycopg.connect(backup, autocommit=True) as pg:
            assert pg.execute("SELECT action, reason FROM privacy_log").fetchall() == [
                ("erase", "Art. 17")]
        # Twice is once.
        assert "0 persons erased again" in run("privacy", "reapply", str(saved), "--db",
                                               backup)[1]
        not_a_log = tmp_path / "x.json"
        not_a_log.write_text('{"a": 1}')
        code, _, err = run("privacy", "reapply", str(not_a_log), "--db", backup)
        assert code == 1 and "not a privacy log" in err and len(err.splitlines()) == 1
    finally:
        pg_server.drop_database(f"{name}_backup")


def test_a_restored_older_backup_loses_the_calls_a_retention_run_deleted(
        run, office, pg_server, tmp_path):
    url, pid, _ = office
    store = Store(connect(url))
    try:
        store.record_call(parse_call({"id": "old", "timestampInit": "2020-01-01T09:00:00Z",
                                      "contact": {"company": None, "person": pid}}), API)
    finally:
        store.db.close()
    name = url.rsplit("/", 1)[1]
    backup = pg_server.create_database(f"{name}_backup", template=name)
    try:
        code, out, _ = run("privacy", "retention", "--calls-months", "24", "--run", "--db", url)
        assert code == 0 and "Deleted 1 calls" in out
        saved = tmp_path / "privacy-log.json"
        saved.write_text(run("privacy", "log", "--json", "--db", url)[1])
        assert run("privacy", "reapply", str(saved), "--db", backup)[0] == 0
        with psycopg.connect(backup, autocommit=True) as pg:
            assert [r[0] for r in pg.execute("SELECT id FROM calls")] == ["c1"]
            assert [r[0] for r in pg.execute("SELECT action FROM privacy_log")] == [
                "retention"]
    finally:
        pg_server.drop_database(f"{name}_backup")
