"""Live views on a shared PostgreSQL database: LISTEN instead of polling.

`PgLive` has the interface of `live.LivePoller` (``changed``, ``screen_pop``, start, stop,
check, poke) so the window uses either; it adds ``state_changed`` for the status bar.
The listening itself is `shared.pg_listen.PgListener` on its own thread; this bridge only
moves its callbacks onto the GUI thread as queued signals and folds a burst of changes
(an import, Apollo posting calls) into one refresh.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from shared.model import ContactView
from shared.pg_listen import Change, PgListener

log = logging.getLogger("callsheet.desktop")

# Changes arriving within this many ms are shown with one refresh; well inside the 1 s
# within which another PC's change must be on screen.
COALESCE_MS = 150


class _Relay(QObject):
    """Lives on the GUI thread; the listener thread emits these, Qt queues them."""

    change = Signal(object)  # shared.pg_listen.Change
    state = Signal(str, str)


class PgLive(QObject):
    """Emits ``changed`` when another connection committed a change, ``screen_pop`` for a
    pop Apollo requested, and ``state_changed(state, message)`` when the connection to the
    shared database is lost ("unreachable") or back ("connected")."""

    changed = Signal()
    screen_pop = Signal(object)  # shared.model.ContactView
    state_changed = Signal(str, str)
    change_received = Signal(object)  # every Change, for views that want the detail

    def __init__(self, url: str, parent: QObject | None = None, *,
                 coalesce_ms: int = COALESCE_MS, application_name: str = "callsheet desktop",
                 listener: PgListener | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.change.connect(self._on_change)
        self._relay.state.connect(self._on_state)
        self.listener = listener or PgListener(
            url, self._relay.change.emit, self._relay.state.emit,
            application_name=application_name)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(coalesce_ms)
        self._timer.timeout.connect(self.changed.emit)
        self._was_connected = False
        self.state = "stopped"
        self.message = ""

    def start(self) -> None:
        """Begin listening (connects in the background)."""
        self.listener.start()

    def stop(self) -> None:
        """Stop listening and close the listening connection."""
        self._timer.stop()
        self.listener.stop()

    def check(self) -> None:
        """Refresh soon (a served request wrote something; its NOTIFY may be on its way)."""
        self.poke()

    def poke(self) -> None:
        """The GUI wrote something itself: refresh the views once, soon."""
        if not self._timer.isActive():
            self._timer.start()

    @property
    def connected(self) -> bool:
        return self.state == "connected"

    @Slot(object)
    def _on_change(self, change: Change) -> None:
        self.change_received.emit(change)
        if change.table == "screen_pops" and change.op == "INSERT":
            if change.person_id or change.company_id:
                # Ids only: the window reads the names (it has the store).
                self.screen_pop.emit(ContactView(company_id=change.company_id,
                                                 company_name=None,
                                                 person_id=change.person_id,
                                                 person_name=None))
        self.poke()

    @Slot(str, str)
    def _on_state(self, state: str, message: str) -> None:
        self.state, self.message = state, message
        if state == "connected":
            if self._was_connected:
                # Whatever changed while nobody listened was not announced: reload.
                self.poke()
            self._was_connected = True
        self.state_changed.emit(state, message)
