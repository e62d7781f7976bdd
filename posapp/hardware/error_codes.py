"""Error codes of the devices: printer, scale, customer display and card terminal.

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/hardware.py``.
"""

from __future__ import annotations

from enum import StrEnum


class PrinterErrorCode(StrEnum):
    """``printer.*`` codes."""

    OFFLINE = "printer.offline"
    PAPER_OUT = "printer.paper_out"
    COVER_OPEN = "printer.cover_open"
    STALLED = "printer.stalled"
    ERROR = "printer.error"
    INTERRUPTED = "printer.interrupted"  # the till stopped before the job was printed


class ScaleErrorCode(StrEnum):
    """``scale.*`` codes."""

    BAD_FRAME = "scale.bad_frame"
    BAD_UNIT = "scale.bad_unit"
    BUSY = "scale.busy"
    CONFIG = "scale.config"
    NEGATIVE = "scale.negative"
    OVERLOAD = "scale.overload"
    TIMEOUT = "scale.timeout"
    UNAVAILABLE = "scale.unavailable"
    UNSTABLE = "scale.unstable"


class DisplayErrorCode(StrEnum):
    """``display.*`` codes."""

    OFFLINE = "display.offline"
    STALLED = "display.stalled"
    UNAVAILABLE = "display.unavailable"


class CardErrorCode(StrEnum):
    """``card.*`` codes."""

    BAD_REQUEST = "card.bad_request"
    DECLINED = "card.declined"
    NET_CANCEL_FAILED = "card.net_cancel_failed"
    PROTOCOL = "card.protocol"
    TIMEOUT = "card.timeout"
    UNAVAILABLE = "card.unavailable"
    UNMASKED = "card.unmasked"
