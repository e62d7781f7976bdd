"""Several threads selling the same products at once: no lost update, no deadlock, no gap."""

from __future__ import annotations

import threading

from sqlalchemy import select

from posapp.db.models import Sale
from posapp.inventory import catalog
from posapp.sales import completion
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.verify import verify
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store

THREADS, SALES = 4, 20


def test_concurrent_sales_keep_stock_and_receipts_exact(store: Store) -> None:
    db = store.db
    apple, gochu = db.read(
        lambda uow: (
            catalog.scan(uow, APPLE_CODE).line,
            catalog.scan(uow, GOCHUJANG_CODE).line,
        )
    )
    errors: list[BaseException] = []

    def till(k: int) -> None:
        try:
            for _ in range(SALES):
                t = Ticket()
                first, second = (apple, gochu) if k % 2 else (gochu, apple)  # opposite orders
                t.add(first)
                t.add(second)
                db.transact(
                    lambda uow, t=t: completion.complete_sale(
                        uow, t, [Tender.cash(21_400)], register_id="R01", user_id=store.cashier
                    )
                )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=till, args=(k,)) for k in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors, errors
    sold = THREADS * SALES
    assert db.read(lambda uow: catalog.stock_on_hand(uow, store.apple)) == 8 - sold
    assert db.read(lambda uow: catalog.stock_on_hand(uow, store.gochujang)) == 10 - sold
    receipts = db.read(lambda uow: uow.session.scalars(select(Sale.receipt_no)).all())
    assert sorted(int(r[-4:]) for r in receipts) == list(range(1, sold + 1))
    assert verify(db).ok
