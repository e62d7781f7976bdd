"""Error codes of the online platform: syncing and online orders.

Saleor-style ``error_codes`` module: one :class:`~enum.StrEnum` per code prefix, whose values are
the stable machine codes the errors carry (``error.code``), the UI turns into words
(:mod:`posapp.ui.messages`) and the logs and the platform record. A leaf module: it imports
nothing of ours, so every layer may use it. Add a member here (and its Korean and English
words in ``posapp/ui/messages_ko.py`` / ``messages_en.py``) before raising a new code.
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
