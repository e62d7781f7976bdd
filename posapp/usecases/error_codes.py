"""Error codes of the checkout session: signed-in cashier, open ticket, selling while the store
database is offline.

Saleor-style ``error_codes`` module: one :class:`~enum.StrEnum` per code prefix, whose values are
the stable machine codes the errors carry (``error.code``), the UI turns into words
(:mod:`posapp.ui.messages`) and the logs and the platform record. A leaf module: it imports
nothing of ours, so every layer may use it. Add a member here (and its Korean and English
words in ``posapp/ui/messages_ko.py`` / ``messages_en.py``) before raising a new code.
"""

from __future__ import annotations

from enum import StrEnum


class SessionErrorCode(StrEnum):
    """``session.*`` codes."""

    SIGNED_OUT = "session.signed_out"
    NEEDS_WEIGHT = "session.needs_weight"
    TICKET_OPEN = "session.ticket_open"


class OfflineErrorCode(StrEnum):
    """``offline.*`` codes."""

    NEEDS_SERVER = "offline.needs_server"
    UNSENT = "offline.unsent"
