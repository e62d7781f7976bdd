"""Error codes of the database layer (posapp.db.engine).

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/db.py``.
"""

from __future__ import annotations

from enum import StrEnum


class DbErrorCode(StrEnum):
    """``db.*`` codes."""

    ERROR = "db.error"
    BUSY = "db.busy"
    UNAVAILABLE = "db.unavailable"
    CONFLICT = "db.conflict"
    DISK_FULL = "db.disk_full"
