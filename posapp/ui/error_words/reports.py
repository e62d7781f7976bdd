"""Korean and English words for the error codes of the reports:
:mod:`posapp.reports.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.reports.error_codes import ReportErrorCode

WORDS: dict[str, Words] = {
    ReportErrorCode.PERIOD: Words(
        "기간의 끝({end})이 시작({start})보다 앞섭니다.",
        "The period ends ({end}) before it starts ({start}).",
    ),
    ReportErrorCode.GROUP: Words(
        "묶는 기준이 올바르지 않습니다.",
        "The grouping is not valid.",
    ),
    ReportErrorCode.ORDER: Words(
        "순서는 상위 또는 하위입니다.",
        "The order is top or bottom.",
    ),
    ReportErrorCode.FILTER: Words(
        "이 보고서는 상품 조건(지역·생산자·분류)으로 나눌 수 없습니다.",
        "This report cannot be split by product (region, producer, category).",
    ),
    ReportErrorCode.FILTER_UNKNOWN: Words(
        "조건에 맞는 항목이 없습니다: {value}",
        "Nothing matches: {value}",
    ),
    ReportErrorCode.UNKNOWN: Words(
        "없는 보고서입니다: {name}",
        "No such report: {name}",
    ),
    ReportErrorCode.OUT_REQUIRED: Words(
        "공급자별 정산서를 저장할 폴더를 지정하세요.",
        "Choose the folder for the producers' statements.",
    ),
    ReportErrorCode.PERIOD_NAME: Words(
        "기간 이름이 올바르지 않습니다: {value} (예: 2026-03, 2026Q1, 2026H1)",
        "Not a period name: {value} (for example 2026-03, 2026Q1, 2026H1)",
    ),
    ReportErrorCode.FORMAT: Words(
        "이 보고서는 그 형식으로 저장할 수 없습니다: {format}",
        "This report cannot be saved in that format: {format}",
    ),
}
