"""Error codes of the reports.

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/reports.py``.
"""

from __future__ import annotations

from enum import StrEnum


class ReportErrorCode(StrEnum):
    """``report.*`` codes."""

    PERIOD = "report.period"
    GROUP = "report.group"
    ORDER = "report.order"
    FILTER = "report.filter"
    FILTER_UNKNOWN = "report.filter_unknown"
    UNKNOWN = "report.unknown"
    OUT_REQUIRED = "report.out_required"
    PERIOD_NAME = "report.period_name"
    FORMAT = "report.format"
