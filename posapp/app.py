"""``posapp``: the composition root. Reads configuration, opens and migrates the database
(loading demo data into a new embedded one), builds the hardware adapters (printer and its
queue, card terminal, wedge scanner filter), the checkout session and windows.

The only module that knows every other; nothing imports it.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def _parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="posapp", description="I·Market·U POS")
    p.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the data dir)")
    p.add_argument("--config", metavar="FILE", type=Path)
    p.add_argument("--no-demo", action="store_true", help="do not load demo data into a new db")
    p.add_argument(
        "--screenshot", metavar="PNG", type=Path, help="save a screenshot of the window and quit"
    )
    return p.parse_known_args(argv)[0]


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    from posapp.config import ConfigError, load_settings, redact_url
    from posapp.logging_setup import setup_logging

    try:
        settings = load_settings(args.config, db_url=args.db)
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    log_file = setup_logging(settings.log_level, stderr=True)
    log.info("starting posapp; log file %s", log_file)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from posapp.ui.fonts import app_font, register_fonts
    from posapp.ui.i18n import install_qt_translations, install_translator

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setFont(app_font(register_fonts()))
    install_translator(app, settings.locale)
    install_qt_translations(app, settings.locale)

    from posapp.bootstrap import open_database
    from posapp.demo import has_data, load_demo

    error = ""
    try:
        db = open_database(settings)
        if settings.database.demo_on_first_start and not args.no_demo and not has_data(db):
            result = load_demo(db)
            log.info("demo data loaded into a new database: %s products", result.products)
    except Exception as exc:
        log.exception("cannot open the database")
        error = str(exc)
        db = start_offline(settings)
    if db is None:
        QMessageBox.critical(
            None,
            "I·Market·U POS",
            f"데이터베이스를 열 수 없습니다.\nCannot open the database:\n"
            f"{redact_url(settings.database.resolved_url())}\n\n{error}",
        )
        return 3

    parts = build(db, settings, config_path=args.config)
    window = parts["window"]
    window.show()
    if parts.get("display") is not None:
        parts["display"].show()
    parts["offer_recovery"]()
    settle_memory()
    if args.screenshot:

        def shoot() -> None:
            window.grab().save(str(args.screenshot))
            app.quit()

        QTimer.singleShot(500, shoot)
    code = app.exec()
    parts["shutdown"]()
    db.dispose()
    return code


def start_offline(settings: Any) -> Any:
    """The till (re)starts while its PostgreSQL cannot be reached: when it has a spool with a
    snapshot, it starts offline on it (the server's schema is migrated later, by a till that
    starts online). Returns the (unconnected) server Database, or None."""
    from posapp.config import data_dir
    from posapp.db.engine import Database
    from posapp.sales.offline.spool import Spool, spool_path
    from posapp.secrets import database_url_with_password

    url = database_url_with_password(settings.database.resolved_url())
    path = spool_path(data_dir(), settings.register.id)
    if not url.startswith(("postgresql", "postgres")) or not settings.sales.offline_spool:
        return None
    if not path.exists():
        return None
    spool = Spool(path, settings.register.id)
    try:
        if not spool.ready():
            return None
    finally:
        spool.dispose()
    log.warning("starting OFFLINE on the spool %s: the database cannot be reached", path)
    return Database(url)


def _spool(db: Any, settings: Any) -> Any:
    """A till on PostgreSQL keeps a local spool to sell on when the server is unreachable
    (posapp.sales.offline); a SQLite till is its own database and needs none."""
    if db.dialect != "postgresql" or not settings.sales.offline_spool:
        return None
    from posapp.config import data_dir
    from posapp.sales.offline.spool import Spool, spool_path

    try:
        return Spool(spool_path(data_dir(), settings.register.id), settings.register.id)
    except Exception:  # the till still sells online; say so in the log
        log.exception("the offline spool could not be opened: this till cannot sell offline")
        return None


def build(
    db: Any,
    settings: Any,
    *,
    runner: Any = None,
    printer: Any = None,
    config_path: Any = None,
) -> dict[str, Any]:
    """Wire the checkout: session, devices, windows. Tests call this with their own runner.
    ``config_path`` is the file the settings screen edits (default: default_config_path())."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    from posapp.config import data_dir
    from posapp.domain.barcodes import ScaleLayout
    from posapp.hardware.print_queue import PrintJob, PrintQueue
    from posapp.hardware.printer import make_printer, parse_uri, printer_uri
    from posapp.hardware.receipt import layout_sale, layout_text
    from posapp.hardware.wedge import WedgeScanFilter
    from posapp.inventory import catalog
    from posapp.sales.tenders import CashReceiptRequest, Method, Tender
    from posapp.ui.checkout import CheckoutWindow, Devices
    from posapp.ui.checkout_session import CheckoutSession, SessionSettings
    from posapp.ui.customer_display import CustomerDisplay
    from posapp.ui.messages import explain
    from posapp.ui.receipts import sale_receipt, store_header
    from posapp.ui.tasks import TaskRunner

    runner = runner or TaskRunner()
    sales = settings.sales
    layout = ScaleLayout.from_config(
        {
            "prefixes": sales.scale_prefixes,
            "item_digits": sales.scale_item_digits,
            "value_digits": sales.scale_value_digits,
            "value_kind": sales.scale_value_kind,
        }
    )
    session = CheckoutSession(
        db,
        SessionSettings(
            register_id=settings.register.id,
            discount_limit_percent=sales.discount_limit_percent,
            cash_receipt_prompt_from=sales.cash_receipt_prompt_from,
            layouts=(layout,),
            recovery_dir=data_dir(),
        ),
    )
    session.spool = _spool(db, settings)
    spool = session.spool
    session.load_index()  # offline (server unreachable): from the spool's snapshot
    config = replace(parse_uri(printer_uri(settings.printer)), drawer_pin=sales.drawer_pin)
    printer = printer or make_printer(config, data_dir() / "receipts")
    queue = PrintQueue(printer)
    paper = config.paper_mm

    class Bridge(QObject):
        job = Signal(object)
        code = Signal(str)  # from a serial scanner's thread
        sync = Signal(object)  # SyncStatus, from the sync worker's thread
        offline = Signal(object)  # OfflineState, from the offline forwarder's thread

    bridge = Bridge()
    sync = _sync_worker(db, settings, bridge.sync.emit)
    terminal = _card_terminal(settings)

    def card_approve(amount: int) -> Any:
        def approve() -> Tender:
            a = terminal.approve(
                amount, request_id=str(uuid.uuid4()), timeout=float(settings.card.timeout_s)
            )
            return Tender(
                Method.CARD,
                a.amount,
                approval_no=a.approval_no,
                approved_at=a.approved_at,
                card_masked=a.card_masked,
                card_issuer=a.issuer,
                installment_months=a.installment_months,
            )

        return runner.io(approve)

    def issue_cash_receipt(amount: int, request: CashReceiptRequest) -> Any:
        """현금영수증 through the terminal/VAN; the request comes back with its approval."""

        def issue() -> CashReceiptRequest:
            a = terminal.issue_cash_receipt(
                amount,
                request.normalized_identity(),
                request.purpose.value,
                request_id=str(uuid.uuid4()),
            )
            return dataclasses.replace(
                request, approval_no=a.approval_no, approved_at=a.approved_at
            )

        return runner.io(issue)

    def promo_for(sale: Any) -> tuple[str, str] | None:
        ids = [ln.product_id for ln in sale.lines]

        def read(uow: Any) -> tuple[str, str] | None:
            products = catalog.products_by_id(uow.conn, ids)
            regions = [p.region_id for p in products.values() if p.region_id]
            return catalog.region_promo(uow.conn, regions)

        return session._read(read)  # offline: the spool's copy of the regions

    def print_sale(sale: Any, copy: bool) -> None:
        cashier = session.user.name if session.user else ""

        def make() -> Any:
            data = sale_receipt(sale, settings, cashier=cashier, copy=copy, promo=promo_for(sale))
            if copy:
                data = replace(data, open_drawer=False)
                session.record_reprint(sale.receipt_no)
            elif data.open_drawer:
                session.record_drawer(sale.receipt_no)
            return layout_sale(data, paper)

        runner.db(make).success(
            lambda receipt: queue.submit(receipt, "reprint" if copy else sale.kind)
        )

    def print_text(title: str, lines: list[str]) -> None:
        queue.submit(layout_text(title, lines, store_header(settings), paper), title)

    def open_drawer() -> None:
        runner.io(printer.open_drawer).failure(
            lambda exc: window.show_message(f"돈통을 열 수 없습니다: {explain(exc)}")
        )

    scale = _scale(settings)

    def read_scale() -> Any:
        return runner.io(lambda: scale.read_stable(timeout=3.0).grams)

    devices = Devices(
        print_sale=print_sale,
        print_text=print_text,
        open_drawer=open_drawer,
        card_approve=card_approve if terminal is not None else None,
        issue_cash_receipt=issue_cash_receipt if terminal is not None else None,
        read_scale=read_scale if scale is not None else None,
        sync_now=sync.sync_now if sync is not None else None,
    )
    quick = session._read(lambda uow: _quick_keys(uow))
    window = CheckoutWindow(
        session, devices, runner, quick_keys=quick, title=f"{settings.store.name} POS"
    )

    def on_job(job: PrintJob) -> None:
        if job.state == "failed":
            window.show_print_failure(job.error, lambda: queue.reprint(job.id))

    window._print_bridge = bridge  # type: ignore[attr-defined]  # keep the QObject alive
    bridge.job.connect(on_job)
    queue.subscribe(bridge.job.emit)
    wedge = WedgeScanFilter()
    wedge.scanned.connect(window.on_scanned)
    wedge.install(QApplication.instance())  # type: ignore[arg-type]
    display = None
    if sales.customer_display:
        promos = session._read(lambda uow: _promotions(uow))

        def english(product_id: int) -> str:
            entry = session.index.entry(product_id) if session.index is not None else None
            return entry.name_en if entry is not None else ""

        display = CustomerDisplay(
            promos, english=english if sales.customer_display_english else None
        )
        window.ticket_changed.connect(display.show_ticket)
        window.sale_completed.connect(display.show_sale)

    pole = _pole_display(settings)
    if pole is not None:
        window.ticket_changed.connect(lambda priced: runner.io(lambda: _pole_ticket(pole, priced)))
        window.sale_completed.connect(lambda sale: runner.io(lambda: _pole_sale(pole, sale)))
    serial_scanner = _serial_scanner(settings, bridge)
    if serial_scanner is not None:
        bridge.code.connect(window.on_scanned)

    inventory_windows: list[Any] = []

    def open_inventory() -> None:
        """F10: the manager's inventory window, after a manager's (or admin's) PIN."""
        from posapp.auth import service as auth
        from posapp.ui.inventory import InventoryWindow

        pin = window.ask.pin("재고 관리", "관리자 PIN")
        if pin is None:
            return

        def opened(manager: Any) -> None:
            inv = InventoryWindow(
                db,
                runner,
                user_id=manager.id,
                user_name=manager.name,
                documents_dir=data_dir() / "documents",
                register_id=settings.register.id,
            )
            inventory_windows[:] = [inv]
            inv.show()

        # the PIN's memory-hard hash runs on the database worker, never on the Qt thread;
        # a wrong PIN or a locked account is shown in words and nothing opens
        runner.db(lambda: db.transact(lambda uow: auth.approve(uow, pin))).success(opened).failure(
            lambda exc: window.show_message(explain(exc))
        )

    window.on_inventory = open_inventory

    classes_windows: list[Any] = []

    def class_policy() -> Any:
        """Hold time and refund tiers from the config (read when used: a bad value is said
        where classes are used, not at start-up)."""
        from posapp.classes.policy import ClassPolicy

        return ClassPolicy.from_text(settings.classes.hold_minutes, settings.classes.refund_tiers)

    def open_classes() -> None:
        """F11: the cooking-class calendar and bookings; a booking is paid on this ticket."""
        from posapp.ui.classes import ClassesWindow

        user = session.user
        cls = ClassesWindow(
            db,
            runner,
            user_id=user.id if user is not None else None,
            policy=class_policy(),
            register_id=settings.register.id,
            on_pay=window.add_booking_line,
            approve=lambda why, then: window.approve(
                why, then=lambda: then(session.pending_approver)
            ),
            out_dir=data_dir() / "classes",
        )
        classes_windows[:] = [cls]
        cls.show()

    window.on_classes = open_classes

    def release_class_holds() -> Any:
        """Unpaid class bookings past their hold time give their seats (to the waitlist) and
        reserved ingredients back every minute, whether or not anyone has the classes window
        open — the stock offered online counts reservations."""
        from posapp.classes import bookings as class_bookings

        policy = class_policy()
        return runner.db(
            lambda: db.transact(lambda uow: class_bookings.release_expired(uow, policy=policy))
        ).failure(lambda exc: log.info("class holds not released now: %s", exc))

    from PySide6.QtCore import QTimer

    holds_timer = QTimer(window)
    holds_timer.setInterval(60_000)
    holds_timer.timeout.connect(release_class_holds)
    holds_timer.start()

    def retry_cash_receipts() -> Any:
        """현금영수증 the terminal could not issue at the till, issued now that it answers
        (every few minutes on the I/O pool; posapp.sales.cash_receipts)."""
        from posapp.sales import cash_receipts

        def issue(amount: int, identity: str, purpose: str) -> Any:
            return terminal.issue_cash_receipt(
                amount, identity, purpose, request_id=str(uuid.uuid4())
            )

        return (
            runner.io(lambda: cash_receipts.retry(db, settings.register.id, issue))
            .success(lambda result: window.cash_receipts_issued(result.issued))
            .failure(lambda exc: log.info("pending cash receipts not retried: %s", exc))
        )

    cash_receipt_timer = None
    if terminal is not None:
        cash_receipt_timer = QTimer(window)
        cash_receipt_timer.setInterval(180_000)
        cash_receipt_timer.timeout.connect(retry_cash_receipts)
        cash_receipt_timer.start()
    if sales.idle_signout_minutes > 0:
        window.enable_idle_sign_out(sales.idle_signout_minutes * 60_000)
    _audit_shortcut(db, window, runner)
    window.on_settings = _settings_screen(db, window, runner, config_path)
    window.on_staff = _staff_screen(db, window, runner, settings.register.id)
    backups = _schedule_backups(db, settings, runner)
    reports_windows: list[Any] = []

    def open_reports() -> None:
        """Ctrl+R: the manager's reports and dashboard, after a manager's (or admin's) PIN."""
        from posapp.auth import service as auth
        from posapp.ui.reports import ReportsWindow

        pin = window.ask.pin("보고서", "관리자 PIN")
        if pin is None:
            return

        def opened(manager: Any) -> None:
            # its own database worker: a long report (or the first summing of a year into the
            # rollup) never queues in front of the till's sales
            from posapp.ui.tasks import SyncRunner, TaskRunner

            own = runner if isinstance(runner, SyncRunner) else TaskRunner(io_workers=1)
            rep = ReportsWindow(
                db,
                own,
                register_id=settings.register.id,
                user_name=manager.name,
                owns_runner=own is not runner,
            )
            reports_windows[:] = [rep]
            rep.show()

        runner.db(lambda: db.transact(lambda uow: auth.approve(uow, pin))).success(opened).failure(
            lambda exc: window.show_message(explain(exc))
        )

    window.on_reports = open_reports

    def offer_recovery() -> None:
        ticket = session.recoverable()
        if ticket is None:
            return
        total = ticket.priced().total
        if window.ask.confirm(
            "이전 거래 복구",
            f"저장되지 않은 거래가 있습니다 ({len(ticket.lines)}건, ₩{total:,}). 불러올까요?",
        ):
            session.restore(ticket)
            window._refresh()
        else:
            session.clear_recovery()

    bridge.sync.connect(window.set_sync_status)
    if sync is not None:
        sync.start()
    forwarder = None
    if spool is not None:
        from posapp.sales.offline.forwarder import Forwarder

        forwarder = Forwarder(
            spool,
            db,
            is_offline=lambda: session.offline,
            back_online=session.back_online,
            publish=bridge.offline.emit,
        )
        session.on_offline = forwarder.wake
        bridge.offline.connect(window.set_offline_state)
        forwarder.start()

    def shutdown() -> None:
        if sync is not None:
            sync.stop()
        if forwarder is not None:
            forwarder.stop()
        if backups is not None:
            backups.stop()
        queue.wait_idle(5)
        queue.close()
        wedge.remove(QApplication.instance())  # type: ignore[arg-type]
        runner.shutdown()
        if hasattr(terminal, "simulator"):
            terminal.simulator.stop()
        for device in (serial_scanner, scale, pole):
            if device is not None:
                (getattr(device, "stop", None) or device.close)()

    return {
        "window": window,
        "display": display,
        "session": session,
        "queue": queue,
        "wedge": wedge,
        "offer_recovery": offer_recovery,
        "shutdown": shutdown,
        "printer": printer,
        "terminal": terminal,
        "sync": sync,
        "forwarder": forwarder,
        "retry_cash_receipts": retry_cash_receipts,
        "release_class_holds": release_class_holds,
        "open_inventory": open_inventory,
        "open_classes": open_classes,
        "open_reports": open_reports,
    }


