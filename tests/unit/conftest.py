"""Fixtures of the unit tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    """A logger no record leaves (no propagation), its handlers closed after the test."""
    log = logging.getLogger("callsheet.test-lines")
    log.setLevel(logging.INFO)
    log.propagate = False
    yield log
    for h in list(log.handlers):
        log.removeHandler(h)
        h.close()
