"""세금계산서 for a class booking not paid at the till (issue 20, item 2), the way the class staff
do it: the till as built, F11 opens the classes window (1024×768), ▶ to the class's week, the
class clicked in the calendar, the company's booking clicked, Shift+F12; in the buyer dialog
a wrong 사업자등록번호 is refused in Korean and fixed by keys, Enter through the optional
fields confirms. The booking shows 계좌이체 · 세금계산서 발급 대기, the till refuses to take a
payment for it (one supply, one evidence), the reports window's 세금계산서 tab lists it with
its state, and cancelling the booking cancels the request. A booking paid at the till by card
is refused before the buyer is asked (카드전표, §33②), in the till's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.app import App, build
from posapp.classes import booking_payment as bp
from posapp.classes import bookings as bk
from posapp.classes import schedule as cs
from posapp.classes.policy import ClassPolicy
from posapp.config import Settings
from posapp.hardware.printer import PreviewPrinter
from posapp.reports import tax_invoices
from posapp.reports.model import Period
from posapp.ui.classes import ClassesWindow
from posapp.ui.reports import ReportsWindow
from posapp.ui.tasks import SyncRunner
from posapp.ui.tax_invoice_dialog import TaxInvoiceBuyerDialog
from posapp.usecases.reports import Reports
from tests.classes.test_booking_invoices import book_meeting
from tests.conftest import Store
from tests.reports.test_vat_return import card
from tests.ui.test_checkout_flow import Script, sign_in
from tests.ui.test_receipt_finder import type_into
from tests.ui.test_tax_invoice_checkout import BAD_NO, GOOD_NO, type_buyer, when_shown

POLICY = ClassPolicy()


def _day() -> dt.date:
    """A Wednesday at least a week ahead, so the session is in the future."""
    d = dt.date.today() + dt.timedelta(days=7)
    return d + dt.timedelta(days=(2 - d.weekday()) % 7)


@pytest.fixture
def app(qtbot: Any, store: Store, tmp_path: Path) -> Iterator[App]:
    settings = Settings()
    settings = replace(
        settings,
        card=replace(settings.card, terminal=""),
        sales=replace(settings.sales, customer_display=False),
    )
    built = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path / "p"))
    qtbot.addWidget(built.window)
    built.window.show()
    yield built
    built.shutdown()


def _click_cell(qtbot: Any, table: Any, row: int, col: int) -> None:
    rect = table.visualItemRect(table.item(row, col))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _press(qtbot: Any, cls: ClassesWindow, row: int, button: Any) -> str:
    """Click a booking's row, then a button: what the status line says."""
    _click_cell(qtbot, cls.table, row, 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return str(cls.status.text())


def _open_classes(qtbot: Any, app: App) -> ClassesWindow:
    window = app.window
    script = Script()
    window.ask = script  # type: ignore[assignment]
    sign_in(qtbot, window, script)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    (cls,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ClassesWindow) and w.isVisible()
    ]
    qtbot.addWidget(cls)
    cls.resize(1024, 768)
    assert cls.minimumSizeHint().width() <= 1024 and cls.width() == 1024
    assert cls.invoice_btn.isVisible() and cls.invoice_btn.width() > 0
    return cls


def _choose_class(qtbot: Any, cls: ClassesWindow, title: str) -> None:
    """▶ to the class's week, then click it in the calendar."""
    for _ in range(4):
        found = [
            (r, c)
            for r in range(cls.calendar.rowCount())
            for c in range(cls.calendar.columnCount())
            if cls.calendar.item(r, c) is not None and title in cls.calendar.item(r, c).text()
        ]
        if found:
            _click_cell(qtbot, cls.calendar, *found[0])
            assert cls.current is not None and cls.current.title_ko == title
            return
        qtbot.mouseClick(cls.next_btn, Qt.MouseButton.LeftButton)
    raise AssertionError("the class is not in the calendar")


