"""Exchanges (교환) in the sale engine: the refund of the returned lines and the sale of the new
goods in one transaction, sharing an exchange id; the refund's guard against a line refunded
twice; stock, journal, outbox and X report right (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from posapp.db.models import OutboxEvent, Payment, Sale
from posapp.sales import exchanges, refunds, register_report, sale_records
from posapp.sales.exchanges import ExchangeTerms
from posapp.sales.tenders import Method, Tender
from posapp.sales.ticket import Ticket
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store
from tests.sales.test_sale_engine import card, on_hand, scan, sell


def _exchange(store: Store, receipt_no: str, lines: dict[int, int], ticket: Ticket, **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("approved_by", store.manager)
    return store.db.transact(
        lambda uow: exchanges.exchange(
            uow,
            ticket,
            receipt_no,
            lines,
            exchange_id=kw.pop("exchange_id", exchanges.new_exchange_id()),
            register_id="R01",
            user_id=store.cashier,
            **kw,
        )
    )


def test_dearer_goods_the_customer_pays_the_difference(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, GOCHUJANG_CODE).line)  # ₩8,500 taxable
    sale = sell(store, t, [card(8_500)])
    new = Ticket()
    new.add(scan(store, APPLE_CODE).line)  # ₩12,900 exempt
    done = _exchange(store, sale.receipt_no, {1: 1}, new, pay=[Tender.cash(5_000)])
    assert done.terms == ExchangeTerms(8_500, 12_900)
    assert done.refund.total == -8_500 and done.sale.total == 12_900
    (credit_out,) = done.refund.payments  # nothing given back: the card is not cancelled
    assert (credit_out.method, credit_out.amount) == ("exchange", -8_500)
    credit_in, cash = done.sale.payments
    assert (credit_in.method, credit_in.amount) == ("exchange", 8_500)
    assert (cash.method, cash.amount, cash.change) == ("cash", 4_400, 600)
    # the two documents share the exchange id; the refund points at the sale it returns
    rows = store.db.read(
        lambda uow: (
            uow.conn.execute(select(Payment.reference).where(Payment.method == "exchange"))
            .scalars()
            .all()
        )
    )
    assert rows == [done.exchange_id, done.exchange_id]
    # VAT: the refund gives back the taxable 고추장, the sale sells the exempt 사과
    assert (done.refund.tax.supply_value, done.refund.tax.vat) == (-7_727, -773)
    assert done.sale.tax.exempt_total == 12_900 and done.sale.tax.vat == 0
    assert on_hand(store, store.gochujang) == 10 and on_hand(store, store.apple) == 7
    kinds = store.db.read(
        lambda uow: (
            uow.conn.execute(select(OutboxEvent.kind).order_by(OutboxEvent.id)).scalars().all()
        )
    )
    assert kinds[-2:] == ["refund", "sale"]
    assert verify(store.db).ok


def test_cheaper_goods_the_rest_goes_back_the_way_it_was_paid(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line.with_qty(2))  # ₩25,800 by card
    sale = sell(store, t, [card(25_800)])
    new = Ticket()
    new.add(scan(store, SALT_CODE).line)  # ₩6,000
    done = _exchange(store, sale.receipt_no, {1: 1}, new)
    assert done.terms.to_give == 6_900
    credit, back = done.refund.payments
    assert (credit.method, credit.amount) == ("exchange", -6_000)
    # the engine alone cannot reach the terminal: the partial cancel waits, naming the approval
    assert (back.method, back.amount, back.original_approval_no) == (
        "card_pending",
        -6_900,
        "30012345",
    )
    assert [(p.method, p.amount) for p in done.sale.payments] == [("exchange", 6_000)]
    report = store.db.read(lambda uow: register_report.x_report(uow, store.shift_id))
    text = register_report.format_report(report)
    assert "교환 충당 2건" in text


def test_a_line_already_refunded_is_refused_and_nothing_is_written(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    sale = sell(store, t, [Tender.cash(20_000)])
    store.db.transact(
        lambda uow: refunds.refund(
            uow,
            sale.receipt_no,
            register_id="R01",
            user_id=store.cashier,
            approved_by=store.manager,
        )
    )
    before = store.db.read(lambda uow: len(uow.conn.execute(select(Sale.id)).all()))
    new = Ticket()
    new.add(scan(store, SALT_CODE).line)
    with pytest.raises(sale_records.SaleError) as err:
        _exchange(store, sale.receipt_no, {1: 1}, new)
    assert err.value.code == "refund.too_many"
    after = store.db.read(lambda uow: len(uow.conn.execute(select(Sale.id)).all()))
    assert after == before and on_hand(store, store.salt) == 0


def test_an_exchange_tender_outside_its_exchange_is_refused(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    with pytest.raises(sale_records.SaleError) as err:
        sell(store, t, [Tender(Method.EXCHANGE, 12_900, reference="x")])
    assert err.value.code == "refund.exchange"
    t2 = Ticket()
    t2.add(scan(store, APPLE_CODE).line)
    sale = sell(store, t2, [Tender.cash(12_900)])
    with pytest.raises(sale_records.SaleError) as err:  # a refund handing its money elsewhere
        store.db.transact(
            lambda uow: refunds.refund(
                uow,
                sale.receipt_no,
                register_id="R01",
                user_id=store.cashier,
                approved_by=store.manager,
                tenders=[Tender(Method.EXCHANGE, 12_900, reference="x")],
            )
        )
    assert err.value.code == "refund.exchange"


def test_an_exchange_without_new_goods_is_refused(store: Store) -> None:
    t = Ticket()
    t.add(scan(store, APPLE_CODE).line)
    sale = sell(store, t, [Tender.cash(12_900)])
    with pytest.raises(sale_records.SaleError) as err:
        _exchange(store, sale.receipt_no, {1: 1}, Ticket())
    assert err.value.code == "refund.exchange_empty"
