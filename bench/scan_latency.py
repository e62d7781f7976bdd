"""Scan latency and start-up of the checkout over a catalogue of N products (default 100,000).

``scan``: from the last key (Enter) of a wedge burst to the new line on the ticket model and the
table repainted, through the real task runner (database worker thread, result posted back to the
Qt thread); against a bare dict lookup of the same codes in the same run. ``start-up``: from
opening the database to a ready, shown checkout (search index, quick keys, promotions).
Prints ``scan p50``, ``scan p99: X ms`` and ``start-up: X s``. Goals: scan p99 ≤ 15 ms,
start-up ≤ 2 s with 100k products.

Two runs, each in a fresh process, over the same catalogue and codes: **quiet** (nothing else
going on) and **busy** (the till's own background work going during every scan: the sync worker
pushing a backlog of real sale and refund documents to the reference platform — a separate
process, with a 50 ms round trip as over the store's line — and a 30-line receipt rendered as a
raster image and written through the print queue every 10th scan). The offline spool's snapshot
exists only on a PostgreSQL till and is not part of this SQLite run. A third run, busy again,
draws the receipts in the till's own process (``POSAPP_RENDER_PROCESS=0``) for the comparison:
the till draws them in a process of its own (posapp.hardware.render_process).
``--mode quiet|busy`` runs one of them in this process; ``--busy-with sync|print`` keeps one
of the two loads.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
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


def busy_copy(url: str, documents: int, work: Path) -> str:
    """A copy of the bench database whose outbox holds ``documents`` real sale and refund
    documents waiting for the platform (a fresh copy per run: the backlog is used up)."""
    from posapp.auth.service import Role, create_user
    from tests.support import backlog

    src = Path(url.removeprefix("sqlite:///"))
    dst = work / "till.sqlite3"
    shutil.copyfile(src, dst)
    copy_url = f"sqlite:///{dst}"
    db = Database(copy_url)
    manager = db.transact(lambda uow: create_user(uow, "bench-manager", Role.MANAGER, "2222").id)
    cashier = db.read(
        lambda uow: uow.conn.exec_driver_sql("SELECT id FROM users WHERE name = 'bench'").scalar()
    )
    codes = [ean13(f"880{i:09d}") for i in (1, 2, 3)]
    sale, refund = backlog.real_documents(db, codes, int(cashier), manager)
    backlog.fill(db, documents - 2, sale, refund)
    db.dispose()
    return copy_url


def unsent(url: str) -> int:
    db = Database(url)
    try:
        return int(
            db.read(
                lambda uow: uow.conn.exec_driver_sql(
                    "SELECT count(*) FROM outbox WHERE sent_at IS NULL"
                ).scalar()
            )
        )
    finally:
        db.dispose()


def both(argv: list[str]) -> None:
    """The quiet and the busy run, each in its own process; both figures printed here."""
    figures: dict[str, dict[str, str]] = {}
    for mode in ("quiet", "busy", "busy-here"):
        env = dict(os.environ)
        if mode == "busy-here":  # the comparison: receipts drawn in the till's own process
            env["POSAPP_RENDER_PROCESS"] = "0"
        out = subprocess.run(
            [sys.executable, __file__, *argv, "--mode", mode.removesuffix("-here")],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        if out.returncode != 0:
            sys.stderr.write(out.stdout + out.stderr)
            raise SystemExit(f"the {mode} run failed ({out.returncode})")
        figures[mode] = dict(
            line.split(": ", 1) for line in out.stdout.splitlines() if ": " in line
        )
    q, b, h = figures["quiet"], figures["busy"], figures["busy-here"]
    print(f"products: {q['products']}")
    print(f"start-up: {q['start-up']}")
    print(f"bare dict p99: {q['bare dict p99']}")
    print(f"scan p50: {q['scan p50']}")
    print(f"scan p99: {q['scan p99']}")
    print(f"scan CPU p50: {q['scan CPU p50']}")
    print(f"scan CPU p99: {q['scan CPU p99']}")
    print(f"busy scan p50: {b['scan p50']}")
    print(f"busy scan p99: {b['scan p99']}")
    print(f"busy scan p50, receipts drawn in the till's process: {h['scan p50']}")
    print(f"busy scan p99, receipts drawn in the till's process: {h['scan p99']}")
    print(f"busy start-up: {b['start-up']}")
    print(f"busy background: {b['background']}")


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
    ap.add_argument("--mode", choices=("quiet", "busy"), help="one run in this process")
    ap.add_argument(
        "--backlog",
        type=int,
        help="busy: documents waiting for the platform (default 400 per scan: enough to keep the "
        "worker pushing for the whole run)",
    )
    ap.add_argument(
        "--busy-with",
        choices=("both", "sync", "print"),
        default="both",
        help="busy: the sync backlog, the raster receipts, or both (default); to tell which "
        "of them costs the scans their time",
    )
    args = ap.parse_args()
    if args.mode is None:
        both(sys.argv[1:])
        return
    n = 10_000 if args.quick else args.products
    scans = 50 if args.quick else args.scans
    url = prepare(n)
    os.environ["POSAPP_DATA_DIR"] = str(cache_dir() / "scan-data")
    busy = args.mode == "busy"
    work = Path(tempfile.mkdtemp(prefix="posapp-bench-scan-"))
    platform = None
    if busy and args.busy_with != "print":
        from tests.support.platform_server import REGISTER, TOKEN, PlatformProcess

        documents = args.backlog or 400 * scans
        url = busy_copy(url, documents, work)
        platform = PlatformProcess(work / "platform.sqlite3", latency_ms=50).start()
        if platform.proc is not None:  # the platform is another machine: it must not take
            os.setpriority(os.PRIO_PROCESS, platform.proc.pid, 19)  # the till's CPU first

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
    printer: object = PreviewPrinter(cache_dir() / "scan-receipts")
    if busy and platform is not None:
        from posapp.hardware.printer import make_printer, parse_uri

        settings = replace(
            settings,
            register=replace(settings.register, id=REGISTER),
            platform=replace(settings.platform, url=platform.url, token=TOKEN),
        )
        # a real printer path: raster image drawn with the bundled font, ESC/POS to a file
        printer = make_printer(parse_uri(f"file://{work / 'printer.bin'}?mode=raster"), work)
    t0 = time.perf_counter()
    from posapp.bootstrap import open_database

    db = open_database(settings)
    parts = build(db, settings, printer=printer)  # type: ignore[arg-type]
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
    cpu: list[float] = []  # CPU time of the whole process per scan: the work, whatever the load
    model = window.model
    import cProfile

    prof = cProfile.Profile()
    profiling = bool(os.environ.get("POSAPP_BENCH_PROFILE"))
    if profiling:  # the profiler slows every Python call: only when asked for
        prof.enable()
    receipt = None
    if busy and args.busy_with != "sync":
        from bench.receipt import receipt_data
        from posapp.hardware.receipt import layout_sale

        receipt = layout_sale(receipt_data(30))
    printed = 0
    run_start = time.perf_counter()
    for i, code in enumerate(codes):
        if i and i % 40 == 0:
            session.ticket.clear()
            window.refresh()
        if receipt is not None and i % 10 == 5:
            parts.queue.submit(receipt, "reprint")  # rendered and written on the queue's thread
            printed += 1
        if args.gap_ms:
            QTest.qWait(args.gap_ms)
        before = len(session.ticket.lines) + 1
        for ch in code:
            QTest.keyClick(window.search, ch)
        loop = QEventLoop()
        model.rowsInserted.connect(loop.quit)
        QTimer.singleShot(2000, loop.quit)
        start = time.perf_counter()
        cpu_start = time.process_time()
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
        cpu.append((time.process_time() - cpu_start) * 1000)
    prof.disable()
    if profiling:
        import pstats

        pstats.Stats(prof).sort_stats(
            os.environ.get("POSAPP_BENCH_PROFILE", "tottime")
        ).print_stats(22)
    run_s = time.perf_counter() - run_start
    background = ""
    if busy and platform is not None:
        left = unsent(url)
        sent = (args.backlog or 400 * scans) - left
        background = (
            f"{sent} documents sent in the {run_s:.1f} s of scanning ({left} still waiting"
            f" at the end), {printed} raster receipts"
        )
    parts.shutdown()
    db.dispose()
    if platform is not None:
        platform.kill()
    shutil.rmtree(work, ignore_errors=True)
    print(f"products: {n}")
    print(f"start-up: {startup:.2f} s")
    print(f"bare dict p99: {pct(bare, 0.99):.4f} ms")
    print(f"scan p50: {pct(samples, 0.5):.2f} ms")
    print(f"scan p99: {pct(samples, 0.99):.2f} ms", flush=True)
    print(f"scan CPU p50: {pct(cpu, 0.5):.2f} ms")
    print(f"scan CPU p99: {pct(cpu, 0.99):.2f} ms", flush=True)
    if background:
        print(f"background: {background}", flush=True)
    os._exit(0)  # skip PySide's interpreter-shutdown teardown (a known crash at exit)


if __name__ == "__main__":
    main()
