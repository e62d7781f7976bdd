"""Whole cashier flows on the checkout window, offscreen: key events, clicks and wedge bursts.

Dialogs are answered by a scripted Asker (a modal dialog's exec() would wait for a person);
the dialogs themselves are driven by clicks in test_dialogs.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from posapp.app import build
from posapp.config import Settings
from posapp.db.models import AuditEvent, Payment, Sale
from posapp.domain.cart import Discount
from posapp.hardware.printer import PreviewPrinter
from posapp.hardware.receipt import layout_sale
from posapp.sales import cash_receipts
from posapp.sales.tenders import (
    CashReceiptRequest,
    Method,
    ReceiptPurpose,
    Tender,
    VoucherKind,
)
from posapp.ui.dialogs import RefundChoice
from posapp.ui.tasks import SyncRunner
from posapp.usecases.receipts import sale_receipt
from posapp_devtools.card_simulator import CardTerminalSimulator
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support.scanning import scan, use_wedge


class Script:
    """Answers the window's questions in order, like a cashier and a manager would."""

    def __init__(self) -> None:
        self.answers: dict[str, list[Any]] = {}
        self.asked: list[str] = []
        self.texts: list[str] = []

    def push(self, kind: str, *values: Any) -> None:
        self.answers.setdefault(kind, []).extend(values)

    def _next(self, kind: str) -> Any:
        self.asked.append(kind)
        queue = self.answers.get(kind) or []
        if not queue:
            raise AssertionError(f"unexpected question: {kind}")
        return queue.pop(0)

    def pin(self, title: str, prompt: str) -> str | None:
        return self._next("pin")

    def counts(self, title: str, expected: int | None) -> dict[int, int] | None:
        return self._next("counts")

    def tender(self, total: int, payments: Any, prompt_from: int, on_cancelled: Any = None) -> Any:
        answer = self._next("tender")
        return answer(total) if callable(answer) else answer

    def discount(self, title: str) -> Any:
        return self._next("discount")

    def number(self, title: str, label: str, value: int) -> int | None:
        return self._next("number")

    def price(self, name: str, regular_price: int, unit_price: int) -> Any:
        return self._next("price")

    def held(self, held: list[Any]) -> int | None:
        return held[0].id if held else None

    def void_reason(self, reasons: tuple[str, ...]) -> Any:
        return self._next("void_reason")

    def refund(self, sale: Any, exchange: bool = False) -> Any:
        self.refund_for_exchange = exchange  # the dialog says 교환, not 환불
        return self._next("refund")

    def text(self, title: str, text: str, on_print: Any) -> None:
        self.texts.append(text)

    def confirm(self, title: str, text: str) -> bool:
        return self._next("confirm")


