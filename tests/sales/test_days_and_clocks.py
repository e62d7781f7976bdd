"""Days and clocks (issue 19, item 6): the Z of a business day when a shift spans midnight.

A shift from 21:00 to 01:00 KST: before, the first day's Z counted the whole drawer against
only the sales before midnight (과잉 shown for the later sales) and the next day's Z had those
sales with no float and no count. Now a day's Z holds the shifts opened that day, whole, and
says so on paper."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from posapp.inventory import catalog
from posapp.sales import completion, register_report, shifts
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store

KST = ZoneInfo("Asia/Seoul")


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), KST).astimezone(dt.UTC)


def test_a_shift_from_21_to_01_kst_is_one_days_z_whole(store: Store) -> None:
    db = store.db
    day = dt.date.today() - dt.timedelta(days=3)
    nxt = day + dt.timedelta(days=1)
    shift = db.transact(
        lambda uow: shifts.open_shift(uow, "R02", store.cashier, {10_000: 10}, now=_at(day, 21))
    )
    for code, at in ((APPLE_CODE, _at(day, 22)), (GOCHUJANG_CODE, _at(nxt, 0, 30))):
        line = db.read(lambda uow, code=code: catalog.scan(uow, code).line)
        t = Ticket()
        t.add(line)
        db.transact(
            lambda uow, t=t, at=at: completion.complete_sale(
                uow, t, [Tender.cash(t.priced().total)], register_id="R02",
                user_id=store.cashier, now=at,
            )
        )  # fmt: skip
    counts = {10_000: 12, 1_000: 1, 100: 4}  # 100,000 float + 12,900 + 8,500 = 121,400
    closing = db.transact(
        lambda uow: shifts.close_shift(uow, shift.id, store.cashier, counts, now=_at(nxt, 1))
    )
    assert closing.over_short == 0
    first = db.read(lambda uow: register_report.day_z_report(uow, "R02", day))
    assert first.sales_count == 2 and first.net_total == 21_400
    assert first.opening_float == 100_000 and first.counted_cash == 121_400
    assert first.over_short == 0  # before: 과잉 ₩8,500
    second = db.read(lambda uow: register_report.day_z_report(uow, "R02", nxt))
    assert second.sales_count == 0 and second.net_total == 0  # before: a sale, no float/count
    paper = register_report.format_report(first)
    assert "자정 이후 판매 포함" in paper and "과부족" in paper
    assert "기록 검증값" in paper
    assert verify(db).ok
