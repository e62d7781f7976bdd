"""Sync catch-up: a backlog of N sales and refunds delivered to the reference platform.

``ours``: the sync worker's own path (outbox batches read in order, pushed over httpx, results
marked sent in the till's database), from a full outbox to an empty one. ``bare``: the same
documents, already in memory as the same batches, posted by a bare ``httpx`` loop (no database
on the till side). Each run gets a fresh platform process (uvicorn, SQLite) on 127.0.0.1 so
both pay the same server cost. Prints ``sales/s: X`` (ours) and ``ratio: X`` (ours / bare time).
Goal: ≥ 2,000 sales/s to a local server, ratio ≤ 1.5.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx

from posapp.db.engine import Database
from posapp.db.migrate import migrate
from posapp.sync import outbox
from posapp.sync import protocol as P
from posapp.sync.client import PlatformClient
from posapp.sync.worker import SyncWorker
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, build_store
from tests.support import backlog
from tests.support.platform_server import TOKEN, PlatformProcess


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sales", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=P.MAX_BATCH)
    ap.add_argument("--quick", action="store_true", help="1,000 documents (CI)")
    args = ap.parse_args()
    n = 1_000 if args.quick else args.sales
    work = Path(tempfile.mkdtemp(prefix="posapp-bench-sync-"))
    try:
        db = Database(f"sqlite:///{work / 'till.sqlite3'}")
        migrate(db.engine)
        store = build_store(db)
        sale, refund = backlog.real_documents(
            db, [APPLE_CODE, GOCHUJANG_CODE], store.cashier, store.manager
        )
        backlog.fill(db, n - 2, sale, refund)
        batches = []
        while True:
            done = sum(len(b) for b in batches)
            rows = db.read(lambda uow, d=done: _page(uow, d, args.batch))
            if not rows:
                break
            batches.append(rows)
        print(f"documents: {n} in {len(batches)} batches of ≤ {args.batch}")

        bare_server = PlatformProcess(work / "bare.sqlite3").start()
        try:
            t0 = time.perf_counter()
            with httpx.Client(
                base_url=bare_server.url + P.PREFIX,
                headers={"Authorization": f"Bearer {TOKEN}"},
                timeout=60,
            ) as http:
                for b in batches:
                    r = http.post("/documents", json={"protocol": P.VERSION, "documents": b})
                    r.raise_for_status()
            bare = time.perf_counter() - t0
            assert bare_server.stats()["documents"] == n
        finally:
            bare_server.kill()

        server = PlatformProcess(work / "ours.sqlite3").start()
        try:
            client = PlatformClient(server.url, TOKEN, timeout=60)
            worker = SyncWorker(db, lambda: client, "R01", batch_size=args.batch,
                                rng=random.Random(1))  # fmt: skip
            t0 = time.perf_counter()
            sent = worker.push_pending(client)
            ours = time.perf_counter() - t0
            client.close()
            left = db.read(lambda uow: outbox.counts(uow, "R01").pending)
            stats = server.stats()
            assert sent == n and left == 0 and stats["documents"] == n, (sent, left, stats)
            assert stats["applied_twice"] == 0
        finally:
            server.kill()
        db.dispose()
        print(f"bare httpx loop: {bare:.2f} s ({n / bare:,.0f} docs/s)")
        print(f"catch-up: {ours:.2f} s")
        print(f"sales/s: {n / ours:,.0f}")
        print(f"ratio: {ours / bare:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _page(uow, done: int, size: int) -> list[dict]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from posapp.db.models import OutboxEvent

    t = OutboxEvent.__table__
    rows = uow.conn.execute(
        select(t.c.doc_uuid, t.c.kind, t.c.payload).order_by(t.c.id).offset(done).limit(size)
    ).all()
    return [{"uuid": u, "kind": k, "payload": p} for u, k, p in rows]


if __name__ == "__main__":
    main()
