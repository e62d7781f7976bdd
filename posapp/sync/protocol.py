"""The sync protocol between a till and the online platform, version 1: paths, limits, codes.

Shared by the client (:mod:`posapp.sync.client`) and the reference platform
(:mod:`posapp_devtools.platform`, a developer tool) so both speak exactly the same words;
``docs/sync-protocol.md`` explains it and :func:`openapi` describes it as OpenAPI 3.1 (served at
``/api/v1/openapi.json``, committed as ``docs/sync-openapi.json``). Pure: no HTTP, no database.
"""

from __future__ import annotations

import re
from typing import Any

VERSION = 1
PREFIX = "/api/v1"
MAX_BATCH = 500  # documents per push
MAX_INT = 2**63 - 1  # the largest integer either side stores (SQLite's INTEGER)
#: the store's back-office journal chain (stock postings, posapp.inventory.stock_journal): its
#: head travels as ``stock_anchor`` beside each register's own ``anchor``
STOCK_CHAIN = "BO"
MAX_PAGE = 1000  # changes/orders per pull
MAX_LEVELS = 5000  # stock levels per push

DOCUMENT_KINDS = ("sale", "refund", "order_status")
ORDER_STATUSES = ("accepted", "rejected", "picked_up", "cancelled_at_store")

# per-document results of a push
APPLIED = "applied"  # stored now
DUPLICATE = "duplicate"  # stored before: the earlier ack was lost; nothing applied twice
DEFERRED = "deferred"  # cannot apply yet (its sale has not arrived): send again later
REJECTED = "rejected"  # never acceptable as sent: do not resend unchanged
RESULT_STATUSES = (APPLIED, DUPLICATE, DEFERRED, REJECTED)

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

#: error codes of error bodies ``{"error": {"code", "message", ...}}``, with their HTTP status
ERRORS: dict[str, tuple[int, str]] = {
    "auth.missing_token": (401, "no bearer token in the Authorization header"),
    "auth.invalid_token": (401, "the token is not known to the platform"),
    "request.invalid_json": (400, "the body is not JSON"),
    "request.invalid": (422, "the body does not follow the protocol"),
    "request.unsupported_version": (400, "the protocol version is not supported"),
    "batch.too_large": (413, "too many items in one request"),
    "request.too_large": (413, "the request body is larger than the platform takes"),
    "not_found": (404, "no such resource"),
    "document.conflict": (409, "another document was already received under this uuid"),
    "document.other_register": (403, "the document belongs to another register than the token's"),
    "rate_limited": (429, "too many requests: wait for Retry-After seconds"),
    "server.error": (500, "the platform failed; try again later"),
    "server.unavailable": (503, "the platform is not available; try again later"),
}


def error_body(code: str, message: str | None = None, **details: Any) -> dict[str, Any]:
    """An error body: the code, words a person can act on, and details (e.g. the bad field)."""
    default = ERRORS.get(code, (500, code))[1]
    body: dict[str, Any] = {"code": code, "message": message or default}
    if details:
        body["details"] = details
    return {"error": body}


def validate_document(doc: Any) -> str | None:
    """What is wrong with one pushed document, in words; None if it follows the protocol."""
    if not isinstance(doc, dict):
        return "a document is a JSON object"
    uuid = doc.get("uuid")
    if not isinstance(uuid, str) or not UUID_RE.match(uuid):
        return "uuid must be a lower-case UUID string"
    kind = doc.get("kind")
    if kind not in DOCUMENT_KINDS:
        return f"kind must be one of {', '.join(DOCUMENT_KINDS)}"
    payload = doc.get("payload")
    if not isinstance(payload, dict):
        return "payload must be an object"
    if kind in ("sale", "refund"):
        for key in ("receipt_no", "register_id", "total", "lines", "payments", "created_at"):
            if key not in payload:
                return f"payload.{key} is missing"
        if not isinstance(payload["total"], int) or isinstance(payload["total"], bool):
            return "payload.total must be an integer number of won"
        if not isinstance(payload["lines"], list):
            return "payload.lines must be a list"
        # a return without a receipt (payload.no_receipt) has no sale to name
        if (
            kind == "refund"
            and not isinstance(payload.get("original_uuid"), str)
            and not (payload.get("no_receipt") is True and payload.get("original_uuid") is None)
        ):
            return "a refund names its sale in payload.original_uuid"
        return _amounts(kind, payload)
    else:
        order = payload.get("order_uuid")
        if not isinstance(order, str) or not UUID_RE.match(order):
            return "payload.order_uuid must be the order's UUID"
        if payload.get("status") not in ORDER_STATUSES:
            return f"payload.status must be one of {', '.join(ORDER_STATUSES)}"
    return None


