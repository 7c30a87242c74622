"""Many messages of one logger at once: a server's access lines, a batch at a time.

Through ``Logger.handle`` each line costs a record, a filter pass, a format and a
write (or queue hand-over) per handler: 13 us a line, most of a lookup's
overhead over a bare server (bench/run). A handler that can take formatted lines
(``emit_lines``: shared.logfiles.LogFile, crm_api.logsink.DroppingHandler) gets
the batch's lines made by its formatter's ``line_maker`` in one go, its
``RedactSecrets`` filters applied to the batch; any other handler (a test's,
an embedding program's) gets one record per line, as ``Logger.handle`` gives it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from .logfiles import Formatter, RedactSecrets


def log_lines(logger: logging.Logger, level: int,
              lines: Sequence[tuple[float, str]]) -> None:
    """Log ``lines`` ((time.time() when it happened, message) pairs, in order) on
    ``logger`` at ``level``, to the handlers a record of it would reach."""
    if not lines or not logger.isEnabledFor(level):
        return
    template = logger.makeRecord(logger.name, level, "", 0, "", (), None)
    if logger.filters and not logger.filter(template):
        return
    for handler in _handlers(logger):
        if level < handler.level:
            continue
        made = _made_lines(handler, template, lines)
        if made is not None:
            handler.emit_lines(made)  # type: ignore[attr-defined]
            continue
        fields, new = template.__dict__, logging.LogRecord.__new__
        for at, message in lines:
            record = new(logging.LogRecord)
            record.__dict__.update(fields)
            record.msg, record.created, record.msecs = message, at, at % 1 * 1000
            handler.handle(record)


def _made_lines(handler: logging.Handler, template: logging.LogRecord,
                lines: Sequence[tuple[float, str]]) -> list[str] | None:
    """The handler's lines for ``lines``, when it takes them made (else None)."""
    formatter = handler.formatter
    if (not hasattr(handler, "emit_lines") or not isinstance(formatter, Formatter)
            or not all(isinstance(f, RedactSecrets) for f in handler.filters)):
        return None
    make = formatter.line_maker(template)
    if make is None:
        return None
    messages = [message for _, message in lines]
    for redact in handler.filters:
        messages = redact.clean_all(messages)  # type: ignore[union-attr]
    return [make(at, message) for (at, _), message in zip(lines, messages, strict=True)]


def _handlers(logger: logging.Logger) -> Iterator[logging.Handler]:
    """The handlers a record of ``logger`` reaches (as ``Logger.callHandlers`` walks)."""
    current: logging.Logger | None = logger
    while current is not None:
        yield from current.handlers
        current = current.parent if current.propagate else None  # type: ignore[assignment]
