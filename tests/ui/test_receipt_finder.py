"""Any earlier receipt found and printed again as 재발행 (issue 18, item 10): by number, day,
amount and the card's last four digits, through the finder's fields (typed, Enter searches) and
its buttons; the reprint decoded from the bytes the printer got.

Seen before: only the last sale could be reprinted.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from posapp.db.models import AuditEvent
from posapp.sales.tenders import Method, Tender
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.ui import test_checkout_flow as flow

till = flow.till


def type_into(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=1000)
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    for ch in text:
        if ch.isascii():
            QTest.keyClick(QApplication.focusWidget(), ch, Qt.KeyboardModifier.NoModifier, 40)
        else:  # Hangul comes from the input method
            ime = QInputMethodEvent()
            ime.setCommitString(ch)
            QApplication.sendEvent(QApplication.focusWidget(), ime)
    QTest.qWait(60)  # a person's pause: the wedge filter has let the last key through


def test_find_an_earlier_receipt_and_reprint_it(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    window, script, parts, printer = till
    flow.sign_in(qtbot, window, script)
    flow.burst(qtbot, window.search, APPLE_CODE)
    card = Tender(
        Method.CARD_MANUAL, 12_900, approval_no="30001234", card_masked="5376-12**-****-4821"
    )
    script.push("tender", ([card], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    first = window.session.last_sale
    flow.burst(qtbot, window.search, GOCHUJANG_CODE)
    script.push("tender", lambda total: ([Tender.cash(total)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    second = window.session.last_sale
    assert first is not None and second is not None and first.receipt_no != second.receipt_no
    assert parts.queue.wait_idle(10)

    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    d = window.receipt_finder
    assert d is not None and d.isVisible()
    assert [h.receipt_no for h in d.hits] == [second.receipt_no, first.receipt_no]  # today's
    type_into(qtbot, d.last4, "4821")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter searches
    assert d.isVisible() and [h.receipt_no for h in d.hits] == [first.receipt_no]
    type_into(qtbot, d.last4, "")
    type_into(qtbot, d.amount, "8500")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert [h.receipt_no for h in d.hits] == [second.receipt_no]
    type_into(qtbot, d.amount, "")
    type_into(qtbot, d.day, (dt.date.today() - dt.timedelta(days=3)).isoformat())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert d.hits == [] and "없습니다" in d.message.text()
    type_into(qtbot, d.day, "어제")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert "날짜는" in d.message.text()
    type_into(qtbot, d.day, "")
    type_into(qtbot, d.number, first.receipt_no[-4:])
    qtbot.mouseClick(d.find_button, Qt.MouseButton.LeftButton)
    assert [h.receipt_no for h in d.hits] == [first.receipt_no]
    assert d.table.item(0, 4).text() == "5376-12**-****-4821"

    printed = len(list(printer.folder.glob("*.png"))) if hasattr(printer, "folder") else None
    qtbot.mouseClick(d.reprint_button, Qt.MouseButton.LeftButton)
    assert parts.queue.wait_idle(10)
    assert f"재발행했습니다: {first.receipt_no}" in d.message.text()
    job = parts.queue.jobs()[-1]
    assert job.kind == "reprint" and job.state == "done"
    text = job.receipt.text()
    assert "재발행" in text and first.receipt_no in text and "12,900" in text
    if printed is not None:
        assert len(list(printer.folder.glob("*.png"))) == printed + 1
    actions = store.db.read(lambda uow: list(uow.session.scalars(select(AuditEvent.action)).all()))
    assert actions.count("receipt.reprint") == 1
    QTest.keyClick(d, Qt.Key.Key_Escape)  # done: Esc closes the finder, the till is in front
    assert not d.isVisible()
