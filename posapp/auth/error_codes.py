"""Error codes of sign-in, approvals, permissions and staff.

Saleor-style ``error_codes`` module: one :class:`~enum.StrEnum` per code prefix, whose values are
the stable machine codes the errors carry (``error.code``), the UI turns into words
(:mod:`posapp.ui.messages`) and the logs and the platform record. A leaf module: it imports
nothing of ours, so every layer may use it. Add a member here (and its Korean and English
words in ``posapp/ui/messages_ko.py`` / ``messages_en.py``) before raising a new code.
"""

from __future__ import annotations

from enum import StrEnum


class AuthErrorCode(StrEnum):
    """``auth.*`` codes."""

    APPROVAL_DENIED = "auth.approval_denied"
    APPROVAL_REQUIRED = "auth.approval_required"
    DUPLICATE = "auth.duplicate"
    LOCKED = "auth.locked"
    NAME = "auth.name"
    PIN_FORMAT = "auth.pin_format"
    UNKNOWN_USER = "auth.unknown_user"
    WRONG_PIN = "auth.wrong_pin"


class PermErrorCode(StrEnum):
    """``perm.*`` codes."""

    LAST_ADMIN = "perm.last_admin"
    ROLE = "perm.role"
    UNKNOWN = "perm.unknown"


class StaffErrorCode(StrEnum):
    """``staff.*`` codes."""

    LAST_ADMIN = "staff.last_admin"
    SELF = "staff.self"
    NONE_SELECTED = "staff.none_selected"
