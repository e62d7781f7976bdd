"""상품 tab of the inventory window: the product list (a lazily paged table model that scrolls
100k products) with its filters, and what is done to the selected product — edit it, waste or
correct its stock (a manager's PIN in place when needed), see its movement history, move it
between the floor and the store room, print its labels, and the product CSV import/export.

Qt only: the list and every action call the inventory use cases (posapp.usecases.inventory_*)
through :class:`~posapp.ui.operations.Op`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_amount
from posapp.errors import PosError
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.inventory_base import InventoryBase
from posapp.ui.inventory_edit import (
    TAX_NAMES,
    UNIT_NAMES,
    ProductDialog,
    TransferDialog,
    button_row,
)
from posapp.ui.inventory_history import PAGE as HISTORY_PAGE
from posapp.ui.inventory_history import HistoryDialog
from posapp.ui.inventory_import import ImportDialog
from posapp.ui.messages import explain
from posapp.ui.operations import Op, Runner
from posapp.ui.units import stock_text
from posapp.usecases.inventory_products import (
    FilterChoices,
    ProductDetail,
    ProductFilter,
    ProductForEdit,
    ProductPage,
    ProductRow,
    ProductsUseCases,
)
from posapp.usecases.inventory_stock import HistoryRow, StockChange

translate = QCoreApplication.translate
_Index = QModelIndex | QPersistentModelIndex
PAGE = 200
_UNITS = dict(UNIT_NAMES)


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

    def __init__(
        self,
        products: ProductsUseCases,
        runner: Runner,
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self.products, self.runner, self.on_error = products, runner, on_error
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
        Op(None, self.runner, lambda: self.products.first_page(f, PAGE)).success(
            lambda page: self._first(gen, page)
        ).failure(self.on_error).run()

    def _first(self, gen: int, page: ProductPage) -> None:
        if gen != self._generation:
            return
        self.total = page.total
        self._append(page.rows)

    def _append(self, rows: tuple[ProductRow, ...]) -> None:
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

        def more(rows: tuple[ProductRow, ...]) -> None:
            if gen == self._generation:
                self._append(rows)

        Op(None, self.runner, lambda: self.products.page(f, offset, PAGE)).success(more).failure(
            self.on_error
        ).run()

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
                format_amount(r.price) + ("" if r.unit == "ea" else f"/{r.unit}"),
                stock_text(r.unit, r.on_hand),  # weighed: kg with 3 decimals, never raw grams
                stock_text(r.unit, r.reorder_point),
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


class ProductsTab(InventoryBase):
    """The 상품 page and the actions on the selected product."""

    ask_waste: Callable[[str], tuple[int, str, str] | None]

    def _products_tab(self) -> None:
        w = QWidget()
        v = QVBoxLayout(w)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("InventoryWindow", "상품명·바코드·PLU"))
        self.search.setMinimumWidth(200)
        self.search.returnPressed.connect(self.apply_filter)
        self.region = QComboBox()
        self.region.addItem(translate("InventoryWindow", "전체 산지"), None)
        self.producer = QComboBox()
        self.producer.addItem(translate("InventoryWindow", "전체 생산자"), None)
        self.producer.setMaximumWidth(200)
        self.category = QComboBox()
        self.category.addItem(translate("InventoryWindow", "전체 분류"), None)
        self.tax = QComboBox()
        self.tax.addItem(translate("InventoryWindow", "과세·면세"), None)
        for code, name in TAX_NAMES:
            self.tax.addItem(QCoreApplication.translate("inventory", name), code)
        for combo in (self.region, self.producer, self.category, self.tax):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.low = QCheckBox(translate("InventoryWindow", "재고 부족"))
        self.expiring = QCheckBox(translate("InventoryWindow", "7일 내 유통기한"))
        self.inactive = QCheckBox(translate("InventoryWindow", "판매 중지"))
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
        self.model = ProductListModel(self.inventory.products, self.runner, self.fail)
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
                (translate("InventoryWindow", "상품 수정"), self.edit_selected),
                (translate("InventoryWindow", "폐기·조정"), self.waste_selected),
                (translate("InventoryWindow", "입출고 이력"), self.history_selected),
                (translate("InventoryWindow", "매장 ↔ 창고 이동"), self.transfer_selected),
                (translate("InventoryWindow", "라벨 인쇄"), lambda: self.print_labels()),
                (translate("InventoryWindow", "CSV 가져오기·내보내기"), self.import_export),
            )
        )
        self.tabs.addTab(w, translate("InventoryWindow", "상품"))

    def _fill_choices(self, lists: FilterChoices) -> None:
        """The filters' choices (the first item of each, 전체, stays; the choice is kept)."""
        for combo, items in (
            (self.region, lists.regions),
            (self.producer, lists.producers),
            (self.category, lists.categories),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for x in items:
                combo.addItem(x.name, x.id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

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
            translate("InventoryWindow", "{n}개 상품").format(n=f"{self.model.total:,}")
            if self.model.total
            else ""
        )

    def selected_product(self) -> ProductRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _choose_product(self) -> ProductRow | None:
        p = self.selected_product()
        if p is None:
            self.say(translate("InventoryWindow", "상품을 고르세요."), error=True)
        return p

    # --- edit --------------------------------------------------------------------------------

    def edit_selected(self) -> None:
        """The product edit dialog for the selected product (read off the Qt thread)."""
        p = self._choose_product()
        if p is not None:
            self._do(lambda: self.inventory.products.for_edit(p.id), self._open_product)

    def _open_product(self, found: ProductForEdit) -> None:
        detail = found.detail
        d = ProductDialog(detail, list(found.regions), list(found.producers), self)
        self.product_dialog = d
        products, uid = self.inventory.products, self.user_id

        def save() -> None:
            try:
                edit = d.edit()
            except PosError as exc:
                d.fail(explain(exc))
                return

            def saved(after: ProductDetail) -> None:
                self.say(
                    translate("InventoryWindow", "저장했습니다: {name}").format(name=after.name_ko)
                )
                self.apply_filter()

            self.submit(d, lambda: products.save(detail.id, edit, user_id=uid), saved)

        d.submitted.connect(save)
        d.open()

    # --- stock -------------------------------------------------------------------------------

    def waste_selected(self) -> None:
        p = self._choose_product()
        if p is None:
            return
        answer = self.ask_waste(p.name_ko)
        if answer is None:
            return
        qty, reason, note = answer
        stock, uid, till = self.inventory.stock, self.user_id, self.register_id
        request = stock.waste_request(
            p.id,
            qty,
            title=translate("InventoryWindow", "관리자 승인"),
            prompt=translate("InventoryWindow", "재고 조정: 관리자 승인"),
        )

        def recorded(ch: StockChange) -> None:
            self.say(translate("InventoryWindow", "기록했습니다: {r}").format(r=ch.reason))
            self.apply_filter()

        self.approved(
            request,
            lambda approval: stock.waste(
                p.id,
                qty,
                reason,
                user_id=uid,
                register_id=till,
                note=note,
                approval=approval,
            ),
            recorded,
        )

    def history_selected(self) -> None:
        """Who moved the selected product's stock, when, why, and by which document."""
        p = self._choose_product()
        if p is None:
            return
        stock = self.inventory.stock

        def load(before: int | None) -> Op[tuple[HistoryRow, ...]]:
            return Op(
                self,
                self.runner,
                lambda: stock.history(p.id, limit=HISTORY_PAGE, before_id=before),
            )

        self.history_dialog = HistoryDialog(p.name_ko, load, self)
        self.history_dialog.show()

    def transfer_selected(self) -> None:
        """Move the selected product between the floor and the basement store room."""
        p = self._choose_product()
        if p is None:
            return
        stock, uid = self.inventory.stock, self.user_id

        def opened(by_location: dict[str, int]) -> None:
            d = TransferDialog(p.name_ko, by_location, self)
            self.transfer_dialog = d

            def save() -> None:
                values = d.values()
                self.submit(
                    d,
                    lambda: stock.transfer(p.id, user_id=uid, **values),
                    lambda ch: self.say(
                        translate("InventoryWindow", "옮겼습니다: {name} {n}").format(
                            name=p.name_ko, n=sum(m.qty for m in ch.movements if m.qty > 0)
                        )
                    ),
                )

            d.submitted.connect(save)
            d.open()

        self._do(lambda: stock.by_location(p.id), opened)

    def import_export(self) -> None:
        """The product CSV import (progress bar, per-row errors) and export dialog."""
        self.import_dialog = ImportDialog(self, self)
        self.import_dialog.open()


__all__ = ["PAGE", "ProductListModel", "ProductsTab"]
