"""Slow and abusive clients hold a socket, never a worker: lookups still answer.

Ten raw sockets misbehave: five trickle a request's headers a byte at a
time and never finish them, five send complete headers announcing a
1000-byte body and stop after ten bytes. Meanwhile normal lookups, more of
them at once than Waitress has worker threads, all answer 200. Then a
server with a short ``channel_timeout`` shows that a client gone quiet is
disconnected (the production value is in ``crm_api/server.py``).
"""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
import requests

from crm_api.server import WAITRESS_OPTIONS

from .conftest import API_KEY, serve

LOOKUP = {"query": {"phoneNumber": "+4350456"}}


def _address(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname, parts.port


def _headers(host: str, port: int, length: int) -> bytes:
    return (f"POST /contacts/search HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Authorization: Bearer {API_KEY}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()


def _trickle(address: tuple[str, int], stop: threading.Event, sent: list[int]) -> None:
    """Send the headers a byte every 50 ms; stop before the blank line that ends them."""
    data = _headers(*address, 1000)[:-2]
    with socket.create_connection(address, timeout=10) as s:
        for byte in data:
            if stop.wait(0.05):
                break
            s.sendall(bytes([byte]))
            sent[0] += 1
        stop.wait(30)


def _stall_body(address: tuple[str, int]) -> socket.socket:
    s = socket.create_connection(address, timeout=10)
    s.sendall(_headers(*address, 1000) + b'{"query": ')
    return s


def _lookup(url: str) -> int:
    return requests.post(url + "/contacts/search", json=LOOKUP, timeout=10,
                         headers={"Authorization": f"Bearer {API_KEY}"}).status_code


def test_lookups_answer_while_ten_clients_hang(tmp_path):
    with serve(tmp_path / "callsheet.db") as served:
        address = _address(served.url)
        stop = threading.Event()
        sent = [0]
        tricklers = [threading.Thread(target=_trickle, args=(address, stop, sent))
                     for _ in range(5)]
        stalled = []
        try:
            for t in tricklers:
                t.start()
            stalled = [_stall_body(address) for _ in range(5)]
            time.sleep(0.3)  # let the trickle start: the hang is under way before we look up
            lookups = 3 * int(WAITRESS_OPTIONS["threads"])
            with ThreadPoolExecutor(max_workers=lookups) as pool:
                statuses = list(pool.map(lambda _: _lookup(served.url), range(lookups)))
            assert statuses == [200] * lookups
            assert sent[0] > 5, "the slow clients never got going"
            # The stalled clients got no answer: they are waiting, not served or refused.
            for s in stalled:
                s.settimeout(0.05)
                try:
                    assert s.recv(1) == b"", "a stalled client got a response"
                except TimeoutError:
                    pass
            print(f"\nslow clients: {lookups} lookups answered 200 while 10 clients hung"
                  f" ({sent[0]} bytes trickled)")
        finally:
            stop.set()
            for s in stalled:
                s.close()
            for t in tricklers:
                t.join(timeout=10)


def test_a_client_gone_quiet_is_disconnected(tmp_path):
    with serve(tmp_path / "callsheet.db", channel_timeout=1, cleanup_interval=1) as served:
        s = _stall_body(_address(served.url))
        s.settimeout(15)  # far above the 1-2 s the cleanup needs: a bound, not a timing test
        try:
            try:
                data = s.recv(1024)
            except ConnectionResetError:
                data = b""
            assert data == b"", data[:200]  # closed without an answer
        finally:
            s.close()
        assert _lookup(served.url) == 200


def test_waitress_options_are_deliberate():
    """A slowloris needs a connection per socket, so the limits bound what it can hold."""
    assert WAITRESS_OPTIONS["channel_timeout"] <= 60
    assert WAITRESS_OPTIONS["connection_limit"] >= 10 * WAITRESS_OPTIONS["threads"]
    assert WAITRESS_OPTIONS["max_request_header_size"] <= 64 * 1024
    assert WAITRESS_OPTIONS["expose_tracebacks"] is False


def test_stopping_the_server_drops_hanging_clients(tmp_path):
    """Stopping (settings changed, app quits) ends every connection, hung or kept alive."""
    before = set(threading.enumerate())
    with serve(tmp_path / "callsheet.db") as served:
        address = _address(served.url)
        hung = _stall_body(address)
        idle = requests.Session()
        idle.headers["Authorization"] = f"Bearer {API_KEY}"
        assert idle.post(served.url + "/contacts/search", json=LOOKUP, timeout=10).ok
    try:
        hung.settimeout(10)
        assert hung.recv(1) == b""
        with pytest.raises(requests.ConnectionError):  # the kept-alive socket is gone too
            idle.post(served.url + "/contacts/search", json=LOOKUP, timeout=10)
    finally:
        hung.close()
        idle.close()
    assert set(threading.enumerate()) <= before  # the loop and its workers ended
