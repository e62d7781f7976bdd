"""The sync worker: a background thread that delivers the outbox and pulls what the platform has.

Never on the Qt thread, never in the till's way: a sale commits locally and returns; this thread
finds its event in the outbox later. State lives in the database (outbox rows, server cursors in
``sync_state``), so a restart — or a SIGKILL mid-batch — loses nothing: unacknowledged events
are sent again and the platform acknowledges repeats as duplicates.

Each pass: push outbox batches until it is empty; pull catalogue changes and online orders since
the server's cursors (each page applied with its cursor in one transaction); push stock levels
that changed. On failure: exponential backoff with full jitter, or the server's Retry-After; a
wrong token or URL is retried slowly and shown in words. ``sync_now`` wakes it at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import select

from posapp.db.engine import Database, DatabaseError, UnitOfWork
from posapp.db.models import JournalHead, utcnow
from posapp.sync import online, outbox
from posapp.sync import protocol as P
from posapp.sync.client import PlatformClient, SyncError
from posapp.sync.error_codes import SyncErrorCode

log = logging.getLogger(__name__)

CATALOG_CURSOR = "catalog_cursor"
ORDERS_CURSOR = "orders_cursor"
STOCK_MOVEMENT_MARK = "stock_movement_mark"
STOCK_RESERVATION_MARK = "stock_reservation_mark"


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the till shows: is it on, what waits, when it last worked, what went wrong."""

    enabled: bool
    pending: int = 0
    rejected: int = 0
    online: bool = False
    last_success: dt.datetime | None = None
    last_error: str | None = None
    last_error_code: str | None = None
    sent: int = 0  # documents acknowledged since start
    next_try_in: float = 0.0


def backoff(failures: int, base: float, cap: float, rng: random.Random) -> float:
    """Full jitter: uniform in [0, min(cap, base·2^(n-1))] — spreads tills that failed together."""
    return rng.uniform(0.0, min(cap, base * (2 ** max(0, failures - 1))))


