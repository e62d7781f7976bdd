"""The reference platform over real HTTP on 127.0.0.1: idempotent pushes, cursors, errors, faults."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from posapp.sync import protocol as P
from posapp_devtools.platform.faults import Faults
from tests.support.platform_server import TOKEN, ThreadedPlatform


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[ThreadedPlatform]:
    p = ThreadedPlatform(tmp_path / "platform.sqlite3").start()
    yield p
    p.stop()


def api(platform: ThreadedPlatform, token: str | None = TOKEN) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=platform.url + P.PREFIX, headers=headers, timeout=5)


def sale(total: int = 1000, uid: str | None = None) -> dict[str, Any]:
    return {
        "uuid": uid or str(uuid.uuid4()),
        "kind": "sale",
        "payload": {
            "receipt_no": "R01-20261123-0001",
            "register_id": "R01",
            "total": total,
            "lines": [{"barcode": "8801234567893", "qty": 1, "net": total}],
            "payments": [{"method": "cash", "amount": total}],
            "created_at": "2026-11-23T01:00:00+00:00",
        },
    }


def refund(of: str) -> dict[str, Any]:
    doc = sale(-1000)
    doc["kind"] = "refund"
    doc["payload"]["original_uuid"] = of
    return doc


def push(c: httpx.Client, *docs: dict[str, Any]) -> list[dict[str, Any]]:
    r = c.post("/documents", json={"protocol": P.VERSION, "documents": list(docs)})
    assert r.status_code == 200, r.text
    return r.json()["results"]


def test_a_document_is_applied_once_and_a_repeat_is_acknowledged(platform) -> None:  # type: ignore[no-untyped-def]
    doc = sale()
    with api(platform) as c:
        assert [r["status"] for r in push(c, doc)] == ["applied"]
        assert [r["status"] for r in push(c, doc, doc)] == ["duplicate", "duplicate"]
    stats = platform.store.stats()
    assert stats["documents"] == 1 and stats["applied"] == 1 and stats["applied_twice"] == 0


def test_a_refund_before_its_sale_is_deferred_not_applied(platform) -> None:  # type: ignore[no-untyped-def]
    s = sale()
    with api(platform) as c:
        (early,) = push(c, refund(s["uuid"]))
        assert early["status"] == "deferred" and "sale" in early["error"]["message"]
        statuses = [r["status"] for r in push(c, s, refund(s["uuid"]))]
    assert statuses == ["applied", "applied"]  # sale first in the same batch: fine


def test_a_return_without_a_receipt_is_applied_without_a_sale(platform) -> None:  # type: ignore[no-untyped-def]
    lost = refund(str(uuid.uuid4()))
    lost["payload"]["original_uuid"] = None
    unnamed = json.loads(json.dumps(lost))
    lost["payload"]["no_receipt"] = True  # posapp.sales.no_receipt: no sale to name
    with api(platform) as c:
        ok, bad = push(c, lost, {**unnamed, "uuid": str(uuid.uuid4())})
    assert ok["status"] == "applied"
    assert bad["status"] == "rejected" and "original_uuid" in bad["error"]["message"]


def test_a_malformed_document_is_rejected_with_words(platform) -> None:  # type: ignore[no-untyped-def]
    bad = sale()
    del bad["payload"]["total"]
    with api(platform) as c:
        ok, rejected, garbage = push(c, sale(), bad, {"uuid": "not-a-uuid"})
    assert ok["status"] == "applied"
    assert rejected["status"] == "rejected" and "total" in rejected["error"]["message"]
    assert garbage["status"] == "rejected" and "uuid" in garbage["error"]["message"]


def test_errors_say_what_was_wrong(platform) -> None:  # type: ignore[no-untyped-def]
    with api(platform, token=None) as c:
        r = c.get("/status")
        assert r.status_code == 401 and r.json()["error"]["code"] == "auth.missing_token"
    with api(platform, token="wrong") as c:
        r = c.get("/status")
        assert r.status_code == 401 and r.json()["error"]["code"] == "auth.invalid_token"
    with api(platform) as c:
        assert c.get("/status").json()["register_id"] == "R01"
        r = c.post("/documents", content=b"{not json")
        assert r.status_code == 400 and r.json()["error"]["code"] == "request.invalid_json"
        r = c.post("/documents", json={"protocol": 99, "documents": []})
        assert r.json()["error"]["code"] == "request.unsupported_version"
        r = c.post("/documents", json={"protocol": 1, "documents": [sale()] * (P.MAX_BATCH + 1)})
        assert r.status_code == 413 and r.json()["error"]["details"]["max"] == P.MAX_BATCH
        r = c.get("/orders", params={"after": -1})
        assert r.status_code == 422
        r = c.put("/stock", json={"levels": [{"sku": "x", "available": "many"}]})
        assert r.status_code == 422 and r.json()["error"]["details"]["index"] == 0


def test_catalogue_and_orders_page_by_server_cursor(platform) -> None:  # type: ignore[no-untyped-def]
    store = platform.store
    for k in range(5):
        store.change_product(f"88000000000{k:02d}", price=1000 + k)
    store.change_product("8800000000000", active=False)  # a later change moves it to the end
    with api(platform) as c:
        page = c.get("/catalog/changes", params={"after": 0, "limit": 3}).json()
        assert [ch["price"] for ch in page["changes"]] == [1001, 1002, 1003] and page["more"]
        rest = c.get("/catalog/changes", params={"after": page["next_cursor"]}).json()
        assert [ch["sku"][-2:] for ch in rest["changes"]] == ["04", "00"]
        assert rest["changes"][-1]["active"] is False and not rest["more"]
        placed = store.place_order([{"sku": "8800000000001", "qty": 2, "unit_price": 1001}], {})
        orders = c.get("/orders", params={"after": 0}).json()
        assert (
            orders["orders"][0]["uuid"] == placed["uuid"] and orders["orders"][0]["total"] == 2002
        )
        store.cancel_order(placed["uuid"])
        again = c.get("/orders", params={"after": orders["next_cursor"]}).json()
        assert [o["status"] for o in again["orders"]] == ["cancelled"]


def test_stock_levels_are_stored_per_register(platform) -> None:  # type: ignore[no-untyped-def]
    with api(platform) as c:
        r = c.put("/stock", json={"levels": [{"sku": "8800000000001", "available": 7}]})
        assert r.json() == {"updated": 1}
    assert platform.store.stock("R01") == {"8800000000001": 7}


def test_throttling_says_when_to_come_back(tmp_path: Path) -> None:
    p = ThreadedPlatform(tmp_path / "p.sqlite3", Faults(throttle_rate=1.0, retry_after=7)).start()
    try:
        with api(p) as c:
            r = c.get("/status")
        assert r.status_code == 429 and r.headers["Retry-After"] == "7"
        assert r.json()["error"]["code"] == "rate_limited"
    finally:
        p.stop()


def test_a_lost_ack_commits_then_drops_the_connection(tmp_path: Path) -> None:
    p = ThreadedPlatform(tmp_path / "p.sqlite3", Faults(drop_ack_rate=1.0)).start()
    doc = sale()
    try:
        with api(p) as c, pytest.raises(httpx.TransportError):
            push(c, doc)
        assert p.store.document_uuids() == {doc["uuid"]}  # applied although no ack came
        p.set_faults(drop_ack_rate=0.0)
        with api(p) as c:
            assert push(c, doc)[0]["status"] == "duplicate"
    finally:
        p.stop()


def test_the_openapi_document_covers_every_api_route(platform) -> None:  # type: ignore[no-untyped-def]
    doc = httpx.get(platform.url + P.PREFIX + "/openapi.json").json()
    routes = {r.path for r in platform.app.app.routes if r.path.startswith(P.PREFIX)}
    documented = {P.PREFIX + path for path in doc["paths"]}
    assert routes - {P.PREFIX + "/openapi.json"} == documented
    committed = Path(__file__).resolve().parents[2] / "docs" / "sync-openapi.json"
    assert json.loads(committed.read_text(encoding="utf-8")) == P.openapi(), (
        "docs/sync-openapi.json is stale: python -m posapp.sync.protocol > docs/sync-openapi.json"
    )
