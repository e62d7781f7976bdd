"""A till selling in a loop until it is killed, as a child process (the kill -9 and backup
tests): ``python -m tests.support.sale_loop DATABASE_URL CODE...``; prints "selling" once
the first sale is committed."""

from __future__ import annotations

import sys

from posapp.db.engine import Database
from posapp.inventory import catalog
from posapp.sales import completion
from posapp.sales.tenders import Method, Tender
from posapp.sales.ticket import Ticket


def main(url: str, codes: list[str]) -> None:
    db = Database(url)
    user = 1
    lines = db.read(lambda uow: [catalog.scan(uow, c).line for c in codes])
    n = 0
    while True:
        t = Ticket()
        for ln in lines:
            t.add(ln, merge=False)
        total = t.priced().total
        tenders = [
            Tender(Method.CARD, total // 2, approval_no="1", card_masked="1234-56**-****-7890"),
            Tender.cash(total - total // 2 + 1000),
        ]
        db.transact(
            lambda uow, t=t, td=tenders: completion.complete_sale(
                uow, t, td, register_id="R01", user_id=user
            )
        )
        n += 1
        if n == 1:
            print("selling", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
