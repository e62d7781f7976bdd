"""Results are matched to documents by uuid, never by position (issue 19, item 7), and every
batch carries the register's journal head, which the reference platform keeps (item 1).

The gateway between till and platform is real HTTP: an httpx transport that forwards each
request to the reference platform on 127.0.0.1 and rewrites only its answer, the way a
misbehaving proxy or a buggy platform would.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from posapp.db.engine import Database
from posapp.db.models import OutboxEvent
from posapp.inventory import catalog
from posapp.sales import completion, journal
from posapp.sales.tenders import Tender
from posapp.sales.ticket import Ticket
from posapp.sync.client import PlatformClient, SyncError
from posapp.sync.error_codes import SyncErrorCode
from posapp.sync.worker import SyncWorker
from posapp.verify import verify
from tests.conftest import GOCHUJANG_CODE, Store
from tests.support.platform_server import TOKEN, ThreadedPlatform


class Gateway(httpx.BaseTransport):
    """Forwards to the platform; ``rewrite`` may change the results list of a push."""

    def __init__(self, rewrite: Callable[[list[Any]], list[Any]]) -> None:
        self.inner = httpx.HTTPTransport()
        self.rewrite = rewrite
        self.pushes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        response = self.inner.handle_request(request)
        response.read()
        if not request.url.path.endswith("/documents") or response.status_code != 200:
            return response
        self.pushes += 1
        body = json.loads(response.content)
        body["results"] = self.rewrite(body["results"])
        return httpx.Response(200, json=body)


@pytest.fixture
def platform(tmp_path: Path):  # type: ignore[no-untyped-def]
    p = ThreadedPlatform(tmp_path / "platform.sqlite3").start()
    yield p
    p.stop()


def _sell(store: Store, n: int) -> None:
    line = store.db.read(lambda uow: catalog.scan(uow, GOCHUJANG_CODE).line)
    for _ in range(n):
        t = Ticket()
        t.add(line)
        store.db.transact(
            lambda uow, t=t: completion.complete_sale(
                uow, t, [Tender.cash(10_000)], register_id="R01", user_id=store.cashier
            )
        )


def _sent(db: Database) -> set[str]:
    t = OutboxEvent.__table__
    return set(
        db.read(
            lambda uow: uow.conn.execute(
                select(t.c.doc_uuid).where(t.c.sent_at.is_not(None))
            ).scalars()
        )
    )


def _on_platform(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT uuid FROM documents")}
    finally:
        con.close()


def _worker(store: Store, platform: ThreadedPlatform, gateway: Gateway) -> SyncWorker:
    return SyncWorker(
        store.db, lambda: PlatformClient(platform.url, TOKEN, transport=gateway), "R01",
        batch_size=3, idle_poll=0.05, base_delay=0.005, max_delay=0.05, rng=random.Random(1),
    )  # fmt: skip


def test_a_gateway_repeating_the_first_ack_marks_nothing_sent(
    store: Store, platform: ThreadedPlatform, tmp_path: Path
) -> None:
    """Before: the till zipped results to its batch by position, so a repeated first ack
    ("applied" for document 1 twice) marked document 2 sent although the platform's answer for
    it was something else. Now the answer is refused as a whole and the batch retried."""
    _sell(store, 3)

    def repeat_first(results: list[Any]) -> list[Any]:
        return [results[0]] * len(results)

    gateway = Gateway(repeat_first)
    worker = _worker(store, platform, gateway)
    with pytest.raises(SyncError) as caught:
        worker.run_once()
    assert caught.value.code == SyncErrorCode.BAD_ANSWER
    assert _sent(store.db) == set()
    # the honest gateway: the retry delivers all three, each marked by its own result
    gateway.rewrite = lambda results: results
    worker.run_once()
    assert _sent(store.db) == _on_platform(tmp_path / "platform.sqlite3")
    assert len(_sent(store.db)) == 3


def test_reordered_results_are_matched_by_uuid(store: Store, platform: ThreadedPlatform) -> None:
    _sell(store, 3)
    gateway = Gateway(lambda results: list(reversed(results)))
    worker = _worker(store, platform, gateway)
    assert worker.run_once() == 3
    assert len(_sent(store.db)) == 3


def test_a_result_for_an_unknown_uuid_is_a_bad_answer(
    store: Store, platform: ThreadedPlatform
) -> None:
    _sell(store, 2)

    def swap(results: list[Any]) -> list[Any]:
        return [results[0], {**results[1], "uuid": "00000000-0000-4000-8000-000000000000"}]

    worker = _worker(store, platform, Gateway(swap))
    with pytest.raises(SyncError) as caught:
        worker.run_once()
    assert caught.value.code == SyncErrorCode.BAD_ANSWER
    assert _sent(store.db) == set()


def test_the_platform_keeps_each_registers_head_and_verify_compares(
    store: Store, platform: ThreadedPlatform
) -> None:
    """Each batch carries the register's journal head; the platform keeps the last one, and
    deleting the last sale and moving the head back (counter lowered too) is then caught."""
    _sell(store, 3)
    worker = _worker(store, platform, Gateway(lambda r: r))
    worker.run_once()
    head = store.db.read(lambda uow: journal.heads(uow.conn)["R01"])
    with PlatformClient(platform.url, TOKEN) as client:
        kept = client.anchor()
    assert (kept["seq"], kept["hash"]) == head
    # the insider removes the last sale and moves the head back one entry
    from tests.test_verify_tamper import _delete_last_sale

    _delete_last_sale(store.db, lower_counter=True)
    assert verify(store.db).ok  # nothing inside the database gives it away any more
    report = verify(store.db, anchors={"R01": (kept["seq"], kept["hash"])})
    assert any("platform" in p for p in report.anchors), report.problems()


def test_the_platform_keeps_the_back_office_head_and_verify_compares(
    store: Store, platform: ThreadedPlatform
) -> None:
    """Each batch also carries the head of the store's back-office chain (stock postings: the
    test store's four goods receipts); the platform keeps the furthest one. The last posting
    deleted with its movements and the chain's head wound back is then caught by verify — no Z
    need have been closed since."""
    from posapp.sync import protocol as P
    from tests.inventory.test_stock_journal import delete_last_posting

    _sell(store, 1)
    _worker(store, platform, Gateway(lambda r: r)).run_once()
    bo = store.db.read(lambda uow: journal.heads(uow.conn)["BO"])
    with PlatformClient(platform.url, TOKEN) as client:
        kept = client.anchor()
    assert (kept["stock_anchor"]["seq"], kept["stock_anchor"]["hash"]) == bo
    # an older head sent later (another register read it before the last posting) is no step
    # back: the furthest stays kept
    platform.store.keep_stock_anchor(bo[0] - 1, "a" * 64)
    with PlatformClient(platform.url, TOKEN) as client:
        assert client.anchor()["stock_anchor"]["seq"] == bo[0]
    delete_last_posting(store.db)
    anchors = {"R01": (kept["seq"], kept["hash"]), P.STOCK_CHAIN: bo}
    assert not any("platform" in p for p in verify(store.db).anchors)
    report = verify(store.db, anchors=anchors)
    assert any("journal BO" in p and "platform" in p for p in report.anchors), report.problems()
