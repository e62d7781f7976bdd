"""A clock set back (issue 19, item 6): the till keeps selling, warns, and numbers in order.

The machine's clock is set back a day the way a person would do it in the OS settings: the
one clock the process reads (:func:`posapp.domain.calendar.set_clock`) says yesterday, so every
write, check and screen sees that. Sales go through the checkout window by key events; the
warning is read off the screen, the receipt numbers off the sales, the episode off the audit
trail and the steps back off ``verify``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from posapp.db.engine import Database
from posapp.db.models import AuditEvent, Sale
from posapp.domain import calendar
from posapp.inventory import catalog
from posapp.sales import completion, register_report
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.usecases.approvals import ApprovalRequest, Approvals
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.refund import REFUND
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support.scanning import scan
from tests.ui import test_office_keys
from tests.ui.test_checkout_flow import sign_in

till = test_office_keys.till  # the checkout window with its questions scripted


class MachineClock:
    """The machine's clock: right, or set back by some amount (and still ticking)."""

    def __init__(self) -> None:
        self.offset = dt.timedelta(0)

    def __call__(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset

    def set_back(self, by: dt.timedelta) -> None:
        self.offset = -by

    def set_right(self) -> None:
        self.offset = dt.timedelta(0)


@pytest.fixture
def machine_clock() -> Iterator[MachineClock]:
    clock = MachineClock()
    previous = calendar.set_clock(clock)
    yield clock
    calendar.set_clock(previous)


def _sell(qtbot, window, script, code: str) -> str:  # type: ignore[no-untyped-def]
    scan(code, window.search)
    script.push("tender", lambda total: ([Tender.cash(total)], None))
    qtbot.keyClick(window, Qt.Key.Key_F12)
    sale = window.session.last_sale
    assert sale is not None and "완료" in window.message.text(), window.message.text()
    return str(sale.receipt_no)


def _clock_events(db: Database) -> list[tuple[str, dict[str, Any]]]:
    a = AuditEvent.__table__
    rows = db.read(
        lambda uow: uow.conn.execute(
            select(a.c.action, a.c.after)
            .where(a.c.action.like("clock.%"))
            .order_by(a.c.id)
        ).all()
    )  # fmt: skip
    return [(action, after) for action, after in rows]


def test_a_clock_set_back_a_day_warns_keeps_selling_and_numbers_in_order(  # type: ignore[no-untyped-def]
    qtbot, till, store: Store, machine_clock: MachineClock
) -> None:
    window, script, _parts = till
    today = calendar.today()
    day = f"{today:%Y%m%d}"
    sign_in(qtbot, window, script)
    assert window.clock_label.isHidden()
    assert _sell(qtbot, window, script, APPLE_CODE) == f"R01-{day}-0001"

    machine_clock.set_back(dt.timedelta(days=1))  # someone sets the date to yesterday
    assert calendar.today() == today - dt.timedelta(days=1)
    second = _sell(qtbot, window, script, GOCHUJANG_CODE)
    third = _sell(qtbot, window, script, APPLE_CODE)
    # yesterday's sequence is not started again: today's numbers go on, in order
    assert (second, third) == (f"R01-{day}-0002", f"R01-{day}-0003")
    assert window.clock_label.isVisible()
    said = window.clock_label.text()
    assert "계산대 시계가 늦습니다" in said and "KST" in said
    yesterday = today - dt.timedelta(days=1)
    assert f"지금 {yesterday:%Y-%m-%d}" in said and f"마지막 기록 {today:%Y-%m-%d}" in said
    assert window.session.clock is not None
    assert window.session.clock.behind_by > dt.timedelta(hours=23)
    # the sale records the time the till believed; its day is the numbering day
    rows = store.db.read(
        lambda uow: uow.conn.execute(
            select(Sale.receipt_no, Sale.business_date, Sale.created_at).order_by(Sale.id)
        ).all()
    )
    assert [r.business_date for r in rows] == [today, today, today]
    assert calendar.business_day(rows[1].created_at) == yesterday
    events = _clock_events(store.db)
    assert [a for a, _ in events] == ["clock.behind"]  # one per episode, not one per sale
    assert events[0][1]["behind_seconds"] > 23 * 3600

    report = verify(store.db)
    assert report.ok, report.problems()
    assert len(report.notes) == 1 and "the clock was set back" in report.notes[0]
    assert f"{yesterday:%Y-%m-%d}" in report.notes[0] and f"{today:%Y-%m-%d}" in report.notes[0]

    machine_clock.set_right()
    assert _sell(qtbot, window, script, GOCHUJANG_CODE) == f"R01-{day}-0004"
    assert window.clock_label.isHidden()
    assert [a for a, _ in _clock_events(store.db)] == ["clock.behind", "clock.ok"]
    report = verify(store.db)
    assert report.ok and len(report.notes) == 1, (report.problems(), report.notes)


def test_the_warning_is_said_at_sign_in_and_once_across_a_restart(  # type: ignore[no-untyped-def]
    qtbot, till, store: Store, machine_clock: MachineClock
) -> None:
    window, script, _parts = till
    machine_clock.set_back(dt.timedelta(hours=3))
    sign_in(qtbot, window, script)
    assert window.clock_label.isVisible() and "늦습니다" in window.clock_label.text()
    # another process on the same database (the till restarted): the episode is not new
    again = Database(store.db.url)
    try:
        from posapp.usecases import clock
        from posapp.usecases.checkout import CheckoutSession, SessionSettings

        other = CheckoutSession(again, SessionSettings(register_id="R01"))
        assert clock.check(other) is not None
    finally:
        again.dispose()
    assert [a for a, _ in _clock_events(store.db)] == ["clock.behind"]


def test_a_back_dated_write_keeps_its_day_and_verify_flags_a_number_out_of_order(
    store: Store,
) -> None:
    """Outside a clock episode a sale written with an earlier time of its own (a back-dated
    import, a test) is numbered and counted on the day it names — not moved to today — and
    verify notes it; a number that goes back in a day's series is a problem."""
    db = store.db
    now = calendar.utc_now()
    today = calendar.business_day(now)
    yesterday = today - dt.timedelta(days=1)

    def sell(code: str, **kw: Any) -> tuple[str, dt.date]:
        line = db.read(lambda uow: catalog.scan(uow, code).line)
        t = Ticket()
        t.add(line)
        sale = db.transact(
            lambda uow: completion.complete_sale(
                uow, t, [Tender.cash(t.priced().total)], register_id="R01",
                user_id=store.cashier, **kw,
            )
        )  # fmt: skip
        row = db.read(
            lambda uow: uow.conn.execute(
                select(Sale.business_date).where(Sale.receipt_no == sale.receipt_no)
            ).scalar_one()
        )
        return str(sale.receipt_no), row

    assert sell(APPLE_CODE, now=now) == (f"R01-{today:%Y%m%d}-0001", today)
    # written back-dated a day after today's sale (no clock.behind episode): its own day
    back = now - dt.timedelta(days=1)
    assert sell(GOCHUJANG_CODE, now=back) == (f"R01-{yesterday:%Y%m%d}-0001", yesterday)
    report = verify(db)
    assert report.ok, report.problems()
    assert any("no clock.behind event records it" in n for n in report.notes), report.notes
    assert any("an earlier day's number" in n for n in report.notes), report.notes
    # a hand-made number ahead of today's counter (a replayed number): the counter's next
    # number then goes back in today's series
    sell(APPLE_CODE, now=now, receipt_no=f"R01-{today:%Y%m%d}-0005")
    assert sell(APPLE_CODE, now=now)[0] == f"R01-{today:%Y%m%d}-0002"
    report = verify(db)
    assert any(
        "out of order" in p and p.startswith(f"receipt R01-{today:%Y%m%d}-0002")
        for p in report.clock
    ), report.clock


def test_a_shift_opened_while_the_clock_is_behind_counts_in_todays_z(
    store: Store, tmp_path: Any, machine_clock: MachineClock
) -> None:
    """The day's Z still adds up: the shift opened, the sale and the refund made while the clock
    says yesterday are counted on today (the day their numbers carry), and yesterday — a day
    already closed — gains nothing."""
    today = calendar.today()
    yesterday = today - dt.timedelta(days=1)
    s = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    s.sign_in("1111")
    s.scan(APPLE_CODE)
    first = s.complete([Tender.cash(12_900)])
    s.close_shift({10_000: 15})

    machine_clock.set_back(dt.timedelta(days=1))
    opened = s.open_shift({10_000: 10})
    assert s.clock is not None
    assert opened.business_date == today
    s.scan(GOCHUJANG_CODE)
    second = s.complete([Tender.cash(8_500)])
    approval = Approvals(s).verify("2222", ApprovalRequest(action=REFUND, title="", prompt=""))
    refund = s.refund(second.receipt_no, {1: 1}, "단순 변심", approval)
    day = f"{today:%Y%m%d}"
    assert (first.receipt_no, second.receipt_no, refund.receipt_no) == (
        f"R01-{day}-0001", f"R01-{day}-0002", f"R01-{day}-0003",
    )  # fmt: skip
    z = s.close_shift({10_000: 10})
    assert (z.sales_count, z.refunds_count, z.net_total) == (1, 1, 0)

    def totals(uow, on: dt.date):  # type: ignore[no-untyped-def]
        shifts = register_report.day_z_report(uow, "R01", on)
        by_day = register_report.register_totals(uow, "X", "R01", [], on, 0, calendar.utc_now())
        return shifts, by_day

    day_z, by_day = store.db.read(lambda uow: totals(uow, today))
    # the day's Z (its shifts) and the day's sales (by business date) agree
    assert (day_z.sales_count, day_z.refunds_count) == (2, 1)
    assert (by_day.sales_count, by_day.refunds_count, by_day.net_total) == (
        day_z.sales_count, day_z.refunds_count, day_z.net_total,
    )  # fmt: skip
    past_z, past_day = store.db.read(lambda uow: totals(uow, yesterday))
    assert (past_z.sales_count, past_day.sales_count, past_day.refunds_count) == (0, 0, 0)
    assert verify(store.db).ok, verify(store.db).problems()


def test_verify_flags_a_past_days_number_written_while_the_clock_is_behind(
    store: Store, tmp_path: Any, machine_clock: MachineClock
) -> None:
    """While an episode is open the till numbers on the later day; a number of an earlier day
    written then (a hand-made one, or a till that missed the episode) is a problem, not a
    note."""
    today = calendar.today()
    yesterday = today - dt.timedelta(days=1)
    s = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    s.sign_in("1111")
    s.scan(APPLE_CODE)
    s.complete([Tender.cash(12_900)])
    machine_clock.set_back(dt.timedelta(days=1))
    assert s.check_clock() is not None  # the episode is open
    line = store.db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE).line)
    t = Ticket()
    t.add(line)
    no = f"R01-{yesterday:%Y%m%d}-0009"
    store.db.transact(
        lambda uow: completion.complete_sale(
            uow, t, [Tender.cash(8_500)], register_id="R01", user_id=store.cashier,
            now=calendar.utc_now(), receipt_no=no,
        )
    )  # fmt: skip
    report = verify(store.db)
    assert any(
        p.startswith(f"receipt {no}") and "numbered on a past day" in p for p in report.clock
    ), (
        report.clock,
        report.notes,
    )
