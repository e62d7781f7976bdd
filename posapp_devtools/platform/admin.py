"""The reference platform's admin side: its HTML page, fault settings, statistics, and routes
to place or cancel online orders and change the catalogue."""

from __future__ import annotations

import hmac
import html
import json
import random
from dataclasses import asdict
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from posapp_devtools.platform.api import error_response, read_json
from posapp_devtools.platform.faults import Faults
from posapp_devtools.platform.store import Store


def _admin_ok(request: Request) -> bool:
    """Only with the admin token: a platform started without one keeps /admin closed."""
    token = request.app.state.admin_token
    given = request.headers.get("authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


async def admin_faults(request: Request) -> Response:
    if not _admin_ok(request):
        return error_response("auth.invalid_token")
    faults: Faults = request.app.state.faults
    if request.method == "POST":
        body = await read_json(request)
        if isinstance(body, Response):
            return body
        try:
            faults.update(body)
        except (ValueError, AttributeError) as exc:
            return error_response("request.invalid", str(exc))
        request.app.state.rng = random.Random(faults.seed)
    return JSONResponse(asdict(faults))


async def admin_stats(request: Request) -> Response:
    if not _admin_ok(request):
        return error_response("auth.invalid_token")
    return JSONResponse(request.app.state.store.stats())


async def admin_orders(request: Request) -> Response:
    if not _admin_ok(request):
        return error_response("auth.invalid_token")
    body = await read_json(request)
    if isinstance(body, Response):
        return body
    lines = body.get("lines") if isinstance(body, dict) else None
    if not isinstance(lines, list) or not lines:
        return error_response("request.invalid", "an order has lines: [{sku, qty, unit_price}]")
    for i, ln in enumerate(lines):
        if not isinstance(ln, dict) or not isinstance(ln.get("sku"), str):
            return error_response("request.invalid", "each line names a sku", index=i)
        if not isinstance(ln.get("qty"), int) or ln["qty"] < 1:
            return error_response(
                "request.invalid", "each line has a quantity of 1 or more", index=i
            )
    customer = body.get("customer") or {}
    placed = request.app.state.store.place_order(lines, customer, body.get("order_no", ""))
    return JSONResponse(placed, 201)


async def admin_cancel(request: Request) -> Response:
    if not _admin_ok(request):
        return error_response("auth.invalid_token")
    ok = request.app.state.store.cancel_order(request.path_params["uuid"])
    return JSONResponse({"cancelled": ok}, 200 if ok else 409)


async def admin_catalog(request: Request) -> Response:
    if not _admin_ok(request):
        return error_response("auth.invalid_token")
    body = await read_json(request)
    if isinstance(body, Response):
        return body
    if not isinstance(body, dict) or not isinstance(body.get("sku"), str):
        return error_response("request.invalid", "{sku, price?, active?, name_ko?}")
    price = body.get("price")
    if price is not None and (not isinstance(price, int) or price < 0):
        return error_response("request.invalid", "price is a whole number of won")
    cursor = request.app.state.store.change_product(
        body["sku"], price=price, active=body.get("active"), name=body.get("name_ko", "")
    )
    return JSONResponse({"cursor": cursor})


async def admin_page(request: Request) -> Response:
    store: Store = request.app.state.store
    stats = store.stats()
    with store.lock:
        orders = store.conn.execute(
            "SELECT order_no, status, store_status, total, placed_at FROM orders "
            "ORDER BY cursor DESC LIMIT 20"
        ).fetchall()
        docs = store.conn.execute(
            "SELECT received_at, register_id, kind, uuid FROM documents "
            "ORDER BY rowid DESC LIMIT 20"
        ).fetchall()

    def table(rows: list[Any], head: tuple[str, ...]) -> str:
        th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in r) + "</tr>" for r in rows
        )
        return f"<table border=1 cellpadding=4><tr>{th}</tr>{body}</table>"

    page = f"""<!doctype html><meta charset=utf-8><title>I·Market·U platform (reference)</title>
<h1>I·Market·U online platform — reference server</h1>
<p>documents {stats["documents"]} · applied {stats["applied"]} ·
applied twice {stats["applied_twice"]} · orders {stats["orders"]}</p>
<p>faults: {html.escape(json.dumps(asdict(request.app.state.faults)))}</p>
<h2>Orders</h2>{table(orders, ("order", "status", "store", "total", "placed"))}
<h2>Latest documents</h2>{table(docs, ("received", "register", "kind", "uuid"))}
<p>Place orders and change prices with <code>posapp-platform order|price|withdraw</code>
or POST /admin/orders, /admin/catalog (see docs/sync-protocol.md).</p>"""
    return HTMLResponse(page)
