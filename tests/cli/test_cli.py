"""``callsheet-api``: each command, and a one-line error with a non-zero exit on bad input."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time

import pytest
import requests

from crm_api.cli import main
from shared.database import connect
from shared.model import Actor
from shared.store import Store


@pytest.fixture
def run(db_path, cli_main):
    return cli_main


def _store(db_path) -> Store:
    return Store(connect(db_path))


def test_key_show_creates_once_and_rotate_replaces(run, db_path):
    _store(db_path).db.close()
    code, first, _ = run("key", "show", "--db", str(db_path))
    assert code == 0 and len(first.strip()) >= 40
    assert run("key", "show", "--db", str(db_path))[1] == first
    code, rotated, _ = run("key", "rotate", "--db", str(db_path))
    assert code == 0 and rotated != first
    assert _store(db_path).get_setting("api_key") == rotated.strip()


def test_campaign_add_assign_and_task_add(run, db_path):
    store = _store(db_path)
    from shared.model import Actor

    company = store.create_company({"name": "CX Labs"}, Actor("cli"))
    person = store.create_person({"lastName": "Klein"}, Actor("cli"), company_id=company.id)
    db = str(db_path)
    code, out, _ = run("campaign", "add", "tech_level_2", "--name", "Tech 2", "--tasks",
                       "apollo", "--db", db)
    assert code == 0 and "tech_level_2" in out
    campaign = store.get_campaign("tech_level_2")
    assert (campaign.contacts_source, campaign.tasks_source) == ("crm", "apollo")
    assert run("campaign", "assign", "tech_level_2", "--company", company.id, "--person",
               person.id, "--db", db)[0] == 0
    assert [v.person_id for v in store.campaign_contacts("tech_level_2")] == [person.id]
    code, out, _ = run("task", "add", "tech_level_2", "--company", company.id, "--at",
                       "2026-12-01T09:00:00Z", "--scheduled", "--note", "Call back", "--db", db)
    assert code == 0
    task = store.get_task(out.strip())
    assert (task.timestamp, task.scheduled, task.annotation, task.contact.company_id) == (
        "2026-12-01T09:00:00.000Z", True, "Call back", company.id)


@pytest.mark.parametrize("argv, message", [
    (["campaign", "add", "x"], "the following arguments are required: --name"),
    (["campaign", "add", "x", "--name", "X", "--contacts", "excel"], "invalid choice"),
    (["campaign", "assign", "nope", "--company", "C"], "No campaign with id 'nope'"),
    (["task", "add", "nope", "--company", "C", "--at", "tomorrow"], "--at must be an ISO 8601"),
    (["task", "add", "nope", "--company", "C", "--at", "2026-12-01T09:00:00Z"],
     "No campaign with id 'nope'"),
    (["key", "turn"], "invalid choice"),
    (["serve", "--port", "70000"], "The port must be a number from 1 to 65535"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_input_is_one_line_and_non_zero(run, db_path, argv, message):
    _store(db_path).db.close()
    code, out, err = run(*argv, *([] if argv == ["frobnicate"] else ["--db", str(db_path)]))
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_demo_loads_once(run, db_path):
    code, out, _ = run("demo", "--db", str(db_path))
    assert code == 0 and "companies" in out
    store = _store(db_path)
    assert store.count_companies() >= 30 and store.count_persons() >= 60
    assert len(store.list_campaigns()) == 3 and store.count_calls() >= 100
    code, _, err = run("demo", "--db", str(db_path))
    assert code == 1 and "only goes into an empty database" in err


def test_serve_answers_and_stops_on_sigterm(db_path, tmp_path):
    env = dict(os.environ, CALLSHEET_DB=str(db_path), CALLSHEET_API_KEY="cli-test-key",
               PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "crm_api", "serve", "--port", "0"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert "listening on http://127.0.0.1:" in line, line
        assert str(db_path) in line
        url = line.split("listening on ")[1].split(" ")[0]
        r = requests.post(url + "/contacts/search", json={"query": {"phoneNumber": "+4350456"}},
                          headers={"Authorization": "Bearer cli-test-key"}, timeout=10)
        assert r.status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
        err = proc.stderr.read()
        assert "cli-test-key" not in err  # the access log never shows the key
        assert '"POST /contacts/search" 200' in err
        assert f"Created a new database at {db_path}." in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _first_line_of_serve(db_path, stdout) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, CALLSHEET_DB=str(db_path), PYTHONUNBUFFERED="1")
    env.pop("CALLSHEET_API_KEY", None)
    return subprocess.Popen([sys.executable, "-m", "crm_api", "serve", "--port", "0"],
                            env=env, stdout=stdout, stderr=subprocess.DEVNULL)


def test_serve_prints_a_new_key_once_to_a_terminal(db_path):
    main_fd, child_fd = pty.openpty()
    proc = _first_line_of_serve(db_path, child_fd)
    os.close(child_fd)
    try:
        with os.fdopen(main_fd, "rb", buffering=0) as terminal:
            first = b""
            while not first.endswith(b"\n"):
                first += terminal.read(1)
        first_text = first.decode()
        assert "Created the API key" in first_text
        key = first_text.strip().rsplit(" ", 1)[1]
        assert _store(db_path).get_setting("api_key") == key
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)


def test_serve_never_writes_a_new_key_to_a_pipe_or_file(db_path, tmp_path):
    out_path = tmp_path / "serve.log"
    with open(out_path, "wb") as out:
        proc = _first_line_of_serve(db_path, out)
        try:
            deadline = time.monotonic() + 15
            while "listening on" not in out_path.read_text() and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=15)
    text = out_path.read_text()
    key = _store(db_path).get_setting("api_key")
    assert key and key not in text
    assert f"Created an API key; 'callsheet-api key show --db {db_path}' shows it." in text


def test_serve_writes_its_log_file_without_the_key(db_path, tmp_path):
    logs = tmp_path / "logs"
    env = dict(os.environ, CALLSHEET_DB=str(db_path), CALLSHEET_API_KEY="cli-log-key",
               CALLSHEET_LOG_DIR=str(logs), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "crm_api", "serve", "--port", "0"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        url = line.split("listening on ")[1].split(" ")[0]
        r = requests.post(url + "/contacts/search", json={"query": {"phoneNumber": "+4350456"}},
                          headers={"Authorization": "Bearer cli-log-key"}, timeout=10)
        assert r.status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = (logs / "callsheet-api.log").read_text(encoding="utf-8")
    assert '"POST /contacts/search" 200' in text
    assert "cli-log-key" not in text


def test_serve_purges_what_was_deleted_over_30_days_ago(db_path):
    from datetime import UTC, datetime, timedelta

    store = _store(db_path)
    old = store.create_person({"lastName": "Alt"}, Actor("cli"))
    new = store.create_person({"lastName": "Neu"}, Actor("cli"))
    store.clock = lambda: datetime.now(UTC) - timedelta(days=31)
    store.delete_person(old.id, Actor("cli"))
    store.clock = lambda: datetime.now(UTC) - timedelta(days=29)
    store.delete_person(new.id, Actor("cli"))
    store.db.close()
    env = dict(os.environ, CALLSHEET_DB=str(db_path), CALLSHEET_API_KEY="cli-test-key",
               PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "crm_api", "serve", "--port", "0"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert "listening on" in proc.stdout.readline()
        assert [e.label for e in _store(db_path).list_deleted()] == ["Neu"]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)


@pytest.mark.parametrize("module", ["crm_api", "crm_desktop"])
def test_version_names_callsheet_qt_and_sqlite(module):
    """``callsheet-api --version`` and ``callsheet --version`` (their ``python -m`` forms)
    print the same lines as Help ▸ About, and exit 0 without opening a database or a
    window."""
    import sqlite3
    from importlib.metadata import version

    from shared.versions import version_text

    done = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True,
                          text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == version_text() + "\n"
    lines = done.stdout.splitlines()
    assert lines[0] == f"Callsheet {version('callsheet')}"
    assert lines[1].startswith("Qt 6.")
    assert lines[2] == f"SQLite {sqlite3.sqlite_version}"


def test_serve_freezes_what_start_up_made(db_path, monkeypatch):
    # Start-up's objects (modules, schemas, phone metadata) are out of the collector's
    # sight while serving: its full passes would otherwise walk them in mid-request.
    import gc
    import threading

    monkeypatch.delenv("CALLSHEET_API_KEY", raising=False)
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    seen: list[int] = []

    def stop_when_frozen() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and gc.get_freeze_count() == 0:
            time.sleep(0.05)
        seen.append(gc.get_freeze_count())
        os.kill(os.getpid(), signal.SIGTERM)  # serve's own handler: it stops

    gc.unfreeze()
    watcher = threading.Thread(target=stop_when_frozen)
    watcher.start()
    try:
        assert main(["serve", "--db", str(db_path), "--port", "0", "--api-key", "k" * 20]) == 0
    finally:
        watcher.join()
        gc.unfreeze()
        for s, h in handlers.items():
            signal.signal(s, h)
    assert seen[0] > 10_000
