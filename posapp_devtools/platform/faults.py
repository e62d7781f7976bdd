"""Faults for tests and demos: what goes wrong per API request (failures, latency, 429, lost
acks) and the ASGI middleware that makes it happen."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, fields
from typing import Any

from starlette.applications import Starlette

from posapp.sync import protocol as P
from posapp_devtools.platform.api import error_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


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
            await error_response("rate_limited", retry_after=faults.retry_after)(
                scope, receive, send
            )
            return
        if roll < faults.throttle_rate + faults.failure_rate:
            await error_response("server.error", "injected failure")(scope, receive, send)
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