def _won(value: Any) -> bool:
    return type(value) is int and abs(value) <= MAX_INT


def _amounts(kind: str, payload: dict[str, Any]) -> str | None:
    """A sale or refund whose amounts add up: lines present, the total their sum, the
    payments adding to it, a sale's amounts not negative and a refund's not positive."""
    lines, payments, total = payload["lines"], payload["payments"], payload["total"]
    if not lines:
        return "payload.lines is empty: a sale or refund has lines"
    if not all(isinstance(ln, dict) and _won(ln.get("net")) for ln in lines):
        return "each line has its net amount in won (an integer)"
    if not isinstance(payments, list) or not all(
        isinstance(p, dict) and _won(p.get("amount")) for p in payments
    ):
        return "payload.payments is a list of {amount: won, ...}"
    if sum(ln["net"] for ln in lines) != total:
        return "payload.total is not the sum of its lines"
    if payments and sum(p["amount"] for p in payments) != total:
        return "the payments do not add up to payload.total"
    if (kind == "sale" and total < 0) or (kind == "refund" and total > 0):
        return f"a {kind}'s total cannot be {'negative' if kind == 'sale' else 'positive'}"
    return None


def sku_of(barcode: str | None, plu: str | None) -> str | None:
    """A product's key shared with the platform: its primary barcode, else ``PLU-<plu>``."""
    if barcode:
        return barcode
    if plu:
        return f"PLU-{plu}"
    return None


def _err(*codes: str) -> dict[str, Any]:
    return {
        str(ERRORS[c][0]): {
            "description": f"{c}: {ERRORS[c][1]}",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for c in codes
    }


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _cursor_params() -> list[dict[str, Any]]:
    return [
        {
            "name": "after",
            "in": "query",
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_INT},
        },
        {
            "name": "limit",
            "in": "query",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
        },
    ]


