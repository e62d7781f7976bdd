"""Forwarding a till's offline sales to the server once it answers, and the thread that does it.

Each queued sale, in order, is replayed on the server through
:func:`posapp.sales.completion.complete_sale` with its printed receipt number and time, in one
server transaction, then removed from the queue; its uuid is the idempotency key, so a forward
cut short is neither lost nor doubled. A sale the server refuses for good is set aside with the
reason. The audit events written offline follow, each once. :class:`Forwarder` is the daemon
thread that probes the server while offline, forwards, and keeps the snapshot fresh.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Connection, delete, select, update

from posapp import audit
from posapp.db.engine import Database, DatabaseError, UnitOfWork
from posapp.db.models import AuditEvent, Sale, SyncState
from posapp.sales.completion import complete_sale
from posapp.sales.offline import snapshot
from posapp.sales.offline.payload import cash_receipt_from, tender_from
from posapp.sales.offline.spool import CHUNK, QUEUE, Spool, set_meta
from posapp.sales.ticket import Ticket

log = logging.getLogger(__name__)

AUDIT_KEY = "offline.audit_forwarded"  # the last spool audit event id sent to the server
#: audit events the sale engine writes again when a sale is replayed on the server
REPLAYED_ACTIONS = frozenset({"discount.approve", "price.override"})


@dataclass(frozen=True)
class OfflineState:
    """What the till's screen shows: offline or not, sales waiting, sales refused."""

    offline: bool
    queued: int
    failed: int
    last_error: str = ""


@dataclass(frozen=True)
class ForwardResult:
    sent: int = 0
    duplicates: int = 0
    failed: int = 0
    remaining: int = 0


def forward(spool: Spool, server: Database, *, limit: int | None = None) -> ForwardResult:
    """Replay queued sales on the server in order, each exactly once.

    Raises :class:`~posapp.db.engine.DatabaseUnavailable` (and stops, losing nothing) when
    the server cannot be reached; a sale the server refuses is set aside with its reason.
    """
    with spool.forward_lock:
        sent = dup = failed = 0
        while limit is None or sent + dup + failed < limit:
            row = spool.db.read(
                lambda uow: (
                    uow.conn.execute(
                        select(QUEUE).where(QUEUE.c.error == "").order_by(QUEUE.c.seq).limit(1)
                    )
                    .mappings()
                    .first()
                )
            )
            if row is None:
                break
            payload = json.loads(row["payload"])
            try:
                outcome = server.transact(partial(_replay, p=payload))
            except (DatabaseError, ConnectionError):
                raise  # unreachable/busy: try again later, the sale stays queued
            except Exception as exc:  # refused for good: set aside, go on with the rest
                reason = f"{getattr(exc, 'code', type(exc).__name__)}: {exc}"
                log.error("offline sale %s refused by the server: %s", row["receipt_no"], reason)
                spool.db.transact(partial(_set_aside, seq=row["seq"], why=reason))
                failed += 1
                continue
            spool.db.transact(partial(_dequeue, seq=row["seq"]))
            if outcome == "duplicate":
                dup += 1
            else:
                sent += 1
        _forward_audit(spool, server)
        remaining = spool.status().queued
    if sent or dup or failed:
        log.info(
            "offline sales forwarded: %d sent, %d already there, %d refused, %d left",
            sent,
            dup,
            failed,
            remaining,
        )
    return ForwardResult(sent, dup, failed, remaining)


def _forward_audit(spool: Spool, server: Database) -> int:
    """Send the audit events written while offline (a drawer opened, a ticket voided, a
    reprint, a lockout) to the server, each once (by uuid); those the replay of a sale
    writes again are left out."""
    sent = 0
    while True:

        def read(uow: UnitOfWork) -> list[dict[str, Any]]:
            c = uow.conn
            seen = c.execute(select(SyncState.value).where(SyncState.key == AUDIT_KEY)).scalar()
            return _audit_rows_after(c, int(seen or 0))

        rows = spool.db.read(read)
        if not rows:
            return sent
        keep = [r for r in rows if r["action"] not in REPLAYED_ACTIONS]
        if keep:
            server.transact(partial(_insert_audit_once, rows=keep))
        top = max(r["id"] for r in rows)
        spool.db.transact(partial(_mark_audit_sent, last_id=top))
        sent += len(keep)


def _audit_rows_after(conn: Connection, last_id: int) -> list[dict[str, Any]]:
    t = AuditEvent.__table__
    q = select(t).where(t.c.id > last_id).order_by(t.c.id).limit(CHUNK)
    return [dict(r) for r in conn.execute(q).mappings()]


def _set_aside(uow: UnitOfWork, *, seq: int, why: str) -> None:
    """Keep a queued sale the server refused out of the next forwards, with the reason."""
    uow.conn.execute(
        update(QUEUE)
        .where(QUEUE.c.seq == seq)
        .values(error=why[:500], attempts=QUEUE.c.attempts + 1)
    )


