"""세금계산서 요청 from the checkout (issue 20, item 2): a scan, F12 and the tender dialog driven
by keys (Shift+F12 opens the buyer dialog, the buyer typed in, refused in Korean for a bad
number, an empty 상호 and a bad e-mail), the §33② refusals (a card part, a 현금영수증) before
anything reaches the card terminal, the sale paid by 계좌이체 with its request in the same
transaction, and the paper: the customer's receipt with its 세금계산서 발행 요청 block and the
요청서 slip, decoded from the bytes the network printer (the emulator) received. Then a request
asked for after the receipt was printed (Shift+F12 with no ticket, the receipt finder), refused
for a card sale and past the 10th of the next month; the list and the VAT figures place it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from posapp.app import App, build
from posapp.config import Settings
from posapp.db.models import AuditEvent, TaxInvoice
from posapp.domain import calendar
from posapp.hardware.printer import EscposPrinter, parse_uri
from posapp.reports import tax_invoices, vat
from posapp.reports.model import Period
from posapp.reports.tax_invoices import masked_business_no, request_deadline
from posapp.sales.tenders import Method, Tender
from posapp.ui.messages import explain
from posapp.ui.tasks import SyncRunner
from posapp.ui.tax_invoice_dialog import TaxInvoiceBuyerDialog
from posapp.ui.tender_dialog import TenderDialog
from posapp.usecases.tax_invoice import Buyer, LaterRequests, TaxInvoiceError
from posapp_devtools.printer_emulator import PrinterEmulator
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.reports.test_vat_return import sell
from tests.support.fake_terminal import FakeTerminal
from tests.ui.test_checkout_flow import Script, burst, sign_in
from tests.ui.test_receipt_finder import type_into

GOOD_NO = "220-81-12341"  # 한결상사: its check digit is right
BAD_NO = "220-81-12342"


@pytest.fixture
def app(qtbot: Any, store: Store, fake: FakeTerminal, emulator: PrinterEmulator) -> Iterator[App]:
    """A till with the fake card terminal and the network printer emulator; real dialogs."""
    settings = replace(Settings(), card=replace(Settings().card, terminal=fake.uri, timeout_s=5))
    printer = EscposPrinter(parse_uri(f"network://127.0.0.1:{emulator.port}?mode=native"))
    built = build(store.db, settings, runner=SyncRunner(), printer=printer)
    qtbot.addWidget(built.window)
    built.window.show()
    yield built
    built.shutdown()


def _signed_in_with_a_ticket(qtbot: Any, app: App) -> Script:
    script = Script()
    app.window.ask.pin = script.pin  # type: ignore[method-assign]
    sign_in(qtbot, app.window, script)
    burst(qtbot, app.window.search, APPLE_CODE)  # 사과 12,900 면세
    burst(qtbot, app.window.search, GOCHUJANG_CODE)  # 고추장 8,500 과세
    assert app.window.model.rowCount() == 2
    return script


def when_shown(kind: type[QDialog], act: Callable[[Any], None], *, nth: int = 0) -> None:
    """When a modal dialog of ``kind`` opens, do what a cashier does in it."""

    def later() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not shown:
            QTimer.singleShot(20, later)
            return
        act(shown[0])

    QTimer.singleShot(nth, later)


def shift_f12(widget: Any) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)


def type_buyer(qtbot: Any, d: TaxInvoiceBuyerDialog, number: str, name: str, email: str) -> None:
    type_into(qtbot, d.business_no, number)
    type_into(qtbot, d.name, name)
    type_into(qtbot, d.ceo, "김한결")
    type_into(qtbot, d.email, email)


def test_a_transfer_sale_marked_in_the_tender_dialog_prints_the_block_and_the_slip(
    qtbot: Any, store: Store, app: App, fake: FakeTerminal, emulator: PrinterEmulator
) -> None:
    window = app.window
    _signed_in_with_a_ticket(qtbot, app)
    seen: dict[str, Any] = {}

    def in_buyer(d: TaxInvoiceBuyerDialog) -> None:
        assert "카드 결제" in d.findChildren(type(d.message))[0].text()  # the rule, said first
        type_buyer(qtbot, d, BAD_NO, "한결상사", "tax@hangyeol.co.kr")
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)
        seen["bad_no"] = d.message.text()
        assert d.isVisible() and d.focusWidget() is d.business_no  # the field to fix
        type_into(qtbot, d.business_no, GOOD_NO)
        type_into(qtbot, d.name, "")
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)
        seen["no_name"] = d.message.text()
        type_into(qtbot, d.name, "한결상사")
        type_into(qtbot, d.email, "tax@hangyeol")
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)
        seen["bad_email"] = d.message.text()
        assert d.ceo.text() == "김한결"  # nothing typed is lost to a refusal
        type_into(qtbot, d.email, "tax@hangyeol.co.kr")
        from PySide6.QtTest import QTest

        for _ in range(4):  # Enter through 주소, 업태, 종목: the last Enter confirms
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    def in_tender(d: TenderDialog) -> None:
        when_shown(TaxInvoiceBuyerDialog, in_buyer)
        shift_f12(d.amount)  # the dialog's own key, not the checkout's behind it
        assert d.tax_invoice is not None and d.tax_invoice.business_no == "2208112341"
        seen["label"] = d.invoice_label.text()
        from PySide6.QtTest import QTest

        QTest.keyClick(d.amount, Qt.Key.Key_F11)  # the card: refused, nothing charged
        seen["card"] = d.message.text()
        qtbot.mouseClick(d.receipt_btn, Qt.MouseButton.LeftButton)  # a 현금영수증: refused
        seen["receipt"] = d.message.text()
        assert not d.receipt_btn.isChecked()
        qtbot.mouseClick(d.transfer_btn, Qt.MouseButton.LeftButton)  # 계좌이체, the whole

    when_shown(TenderDialog, in_tender)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert "사업자등록번호가 올바르지 않습니다" in seen["bad_no"]
    assert "상호을(를) 입력하세요" in seen["no_name"]
    assert "이메일 주소가 올바르지 않습니다" in seen["bad_email"]
    assert "한결상사 (220-**-*2341)" in seen["label"] and "계좌이체" in seen["label"]
    assert "카드 결제에는 세금계산서를 발급할 수 없습니다" in seen["card"], seen["card"]
    assert "현금영수증과 세금계산서는 함께 발급할 수 없습니다" in seen["receipt"]
    assert fake.of("approve") == [] and fake.of("cash_receipt") == []
    sale = window.session.last_sale
    assert sale is not None and [p.method for p in sale.payments] == ["transfer"]
    assert "세금계산서 요청 한결상사" in window.message.text(), window.message.text()

    row = store.db.read(
        lambda uow: (
            uow.conn.execute(
                select(TaxInvoice.__table__).where(TaxInvoice.receipt_no == sale.receipt_no)
            )
            .one()
            ._mapping
        )
    )
    assert (row["buyer_business_no"], row["buyer_name"], row["buyer_ceo"]) == (
        "2208112341", "한결상사", "김한결",
    )  # fmt: skip
    assert (row["supply_value"], row["vat"], row["exempt_total"], row["state"]) == (
        7_727, 773, 12_900, "to_issue",
    )  # fmt: skip

    assert app.queue.wait_idle(10)
    receipt, slip = (p.document.text() for p in emulator.wait_for_receipts(2, timeout=5))
    assert sale.receipt_no in receipt and "세금계산서 발행 요청" in receipt
    assert "상호 한결상사" in receipt and "사업자번호 220-**-*2341" in receipt
    assert "220-81-12341" not in receipt  # the customer's paper: masked
    assert "[세금계산서 요청서]" in slip and f"영수증 {sale.receipt_no}" in slip
    assert "사업자등록번호 220-81-12341" in slip and "받는 메일 tax@hangyeol.co.kr" in slip
    assert "세금계산서 공급가액 7,727 세액 773" in slip and "계산서 공급가액 12,900" in slip

    # the accountant's list and the VAT figures of the month, through the checkout's sale
    today = calendar.today()
    month = Period(today.replace(day=1), today)
    listed = store.db.read(lambda uow: tax_invoices.invoices_report(uow, month))
    assert [(r[1], r[10], r[11]) for r in listed.rows] == [
        ("세금계산서", 7_727, 773),
        ("계산서", 12_900, 0),
    ]
    r = store.db.read(lambda uow: vat.vat_return(uow, month))
    assert r.row("세금계산서")[1:] == (1, 8_500, 8_500, 7_727, 773, 0)
    assert r.row("계산서")[1:] == (1, 12_900, 0, 0, 0, 12_900)


def test_a_cash_receipt_asked_first_refuses_the_tax_invoice(
    qtbot: Any, store: Store, app: App, fake: FakeTerminal
) -> None:
    _signed_in_with_a_ticket(qtbot, app)
    seen: dict[str, Any] = {}

    def in_tender(d: TenderDialog) -> None:
        type_into(qtbot, d.receipt_id, "010-1234-5678")
        shift_f12(d.receipt_id)
        seen["message"] = d.message.text()
        seen["buyer_dialog"] = any(
            isinstance(w, TaxInvoiceBuyerDialog) and w.isVisible()
            for w in QApplication.topLevelWidgets()
        )
        seen["invoice"] = d.tax_invoice
        QTimer.singleShot(0, d.reject)

    when_shown(TenderDialog, in_tender)
    qtbot.keyClick(app.window, Qt.Key.Key_F12)
    assert "현금영수증과 세금계산서는 함께 발급할 수 없습니다" in seen["message"]
    assert seen["buyer_dialog"] is False and seen["invoice"] is None
    assert store.db.read(lambda uow: uow.conn.execute(select(TaxInvoice.id)).all()) == []


def test_a_card_part_paid_first_refuses_the_tax_invoice(
    qtbot: Any, store: Store, app: App, fake: FakeTerminal
) -> None:
    _signed_in_with_a_ticket(qtbot, app)
    seen: dict[str, Any] = {}

    def in_tender(d: TenderDialog) -> None:
        from PySide6.QtTest import QTest

        type_into(qtbot, d.amount, "5000")
        QTest.keyClick(d.amount, Qt.Key.Key_F11)  # F11 in the dialog: the card, 5,000
        seen["paid"] = d.paid_list.count()
        shift_f12(d.amount)
        seen["message"] = d.message.text()
        QTimer.singleShot(0, d.reject)  # the customer pays otherwise: the card is cancelled

    when_shown(TenderDialog, in_tender)
    qtbot.keyClick(app.window, Qt.Key.Key_F12)
    assert seen["paid"] == 1 and len(fake.of("approve")) == 1
    assert "카드 결제에는 세금계산서를 발급할 수 없습니다" in seen["message"], seen["message"]
    qtbot.waitUntil(lambda: len(fake.of("cancel")) == 1, timeout=5000)


def test_shift_f12_on_the_checkout_asks_the_buyer_as_the_tender_dialog_opens(
    qtbot: Any, store: Store, app: App, emulator: PrinterEmulator
) -> None:
    _signed_in_with_a_ticket(qtbot, app)

    def in_buyer(d: TaxInvoiceBuyerDialog) -> None:
        type_buyer(qtbot, d, GOOD_NO, "한결상사", "tax@hangyeol.co.kr")
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)

    def in_tender(d: TenderDialog) -> None:
        def pay() -> None:
            if d.tax_invoice is None:
                QTimer.singleShot(20, pay)
                return
            from PySide6.QtTest import QTest

            QTest.keyClick(d.amount, Qt.Key.Key_F10)  # F10 in the dialog: cash, the whole

        pay()

    when_shown(TaxInvoiceBuyerDialog, in_buyer)
    when_shown(TenderDialog, in_tender)
    shift_f12(app.window)
    sale = app.window.session.last_sale
    assert sale is not None and [p.method for p in sale.payments] == ["cash"]
    info = store.db.read(lambda uow: tax_invoices.for_receipt(uow, sale.receipt_no))
    assert info is not None and info.buyer.name == "한결상사"


def test_asked_for_just_after_the_sale_and_refused_for_a_card_sale(
    qtbot: Any, store: Store, app: App, emulator: PrinterEmulator
) -> None:
    window = app.window
    script = _signed_in_with_a_ticket(qtbot, app)
    window.ask.tender = script.tender  # type: ignore[method-assign]
    script.push("tender", lambda total: ([Tender.cash(total)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    cash_sale = window.session.last_sale
    assert cash_sale is not None
    assert app.queue.wait_idle(10)
    emulator.wait_for_receipts(1, timeout=5)
    seen: dict[str, Any] = {}

    def in_buyer(d: TaxInvoiceBuyerDialog) -> None:
        seen["note"] = " ".join(lbl.text() for lbl in d.findChildren(type(d.message)))
        type_buyer(qtbot, d, GOOD_NO, "한결상사", "tax@hangyeol.co.kr")
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)

    when_shown(TaxInvoiceBuyerDialog, in_buyer)
    shift_f12(window)  # no ticket open: for the sale just completed
    assert "세금계산서 요청 한결상사" in window.message.text(), window.message.text()
    deadline = request_deadline(cash_sale.business_date).isoformat()
    assert f"{deadline}까지 요청할 수 있습니다" in seen["note"]
    assert app.queue.wait_idle(10)
    slip, copy = (p.document.text() for p in emulator.wait_for_receipts(3, timeout=5)[1:])
    assert "[세금계산서 요청서]" in slip and cash_sale.receipt_no in slip
    assert "재발행" in copy and "세금계산서 발행 요청" in copy and "220-**-*2341" in copy

    # a card sale, later, through the receipt finder: refused in the dialog, kept open
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    burst(qtbot, window.search, APPLE_CODE)
    card = Tender(Method.CARD_MANUAL, 12_900, approval_no="30001234", card_masked=None)
    script.push("tender", ([card], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    card_sale = window.session.last_sale
    assert card_sale is not None and card_sale.receipt_no != cash_sale.receipt_no
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    finder = window.receipt_finder
    assert finder is not None and finder.hits[0].receipt_no == card_sale.receipt_no

    def refused(d: TaxInvoiceBuyerDialog) -> None:
        type_buyer(qtbot, d, GOOD_NO, "한결상사", "tax@hangyeol.co.kr")
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)
        seen["refused"] = d.message.text()
        seen["open"] = d.isVisible()
        d.reject()

    when_shown(TaxInvoiceBuyerDialog, refused)
    qtbot.mouseClick(finder.invoice_button, Qt.MouseButton.LeftButton)
    assert "카드전표" in seen["refused"] and "제33조 제2항" in seen["refused"], seen["refused"]
    assert seen["open"] is True
    actions = store.db.read(lambda uow: list(uow.session.scalars(select(AuditEvent.action))))
    assert actions.count("tax_invoice.request") == 1
    finder.reject()


def test_a_request_after_the_10th_of_the_next_month_is_refused(
    store: Store, tmp_path: Path
) -> None:
    """The 10th of the month after the sale is the last day (a weekend moves it on)."""
    assert request_deadline(dt.date(2026, 10, 14)) == dt.date(2026, 11, 10)  # a Tuesday
    assert request_deadline(dt.date(2026, 12, 31)) == dt.date(2027, 1, 11)  # 10th: a Sunday
    assert masked_business_no("2208112341") == "220-**-*2341"
    old = sell(store, [GOCHUJANG_CODE], [Tender(Method.TRANSFER, 8_500)], _kst(dt.date(2026, 9, 3)))
    from posapp.usecases.checkout import CheckoutSession, SessionSettings

    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    later = LaterRequests(session, printing=None)  # type: ignore[arg-type]  # refused first
    buyer = Buyer(GOOD_NO, "한결상사", "김한결", "tax@hangyeol.co.kr")
    assert calendar.today() > dt.date(2026, 10, 12)  # this machine's clock: past it
    with pytest.raises(TaxInvoiceError) as caught:
        later.request(old, buyer)
    assert caught.value.code == "tax_invoice.late"
    words = explain(caught.value)
    assert "2026-09-03 거래의 세금계산서는 2026-10-12까지만" in words, words
    assert store.db.read(lambda uow: uow.conn.execute(select(TaxInvoice.id)).all()) == []


def _kst(day: dt.date) -> dt.datetime:
    return calendar.local_instant(day, dt.time(11))