@pytest.fixture
def till(qtbot, store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = Settings()
    settings = replace(
        settings,
        card=replace(settings.card, terminal=""),
        sales=replace(settings.sales, customer_display=True),
    )
    printer = PreviewPrinter(tmp_path / "receipts")
    parts = build(store.db, settings, runner=SyncRunner(), printer=printer)
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    script = Script()
    window.ask = script  # type: ignore[assignment]
    use_wedge(parts.wedge)
    yield window, script, parts, printer
    use_wedge(None)
    parts.shutdown()


def burst(qtbot, widget, code: str) -> None:  # type: ignore[no-untyped-def]
    """A wedge scanner: the keys of a code in a fast burst, then Enter (tests.support.scanning:
    the app's wedge clock stepped 4 ms a key where the fixture registered it)."""
    scan(code, widget)


def sign_in(qtbot, window, script) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    script.push("pin", "1111")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.session.user is not None, (window.message.text(), script.asked)


def test_sell_with_wedge_scans_and_split_tender(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, printer = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)
    burst(qtbot, window.search, APPLE_CODE)
    burst(qtbot, window.search, GOCHUJANG_CODE)
    assert window.model.rowCount() == 2
    assert window.search.text() == ""  # scans never land in the search box
    assert "₩34,300" in window.due.text()
    card = Tender(Method.CARD_MANUAL, 20_000, approval_no="77", card_masked="9410-12**-****-5678")
    script.push(
        "tender",
        (
            [
                card,
                Tender(Method.VOUCHER, 10_000, voucher_kind=VoucherKind.ONNURI),
                Tender.cash(5_000),
            ],
            None,
        ),
    )
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert "완료" in window.message.text() and "700" in window.message.text()
    assert window.model.rowCount() == 0
    parts.queue.wait_idle(10)
    pngs = list((printer.out_dir).glob("*.png"))
    assert len(pngs) == 1  # the receipt, kept as a preview
    assert store.db.read(lambda uow: uow.session.scalar(select(func.count(Sale.id)))) == 1


def test_search_weigh_discount_with_approval(qtbot, till) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _ = till
    sign_in(qtbot, window, script)
    window.search.setText("ㅎㅅㅎㅇ")  # 횡성 한우 by initial consonants
    window._on_search_text("ㅎㅅㅎㅇ")
    assert window.results.count() == 1
    script.push("number", 437)  # grams typed at the prompt
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.model.rowCount() == 1 and "55,936" in window.due.text()
    script.push("discount", Discount.percent(20))
    script.push("pin", "2222")  # the manager approves in place
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "승인" in window.message.text()
    script.push("tender", lambda total: ([Tender.cash(total)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert "완료" in window.message.text()


def test_price_override_by_shift_f2_with_a_manager_pin(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, _parts, _printer = till
    assert window.buttons["Shift+F2"].text() == "가격 변경 (Shift+F2)"
    sign_in(qtbot, window, script)  # a cashier: no price_override of her own
    burst(qtbot, window.search, GOCHUJANG_CODE)
    burst(qtbot, window.search, APPLE_CODE)
    window.table.selectRow(0)
    script.push("price", (7_000, "파손·흠집 상품"))
    script.push("pin", None)  # the manager is not there: nothing changes
    qtbot.keyClick(window, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.ticket.lines[0].unit_price == 8_500
    assert "관리자 승인" in window.message.text()
    script.push("price", (7_000, "파손·흠집 상품"))
    script.push("pin", "1111")  # a cashier's PIN does not approve
    qtbot.keyClick(window, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.ticket.lines[0].unit_price == 8_500
    script.push("price", (7_000, "파손·흠집 상품"))
    script.push("pin", "2222")
    window.table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    line = window.session.ticket.lines[0]
    assert (line.unit_price, line.regular_price) == (7_000, 8_500)
    assert "₩8,500 → ₩7,000" in window.message.text() and "박지민" in window.message.text()
    assert (
        window.model.data(window.model.index(0, 3), Qt.ItemDataRole.DisplayRole) == "₩7,000 (변경)"
    )
    assert "₩19,900" in window.due.text()
    script.push("tender", lambda total: ([Tender.cash(total)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    sale = window.session.last_sale
    assert sale is not None and sale.total == 19_900
    text = layout_sale(sale_receipt(sale, Settings(), cashier="김하늘")).text()
    assert "8,500 → 7,000" in text
    events = store.db.read(
        lambda uow: uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "price.override")
        ).all()
    )
    assert [(e.user_id, e.before, e.after["unit_price"]) for e in events] == [
        (store.manager, {"unit_price": 8_500}, 7_000)
    ]


def test_hold_recall_void_refund_and_close_shift(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, GOCHUJANG_CODE)
    qtbot.keyClick(window, Qt.Key.Key_F6)  # hold
    assert window.model.rowCount() == 0
    burst(qtbot, window.search, APPLE_CODE)
    script.push("void_reason", ("기타", "손님이 지갑을 두고 옴"))
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F9)  # void: a reason, then the approval
    assert window.model.rowCount() == 0
    qtbot.keyClick(window, Qt.Key.Key_F7)  # recall the held ticket
    assert window.model.rowCount() == 1
    script.push("tender", lambda total: ([Tender.cash(10_000)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    sale = window.session.last_sale
    assert sale is not None
    # refund by scanning the receipt's barcode (a wedge burst of the receipt number)
    script.push("refund", RefundChoice({1: 1}, "변심"))
    script.push("pin", "2222")
    burst(qtbot, window.search, sale.receipt_no)
    assert "환불" in window.message.text()
    # reprint is journaled
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    parts.queue.wait_idle(10)
    actions = store.db.read(lambda uow: set(uow.session.scalars(select(AuditEvent.action)).all()))
    assert {"ticket.void", "sale.refund", "receipt.reprint", "drawer.open"} <= actions
    void = store.db.read(
        lambda uow: uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "ticket.void")
        ).one()
    )
    assert (void.user_id, void.after["reason"], void.after["note"]) == (
        store.manager,
        "기타",
        "손님이 지갑을 두고 옴",
    )
    assert void.before["ticket"]["lines"][0]["name"] == "영주 부사 사과 3kg"
    # close the shift: counted cash, Z report shown and printed
    script.push("counts", {10_000: 15})
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert script.texts and "Z 정산 리포트" in script.texts[-1]
    assert window.session.shift is None


def test_a_dead_printer_shows_a_banner_and_the_sale_stays(qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from posapp.hardware.printer import EscposPrinter, parse_uri

    settings = replace(Settings(), card=replace(Settings().card, terminal=""))
    dead = EscposPrinter(parse_uri("network://127.0.0.1:9?timeout=0.5"))
    parts = build(store.db, settings, runner=SyncRunner(), printer=dead)
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    script = Script()
    window.ask = script  # type: ignore[assignment]
    try:
        sign_in(qtbot, window, script)
        burst(qtbot, window.search, APPLE_CODE)
        script.push("tender", lambda total: ([Tender.cash(total)], None))
        qtbot.keyClick(window, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
        assert "인쇄 실패" in window.banner_text.text()
        assert store.db.read(lambda uow: uow.session.scalar(select(func.count(Sale.id)))) == 1
    finally:
        parts.shutdown()


def test_an_open_ticket_is_offered_back_after_a_crash(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, _ = till
    sign_in(qtbot, window, script)
    burst(qtbot, window.search, APPLE_CODE)
    window.session.flush_recovery()
    # the process dies here; a new window on the same data directory starts
    settings = replace(Settings(), card=replace(Settings().card, terminal=""))
    again = build(store.db, settings, runner=SyncRunner(), printer=parts.printer)
    qtbot.addWidget(again.window)
    s2 = Script()
    s2.push("confirm", True)
    again.window.ask = s2
    again.offer_recovery()
    assert again.window.model.rowCount() == 1
    again.shutdown()
    QApplication.processEvents()


def test_card_payment_through_the_simulated_terminal(qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, sim = _simulated_till(qtbot, store, tmp_path)
    try:
        sign_in(qtbot, window, script)
        burst(qtbot, window.search, APPLE_CODE)
        tender = window.payments.approve_card(12_900)
        assert tender.method is Method.CARD and tender.approval_no and tender.card_masked
        script.push("tender", ([tender], None))
        qtbot.keyClick(window, Qt.Key.Key_F12)
        sale = window.session.last_sale
        assert sale is not None and sale.payments[0].approval_no == tender.approval_no
    finally:
        parts.shutdown()
        sim.stop()


def receipt_text(sale: Any) -> str:
    return layout_sale(sale_receipt(sale, Settings(), cashier="김하늘")).text()


def _simulated_till(qtbot, store: Store, tmp_path):  # type: ignore[no-untyped-def]
    """A till whose terminal is the simulator (started here: the till never starts one)."""
    sim = CardTerminalSimulator(port=0).start()
    settings = replace(
        Settings(),
        card=replace(Settings().card, terminal=f"tcp://127.0.0.1:{sim.port}", timeout_s=5),
    )
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    script = Script()
    window.ask = script  # type: ignore[assignment]
    use_wedge(parts.wedge)
    return window, script, parts, sim


def test_cash_receipt_is_issued_through_the_terminal(qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, sim = _simulated_till(qtbot, store, tmp_path)
    try:
        sign_in(qtbot, window, script)
        burst(qtbot, window.search, APPLE_CODE)  # ₩12,900
        burst(qtbot, window.search, GOCHUJANG_CODE)  # ₩8,500
        card = Tender(
            Method.CARD_MANUAL, 10_000, approval_no="77", card_masked="9410-12**-****-5678"
        )
        request = CashReceiptRequest("010-1234-5678", ReceiptPurpose.INCOME_DEDUCTION)
        script.push("tender", ([card, Tender.cash(20_000)], request))
        qtbot.keyClick(window, Qt.Key.Key_F12)
        sale = window.session.last_sale
        assert sale is not None, window.message.text()
        assert sale.cash_receipt_approval and sale.cash_receipt_purpose == "소득공제"
        (issued,) = sim.cash_receipts()
        assert issued.amount == 21_400 - 10_000  # the cash part, net of change; not the card
        assert issued.approval_no == sale.cash_receipt_approval
        stored = store.db.read(
            lambda uow: uow.session.scalars(
                select(Payment.cash_receipt_approval).where(Payment.sale_id == sale.id)
            ).all()
        )
        assert sorted(stored, key=str) == sorted([None, sale.cash_receipt_approval], key=str)
        text = receipt_text(sale)
        assert f"010****5678 소득공제 승인 {sale.cash_receipt_approval}" in text, text
    finally:
        parts.shutdown()
        sim.stop()


def test_cash_receipt_pending_when_the_terminal_is_down(qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, sim = _simulated_till(qtbot, store, tmp_path)
    try:
        sign_in(qtbot, window, script)
        burst(qtbot, window.search, APPLE_CODE)
        sim.stop()  # the terminal is switched off
        request = CashReceiptRequest("01012345678")
        script.push("tender", ([Tender.cash(20_000)], request))
        qtbot.keyClick(window, Qt.Key.Key_F12)
        sale = window.session.last_sale
        assert sale is not None  # the customer paid: the sale is recorded all the same
        assert sale.cash_receipt and sale.cash_receipt_approval is None
        assert "현금영수증 발급 실패" in window.message.text()
        text = receipt_text(sale)
        assert "010****5678 소득공제 발급 대기" in text, text
        waiting = store.db.read(lambda uow: cash_receipts.pending(uow, "R01"))
        assert [(p.receipt_no, p.amount, p.masked_identity) for p in waiting] == [
            (sale.receipt_no, 12_900, "010****5678")
        ]
        parts.retry_cash_receipts()  # still off: counted, kept
        waiting = store.db.read(lambda uow: cash_receipts.pending(uow, "R01"))
        assert waiting[0].attempts == 1 and waiting[0].last_error

        # switched on again: the next retry issues it, for the same amount and number
        again = CardTerminalSimulator(port=sim.port).start()
        try:
            parts.retry_cash_receipts()
            assert store.db.read(lambda uow: cash_receipts.pending(uow, "R01")) == []
            assert "현금영수증 1건을 발급" in window.message.text()
            issued = again.ledger()
            assert [(e.op, e.amount) for e in issued] == [("cash_receipt", 12_900)]
            events = store.db.read(
                lambda uow: (
                    uow.conn.execute(
                        select(AuditEvent.after).where(AuditEvent.action == "cash_receipt.issue")
                    )
                    .scalars()
                    .all()
                )
            )
            assert events and events[0]["identity"] == "010****5678"
        finally:
            again.stop()
    finally:
        parts.shutdown()
        sim.stop()
