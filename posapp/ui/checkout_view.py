"""The checkout screen's widgets and what they show: the top bar (who, shift, offline, sync),
the search box and its results, the ticket table, totals and amount due, the quick keys, the
F-key buttons, the message line and the print-failure banner. The actions behind the keys are
:class:`posapp.ui.checkout.CheckoutWindow`'s; this class only lays out and shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.domain.money import format_krw
from posapp.domain.quick_keys import colour
from posapp.errors import PosError
from posapp.ui.checkout_exchange import due_text, return_part_text
from posapp.ui.feedback import Kind, Notice, sounds
from posapp.ui.keyboard import SearchBox
from posapp.ui.messages import explain
from posapp.ui.scan_targets import is_passive
from posapp.ui.screen_fit import fit_to_screen
from posapp.ui.search_results import SearchResults
from posapp.ui.sync_panel import SyncButton
from posapp.ui.ticket_view import TicketDelegate, TicketModel, fixed_size
from posapp.usecases.checkout import (
    CheckoutSession,
    ClockBehind,
    CompletedSale,
    OfflineState,
    ProductInfo,
)
from posapp.usecases.pickup import SyncStatus
from posapp.usecases.till import QuickPage

Action = tuple[str, str, Callable[[], None]]  # (label, key, what it does)
KEY_COLUMNS = 3
KEY_STYLE = "min-height: 48px; padding: 0 2px;"  # touch: 48 px at least; the font: KeyButton
DUE_STYLE = "font-weight: bold; padding: 6px;"  # the size: FitLabel (30 pt, less if narrow)
CHANGE_STYLE = DUE_STYLE + " background: #fff4d6; color: #6b4b00; border: 2px solid #c58a00;"


def quick_key_style(colour_key: str) -> str:
    """A quick key's style sheet: its palette colour and the text colour that reads on it."""
    c = colour(colour_key)
    return (
        f"min-height: 56px; background: {c.background}; color: {c.text};"
        " border: 1px solid #8a8a8a; border-radius: 4px;"
    )


def shrink_to_fit(
    widget: QLabel | QPushButton, font: QFont, largest: float, smallest: float, room: int
) -> None:
    """Give ``widget`` ``font`` at the largest size (half points, ``largest`` down to
    ``smallest``) at which its text fits ``room`` pixels."""
    size = largest
    while size > smallest:
        font.setPointSizeF(size)
        if QFontMetrics(font).horizontalAdvance(widget.text()) <= room:
            break
        size -= 0.5
    if font.pointSizeF() != widget.font().pointSizeF():
        widget.setFont(font)


