"""The cashier's checkout screen: ticket, totals, search, quick keys and F-key actions.

Keyboard first (every action has an F-key or shortcut shown on its button), touch-friendly,
Korean labels (translatable: ``self.tr``, see posapp.ui.i18n). All database and device work goes
through the task runner; results come back on the Qt thread. Dialogs are opened through an
:class:`Asker` so tests can answer them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTimer,
)
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut, QStaticText, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.cart import CartLine, Discount, PricedCart
from posapp.domain.money import format_krw
from posapp.inventory.catalog import ProductInfo
from posapp.sales.holds import HeldInfo
from posapp.sales.offline.forwarder import OfflineState
from posapp.sales.refunds import SaleSummary
from posapp.sales.sale_records import CompletedSale
from posapp.sales.tenders import CashReceiptRequest, Tender, cash_receipt_amount
from posapp.sync.worker import SyncStatus
from posapp.ui import dialogs
from posapp.ui.checkout_session import CheckoutSession, ScanOutcome
from posapp.ui.messages import explain
from posapp.ui.receipts import qty_text
from posapp.ui.sync_panel import OnlineOrdersDialog, SyncButton
from posapp.ui.tasks import SyncRunner, Task, TaskRunner

log = logging.getLogger(__name__)
_Index = QModelIndex | QPersistentModelIndex


def _fixed_size(label: QLabel, height: int) -> None:
    """Text changes on every scan must not re-lay out (and repaint) the whole window."""
    label.setFixedHeight(height)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)


class TicketDelegate(QStyledItemDelegate):
    """Paints ticket cells from cached QStaticText: the shaped Hangul is laid out (and elided to
    its column) once per distinct text and width, not on every repaint — the default delegate
    re-shapes every visible cell, and Qt repaints every visible row when a line is added."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # (text, font key, width, right-aligned) -> (static text, x offset, y offset)
        self._cache: dict[tuple[str, str, int, bool], tuple[QStaticText, float, float]] = {}

    def _prepared(
        self, text: str, option: Any, width: int, height: int, right: bool
    ) -> tuple[QStaticText, float, float]:
        font_key = option.font.key()
        key = (text, font_key, width, right)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if len(self._cache) > 4096:
            self._cache.clear()
        shown = text
        if option.fontMetrics.horizontalAdvance(text) > width:
            shown = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        static = QStaticText(shown)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(QTransform(), option.font)
        size = static.size()
        x = 6 + (width - size.width() if right else 0)
        hit = (static, x, (height - size.height()) / 2)
        self._cache[key] = hit
        return hit

    def paint(self, painter: QPainter, option: Any, index: _Index) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = option.rect
        static, dx, dy = self._prepared(
            text, option, rect.width() - 12, rect.height(), index.column() >= 2
        )
        palette = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, palette.highlight())
            painter.setPen(palette.highlightedText().color())
        else:
            painter.setPen(palette.text().color())
        painter.setFont(option.font)
        painter.drawStaticText(QPointF(rect.x() + dx, rect.y() + dy), static)


