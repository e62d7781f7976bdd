"""CSV import of N products (default 100,000) with full validation, in one transaction, into a
fresh database. Prints ``import: X s`` (goal ≤ 10 s) and, for comparison in the same run, the
time to only parse the same CSV with the standard csv module (``csv.reader only: X s``)."""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._common import cache_dir, catalogue_csv
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.inventory import csv_io


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    ap.add_argument("--quick", action="store_true", help="5,000 rows (CI)")
    args = ap.parse_args()
    rows = 5_000 if args.quick else args.rows
    src = cache_dir() / f"catalogue-{rows}.csv"
    if not src.exists():
        src.write_text(catalogue_csv(rows), encoding="utf-8")
    data = src.read_bytes()
    t0 = time.perf_counter()
    n = sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8"))))
    baseline = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(args.db or f"sqlite:///{Path(tmp) / 'import.sqlite3'}")
        migrate(db.engine)
        t0 = time.perf_counter()
        result = db.transact(lambda uow: csv_io.import_products(uow, data), retries=0)
        elapsed = time.perf_counter() - t0
        db.dispose()
    assert result.created == rows == n - 1, (result, n)
    print(f"rows: {rows}")
    print(f"csv.reader only: {baseline:.2f} s")
    print(f"import: {elapsed:.2f} s")


if __name__ == "__main__":
    main()
