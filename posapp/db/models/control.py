"""Till control: failed-PIN counters and locks (one row per scope: a till, a user, the whole
store) and the store's policy (one row per key, the same for every till)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, UTCDateTime, utcnow


class PinLockout(Base):
    """Wrong PINs counted for one scope (``till:R01``, ``user:3``, ``store``): the count since
    the last success or the last lock, when the last one was typed, and until when the scope
    is locked (None: not locked)."""

    __tablename__ = "pin_lockouts"
    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class StorePolicy(Base):
    """One store-policy setting (posapp.store_policy owns the keys, their types and bounds)."""

    __tablename__ = "store_policy"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
