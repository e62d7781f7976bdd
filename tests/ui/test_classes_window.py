"""The classes window (pytest-qt, offscreen): the week and month calendars per room, the booking
dialog's phone check and waitlist notice, check-in, paying a booking on the checkout's ticket."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDialog

from posapp.classes import bookings as bk
from posapp.classes import prep as cp
from posapp.classes import schedule as cs
from posapp.classes.policy import ClassPolicy
from posapp.sales.tenders import Tender
from posapp.ui.class_dialogs import BookingDialog, SessionDialog
from posapp.ui.classes import ClassesWindow
from posapp.ui.tasks import SyncRunner
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.classes import Classes
from tests.conftest import Store

POLICY = ClassPolicy()


def _day() -> dt.date:
    """A Wednesday at least a week ahead, so every session is in the future."""
    d = dt.date.today() + dt.timedelta(days=7)
    return d + dt.timedelta(days=(2 - d.weekday()) % 7)


def _make(store: Store, **kw) -> cs.SessionInfo:  # type: ignore[no-untyped-def]
    spec = cs.SessionSpec(
        **{
            "title_ko": "순창 고추장 담그기",
            "date": _day(),
            "start": dt.time(14, 0),
            "minutes": 120,
            "capacity": 2,
            "fee": 35_000,
            "instructor": "이수진",
            **kw,
        }
    )
    return store.db.transact(lambda uow: cs.create_session(uow, spec, user_id=store.cashier))


def _book(store: Store, s: cs.SessionInfo, name: str, seats: int, **kw) -> bk.BookingResult:  # type: ignore[no-untyped-def]
    r = bk.BookingRequest(name, "01012345678", seats, **kw)
    return store.db.transact(lambda uow: bk.book(uow, s.uuid, r, policy=POLICY, user_id=None))


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    lines = []
    w = ClassesWindow(
        Classes(store.db, POLICY, register_id="R01"),
        SyncRunner(),
        user_id=store.cashier,
        on_pay=lines.append,
        out_dir=tmp_path,
        today=_day(),
    )
    w.paid_lines = lines  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    return w


def _cells(w: ClassesWindow) -> dict[tuple[int, int], str]:
    cal = w.calendar
    return {
        (r, c): cal.item(r, c).text()
        for r in range(cal.rowCount())
        for c in range(cal.columnCount())
        if cal.item(r, c) is not None and cal.item(r, c).text()
    }


def test_week_and_month_calendar_per_room(window: ClassesWindow, store: Store) -> None:
    _make(store)
    _make(store, room=cs.MEETING, kind=cs.MEETING_KIND, title_ko="지역 네트워크 모임")
    _make(
        store, date=_day() + dt.timedelta(days=2), start=dt.time(10, 0), title_ko="횡성 한우 불고기"
    )
    window.refresh()
    cells = _cells(window)
    wed, fri = _day().weekday(), _day().weekday() + 2
    assert {c for (_r, c) in cells} == {wed, fri}
    assert any("순창 고추장 담그기" in t and "0/2" in t for t in cells.values())
    assert sum(1 for (_r, c) in cells if c == wed) == 2  # two rooms the same afternoon
    window.room.setCurrentIndex(window.room.findData(cs.KITCHEN))
    assert not any("네트워크" in t for t in _cells(window).values())
    window.toggle_view()
    assert window.calendar.rowCount() == 6
    month = _cells(window)
    assert any("순창 고추장" in t for t in month.values()) and len(month) == 42
    window.shift(1)  # next month: the range label moves
    assert window.range_label.text() != f"{_day():%Y-%m}"


def test_select_session_shows_bookings_waitlist_and_check_in(
    window: ClassesWindow, store: Store, qtbot
) -> None:  # type: ignore[no-untyped-def]
    s = _make(store)
    _book(store, s, "김영희", 2, allergies="갑각류", pay_on_arrival=True)
    _book(store, s, "박대기", 1)
    window.refresh()
    (pos,) = [k for k, t in _cells(window).items() if "순창" in t]
    window._cell_clicked(*pos)
    assert window.current is not None and window.current.uuid == s.uuid
    assert window.table.rowCount() == 2
    assert window.table.item(1, 3).text() == "대기 1번"
    assert window.table.item(0, 5).text() == "갑각류"
    window.table.selectRow(0)
    window.check_in()
    assert window.table.item(0, 6).text() == "✓"
    window.save_pdf("roster")
    assert "저장했습니다" in window.status.text()
    assert list(Path(window.out_dir).glob("class-roster-*.pdf"))  # type: ignore[arg-type]


def test_change_a_session_from_the_window(window: ClassesWindow, store: Store) -> None:
    s = _make(store, capacity=4, ingredients=(cs.Ingredient(store.gochujang, 1),))
    _book(store, s, "김영희", 2)
    window.refresh()
    (pos,) = [k for k, t in _cells(window).items() if "순창" in t]
    window._cell_clicked(*pos)

    def answer(dlg):  # type: ignore[no-untyped-def]
        # the dialog shows the session as it is, its ingredient by name
        assert dlg.windowTitle() == "수업 변경" and dlg.title_ko.text() == "순창 고추장 담그기"
        assert dlg.capacity.value() == 4 and dlg.start.time().hour() == 14
        assert dlg.table.item(0, 0).text().startswith("순창 전통 고추장")
        assert not dlg.weeks.isEnabled()
        dlg.capacity.setValue(6)
        dlg.start.setTime(QTime(16, 30))
        return QDialog.Accepted

    window.exec_dialog = answer  # type: ignore[method-assign]
    window.edit_session()
    assert "수업을 변경했습니다" in window.status.text(), window.status.text()
    after = store.db.read(lambda uow: cs.get_session(uow, s.uuid))
    assert after.capacity == 6 and after.local_start.time() == dt.time(16, 30)
    assert after.seats_taken == 2 and after.ingredients == s.ingredients

    def too_small(dlg):  # type: ignore[no-untyped-def]
        dlg.capacity.setValue(1)  # two seats are booked
        return QDialog.Accepted

    window.exec_dialog = too_small  # type: ignore[method-assign]
    window.edit_session()
    assert "2" in window.status.text() and window.status.styleSheet() == "color: #b00020;"
    assert store.db.read(lambda uow: cs.get_session(uow, s.uuid)).capacity == 6


def test_booking_dialog_checks_phone_and_shows_waitlist(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    s = _make(store)
    _book(store, s, "김영희", 1)
    s = store.db.read(lambda uow: cs.get_session(uow, s.uuid))
    dlg = BookingDialog(s)
    qtbot.addWidget(dlg)
    dlg.name.setText("최민수")  # QTest cannot type Hangul
    qtbot.keyClicks(dlg.phone, "010-12")
    assert "010-XXXX-XXXX" in dlg.phone_hint.text()
    dlg._accept()
    assert dlg.result() == 0  # not accepted with a bad phone
    qtbot.keyClicks(dlg.phone, "34-5678")
    assert dlg.phone_hint.text() == ""
    assert "35,000" in dlg.seat_hint.text()
    dlg.seats.setValue(2)
    assert "대기자" in dlg.seat_hint.text()
    dlg._accept()
    assert dlg.result() == 1
    assert dlg.request().seats == 2 and dlg.request().phone == "010-1234-5678"


def test_session_dialog_builds_a_spec(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    found = []

    def find(text, show):  # type: ignore[no-untyped-def]
        found.append(text)
        show(store.db.read(lambda uow: cp.find_ingredients(uow, text)))

    dlg = SessionDialog(_day(), [(1, "순창군")], find)
    qtbot.addWidget(dlg)
    dlg.title_ko.setText("고추장 클래스")
    dlg.search.setText("고추장")
    dlg._lookup()
    assert dlg.choices.count() == 1 and "순창 전통 고추장" in dlg.choices.itemText(0)
    dlg.per_seat.setValue(2)
    dlg._add_ingredient()
    dlg.region.setCurrentIndex(1)
    spec = dlg.spec()
    assert spec.title_ko == "고추장 클래스" and spec.region_id == 1
    assert spec.ingredients == (cs.Ingredient(store.gochujang, 2),) and spec.date == _day()


def test_pay_a_booking_on_the_checkout_ticket(
    window: ClassesWindow, store: Store, tmp_path: Path
) -> None:
    s = _make(store)
    b = _book(store, s, "김영희", 2).booking
    window.select(store.db.read(lambda uow: cs.get_session(uow, s.uuid)))
    window.table.selectRow(0)
    window.pay()
    (line,) = window.paid_lines  # type: ignore[attr-defined]
    checkout = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    checkout.sign_in("1111")
    checkout.add_line(line)
    sale = checkout.complete([Tender.cash(70_000)])
    assert sale.lines[0].name.startswith("[클래스] 순창 고추장 담그기")
    paid = store.db.read(lambda uow: bk.get_booking(uow, b.uuid))
    assert paid.status == bk.CONFIRMED and paid.receipt_no == sale.receipt_no
    window.refresh()
    window.table.selectRow(0)
    assert window.table.item(0, 4).text() == "70,000"
    assert window.calendar.item(0, _day().weekday()).data(Qt.UserRole) == s.uuid


def test_the_till_releases_expired_holds_every_minute(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from posapp.app import build
    from posapp.config import Settings
    from posapp.hardware.printer import PreviewPrinter

    s = _make(store)  # capacity 2
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    held = store.db.transact(
        lambda uow: bk.book(
            uow,
            s.uuid,
            bk.BookingRequest("김보류", "01011112222", 2),
            policy=POLICY,
            user_id=None,
            now=long_ago,
        )
    ).booking
    waiting = store.db.transact(  # a minute later: the seats were still held
        lambda uow: bk.book(
            uow,
            s.uuid,
            bk.BookingRequest("박대기", "01033334444", 1),
            policy=POLICY,
            user_id=None,
            now=long_ago + dt.timedelta(minutes=1),
        )
    ).booking
    assert held.status == bk.HELD and waiting.status == bk.WAITLIST
    settings = replace(Settings(), card=replace(Settings().card, terminal=""))
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path))
    qtbot.addWidget(parts.window)
    try:
        parts.release_class_holds()  # what the one-minute timer runs
        assert store.db.read(lambda uow: bk.get_booking(uow, held.uuid)).status == bk.EXPIRED
        assert store.db.read(lambda uow: bk.get_booking(uow, waiting.uuid)).status != bk.WAITLIST
    finally:
        parts.shutdown()


def test_cancel_a_paid_booking_asks_a_pin_bound_to_the_refund(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The refund goes through the one approval service: the PIN is asked for ``class.refund``
    with the refund amount as its bound; a cashier's PIN is refused, a manager's refunds."""
    from posapp.classes import booking_payment as bp
    from posapp.usecases.approvals import ApprovalRequest, Approvals

    s = _make(store)  # a week ahead: the full fee back
    b = _book(store, s, "김영희", 2).booking
    line = store.db.transact(lambda uow: bp.ticket_line(uow, b.uuid))
    store.db.transact(
        lambda uow: bp.pay(
            uow,
            b.uuid,
            [Tender.cash(line.qty * line.unit_price)],
            register_id="R01",
            user_id=store.cashier,
        )
    )
    asked: list[ApprovalRequest] = []
    pins = iter(["1111", "2222"])

    class Pins:
        def ask_pin(self, request: ApprovalRequest) -> str | None:
            asked.append(request)
            return next(pins)

    w = ClassesWindow(
        Classes(store.db, POLICY, register_id="R01"),
        SyncRunner(),
        user_id=store.cashier,
        approvals=Approvals(store.db),
        pins=Pins(),
        out_dir=tmp_path,
        today=_day(),
    )
    qtbot.addWidget(w)
    w.select(store.db.read(lambda uow: cs.get_session(uow, s.uuid)))
    w.table.selectRow(0)
    w.cancel_booking()  # the cashier's PIN: refused, nothing cancelled
    assert w.status.styleSheet() == "color: #b00020;"
    assert store.db.read(lambda uow: bk.get_booking(uow, b.uuid)).status == bk.CONFIRMED
    w.table.selectRow(0)
    w.cancel_booking()  # the manager's
    assert "70,000" in w.status.text(), w.status.text()
    assert [(r.action, dict(r.bound), r.permission) for r in asked] == [
        ("class.refund", {"amount": 70_000}, "refund")
    ] * 2
    done = store.db.read(lambda uow: bk.get_booking(uow, b.uuid))
    assert done.status == bk.CANCELLED and done.refunded_amount == 70_000


