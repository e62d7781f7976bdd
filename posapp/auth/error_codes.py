"""Error codes of sign-in, approvals, permissions and staff.

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/auth.py``.
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
    PIN_WAIT = "auth.pin_wait"
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
