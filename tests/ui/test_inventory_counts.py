"""A stock count as a person does it (issue 18, item 5): scans through the app's wedge filter,
numbers typed at a person's pace into the focused 실사 cell, 차이 following each key, the
review of every difference (with its value) confirmed by its button, a count left and resumed.

Seen on the floor before: typed 35 and 70 were kept nowhere, 차이 did not move, and 차이 반영
posted the scanned 2 and 1 at once, with no review.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from posapp.hardware.wedge import WedgeScanFilter
from posapp.inventory import catalog
from posapp.ui.inventory_counts_tab import COUNTED, VALUE, VARIANCE
from posapp.ui.inventory_window import InventoryWindow
from posapp.ui.tasks import SyncRunner
from posapp.usecases.inventory import InventoryUseCases
from posapp.verify import verify
from tests.conftest import APPLE_CODE, SALT_CODE, Store

COUNT_TAB = 3


@pytest.fixture
def wedge(qapp) -> Iterator[WedgeScanFilter]:  # type: ignore[no-untyped-def]
    f = WedgeScanFilter()
    f.install(qapp)
    yield f
    f.remove(qapp)


def window(qtbot, store: Store, wedge: WedgeScanFilter, **kw) -> InventoryWindow:  # type: ignore[no-untyped-def]
    w = InventoryWindow(
        InventoryUseCases.build(store.db), SyncRunner(), user_id=store.manager, **kw
    )
    qtbot.addWidget(w)
    # what the scan routing does while the 재고조사 tab is in front: the tab's scan target
    wedge.scanned.connect(w.take_scan)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    w.tabs.setCurrentIndex(COUNT_TAB)
    return w


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None, "nothing has the keyboard focus"
    return w


def scan(qtbot, code: str) -> None:  # type: ignore[no-untyped-def]
    """A wedge scanner: the code's keys in a burst into whatever has focus, then Enter."""
    for ch in code:
        QTest.keyClick(focused(), ch)
    QTest.keyClick(focused(), Qt.Key.Key_Return)


def type_keys(text: str) -> None:
    """A person typing: one key every 60 ms into the focused widget (the wedge lets it by)."""
    for ch in text:
        QTest.keyClick(focused(), ch, Qt.KeyboardModifier.NoModifier, 60)
    QTest.qWait(60)  # a person's pause: the wedge filter has let the last key through


def enter(qtbot, w: InventoryWindow) -> None:  # type: ignore[no-untyped-def]
    """Enter in the 실사 editor: the delegate commits it on the next turn of the event loop."""
    QTest.qWait(20)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.count_table.state() != w.count_table.State.EditingState, timeout=1000)


def row_of(w: InventoryWindow, pid: int) -> int:
    return next(i for i, ln in enumerate(w._count_rows) if ln.product_id == pid)


def click_cell(qtbot, w: InventoryWindow, row: int, col: int) -> None:  # type: ignore[no-untyped-def]
    t = w.count_table
    t.scrollToItem(t.item(row, col))
    rect = t.visualItemRect(t.item(row, col))
    qtbot.mouseClick(t.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert t.currentRow() == row and t.currentColumn() == col


def cell(w: InventoryWindow, pid: int, col: int) -> str:
    return w.count_table.item(row_of(w, pid), col).text()


def on_hand(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: catalog.stock_on_hand(uow, pid))


def start(qtbot, w: InventoryWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        next(b for b in w.findChildren(type(w.count_post)) if b.text() == "재고조사 시작"),
        Qt.MouseButton.LeftButton,
    )
    assert w.current_count is not None


def test_typed_counts_are_kept_and_posted_after_a_review(qtbot, store: Store, wedge) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store, wedge)
    start(qtbot, w)
    w.count_scan.setFocus()
    for code in (APPLE_CODE, APPLE_CODE, SALT_CODE):
        scan(qtbot, code)
    assert cell(w, store.apple, COUNTED) == "2" and cell(w, store.apple, VARIANCE) == "-6"
    assert cell(w, store.salt, COUNTED) == "1" and cell(w, store.salt, VARIANCE) == "+1"

    # the shelf really holds 35 boxes of apples and 70 bags of salt: typed over the scans
    click_cell(qtbot, w, row_of(w, store.apple), COUNTED)
    type_keys("3")
    qtbot.waitUntil(lambda: cell(w, store.apple, VARIANCE) == "-5", timeout=1000)  # live
    type_keys("5")
    assert cell(w, store.apple, VARIANCE) == "+27"
    enter(qtbot, w)
    click_cell(qtbot, w, row_of(w, store.salt), COUNTED)
    type_keys("70")
    enter(qtbot, w)
    assert cell(w, store.apple, COUNTED) == "35" and cell(w, store.salt, COUNTED) == "70"
    assert cell(w, store.apple, VALUE) == f"{27 * 12_900:,}"
    saved = store.db.read(lambda uow: w.inventory.counts.counted(w.current_count.id))  # type: ignore[union-attr]
    assert {ln.product_id: ln.counted for ln in saved} == {store.apple: 35, store.salt: 70}

    # 차이 반영 shows the review first; nothing is posted until 반영 is pressed
    qtbot.mouseClick(w.count_post, Qt.MouseButton.LeftButton)
    d = w.count_review
    assert d is not None and d.isVisible()
    assert on_hand(store, store.apple) == 8
    rows = [[d.table.item(r, c).text() for c in range(5)] for r in range(d.table.rowCount())]
    assert sorted(rows) == sorted(
        [
            ["신안 천일염 3kg", "0", "70", "+70", "420,000"],
            ["영주 부사 사과 3kg", "8", "35", "+27", "348,300"],
        ]
    )
    assert "₩768,300" in d.summary.text() and "2개 상품" in d.summary.text()
    qtbot.mouseClick(d.post_button, Qt.MouseButton.LeftButton)
    assert on_hand(store, store.apple) == 35 and on_hand(store, store.salt) == 70
    assert w.current_count is None and "반영" in w.status.text()
    assert verify(store.db).ok


