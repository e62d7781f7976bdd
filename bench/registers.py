"""Several tills (processes) selling the same popular products at once on one PostgreSQL.

Each till is its own register (R01…R08) with an open shift and completes sales through the real
sale engine (``posapp.sales.completion.complete_sale`` in ``Database.transact``: sale, lines,
payments, FEFO stock movements, journal entry, outbox event in one transaction). Every ticket
takes 3–5 lines from the same ten popular products in a random order, so the tills fight over
the same stock rows all the time. Afterwards: every product's on-hand must have dropped by
exactly what the tills report they sold (``lost`` counts units that did not), every sale the
tills saw committed must be in the database, the receipt numbers of each register must run
1…n without a gap, and ``posapp.verify`` must find the ledger and journal consistent.

For comparison, in the same run, a bare psycopg loop (no ORM, no validation) by the same
number of processes: one transaction per sale with the stock updates sorted by product id
(``UPDATE … SET on_hand = on_hand - q``) and one movement row per line.

Prints ``sales/s``, ``p50``, ``p99``, ``errors``, ``lost``, ``bare psycopg sales/s`` and
``ratio`` (ours / bare). PostgreSQL from ``POSAPP_TEST_DATABASE_URL`` (default the server on
127.0.0.1:5432, database test); a fresh schema is made for the run and dropped after.
Goal (issue 10): ≥ 500 sales/s in total with 8 tills on this 2-core machine, p99 ≤ 50 ms,
no error, nothing lost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import random
import sys
import time
import traceback
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text

from bench._common import catalogue_csv, pct
from posapp.db.engine import Database, normalize_url

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
POPULAR = 10  # products every till sells
LOT_QTY = 10_000_000


def schema_url(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{normalize_url(url)}{sep}options=-csearch_path%3D{schema}"


def setup(url: str, tills: int) -> int:
    """Migrate, load 200 products with two lots each, one cashier, a shift per register."""
    from posapp.auth.service import Role, create_user
    from posapp.db.migrate import migrate
    from posapp.inventory import csv_io, ledger
    from posapp.sales import shifts

    db = Database(url)
    migrate(db.engine)
    csv = catalogue_csv(200).encode()

    def load(uow):  # type: ignore[no-untyped-def]
        csv_io.import_products(uow, csv)
        user = create_user(uow, "bench", Role.CASHIER, "1111").id
        for pid in range(1, POPULAR + 1):
            for k in range(2):
                ledger.receive_lot(
                    uow, pid, LOT_QTY, expiry_date=dt.date(2027, 1, 1 + k), lot_code=f"{k}"
                )
        for r in range(1, tills + 1):
            shifts.open_shift(uow, f"R{r:02d}", user, {10_000: 10})
        return user

    user = db.transact(load)
    db.dispose()
    return user


def levels(url: str) -> dict[int, int]:
    eng = create_engine(url)
    with eng.connect() as c:
        out = dict(c.execute(text("SELECT product_id, on_hand FROM stock_levels")).all())
    eng.dispose()
    return {int(k): int(v) for k, v in out.items()}


def _ticket_plan(rng: random.Random) -> list[tuple[int, int]]:
    """3–5 distinct popular products in a random order with quantities 1–3."""
    pids = rng.sample(range(1, POPULAR + 1), rng.randint(3, 5))
    return [(p, rng.randint(1, 3)) for p in pids]


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process on this machine, 0 if it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def till_ours(url: str, k: int, user: int, start_at: float, seconds: float, out: mp.Queue) -> None:
    import logging

    from posapp.inventory import catalog
    from posapp.sales import completion
    from posapp.sales.tenders import Tender
    from posapp.sales.ticket import Ticket

    class _CountRetries(logging.Handler):
        n = 0

        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage().startswith("retrying"):
                _CountRetries.n += 1

    engine_log = logging.getLogger("posapp.db.engine")
    engine_log.setLevel(logging.INFO)
    engine_log.addHandler(_CountRetries())
    register = f"R{k:02d}"
    rng = random.Random(k)
    lat: list[float] = []
    sold: Counter[int] = Counter()
    receipts: list[str] = []
    errors: list[str] = []
    try:
        db = Database(url)
        products = db.read(lambda uow: catalog.products_by_id(uow, list(range(1, POPULAR + 1))))
        # warm the connection pool and statement caches outside the measured window
        backend = db.read(lambda uow: uow.conn.execute(text("SELECT pg_backend_pid()")).scalar())
        time.sleep(max(0.0, start_at - time.time()))
        cpu0, server0 = time.process_time(), _proc_cpu(backend)
        stop = time.perf_counter() + seconds
        while time.perf_counter() < stop:
            t = Ticket()
            plan = _ticket_plan(rng)
            for pid, q in plan:
                t.add(products[pid].line(q), merge=False)
            total = t.priced().total
            t0 = time.perf_counter()
            try:
                done = db.transact(
                    lambda uow, t=t, total=total: completion.complete_sale(
                        uow,
                        t,
                        [Tender.cash(total)],
                        register_id=register,
                        user_id=user,
                        final=True,
                    )
                )
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}"[:300])
                continue
            lat.append((time.perf_counter() - t0) * 1000)
            receipts.append(done.receipt_no)
            for pid, q in plan:
                sold[pid] += q
        cpu = (time.process_time() - cpu0, _proc_cpu(backend) - server0, _CountRetries.n)
        db.dispose()
    except Exception:
        errors.append(traceback.format_exc()[-600:])
    out.put((k, lat, dict(sold), receipts, errors, cpu))


def till_bare(url: str, k: int, start_at: float, seconds: float, out: mp.Queue) -> None:
    import psycopg

    rng = random.Random(1000 + k)
    lat: list[float] = []
    sold: Counter[int] = Counter()
    errors: list[str] = []
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    try:
        con = psycopg.connect(dsn)
        time.sleep(max(0.0, start_at - time.time()))
        cpu0, server0 = time.process_time(), _proc_cpu(con.info.backend_pid)
        stop = time.perf_counter() + seconds
        while time.perf_counter() < stop:
            plan = sorted(_ticket_plan(rng))
            doc = str(uuid.uuid4())
            t0 = time.perf_counter()
            try:
                with con.transaction(), con.cursor() as cur:
                    cur.executemany(
                        "UPDATE stock_levels SET on_hand = on_hand - %s WHERE product_id = %s",
                        [(q, p) for p, q in plan],
                    )
                    cur.executemany(
                        "INSERT INTO stock_movements (uuid, product_id, qty, kind, doc_type,"
                        " doc_uuid, reason, created_at) VALUES (%s, %s, %s, 'bare', 'bare', %s,"
                        " '', now())",
                        [(str(uuid.uuid4()), p, -q, doc) for p, q in plan],
                    )
            except psycopg.Error as exc:
                errors.append(f"{type(exc).__name__}: {exc}"[:300])
                continue
            lat.append((time.perf_counter() - t0) * 1000)
            for p, q in plan:
                sold[p] += q
        cpu = (time.process_time() - cpu0, _proc_cpu(con.info.backend_pid) - server0)
        con.close()
    except Exception:
        errors.append(traceback.format_exc()[-600:])
    out.put((k, lat, dict(sold), [], errors, cpu))


def run_tills(target, args_for, tills: int, seconds: float):  # type: ignore[no-untyped-def]
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    start_at = time.time() + 3.0  # every till starts selling at the same moment
    procs = [
        ctx.Process(target=target, args=(*args_for(k), start_at, seconds, out))
        for k in range(1, tills + 1)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join()
    return sorted(results)


def summarise(label: str, results, seconds: float) -> tuple[float, list[float], Counter[int], list]:  # type: ignore[no-untyped-def]
    lat = [x for r in results for x in r[1]]
    sold: Counter[int] = Counter()
    for r in results:
        sold.update(r[2])
    errors = [e for r in results for e in r[4]]
    rate = len(lat) / seconds
    n = max(1, len(lat))
    cpu = tuple(1000 * sum(r[5][i] for r in results if len(r) > 5) / n for i in (0, 1))
    return rate, lat, sold, errors, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tills", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--quick", action="store_true", help="2 tills for 3 seconds (CI)")
    args = ap.parse_args()
    tills, seconds = (2, 3.0) if args.quick else (args.tills, args.seconds)
    base = os.environ.get("POSAPP_TEST_DATABASE_URL") or DEFAULT_URL
    if not base.startswith(("postgresql", "postgres:")):
        print(f"registers: needs PostgreSQL, got {base.split(':')[0]}; skipped")
        return
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalize_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    url = schema_url(base, schema)
    failed = False
    try:
        user = setup(url, tills)
        before = levels(url)
        results = run_tills(till_ours, lambda k: (url, k, user), tills, seconds)
        after = levels(url)
        rate, lat, sold, errors, cpu = summarise("ours", results, seconds)
        lost = sum(abs((before[p] - after.get(p, 0)) - sold.get(p, 0)) for p in before)
        # every receipt a till saw committed is in the database, and no register has a gap
        eng = create_engine(url)
        with eng.connect() as c:
            db_receipts = {
                r for (r,) in c.execute(text("SELECT receipt_no FROM sales WHERE kind = 'sale'"))
            }
        eng.dispose()
        seen = [r for res in results for r in res[3]]
        missing = len(set(seen) - db_receipts)
        gaps = 0
        for reg in {r.split("-")[0] for r in db_receipts}:
            nos = sorted(int(r.rsplit("-", 1)[1]) for r in db_receipts if r.startswith(reg + "-"))
            gaps += nos != list(range(1, len(nos) + 1))
        from posapp.verify import verify

        vdb = Database(url)
        report = verify(vdb)
        vdb.dispose()

        bare = run_tills(till_bare, lambda k: (url, k), tills, seconds)
        b_rate, b_lat, _b_sold, b_errors, b_cpu = summarise("bare", bare, seconds)

        print(f"tills: {tills}")
        print(f"seconds: {seconds:g}")
        print(f"sales: {len(lat)}")
        print(f"sales/s: {rate:.0f}")
        print(f"p50: {pct(lat, 0.5):.1f} ms" if lat else "p50: - ms")
        print(f"p99: {pct(lat, 0.99):.1f} ms" if lat else "p99: - ms")
        print(f"cpu per sale: {sum(cpu):.2f} ms (tills {cpu[0]:.2f} + server {cpu[1]:.2f})")
        print(f"retried: {sum(r[5][2] for r in results if len(r) > 5)}")
        print(f"errors: {len(errors)}")
        print(f"lost: {lost + missing}")
        print(f"receipt gaps: {gaps}")
        print(f"verify: {'ok' if report.ok else 'FAILED'}")
        print(f"bare psycopg sales/s: {b_rate:.0f}")
        print(f"bare psycopg p99: {pct(b_lat, 0.99):.1f} ms" if b_lat else "bare p99: - ms")
        print(f"bare psycopg cpu per sale: {sum(b_cpu):.2f} ms")
        print(f"bare psycopg errors: {len(b_errors)}")
        print(f"ratio: {rate / b_rate:.2f}" if b_rate else "ratio: -")
        for e in (errors + b_errors)[:5]:
            print(f"  error: {e}", file=sys.stderr)
        for line in (report.ledger + report.journal)[:5]:
            print(f"  verify: {line}", file=sys.stderr)
        failed = bool(errors or lost or missing or gaps or not report.ok)
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
