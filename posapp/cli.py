"""``posapp-admin``: the headless administration CLI (stable: scripts and checks call it).

Commands: ``init``, ``demo``, ``products import FILE`` / ``products export FILE``, ``verify``,
``report z --register ID --date YYYY-MM-DD`` and ``report x --register ID``, ``report NAME
--from DATE [--to DATE] [--format txt|csv|pdf] [--out FILE]`` (posapp.reports), ``user add``,
``backup --out FILE`` / ``restore FILE [--disconnect-others]`` (SQLite or pg_dump),
``perm list|grant|revoke``, ``audit``,
``sync``, ``offline``, ``cash-receipts``, ``secret``, ``printer test``, ``policy``,
``lockout`` (posapp.cli_control; every command that writes asks who you are: ``--user NAME``
and the PIN); ``printer-emulator`` and
``terminal-simulator`` hand over to the developer tools' own commands
(``posapp-printer-emulator``, ``posapp-card-simulator``).
Exit codes: 0 success, 1 the command ran and found a problem (rejected import, failed
verification), 2 bad usage or configuration, 3 database unreachable or busy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from posapp.config import Settings, load_settings, redact_url
from posapp.config_errors import ConfigError
from posapp.db.engine import Database, DatabaseError, UnitOfWork
from posapp.domain import calendar
from posapp.errors import PosError

EXIT_PROBLEM, EXIT_USAGE, EXIT_DB = 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    from posapp.cli_control import control_parsers
    from posapp.cli_control import who_arg as _who

    p = argparse.ArgumentParser(prog="posapp-admin", description="I·Market·U POS administration")
    p.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the data dir)")
    p.add_argument("--config", metavar="FILE", type=Path, help="TOML configuration file")
    sub = p.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help="create or migrate the database")
    init.add_argument("--admin", help="on a database without users: the first admin's name")
    demo = sub.add_parser("demo", help="load demo data into an empty database")
    _who(demo)
    demo.add_argument("--days", type=int, default=3, help="days of sales history (default 3)")
    demo.add_argument("--sales-per-day", type=int, default=80)
    products = sub.add_parser("products", help="product CSV import/export")
    psub = products.add_subparsers(dest="action", required=True)
    imp = psub.add_parser("import", help="import a product CSV (all or nothing)")
    imp.add_argument("file", type=Path)
    _who(imp)
    exp = psub.add_parser("export", help="export all products as CSV")
    exp.add_argument("file", type=Path)
    sub.add_parser("verify", help="check stock against the ledger and the journal chain")
    report = sub.add_parser("report", help="register reports")
    rsub = report.add_subparsers(dest="report", required=True)
    z = rsub.add_parser("z", help="Z report of a register's business day")
    z.add_argument("--register", required=True)
    z.add_argument("--date", required=True, type=dt.date.fromisoformat, help="YYYY-MM-DD")
    x = rsub.add_parser("x", help="X report of a register's open shift")
    x.add_argument("--register", required=True)
    _report_parsers(rsub)
    user = sub.add_parser("user", help="users")
    usub = user.add_subparsers(dest="action", required=True)
    add = usub.add_parser("add", help="add a user (PIN read from POSAPP_NEW_PIN or a prompt)")
    add.add_argument("name")
    add.add_argument("role", choices=["cashier", "manager", "class_staff", "admin"])
    _who(add)
    usub.add_parser("list", help="list active users")
    printer = sub.add_parser("printer", help="receipt printers")
    prsub = printer.add_subparsers(dest="action", required=True)
    test = prsub.add_parser("test", help="print a test receipt (Hangul, both modes, a barcode)")
    test.add_argument(
        "--printer",
        default="",
        help="preview:, network://HOST:PORT, usb://VID:PID, serial:///dev/X?baud=N, "
        "file:///dev/usb/lp0 (default: the configured printer)",
    )
    test.add_argument("--mode", choices=["native", "raster", "both"], default="both")
    sync = sub.add_parser("sync", help="sync with the online platform ([platform] url, token)")
    ssub = sync.add_subparsers(dest="action", required=True)
    ssub.add_parser("status", help="what waits in the outbox, the server cursors")
    _who(ssub.add_parser("run", help="one pass now: push the outbox, pull changes and orders"))
    _who(ssub.add_parser("retry-rejected", help="queue documents the platform rejected again"))
    from posapp import accounts_cli

    accounts_cli.add_parsers(sub, _who)
    cr = sub.add_parser("cash-receipts", help="현금영수증 the terminal could not issue at the till")
    crsub = cr.add_subparsers(dest="action", required=True)
    crsub.add_parser("list", help="every pending cash receipt (masked identity), oldest first")
    cri = crsub.add_parser("issue", help="record the approval number the VAN's site gave")
    cri.add_argument("id", type=int)
    cri.add_argument("approval")
    _who(cri)
    off = sub.add_parser("offline", help="this till's offline spool (sales made while offline)")
    osub = off.add_subparsers(dest="action", required=True)
    osub.add_parser("status", help="sales waiting and refused, the snapshot's age")
    osub.add_parser("list", help="every queued sale, with the server's reason if refused")
    _who(osub.add_parser("forward", help="send the queued sales to the database now"))
    _who(osub.add_parser("retry", help="put the sales the database refused back in line"))
    perm = sub.add_parser("perm", help="permissions granted to roles")
    psub2 = perm.add_subparsers(dest="action", required=True)
    psub2.add_parser("list", help="every role with its permissions")
    for name in ("grant", "revoke"):
        cmd = psub2.add_parser(name, help=f"{name} a permission (needs an admin's PIN)")
        cmd.add_argument("role", choices=["cashier", "manager", "class_staff", "admin"])
        cmd.add_argument("permission")
        _who(cmd, "--admin")
    audit = sub.add_parser("audit", help="audit events, newest first")
    audit.add_argument("--since", type=dt.date.fromisoformat, help="YYYY-MM-DD (Seoul)")
    audit.add_argument("--until", type=dt.date.fromisoformat, help="YYYY-MM-DD (Seoul)")
    audit.add_argument("--user", help="user name")
    audit.add_argument("--action", help="action, e.g. sale.refund or perm (prefix)")
    audit.add_argument("--limit", type=int, default=100)
    secret = sub.add_parser("secret", help="secrets kept outside the database and logs")
    ssub = secret.add_subparsers(dest="action", required=True)
    sset = ssub.add_parser("set", help="store a secret (value read from a prompt or stdin)")
    sset.add_argument("name", choices=["db_password", "platform_token", "pin_pepper"])
    _who(sset)
    swhere = ssub.add_parser("where", help="say where a secret is kept (never its value)")
    swhere.add_argument("name", choices=["db_password", "platform_token", "pin_pepper"])
    backup = sub.add_parser("backup", help="copy the SQLite database, consistent while selling")
    backup.add_argument("--out", required=True, type=Path, metavar="FILE")
    restore = sub.add_parser(
        "restore",
        help="replace the database by a checked backup (SQLite file or pg_dump; stop the tills)",
    )
    restore.add_argument("file", type=Path)
    restore.add_argument("--check", action="store_true", help="only check the file, change nothing")
    restore.add_argument(
        "--disconnect-others",
        action="store_true",
        help="PostgreSQL: end the sessions of tills still connected instead of refusing",
    )
    _who(restore)
    control_parsers(sub, _who)
    sub.add_parser(
        "printer-emulator", help="an ESC/POS printer on 127.0.0.1 (PNG + text); --help for options"
    )
    sub.add_parser(
        "terminal-simulator", help="a card terminal simulator on 127.0.0.1; --help for options"
    )
    return p


_PASS_THROUGH = {  # developer tools (posapp_devtools, never imported here): their own commands
    "printer-emulator": "posapp-printer-emulator",
    "terminal-simulator": "posapp-card-simulator",
}


def _run_tool(command: str, args: list[str]) -> int:
    """Replace this process by a developer tool's command, installed beside this one."""
    import os
    import shutil

    sibling = Path(sys.executable).with_name(command)
    exe = str(sibling) if sibling.exists() else shutil.which(command)
    if exe is None:
        print(f"{command} is not installed (a developer tool)", file=sys.stderr)
        return EXIT_USAGE
    os.execv(exe, [exe, *args])
    return EXIT_USAGE  # not reached: execv replaces the process


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for i, word in enumerate(argv):  # device simulators take their own options
        if word in _PASS_THROUGH:
            return _run_tool(_PASS_THROUGH[word], argv[i + 1 :])
    args = _parser().parse_args(argv)
    from posapp.logging_setup import setup_logging

    try:
        settings = load_settings(args.config, db_url=args.db)
        calendar.set_store_zone(settings.store.timezone)  # the store's day, for every module
        setup_logging(settings.log_level, stderr=True)
    except (ConfigError, calendar.TimeZoneError) as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from posapp.cli_control import GateRefused, gate, recorded

    try:
        actor = gate(args, settings)
    except (DatabaseError, PosError) as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, GateRefused) else EXIT_PROBLEM
    return recorded(args, settings, actor, _dispatch(args, settings, actor))