def _audit_shortcut(db: Any, window: Any, runner: Any) -> None:
    """Ctrl+Shift+A opens the audit log for a signed-in user holding the settings permission."""
    from PySide6.QtGui import QKeySequence, QShortcut

    from posapp import audit
    from posapp.auth.permissions import Permission, require_permission
    from posapp.ui.audit import AuditBrowser

    def load(flt: audit.AuditFilter) -> list[audit.AuditRow]:
        user = window.session.user

        def run(uow: Any) -> list[audit.AuditRow]:
            require_permission(uow, user.id if user else None, Permission.SETTINGS, "the audit log")
            return audit.list_events(uow, flt)

        return db.read(run)

    def open_browser() -> None:
        kinds = db.read(audit.actions)
        browser = AuditBrowser(load, runner, actions=kinds, parent=window)
        browser.refresh()
        browser.show()
        window._audit_browser = browser  # keep it alive while open

    shortcut = QShortcut(QKeySequence("Ctrl+Shift+A"), window)
    shortcut.activated.connect(open_browser)
    window._audit_shortcut = shortcut


def _guarded(
    db: Any,
    window: Any,
    runner: Any,
    allowed: Callable[[Any, int | None], Any],
    show: Callable[[Any], None],
    title: str,
    prompt: str,
) -> Callable[[], None]:
    """An opener for a screen that needs a permission: the signed-in user's, or whoever types
    their PIN in place. ``allowed(uow, user_id)`` returns the actor or raises
    ``auth.approval_required``; both checks run on the database worker, never the Qt thread."""
    from posapp.auth import service as auth
    from posapp.ui.messages import explain

    def open_screen() -> None:
        user = window.session.user

        def with_pin(exc: BaseException) -> None:
            if getattr(exc, "code", None) != "auth.approval_required":
                window.show_message(explain(exc))
                return
            pin = window.ask.pin(title, prompt)
            if pin is None:
                window.show_message(explain(exc))
                return
            runner.db(
                lambda: db.transact(lambda uow: allowed(uow, auth.approve(uow, pin).id))
            ).success(show).failure(lambda e: window.show_message(explain(e)))

        runner.db(lambda: db.read(lambda uow: allowed(uow, user.id if user else None))).success(
            show
        ).failure(with_pin)

    return open_screen


