"""The manager's inventory window by clicks and scans (pytest-qt, synchronous runner)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from posapp.inventory import catalog
from posapp.ui.inventory import InventoryWindow
from posapp.ui.tasks import SyncRunner
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store


def make(qtbot, store: Store, **kw) -> InventoryWindow:  # type: ignore[no-untyped-def]
    w = InventoryWindow(store.db, SyncRunner(), user_id=store.manager, user_name="박지민", **kw)
    qtbot.addWidget(w)
    return w


def on_hand(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: catalog.stock_on_hand(uow.conn, pid))


def test_product_list_filters_and_lazy_pages(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store)
    assert w.model.total == 4 and w.model.rowCount() == 4
    assert w.count_label.text() == "4개 상품"
    w.low.setChecked(True)
    assert [r.name_ko for r in w.model.rows] == ["신안 천일염 3kg"]
    w.low.setChecked(False)
    w.search.setText("고추장")
    qtbot.keyClick(w.search, Qt.Key.Key_Return)
    assert [r.id for r in w.model.rows] == [store.gochujang]
    assert w.model.data(w.model.index(0, 7), Qt.ItemDataRole.DisplayRole) == "10"


def test_waste_from_the_list(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store, ask_waste=lambda name: (2, "damaged", "떨어뜨림"))
    w.table.selectRow(0)  # apples
    w.waste_selected()
    assert on_hand(store, store.apple) == 6
    assert "damaged" in w.status.text()


def test_receiving_by_scanning(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store)
    w.tabs.setCurrentIndex(2)
    for code in (GOCHUJANG_CODE, GOCHUJANG_CODE, APPLE_CODE):
        w.scan_in.setText(code)
        qtbot.keyClick(w.scan_in, Qt.Key.Key_Return)
    assert w.recv.rowCount() == 2 and w.recv.item(0, 1).text() == "2"
    w.recv.item(0, 2).setText((dt.date.today() + dt.timedelta(days=90)).isoformat())
    w.recv.item(0, 3).setText("5,200")
    w.recv.item(1, 2).setText("not a date")
    w.commit_receiving()
    assert "2행" in w.status.text() and on_hand(store, store.gochujang) == 10  # nothing written
    w.recv.item(1, 2).setText("")
    w.commit_receiving()
    assert w.status.text().startswith("입고 완료")
    assert on_hand(store, store.gochujang) == 12 and on_hand(store, store.apple) == 9
    assert verify(store.db).ok


def test_scan_to_count_and_post(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store)
    w.tabs.setCurrentIndex(3)
    w.start_count()
    assert w.current_count is not None
    for _ in range(7):
        w.count_scan.setText(APPLE_CODE)
        qtbot.keyClick(w.count_scan, Qt.Key.Key_Return)
    assert w.count_table.rowCount() == 1 and w.count_table.item(0, 4).text() == "-1"
    w.post_count()
    assert w.current_count is None and on_hand(store, store.apple) == 7
    assert verify(store.db).ok
