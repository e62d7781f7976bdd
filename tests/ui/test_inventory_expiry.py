"""The 유통기한 tab (issue 18, item 6): lots past their date told apart from those about to
expire, and written off (폐기) in one action with a reason — the dialog driven by its buttons,
the note typed at a person's pace, a cashier's write-off approved by a manager's PIN in place.

Seen before: the tab coloured expired and soon-expiring lots alike and had no 폐기 action.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from posapp import audit
from posapp.domain import calendar
from posapp.inventory import catalog, ledger
from posapp.ui.inventory_expiry_tab import EXPIRED, SOON
from posapp.ui.inventory_window import EXPIRY_TAB, InventoryWindow
from posapp.ui.tasks import SyncRunner
from posapp.usecases.inventory import InventoryUseCases
from posapp.verify import verify
from tests.conftest import Store


def lots_in_and_out_of_date(store: Store) -> None:
    today = calendar.today()
    store.db.transact(
        lambda uow: ledger.receive_lot(
            uow, store.gochujang, 4, expiry_date=today - dt.timedelta(days=5), lot_code="OLD"
        )
    )
    store.db.transact(
        lambda uow: ledger.receive_lot(
            uow, store.salt, 6, expiry_date=today + dt.timedelta(days=2), lot_code="SOON"
        )
    )


def window(qtbot, store: Store, user: int, **kw) -> InventoryWindow:  # type: ignore[no-untyped-def]
    w = InventoryWindow(
        InventoryUseCases.build(store.db), SyncRunner(), user_id=user, register_id="R01", **kw
    )
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentIndex(EXPIRY_TAB)
    return w


def row(w: InventoryWindow, lot_code: str) -> int:
    return next(i for i, ln in enumerate(w.lot_rows) if ln.lot_code == lot_code)


def click(qtbot, w, text: str) -> None:  # type: ignore[no-untyped-def]
    (b,) = [b for b in w.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def on_hand(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: catalog.stock_on_hand(uow, pid))


def test_expired_and_soon_expiring_lots_look_different(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    lots_in_and_out_of_date(store)
    w = window(qtbot, store, store.manager)
    old, soon = row(w, "OLD"), row(w, "SOON")
    assert w.lots.item(old, 3).text() == "5일 지남"
    assert w.lots.item(soon, 3).text() == "2"
    assert w.lots.item(old, 0).background().color() == EXPIRED
    assert w.lots.item(soon, 0).background().color() == SOON
    assert EXPIRED != SOON
    assert old == 0  # past its date: first


def test_write_off_every_expired_lot_in_one_action(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    lots_in_and_out_of_date(store)
    w = window(qtbot, store, store.manager)
    assert on_hand(store, store.gochujang) == 14
    click(qtbot, w, "폐기")  # nothing chosen: every lot past its date
    d = w.write_off_dialog
    assert "1개 로트, 모두 4개" in d.summary.text() and "OLD" in d.summary.text()
    d.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d.note, timeout=1000)
    for ch in "box wet":
        QTest.keyClick(QApplication.focusWidget(), ch, Qt.KeyboardModifier.NoModifier, 40)
    qtbot.mouseClick(
        d.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert not d.isVisible()
    assert on_hand(store, store.gochujang) == 10  # the expired 4 out, the rest untouched
    assert on_hand(store, store.salt) == 6  # soon-expiring is not written off
    assert [ln.lot_code for ln in w.lot_rows if ln.days_left is not None and ln.days_left < 0] == []
    assert "폐기했습니다: 1개 로트, 4개" in w.status.text()
    events = store.db.read(lambda uow: audit.list_events(uow, audit.AuditFilter(action="stock")))
    (ev,) = [e for e in events if e.action == "stock.waste"]
    assert ev.after is not None and ev.after["reason"] == "spoiled: box wet"
    assert verify(store.db).ok


def test_a_cashiers_write_off_of_chosen_lots_asks_a_manager(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    lots_in_and_out_of_date(store)
    asked: list[str] = []
    w = window(
        qtbot,
        store,
        store.cashier,
        ask_pin=lambda title, prompt: asked.append(prompt) or "2222",  # type: ignore[func-returns-value]
    )
    w.lots.selectRow(row(w, "SOON"))  # chosen: a damaged box about to expire
    click(qtbot, w, "폐기")
    d = w.write_off_dialog
    assert "1개 로트, 모두 6개" in d.summary.text()
    d.reason.setCurrentIndex(d.reason.findData("damaged"))
    qtbot.mouseClick(
        d.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert asked == ["재고 조정: 관리자 승인"]
    assert on_hand(store, store.salt) == 0 and on_hand(store, store.gochujang) == 14
