"""Exchanges at the checkout (교환, issue 18.7): Shift+F8 asks for the receipt, the lines coming
back are chosen, a manager approves; the returned lines stand on the ticket (negative) while the
new goods are scanned by key events through the app's own filter; F12 settles the difference
once — a partial card cancel on the fake terminal, cash back, or the tender dialog for what the
customer pays on top. One receipt shows both (decoded from the bytes the printer got), the X
report has its own line, and the refusals are said in Korean."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from posapp.app import build
from posapp.config import Settings
from posapp.db.models import Payment
from posapp.hardware.card_terminal import from_uri
from posapp.hardware.printer import EscposPrinter, parse_uri
from posapp.inventory import catalog
from posapp.sales.tenders import Tender
from posapp.ui.dialogs import RefundChoice
from posapp.ui.tasks import SyncRunner
from posapp_devtools.printer_emulator import PrinterEmulator
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store
from tests.support.fake_terminal import FakeTerminal
from tests.ui.test_checkout_flow import sign_in
from tests.ui.test_refund_dialog import RefundScript


@pytest.fixture
def till(qtbot, store: Store, tmp_path: Path, fake: FakeTerminal, emulator: PrinterEmulator):  # type: ignore[no-untyped-def]
    settings = replace(Settings(), card=replace(Settings().card, terminal=fake.uri))
    parts = build(
        store.db,
        settings,
        runner=SyncRunner(),
        printer=EscposPrinter(parse_uri(f"network://127.0.0.1:{emulator.port}?mode=native")),
        terminal=from_uri(fake.uri),
    )
    window = parts.window
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    script = RefundScript()
    window.ask = script  # type: ignore[assignment]
    yield window, script, parts
    parts.shutdown()


def scan(qtbot, window, code: str) -> None:  # type: ignore[no-untyped-def]
    for ch in code:
        qtbot.keyClick(window.search, ch)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)


def sell(qtbot, window, script, codes: list[str], pay: Any) -> str:  # type: ignore[no-untyped-def]
    for code in codes:
        scan(qtbot, window, code)
    script.push("tender", pay)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    sale = window.session.last_sale
    assert sale is not None and sale.kind == "sale"
    return str(sale.receipt_no)


def start_exchange(qtbot, window, script, receipt: str, lines: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    script.push("receipt_number", receipt)
    script.push("refund", RefundChoice(lines, "사이즈 교환"))
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)


def printed_texts(parts, emulator: PrinterEmulator, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    assert parts.queue.wait_idle(10)
    return [p.document.text() for p in emulator.wait_for_receipts(n, timeout=5)]


def test_a_card_sale_exchanged_for_cheaper_goods_gives_the_rest_back_by_a_partial_cancel(
    qtbot, till, fake: FakeTerminal, emulator: PrinterEmulator, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, parts = till
    sign_in(qtbot, window, script)
    receipt = sell(
        qtbot,
        window,
        script,
        [APPLE_CODE, APPLE_CODE],  # 2 × ₩12,900 by card
        lambda total: ([window.payments.approve_card(total)], None),
    )
    (orig,) = fake.charges
    start_exchange(qtbot, window, script, receipt, {1: 1})
    assert script.asked[-3:] == ["receipt_number", "refund", "pin"]
    assert script.refund_for_exchange  # the lines are chosen in a dialog that says 교환
    box = window.exchange_box
    assert box.isVisible() and "반품 영주 부사 사과 3kg" in box.text() and "-₩12,900" in box.text()
    assert "돌려줄 금액 ₩12,900" in window.due.text()  # nothing new yet
    scan(qtbot, window, SALT_CODE)  # ₩6,000
    assert "돌려줄 금액 ₩6,900" in window.due.text()
    script.push("confirm", True)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    # the terminal got a partial cancel of the sale's own approval: the difference only
    (cancel,) = fake.of("cancel")
    assert cancel["approval_no"] == orig and cancel["amount"] == 6_900
    assert "교환" in window.message.text() and "6,900" in window.message.text()
    assert not box.isVisible() and window.session.pending_exchange is None
    assert window.session.ticket.lines == []
    refs = store.db.read(
        lambda uow: uow.conn.execute(
            select(Payment.amount, Payment.reference).where(Payment.method == "exchange")
        ).all()
    )
    assert sorted(a for a, _ in refs) == [-6_000, 6_000] and refs[0][1] == refs[1][1]
    sale_text, exchange_text = printed_texts(parts, emulator, 2)
    assert "[영수증]" in sale_text
    for words in (
        "[교환 영수증]",
        "반품 영수증번호",
        receipt,
        "<반품>",
        "<교환>",
        "신안 천일염 3kg",
        "카드 환불                                  6,900",
        f"원승인번호 {orig}",
        "취소승인번호",
        "교환 충당 (반품 → 교환)",
    ):
        assert words in exchange_text, words
    (due,) = [ln for ln in exchange_text.splitlines() if ln.startswith("돌려줄 금액")]
    assert "6,900" in due  # the ₩ prints as the code page's own sign
    # X: the exchange's own line (the two credits cancel out, in its own tender row)
    qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    x = script.texts[-1]
    assert "교환 충당 2건" in x and "환불 1건" in x


def test_dearer_goods_the_customer_pays_the_difference_in_cash(
    qtbot, till, fake: FakeTerminal, emulator: PrinterEmulator, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, parts = till
    sign_in(qtbot, window, script)
    receipt = sell(qtbot, window, script, [SALT_CODE], ([Tender.cash(6_000)], None))
    start_exchange(qtbot, window, script, receipt, {1: 1})
    scan(qtbot, window, APPLE_CODE)  # ₩12,900
    scan(qtbot, window, GOCHUJANG_CODE)  # ₩8,500
    assert "받을 금액 ₩15,400" in window.due.text()
    asked: list[int] = []

    def pay(total: int) -> Any:
        asked.append(total)
        return ([Tender.cash(20_000)], None, None)

    script.push("tender", pay)
    apples = store.db.read(lambda uow: catalog.stock_on_hand(uow, store.apple))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert asked == [15_400]  # the tender dialog is asked for the difference only
    assert fake.of("cancel") == []  # nothing given back: no cancel
    assert "거스름돈 ₩4,600" in window.message.text()
    sale = window.session.last_sale
    assert sale is not None and sale.total == 21_400
    assert store.db.read(lambda uow: catalog.stock_on_hand(uow, store.apple)) == apples - 1
    _, text = printed_texts(parts, emulator, 2)
    (due,) = [ln for ln in text.splitlines() if ln.startswith("받을 금액")]
    assert "15,400" in due and "거스름돈" in text and "[교환 영수증]" in text


def test_a_line_already_refunded_is_refused_in_korean(
    qtbot, till, fake: FakeTerminal, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, _ = till
    sign_in(qtbot, window, script)
    receipt = sell(qtbot, window, script, [SALT_CODE], ([Tender.cash(6_000)], None))
    script.push("receipt_number", receipt)
    script.push("refund", RefundChoice({1: 1}, "변심"))
    script.push("pin", "2222")
    qtbot.keyClick(window, Qt.Key.Key_F8)  # refunded whole
    start_exchange(qtbot, window, script, receipt, {1: 1})
    assert "환불할 수 있는 수량은 0입니다" in window.message.text()
    assert window.session.pending_exchange is None and not window.exchange_box.isVisible()


def test_no_new_goods_and_no_manager_are_refused(
    qtbot, till, fake: FakeTerminal, store: Store
) -> None:  # type: ignore[no-untyped-def]
    window, script, _ = till
    sign_in(qtbot, window, script)
    receipt = sell(
        qtbot,
        window,
        script,
        [APPLE_CODE],
        lambda total: ([window.payments.approve_card(total)], None),
    )
    # the cashier's own PIN is no manager's: nothing goes on the ticket
    script.push("receipt_number", receipt)
    script.push("refund", RefundChoice({1: 1}, "변심"))
    script.push("pin", "1111")
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.pending_exchange is None
    assert "권한" in window.message.text() or "관리자" in window.message.text()
    start_exchange(qtbot, window, script, receipt, {1: 1})
    assert window.session.pending_exchange is not None
    qtbot.keyClick(window, Qt.Key.Key_F12)  # no new goods scanned
    assert "교환할 새 상품을 먼저 스캔하세요" in window.message.text()
    assert fake.of("cancel") == []  # no card was cancelled for it
    # Shift+F8 again drops the exchange; nothing was written
    script.push("confirm", True)
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.pending_exchange is None and "교환을 취소" in window.message.text()