def test_a_class_booking_paid_by_transfer_marked_for_a_tax_invoice(
    qtbot: Any, store: Store, app: App
) -> None:
    spec = cs.SessionSpec(
        "순창 고추장 담그기", date=_day(), start=dt.time(14, 0), minutes=120, capacity=4,
        fee=35_000,
    )  # fmt: skip
    s = store.db.transact(lambda uow: cs.create_session(uow, spec, user_id=store.cashier))

    def book(name: str) -> bk.BookingInfo:
        r = bk.BookingRequest(name, "01012345678", 2)
        return store.db.transact(
            lambda uow: bk.book(uow, s.uuid, r, policy=POLICY, user_id=None)
        ).booking

    company = book("한결상사 김과장")
    by_card = book("최민수")
    store.db.transact(
        lambda uow: bp.pay(
            uow, by_card.uuid, [card(70_000)], register_id=store.register, user_id=store.cashier
        )
    )
    cls = _open_classes(qtbot, app)
    _choose_class(qtbot, cls, "순창 고추장 담그기")
    assert cls.table.rowCount() == 2 and cls.table.item(0, 4).text() == "미결제"
    _click_cell(qtbot, cls.table, 0, 0)
    seen: dict[str, Any] = {}

    def in_buyer(d: TaxInvoiceBuyerDialog) -> None:
        seen["note"] = " ".join(w.text() for w in d.findChildren(type(d.message)))
        type_buyer(qtbot, d, BAD_NO, "한결상사", "tax@hangyeol.co.kr")
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)
        seen["bad_no"] = d.message.text()
        assert d.isVisible() and d.focusWidget() is d.business_no  # the field to fix
        type_into(qtbot, d.business_no, GOOD_NO)
        d.email.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is d.email, timeout=1000)
        for _ in range(4):  # Enter through 주소, 업태, 종목: the last Enter confirms
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    when_shown(TaxInvoiceBuyerDialog, in_buyer)
    QTest.keyClick(cls.table, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)
    assert "70,000원 (과세)" in seen["note"] and company.ref in seen["note"], seen["note"]
    assert "사업자등록번호가 올바르지 않습니다" in seen["bad_no"]
    assert "세금계산서 요청을 기록했습니다" in cls.status.text(), cls.status.text()
    assert cls.table.item(0, 4).text() == "계좌이체 · 세금계산서 발급 대기"
    (req,) = store.db.read(lambda uow: tax_invoices.list_invoices(uow))
    assert (req.receipt_no, req.business_date, req.state) == (company.ref, _day(), "to_issue")
    assert (req.supply_value, req.vat, req.exempt_total) == (63_636, 6_364, 0)
    assert (req.buyer.business_no, req.buyer.name, req.buyer.ceo) == (
        "2208112341",
        "한결상사",
        "김한결",
    )

    # one supply, one evidence: the till takes no payment for the invoiced booking
    said = _press(qtbot, cls, 0, cls.pay_btn)
    assert "제33조 제2항" in said, said
    assert app.window.model.rowCount() == 0  # nothing went onto the checkout's ticket

    # paid at the till by card: refused before the buyer is asked, in the till's words
    said = _press(qtbot, cls, 1, cls.invoice_btn)
    assert "카드전표" in said and "제33조 제2항" in said, said
    assert cls.status.styleSheet() == "color: #b00020;"
    assert not [
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, TaxInvoiceBuyerDialog) and w.isVisible()
    ]  # fmt: skip
    assert len(store.db.read(lambda uow: tax_invoices.list_invoices(uow))) == 1
    # asked twice: the second is refused before the dialog too
    said = _press(qtbot, cls, 0, cls.invoice_btn)
    assert "이미 세금계산서 요청이 있습니다 (발급 대기)" in said, said

    # the list to issue, in the reports window's 세금계산서 tab (the class's month)
    rw = ReportsWindow(Reports(store.db), SyncRunner(), user_name="박지민", user_id=store.manager)
    qtbot.addWidget(rw)
    first = _day().replace(day=1)
    rw.start.setDate(QDate(first.year, first.month, 1))
    rw.end.setDate(QDate(_day().year, _day().month, _day().day))
    rw.tabs.setCurrentWidget(rw.invoices)
    qtbot.mouseClick(rw.invoices.refresh_btn, Qt.MouseButton.LeftButton)
    tab = rw.invoices.table
    assert tab.rowCount() == 1
    assert [tab.item(0, c).text() for c in range(6)] == [
        _day().isoformat(),
        company.ref,
        "한결상사",
        "220-81-12341",
        "63,636 + 6,364 / 0",
        "발급 대기",
    ]

    # the company cancels: the booking's pending request is cancelled with it
    said = _press(qtbot, cls, 0, cls.cancel_btn)
    assert "세금계산서 요청도 취소했습니다" in said, said
    (req,) = store.db.read(lambda uow: tax_invoices.list_invoices(uow))
    assert req.state == "cancelled"
    qtbot.mouseClick(rw.invoices.refresh_btn, Qt.MouseButton.LeftButton)
    assert tab.item(0, 5).text() == "취소"
    period = Period(first, _day())
    assert store.db.read(lambda uow: tax_invoices.invoices_report(uow, period)).totals[1] == "0건"


def test_a_meeting_room_booked_by_an_organisation_marked_by_its_button(
    qtbot: Any, store: Store, app: App
) -> None:
    """The meeting space is booked in the same window (room 미팅 스페이스): its room fee of
    110,000 is 과세 — 100,000 + 10,000 on the request, dated the meeting's day."""
    meeting = book_meeting(store, _day(), 110_000)
    cls = _open_classes(qtbot, app)
    cls.room.setCurrentIndex(cls.room.findData(cs.MEETING))
    _choose_class(qtbot, cls, "지역 네트워크 모임")
    assert cls.table.item(0, 4).text() == "현장결제"

    def in_buyer(d: TaxInvoiceBuyerDialog) -> None:
        type_buyer(qtbot, d, GOOD_NO, "한결상사", "tax@hangyeol.co.kr")
        qtbot.mouseClick(d.ok_btn, Qt.MouseButton.LeftButton)

    when_shown(TaxInvoiceBuyerDialog, in_buyer)
    said = _press(qtbot, cls, 0, cls.invoice_btn)
    assert f"{meeting.ref}: 세금계산서 요청을 기록했습니다" in said, said
    (req,) = store.db.read(lambda uow: tax_invoices.list_invoices(uow))
    assert (req.supply_value, req.vat, req.business_date) == (100_000, 10_000, _day())
    assert req.item.startswith("[대관] 지역 네트워크 모임")
    assert cls.table.item(0, 4).text() == "계좌이체 · 세금계산서 발급 대기"
