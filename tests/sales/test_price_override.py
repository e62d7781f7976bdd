"""A line's unit price changed at the till (price_override) on a real database (SQLite, and
PostgreSQL when configured): who may, the sale line and its journal document, the audit event,
the receipt, refunds, held tickets and verify."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from posapp import audit
from posapp.auth import permissions
from posapp.auth.service import AuthError, Role, create_user
from posapp.config import Settings
from posapp.db.models import SaleLine
from posapp.domain.cart import PriceOverride
from posapp.domain.errors import PriceError
from posapp.hardware.receipt import layout_sale
from posapp.inventory import catalog
from posapp.sales import completion, holds, price_override, refunds
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.usecases.receipts import sale_receipt
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store


def ticket(store: Store, *codes: str) -> Ticket:
    t = Ticket()
    for code in codes:
        t.add(store.db.read(lambda uow, c=code: catalog.scan(uow, c)).line)
    return t


def sell(store: Store, t: Ticket, **kw):  # type: ignore[no-untyped-def]
    return store.db.transact(
        lambda uow: completion.complete_sale(
            uow,
            t,
            [Tender.cash(100_000)],
            register_id=store.register,
            user_id=store.cashier,
            **kw,
        )
    )


def authorize(store: Store, user_id: int, approved_by: int | None = None) -> int:
    return store.db.read(
        lambda uow: price_override.authorize_price_override(uow, user_id, approved_by)
    ).id


def test_who_may_change_a_price(store: Store) -> None:
    with pytest.raises(AuthError) as e:
        authorize(store, store.cashier)
    assert e.value.code == "auth.approval_required"
    assert e.value.data["permission"] == "price_override"
    assert authorize(store, store.cashier, store.manager) == store.manager
    assert authorize(store, store.manager) == store.manager
    admin = store.db.transact(lambda uow: create_user(uow, "관리자", Role.ADMIN, "9999").id)
    store.db.transact(lambda uow: permissions.grant(uow, admin, Role.CASHIER, "price_override"))
    assert authorize(store, store.cashier) == store.cashier


def test_an_overridden_line_is_sold_audited_printed_and_verified(store: Store) -> None:
    t = ticket(store, APPLE_CODE, APPLE_CODE, GOCHUJANG_CODE)
    t.override_price(1, 7_000, "파손·흠집 상품", store.manager)
    assert t.lines[1].unit_price == 7_000 and t.lines[1].regular_price == 8_500
    # another scan of the changed product is a line of its own at the catalogue price
    t.add(store.db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE)).line)
    assert len(t) == 3 and t.lines[2].price_override is None
    sale = sell(store, t)
    assert sale.total == 2 * 12_900 + 7_000 + 8_500
    rows = store.db.read(
        lambda uow: uow.conn.execute(
            select(
                SaleLine.line_no,
                SaleLine.unit_price,
                SaleLine.regular_price,
                SaleLine.price_override_reason,
                SaleLine.price_override_by,
            )
            .where(SaleLine.sale_id == sale.id)
            .order_by(SaleLine.line_no)
        ).all()
    )
    assert [tuple(r) for r in rows] == [
        (1, 12_900, None, None, None),
        (2, 7_000, 8_500, "파손·흠집 상품", store.manager),
        (3, 8_500, None, None, None),
    ]
    (ev,) = store.db.read(
        lambda uow: audit.list_events(uow, audit.AuditFilter(action="price.override"))
    )
    assert (ev.user_id, ev.register_id, ev.target) == (
        store.manager,
        "R01",
        f"{sale.receipt_no} #2",
    )
    assert ev.before == {"unit_price": 8_500}
    assert ev.after == {
        "unit_price": 7_000,
        "reason": "파손·흠집 상품",
        "product_id": store.gochujang,
        "qty": 1,
        "cashier": store.cashier,
    }
    text = layout_sale(sale_receipt(sale, Settings(), cashier="김하늘")).text()
    assert "가격변경" in text and "8,500 → 7,000" in text
    assert text.count("가격변경") == 1
    assert verify(store.db).ok  # the journal document rebuilt from the tables matches
    # a refund gives back what was paid, not the catalogue price
    refund = store.db.transact(
        lambda uow: refunds.refund(
            uow,
            sale.receipt_no,
            register_id="R01",
            user_id=store.cashier,
            approved_by=store.manager,
            lines={2: 1},
        )
    )
    assert refund.total == -7_000
    assert verify(store.db).ok


def test_the_sale_checks_the_override_again(store: Store) -> None:
    t = ticket(store, GOCHUJANG_CODE)
    t.override_price(0, 5_000, "가격표 불일치", store.cashier)  # not allowed: no permission
    with pytest.raises(AuthError) as e:
        sell(store, t)
    assert e.value.code == "auth.approval_required"
    # held with a manager's override, recalled after the manager's role lost the permission
    t = ticket(store, GOCHUJANG_CODE)
    t.override_price(0, 5_000, "가격표 불일치", store.manager)
    held = store.db.transact(
        lambda uow: holds.hold(uow, t, register_id="R01", user_id=store.cashier)
    )
    back = store.db.transact(lambda uow: holds.recall(uow, held.id))
    assert back.lines[0].price_override == PriceOverride(8_500, "가격표 불일치", store.manager)
    admin = store.db.transact(lambda uow: create_user(uow, "관리자", Role.ADMIN, "9999").id)
    store.db.transact(lambda uow: permissions.revoke(uow, admin, Role.MANAGER, "price_override"))
    with pytest.raises(AuthError):
        sell(store, back)
    store.db.transact(lambda uow: permissions.grant(uow, admin, Role.MANAGER, "price_override"))
    assert sell(store, back).total == 5_000
    assert verify(store.db).ok


def test_sales_without_overrides_are_unchanged_around_one(store: Store) -> None:
    # on PostgreSQL the second and fourth sales take the one-round-trip path; the overridden
    # third takes the general one (audited): the chain and the receipt numbers stay whole
    for price in (None, None, 6_000, None):
        t = ticket(store, GOCHUJANG_CODE)
        if price is not None:
            t.override_price(0, price, "유통기한 임박", store.manager)
        sell(store, t)
    report = verify(store.db)
    assert report.ok, report


def test_bad_overrides_are_refused() -> None:
    from posapp.domain.cart import CartLine, Unit
    from posapp.domain.tax import TaxClass

    line = CartLine(1, "사과", TaxClass.EXEMPT, Unit.EA, 1, 12_900)
    with pytest.raises(PriceError) as e:
        line.with_price(10_000, "  ", 2)
    assert e.value.code == "price.override_reason"
    with pytest.raises(PriceError):
        line.with_price(-1, "파손", 2)
    label = CartLine(2, "한우", TaxClass.EXEMPT, Unit.G100, 437, 12_800, fixed_amount=55_936)
    with pytest.raises(PriceError) as e:
        label.with_price(10_000, "파손", 2)
    assert e.value.code == "price.fixed_label"
    changed = line.with_price(10_000, "파손", 2).with_price(9_000, "파손 심함", 3)
    assert changed.price_override == PriceOverride(12_900, "파손 심함", 3)
    assert changed.with_price(12_900, "", 3) == line  # back at the catalogue price
    t = Ticket(lines=[changed])
    assert Ticket.from_json(t.to_json()).lines == [changed]
