"""Search at the checkout as a cashier types it (issue 18, item 8): 초성 committed by the input
method into the focused search box (as a Korean keyboard does), more than one page of results
reached by moving down the list with the keyboard, through the app's event filter.

Seen at the till: ``ㅅㄱ`` showed 20 서귀포 products and no 사과, and no more than 20 results.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.inventory import csv_io
from posapp.ui.search_results import PAGE
from posapp.ui.tasks import SyncRunner, Task
from tests.conftest import APPLE_CODE, Store
from tests.ui import test_checkout_flow as flow

T = TypeVar("T")
till = flow.till  # the checkout built by the composition root, as the flows use it
HEADER = "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point,plu\n"


def add_products(store: Store) -> None:
    rows = [
        f",서귀포 노지감귤 {i}호,Seogwipo Tangerine {i},서귀포시,서귀포농협,과일,ea,"
        f"{10_000 + i},exempt,0,{300 + i:05d}\n"
        for i in range(1, 26)
    ]
    rows += [
        ",충주 사과 부사 3kg,Chungju Fuji Apples,충주시,충주농협,과일,ea,21000,exempt,0,00400\n",
        ",청송 꿀사과(벌크),Cheongsong Honey Apples,청송군,청송농협,과일,ea,9900,exempt,0,00401\n",
    ]
    data = (HEADER + "".join(rows)).encode()
    store.db.transact(lambda uow: csv_io.import_products(uow, data))


def test_initials_find_every_apple_past_the_first_page(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    add_products(store)
    window, script, _parts, _printer = till
    window.session.load_index()  # the catalogue changed after start-up
    flow.sign_in(qtbot, window, script)
    window.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search, timeout=1000)
    for ch in "ㅅㄱ":  # Hangul comes from the input method: each jamo committed as typed
        ime = QInputMethodEvent()
        ime.setCommitString(ch)
        QApplication.sendEvent(QApplication.focusWidget(), ime)
        QTest.qWait(60)
    qtbot.waitUntil(lambda: window.search.text() == "ㅅㄱ", timeout=1000)
    qtbot.waitUntil(lambda: window.results.count() > 0, timeout=1000)
    results = window.results
    assert results.count() == PAGE
    shown = [results.item(i).text() for i in range(results.count())]
    assert any("충주 사과 부사 3kg" in t for t in shown)  # 사과 starts a word: first page

    # down the list with the keyboard: the next page arrives at the end, until all are there
    results.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is results, timeout=1000)
    for _ in range(60):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    shown = [results.item(i).text() for i in range(results.count())]
    assert results.count() == 25 + 2 + 1  # 서귀포 ×25, the two new apples, 영주 부사 사과
    assert "청송 꿀사과(벌크)" in shown[-1]  # 사과 inside a word: last
    assert results.currentRow() == results.count() - 1
    # Enter on the last one sells it
    last = results.item(results.count() - 1).data(Qt.ItemDataRole.UserRole)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert [ln.product_id for ln in window.session.ticket.lines] == [last.id]


class LateRunner(SyncRunner):
    """The database worker answering after the cashier has typed on (the till's own thread
    pool under load): each answer held until :meth:`release`, in the order asked."""

    def __init__(self) -> None:
        self.held: list[tuple[Task[Any], Any]] = []

    def db(self, fn: Callable[[], T]) -> Task[T]:
        task: Task[T] = Task()
        self.held.append((task, fn()))
        return task

    def release(self) -> None:
        while self.held:
            task, value = self.held.pop(0)
            task._finish(True, value)


def test_a_barcode_typed_by_hand_leaves_no_stale_results(qtbot, till, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Seen on screen: a barcode typed by hand (a torn label), each digit a search, then
    Enter: the product went on the ticket, but the searches' late answers opened the result
    list again under an empty field."""
    window, script, _parts, _printer = till
    flow.sign_in(qtbot, window, script)
    window.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search, timeout=1000)
    late = LateRunner()
    window.runner = late
    for ch in APPLE_CODE:
        QTest.keyClick(QApplication.focusWidget(), ch, delay=80)  # a person's pace
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    late.release()  # the searches' answers arrive after Enter, then the scan's
    assert [line.barcode for line in window.session.ticket.lines] == [APPLE_CODE]
    assert window.search.text() == "" and not window.results.isVisible()