class FitLabel(QLabel):
    """A one-line label whose font shrinks (from ``point_size`` down to 12 pt) so the whole text
    fits its width: ₩1,256,593 due on a 1024-pixel monitor is never cut off."""

    def __init__(self, point_size: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.point_size = point_size
        self._fitted = ("", -1)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        key = (self.text(), self.width())
        if key == self._fitted:  # a scan changes the text: measured once per text and width
            return
        self._fitted = key
        font = QFont(self.font())
        font.setBold(True)
        shrink_to_fit(self, font, self.point_size, 12, max(60, self.width() - 16))


class KeyButton(QPushButton):
    """A key of the pad: its label shrinks to fit its width (a narrow monitor) instead of
    being cut off, from ``POINT_SIZE`` down to 8 pt."""

    POINT_SIZE = 11.0

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shrink_to_fit(self, QFont(self.font()), self.POINT_SIZE, 8, max(40, self.width() - 8))


class QuickKeyButton(KeyButton):
    """A quick key: its name and price on two lines, the font shrinking (11 pt down to 8 pt)
    until the longer line fits (a long product name on a 1024-pixel monitor was cut at both
    ends)."""

    def _fit(self) -> None:
        key = (self.text(), self.width())
        if key == getattr(self, "_fitted", None):
            return
        self._fitted = key
        room = max(40, self.width() - 10)
        font = QFont(self.font())
        size = self.POINT_SIZE
        while size > 8:
            font.setPointSizeF(size)
            metrics = QFontMetrics(font)
            if max(metrics.horizontalAdvance(line) for line in self.text().split("\n")) <= room:
                break
            size -= 0.5
        font.setPointSizeF(size)
        if font.pointSizeF() != self.font().pointSizeF():
            self.setFont(font)


class CheckoutView(QMainWindow):
    ticket_changed = QtSignal(object)  # PricedCart, for the customer display
    sale_completed = QtSignal(object)  # CompletedSale

    session: CheckoutSession

    # --- what the subclass does (the keys, the search box, the top bar) --------------------

    def _actions(self) -> list[Action]:
        """The 판매 page of keys (the ones a cashier uses on every ticket)."""
        raise NotImplementedError

    def _office_actions(self) -> list[Action]:
        """The 관리 page of keys (reports, drawer, shift, the other screens)."""
        return []

    def online_orders(self) -> None:
        raise NotImplementedError

    def open_settings(self) -> None:
        raise NotImplementedError

    def open_staff(self) -> None:
        raise NotImplementedError

    def sign_in_or_out(self) -> None:
        raise NotImplementedError

    def add_product(self, product: ProductInfo) -> None:
        raise NotImplementedError

    def _on_search_text(self, text: str) -> None:
        raise NotImplementedError

    def _more_results(self) -> None:
        raise NotImplementedError

    def _on_search_enter(self) -> None:
        raise NotImplementedError

    def _on_result(self, item: QListWidgetItem) -> None:
        raise NotImplementedError

    # --- layout --------------------------------------------------------------------------

    def _build(self, quick_keys: list[QuickPage]) -> None:
        """The widgets; ``_actions()`` names the F-key actions, the subclass implements them."""
        self._shortcut_keys: list[str] = []
        central = QWidget()
        root = QVBoxLayout(central)
        top = QHBoxLayout()
        self.who = QLabel()
        self.who.setStyleSheet("font-size: 13pt;")
        top.addWidget(self.who, 1)
        # the card terminal is a simulator (the demo): said on screen as on every receipt
        self.practice_label = QLabel(
            QCoreApplication.translate("CheckoutWindow", "연습 모드 — 실제 결제 아님")
        )
        self.practice_label.setStyleSheet(
            "font-size: 13pt; font-weight: bold; color: black; background: #ffd600;"
            " padding: 6px 12px; border-radius: 4px;"
        )
        self.practice_label.hide()
        top.addWidget(self.practice_label)
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
            QCoreApplication.translate("CheckoutWindow", "설정 (Ctrl+Shift+S)"),
            "Ctrl+Shift+S",
            self.open_settings,
        )
        self.settings_btn.setStyleSheet("font-size: 11pt; min-height: 40px;")
        top.addWidget(self.settings_btn)
        self.staff_btn = self._button(
            QCoreApplication.translate("CheckoutWindow", "직원 (Ctrl+Shift+U)"),
            "Ctrl+Shift+U",
            self.open_staff,
        )
        self.staff_btn.setStyleSheet("font-size: 11pt; min-height: 40px;")
        top.addWidget(self.staff_btn)
        self.sign_btn = self._button(
            QCoreApplication.translate("CheckoutWindow", "로그인 (F1)"), "F1", self.sign_in_or_out
        )
        top.addWidget(self.sign_btn)
        root.addLayout(top)
        self.banner = QFrame()
        self.banner.setStyleSheet("background: #fde2e1; border: 1px solid #b00020;")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        banner_row.addWidget(self.banner_text, 1)
        self.banner_reprint = QPushButton(QCoreApplication.translate("CheckoutWindow", "다시 인쇄"))
        self._reprint: Callable[[], object] | None = None
        self.banner_reprint.clicked.connect(self._on_banner_reprint)
        banner_row.addWidget(self.banner_reprint)
        self.banner.hide()
        root.addWidget(self.banner)
        # shown while this register's clock reads earlier than its journal (a clock set back:
        # posapp.usecases.clock); the till keeps selling, the numbers stay in order
        self.clock_label = QLabel()
        self.clock_label.setWordWrap(True)
        self.clock_label.setStyleSheet(
            "font-size: 12pt; font-weight: bold; color: black; background: #ffb300;"
            " padding: 4px 8px; border-radius: 4px;"
        )
        self.clock_label.hide()
        root.addWidget(self.clock_label)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.search = SearchBox()
        self.search.setPlaceholderText(
            QCoreApplication.translate(
                "CheckoutWindow", "스캔 또는 검색: 이름, 초성(ㅅㄱ), 영문, 바코드 — Enter로 추가"
            )
        )
        self.search.setStyleSheet("font-size: 15pt; padding: 6px;")
        self.search.textEdited.connect(self._on_search_text)
        self.search.returnPressed.connect(self._on_search_enter)
        left.addWidget(self.search)
        self.results = SearchResults()
        self.results.more_wanted.connect(self._more_results)
        self.results.setMaximumHeight(180)
        self.results.setStyleSheet("font-size: 13pt;")
        self.results.itemActivated.connect(self._on_result)
        self.results.hide()
        self.search.results = self.results  # Down/Up move through them
        left.addWidget(self.results)
        # what just happened, large, where the cashier looks (posapp.ui.feedback)
        self.notice = Notice()
        left.addWidget(self.notice)
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
        # 수량 fits "12.345kg", 단가 "₩29,900/100g" (weights and per-weight prices never cut),
        # 할인 "-12,345" (a discount or a lot's markdown, 마감할인)
        for col, width in ((0, 30), (2, 88), (3, 150), (4, 86), (5, 112)):
            header.resizeSection(col, width)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # 교환: the return part of the ticket, its lines negative (posapp.ui.checkout_exchange)
        self.exchange_box = QLabel()
        self.exchange_box.setStyleSheet("font-size: 13pt; background: #fff4e5; padding: 6px;")
        self.exchange_box.hide()
        left.addWidget(self.exchange_box)
        left.addWidget(self.table, 1)
        self.message = QLabel("")
        self._message_color = ""
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 13pt; color: #b00020; min-height: 28px;")
        fixed_size(self.message, 56)
        left.addWidget(self.message)
        body.addLayout(left, 5)  # 5:3, the ticket's name column keeps its 150 px at 1024
        right = QVBoxLayout()
        self.totals = QLabel()
        self.totals.setStyleSheet("font-size: 13pt; background: #f4f6f8; padding: 8px;")
        fixed_size(self.totals, 110)
        right.addWidget(self.totals)
        self.due = FitLabel(30.0)
        self.due.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.due.setStyleSheet(DUE_STYLE)
        fixed_size(self.due, 64)
        right.addWidget(self.due)
        self.quick = QTabWidget()
        self.quick.setStyleSheet("QTabBar::tab { min-height: 34px; padding: 0 10px; }")
        self.set_quick_keys(quick_keys)
        self.quick.setMinimumHeight(120)
        right.addWidget(self.quick, 1)
        self.keypad = QTabWidget()  # 판매 keys, then 관리 (the rarer ones); room for more
        self.keypad.setStyleSheet("QTabBar::tab { min-height: 34px; padding: 0 14px; }")
        self.buttons: dict[str, QPushButton] = {}
        pages = (
            (QCoreApplication.translate("CheckoutWindow", "판매"), self._actions()),
            (QCoreApplication.translate("CheckoutWindow", "관리"), self._office_actions()),
        )
        for title, actions in pages:
            page = QWidget()
            keys = QGridLayout(page)
            keys.setContentsMargins(4, 4, 4, 4)
            keys.setSpacing(4)
            for i, (label, key, fn) in enumerate(actions):
                b = self._button(label, key, fn, KeyButton)
                b.setStyleSheet(KEY_STYLE)
                b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                b.setToolTip(label)
                self.buttons[key] = b
                keys.addWidget(b, i // KEY_COLUMNS, i % KEY_COLUMNS)
            keys.setRowStretch(keys.rowCount(), 1)
            self.keypad.addTab(page, title)
        pay = self.buttons.get("F12")
        if pay is not None:
            pay.setStyleSheet(KEY_STYLE + " font-weight: bold; background: #dbeafe;")
        right.addWidget(self.keypad)
        for key in self._shortcut_keys:  # the search box never eats them (Ctrl+X, Ctrl+E)
            self.search.reserve(key)
        body.addLayout(right, 3)
        root.addLayout(body, 1)
        self.setCentralWidget(central)
        fit_to_screen(self, 1280, 800)
        self._change: CompletedSale | None = None
        self._said_on: tuple[object, ...] = ()  # the ticket when the notice was said
        self.search.setFocus()

    def _button(
        self,
        label: str,
        key: str,
        fn: Callable[[], None],
        kind: type[QPushButton] = QPushButton,
    ) -> QPushButton:
        b = kind(label)
        if kind is QPushButton:
            b.setStyleSheet("font-size: 12pt; min-height: 52px;")
        b.clicked.connect(fn)
        self._shortcut_keys.append(key)
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(lambda: self._key_pressed(fn))
        return b

    def _key_pressed(self, fn: Callable[[], None]) -> None:
        """A checkout key acts only while the checkout is in front: F9 or F3 pressed in the
        inventory or classes window never voids or edits the ticket behind it."""
        active = QApplication.activeWindow()
        if active is None or active is self or is_passive(active):
            fn()

    # --- state -------------------------------------------------------------------------

    def set_quick_keys(self, quick_keys: list[QuickPage]) -> None:
        """The quick keys, a page (tab) per page of the layout, each key in its colour; again
        whenever the catalogue or the layout changes (the page in front stays in front)."""
        current = self.quick.tabText(self.quick.currentIndex()) if self.quick.count() else ""
        while self.quick.count():
            page = self.quick.widget(0)
            self.quick.removeTab(0)
            if page is not None:
                page.setParent(None)  # out of the window now, deleted when Qt is idle
                page.deleteLater()
        for quick_page in quick_keys:
            page = QWidget()
            grid = QGridLayout(page)
            grid.setSpacing(4)
            for i, key in enumerate(quick_page.keys):
                p = key.product
                b = QuickKeyButton(f"{key.text}\n{format_krw(p.price)}/{unit_ko(p)}")
                b.setStyleSheet(quick_key_style(key.colour))
                b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                b.setToolTip(p.name_ko)
                b.clicked.connect(lambda _=False, prod=p: self.add_product(prod))
                grid.addWidget(b, i // 3, i % 3)
            grid.setRowStretch(grid.rowCount(), 1)
            scroll = QScrollArea()  # many products: the page scrolls, the window never grows
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(page)
            self.quick.addTab(scroll, quick_page.name)
            if quick_page.name == current:
                self.quick.setCurrentIndex(self.quick.count() - 1)

    def refresh(self) -> None:
        s = self.session
        user = (
            s.user.name if s.user else QCoreApplication.translate("CheckoutWindow", "로그인 필요")
        )
        shift = (
            QCoreApplication.translate("CheckoutWindow", "근무 #{shift}").format(shift=s.shift.id)
            if s.shift
            else QCoreApplication.translate("CheckoutWindow", "근무 시작 전")
        )
        self.who.setText(
            QCoreApplication.translate(
                "CheckoutWindow", "계산대 {register} · {user} · {shift}"
            ).format(register=s.settings.register_id, user=user, shift=shift)
        )
        self.sign_btn.setText(
            QCoreApplication.translate("CheckoutWindow", "로그아웃 (F1)")
            if s.user
            else QCoreApplication.translate("CheckoutWindow", "로그인 (F1)")
        )
        priced = s.priced()
        self.model.set_priced(priced)
        t = priced.tax
        self.totals.setText(
            "\n".join(
                (
                    QCoreApplication.translate(
                        "CheckoutWindow", "품목 {items}  수량 {pieces}"
                    ).format(items=priced.item_count, pieces=priced.piece_count),
                    QCoreApplication.translate("CheckoutWindow", "할인 {discount}").format(
                        discount=format_krw(-priced.discount_total)
                    ),
                    QCoreApplication.translate(
                        "CheckoutWindow", "과세 물품가액 {supply}   부가세 {vat}"
                    ).format(supply=format_krw(t.supply_value), vat=format_krw(t.vat)),
                    QCoreApplication.translate("CheckoutWindow", "면세 물품가액 {exempt}").format(
                        exempt=format_krw(t.exempt_total)
                    ),
                )
            )
        )
        if self._change is not None and priced.lines:
            self.clear_change()
        elif self.notice.kind is not None and self._change is None:
            self._forget_if_stale()
        exchanging = s.pending_exchange
        self.exchange_box.setVisible(exchanging is not None)
        if exchanging is not None:
            self.exchange_box.setText(return_part_text(exchanging))
        if self._change is None:
            self.due.setText(
                due_text(s)
                or QCoreApplication.translate("CheckoutWindow", "받을 금액 {total}").format(
                    total=format_krw(priced.total)
                )
            )
        if priced.lines:
            last = self.model.index(len(priced.lines) - 1, 0)
            if self.table.currentIndex().row() != last.row():
                self.table.setCurrentIndex(last)
            self.table.scrollTo(last)
        self.show_clock(s.clock)
        self.ticket_changed.emit(priced)

    def show_clock(self, behind: ClockBehind | None) -> None:
        """The clock warning: both times on the store's wall clock, until the clock is right."""
        if behind is None:
            self.clock_label.hide()
            return

        def wall(at: dt.datetime) -> str:
            return calendar.to_local(at).strftime("%Y-%m-%d %H:%M:%S %Z")

        self.clock_label.setText(
            QCoreApplication.translate(
                "CheckoutWindow",
                "계산대 시계가 늦습니다: 지금 {now}, 마지막 기록 {latest}. "
                "시계를 맞춰 주세요 — 판매는 계속되고 영수증 번호는 순서대로 이어집니다.",
            ).format(now=wall(behind.now), latest=wall(behind.latest))
        )
        self.clock_label.show()

    def show_message(self, text: str, *, error: bool = True) -> None:
        """The status line; an error is also said large in the notice panel with a sound
        (an unknown barcode, a refusal), and an empty text clears the notice (a good scan)."""
        if error and text:
            self.say(text, "error")
            return
        if not text and self.notice.kind is not None and self._change is None:
            self.notice.clear_notice()
        self._status(text, error=error)

    def _ticket_now(self) -> tuple[object, ...]:
        t = self.session.ticket
        return (t.uuid, tuple(t.lines), t.discount)

    def _forget_if_stale(self) -> None:
        """A message about the ticket as it was (a refusal of its amount, a hint to scan) goes
        when the ticket changes — a line added, taken off, its quantity or price changed, a
        discount, the ticket held, recalled or voided — and the status line with it."""
        if self._said_on == self._ticket_now():
            return
        said = self.notice.plain
        self.notice.clear_notice()
        if self.message.text() == said:
            self._status("", error=False)

    def say(self, text: str, kind: Kind = "ok", *, big: bool = False) -> None:
        """What happened, large where the cashier looks, with its sound; the status line
        repeats it. It stays until the next scan or a change of the ticket."""
        self._said_on = self._ticket_now()
        self.notice.say(text, kind, big=big)
        sounds().play(kind)
        self._status(text, error=kind == "error")

    def _status(self, text: str, *, error: bool) -> None:
        color = "#b00020" if error else "#05690d"
        if color != self._message_color:  # a new style sheet re-lays out the whole window
            self._message_color = color
            self.message.setStyleSheet(f"font-size: 13pt; color: {color}; min-height: 28px;")
        if text != self.message.text():
            self.message.setText(text)

    def show_change(self, sale: CompletedSale) -> None:
        """After a sale paid (partly) in cash: the change due, large, until the next scan."""
        cash = [p for p in sale.payments if p.method == "cash"]
        if sale.kind != "sale" or not cash:
            return
        self._change = sale
        tendered = sum(p.tendered for p in cash)
        self.due.setStyleSheet(CHANGE_STYLE)
        self.due.setText(
            QCoreApplication.translate("CheckoutWindow", "거스름돈 {change}").format(
                change=format_krw(sale.change)
            )
        )
        if self.notice.kind == "error":  # a pending 현금영수증 stays said; the change is above
            return
        self.notice.say(
            QCoreApplication.translate("CheckoutWindow", "거스름돈 {change}").format(
                change=format_krw(sale.change)
            ),
            "ok",
            big=True,
            detail=QCoreApplication.translate(
                "CheckoutWindow", "받은 현금 {tendered} · 합계 {total}"
            ).format(tendered=format_krw(tendered), total=format_krw(sale.total)),
        )
        sounds().play("ok")

    def clear_change(self) -> None:
        """The next scan: the change panel goes, the amount due comes back."""
        if self._change is None:
            return
        self._change = None
        self.due.setStyleSheet(DUE_STYLE)
        self.notice.clear_notice()

    def show_print_failure(self, text: str, reprint: Callable[[], object]) -> None:
        self.banner_text.setText(
            QCoreApplication.translate(
                "CheckoutWindow", "인쇄 실패: {error} — 거래는 저장되었습니다."
            ).format(error=text)
        )
        self._reprint = reprint
        self.banner.show()

    def show_print_failures(
        self, failed: list[tuple[int, str, str]], reprint: Callable[[int], object]
    ) -> None:
        """Every receipt that did not print — (job id, what it is, error code) — in the
        banner, however many; 다시 인쇄 prints them all again. None left: the banner goes."""
        if not failed:
            self.banner.hide()
            self._reprint = None
            return
        lines = [
            QCoreApplication.translate(
                "CheckoutWindow", "인쇄 실패 {n}건 — 거래는 저장되었습니다."
            ).format(n=len(failed))
        ]
        for _job, what, code in failed:
            reason = explain(PosError(code, code=code)) if code else ""
            lines.append(f"· {what}: {reason}" if reason else f"· {what}")
        self.banner_text.setText("\n".join(lines))
        ids = [job for job, _what, _code in failed]
        self._reprint = lambda: [reprint(i) for i in ids]
        self.banner.show()

    def _on_banner_reprint(self) -> None:
        self.banner.hide()
        if self._reprint is not None:
            self._reprint()

    def cash_receipts_issued(self, count: int) -> None:
        """Pending 현금영수증 issued in the background once the terminal answered again."""
        if count:
            self.show_message(
                QCoreApplication.translate(
                    "CheckoutWindow", "대기 중이던 현금영수증 {count}건을 발급했습니다."
                ).format(count=count),
                error=False,
            )

    def set_offline_state(self, state: OfflineState) -> None:
        """From the offline forwarder (through a queued signal): the red top-bar label."""
        if state.offline:
            text = QCoreApplication.translate(
                "CheckoutWindow", "오프라인 · 이 계산대에 저장 {count}건"
            ).format(count=state.queued)
        elif state.queued:
            text = QCoreApplication.translate("CheckoutWindow", "서버로 전송 중 {count}건").format(
                count=state.queued
            )
        elif state.failed:
            text = QCoreApplication.translate(
                "CheckoutWindow", "오프라인 거래 전송 실패 {count}건"
            ).format(count=state.failed)
        else:
            self.offline_label.hide()
            return
        self.offline_label.setText(text)
        self.offline_label.setToolTip(
            QCoreApplication.translate(
                "CheckoutWindow",
                "매장 데이터베이스에 연결할 수 없어 판매를 이 계산대에 저장합니다. "
                "연결되면 자동으로 전송합니다.\n{error}",
            ).format(error=state.last_error)
        )
        self.offline_label.show()

    def set_sync_status(self, status: SyncStatus) -> None:
        """From the sync worker (through a queued signal): the top-bar button shows it."""
        self.sync_btn.show_status(status)


def unit_ko(p: ProductInfo) -> str:
    if p.unit.value == "ea":
        return QCoreApplication.translate("checkout", "개")  # per piece
    return {"kg": "kg", "100g": "100g"}[p.unit.value]
