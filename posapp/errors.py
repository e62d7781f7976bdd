"""The root of every exception the services raise: a message, a machine code and data.

Each service package subclasses :class:`PosError`; the UI turns ``code`` into words.
"""

from __future__ import annotations

from typing import Any


class PosError(Exception):
    """An error a user can act on. ``code`` is stable (e.g. ``shift.not_open``)."""

    def __init__(self, message: str, *, code: str, **data: Any) -> None:
        super().__init__(message)
        self.code = code
        self.data = data
