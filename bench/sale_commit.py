"""Completing a 10-line sale with two payments through the service layer (stock from lots
FEFO, journal, outbox — everything the till does) against a bare sqlite3 transaction writing
the same rows with the same durability (WAL, synchronous=FULL), in one run.

Prints ``p50: X ms`` (ours), the bare figure, and last ``ratio: X``. Goals: p50 ≤ 3 ms, ratio ≤ 3.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import catalogue_csv, pct
from posapp.auth.service import Role, create_user
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.inventory import catalog, csv_io, ledger
from posapp.sales import completion, shifts
from posapp.sales.tenders import Method, Tender
from posapp.sales.ticket import Ticket


def setup(path: Path) -> tuple[Database, list, int]:  # type: ignore[type-arg]
    db = Database(f"sqlite:///{path}")
    migrate(db.engine)
    csv = catalogue_csv(200).encode()

    def load(uow):  # type: ignore[no-untyped-def]
        csv_io.import_products(uow, csv)
        user = create_user(uow, "bench", Role.CASHIER, "1111").id
        for pid in range(1, 201):
            for k in range(2):
                ledger.receive_lot(
                    uow, pid, 1_000_000, expiry_date=dt.date(2027, 1, 1 + k), lot_code=f"{k}"
                )
        shifts.open_shift(uow, "R01", user, {10_000: 10})
        return user

    user = db.transact(load)
    lines = db.read(
        lambda uow: [
            catalog.products_by_id(uow, [pid])[pid].line(1 + pid % 3) for pid in range(1, 11)
        ]
    )
    return db, lines, user


def ours(db: Database, lines: list, user: int, n: int) -> list[float]:  # type: ignore[type-arg]
    samples = []
    for _ in range(n):
        t = Ticket()
        for ln in lines:
            t.add(ln, merge=False)
        total = t.priced().total
        tenders = [
            Tender(
                Method.CARD,
                total - 10_000,
                approval_no="12345678",
                card_masked="9410-12**-****-1234",
            ),
            Tender.cash(20_000),
        ]
        t0 = time.perf_counter()
        db.transact(
            lambda uow, t=t, td=tenders: completion.complete_sale(
                uow, t, td, register_id="R01", user_id=user, final=True
            )
        )
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def bare(path: Path, n: int) -> list[float]:
    """The same rows written with sqlite3 and hand-written SQL (no ORM, no validation)."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    shift_id = con.execute("SELECT id FROM shifts WHERE status='open'").fetchone()[0]
    samples = []
    for _ in range(n):
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")
        day = dt.date.today().isoformat()
        sale_uuid = str(uuid.uuid4())
        t0 = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        seq = con.execute(
            "INSERT INTO receipt_counters (register_id, business_date, last_no) VALUES ('R01', ?, 1) "
            "ON CONFLICT (register_id, business_date) DO UPDATE SET last_no = last_no + 1 "
            "RETURNING last_no",
            (day,),
        ).fetchone()[0]
        cur = con.execute(
            "INSERT INTO sales (uuid, receipt_no, kind, register_id, shift_id, user_id, business_date,"
            " created_at, gross_total, line_discount_total, ticket_discount_total, total,"
            " taxable_total, supply_value, vat, exempt_total, reason) VALUES"
            " (?, ?, 'sale', 'R01', ?, 1, ?, ?, 100000, 0, 0, 100000, 50000, 45455, 4545, 50000, '')",
            (sale_uuid, f"B-{day}-{seq}-{sale_uuid[:6]}", shift_id, day, now),
        )
        sale_id = cur.lastrowid
        con.executemany(
            "INSERT INTO sale_lines (sale_id, line_no, product_id, barcode, name, unit, qty,"
            " unit_price, gross, line_discount, ticket_discount, net, tax_class) VALUES"
            " (?, ?, ?, '8800000000000', '상품', 'ea', 1, 10000, 10000, 0, 0, 10000, 'exempt')",
            [(sale_id, i, i) for i in range(1, 11)],
        )
        con.executemany(
            "INSERT INTO payments (sale_id, seq, method, amount, tendered, change_given, evidence,"
            " installment_months) VALUES (?, ?, ?, ?, ?, 0, ?, 0)",
            [
                (sale_id, 1, "card", 90000, 90000, "card"),
                (sale_id, 2, "cash", 10000, 20000, "cash"),
            ],
        )
        con.executemany(
            "UPDATE stock_levels SET on_hand = on_hand - 1, needs_count = needs_count OR"
            " (on_hand - 1 < 0) WHERE product_id = ?",
            [(i,) for i in range(1, 11)],
        )
        lots = con.execute(
            "SELECT id, product_id, qty_on_hand FROM lots WHERE product_id IN"
            " (1,2,3,4,5,6,7,8,9,10) AND qty_on_hand > 0"
            " ORDER BY product_id, expiry_date IS NULL, expiry_date, id"
        ).fetchall()
        taken, seen = [], set()
        for lot_id, pid, _q in lots:
            if pid not in seen:
                seen.add(pid)
                taken.append((lot_id, pid))
        con.executemany(
            "UPDATE lots SET qty_on_hand = qty_on_hand - 1 WHERE id = ?", [(t[0],) for t in taken]
        )
        con.executemany(
            "INSERT INTO stock_movements (uuid, product_id, lot_id, qty, kind, doc_type, doc_uuid,"
            " reason, register_id, created_at) VALUES (?, ?, ?, -1, 'sale', 'sale', ?, '', 'R01', ?)",
            [(str(uuid.uuid4()), pid, lot_id, sale_uuid, now) for lot_id, pid in taken],
        )
        jseq, prev = con.execute(
            "SELECT seq, hash FROM journal_heads WHERE register_id='R01'"
        ).fetchone()
        payload = json.dumps({"uuid": sale_uuid, "lines": list(range(10))})
        digest = hashlib.sha256((prev + payload).encode()).hexdigest()
        con.execute(
            "INSERT INTO journal (register_id, seq, doc_type, doc_uuid, created_at, payload,"
            " prev_hash, hash) VALUES ('R01', ?, 'sale', ?, ?, ?, ?, ?)",
            (jseq + 1, sale_uuid, now, payload, prev, digest),
        )
        con.execute(
            "UPDATE journal_heads SET seq = ?, hash = ? WHERE register_id = 'R01'",
            (jseq + 1, digest),
        )
        con.execute(
            "INSERT INTO outbox (event_uuid, kind, doc_uuid, payload, created_at, attempts)"
            " VALUES (?, 'sale', ?, ?, ?, 0)",
            (str(uuid.uuid4()), sale_uuid, payload, now),
        )
        con.execute("COMMIT")
        samples.append((time.perf_counter() - t0) * 1000)
    con.close()
    return samples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sales", type=int, default=2000)
    ap.add_argument("--quick", action="store_true", help="100 sales (CI)")
    args = ap.parse_args()
    n = 100 if args.quick else args.sales
    with tempfile.TemporaryDirectory() as tmp:
        db, lines, user = setup(Path(tmp) / "ours.sqlite3")
        ours(db, lines, user, 20)  # warm-up: statement caches, pages
        mine = ours(db, lines, user, n)
        db.dispose()
        bare(Path(tmp) / "ours.sqlite3", 20)
        theirs = bare(Path(tmp) / "ours.sqlite3", n)
    p50, b50 = pct(mine, 0.5), pct(theirs, 0.5)
    print(f"sales: {n}")
    print(f"p50: {p50:.2f} ms")
    print(f"p99: {pct(mine, 0.99):.2f} ms")
    print(f"bare sqlite3 p50: {b50:.2f} ms")
    print(f"ratio: {p50 / b50:.2f}")


if __name__ == "__main__":
    main()
