"""The reference online platform: the sync protocol's server, with fault injection.

Owns the ASGI app (:func:`create_app`: routes, store, faults) and the ``posapp-platform``
command (``serve``; ``order``, ``price``, ``withdraw`` on its SQLite file)."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import random
import secrets
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Route

from posapp.sync import protocol as P
from posapp_devtools.platform.admin import (
    admin_cancel,
    admin_catalog,
    admin_faults,
    admin_orders,
    admin_page,
    admin_stats,
)
from posapp_devtools.platform.api import (
    anchor,
    catalog_changes,
    documents,
    openapi_doc,
    orders,
    status,
    stock,
)
from posapp_devtools.platform.faults import FaultInjector, Faults
from posapp_devtools.platform.store import Store

log = logging.getLogger(__name__)


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
            Route(P.PREFIX + "/anchor", anchor),
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
    serve.add_argument(
        "--admin-token",
        default=os.environ.get("POSAPP_PLATFORM_ADMIN_TOKEN", ""),
        help="the token /admin needs (default: $POSAPP_PLATFORM_ADMIN_TOKEN, else a new one, "
        "printed at start); /admin is never open",
    )
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
        admin_token = args.admin_token or secrets.token_urlsafe(18)
        app = create_app(
            args.db, tokens=_tokens(args.token), faults=faults, admin_token=admin_token
        )
        print(f"platform on http://{args.host}:{args.port}{P.PREFIX}", flush=True)
        if not args.admin_token:
            print(f"admin token (for /admin): {admin_token}", flush=True)
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
