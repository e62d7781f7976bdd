"""The shapes every report returns: a period, filters, columns, rows, totals and a chart series.

Owns the plain dataclasses shared by the report queries, the exporters (CSV, text, PDF), the CLI
and the reports window; no SQL and no Qt here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from posapp.errors import PosError
from posapp.reports.error_codes import ReportErrorCode


class ReportError(PosError):
    """A report asked for something it cannot give (bad period, unknown report or filter)."""


@dataclass(frozen=True, slots=True)
class Period:
    """Business days (the store's calendar) from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ReportError(
                f"the period ends ({self.end}) before it starts ({self.start})",
                code=ReportErrorCode.PERIOD,
                start=self.start.isoformat(),
                end=self.end.isoformat(),
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} ~ {self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Filters:
    """Optional narrowing: by the product's region / producer / category, or by till / cashier."""

    region_id: int | None = None
    producer_id: int | None = None
    category_id: int | None = None
    register_id: str | None = None
    user_id: int | None = None

    @property
    def on_products(self) -> bool:
        return any(v is not None for v in (self.region_id, self.producer_id, self.category_id))


#: column kinds: text, int (a count), krw (money), qty (base units), pct (percent), date
@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    kind: str = "text"

    @property
    def numeric(self) -> bool:
        return self.kind in ("int", "krw", "qty", "pct")


@dataclass(frozen=True, slots=True)
class Series:
    """One chart series: labelled points; ``kind`` is bar, line or pie."""

    name: str
    points: tuple[tuple[str, int], ...]
    kind: str = "bar"


ReportRow: TypeAlias = tuple[Any, ...]
"""One row of a report: a value per column, of the column's kind (text, int, krw, qty, pct,
date); the columns differ from report to report."""


@dataclass(frozen=True, slots=True)
class Report:
    name: str
    title: str
    period: Period
    filters: Filters
    columns: tuple[Column, ...]
    rows: tuple[ReportRow, ...]
    totals: ReportRow | None = None
    chart: Series | None = None
    notes: tuple[str, ...] = field(default=())
    #: extra sections (a settlement's documents): title → (columns, rows)
    sections: tuple[tuple[str, tuple[Column, ...], tuple[ReportRow, ...]], ...] = field(default=())

    def column(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(key)

    def values(self, key: str) -> list[Any]:
        i = self.column(key)
        return [r[i] for r in self.rows]

    def total(self, key: str) -> Any:
        if self.totals is None:
            raise KeyError(key)
        return self.totals[self.column(key)]

    def row(self, label: Any) -> tuple[Any, ...]:
        """The row whose first cell is ``label`` (KeyError if none)."""
        for r in self.rows:
            if r[0] == label:
                return r
        raise KeyError(label)


NO_FILTERS = Filters()