def _dequeue(uow: UnitOfWork, *, seq: int) -> None:
    """Drop a queued sale the server has now."""
    uow.conn.execute(delete(QUEUE).where(QUEUE.c.seq == seq))


def _mark_audit_sent(uow: UnitOfWork, *, last_id: int) -> None:
    """Remember the last offline audit event sent to the server."""
    set_meta(uow.conn, AUDIT_KEY, str(last_id))


def _insert_audit_once(uow: UnitOfWork, *, rows: list[dict[str, Any]]) -> None:
    """Insert audit events unless their uuid is there already (a forward cut short)."""
    audit.insert_copies(uow.conn, rows)


def _replay(uow: UnitOfWork, p: dict[str, Any]) -> str:
    """Write one offline sale on the server as it was sold (its number, time and prices)."""
    ticket = Ticket.from_json(p["ticket"])
    existing = uow.conn.execute(
        select(Sale.receipt_no).where(Sale.uuid == ticket.uuid)
    ).scalar_one_or_none()
    if existing is not None:
        if existing != p["receipt_no"]:
            # the server committed it before the connection dropped, under an online number,
            # and the customer holds the offline one: record the pair for whoever looks for it
            audit.record(
                uow.conn,
                "offline.duplicate",
                p["user_id"],
                p["register_id"],
                p["receipt_no"],
                after={"server_receipt_no": existing, "printed_receipt_no": p["receipt_no"]},
            )
        return "duplicate"
    complete_sale(
        uow,
        ticket,
        [tender_from(t) for t in p["tenders"]],
        register_id=p["register_id"],
        user_id=int(p["user_id"]),
        approved_by=p.get("approved_by"),
        cash_receipt=cash_receipt_from(p.get("cash_receipt")),
        discount_limit_percent=int(p.get("discount_limit_percent", 100)),
        approved_bound=p.get("approved_bound") or None,
        now=dt.datetime.fromisoformat(p["created_at"]),
        receipt_no=p["receipt_no"],
    )
    return "sent"


class Forwarder:
    """Daemon thread: while the till is offline (or sales wait in the queue), probe the server
    every ``probe_s`` and forward; while online, copy the products changed since the last copy
    every ``changes_s`` and the whole snapshot every ``snapshot_s``.
    ``back_online`` is called once the queue is empty after an outage."""

    def __init__(
        self,
        spool: Spool,
        server: Database,
        *,
        is_offline: Callable[[], bool],
        back_online: Callable[[], None],
        publish: Callable[[OfflineState], None] | None = None,
        probe_s: float = 5.0,
        changes_s: float = 60.0,
        snapshot_s: float = 3600.0,
    ) -> None:
        self.spool = spool
        self.server = server
        self.is_offline = is_offline
        self.back_online = back_online
        self.publish = publish
        self.probe_s = probe_s
        self.snapshot_s = snapshot_s
        self.changes_s = changes_s
        self._next_changes = 0.0
        self.last_error = ""
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_snapshot = 0.0

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="offline-forwarder", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning(
                    "offline forwarder still busy after %.0f s; it stops after its round", timeout
                )

    def wake(self) -> None:
        """Try now (the till just went offline, or someone pressed "send now")."""
        self._wake.set()

    def step(self) -> ForwardResult | None:
        """One round: forward if there is anything to forward, refresh the snapshot when due.
        Returns what was forwarded (None when the server could not be reached)."""
        result = None
        try:
            if self.is_offline():
                self.server.read(lambda uow: uow.conn.execute(select(1)).scalar())  # the probe
            if self.is_offline() or self.spool.status().queued:
                result = forward(self.spool, self.server)
                if result.remaining == 0 and self.is_offline():
                    self.back_online()
            now = time.monotonic()
            if not self.is_offline() and now >= min(self._next_snapshot, self._next_changes):
                full = now >= self._next_snapshot
                stats = snapshot.refresh(self.spool, self.server, changes_only=not full)
                log.info(
                    "offline snapshot (%s): %d rows in %.2f s",
                    "full" if full else "changes",
                    stats.rows,
                    stats.seconds,
                )
                if full:
                    self._next_snapshot = now + self.snapshot_s
                    snapshot.prune(self.spool)
                self._next_changes = now + self.changes_s
            self.last_error = ""
        except (DatabaseError, ConnectionError, OSError) as exc:
            self.last_error = str(exc)
            log.info("offline forwarder: server not reachable (%s)", exc)
            result = None
        self._publish()
        return result

    def _publish(self) -> None:
        if self.publish is None:
            return
        try:
            st = self.spool.status()
            self.publish(
                OfflineState(
                    self.is_offline(), st.queued, st.failed, st.last_error or self.last_error
                )
            )
        except Exception:  # the screen's indicator must never stop the forwarding
            log.exception("offline status could not be published")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.step()
            except Exception as exc:  # the thread never dies: the spool's sales wait for it
                self.last_error = str(exc)
                log.exception("offline forwarder round failed; it tries again")
            self._wake.wait(self.probe_s)
            self._wake.clear()
