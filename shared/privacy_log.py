"""The privacy log: every export, erasure and retention run, without personal data.

Each event is a row of ``privacy_log`` and, on a database file, a line of
``<db>.privacy-log.jsonl`` beside it. The file outlives a restore: restoring an
older backup reads it and applies again the erasures made since the backup
(``reapply``), so a restore never brings erased persons back. A shared
PostgreSQL database has no file of this PC beside it: there the log saved with
``callsheet-api privacy log --json`` before a restore is applied again after it
(``reapply_events``; README, "Erasure on a shared database").

An event says when, who (the desktop's "Your name" and PC, ``cli`` or
``retention``), what (``export``, ``erase``, ``consent-export``,
``retention``), which record id and the reason given; never a name, number
or e-mail address. (The reason is free text: the README asks not to put
personal data in it.)
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import blocklist
from .model import Actor

if TYPE_CHECKING:
    from .store import Store

SIDECAR_SUFFIX = ".privacy-log.jsonl"


def desktop_who() -> str:
    """Who the desktop logs privacy actions as: the "Your name" setting of this PC with
    the PC's name ("Alice Brandt on PC-7", as the audit trail says), else ``desktop``."""
    return Actor.desktop().client or "desktop"


@dataclass
class PrivacyEvent:
    """One line of the privacy log."""

    id: str
    at: str
    actor: str
    action: str
    entity_type: str | None
    entity_id: str | None
    reason: str | None
    details: dict[str, Any] = field(default_factory=dict)


def sidecar_path(db_path: str | os.PathLike[str]) -> Path:
    """The log file kept beside a database: ``callsheet.db.privacy-log.jsonl``."""
    return Path(str(db_path) + SIDECAR_SUFFIX)


def database_file(store: Store) -> Path | None:
    """The file behind a store's connection: None for an in-memory database and for a
    shared PostgreSQL database, whose privacy log is its table alone."""
    return store.dialect.local_file()


def _append_line(path: Path, entry: dict[str, Any], *, sync: bool = True) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode())
        if sync:
            os.fsync(fd)
    finally:
        os.close(fd)


def record(
    store: Store, actor: str, action: str, entity_type: str | None, entity_id: str | None,
    reason: str | None, details: dict[str, Any] | None = None, *,
    replay: dict[str, Any] | None = None, sync: bool = True,
) -> PrivacyEvent:
    """Log one event, in the caller's transaction and in the file beside the database.

    ``replay`` is what a restore needs to apply the event again (the hashes an
    erasure blocked, and the block-list secret); it goes to the file only.
    The file line is written before the transaction commits: a crash between
    the two leaves a line whose erasure the next restore completes, never an
    erasure missing from the file. ``sync=False`` leaves the fsync to a later line of
    the same transaction.
    """
    event = PrivacyEvent(uuid.uuid4().hex, store._now(), actor or "unknown", action,
                         entity_type, entity_id, reason, details or {})
    with store.write():
        store.conn.execute(
            "INSERT INTO privacy_log (id, at, actor, action, entity_type, entity_id, reason,"
            " details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (event.id, event.at, event.actor, event.action, event.entity_type,
             event.entity_id, event.reason, json.dumps(event.details, ensure_ascii=False)))
        path = database_file(store)
        if path is not None:
            _append_line(sidecar_path(path), {**event.__dict__, "replay": replay or {}},
                         sync=sync)
    return event


def events(store: Store, limit: int = 1000) -> list[PrivacyEvent]:
    """The logged events, newest first."""
    return [PrivacyEvent(r["id"], r["at"], r["actor"], r["action"], r["entity_type"],
                         r["entity_id"], r["reason"], json.loads(r["details"]))
            for r in store._all("SELECT * FROM privacy_log ORDER BY at DESC, pk DESC LIMIT ?",
                                (limit,))]


def read_events_file(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The events of a privacy log saved with ``callsheet-api privacy log --json``, oldest
    first. Raises ValueError when the file is not such a list."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(
            isinstance(e, dict) and {"id", "at", "action"} <= e.keys() for e in data):
        raise ValueError("not a privacy log saved with 'privacy log --json'")
    return sorted(data, key=lambda e: (str(e["at"]), str(e["id"])))


def read_sidecar(db_path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The events in the file beside the database, oldest first (a torn last line, from a
    crash while writing it, is skipped)."""
    path = sidecar_path(db_path)
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(entry, dict) and "id" in entry and "action" in entry:
            out.append(entry)
    return out


def reapply_file(db_path: str | os.PathLike[str]) -> list[str]:
    """``reapply`` on the database at ``db_path`` (a no-op without a log file beside it)."""
    if not read_sidecar(db_path):
        return []
    from .database import connect
    from .store import Store

    store = Store(connect(db_path))
    try:
        return reapply(store)
    finally:
        store.db.close()


def reapply(store: Store) -> list[str]:
    """After a restore: apply again what the file beside the database logged but the
    restored database does not know; returns the ids of the persons erased again."""
    path = database_file(store)
    if path is None:
        return []
    return reapply_events(store, read_sidecar(path))


def reapply_events(store: Store, entries: list[dict[str, Any]]) -> list[str]:
    """Apply again the logged ``entries`` (oldest first) the database does not know;
    returns the ids of the persons erased again.

    Missing events are copied into ``privacy_log``; each missing erasure erases
    its person again (if the backup still has them) and puts its hashes back on
    the block list; a missing retention run deletes the calls it had deleted.
    """
    from .privacy import erase_person
    from .retention import delete_calls_before

    known = {r[0] for r in store._all("SELECT id FROM privacy_log")}
    erased: list[str] = []
    for entry in entries:
        if entry["id"] in known:
            continue
        replay = entry.get("replay") or {}
        if replay.get("secret") and blocklist.secret(store, create=False) is None:
            # The backup predates the first erasure: take the secret its hashes use.
            store.set_setting(blocklist.SECRET_SETTING, replay["secret"])
        if entry["action"] == "erase" and entry.get("entity_type") == "person":
            row = store._one("SELECT erased_at FROM persons WHERE id = ?",
                             (entry["entity_id"],))
            if row is not None and row["erased_at"] is None:
                erase_person(store, entry["entity_id"], reason=entry.get("reason") or "restore",
                             who=entry.get("actor") or "restore", log=False)
                erased.append(entry["entity_id"])
        elif entry["action"] == "retention" and (
                before := replay.get("calls_before")
                or (entry.get("details") or {}).get("calls_before")):
            delete_calls_before(store, before)
        with store.write():
            blocklist.add_hashes(store, replay.get("blocked") or [])
            store.conn.execute(
                "INSERT INTO privacy_log (id, at, actor, action, entity_type, entity_id,"
                " reason, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (entry["id"], entry["at"], entry.get("actor") or "unknown", entry["action"],
                 entry.get("entity_type"), entry.get("entity_id"), entry.get("reason"),
                 json.dumps(entry.get("details") or {}, ensure_ascii=False)))
    return erased
