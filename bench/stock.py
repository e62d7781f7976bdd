"""Inventory queries over N products and M ledger movements (default 100,000 / 2,000,000).

Prints p50/p99 per query, each through the inventory services on SQLite (goal p99 ≤ 100 ms):
a page of the stock list (anywhere in it), the list filtered by region with its count, the
low-stock list with its count, the expiring-in-7-days list (products and lots) with its count,
and a product's movement history. The comparison is the bare primary-key read of one product
row. The database is generated once and cached under the temp directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import cache_dir, new_catalogue_db, pct
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.inventory import lots, partners, products, stock_history
from posapp.inventory.products import ProductFilter


def prepare(n: int, m: int) -> Database:
    path = cache_dir() / f"stock-{n}-{m}.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate(db.engine)
    have = db.read(
        lambda uow: uow.conn.exec_driver_sql("SELECT count(*) FROM stock_movements").scalar()
    )
    if have == m:
        return db
    db.dispose()
    t0 = time.perf_counter()
    new_catalogue_db(path, n)
    _fill_ledger(path, n, m)
    print(f"generated: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return Database(f"sqlite:///{path}")


def _fill_ledger(path: Path, n: int, m: int) -> None:
    """Lots (1–3 per product, expiring over the next year) and ``m`` movements with cached
    levels equal to their sums, written with bare sqlite3 for speed."""
    rng = random.Random(7)
    today = dt.date.today()
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    pids = [r[0] for r in con.execute("SELECT id FROM products ORDER BY id")]
    lots: list[tuple] = []
    lot_of: dict[int, list[int]] = {}
    lot_id = 0
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for pid in pids:
        for _ in range(rng.randint(1, 3)):
            lot_id += 1
            expiry = today + dt.timedelta(days=rng.randint(-5, 365))
            lots.append((lot_id, str(uuid.uuid4()), pid, "", expiry.isoformat(), now, 0, 0))
            lot_of.setdefault(pid, []).append(lot_id)
    con.executemany(
        "INSERT INTO lots (id, uuid, product_id, lot_code, expiry_date, received_at,"
        " qty_received, qty_on_hand, location) VALUES (?,?,?,?,?,?,?,?,'floor')",
        lots,
    )
    lot_sum: dict[int, int] = {}
    level: dict[int, int] = {}
    start = now - dt.timedelta(days=90)
    kinds = ["sale"] * 8 + ["receipt", "waste"]
    batch = []
    for i in range(m):
        pid = pids[rng.randrange(len(pids))] if i >= len(pids) else pids[i]
        lid = rng.choice(lot_of[pid])
        kind = "receipt" if i < len(pids) else rng.choice(kinds)
        qty = rng.randint(20, 60) if kind == "receipt" else -rng.randint(1, 3)
        lot_sum[lid] = lot_sum.get(lid, 0) + qty
        level[pid] = level.get(pid, 0) + qty
        at = start + dt.timedelta(seconds=i * 90 * 86400 // m)
        batch.append((str(uuid.uuid4()), pid, lid, qty, kind, kind, "", "", at))
        if len(batch) == 100_000:
            _moves(con, batch)
            batch = []
    _moves(con, batch)
    con.executemany(
        "UPDATE lots SET qty_on_hand = ?, qty_received = ? WHERE id = ?",
        [(q, max(q, 0), lid) for lid, q in lot_sum.items()],
    )
    con.executemany(
        "INSERT INTO stock_levels (product_id, on_hand, needs_count) VALUES (?,?,?)"
        " ON CONFLICT(product_id) DO UPDATE SET on_hand = excluded.on_hand,"
        " needs_count = excluded.needs_count",
        [(p, level.get(p, 0), level.get(p, 0) < 0) for p in pids],
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()


def _moves(con: sqlite3.Connection, batch: list[tuple]) -> None:
    con.executemany(
        "INSERT INTO stock_movements (uuid, product_id, lot_id, qty, kind, doc_type, doc_uuid,"
        " reason, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
        batch,
    )


def timed(db: Database, fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        db.read(lambda uow, i=i: fn(uow, i))
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--products", type=int, default=100_000)
    ap.add_argument("--movements", type=int, default=2_000_000)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--quick", action="store_true", help="10,000 products, 100,000 movements")
    args = ap.parse_args()
    n, m = (10_000, 100_000) if args.quick else (args.products, args.movements)
    db = prepare(n, m)
    rng = random.Random(5)
    regions = db.read(lambda uow: [r.id for r in partners.list_regions(uow)])
    total = db.read(lambda uow: products.count_products(uow, ProductFilter()))
    offsets = [rng.randrange(0, max(1, total - 100)) for _ in range(args.runs)]
    region_of = [rng.choice(regions) for _ in range(args.runs)]
    pids = [rng.randrange(1, n + 1) for _ in range(args.runs)]

    def page(uow, i):  # type: ignore[no-untyped-def]
        return products.list_products(uow, ProductFilter(), offset=offsets[i], limit=100)

    def by_region(uow, i):  # type: ignore[no-untyped-def]
        f = ProductFilter(region_id=region_of[i])
        return products.count_products(uow, f), products.list_products(uow, f, limit=100)

    def low(uow, i):  # type: ignore[no-untyped-def]
        f = ProductFilter(low_stock=True)
        return products.count_products(uow, f), products.list_products(uow, f, limit=100)

    def expiring(uow, i):  # type: ignore[no-untyped-def]
        f = ProductFilter(expiring_days=7)
        return products.count_products(uow, f), products.list_products(uow, f, limit=100)

    def expiring_lots(uow, i):  # type: ignore[no-untyped-def]
        return lots.expiring_lots(uow, 7, limit=200)

    def hist(uow, i):  # type: ignore[no-untyped-def]
        return stock_history.history(uow, pids[i], limit=50)

    def bare(uow, i):  # type: ignore[no-untyped-def]
        return uow.conn.exec_driver_sql(
            "SELECT id, name_ko, price FROM products WHERE id = ?", (pids[i],)
        ).first()

    queries = {
        "stock list page": page,
        "stock list by region": by_region,
        "low stock": low,
        "expiring 7 days": expiring,
        "expiring lots 7 days": expiring_lots,
        "movement history": hist,
        "bare product read": bare,
    }
    print(f"products: {n}")
    print(f"movements: {m}")
    for name, fn in queries.items():
        timed(db, fn, 5)  # warm the page cache
        samples = timed(db, fn, args.runs)
        print(f"{name} p50: {pct(samples, 0.5):.2f} ms")
        print(f"{name} p99: {pct(samples, 0.99):.2f} ms")
    counts = db.read(
        lambda uow: (
            products.count_products(uow, ProductFilter(low_stock=True)),
            products.count_products(uow, ProductFilter(expiring_days=7)),
        )
    )
    print(f"low stock products: {counts[0]}")
    print(f"expiring products: {counts[1]}")
    db.dispose()


if __name__ == "__main__":
    main()