def test_a_card_paid_class_cancelled_is_cancelled_on_the_terminal(
    qtbot, store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Seen before: a booking paid by card, cancelled in the classes window, was recorded as
    refunded and its card cancel waited for the till's 3-minute retry. Through the app as built
    (F11, the manager's PIN, the 예약 취소 button): the cancel reaches the terminal at once,
    with the sale's approval number and the refund's amount, and nothing is left pending."""
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from posapp.app import build
    from posapp.classes import booking_payment as bp
    from posapp.config import Settings
    from posapp.hardware.card_terminal import from_uri
    from posapp.hardware.printer import PreviewPrinter
    from posapp.sales import card_cancels
    from posapp.sales.tenders import Method
    from tests.support.fake_terminal import FakeTerminal
    from tests.ui import test_checkout_flow as flow

    fake = FakeTerminal().start()
    s = _make(store)  # a week ahead: the full fee back
    b = _book(store, s, "김영희", 2).booking
    line = store.db.transact(lambda uow: bp.ticket_line(uow, b.uuid))
    fee = line.qty * line.unit_price
    a = from_uri(fake.uri).approve(fee, request_id="class-fee", timeout=5)
    card = Tender(
        Method.CARD,
        fee,
        approval_no=a.approval_no,
        approved_at=a.approved_at,
        card_masked=a.card_masked,
    )
    store.db.transact(
        lambda uow: bp.pay(uow, b.uuid, [card], register_id="R01", user_id=store.cashier)
    )
    settings = Settings()
    settings = replace(
        settings,
        card=replace(settings.card, terminal=fake.uri),
        sales=replace(settings.sales, customer_display=False),
    )
    parts = build(store.db, settings, runner=SyncRunner(), printer=PreviewPrinter(tmp_path / "p"))
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    script = flow.Script()
    window.ask = script  # type: ignore[assignment]
    try:
        flow.sign_in(qtbot, window, script)
        qtbot.keyClick(window, Qt.Key.Key_F11)
        (cls,) = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ClassesWindow) and w.isVisible()
        ]
        qtbot.addWidget(cls)
        cls.select(store.db.read(lambda uow: cs.get_session(uow, s.uuid)))
        cls.table.selectRow(0)
        script.push("pin", "2222")  # the manager's, for class.refund
        qtbot.mouseClick(cls.cancel_btn, Qt.MouseButton.LeftButton)
        assert "단말기로 보냈습니다" in cls.status.text(), cls.status.text()
        (cancel,) = fake.of("cancel")
        assert (cancel["approval_no"], cancel["amount"]) == (a.approval_no, fee)
        assert store.db.read(lambda uow: card_cancels.pending(uow)) == []
        done = store.db.read(lambda uow: bk.get_booking(uow, b.uuid))
        assert done.status == bk.CANCELLED and done.refunded_amount == fee
    finally:
        parts.shutdown()
        fake.down()
