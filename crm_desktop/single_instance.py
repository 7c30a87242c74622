"""One Callsheet window per database: a second start on the same database brings the
running window to the front instead of failing on the API's port.

The running Callsheet listens on a local socket (a named pipe on Windows) whose
name is derived from the user and the database's full path; a new start first
tries to reach it. The database file itself is never opened here: only its
SQLite connection may open and close it (closing another handle would drop
SQLite's POSIX locks).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger("callsheet.desktop")
HELLO = b"raise\n"
WAIT_MS = 1500


def instance_name(db_path: str | Path) -> str:
    """The local socket name for this user and database (same file, same name)."""
    path = os.path.normcase(str(Path(db_path).expanduser().resolve()))
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password file
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    digest = hashlib.sha256(f"{user}\0{path}".encode()).hexdigest()[:24]
    return f"callsheet-{digest}"


def ask_running(db_path: str | Path, timeout_ms: int = WAIT_MS) -> bool:
    """True when a Callsheet already runs on this database; it is asked to come to the
    front."""
    sock = QLocalSocket()
    sock.connectToServer(instance_name(db_path))
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(HELLO)
    sock.flush()
    sock.waitForBytesWritten(timeout_ms)
    answered = sock.waitForReadyRead(timeout_ms)
    if not answered:
        # Connected, so something holds the name; a window too busy to answer still runs.
        log.warning("the running Callsheet did not answer within %d ms", timeout_ms)
    if sock.state() == QAbstractSocket.SocketState.ConnectedState:  # type: ignore[comparison-overlap]
        sock.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts on the same database; emits ``activated`` for each."""

    activated = Signal()

    def __init__(self, db_path: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = instance_name(db_path)
        self.server = QLocalServer(self)
        # Only this user's processes may connect.
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connection)

    def listen(self) -> bool:
        """Take the name; a stale socket left by a crashed Callsheet is removed first
        (the caller has just checked that nobody answers on it)."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("cannot watch for a second start: %s", self.server.errorString())
        return False

    def close(self) -> None:
        """Stop listening (a start after this opens a new window)."""
        self.server.close()

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if HELLO.strip() in bytes(sock.readAll().data()):
            log.info("Callsheet was started again on this database: window brought to front")
            self.activated.emit()
            sock.write(b"ok\n")
            sock.flush()