def _staff_screen(db: Any, window: Any, runner: Any, register_id: str) -> Callable[[], None]:
    """Ctrl+Shift+U: the staff and permissions screen, for a holder of ``user_admin``."""
    from posapp.auth import service as auth
    from posapp.auth.permissions import Permission, require_permission
    from posapp.ui.staff import StaffDialog

    def show(actor: Any) -> None:
        dialog = StaffDialog(db, runner, actor_id=actor.id, register_id=register_id, parent=window)
        window._staff_dialog = dialog  # kept alive while open; tests reach it here
        dialog.refresh()
        dialog.open()

    def allowed(uow: Any, user_id: int | None) -> Any:
        require_permission(uow, user_id, Permission.USER_ADMIN, "the staff screen")
        return auth.get_user(uow, user_id)  # type: ignore[arg-type]

    return _guarded(
        db, window, runner, allowed, show, "직원·권한", "직원 관리 권한이 있는 관리자 PIN"
    )


def _settings_screen(db: Any, window: Any, runner: Any, config_path: Any) -> Any:
    """Ctrl+Shift+S: the settings dialog (register the till, its devices, the database), for a
    user holding the ``settings`` permission — the signed-in one, or whoever types their PIN
    in place (checked on the database worker, never on the Qt thread)."""
    from posapp import secrets, till_setup
    from posapp.auth import service as auth
    from posapp.config import default_config_path
    from posapp.ui.i18n import available_locales
    from posapp.ui.settings import SettingsDialog

    path = config_path or default_config_path()
    locales = tuple(available_locales())

    def show(actor: Any) -> None:
        dialog = SettingsDialog(
            till_setup.read(path),
            check=lambda url: runner.io(lambda: till_setup.check_database(url)),
            save=lambda new, token: runner.db(
                lambda: till_setup.save(
                    db, path, new, actor_id=actor.id, token=token, locales=locales
                )
            ),
            locales=list(locales),
            token_where=secrets.describe(secrets.PLATFORM_TOKEN),
            parent=window,
        )
        window._settings_dialog = dialog  # kept alive while open; tests reach it here
        dialog.open()

    def allowed(uow: Any, user_id: int | None) -> Any:
        till_setup.require_settings(uow, user_id)
        return auth.get_user(uow, user_id)  # type: ignore[arg-type]

    open_settings = _guarded(
        db, window, runner, allowed, show, "설정", "설정 권한이 있는 관리자 PIN"
    )
    return open_settings


