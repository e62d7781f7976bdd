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
    SessionErrorCode.OVER_LIMIT: Words(
        "{name}: {what} {value}은(는) 매장 한도 {limit}을(를) 넘습니다. 수량과 금액을 확인하세요.",
        "{name}: {what} {value} is above the store's limit of {limit}. Check the quantity.",
    ),
    SessionErrorCode.VOID_REASON: Words(
        "취소 사유를 고르세요. '기타'는 사유를 적어야 합니다.",
        "Choose why the sale is voided; 'other' needs a note.",
    ),
    SessionErrorCode.ZERO_PRICE: Words(
        "{name}: 0원 라벨은 팔 수 없습니다. 라벨을 다시 출력하세요.",
        "{name}: a ₩0 label cannot be sold. Print the label again.",
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
    PaymentErrorCode.CARD_REFUND_NOT_MADE: Words(
        "카드 취소를 단말기에서 하지 못했습니다({why}). 환불은 기록하지 않았습니다: "
        "다시 시도하거나, 취소 대기로 두거나, 별도 단말기에서 취소한 뒤 그 승인번호를 "
        "입력하세요.",
        "The card cancel could not be made on the terminal ({why}). Nothing was recorded: "
        "try again, leave it waiting for the terminal, or cancel on a standalone terminal "
        "and type its approval number.",
    ),
}
