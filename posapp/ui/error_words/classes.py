"""Korean and English words for the error codes of cooking classes and bookings:
:mod:`posapp.classes.error_codes`."""

from __future__ import annotations

from posapp.classes.error_codes import BookingErrorCode, ClassErrorCode
from posapp.config_errors import Words

WORDS: dict[str, Words] = {
    ClassErrorCode.TITLE: Words(
        "수업 제목(한국어)을 입력하세요.",
        "Enter the class title (Korean).",
    ),
    ClassErrorCode.ROOM: Words(
        "없는 공간입니다: {room}",
        "No such room: {room}",
    ),
    ClassErrorCode.KIND: Words(
        "수업 종류가 올바르지 않습니다.",
        "The class kind is not valid.",
    ),
    ClassErrorCode.LENGTH: Words(
        "수업 시간은 15분에서 12시간 사이여야 합니다.",
        "A class lasts from 15 minutes to 12 hours.",
    ),
    ClassErrorCode.CAPACITY: Words(
        "정원은 1~200명이어야 합니다.",
        "The capacity is 1 to 200 people.",
    ),
    ClassErrorCode.CAPACITY_BELOW_BOOKED: Words(
        "이미 {booked}석이 예약되어 정원을 그보다 줄일 수 없습니다.",
        "{booked} seats are booked: the capacity cannot go below.",
    ),
    ClassErrorCode.FEE: Words(
        "참가비(대관료)가 올바르지 않습니다.",
        "The fee (or rent) is not valid.",
    ),
    ClassErrorCode.INGREDIENT_QTY: Words(
        "재료의 1인분 수량은 0보다 커야 합니다.",
        "An ingredient's amount per person must be more than 0.",
    ),
    ClassErrorCode.INGREDIENT_TWICE: Words(
        "같은 재료가 두 번 들어 있습니다.",
        "The same ingredient is there twice.",
    ),
    ClassErrorCode.INGREDIENT_PRODUCT: Words(
        "없는 상품을 재료로 넣을 수 없습니다.",
        "An ingredient must be a product in the catalogue.",
    ),
    ClassErrorCode.ROOM_TAKEN: Words(
        "그 시간에는 이미 '{other}'({other_start}) 일정이 있습니다.",
        "'{other}' ({other_start}) is already booked at that time.",
    ),
    ClassErrorCode.SERIES_WEEKS: Words(
        "반복 일정은 1~52주로 만드세요.",
        "A series is 1 to 52 weeks.",
    ),
    ClassErrorCode.NOT_FOUND: Words(
        "수업을 찾을 수 없습니다.",
        "Class not found.",
    ),
    ClassErrorCode.NOT_SCHEDULED: Words(
        "예정 상태의 수업만 바꿀 수 있습니다.",
        "Only a scheduled class can be changed.",
    ),
    ClassErrorCode.NOT_STARTED: Words(
        "수업 당일부터 진행 완료로 표시할 수 있습니다.",
        "A class can be marked done from its day on.",
    ),
    ClassErrorCode.HAS_BOOKINGS: Words(
        "유효한 예약이 {bookings}건 있습니다. 먼저 예약을 취소하세요.",
        "{bookings} bookings are still valid. Cancel them first.",
    ),
    ClassErrorCode.POLICY: Words(
        "클래스 환불·보류 설정이 올바르지 않습니다.",
        "The class refund and hold settings are not valid.",
    ),
    ClassErrorCode.REFUND_PERCENT: Words(
        "환불 비율은 0~100%여야 합니다.",
        "A refund is 0 to 100%.",
    ),
    BookingErrorCode.NAME: Words(
        "예약자 이름을 입력하세요.",
        "Enter the name for the booking.",
    ),
    BookingErrorCode.SEATS: Words(
        "좌석 수는 1~{capacity}석이어야 합니다.",
        "Seats are 1 to {capacity}.",
    ),
    BookingErrorCode.FULL: Words(
        "남은 좌석이 {left}석뿐입니다.",
        "Only {left} seats are left.",
    ),
    BookingErrorCode.TOO_LATE: Words(
        "이미 시작한 수업은 예약할 수 없습니다.",
        "A class that has started cannot be booked.",
    ),
    BookingErrorCode.NOT_FOUND: Words(
        "예약을 찾을 수 없습니다.",
        "Booking not found.",
    ),
    BookingErrorCode.CLOSED: Words(
        "이미 취소되었거나 만료된 예약입니다.",
        "The booking is already cancelled or expired.",
    ),
    BookingErrorCode.NOT_SEATED: Words(
        "좌석이 확정된 예약만 출석 체크할 수 있습니다.",
        "Only a booking with confirmed seats can be checked in.",
    ),
    BookingErrorCode.NOT_PAYABLE: Words(
        "결제할 금액이 없거나 이미 결제·취소·만료된 예약입니다.",
        "Nothing to pay, or the booking is paid, cancelled or expired.",
    ),
    BookingErrorCode.LINE_CHANGED: Words(
        "예약 결제 품목의 수량·금액은 바꿀 수 없습니다. 예약을 변경하세요.",
        "A booking's line cannot change quantity or amount. Change the booking instead.",
    ),
    BookingErrorCode.TAX_INVOICED: Words(
        "이 예약은 세금계산서를 발급하고 계좌이체 등으로 받기로 했습니다: 계산대에서 카드·"
        "현금영수증으로 받으면 증빙이 둘이 됩니다 (부가가치세법 제33조 제2항). 계산대에서 "
        "받으려면 먼저 보고서의 세금계산서 탭에서 요청을 취소하세요.",
        "This booking is to be paid outside the till with a tax invoice: a card slip or cash "
        "receipt would be a second evidence (VAT Act §33②). Cancel the request in the reports' "
        "tax-invoice tab first to take it at the till.",
    ),
    BookingErrorCode.NO_INVOICE: Words(
        "대기자·취소·만료된 예약이나 금액이 없는 예약에는 세금계산서를 요청할 수 없습니다.",
        "A waiting, cancelled, expired or free booking gets no tax invoice.",
    ),
    BookingErrorCode.REFUND_NEEDS_TILL: Words(
        "환불은 계산대(영업 중인 근무)에서 처리합니다.",
        "Refunds are made at a till (with an open shift).",
    ),
}
