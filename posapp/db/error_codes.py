"""Error codes of the database layer (posapp.db.engine).

Saleor-style ``error_codes`` module: one :class:`~enum.StrEnum` per code prefix, whose values are
the stable machine codes the errors carry (``error.code``), the UI turns into words
(:mod:`posapp.ui.messages`) and the logs and the platform record. A leaf module: it imports
nothing of ours, so every layer may use it. Add a member here (and its Korean and English
words in ``posapp/ui/messages_ko.py`` / ``messages_en.py``) before raising a new code.
"""

from __future__ import annotations

from enum import StrEnum


class DbErrorCode(StrEnum):
    """``db.*`` codes."""

    ERROR = "db.error"
    BUSY = "db.busy"
    UNAVAILABLE = "db.unavailable"
    CONFLICT = "db.conflict"
