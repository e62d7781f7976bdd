"""Korean and English words for the error codes of the domain rules:
:mod:`posapp.domain.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.domain.error_codes import (
    BarcodeErrorCode,
    CalendarErrorCode,
    DiscountErrorCode,
    PhoneErrorCode,
    PriceErrorCode,
    QuantityErrorCode,
    TaxErrorCode,
    UnitErrorCode,
)

WORDS: dict[str, Words] = {
    BarcodeErrorCode.EMPTY: Words(
        "바코드가 비어 있습니다.",
        "The barcode is empty.",
    ),
    BarcodeErrorCode.NOT_DIGITS: Words(
        "바코드는 숫자만 됩니다: {barcode}",
        "A barcode is digits only: {barcode}",
    ),
    BarcodeErrorCode.LENGTH: Words(
        "바코드 길이가 맞지 않습니다: {barcode}",
        "The barcode has the wrong length: {barcode}",
    ),
    BarcodeErrorCode.CHECK_DIGIT: Words(
        "바코드 검증번호가 틀립니다(잘못 읽힘): {barcode}",
        "The barcode's check digit is wrong (misread): {barcode}",
    ),
    BarcodeErrorCode.IN_STORE_PREFIX: Words(
        "매장 저울 바코드 형식이 아닙니다: {barcode}",
        "Not a store scale barcode: {barcode}",
    ),
    PriceErrorCode.INVALID: Words(
        "가격이 올바르지 않습니다.",
        "The price is not valid.",
    ),
    PriceErrorCode.OVERRIDE_REASON: Words(
        "가격을 바꾸는 사유를 입력하세요.",
        "Say why the price is changed.",
    ),
    PriceErrorCode.FIXED_LABEL: Words(
        "저울 라벨 상품은 금액이 정해져 있어 단가를 바꿀 수 없습니다.",
        "A scale-label item has a fixed amount: its unit price cannot change.",
    ),
    UnitErrorCode.UNKNOWN: Words(
        "알 수 없는 단위입니다: {value} (개, kg, 100g)",
        "Unknown unit: {value} (ea, kg, 100g)",
    ),
    TaxErrorCode.UNKNOWN: Words(
        "알 수 없는 과세 구분입니다.",
        "Unknown tax class.",
    ),
    QuantityErrorCode.INVALID: Words(
        "수량이 올바르지 않습니다.",
        "The quantity is not valid.",
    ),
    QuantityErrorCode.FIXED_LABEL: Words(
        "저울 라벨 상품은 금액이 정해져 있습니다. 다시 스캔하거나 삭제하세요.",
        "A scale-label item has a fixed amount. Scan it again or remove it.",
    ),
    DiscountErrorCode.INVALID: Words(
        "할인을 숫자로 입력하세요(금액 또는 %).",
        "Type the discount as a number (won or %).",
    ),
    DiscountErrorCode.TOO_LARGE: Words(
        "할인이 금액보다 큽니다.",
        "The discount is larger than the amount.",
    ),
    BarcodeErrorCode.NOT_GTIN: Words(
        "상품 바코드(GTIN)가 아닙니다: {barcode}",
        "Not a product barcode (GTIN): {barcode}",
    ),
    PhoneErrorCode.MISSING: Words(
        "휴대전화 번호를 입력하세요.",
        "Enter a mobile number.",
    ),
    PhoneErrorCode.INVALID: Words(
        "휴대전화 번호 형식(010-XXXX-XXXX)이 아닙니다: {value}",
        "Not a mobile number (010-XXXX-XXXX): {value}",
    ),
    CalendarErrorCode.UNKNOWN_ZONE: Words(
        "알 수 없는 시간대입니다: {zone} (예: Asia/Seoul)",
        "Unknown time zone: {zone} (e.g. Asia/Seoul)",
    ),
}
