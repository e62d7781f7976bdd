"""The class staff's window: a week / month calendar of the basement rooms' sessions, the
chosen session and its bookings, check-in, cancellation (a refund asks a manager's PIN through
the one approval service), paying a booking at the till, marking a booking for a 세금계산서
(Shift+F12 or its button: the buyer dialog of :mod:`posapp.ui.tax_invoice_dialog`; a booking
not paid at the till — a company's 계좌이체 — gets its own request, one paid at the till its
receipt's, refused for a card slip or a 현금영수증), and the roster / prep sheet PDFs. The
session and booking dialogs are :mod:`posapp.ui.class_dialogs`'.

Qt only: every action is a call of :class:`posapp.usecases.classes.Classes` through
:class:`posapp.ui.operations.Op`. Strings are Korean through tr().
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.domain.cart import CartLine
from posapp.ui.class_dialogs import BookingDialog, SessionDialog
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.ui.operations import Op, Runner, with_approval
from posapp.ui.screen_fit import fit_to_screen
from posapp.ui.tax_invoice_dialog import TaxInvoiceBuyerDialog
from posapp.usecases import classes as uc
from posapp.usecases.approvals import Approval, ApprovalRequest, Approvals, PinPort

T = TypeVar("T")

ROOM_COLORS = {uc.KITCHEN: QColor(255, 236, 210), uc.MEETING: QColor(214, 232, 255)}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("ClassesWindow", "월"),
    QT_TRANSLATE_NOOP("ClassesWindow", "화"),
    QT_TRANSLATE_NOOP("ClassesWindow", "수"),
    QT_TRANSLATE_NOOP("ClassesWindow", "목"),
    QT_TRANSLATE_NOOP("ClassesWindow", "금"),
    QT_TRANSLATE_NOOP("ClassesWindow", "토"),
    QT_TRANSLATE_NOOP("ClassesWindow", "일"),
)
STATUS_KO = {
    uc.HELD: QT_TRANSLATE_NOOP("ClassesWindow", "결제 대기"),
    uc.CONFIRMED: QT_TRANSLATE_NOOP("ClassesWindow", "확정"),
    uc.WAITLIST: QT_TRANSLATE_NOOP("ClassesWindow", "대기자"),
    uc.CANCELLED: QT_TRANSLATE_NOOP("ClassesWindow", "취소"),
    uc.EXPIRED: QT_TRANSLATE_NOOP("ClassesWindow", "만료"),
}
INVOICE_KO = {
    "to_issue": QT_TRANSLATE_NOOP("ClassesWindow", "세금계산서 발급 대기"),
    "issued": QT_TRANSLATE_NOOP("ClassesWindow", "세금계산서 발급 완료"),
}


def _today() -> dt.date:
    return calendar.today()


class ClassesWindow(QMainWindow):
    """The calendar on the left, the chosen session and its bookings on the right.

    ``on_pay(line)`` puts a booking's ticket line on the checkout's ticket (the cashier takes the
    money there); a refund is approved by a PIN asked through ``pins`` and checked by
    ``approvals`` (without them a refund is refused with the reason)."""

    def __init__(
        self,
        classes: uc.Classes,
        runner: Runner,
        *,
        user_id: int | None,
        on_pay: Callable[[CartLine], None] | None = None,
        approvals: Approvals | None = None,
        pins: PinPort | None = None,
        out_dir: Path | None = None,
        today: dt.date | None = None,
        on_card_refund: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        #: a refund's card part waits as a pending cancel (posapp.sales.card_cancels): this
        #: sends it to the till's terminal now (the app's retry job), not at its next round
        self.on_card_refund = on_card_refund
        self.classes, self.runner, self.user_id = classes, runner, user_id
        self.on_pay, self.approvals, self.pins = on_pay, approvals, pins
        self.out_dir = out_dir
        self.day = today or _today()
        self.month_view = False
        self.sessions: Sequence[uc.SessionInfo] = ()
        self.current: uc.SessionInfo | None = None
        self.bookings: Sequence[uc.BookingInfo] = ()
        self.setWindowTitle(self.tr("쿠킹클래스 · 지하 공간 예약"))
        central = QWidget()
        root = QHBoxLayout(central)
        left = QVBoxLayout()
        nav = QHBoxLayout()
        self.prev_btn, self.today_btn, self.next_btn = (
            QPushButton("◀"),
            QPushButton(self.tr("오늘")),
            QPushButton("▶"),
        )
        self.view_btn = QPushButton(self.tr("월간 보기"))
        self.room = QComboBox()
        self.room.addItem(self.tr("모든 공간"), None)
        self.room.addItem(self.tr("오픈 키친"), uc.KITCHEN)
        self.room.addItem(self.tr("미팅 스페이스"), uc.MEETING)
        self.range_label = QLabel()
        self.range_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        for w in (self.prev_btn, self.today_btn, self.next_btn, self.range_label):
            nav.addWidget(w)
        nav.addStretch(1)
        # the choices and actions on a second row: the window fits a 1024-pixel monitor
        nav2 = QHBoxLayout()
        nav2.addWidget(self.room)
        nav2.addWidget(self.view_btn)
        nav2.addStretch(1)
        self.new_btn = QPushButton(self.tr("새 수업"))
        nav2.addWidget(self.new_btn)
        self.edit_btn = QPushButton(self.tr("수업 변경"))
        self.edit_btn.setToolTip(
            self.tr("고른 수업의 시간·정원·참가비·재료를 바꿉니다 (예약된 좌석 아래로는 못 줄임)")
        )
        nav2.addWidget(self.edit_btn)
        self.room.setMinimumHeight(40)  # touch-sized, like the booking buttons on the right
        for b in (self.prev_btn, self.today_btn, self.next_btn, self.view_btn):
            b.setMinimumHeight(40)
        for b in (self.new_btn, self.edit_btn):
            b.setMinimumHeight(40)
        left.addLayout(nav)
        left.addLayout(nav2)
        self.calendar = QTableWidget()
        self.calendar.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.calendar.setWordWrap(True)
        self.calendar.verticalHeader().setVisible(False)
        self.calendar.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.calendar, 1)
        root.addLayout(left, 3)
        right = QVBoxLayout()
        self.detail = QLabel(self.tr("수업을 고르세요"))
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("font-size: 11pt;")
        right.addWidget(self.detail)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("이름"),
                self.tr("연락처"),
                self.tr("좌석"),
                self.tr("상태"),
                self.tr("결제"),
                self.tr("알레르기"),
                self.tr("출석"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # every column in view on a 1024 px screen (no sideways scrolling): each as wide as
        # its text, the allergies taking what is left (cut off: its tooltip has it whole)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        right.addWidget(self.table, 1)
        grid = QGridLayout()  # two columns of touch-sized buttons
        self.book_btn = QPushButton(self.tr("예약 (N)"))
        self.checkin_btn = QPushButton(self.tr("체크인"))
        self.pay_btn = QPushButton(self.tr("계산대에서 결제"))
        self.cancel_btn = QPushButton(self.tr("예약 취소"))
        self.roster_btn = QPushButton(self.tr("출석부 PDF"))
        self.prep_btn = QPushButton(self.tr("재료 준비표 PDF"))
        self.held_btn = QPushButton(self.tr("수업 완료 (재료 차감)"))
        self.invoice_btn = QPushButton(self.tr("세금계산서 (Shift+F12)"))
        self.invoice_btn.setToolTip(
            self.tr("계좌이체 등 계산대 밖에서 받는 예약, 현금으로 받은 예약의 세금계산서")
        )
        for i, b in enumerate(
            (
                self.book_btn,
                self.checkin_btn,
                self.pay_btn,
                self.cancel_btn,
                self.roster_btn,
                self.prep_btn,
                self.held_btn,
                self.invoice_btn,
            )
        ):
            b.setMinimumHeight(40)
            grid.addWidget(b, i // 2, i % 2)
        right.addLayout(grid)
        self.status = QLabel()
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        root.addLayout(right, 2)
        self.setCentralWidget(central)
        fit_to_screen(self, 1280, 760)
        self.prev_btn.clicked.connect(lambda: self.shift(-1))
        self.next_btn.clicked.connect(lambda: self.shift(1))
        self.today_btn.clicked.connect(self.go_today)
        self.view_btn.clicked.connect(self.toggle_view)
        self.room.currentIndexChanged.connect(lambda _i: self.refresh())
        self.calendar.cellClicked.connect(self._cell_clicked)
        self.new_btn.clicked.connect(self.new_session)
        self.edit_btn.clicked.connect(self.edit_session)
        self.book_btn.clicked.connect(self.new_booking)
        self.book_btn.setShortcut("N")
        self.checkin_btn.clicked.connect(self.check_in)
        self.pay_btn.clicked.connect(self.pay)
        self.cancel_btn.clicked.connect(self.cancel_booking)
        self.roster_btn.clicked.connect(lambda: self.save_pdf("roster"))
        self.prep_btn.clicked.connect(lambda: self.save_pdf("prep"))
        self.held_btn.clicked.connect(self.mark_held)
        self.invoice_btn.clicked.connect(self.request_tax_invoice)
        self.refresh()

    # Shift+F12 is the checkout's too (an application-wide shortcut): taken here first, on
    # ShortcutOverride, so the two never cancel each other out while this window is in front
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._is_invoice_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_invoice_key(event):
            self.request_tax_invoice()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _is_invoice_key(event: QEvent) -> bool:
        return (
            isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F12
            and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        )

    # --- the calendar ------------------------------------------------------------------

    def _range(self) -> tuple[dt.date, dt.date]:
        if self.month_view:
            first = self.day.replace(day=1)
            start = first - dt.timedelta(days=first.weekday())
            return start, start + dt.timedelta(days=41)
        start = self.day - dt.timedelta(days=self.day.weekday())
        return start, start + dt.timedelta(days=6)

    def shift(self, step: int) -> None:
        if self.month_view:
            m = self.day.month - 1 + step
            self.day = dt.date(self.day.year + m // 12, m % 12 + 1, 1)
        else:
            self.day += dt.timedelta(weeks=step)
        self.refresh()

    def go_today(self) -> None:
        self.day = _today()
        self.refresh()

    def toggle_view(self) -> None:
        self.month_view = not self.month_view
        self.view_btn.setText(self.tr("주간 보기") if self.month_view else self.tr("월간 보기"))
        self.refresh()

    def refresh(self) -> None:
        first, last = self._range()
        room = self.room.currentData()
        self._op(lambda: self.classes.calendar(first, last, room=room), self._show_sessions)

    def _show_sessions(self, sessions: Sequence[uc.SessionInfo]) -> None:
        self.sessions = sessions
        first, last = self._range()
        if self.month_view:
            self.range_label.setText(f"{self.day:%Y-%m}")
            self._fill_month(first)
        else:
            self.range_label.setText(f"{first:%Y-%m-%d} – {last:%m-%d}")
            self._fill_week(first)
        if self.current is not None:
            still = [s for s in sessions if s.uuid == self.current.uuid]
            if still:
                self.select(still[0])

    def _by_day(self) -> dict[dt.date, list[uc.SessionInfo]]:
        out: dict[dt.date, list[uc.SessionInfo]] = {}
        for s in self.sessions:
            out.setdefault(s.local_start.date(), []).append(s)
        return out

    def _cell_text(self, s: uc.SessionInfo) -> str:
        seats = f"{s.seats_taken}/{s.capacity}"
        room = self.tr("키친") if s.room == uc.KITCHEN else self.tr("미팅")
        return f"{s.local_start:%H:%M} {s.title_ko}\n{room} · {seats}"

    def _fill_week(self, first: dt.date) -> None:
        days = [first + dt.timedelta(days=i) for i in range(7)]
        by_day = self._by_day()
        rows = max([len(by_day.get(d, [])) for d in days] + [1])
        cal = self.calendar
        cal.clear()
        cal.setColumnCount(7)
        cal.setRowCount(rows)
        cal.setHorizontalHeaderLabels(
            [f"{d:%m/%d} ({self.tr(WEEKDAYS[d.weekday()])})" for d in days]
        )
        for c, d in enumerate(days):
            for r, s in enumerate(by_day.get(d, [])):
                item = QTableWidgetItem(self._cell_text(s))
                item.setData(Qt.ItemDataRole.UserRole, s.uuid)
                item.setBackground(ROOM_COLORS.get(s.room, QColor("white")))
                if s.seats_left == 0:
                    item.setForeground(QColor(150, 0, 0))
                cal.setItem(r, c, item)
        for r in range(rows):
            cal.setRowHeight(r, 96)

    def _fill_month(self, first: dt.date) -> None:
        by_day = self._by_day()
        cal = self.calendar
        cal.clear()
        cal.setColumnCount(7)
        cal.setRowCount(6)
        cal.setHorizontalHeaderLabels([self.tr(w) for w in WEEKDAYS])
        for i in range(42):
            d = first + dt.timedelta(days=i)
            lines = [f"{d.day}"] + [
                f"{s.local_start:%H:%M} {s.title_ko[:8]} {s.seats_taken}/{s.capacity}"
                for s in by_day.get(d, [])
            ]
            item = QTableWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, d.isoformat())
            if d.month != self.day.month:
                item.setForeground(QColor(160, 160, 160))
            if by_day.get(d):
                item.setBackground(ROOM_COLORS.get(by_day[d][0].room, QColor("white")))
            cal.setItem(i // 7, i % 7, item)
        for r in range(6):
            cal.setRowHeight(r, 86)

    def _cell_clicked(self, row: int, col: int) -> None:
        item = self.calendar.item(row, col)
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if self.month_view:  # a day: open its week
            self.day = dt.date.fromisoformat(key)
            self.toggle_view()
            return
        found = [s for s in self.sessions if s.uuid == key]
        if found:
            self.select(found[0])

    # --- a session and its bookings -----------------------------------------------------

    def select(self, session: uc.SessionInfo) -> None:
        self.current = session
        self._op(lambda: self.classes.bookings(session.uuid), self._show_bookings)

    def _show_bookings(self, rows: Sequence[uc.BookingInfo]) -> None:
        s = self.current
        assert s is not None
        self.bookings = rows
        who = s.instructor and self.tr("강사 {name}").format(name=s.instructor)
        region = s.region_name and self.tr("산지 {name}").format(name=s.region_name)
        seated = sum(1 for b in rows if b.seated)
        waiting = sum(1 for b in rows if b.status == uc.WAITLIST)
        self.detail.setText(
            f"<b>{s.label()}</b><br>"
            + " · ".join(x for x in (s.title_en, s.theme, who, region) if x)
            + "<br>"
            + self.tr("정원 {cap} · 예약 {taken}석 ({n}건) · 대기 {w}건 · 참가비 {fee}원").format(
                cap=s.capacity, taken=s.seats_taken, n=seated, w=waiting, fee=f"{s.fee:,}"
            )
        )
        t = self.table
        t.setRowCount(len(rows))
        for i, b in enumerate(rows):
            status = self.tr(STATUS_KO.get(b.status, b.status))
            if b.status == uc.WAITLIST:
                status = self.tr("대기 {n}번").format(n=b.waitlist_position)
            pay = (
                self.tr("무료")
                if b.amount == 0
                else f"{b.paid_amount:,}"
                if b.paid
                else self.tr("계좌이체")
                if b.tax_invoice_state
                else self.tr("현장결제")
                if b.pay_on_arrival
                else self.tr("미결제")
            )
            if b.tax_invoice_state in INVOICE_KO:
                pay += " · " + self.tr(INVOICE_KO[b.tax_invoice_state])
            cells = [
                b.customer_name,
                b.phone,
                str(b.seats),
                status,
                pay,
                b.allergies,
                "✓" if b.checked_in_at else "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, b.uuid)
                item.setToolTip(text)
                if b.status == uc.WAITLIST:
                    item.setForeground(QColor(140, 90, 0))
                t.setItem(i, c, item)

    def _selected_booking(self) -> uc.BookingInfo | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.bookings):
            return self.bookings[row]
        self.say(self.tr("예약을 고르세요"))
        return None

    def new_session(self) -> None:
        def loaded(form: uc.SessionForm) -> None:
            dlg = self._session_dialog(form)
            if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted:
                return
            spec, weeks, uid = dlg.spec(), dlg.weeks.value(), self.user_id
            self._op(
                lambda: self.classes.create_series(spec, weeks=weeks, user_id=uid),
                lambda made: self._after(self.tr("{n}개 일정을 만들었습니다").format(n=len(made))),
            )

        self._op(self.classes.session_form, loaded)

    def edit_session(self) -> None:
        """Change the selected session (time, room, capacity, fee, ingredients): the room must
        be free, capacity not below the booked seats; stock is re-reserved for the seats."""
        s = self.current
        if s is None:
            self.say(self.tr("수업을 고르세요"))
            return

        def loaded(form: uc.SessionForm) -> None:
            dlg = self._session_dialog(form, existing=s)
            if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted:
                return
            spec, uid = dlg.spec(), self.user_id
            self._op(
                lambda: self.classes.change_session(s.uuid, spec, user_id=uid),
                lambda info: self._after(
                    self.tr("수업을 변경했습니다: {title}").format(title=info.title_ko)
                ),
            )

        self._op(lambda: self.classes.session_form(s), loaded)

    def _session_dialog(
        self, form: uc.SessionForm, *, existing: uc.SessionInfo | None = None
    ) -> SessionDialog:
        return SessionDialog(
            self.day,
            [(r.id, r.name) for r in form.regions],
            lambda text, show: self._op(lambda: self.classes.find_ingredients(text), show),
            self,
            existing=existing,
            names=form.names,
        )

    def exec_dialog(self, dlg: QDialog) -> int:
        """Run a dialog modally (tests answer it instead)."""
        return dlg.exec()

    def new_booking(self) -> None:
        s = self.current
        if s is None:
            self.say(self.tr("수업을 고르세요"))
            return
        dlg = BookingDialog(s, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        request, uid = dlg.request(), self.user_id

        def booked(r: uc.BookingResult) -> None:
            if r.booking.status == uc.WAITLIST:
                text = self.tr("대기자 {n}번으로 등록했습니다").format(
                    n=r.booking.waitlist_position
                )
            else:
                text = self.tr("예약했습니다 ({ref})").format(ref=r.booking.ref)
            if r.shortages:
                text += " · " + self.tr("재료 부족 {n}종 — 준비표를 확인하세요").format(
                    n=len(r.shortages)
                )
            self._after(text)

        self._op(lambda: self.classes.book(s.uuid, request, user_id=uid), booked)

    def check_in(self) -> None:
        b = self._selected_booking()
        if b is None:
            return
        undo = b.checked_in_at is not None
        self._op(
            lambda: self.classes.check_in(b.uuid, undo=undo),
            lambda x: self._after(
                self.tr("{name} 출석").format(name=x.customer_name) if not undo else ""
            ),
        )

    def pay(self) -> None:
        b = self._selected_booking()
        if b is None or self.on_pay is None:
            return
        on_pay = self.on_pay

        def add(line: CartLine) -> None:
            on_pay(line)
            self.say(self.tr("계산대 거래에 추가했습니다"))

        self._op(lambda: self.classes.ticket_line(b.uuid), add)

    def request_tax_invoice(self) -> None:
        """Shift+F12: the chosen booking marked for a 세금계산서 to the buyer typed in the buyer
        dialog. Not paid at the till: its own request (the fee, 과세, dated the class's day;
        the till takes no payment for it after); paid at the till: its receipt's, refused
        in the dialog for a card slip or a 현금영수증 (부가가치세법 §33②)."""
        b = self._selected_booking()
        if b is None:
            return
        today = _today()
        # what would refuse it whatever the buyer (a card slip, a 현금영수증, a request
        # already) is said before anything is typed
        self._op(lambda: self.classes.check_tax_invoice(b.uuid, today=today), self._ask_buyer)

    def _ask_buyer(self, b: uc.BookingInfo) -> None:
        uid, classes, today = self.user_id, self.classes, _today()
        if b.paid:
            note = self.tr("예약 {ref} · 계산대에서 받은 {amount}원").format(
                ref=b.ref, amount=f"{b.paid_amount:,}"
            )
        else:
            note = self.tr(
                "예약 {ref} · {name} · {amount}원 (과세) — 계산대 결제 없이 계좌이체로 받습니다"
            ).format(ref=b.ref, name=b.customer_name, amount=f"{b.amount:,}")
        dlg = TaxInvoiceBuyerDialog(
            self,
            receipt_no=b.receipt_no or "",
            note=note,
            submit=lambda buyer: classes.request_tax_invoice(
                b.uuid, buyer, user_id=uid, today=today
            ),
            runner=self.runner,
        )
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.info is None:
            return
        self._after(
            self.tr("{ref}: 세금계산서 요청을 기록했습니다 (발급 대기) · {name}").format(
                ref=dlg.info.receipt_no, name=dlg.info.buyer.name
            )
        )

    def cancel_booking(self) -> None:
        """Cancel the chosen booking; a refund (by the tiers) asks a manager's PIN for
        ``class.refund`` bound to its amount, through the one approval service."""
        b = self._selected_booking()
        if b is None:
            return
        uid = self.user_id or 0
        invoiced = not b.paid and b.tax_invoice_state == "to_issue"  # the booking's own

        def done(r: uc.BookingResult) -> None:
            card = uc.card_refund_pending(r)
            if card and self.on_card_refund is not None:
                self.on_card_refund()
            self._after(
                self.tr("취소했습니다 · 환불 {amount}원").format(
                    amount=f"{r.booking.refunded_amount:,}"
                )
                + (
                    " · "
                    + self.tr(
                        "카드 {amount}원 취소를 단말기로 보냈습니다 (안 되면 대기 목록에 남습니다)"
                    ).format(amount=f"{card:,}")
                    if card
                    else ""
                )
                + (
                    " · " + self.tr("대기자 {n}명 확정").format(n=len(r.promoted))
                    if r.promoted
                    else ""
                )
                + (" · " + self.tr("세금계산서 요청도 취소했습니다") if invoiced else "")
            )

        def cancel(approval: Approval | None) -> uc.BookingResult:
            return self.classes.cancel_booking(b.uuid, user_id=uid, approval=approval)

        def quoted(due: uc.RefundDue) -> None:
            if self.approvals is None or self.pins is None:
                self._op(lambda: cancel(None), done)
                return
            request = ApprovalRequest(
                action=uc.REFUND_ACTION,
                title=self.tr("예약 취소"),
                prompt=self.tr("환불에는 관리자 승인이 필요합니다"),
                permission=uc.REFUND_PERMISSION,
                bound={"amount": due.amount},
            )
            with_approval(self, self.runner, self.approvals, self.pins, request, cancel, done)

        self._op(lambda: self.classes.refund_due(b.uuid), quoted)

    def save_pdf(self, which: str) -> None:
        s = self.current
        if s is None:
            self.say(self.tr("수업을 고르세요"))
            return
        out = self.out_dir or Path.home()
        save = self.classes.save_roster if which == "roster" else self.classes.save_prep_sheet
        self._op(
            lambda: save(s.uuid, out),
            lambda p: self.say(self.tr("저장했습니다: {path}").format(path=str(p))),
        )

    def mark_held(self) -> None:
        s = self.current
        if s is None:
            return
        uid = self.user_id
        self._op(
            lambda: self.classes.mark_held(s.uuid, user_id=uid),
            lambda _x: self._after(self.tr("수업 완료 · 재료를 재고에서 차감했습니다")),
        )

    # --- plumbing ----------------------------------------------------------------------

    def _op(self, fn: Callable[[], T], then: Callable[[T], None]) -> None:
        Op(self, self.runner, fn).success(then).run()  # a failure: show_message, in red

    def show_message(self, text: str) -> None:
        """Where :mod:`posapp.ui.operations` says a failure: the status line, in red."""
        self.say(text, error=True)

    def _after(self, text: str) -> None:
        self.say(text)
        self.refresh()

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
