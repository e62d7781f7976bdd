"""The rules of class bookings that are configuration, not code: how long an unpaid booking
holds its seats, and how much of the fee a cancellation gets back (refund tiers).

Pure (no database). Tiers are ``(days_before, percent)``: the first tier whose ``days_before`` is at
most the number of calendar days (the store's zone, :mod:`posapp.domain.calendar`) between the
cancellation and the session applies. The default — 100% up to 3 days before, 50% up to 1 day,
nothing on the day — is the store's published policy; a manager can override it per cancellation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from posapp.classes.error_codes import ClassErrorCode
from posapp.domain import calendar
from posapp.domain.errors import DomainError
from posapp.domain.money import round_half_up_div

DEFAULT_TIERS: tuple[tuple[int, int], ...] = ((3, 100), (1, 50), (0, 0))


class PolicyError(DomainError):
    """A class policy that cannot be used (bad tiers or hold time)."""


@dataclass(frozen=True, slots=True)
class ClassPolicy:
    """``hold_minutes``: how long an unpaid, not pay-on-arrival booking keeps its seats."""

    hold_minutes: int = 30
    refund_tiers: tuple[tuple[int, int], ...] = field(default=DEFAULT_TIERS)

    def __post_init__(self) -> None:
        if not isinstance(self.hold_minutes, int) or self.hold_minutes <= 0:
            raise PolicyError(
                f"hold_minutes must be a positive number of minutes, got {self.hold_minutes!r}",
                code=ClassErrorCode.POLICY,
                key="hold_minutes",
            )
        check_tiers(self.refund_tiers)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ClassPolicy:
        """From a TOML table: ``hold_minutes = 30``, ``refund_tiers = [[3, 100], [1, 50]]``."""
        tiers = data.get("refund_tiers", DEFAULT_TIERS)
        return cls(
            hold_minutes=int(data.get("hold_minutes", 30)),
            refund_tiers=tuple((int(d), int(p)) for d, p in tiers),
        )

    @classmethod
    def from_text(cls, hold_minutes: int, tiers: str) -> ClassPolicy:
        """From the configuration's ``refund_tiers = "3:100,1:50,0:0"``."""
        return cls(hold_minutes=hold_minutes, refund_tiers=parse_tiers(tiers))

    def days_before(self, starts_at: dt.datetime, now: dt.datetime) -> int:
        """Calendar days (store zone) from ``now`` to the session (0 on the day, negative after)."""
        return (calendar.business_day(starts_at) - calendar.business_day(now)).days

    def refund_percent(self, starts_at: dt.datetime, now: dt.datetime) -> int:
        days = self.days_before(starts_at, now)
        if now >= starts_at:
            return 0
        for min_days, percent in self.refund_tiers:
            if days >= min_days:
                return percent
        return 0

    def hold_until(self, now: dt.datetime) -> dt.datetime:
        return now + dt.timedelta(minutes=self.hold_minutes)


def parse_tiers(text: str) -> tuple[tuple[int, int], ...]:
    """``"3:100,1:50,0:0"`` → ``((3, 100), (1, 50), (0, 0))``."""
    out = []
    for part in (p.strip() for p in text.split(",")):
        days, sep, pct = part.partition(":")
        if not sep or not days.strip().isdigit() or not pct.strip().isdigit():
            raise PolicyError(
                f"refund tier {part!r} is not days:percent",
                code=ClassErrorCode.POLICY,
                key="refund_tiers",
            )
        out.append((int(days), int(pct)))
    check_tiers(out)
    return tuple(out)


def check_tiers(tiers: Sequence[tuple[int, int]]) -> None:
    """Tiers must have falling days and percents 0..100 that do not rise as the day nears."""
    last_days, last_pct = None, None
    for days, pct in tiers:
        if not 0 <= pct <= 100 or days < 0:
            raise PolicyError(
                f"refund tier ({days} days, {pct}%) is out of range",
                code=ClassErrorCode.POLICY,
                key="refund_tiers",
            )
        if last_days is not None and (days >= last_days or pct > (last_pct or 0)):
            raise PolicyError(
                "refund tiers must go from most days before to fewest, with percents not rising",
                code=ClassErrorCode.POLICY,
                key="refund_tiers",
            )
        last_days, last_pct = days, pct


def refund_amount(paid: int, percent: int) -> int:
    """``percent``% of ``paid`` won, rounded half up."""
    if not 0 <= percent <= 100:
        raise PolicyError(
            f"a refund of {percent}% is out of range", code=ClassErrorCode.REFUND_PERCENT
        )
    return round_half_up_div(paid * percent, 100)
