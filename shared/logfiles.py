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
from collections import deque
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


class RedactSecrets(logging.Filter):
    """Blanks bearer tokens and ``api_key=…`` values in the formatted message."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = _SECRETS.sub(lambda m: m.group(1) + "[hidden]", message)
        for secret in self.secrets:
            clean = clean.replace(secret, "[hidden]")
        if clean != message:
            record.msg, record.args = clean, None
        return True


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
    formatter = logging.Formatter(FORMAT)
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
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8", delay=True)
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