def _schedule_backups(db: Any, settings: Any, runner: Any) -> Any:
    """SQLite: a scheduled backup checked every hour on the I/O pool (never the Qt thread)."""
    if db.dialect != "sqlite" or not settings.backup.enabled:
        return None
    from PySide6.QtCore import QTimer

    from posapp.backup import BackupError, run_scheduled, sqlite_path

    try:
        source = sqlite_path(db.url)
    except BackupError:
        return None
    b = settings.backup

    def run() -> Any:
        return run_scheduled(
            source, b.resolved_dir(), every_hours=b.every_hours, keep_days=b.keep_days
        )

    def tick() -> None:
        runner.io(run).failure(lambda exc: log.error("scheduled backup failed: %s", exc))

    timer = QTimer()
    timer.setInterval(3_600_000)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(60_000, tick)  # a minute after start-up, then hourly
    return timer


def settle_memory() -> None:
    """After start-up: move the catalogue index and other long-lived objects out of the
    garbage collector's view (gc.freeze), so a full collection never pauses a scan for tens of
    milliseconds while it walks 100k products' worth of objects."""
    import gc

    gc.collect()
    gc.freeze()


def _sync_worker(db: Any, settings: Any, on_status: Any) -> Any:
    """The platform sync worker, or None while no platform URL is configured (sync off)."""
    url = settings.platform.url.strip()
    if not url:
        return None
    from posapp.secrets import platform_token
    from posapp.sync.client import PlatformClient
    from posapp.sync.worker import SyncWorker

    token = platform_token(settings.platform.token)
    return SyncWorker(
        db, lambda: PlatformClient(url, token), settings.register.id, on_status=on_status
    )


