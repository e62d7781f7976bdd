"""Barcode lookup and Hangul / 초성 search over a catalogue of N products (default 100,000).

Prints p50/p99 per query kind: barcode lookup through the catalogue service on the database
(goal p99 ≤ 1 ms) against a bare dict lookup, and search by Korean syllables, initial
consonants, mixed, English and barcode prefix through the in-memory index (goal p99 ≤ 20 ms).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import ITEMS, REGIONS, cache_dir, catalogue_csv, ean13, pct
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.domain.hangul import initials
from posapp.inventory import catalog, csv_io


def prepare(n: int) -> Database:
    path = cache_dir() / f"lookup-{n}.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate(db.engine)
    have = db.read(lambda uow: uow.conn.exec_driver_sql("SELECT count(*) FROM products").scalar())
    if have != n:
        db.dispose()
        path.unlink(missing_ok=True)
        db = Database(f"sqlite:///{path}")
        migrate(db.engine)
        data = catalogue_csv(n).encode()
        db.transact(lambda uow: csv_io.import_products(uow, data), retries=0)
    return db


def timed(fn, queries) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--products", type=int, default=100_000)
    ap.add_argument("--quick", action="store_true", help="10,000 products (CI)")
    args = ap.parse_args()
    n = 10_000 if args.quick else args.products
    rng = random.Random(3)
    db = prepare(n)
    codes = [ean13(f"880{rng.randrange(n):09d}") for _ in range(5000)]
    as_dict = {ean13(f"880{i:09d}"): i for i in range(n)}
    t0 = time.perf_counter()
    index = db.read(lambda uow: catalog.load_search_index(uow))
    build = time.perf_counter() - t0

    def lookups(uow):  # type: ignore[no-untyped-def]
        for c in codes[:200]:
            catalog.product_by_barcode(uow, c)
        by_code = timed(lambda c: catalog.product_by_barcode(uow, c), codes)
        return by_code, timed(lambda c: catalog.scan(uow, c), codes)

    barcode, scans = db.read(lookups)
    bare = timed(as_dict.get, codes)
    words = [f"{r[:-1]} {ko}" for r in REGIONS for ko, _ in ITEMS]
    kinds = {
        "syllables": [rng.choice(words)[: rng.randint(2, 5)] for _ in range(300)],
        "initials": [
            initials(rng.choice(words).replace(" ", ""))[: rng.randint(2, 4)] for _ in range(300)
        ],
        "mixed": [
            (lambda w: w[:2] + initials(w[2:4]))(rng.choice(words).replace(" ", ""))
            for _ in range(300)
        ],
        "english": [rng.choice(ITEMS)[1].lower()[: rng.randint(3, 8)] for _ in range(300)],
        "barcode prefix": [f"880{rng.randrange(n):09d}"[: rng.randint(6, 11)] for _ in range(300)],
    }
    print(f"products: {n}")
    print(f"index build: {build:.2f} s")
    print(f"barcode p50: {pct(barcode, 0.5):.3f} ms")
    print(f"barcode p99: {pct(barcode, 0.99):.3f} ms")
    print(f"scan (parse + lookup) p99: {pct(scans, 0.99):.3f} ms")
    print(f"bare dict p99: {pct(bare, 0.99):.4f} ms")
    for kind, queries in kinds.items():
        samples = timed(lambda q: index.search(q, 50), queries)
        print(f"search {kind} p50: {pct(samples, 0.5):.2f} ms")
        print(f"search {kind} p99: {pct(samples, 0.99):.2f} ms")
    db.dispose()


if __name__ == "__main__":
    main()
