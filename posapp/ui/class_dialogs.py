"""The classes window's dialogs: a session (new, a weekly series, or a change, with its
ingredients looked up by name) and a booking (phone checked as typed, the waitlist said up
front). Qt only; the data types come from :mod:`posapp.usecases.classes`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import DomainError
from posapp.domain.phone import normalize_mobile
from posapp.ui.keyboard import enter_stays
from posapp.usecases import classes as uc


class SessionDialog(QDialog):
    """A new session (or weekly series), or a change of ``existing`` (its ingredients named by
    ``names``); ``regions`` fill the featured-region choice and ``find`` looks ingredients up by
    name (run on the database worker by the caller)."""

    def __init__(
        self,
        day: dt.date,
        regions: list[tuple[int, str]],
        find: Callable[[str, Callable[[Sequence[uc.IngredientChoice]], None]], None],
        parent: QWidget | None = None,
        *,
        existing: uc.SessionInfo | None = None,
        names: dict[int, uc.IngredientChoice] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("수업 변경") if existing else self.tr("수업 만들기"))
        self._find = find
        self.ingredients: list[tuple[uc.IngredientChoice, int]] = []
        form = QFormLayout()
        self.title_ko, self.title_en, self.theme = QLineEdit(), QLineEdit(), QLineEdit()
        self.instructor = QLineEdit()
        self.region = QComboBox()
        self.region.addItem(self.tr("(없음)"), None)
        for rid, name in regions:
            self.region.addItem(name, rid)
        self.room = QComboBox()
        self.room.addItem(self.tr("오픈 키친"), uc.KITCHEN)
        self.room.addItem(self.tr("미팅 스페이스"), uc.MEETING)
        self.date = QDateEdit(QDate(day.year, day.month, day.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit(QTime(14, 0))
        self.start.setDisplayFormat("HH:mm")  # digits go to the hour (no 오전/오후 section first)
        self.minutes = QSpinBox(minimum=15, maximum=720, singleStep=15, value=120)
        self.capacity = QSpinBox(minimum=1, maximum=200, value=12)
        self.fee = QSpinBox(minimum=0, maximum=1_000_000, singleStep=1000, value=35_000)
        self.weeks = QSpinBox(minimum=1, maximum=uc.MAX_SERIES_WEEKS, value=1)
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
        enter_stays(self.search)  # Enter looks the ingredient up; it never saves the session
        add.clicked.connect(self._add_ingredient)
        row = QHBoxLayout()
        for widget in (self.search, self.choices, QLabel(self.tr("1인분")), self.per_seat, add):
            row.addWidget(widget)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("재료"), self.tr("1인분")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(120)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(row)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        if existing is not None:
            self._fill(existing, names or {})

    def _fill(self, s: uc.SessionInfo, names: dict[int, uc.IngredientChoice]) -> None:
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
                or uc.IngredientChoice(i.product_id, str(i.product_id), "ea"),
                i.qty_per_seat,
            )
            for i in s.ingredients
        ]
        self._show_ingredients()

    def _lookup(self) -> None:
        self._find(self.search.text(), self._show_choices)

    def _show_choices(self, found: Sequence[uc.IngredientChoice]) -> None:
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

    def spec(self) -> uc.SessionSpec:
        d, t = self.date.date(), self.start.time()
        room = self.room.currentData()
        return uc.SessionSpec(
            title_ko=self.title_ko.text(),
            title_en=self.title_en.text(),
            theme=self.theme.text(),
            region_id=self.region.currentData(),
            date=dt.date(d.year(), d.month(), d.day()),
            start=dt.time(t.hour(), t.minute()),
            minutes=self.minutes.value(),
            room=room,
            kind=uc.MEETING_KIND if room == uc.MEETING else uc.CLASS,
            capacity=self.capacity.value(),
            fee=self.fee.value(),
            instructor=self.instructor.text(),
            ingredients=tuple(uc.Ingredient(c.product_id, q) for c, q in self.ingredients),
        )


class BookingDialog(QDialog):
    """Name, phone (checked as typed: 010-XXXX-XXXX), seats, allergies, notes, pay on arrival.
    Says up front whether the booking will be seated or go on the waitlist."""

    def __init__(self, session: uc.SessionInfo, parent: QWidget | None = None) -> None:
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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
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

    def request(self) -> uc.BookingRequest:
        return uc.BookingRequest(
            customer_name=self.name.text(),
            phone=self.phone.text(),
            seats=self.seats.value(),
            allergies=self.allergies.text(),
            note=self.note.text(),
            pay_on_arrival=self.on_arrival.isChecked(),
        )
