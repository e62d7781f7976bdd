"""Tax classes with effective dates (issue 20, item 5), on both backends: 고추장 (과세, 8,500)
scheduled to become 면세 from 2026-10-10. A sale at 23:59 on 10-09 (Seoul) is 과세, one at
00:00 on 10-10 is 면세, whether or not the change has been applied to the product yet; every
report keeps the class each line was sold under, also after the product changes again."""

from __future__ import annotations

import datetime as dt

import pytest

from posapp.domain import calendar
from posapp.inventory import catalog, tax_classes
from posapp.inventory.tax_classes import TaxScheduleError
from posapp.reports import catalog as reports
from posapp.reports import vat
from posapp.reports.model import Period
from posapp.sales import completion
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from tests.conftest import GOCHUJANG_CODE, Store

DAY = dt.date(2026, 10, 10)


def sell_at(store: Store, at: dt.datetime) -> str:
    day = calendar.business_day(at)
    t = Ticket()
    t.add(store.db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE, on=day)).line)
    return store.db.transact(
        lambda uow: completion.complete_sale(
            uow, t, [Tender.cash(8_500)], register_id="R01", user_id=store.cashier, now=at
        )
    ).receipt_no


def test_a_tax_class_changing_at_midnight(store: Store) -> None:
    changes = store.db.transact(
        lambda uow: tax_classes.schedule(
            uow,
            tax_class="exempt",
            effective_from=DAY,
            product_ids=[store.gochujang],
            user_id=store.manager,
            reason="시험",
            today=dt.date(2026, 10, 1),
        )
    )
    assert [(c.product_id, c.tax_class, c.state_ko) for c in changes] == [
        (store.gochujang, "exempt", "예약")
    ]
    before = calendar.local_instant(DAY - dt.timedelta(days=1), dt.time(23, 59))
    after = calendar.local_instant(DAY, dt.time(0, 0))
    assert (after - before) == dt.timedelta(minutes=1)
    sell_at(store, before)
    sell_at(store, after)  # not applied yet: the till reads the due change
    assert store.db.transact(lambda uow: tax_classes.apply_due(uow, today=DAY)) == 1
    assert store.db.transact(lambda uow: tax_classes.apply_due(uow, today=DAY)) == 0
    sell_at(store, calendar.local_instant(DAY, dt.time(9, 0)))  # applied: the product's own
    product = store.db.read(lambda uow: catalog.products_by_id(uow, [store.gochujang]))
    assert product[store.gochujang].tax_class.value == "exempt"
    # the product goes back to 과세 by hand later: October keeps what each line was sold under
    from posapp.inventory.products import ProductEdit, update_product

    store.db.transact(
        lambda uow: update_product(
            uow, store.gochujang, ProductEdit(tax_class="taxable"), user_id=store.manager
        )
    )
    october = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    r = store.db.read(lambda uow: vat.vat_return(uow, october))
    # one 과세 8,500 (7,727 + 773) and two 면세 8,500, all cash without a receipt: 기타
    assert r.row("기타 (현금·상품권 등)")[1:] == (3, 25_500, 8_500, 7_727, 773, 17_000)
    daily = store.db.read(lambda uow: reports.run(uow, "daily", october))
    assert daily.row("2026-10-09")[7:] == (8_500, 0, 7_727, 773)
    assert daily.row("2026-10-10")[7:] == (0, 17_000, 0, 0)


def test_scheduling_is_checked_and_a_change_can_be_cancelled(store: Store) -> None:
    today = dt.date(2026, 10, 1)

    def schedule(**kw):  # type: ignore[no-untyped-def]
        args = {
            "tax_class": "exempt",
            "effective_from": DAY,
            "product_ids": [store.gochujang],
            "user_id": store.manager,
            "today": today,
        }
        return store.db.transact(lambda uow: tax_classes.schedule(uow, **{**args, **kw}))

    with pytest.raises(TaxScheduleError) as e:
        schedule(effective_from=today - dt.timedelta(days=1))
    assert e.value.code == "tax_schedule.past"
    with pytest.raises(TaxScheduleError) as e:
        schedule(tax_class="zero")
    assert e.value.code == "inventory.tax"
    with pytest.raises(TaxScheduleError) as e:
        schedule(product_ids=[99_999])
    assert e.value.code == "tax_schedule.nothing"
    (change,) = schedule()
    store.db.transact(lambda uow: tax_classes.cancel(uow, change.id, user_id=store.manager))
    on_day = store.db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE, on=DAY))
    assert on_day.line.tax_class.value == "taxable"  # cancelled: never applies
    assert store.db.transact(lambda uow: tax_classes.apply_due(uow, today=DAY)) == 0
    with pytest.raises(TaxScheduleError) as e:
        store.db.transact(lambda uow: tax_classes.cancel(uow, change.id, user_id=None))
    assert e.value.code == "tax_schedule.unknown"
    # a whole category (장류) at once
    made = schedule(product_ids=None, category_id=_category(store, "장류"))
    assert [c.product_id for c in made] == [store.gochujang]


def _category(store: Store, name: str) -> int:
    return int(
        store.db.read(
            lambda uow: uow.conn.exec_driver_sql(
                f"SELECT id FROM categories WHERE name = '{name}'"
            ).scalar()
        )
    )


def test_the_cli_schedules_lists_and_applies(store: Store) -> None:
    from tests.reports.test_exports_cli import admin

    url = store.db.engine.url.render_as_string(hide_password=False)
    tomorrow = (calendar.today() + dt.timedelta(days=1)).isoformat()
    done = admin(
        url, "tax-class", "schedule", "--category", "장류", "--class", "면세", "--from", tomorrow,
        "--reason", "한시 면세", "--user", "박지민",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert "1 change(s) scheduled" in done.stdout.decode()
    listed = admin(url, "tax-class", "list").stdout.decode()
    assert tomorrow in listed and "예약" in listed and "순창 전통 고추장 1kg" in listed
    applied = admin(url, "tax-class", "apply", "--user", "박지민")  # a write: who, with a PIN
    assert "0 product(s) changed" in applied.stdout.decode(), applied.stderr.decode()
    refused = admin(url, "tax-class", "apply")  # nobody named: refused, nothing written
    assert refused.returncode != 0 and "--user" in refused.stderr.decode()
    past = admin(
        url, "tax-class", "schedule", "--product", GOCHUJANG_CODE, "--class", "taxable",
        "--from", "2020-01-01", "--user", "박지민",
    )  # fmt: skip
    assert past.returncode != 0 and b"Traceback" not in past.stderr
