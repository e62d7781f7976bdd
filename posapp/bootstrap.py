"""Shared start-up for the Qt app and the admin CLI: the command line, settings → database
migrated to head, the offline start on a till's spool, the sync worker, and settling memory
once the till is up."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from pathlib import Path

from posapp.config import Settings, redact_url
from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.sales.offline.spool import Spool
from posapp.sync.worker import SyncStatus, SyncWorker

log = logging.getLogger(__name__)


def _private_sqlite(url: str) -> None:
    """A SQLite database file (and its WAL) readable by its owner only, wherever it is."""
    from posapp.backup import sqlite_path
    from posapp.logging_setup import private_file

    if not url.startswith("sqlite"):
        return
    try:
        path = sqlite_path(url)
    except Exception:  # an in-memory database: no file
        return
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.exists():
            private_file(p)


def upgrade_chains(db: Database) -> None:
    """Key the journal and chain the audit trail once after migration 0011_records (the rule:
    :func:`posapp.sales.journal.upgrade_chains`), then journal the stock movements from before
    the back office's chain once (:func:`posapp.inventory.stock_journal.upgrade`)."""
    from posapp.inventory import stock_journal
    from posapp.sales import journal

    for line in db.transact(journal.upgrade_chains):
        log.warning("chains upgraded: %s", line)
    for line in db.transact(stock_journal.upgrade):
        log.warning("chains upgraded: %s", line)


def open_database(settings: Settings, *, migrate_to_head: bool = True) -> Database:
    from posapp.secrets import database_url_with_password

    url = database_url_with_password(settings.database.resolved_url())
    db = Database(url)
    _private_sqlite(url)
    if migrate_to_head:
        migrate(db.engine)
        upgrade_chains(db)
    from posapp.backup_pg import remove_stale_temps

    remove_stale_temps(settings.backup.resolved_dir())  # a backup killed mid copy
    log.info("database %s (%s)", redact_url(db.url), db.dialect)
    return db


def open_till_database(
    settings: Settings, *, demo: bool
) -> tuple[Database | None, Exception | None]:
    """The store's database, migrated (demo data loaded into a new one when configured), or
    — when it cannot be opened — the till's offline start (:func:`start_offline`); with the
    error when it failed (logged here with its details; the screen says it in words)."""
    from posapp.demo import has_data, load_demo

    try:
        db = open_database(settings)
        if settings.database.demo_on_first_start and demo and not has_data(db):
            result = load_demo(db)
            log.info("demo data loaded into a new database: %s products", result.products)
        return db, None
    except Exception as exc:
        log.exception("cannot open the database")
        return start_offline(settings), exc


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="posapp", description="I·Market·U POS")
    p.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the data dir)")
    p.add_argument("--config", metavar="FILE", type=Path)
    p.add_argument("--no-demo", action="store_true", help="do not load demo data into a new db")
    p.add_argument(
        "--screenshot", metavar="PNG", type=Path, help="save a screenshot of the window and quit"
    )
    return p.parse_known_args(argv)[0]


def start_offline(settings: Settings) -> Database | None:
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


def open_spool(db: Database, settings: Settings) -> Spool | None:
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


def settle_memory() -> None:
    """After start-up: move the catalogue index and other long-lived objects out of the
    garbage collector's view (gc.freeze), so a full collection never pauses a scan for tens of
    milliseconds while it walks 100k products' worth of objects."""
    import gc

    gc.collect()
    gc.freeze()


def sync_worker(
    db: Database, settings: Settings, on_status: Callable[[SyncStatus], None]
) -> SyncWorker | None:
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
