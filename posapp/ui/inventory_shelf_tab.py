"""진열기한·반품 tab of the inventory window — what a store manager does every morning: this
morning's pull list (floor lots past their category's days on the shelf: product, supplier,
lot, received, days on the shelf / window, quantity), a category's days on the shelf set
(엽채류 1, 과채류 2), the chosen lines sent back to their suppliers with a reason (공급자 반품:
the stock out, a manager's PIN in place when the user's role lacks ``stock_adjustment``), and
the 반품 전표 PDFs saved where the manager says (a Korean file dialog) and opened.

Keyboard first: every button names its key (Alt+…; the checkout's F-keys are application-wide).
A scanned barcode selects that product's lines. Qt only: the use cases are
posapp.usecases.inventory_shelf, run through the window's task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.inventory_edit import FormDialog
from posapp.ui.messages import explain
from posapp.ui.operations import IoOp
from posapp.ui.units import stock_text
from posapp.usecases.inventory_products import ProductInfo
from posapp.usecases.inventory_shelf import (
    PullItem,
    ReturnInfo,
    ReturnLine,
    ShelfUseCases,
    ShelfWindow,
)

if TYPE_CHECKING:
    from posapp.ui.inventory_window import InventoryWindow

REASONS = (
    QT_TRANSLATE_NOOP("ReturnDialog", "진열기한 경과 (신선도 저하)"),
    QT_TRANSLATE_NOOP("ReturnDialog", "품질 불량"),
    QT_TRANSLATE_NOOP("ReturnDialog", "파손·포장 불량"),
    QT_TRANSLATE_NOOP("ReturnDialog", "오배송"),
)


class ReturnDialog(FormDialog):
    """공급자 반품 of the chosen lines (each lot's whole quantity): what, how much, the reason
    (a preset or typed)."""

    def __init__(self, items: list[PullItem], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("공급자 반품"), parent)
        self.items = items
        names = ", ".join(
            f"{i.product} ({i.supplier or '-'}, {stock_text(i.unit, i.qty)})" for i in items[:5]
        )
        if len(items) > 5:
            names += self.tr(" 외 {n}개").format(n=len(items) - 5)
        self.summary = QLabel(
            self.tr("{n}개 로트의 남은 수량을 모두 공급자에게 반품합니다: {names}").format(
                n=len(items), names=names
            )
        )
        self.summary.setWordWrap(True)
        self.form.addRow(self.summary)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        for text in REASONS:
            self.reason.addItem(self.tr(str(text)))
        self.form.addRow(self.tr("반품 사유"), self.reason)
        self.finish_layout()
        self.reason.setFocus()

    @property
    def total(self) -> int:
        """Every unit in the chosen lots (pieces and grams alike): the approval's bound."""
        return sum(i.qty for i in self.items)

    def lines(self) -> list[ReturnLine]:
        return [ReturnLine(i.lot_id, i.qty) for i in self.items]


def _item(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class ShelfTab(QWidget):
    """``owner`` is the inventory window: its use cases, task runner, user, status line, PIN
    question, documents folder and how a saved PDF is opened."""

    def __init__(self, owner: InventoryWindow) -> None:
        super().__init__()
        self.owner = owner
        self.items: list[PullItem] = []
        self.windows: list[ShelfWindow] = []
        self.returned: list[ReturnInfo] = []  # the last returns: their slips to save
        self.return_dialog: ReturnDialog | None = None
        self.slip_dialog: QFileDialog | None = None
        self.last_slips: list[Path] = []
        v = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("분류")))
        self.category = QComboBox()
        self.category.setMinimumWidth(200)
        self.category.currentIndexChanged.connect(self._category_chosen)
        top.addWidget(self.category)
        top.addWidget(QLabel(self.tr("진열기한")))
        self.days = QSpinBox()
        self.days.setRange(0, 60)
        self.days.setSpecialValueText(self.tr("없음"))
        self.days.setSuffix(self.tr("일"))
        top.addWidget(self.days)
        self.save_days_btn = self._button(self.tr("기한 저장 (Alt+D)"), "Alt+D", self.save_days)
        top.addWidget(self.save_days_btn)
        top.addStretch(1)
        v.addLayout(top)
        self.heading = QLabel()
        v.addWidget(self.heading)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("상품명"),
                self.tr("생산자·공급자"),
                self.tr("로트"),
                self.tr("입고일"),
                self.tr("진열 일수/기한"),
                self.tr("수량"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        for c, width in enumerate((280, 170, 70, 100, 110)):
            self.table.setColumnWidth(c, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.refresh_btn = self._button(self.tr("새로 고침 (Alt+L)"), "Alt+L", self.refresh)
        self.return_btn = self._button(
            self.tr("공급자 반품 (Alt+R)"), "Alt+R", self.return_selected
        )
        self.slip_btn = self._button(self.tr("반품 전표 저장 (Alt+P)"), "Alt+P", self.save_slips)
        self.slip_btn.setEnabled(False)
        for b in (self.refresh_btn, self.return_btn, self.slip_btn):
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)

    def _button(self, text: str, key: str, slot: Callable[[], None]) -> QPushButton:
        """A button whose key (named in its text) presses it while it is shown and enabled
        (a shortcut of the button: another tab's keys never reach it)."""
        b = QPushButton(text)
        b.clicked.connect(slot)
        shortcut = QShortcut(QKeySequence(key), b)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(b.click)
        return b

    @property
    def shelf(self) -> ShelfUseCases:
        return self.owner.inventory.shelf

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """The categories with their windows, then this morning's pull list."""
        self.owner._do(self.shelf.windows, self._show_windows)
        self.owner._do(self.shelf.pull_list, self._show_items)

    def _window_text(self, w: ShelfWindow) -> str:
        if w.days is None:
            return self.tr("{name} (기한 없음)").format(name=w.name)
        return self.tr("{name} ({n}일)").format(name=w.name, n=w.days)

    def _show_windows(self, windows: tuple[ShelfWindow, ...]) -> None:
        keep = self.category.currentData()
        self.windows = list(windows)
        self.category.blockSignals(True)
        self.category.clear()
        for w in windows:
            self.category.addItem(self._window_text(w), w.id)
        self.category.setCurrentIndex(max(0, self.category.findData(keep)))
        self.category.blockSignals(False)
        self._category_chosen()

    def _category_chosen(self, _i: int = 0) -> None:
        chosen = next((w for w in self.windows if w.id == self.category.currentData()), None)
        self.days.setValue(chosen.days or 0 if chosen is not None else 0)

    def _show_items(self, items: tuple[PullItem, ...]) -> None:
        self.items = list(items)
        self.table.setRowCount(len(items))
        for r, i in enumerate(items):
            cells = (
                (i.product, False),
                (i.supplier or "-", False),
                (str(i.lot_id), True),
                (i.received.isoformat(), False),
                (self.tr("{d}일 / {w}일").format(d=i.days_on_shelf, w=i.window), True),
                (stock_text(i.unit, i.qty), True),
            )
            for c, (text, right) in enumerate(cells):
                self.table.setItem(r, c, _item(text, right=right))
        self.heading.setText(
            self.tr("오늘 뺄 로트 {n}개 (진열기한이 지난 매장 진열분)").format(n=len(items))
            if items
            else self.tr("진열기한이 지난 로트가 없습니다.")
        )

    # --- the shelf window ------------------------------------------------------------------

    def save_days(self) -> None:
        category = self.category.currentData()
        if category is None:
            self.owner.say(self.tr("분류를 고르세요."), error=True)
            return
        days = self.days.value() or None
        uid = self.owner.user_id

        def done(w: ShelfWindow) -> None:
            self.owner.say(
                self.tr("진열기한을 저장했습니다: {what}").format(what=self._window_text(w))
            )
            self.refresh()

        self.owner._do(lambda: self.shelf.set_days(int(category), days, user_id=uid), done)

    # --- returns ---------------------------------------------------------------------------

    def chosen(self) -> list[PullItem]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.items[r] for r in rows]

    def return_selected(self) -> None:
        """공급자 반품 of the chosen lines, after the reason is given; then their slips."""
        items = self.chosen()
        if not items:
            self.owner.say(self.tr("반품할 줄을 고르세요."), error=True)
            return
        d = ReturnDialog(items, self)
        self.return_dialog = d
        shelf, uid, owner = self.shelf, self.owner.user_id, self.owner

        def save() -> None:
            reason, lines = d.reason.currentText().strip(), d.lines()
            request = shelf.return_request(
                d.total,
                title=self.tr("관리자 승인"),
                prompt=self.tr("공급자 반품: 관리자 승인"),
            )

            def done(infos: tuple[ReturnInfo, ...]) -> None:
                d.accept()
                self.returned = list(infos)
                self.slip_btn.setEnabled(True)
                owner.say(
                    self.tr("반품했습니다: {n}개 로트. 반품 전표를 저장하세요.").format(
                        n=len(infos)
                    )
                )
                self.refresh()
                owner.apply_filter()
                self.save_slips()

            owner.approved(
                request,
                lambda approval: shelf.return_lots(lines, reason, user_id=uid, approval=approval),
                done,
                lambda exc: d.fail(explain(exc)),
            )

        d.submitted.connect(save)
        d.open()

    # --- the slips ---------------------------------------------------------------------------

    def save_slips(self) -> None:
        """Ask where the last returns' 반품 전표 go (one: a file; several: a folder), save them
        on the I/O pool and open them."""
        infos = list(self.returned)
        if not infos:
            self.owner.say(self.tr("저장할 반품 전표가 없습니다."), error=True)
            return
        folder = self.owner.documents_dir
        folder.mkdir(parents=True, exist_ok=True)
        one = len(infos) == 1
        d = QFileDialog(
            self, self.tr("반품 전표 저장") if one else self.tr("반품 전표를 저장할 폴더")
        )
        d.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        d.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        d.setLabelText(QFileDialog.DialogLabel.LookIn, self.tr("찾는 위치:"))
        d.setLabelText(QFileDialog.DialogLabel.FileName, self.tr("파일 이름:"))
        d.setLabelText(QFileDialog.DialogLabel.FileType, self.tr("파일 형식:"))
        d.setLabelText(QFileDialog.DialogLabel.Accept, self.tr("저장"))
        d.setLabelText(QFileDialog.DialogLabel.Reject, self.tr("취소"))
        d.setDirectory(str(folder))
        if one:
            d.setFileMode(QFileDialog.FileMode.AnyFile)
            d.setNameFilter(self.tr("PDF 파일 (*.pdf)"))
            d.setDefaultSuffix("pdf")
            d.selectFile(ShelfUseCases.slip_name(infos[0]))
        else:
            d.setFileMode(QFileDialog.FileMode.Directory)
            d.setOption(QFileDialog.Option.ShowDirsOnly, True)
        d.fileSelected.connect(lambda path: self._write_slips(infos, Path(path), one=one))
        self.slip_dialog = d
        d.open()

    def _write_slips(self, infos: list[ReturnInfo], where: Path, *, one: bool) -> None:
        def write() -> tuple[Path, ...]:
            if one:
                return (ShelfUseCases.save_slip(infos[0], where),)
            return ShelfUseCases.save_slips(infos, where)

        def saved(paths: tuple[Path, ...]) -> None:
            self.last_slips = list(paths)
            self.owner.say(
                self.tr("반품 전표를 저장했습니다: {path}").format(
                    path=str(paths[0]) if one else str(where)
                )
            )
            for p in paths:
                self.owner.open_file(p)

        IoOp(self, self.owner.runner, write).success(saved).failure(self.owner.fail).run()

    # --- scans -------------------------------------------------------------------------------

    def take_scan(self, code: str) -> bool:
        """A scanned product's lines on the pull list are added to the selection."""

        def found(info: ProductInfo | None) -> None:
            if info is None:
                self.owner.say(self.tr("없는 바코드: {c}").format(c=code), error=True)
                return
            rows = [r for r, i in enumerate(self.items) if i.product_id == info.id]
            if not rows:
                self.owner.say(
                    self.tr("뺄 로트가 없는 상품입니다: {name}").format(name=info.name_ko),
                    error=True,
                )
                return
            model, sel = self.table.model(), self.table.selectionModel()
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            for r in rows:
                sel.select(model.index(r, 0), flags)
            self.owner.say(
                self.tr("골랐습니다: {name} {n}줄").format(name=info.name_ko, n=len(rows))
            )

        self.owner._do(lambda: self.owner.inventory.products.by_barcode(code), found)
        return True


__all__ = ["ReturnDialog", "ShelfTab"]
