"""The till's background jobs, each on a timer and off the Qt thread: unpaid class bookings
past their hold time released every minute, pending 현금영수증 and the card (or 현금영수증)
cancels of refunds retried every few minutes while a terminal is configured, and the scheduled
backup checked hourly (SQLite: every till; PostgreSQL: the till set as back office); and the
:class:`Bridge` whose signals carry the workers' and devices' news from their threads to the
Qt thread."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from posapp.classes.bookings import BookingInfo
from posapp.config import Settings
from posapp.db.engine import Database
from posapp.domain.tax_parts import TaxParts
from posapp.hardware.ports import CardApproval, CardTerminal, CashReceiptApproval
from posapp.sales.card_cancels import CancelRetryResult
from posapp.sales.cash_receipts import RetryResult
from posapp.ui.operations import Runner
from posapp.ui.tasks import Task
from posapp.usecases.classes import Classes

log = logging.getLogger(__name__)


class Bridge(QObject):
    """Signals that carry device and worker news from their threads to the Qt thread."""

    job = Signal(object)  # PrintJob, from the print queue's thread
    code = Signal(str)  # from a serial scanner's thread
    sync = Signal(object)  # SyncStatus, from the sync worker's thread
    offline = Signal(object)  # OfflineState, from the offline forwarder's thread


_RETIRED: list[Bridge] = []


def retire(bridge: Bridge) -> None:
    """Keep a shut-down till's bridge alive: a worker round that ends after shutdown may still
    post to it, and a queued signal to a deleted QObject crashes the process."""
    _RETIRED.append(bridge)


@dataclass
class Jobs:
    release_class_holds: Callable[[], Task[tuple[BookingInfo, ...]]]
    retry_cash_receipts: Callable[[], Task[RetryResult]]
    backups: QTimer | None
    retry_card_cancels: Callable[[], Task[CancelRetryResult]] | None = None
    # the scheduled backup's run (what the backups timer calls): None when this till makes none
    back_up: Callable[[], Task[Path | None]] | None = None

    def stop(self) -> None:
        if self.backups is not None:
            self.backups.stop()


def _timer(owner: QObject | None, ms: int, fn: Callable[[], object]) -> QTimer:
    timer = QTimer(owner)
    timer.setInterval(ms)
    timer.timeout.connect(fn)
    timer.start()
    return timer


def start_jobs(
    db: Database,
    settings: Settings,
    runner: Runner,
    owner: QObject,
    *,
    terminal: CardTerminal | None,
    classes: Callable[[], Classes],
    cash_receipts_issued: Callable[[int], None],
) -> Jobs:
    def release_class_holds() -> Task[tuple[BookingInfo, ...]]:
        """Unpaid class bookings past their hold time give their seats (to the waitlist) and
        reserved ingredients back every minute, whether or not anyone has the classes window
        open — the stock offered online counts reservations."""
        return runner.db(classes().release_expired_holds).failure(
            lambda exc: log.info("class holds not released now: %s", exc)
        )

    def retry_cash_receipts() -> Task[RetryResult]:
        """현금영수증 the terminal could not issue at the till, issued now that it answers
        (on the I/O pool; posapp.sales.cash_receipts)."""
        from posapp.sales import cash_receipts

        def issue(
            amount: int, identity: str, purpose: str, *, tax: TaxParts | None
        ) -> CashReceiptApproval:
            assert terminal is not None
            return terminal.issue_cash_receipt(
                amount, identity, purpose, request_id=str(uuid.uuid4()), tax=tax
            )

        return (
            runner.io(lambda: cash_receipts.retry(db, settings.register.id, issue))
            .success(lambda result: cash_receipts_issued(result.issued))
            .failure(lambda exc: log.info("pending cash receipts not retried: %s", exc))
        )

    def retry_card_cancels() -> Task[CancelRetryResult]:
        """Refunds whose card (or 현금영수증) cancel the terminal could not make at the till,
        cancelled now that it answers (on the I/O pool; posapp.sales.card_cancels)."""
        from posapp.sales import card_cancels

        def cancel(
            approval_no: str, at: dt.datetime, amount: int, *, tax: TaxParts | None
        ) -> CardApproval:
            assert terminal is not None
            return terminal.cancel(approval_no, at, amount, request_id=str(uuid.uuid4()), tax=tax)

        def cancel_receipt(
            approval_no: str, at: dt.datetime, amount: int, *, tax: TaxParts | None
        ) -> CashReceiptApproval:
            assert terminal is not None
            return terminal.cancel_cash_receipt(
                approval_no, at, amount, request_id=str(uuid.uuid4()), tax=tax
            )

        return runner.io(
            lambda: card_cancels.retry(db, settings.register.id, cancel, cancel_receipt)
        ).failure(lambda exc: log.info("pending card cancels not retried: %s", exc))

    _timer(owner, 60_000, release_class_holds)
    if terminal is not None:
        _timer(owner, 180_000, retry_cash_receipts)
        _timer(owner, 180_000, retry_card_cancels)
    back_up = _backup_job(db, settings, runner)
    return Jobs(
        release_class_holds,
        retry_cash_receipts,
        _schedule(back_up),
        retry_card_cancels,
        back_up,
    )


def _backup_job(
    db: Database, settings: Settings, runner: Runner
) -> Callable[[], Task[Path | None]] | None:
    """The scheduled backup, on the I/O pool (never the Qt thread), or None when this till
    makes none. SQLite: every till backs up its own file. PostgreSQL: the till set as back
    office (``[backup] back_office``) makes the store's ``pg_dump`` (posapp.backup_pg). A
    folder named in ``[backup] dir`` (a USB drive, a share) is never created: while it is
    missing the run fails in words and the next one tries again."""
    b = settings.backup
    if not b.enabled:
        return None
    from posapp.backup import BackupError, sqlite_path
    from posapp.backup_pg import run_scheduled_pg, run_scheduled_sqlite

    explicit = bool(b.dir)
    run: Callable[[], Path | None]
    if db.dialect == "sqlite":
        try:
            source = sqlite_path(db.url)
        except BackupError:  # an in-memory database: nothing to back up
            return None

        def run() -> Path | None:
            return run_scheduled_sqlite(
                db,
                source,
                b.resolved_dir(),
                register=settings.register.id,
                every_hours=b.every_hours,
                keep_days=b.keep_days,
                explicit_dir=explicit,
            )

    elif b.back_office:

        def run() -> Path | None:
            return run_scheduled_pg(
                db,
                db.url,
                b.resolved_dir(),
                register=settings.register.id,
                every_hours=b.every_hours,
                keep_days=b.keep_days,
                explicit_dir=explicit,
            )

    else:
        return None

    def back_up() -> Task[Path | None]:
        return runner.io(run).failure(lambda exc: log.error("scheduled backup failed: %s", exc))

    return back_up


def _schedule(back_up: Callable[[], object] | None) -> QTimer | None:
    """The backup checked a minute after start-up, then hourly (one timer: stop() ends it)."""
    if back_up is None:
        return None
    timer = QTimer()
    timer.setInterval(60_000)

    def tick() -> None:
        timer.setInterval(3_600_000)
        back_up()

    timer.timeout.connect(tick)
    timer.start()
    return timer
