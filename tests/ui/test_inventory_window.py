"""The manager's inventory window by clicks and scans (pytest-qt, synchronous runner)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt

from posapp.inventory import catalog, partners, products, purchasing, receiving, stock
from posapp.ui import i18n
from posapp.ui.inventory_labels import LabelEntry
from posapp.ui.inventory_window import InventoryWindow
from posapp.ui.tasks import SyncRunner
from posapp.usecases.inventory import InventoryUseCases
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store


def make(qtbot, store: Store, **kw) -> InventoryWindow:  # type: ignore[no-untyped-def]
    w = InventoryWindow(
        InventoryUseCases.build(store.db),
        SyncRunner(),
        user_id=store.manager,
        user_name="박지민",
        **kw,
    )
    qtbot.addWidget(w)
    return w


def on_hand(store: Store, pid: int) -> int:
    return store.db.read(lambda uow: catalog.stock_on_hand(uow, pid))


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
    w.search.clear()
    w.tax.setCurrentIndex(w.tax.findData("taxable"))
    assert [r.id for r in w.model.rows] == [store.gochujang]
    w.tax.setCurrentIndex(0)
    w.producer.setCurrentIndex(w.producer.findText("횡성축협"))
    assert [r.id for r in w.model.rows] == [store.beef]
    w.producer.setCurrentIndex(0)
    w.category.setCurrentIndex(w.category.findText("소금"))
    assert [r.id for r in w.model.rows] == [store.salt]


def test_waste_from_the_list(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store, ask_waste=lambda name: (2, "damaged", "떨어뜨림"))
    w.table.selectRow(0)  # apples
    w.waste_selected()
    assert on_hand(store, store.apple) == 6
    assert "damaged" in w.status.text()


def test_waste_by_a_cashier_asks_a_manager_pin_in_place(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from posapp import audit

    prompts: list[str] = []
    answers = iter([None, "1111", "2222"])  # cancelled, a cashier's PIN, the manager's

    def ask_pin(title: str, prompt: str) -> str | None:
        prompts.append(prompt)
        return next(answers)

    w = InventoryWindow(
        InventoryUseCases.build(store.db),
        SyncRunner(),
        user_id=store.cashier,
        user_name="김하늘",
        ask_waste=lambda name: (2, "damaged", "떨어뜨림"),
        ask_pin=ask_pin,
        register_id="R01",
    )
    qtbot.addWidget(w)
    select(w, store.apple)
    w.waste_selected()  # no PIN: nothing written, the reason in words
    assert on_hand(store, store.apple) == 8 and "관리자 승인" in w.status.text()
    w.waste_selected()  # a cashier's PIN does not approve
    assert on_hand(store, store.apple) == 8 and "관리자" in w.status.text()
    w.waste_selected()
    assert on_hand(store, store.apple) == 6 and "damaged" in w.status.text()
    assert prompts == ["재고 조정: 관리자 승인"] * 3
    (ev,) = store.db.read(lambda uow: audit.list_events(uow, audit.AuditFilter(action="stock")))
    assert ev.user_id == store.cashier and ev.register_id == "R01"
    assert ev.after is not None and ev.after["approved_by"] == store.manager
    assert ev.before == {"on_hand": 8} and ev.after["on_hand"] == 6


def test_posting_a_count_as_a_cashier_needs_a_manager(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    w = InventoryWindow(
        InventoryUseCases.build(store.db),
        SyncRunner(),
        user_id=store.cashier,
        ask_pin=lambda title, prompt: asked.append(prompt) or "2222",  # type: ignore[func-returns-value]
    )
    qtbot.addWidget(w)
    w.tabs.setCurrentIndex(3)
    w.start_count()  # counting itself changes nothing: no PIN
    for _ in range(7):
        w.count_scan.setText(APPLE_CODE)
        qtbot.keyClick(w.count_scan, Qt.Key.Key_Return)
    assert not asked
    w.post_count()
    assert not asked and w.count_review is not None  # the review first, then the PIN
    qtbot.mouseClick(w.count_review.post_button, Qt.MouseButton.LeftButton)
    assert asked == ["재고조사 차이 반영: 관리자 승인"]
    assert w.current_count is None and on_hand(store, store.apple) == 7
    assert verify(store.db).ok


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
    row = next(i for i, ln in enumerate(w._count_rows) if ln.product_id == store.apple)
    assert w.count_table.item(row, 4).text() == "-1"
    w.post_count()
    assert w.count_review is not None
    qtbot.mouseClick(w.count_review.post_button, Qt.MouseButton.LeftButton)
    assert w.current_count is None and on_hand(store, store.apple) == 7
    assert verify(store.db).ok


# --- product, region and producer edits -----------------------------------------------------


def select(w: InventoryWindow, pid: int) -> None:
    row = next(i for i, r in enumerate(w.model.rows) if r.id == pid)
    w.table.selectRow(row)


def test_window_reads_at_open_go_through_the_runner(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []

    class Counting(SyncRunner):
        def db(self, fn):  # type: ignore[no-untyped-def]
            calls.append("db")
            return super().db(fn)

    w = InventoryWindow(InventoryUseCases.build(store.db), Counting(), user_id=store.manager)
    qtbot.addWidget(w)
    # product list, regions, open purchase orders, the open count: four tasks, no direct read
    assert len(calls) == 4
    assert [w.region.itemText(i) for i in range(w.region.count())] == [
        "전체 산지",
        "순창군",
        "신안군",
        "영주시",
        "횡성군",
    ]


def test_edit_product_price_barcodes_and_shelf_life(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store)
    select(w, store.gochujang)
    w.edit_selected()
    d = w.product_dialog
    assert d.isVisible() and d.price.text() == "8,500" and d.history.rowCount() == 0
    d.price.setText("9,200")
    d.barcodes.setPlainText(f"{GOCHUJANG_CODE}\n8801234500044")  # a wrong check digit
    d.shelf_life.setValue(365)
    d.reorder.setValue(8)
    d.buttons.accepted.emit()
    assert d.isVisible() and "바코드" in d.error.text()  # nothing written, dialog still open
    assert store.db.read(lambda uow: products.get_product(uow, store.gochujang)).price == 8_500
    d.barcodes.setPlainText(f"{GOCHUJANG_CODE}\n8801234500050")
    d.buttons.accepted.emit()
    assert not d.isVisible() and w.status.text() == "저장했습니다: 순창 전통 고추장 1kg"
    after = store.db.read(lambda uow: products.get_product(uow, store.gochujang))
    assert after.price == 9_200 and after.shelf_life_days == 365 and after.reorder_point == 8
    assert after.barcodes == (GOCHUJANG_CODE, "8801234500050")
    h = after.prices[0]
    assert (h.old_price, h.new_price, h.user) == (8_500, 9_200, "박지민")
    # the history is shown the next time (the list was reloaded: select again)
    select(w, store.gochujang)
    w.edit_selected()
    assert w.product_dialog.history.rowCount() == 1
    assert w.product_dialog.history.item(0, 2).text() == "9,200"


def test_product_dialog_refuses_a_price_that_is_not_whole_won(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store)
    select(w, store.apple)
    w.edit_selected()
    d = w.product_dialog
    d.price.setText("12,900.5")
    d.active.setChecked(False)
    d.buttons.accepted.emit()
    assert d.isVisible() and d.error.text() == (
        "판매가: 금액은 원 단위 정수로 입력하세요 (12,900.5)"
    )
    assert store.db.read(lambda uow: products.get_product(uow, store.apple)).active


def test_region_contact_and_promotion_texts(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store)
    w.tabs.setCurrentWidget(w.partners)
    tab = w.partners
    names = [tab.region_table.item(i, 0).text() for i in range(tab.region_table.rowCount())]
    tab.region_table.selectRow(names.index("영주시"))
    tab.edit_region()
    d = tab.dialog
    d.fields["contact"].setText("영주시청 농식품유통과 이수진")
    d.fields["phone"].setText("054-639-abc")
    d.buttons.accepted.emit()
    assert d.isVisible() and "전화번호" in d.error.text()
    d.fields["phone"].setText("054-639-6114")
    d.fields["festival"].setPlainText("영주 풍기인삼축제 (10월)")
    d.buttons.accepted.emit()
    assert not d.isVisible()
    r = next(r for r in store.db.read(partners.list_regions) if r.name == "영주시")
    assert (r.contact, r.phone, r.festival) == (
        "영주시청 농식품유통과 이수진",
        "054-639-6114",
        "영주 풍기인삼축제 (10월)",
    )
    assert tab.region_table.item(names.index("영주시"), 2).text() == "영주시청 농식품유통과 이수진"


def test_new_and_edited_producer(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store)
    w.tabs.setCurrentWidget(w.partners)
    tab = w.partners
    tab.new_producer()
    d = tab.dialog
    d.name.setText("영주농협")  # exists
    d.buttons.accepted.emit()
    assert d.isVisible() and "같은 이름" in d.error.text()
    d.name.setText("풍기 인삼농협")
    d.region.setCurrentIndex(d.region.findText("영주시"))
    d.kind.setCurrentIndex(d.kind.findData("consignment"))
    d.phone.setText("054-636-0000")
    d.buttons.accepted.emit()
    assert not d.isVisible()
    p = next(p for p in store.db.read(partners.list_producers) if p.name == "풍기 인삼농협")
    assert (p.region, p.kind, p.phone) == ("영주시", "consignment", "054-636-0000")
    row = next(
        i
        for i in range(tab.producer_table.rowCount())
        if tab.producer_table.item(i, 0).text() == "풍기 인삼농협"
    )
    assert tab.producer_table.item(row, 4).text() == "위탁"
    tab.producer_table.selectRow(row)
    tab.edit_producer()
    tab.dialog.active.setChecked(False)
    tab.dialog.buttons.accepted.emit()
    assert not next(
        p for p in store.db.read(partners.list_producers) if p.name == "풍기 인삼농협"
    ).active


def test_inventory_window_in_english(qapp, qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert i18n.install_translator(qapp, "en")
    try:
        w = make(qtbot, store)
        assert w.windowTitle() == "Inventory — 박지민"
        tabs = [w.tabs.tabText(i) for i in range(w.tabs.count())]
        assert tabs[:4] == ["Products", "Expiry", "Receiving", "Stock count"]
        assert "Regions & producers" in tabs
        assert w.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == (
            "Product"
        )
        assert w.region.itemText(0) == "All regions" and w.count_label.text() == "4 products"
        select(w, store.salt)
        w.edit_selected()
        d = w.product_dialog
        assert d.windowTitle() == "Edit product — 신안 천일염 3kg"
        assert d.tax.currentText() == "Tax-exempt" and d.shelf_life.specialValueText() == "None"
        d.price.setText("abc")
        d.buttons.accepted.emit()
        assert d.error.text() == "Price: type the amount as whole won (abc)"
        d.reject()
        w.import_export()
        bad = tmp_path / "bad.csv"
        bad.write_text(
            "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point\n"
            "8801234500067,복분자주,,고창군,고창복분자,주류,병,15000,taxable,3\n",
            encoding="utf-8",
        )
        w.import_dialog.start(bad)
        assert [w.import_dialog.errors.item(0, c).text() for c in range(3)] == [
            "2",
            "Unit",
            "The unit is one of ea, kg, 100g: 병",
        ]
    finally:
        i18n.remove_translator(qapp)


# --- purchase orders ---------------------------------------------------------------------------


def test_purchase_order_draft_send_pdf_and_receive(qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    opened: list = []
    w = make(qtbot, store, documents_dir=tmp_path, open_file=opened.append)
    w.tabs.setCurrentWidget(w.orders)
    tab = w.orders
    # 신안염전 supplies the salt: on hand 0, reorder point 3 → suggested 3
    tab.supplier.setCurrentIndex(tab.supplier.findText("신안염전"))
    tab.new_order()
    assert tab.po is not None and tab.po.status == "draft"
    assert tab.list.rowCount() == 1 and tab.list.item(0, 2).text() == "작성 중"
    assert tab.lines.rowCount() == 1 and tab.lines.item(0, 2).text() == "3"
    # a second product by scanning, twice; then quantities and costs typed
    for _ in range(2):
        tab.scan.setText(GOCHUJANG_CODE)
        qtbot.keyClick(tab.scan, Qt.Key.Key_Return)
    assert tab.lines.rowCount() == 2 and tab.lines.item(1, 2).text() == "2"
    tab.lines.item(0, 2).setText("x")
    tab.save_lines()
    assert (
        "1행" in w.status.text()
        and store.db.read(lambda uow: purchasing.get_po(uow, tab.po.id)).lines[0].qty_ordered == 3
    )
    tab.lines.item(0, 2).setText("10")
    tab.lines.item(0, 4).setText("4,100")
    tab.lines.item(1, 4).setText("5,200")
    tab.send()
    po = store.db.read(lambda uow: purchasing.get_po(uow, tab.po.id))
    assert po.status == "sent" and [(ln.qty_ordered, ln.unit_cost) for ln in po.lines] == [
        (10, 4_100),
        (2, 5_200),
    ]
    pdf = tmp_path / f"{po.number}.pdf"
    assert opened == [pdf] and pdf.read_bytes().startswith(b"%PDF")
    assert tab.list.item(0, 2).text() == "발송"
    # the order is now offered on the 입고 tab; receive against it from here
    assert w.po.findData(po.id) > 0
    tab.receive()
    assert w.tabs.currentIndex() == 2 and w.po.currentData() == po.id
    assert [w.recv.item(r, 1).text() for r in range(w.recv.rowCount())] == ["10", "2"]
    assert w.recv.item(0, 3).text() == "4,100"
    w.recv.item(0, 1).setText("6")  # 6 of 10 salt arrived
    w.commit_receiving()
    assert on_hand(store, store.salt) == 6 and on_hand(store, store.gochujang) == 12
    assert store.db.read(lambda uow: purchasing.get_po(uow, po.id)).status == "partial"
    assert verify(store.db).ok
    # the rest is not coming: close it; it leaves the receiving list
    w.tabs.setCurrentWidget(w.orders)
    tab.close_order()
    assert tab.po.status == "closed" and w.po.findData(po.id) < 0


def test_sending_an_empty_draft_is_refused(qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    opened: list = []
    w = make(qtbot, store, documents_dir=tmp_path, open_file=opened.append)
    w.tabs.setCurrentWidget(w.orders)
    tab = w.orders
    tab.supplier.setCurrentIndex(tab.supplier.findText("순창장류"))  # nothing to suggest
    tab.new_order()
    assert tab.lines.rowCount() == 0
    tab.send()
    assert w.status.text() == "발주서에 품목이 없습니다." and opened == []
    assert tab.po.status == "draft"


# --- transfers and markdowns -----------------------------------------------------------------


def test_transfer_between_floor_and_store_room(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = make(qtbot, store)
    select(w, store.apple)
    w.transfer_selected()
    d = w.transfer_dialog
    assert d.have.text() == "매장 8 · 지하 창고 0"
    assert d.direction.currentData() == "floor>store_room"  # nothing downstairs yet
    d.qty.setValue(9)  # only 8 on the floor
    d.buttons.accepted.emit()
    assert d.isVisible() and d.error.text() == "옮길 재고가 부족합니다."
    d.qty.setValue(4)
    d.note.setText("주말 행사 전 보관")
    d.buttons.accepted.emit()
    assert not d.isVisible() and w.status.text() == "옮겼습니다: 영주 부사 사과 3kg 4"
    by_loc = store.db.read(lambda uow: stock.on_hand_by_location(uow, store.apple))
    assert (by_loc["floor"], by_loc["store_room"]) == (4, 4) and on_hand(store, store.apple) == 8
    assert verify(store.db).ok


def test_markdown_a_lot_prints_its_label_and_the_till_charges_it(
    qtbot, store: Store, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    opened: list = []
    w = make(qtbot, store, documents_dir=tmp_path, open_file=opened.append)
    w.tabs.setCurrentIndex(1)
    names = [w.lots.item(r, 0).text() for r in range(w.lots.rowCount())]
    assert "영주 부사 사과 3kg" in names and w.lots.item(0, 6).text() == "매장"
    w.lots.selectRow(names.index("영주 부사 사과 3kg"))
    w.markdown_selected()
    d = w.markdown_dialog
    d.percent.setValue(30)
    assert d.price.text() == "9,030원 (정상가 12,900원)"
    d.buttons.accepted.emit()
    assert not d.isVisible()
    row = [w.lots.item(r, 0).text() for r in range(w.lots.rowCount())].index("영주 부사 사과 3kg")
    assert w.lots.item(row, 5).text() == "9,030"
    assert len(opened) == 1 and opened[0].read_bytes().startswith(b"%PDF")
    assert opened[0].parent == tmp_path and opened[0].name.startswith("labels-markdown-")
    line = store.db.read(lambda uow: catalog.scan(uow, APPLE_CODE)).line
    assert line.unit_price == 9_030


# --- labels ------------------------------------------------------------------------------------


def pages(path) -> int:  # type: ignore[no-untyped-def]
    import pypdf

    return len(pypdf.PdfReader(path).pages)


def test_shelf_labels_for_chosen_products_skipping_used_labels(
    qtbot, store: Store, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    opened: list = []
    w = make(qtbot, store, documents_dir=tmp_path, open_file=opened.append)
    select(w, store.apple)
    w.table.selectionModel().select(
        w.model.index(next(i for i, r in enumerate(w.model.rows) if r.id == store.gochujang), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    w.print_labels()
    d = w.label_dialog
    assert [e.name for e in d.entries] == ["영주 부사 사과 3kg", "순창 전통 고추장 1kg"]
    assert d.kind.currentData() == "shelf" and d.sheet.currentData() == "shelf-2x4"
    assert d.skip.maximum() == 7
    d.table.item(0, 2).setText("3")
    d.skip.setValue(6)  # 6 of 8 labels already used: 2 on this sheet, 2 on a new one
    d.buttons.accepted.emit()
    assert not d.isVisible() and len(opened) == 1
    assert opened[0].name.startswith("labels-shelf-") and pages(opened[0]) == 2
    # a scanned product is added; a product without a barcode cannot get a barcode label
    w.print_labels()
    d = w.label_dialog
    d.set_entries([])
    d.scan.setText(SALT_CODE)
    qtbot.keyClick(d.scan, Qt.Key.Key_Return)
    d.scan.setText(SALT_CODE)
    qtbot.keyClick(d.scan, Qt.Key.Key_Return)
    assert [(e.name, e.copies) for e in d.entries] == [("신안 천일염 3kg", 2)]
    d.entries.append(LabelEntry(store.beef, "횡성 한우 등심", None))
    d.set_entries(d.entries)
    d.kind.setCurrentIndex(d.kind.findData("barcode"))
    assert d.sheet.currentData() == "formtec-3x7" and d.skip.maximum() == 20
    d.buttons.accepted.emit()
    assert d.isVisible() and d.error.text() == "바코드가 없는 상품입니다: 횡성 한우 등심"
    assert len(opened) == 1
    d.table.selectRow(1)
    d.remove_selected()
    d.buttons.accepted.emit()
    assert not d.isVisible() and opened[-1].name.startswith("labels-barcode-")


def test_barcode_labels_for_the_received_lines_of_an_order(qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sup = store.db.read(lambda uow: products.get_product(uow, store.gochujang).producer_id)

    def ordered(uow):  # type: ignore[no-untyped-def]
        po = purchasing.create_po(
            uow, sup, [purchasing.OrderLine(store.gochujang, 5, 5_200)], user_id=store.manager
        )
        purchasing.send_po(uow, po.id)
        receiving.receive(
            uow,
            [receiving.ReceiveLine(store.gochujang, 3)],
            user_id=store.manager,
            po_id=po.id,
        )
        return po.id

    po_id = store.db.transact(ordered)
    opened: list = []
    w = make(qtbot, store, documents_dir=tmp_path, open_file=opened.append)
    w.tabs.setCurrentWidget(w.orders)
    w.orders.select(po_id)
    w.orders.print_labels()
    d = w.label_dialog
    assert d.po.currentData() == po_id and d.kind.currentData() == "barcode"
    assert [(e.name, e.copies) for e in d.entries] == [("순창 전통 고추장 1kg", 3)]
    d.buttons.accepted.emit()
    assert not d.isVisible() and pages(opened[0]) == 1


# --- CSV import and export ------------------------------------------------------------------


CSV_HEADER = "barcode,name_ko,name_en,region,producer,category,unit,price,tax,reorder_point\n"


def test_csv_import_with_progress_and_a_per_row_report(qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    opened: list = []
    w = make(qtbot, store, documents_dir=tmp_path, open_file=opened.append)
    w.import_export()
    d = w.import_dialog
    seen: list[int] = []
    d.progress.percent.connect(seen.append)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        CSV_HEADER
        + "8801234500067,고창 복분자주 375ml,,고창군,고창복분자,주류,병,15000,taxable,3\n"
        + "8801234500074,,Nameless,고창군,고창복분자,주류,ea,1.5,taxable,3\n",
        encoding="utf-8",
    )
    d.start(bad)
    assert d.summary.text() == "가져오지 않았습니다: 문제 3건. 파일을 고친 뒤 다시 가져오세요."
    rows = [tuple(d.errors.item(r, c).text() for c in range(3)) for r in range(d.errors.rowCount())]
    assert rows == [
        ("2", "단위", "단위는 ea, kg, 100g(개) 중 하나입니다: 병"),
        ("3", "상품명", "상품명(한글)을 입력하세요."),
        ("3", "판매가", "정수가 아닙니다: 1.5"),
    ]
    assert w.model.total == 4  # nothing imported
    good = tmp_path / "good.csv"
    good.write_text(
        CSV_HEADER
        + "8801234500067,고창 복분자주 375ml,,고창군,고창복분자,주류,ea,15000,taxable,3\n"
        + f"{SALT_CODE},신안 천일염 3kg,Sinan Sea Salt 3kg,신안군,신안염전,소금,ea,6500,exempt,3\n",
        encoding="cp949",
    )
    d.start(good)
    assert d.errors.rowCount() == 0 and d.bar.value() == 100 and seen[-1] == 100
    assert d.summary.text().splitlines() == [
        "2줄 가져옴: 새 상품 1, 바뀐 상품 1, 그대로 0",
        "새 산지: 고창군",
        "새 생산자: 고창복분자",
        "새 분류: 주류",
    ]
    assert w.model.total == 5
    d.export()
    assert opened == [tmp_path / "products.csv"]
    assert "고창 복분자주 375ml" in opened[0].read_text(encoding="utf-8-sig")


def test_csv_import_runs_off_the_qt_thread(qtbot, store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QThread

    from posapp.ui.tasks import TaskRunner

    runner = TaskRunner()
    try:
        w = InventoryWindow(
            InventoryUseCases.build(store.db), runner, user_id=store.manager, documents_dir=tmp_path
        )
        qtbot.addWidget(w)
        # the window's first reads arrive from the worker thread; late in a long run (many
        # windows' workers winding down) that took over the default 5 s: this test is about
        # the import, not the load
        qtbot.waitUntil(lambda: w.model.total == 4, timeout=30_000)
        w.import_export()
        d = w.import_dialog
        threads: list[bool] = []
        d.progress.percent.connect(lambda _p: threads.append(QThread.currentThread() is d.thread()))
        big = tmp_path / "big.csv"
        lines = [CSV_HEADER]
        lines += [
            f",상품 {i},Product {i},영주시,영주농협,과일,100g,{1_000 + i},exempt,0\n"
            for i in range(12_000)
        ]
        big.write_text("".join(lines), encoding="utf-8")
        d.start(big)
        assert d.running  # start() returned at once; the worker is importing
        qtbot.waitUntil(lambda: not d.running, timeout=60_000)
        assert d.errors.rowCount() == 12_000  # weighed goods without a PLU or barcode: refused
        assert threads and all(threads)  # every progress step was delivered on the Qt thread
    finally:
        runner.shutdown()


def test_movement_history_of_a_product(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Who, when, why, which document: the receipts of the fixture, then a waste by the manager."""
    w = make(qtbot, store, ask_waste=lambda name: (1, "spoiled", ""))
    w.search.setText("사과")
    qtbot.keyClick(w.search, Qt.Key.Key_Return)
    w.table.selectRow(0)
    w.waste_selected()
    w.table.selectRow(0)  # the list was refreshed
    w.history_selected()
    d = w.history_dialog
    qtbot.addWidget(d)
    texts = [
        [d.table.item(r, c).text() for c in range(d.table.columnCount())]
        for r in range(d.table.rowCount())
    ]
    assert len(texts) == 3  # two lots received, one spoiled
    newest = texts[0]
    assert newest[1] == "폐기" and newest[2] == "-1" and newest[6] == "박지민"
    assert newest[3] == "A-early" and newest[4] == "매장"  # first-expiring lot, on the floor
    assert {t[1] for t in texts[1:]} == {"입고"} and not d.more_btn.isEnabled()
    assert "3건" in d.message.text()
