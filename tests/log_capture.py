"""A handler that keeps the records it gets (tests/unit/conftest.py: a logger of its own)."""

from __future__ import annotations

import logging


class Kept(logging.Handler):
    """Keeps every record handed to it, as it came."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
