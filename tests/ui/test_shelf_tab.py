"""The 진열기한·반품 tab (issue 20, item 6) the way a store manager uses it every morning, on
both backends.

순창장류 delivered 4 고추장 at ₩5,000 three days ago. At the till as built, F10 and the
manager's PIN open the inventory window (1024×768); on the 진열기한·반품 tab the manager
picks 장류 with the arrow keys, types 2 days, Alt+D: the lot is on the pull list (3 일 / 2 일,
4), the fixture's lot received today is not. A click on the line, Alt+R, the reason dialog's
확인: the stock goes down by 4, a ``supplier_returns`` row at cost (20,000), and the Korean
save dialog asks where the 반품 전표 goes; typed name, 저장: the PDF is written, opened, and
its text read back names the supplier, the product, the amount and the reason.

A cashier is asked a manager's PIN in place (none given: nothing written); a blank reason is
refused in Korean; two lines go back in one action and their slips are saved in a folder; a
scanned barcode selects its product's lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QLineEdit

from posapp.app import App, build
from posapp.config import Settings
from posapp.domain import calendar
from posapp.hardware.printer import PreviewPrinter
from posapp.inventory import catalog, partners, receiving, shelf
from posapp.ui.inventory_shelf_tab import ReturnDialog, ShelfTab
from posapp.ui.inventory_window import InventoryWindow
from posapp.ui.messages import explain
from posapp.ui.tasks import SyncRunner
from posapp.usecases.inventory import InventoryUseCases
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support.scanning import scan, use_wedge
from tests.ui.test_checkout_flow import Script, sign_in
from tests.ui.test_receipt_finder import type_into


def pdf_text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(BytesIO(path.read_bytes())).pages)


def received_days_ago(store: Store, product: int, qty: int, cost: int, days: int) -> None:
    """``qty`` of ``product`` received from its producer ``days`` ago at ``cost``."""
    day = calendar.today() - dt.timedelta(days=days)

    def run(uow):  # type: ignore[no-untyped-def]
        sup = uow.conn.exec_driver_sql(
            f"SELECT producer_id FROM products WHERE id = {product}"
        ).scalar()
        receiving.receive(
            uow,
            [receiving.ReceiveLine(product, qty, calendar.today() + dt.timedelta(days=100), cost)],
            user_id=store.manager,
            supplier_id=sup,
            now=calendar.local_instant(day, dt.time(9)),
        )

    store.db.transact(run)


def on_hand(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: catalog.stock_on_hand(uow, pid))


def returns(store: Store) -> list[tuple[Any, ...]]:
    return store.db.read(
        lambda uow: [
            tuple(r)
            for r in uow.conn.exec_driver_sql(
                "SELECT product_id, qty, unit_cost, amount, reason, created_by "
                "FROM supplier_returns ORDER BY id"
            )
        ]
    )


def window_days(store: Store, name: str) -> int | None:
    return next(w.days for w in store.db.read(shelf.shelf_windows) if w.name == name)


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


def open_inventory(qtbot: Any, app: App) -> InventoryWindow:
    window, script = app.window, Script()
    window.ask = script  # type: ignore[assignment]
    sign_in(qtbot, window, script)
    script.push("pin", "2222")  # F10 asks a manager's PIN
    qtbot.keyClick(window, Qt.Key.Key_F10)
    (inv,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, InventoryWindow) and w.isVisible()
    ]
    qtbot.addWidget(inv)
    inv.resize(1024, 768)
    assert inv.minimumSizeHint().width() <= 1024 and inv.width() == 1024
    inv.activateWindow()
    qtbot.waitUntil(inv.isActiveWindow, timeout=2000)
    return inv


def go_to_shelf_tab(qtbot: Any, inv: InventoryWindow) -> ShelfTab:
    tab = inv.shelf
    names = [inv.tabs.tabText(i) for i in range(inv.tabs.count())]
    assert "진열기한·반품" in names
    bar = inv.tabs.tabBar()
    rect = bar.tabRect(names.index("진열기한·반품"))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    assert inv.tabs.currentWidget() is tab
    return tab


def set_days_by_keys(qtbot: Any, inv: InventoryWindow, tab: ShelfTab, name: str, days: str) -> None:
    """Arrow keys in the category list to ``name``, the days typed, Alt+D."""
    tab.category.setFocus()
    for _ in range(tab.category.count()):
        if tab.category.currentText().startswith(name + " "):
            break
        qtbot.keyClick(tab.category, Qt.Key.Key_Down)
    assert tab.category.currentText().startswith(name + " "), tab.category.currentText()
    tab.days.setFocus()
    tab.days.selectAll()
    for ch in days:
        qtbot.keyClick(tab.days, ch, Qt.KeyboardModifier.NoModifier, 40)
    qtbot.wait(60)  # a person's pause: the wedge filter has let the last key through
    qtbot.keyClick(inv, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)


def click_row(qtbot: Any, tab: ShelfTab, row: int, *, ctrl: bool = False) -> None:
    table = tab.table
    rect = table.visualItemRect(table.item(row, 0))
    mods = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, mods, rect.center())


def type_reason(qtbot: Any, d: ReturnDialog, text: str) -> None:
    """The reason's preset replaced by keys: select all, Delete, the text committed by the IME."""
    combo = d.reason
    combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo, timeout=1000)
    qtbot.keyClick(combo, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(combo, Qt.Key.Key_Delete)
    for ch in text:
        ime = QInputMethodEvent()
        ime.setCommitString(ch)
        QApplication.sendEvent(combo, ime)
    qtbot.wait(60)
    assert combo.currentText() == text


def ok(qtbot: Any, d: ReturnDialog) -> None:
    qtbot.mouseClick(
        d.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def save_in_file_dialog(qtbot: Any, tab: ShelfTab, name: str) -> QFileDialog:
    """The save dialog in Korean: the name typed, 저장 clicked."""
    d = tab.slip_dialog
    assert d is not None and d.isVisible()
    labels = {lb.objectName(): lb.text() for lb in d.findChildren(QLabel)}
    assert labels.get("lookInLabel") == "찾는 위치:" and labels.get("fileNameLabel") == "파일 이름:"
    box = d.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None
    texts = [b.text() for b in box.buttons()]
    assert "저장" in texts and "취소" in texts, texts
    edit = d.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow, timeout=2000)
    type_into(qtbot, edit, name)
    assert edit.text() == name
    save = next(b for b in box.buttons() if b.text() == "저장")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    return d


def test_the_morning_pull_list_returned_with_its_slip(
    qtbot: Any, store: Store, app: App, tmp_path: Path
) -> None:
    received_days_ago(store, store.gochujang, 4, 5_000, 3)
    before = on_hand(store, store.gochujang)
    inv = open_inventory(qtbot, app)
    opened: list[Path] = []
    inv.open_file = opened.append  # the desktop's viewer, recorded
    tab = go_to_shelf_tab(qtbot, inv)
    assert tab.table.rowCount() == 0 and tab.heading.text() == "진열기한이 지난 로트가 없습니다."
    assert tab.return_btn.text() == "공급자 반품 (Alt+R)"
    set_days_by_keys(qtbot, inv, tab, "장류", "2")
    assert window_days(store, "장류") == 2, (
        inv.status.text(),
        tab.days.value(),
        tab.category.currentText(),
    )
    assert "진열기한을 저장했습니다: 장류 (2일)" in inv.status.text()
    cells = [tab.table.item(0, c).text() for c in range(6)]
    three_ago = calendar.today() - dt.timedelta(days=3)
    assert tab.table.rowCount() == 1  # the fixture's lot came today: not yet
    assert cells[0:2] == ["순창 전통 고추장 1kg", "순창장류"]
    assert cells[3:] == [three_ago.isoformat(), "3일 / 2일", "4"]
    click_row(qtbot, tab, 0)
    qtbot.keyClick(inv, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    d = tab.return_dialog
    assert d is not None and d.isVisible()
    assert (
        "1개 로트의 남은 수량을 모두 공급자에게 반품합니다: 순창 전통 고추장 1kg (순창장류, 4)"
        in d.summary.text()
    )
    assert d.reason.currentText() == "진열기한 경과 (신선도 저하)"
    ok(qtbot, d)
    assert not d.isVisible()
    assert on_hand(store, store.gochujang) == before - 4
    assert returns(store) == [
        (store.gochujang, 4, 5_000, 20_000, "진열기한 경과 (신선도 저하)", store.manager)
    ]
    assert tab.table.rowCount() == 0 and verify(store.db).ok
    assert "반품했습니다: 1개 로트" in inv.status.text()
    target = inv.documents_dir / "slip.pdf"  # the dialog opens in the documents folder
    save_in_file_dialog(qtbot, tab, "slip.pdf")
    assert opened == [target] and target.read_bytes().startswith(b"%PDF")
    text = pdf_text(target)
    for needle in ("반 품 전 표", "순창장류", "순창 전통 고추장 1kg", "20,000원", "진열기한 경과"):
        assert needle in text, needle
    assert "반품 전표를 저장했습니다" in inv.status.text()


def make(qtbot: Any, store: Store, tmp_path: Path, **kw: Any) -> InventoryWindow:
    w = InventoryWindow(
        InventoryUseCases.build(store.db),
        SyncRunner(),
        user_name="김하늘",
        documents_dir=tmp_path / "docs",
        open_file=lambda p: None,
        **kw,
    )
    qtbot.addWidget(w)
    w.resize(1024, 768)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    return w


def test_a_cashier_returns_two_lines_with_a_managers_pin(
    qtbot: Any, store: Store, tmp_path: Path
) -> None:
    received_days_ago(store, store.gochujang, 4, 5_000, 3)
    received_days_ago(store, store.apple, 2, 9_000, 2)

    def windows(uow):  # type: ignore[no-untyped-def]
        for c in partners.list_categories(uow):
            if c.name in ("장류", "과일"):
                shelf.set_shelf_days(uow, c.id, 2, user_id=store.manager)

    store.db.transact(windows)
    prompts: list[str] = []
    answers = iter([None, "2222"])

    def ask_pin(title: str, prompt: str) -> str | None:
        prompts.append(prompt)
        return next(answers)

    inv = make(qtbot, store, tmp_path, user_id=store.cashier, ask_pin=ask_pin)
    tab = go_to_shelf_tab(qtbot, inv)
    assert [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())] == [
        "순창 전통 고추장 1kg",
        "영주 부사 사과 3kg",
    ]
    qtbot.keyClick(inv, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # nothing chosen
    assert inv.status.text() == "반품할 줄을 고르세요." and tab.return_dialog is None
    click_row(qtbot, tab, 0)
    click_row(qtbot, tab, 1, ctrl=True)
    qtbot.keyClick(inv, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    d = tab.return_dialog
    assert d is not None and "2개 로트의 남은 수량을" in d.summary.text()
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow, timeout=2000)
    type_reason(qtbot, d, "")  # the preset cleared
    ok(qtbot, d)  # a blank reason: refused in the dialog, in Korean
    assert d.isVisible() and d.error.text() == "반품 사유를 적으세요."
    assert prompts == [] and returns(store) == []
    type_reason(qtbot, d, "물러짐")  # typed (Hangul through the IME)
    ok(qtbot, d)  # the cashier lacks the permission: a PIN, not given
    assert prompts == ["공급자 반품: 관리자 승인"] and d.isVisible()
    assert "관리자 승인" in d.error.text() and returns(store) == []
    ok(qtbot, d)  # the manager's PIN
    assert not d.isVisible() and prompts == ["공급자 반품: 관리자 승인"] * 2
    got = returns(store)
    assert [(r[0], r[1], r[3], r[4], r[5]) for r in got] == [
        (store.gochujang, 4, 20_000, "물러짐", store.cashier),
        (store.apple, 2, 18_000, "물러짐", store.cashier),
    ]
    assert tab.table.rowCount() == 0 and verify(store.db).ok
    folder = tmp_path / "docs" / "slips"
    folder.mkdir(parents=True)
    fd = tab.slip_dialog
    assert fd is not None and fd.windowTitle() == "반품 전표를 저장할 폴더"
    save_in_file_dialog(qtbot, tab, "slips")
    slips = sorted(folder.glob("*.pdf"))
    assert len(slips) == 2 and tab.last_slips and set(tab.last_slips) == set(slips)
    texts = [pdf_text(p) for p in slips]
    assert any("순창장류" in t and "20,000원" in t for t in texts)
    assert any("영주농협" in t and "18,000원" in t for t in texts)
    inv.activateWindow()
    qtbot.waitUntil(inv.isActiveWindow, timeout=2000)
    qtbot.keyClick(inv, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # again, later
    assert tab.slip_dialog is not None and tab.slip_dialog is not fd


def test_a_scan_selects_the_products_lines(qtbot: Any, store: Store, app: App) -> None:
    """Walking the shelf with the scanner: each scanned product's lines are chosen, through
    the app's wedge filter and scan router; never a line on the cashier's ticket."""
    received_days_ago(store, store.gochujang, 4, 5_000, 3)
    received_days_ago(store, store.apple, 2, 9_000, 3)
    received_days_ago(store, store.beef, 1_500, 40, 3)  # weighed: grams

    def windows(uow):  # type: ignore[no-untyped-def]
        for c in partners.list_categories(uow):
            if c.name in ("장류", "과일", "축산물"):
                shelf.set_shelf_days(uow, c.id, 1, user_id=store.manager)

    store.db.transact(windows)
    use_wedge(app.wedge)
    try:
        inv = open_inventory(qtbot, app)
        tab = go_to_shelf_tab(qtbot, inv)
        assert tab.table.rowCount() == 3
        qty = {tab.table.item(r, 0).text(): tab.table.item(r, 5).text() for r in range(3)}
        assert qty["횡성 한우 등심"] == "1.500kg" and qty["영주 부사 사과 3kg"] == "2"
        tab.table.setFocus()
        scan(APPLE_CODE)
        assert [i.product_id for i in tab.chosen()] == [store.apple]
        assert "골랐습니다: 영주 부사 사과 3kg 1줄" in inv.status.text()
        scan(GOCHUJANG_CODE)
        assert {i.product_id for i in tab.chosen()} == {store.apple, store.gochujang}
        scan("8800000000017")
        assert "없는 바코드" in inv.status.text()
        assert app.window.session.ticket.lines == []
    finally:
        use_wedge(None)


def test_refusals_of_the_shelf_window_and_the_return_in_korean(store: Store) -> None:
    from posapp.inventory.stock import InventoryError

    cases = store.db.read(partners.list_categories)
    cat = cases[0].id
    for days in (0, 61):
        with pytest.raises(InventoryError) as e:
            store.db.transact(
                lambda uow, d=days: shelf.set_shelf_days(uow, cat, d, user_id=store.manager)
            )
        assert explain(e.value) == "진열기한은 1~60일입니다 (없음은 비워 두세요)."
    lot = store.db.read(
        lambda uow: uow.conn.exec_driver_sql(
            f"SELECT id FROM lots WHERE product_id = {store.gochujang}"
        ).scalar()
    )
    with pytest.raises(InventoryError) as e:
        store.db.transact(
            lambda uow: shelf.return_to_supplier(uow, lot, 1, "  ", user_id=store.manager)
        )
    assert explain(e.value) == "반품 사유를 적으세요."
    with pytest.raises(InventoryError) as e:
        store.db.transact(
            lambda uow: shelf.return_to_supplier(uow, lot, 99, "파손", user_id=store.manager)
        )
    assert explain(e.value) == "로트 재고가 부족합니다."