def _card_terminal(settings: Any) -> Any:
    """The configured card terminal, or None (payments by card then keyed in by hand)."""
    spec = settings.card.terminal.strip()
    if not spec:
        return None
    try:
        from posapp.hardware.card_terminal import TcpCardTerminal, from_uri
    except ImportError:
        log.warning("card terminal adapter not available; cards by hand only")
        return None
    if spec == "simulator":
        from posapp.hardware.card_simulator import CardTerminalSimulator

        sim = CardTerminalSimulator(port=0)
        sim.start()
        terminal = TcpCardTerminal("127.0.0.1", sim.port)
        terminal.simulator = sim  # type: ignore[attr-defined]
        return terminal
    return from_uri(spec)


def _scale(settings: Any) -> Any:
    s = settings.scale
    if not s.kind:
        return None
    from posapp.hardware import serial_scale
    from posapp.hardware.ports import HardwareError

    try:
        if s.kind == "cas":
            return serial_scale.CasPd2Scale(s.device, baudrate=s.baudrate)
        request = s.request.encode().decode("unicode_escape").encode("latin-1")
        return serial_scale.GenericSerialScale(
            s.device, baudrate=s.baudrate, request=request, pattern=s.pattern
        )
    except HardwareError as exc:
        log.warning("scale unavailable (%s): weights are typed", exc)
        return None


