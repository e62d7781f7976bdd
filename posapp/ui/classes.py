"""The class staff's window: a week / month calendar of the basement rooms' sessions, the
session dialog (with weekly repeat and ingredients), the booking dialog (phone checked as typed,
waitlist shown), check-in, cancellation, paying a booking at the till, and the roster / prep
sheet PDFs.

Qt only: every database call goes through the task runner to posapp.classes (sessions,
bookings, documents), which return plain dataclasses. Strings are Korean through tr().
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from posapp.classes import bookings as bk
from posapp.classes import documents
from posapp.classes import sessions as cs
from posapp.classes.policy import ClassPolicy
from posapp.db.engine import Database
from posapp.domain.cart import CartLine
from posapp.domain.errors import DomainError
from posapp.domain.phone import normalize_mobile
from posapp.inventory.partners import list_regions
from posapp.ui.messages import explain
from posapp.ui.tasks import SyncRunner, TaskRunner

SEOUL = ZoneInfo("Asia/Seoul")
ROOM_COLORS = {cs.KITCHEN: QColor(255, 236, 210), cs.MEETING: QColor(214, 232, 255)}
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
    bk.HELD: QT_TRANSLATE_NOOP("ClassesWindow", "결제 대기"),
    bk.CONFIRMED: QT_TRANSLATE_NOOP("ClassesWindow", "확정"),
    bk.WAITLIST: QT_TRANSLATE_NOOP("ClassesWindow", "대기자"),
    bk.CANCELLED: QT_TRANSLATE_NOOP("ClassesWindow", "취소"),
    bk.EXPIRED: QT_TRANSLATE_NOOP("ClassesWindow", "만료"),
}


def _today() -> dt.date:
    return dt.datetime.now(SEOUL).date()


class SessionDialog(QDialog):
    """A new session (or weekly series), or a change of ``existing`` (its ingredients named by
    ``names``); ``regions`` fill the featured-region choice and ``find`` looks ingredients up by
    name (run on the database worker by the caller)."""

    def __init__(
        self,
        day: dt.date,
        regions: list[tuple[int, str]],
        find: Callable[[str, Callable[[list[cs.IngredientChoice]], None]], None],
        parent: QWidget | None = None,
        *,
        existing: cs.SessionInfo | None = None,
        names: dict[int, cs.IngredientChoice] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("수업 변경") if existing else self.tr("수업 만들기"))
        self._find = find
        self.ingredients: list[tuple[cs.IngredientChoice, int]] = []
        form = QFormLayout()
        self.title_ko, self.title_en, self.theme = QLineEdit(), QLineEdit(), QLineEdit()
        self.instructor = QLineEdit()
        self.region = QComboBox()
        self.region.addItem(self.tr("(없음)"), None)
        for rid, name in regions:
            self.region.addItem(name, rid)
        self.room = QComboBox()
        self.room.addItem(self.tr("오픈 키친"), cs.KITCHEN)
        self.room.addItem(self.tr("미팅 스페이스"), cs.MEETING)
        self.date = QDateEdit(QDate(day.year, day.month, day.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime(14, 0))
        self.minutes = QSpinBox(minimum=15, maximum=720, singleStep=15, value=120)
        self.capacity = QSpinBox(minimum=1, maximum=200, value=12)
        self.fee = QSpinBox(minimum=0, maximum=1_000_000, singleStep=1000, value=35_000)
        self.weeks = QSpinBox(minimum=1, maximum=cs.MAX_SERIES_WEEKS, value=1)
        for label, w in (
            (self.tr("제목"), self.title_ko),
            (self.tr("영문 제목"), self.title_en),
            (self.tr("주제"), self.theme),
            (self.tr("산지"), self.region),
            (self.tr("공간"), self.room),
            (self.tr("날짜"), self.date),
            (self.tr("시작"), self.start),
            (self.tr("시간(분)"), self.minutes),
            (self.tr("정원"), self.capacity),
            (self.tr("참가비"), self.fee),
            (self.tr("강사"), self.instructor),
            (self.tr("매주 반복(회)"), self.weeks),
        ):
            form.addRow(label, w)
        self.search = QLineEdit(placeholderText=self.tr("재료 검색 (상품명)"))
        self.choices = QComboBox()
        self.per_seat = QSpinBox(minimum=1, maximum=100_000, value=1)
        add = QPushButton(self.tr("재료 추가"))
        self.search.returnPressed.connect(self._lookup)
        add.clicked.connect(self._add_ingredient)
        row = QHBoxLayout()
        for w in (self.search, self.choices, QLabel(self.tr("1인분")), self.per_seat, add):
            row.addWidget(w)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("재료"), self.tr("1인분")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(120)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(row)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        if existing is not None:
            self._fill(existing, names or {})

    def _fill(self, s: cs.SessionInfo, names: dict[int, cs.IngredientChoice]) -> None:
        """The session as it is; a change keeps its own date (no weekly repeat)."""
        start = s.local_start
        self.title_ko.setText(s.title_ko)
        self.title_en.setText(s.title_en)
        self.theme.setText(s.theme)
        self.instructor.setText(s.instructor)
        self.region.setCurrentIndex(max(0, self.region.findData(s.region_id)))
        self.room.setCurrentIndex(max(0, self.room.findData(s.room)))
        self.date.setDate(QDate(start.year, start.month, start.day))
        self.start.setTime(QTime(start.hour, start.minute))
        self.minutes.setValue(int((s.ends_at - s.starts_at).total_seconds() // 60))
        self.capacity.setValue(s.capacity)
        self.fee.setValue(s.fee)
        self.weeks.setValue(1)
        self.weeks.setEnabled(False)
        self.ingredients = [
            (
                names.get(i.product_id)
                or cs.IngredientChoice(i.product_id, str(i.product_id), "ea"),
                i.qty_per_seat,
            )
            for i in s.ingredients
        ]
        self._show_ingredients()

    def _lookup(self) -> None:
        self._find(self.search.text(), self._show_choices)

    def _show_choices(self, found: list[cs.IngredientChoice]) -> None:
        self.choices.clear()
        for c in found:
            self.choices.addItem(f"{c.name} ({self._unit(c.unit)})", c)

    def _add_ingredient(self) -> None:
        choice = self.choices.currentData()
        if choice is None:
            return
        self.ingredients = [
            (c, q) for c, q in self.ingredients if c.product_id != choice.product_id
        ]
        self.ingredients.append((choice, self.per_seat.value()))
        self._show_ingredients()

    def _show_ingredients(self) -> None:
        self.table.setRowCount(len(self.ingredients))
        for i, (c, q) in enumerate(self.ingredients):
            self.table.setItem(i, 0, QTableWidgetItem(c.name))
            self.table.setItem(i, 1, QTableWidgetItem(f"{q:,}{self._unit(c.unit)}"))

    def _unit(self, unit: str) -> str:
        return "g" if unit != "ea" else self.tr("개")

    def spec(self) -> cs.SessionSpec:
        d, t = self.date.date(), self.start.time()
        room = self.room.currentData()
        return cs.SessionSpec(
            title_ko=self.title_ko.text(),
            title_en=self.title_en.text(),
            theme=self.theme.text(),
            region_id=self.region.currentData(),
            date=dt.date(d.year(), d.month(), d.day()),
            start=dt.time(t.hour(), t.minute()),
            minutes=self.minutes.value(),
            room=room,
            kind=cs.MEETING_KIND if room == cs.MEETING else cs.CLASS,
            capacity=self.capacity.value(),
            fee=self.fee.value(),
            instructor=self.instructor.text(),
            ingredients=tuple(cs.Ingredient(c.product_id, q) for c, q in self.ingredients),
        )


class BookingDialog(QDialog):
    """Name, phone (checked as typed: 010-XXXX-XXXX), seats, allergies, notes, pay on arrival.
    Says up front whether the booking will be seated or go on the waitlist."""

    def __init__(self, session: cs.SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("예약"))
        self.session = session
        self.name, self.phone = QLineEdit(), QLineEdit(placeholderText="010-0000-0000")
        self.seats = QSpinBox(minimum=1, maximum=session.capacity, value=1)
        self.allergies, self.note = QLineEdit(), QLineEdit()
        self.on_arrival = QCheckBox(self.tr("현장 결제"))
        self.phone_hint = QLabel()
        self.phone_hint.setStyleSheet("color: #b00020;")
        self.seat_hint = QLabel()
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{session.label()}</b>"))
        form.addRow(self.tr("이름"), self.name)
        form.addRow(self.tr("휴대전화"), self.phone)
        form.addRow("", self.phone_hint)
        form.addRow(self.tr("좌석"), self.seats)
        form.addRow("", self.seat_hint)
        form.addRow(self.tr("알레르기"), self.allergies)
        form.addRow(self.tr("메모"), self.note)
        form.addRow("", self.on_arrival)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setLayout(form)
        self.phone.textChanged.connect(self._check_phone)
        self.seats.valueChanged.connect(self._check_seats)
        self._check_seats()

    def _check_phone(self) -> bool:
        try:
            normalize_mobile(self.phone.text())
        except DomainError:
            self.phone_hint.setText(self.tr("010-XXXX-XXXX 형식으로 입력하세요"))
            return False
        self.phone_hint.setText("")
        return True

    def _check_seats(self) -> None:
        n, left = self.seats.value(), self.session.seats_left
        fee = self.session.fee * n
        if n <= left:
            self.seat_hint.setText(
                self.tr("남은 좌석 {left} · 금액 {fee}원").format(left=left, fee=f"{fee:,}")
            )
            self.seat_hint.setStyleSheet("")
        else:
            self.seat_hint.setText(
                self.tr("남은 좌석 {left}석 — 대기자로 등록됩니다").format(left=left)
            )
            self.seat_hint.setStyleSheet("color: #8a5a00; font-weight: bold;")

    def _accept(self) -> None:
        if self.name.text().strip() and self._check_phone():
            self.accept()
        elif not self.name.text().strip():
            self.phone_hint.setText(self.tr("이름을 입력하세요"))

    def request(self) -> bk.BookingRequest:
        return bk.BookingRequest(
            customer_name=self.name.text(),
            phone=self.phone.text(),
            seats=self.seats.value(),
            allergies=self.allergies.text(),
            note=self.note.text(),
            pay_on_arrival=self.on_arrival.isChecked(),
        )


class ClassesWindow(QMainWindow):
    """The calendar on the left, the chosen session and its bookings on the right.

    ``on_pay(line)`` puts a booking's ticket line on the checkout's ticket (the cashier takes the
    money there); ``approve(why, then)`` asks a manager (refunds, policy overrides)."""

    def __init__(
        self,
        db: Database,
        runner: TaskRunner | SyncRunner,
        *,
        user_id: int | None,
        policy: ClassPolicy,
        register_id: str | None = None,
        on_pay: Callable[[CartLine], None] | None = None,
        approve: Callable[[str, Callable[[int], None]], None] | None = None,
        out_dir: Path | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.db, self.runner, self.user_id, self.policy = db, runner, user_id, policy
        self.register_id, self.on_pay, self.approve = register_id, on_pay, approve
        self.out_dir = out_dir
        self.day = today or _today()
        self.month_view = False
        self.sessions: list[cs.SessionInfo] = []
        self.current: cs.SessionInfo | None = None
        self.bookings: list[bk.BookingInfo] = []
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
        self.room.addItem(self.tr("오픈 키친"), cs.KITCHEN)
        self.room.addItem(self.tr("미팅 스페이스"), cs.MEETING)
        self.range_label = QLabel()
        self.range_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        for w in (self.prev_btn, self.today_btn, self.next_btn, self.range_label):
            nav.addWidget(w)
        nav.addStretch(1)
        nav.addWidget(self.room)
        nav.addWidget(self.view_btn)
        self.new_btn = QPushButton(self.tr("새 수업"))
        nav.addWidget(self.new_btn)
        self.edit_btn = QPushButton(self.tr("수업 변경"))
        self.edit_btn.setToolTip(
            self.tr("고른 수업의 시간·정원·참가비·재료를 바꿉니다 (예약된 좌석 아래로는 못 줄임)")
        )
        nav.addWidget(self.edit_btn)
        left.addLayout(nav)
        self.calendar = QTableWidget()
        self.calendar.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.calendar.setWordWrap(True)
        self.calendar.verticalHeader().setVisible(False)
        self.calendar.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
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
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        right.addWidget(self.table, 1)
        grid = QHBoxLayout()
        self.book_btn = QPushButton(self.tr("예약 (N)"))
        self.checkin_btn = QPushButton(self.tr("체크인"))
        self.pay_btn = QPushButton(self.tr("계산대에서 결제"))
        self.cancel_btn = QPushButton(self.tr("예약 취소"))
        grid2 = QHBoxLayout()
        self.roster_btn = QPushButton(self.tr("출석부 PDF"))
        self.prep_btn = QPushButton(self.tr("재료 준비표 PDF"))
        self.held_btn = QPushButton(self.tr("수업 완료 (재료 차감)"))
        for b in (self.book_btn, self.checkin_btn, self.pay_btn, self.cancel_btn):
            grid.addWidget(b)
        for b in (self.roster_btn, self.prep_btn, self.held_btn):
            grid2.addWidget(b)
        right.addLayout(grid)
        right.addLayout(grid2)
        self.status = QLabel()
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        root.addLayout(right, 2)
        self.setCentralWidget(central)
        self.resize(1280, 760)
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
        self.refresh()

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
        policy = self.policy

        def load(uow: Any) -> list[cs.SessionInfo]:
            bk.release_expired(uow, policy=policy)
            return cs.list_sessions(uow, first, last, room=room)

        self._db(lambda: self.db.transact(load), self._show_sessions)

    def _show_sessions(self, sessions: list[cs.SessionInfo]) -> None:
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

    def _by_day(self) -> dict[dt.date, list[cs.SessionInfo]]:
        out: dict[dt.date, list[cs.SessionInfo]] = {}
        for s in self.sessions:
            out.setdefault(s.local_start.date(), []).append(s)
        return out

    def _cell_text(self, s: cs.SessionInfo) -> str:
        seats = f"{s.seats_taken}/{s.capacity}"
        room = self.tr("키친") if s.room == cs.KITCHEN else self.tr("미팅")
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
                item.setData(Qt.UserRole, s.uuid)
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
            item.setData(Qt.UserRole, d.isoformat())
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
        key = item.data(Qt.UserRole)
        if self.month_view:  # a day: open its week
            self.day = dt.date.fromisoformat(key)
            self.toggle_view()
            return
        found = [s for s in self.sessions if s.uuid == key]
        if found:
            self.select(found[0])

    # --- a session and its bookings -----------------------------------------------------

    def select(self, session: cs.SessionInfo) -> None:
        self.current = session
        self._db(
            lambda: self.db.read(lambda uow: bk.list_bookings(uow, session.uuid)),
            self._show_bookings,
        )

    def _show_bookings(self, rows: list[bk.BookingInfo]) -> None:
        s = self.current
        assert s is not None
        self.bookings = rows
        who = s.instructor and self.tr("강사 {name}").format(name=s.instructor)
        region = s.region_name and self.tr("산지 {name}").format(name=s.region_name)
        seated = sum(1 for b in rows if b.seated)
        waiting = sum(1 for b in rows if b.status == bk.WAITLIST)
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
            if b.status == bk.WAITLIST:
                status = self.tr("대기 {n}번").format(n=b.waitlist_position)
            pay = (
                self.tr("무료")
                if b.amount == 0
                else f"{b.paid_amount:,}"
                if b.paid
                else self.tr("현장결제")
                if b.pay_on_arrival
                else self.tr("미결제")
            )
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
                item.setData(Qt.UserRole, b.uuid)
                if b.status == bk.WAITLIST:
                    item.setForeground(QColor(140, 90, 0))
                t.setItem(i, c, item)
        t.resizeColumnsToContents()

    def _selected_booking(self) -> bk.BookingInfo | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.bookings):
            return self.bookings[row]
        self.say(self.tr("예약을 고르세요"))
        return None

    def new_session(self) -> None:
        def loaded(regions: list[Any]) -> None:
            dlg = self._session_dialog(regions)
            if self.exec_dialog(dlg) != QDialog.Accepted:
                return
            spec, weeks, uid = dlg.spec(), dlg.weeks.value(), self.user_id
            self._db(
                lambda: self.db.transact(
                    lambda uow: cs.create_series(uow, spec, weeks=weeks, user_id=uid)
                ),
                lambda made: self._after(self.tr("{n}개 일정을 만들었습니다").format(n=len(made))),
            )

        self._db(lambda: self.db.read(list_regions), loaded)

    def edit_session(self) -> None:
        """Change the selected session (time, room, capacity, fee, ingredients): the room must
        be free, capacity not below the booked seats; stock is re-reserved for the seats."""
        s = self.current
        if s is None:
            self.say(self.tr("수업을 고르세요"))
            return

        def read(uow: Any) -> tuple[list[Any], dict[int, cs.IngredientChoice]]:
            from posapp.inventory import catalog

            found = catalog.products_by_id(uow, [i.product_id for i in s.ingredients])
            names = {
                pid: cs.IngredientChoice(pid, p.name_ko, p.unit.value) for pid, p in found.items()
            }
            return list_regions(uow), names

        def loaded(data: tuple[list[Any], dict[int, cs.IngredientChoice]]) -> None:
            regions, names = data
            dlg = self._session_dialog(regions, existing=s, names=names)
            if self.exec_dialog(dlg) != QDialog.Accepted:
                return
            spec, uid = dlg.spec(), self.user_id
            self._db(
                lambda: self.db.transact(
                    lambda uow: cs.update_session(uow, s.uuid, spec, user_id=uid)
                ),
                lambda info: self._after(
                    self.tr("수업을 변경했습니다: {title}").format(title=info.title_ko)
                ),
            )

        self._db(lambda: self.db.read(read), loaded)

    def _session_dialog(
        self,
        regions: list[Any],
        *,
        existing: cs.SessionInfo | None = None,
        names: dict[int, cs.IngredientChoice] | None = None,
    ) -> SessionDialog:
        return SessionDialog(
            self.day,
            [(r.id, r.name) for r in regions if r.active],
            lambda text, show: self._db(
                lambda: self.db.read(lambda uow: cs.find_ingredients(uow, text)), show
            ),
            self,
            existing=existing,
            names=names,
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
        if dlg.exec() != QDialog.Accepted:
            return
        request, policy, uid = dlg.request(), self.policy, self.user_id

        def booked(r: bk.BookingResult) -> None:
            if r.booking.status == bk.WAITLIST:
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

        self._db(
            lambda: self.db.transact(
                lambda uow: bk.book(uow, s.uuid, request, policy=policy, user_id=uid)
            ),
            booked,
        )

    def check_in(self) -> None:
        b = self._selected_booking()
        if b is None:
            return
        undo = b.checked_in_at is not None
        self._db(
            lambda: self.db.transact(lambda uow: bk.check_in(uow, b.uuid, undo=undo)),
            lambda x: self._after(
                self.tr("{name} 출석").format(name=x.customer_name) if not undo else ""
            ),
        )

    def pay(self) -> None:
        b = self._selected_booking()
        if b is None or self.on_pay is None:
            return
        self._db(
            lambda: self.db.transact(lambda uow: bk.ticket_line(uow, b.uuid)),
            lambda line: (self.on_pay(line), self.say(self.tr("계산대 거래에 추가했습니다"))),  # type: ignore[misc]
        )

    def cancel_booking(self) -> None:
        b = self._selected_booking()
        if b is None:
            return
        policy, uid, reg = self.policy, self.user_id or 0, self.register_id

        def run(approver: int | None) -> None:
            self._db(
                lambda: self.db.transact(
                    lambda uow: bk.cancel(
                        uow,
                        b.uuid,
                        policy=policy,
                        user_id=uid,
                        register_id=reg,
                        approved_by=approver,
                    )
                ),
                lambda r: self._after(
                    self.tr("취소했습니다 · 환불 {amount}원").format(
                        amount=f"{r.booking.refunded_amount:,}"
                    )
                    + (
                        " · " + self.tr("대기자 {n}명 확정").format(n=len(r.promoted))
                        if r.promoted
                        else ""
                    )
                ),
            )

        if b.paid and self.approve is not None:
            self.approve(self.tr("환불에는 관리자 승인이 필요합니다"), run)
        else:
            run(None)

    def save_pdf(self, which: str) -> None:
        s = self.current
        if s is None:
            self.say(self.tr("수업을 고르세요"))
            return
        out = self.out_dir or Path.home()

        def make() -> Path:
            if which == "roster":
                rows = self.db.read(lambda uow: bk.list_bookings(uow, s.uuid))
                data, name = documents.roster_pdf(s, rows), "roster"
            else:
                prep = self.db.read(lambda uow: cs.prep_list(uow, s.uuid))
                data, name = documents.prep_sheet_pdf(prep), "prep"
            path = out / f"class-{name}-{s.local_start:%Y%m%d-%H%M}.pdf"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return path

        self._db(make, lambda p: self.say(self.tr("저장했습니다: {path}").format(path=str(p))))

    def mark_held(self) -> None:
        s = self.current
        if s is None:
            return
        uid, reg = self.user_id, self.register_id
        self._db(
            lambda: self.db.transact(
                lambda uow: cs.mark_held(uow, s.uuid, user_id=uid, register_id=reg)
            ),
            lambda _x: self._after(self.tr("수업 완료 · 재료를 재고에서 차감했습니다")),
        )

    # --- plumbing ----------------------------------------------------------------------

    def _db(self, fn: Callable[[], Any], then: Callable[[Any], Any]) -> None:
        self.runner.db(fn).success(then).failure(lambda exc: self.say(explain(exc), error=True))

    def _after(self, text: str) -> None:
        self.say(text)
        self.refresh()

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
