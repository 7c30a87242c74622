"""The HTTP edge, probed from outside: large bodies, idle and trickling sockets,
forged log lines, and a server whose output nobody reads.

Each test talks to a real Waitress server on 127.0.0.1 over raw sockets (or
``callsheet-api serve`` in a child process), as an attacker or a flaky
network would.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit

import requests

from crm_api.bodies import MAX_BODY
from crm_api.server import REQUEST_SECONDS, WAITRESS_OPTIONS

from .conftest import API_KEY, ROOT, serve, serve_process

LOOKUP = {"query": {"phoneNumber": "+4350456"}}
AUTH = {"Authorization": f"Bearer {API_KEY}"}


def _address(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname, parts.port


def _response(s: socket.socket, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """Read one HTTP response (status, headers, body by Content-Length) from a raw socket."""
    s.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip()
               for k, _, v in (line.partition(":") for line in lines[1:])}
    while len(body) < int(headers.get("content-length", 0)):
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(lines[0].split()[1]), headers, body


def _post_head(host: str, port: int, extra: str, key: bool) -> bytes:
    auth = f"Authorization: Bearer {API_KEY}\r\n" if key else ""
    return (f"POST /calls HTTP/1.1\r\nHost: {host}:{port}\r\n{auth}"
            f"Content-Type: application/json\r\n{extra}\r\n").encode()


def test_a_large_body_is_refused_before_it_is_sent_even_without_a_key(tmp_path):
    with serve(tmp_path / "callsheet.db") as served:
        address = _address(served.url)
        for key in (False, True):
            with socket.create_connection(address, timeout=10) as s:
                # Only the headers: the server must answer without waiting for 100 MiB.
                s.sendall(_post_head(*address, "Content-Length: 104857600\r\n", key))
                status, headers, body = _response(s)
            assert status == 413
            assert headers["content-type"] == "application/json"
            assert json.loads(body) == {"message": f"The body is larger than {MAX_BODY} bytes."}


def test_a_chunked_body_is_cut_off_at_one_mib(tmp_path):
    with serve(tmp_path / "callsheet.db") as served:
        address = _address(served.url)
        with socket.create_connection(address, timeout=10) as s:
            s.sendall(_post_head(*address, "Transfer-Encoding: chunked\r\n", key=False))
            chunk = b"%x\r\n%s\r\n" % (64 * 1024, b" " * 64 * 1024)
            sent = 0
            try:
                for _ in range(64):  # up to 4 MiB; the server stops listening after 1
                    s.sendall(chunk)
                    sent += 64 * 1024
            except (BrokenPipeError, ConnectionResetError):
                pass
            status, _, body = _response(s)
        assert status == 413 and "larger than" in json.loads(body)["message"]
        assert sent < 4 * 1024 * 1024 or status == 413


def test_a_body_of_exactly_one_mib_still_reaches_the_app(tmp_path):
    with serve(tmp_path / "callsheet.db") as served:
        text = json.dumps(LOOKUP)
        body = text[:-1] + " " * (MAX_BODY - len(text)) + "}"
        assert len(body.encode()) == MAX_BODY
        r = requests.post(served.url + "/contacts/search", data=body, timeout=10,
                          headers=AUTH | {"Content-Type": "application/json"})
        assert r.status_code == 200, r.text


def test_three_hundred_idle_sockets_do_not_make_a_lookup_wait(tmp_path):
    with serve(tmp_path / "callsheet.db") as served:
        address = _address(served.url)
        idle = [socket.create_connection(address, timeout=10) for _ in range(300)]
        try:
            time.sleep(0.5)  # the server has taken what it takes of them
            started = time.monotonic()
            r = requests.post(served.url + "/contacts/search", json=LOOKUP, headers=AUTH,
                              timeout=30)
            waited = time.monotonic() - started
            assert r.status_code == 200
            # Before: ~30 s (the connection limit, until channel_timeout freed a slot).
            assert waited < 3, f"the lookup waited {waited:.1f} s behind idle sockets"
        finally:
            for s in idle:
                s.close()


def test_a_connection_that_sends_no_complete_request_is_closed_within_ten_seconds(tmp_path):
    assert REQUEST_SECONDS + WAITRESS_OPTIONS["cleanup_interval"] + 1 <= 10
    with serve(tmp_path / "callsheet.db") as served:
        address = _address(served.url)
        silent = socket.create_connection(address, timeout=15)
        trickler = socket.create_connection(address, timeout=15)
        started = time.monotonic()
        try:
            # One byte of headers every half second: never silent, never complete.
            request = _post_head(*address, "Content-Length: 10\r\n", key=True)
            closed_at: dict[str, float] = {}
            for i in range(60):
                try:
                    trickler.sendall(request[i:i + 1])
                except (BrokenPipeError, ConnectionResetError):
                    closed_at.setdefault("trickler", time.monotonic() - started)
                for name, s in (("silent", silent), ("trickler", trickler)):
                    if name in closed_at:
                        continue
                    s.settimeout(0.5 if name == "silent" else 0.01)
                    try:
                        if s.recv(1) == b"":
                            closed_at[name] = time.monotonic() - started
                    except TimeoutError:
                        pass
                    except ConnectionResetError:
                        closed_at[name] = time.monotonic() - started
                if len(closed_at) == 2:
                    break
            # 10 s is the promise; the loop's own half seconds are slack for a busy machine.
            assert closed_at.get("silent", 99) < 11, closed_at
            assert closed_at.get("trickler", 99) < 11, closed_at
        finally:
            silent.close()
            trickler.close()


def test_the_access_log_escapes_control_characters_in_paths(tmp_path):
    with serve_process(tmp_path / "callsheet.db") as child:
        for path in ("/x%0a1.2.3.4%20%22GET%20/forged%22%20200", "/y%1b[31mred%1b[0m",
                     "/z%e2%80%ae%0d"):
            assert requests.get(child.url + path, headers=AUTH, timeout=10).status_code == 404
        requests.get(child.url + "/openapi.json", timeout=10)  # the last line, to wait for
        deadline = time.monotonic() + 10
        while "/openapi.json" not in "".join(child.stderr) and time.monotonic() < deadline:
            time.sleep(0.05)
        log = "".join(child.stderr)
    lines = log.splitlines()
    assert not any(line.startswith("1.2.3.4") or "/forged" in line.split('"GET /x')[0]
                   for line in lines)
    assert "\x1b" not in log and "\u202e" not in log and "\r" not in log
    assert '"GET /x\\x0a1.2.3.4 \\x22GET /forged\\x22 200" 404' in log
    assert '"GET /y\\x1b[31mred\\x1b[0m" 404' in log
    assert '"GET /z\\u202e\\x0d" 404' in log


def test_a_server_whose_output_nobody_reads_keeps_answering(tmp_path):
    env = dict(os.environ)
    env.pop("CALLSHEET_API_KEY", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "crm_api", "serve", "--db", str(tmp_path / "callsheet.db"),
         "--port", "0", "--api-key", API_KEY],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # The first line tells the port; after it nothing of stdout or stderr is read.
        line = proc.stdout.readline().decode()
        url = line.split("listening on ")[1].split(" ")[0]
        answered = 0
        with requests.Session() as session:
            session.headers.update(AUTH)
            for _ in range(2100):  # ~170 KB of access log: the pipe holds 64 KiB
                r = session.post(url + "/contacts/search", json=LOOKUP, timeout=10)
                assert r.status_code == 200
                answered += 1
        assert answered == 2100
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0  # and it stops, its output still unread
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=15)
        proc.stdout.close()
        proc.stderr.close()
