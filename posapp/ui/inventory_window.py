"""The manager's inventory window: one tab a module — 상품 (posapp.ui.inventory_products_tab),
유통기한 (inventory_expiry_tab), 입고 (inventory_receiving_tab), 재고조사 (inventory_counts_tab),
발주 (inventory_orders), 산지·생산자 (inventory_partners_tab), 진열기한·반품
(inventory_shelf_tab) — with the edit, transfer and
markdown dialogs (inventory_edit), the movement history (inventory_history), label printing
(inventory_labels) and the CSV import (inventory_import) hanging off it.

Qt only: the window is built with the inventory use cases (posapp.usecases.inventory), never
a database; every call goes through :class:`~posapp.ui.operations.Op` (the database worker) or
:class:`~posapp.ui.operations.IoOp` (PDFs drawn and saved on the I/O pool, in
``documents_dir``, opened with ``open_file``). A manager's PIN is asked through
:func:`~posapp.ui.operations.with_approval`. Strings are Korean through tr().
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget

from posapp.ui.dialogs import PinDialog
from posapp.ui.inventory_counts_tab import CountsTab
from posapp.ui.inventory_edit import WasteDialog
from posapp.ui.inventory_expiry_tab import ExpiryTab
from posapp.ui.inventory_labels import LabelDialog, LabelEntry
from posapp.ui.inventory_orders import PurchaseOrdersTab
from posapp.ui.inventory_partners_tab import PartnersTab
from posapp.ui.inventory_products_tab import ProductsTab
from posapp.ui.inventory_receiving_tab import ReceivingTab
from posapp.ui.inventory_shelf_tab import ShelfTab
from posapp.ui.operations import Runner
from posapp.ui.scan_targets import current_page_target, register_field
from posapp.ui.screen_fit import fit_to_screen
from posapp.usecases.inventory import InventoryUseCases
from posapp.usecases.inventory_orders import RECEIVABLE, POSummary

EXPIRY_TAB = 1


def _open_with_desktop(path: Path) -> None:
    """Open a saved PDF with the desktop's viewer (does nothing where there is none)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class InventoryWindow(ProductsTab, ExpiryTab, ReceivingTab, CountsTab):
    """Tabs: 상품 (products), 유통기한 (expiring lots), 입고 (receiving), 재고조사 (count),
    발주 (purchase orders), 산지·생산자 (regions and producers), 진열기한·반품 (the pull list
    and returns to suppliers)."""

    def __init__(
        self,
        inventory: InventoryUseCases,
        runner: Runner,
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
        self.inventory, self.runner, self.user_id = inventory, runner, user_id
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
        self.shelf = ShelfTab(self)
        self.tabs.addTab(self.shelf, self.tr("진열기한·반품"))
        self.tabs.currentChanged.connect(self._on_tab)
        self._scan_targets()
        fit_to_screen(self, 1280, 800)
        self.apply_filter()
        self.load()

    def _scan_targets(self) -> None:
        """Each tab with a scan box takes scans into it (posapp.ui.scan_targets): 상품 finds the
        product, 입고 receives one, 재고조사 counts one, 발주 adds one to the draft order."""
        register_field(self.search, self.apply_filter, self.tabs.widget(0))
        register_field(self.scan_in, self.scan_receive)
        register_field(self.count_scan, self.scan_count)
        register_field(self.orders.scan, self.orders.scan_add, self.orders)

    def take_scan(self, code: str) -> bool:
        """A scan while this window is in front goes to the current tab (never the till)."""
        return current_page_target(self.tabs, code)

    def load(self) -> None:
        """The reads behind the window's choices (regions, open orders, an open count), all on
        the task runner: the window shows at once and fills in as they arrive."""
        self._do(self.inventory.products.choices, self._fill_choices)
        self.refresh_open_pos()
        self._do(self.inventory.counts.open_count, self._open_count)

    def refresh_open_pos(self) -> None:
        """The purchase orders that can be received against (sent or partly received)."""

        def fill(pos: tuple[POSummary, ...]) -> None:
            keep = self.po.currentData()
            while self.po.count() > 1:
                self.po.removeItem(1)
            for po in pos:
                if po.status in RECEIVABLE:
                    self.po.addItem(f"{po.number} · {po.supplier_name}", po.id)
            self.po.setCurrentIndex(max(0, self.po.findData(keep)))

        self._do(self.inventory.orders.orders, fill)

    def _on_tab(self, i: int) -> None:
        page = self.tabs.widget(i)
        if i == EXPIRY_TAB:
            self.refresh_lots()
        elif page is self.partners:
            self.partners.refresh()
        elif page is self.orders:
            self.orders.refresh()
        elif page is self.shelf:
            self.shelf.refresh()

    def print_labels(self, po_id: int | None = None) -> None:
        """The label dialog with the selected products (or the received lines of ``po_id``)."""
        chosen = []
        if po_id is None:
            for index in self.table.selectionModel().selectedRows():
                r = self.model.rows[index.row()]
                chosen.append(LabelEntry(r.id, r.name_ko, r.barcode))
        d = LabelDialog(self, chosen, self)
        self.label_dialog = d
        labels = self.inventory.labels

        def orders(pos: tuple[POSummary, ...]) -> None:
            d.load_orders(pos)
            i = d.po.findData(po_id) if po_id is not None else -1
            if i > 0:
                d.po.setCurrentIndex(i)
                d.po_chosen(i)

        self._do(self.inventory.orders.orders, orders)

        def save() -> None:
            ids = d.product_ids()
            if not ids:
                d.fail(self.tr("라벨을 뽑을 상품을 고르세요."))
                return
            self.save_labels(
                str(d.kind.currentData()), lambda: labels.items(ids), d.sheet_choice(), dialog=d
            )

        d.submitted.connect(save)
        d.open()

    def _ask_pin(self, title: str, prompt: str) -> str | None:
        d = PinDialog(title, prompt, self)
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def _ask_waste(self, name: str) -> tuple[int, str, str] | None:
        d = WasteDialog(name, self)
        return d.values() if d.exec() == QDialog.DialogCode.Accepted else None


__all__ = ["InventoryWindow"]