def _dispatch(args: argparse.Namespace, settings: Settings, actor: Any) -> int:
    if args.command == "printer":
        return _printer(args, settings)
    if args.command in ("backup", "restore"):
        return _backup(args, settings)
    if args.command == "secret":
        return _secret(args)
    if args.command == "offline" and args.action != "forward":
        return _offline(args, settings, None)
    from posapp.bootstrap import open_database

    args._settings = settings
    try:
        # verify only reads: it never migrates (so it runs on a full disk, and on what it finds)
        db = open_database(settings, migrate_to_head=args.command != "verify")
    except (DatabaseError, PosError) as exc:
        print(f"database error: {exc}", file=sys.stderr)
        return EXIT_DB
    except Exception as exc:  # SQLAlchemy/driver errors: unreachable server, bad URL ...
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            url = redact_url(settings.database.resolved_url())
            print(f"cannot open database {url}: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            return EXIT_DB
        raise
    try:
        if args.command == "sync":
            return _sync(args, settings, db)
        if args.command == "offline":
            return _offline(args, settings, db)
        if args.command == "cash-receipts":
            from posapp.cli_control import cash_receipts

            return cash_receipts(args, db, actor)
        if args.command in ("policy", "lockout"):
            from posapp.cli_control import run_control

            return run_control(args, db, settings, actor)
        if args.command == "init":
            from posapp.cli_control import init_admin

            init_admin(db, args.admin)
        if args.command == "user":
            return _user(args, db, actor)
        if args.command == "perm":
            return _perm(args, db, actor)
        if args.command == "products":
            return _products(args, db, actor)
        from posapp import accounts_cli

        if args.command in accounts_cli.COMMANDS:
            args.user = actor.user.name if actor is not None else None  # checked by its PIN
            return accounts_cli.run(args, db)
        return _run(args, db)
    except DatabaseError as exc:
        print(f"database error: {exc}", file=sys.stderr)
        return EXIT_DB
    except PosError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        db.dispose()


def _run(args: argparse.Namespace, db: Database) -> int:
    if args.command == "init":
        from posapp.db.migrate import current_revision

        print(f"database ready at revision {current_revision(db.engine)}: {redact_url(db.url)}")
        return 0
    if args.command == "demo":
        from posapp.demo import DEMO_USERS, load_demo

        result = load_demo(db, days=args.days, sales_per_day=args.sales_per_day)
        if not result.loaded:
            print("the database already has products; demo data not loaded")
            return 0
        print(
            f"demo data loaded: {result.regions} regions, {result.products} products, "
            f"{result.lots} lots, {result.sales} sales, {result.refunds} refunds"
        )
        for name, role, pin in DEMO_USERS:
            print(f"  {role.value:<12} {name}  PIN {pin}")
        return 0
    if args.command == "verify":
        from posapp.verify_cli import run_verify

        return run_verify(args, db)
    if args.command == "report":
        return _report(args, db)
    if args.command == "audit":
        return _audit(args, db)
    return EXIT_USAGE


def _offline(args: argparse.Namespace, settings: Settings, db: Database | None) -> int:
    from posapp.config import data_dir
    from posapp.sales.offline.forwarder import forward
    from posapp.sales.offline.spool import Spool, spool_path

    path = spool_path(data_dir(), settings.register.id)
    if not path.exists():
        print(f"register {settings.register.id} has no offline spool ({path})")
        return 0
    spool = Spool(path, settings.register.id)
    try:
        if args.action == "status":
            st = spool.status()
            snap = st.snapshot_at.isoformat(timespec="seconds") if st.snapshot_at else "never"
            print(f"spool: {path}")
            print(f"register {settings.register.id}: {st.queued} waiting, {st.failed} refused")
            print(f"snapshot: {snap} ({st.products} products)")
            if st.last_error:
                print(f"last refusal: {st.last_error}")
        elif args.action == "list":
            for row in spool.queued():
                state = f"REFUSED {row.error}" if row.error else "waiting"
                print(f"{row.receipt_no}  {row.created_at:%Y-%m-%d %H:%M}  {state}")
        elif args.action == "retry":
            print(f"{spool.retry_failed()} refused sale(s) queued again")
        else:
            assert db is not None
            r = forward(spool, db)
            print(
                f"sent {r.sent}, already there {r.duplicates}, refused {r.failed}; "
                f"{r.remaining} waiting"
            )
            return EXIT_PROBLEM if r.failed else 0
        return 0
    finally:
        spool.dispose()


def _sync(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from posapp.sync import outbox
    from posapp.sync.client import PlatformClient, SyncError
    from posapp.sync.worker import CATALOG_CURSOR, ORDERS_CURSOR, SyncWorker

    register = settings.register.id
    if args.action == "retry-rejected":
        n = db.transact(lambda uow: outbox.retry_rejected(uow, register))
        print(f"{n} rejected document(s) queued again")
        return 0
    if args.action == "status":

        def read(uow: UnitOfWork) -> tuple[outbox.OutboxCounts, str, str]:
            return (
                outbox.counts(uow, register),
                outbox.get_state(uow, CATALOG_CURSOR, "0"),
                outbox.get_state(uow, ORDERS_CURSOR, "0"),
            )

        counts, catalog_cursor, orders_cursor = db.read(read)
        url = settings.platform.url or "(off: no [platform] url)"
        print(f"platform: {url}")
        print(f"register {register}: {counts.pending} pending, {counts.rejected} rejected")
        print(f"cursors: catalogue {catalog_cursor}, orders {orders_cursor}")
        return 0
    if not settings.platform.url:
        print("sync is off: set [platform] url (or POSAPP_PLATFORM_URL)", file=sys.stderr)
        return EXIT_USAGE
    try:
        from posapp.secrets import platform_token

        client = PlatformClient(settings.platform.url, platform_token(settings.platform.token))
    except SyncError as exc:
        print(f"sync: {exc}", file=sys.stderr)
        return EXIT_USAGE
    worker = SyncWorker(db, lambda: client, register)
    try:
        sent = worker.run_once()
    except SyncError as exc:
        print(f"sync failed ({exc.code}): {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        client.close()
    counts = db.read(lambda uow: outbox.counts(uow, register))
    print(f"sent {sent} document(s); {counts.pending} pending, {counts.rejected} rejected")
    return 0


def _perm(args: argparse.Namespace, db: Database, actor: Any) -> int:
    from posapp.auth import permissions

    if args.action == "list":
        for role, perms in db.read(permissions.grants).items():
            print(f"{role.value:<12} {', '.join(sorted(p.value for p in perms)) or '-'}")
        return 0

    def change(uow: UnitOfWork) -> bool:  # who: checked by the gate (posapp.cli_control)
        fn = permissions.grant if args.action == "grant" else permissions.revoke
        return fn(uow, actor.user.id, args.role, args.permission)

    changed = db.transact(change)
    verb = "granted to" if args.action == "grant" else "revoked from"
    state = "" if changed else " (no change: it already was)"
    print(f"{args.permission} {verb} {args.role}{state}")
    return 0


def _audit(args: argparse.Namespace, db: Database) -> int:
    from posapp.audit import AuditFilter, list_events

    flt = AuditFilter(
        since=args.since, until=args.until, user=args.user, action=args.action, limit=args.limit
    )
    for e in db.read(lambda uow: list_events(uow, flt)):
        change = f" {e.before} -> {e.after}" if e.before or e.after else ""
        who = e.user_name or "-"
        when = f"{e.at_local:%Y-%m-%d %H:%M:%S}"
        print(f"{when}  {e.register_id or '-':<4} {who:<8} {e.action:<18} {e.target}{change}")
    return 0


def _secret(args: argparse.Namespace) -> int:
    import getpass

    from posapp import secrets

    if args.action == "where":
        print(f"{args.name}: {secrets.describe(args.name)}")
        return 0
    value = getpass.getpass(f"{args.name}: ") if sys.stdin.isatty() else sys.stdin.readline()
    value = value.strip()
    if not value:
        print("error: an empty secret was not stored", file=sys.stderr)
        return EXIT_USAGE
    where = secrets.set_secret(args.name, value)
    print(f"{args.name} stored in {where}")
    return 0


def _backup(args: argparse.Namespace, settings: Settings) -> int:
    """Backup and restore work on the file, without opening (or migrating) the database."""
    from posapp.backup import BackupError, backup_sqlite, check_backup, restore_sqlite, sqlite_path

    try:
        url = settings.database.resolved_url()
        if args.command == "backup" and url.startswith(("postgres", "postgresql")):
            from posapp.backup_pg import backup_postgres
            from posapp.restore_pg import pg_same_disk_warning
            from posapp.secrets import database_url_with_password

            info = backup_postgres(database_url_with_password(url), args.out)
            print(f"pg_dump written to {info.path} ({info.bytes} bytes), restored and verified")
            warning = pg_same_disk_warning(database_url_with_password(url), info.path.parent)
            if warning:
                print(f"warning: {warning}", file=sys.stderr)
            return 0
        if url.startswith(("postgres", "postgresql")):
            return _restore_pg(args, settings, url)
        path = sqlite_path(url)
        if args.command == "backup":
            info = backup_sqlite(path, args.out)
            print(f"backup written to {info.path} ({info.bytes} bytes, revision {info.revision})")
            from posapp.backup_pg import same_disk_warning

            warning = same_disk_warning(info.path.parent, path)
            if warning:
                print(f"warning: {warning}", file=sys.stderr)
            return 0
        if args.check:
            problems = check_backup(args.file)
            for p in problems:
                print(f"{args.file}: {p}", file=sys.stderr)
            if problems:
                return EXIT_PROBLEM
            print(f"{args.file}: ok, it can be restored")
            return 0
        kept = restore_sqlite(args.file, path)
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE if exc.code == "backup.not_sqlite" else EXIT_PROBLEM
    print(f"restored {path} from {args.file}")
    if kept is not None:
        print(f"the previous database is kept at {kept}")
    return 0


def _restore_pg(args: argparse.Namespace, settings: Settings, url: str) -> int:
    """``restore FILE.dump`` on PostgreSQL (posapp.restore_pg: checked on a scratch database,
    the current store kept as a dump in the backup folder first)."""
    from posapp.backup import BackupError
    from posapp.restore_pg import restore_postgres
    from posapp.secrets import database_url_with_password

    try:
        done = restore_postgres(
            args.file,
            database_url_with_password(url),
            settings.backup.resolved_dir(),
            explicit_dir=bool(settings.backup.dir),
            disconnect_others=args.disconnect_others,
            check_only=args.check,
        )
    except BackupError as exc:  # the code for scripts (and the screen's words), the reason
        print(f"error [{exc.code}]: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    if args.check:
        print(f"{args.file}: ok, it can be restored (revision {done.revision})")
        return 0
    if done.disconnected:
        print(f"{done.disconnected} sessions of other tills were disconnected")
    print(f"restored the database from {args.file} (revision {done.revision})")
    if done.kept is not None:
        print(f"the previous database is kept at {done.kept}")
    return 0


def _products(args: argparse.Namespace, db: Database, actor: Any) -> int:
    from posapp.inventory import csv_format, csv_io

    if args.action == "import":

        def run(uow: UnitOfWork) -> csv_format.ImportResult:
            return csv_io.import_prepared(uow, prepared, user_id=actor.user.id)

        try:
            # read and checked before the transaction: the write lock only for the writing
            prepared = csv_format.read_file(args.file)
            if prepared.errors:
                raise csv_format.ImportRejected(prepared.errors)
            result = db.transact(run, retries=0)
        except csv_format.ImportRejected as exc:
            for err in exc.errors:
                print(f"{args.file}: {err}", file=sys.stderr)
            print(f"{exc} ({args.file})", file=sys.stderr)
            return EXIT_PROBLEM
        print(
            f"imported {result.rows} rows ({result.encoding}): {result.created} created, "
            f"{result.updated} updated, {result.unchanged} unchanged"
        )
        for label, names in (
            ("regions", result.new_regions),
            ("producers", result.new_producers),
            ("categories", result.new_categories),
        ):
            if names:
                print(f"  new {label}: {', '.join(names)}")
        return 0
    try:
        n = db.read(lambda uow: csv_io.export_products(uow, args.file))
    except OSError as exc:
        print(f"cannot write {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"exported {n} products to {args.file}")
    return 0


def _report_parsers(rsub: Any) -> None:
    from posapp.reports.catalog import REPORTS

    for name, (title, _) in REPORTS.items():
        r = rsub.add_parser(name, help=title)
        r.add_argument("--from", dest="start", type=dt.date.fromisoformat)
        r.add_argument("--to", dest="end", type=dt.date.fromisoformat, help="default: --from")
        r.add_argument(
            "--period", help="instead of --from/--to: a month 2026-03, quarter 2026Q1, half 2026H1"
        )
        r.add_argument("--format", choices=["txt", "csv", "pdf", "xlsx"], default="txt")
        r.add_argument("--out", type=Path, help="file to write (default: standard output)")
        for f in ("region", "producer", "category", "cashier"):
            r.add_argument(f"--{f}", help=f"only this {f} (name or id)")
        r.add_argument("--till", help="only this register")
        if name == "settlement":
            r.add_argument(
                "--per-supplier",
                action="store_true",
                help="with --format pdf: one statement PDF per supplier into the --out folder",
            )


def _report(args: argparse.Namespace, db: Database) -> int:
    from posapp.sales import register_report, shifts

    if args.report not in ("z", "x"):
        from posapp.reports.cli import run_report

        return run_report(args, db)
    if args.report == "z":
        report = db.read(lambda uow: register_report.day_z_report(uow, args.register, args.date))
        if not report.shift_ids and not report.sales_count and not report.refunds_count:
            print(f"register {args.register} has no shift or sale on {args.date}", file=sys.stderr)
            return EXIT_PROBLEM
        print(register_report.format_report(report))
        return 0

    def x(uow: UnitOfWork) -> register_report.RegisterReport | None:
        shift = shifts.current_shift(uow, args.register)
        return None if shift is None else register_report.x_report(uow, shift.id)

    so_far = db.read(x)
    if so_far is None:
        print(f"register {args.register} has no open shift", file=sys.stderr)
        return EXIT_PROBLEM
    print(register_report.format_report(so_far))
    return 0


def _printer(args: argparse.Namespace, settings: Settings) -> int:
    from posapp.config import data_dir
    from posapp.hardware.escpos_encode import Mode
    from posapp.hardware.ports import HardwareError
    from posapp.hardware.printer import make_printer, parse_uri, printer_uri
    from posapp.hardware.receipt import layout_test_page

    uri = args.printer or printer_uri(settings.printer)
    try:
        config = parse_uri(uri)
    except ValueError as exc:
        print(f"bad printer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    modes: list[Mode] = ["native", "raster"] if args.mode == "both" else [args.mode]
    from posapp.usecases.receipts import store_header

    store = store_header(settings)
    failed = 0
    for mode in modes:
        from dataclasses import replace

        printer = make_printer(replace(config, mode=mode), data_dir() / "receipts")
        try:
            outcome = printer.print_receipt(layout_test_page(store, config.paper_mm, mode))
        except HardwareError as exc:
            print(f"{mode}: FAILED ({exc.code}): {exc}", file=sys.stderr)
            failed += 1
            continue
        where = outcome.preview_png or config.label
        status = outcome.status_after
        state = "" if status is None else f", status: {'ready' if status.ready else status}"
        print(f"{mode}: printed to {where} ({outcome.bytes_sent} bytes{state})")
    if failed == len(modes):
        return EXIT_PROBLEM
    print("check the paper: the mode whose Hangul reads correctly is the one to configure")
    return 0


def _user(args: argparse.Namespace, db: Database, actor: Any) -> int:
    import getpass
    import os

    from posapp.auth.service import create_user, list_users

    if args.action == "list":
        for u in db.read(list_users):
            print(f"{u.id:>4}  {u.role.value:<12} {u.name}")
        return 0
    pin = os.environ.get("POSAPP_NEW_PIN") or getpass.getpass("PIN (4-6 digits): ")
    by = actor.user.id
    user = db.transact(lambda uow: create_user(uow, args.name, args.role, pin, actor_id=by))
    print(f"user {user.id} {user.name} ({user.role.value}) added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
