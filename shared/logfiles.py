"""Log files: ``callsheet`` and ``callsheet-api`` write a rotating log in the user's
log folder, so there is a trace when something goes wrong in a packaged app
whose stderr nobody sees.

The folder is platformdirs' user log folder for "Callsheet" (Linux:
~/.local/state/Callsheet/log, macOS: ~/Library/Logs/Callsheet, Windows:
%LOCALAPPDATA%\\Callsheet\\Logs), or CALLSHEET_LOG_DIR when set. Secrets never
reach the file: a filter blanks bearer tokens and API keys in every record.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections import deque
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

LOG_DIR_ENV = "CALLSHEET_LOG_DIR"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"

_SECRETS = re.compile(
    r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?(?:bearer\s+|basic\s+)?|bearer\s+"
    r"|api[_-]?key[\"']?\s*[:=]\s*[\"']?)"
    r"[^\s\"',;]+")

# What every text _SECRETS matches holds (lower-cased).
_SECRET_WORDS = ("authorization", "bearer", "key")


class RedactSecrets(logging.Filter):
    """Blanks bearer tokens and ``api_key=…`` values in the formatted message."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        # One filter serves the file and the console: a record it has seen is clean.
        if getattr(record, "_redacted_by", None) is self:
            return True
        # The message is made once here; each handler's formatter need not make it again.
        record.msg, record.args = self.clean(record.getMessage()), None
        record._redacted_by = self
        return True

    def clean(self, message: str) -> str:
        """``message`` with its secrets blanked."""
        clean = _SECRETS.sub(lambda m: m.group(1) + "[hidden]", message)
        for secret in self.secrets:
            clean = clean.replace(secret, "[hidden]")
        return clean

    def clean_all(self, messages: list[str]) -> list[str]:
        """``messages`` with their secrets blanked: one search over all of them, as a
        batch of access lines seldom holds a secret (each alone costs a regex call)."""
        joined = "\x00".join(messages)
        lowered = joined.lower()
        # Substring tests first: far cheaper than the expression, which tries every position.
        if (not any(word in lowered for word in _SECRET_WORDS)
                or _SECRETS.search(joined) is None) and not any(
                s in joined for s in self.secrets):
            return messages
        return [self.clean(m) for m in messages]


class Formatter(logging.Formatter):
    """logging.Formatter that makes each second's date and time text once: a server
    logs a line per request, and localtime + strftime were a tenth of each line's cost."""

    def __init__(self, fmt: str) -> None:
        super().__init__(fmt)
        self._second: tuple[int, str] = (-1, "")
        self._makers: dict[tuple[object, ...], Callable[[float, str], str] | None] = {}

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return self._time_text(record.created)

    def _time_text(self, created: float) -> str:
        second = int(created)
        cached = self._second  # one tuple, read and replaced whole: safe across threads
        if cached[0] != second:
            cached = (second, time.strftime(self.default_time_format, self.converter(created)))
            self._second = cached
        return self.default_msec_format % (cached[1], (created - second) * 1000)

    def line_maker(self, template: logging.LogRecord) -> Callable[[float, str], str] | None:
        """A function making the line this formatter would make of ``template`` logged at
        another time with another message; None for a format that shows anything else
        that differs from record to record (then each record is formatted as usual).

        A batch of a server's access lines differs only in time and message: the rest
        of the line is made once for the batch, not once per line."""
        # Made once per batch of lines; the batches of one logger in one thread share it.
        key = (template.name, template.levelno, template.process, template.thread)
        made = self._makers.get(key, False)
        if made is False:
            made = self._makers[key] = self._line_maker(template)
        return made

    def _line_maker(self, template: logging.LogRecord) -> Callable[[float, str], str] | None:
        if type(self._style) is not logging.PercentStyle or any(
                f"%({name})" in self._fmt for name in ("created", "msecs", "relativeCreated")):
            return None
        marked = logging.makeLogRecord(template.__dict__)
        marked.message, marked.asctime = _MESSAGE_MARK, _TIME_MARK
        text = self.formatMessage(marked)
        if text.count(_MESSAGE_MARK) != 1 or text.count(_TIME_MARK) > 1:
            return None
        pattern = (text.replace("{", "{{").replace("}", "}}")
                   .replace(_TIME_MARK, "{0}").replace(_MESSAGE_MARK, "{1}"))
        fill, time_text = pattern.format, self._time_text
        if _TIME_MARK not in text:
            return lambda created, message: fill("", message)
        return lambda created, message: fill(time_text(created), message)


