"""Many access lines at once (shared.loglines): the same lines the logging module would
write, secrets hidden, and every other handler still gets a record per line."""

from __future__ import annotations

import io
import logging

import pytest

from crm_api.logsink import DroppingHandler
from shared import logfiles
from shared.loglines import log_lines
from tests.log_capture import Kept

# Times with every kind of millisecond: none, the last of a second, one rounding up.
TIMES = [1_764_600_000.0, 1_764_600_000.9996, 1_764_600_001.0005, 1_764_600_059.5]


def _outputs(tmp_path, name: str, fmt: str, secrets=()):  # type: ignore[no-untyped-def]
    """A log file and an in-memory console, as the server has them."""
    file = logfiles.LogFile(tmp_path / f"{name}.log", maxBytes=1 << 20, backupCount=1,
                            encoding="utf-8", delay=True)
    console = io.StringIO()
    dropping = DroppingHandler(console)
    for h in (file, dropping):
        h.setFormatter(logfiles.Formatter(fmt))
        h.addFilter(logfiles.RedactSecrets(secrets))
    return file, dropping, console


def _one_by_one(logger: logging.Logger, messages: list[str]) -> None:
    for at, message in zip(TIMES, messages, strict=True):
        record = logger.makeRecord(logger.name, logging.INFO, "", 0, message, (), None)
        record.created, record.msecs = at, int((at - int(at)) * 1000) + 0.0
        logger.handle(record)


@pytest.mark.parametrize("fmt", [logfiles.FORMAT, "%(asctime)s %(name)s %(message)s",
                                 "{%(levelname)s} %(message)s %(process)d"])
def test_lines_made_at_once_are_the_lines_logging_writes(tmp_path, logger, fmt):
    messages = ['127.0.0.1 "POST /contacts/search" 200 0.4ms', "100% {done}", "ä \\x00",
                '127.0.0.1 "GET /calls" 404 1.0ms']
    file, dropping, console = _outputs(tmp_path, "by-record", fmt)
    logger.handlers[:] = [file, dropping]
    _one_by_one(logger, messages)
    dropping.flush()
    expected_file, expected_console = (tmp_path / "by-record.log").read_text(), console.getvalue()

    file, dropping, console = _outputs(tmp_path, "at-once", fmt)
    logger.handlers[:] = [file, dropping]
    # Made a batch at a time, not handed down the record path.
    template = logger.makeRecord(logger.name, logging.INFO, "", 0, "", (), None)
    assert file.formatter.line_maker(template) is not None
    log_lines(logger, logging.INFO, list(zip(TIMES, messages, strict=True)))
    dropping.flush()
    assert (tmp_path / "at-once.log").read_text() == expected_file
    assert console.getvalue() == expected_console
    assert expected_file.count("\n") == 4 and "POST /contacts/search" in expected_file


def test_secrets_are_hidden_in_lines_made_at_once(tmp_path, logger):
    file, dropping, console = _outputs(tmp_path, "secrets", logfiles.FORMAT,
                                       secrets=("s3cr3t-key-of-this-server",))
    logger.handlers[:] = [file, dropping]
    log_lines(logger, logging.INFO, list(zip(TIMES, [
        '127.0.0.1 "GET /calls?api_key=abc123" 401 0.1ms',
        '127.0.0.1 "GET /s3cr3t-key-of-this-server" 404 0.1ms',
        "Authorization: Bearer xyz789", '127.0.0.1 "GET /calls" 200 0.2ms'], strict=True)))
    dropping.flush()
    for text in ((tmp_path / "secrets.log").read_text(), console.getvalue()):
        assert not any(s in text for s in ("abc123", "s3cr3t", "xyz789"))
        assert text.count("[hidden]") == 3 and '"GET /calls" 200 0.2ms' in text


def test_other_handlers_get_a_record_per_line(logger):
    kept = Kept()
    kept.setFormatter(logfiles.Formatter("%(created)f %(message)s"))  # no line maker for it
    logger.addHandler(kept)
    log_lines(logger, logging.INFO, [(TIMES[0], "one"), (TIMES[1], "two")])
    assert [(r.created, r.getMessage(), r.levelno, r.name) for r in kept.records] == [
        (TIMES[0], "one", logging.INFO, logger.name), (TIMES[1], "two", logging.INFO,
                                                      logger.name)]
    assert kept.format(kept.records[1]) == f"{TIMES[1]:f} two"
    logger.setLevel(logging.WARNING)
    log_lines(logger, logging.INFO, [(TIMES[2], "three")])
    assert len(kept.records) == 2
