"""``callsheet-api privacy`` and ``consent``: export, erase, log, retention, consent proof."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from shared import consent, retention
from shared.calls import parse_call
from shared.database import connect
from shared.model import Actor, ContactRef
from shared.privacy_log import sidecar_path
from shared.store import Store

API = Actor("api", "127.0.0.1")
PHONE = "+4989765432101"


@pytest.fixture
def run(cli_main):
    return cli_main


@pytest.fixture
def person(db_path):
    store = Store(connect(db_path))
    p = store.create_person({"firstName": "Wiebke", "lastName": "Zandvoort", "phone": PHONE,
                             "email": "wiebke@example.org"}, API)
    store.record_call(parse_call({"id": "c1", "timestampInit": "2020-11-20T09:00:00Z",
                                  "phoneNumber": PHONE, "annotation": "Wiebke called",
                                  "contact": {"company": None, "person": p.id}}), API)
    store.db.close()
    return p


def test_export_writes_json_and_html_and_logs_it(run, db_path, person, tmp_path):
    out, html = tmp_path / "wiebke.json", tmp_path / "wiebke.html"
    code, text, _ = run("privacy", "export", person.id, str(out), "--html", str(html),
                        "--db", str(db_path))
    assert code == 0 and "1 calls" in text
    data = json.loads(out.read_text())
    assert data["person"]["phone"] == PHONE and data["calls"][0]["annotation"] == "Wiebke called"
    assert "Zandvoort" in html.read_text()
    code, log, _ = run("privacy", "log", "--db", str(db_path))
    assert code == 0 and "export" in log and person.id in log and "by cli" in log
    assert "Zandvoort" not in log and PHONE not in log


@pytest.mark.parametrize("argv", [("privacy", "log"), ("privacy", "export", "X", "o.json"),
                                  ("consent", "export", "--person", "X", "o.json")])
def test_reading_commands_need_an_existing_database(run, tmp_path, argv):
    missing = tmp_path / "typo.db"
    code, _, err = run(*argv, "--db", str(missing))
    assert code == 1 and "There is no database at" in err
    assert not missing.exists()


def test_an_export_never_writes_over_the_database(run, db_path, person):
    for argv in (("privacy", "export", person.id, str(db_path)),
                 ("privacy", "export", person.id, "x.json", "--html", f"{db_path}-wal"),
                 ("consent", "export", "--person", person.id, str(db_path))):
        code, _, err = run(*argv, "--db", str(db_path))
        assert code == 1 and "a file of the database itself" in err
    assert Store(connect(db_path)).get_person(person.id).name == "Wiebke Zandvoort"


def test_export_of_unknown_person_is_an_error(run, db_path, person, tmp_path):
    code, _, err = run("privacy", "export", "nobody", str(tmp_path / "x.json"),
                       "--db", str(db_path))
    assert code == 1 and "No person with id 'nobody'" in err


def test_erase_asks_for_yes_then_erases_and_blocks(run, db_path, person):
    code, _, err = run("privacy", "erase", person.id, "--reason", "Art. 17", "--db",
                       str(db_path))
    assert code == 1 and "add --yes" in err
    assert Store(connect(db_path)).get_person(person.id).name == "Wiebke Zandvoort"
    code, out, _ = run("privacy", "erase", person.id, "--reason", "Art. 17", "--yes",
                       "--db", str(db_path))
    assert code == 0 and "1 calls cleared" in out and "1 numbers on the block list" in out
    store = Store(connect(db_path))
    assert store.get_person(person.id).name == "Erased person"
    assert store.create_person({"lastName": "New", "phone": PHONE}, API).do_not_call
    code, log, _ = run("privacy", "log", "--db", str(db_path))
    assert "erase" in log and "reason: Art. 17" in log and "Zandvoort" not in log
    code, again, err = run("privacy", "erase", person.id, "--reason", "x", "--yes",
                           "--db", str(db_path))
    assert code == 1 and "erased already" in err


def test_erase_needs_a_reason(run, db_path, person):
    code, _, err = run("privacy", "erase", person.id, "--reason", " ", "--yes",
                       "--db", str(db_path))
    assert code == 1 and "Say why" in err


def test_consent_add_export_withdraw_and_campaign_flag(run, db_path, person, tmp_path):
    db = str(db_path)
    code, out, _ = run("consent", "add", "--person", person.id, "--source", "web form 12",
                       "--by", "peggy", "--file", "forms/12.pdf",
                       "--given-at", "2026-01-02T10:00:00Z", "--db", db)
    assert code == 0
    consent_id = out.strip()
    proof = tmp_path / "proof.json"
    assert run("consent", "export", "--person", person.id, str(proof), "--db", db)[0] == 0
    data = json.loads(proof.read_text())
    assert data["consents"][0]["file_ref"] == "forms/12.pdf"
    assert data["consents"][0]["keep_until"].startswith("2031-01-02")
    assert run("campaign", "add", "promo", "--name", "Promo", "--db", db)[0] == 0
    code, out, _ = run("campaign", "needs-consent", "promo", "on", "--db", db)
    assert code == 0 and "needs consent" in out
    store = Store(connect(db_path))
    assert consent.needs_consent(store, "promo")
    assert run("consent", "withdraw", consent_id, "--db", db)[0] == 0
    assert not consent.has_consent(store, ContactRef(None, person.id))
    code, _, err = run("consent", "add", "--source", "x", "--db", db)
    assert code == 1 and "--person" in err


def test_retention_preview_set_and_run(run, db_path, person):
    db = str(db_path)
    code, out, _ = run("privacy", "retention", "--db", db)
    assert code == 0 and "calls kept forever" in out
    code, out, _ = run("privacy", "retention", "--calls-months", "1", "--db", db)
    assert "calls kept 1 months" in out and "would delete 1 calls" in out
    assert Store(connect(db_path)).count_calls() == 1
    code, out, _ = run("privacy", "retention", "--run", "--db", db)
    assert code == 0 and "Deleted 1 calls" in out
    assert Store(connect(db_path)).count_calls() == 0
    code, _, err = run("privacy", "retention", "--calls-months", "-3", "--db", db)
    assert code == 1 and "whole number" in err


def test_serve_runs_the_daily_retention(db_path, person):
    store = Store(connect(db_path))
    retention.save_policy(store, retention.RetentionPolicy(call_months=1))
    store.db.close()
    env = dict(os.environ, CALLSHEET_DB=str(db_path), CALLSHEET_API_KEY="k" * 20,
               PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "crm_api", "serve", "--port", "0"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    try:
        deadline = time.monotonic() + 20
        lines = []
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if "Retention: deleted" in line:
                break
        assert "Retention: deleted 1 calls" in "".join(lines), lines
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)
    store = Store(connect(db_path))
    assert store.count_calls() == 0
    assert store._one("SELECT count(*) FROM privacy_log WHERE action = 'retention'")[0] == 1


def test_restore_of_an_older_backup_erases_again(run, db_path, person, tmp_path):
    db = str(db_path)
    copy = tmp_path / "before.db"
    assert run("backup", str(copy), "--db", db)[0] == 0
    assert run("privacy", "erase", person.id, "--reason", "Art. 17", "--yes", "--db", db)[0] == 0
    assert sidecar_path(db_path).exists()  # the log kept beside the database
    code, out, err = run("restore", str(copy), "--yes", "--db", db)
    assert code == 0, err
    out_json = tmp_path / "after.json"
    assert run("privacy", "export", person.id, str(out_json), "--db", db)[0] == 0
    data = json.loads(out_json.read_text())
    assert data["person"]["name"] == "Erased person" and data["person"]["phone"] is None
    assert data["calls"][0]["phone_number"] is None
    code, log, _ = run("privacy", "log", "--db", db)
    assert "erase" in log and "reason: Art. 17" in log
    raw = db_path.read_bytes()
    assert b"Zandvoort" not in raw and PHONE.encode() not in raw
