"""A return without a receipt while the till's clock is set back (issue 19 item 6 and 18.7): it
is numbered and counted like every other document of the episode — on today's series, after
the sales made before it — never on yesterday's closed day. Driven at the till: the goods
scanned by the wedge, Ctrl+F8, the reason and a manager's PIN; the numbers read off the sales
and ``verify``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from posapp.db.models import Sale
from posapp.domain import calendar
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store
from tests.ui.test_checkout_flow import sign_in
from tests.ui.test_clock_set_back import MachineClock, _sell, machine_clock  # noqa: F401
from tests.ui.test_exchange import till  # noqa: F401  (fixtures)
from tests.ui.test_no_receipt import counter, ctrl_f8, wedge  # noqa: F401


def test_a_return_without_a_receipt_while_the_clock_is_behind_takes_todays_next_number(  # type: ignore[no-untyped-def]
    qtbot,
    counter,  # noqa: F811
    store: Store,
    machine_clock: MachineClock,  # noqa: F811
) -> None:
    window, script, _parts = counter
    today = calendar.today()
    day = f"{today:%Y%m%d}"
    sign_in(qtbot, window, script)
    assert _sell(qtbot, window, script, APPLE_CODE) == f"R01-{day}-0001"
    machine_clock.set_back(dt.timedelta(days=1))  # someone sets the date to yesterday
    assert _sell(qtbot, window, script, GOCHUJANG_CODE) == f"R01-{day}-0002"

    wedge(window, SALT_CODE)
    script.push("no_receipt_reason", ("선물 받음", ""))
    script.push("pin", "2222")
    ctrl_f8(qtbot, window)
    assert "영수증 없는 반품" in window.message.text(), window.message.text()
    rows = store.db.read(
        lambda uow: uow.conn.execute(
            select(Sale.receipt_no, Sale.kind, Sale.business_date).order_by(Sale.id)
        ).all()
    )
    assert [tuple(r) for r in rows] == [
        (f"R01-{day}-0001", "sale", today),
        (f"R01-{day}-0002", "sale", today),
        (f"R01-{day}-0003", "refund", today),  # not R01-<yesterday>-0001 on a closed day
    ]
    report = verify(store.db)
    assert report.ok, report.problems()
