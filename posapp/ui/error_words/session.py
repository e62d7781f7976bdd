"""Korean and English words for the error codes of the checkout session:
:mod:`posapp.usecases.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.usecases.error_codes import OfflineErrorCode, PaymentErrorCode, SessionErrorCode

WORDS: dict[str, Words] = {
    SessionErrorCode.SIGNED_OUT: Words(
        "먼저 로그인하세요.",
        "Sign in first.",
    ),
    SessionErrorCode.NEEDS_WEIGHT: Words(
        "{name}: 저울에 올리거나 무게(g)를 입력하세요.",
        "{name}: put it on the scale or type the weight (g).",
    ),
    SessionErrorCode.EXPIRED_LOT: Words(
        "유통기한이 지난 상품입니다: {name} (기한 {expiry}). 관리자 승인 없이는 팔 수 없습니다.",
        "This product is past its expiry date: {name} ({expiry}). It needs a manager to sell.",
    ),
    SessionErrorCode.TICKET_OPEN: Words(
        "진행 중인 거래를 끝내거나 보류한 뒤 불러오세요.",
        "Finish or hold the current sale before recalling another.",
    ),
    OfflineErrorCode.NEEDS_SERVER: Words(
        "오프라인 중에는 할 수 없는 작업입니다(매장 서버 연결 필요). 판매는 계속할 수 있습니다.",
        "This cannot be done offline (it needs the store's server). Selling goes on.",
    ),
    OfflineErrorCode.UNSENT: Words(
        "서버로 아직 보내지 않은 오프라인 거래가 {count}건 있습니다. 전송된 뒤 근무를 마감하세요.",
        "{count} offline sales have not reached the server yet. Close the shift once they have.",
    ),
    PaymentErrorCode.CANCELLED: Words(
        "결제를 완료하지 못해 승인을 취소했습니다.",
        "The payment could not be completed, so its approvals were cancelled.",
    ),
}
