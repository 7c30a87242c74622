"""The embedded Apollo API: start, stop and restart the Waitress server, and tell
the GUI (through queued signals) how it is doing and what it served."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from crm_api.app import create_app
from crm_api.context import ApiContext, RequestInfo
from crm_api.server import ApiServer
from shared.errors import ValidationError
from shared.settings import check_port
from shared.stores import ThreadStores

log = logging.getLogger("callsheet.desktop")


class ApiController(QObject):
    """Owns the ApiServer. ``state`` is ``off``, ``listening`` or ``failed``."""

    status_changed = Signal()
    # Emitted from Waitress worker threads; Qt queues it to the GUI thread.
    request_served = Signal(object)

    def __init__(self, db_path: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A shared database is a postgresql:// URL, which Path() would mangle ("//").
        self.db_path = db_path if isinstance(db_path, str) and "://" in db_path else Path(db_path)
        self.state = "off"
        self.message = "The API is off."
        self.host = ""
        self.port = 0
        self.url = ""
        self._server: ApiServer | None = None
        self._stores: ThreadStores | None = None

    def start(self, host: str, port: int | str, api_key: str | None) -> bool:
        """Listen on ``host:port``; ``api_key`` None reads the stored key per request.

        Returns False (and says why in ``message``) when it cannot listen, for
        example because another program has the port: Callsheet keeps working.
        """
        self.stop()
        self.host = host
        try:
            self.port = check_port(port)
        except ValidationError as e:
            return self._failed(e.message)
        self._stores = ThreadStores(self.db_path)
        ctx = ApiContext(self._stores, api_key=api_key, on_request=self.request_served.emit)
        try:
            self._server = ApiServer(create_app(ctx), host, self.port)
        except OSError as e:
            self._stores.close()
            self._stores = None
            if e.errno == errno.EADDRINUSE:
                return self._failed(
                    f"The API is not running: port {self.port} on {host} is in use by another"
                    " program. Choose another port in Settings (Ctrl+,).")
            return self._failed(f"The API is not running: cannot listen on {host}:{self.port}"
                                f" ({e.strerror or e}). Check the address in Settings (Ctrl+,).")
        self._server.start()
        self.port = self._server.port
        self.url = self._server.url
        self.state = "listening"
        self.message = f"API listening on {self.url}"
        log.info("API listening on %s", self.url)
        self.status_changed.emit()
        return True

    def _failed(self, message: str) -> bool:
        log.warning("%s", message)
        self.state = "failed"
        self.message = message
        self.url = ""
        self.status_changed.emit()
        return False

    def stop(self) -> None:
        """Stop serving (if serving) and close the API's database connections."""
        if self._server is not None:
            self._server.stop()
            self._server = None
        if self._stores is not None:
            self._stores.close()
            self._stores = None
        if self.state != "off":
            self.state = "off"
            self.message = "The API is off."
            self.url = ""
            self.status_changed.emit()

    def disable(self, reason: str) -> None:
        """Record that the API is deliberately off (``--no-api``)."""
        self.stop()
        self.message = reason
        self.status_changed.emit()

    def connect_request_slot(self, slot: object) -> None:
        """Deliver served requests to ``slot`` in the GUI thread."""
        self.request_served.connect(slot, Qt.ConnectionType.QueuedConnection)  # type: ignore[arg-type]


__all__ = ["ApiController", "RequestInfo"]
