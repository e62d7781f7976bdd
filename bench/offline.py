"""Selling offline: the spool's snapshot, an offline sale, and catching up with the server.

On PostgreSQL (``POSAPP_TEST_DATABASE_URL``, default the server on 127.0.0.1:5432; a fresh
schema per run, dropped after) with N products (default 100,000):

* ``snapshot``: copying what selling needs into a fresh spool, copying it whole again (the
  forwarder does this hourly in the background), and the minute's copy of only the products
  changed since (100 prices changed on a catalogue last written a day ago);
* ``offline sale``: p50/p99 of one sale of 3–5 products committed in the spool (scan included);
* ``forward``: replaying the queued sales on the server (sales/s), against committing the same
  number of sales online through the sale engine in the same run (``ratio`` = online / forward
  time per sale); the ledger and journal are verified after and nothing may be lost or doubled.

Prints ``snapshot: X s``, ``offline sale p99: X ms``, ``forward: X sales/s``, ``lost: N``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, func, select, text

from bench._common import catalogue_csv, ean13, pct
from posapp.db.engine import Database, normalize_url

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--products", type=int, default=100_000)
    ap.add_argument("--sales", type=int, default=2_000)
    ap.add_argument("--quick", action="store_true", help="5,000 products, 200 sales (CI)")
    args = ap.parse_args()
    n = 5_000 if args.quick else args.products
    sales = 200 if args.quick else args.sales
    base = os.environ.get("POSAPP_TEST_DATABASE_URL", DEFAULT_URL)
    if not base:
        print("offline: skipped (POSAPP_TEST_DATABASE_URL is empty: a spool needs PostgreSQL)")
        return
    schema = f"bench_off_{uuid.uuid4().hex[:8]}"
    admin = create_engine(normalize_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        run(f"{normalize_url(base)}?options=-csearch_path%3D{schema}", n, sales)
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def run(url: str, n: int, sales: int) -> None:
    from posapp.auth.service import Role, create_user
    from posapp.db.migrate import migrate
    from posapp.db.models import Sale
    from posapp.inventory import catalog, csv_io
    from posapp.sales import completion, shifts
    from posapp.sales.offline import forwarder, snapshot
    from posapp.sales.offline.spool import Spool
    from posapp.sales.tenders import Tender
    from posapp.sales.ticket import Ticket
    from posapp.verify import verify

    server = Database(url)
    migrate(server.engine)
    data = catalogue_csv(n).encode()

    def load(uow):  # type: ignore[no-untyped-def]
        csv_io.import_products(uow, data)
        user = create_user(uow, "bench", Role.CASHIER, "1111").id
        return user, shifts.open_shift(uow, "R01", user, {10_000: 10})

    user, shift = server.transact(load, retries=0)
    # a catalogue imported yesterday (the minute's copy then finds only today's changes)
    server.transact(
        lambda uow: uow.conn.execute(
            text("UPDATE products SET updated_at = now() - interval '1 day'")
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        spool = Spool(Path(tmp) / "spool.sqlite3", "R01")
        t0 = time.perf_counter()
        snapshot.refresh(spool, server)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        snapshot.refresh(spool, server)
        again = time.perf_counter() - t0
        from posapp.inventory.products import set_price

        def reprice(first_id: int) -> None:
            def fn(uow):  # type: ignore[no-untyped-def]
                for pid in range(first_id, first_id + 100):  # a hundred prices changed
                    set_price(uow, pid, 1_000 + pid, user_id=user)

            server.transact(fn)

        # the first minute after a bulk write copies it all (one moment, within the overlap);
        # steady state: the minute's copy finds the last ten minutes' changes
        reprice(1)
        snapshot.refresh(spool, server, changes_only=True)
        reprice(101)
        t0 = time.perf_counter()
        changed = snapshot.refresh(spool, server, changes_only=True)
        changes = time.perf_counter() - t0

        rng = random.Random(7)

        def ticket(db: Database) -> Ticket:
            t = Ticket()
            for _ in range(rng.randint(3, 5)):
                code = ean13(f"880{rng.randrange(n):09d}")
                t.add(db.read(lambda uow, c=code: catalog.scan(uow, c)).line)
            return t

        offline_ms: list[float] = []
        for _ in range(sales):
            s = time.perf_counter()
            t = ticket(spool.db)
            spool.sell(t, [Tender.cash(1_000_000)], user_id=user, shift=shift)
            offline_ms.append((time.perf_counter() - s) * 1000)

        t0 = time.perf_counter()
        result = forwarder.forward(spool, server)
        forward_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        for _ in range(sales):
            t = ticket(server)
            server.transact(
                lambda uow, t=t: completion.complete_sale(
                    uow, t, [Tender.cash(1_000_000)], register_id="R01", user_id=user
                )
            )
        online_s = time.perf_counter() - t0
        count = server.read(
            lambda uow: uow.conn.execute(select(func.count()).select_from(Sale)).scalar()
        )
        report = verify(server)
        spool.dispose()
    server.dispose()
    lost = 2 * sales - int(count)
    print(f"products: {n}, sales: {sales}")
    print(f"snapshot: {first:.2f} s (whole again {again:.2f} s)")
    print(f"changes only (2 x 100 prices changed): {changes:.3f} s, {changed.rows} rows")
    print(f"offline sale p50: {pct(offline_ms, 0.5):.2f} ms")
    print(f"offline sale p99: {pct(offline_ms, 0.99):.2f} ms")
    print(
        f"forward: {result.sent / forward_s:,.0f} sales/s ({result.sent} sent, "
        f"{result.duplicates} duplicates, {result.failed} refused)"
    )
    print(f"online through the sale engine: {sales / online_s:,.0f} sales/s (scan included)")
    print(f"lost: {lost}")
    print(f"verify: {'ok' if report.ok else 'FAILED'}")
    if lost or not report.ok or result.failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
