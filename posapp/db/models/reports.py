"""Report rollups: sales summed per product and day or month, and how far the rollup reaches."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, UTCDateTime


class ReportSalesRollup(Base):
    """Sales lines summed per product and closed business day (``grain`` "d") or whole month
    ("m"), so a year of reports reads thousands of rows rather than millions of lines. Built by
    posapp/reports/rollup.py from the sales (never edited: corrections are new documents);
    sales newer than the rollup's watermark are always added live."""

    __tablename__ = "report_sales_rollup"
    grain: Mapped[str] = mapped_column(String(1), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    lines: Mapped[int] = mapped_column(Integer, default=0)
    qty_sold: Mapped[int] = mapped_column(BigInteger, default=0)
    qty_returned: Mapped[int] = mapped_column(BigInteger, default=0)
    gross: Mapped[int] = mapped_column(BigInteger, default=0)
    discounts: Mapped[int] = mapped_column(BigInteger, default=0)
    refunds: Mapped[int] = mapped_column(BigInteger, default=0)
    net: Mapped[int] = mapped_column(BigInteger, default=0)
    cost: Mapped[int] = mapped_column(BigInteger, default=0)
    uncosted: Mapped[int] = mapped_column(BigInteger, default=0)


class ReportRollupState(Base):
    """How far the sales rollup reaches: closed days up to ``built_through``, sales up to id
    ``max_sale_id`` (anything newer is read live)."""

    __tablename__ = "report_rollup_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    built_through: Mapped[dt.date | None] = mapped_column(Date)
    max_sale_id: Mapped[int] = mapped_column(BigInteger, default=0)
    built_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
