"""The manager's inventory window: the product list (a lazily paged table model that scrolls
100k products), expiring lots (markdowns), receiving by scanning (also against an order),
scan-to-count, and the waste dialog; the 발주 tab (posapp.ui.inventory_orders), the 산지·생산자
tab and the edit, transfer and markdown dialogs (posapp.ui.inventory_edit), label printing
(posapp.ui.inventory_labels) and the CSV import (posapp.ui.inventory_import) hang off it.

Qt only: every database call goes through the task runner to the inventory services
(posapp.inventory.*), which return plain dataclasses; PDFs are drawn on the runner's I/O pool,
saved in ``documents_dir`` and opened with ``open_file``. Strings are Korean through tr().
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.auth import service as auth
from posapp.db.engine import Database, UnitOfWork
from posapp.errors import PosError
from posapp.inventory import catalog, counts, labels, partners, products, purchasing, stock
from posapp.inventory.products import ProductFilter, ProductRow
from posapp.inventory.purchasing import ReceiveLine
from posapp.ui.dialogs import PinDialog
from posapp.ui.inventory_edit import (
    LOCATION_NAMES,
    TAX_NAMES,
    UNIT_NAMES,
    FormDialog,
    MarkdownDialog,
    PartnersTab,
    ProductDialog,
    TransferDialog,
    button_row,
)
from posapp.ui.inventory_history import PAGE as HISTORY_PAGE
from posapp.ui.inventory_history import HistoryDialog
from posapp.ui.inventory_import import ImportDialog
from posapp.ui.inventory_labels import LabelDialog, LabelEntry
from posapp.ui.inventory_orders import PurchaseOrdersTab
from posapp.ui.messages import explain
from posapp.ui.tasks import SyncRunner, TaskRunner

_Index = QModelIndex | QPersistentModelIndex
PAGE = 200


_UNITS = dict(UNIT_NAMES)


def _open_with_desktop(path: Path) -> None:
    """Open a saved PDF with the desktop's viewer (does nothing where there is none)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _won(n: int) -> str:
    return f"{n:,}"


