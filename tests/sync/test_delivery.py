"""Every sale and refund reaches the platform exactly once: through failures, lost acks,
a SIGKILLed till and a restarted platform; refunds never before their sales."""

from __future__ import annotations

import random
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from posapp.db.engine import Database
from posapp.db.models import OutboxEvent
from posapp.sync import outbox
from posapp.sync.client import PlatformClient
from posapp.sync.worker import SyncWorker
from posapp_devtools.platform.faults import Faults
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, Store
from tests.support import backlog
from tests.support.platform_server import TOKEN, PlatformProcess, ThreadedPlatform


def pending(db: Database) -> int:
    return db.read(lambda uow: outbox.counts(uow, "R01").pending)


def outbox_uuids(db: Database) -> list[str]:
    return db.read(
        lambda uow: list(
            uow.conn.execute(select(OutboxEvent.doc_uuid).order_by(OutboxEvent.id)).scalars()
        )
    )


def wait_until(check: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def assert_exactly_once_in_order(db: Database, server_db: Path) -> None:
    import sqlite3

    con = sqlite3.connect(server_db)
    rows = con.execute("SELECT uuid, kind, payload, rowid FROM documents").fetchall()
    applied = con.execute("SELECT uuid, count(*) FROM apply_log GROUP BY uuid").fetchall()
    con.close()
    ours = outbox_uuids(db)
    assert sorted(r[0] for r in rows) == sorted(ours)  # every document, none extra
    assert len(applied) == len(ours) and all(n == 1 for _, n in applied)  # applied once each
    import json

    position = {u: rowid for u, _, _, rowid in rows}
    for _, kind, payload, rowid in rows:
        if kind == "refund":
            assert position[json.loads(payload)["original_uuid"]] < rowid, "refund before sale"
    assert pending(db) == 0


def test_a_batch_stops_before_a_refund_whose_sale_is_unsent(store: Store) -> None:
    """A refund at R01 of a sale rung up at R02 (not yet sent) waits for that sale."""
    db = store.db
    sale_doc, refund_doc = backlog.real_documents(db, [APPLE_CODE], store.cashier, store.manager)
    other_sale = str(uuid.uuid4())

    def write(uow: Any) -> None:
        t = OutboxEvent.__table__
        base = {"created_at": None, "sent_at": None, "attempts": 0, "last_error": None}
        rows = [
            ("R02", "sale", other_sale, {**sale_doc, "uuid": other_sale}),
            ("R01", "refund", str(uuid.uuid4()), {**refund_doc, "original_uuid": other_sale}),
        ]
        for reg, kind, ident, payload in rows:
            uow.conn.execute(
                insert(t).values(
                    **{**base, "created_at": func.now()}, event_uuid=str(uuid.uuid4()),
                    kind=kind, doc_uuid=ident, payload=payload, register_id=reg,
                    rejected_at=None,
                )
            )  # fmt: skip

    db.transact(write)
    batch = db.read(lambda uow: outbox.next_batch(uow, "R01", 10))
    assert [p.kind for p in batch] == ["sale", "refund"]  # the real pair; the orphan waits
    db.transact(lambda uow: outbox.mark_sent(uow, [p.id for p in batch]))
    assert db.read(lambda uow: outbox.next_batch(uow, "R01", 10)) == []
    r02 = db.read(lambda uow: outbox.next_batch(uow, "R02", 10))
    db.transact(lambda uow: outbox.mark_sent(uow, [p.id for p in r02]))
    (refund,) = db.read(lambda uow: outbox.next_batch(uow, "R01", 10))
    assert refund.payload["original_uuid"] == other_sale


@pytest.mark.slow
@pytest.mark.fault
def test_ten_thousand_documents_through_failures_and_lost_acks(
    store: Store, tmp_path: Path
) -> None:
    db = store.db
    sale_doc, refund_doc = backlog.real_documents(
        db, [APPLE_CODE, GOCHUJANG_CODE], store.cashier, store.manager
    )
    backlog.fill(db, 10_000 - 2, sale_doc, refund_doc)
    platform = ThreadedPlatform(
        tmp_path / "platform.sqlite3", Faults(failure_rate=0.3, drop_ack_rate=0.1, seed=11)
    ).start()
    worker = SyncWorker(
        db, lambda: PlatformClient(platform.url, TOKEN), "R01", batch_size=250,
        idle_poll=0.05, base_delay=0.005, max_delay=0.05, rng=random.Random(3),
    )  # fmt: skip
    try:
        worker.start()
        wait_until(lambda: pending(db) == 0, 180, "the outbox to empty")
    finally:
        worker.stop()
        platform.stop()
    assert platform.app.app.state.dropped > 0  # acks really were lost
    retried = db.read(
        lambda uow: uow.conn.execute(
            select(func.count()).select_from(OutboxEvent).where(OutboxEvent.attempts > 1)
        ).scalar_one()
    )
    assert retried > 0  # and batches really were sent again
    assert_exactly_once_in_order(db, tmp_path / "platform.sqlite3")
    status = worker.status()
    assert status.pending == 0 and status.rejected == 0


def _start_worker(url: str, platform_url: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.support.worker_proc", url, platform_url, TOKEN],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"started"
    return proc


@pytest.mark.slow
@pytest.mark.fault
def test_sigkilled_till_and_restarted_platform_lose_and_double_nothing(
    store: Store, db_url: str, tmp_path: Path
) -> None:
    db = store.db
    sale_doc, refund_doc = backlog.real_documents(db, [APPLE_CODE], store.cashier, store.manager)
    backlog.fill(db, 3000 - 2, sale_doc, refund_doc)
    server_db = tmp_path / "platform.sqlite3"
    platform = PlatformProcess(server_db, latency_ms=40, drop_ack_rate=0.05, seed=5).start()
    worker = _start_worker(db_url, platform.url)
    try:
        # kill -9 the till's worker mid-delivery
        wait_until(lambda: platform.stats()["documents"] >= 500, 60, "some delivery")
        worker.kill()
        worker.wait(10)
        left = pending(db)
        assert 0 < left < 3000
        worker = _start_worker(db_url, platform.url)
        # then the platform dies and comes back on the same port with the same file
        wait_until(lambda: platform.stats()["documents"] >= 1800, 60, "more delivery")
        platform.kill()
        time.sleep(0.5)
        assert pending(db) > 0
        platform = PlatformProcess(server_db, port=platform.port, latency_ms=5).start()
        wait_until(lambda: pending(db) == 0, 120, "the outbox to empty")
    finally:
        worker.kill()
        worker.wait(10)
        platform.kill()
    assert_exactly_once_in_order(db, server_db)
