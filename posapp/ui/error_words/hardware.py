"""Korean and English words for the error codes of the devices:
:mod:`posapp.hardware.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.hardware.error_codes import (
    CardErrorCode,
    DisplayErrorCode,
    PrinterErrorCode,
    ScaleErrorCode,
)

WORDS: dict[str, Words] = {
    PrinterErrorCode.INTERRUPTED: Words(
        "프로그램이 멈추기 전에 인쇄하지 못했습니다.",
        "Not printed before the till stopped.",
    ),
    PrinterErrorCode.OFFLINE: Words(
        "프린터에 연결할 수 없습니다. 전원과 케이블을 확인하세요.",
        "Cannot reach the printer. Check its power and cable.",
    ),
    PrinterErrorCode.PAPER_OUT: Words(
        "프린터 용지가 없습니다.",
        "The printer is out of paper.",
    ),
    PrinterErrorCode.COVER_OPEN: Words(
        "프린터 덮개가 열려 있습니다.",
        "The printer cover is open.",
    ),
    PrinterErrorCode.STALLED: Words(
        "프린터가 데이터를 받지 않습니다.",
        "The printer does not take the data.",
    ),
    PrinterErrorCode.ERROR: Words(
        "인쇄하지 못했습니다.",
        "Could not print.",
    ),
    ScaleErrorCode.BAD_FRAME: Words(
        "저울 값을 읽을 수 없습니다.",
        "Cannot read the scale.",
    ),
    ScaleErrorCode.BAD_UNIT: Words(
        "저울 단위를 kg으로 맞추세요.",
        "Set the scale's unit to kg.",
    ),
    ScaleErrorCode.BUSY: Words(
        "저울이 다른 측정 중입니다.",
        "The scale is busy with another weighing.",
    ),
    ScaleErrorCode.CONFIG: Words(
        "저울 설정이 올바르지 않습니다.",
        "The scale settings are not valid.",
    ),
    ScaleErrorCode.NEGATIVE: Words(
        "저울 무게가 음수입니다. 접시를 비우고 영점을 맞추세요.",
        "The scale shows a negative weight. Empty the plate and zero it.",
    ),
    ScaleErrorCode.OVERLOAD: Words(
        "저울 최대 하중을 넘었습니다. 상품을 내려놓으세요.",
        "Over the scale's maximum. Take the item off.",
    ),
    ScaleErrorCode.TIMEOUT: Words(
        "저울이 응답하지 않습니다. 전원과 케이블을 확인하세요.",
        "The scale does not answer. Check its power and cable.",
    ),
    ScaleErrorCode.UNAVAILABLE: Words(
        "저울을 사용할 수 없습니다.",
        "The scale cannot be used.",
    ),
    ScaleErrorCode.UNSTABLE: Words(
        "무게가 안정되지 않았습니다. 상품을 움직이지 마세요.",
        "The weight is not steady. Do not move the item.",
    ),
    DisplayErrorCode.OFFLINE: Words(
        "고객 표시기가 꺼져 있습니다.",
        "The customer display is off.",
    ),
    DisplayErrorCode.STALLED: Words(
        "고객 표시기가 응답하지 않습니다.",
        "The customer display does not answer.",
    ),
    DisplayErrorCode.UNAVAILABLE: Words(
        "고객 표시기를 사용할 수 없습니다.",
        "The customer display cannot be used.",
    ),
    CardErrorCode.BAD_REQUEST: Words(
        "카드 결제 요청이 올바르지 않습니다.",
        "The card payment request is not valid.",
    ),
    CardErrorCode.DECLINED: Words(
        "카드가 거절되었습니다.",
        "The card was declined.",
    ),
    CardErrorCode.NET_CANCEL_FAILED: Words(
        "카드 승인 여부를 알 수 없습니다. 단말기 거래 내역을 확인하세요.",
        "Unknown whether the card was charged. Check the terminal's history.",
    ),
    CardErrorCode.PROTOCOL: Words(
        "카드 단말기 응답을 이해할 수 없어 취소했습니다.",
        "The card terminal's answer made no sense: cancelled.",
    ),
    CardErrorCode.TIMEOUT: Words(
        "카드 단말기 응답이 없어 취소했습니다.",
        "The card terminal did not answer: cancelled.",
    ),
    CardErrorCode.UNAVAILABLE: Words(
        "카드 단말기에 연결할 수 없습니다. 수기 카드 결제를 쓰세요.",
        "Cannot reach the card terminal. Take the card payment by hand.",
    ),
    CardErrorCode.UNMASKED: Words(
        "단말기가 가리지 않은 카드번호를 보냈습니다. 결제를 취소했습니다.",
        "The terminal sent an unmasked card number. The payment was cancelled.",
    ),
}
