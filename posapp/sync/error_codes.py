"""Error codes of the online platform: syncing and online orders.

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/sync.py``.
"""

from __future__ import annotations

from enum import StrEnum


class SyncErrorCode(StrEnum):
    """``sync.*`` codes."""

    AUTH = "sync.auth"
    BAD_URL = "sync.bad_url"
    NO_TOKEN = "sync.no_token"
    UNREACHABLE = "sync.unreachable"
    TIMEOUT = "sync.timeout"
    CONNECTION_LOST = "sync.connection_lost"
    BAD_ANSWER = "sync.bad_answer"
    THROTTLED = "sync.throttled"
    SERVER = "sync.server"
    REFUSED = "sync.refused"
    DEFERRED = "sync.deferred"
    DATABASE = "sync.database"
    INTERNAL = "sync.internal"


class OrderErrorCode(StrEnum):
    """``order.*`` codes."""

    UNKNOWN = "order.unknown"
    NOT_READY = "order.not_ready"
