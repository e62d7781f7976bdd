"""Korean and English words for the error codes of the reports:
:mod:`posapp.reports.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.reports.error_codes import ReportErrorCode, TaxInvoiceErrorCode

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
    TaxInvoiceErrorCode.UNKNOWN_SALE: Words(
        "영수증을 찾을 수 없습니다: {receipt}",
        "No receipt {receipt}.",
    ),
    TaxInvoiceErrorCode.NOT_A_SALE: Words(
        "환불 영수증에는 세금계산서를 발급하지 않습니다 (원 판매의 수정세금계산서로 처리).",
        "A refund gets no tax invoice of its own (amend the sale's).",
    ),
    TaxInvoiceErrorCode.HAS_SLIP: Words(
        "이 판매는 {evidence}(으)로 증빙을 이미 발급했습니다: 세금계산서를 함께 발급할 수 "
        "없습니다 (부가가치세법 제33조 제2항). 세금계산서가 필요하면 결제를 취소하고 "
        "계좌이체·현금으로 다시 결제하세요.",
        "This sale already has {evidence} as its evidence: it cannot also get a tax invoice "
        "(VAT Act §33②). Cancel the payment and pay by transfer or cash for a tax invoice.",
    ),
    TaxInvoiceErrorCode.DUPLICATE: Words(
        "이 판매에는 이미 세금계산서 요청이 있습니다 ({state}).",
        "This sale already has a tax-invoice request ({state}).",
    ),
    TaxInvoiceErrorCode.BUSINESS_NO: Words(
        "사업자등록번호가 올바르지 않습니다 (10자리, 검증번호 확인).",
        "The business registration number is not valid (10 digits with its check digit).",
    ),
    TaxInvoiceErrorCode.FIELD: Words(
        "{field}을(를) 입력하세요.",
        "Fill in {field}.",
    ),
    TaxInvoiceErrorCode.EMAIL: Words(
        "전자세금계산서를 받을 이메일 주소가 올바르지 않습니다.",
        "The e-mail address for the e-tax invoice is not valid.",
    ),
    TaxInvoiceErrorCode.UNKNOWN: Words(
        "세금계산서 요청을 찾을 수 없습니다: {invoice}",
        "No tax-invoice request {invoice}.",
    ),
    TaxInvoiceErrorCode.STATE: Words(
        "이 요청은 이미 {state} 상태입니다.",
        "This request is already {state}.",
    ),
    TaxInvoiceErrorCode.APPROVAL: Words(
        "국세청 승인번호는 24자리 숫자입니다 (예: 20261015-41000000-12345678).",
        "The NTS approval number has 24 digits (e.g. 20261015-41000000-12345678).",
    ),
    TaxInvoiceErrorCode.CARD_TENDER: Words(
        "{method_ko} 결제에는 세금계산서를 발급할 수 없습니다: 카드 매출전표가 증빙입니다 "
        "(부가가치세법 제33조 제2항). 세금계산서가 필요하면 현금이나 계좌이체로 받으세요.",
        "A {method} payment cannot get a tax invoice: the card slip is its evidence "
        "(VAT Act §33②). Take cash or a bank transfer for a tax invoice.",
    ),
    TaxInvoiceErrorCode.WITH_CASH_RECEIPT: Words(
        "현금영수증과 세금계산서는 함께 발급할 수 없습니다 (부가가치세법 제33조 제2항). "
        "현금영수증을 끄거나 세금계산서 요청을 취소하세요.",
        "A cash receipt and a tax invoice cannot both be issued (VAT Act §33②). Turn the cash "
        "receipt off or drop the tax-invoice request.",
    ),
    TaxInvoiceErrorCode.LATE: Words(
        "{day} 거래의 세금계산서는 {deadline}까지만 요청할 수 있습니다 "
        "(공급한 달의 다음 달 10일, 부가가치세법 제34조 제3항).",
        "A tax invoice for the sale of {day} could be asked for until {deadline} "
        "(the 10th of the next month, VAT Act §34③).",
    ),
    TaxInvoiceErrorCode.BOOKING_DUPLICATE: Words(
        "이 예약에는 이미 세금계산서 요청이 있습니다 ({state}).",
        "This booking already has a tax-invoice request ({state}).",
    ),
    TaxInvoiceErrorCode.OFFLINE: Words(
        "오프라인이라 세금계산서 요청을 기록할 수 없습니다: 판매는 완료되었습니다. "
        "연결된 뒤 영수증 찾기(Ctrl+Shift+P)에서 세금계산서 요청을 하세요.",
        "Offline: the tax-invoice request cannot be recorded; the sale is complete. Once "
        "connected, ask for it from the receipt finder (Ctrl+Shift+P).",
    ),
}
