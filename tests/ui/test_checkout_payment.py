"""Paying by card when something fails after the card was approved: the approval is cancelled
on the terminal (with its original approval number and amount) and the cashier is told in
Korean. Against a fake terminal that speaks the documented TCP protocol
(docs/card-terminal-protocol.md) and records every request; the tender dialog is driven by keys
and clicks, as a cashier does.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from posapp.app import App, build
from posapp.auth.permissions import Permission, revoke
from posapp.auth.service import Role, create_user
from posapp.config import Settings
from posapp.db.engine import DatabaseBusy
from posapp.db.models import Sale
from posapp.domain.cart import Discount
from posapp.hardware.printer import PreviewPrinter
from posapp.sales.tenders import CashReceiptRequest, ReceiptPurpose, Tender
from posapp.ui.tasks import SyncRunner
from posapp.ui.tender_dialog import TenderDialog
from tests.conftest import APPLE_CODE, Store
from tests.ui.test_checkout_flow import Script, burst, sign_in


class FakeTerminal:
    """A card terminal on 127.0.0.1: one JSON line in, one JSON line out, per connection.
    Approves every card; ``on_approve`` runs before it answers (to break things in between)."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.on_approve: Callable[[], None] | None = None
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._seq = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                raw = b""
                while not raw.endswith(b"\n"):
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    raw += chunk
                request = json.loads(raw)
                self.requests.append(request)
                conn.sendall((json.dumps(self._answer(request)) + "\n").encode())

    def _answer(self, r: dict[str, Any]) -> dict[str, Any]:
        self._seq += 1
        common = {"ok": True, "v": 1, "request_id": r.get("request_id")}
        at = "2026-11-23T15:30:00+09:00"
        if r["op"] == "approve":
            if self.on_approve is not None:
                self.on_approve()
            return {
                **common,
                "result": "approved",
                "approval_no": f"{30000000 + self._seq}",
                "approved_at": at,
                "amount": r["amount"],
                "card_masked": "9410-12**-****-5678",
                "issuer": "신한카드",
                "acquirer": "신한카드",
                "installment_months": 0,
            }
        if r["op"] == "cancel":
            return {
                **common,
                "result": "cancelled",
                "approval_no": f"{40000000 + self._seq}",
                "approved_at": at,
                "amount": r["amount"],
                "original_approval_no": r["approval_no"],
                "card_masked": "9410-12**-****-5678",
            }
        if r["op"] == "cash_receipt":
            return {
                **common,
                "result": "approved",
                "approval_no": f"{500000000 + self._seq}",
                "approved_at": at,
                "amount": r["amount"],
                "identity_masked": "010****5678",
                "purpose": r["purpose"],
            }
        if r["op"] == "cash_receipt_cancel":
            return {
                **common,
                "result": "cancelled",
                "approval_no": f"{600000000 + self._seq}",
                "approved_at": at,
                "amount": r["amount"],
                "identity_masked": "010****5678",
            }
        if r["op"] == "net_cancel":
            return {**common, "result": "net_cancelled", "was": "unknown"}
        return {"ok": False, "v": 1, "code": "bad_request", "message": "지원하지 않음"}

    def ops(self) -> list[str]:
        return [r["op"] for r in self.requests]

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._sock.close()


@pytest.fixture
def terminal() -> Iterator[FakeTerminal]:
    t = FakeTerminal()
    yield t
    t.stop()


@pytest.fixture
def app(qtbot: Any, store: Store, tmp_path: Path, terminal: FakeTerminal) -> Iterator[App]:
    """A till whose card terminal is the fake one."""
    settings = replace(
        Settings(),
        card=replace(Settings().card, terminal=f"tcp://127.0.0.1:{terminal.port}", timeout_s=5),
    )
    built = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    qtbot.addWidget(built.window)
    built.window.show()
    yield built
    built.shutdown()


def _apple_on_the_ticket(qtbot: Any, app: App, *, real_dialogs: bool) -> Script:
    """Signed in, an apple (₩12,900) scanned; the PINs (and, unless ``real_dialogs``, every
    other question) answered by the returned script."""
    script = Script()
    if real_dialogs:
        app.window.ask.pin = script.pin  # type: ignore[method-assign]
    else:
        app.window.ask = script  # type: ignore[assignment]
    sign_in(qtbot, app.window, script)
    burst(qtbot, app.window.search, APPLE_CODE)
    return script


@contextmanager
def _database_locked(store: Store) -> Iterator[None]:
    """Every write refused as another till holding the write lock too long would be."""

    def busy(*args: Any, **kwargs: Any) -> Any:
        raise DatabaseBusy("database is locked")

    original = store.db.transact
    store.db.transact = busy  # type: ignore[method-assign]
    try:
        yield
    finally:
        store.db.transact = original  # type: ignore[method-assign]


def _sales(store: Store) -> int:
    return store.db.read(lambda uow: uow.session.scalar(select(func.count(Sale.id))))


def _in_the_dialog(qtbot: Any, act: Callable[[TenderDialog], None]) -> None:
    """When the tender dialog opens (modal), do what a cashier does in it."""

    def later() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, TenderDialog) and w.isVisible()
        ]
        if not shown:
            QTimer.singleShot(20, later)
            return
        act(shown[0])

    QTimer.singleShot(0, later)


def _pay_by_card(qtbot: Any, dialog: TenderDialog) -> None:
    """The amount left empty (the remaining amount), the card button: the card on the terminal."""
    qtbot.mouseClick(dialog.card_btn, Qt.MouseButton.LeftButton)


