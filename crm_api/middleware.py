"""The API key check and the access log, around every request."""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
import re
import threading
import time

import falcon

from .context import ApiContext, RequestInfo

OPEN_PATHS = frozenset({"/openapi.json"})
CHALLENGES = ['Bearer realm="callsheet"', 'Basic realm="callsheet"']
access_log = logging.getLogger("callsheet.access")
ACCESS_FORMAT = '%s "%s %s" %d %.1fms'

# Control characters (C0, DEL, C1), line and paragraph separators and bidi controls:
# in a logged path they would start a forged log line, drive the terminal (ESC) or
# reorder what a reader sees. A backslash is escaped too, so an escape is unambiguous,
# and a double quote, so the path cannot end the quoted request field early.
_UNPRINTABLE = re.compile('[\\\\"\\x00-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f'
                          '\\u2028-\\u202e\\u2066-\\u2069]')


def printable(text: str) -> str:
    r"""``text`` with control and bidi characters and ``"`` as ``\xNN`` / ``\uNNNN``."""
    def escape(m: re.Match[str]) -> str:
        c = m.group()
        if c == "\\":
            return "\\\\"
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
    return _UNPRINTABLE.sub(escape, text)


def presented_key(header: str | None) -> str | None:
    """The key in an ``Authorization`` header: Bearer, or Basic with the key as password."""
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    scheme = scheme.lower()
    if scheme == "bearer":
        return value.strip() or None
    if scheme == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        _, sep, password = decoded.partition(":")
        return password if sep else None
    return None


class RequireKey:
    """401 for every request without the current API key, except the OpenAPI document."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def process_request(self, req: falcon.Request, resp: falcon.Response) -> None:
        if req.path in OPEN_PATHS:
            return
        given = presented_key(req.get_header("Authorization"))
        expected = self.ctx.current_key()
        # compare_digest takes the same time wherever the strings differ.
        if given is None or not expected or not hmac.compare_digest(
                given.encode("utf-8", "surrogateescape"), expected.encode("utf-8")):
            raise falcon.HTTPUnauthorized(
                description=("Send the API key as 'Authorization: Bearer <key>' (or HTTP Basic"
                             " with the key as password); it is shown in Callsheet's settings."
                             if given is None else "The API key is not valid."),
                challenges=CHALLENGES,
            )


class AccessLog:
    """One line per request: client, method, path, status, milliseconds (never headers)."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx

    def process_request(self, req: falcon.Request, resp: falcon.Response) -> None:
        req.context.started = time.perf_counter()

    def process_response(
        self, req: falcon.Request, resp: falcon.Response, resource: object, req_succeeded: bool
    ) -> None:
        started = getattr(req.context, "started", None)
        ms = (time.perf_counter() - started) * 1000 if started else 0.0
        status = int(str(resp.status)[:3])
        client = req.remote_addr or "-"
        path = printable(req.path)
        if self.ctx.access_log:
            if self.ctx.access_lines is not None:
                self.ctx.access_lines.put(client, req.method, path, status, ms)
            else:
                access_log.info(ACCESS_FORMAT, client, req.method, path, status, ms)
        if self.ctx.on_request is not None:
            error = None
            if status >= 500:
                media = resp.media if isinstance(resp.media, dict) else {}
                error = str(media.get("message") or resp.status)
            self.ctx.on_request(RequestInfo(time.time(), client, req.method, path, status,
                                            ms, error))


# Requests that write (GET .../next hands a contact out, POST /contacts/show queues a
# screen pop); every other POST, PATCH, PUT and DELETE writes too.
_READS = frozenset({("POST", "/contacts/search")})
_WRITING_GETS = frozenset({"/campaigns/{campaign_id}/next"})
# Of Waitress's 12 workers (crm_api.server): 8 may write, so a burst of posted calls is
# group-committed 8 at a time (one fsync, and the index pages they share written once:
# about 15 % less CPU per call than 4 at a time), and 4 are always left for lookups.
WRITE_SLOTS = 8


def is_write(method: str, template: str | None) -> bool:
    """Whether a request to this route writes to the database."""
    if method in ("GET", "HEAD", "OPTIONS"):
        return method == "GET" and template in _WRITING_GETS
    return (method, template) not in _READS


class WriteSlots:
    """At most ``slots`` of Waitress's worker threads wait for or do writes at a time.

    When another program holds SQLite's write lock (an import, a backup), each
    write waits up to the busy timeout. Without a cap, queued writes would
    take every worker and a caller lookup, which never needs the write lock
    in WAL mode, would wait behind them. A write that finds every slot taken
    waits for one only while writes are flowing (a burst of calls: a slot
    frees within milliseconds); when the oldest slot has been held longer
    than ``stalled`` seconds the writes are stuck, and it is answered 503 with
    ``Retry-After`` at once, so that waiting for a slot never ties up a worker
    either.
    """

    def __init__(self, slots: int = WRITE_SLOTS, wait: float = 5.0,
                 stalled: float = 0.25) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self.wait = wait
        self.stalled = stalled
        self._held: dict[int, float] = {}  # id(request) -> when it took its slot
        self._mutex = threading.Lock()

    def _stuck(self) -> bool:
        with self._mutex:
            oldest = min(self._held.values(), default=None)
        return oldest is not None and time.monotonic() - oldest > self.stalled

    def process_resource(self, req: falcon.Request, resp: falcon.Response,
                         resource: object, params: dict) -> None:
        if resource is None or not is_write(req.method, req.uri_template):
            return
        if not self._slots.acquire(blocking=False) and (
                self._stuck() or not self._slots.acquire(timeout=self.wait)):
            raise falcon.HTTPServiceUnavailable(
                description="The database is busy with a long write; try again in a moment.",
                retry_after=1)
        with self._mutex:
            self._held[id(req)] = time.monotonic()
        req.context.write_slot = True

    def process_response(self, req: falcon.Request, resp: falcon.Response,
                         resource: object, req_succeeded: bool) -> None:
        if getattr(req.context, "write_slot", False):
            req.context.write_slot = False
            with self._mutex:
                self._held.pop(id(req), None)
            self._slots.release()