def _pole_display(settings: Any) -> Any:
    d = settings.pole_display
    if d.kind != "cd5220":
        return None
    from posapp.hardware.pole_display import Cd5220Display
    from posapp.hardware.ports import HardwareError

    try:
        return Cd5220Display(d.device, baudrate=d.baudrate)
    except HardwareError as exc:
        log.warning("pole display unavailable: %s", exc)
        return None


def _pole_ticket(pole: Any, priced: Any) -> None:
    from posapp.hardware.pole_display import format_total

    if not priced.lines:
        pole.show("WELCOME", "I-MARKET-U")
        return
    last = priced.lines[-1]
    pole.show(f"ITEM {len(priced.lines)}  W{last.net:,}", format_total("TOTAL", priced.total))


def _pole_sale(pole: Any, sale: Any) -> None:
    from posapp.hardware.pole_display import format_total

    pole.show(format_total("TOTAL", sale.total), format_total("CHANGE", sale.change))


def _serial_scanner(settings: Any, bridge: Any) -> Any:
    s = settings.scanner
    if s.kind != "serial" or not s.device:
        return None
    from posapp.hardware.serial_scanner import SerialScanner

    scanner = SerialScanner(s.device, baudrate=s.baudrate)
    scanner.start(bridge.code.emit)
    return scanner


