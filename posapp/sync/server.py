"""The reference online platform: the sync protocol's server, with fault injection.

``posapp-platform serve`` runs it (Starlette on uvicorn, one SQLite file). It stores each pushed
document once by its uuid (a repeat is acknowledged as ``duplicate`` and applied never twice),
keeps an append-only ``apply_log`` so tests can prove it, serves catalogue changes and online
orders by server cursor, takes stock levels, and has a tiny admin page and CLI to place orders,
change prices and withdraw products.

Faults, for tests and demos (flags, or ``POST /admin/faults``): a failure rate (500 before
anything is applied), added latency, losing the ack (the batch is committed, then the connection
is dropped mid-response), 429 with ``Retry-After``, and restarts (kill the process; the file
keeps everything). Stand-alone: imports only the protocol module of this package.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import html
import json
import logging
import random
import sqlite3
import sys
import threading
import uuid as uuidlib
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from posapp.sync import protocol as P

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    uuid TEXT PRIMARY KEY, kind TEXT NOT NULL, register_id TEXT NOT NULL,
    payload TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS apply_log (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS catalog (
    sku TEXT PRIMARY KEY, name_ko TEXT NOT NULL DEFAULT '', price INTEGER,
    active INTEGER NOT NULL DEFAULT 1, cursor INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS orders (
    uuid TEXT PRIMARY KEY, order_no TEXT NOT NULL, status TEXT NOT NULL,
    store_status TEXT NOT NULL DEFAULT '', customer TEXT NOT NULL, lines TEXT NOT NULL,
    total INTEGER NOT NULL, placed_at TEXT NOT NULL, cursor INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS stock (
    register_id TEXT NOT NULL, sku TEXT NOT NULL, available INTEGER NOT NULL,
    updated_at TEXT NOT NULL, PRIMARY KEY (register_id, sku));
CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, register_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


@dataclass
class Faults:
    """What goes wrong, per API request (``/admin`` is never faulted)."""

    failure_rate: float = 0.0  # 500 before anything is applied
    drop_ack_rate: float = 0.0  # document pushes: commit, then drop the connection
    throttle_rate: float = 0.0  # 429 with Retry-After
    retry_after: int = 1  # seconds, in the 429's Retry-After
    latency_ms: int = 0  # added to every API request
    seed: int | None = None

    def update(self, values: dict[str, Any]) -> None:
        known = {f.name: f.type for f in fields(self)}
        for key, value in values.items():
            if key not in known:
                raise ValueError(f"unknown fault {key!r}")
            setattr(self, key, value)


def _result(ident: Any, status: str, code: str, message: str, **details: Any) -> dict[str, Any]:
    """A pushed document's result that is not "applied": its status and the error body."""
    return {"uuid": ident, "status": status, **P.error_body(code, message, **details)}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class Store:
    """The platform's SQLite file; one connection guarded by a lock (threadpool handlers)."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA busy_timeout=5000")
        self.conn.executescript(SCHEMA)
        self.lock = threading.Lock()

    def close(self) -> None:
        self.conn.close()

    def _next(self, name: str) -> int:
        self.conn.execute(
            "INSERT INTO counters(name, value) VALUES (?, 1) "
            "ON CONFLICT(name) DO UPDATE SET value = value + 1",
            (name,),
        )
        return int(
            self.conn.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()[0]
        )

    # --- tokens -------------------------------------------------------------------------

    def add_token(self, token: str, register_id: str) -> None:
        with self.lock:
            self.conn.execute(
                "INSERT OR REPLACE INTO tokens(token, register_id) VALUES (?, ?)",
                (token, register_id),
            )

    def register_for(self, token: str) -> str | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT register_id FROM tokens WHERE token = ?", (token,)
            ).fetchone()
        return row[0] if row else None

    # --- documents ----------------------------------------------------------------------

    def push(self, register_id: str, docs: list[Any]) -> list[dict[str, Any]]:
        """Apply a batch in order, in one transaction; a result per document."""
        results: list[dict[str, Any]] = []
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for doc in docs:
                    results.append(self._apply(register_id, doc))
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return results

    def _apply(self, register_id: str, doc: Any) -> dict[str, Any]:
        problem = P.validate_document(doc)
        if problem is not None:
            ident = doc.get("uuid") if isinstance(doc, dict) else None
            return _result(ident, P.REJECTED, "request.invalid", problem)
        ident, kind, payload = doc["uuid"], doc["kind"], doc["payload"]
        seen = self.conn.execute("SELECT 1 FROM documents WHERE uuid = ?", (ident,)).fetchone()
        if seen:
            return {"uuid": ident, "status": P.DUPLICATE}
        if kind == "refund":
            original = self.conn.execute(
                "SELECT kind FROM documents WHERE uuid = ?", (payload["original_uuid"],)
            ).fetchone()
            if original is None:
                return _result(
                    ident,
                    P.DEFERRED,
                    "request.invalid",
                    "the refund's sale has not arrived yet: send the sale first",
                    original_uuid=payload["original_uuid"],
                )
        if kind == "order_status":
            order = self.conn.execute(
                "SELECT status FROM orders WHERE uuid = ?", (payload["order_uuid"],)
            ).fetchone()
            if order is None:
                return _result(
                    ident,
                    P.REJECTED,
                    "not_found",
                    "no such order",
                    order_uuid=payload["order_uuid"],
                )
            self.conn.execute(
                "UPDATE orders SET store_status = ? WHERE uuid = ?",
                (payload["status"], payload["order_uuid"]),
            )
        now = _now()
        self.conn.execute(
            "INSERT INTO documents(uuid, kind, register_id, payload, received_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (ident, kind, register_id, json.dumps(payload, ensure_ascii=False), now),
        )
        self.conn.execute("INSERT INTO apply_log(uuid, at) VALUES (?, ?)", (ident, now))
        return {"uuid": ident, "status": P.APPLIED}

    # --- catalogue and orders -----------------------------------------------------------

    def change_product(
        self, sku: str, *, price: int | None = None, active: bool | None = None, name: str = ""
    ) -> int:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            cursor = self._next("catalog")
            row = self.conn.execute(
                "SELECT name_ko, price, active FROM catalog WHERE sku = ?", (sku,)
            ).fetchone()
            old_name, old_price, old_active = row if row else ("", None, 1)
            self.conn.execute(
                "INSERT OR REPLACE INTO catalog(sku, name_ko, price, active, cursor) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    sku,
                    name or old_name,
                    old_price if price is None else price,
                    int(old_active if active is None else active),
                    cursor,
                ),
            )
            self.conn.execute("COMMIT")
        return cursor

    def catalog_changes(self, after: int, limit: int) -> dict[str, Any]:
        with self.lock:
            rows = self.conn.execute(
                "SELECT cursor, sku, name_ko, price, active FROM catalog "
                "WHERE cursor > ? ORDER BY cursor LIMIT ?",
                (after, limit + 1),
            ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        changes = [
            {"cursor": c, "sku": s, "name_ko": n, "price": p, "active": bool(a)}
            for c, s, n, p, a in rows
        ]
        return {
            "changes": changes,
            "next_cursor": changes[-1]["cursor"] if changes else after,
            "more": more,
        }

    def place_order(
        self, lines: list[dict[str, Any]], customer: dict[str, str], order_no: str = ""
    ) -> dict[str, Any]:
        ident = str(uuidlib.uuid4())
        total = sum(int(ln.get("unit_price", 0)) * int(ln["qty"]) for ln in lines)
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            cursor = self._next("orders")
            number = order_no or f"ON-{cursor:06d}"
            self.conn.execute(
                "INSERT INTO orders(uuid, order_no, status, customer, lines, total, placed_at, "
                "cursor) VALUES (?, ?, 'placed', ?, ?, ?, ?, ?)",
                (
                    ident,
                    number,
                    json.dumps(customer, ensure_ascii=False),
                    json.dumps(lines, ensure_ascii=False),
                    total,
                    _now(),
                    cursor,
                ),
            )
            self.conn.execute("COMMIT")
        return {"uuid": ident, "order_no": number, "cursor": cursor, "total": total}

    def cancel_order(self, ident: str) -> bool:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            cursor = self._next("orders")
            changed = self.conn.execute(
                "UPDATE orders SET status = 'cancelled', cursor = ? WHERE uuid = ? "
                "AND status = 'placed'",
                (cursor, ident),
            ).rowcount
            self.conn.execute("COMMIT" if changed else "ROLLBACK")
        return bool(changed)

    def orders_after(self, after: int, limit: int) -> dict[str, Any]:
        with self.lock:
            rows = self.conn.execute(
                "SELECT cursor, uuid, order_no, status, customer, lines, total, placed_at "
                "FROM orders WHERE cursor > ? ORDER BY cursor LIMIT ?",
                (after, limit + 1),
            ).fetchall()
        more = len(rows) > limit
        orders = [
            {
                "cursor": c,
                "uuid": u,
                "order_no": n,
                "status": s,
                "customer": json.loads(cu),
                "lines": json.loads(li),
                "total": t,
                "placed_at": p,
            }
            for c, u, n, s, cu, li, t, p in rows[:limit]
        ]
        return {
            "orders": orders,
            "next_cursor": orders[-1]["cursor"] if orders else after,
            "more": more,
        }

    def set_stock(self, register_id: str, levels: list[dict[str, Any]]) -> int:
        now = _now()
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.executemany(
                "INSERT OR REPLACE INTO stock(register_id, sku, available, updated_at) "
                "VALUES (?, ?, ?, ?)",
                [(register_id, lv["sku"], lv["available"], now) for lv in levels],
            )
            self.conn.execute("COMMIT")
        return len(levels)

    # --- inspection ---------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        with self.lock:
            q = self.conn.execute
            by_kind = dict(q("SELECT kind, count(*) FROM documents GROUP BY kind").fetchall())
            return {
                "documents": q("SELECT count(*) FROM documents").fetchone()[0],
                "applied": q("SELECT count(*) FROM apply_log").fetchone()[0],
                "applied_twice": q(
                    "SELECT count(*) FROM (SELECT uuid FROM apply_log GROUP BY uuid "
                    "HAVING count(*) > 1)"
                ).fetchone()[0],
                "by_kind": by_kind,
                "orders": q("SELECT count(*) FROM orders").fetchone()[0],
                "stock_levels": q("SELECT count(*) FROM stock").fetchone()[0],
            }

    def document_uuids(self) -> set[str]:
        with self.lock:
            return {r[0] for r in self.conn.execute("SELECT uuid FROM documents")}

    def order(self, ident: str) -> dict[str, Any] | None:
        with self.lock:
            row = self.conn.execute(
                "SELECT uuid, order_no, status, store_status FROM orders WHERE uuid = ?", (ident,)
            ).fetchone()
        keys = ("uuid", "order_no", "status", "store_status")
        return dict(zip(keys, row, strict=True)) if row else None

    def stock(self, register_id: str) -> dict[str, int]:
        with self.lock:
            return dict(
                self.conn.execute(
                    "SELECT sku, available FROM stock WHERE register_id = ?", (register_id,)
                ).fetchall()
            )


# --- HTTP -------------------------------------------------------------------------------------


def _error(code: str, message: str | None = None, **details: Any) -> JSONResponse:
    status = P.ERRORS.get(code, (500, ""))[0]
    headers = {}
    if code == "rate_limited":
        headers["Retry-After"] = str(details.pop("retry_after", 1))
    return JSONResponse(P.error_body(code, message, **details), status, headers=headers)


def _register(request: Request) -> str | JSONResponse:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return _error("auth.missing_token")
    register_id = request.app.state.store.register_for(token.strip())
    if register_id is None:
        return _error("auth.invalid_token")
    return register_id


def _paging(request: Request) -> tuple[int, int] | JSONResponse:
    try:
        after = int(request.query_params.get("after", "0"))
        limit = int(request.query_params.get("limit", str(P.MAX_PAGE)))
    except ValueError:
        return _error("request.invalid", "after and limit are integers")
    if after < 0 or not 1 <= limit <= P.MAX_PAGE:
        return _error("request.invalid", f"after ≥ 0 and 1 ≤ limit ≤ {P.MAX_PAGE}")
    return after, limit


async def _body(request: Request) -> Any:
    raw = await request.body()
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return _error("request.invalid_json")


async def status(request: Request) -> Response:
    reg = _register(request)
    if isinstance(reg, Response):
        return reg
    return JSONResponse({"protocol": P.VERSION, "register_id": reg, "server_time": _now()})


async def documents(request: Request) -> Response:
    reg = _register(request)
    if isinstance(reg, Response):
        return reg
    body = await _body(request)
    if isinstance(body, Response):
        return body
    if not isinstance(body, dict) or not isinstance(body.get("documents"), list):
        return _error("request.invalid", "the body is {protocol, documents: [...]}")
    if body.get("protocol") != P.VERSION:
        return _error(
            "request.unsupported_version", supported=[P.VERSION], got=body.get("protocol")
        )
    docs = body["documents"]
    if len(docs) > P.MAX_BATCH:
        return _error("batch.too_large", max=P.MAX_BATCH, got=len(docs))
    store: Store = request.app.state.store
    results = await asyncio.to_thread(store.push, reg, docs)
    return JSONResponse({"results": results})


def _paged(read: Callable[[Store], Callable[[int, int], dict[str, Any]]]) -> Any:
    """A GET endpoint that pages by server cursor: ``?after=CURSOR&limit=N``."""

    async def endpoint(request: Request) -> Response:
        reg = _register(request)
        if isinstance(reg, Response):
            return reg
        paging = _paging(request)
        if isinstance(paging, Response):
            return paging
        return JSONResponse(read(request.app.state.store)(*paging))

    return endpoint


catalog_changes = _paged(lambda store: store.catalog_changes)
orders = _paged(lambda store: store.orders_after)


async def stock(request: Request) -> Response:
    reg = _register(request)
    if isinstance(reg, Response):
        return reg
    body = await _body(request)
    if isinstance(body, Response):
        return body
    levels = body.get("levels") if isinstance(body, dict) else None
    if not isinstance(levels, list):
        return _error("request.invalid", "the body is {levels: [{sku, available}]}")
    if len(levels) > P.MAX_LEVELS:
        return _error("batch.too_large", max=P.MAX_LEVELS, got=len(levels))
    for i, lv in enumerate(levels):
        if (
            not isinstance(lv, dict)
            or not isinstance(lv.get("sku"), str)
            or not isinstance(lv.get("available"), int)
        ):
            return _error("request.invalid", "each level is {sku: str, available: int}", index=i)
    store: Store = request.app.state.store
    return JSONResponse({"updated": await asyncio.to_thread(store.set_stock, reg, levels)})


async def openapi_doc(request: Request) -> Response:
    return JSONResponse(P.openapi())


# --- admin ------------------------------------------------------------------------------------


def _admin_ok(request: Request) -> bool:
    token = request.app.state.admin_token
    return not token or request.headers.get("authorization", "") == f"Bearer {token}"


async def admin_faults(request: Request) -> Response:
    if not _admin_ok(request):
        return _error("auth.invalid_token")
    faults: Faults = request.app.state.faults
    if request.method == "POST":
        body = await _body(request)
        if isinstance(body, Response):
            return body
        try:
            faults.update(body)
        except (ValueError, AttributeError) as exc:
            return _error("request.invalid", str(exc))
        request.app.state.rng = random.Random(faults.seed)
    return JSONResponse(asdict(faults))


async def admin_stats(request: Request) -> Response:
    if not _admin_ok(request):
        return _error("auth.invalid_token")
    return JSONResponse(request.app.state.store.stats())


async def admin_orders(request: Request) -> Response:
    if not _admin_ok(request):
        return _error("auth.invalid_token")
    body = await _body(request)
    if isinstance(body, Response):
        return body
    lines = body.get("lines") if isinstance(body, dict) else None
    if not isinstance(lines, list) or not lines:
        return _error("request.invalid", "an order has lines: [{sku, qty, unit_price}]")
    for i, ln in enumerate(lines):
        if not isinstance(ln, dict) or not isinstance(ln.get("sku"), str):
            return _error("request.invalid", "each line names a sku", index=i)
        if not isinstance(ln.get("qty"), int) or ln["qty"] < 1:
            return _error("request.invalid", "each line has a quantity of 1 or more", index=i)
    customer = body.get("customer") or {}
    placed = request.app.state.store.place_order(lines, customer, body.get("order_no", ""))
    return JSONResponse(placed, 201)


async def admin_cancel(request: Request) -> Response:
    if not _admin_ok(request):
        return _error("auth.invalid_token")
    ok = request.app.state.store.cancel_order(request.path_params["uuid"])
    return JSONResponse({"cancelled": ok}, 200 if ok else 409)


async def admin_catalog(request: Request) -> Response:
    if not _admin_ok(request):
        return _error("auth.invalid_token")
    body = await _body(request)
    if isinstance(body, Response):
        return body
    if not isinstance(body, dict) or not isinstance(body.get("sku"), str):
        return _error("request.invalid", "{sku, price?, active?, name_ko?}")
    price = body.get("price")
    if price is not None and (not isinstance(price, int) or price < 0):
        return _error("request.invalid", "price is a whole number of won")
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


# --- faults as ASGI middleware ------------------------------------------------------------------


class _DropConnection(Exception):
    """Raised after the response has started: the server closes the connection (ack lost)."""


class FaultInjector:
    """Wraps the app: latency, 429, 500 and lost acks on API paths, decided per request."""

    def __init__(self, app: Starlette) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(P.PREFIX) or path.endswith(".json"):
            await self.app(scope, receive, send)
            return
        state = self.app.state
        faults: Faults = state.faults
        rng: random.Random = state.rng
        if faults.latency_ms:
            await asyncio.sleep(faults.latency_ms / 1000)
        roll = rng.random()
        if roll < faults.throttle_rate:
            await _error("rate_limited", retry_after=faults.retry_after)(scope, receive, send)
            return
        if roll < faults.throttle_rate + faults.failure_rate:
            await _error("server.error", "injected failure")(scope, receive, send)
            return
        drop = path == P.PREFIX + "/documents" and rng.random() < faults.drop_ack_rate
        if not drop:
            await self.app(scope, receive, send)
            return

        async def send_then_drop(message: Message) -> None:
            await send(message)
            if message["type"] == "http.response.start":
                raise _DropConnection("injected: ack lost after commit")

        try:
            await self.app(scope, receive, send_then_drop)
        except _DropConnection:
            # the batch is committed; the client sees headers and then a closed connection
            state.dropped += 1
            raise


def _closing(store: Store) -> Callable[[Starlette], Any]:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        store.close()

    return lifespan


def create_app(
    db_path: Path | str,
    *,
    tokens: dict[str, str] | None = None,
    faults: Faults | None = None,
    admin_token: str = "",
) -> FaultInjector:
    """The platform as an ASGI app; ``tokens`` maps bearer token → register id."""
    store = Store(db_path)
    for token, register_id in (tokens or {}).items():
        store.add_token(token, register_id)
    app = Starlette(
        routes=[
            Route(P.PREFIX + "/status", status),
            Route(P.PREFIX + "/documents", documents, methods=["POST"]),
            Route(P.PREFIX + "/catalog/changes", catalog_changes),
            Route(P.PREFIX + "/orders", orders),
            Route(P.PREFIX + "/stock", stock, methods=["PUT"]),
            Route(P.PREFIX + "/openapi.json", openapi_doc),
            Route("/admin", admin_page),
            Route("/admin/faults", admin_faults, methods=["GET", "POST"]),
            Route("/admin/stats", admin_stats),
            Route("/admin/orders", admin_orders, methods=["POST"]),
            Route("/admin/orders/{uuid}/cancel", admin_cancel, methods=["POST"]),
            Route("/admin/catalog", admin_catalog, methods=["POST"]),
        ],
        lifespan=_closing(store),
    )
    app.state.store = store
    app.state.faults = faults or Faults()
    app.state.rng = random.Random(app.state.faults.seed)
    app.state.admin_token = admin_token
    app.state.dropped = 0
    return FaultInjector(app)


# --- command line -----------------------------------------------------------------------------


def _tokens(specs: list[str]) -> dict[str, str]:
    out = {}
    for spec in specs:
        register_id, sep, token = spec.partition("=")
        if not sep or not register_id or not token:
            raise SystemExit(f"--token takes REGISTER=TOKEN, not {spec!r}")
        out[token] = register_id
    return out


def main(argv: list[str] | None = None) -> int:
    """``posapp-platform``: serve the reference platform, or place orders / change prices."""
    ap = argparse.ArgumentParser(prog="posapp-platform", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    serve = sub.add_parser("serve", help="run the platform server")
    serve.add_argument("--db", default="platform.sqlite3", help="its SQLite file")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--token", action="append", default=[], help="REGISTER=TOKEN (repeat per till)"
    )
    serve.add_argument("--admin-token", default="", help="protects /admin (empty: open)")
    serve.add_argument("--failure-rate", type=float, default=0.0)
    serve.add_argument("--drop-ack-rate", type=float, default=0.0)
    serve.add_argument("--throttle-rate", type=float, default=0.0)
    serve.add_argument("--retry-after", type=int, default=1)
    serve.add_argument("--latency-ms", type=int, default=0)
    serve.add_argument("--seed", type=int, default=None)
    for name, text in (
        ("order", "place an online order for pick-up"),
        ("price", "change a product's online price"),
        ("withdraw", "withdraw a product from sale"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--db", default="platform.sqlite3")
        if name == "order":
            p.add_argument("lines", nargs="+", help="SKU:QTY[:UNIT_PRICE]")
            p.add_argument("--name", default="")
            p.add_argument("--phone", default="")
        else:
            p.add_argument("sku")
            if name == "price":
                p.add_argument("price", type=int)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if args.cmd == "serve":
        import uvicorn

        faults = Faults(
            failure_rate=args.failure_rate,
            drop_ack_rate=args.drop_ack_rate,
            throttle_rate=args.throttle_rate,
            retry_after=args.retry_after,
            latency_ms=args.latency_ms,
            seed=args.seed,
        )
        app = create_app(
            args.db, tokens=_tokens(args.token), faults=faults, admin_token=args.admin_token
        )
        print(f"platform on http://{args.host}:{args.port}{P.PREFIX}", flush=True)
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
        return 0
    store = Store(args.db)
    try:
        if args.cmd == "order":
            lines = []
            for spec in args.lines:
                parts = spec.split(":")
                if len(parts) not in (2, 3) or not parts[1].isdigit() or int(parts[1]) < 1:
                    print(f"a line is SKU:QTY[:UNIT_PRICE], not {spec!r}", file=sys.stderr)
                    return 2
                line = {"sku": parts[0], "qty": int(parts[1])}
                if len(parts) == 3:
                    line["unit_price"] = int(parts[2])
                lines.append(line)
            placed = store.place_order(lines, {"name": args.name, "phone": args.phone})
            print(json.dumps(placed, ensure_ascii=False))
        elif args.cmd == "price":
            if args.price < 0:
                print("a price is 0 won or more", file=sys.stderr)
                return 2
            print(json.dumps({"cursor": store.change_product(args.sku, price=args.price)}))
        else:
            print(json.dumps({"cursor": store.change_product(args.sku, active=False)}))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
