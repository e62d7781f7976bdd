"""Every report over a year of sales history (default 2,000,000 sale lines, ~400,000 receipts).

Prints the time to fold the year into the sales rollup (once; cached with the data) and to
refresh it when nothing is new (what every report run pays), then per report its p50 over the
runs (a whole year as the period, no filters), then `worst: X s`, the slowest p50. Goal: ≤ 1 s on SQLite (and on PostgreSQL when
POSAPP_TEST_DATABASE_URL is given: the same data copied into a schema of its own). The
comparison is a bare `SELECT count(*), sum(net) FROM sale_lines` — one pass over the lines.
The database is generated once with bare sqlite3 and cached under the temp directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
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
from posapp.domain import calendar
from posapp.reports import catalog, rollup
from posapp.reports.model import Period

PRODUCTS = 3_000
LINES_PER_SALE = 5
YEAR_END = dt.date(2026, 10, 31)  # fixed: the cached data does not move with the calendar


def prepare(lines: int) -> tuple[Path, Database]:
    path = cache_dir() / f"reports-{lines}-v1.sqlite3"
    if path.exists():
        db = Database(f"sqlite:///{path}")
        migrate(db.engine)
        have = db.read(
            lambda uow: uow.conn.exec_driver_sql("SELECT count(*) FROM sale_lines").scalar()
        )
        if have and have >= lines * 0.99:
            return path, db
        db.dispose()
    t0 = time.perf_counter()
    new_catalogue_db(path, PRODUCTS)
    _fill(path, lines)
    print(f"generated: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return path, Database(f"sqlite:///{path}")


def _fill(path: Path, n_lines: int) -> None:
    """A year of receipts (9:00–21:59 Seoul), ~1 % refunded later, lots with costs, the sale
    movements, some waste; written with bare sqlite3."""
    rng = random.Random(11)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA journal_mode=OFF")
    prods = con.execute(
        "SELECT id, name_ko, unit, price, tax_class FROM products ORDER BY id"
    ).fetchall()
    con.execute(
        "UPDATE producers SET kind = CASE WHEN id % 2 = 0 THEN 'consignment' ELSE 'purchase' END,"
        " commission_rate = CASE WHEN id % 2 = 0 THEN 15 + id % 11 ELSE NULL END"
    )
    con.execute(
        "INSERT INTO registers (id, name, created_at) VALUES ('R01','R01','2025-01-01'),('R02','R02','2025-01-01')"
    )
    users = []
    for i in range(6):
        cur = con.execute(
            "INSERT INTO users (name, role, pin_hash, active, failed_attempts, created_at)"
            " VALUES (?, 'cashier', 'x', 1, 0, '2025-01-01')",
            (f"계산원{i + 1}",),
        )
        users.append(cur.lastrowid)
    start = YEAR_END - dt.timedelta(days=364)
    lots = []
    lot_of = {}
    for pid, _n, _u, price, _t in prods:
        lot_id = len(lots) + 1
        expiry = YEAR_END + dt.timedelta(days=rng.randint(-10, 200))
        lots.append(
            (
                lot_id,
                str(uuid.uuid4()),
                pid,
                "",
                expiry.isoformat(),
                f"{start} 00:00:00",
                price * 6 // 10,
                10_000,
                rng.randint(0, 60),
                "floor",
            )
        )
        lot_of[pid] = lot_id
    con.executemany(
        "INSERT INTO lots (id, uuid, product_id, lot_code, expiry_date, received_at, unit_cost,"
        " qty_received, qty_on_hand, location) VALUES (?,?,?,?,?,?,?,?,?,?)",
        lots,
    )
    con.executemany(
        "INSERT OR REPLACE INTO stock_levels (product_id, on_hand, needs_count) VALUES (?,?,0)",
        [(lt[2], lt[8]) for lt in lots],
    )
    n_sales = n_lines // LINES_PER_SALE
    days = 365
    per_day = max(1, n_sales // days)
    sale_id = line_id = 0
    sales, lines, pays, moves = [], [], [], []
    refundable = []
    n_products = len(prods)

    def flush() -> None:
        con.executemany("INSERT INTO sales VALUES (" + ",".join("?" * 22) + ")", sales)
        con.executemany(
            "INSERT INTO sale_lines (id, sale_id, line_no, product_id, barcode, name, unit, qty,"
            " unit_price, gross, line_discount, ticket_discount, net, tax_class, discount_kind,"
            " discount_value, original_line_id) VALUES (" + ",".join("?" * 17) + ")",
            lines,
        )
        con.executemany(
            "INSERT INTO payments (id, sale_id, seq, method, amount, tendered, change_given,"
            " evidence, installment_months) VALUES (?,?,?,?,?,?,?,?,0)",
            pays,
        )
        con.executemany(
            "INSERT INTO stock_movements (uuid, product_id, lot_id, qty, kind, doc_type,"
            " doc_uuid, reason, user_id, register_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            moves,
        )
        sales.clear()
        lines.clear()
        pays.clear()
        moves.clear()

    for d in range(days):
        day = start + dt.timedelta(days=d)
        con.execute(
            "INSERT INTO shifts (id, uuid, register_id, opened_by, opened_at, business_date,"
            " opening_float, opening_counts, status) VALUES (?,?,?,?,?,?,0,'{}','closed')",
            (d + 1, str(uuid.uuid4()), "R01", users[0], f"{day} 00:00:00", day.isoformat()),
        )
        seconds = sorted(rng.randrange(9 * 3600, 22 * 3600) for _ in range(per_day))
        for seq, sec in enumerate(seconds, start=1):
            sale_id += 1
            local = dt.datetime.combine(day, dt.time(), calendar.store_zone()) + dt.timedelta(
                seconds=sec
            )
            at = local.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ")
            suuid = str(uuid.uuid4())
            user = users[rng.randrange(len(users))]
            gross_t = disc_t = taxable = exempt = 0
            my_lines = []
            for no in range(1, rng.randint(1, 2 * LINES_PER_SALE - 1) + 1):
                p = prods[int(n_products * rng.random() ** 2)]
                pid, name, unit, price, tax = p
                qty = rng.randint(1, 3) if unit == "ea" else rng.randint(200, 1500)
                gross = (
                    qty * price
                    if unit == "ea"
                    else qty * price // (100 if unit == "100g" else 1000)
                )
                ld = gross // 10 if rng.random() < 0.05 else 0
                net = gross - ld
                line_id += 1
                lines.append(
                    (
                        line_id,
                        sale_id,
                        no,
                        pid,
                        None,
                        name,
                        unit,
                        qty,
                        price,
                        gross,
                        ld,
                        0,
                        net,
                        tax,
                        "percent" if ld else None,
                        10 if ld else None,
                        None,
                    )
                )
                moves.append(
                    (
                        str(uuid.uuid4()),
                        pid,
                        lot_of[pid],
                        -qty,
                        "sale",
                        "sale",
                        suuid,
                        "",
                        user,
                        "R01",
                        at,
                    )
                )
                my_lines.append((line_id, pid, name, unit, qty, price, gross, ld, net, tax))
                gross_t += gross
                disc_t += ld
                if tax == "taxable":
                    taxable += net
                else:
                    exempt += net
            total = gross_t - disc_t
            supply = round(taxable / 1.1)
            sales.append(
                (
                    sale_id,
                    suuid,
                    f"R01-{day:%Y%m%d}-{seq:05d}",
                    "sale",
                    "R01",
                    d + 1,
                    user,
                    day.isoformat(),
                    at,
                    None,
                    gross_t,
                    disc_t,
                    0,
                    total,
                    taxable,
                    supply,
                    taxable - supply,
                    exempt,
                    None,
                    None,
                    None,
                    "",
                )
            )
            method = "card" if rng.random() < 0.7 else "cash"
            pays.append((sale_id, sale_id, 1, method, total, total, 0, method))
            if rng.random() < 0.01:
                refundable.append((sale_id, day, my_lines, method))
        # refunds of earlier sales given today (some cross a period boundary)
        while refundable and (refundable[0][1] + dt.timedelta(days=3) <= day):
            orig_id, _oday, olines, method = refundable.pop(0)
            sale_id += 1
            ruuid = str(uuid.uuid4())
            ln = olines[0]
            line_id += 1
            lines.append(
                (
                    line_id,
                    sale_id,
                    1,
                    ln[1],
                    None,
                    ln[2],
                    ln[3],
                    -ln[4],
                    ln[5],
                    -ln[6],
                    -ln[7],
                    0,
                    -ln[8],
                    ln[9],
                    None,
                    None,
                    ln[0],
                )
            )
            at = (
                dt.datetime.combine(day, dt.time(12), calendar.store_zone())
                .astimezone(dt.UTC)
                .replace(tzinfo=None)
                .isoformat(" ")
            )
            taxable = -ln[8] if ln[9] == "taxable" else 0
            supply = round(taxable / 1.1)
            sales.append(
                (
                    sale_id,
                    ruuid,
                    f"R01-{day:%Y%m%d}-R{sale_id}",
                    "refund",
                    "R01",
                    d + 1,
                    users[0],
                    day.isoformat(),
                    at,
                    orig_id,
                    -ln[6],
                    -ln[7],
                    0,
                    -ln[8],
                    taxable,
                    supply,
                    taxable - supply,
                    -ln[8] - taxable,
                    None,
                    None,
                    users[0],
                    "환불",
                )
            )
            pays.append((sale_id, sale_id, 1, method, -ln[8], -ln[8], 0, method))
            moves.append(
                (
                    str(uuid.uuid4()),
                    ln[1],
                    lot_of[ln[1]],
                    ln[4],
                    "return",
                    "refund",
                    ruuid,
                    "",
                    users[0],
                    "R01",
                    at,
                )
            )
        for _ in range(3):
            p = prods[rng.randrange(n_products)]
            moves.append(
                (
                    str(uuid.uuid4()),
                    p[0],
                    lot_of[p[0]],
                    -1,
                    "waste",
                    "waste",
                    str(uuid.uuid4()),
                    rng.choice(["spoiled", "damaged", "sample"]),
                    users[0],
                    None,
                    f"{day} 03:00:00",
                )
            )
        if len(lines) > 200_000:
            flush()
    flush()
    con.commit()
    con.execute("ANALYZE")
    con.close()


def copy_to_pg(sqlite_path: Path, pg_url: str, lines: int) -> Database:
    """The cached SQLite data copied into its own PostgreSQL schema (kept between runs)."""
    from sqlalchemy import create_engine, text

    from posapp.db.engine import normalize_url

    schema = f"bench_reports_{lines}"
    admin = create_engine(normalize_url(pg_url), isolation_level="AUTOCOMMIT")
    sep = "&" if "?" in pg_url else "?"
    url = f"{normalize_url(pg_url)}{sep}options=-csearch_path%3D{schema}"
    with admin.connect() as c:
        c.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
    db = Database(url)
    migrate(db.engine)
    have = db.read(lambda uow: uow.conn.exec_driver_sql("SELECT count(*) FROM sale_lines").scalar())
    if have and have >= lines * 0.99:
        return db
    t0 = time.perf_counter()
    src = sqlite3.connect(sqlite_path)
    tables = [
        "regions",
        "producers",
        "categories",
        "products",
        "product_barcodes",
        "registers",
        "users",
        "shifts",
        "lots",
        "stock_levels",
        "sales",
        "sale_lines",
        "payments",
        "stock_movements",
    ]
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("TRUNCATE " + ", ".join(reversed(tables)) + " CASCADE")
        for t in tables:
            cols = [r[1] for r in src.execute(f"PRAGMA table_info({t})")]
            types = {r[1]: r[2].upper() for r in src.execute(f"PRAGMA table_info({t})")}
            bools = [i for i, c in enumerate(cols) if types[c] == "BOOLEAN"]
            with cur.copy(f"COPY {t} ({', '.join(cols)}) FROM STDIN") as cp:
                for row in src.execute(f"SELECT {', '.join(cols)} FROM {t}"):
                    if bools:
                        row = list(row)
                        for i in bools:
                            row[i] = None if row[i] is None else bool(row[i])
                    cp.write_row(row)
        for t in tables:
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), coalesce(max(id), 1)) FROM {t}"
                if t not in ("registers", "stock_levels")
                else "SELECT 1"
            )
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    print(f"copied to PostgreSQL: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return db


def measure(db: Database, label: str, runs: int) -> float:
    year = Period(YEAR_END - dt.timedelta(days=364), YEAR_END)
    worst = 0.0
    t0 = time.perf_counter()
    built = rollup.refresh_all(db)
    print(f"{label} rollup refresh: {time.perf_counter() - t0:.3f} s ({built} days built)")
    t0 = time.perf_counter()
    db.transact(lambda uow: rollup.refresh(uow))
    print(f"{label} rollup refresh, nothing new: {time.perf_counter() - t0:.3f} s")
    t0 = time.perf_counter()
    db.read(lambda uow: uow.conn.exec_driver_sql("SELECT count(*), sum(net) FROM sale_lines").one())
    bare = time.perf_counter() - t0
    print(f"{label} bare pass over sale_lines: {bare:.3f} s")
    for name in catalog.REPORTS:
        samples = []
        rows = 0
        for _ in range(runs):
            t0 = time.perf_counter()
            r = db.read(lambda uow, n=name: catalog.run(uow, n, year))
            samples.append(time.perf_counter() - t0)
            rows = len(r.rows)
        p50 = pct(samples, 0.5)
        worst = max(worst, p50)
        print(f"{label} {name} p50: {p50:.3f} s ({rows} rows)")
    t0 = time.perf_counter()
    db.read(
        lambda uow: catalog.dashboard(
            uow, now=dt.datetime.combine(YEAR_END, dt.time(15), calendar.store_zone())
        )
    )
    print(f"{label} dashboard: {time.perf_counter() - t0:.3f} s")
    return worst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sales-lines", type=int, default=2_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="50,000 sale lines, one run")
    args = ap.parse_args()
    lines = 50_000 if args.quick else args.sales_lines
    runs = 1 if args.quick else args.runs
    path, db = prepare(lines)
    n = db.read(lambda uow: uow.conn.exec_driver_sql("SELECT count(*) FROM sale_lines").scalar())
    print(f"sale lines: {n}")
    worst = measure(db, "sqlite", runs)
    db.dispose()
    pg = os.environ.get("POSAPP_TEST_DATABASE_URL", "")
    if pg:
        pdb = copy_to_pg(path, pg, lines)
        worst = max(worst, measure(pdb, "postgresql", runs))
        pdb.dispose()
    print(f"worst: {worst:.3f} s")


if __name__ == "__main__":
    main()
