"""Waitress as the API runs it (crm_api.server): no busy loop, no warning per queued request.

The main loop leaves a small answer to the worker writing it. Otherwise it saw the
answer as writable while the worker was in send() without the GIL, could not take the
buffer's lock, and polled again at once: a busy loop that took the GIL from that worker
(27-67 loop passes per API request, about half the API server's CPU; perf stat).
"""

from __future__ import annotations

from crm_api.server import LOOP_FLUSHES_FROM, _Channel


def _channel(*, serving: bool, pending: int, will_close: bool = False) -> _Channel:
    ch = object.__new__(_Channel)  # the state writable() reads, without a socket
    ch.requests = [object()] if serving else []
    ch.total_outbufs_len = pending
    ch.will_close = will_close
    ch.close_when_flushed = False
    return ch


def test_the_loop_leaves_a_small_answer_to_the_worker_writing_it() -> None:
    assert not _channel(serving=True, pending=200).writable()


def test_the_loop_sends_what_is_left_once_the_worker_is_done() -> None:
    assert _channel(serving=False, pending=200).writable()


def test_the_loop_helps_with_a_large_answer_and_closes_a_closing_channel() -> None:
    assert _channel(serving=True, pending=LOOP_FLUSHES_FROM).writable()
    assert _channel(serving=True, pending=0, will_close=True).writable()


def test_nothing_to_send_is_not_writable() -> None:
    assert not _channel(serving=False, pending=0).writable()


def test_a_queue_of_one_is_not_logged_a_queue_beyond_the_workers_is(caplog) -> None:
    from crm_api.server import _QueueLog

    log = _QueueLog(workers=8)
    with caplog.at_level("WARNING", logger="waitress.queue"):
        log.warning("Task queue depth is %d", 1)
        log.warning("Task queue depth is %d", 8)
        assert not caplog.records
        log.warning("Task queue depth is %d", 9)
    assert [r.getMessage() for r in caplog.records] == ["Task queue depth is 9"]


def test_the_server_uses_the_quiet_queue_log() -> None:
    from crm_api.server import ApiServer, _QueueLog

    server = ApiServer(lambda environ, start: [], "127.0.0.1", 0)
    try:
        assert isinstance(server._server.task_dispatcher.queue_logger, _QueueLog)
    finally:
        server.stop()


def test_work_after_a_request_runs_once_its_answer_is_sent() -> None:
    # The access log's batches run here (crm_api.logs.AccessLines.after_request): the
    # caller has its answer while that work still runs, so it never waits for it.
    import threading
    import urllib.request

    from crm_api.server import ApiServer

    began, release = threading.Event(), threading.Event()

    def after_request() -> None:
        began.set()
        release.wait(10)

    def app(environ, start):  # type: ignore[no-untyped-def]
        start("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
        return [b"ok"]

    server = ApiServer(app, "127.0.0.1", 0, after_request=after_request)
    server.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/", timeout=5) as r:
            assert r.read() == b"ok"
        assert began.wait(5)  # it ran for this request, and had not finished
        assert not release.is_set()
    finally:
        release.set()
        server.stop()
