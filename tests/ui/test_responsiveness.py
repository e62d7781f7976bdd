"""The Qt thread never waits: a heartbeat keeps beating while the printer is dead (accepts the
connection and never reads), a long database job runs and a card terminal answers slowly."""

from __future__ import annotations

import gc
import itertools
import socket
import threading
import time
from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer

from posapp.app import build
from posapp.config import Settings
from posapp.hardware.printer import EscposPrinter, parse_uri
from posapp.sales.tenders import Tender
from posapp.ui.tasks import TaskRunner
from posapp.verify import verify
from tests.conftest import APPLE_CODE, Store


class BlackHolePrinter:
    """A TCP peer that accepts and never reads: the client's writes stall."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.conns: list[socket.socket] = []
        self._t = threading.Thread(target=self._accept, daemon=True)
        self._t.start()

    def _accept(self) -> None:
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            self.conns.append(c)

    def close(self) -> None:
        self.sock.close()
        for c in self.conns:
            c.close()


def settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The till as it stands after start: its window painted once (the first layout and paint
    of a window just shown is start-up, not a stall at the till) and the start's garbage
    collected (posapp.bootstrap.settle_memory)."""
    qtbot.waitExposed(window)
    qtbot.wait(100)
    gc.collect()


@pytest.mark.slow
def test_heartbeat_never_stalls(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    hole = BlackHolePrinter()
    printer = EscposPrinter(parse_uri(f"network://127.0.0.1:{hole.port}?timeout=2"))
    settings = replace(Settings(), card=replace(Settings().card, terminal=""))
    runner = TaskRunner()
    parts = build(store.db, settings, runner=runner, printer=printer)
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    session = parts.session
    session.sign_in("1111")
    settle(qtbot, window)
    beats: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start(10)
    try:
        # a slow card terminal and a long database job, both in the background
        runner.io(lambda: time.sleep(1.5))
        done: list[object] = []
        runner.db(lambda: [verify(store.db) for _ in range(20)]).success(done.append)
        # sell while the printer swallows nothing and times out
        for _ in range(3):
            window.on_scanned(APPLE_CODE)
            qtbot.wait(50)
        # the sale and its receipt (the payment use case, on the database worker)
        runner.db(lambda: parts.till.payments.pay([Tender.cash(100_000)]))
        qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=15_000)
        qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    finally:
        timer.stop()
        parts.shutdown()
        hole.close()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(beats)]
    assert len(gaps) > 50
    assert max(gaps) <= 50, f"the Qt thread stalled for {max(gaps):.0f} ms"


class PinAnswer:
    """The cashier's dialogs, answered: a manager's PIN, nothing else is asked."""

    def __init__(self, pin: str) -> None:
        self._pin = pin

    def pin(self, title: str, prompt: str) -> str:
        return self._pin


@pytest.mark.slow
def test_manager_approval_checks_pins_off_the_qt_thread(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    """With a dozen managers, finding whose PIN it is costs a memory-hard hash each; the Qt
    thread keeps beating and the drawer still opens once approved."""
    from posapp.auth.service import Role, create_user

    def more_managers(uow):  # type: ignore[no-untyped-def]
        for k in range(12):
            create_user(uow, f"점장{k}", Role.MANAGER, f"{7000 + k}")

    store.db.transact(more_managers)
    settings = replace(Settings(), card=replace(Settings().card, terminal=""))
    runner = TaskRunner()
    parts = build(store.db, settings, runner=runner)
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    parts.session.sign_in("1111")
    window.ask = PinAnswer("7011")  # the last manager created: every hash is tried before it
    opened: list[bool] = []
    drawer = SimpleNamespace(open_drawer=lambda: opened.append(True))
    window.devices = replace(window.devices, drawer=drawer)
    settle(qtbot, window)
    beats: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: beats.append(time.perf_counter()))
    timer.start(10)
    try:
        started = time.perf_counter()
        window.no_sale()
        returned = time.perf_counter() - started
        qtbot.waitUntil(lambda: bool(opened), timeout=15_000)
        qtbot.wait(30)
    finally:
        timer.stop()
        parts.shutdown()
    assert returned < 0.05, f"no_sale() held the Qt thread for {returned * 1000:.0f} ms"
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(beats)]
    assert len(gaps) > 5
    assert max(gaps) <= 50, f"the Qt thread stalled for {max(gaps):.0f} ms"
