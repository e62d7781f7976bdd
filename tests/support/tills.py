"""Child-process bodies for the multi-process tests: tills that sell, open shifts or migrate.

Each runs in its own interpreter (multiprocessing ``spawn``), waits for a shared start time so
that all of them hit the database at the same moment, and reports back through a queue.
"""

from __future__ import annotations

import random
import time
import traceback
from typing import Any

from posapp.db.engine import Database


def _wait(start_at: float) -> None:
    time.sleep(max(0.0, start_at - time.time()))


def sell(
    url: str,
    register: str,
    user: int,
    product_ids: list[int],
    sales: int,
    seed: int,
    start_at: float,
    out: Any,
) -> None:
    """Complete ``sales`` sales of random baskets; reports (register, receipts, units, errors)."""
    from posapp.inventory import catalog
    from posapp.sales import completion
    from posapp.sales.tenders import Tender
    from posapp.sales.ticket import Ticket

    rng = random.Random(seed)
    receipts: list[str] = []
    units: dict[int, int] = {}
    errors: list[str] = []
    try:
        db = Database(url)
        products = db.read(lambda uow: catalog.products_by_id(uow, product_ids))
        _wait(start_at)
        for _ in range(sales):
            basket = rng.sample(product_ids, rng.randint(1, len(product_ids)))
            t = Ticket()
            for pid in basket:
                t.add(products[pid].line(rng.randint(1, 2)), merge=False)
            total = t.priced().total
            # every other sale sends its COMMIT with its statements (fast path, ``final``)
            final = len(receipts) % 2 == 0
            done = db.transact(
                lambda uow, t=t, total=total, final=final: completion.complete_sale(
                    uow, t, [Tender.cash(total)], register_id=register, user_id=user, final=final
                )
            )
            receipts.append(done.receipt_no)
            for line in done.lines:
                units[line.product_id] = units.get(line.product_id, 0) + line.qty
        db.dispose()
    except Exception:
        errors.append(traceback.format_exc())
    out.put((register, receipts, units, errors))


def open_shift(url: str, register: str, user: int, start_at: float, out: Any) -> None:
    """Try to open a shift on ``register``; reports "opened", an error code, or a traceback."""
    from posapp.errors import PosError
    from posapp.sales import shifts

    try:
        db = Database(url)
        _wait(start_at)
        try:
            db.transact(lambda uow: shifts.open_shift(uow, register, user, {10_000: 5}))
            out.put("opened")
        except PosError as exc:
            out.put(exc.code)
        db.dispose()
    except Exception:
        out.put(traceback.format_exc())


def migrate(url: str, start_at: float, out: Any) -> None:
    """Run the start-up migration, as every till does; reports the revision or a traceback."""
    from posapp.db.migrate import migrate as run

    try:
        db = Database(url)
        _wait(start_at)
        out.put(run(db.engine))
        db.dispose()
    except Exception:
        out.put(traceback.format_exc())