def openapi() -> dict[str, Any]:
    """The protocol as an OpenAPI 3.1 document."""
    ref = "#/components/schemas/"
    common = ("auth.missing_token", "auth.invalid_token", "rate_limited", "server.error")
    body_errors = (
        *common,
        "document.other_register",
        "request.invalid_json",
        "request.unsupported_version",
        "request.invalid",
        "batch.too_large",
        "request.too_large",
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "I·Market·U platform sync",
            "version": str(VERSION),
            "description": "Tills report sales and refunds exactly once, pull catalogue changes "
            "and online orders by server cursor, and push stock levels. See sync-protocol.md.",
        },
        "servers": [{"url": PREFIX}],
        "security": [{"bearer": []}],
        "paths": {
            "/status": {
                "get": {
                    "summary": "Check the token; the server's time and protocol version",
                    "responses": {"200": _json({"$ref": ref + "Status"}), **_err(*common)},
                }
            },
            "/documents": {
                "post": {
                    "summary": "Push a batch of sales, refunds and order status changes "
                    "(idempotent by document uuid)",
                    "requestBody": {"required": True, **_json({"$ref": ref + "DocumentBatch"})},
                    "responses": {
                        "200": _json({"$ref": ref + "DocumentResults"}),
                        **_err(*body_errors),
                    },
                }
            },
            "/anchor": {
                "get": {
                    "summary": "The last journal head this register sent (its anchor outside the "
                    "till; seq 0 when none yet) and the furthest head of the store's back-office "
                    "chain any register sent",
                    "responses": {"200": _json({"$ref": ref + "KeptAnchor"}), **_err(*common)},
                }
            },
            "/catalog/changes": {
                "get": {
                    "summary": "Catalogue and price changes after a server cursor",
                    "parameters": _cursor_params(),
                    "responses": {
                        "200": _json({"$ref": ref + "CatalogPage"}),
                        **_err(*common, "request.invalid"),
                    },
                }
            },
            "/orders": {
                "get": {
                    "summary": "Online orders (new and cancelled) after a server cursor",
                    "parameters": _cursor_params(),
                    "responses": {
                        "200": _json({"$ref": ref + "OrderPage"}),
                        **_err(*common, "request.invalid"),
                    },
                }
            },
            "/stock": {
                "put": {
                    "summary": "The store's sellable stock per SKU (on hand minus reserved)",
                    "requestBody": {"required": True, **_json({"$ref": ref + "StockLevels"})},
                    "responses": {
                        "200": _json(
                            {"type": "object", "properties": {"updated": {"type": "integer"}}}
                        ),
                        **_err(*body_errors),
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string", "enum": sorted(ERRORS)},
                                "message": {"type": "string"},
                                "details": {"type": "object"},
                            },
                        }
                    },
                },
                "Status": {
                    "type": "object",
                    "properties": {
                        "protocol": {"type": "integer"},
                        "register_id": {"type": "string"},
                        "server_time": {"type": "string", "format": "date-time"},
                    },
                },
                "DocumentBatch": {
                    "type": "object",
                    "required": ["protocol", "documents"],
                    "properties": {
                        "protocol": {"const": VERSION},
                        "documents": {
                            "type": "array",
                            "description": f"at most {MAX_BATCH} (more: 413 batch.too_large)",
                            # each is checked on its own against Document and a bad one
                            # answered in its result (status rejected), not by failing the batch
                            "items": {
                                "description": "a Document; one that does not follow it is "
                                "answered per result with status rejected"
                            },
                        },
                        "anchor": {"$ref": ref + "Anchor"},
                        "stock_anchor": {"$ref": ref + "StockAnchor"},
                    },
                },
                "Document": {
                    "type": "object",
                    "required": ["uuid", "kind", "payload"],
                    "properties": {
                        "uuid": {"type": "string", "format": "uuid"},
                        "kind": {"enum": list(DOCUMENT_KINDS)},
                        "payload": {"type": "object"},
                    },
                },
                "Anchor": {
                    "type": "object",
                    "required": ["register_id", "seq", "hash"],
                    "properties": {
                        "register_id": {"type": "string"},
                        "seq": {"type": "integer", "minimum": 0},
                        "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    },
                },
                "StockAnchor": {
                    "type": "object",
                    "description": "the head of the store's back-office chain (stock postings), "
                    "shared by its registers: the platform keeps the furthest one sent",
                    "required": ["seq", "hash"],
                    "properties": {
                        "seq": {"type": "integer", "minimum": 0},
                        "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    },
                },
                "KeptAnchor": {
                    "type": "object",
                    "required": ["register_id", "seq", "hash", "stock_anchor"],
                    "properties": {
                        "register_id": {"type": "string"},
                        "seq": {"type": "integer", "minimum": 0},
                        "hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                        "stock_anchor": {"$ref": ref + "StockAnchor"},
                    },
                },
                "DocumentResults": {
                    "type": "object",
                    "properties": {
                        "results": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["uuid", "status"],
                                "properties": {
                                    # null: the document had no uuid string to echo
                                    "uuid": {"type": ["string", "null"]},
                                    "status": {"enum": list(RESULT_STATUSES)},
                                    "error": {"type": "object"},
                                },
                            },
                        }
                    },
                },
                "CatalogPage": {
                    "type": "object",
                    "properties": {
                        "changes": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["cursor", "sku"],
                                "properties": {
                                    "cursor": {"type": "integer"},
                                    "sku": {"type": "string"},
                                    "name_ko": {"type": "string"},
                                    "price": {"type": ["integer", "null"]},
                                    "active": {"type": "boolean"},
                                },
                            },
                        },
                        "next_cursor": {"type": "integer"},
                        "more": {"type": "boolean"},
                    },
                },
                "OrderPage": {
                    "type": "object",
                    "properties": {
                        "orders": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["cursor", "uuid", "order_no", "status", "lines"],
                                "properties": {
                                    "cursor": {"type": "integer"},
                                    "uuid": {"type": "string", "format": "uuid"},
                                    "order_no": {"type": "string"},
                                    "status": {"enum": ["placed", "cancelled"]},
                                    "customer": {"type": "object"},
                                    "total": {"type": "integer"},
                                    "placed_at": {"type": "string", "format": "date-time"},
                                    "lines": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["sku", "qty"],
                                            "properties": {
                                                "sku": {"type": "string"},
                                                "name": {"type": "string"},
                                                "qty": {"type": "integer", "minimum": 1},
                                                "unit_price": {"type": "integer"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                        "next_cursor": {"type": "integer"},
                        "more": {"type": "boolean"},
                    },
                },
                "StockLevels": {
                    "type": "object",
                    "required": ["levels"],
                    "properties": {
                        "levels": {
                            "type": "array",
                            "description": f"at most {MAX_LEVELS} (more: 413 batch.too_large)",
                            "items": {
                                "type": "object",
                                "required": ["sku", "available"],
                                "properties": {
                                    "sku": {"type": "string", "minLength": 1, "maxLength": 40},
                                    "available": {
                                        "type": "integer",
                                        "minimum": 0,
                                        "maximum": MAX_INT,
                                    },
                                },
                            },
                        }
                    },
                },
            },
        },
    }


if __name__ == "__main__":  # python -m posapp.sync.protocol > docs/sync-openapi.json
    import json
    import sys

    json.dump(openapi(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
