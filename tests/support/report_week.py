"""A hand-computed week of sales for the report tests (figures worked out in the test docstrings).

D1 and D2 are the Seoul business days three and two days before today:

* S1  D1 10:00 KST: 2 apples (exempt, 12,900) + 1 gochujang (taxable, 8,500) = 34,300, cash
* S2  D1 23:30 KST (14:30 UTC, still D1): 1 gochujang −10 % line discount = 7,650, card
* S3  D2 00:30 KST (15:30 UTC on D1!): 1 apple − ₩1,000 ticket discount = 11,900, cash
* R1  D2 11:00 KST: refund of one apple of S1 (a D1 sale) = −12,900, cash
* gochujang received from its purchase supplier on D1 09:00 KST: 4 × ₩5,000 (one lot)
* 영주농협 (apples) is a consignment supplier at 20 %; 순창장류 (gochujang) buys outright
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from posapp.domain import calendar
from posapp.domain.cart import Discount
from posapp.inventory import catalog, partners, receiving
from posapp.sales import completion, refunds
from posapp.sales.tenders import Method, Tender
from posapp.sales.ticket import Ticket
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store


def kst(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return calendar.local_instant(day, dt.time(hour, minute))


@dataclass
class Week:
    d1: dt.date
    d2: dt.date
    today: dt.date
    s1: str
    s2: str
    s3: str
    r1: str
    apple_producer: int
    gochu_producer: int


def build_week(store: Store) -> Week:
    db = store.db
    today = calendar.today()
    d1 = today - dt.timedelta(days=3)
    d2 = d1 + dt.timedelta(days=1)

    def producers(uow):  # type: ignore[no-untyped-def]
        ids = {}
        for p in partners.list_producers(uow):
            kind, rate = ("consignment", 20) if p.name == "영주농협" else ("purchase", None)
            partners.save_producer(
                uow,
                user_id=store.manager,
                producer_id=p.id,
                name=p.name,
                region_id=p.region_id,
                kind=kind,
                commission_rate=rate,
            )
            ids[p.name] = p.id
        receiving.receive(
            uow,
            [receiving.ReceiveLine(store.gochujang, 4, today + dt.timedelta(days=100), 5_000)],
            user_id=store.manager,
            supplier_id=ids["순창장류"],
            now=kst(d1, 9),
        )
        return ids["영주농협"], ids["순창장류"]

    apple_p, gochu_p = db.transact(producers)

    def line(code: str):  # type: ignore[no-untyped-def]
        return db.read(lambda uow: catalog.scan(uow, code)).line

    def sell(t: Ticket, tenders: list[Tender], at: dt.datetime) -> str:
        return db.transact(
            lambda uow: completion.complete_sale(
                uow, t, tenders, register_id=store.register, user_id=store.cashier, now=at
            )
        ).receipt_no

    t = Ticket()
    t.add(line(APPLE_CODE).with_qty(2))
    t.add(line(GOCHUJANG_CODE))
    s1 = sell(t, [Tender.cash(50_000)], kst(d1, 10))
    t = Ticket()
    t.add(line(GOCHUJANG_CODE))
    t.set_line_discount(0, Discount("percent", 10))
    s2 = sell(
        t, [Tender(Method.CARD, 7_650, approval_no="1", card_masked="1234-****")], kst(d1, 23, 30)
    )
    t = Ticket()
    t.add(line(APPLE_CODE))
    t.set_discount(Discount("amount", 1_000))
    s3 = sell(t, [Tender.cash(11_900)], kst(d2, 0, 30))
    r1 = db.transact(
        lambda uow: refunds.refund(
            uow,
            s1,
            register_id=store.register,
            user_id=store.cashier,
            approved_by=store.manager,
            lines={1: 1},
            reason="멍든 사과",
            now=kst(d2, 11),
        )
    ).receipt_no
    return Week(d1, d2, today, s1, s2, s3, r1, apple_p, gochu_p)
