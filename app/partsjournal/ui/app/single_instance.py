"""One running app per user: a second launch hands its file (if any) to the first and exits.

The channel is a local socket (a Unix domain socket, or a named pipe on Windows) that only the
same user can open — local inter-process communication, not networking. Messages are one line
of JSON: ``{"open": "/path/to/file.pjbundle"}`` or ``{"open": ""}`` to just bring the window up,
with ``"vault": "/path/to/folder"`` when the second launch named a journal (``--vault``).
No journal content ever passes through it; only a path the person chose to open.
"""

from __future__ import annotations

import getpass
import logging
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
MAX_MESSAGE = 8192
TIMEOUT_MS = 1500


def server_name(tag: str = "") -> str:
    """A per-user name, so two people on one machine each get their own app."""
    try:  # Python's own SHA-256: the same digest, without loading OpenSSL before the first window
        from _sha256 import sha256  # type: ignore[import-not-found]
    except ImportError:  # a Python built without it (or 3.12+, where it is _sha2)
        from hashlib import sha256
    digest = sha256(f"{getpass.getuser()}:{tag}".encode()).hexdigest()[:16]
    return f"parts-journal-{digest}"


def might_be_running(name: str | None = None) -> bool:
    """False when surely no copy is listening (its socket file is absent).

    Checking the file needs no QtNetwork, which a first start then does not wait for. On Windows
    (named pipes, no file) the answer is always True.
    """
    if sys.platform == "win32":
        return True
    return (Path(tempfile.gettempdir()) / (name or server_name())).exists()


def send_to_running(path: Path | None, name: str | None = None, *,
                    vault: Path | None = None) -> bool:
    """Hand ``path`` (and the journal folder asked for) to a running app; False if none answers."""
    if not might_be_running(name):
        return False
    import json

    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    wanted: dict[str, str] = {"open": str(path) if path else ""}
    if vault is not None:
        wanted["vault"] = str(vault)
    message = json.dumps(wanted).encode() + b"\n"
    socket.write(message)
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; emits ``file_opened`` with a path (or None to just show)."""

    file_opened = Signal(object)  # Path | None
    #: A later launch named a journal folder (``--vault``); emitted before ``file_opened``.
    vault_requested = Signal(object)  # Path

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self.name = name or server_name()

    def listen(self) -> bool:
        """Start listening, replacing a stale socket left by a crashed run."""
        from PySide6.QtNetwork import QLocalServer

        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        ok = self._server.listen(self.name)
        if not ok:
            log.warning("single-instance channel unavailable: %s", self._server.errorString())
        return ok

    def close(self) -> None:
        """Stop listening (at quit)."""
        self._server.close()

    def _accept(self) -> None:
        # Sockets stay children of the server (freed with it): a launch is rare, and deleting
        # them from Python while Qt still holds them is how crashes happen.
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(self._read)

    def _read(self) -> None:
        import json

        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_MESSAGE:
                socket.abort()
            return
        line = bytes(socket.readLine(MAX_MESSAGE).data())
        socket.disconnectFromServer()
        try:
            message = json.loads(line)
            wanted, folder = message.get("open", ""), message.get("vault", "")
        except (ValueError, AttributeError):
            return
        if isinstance(folder, str) and folder:
            self.vault_requested.emit(Path(folder))
        self.file_opened.emit(Path(wanted) if isinstance(wanted, str) and wanted else None)