# Stand-ins for a record's time and message while a format is taken apart (line_maker):
# characters no format and no message holds.
_TIME_MARK, _MESSAGE_MARK = "\x00\ue000T\x00", "\x00\ue000M\x00"


class LogFile(RotatingFileHandler):
    """A RotatingFileHandler that costs one format and one write per record.

    The standard one formats each record twice, asks the file system twice and
    seeks for every record to decide on a rollover, then flushes: a server's
    access lines (one per request) paid five system calls each. Here the size is
    counted as lines are written (read again from the file at each flush, as
    another process may write it too), and a batch of lines made at once
    (``emit_lines``, shared.loglines) is one write.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._size = 0
        self._regular = True

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._write(self.format(record) + self.terminator)
            self.flush()
        except Exception:
            self.handleError(record)

    def emit_lines(self, lines: list[str]) -> None:
        """Write ``lines`` (formatted already: crm_api.logs) in one write."""
        text = "".join(line + self.terminator for line in lines)
        with self.lock:
            try:
                self._write(text)
                self.flush()
            except Exception:
                self.handleError(logging.makeLogRecord({"msg": lines[0] if lines else ""}))

    def _write(self, msg: str) -> None:
        if self.stream is None:
            # bpo-45401: never roll over anything but a regular file (/dev/null).
            self._regular = not os.path.exists(self.baseFilename) or os.path.isfile(
                self.baseFilename)
            self.stream = self._open()
            self._size = self.stream.seek(0, 2)
        if self.maxBytes > 0 and self._regular and self._size + len(msg) >= self.maxBytes:
            self.doRollover()
            if self.stream is None:  # delay=True: doRollover leaves it closed
                self.stream = self._open()
            self._size = self.stream.seek(0, 2)
        self.stream.write(msg)
        self._size += len(msg)

    def flush(self) -> None:
        super().flush()
        with self.lock:
            if self.stream is not None and self._regular:
                self._size = self.stream.seek(0, 2)


def log_dir() -> Path:
    """Where the log files go (CALLSHEET_LOG_DIR, else the user's log folder)."""
    override = os.environ.get(LOG_DIR_ENV)
    return Path(override) if override else Path(user_log_dir("Callsheet", appauthor=False))


def setup_logging(program: str, *, level: int = logging.INFO,
                  stderr: bool = True) -> Path | None:
    """Log to ``<log folder>/<program>.log`` (rotating) and to stderr; returns the file's
    path, or None when the folder cannot be written (the program still runs)."""
    root = logging.getLogger()
    root.setLevel(level)
    formatter = Formatter(FORMAT)
    redact = RedactSecrets()
    path = log_dir() / f"{program}.log"
    for h in our_handlers():
        if isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path:
            return path
        if isinstance(h, RotatingFileHandler):
            # One log file per process: a second program in the same process moves it.
            root.removeHandler(h)
            h.close()
    # Like logging.basicConfig: a console handler only when nothing handles records yet
    # (a test runner's capture, an embedding program).
    if stderr and not root.handlers:
        console = logging.StreamHandler()
        console.setFormatter(formatter)
        console.addFilter(redact)
        _mark(console)
        root.addHandler(console)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                          delay=True)
    except OSError as e:
        logging.getLogger("callsheet").warning("no log file in %s: %s", path.parent, e)
        return None
    handler.setFormatter(formatter)
    handler.addFilter(redact)
    _mark(handler)
    root.addHandler(handler)
    return path


def _mark(handler: logging.Handler) -> None:
    handler._callsheet = True  # type: ignore[attr-defined]


def our_handlers() -> list[logging.Handler]:
    """The root handlers setup_logging added (tests remove them again)."""
    return [h for h in logging.getLogger().handlers if getattr(h, "_callsheet", False)]


def current_log_file() -> Path | None:
    """The log file this process writes, if any."""
    for h in our_handlers():
        if isinstance(h, RotatingFileHandler):
            return Path(h.baseFilename)
    return None


def add_secret(secret: str | None) -> None:
    """Never write ``secret`` (the API key in use) to any log handler."""
    if not secret:
        return
    for h in logging.getLogger().handlers:
        for f in h.filters:
            if isinstance(f, RedactSecrets) and secret not in f.secrets:
                f.secrets += (secret,)


def last_lines(path: Path | None, n: int = 50) -> list[str]:
    """The last ``n`` lines of the log file (empty when there is none yet)."""
    if path is None or not path.exists():
        return []
    with path.open(encoding="utf-8", errors="replace") as f:
        return [line.rstrip("\n") for line in deque(f, maxlen=n)]
