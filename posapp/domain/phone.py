"""Korean mobile phone numbers: validation and the one written form we store (010-XXXX-XXXX).

Pure. Accepts what staff type (``01012345678``, ``010 1234 5678``, ``010-1234-5678``) and
refuses anything that is not an 11-digit 010 number, naming the value.
"""

from __future__ import annotations

import re

from posapp.domain.error_codes import PhoneErrorCode
from posapp.domain.errors import DomainError

_SEPARATORS = re.compile(r"[\s\-.]")


class PhoneError(DomainError):
    """A phone number that is not a Korean mobile number."""


def normalize_mobile(text: str) -> str:
    """``"01012345678"`` → ``"010-1234-5678"``; anything else raises :class:`PhoneError`."""
    digits = _SEPARATORS.sub("", str(text or ""))
    if not digits:
        raise PhoneError("a mobile phone number is required", code=PhoneErrorCode.MISSING)
    if not digits.isdigit() or len(digits) != 11 or not digits.startswith("010"):
        raise PhoneError(
            f"{text!r} is not a Korean mobile number (010-XXXX-XXXX)",
            code=PhoneErrorCode.INVALID,
            value=str(text),
        )
    return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"


def mask_mobile(phone: str) -> str:
    """``"010-1234-5678"`` → ``"010-****-5678"`` (for printed rosters left in the kitchen)."""
    parts = phone.split("-")
    if len(parts) != 3:
        return phone
    return f"{parts[0]}-****-{parts[2]}"
