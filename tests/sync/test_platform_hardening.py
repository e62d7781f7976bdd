"""The reference platform as a real platform would behave (issue 19, item 8), each case over
real HTTP on 127.0.0.1 against the real server."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from posapp.sync import protocol as P
from posapp_devtools.platform.server import create_app
from tests.conftest import APPLE_CODE, Store
from tests.support import backlog
from tests.support.platform_server import ADMIN, REGISTER, TOKEN, ThreadedPlatform

R02_TOKEN = "till-R02-secret"


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[ThreadedPlatform]:
    p = ThreadedPlatform(tmp_path / "platform.sqlite3")
    p.store.add_token(R02_TOKEN, "R02")
    p.start()
    yield p
    p.stop()


def _push(p: ThreadedPlatform, docs: list[dict[str, Any]], token: str = TOKEN) -> list[Any]:
    r = httpx.post(
        f"{p.url}{P.PREFIX}/documents",
        json={"protocol": P.VERSION, "documents": docs},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    return list(r.json()["results"])


def _doc(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"uuid": payload["uuid"], "kind": kind, "payload": payload}


def test_admin_needs_its_token_always(platform: ThreadedPlatform, tmp_path: Path) -> None:
    assert httpx.get(f"{platform.url}/admin/stats").status_code == 401
    r = httpx.post(f"{platform.url}/admin/catalog", json={"sku": "8801234500012", "price": 10})
    assert r.status_code == 401  # before: open, and the till took ₩10 apples
    assert httpx.get(f"{platform.url}/admin/stats", headers=ADMIN).status_code == 200
    # started without an admin token, /admin stays closed (it never falls open)
    from starlette.testclient import TestClient

    with TestClient(create_app(tmp_path / "other.sqlite3", tokens={TOKEN: REGISTER})) as c:
        assert c.get("/admin/stats").status_code == 401
        assert c.get("/admin/stats", headers={"Authorization": "Bearer "}).status_code == 401


def test_a_registers_token_pushes_only_its_own_documents(
    store: Store, platform: ThreadedPlatform
) -> None:
    sale, _ = backlog.real_documents(store.db, [APPLE_CODE], store.cashier, store.manager)
    [r] = _push(platform, [_doc("sale", sale)], token=R02_TOKEN)  # R01's sale, R02's token
    assert (r["status"], r["error"]["code"]) == (P.REJECTED, "document.other_register")
    [r] = _push(platform, [_doc("sale", sale)])
    assert r["status"] == P.APPLIED  # before: "duplicate" of R02's forgery


def test_a_different_payload_under_a_known_uuid_is_a_conflict(
    store: Store, platform: ThreadedPlatform
) -> None:
    sale, _ = backlog.real_documents(store.db, [APPLE_CODE], store.cashier, store.manager)
    assert _push(platform, [_doc("sale", sale)])[0]["status"] == P.APPLIED
    assert _push(platform, [_doc("sale", sale)])[0]["status"] == P.DUPLICATE  # same: fine
    altered = copy.deepcopy(sale)
    altered["payments"][0]["amount"] += 1_000
    altered["lines"][0]["net"] += 1_000
    altered["total"] += 1_000
    [r] = _push(platform, [_doc("sale", altered)])
    assert (r["status"], r["error"]["code"]) == (P.REJECTED, "document.conflict")
    assert P.ERRORS["document.conflict"][0] == 409


def test_documents_are_validated(store: Store, platform: ThreadedPlatform) -> None:
    sale, refund = backlog.real_documents(store.db, [APPLE_CODE], store.cashier, store.manager)
    negative = {**copy.deepcopy(sale), "uuid": str(uuid.uuid4()), "lines": [], "total": -5_000_000}
    [r] = _push(platform, [_doc("sale", negative)])
    assert r["status"] == P.REJECTED and "lines" in r["error"]["message"]
    assert _push(platform, [_doc("sale", sale)])[0]["status"] == P.APPLIED
    huge = copy.deepcopy(refund)
    huge["uuid"] = str(uuid.uuid4())
    huge["lines"][0]["net"] = -1_000_000_000
    huge["payments"][0]["amount"] = -1_000_000_000
    huge["total"] = -1_000_000_000
    [r] = _push(platform, [_doc("refund", huge)])
    assert r["status"] == P.REJECTED and "more than its sale" in r["error"]["message"]
    assert _push(platform, [_doc("refund", refund)])[0]["status"] == P.APPLIED
    unbalanced = {**copy.deepcopy(sale), "uuid": str(uuid.uuid4()), "total": sale["total"] + 1}
    [r] = _push(platform, [_doc("sale", unbalanced)])
    assert r["status"] == P.REJECTED and "sum of its lines" in r["error"]["message"]


def test_a_request_body_is_capped(platform: ThreadedPlatform) -> None:
    body = b'{"protocol": 1, "documents": [], "pad": "' + b"x" * (9 * 1024 * 1024) + b'"}'
    r = httpx.post(
        f"{platform.url}{P.PREFIX}/documents",
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        timeout=30,
    )
    assert r.status_code == 413 and r.json()["error"]["code"] == "request.too_large"


def test_a_bad_stock_level_is_refused_and_the_next_request_still_works(
    platform: ThreadedPlatform,
) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    url = f"{platform.url}{P.PREFIX}/stock"
    for bad in (2**70, True, -1):
        r = httpx.put(
            url, json={"levels": [{"sku": "8801234500012", "available": bad}]}, headers=auth
        )
        assert r.status_code == 422, (bad, r.text)
    # before: the oversized integer left the connection in a failed transaction (500s after)
    r = httpx.put(url, json={"levels": [{"sku": "8801234500012", "available": 3}]}, headers=auth)
    assert r.status_code == 200 and r.json() == {"updated": 1}
    assert httpx.get(f"{platform.url}{P.PREFIX}/status", headers=auth).status_code == 200