class TicketModel(QAbstractTableModel):
    # marked for lupdate here, translated when shown (headerData)
    HEADERS = (
        "#",
        QT_TRANSLATE_NOOP("TicketModel", "상품명"),
        QT_TRANSLATE_NOOP("TicketModel", "수량"),
        QT_TRANSLATE_NOOP("TicketModel", "단가"),
        QT_TRANSLATE_NOOP("TicketModel", "할인"),
        QT_TRANSLATE_NOOP("TicketModel", "금액"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.priced: PricedCart | None = None
        self._rows: list[tuple[str, ...]] = []

    def set_priced(self, priced: PricedCart) -> None:
        """New figures for the ticket; rows are formatted once here, not in every paint."""
        rows = [self._format(i, pl) for i, pl in enumerate(priced.lines)]
        old = len(self._rows)
        self.priced = priced
        if len(rows) == old + 1 and rows[:old] == self._rows:  # the common case: a scan
            self.beginInsertRows(QModelIndex(), old, old)
            self._rows = rows
            self.endInsertRows()
            return
        if len(rows) == old:
            changed = [i for i, (a, b) in enumerate(zip(rows, self._rows, strict=True)) if a != b]
            self._rows = rows
            if changed:
                self.dataChanged.emit(
                    self.index(min(changed), 0), self.index(max(changed), len(self.HEADERS) - 1)
                )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    @staticmethod
    def _format(i: int, pl: Any) -> tuple[str, ...]:
        ln = pl.line
        off = pl.line_discount + pl.ticket_discount
        return (
            str(i + 1),
            ("*" if ln.tax_class.value == "exempt" else "") + ln.name,
            qty_text(ln.unit.value, ln.qty),
            QCoreApplication.translate("TicketModel", "{price} (변경)").format(
                price=format_krw(ln.unit_price)
            )
            if ln.price_override
            else format_krw(ln.unit_price),
            f"-{off:,}" if off else "",
            format_krw(pl.net),
        )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class Asker:
    """Opens the real dialogs. Tests replace it with scripted answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def pin(self, title: str, prompt: str) -> str | None:
        d = dialogs.PinDialog(title, prompt, self.parent)
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def counts(self, title: str, expected: int | None) -> dict[int, int] | None:
        d = dialogs.CountDialog(title, expected, self.parent)
        return d.counts() if d.exec() == QDialog.DialogCode.Accepted else None

    def tender(
        self, total: int, card: Callable[[int], Task[Tender]] | None, prompt_from: int
    ) -> tuple[list[Tender], CashReceiptRequest | None] | None:
        d = dialogs.TenderDialog(
            total, card_approve=card, cash_receipt_prompt_from=prompt_from, parent=self.parent
        )
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return d.tenders, d.cash_receipt

    def discount(self, title: str) -> Discount | bool | None:
        """The discount, None to remove it, or False when cancelled."""
        d = dialogs.DiscountDialog(title, self.parent)
        if d.exec() != QDialog.DialogCode.Accepted:
            return False
        return d.discount()

    def price(self, name: str, regular_price: int, unit_price: int) -> tuple[int, str] | None:
        """A line's new unit price and the reason, or None when cancelled."""
        d = dialogs.PriceDialog(name, regular_price, unit_price, self.parent)
        return d.value() if d.exec() == QDialog.DialogCode.Accepted else None

    def number(self, title: str, label: str, value: int) -> int | None:
        n, ok = QInputDialog.getInt(self.parent, title, label, value, 1, 1_000_000)
        return n if ok else None

    def held(self, held: list[HeldInfo]) -> int | None:
        d = dialogs.HeldDialog(held, self.parent)
        return d.selected() if d.exec() == QDialog.DialogCode.Accepted else None

    def refund(self, sale: SaleSummary) -> tuple[dict[int, int], str] | None:
        d = dialogs.RefundDialog(sale, self.parent)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return d.lines(), d.reason.text()

    def text(self, title: str, text: str, on_print: Callable[[], None]) -> None:
        dialogs.TextDialog(title, text, on_print, self.parent).exec()

    def online_orders(
        self,
        load: Callable[[], Task[Any]],
        pick_up: Callable[[str], Task[Any]],
        sync_now: Callable[[], None] | None,
        status: SyncStatus | None,
    ) -> list[Any]:
        d = OnlineOrdersDialog(load, pick_up, sync_now, status, self.parent)
        d.exec()
        return d.handed

    def confirm(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes


@dataclass
class Devices:
    """What the checkout drives: printing (queue), the card terminal, and the receipt maker."""

    print_sale: Callable[[CompletedSale, bool], None]  # (sale, copy)
    print_text: Callable[[str, list[str]], None]
    open_drawer: Callable[[], None]
    card_approve: Callable[[int], Task[Tender]] | None = None
    #: (amount, request) → the request with the terminal's approval; None: no terminal
    issue_cash_receipt: Callable[[int, CashReceiptRequest], Task[CashReceiptRequest]] | None = None
    read_scale: Callable[[], Task[int]] | None = None  # grams, stable, from the scale port
    sync_now: Callable[[], None] | None = None  # wakes the sync worker; None: sync is off


class CheckoutWindow(QMainWindow):
    ticket_changed = QtSignal(object)  # PricedCart, for the customer display
    sale_completed = QtSignal(object)  # CompletedSale

    def __init__(
        self,
        session: CheckoutSession,
        devices: Devices,
        runner: TaskRunner | SyncRunner,
        *,
        quick_keys: dict[str, list[ProductInfo]] | None = None,
        title: str = "I·Market·U POS",
    ) -> None:
        super().__init__()
        self.session = session
        self.devices = devices
        self.runner = runner
        self.ask: Asker = Asker(self)
        self.on_inventory: Callable[[], None] | None = None  # set by app.py (manager window)
        self.on_classes: Callable[[], None] | None = None  # set by app.py (classes window)
        self.on_reports: Callable[[], None] | None = None  # set by app.py (reports window)
        self.on_settings: Callable[[], None] | None = None  # set by app.py (settings dialog)
        self.on_staff: Callable[[], None] | None = None  # set by app.py (staff and permissions)
        self.setWindowTitle(title)
        self._build(quick_keys or {})
        self._refresh()

    # --- layout --------------------------------------------------------------------------

    def _build(self, quick_keys: dict[str, list[ProductInfo]]) -> None:
        central = QWidget()
        root = QVBoxLayout(central)
        top = QHBoxLayout()
        self.who = QLabel()
        self.who.setStyleSheet("font-size: 13pt;")
        top.addWidget(self.who, 1)
        # shown only while the store's database cannot be reached, or offline sales wait
        self.offline_label = QLabel()
        self.offline_label.setStyleSheet(
            "font-size: 13pt; font-weight: bold; color: white; background: #b00020;"
            " padding: 6px 12px; border-radius: 4px;"
        )
        self.offline_label.hide()
        top.addWidget(self.offline_label)
        self.sync_btn = SyncButton()
        self.sync_btn.clicked.connect(self.online_orders)
        top.addWidget(self.sync_btn)
        self.settings_btn = self._button(
            self.tr("설정 (Ctrl+Shift+S)"), "Ctrl+Shift+S", self.open_settings
        )
        self.settings_btn.setStyleSheet("font-size: 11pt; min-height: 40px;")
        top.addWidget(self.settings_btn)
        self.staff_btn = self._button(
            self.tr("직원 (Ctrl+Shift+U)"), "Ctrl+Shift+U", self.open_staff
        )
        self.staff_btn.setStyleSheet("font-size: 11pt; min-height: 40px;")
        top.addWidget(self.staff_btn)
        self.sign_btn = self._button(self.tr("로그인 (F1)"), "F1", self.sign_in_or_out)
        top.addWidget(self.sign_btn)
        root.addLayout(top)
        self.banner = QFrame()
        self.banner.setStyleSheet("background: #fde2e1; border: 1px solid #b00020;")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        banner_row.addWidget(self.banner_text, 1)
        self.banner_reprint = QPushButton(self.tr("다시 인쇄"))
        self._reprint: Callable[[], None] | None = None
        self.banner_reprint.clicked.connect(self._on_banner_reprint)
        banner_row.addWidget(self.banner_reprint)
        self.banner.hide()
        root.addWidget(self.banner)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("스캔 또는 검색: 이름, 초성(ㅅㄱ), 영문, 바코드 — Enter로 추가")
        )
        self.search.setStyleSheet("font-size: 15pt; padding: 6px;")
        self.search.textEdited.connect(self._on_search_text)
        self.search.returnPressed.connect(self._on_search_enter)
        left.addWidget(self.search)
        self.results = QListWidget()
        self.results.setMaximumHeight(180)
        self.results.setStyleSheet("font-size: 13pt;")
        self.results.itemActivated.connect(self._on_result)
        self.results.hide()
        left.addWidget(self.results)
        self.model = TicketModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(TicketDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        font = self.table.font()  # a font, not a style sheet: QSS makes every cell paint slower
        font.setPointSize(14)
        self.table.setFont(font)
        header = self.table.horizontalHeader()
        # fixed widths: measuring every cell on every scan costs milliseconds per line
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 36), (2, 70), (3, 114), (4, 70), (5, 114)):
            header.resizeSection(col, width)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        left.addWidget(self.table, 1)
        self.message = QLabel("")
        self._message_color = ""
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 13pt; color: #b00020; min-height: 28px;")
        _fixed_size(self.message, 56)
        left.addWidget(self.message)
        body.addLayout(left, 3)
        right = QVBoxLayout()
        self.totals = QLabel()
        self.totals.setStyleSheet("font-size: 13pt; background: #f4f6f8; padding: 8px;")
        _fixed_size(self.totals, 110)
        right.addWidget(self.totals)
        self.due = QLabel()
        self.due.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.due.setStyleSheet("font-size: 30pt; font-weight: bold; padding: 6px;")
        _fixed_size(self.due, 64)
        right.addWidget(self.due)
        self.quick = QTabWidget()
        for region, products in quick_keys.items():
            page = QWidget()
            grid = QGridLayout(page)
            for i, p in enumerate(products):
                b = QPushButton(f"{p.name_ko}\n{format_krw(p.price)}/{_unit_ko(p)}")
                b.setStyleSheet("font-size: 11pt; min-height: 56px;")
                b.clicked.connect(lambda _=False, prod=p: self.add_product(prod))
                grid.addWidget(b, i // 3, i % 3)
            self.quick.addTab(page, region)
        right.addWidget(self.quick, 1)
        keys = QGridLayout()
        actions = [
            (self.tr("수량 (F2)"), "F2", self.change_qty),
            (self.tr("삭제 (F3)"), "F3", self.remove_line),
            (self.tr("품목할인 (F4)"), "F4", self.line_discount),
            (self.tr("전체할인 (F5)"), "F5", self.ticket_discount),
            (self.tr("가격 변경 (Shift+F2)"), "Shift+F2", self.override_price),
            (self.tr("보류 (F6)"), "F6", self.hold),
            (self.tr("보류목록 (F7)"), "F7", self.recall),
            (self.tr("환불 (F8)"), "F8", lambda: self.refund(None)),
            (self.tr("거래취소 (F9)"), "F9", self.void),
            (self.tr("결제 (F12)"), "F12", self.tender),
            (self.tr("재발행 (Ctrl+P)"), "Ctrl+P", self.reprint),
            (self.tr("X 리포트 (Ctrl+X)"), "Ctrl+X", self.x_report),
            (self.tr("근무 마감 (Ctrl+E)"), "Ctrl+E", self.close_shift),
            (self.tr("돈통 열기 (Ctrl+D)"), "Ctrl+D", self.no_sale),
            (self.tr("온라인 주문 (Ctrl+O)"), "Ctrl+O", self.online_orders),
            (self.tr("재고 관리 (F10)"), "F10", self.open_inventory),
            (self.tr("쿠킹클래스 (F11)"), "F11", self.open_classes),
            (self.tr("보고서 (Ctrl+R)"), "Ctrl+R", self.open_reports),
        ]
        self.buttons: dict[str, QPushButton] = {}
        for i, (label, key, fn) in enumerate(actions):
            b = self._button(label, key, fn)
            self.buttons[key] = b
            keys.addWidget(b, i // 3, i % 3)
        right.addLayout(keys)
        body.addLayout(right, 2)
        root.addLayout(body, 1)
        self.setCentralWidget(central)
        self.resize(1280, 800)
        self.search.setFocus()

    def _button(self, label: str, key: str, fn: Callable[[], None]) -> QPushButton:
        b = QPushButton(label)
        b.setStyleSheet("font-size: 12pt; min-height: 52px;")
        b.clicked.connect(fn)
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(fn)
        return b

    # --- state -------------------------------------------------------------------------

    def _refresh(self) -> None:
        s = self.session
        user = s.user.name if s.user else self.tr("로그인 필요")
        shift = (
            self.tr("근무 #{shift}").format(shift=s.shift.id)
            if s.shift
            else self.tr("근무 시작 전")
        )
        self.who.setText(
            self.tr("계산대 {register} · {user} · {shift}").format(
                register=s.settings.register_id, user=user, shift=shift
            )
        )
        self.sign_btn.setText(self.tr("로그아웃 (F1)") if s.user else self.tr("로그인 (F1)"))
        priced = s.priced()
        self.model.set_priced(priced)
        t = priced.tax
        self.totals.setText(
            "\n".join(
                (
                    self.tr("품목 {items}  수량 {pieces}").format(
                        items=priced.item_count, pieces=priced.piece_count
                    ),
                    self.tr("할인 {discount}").format(discount=format_krw(-priced.discount_total)),
                    self.tr("과세 물품가액 {supply}   부가세 {vat}").format(
                        supply=format_krw(t.supply_value), vat=format_krw(t.vat)
                    ),
                    self.tr("면세 물품가액 {exempt}").format(exempt=format_krw(t.exempt_total)),
                )
            )
        )
        self.due.setText(self.tr("받을 금액 {total}").format(total=format_krw(priced.total)))
        if priced.lines:
            last = self.model.index(len(priced.lines) - 1, 0)
            if self.table.currentIndex().row() != last.row():
                self.table.setCurrentIndex(last)
            self.table.scrollTo(last)
        self.ticket_changed.emit(priced)

    def show_message(self, text: str, *, error: bool = True) -> None:
        color = "#b00020" if error else "#05690d"
        if color != self._message_color:  # a new style sheet re-lays out the whole window
            self._message_color = color
            self.message.setStyleSheet(f"font-size: 13pt; color: {color}; min-height: 28px;")
        if text != self.message.text():
            self.message.setText(text)

    def show_print_failure(self, text: str, reprint: Callable[[], None]) -> None:
        self.banner_text.setText(
            self.tr("인쇄 실패: {error} — 거래는 저장되었습니다.").format(error=text)
        )
        self._reprint = reprint
        self.banner.show()

    def _on_banner_reprint(self) -> None:
        self.banner.hide()
        if self._reprint is not None:
            self._reprint()

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        n = len(self.session.ticket.lines)
        return n - 1 if n else None

    def _ready_to_sell(self) -> bool:
        if self.session.user is None:
            self.show_message(self.tr("먼저 로그인하세요 (F1)."))
            return False
        if self.session.shift is None:
            self.show_message(self.tr("근무를 시작하세요: 시재금을 세어 입력합니다."))
            self.open_shift()
            return self.session.shift is not None
        return True

    def _do(self, fn: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        """Run ``fn`` on the database worker; refresh and report on the Qt thread."""

        def ok(value: Any) -> None:
            if then is not None:
                then(value)
            self._refresh()

        def fail(exc: BaseException) -> None:
            self.show_message(explain(exc))
            self._refresh()

        self.runner.db(fn).success(ok).failure(fail)

    # --- sign-in and shifts ----------------------------------------------------------------

    def sign_in_or_out(self) -> None:
        if self.session.user is not None:
            self.session.sign_out()
            self._refresh()
            return
        pin = self.ask.pin(self.tr("로그인"), self.tr("PIN을 입력하세요"))
        if pin is None:
            return

        def done(user: Any) -> None:
            self.show_message(self.tr("{name}님 환영합니다.").format(name=user.name), error=False)
            if self.session.shift is None:
                QTimer.singleShot(0, self.open_shift)

        self._do(lambda: self.session.sign_in(pin), done)

    def enable_idle_sign_out(self, interval_ms: int) -> None:
        """Sign the cashier out after ``interval_ms`` without a key press or touch."""
        from posapp.ui.audit import IdleWatch

        self._idle = IdleWatch(interval_ms, self._idle_sign_out)

    def _idle_sign_out(self) -> None:
        if self.session.user is None:
            return
        if QApplication.activeModalWidget() is not None:  # mid-payment: ask again later
            self._idle.timer.start()
            return
        self.session.sign_out()
        self._refresh()
        self.show_message(self.tr("자리를 비워 로그아웃했습니다 (F1: 로그인)."), error=False)

    def open_shift(self) -> None:
        counts = self.ask.counts(self.tr("근무 시작: 시재금 세기"), None)
        if counts is None:
            return
        self._do(
            lambda: self.session.open_shift(counts),
            lambda shift: self.show_message(
                self.tr("근무 #{shift} 시작 · 시재금 {amount}").format(
                    shift=shift.id, amount=format_krw(shift.opening_float)
                ),
                error=False,
            ),
        )

    # --- scanning and search -----------------------------------------------------------

    def on_scanned(self, code: str) -> None:
        """A whole code from the wedge filter or a serial scanner."""
        if not self._ready_to_sell():
            return
        self._do(lambda: self.session.scan(code), self._after_scan)

    def _after_scan(self, outcome: ScanOutcome) -> None:
        if outcome.kind == "receipt" and outcome.sale is not None:
            self.refund(outcome.sale)
        elif outcome.kind == "weigh" and outcome.product is not None:
            self.add_product(outcome.product)
        else:
            self.show_message("")

    def _on_search_text(self, text: str) -> None:
        if not text.strip():
            self.results.hide()
            return
        self.runner.db(lambda: self.session.search(text, 20)).success(self._show_results)

    def _show_results(self, found: list[ProductInfo]) -> None:
        self.results.clear()
        for p in found:
            item = QListWidgetItem(f"{p.name_ko}   {format_krw(p.price)}/{_unit_ko(p)}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)

    def _on_search_enter(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        if (text.isdigit() and len(text) in (8, 12, 13)) or "-" in text:
            self.search.clear()
            self.results.hide()
            self.on_scanned(text)
            return
        item = self.results.currentItem()
        if item is not None:
            self._on_result(item)

    def _on_result(self, item: QListWidgetItem) -> None:
        self.search.clear()
        self.results.hide()
        self.add_product(item.data(Qt.ItemDataRole.UserRole))

    def add_product(self, product: ProductInfo) -> None:
        if not self._ready_to_sell():
            return
        if product.unit.is_weighed and self.devices.read_scale is not None:

            def weighed(grams: int) -> None:
                self._do(lambda: self.session.add_product(product, grams))

            def no_weight(exc: BaseException) -> None:  # scale off or unstable: type it
                self.show_message(explain(exc))
                self._add_typed_weight(product)

            self.devices.read_scale().success(weighed).failure(no_weight)
            return
        if product.unit.is_weighed:
            self._add_typed_weight(product)
            return
        self._do(lambda: self.session.add_product(product, None))

    def _add_typed_weight(self, product: ProductInfo) -> None:
        grams = self.ask.number(product.name_ko, self.tr("무게 (g)"), 500)
        if grams is not None:
            self._do(lambda: self.session.add_product(product, grams))

    # --- editing the ticket --------------------------------------------------------------

    def change_qty(self) -> None:
        i = self._selected()
        if i is None:
            return
        line = self.session.ticket.lines[i]
        label = self.tr("무게 (g)") if line.unit.is_weighed else self.tr("수량")
        qty = self.ask.number(self.tr("수량 변경"), label, line.qty)
        if qty is not None:
            self._do(lambda: self.session.set_qty(i, qty))

    def remove_line(self) -> None:
        i = self._selected()
        if i is not None:
            self._do(lambda: self.session.remove(i))

    def line_discount(self) -> None:
        i = self._selected()
        if i is None:
            return
        d = self.ask.discount(self.tr("품목 할인"))
        if d is not False:
            self._do(lambda: self.session.set_line_discount(i, d), self._approval_if_needed)

    def ticket_discount(self) -> None:
        d = self.ask.discount(self.tr("전체 할인"))
        if d is not False:
            self._do(lambda: self.session.set_ticket_discount(d), self._approval_if_needed)

    def override_price(self) -> None:
        """Shift+F2: change the selected line's unit price (a shelf tag that disagrees, damaged
        goods). The cashier's own ``price_override`` permission allows it; otherwise a manager
        types their PIN in place (checked on the database worker)."""
        i = self._selected()
        if i is None or self.session.user is None:
            if self.session.user is None:
                self.show_message(self.tr("먼저 로그인하세요 (F1)."))
            return
        line = self.session.ticket.lines[i]
        answer = self.ask.price(line.name, line.regular_price, line.unit_price)
        if answer is None:
            return
        price, reason = answer

        def changed(who: Any) -> None:
            self.show_message(
                self.tr("가격 변경: {name} {old} → {new} ({who})").format(
                    name=line.name,
                    old=format_krw(line.regular_price),
                    new=format_krw(price),
                    who=who.name,
                ),
                error=False,
            )
            self._refresh()

        def not_allowed(exc: BaseException) -> None:
            if getattr(exc, "code", None) != "auth.approval_required":
                self.show_message(explain(exc))
                self._refresh()
                return
            pin = self.ask.pin(self.tr("관리자 승인"), self.tr("가격 변경: 관리자 승인"))
            if pin is None:
                self.show_message(explain(exc))
                return
            self._do(lambda: self.session.override_price(i, price, reason, pin), changed)

        self.runner.db(lambda: self.session.override_price(i, price, reason)).success(
            changed
        ).failure(not_allowed)

    def _approval_if_needed(self, needs: bool) -> None:
        if needs:
            self.approve(self.tr("할인 한도를 넘었습니다: 관리자 승인"))

    def approve(self, why: str, then: Callable[[], None] | None = None) -> None:
        """A manager's PIN in place; ``why`` is the prompt (translated by the caller).

        The PIN is checked on the database worker (a memory-hard hash per manager costs tens of
        milliseconds each: never on the Qt thread); ``then`` runs on the Qt thread once approved."""
        pin = self.ask.pin(self.tr("관리자 승인"), why)
        if pin is None:
            return

        def approved(manager: Any) -> None:
            self.show_message(self.tr("{name} 관리자 승인").format(name=manager.name), error=False)
            if then is not None:
                then()

        self._do(lambda: self.session.approve(pin), approved)

    def open_inventory(self) -> None:
        if self.on_inventory is not None:
            self.on_inventory()

    def open_classes(self) -> None:
        if self.on_classes is not None:
            self.on_classes()

    def add_booking_line(self, line: CartLine) -> None:
        """A class booking to pay (from the classes window) as a line of this ticket."""
        self.session.add_line(line)
        self._refresh()
        self.raise_()
        self.activateWindow()

    def open_reports(self) -> None:
        if self.on_reports is not None:
            self.on_reports()

    def open_settings(self) -> None:
        if self.on_settings is not None:
            self.on_settings()

    def open_staff(self) -> None:
        if self.on_staff is not None:
            self.on_staff()

    # --- paying ------------------------------------------------------------------------

    def tender(self) -> None:
        if not self.session.ticket.lines or not self._ready_to_sell():
            return
        if self.session.needs_approval():
            self.approve(self.tr("할인 승인이 필요합니다"), self._ask_tender)
        else:
            self._ask_tender()

    def _ask_tender(self) -> None:
        if not self.session.ticket.lines:
            return
        total = self.session.priced().total
        answer = self.ask.tender(
            total, self.devices.card_approve, self.session.settings.cash_receipt_prompt_from
        )
        if answer is None:
            return
        tenders, cash_receipt = answer
        issue = self.devices.issue_cash_receipt
        amount = cash_receipt_amount(total, tenders) if cash_receipt is not None else 0
        if cash_receipt is None or issue is None or amount <= 0:
            self._complete(tenders, cash_receipt)
            return

        def not_issued(exc: BaseException) -> None:
            # the customer paid: the sale is recorded; the receipt says the 현금영수증 is pending
            self._complete(tenders, cash_receipt)
            self.show_message(
                self.tr("현금영수증 발급 실패: {error} (영수증에 발급 대기로 표시)").format(
                    error=explain(exc)
                )
            )

        issue(amount, cash_receipt).success(
            lambda approved: self._complete(tenders, approved)
        ).failure(not_issued)

    def _complete(self, tenders: list[Tender], cash_receipt: CashReceiptRequest | None) -> None:
        self._do(lambda: self.session.complete(tenders, cash_receipt), self._after_sale)

    def _after_sale(self, sale: CompletedSale) -> None:
        if sale.change:
            text = self.tr("{receipt} 완료 · 거스름돈 {change}").format(
                receipt=sale.receipt_no, change=format_krw(sale.change)
            )
        else:
            text = self.tr("{receipt} 완료").format(receipt=sale.receipt_no)
        self.show_message(text, error=False)
        self.devices.print_sale(sale, False)
        self.sale_completed.emit(sale)

    def reprint(self) -> None:
        if self.session.last_sale is not None:
            self.devices.print_sale(self.session.last_sale, True)

    # --- hold, void, refund --------------------------------------------------------------

    def hold(self) -> None:
        if self.session.ticket.lines:
            self._do(
                lambda: self.session.hold(""),
                lambda h: self.show_message(
                    self.tr("보류했습니다 ({total})").format(total=format_krw(h.total)), error=False
                ),
            )

    def recall(self) -> None:
        def choose(held: list[HeldInfo]) -> None:
            if not held:
                self.show_message(self.tr("보류된 거래가 없습니다."))
                return
            held_id = self.ask.held(held)
            if held_id is not None:
                self._do(lambda: self.session.recall(held_id))

        self._do(self.session.held, choose)

    def void(self) -> None:
        if not self.session.ticket.lines:
            return
        self.approve(
            self.tr("거래 취소: 관리자 승인"),
            lambda: self._do(
                lambda: self.session.void("계산대 취소"),  # the recorded reason: data, stays Korean
                lambda _: self.show_message(self.tr("거래를 취소했습니다."), error=False),
            ),
        )

    def refund(self, sale: SaleSummary | None) -> None:
        if not self._ready_to_sell():
            return
        if sale is None:
            number = self.search.text().strip()
            if not number:
                self.show_message(
                    self.tr("영수증 바코드를 스캔하거나 번호를 입력한 뒤 F8을 누르세요.")
                )
                return
            self.search.clear()
            self._do(lambda: self.session.find_sale(number), self.refund)
            return
        answer = self.ask.refund(sale)
        if answer is None or not answer[0]:
            return
        lines, reason = answer
        self.approve(
            self.tr("환불: 관리자 승인"),
            lambda: self._do(
                lambda: self.session.refund(sale.receipt_no, lines, reason), self._after_refund
            ),
        )

    def _after_refund(self, sale: CompletedSale) -> None:
        self.show_message(
            self.tr("환불 {receipt} · {amount}").format(
                receipt=sale.receipt_no, amount=format_krw(-sale.total)
            ),
            error=False,
        )
        self.devices.print_sale(sale, False)

    # --- reports and drawer --------------------------------------------------------------

    def x_report(self) -> None:
        from posapp.sales.register_report import format_report

        def show(report: Any) -> None:
            text = format_report(report, 48)
            self.ask.text(
                self.tr("X 리포트"), text, lambda: self.devices.print_text("X", text.split("\n"))
            )

        self._do(self.session.x_report, show)

    def close_shift(self) -> None:
        from posapp.sales.register_report import format_report

        if self.session.shift is None:
            return

        def count(x: Any) -> None:
            counts = self.ask.counts(self.tr("근무 마감: 현금 세기"), x.expected_cash)
            if counts is None:
                return
            self._do(lambda: self.session.close_shift(counts), show)

        def show(z: Any) -> None:
            text = format_report(z, 48)
            self.devices.print_text("Z", text.split("\n"))
            self.ask.text(
                self.tr("Z 정산 리포트"),
                text,
                lambda: self.devices.print_text("Z", text.split("\n")),
            )

        self._do(self.session.x_report, count)

    # --- online orders and sync ---------------------------------------------------------

    def cash_receipts_issued(self, count: int) -> None:
        """Pending 현금영수증 issued in the background once the terminal answered again."""
        if count:
            self.show_message(
                self.tr("대기 중이던 현금영수증 {count}건을 발급했습니다.").format(count=count),
                error=False,
            )

    def set_offline_state(self, state: OfflineState) -> None:
        """From the offline forwarder (through a queued signal): the red top-bar label."""
        if state.offline:
            text = self.tr("오프라인 · 이 계산대에 저장 {count}건").format(count=state.queued)
        elif state.queued:
            text = self.tr("서버로 전송 중 {count}건").format(count=state.queued)
        elif state.failed:
            text = self.tr("오프라인 거래 전송 실패 {count}건").format(count=state.failed)
        else:
            self.offline_label.hide()
            return
        self.offline_label.setText(text)
        self.offline_label.setToolTip(
            self.tr(
                "매장 데이터베이스에 연결할 수 없어 판매를 이 계산대에 저장합니다. "
                "연결되면 자동으로 전송합니다.\n{error}"
            ).format(error=state.last_error)
        )
        self.offline_label.show()

    def set_sync_status(self, status: SyncStatus) -> None:
        """From the sync worker (through a queued signal): the top-bar button shows it."""
        self.sync_btn.show_status(status)

    def online_orders(self) -> None:
        if self.session.user is None:
            self.show_message(self.tr("먼저 로그인하세요 (F1)."))
            return
        handed = self.ask.online_orders(
            lambda: self.runner.db(self.session.online_orders),
            lambda ident: self.runner.db(lambda: self.session.pick_up(ident)),
            self.devices.sync_now,
            self.sync_btn.status,
        )
        if handed:
            self.show_message(
                self.tr("온라인 주문 {count}건 픽업 완료").format(count=len(handed)), error=False
            )
        if self.devices.sync_now is not None:
            self.devices.sync_now()  # tell the platform soon

    def no_sale(self) -> None:
        if self.session.user is None:
            return
        self.approve(
            self.tr("돈통 열기: 관리자 승인"),
            lambda: self._do(
                lambda: self.session.record_drawer(None), lambda _: self.devices.open_drawer()
            ),
        )


def _unit_ko(p: ProductInfo) -> str:
    if p.unit.value == "ea":
        return QCoreApplication.translate("checkout", "개")  # per piece
    return {"kg": "kg", "100g": "100g"}[p.unit.value]