def _quick_keys(uow: Any) -> dict[str, list[Any]]:
    """Unbarcoded and weighed produce with a PLU, grouped by region, for the quick-key grid."""
    from sqlalchemy import select

    from posapp.db.models import Product, Region
    from posapp.inventory import catalog

    rows = uow.conn.execute(
        select(Product.id, Region.name)
        .join(Region, Region.id == Product.region_id, isouter=True)
        .where(Product.plu.is_not(None), Product.active)
        .order_by(Region.name, Product.name_ko)
    ).all()
    products = catalog.products_by_id(uow.conn, [r[0] for r in rows])
    groups: dict[str, list[Any]] = {}
    for pid, region in rows:
        groups.setdefault(region or "기타", []).append(products[pid])
    return groups


def _promotions(uow: Any) -> list[Any]:
    from sqlalchemy import select

    from posapp.db.models import Region
    from posapp.ui.customer_display import Promotion

    out = []
    for name, province, festival, tourism, season, promo in uow.conn.execute(
        select(
            Region.name,
            Region.province,
            Region.festival,
            Region.tourism,
            Region.season,
            Region.promo,
        ).where(Region.active)
    ):
        lines = tuple(x for x in (promo, tourism, season) if x)
        out.append(Promotion(f"{province} {name}", festival or "", lines))
    return out


if __name__ == "__main__":
    sys.exit(main())
