"""Group commit of posted calls: Store.batch and the GroupCommit around it."""

from __future__ import annotations

import threading

import pytest

from shared.calls import parse_call
from shared.database import connect
from shared.errors import ValidationError
from shared.group_commit import GroupCommit
from shared.model import Actor
from shared.store import Store

API = Actor("api", "127.0.0.1")


def _call(call_id: str, **fields):
    return parse_call({"id": call_id, "timestampInit": "2026-11-26T10:00:00Z"} | fields)


def _rec(call):
    return lambda s: s.record_call(call, API)


def test_one_bad_call_rolls_back_alone(store):
    bad = _call("bad", newTasks=[{"campaign": "nope", "timestamp": "2026-11-27T10:00:00Z"}],
                contact={"company": "C1", "person": None})
    out = store.batch([_rec(_call("a")), _rec(bad), _rec(_call("b"))])
    assert [type(o).__name__ for o in out] == ["CallResult", "ValidationError", "CallResult"]
    assert "nope" in out[1].message
    assert [r[0] for r in store.conn.execute("SELECT id FROM calls ORDER BY id")] == ["a", "b"]
    assert not store.conn.in_transaction



def test_a_write_that_fails_after_writing_rolls_back_alone_between_good_ones(store):
    # On PostgreSQL the savepoints of earlier writes stay open (no RELEASE): rolling back
    # to the newest one undoes this write only, earlier and later ones stay.
    def written_then_refused(call_id):
        def work(s):
            s.record_call(_call(call_id), API)
            raise ValidationError(f"refused {call_id}")
        return work

    out = store.batch([_rec(_call("a")), written_then_refused("b"), _rec(_call("c")),
                       written_then_refused("d"), written_then_refused("e"), _rec(_call("f"))])
    assert [type(o).__name__ for o in out] == ["CallResult", "ValidationError", "CallResult",
                                               "ValidationError", "ValidationError",
                                               "CallResult"]
    assert [r[0] for r in store.conn.execute("SELECT id FROM calls ORDER BY id")] == [
        "a", "c", "f"]
    assert [r[0] for r in store.conn.execute(
        "SELECT entity_id FROM audit_log WHERE entity_type = 'call' ORDER BY entity_id")] == [
        "a", "c", "f"]
    assert not store.conn.in_transaction

def test_a_bad_call_alone_in_its_batch_is_its_outcome_and_stores_nothing(store):
    # A batch of one runs without a savepoint: its own transaction rolls back instead.
    bad = _call("alone", newTasks=[{"campaign": "nope", "timestamp": "2026-11-27T10:00:00Z"}],
                contact={"company": "C1", "person": None})
    out = store.batch([_rec(bad)])
    assert isinstance(out[0], ValidationError) and "nope" in out[0].message
    assert store.conn.execute("SELECT count(*) FROM calls WHERE id = 'alone'").fetchone()[0] == 0
    assert not store.conn.in_transaction
    assert store.batch([_rec(_call("alone"))])[0].created  # the connection is fine after it


def test_the_same_id_twice_in_a_batch_is_a_replace(store):
    out = store.batch([_rec(_call("x", agent="one")), _rec(_call("x", agent="two"))])
    assert [o.created for o in out] == [True, False]
    assert store.conn.execute("SELECT count(*), max(agent) FROM calls").fetchone()[:] == (1, "two")


@pytest.mark.parametrize("own_connection", [True, False])
def test_writer_answers_each_thread_with_its_own_outcome(db_path, store, own_connection):
    writer = GroupCommit((lambda: Store(connect(db_path))) if own_connection else None)
    results: dict[str, object] = {}
    lock = threading.Lock()

    def post(n: int) -> None:
        s = Store(connect(db_path))
        try:
            for k in range(25):
                call_id = f"c{n}-{k % 20}"  # every thread replays a few of its ids
                if k == 7:
                    call = _call(call_id, newTasks=[{"campaign": "nope",
                                                     "timestamp": "2026-11-27T10:00:00Z"}],
                                 contact={"company": "C1", "person": None})
                else:
                    call = _call(call_id)
                try:
                    outcome: object = writer.run(_rec(call), store=s)
                except ValidationError as e:
                    outcome = e
                with lock:
                    results.setdefault(call_id, []).append(outcome)
        finally:
            s.db.close()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    stored = {r[0] for r in store.conn.execute("SELECT id FROM calls")}
    for call_id, outcomes in results.items():
        ok = [o for o in outcomes if not isinstance(o, Exception)]
        assert (call_id in stored) == bool(ok)
        # The first success creates, later ones replace: never two rows for one id.
        assert not ok or [o.created for o in ok] == [True] + [False] * (len(ok) - 1)
    assert sum(isinstance(o, ValidationError) for v in results.values() for o in v) == 8
    assert len(stored) == 8 * 19  # the ids posted only once, invalid, are not stored


def test_a_failed_commit_fails_the_whole_batch(store, monkeypatch):
    def broken(works, durable):
        raise OSError("disk gone")

    monkeypatch.setattr(store, "batch", broken)
    with pytest.raises(OSError, match="disk gone"):
        GroupCommit().run(_rec(_call("z")), store=store)


@pytest.mark.sqlite_only
def test_durability_is_restored_after_a_lease(store):
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    store.batch([lambda s: s.set_setting("x", "1")], durable=False)
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    with pytest.raises(ValueError):
        with store.write(durable=False):
            raise ValueError
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
