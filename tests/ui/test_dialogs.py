"""The checkout's dialogs driven by clicks and keys, as a cashier would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from posapp.sales.tenders import Method, Tender, VoucherKind, VoucherRule
from posapp.ui import dialogs
from posapp.ui.tasks import SyncRunner
from posapp.ui.tender_dialog import TenderDialog


class Terminal:
    """The payment use case's card approval, answered by ``approve(amount)``."""

    has_terminal = True
    cash_rounding_unit = 1
    installment_from = 50_000
    voucher_rule = VoucherRule()
    accepted_vouchers = frozenset({VoucherKind.ONNURI, VoucherKind.LOCAL})

    def __init__(self, approve: Callable[[int], Tender]) -> None:
        self._approve = approve

    def approve_card(
        self,
        amount: int,
        installment_months: int = 0,
        earlier: object = (),
        voucher_kind: object = None,
    ) -> Tender:
        return self._approve(amount)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_pin_pad(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = dialogs.PinDialog("로그인", "PIN")
    qtbot.addWidget(d)
    for label in "2580":
        button = next(b for b in d.findChildren(QPushButton) if b.text() == label)
        click(qtbot, button)
    assert d.value() == "2580"


def test_cash_with_quick_amounts_and_change(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = TenderDialog(12_900, payments=None, runner=SyncRunner())
    qtbot.addWidget(d)
    plus = {b.text(): b for b in d.findChildren(QPushButton)}
    click(qtbot, plus["+10,000"])
    click(qtbot, plus["+5,000"])
    assert d.amount.text() == "15000"
    click(qtbot, d.cash_btn)
    assert d.result() == d.DialogCode.Accepted
    assert [t.amount for t in d.tenders] == [15_000]
    assert "2,100" in d.change_label.text()


def test_split_voucher_then_cash_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = TenderDialog(38_700, payments=None, runner=SyncRunner())
    qtbot.addWidget(d)
    qtbot.keyClicks(d.amount, "10000")
    click(qtbot, d.onnuri_btn)  # a paper voucher needs its serial
    assert not d.tenders and "일련번호" in d.message.text()
    qtbot.keyClicks(d.voucher_serial, "ON-2026-0001234")
    click(qtbot, d.onnuri_btn)
    assert d.remaining() == 28_700 and d.result() != d.DialogCode.Accepted
    assert d.tenders[0].reference == "ON-2026-0001234"
    qtbot.keyClicks(d.amount, "50000")
    click(qtbot, d.cash_btn)
    assert [t.method for t in d.tenders] == [Method.VOUCHER, Method.CASH]
    assert "21,300" in d.change_label.text()


def test_a_voucher_worth_more_repays_its_rest_by_the_rule(qtbot) -> None:  # type: ignore[no-untyped-def]
    # ₩10,000 온누리 on ₩8,500: 85 % used (≥ 80 % for a face of ₩10,000 or less): ₩1,500 back
    d = TenderDialog(8_500, payments=None, runner=SyncRunner())
    qtbot.addWidget(d)
    qtbot.keyClicks(d.amount, "10000")
    qtbot.keyClicks(d.voucher_serial, "ON-2026-0001234")
    click(qtbot, d.onnuri_btn)
    assert d.result() == d.DialogCode.Accepted
    assert d.tenders[0].voucher_rest == "change" and "1,500" in d.change_label.text()
    # ₩10,000 on ₩7,000: 70 % < 80 %: accepted, nothing back, and the cashier is told
    d = TenderDialog(7_000, payments=None, runner=SyncRunner())
    qtbot.addWidget(d)
    qtbot.keyClicks(d.amount, "10000")
    qtbot.keyClicks(d.voucher_serial, "ON-2026-0001235")
    click(qtbot, d.onnuri_btn)
    assert d.result() == d.DialogCode.Accepted
    assert d.tenders[0].voucher_rest == "forfeit" and "₩0" in d.change_label.text()
    assert "돌려주지 않습니다" in d.message.text()


def test_card_through_the_terminal_port(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = SyncRunner()
    approved = Tender(
        Method.CARD, 12_900, approval_no="30012345", card_masked="9410-12**-****-5678"
    )
    d = TenderDialog(12_900, payments=Terminal(lambda amount: approved), runner=runner)  # type: ignore[arg-type]
    qtbot.addWidget(d)
    click(qtbot, d.card_btn)
    assert d.tenders == [approved] and d.result() == d.DialogCode.Accepted


def test_a_declined_card_keeps_the_dialog_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    from posapp.hardware.ports import HardwareError

    runner = SyncRunner()

    def decline(amount: int) -> Tender:
        raise HardwareError("한도 초과", code="card.declined", retryable=False)

    d = TenderDialog(12_900, payments=Terminal(decline), runner=runner)  # type: ignore[arg-type]
    qtbot.addWidget(d)
    click(qtbot, d.card_btn)
    assert not d.tenders and "한도 초과" in d.message.text() and d.card_btn.isEnabled()


def test_cash_receipt_identity_is_checked(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = TenderDialog(120_000, payments=None, runner=SyncRunner())
    qtbot.addWidget(d)
    assert "현금영수증" in d.message.text()  # prompted from ₩100,000
    click(qtbot, d.receipt_btn)
    qtbot.keyClicks(d.receipt_id, "12345")
    qtbot.keyClicks(d.amount, "120000")
    click(qtbot, d.cash_btn)
    assert d.result() != d.DialogCode.Accepted and d.message.text()
    d.receipt_id.setText("010-1234-5678")
    d._finish()
    assert d.cash_receipt is not None and d.cash_receipt.masked_identity() == "010****5678"


def test_drawer_count(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = dialogs.CountDialog("마감", expected=162_900)
    qtbot.addWidget(d)
    d.spins[10_000].setValue(16)
    d.spins[1_000].setValue(2)
    d.spins[500].setValue(1)
    d.spins[100].setValue(3)
    assert d.counted() == 162_800 and d.counts() == {10_000: 16, 1_000: 2, 500: 1, 100: 3}
    assert "부족" in d.diff.text()


def test_price_dialog_typed_price_and_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    d = dialogs.PriceDialog("순창 고추장 1kg", 8_500, 8_500)
    qtbot.addWidget(d)
    d.show()
    assert "₩8,500" in d.findChildren(dialogs.QLabel)[0].text()
    qtbot.keyClicks(d.price, "abc")
    qtbot.keyClick(d.price, Qt.Key.Key_Return)  # not a price: stays open, says why
    assert d.isVisible() and d.error.text() == "가격이 올바르지 않습니다."
    d.price.clear()
    qtbot.keyClicks(d.price, "7,000")
    d.reason.setCurrentIndex(1)
    assert d.value() == (7_000, "파손·흠집 상품")  # the listed reason, as recorded
    d.reason.setEditText("포장 찢어짐")
    assert d.value() == (7_000, "포장 찢어짐")  # a typed one
    d.reason.setEditText(" ")
    qtbot.keyClick(d.price, Qt.Key.Key_Return)
    assert d.isVisible() and "사유" in d.error.text()
    d.reason.setCurrentIndex(0)
    qtbot.keyClick(d.price, Qt.Key.Key_Return)
    assert d.result() == dialogs.QDialog.DialogCode.Accepted
    assert d.value() == (7_000, "가격표 불일치")


def test_the_void_reason_dialog_needs_a_reason_and_a_note_for_other(qtbot) -> None:  # type: ignore[no-untyped-def]
    from posapp.ui.void_dialog import VoidReasonDialog
    from posapp.usecases.holds import VOID_REASONS

    d = VoidReasonDialog(VOID_REASONS)
    qtbot.addWidget(d)
    d.show()
    d.ok.click()  # nothing chosen
    assert d.isVisible() and "고르세요" in d.error.text()
    d.choices[-1].click()  # 기타, without a note
    d.ok.click()
    assert d.isVisible() and "적어야" in d.error.text()
    d.note.setFocus()
    qtbot.keyClicks(d.note, "wallet at home", delay=20)
    d.ok.click()
    assert d.result() == d.DialogCode.Accepted
    assert d.value() == ("기타", "wallet at home")
