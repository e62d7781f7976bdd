"""The reference platform's data: one SQLite file holding pushed documents (each applied once,
with an append-only ``apply_log``), the catalogue, online orders, stock levels and tokens."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import threading
import uuid as uuidlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from posapp.sync import protocol as P

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
CREATE TABLE IF NOT EXISTS anchors (
    register_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL,
    received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS anchor_regressions (
    id INTEGER PRIMARY KEY, register_id TEXT NOT NULL, kept_seq INTEGER NOT NULL,
    got_seq INTEGER NOT NULL, got_hash TEXT NOT NULL, at TEXT NOT NULL);
"""


def _result(ident: Any, status: str, code: str, message: str, **details: Any) -> dict[str, Any]:
    """A pushed document's result that is not "applied": its status and the error body."""
    return {"uuid": ident, "status": status, **P.error_body(code, message, **details)}


def utc_now() -> str:
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

    # --- anchors: each register's journal head, kept outside the till ----------------------

    def keep_anchor(self, register_id: str, seq: int, digest: str) -> None:
        """Keep the head a till sent; a head behind the kept one is recorded, never kept."""
        with self.lock:
            row = self.conn.execute(
                "SELECT seq FROM anchors WHERE register_id = ?", (register_id,)
            ).fetchone()
            if row is not None and seq < row[0]:
                self.conn.execute(
                    "INSERT INTO anchor_regressions(register_id, kept_seq, got_seq, got_hash, at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (register_id, row[0], seq, digest, utc_now()),
                )
                return
            self.conn.execute(
                "INSERT OR REPLACE INTO anchors(register_id, seq, hash, received_at)"
                " VALUES (?, ?, ?, ?)",
                (register_id, seq, digest, utc_now()),
            )

    def keep_stock_anchor(self, seq: int, digest: str) -> None:
        """Keep the back-office chain's head if it is further than the one kept: every register
        sends it and one may send an older head after another sent a newer one (not a step
        back); the same position with another hash is recorded as a regression."""
        with self.lock:
            row = self.conn.execute(
                "SELECT seq, hash FROM anchors WHERE register_id = ?", (P.STOCK_CHAIN,)
            ).fetchone()
            if row is not None and seq == row[0] and digest != row[1]:
                self.conn.execute(
                    "INSERT INTO anchor_regressions(register_id, kept_seq, got_seq, got_hash, at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (P.STOCK_CHAIN, row[0], seq, digest, utc_now()),
                )
            if row is not None and seq <= row[0]:
                return
            self.conn.execute(
                "INSERT OR REPLACE INTO anchors(register_id, seq, hash, received_at)"
                " VALUES (?, ?, ?, ?)",
                (P.STOCK_CHAIN, seq, digest, utc_now()),
            )

    def anchor_of(self, register_id: str) -> dict[str, Any]:
        """The head the register sent last, and the back-office chain's furthest head."""
        with self.lock:
            rows = dict(
                (reg, (seq, digest))
                for reg, seq, digest in self.conn.execute(
                    "SELECT register_id, seq, hash FROM anchors WHERE register_id IN (?, ?)",
                    (register_id, P.STOCK_CHAIN),
                )
            )
        none = (0, "0" * 64)
        seq, digest = rows.get(register_id, none)
        stock_seq, stock_digest = rows.get(P.STOCK_CHAIN, none)
        return {
            "register_id": register_id,
            "seq": seq,
            "hash": digest,
            "stock_anchor": {"seq": stock_seq, "hash": stock_digest},
        }

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
            # echoed only as the string it was (never an object or a number back)
            ident = ident if isinstance(ident, str) else None
            return _result(ident, P.REJECTED, "request.invalid", problem)
        ident, kind, payload = doc["uuid"], doc["kind"], doc["payload"]
        if kind in ("sale", "refund") and payload.get("register_id") != register_id:
            return _result(
                ident,
                P.REJECTED,
                "document.other_register",
                f"this token is register {register_id}'s; the document is "
                f"{payload.get('register_id')!r}'s",
            )
        seen = self.conn.execute(
            "SELECT kind, register_id, payload FROM documents WHERE uuid = ?", (ident,)
        ).fetchone()
        if seen:
            same = seen[0] == kind and seen[1] == register_id and json.loads(seen[2]) == payload
            if not same:
                return _result(
                    ident,
                    P.REJECTED,
                    "document.conflict",
                    "a different document was already received under this uuid",
                )
            return {"uuid": ident, "status": P.DUPLICATE}
        if kind == "refund" and payload.get("original_uuid") is not None:
            original = self.conn.execute(
                "SELECT kind, payload FROM documents WHERE uuid = ?", (payload["original_uuid"],)
            ).fetchone()
            if original is not None:
                refunded = sum(
                    json.loads(p)["total"]
                    for (p,) in self.conn.execute(
                        "SELECT payload FROM documents WHERE kind = 'refund' "
                        "AND json_extract(payload, '$.original_uuid') = ?",
                        (payload["original_uuid"],),
                    )
                )
                sold = json.loads(original[1]).get("total", 0)
                if original[0] != "sale" or -(refunded + payload["total"]) > sold:
                    return _result(
                        ident,
                        P.REJECTED,
                        "request.invalid",
                        "a refund cannot give back more than its sale took",
                        sold=sold,
                        refunded=-refunded,
                    )
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
        now = utc_now()
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
        with self.lock, self._transaction():
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
        with self.lock, self._transaction():
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
                    utc_now(),
                    cursor,
                ),
            )

        return {"uuid": ident, "order_no": number, "cursor": cursor, "total": total}

    def cancel_order(self, ident: str) -> bool:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                cursor = self._next("orders")
                changed = self.conn.execute(
                    "UPDATE orders SET status = 'cancelled', cursor = ? WHERE uuid = ? "
                    "AND status = 'placed'",
                    (cursor, ident),
                ).rowcount
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
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
        now = utc_now()
        with self.lock, self._transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO stock(register_id, sku, available, updated_at) "
                "VALUES (?, ?, ?, ?)",
                [(register_id, lv["sku"], lv["available"], now) for lv in levels],
            )
        return len(levels)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error (the connection is never left
        inside a failed transaction for the next request)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

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