class SyncWorker:
    """Delivers this till's outbox and applies the platform's changes, in a daemon thread."""

    def __init__(
        self,
        db: Database,
        make_client: Callable[[], PlatformClient],
        register_id: str,
        *,
        batch_size: int = 500,
        idle_poll: float = 5.0,
        pull_every: float = 30.0,
        stock_every: float = 60.0,
        full_stock_every: float = 3600.0,
        base_delay: float = 0.5,
        max_delay: float = 300.0,
        slow_retry: float = 120.0,
        on_status: Callable[[SyncStatus], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        if not 1 <= batch_size <= P.MAX_BATCH:
            raise ValueError(f"batch_size must be 1..{P.MAX_BATCH}")
        self.db = db
        self.make_client = make_client
        self.register_id = register_id
        self.batch_size = batch_size
        self.idle_poll = idle_poll
        self.pull_every = pull_every
        self.stock_every = stock_every
        self.full_stock_every = full_stock_every
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.slow_retry = slow_retry
        self.on_status = on_status
        self.rng = rng or random.Random()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._client: PlatformClient | None = None
        self._lock = threading.Lock()
        self._status = SyncStatus(enabled=True)
        self._next_pull = 0.0
        self._next_stock = 0.0
        self._next_full_stock = 0.0
        self.failures = 0

    # --- control --------------------------------------------------------------------------

    def start(self) -> SyncWorker:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def sync_now(self) -> None:
        """Try at once (the "sync now" button): skips the current wait, pulls too."""
        self._next_pull = 0.0
        self._next_stock = 0.0
        self._wake.set()

    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    # --- the loop -------------------------------------------------------------------------

    def _run(self) -> None:
        self._publish()
        while not self._stop.is_set():
            wait = self.idle_poll
            try:
                self.run_once()
                self.failures = 0
                self._update(
                    online=True,
                    last_success=utcnow(),
                    last_error=None,
                    last_error_code=None,
                    next_try_in=0.0,
                )
            except SyncError as exc:
                self.failures += 1
                if exc.retry_after is not None:
                    wait = exc.retry_after
                elif exc.retryable:
                    wait = backoff(self.failures, self.base_delay, self.max_delay, self.rng)
                else:
                    wait = self.slow_retry
                log.warning("sync failed (%s, try again in %.1f s): %s", exc.code, wait, exc)
                self._update(
                    online=False, last_error=str(exc), last_error_code=exc.code, next_try_in=wait
                )
                if exc.code in ("sync.auth", "sync.bad_url", "sync.no_token"):
                    self._drop_client()
            except DatabaseError as exc:  # busy or locked by a till: try again soon
                self.failures += 1
                wait = backoff(self.failures, self.base_delay, self.max_delay, self.rng)
                self._update(last_error=str(exc), last_error_code="sync.database", next_try_in=wait)
            except Exception as exc:  # a bug must not kill the thread: log, back off, go on
                self.failures += 1
                wait = backoff(self.failures, self.base_delay, self.max_delay, self.rng)
                log.exception("sync pass failed")
                self._update(
                    online=False,
                    last_error=f"{type(exc).__name__}: {exc}",
                    last_error_code="sync.internal",
                    next_try_in=wait,
                )
                self._drop_client()
            self._publish()
            self._wake.wait(wait)
            self._wake.clear()

    def run_once(self) -> int:
        """One pass: push everything pending, then pulls and stock when due. Raises SyncError."""
        client = self._get_client()
        sent = self.push_pending(client)
        now = time.monotonic()
        if now >= self._next_pull:
            self.pull(client)
            self._next_pull = now + self.pull_every
        if now >= self._next_stock:
            self.push_stock(client, full=now >= self._next_full_stock)
            if now >= self._next_full_stock:
                self._next_full_stock = now + self.full_stock_every
            self._next_stock = now + self.stock_every
        return sent

    def _get_client(self) -> PlatformClient:
        if self._client is None:
            self._client = self.make_client()
        return self._client

    def _drop_client(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # --- the work -------------------------------------------------------------------------

    def push_pending(self, client: PlatformClient) -> int:
        """Send outbox batches in order until none is left; returns how many were acknowledged.

        Pipelined: while a batch is on the wire, a database thread reads the next one and
        marks the previous one's results, so the till's disk and the network overlap."""
        total = 0
        with ThreadPoolExecutor(1, thread_name_prefix="sync-db") as dbx:
            batch = self._read_batch(0, frozenset())
            marking: Future[int] | None = None
            try:
                while batch and not self._stop.is_set():
                    ahead = dbx.submit(
                        self._read_batch, batch[-1].id, frozenset(p.doc_uuid for p in batch)
                    )
                    try:
                        results = client.push_json(
                            [p.document_json() for p in batch],
                            uuids=[p.doc_uuid for p in batch],
                            **self._anchors(),
                        )
                    except SyncError as exc:
                        error = f"{exc.code}: {exc}"
                        failed = {p.id: error for p in batch}
                        ahead.cancel()
                        if marking is not None:
                            total += marking.result()
                            marking = None
                        self.db.transact(partial(outbox.mark_attempted, failed=failed))
                        raise
                    following = ahead.result()
                    if marking is not None:
                        total += marking.result()
                    marking = dbx.submit(self._mark, batch, results)
                    if len(batch) < self.batch_size:
                        break
                    batch = following
            finally:
                if marking is not None:
                    total += marking.result()
        return total

    def _anchors(self) -> dict[str, dict[str, Any]]:
        """Sent with each batch: this register's journal head (``anchor``: the platform keeps
        the last) and, once the store has one, the back-office chain's (``stock_anchor``: the
        furthest is kept)."""
        h = JournalHead.__table__
        rows = self.db.read(
            lambda uow: {
                reg: (int(seq), str(digest))
                for reg, seq, digest in uow.conn.execute(
                    select(h.c.register_id, h.c.seq, h.c.hash).where(
                        h.c.register_id.in_((self.register_id, P.STOCK_CHAIN))
                    )
                )
            }
        )
        seq, digest = rows.get(self.register_id, (0, "0" * 64))
        out: dict[str, dict[str, Any]] = {
            "anchor": {"register_id": self.register_id, "seq": seq, "hash": digest}
        }
        if P.STOCK_CHAIN in rows:
            stock_seq, stock_digest = rows[P.STOCK_CHAIN]
            out["stock_anchor"] = {"seq": stock_seq, "hash": stock_digest}
        return out

    def _read_batch(self, after_id: int, in_flight: frozenset[str]) -> list[outbox.Pending]:
        return self.db.read(
            lambda uow: outbox.next_batch(
                uow, self.register_id, self.batch_size, after_id=after_id,
                in_flight=in_flight,
            )
        )  # fmt: skip

    def _mark(self, batch: list[outbox.Pending], results: list[dict[str, Any]]) -> int:
        done: list[int] = []
        rejected: dict[int, str] = {}
        deferred: dict[int, str] = {}
        for p, r in zip(batch, results, strict=True):
            status = r.get("status") if isinstance(r, dict) else None
            err = r.get("error") if isinstance(r, dict) else None
            words = f"{err.get('code', '')}: {err.get('message', '')}" if err else ""
            if status in (P.APPLIED, P.DUPLICATE):
                done.append(p.id)
            elif status == P.REJECTED:
                rejected[p.id] = words or "rejected"
            else:
                deferred[p.id] = words or f"unexpected result {status!r}"

        def mark(uow: UnitOfWork) -> None:
            outbox.mark_sent(uow, done)
            outbox.mark_rejected(uow, rejected)
            outbox.mark_attempted(uow, deferred)

        self.db.transact(mark)
        self._update(sent=self.status().sent + len(done))
        if rejected:
            log.error("platform rejected %d: %s", len(rejected), list(rejected.values())[:3])
        if deferred and not done:
            first = next(iter(deferred.values()))
            raise SyncError(
                f"the platform deferred {len(deferred)} documents: {first}",
                code=SyncErrorCode.DEFERRED,
                retryable=True,
            )
        return len(done)

    def pull(self, client: PlatformClient) -> None:
        """Catalogue changes and online orders since the server's cursors, a page at a time."""
        self._pull(CATALOG_CURSOR, client.catalog_changes, "changes", online.apply_catalog_changes)
        self._pull(ORDERS_CURSOR, client.orders, "orders", online.receive_orders)

    def _pull(
        self,
        key: str,
        fetch: Callable[[int], dict[str, Any]],
        items: str,
        apply: Callable[[UnitOfWork, list[Any]], Any],
    ) -> None:
        while not self._stop.is_set():
            cursor = int(self.db.read(lambda uow: outbox.get_state(uow, key, "0")))
            page = fetch(cursor)
            rows = page.get(items)
            if not isinstance(rows, list):
                raise SyncError(
                    f"the platform's {items} page has no list",
                    code=SyncErrorCode.BAD_ANSWER,
                    retryable=True,
                )
            next_cursor = int(page.get("next_cursor", cursor))
            if rows:

                def apply_page(
                    uow: UnitOfWork, rows: list[Any] = rows, to: int = next_cursor
                ) -> None:
                    # the page and its cursor in one transaction: applied exactly once
                    apply(uow, rows)
                    outbox.set_state(uow, key, str(to))

                self.db.transact(apply_page)
            if not page.get("more"):
                break

    def push_stock(self, client: PlatformClient, *, full: bool = False) -> int:
        """Sellable stock of what changed since the last push (everything when ``full``)."""

        def read(uow: UnitOfWork) -> tuple[list[online.StockLevel], int, dt.datetime | None]:
            if full:
                return online.changed_levels(uow, 0, None)
            mark = int(outbox.get_state(uow, STOCK_MOVEMENT_MARK, "0"))
            res = outbox.get_state(uow, STOCK_RESERVATION_MARK, "")
            since = (
                dt.datetime.fromisoformat(res) if res else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
            )
            return online.changed_levels(uow, mark, since)

        levels, top, newest = self.db.read(read)
        for i in range(0, len(levels), P.MAX_LEVELS):
            client.push_stock([lv.as_json() for lv in levels[i : i + P.MAX_LEVELS]])

        def save(uow: UnitOfWork) -> None:
            outbox.set_state(uow, STOCK_MOVEMENT_MARK, str(top))
            if newest is not None:
                outbox.set_state(uow, STOCK_RESERVATION_MARK, newest.isoformat())

        self.db.transact(save)
        return len(levels)

    # --- status -----------------------------------------------------------------------------

    def _update(self, **changes: Any) -> None:
        with self._lock:
            self._status = dataclasses.replace(self._status, **changes)

    def _publish(self) -> None:
        try:
            c = self.db.read(lambda uow: outbox.counts(uow, self.register_id))
            self._update(pending=c.pending, rejected=c.rejected)
        except DatabaseError as exc:
            log.warning("sync status: %s", exc)
        if self.on_status is not None:
            try:
                self.on_status(self.status())
            except Exception:
                log.exception("sync status callback failed")
