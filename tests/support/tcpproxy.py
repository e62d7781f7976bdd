"""A real TCP proxy for fault injection: a till talks to PostgreSQL through it, and a test cuts
the line (every open connection reset, new ones refused) and mends it again."""

from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading

_RESET = struct.pack("ii", 1, 0)  # SO_LINGER on, 0 s: close sends RST


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(64)
        self.port = self._server.getsockname()[1]
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._cut = False
        self._closed = False
        self.accepted = 0
        threading.Thread(target=self._accept, daemon=True, name="tcpproxy").start()

    def url_for(self, url: str) -> str:
        """``url`` (postgresql://user@127.0.0.1:5432/db...) pointed at this proxy."""
        host = f"{self.target[0]}:{self.target[1]}"
        assert host in url, (host, url)
        return url.replace(host, f"127.0.0.1:{self.port}")

    def cut(self) -> None:
        """The server becomes unreachable: reset what is open, refuse what comes."""
        with self._lock:
            self._cut = True
            pairs, self._pairs = self._pairs, []
        for a, b in pairs:
            for s in (a, b):
                try:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _RESET)
                    s.close()
                except OSError:
                    pass

    def mend(self) -> None:
        with self._lock:
            self._cut = False

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._server.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            with self._lock:
                refused = self._cut
            if refused:
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _RESET)
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, upstream))
                self.accepted += 1
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        peers = {a: b, b: a}
        try:
            while True:
                ready, _, _ = select.select([a, b], [], [], 1.0)
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        return
                    peers[s].sendall(data)
        except (OSError, ValueError):
            return
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.close()


def proxy_to_postgres() -> TcpProxy:
    """A proxy in front of the test PostgreSQL server (POSAPP_TEST_DATABASE_URL)."""
    from sqlalchemy.engine import make_url

    from posapp.db.engine import normalize_url
    from tests.conftest import PG_URL

    target = make_url(normalize_url(PG_URL))
    return TcpProxy(target.host or "127.0.0.1", target.port or 5432)
