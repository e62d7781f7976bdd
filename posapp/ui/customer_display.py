"""The customer's window (for a second monitor): the ticket lines, the total, the change due,
and between sales a rotating promotion of the partner regions (festivals, tourism, seasons).

It stays off the cashier's critical path: ticket changes are coalesced (at most one repaint per
``COALESCE_MS``, which no customer can out-read), only new lines are appended, and a hidden window
does no work until it is shown.

Where it shows (:func:`show_on_customer_screen`): full-screen on the second screen when the
till has one (and when one is plugged in later); with a single monitor it stays closed, since
it would cover the checkout (``[sales] customer_display_on_one_screen`` opens it anyway, as a
plain window). It never takes keyboard focus, so a click on it never moves the scans."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen, QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from posapp.domain.cart import PricedCart, PricedLine
from posapp.domain.money import format_krw
from posapp.usecases.receipts import qty_text
from posapp.usecases.sale import CompletedSale
from posapp.usecases.till import Promotion


class CustomerDisplay(QWidget):
    COALESCE_MS = 40

    def __init__(
        self,
        promotions: list[Promotion],
        rotate_ms: int = 8000,
        english: Callable[[int], str] | None = None,
    ) -> None:
        """``english(product_id)``: the product's English name ("" if none) shown under the
        Korean one, for the store's many visitors; None shows Korean only."""
        super().__init__()
        self._english = english
        self._pending: PricedCart | None = None
        self._shown_lines: list[str] = []
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(self.COALESCE_MS)
        self._coalesce.timeout.connect(self._apply_pending)
        self.setWindowTitle(self.tr("I·Market·U — 고객 화면"))
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        self.promotions = promotions or [Promotion("", "I·Market·U", (self.tr("어서 오세요"),))]
        self._promo_index = 0
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        # page 0: promotion
        promo = QWidget()
        pl = QVBoxLayout(promo)
        self.promo_region = QLabel()
        self.promo_region.setStyleSheet("font-size: 34pt; font-weight: bold; color: #2c5f2d;")
        self.promo_title = QLabel()
        self.promo_title.setStyleSheet("font-size: 22pt;")
        self.promo_text = QLabel()
        self.promo_text.setWordWrap(True)
        self.promo_text.setStyleSheet("font-size: 18pt; color: #333;")
        for w in (self.promo_region, self.promo_title, self.promo_text):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            pl.addWidget(w)
        self.stack.addWidget(promo)
        # page 1: the ticket
        ticket = QWidget()
        tl = QVBoxLayout(ticket)
        self.lines = QListWidget()
        self.lines.setStyleSheet("font-size: 18pt;")
        tl.addWidget(self.lines, 1)
        self.total = QLabel()
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total.setStyleSheet("font-size: 40pt; font-weight: bold;")
        tl.addWidget(self.total)
        self.change = QLabel()
        self.change.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.change.setStyleSheet("font-size: 30pt; color: #0b5;")
        tl.addWidget(self.change)
        self.stack.addWidget(ticket)
        layout.addWidget(self.stack)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.next_promotion)
        self.timer.start(rotate_ms)
        self.next_promotion()
        self.resize(1024, 600)

    def next_promotion(self) -> None:
        if self.stack.currentIndex() != 0:
            return
        p = self.promotions[self._promo_index % len(self.promotions)]
        self._promo_index += 1
        self.promo_region.setText(p.region)
        self.promo_title.setText(p.title)
        self.promo_text.setText("\n".join(p.lines))

    def show_ticket(self, priced: PricedCart) -> None:
        """Take the ticket as it is now; painted within COALESCE_MS (or when the window shows)."""
        self._pending = priced
        if self.isVisible() and not self._coalesce.isActive():
            self._coalesce.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._apply_pending()

    def flush(self) -> None:
        """Paint the pending ticket now (tests, and before a sale's change is shown)."""
        self._coalesce.stop()
        self._apply_pending()

    def _apply_pending(self) -> None:
        priced, self._pending = self._pending, None
        if priced is not None:
            self._show_ticket_now(priced)

    def _show_ticket_now(self, priced: PricedCart) -> None:
        if not priced.lines:
            if not self.change.text():
                self.stack.setCurrentIndex(0)
            return
        self.change.setText("")
        self.stack.setCurrentIndex(1)
        texts = [self._line_text(pl) for pl in priced.lines]
        old = self._shown_lines
        if len(texts) >= len(old) and texts[: len(old)] == old:
            self.lines.addItems(texts[len(old) :])  # a scan: append, do not rebuild
        else:
            self.lines.clear()
            self.lines.addItems(texts)
        self._shown_lines = texts
        self.lines.scrollToBottom()
        self.total.setText(self.tr("합계 {total}").format(total=format_krw(priced.total)))

    def _line_text(self, pl: PricedLine) -> str:
        ln = pl.line
        text = f"{ln.name}  {qty_text(ln.unit.value, ln.qty)}  {format_krw(pl.net)}"
        en = self._english(ln.product_id) if self._english is not None else ""
        return f"{text}\n    {en}" if en else text

    def show_sale(self, sale: CompletedSale) -> None:
        self.flush()
        self.stack.setCurrentIndex(1)
        self.total.setText(self.tr("합계 {total}").format(total=format_krw(sale.total)))
        self.change.setText(
            self.tr("거스름돈 {change}").format(change=format_krw(sale.change))
            if sale.change
            else self.tr("감사합니다")
        )
        QTimer.singleShot(15_000, self._back_to_promotions)

    def _back_to_promotions(self) -> None:
        self.change.setText("")
        self.lines.clear()
        self._shown_lines = []
        self.stack.setCurrentIndex(0)


def customer_screen(primary: QScreen | None = None) -> QScreen | None:
    """The screen that is not the cashier's (the primary one), or None with a single one."""
    main = primary or QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not main]
    return others[0] if others else None


def show_on_customer_screen(display: CustomerDisplay, *, on_one_screen: bool = False) -> bool:
    """Full-screen on the second screen if there is one; else closed (or, ``on_one_screen``,
    a plain window). A screen plugged in later gets it. True when it was shown."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and not getattr(display, "_watching_screens", False):
        display._watching_screens = True  # type: ignore[attr-defined]
        app.screenAdded.connect(lambda _s: show_on_customer_screen(display))
    screen = customer_screen()
    if screen is None:
        if on_one_screen:
            display.show()
            return True
        display.hide()
        return False
    handle = display.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    display.setGeometry(screen.geometry())
    display.showFullScreen()
    return True
