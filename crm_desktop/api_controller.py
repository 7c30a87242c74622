"""The embedded Apollo API: start, stop and restart the Waitress server, and tell
the GUI (through queued signals) how it is doing and what it served."""

from __future__ import annotations

import errno
import logging
import socket
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from crm_api.app import create_app
from crm_api.context import ApiContext, RequestInfo
from crm_api.logs import AccessLines
from crm_api.middleware import ACCESS_FORMAT, access_log
from crm_api.server import ApiServer
from shared.errors import ValidationError
from shared.settings import check_port
from shared.stores import ThreadStores

from .i18n import language, said, translate

log = logging.getLogger("callsheet.desktop")


class ListenError(Exception):
    """The API cannot listen: ``message`` in words, ``field`` "host" or "port"."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def listen_error(e: OSError, host: str, port: int) -> ListenError:
    """Say in words why binding ``host:port`` failed, and which setting to change."""
    if e.errno == errno.EADDRINUSE:
        return ListenError(translate(
            "api_controller", "Port {port} on {host} is in use by another program."
        ).format(port=port, host=host), "port")
    if e.errno == errno.EACCES:
        return ListenError(translate(
            "api_controller", "Port {port} needs administrator rights; use 1024 or above."
        ).format(port=port), "port")
    if e.errno == errno.EADDRNOTAVAIL:
        return ListenError(translate(
            "api_controller", "{host} is not an address of this PC. Use 127.0.0.1 (this PC"
            " only) or 0.0.0.0 (every network).").format(host=host), "host")
    if isinstance(e, socket.gaierror):
        return ListenError(translate(
            "api_controller", "{host} is not a known address or name.").format(host=host), "host")
    return ListenError(translate(
        "api_controller", "Cannot listen on {host}:{port} ({reason})."
    ).format(host=host, port=port, reason=e.strerror or e), "host")


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
        self.message = translate("api_controller", "The API is off.")
        self.host = ""
        self.port = 0
        self.url = ""
        self._server: ApiServer | None = None
        self._stores: ThreadStores | None = None
        self._access: AccessLines | None = None
        # Why the last start or restart could not listen, and on which setting.
        self.error: ListenError | None = None

    def start(self, host: str, port: int | str, api_key: str | None) -> bool:
        """Listen on ``host:port``; ``api_key`` None reads the stored key per request.

        Returns False (and says why in ``message``) when it cannot listen, for
        example because another program has the port: Callsheet keeps working.
        """
        self.stop()
        try:
            opened = self._open(host, port, api_key)
        except ListenError as e:
            self.host = host
            self.error = e
            # Mid-sentence in English ("…: port 80 needs…"); German nouns keep their capital.
            why = e.message[:1].lower() + e.message[1:] if language() == "en" else e.message
            return self._failed(
                translate(
                    "api_controller",
                    "The API is not running: {why} Change it in Settings (Ctrl+,).",
                ).format(why=why)
            )
        self._serve(*opened)
        return True

    def restart(self, host: str, port: int | str, api_key: str | None) -> bool:
        """Move the API to ``host:port``; the running one serves until the new one listens.

        On failure the old API goes on as it was and ``error`` says what is wrong
        with which value (the settings dialog shows it next to that field).
        """
        if self._server is None:
            return self.start(host, port, api_key)
        old = (self.host, self.port)
        try:
            same_port = check_port(port) == self.port
        except ValidationError:
            same_port = False
        if same_port:
            # Only the address changes: on most systems the new socket cannot bind the
            # port the old one holds, so this one case has a short gap.
            self._close_current()
            try:
                opened = self._open(host, port, api_key)
            except ListenError as e:
                if not self.start(*old, api_key):
                    log.warning("the API could not go back to %s:%s", *old)
                self.error = e
                return False
        else:
            try:
                opened = self._open(host, port, api_key)
            except ListenError as e:
                self.error = e
                return False
            self._close_current()
        self._serve(*opened)
        return True

    def _open(self, host: str, port: int | str,
              api_key: str | None) -> tuple[ApiServer, ThreadStores, AccessLines]:
        """Bind a server to ``host:port`` (not serving yet); raises ListenError."""
        if not host.strip():
            raise ListenError(
                translate("api_controller", "Enter an address, for example 127.0.0.1."), "host")
        try:
            port_number = check_port(port)
        except ValidationError as e:
            raise ListenError(said(e), "port") from e
        stores = ThreadStores(self.db_path)
        # Access lines as the headless server logs them: after each answer is sent.
        lines = AccessLines(access_log, ACCESS_FORMAT)
        ctx = ApiContext(stores, api_key=api_key, on_request=self.request_served.emit,
                         access_lines=lines)
        try:
            server = ApiServer(create_app(ctx), host, port_number,
                               after_request=lines.after_request)
        except OSError as e:
            lines.close()
            stores.close()
            raise listen_error(e, host, port_number) from e
        self.host = host
        return server, stores, lines

    def _serve(self, server: ApiServer, stores: ThreadStores, lines: AccessLines) -> None:
        self._server, self._stores, self._access = server, stores, lines
        server.start()
        self.error = None
        self.port = server.port
        self.url = server.url
        self.state = "listening"
        self.message = translate("api_controller", "API listening on {url}").format(url=self.url)
        log.info("API listening on %s", self.url)
        self.status_changed.emit()

    def _close_current(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
        if self._access is not None:
            self._access.close()  # logs what is left
            self._access = None
        if self._stores is not None:
            self._stores.close()
            self._stores = None

    def _failed(self, message: str) -> bool:
        log.warning("%s", message)
        self.state = "failed"
        self.message = message
        self.url = ""
        self.status_changed.emit()
        return False

    def stop(self) -> None:
        """Stop serving (if serving) and close the API's database connections."""
        self._close_current()
        if self.state != "off":
            self.state = "off"
            self.message = translate("api_controller", "The API is off.")
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


__all__ = ["ApiController", "ListenError", "RequestInfo"]
