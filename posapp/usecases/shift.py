"""The cashier's day at the till: sign in (the register's open shift found with it), open a
shift with a counted float, the X report, and closing the shift with the Z report — refused
while offline sales have not reached the store's database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from posapp.auth import service as auth
from posapp.auth.service import UserInfo
from posapp.sales import register_report, shifts
from posapp.sales.register_report import RegisterReport, format_report
from posapp.sales.shifts import DENOMINATIONS, ShiftInfo
from posapp.usecases import clock
from posapp.usecases.error_codes import OfflineErrorCode
from posapp.usecases.session_error import SessionError

if TYPE_CHECKING:
    from posapp.usecases.checkout import CheckoutSession


def sign_in(s: CheckoutSession, pin: str) -> UserInfo:
    register = s.settings.register_id
    user = s.transact(lambda uow: auth.authenticate(uow, pin, register_id=register))
    s.user = user
    s.shift = s.read(lambda uow: shifts.current_shift(uow, s.settings.register_id))
    clock.check(s)  # a clock set back is said from the start (posapp.usecases.clock)
    return user


def open_shift(s: CheckoutSession, counts: Mapping[int, int]) -> ShiftInfo:
    uid = s.who()
    s.online_only("opening a shift")
    s.shift = clock.guarded(
        s,
        lambda uow, now: shifts.open_shift(
            uow, s.settings.register_id, uid, _counted(counts), now=now
        ),
    )
    return s.shift


def x_report(s: CheckoutSession) -> RegisterReport:
    shift_id = s.require_shift().id
    s.online_only("the X report")
    return s.db.read(lambda uow: register_report.x_report(uow, shift_id))


def close_shift(s: CheckoutSession, counts: Mapping[int, int]) -> RegisterReport:
    uid = s.who()
    shift_id = s.require_shift().id
    s.online_only("closing the shift")
    waiting = s.offline_state()
    if waiting is not None and (waiting.queued or waiting.failed):
        raise SessionError(
            f"{waiting.queued + waiting.failed} offline sales have not reached the "
            "store's database yet: close the shift once they have",
            code=OfflineErrorCode.UNSENT,
            count=waiting.queued + waiting.failed,
        )
    report = clock.guarded(
        s, lambda uow, now: shifts.close_shift(uow, shift_id, uid, _counted(counts), now=now)
    )
    s.shift = None
    return report


def report_text(report: RegisterReport, width: int = 48) -> str:
    """An X or Z report as the screen and the printer show it."""
    return format_report(report, width)


__all__ = [
    "DENOMINATIONS",
    "RegisterReport",
    "ShiftInfo",
    "close_shift",
    "open_shift",
    "report_text",
    "x_report",
]


def _counted(counts: Mapping[int, int]) -> dict[int | str, int]:
    """The drawer count by denomination, as the shift service takes it."""
    return {k: v for k, v in counts.items()}