class ProductListModel(QAbstractTableModel):
    """Rows fetched a page at a time as the view scrolls (canFetchMore / fetchMore); the total
    comes from one count query, so the scroll bar is right from the start."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ProductListModel", "바코드"),
        QT_TRANSLATE_NOOP("ProductListModel", "상품명"),
        QT_TRANSLATE_NOOP("ProductListModel", "산지"),
        QT_TRANSLATE_NOOP("ProductListModel", "생산자"),
        QT_TRANSLATE_NOOP("ProductListModel", "분류"),
        QT_TRANSLATE_NOOP("ProductListModel", "단위"),
        QT_TRANSLATE_NOOP("ProductListModel", "판매가"),
        QT_TRANSLATE_NOOP("ProductListModel", "재고"),
        QT_TRANSLATE_NOOP("ProductListModel", "발주점"),
        QT_TRANSLATE_NOOP("ProductListModel", "유통기한"),
    )

    def __init__(self, db: Database, runner: TaskRunner | SyncRunner) -> None:
        super().__init__()
        self.db, self.runner = db, runner
        self.filter = ProductFilter()
        self.rows: list[ProductRow] = []
        self.total = 0
        self._loading = False
        self._generation = 0

    def set_filter(self, f: ProductFilter) -> None:
        self.filter = f
        self._generation += 1
        gen = self._generation
        self.beginResetModel()
        self.rows, self.total, self._loading = [], 0, False
        self.endResetModel()

        def load() -> tuple[int, list[ProductRow]]:
            def run(uow: Any) -> tuple[int, list[ProductRow]]:
                return products.count_products(uow, f), products.list_products(uow, f, limit=PAGE)

            return self.db.read(run)

        self.runner.db(load).success(lambda r: self._first(gen, r))

    def _first(self, gen: int, result: tuple[int, list[ProductRow]]) -> None:
        if gen != self._generation:
            return
        self.total = result[0]
        self._append(result[1])

    def _append(self, rows: list[ProductRow]) -> None:
        if rows:
            n = len(self.rows)
            self.beginInsertRows(QModelIndex(), n, n + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self._loading = False

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self._loading:
            return
        self._loading = True
        f, offset, gen = self.filter, len(self.rows), self._generation

        def more(rows: list[ProductRow]) -> None:
            if gen == self._generation:
                self._append(rows)

        self.runner.db(
            lambda: self.db.read(
                lambda uow: products.list_products(uow, f, offset=offset, limit=PAGE)
            )
        ).success(more)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        r = self.rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.barcode or "",
                r.name_ko,
                r.region,
                r.producer,
                r.category,
                QCoreApplication.translate("inventory", _UNITS.get(r.unit, r.unit)),
                _won(r.price),
                _won(r.on_hand),
                _won(r.reorder_point),
                r.next_expiry.isoformat() if r.next_expiry else "",
            )[c]
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (6, 7, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if c == 7 and r.reorder_point and r.on_hand <= r.reorder_point:
                return QColor("#fde2e1")
            if c == 9 and r.next_expiry and (r.next_expiry - dt.date.today()).days <= 7:
                return QColor("#fff3c4")
        return None


class WasteDialog(QDialog):
    """Waste or adjustment of one product: quantity and a reason (spoiled, damaged, ...)."""

    REASONS = (
        ("spoiled", QT_TRANSLATE_NOOP("WasteDialog", "변질")),
        ("damaged", QT_TRANSLATE_NOOP("WasteDialog", "파손")),
        ("sample", QT_TRANSLATE_NOOP("WasteDialog", "시식")),
        ("class_use", QT_TRANSLATE_NOOP("WasteDialog", "수업 사용")),
        ("theft", QT_TRANSLATE_NOOP("WasteDialog", "도난·분실")),
        ("correction", QT_TRANSLATE_NOOP("WasteDialog", "재고 정정 (±)")),
    )

    def __init__(self, product_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("폐기·조정"))
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{product_name}</b>"))
        self.qty = QSpinBox()
        self.qty.setRange(-100_000, 100_000)
        self.qty.setValue(1)
        self.reason = QComboBox()
        for code, ko in self.REASONS:
            self.reason.addItem(self.tr(ko), code)
        self.note = QLineEdit()
        form.addRow(self.tr("수량"), self.qty)
        form.addRow(self.tr("사유"), self.reason)
        form.addRow(self.tr("메모"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int, str, str]:
        return self.qty.value(), str(self.reason.currentData()), self.note.text()


class InventoryWindow(QMainWindow):
    """Tabs: 상품 (products), 유통기한 (expiring lots), 입고 (receiving), 재고조사 (count)."""

    def __init__(
        self,
        db: Database,
        runner: TaskRunner | SyncRunner,
        *,
        user_id: int,
        user_name: str = "",
        ask_waste: Callable[[str], tuple[int, str, str] | None] | None = None,
        ask_pin: Callable[[str, str], str | None] | None = None,
        documents_dir: Path | None = None,
        open_file: Callable[[Path], None] | None = None,
        register_id: str | None = None,
    ) -> None:
        super().__init__()
        self.db, self.runner, self.user_id = db, runner, user_id
        self.register_id = register_id  # the till this window runs on (audit events)
        self.ask_pin = ask_pin or self._ask_pin
        # where purchase orders, label sheets and count sheets are saved, and how they are opened
        self.documents_dir = documents_dir or Path(tempfile.gettempdir()) / "posapp-documents"
        self.open_file = open_file or _open_with_desktop
        self.ask_waste = ask_waste or self._ask_waste
        self.setWindowTitle(self.tr("재고 관리 — {name}").format(name=user_name))
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self._products_tab()
        self._expiring_tab()
        self._receiving_tab()
        self._count_tab()
        self.orders = PurchaseOrdersTab(self)
        self.tabs.addTab(self.orders, self.tr("발주"))
        self.partners = PartnersTab(self)
        self.tabs.addTab(self.partners, self.tr("산지·생산자"))
        self.resize(1280, 800)
        self.apply_filter()
        self.load()

    def load(self) -> None:
        """The reads behind the window's choices (regions, open orders, an open count), all on
        the task runner: the window shows at once and fills in as they arrive."""

        def choices(uow: Any) -> tuple[list[Any], ...]:
            return (
                partners.list_regions(uow),
                partners.list_producers(uow),
                partners.list_categories(uow),
            )

        self._do(lambda: self.db.read(choices), self._fill_choices)
        self.refresh_open_pos()
        self._do(lambda: self.db.read(counts.open_count), self._open_count)

    def _fill_choices(self, lists: tuple[list[Any], ...]) -> None:
        """The filters' choices (the first item of each, 전체, stays; the choice is kept)."""
        for combo, items in zip((self.region, self.producer, self.category), lists, strict=True):
            keep = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for x in items:
                combo.addItem(x.name, x.id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    def refresh_open_pos(self) -> None:
        """The purchase orders that can be received against (sent or partly received)."""

        def fill(pos: list[purchasing.POSummary]) -> None:
            keep = self.po.currentData()
            while self.po.count() > 1:
                self.po.removeItem(1)
            for po in pos:
                if po.status in (purchasing.POStatus.SENT, purchasing.POStatus.PARTIAL):
                    self.po.addItem(f"{po.number} · {po.supplier_name}", po.id)
            self.po.setCurrentIndex(max(0, self.po.findData(keep)))

        self._do(lambda: self.db.read(lambda uow: purchasing.list_pos(uow)), fill)

    def _open_count(self, c: counts.CountInfo | None) -> None:
        self.current_count = c
        self._count_refresh()

    # --- helpers -----------------------------------------------------------------------

    def _do(self, fn: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        def fail(exc: BaseException) -> None:
            self.say(explain(exc), error=True)

        task = self.runner.db(fn).failure(fail)
        if then is not None:
            task.success(then)

    def fail(self, exc: BaseException) -> None:
        self.say(explain(exc), error=True)

    def adjust(
        self,
        write: Callable[[UnitOfWork, int | None], Any],
        then: Callable[[Any], None],
        why: str,
        fail: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A write that changes stock (``write(uow, approved_by)``), tried as the signed-in
        user; when their role lacks ``stock_adjustment`` a manager's PIN is asked in place and
        the write runs again with that manager as approver. The PIN is checked on the database
        worker, in the write's own transaction (never on the Qt thread)."""
        fail = fail or self.fail

        def needs_approval(exc: BaseException) -> None:
            if not (isinstance(exc, PosError) and exc.code == "auth.approval_required"):
                fail(exc)
                return
            pin = self.ask_pin(self.tr("관리자 승인"), why)
            if pin is None:
                fail(exc)
                return

            def approved(uow: UnitOfWork) -> Any:
                manager = auth.approve(uow, pin)
                return write(uow, manager.id)

            self.runner.db(lambda: self.db.transact(approved)).success(then).failure(fail)

        self.runner.db(lambda: self.db.transact(lambda uow: write(uow, None))).success(
            then
        ).failure(needs_approval)

    def _ask_pin(self, title: str, prompt: str) -> str | None:
        d = PinDialog(title, prompt, self)
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")

    # --- products ----------------------------------------------------------------------

    def _products_tab(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("상품명·바코드·PLU"))
        self.search.setMinimumWidth(200)
        self.search.returnPressed.connect(self.apply_filter)
        self.region = QComboBox()
        self.region.addItem(self.tr("전체 산지"), None)
        self.producer = QComboBox()
        self.producer.addItem(self.tr("전체 생산자"), None)
        self.producer.setMaximumWidth(200)
        self.category = QComboBox()
        self.category.addItem(self.tr("전체 분류"), None)
        self.tax = QComboBox()
        self.tax.addItem(self.tr("과세·면세"), None)
        for code, name in TAX_NAMES:
            self.tax.addItem(QCoreApplication.translate("inventory", name), code)
        for combo in (self.region, self.producer, self.category, self.tax):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.low = QCheckBox(self.tr("재고 부족"))
        self.expiring = QCheckBox(self.tr("7일 내 유통기한"))
        self.inactive = QCheckBox(self.tr("판매 중지"))
        for cb in (self.low, self.expiring, self.inactive):
            cb.toggled.connect(self.apply_filter)
        self.count_label = QLabel()
        for x in (
            self.search,
            self.region,
            self.producer,
            self.category,
            self.tax,
            self.low,
            self.expiring,
            self.inactive,
        ):
            bar.addWidget(x)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        v.addLayout(bar)
        self.model = ProductListModel(self.db, self.runner)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().hide()
        for col, width in enumerate((130, 260, 80, 120, 90, 50, 80, 70, 60, 100)):
            self.table.setColumnWidth(col, width)
        v.addWidget(self.table, 1)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        v.addLayout(
            button_row(
                (self.tr("상품 수정"), self.edit_selected),
                (self.tr("폐기·조정"), self.waste_selected),
                (self.tr("입출고 이력"), self.history_selected),
                (self.tr("매장 ↔ 창고 이동"), self.transfer_selected),
                (self.tr("라벨 인쇄"), lambda: self.print_labels()),
                (self.tr("CSV 가져오기·내보내기"), self.import_export),
            )
        )
        self.tabs.addTab(w, self.tr("상품"))

    def apply_filter(self) -> None:
        self.model.set_filter(
            ProductFilter(
                text=self.search.text(),
                region_id=self.region.currentData(),
                producer_id=self.producer.currentData(),
                category_id=self.category.currentData(),
                tax_class=self.tax.currentData(),
                low_stock=self.low.isChecked(),
                expiring_days=7 if self.expiring.isChecked() else None,
                inactive=self.inactive.isChecked(),
            )
        )

    def _show_count(self, *args: Any) -> None:
        self.count_label.setText(
            self.tr("{n}개 상품").format(n=f"{self.model.total:,}") if self.model.total else ""
        )

    def selected_product(self) -> ProductRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def submit(
        self,
        dialog: FormDialog,
        fn: Callable[[], Any],
        then: Callable[[Any], None],
    ) -> None:
        """Save what ``dialog`` holds with ``fn`` on the runner: success closes it and calls
        ``then``; an error is shown in the dialog, which stays open with what was typed."""

        def ok(result: Any) -> None:
            dialog.accept()
            then(result)

        self.runner.db(fn).success(ok).failure(lambda exc: dialog.fail(explain(exc)))

    def edit_selected(self) -> None:
        """The product edit dialog for the selected product (read off the Qt thread)."""
        p = self.selected_product()
        if p is None:
            self.say(self.tr("상품을 고르세요."), error=True)
            return

        def load(uow: Any) -> tuple[Any, ...]:
            return (
                products.get_product(uow, p.id),
                partners.list_regions(uow),
                partners.list_producers(uow),
            )

        self._do(lambda: self.db.read(load), lambda r: self._open_product(*r))

    def _open_product(
        self,
        detail: products.ProductDetail,
        regions: list[partners.RegionInfo],
        producers: list[partners.ProducerInfo],
    ) -> None:
        d = ProductDialog(detail, regions, producers, self)
        self.product_dialog = d

        def save() -> None:
            try:
                edit = d.edit()
            except PosError as exc:
                d.fail(explain(exc))
                return
            self.submit(
                d,
                lambda: self.db.transact(
                    lambda uow: products.update_product(uow, detail.id, edit, user_id=self.user_id)
                ),
                lambda after: (
                    self.say(self.tr("저장했습니다: {name}").format(name=after.name_ko)),
                    self.apply_filter(),
                ),
            )

        d.submitted.connect(save)
        d.open()

    def transfer_selected(self) -> None:
        """Move the selected product between the floor and the basement store room."""
        p = self.selected_product()
        if p is None:
            self.say(self.tr("상품을 고르세요."), error=True)
            return

        def opened(by_location: dict[str, int]) -> None:
            d = TransferDialog(p.name_ko, by_location, self)
            self.transfer_dialog = d

            def save() -> None:
                values = d.values()
                self.submit(
                    d,
                    lambda: self.db.transact(
                        lambda uow: stock.transfer(uow, p.id, user_id=self.user_id, **values)
                    ),
                    lambda ch: self.say(
                        self.tr("옮겼습니다: {name} {n}").format(
                            name=p.name_ko, n=sum(m.qty for m in ch.movements if m.qty > 0)
                        )
                    ),
                )

            d.submitted.connect(save)
            d.open()

        self._do(lambda: self.db.read(lambda uow: stock.on_hand_by_location(uow, p.id)), opened)

    def markdown_selected(self) -> None:
        """Mark the selected expiring lot down; its markdown shelf label is saved and opened."""
        rows = self.lots.selectionModel().selectedRows()
        if not rows:
            self.say(self.tr("로트를 고르세요."), error=True)
            return
        lot = self.lot_rows[rows[0].row()]

        def opened(detail: products.ProductDetail) -> None:
            d = MarkdownDialog(lot, detail.price, self)
            self.markdown_dialog = d

            def save() -> None:
                percent, labels_too = d.percent.value(), d.print_labels.isChecked()

                def done(md: stock.Markdown) -> None:
                    self.say(
                        self.tr("할인했습니다: {name} {price}원").format(
                            name=lot.product_name, price=_won(md.price)
                        )
                    )
                    self.refresh_lots()
                    if labels_too:
                        self.save_labels(
                            "markdown", lambda uow: labels.label_items(uow, [], lot_ids=[lot.id])
                        )

                self.submit(
                    d,
                    lambda: self.db.transact(
                        lambda uow: stock.markdown_lot(uow, lot.id, percent, user_id=self.user_id)
                    ),
                    done,
                )

            d.submitted.connect(save)
            d.open()

        self._do(
            lambda: self.db.read(lambda uow: products.get_product(uow, lot.product_id)), opened
        )

    def import_export(self) -> None:
        """The product CSV import (progress bar, per-row errors) and export dialog."""
        self.import_dialog = ImportDialog(self, self)
        self.import_dialog.open()

    def save_labels(
        self,
        stem: str,
        items: Callable[[Any], list[labels.LabelItem]],
        draw: Callable[[list[labels.LabelItem]], bytes] = labels.shelf_labels_pdf,
        *,
        dialog: FormDialog | None = None,
    ) -> None:
        """Read the labels' items (``items(uow)``) on the database worker, draw the sheet on the
        I/O pool, save it in the documents folder and open it. With ``dialog``: it closes on
        success and shows the error otherwise."""
        folder = self.documents_dir

        def fail(exc: BaseException) -> None:
            if dialog is None:
                self.fail(exc)
            else:
                dialog.fail(explain(exc))

        def write(found: list[labels.LabelItem]) -> Path:
            pdf = draw(found)
            folder.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            path = folder / f"labels-{stem}-{stamp}.pdf"
            path.write_bytes(pdf)
            return path

        def saved(path: Path) -> None:
            if dialog is not None:
                dialog.accept()
            self.last_labels = path
            self.say(self.tr("라벨을 저장했습니다: {path}").format(path=str(path)))
            self.open_file(path)

        def drawn(found: list[labels.LabelItem]) -> None:
            self.runner.io(lambda: write(found)).success(saved).failure(fail)

        self.runner.db(lambda: self.db.read(items)).success(drawn).failure(fail)

    def print_labels(self, po_id: int | None = None) -> None:
        """The label dialog with the selected products (or the received lines of ``po_id``)."""
        chosen = []
        if po_id is None:
            for index in self.table.selectionModel().selectedRows():
                r = self.model.rows[index.row()]
                chosen.append(LabelEntry(r.id, r.name_ko, r.barcode))
        d = LabelDialog(self, chosen, self)
        self.label_dialog = d

        def orders(pos: list[purchasing.POSummary]) -> None:
            d.load_orders(pos)
            i = d.po.findData(po_id) if po_id is not None else -1
            if i > 0:
                d.po.setCurrentIndex(i)
                d.po_chosen(i)

        self._do(lambda: self.db.read(lambda uow: purchasing.list_pos(uow)), orders)

        def save() -> None:
            ids = d.product_ids()
            if not ids:
                d.fail(self.tr("라벨을 뽑을 상품을 고르세요."))
                return
            self.save_labels(
                str(d.kind.currentData()),
                lambda uow: labels.label_items(uow, ids),
                d.drawer(),
                dialog=d,
            )

        d.submitted.connect(save)
        d.open()

    def _ask_waste(self, name: str) -> tuple[int, str, str] | None:
        d = WasteDialog(name, self)
        return d.values() if d.exec() == QDialog.DialogCode.Accepted else None

    def history_selected(self) -> None:
        """Who moved the selected product's stock, when, why, and by which document."""
        p = self.selected_product()
        if p is None:
            self.say(self.tr("상품을 고르세요."), error=True)
            return

        def load(before: int | None) -> Any:
            return self.runner.db(
                lambda: self.db.read(
                    lambda uow: stock.history(uow, p.id, limit=HISTORY_PAGE, before_id=before)
                )
            )

        self.history_dialog = HistoryDialog(p.name_ko, load, self)
        self.history_dialog.show()

    def waste_selected(self) -> None:
        p = self.selected_product()
        if p is None:
            self.say(self.tr("상품을 고르세요."), error=True)
            return
        answer = self.ask_waste(p.name_ko)
        if answer is None:
            return
        qty, reason, note = answer
        self.adjust(
            lambda uow, approver: stock.record_waste(
                uow,
                p.id,
                qty,
                reason,
                user_id=self.user_id,
                approved_by=approver,
                register_id=self.register_id,
                note=note,
            ),
            lambda ch: (
                self.say(self.tr("기록했습니다: {r}").format(r=ch.reason)),
                self.apply_filter(),
            ),
            self.tr("재고 조정: 관리자 승인"),
        )

    # --- expiring lots -----------------------------------------------------------------

    def _expiring_tab(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        self.lots = QTableWidget(0, 7)
        self.lots.setHorizontalHeaderLabels(
            [
                self.tr("상품명"),
                self.tr("로트"),
                self.tr("유통기한"),
                self.tr("남은 일수"),
                self.tr("재고"),
                self.tr("할인가"),
                self.tr("위치"),
            ]
        )
        self.lots.setColumnWidth(0, 300)
        self.lots.setColumnWidth(1, 140)
        self.lots.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lots.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.lots.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.lot_rows: list[stock.LotInfo] = []
        v.addWidget(self.lots)
        v.addLayout(button_row((self.tr("마감 할인"), self.markdown_selected)))
        self.tabs.addTab(w, self.tr("유통기한"))
        self.tabs.currentChanged.connect(self._on_tab)

    def _on_tab(self, i: int) -> None:
        page = self.tabs.widget(i)
        if i == 1:
            self.refresh_lots()
        elif page is getattr(self, "partners", None):
            self.partners.refresh()
        elif page is getattr(self, "orders", None):
            self.orders.refresh()

    def refresh_lots(self) -> None:
        self._do(lambda: self.db.read(lambda uow: stock.expiring_lots(uow, 7)), self._lots)

    def _lots(self, lots: list[stock.LotInfo]) -> None:
        self.lot_rows = lots
        self.lots.setRowCount(len(lots))
        for i, ln in enumerate(lots):
            cells = (
                ln.product_name,
                ln.lot_code,
                ln.expiry_date.isoformat() if ln.expiry_date else "",
                str(ln.days_left),
                _won(ln.qty_on_hand),
                _won(ln.markdown_price) if ln.markdown_price else "",
                QCoreApplication.translate("inventory", LOCATION_NAMES.get(ln.location, "")),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if ln.days_left is not None and ln.days_left <= 3:
                    item.setBackground(QColor("#fde2e1"))
                self.lots.setItem(i, c, item)

    # --- receiving ---------------------------------------------------------------------

    def _receiving_tab(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        top = QHBoxLayout()
        self.po = QComboBox()
        self.po.addItem(self.tr("발주 없이 입고"), None)
        self.scan_in = QLineEdit()
        self.scan_in.setPlaceholderText(self.tr("바코드를 스캔하세요"))
        self.scan_in.returnPressed.connect(self.scan_receive)
        top.addWidget(self.po)
        top.addWidget(self.scan_in, 1)
        v.addLayout(top)
        self.recv = QTableWidget(0, 5)
        self.recv.setHorizontalHeaderLabels(
            [
                self.tr("상품명"),
                self.tr("수량"),
                self.tr("유통기한 (YYYY-MM-DD)"),
                self.tr("단가"),
                self.tr("로트"),
            ]
        )
        self.recv.setColumnWidth(0, 320)
        self.recv.setColumnWidth(2, 170)
        self.recv_ids: list[int] = []
        v.addWidget(self.recv, 1)
        go = QPushButton(self.tr("입고 확정"))
        go.clicked.connect(self.commit_receiving)
        v.addWidget(go)
        self.tabs.addTab(w, self.tr("입고"))

    def scan_receive(self) -> None:
        code = self.scan_in.text().strip()
        self.scan_in.clear()
        if not code:
            return

        def found(info: catalog.ProductInfo | None) -> None:
            if info is None:
                self.say(self.tr("없는 바코드: {c}").format(c=code), error=True)
                return
            if info.id in self.recv_ids:  # another scan of the same product: one more
                row = self.recv_ids.index(info.id)
                item = self.recv.item(row, 1)
                item.setText(str(int(item.text() or 0) + 1))
                return
            self.add_receive_row(info.id, info.name_ko, 1, None)

        self._do(
            lambda: self.db.read(lambda uow: catalog.product_by_barcode(uow.conn, code)), found
        )

    def add_receive_row(self, pid: int, name: str, qty: int, cost: int | None) -> None:
        self.recv_ids.append(pid)
        row = self.recv.rowCount()
        self.recv.insertRow(row)
        item = QTableWidgetItem(name)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.recv.setItem(row, 0, item)
        cells = ((1, str(qty)), (2, ""), (3, f"{cost:,}" if cost is not None else ""), (4, ""))
        for c, text in cells:
            self.recv.setItem(row, c, QTableWidgetItem(text))

    def receive_against(self, po: purchasing.POInfo) -> None:
        """The 입고 tab with ``po`` chosen and its remaining lines (quantity, cost) filled in:
        the manager types expiry dates and changes what differs, then confirms."""
        i = self.po.findData(po.id)
        if i < 0:
            self.po.addItem(f"{po.number} · {po.supplier_name}", po.id)
            i = self.po.count() - 1
        self.po.setCurrentIndex(i)
        self.recv.setRowCount(0)
        self.recv_ids.clear()
        for ln in po.lines:
            if ln.remaining:
                self.add_receive_row(ln.product_id, ln.name, ln.remaining, ln.unit_cost)
        self.tabs.setCurrentIndex(2)
        self.say(
            self.tr("{number}: 남은 {n}줄을 입고합니다.").format(
                number=po.number, n=self.recv.rowCount()
            )
        )

    def receive_lines(self) -> list[ReceiveLine]:
        """The lines on screen as service input (a wrong date or number raises a clear error)."""
        out = []
        for row, pid in enumerate(self.recv_ids):
            texts = [(self.recv.item(row, c).text() or "").strip() for c in range(1, 5)]
            try:
                qty = int(texts[0])
                expiry = dt.date.fromisoformat(texts[1]) if texts[1] else None
                cost = int(texts[2].replace(",", "")) if texts[2] else None
            except ValueError as exc:
                raise PosError(
                    f"row {row + 1}: check the quantity, expiry date (YYYY-MM-DD) and cost ({exc})",
                    code="ui.receive_line",
                    row=row + 1,
                ) from exc
            out.append(ReceiveLine(pid, qty, expiry, cost, texts[3]))
        return out

    def commit_receiving(self) -> None:
        try:
            lines = self.receive_lines()
        except PosError as exc:
            self.say(explain(exc), error=True)
            return
        po_id = self.po.currentData()

        def done(gr: purchasing.GoodsReceiptInfo) -> None:
            extra = (
                self.tr(" (발주보다 {n} 많음)").format(n=gr.over_ordered) if gr.over_ordered else ""
            )
            self.say(self.tr("입고 완료: {n}줄").format(n=len(gr.lines)) + extra)
            self.recv.setRowCount(0)
            self.recv_ids.clear()
            self.apply_filter()
            if po_id is not None:
                self.refresh_open_pos()

        self._do(
            lambda: self.db.transact(
                lambda uow: purchasing.receive(uow, lines, user_id=self.user_id, po_id=po_id)
            ),
            done,
        )

    # --- counting ----------------------------------------------------------------------

    def _count_tab(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        top = QHBoxLayout()
        self.count_state = QLabel()
        start = QPushButton(self.tr("재고조사 시작"))
        start.clicked.connect(self.start_count)
        post = QPushButton(self.tr("차이 반영"))
        post.clicked.connect(self.post_count)
        self.count_scan = QLineEdit()
        self.count_scan.setPlaceholderText(self.tr("스캔하면 1개씩 셉니다"))
        self.count_scan.returnPressed.connect(self.scan_count)
        for x in (self.count_state, start, self.count_scan, post):
            top.addWidget(x)
        v.addLayout(top)
        self.count_table = QTableWidget(0, 6)
        self.count_table.setHorizontalHeaderLabels(
            [
                self.tr("상품명"),
                self.tr("시작 시 전산"),
                self.tr("조사 중 판매 등"),
                self.tr("실사"),
                self.tr("차이"),
                self.tr("바코드"),
            ]
        )
        self.count_table.setColumnWidth(0, 320)
        v.addWidget(self.count_table, 1)
        self.tabs.addTab(w, self.tr("재고조사"))
        self.current_count: counts.CountInfo | None = None
        self._count_refresh()

    def _count_refresh(self) -> None:
        c = self.current_count
        if c is None:
            self.count_state.setText(self.tr("진행 중인 조사 없음"))
            self.count_table.setRowCount(0)
            return
        self.count_state.setText(self.tr("조사 {id} 진행 중").format(id=c.id))
        self._do(
            lambda: self.db.read(lambda uow: counts.count_lines(uow, c.id, only_counted=True)),
            self._count_lines,
        )

    def _count_lines(self, lines: list[counts.CountLine]) -> None:
        self.count_table.setRowCount(len(lines))
        for i, ln in enumerate(lines):
            var = ln.variance or 0
            cells = (
                ln.name,
                _won(ln.expected_at_start),
                f"{ln.since_start:+,}",
                _won(ln.counted or 0),
                f"{var:+,}",
                ln.barcode or "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4 and var:
                    item.setForeground(QColor("#b00020"))
                self.count_table.setItem(i, col, item)

    def start_count(self) -> None:
        def started(c: counts.CountInfo) -> None:
            self.current_count = c
            self.say(self.tr("재고조사를 시작했습니다: {n}개 상품").format(n=c.lines))
            self._count_refresh()

        self._do(
            lambda: self.db.transact(lambda uow: counts.start_count(uow, user_id=self.user_id)),
            started,
        )

    def scan_count(self) -> None:
        code = self.count_scan.text().strip()
        self.count_scan.clear()
        c = self.current_count
        if not code or c is None:
            return

        def run(uow: Any) -> counts.CountLine:
            info = catalog.product_by_barcode(uow.conn, code)
            if info is None:
                raise PosError(
                    f"barcode {code} is not in the catalogue",
                    code="catalog.unknown_barcode",
                    barcode=code,
                )
            return counts.record_count(uow, c.id, info.id, 1, add=True)

        self._do(lambda: self.db.transact(run), lambda _ln: self._count_refresh())

    def post_count(self) -> None:
        c = self.current_count
        if c is None:
            return

        def posted(p: counts.PostedCount) -> None:
            self.current_count = None
            self.say(self.tr("차이를 반영했습니다: {n}개 상품").format(n=len(p.variances)))
            self._count_refresh()
            self.apply_filter()

        self.adjust(
            lambda uow, approver: counts.post_count(
                uow, c.id, user_id=self.user_id, approved_by=approver, register_id=self.register_id
            ),
            posted,
            self.tr("재고조사 차이 반영: 관리자 승인"),
        )