def test_cancelling_the_review_posts_nothing(qtbot, store: Store, wedge) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store, wedge)
    start(qtbot, w)
    click_cell(qtbot, w, row_of(w, store.apple), COUNTED)
    type_keys("1")
    enter(qtbot, w)
    qtbot.mouseClick(w.count_post, Qt.MouseButton.LeftButton)
    d = w.count_review
    assert d is not None
    assert [d.table.item(0, c).text() for c in range(5)] == [
        "영주 부사 사과 3kg",
        "8",
        "1",
        "-7",
        "-90,300",
    ]
    qtbot.mouseClick(d.cancel_button, Qt.MouseButton.LeftButton)
    assert on_hand(store, store.apple) == 8 and w.current_count is not None


def test_a_count_left_with_a_number_half_typed_is_resumed(qtbot, store: Store, wedge) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store, wedge)
    start(qtbot, w)
    click_cell(qtbot, w, row_of(w, store.apple), COUNTED)
    type_keys("35")
    w.close()  # no Enter: the window closed with the editor open

    again = window(qtbot, store, wedge)
    assert again.current_count is not None and "이어서" in again.status.text()
    assert cell(again, store.apple, COUNTED) == "35"
    assert cell(again, store.apple, VARIANCE) == "+27"
    qtbot.mouseClick(again.count_post, Qt.MouseButton.LeftButton)
    assert again.count_review is not None
    qtbot.mouseClick(again.count_review.post_button, Qt.MouseButton.LeftButton)
    assert on_hand(store, store.apple) == 35


def test_a_count_changed_after_the_review_is_not_posted(qtbot, store: Store, wedge) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store, wedge)
    start(qtbot, w)
    click_cell(qtbot, w, row_of(w, store.apple), COUNTED)
    type_keys("35")
    enter(qtbot, w)
    qtbot.mouseClick(w.count_post, Qt.MouseButton.LeftButton)
    d = w.count_review
    assert d is not None
    # meanwhile someone else types another number for the apples on another till
    count_id = w.current_count.id  # type: ignore[union-attr]
    w.inventory.counts.set_count(count_id, store.apple, 3)
    qtbot.mouseClick(d.post_button, Qt.MouseButton.LeftButton)
    assert on_hand(store, store.apple) == 8
    assert "다시 확인" in w.status.text() and w.current_count is not None
    assert cell(w, store.apple, COUNTED) == "3"


def test_a_letter_typed_into_a_count_is_refused_and_loses_nothing(
    qtbot, store: Store, wedge
) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store, wedge)
    start(qtbot, w)
    click_cell(qtbot, w, row_of(w, store.apple), COUNTED)
    type_keys("12")
    enter(qtbot, w)
    click_cell(qtbot, w, row_of(w, store.apple), COUNTED)
    type_keys("x")  # the editor takes digits only
    enter(qtbot, w)
    assert cell(w, store.apple, COUNTED) == "12"
    saved = w.inventory.counts.counted(w.current_count.id)  # type: ignore[union-attr]
    assert [(ln.product_id, ln.counted) for ln in saved] == [(store.apple, 12)]


def test_a_scan_with_no_count_open_is_refused_in_words(qtbot, store: Store, wedge) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, store, wedge)
    w.count_scan.setFocus()
    scan(qtbot, APPLE_CODE)
    assert "먼저 시작" in w.status.text() and w.current_count is None
