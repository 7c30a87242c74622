"""Live views: notice what other connections (the embedded API, another Callsheet)
committed, and the screen pops Apollo asked for.

SQLite's ``PRAGMA data_version`` changes only when *another* connection
commits, so polling it is nearly free; the GUI's own writes call ``poke()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from shared.store import Store

log = logging.getLogger("callsheet.desktop")
POLL_MS = 400


class LivePoller(QObject):
    """Emits ``changed`` when the database changed and ``screen_pop`` for each pop."""

    changed = Signal()
    screen_pop = Signal(object)  # shared.model.ContactView

    def __init__(self, store: Store, parent: QObject | None = None,
                 interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.store = store
        self._version = store.data_version()
        # Pops requested while Callsheet was closed are stale: nobody is on that call now.
        store.take_screen_pops()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._poke_pending = False

    def start(self) -> None:
        """Begin polling."""
        self._timer.start()

    def stop(self) -> None:
        """Stop polling."""
        self._timer.stop()

    @Slot()
    def check(self) -> None:
        """Look for changes now (the timer calls this; so does a served API request)."""
        try:
            version = self.store.data_version()
        except Exception:  # a locked or vanished file must not kill the GUI loop
            log.exception("could not read the database version")
            return
        if version == self._version:
            return
        self._version = version
        try:
            pops = self.store.take_screen_pops()
        except Exception:
            log.exception("could not read screen pops")
            pops = []
        self.changed.emit()
        for view in pops:
            self.screen_pop.emit(view)

    def poke(self) -> None:
        """The GUI wrote something itself: refresh the views once, soon."""
        if not self._poke_pending:
            self._poke_pending = True
            QTimer.singleShot(0, self._poked)

    @Slot()
    def _poked(self) -> None:
        self._poke_pending = False
        self.changed.emit()
