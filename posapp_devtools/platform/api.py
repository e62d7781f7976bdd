"""The sync protocol's HTTP routes on the reference platform: status, document pushes,
catalogue changes and orders by cursor, stock levels, the OpenAPI document."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from posapp.sync import protocol as P
from posapp_devtools.platform.store import Store, utc_now


def error_response(code: str, message: str | None = None, **details: Any) -> JSONResponse:
    status = P.ERRORS.get(code, (500, ""))[0]
    headers = {}
    if code == "rate_limited":
        headers["Retry-After"] = str(details.pop("retry_after", 1))
    return JSONResponse(P.error_body(code, message, **details), status, headers=headers)


def register_of(request: Request) -> str | JSONResponse:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return error_response("auth.missing_token")
    register_id: str | None = request.app.state.store.register_for(token.strip())
    if register_id is None:
        return error_response("auth.invalid_token")
    return register_id


def _paging(request: Request) -> tuple[int, int] | JSONResponse:
    try:
        after = int(request.query_params.get("after", "0"))
        limit = int(request.query_params.get("limit", str(P.MAX_PAGE)))
    except ValueError:
        return error_response("request.invalid", "after and limit are integers")
    if not 0 <= after <= P.MAX_INT or not 1 <= limit <= P.MAX_PAGE:
        return error_response("request.invalid", f"after ≥ 0 and 1 ≤ limit ≤ {P.MAX_PAGE}")
    return after, limit


MAX_BODY = 8 * 1024 * 1024  # bytes: a full batch of 500 documents is well under 2 MB


async def read_json(request: Request) -> Any:
    """The body as JSON, read up to :data:`MAX_BODY` bytes (more: 413, the rest unread)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        return error_response("request.too_large", max_bytes=MAX_BODY)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return error_response("request.too_large", max_bytes=MAX_BODY)
        chunks.append(chunk)
    try:
        return json.loads(b"".join(chunks))
    except (ValueError, UnicodeDecodeError):
        return error_response("request.invalid_json")


async def status(request: Request) -> Response:
    reg = register_of(request)
    if isinstance(reg, Response):
        return reg
    return JSONResponse({"protocol": P.VERSION, "register_id": reg, "server_time": utc_now()})


async def documents(request: Request) -> Response:
    reg = register_of(request)
    if isinstance(reg, Response):
        return reg
    body = await read_json(request)
    if isinstance(body, Response):
        return body
    if not isinstance(body, dict) or not isinstance(body.get("documents"), list):
        return error_response("request.invalid", "the body is {protocol, documents: [...]}")
    if body.get("protocol") != P.VERSION:
        return error_response(
            "request.unsupported_version", supported=[P.VERSION], got=body.get("protocol")
        )
    docs = body["documents"]
    if len(docs) > P.MAX_BATCH:
        return error_response("batch.too_large", max=P.MAX_BATCH, got=len(docs))
    anchor = body.get("anchor")
    if isinstance(anchor, dict) and anchor.get("register_id") != reg:
        return error_response(
            "document.other_register", "the anchor is the token's register's own head"
        )
    if "anchor" in body and not _anchor_ok(anchor, reg):
        return error_response(
            "request.invalid", "anchor is {register_id: the token's, seq: int ≥ 0, hash: 64 hex}"
        )
    stock = body.get("stock_anchor")
    if "stock_anchor" in body and not _head_ok(stock):
        return error_response("request.invalid", "stock_anchor is {seq: int ≥ 0, hash: 64 hex}")
    store: Store = request.app.state.store
    results = await asyncio.to_thread(store.push, reg, docs)
    if anchor is not None:
        await asyncio.to_thread(store.keep_anchor, reg, anchor["seq"], anchor["hash"])
    if stock is not None:  # shared by the store's registers: the furthest one is kept
        await asyncio.to_thread(store.keep_stock_anchor, stock["seq"], stock["hash"])
    return JSONResponse({"results": results})


_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def _whole(value: Any) -> int | None:
    """A JSON number that is a whole number (3 or 3.0: JSON has one number type), else None."""
    if type(value) is int:
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) <= P.MAX_INT:
        return int(value)
    return None


def _anchor_ok(anchor: Any, register_id: str) -> bool:
    return (
        isinstance(anchor, dict) and anchor.get("register_id") == register_id and _head_ok(anchor)
    )


def _head_ok(head: Any) -> bool:
    """``{seq: a whole number ≥ 0, hash: 64 lower-case hex}`` (``seq`` made an int)."""
    seq = _whole(head.get("seq")) if isinstance(head, dict) else None
    if seq is not None:
        head["seq"] = seq
    return (
        isinstance(head, dict)
        and seq is not None
        and 0 <= seq <= P.MAX_INT
        and isinstance(head.get("hash"), str)
        and _HEX64.match(head["hash"]) is not None
    )


async def anchor(request: Request) -> Response:
    """The last journal head the token's register sent."""
    reg = register_of(request)
    if isinstance(reg, Response):
        return reg
    store: Store = request.app.state.store
    return JSONResponse(await asyncio.to_thread(store.anchor_of, reg))


def _paged(read: Callable[[Store], Callable[[int, int], dict[str, Any]]]) -> Any:
    """A GET endpoint that pages by server cursor: ``?after=CURSOR&limit=N``."""

    async def endpoint(request: Request) -> Response:
        reg = register_of(request)
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
    reg = register_of(request)
    if isinstance(reg, Response):
        return reg
    body = await read_json(request)
    if isinstance(body, Response):
        return body
    levels = body.get("levels") if isinstance(body, dict) else None
    if not isinstance(levels, list):
        return error_response("request.invalid", "the body is {levels: [{sku, available}]}")
    if len(levels) > P.MAX_LEVELS:
        return error_response("batch.too_large", max=P.MAX_LEVELS, got=len(levels))
    for i, lv in enumerate(levels):
        whole = _whole(lv.get("available")) if isinstance(lv, dict) else None
        if whole is not None:
            lv["available"] = whole
        if (
            not isinstance(lv, dict)
            or not isinstance(lv.get("sku"), str)
            or not 1 <= len(lv["sku"]) <= 40
            or type(lv.get("available")) is not int  # true/false are not numbers here
            or not 0 <= lv["available"] <= P.MAX_INT
        ):
            return error_response(
                "request.invalid",
                f"each level is {{sku: 1-40 chars, available: 0..{P.MAX_INT}}}",
                index=i,
            )
    store: Store = request.app.state.store
    return JSONResponse({"updated": await asyncio.to_thread(store.set_stock, reg, levels)})


async def openapi_doc(request: Request) -> Response:
    return JSONResponse(P.openapi())
