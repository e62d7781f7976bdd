"""``posapp``: the composition root. Reads configuration, opens and migrates the database
(loading demo data into a new embedded one), then builds and injects: use cases (the checkout
session, payments, printing, approvals) → hardware adapters (:mod:`posapp.devices`) → workers
(sync, offline forwarder, timers: :mod:`posapp.app_jobs`) → windows (the checkout, the customer
display, the screens it opens: :mod:`posapp.app_screens`). Returns a typed :class:`App`; no
business decision is made here.

The only module that knows every other; nothing imports it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from posapp import devices
from posapp.app_jobs import Bridge, Jobs, retire, start_jobs
from posapp.app_screens import Screens, wire_screens
from posapp.bootstrap import (
    open_spool,
    open_till_database,
    parse_args,
    settle_memory,
    sync_worker,
)
from posapp.classes.bookings import BookingInfo
from posapp.config import Settings, data_dir
from posapp.db.engine import Database
from posapp.hardware import render_process
from posapp.hardware.ports import CardTerminal
from posapp.hardware.print_queue import JobStore, PrintQueue, ReceiptPrinter
from posapp.hardware.wedge import WedgeScanFilter, WedgeSettings
from posapp.sales.cash_receipts import RetryResult
from posapp.sales.offline.forwarder import Forwarder
from posapp.sync.worker import SyncWorker
from posapp.ui.checkout import CheckoutWindow, Devices
from posapp.ui.customer_display import CustomerDisplay
from posapp.ui.scan_targets import ScanRouter, passive
from posapp.ui.tasks import SyncRunner, Task, TaskRunner
from posapp.usecases.approvals import Approvals
from posapp.usecases.catalog_watch import POLL_SECONDS, CatalogUpdate, CatalogWatch
from posapp.usecases.checkout import CheckoutSession, SessionSettings
from posapp.usecases.payment import Payments
from posapp.usecases.receipts import ReceiptPrinting
from posapp.usecases.till import Till

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from posapp.config import load_settings, redact_url
    from posapp.config_errors import ConfigError
    from posapp.domain import calendar
    from posapp.logging_setup import setup_logging

    try:
        settings = load_settings(args.config, db_url=args.db)
        calendar.set_store_zone(settings.store.timezone)  # the store's day, for every module
    except (ConfigError, calendar.TimeZoneError) as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    log_file = setup_logging(settings.log_level, stderr=True)
    log.info("starting posapp; log file %s", log_file)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from posapp.ui.customer_display import show_on_customer_screen
    from posapp.ui.fonts import app_font, register_fonts
    from posapp.ui.i18n import install_qt_translations, install_translator
    from posapp.ui.messages import explain
    from posapp.ui.screen_fit import show_fitted

    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication([sys.argv[0]])
    app.setFont(app_font(register_fonts()))
    install_translator(app, settings.locale)
    install_qt_translations(app, settings.locale)

    db, error = open_till_database(settings, demo=not args.no_demo)
    if db is None:  # the words of the error, never its text (details are in the log)
        words = explain(error) if error is not None else ""
        where = redact_url(settings.database.resolved_url())
        QMessageBox.critical(None, "I·Market·U POS", f"{where}\n\n{words}")
        return 3

    built = build(db, settings, config_path=args.config)
    window = built.window
    show_fitted(window)
    if built.display is not None:
        show_on_customer_screen(
            built.display, on_one_screen=settings.sales.customer_display_on_one_screen
        )
    built.offer_recovery()
    settle_memory()
    if args.screenshot:

        def shoot() -> None:
            window.grab().save(str(args.screenshot))
            app.quit()

        QTimer.singleShot(500, shoot)
    code = app.exec()
    built.shutdown()
    db.dispose()
    return code


@dataclass
class App:
    """The built till: its windows, use cases, devices and workers (tests reach them here)."""

    window: CheckoutWindow
    display: CustomerDisplay | None
    session: CheckoutSession
    till: Till
    queue: PrintQueue
    wedge: WedgeScanFilter
    router: ScanRouter
    printer: ReceiptPrinter
    terminal: CardTerminal | None
    sync: SyncWorker | None
    forwarder: Forwarder | None
    jobs: Jobs
    screens: Screens
    bridge: QObject  # the worker threads' signals to the Qt thread, kept alive with the App
    shutdown: Callable[[], None]
    # the live catalogue: poll now (a timer does it every half minute)
    follow_catalog: Callable[[], object] = lambda: None

    def offer_recovery(self) -> None:
        self.window.offer_recovery()

    def retry_cash_receipts(self) -> Task[RetryResult]:
        return self.jobs.retry_cash_receipts()

    def release_class_holds(self) -> Task[tuple[BookingInfo, ...]]:
        return self.jobs.release_class_holds()


def build(
    db: Database,
    settings: Settings,
    *,
    runner: TaskRunner | SyncRunner | None = None,
    printer: ReceiptPrinter | None = None,
    terminal: CardTerminal | None = None,
    config_path: Path | None = None,
) -> App:
    """Wire the till: config → database → use cases → hardware → workers → windows. Tests
    pass their own runner, printer and terminal. ``config_path`` is the file the settings
    screen edits (default: default_config_path())."""
    runner = runner or TaskRunner()
    sales = settings.sales
    session = CheckoutSession(db, SessionSettings.from_config(settings, recovery_dir=data_dir()))
    session.spool = open_spool(db, settings)
    session.load_index()  # offline (server unreachable): from the spool's snapshot
    bridge = Bridge()
    # hardware adapters
    printer = printer or devices.receipt_printer(settings, data_dir() / "receipts")
    render_process.start()  # receipts are drawn there, never in the till's process
    queue = PrintQueue(printer, JobStore(data_dir() / "print-queue"))
    terminal = terminal or devices.card_terminal(settings)
    scale = devices.scale(settings)
    pole = devices.pole_display(settings)
    # workers
    sync = sync_worker(db, settings, bridge.sync.emit)
    # use cases
    printing = ReceiptPrinting(session, queue, settings, devices.printer_config(settings).paper_mm)
    payments = Payments(
        session,
        terminal,
        card_timeout=float(settings.card.timeout_s),
        printing=printing,
        sync_now=sync.sync_now if sync is not None else None,
    )  # the money rules (원단위 절사, 할부, vouchers, 현금영수증) are store policy
    till = Till(session, payments, printing, Approvals(session, register_id=settings.register.id))
    # windows
    window = CheckoutWindow(
        till,
        Devices(drawer=printer, scale=scale, sync_now=sync.sync_now if sync else None),
        runner,
        quick_keys=till.quick_keys(),
        title=f"{settings.store.name} POS",
    )
    if settings.card.practice:  # a simulator at the terminal: no card payment moves money
        window.practice_label.show()

    def print_jobs_changed(_job: object = None) -> None:
        """Every failed receipt in the banner (those from before a restart too)."""
        failed = [(j.id, j.receipt.title or j.kind, j.error_code) for j in queue.failed()]
        window.show_print_failures(failed, queue.reprint)

    bridge.job.connect(print_jobs_changed)
    print_jobs_changed()
    queue.subscribe(bridge.job.emit)
    scanner = settings.scanner
    wedge = WedgeScanFilter(
        WedgeSettings.from_config(
            prefix=scanner.prefix,
            suffix=scanner.suffix,
            max_gap_ms=scanner.max_gap_ms,
            min_length=scanner.min_length,
        )
    )
    router = ScanRouter(window, window)  # the window or dialog in front takes the scan
    wedge.scanned.connect(router.route)
    wedge.install(QApplication.instance())
    display = None
    if sales.customer_display:
        english = till.english_name if sales.customer_display_english else None
        display = CustomerDisplay(till.promotions(), english=english)
        passive(display)  # a click on the customer's screen never takes the scans
        window.ticket_changed.connect(display.show_ticket)
        window.sale_completed.connect(display.show_sale)
    if pole is not None:
        window.ticket_changed.connect(lambda p: runner.io(lambda: devices.pole_ticket(pole, p)))
        window.sale_completed.connect(lambda s: runner.io(lambda: devices.pole_sale(pole, s)))
    serial_scanner = devices.serial_scanner(settings, bridge.code.emit)
    if serial_scanner is not None:
        bridge.code.connect(router.route)
    screens = wire_screens(db, settings, window, runner, config_path)
    jobs = start_jobs(
        db,
        settings,
        runner,
        window,
        terminal=terminal,
        classes=screens.classes,
        cash_receipts_issued=window.cash_receipts_issued,
    )
    if terminal is not None and jobs.retry_card_cancels is not None:
        screens.card_refund_hooks.append(jobs.retry_card_cancels)
    watch = CatalogWatch(session)

    def follow_catalog() -> Task[CatalogUpdate]:
        return (
            runner.db(watch.poll)
            .success(window.catalog_changed)
            .failure(lambda exc: log.info("catalogue not followed now: %s", exc))
        )

    follow_catalog()  # the moment to follow from
    catalog_timer = QTimer(window)
    catalog_timer.setInterval(POLL_SECONDS * 1000)
    catalog_timer.timeout.connect(follow_catalog)
    catalog_timer.start()
    if sales.idle_signout_minutes > 0:
        window.enable_idle_sign_out(sales.idle_signout_minutes * 60_000)
    bridge.sync.connect(window.set_sync_status)
    if sync is not None:
        sync.start()
    forwarder = None
    if session.spool is not None:
        forwarder = Forwarder(
            session.spool,
            db,
            is_offline=lambda: session.offline,
            back_online=session.back_online,
            publish=bridge.offline.emit,
        )
        session.on_offline = forwarder.wake
        bridge.offline.connect(window.set_offline_state)
        forwarder.start()

    def shutdown() -> None:
        # a round still running after stop() must never reach the Qt objects going away
        if forwarder is not None:
            forwarder.publish = None
        if sync is not None:
            sync.on_status = None
        retire(bridge)  # a worker's last signal may still be queued: the bridge outlives the App
        for worker in (sync, forwarder, jobs):
            if worker is not None:
                worker.stop()
        queue.wait_idle(5)
        queue.close()
        wedge.remove(QApplication.instance())
        runner.shutdown()
        if serial_scanner is not None:
            serial_scanner.stop()
        for device in (scale, pole):
            if device is not None:
                device.close()

    return App(
        window, display, session, till, queue, wedge, router, printer, terminal, sync, forwarder,
        jobs, screens, bridge, shutdown, follow_catalog,
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