def test_a_commit_that_fails_after_the_card_approval_cancels_the_card(
    qtbot: Any, store: Store, app: App, terminal: FakeTerminal
) -> None:
    window = app.window
    script = _apple_on_the_ticket(qtbot, app, real_dialogs=True)
    script.push("discount", Discount.percent(20))
    script.push("pin", "2222")  # the manager approves the discount in place
    window.ask.discount = script.discount  # type: ignore[method-assign]
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "관리자 승인" in window.message.text()
    total = window.session.priced().total

    def take_away_the_managers_permission() -> None:
        # between the card's approval and the sale's commit, an admin (elsewhere) takes
        # the discount permission from managers: the sale's own check now refuses
        def run(uow: Any) -> None:
            admin = create_user(uow, "관리자", Role.ADMIN, "9999").id
            revoke(uow, admin, Role.MANAGER, Permission.DISCOUNT_OVER_LIMIT)

        store.db.transact(run)

    terminal.on_approve = take_away_the_managers_permission
    _in_the_dialog(qtbot, lambda d: _pay_by_card(qtbot, d))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: "cancel" in terminal.ops(), timeout=5000)
    approve, cancel = (r for r in terminal.requests if r["op"] in ("approve", "cancel"))
    assert approve["amount"] == total
    approval_no = "30000001"
    assert (cancel["approval_no"], cancel["amount"]) == (approval_no, total)
    assert cancel["approved_at"].startswith("2026-11-23T15:30:00")
    assert _sales(store) == 0  # no sale: nobody charged for it
    text = window.message.text()
    assert "승인을 취소했습니다" in text and approval_no in text and "취소됨" in text, text
    assert window.model.rowCount() == 1  # the ticket is still there to sort out


def test_a_locked_database_after_the_card_approval_cancels_the_card(
    qtbot: Any, store: Store, app: App, terminal: FakeTerminal
) -> None:
    """The sale's commit itself fails (the database refuses it): the card is cancelled."""
    window = app.window
    script = _apple_on_the_ticket(qtbot, app, real_dialogs=False)
    tender = window.payments.approve_card(12_900)
    script.push("tender", ([tender], None))
    with _database_locked(store):
        qtbot.keyClick(window, Qt.Key.Key_F12)
    (cancel,) = (r for r in terminal.requests if r["op"] == "cancel")
    assert (cancel["approval_no"], cancel["amount"]) == (tender.approval_no, 12_900)
    assert _sales(store) == 0
    assert "승인을 취소했습니다" in window.message.text()


def test_a_failed_commit_cancels_the_card_and_the_cash_receipt(
    qtbot: Any, store: Store, app: App, terminal: FakeTerminal
) -> None:
    """A split payment, card and cash with a 현금영수증: both approvals are cancelled."""
    window = app.window
    script = _apple_on_the_ticket(qtbot, app, real_dialogs=False)
    card = window.payments.approve_card(2_900)
    request = CashReceiptRequest("010-1234-5678", ReceiptPurpose.INCOME_DEDUCTION)
    script.push("tender", ([card, Tender.cash(10_000)], request))
    with _database_locked(store):
        qtbot.keyClick(window, Qt.Key.Key_F12)
    assert terminal.ops() == ["approve", "cash_receipt", "cancel", "cash_receipt_cancel"]
    issued, cancel, receipt_cancel = terminal.requests[1:]
    assert issued["amount"] == 10_000  # the cash part
    assert (cancel["approval_no"], cancel["amount"]) == (card.approval_no, 2_900)
    assert (receipt_cancel["approval_no"], receipt_cancel["amount"]) == ("500000002", 10_000)
    assert _sales(store) == 0
    text = window.message.text()
    assert "현금영수증" in text and "500000002" in text and str(card.approval_no) in text


def test_closing_the_tender_dialog_after_a_card_part_cancels_it(
    qtbot: Any, store: Store, app: App, terminal: FakeTerminal
) -> None:
    window = app.window
    _apple_on_the_ticket(qtbot, app, real_dialogs=True)

    def part_by_card_then_escape(dialog: TenderDialog) -> None:
        qtbot.keyClicks(dialog.amount, "5000", delay=60)
        qtbot.mouseClick(dialog.card_btn, Qt.MouseButton.LeftButton)  # ₩5,000 by card
        assert dialog.paid_list.count() == 1
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the customer walks away

    _in_the_dialog(qtbot, part_by_card_then_escape)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert terminal.ops() == ["approve", "cancel"]
    approve, cancel = terminal.requests
    assert (cancel["approval_no"], cancel["amount"]) == ("30000001", 5_000)
    assert approve["amount"] == 5_000
    assert _sales(store) == 0
    text = window.message.text()
    assert "결제를 취소해 승인을 취소했습니다" in text and "30000001" in text, text


def test_the_dialogs_close_button_also_cancels_an_approved_card(
    qtbot: Any, store: Store, app: App, terminal: FakeTerminal
) -> None:
    cancelled: list[Any] = []
    dialog = TenderDialog(
        20_000, payments=app.till.payments, runner=SyncRunner(), on_cancelled=cancelled.append
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.amount, "7000", delay=60)  # a person's pace, not a scanner's
    assert dialog.amount.text() == "7000"
    qtbot.mouseClick(dialog.card_btn, Qt.MouseButton.LeftButton)
    assert [r["op"] for r in terminal.requests] == ["approve"]
    dialog.close()  # the title bar's close button
    assert terminal.ops() == ["approve", "cancel"]
    assert terminal.requests[1]["amount"] == 7_000
    assert cancelled and cancelled[0][0].ok and not dialog.isVisible()
