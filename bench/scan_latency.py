"""Scan latency and start-up of the checkout over a catalogue of N products (default 100,000).

``scan``: from the last key (Enter) of a wedge burst to the new line on the ticket model and the
table repainted, through the real task runner (database worker thread, result posted back to the
Qt thread); against a bare dict lookup of the same codes in the same run. ``start-up``: from
opening the database to a ready, shown checkout (search index, quick keys, promotions).
Prints ``scan p50``, ``scan p99: X ms`` and ``start-up: X s``. Goals: scan p99 ≤ 15 ms,
start-up ≤ 2 s with 100k products.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._common import cache_dir, catalogue_csv, ean13, pct
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.inventory import csv_io


def prepare(n: int) -> str:
    path = cache_dir() / f"checkout-{n}.sqlite3"
    url = f"sqlite:///{path}"
    db = Database(url)
    migrate(db.engine)
    have = db.read(lambda uow: uow.conn.exec_driver_sql("SELECT count(*) FROM products").scalar())
    if have != n:
        db.dispose()
        path.unlink(missing_ok=True)
        db = Database(url)
        migrate(db.engine)
        data = catalogue_csv(n).encode()

        def load(uow):  # type: ignore[no-untyped-def]
            from posapp.auth.service import Role, create_user
            from posapp.sales import shifts

            csv_io.import_products(uow, data)
            user = create_user(uow, "bench", Role.CASHIER, "1111").id
            shifts.open_shift(uow, "R01", user, {10_000: 10})

        db.transact(load, retries=0)
    db.dispose()
    return url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--products", type=int, default=100_000)
    ap.add_argument("--scans", type=int, default=300)
    ap.add_argument("--quick", action="store_true", help="10,000 products, 50 scans (CI)")
    ap.add_argument(
        "--gap-ms",
        type=int,
        default=60,
        help="pause between scans, in the event loop (a cashier reaches for the next item; "
        "the customer display repaints then)",
    )
    ap.add_argument("--full-repaint", action="store_true", help="repaint the whole ticket table")
    args = ap.parse_args()
    n = 10_000 if args.quick else args.products
    scans = 50 if args.quick else args.scans
    url = prepare(n)
    os.environ["POSAPP_DATA_DIR"] = str(cache_dir() / "scan-data")

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from posapp.app import build
    from posapp.config import Settings
    from posapp.hardware.printer import PreviewPrinter
    from posapp.ui.fonts import app_font, register_fonts

    app = QApplication.instance() or QApplication([])
    app.setFont(app_font(register_fonts()))
    settings = Settings()
    settings = replace(
        settings,
        database=replace(settings.database, url=url, demo_on_first_start=False),
        card=replace(settings.card, terminal=""),
    )
    t0 = time.perf_counter()
    from posapp.bootstrap import open_database

    db = open_database(settings)
    parts = build(db, settings, printer=PreviewPrinter(cache_dir() / "scan-receipts"))
    window = parts.window
    window.show()
    if parts.display is not None:
        parts.display.show()  # the second monitor, as the app shows it
    app.processEvents()
    if not os.environ.get("POSAPP_BENCH_NO_FREEZE"):
        from posapp.bootstrap import settle_memory

        settle_memory()
    startup = time.perf_counter() - t0
    session = parts.session
    session.sign_in("1111")
    window.refresh()
    rng = random.Random(5)
    codes = [ean13(f"880{rng.randrange(n):09d}") for _ in range(scans)]
    bare: list[float] = []
    table = {ean13(f"880{i:09d}"): i for i in range(n)}
    for c in codes:
        s = time.perf_counter()
        table.get(c)
        bare.append((time.perf_counter() - s) * 1000)
    samples: list[float] = []
    model = window.model
    import cProfile

    prof = cProfile.Profile()
    profiling = bool(os.environ.get("POSAPP_BENCH_PROFILE"))
    if profiling:  # the profiler slows every Python call: only when asked for
        prof.enable()
    for i, code in enumerate(codes):
        if i and i % 40 == 0:
            session.ticket.clear()
            window.refresh()
        if args.gap_ms:
            QTest.qWait(args.gap_ms)
        before = len(session.ticket.lines) + 1
        for ch in code:
            QTest.keyClick(window.search, ch)
        loop = QEventLoop()
        model.rowsInserted.connect(loop.quit)
        QTimer.singleShot(2000, loop.quit)
        start = time.perf_counter()
        QTest.keyClick(window.search, Qt.Key.Key_Return)
        if model.rowCount() < before:
            loop.exec()  # the Qt thread waits in the event loop, as it does at the till
        model.rowsInserted.disconnect(loop.quit)
        # let Qt paint what changed (the new row, the totals), as it does at the till;
        # --full-repaint forces the whole ticket to be repainted instead
        if args.full_repaint:
            window.table.viewport().repaint()
        else:
            app.sendPostedEvents()
            app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    prof.disable()
    if profiling:
        import pstats

        pstats.Stats(prof).sort_stats(
            os.environ.get("POSAPP_BENCH_PROFILE", "tottime")
        ).print_stats(22)
    parts.shutdown()
    db.dispose()
    print(f"products: {n}")
    print(f"start-up: {startup:.2f} s")
    print(f"bare dict p99: {pct(bare, 0.99):.4f} ms")
    print(f"scan p50: {pct(samples, 0.5):.2f} ms")
    print(f"scan p99: {pct(samples, 0.99):.2f} ms", flush=True)
    os._exit(0)  # skip PySide's interpreter-shutdown teardown (a known crash at exit)


if __name__ == "__main__":
    main()
