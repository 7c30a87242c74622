"""The programs' log files: in the log folder, rotating, never with a secret."""

import logging

import pytest

from shared import logfiles


@pytest.fixture
def clean_root():
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield root
    for h in root.handlers:
        if h not in before:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


def test_the_log_file_rotates(tmp_path, monkeypatch, clean_root):
    monkeypatch.setenv(logfiles.LOG_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(logfiles, "MAX_BYTES", 2000)
    path = logfiles.setup_logging("callsheet-api")
    assert path == tmp_path / "callsheet-api.log"
    assert logfiles.setup_logging("callsheet-api") == path  # no second handler
    log = logging.getLogger("callsheet.api")
    for i in range(200):
        log.info("request %03d answered", i)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names[:2] == ["callsheet-api.log", "callsheet-api.log.1"]
    assert len(names) == 1 + logfiles.BACKUPS
    assert logfiles.last_lines(path, 3)[-1].endswith("request 199 answered")
    assert len(logfiles.last_lines(path, 50)) <= 50


def test_secrets_never_reach_the_file(tmp_path, monkeypatch, clean_root):
    monkeypatch.setenv(logfiles.LOG_DIR_ENV, str(tmp_path))
    path = logfiles.setup_logging("callsheet")
    logfiles.add_secret("s3cr3t-key-value")
    log = logging.getLogger("callsheet.desktop")
    log.info("header Authorization: Bearer abc.def-123")
    log.info("settings %s", {"api_key": "zzz-top"})
    log.info("the key is %s", "s3cr3t-key-value")
    text = path.read_text(encoding="utf-8")
    for secret in ("abc.def-123", "zzz-top", "s3cr3t-key-value"):
        assert secret not in text
    assert text.count("[hidden]") == 3


def test_an_unwritable_folder_does_not_stop_the_program(tmp_path, monkeypatch, clean_root):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(logfiles.LOG_DIR_ENV, str(blocker / "logs"))
    assert logfiles.setup_logging("callsheet") is None


def test_lines_made_at_once_are_written_together_and_none_is_lost(tmp_path, monkeypatch,
                                                                  clean_root):
    monkeypatch.setenv(logfiles.LOG_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(logfiles, "MAX_BYTES", 4000)
    path = logfiles.setup_logging("callsheet-api", stderr=False)
    handler = next(h for h in clean_root.handlers if isinstance(h, logfiles.LogFile))
    handler.emit_lines([f"made {i:03d}" for i in range(10)])
    assert path.read_text().splitlines() == [f"made {i:03d}" for i in range(10)]
    for i in range(120):  # across rotations: every line in one of the files
        handler.emit_lines([f"request {i:03d}-{k} answered" for k in range(5)])
    text = "".join(p.read_text() for p in tmp_path.iterdir())
    assert all(f"request {i:03d}-{k} answered" in text for i in range(120) for k in range(5))
    assert len(list(tmp_path.iterdir())) > 2
    assert all(p.stat().st_size < 4200 for p in tmp_path.iterdir())


