"""Korean and English words for the error codes of the sale engine:
:mod:`posapp.sales.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.sales.error_codes import (
    CardCancelErrorCode,
    CashErrorCode,
    CashReceiptErrorCode,
    HoldErrorCode,
    RefundErrorCode,
    SaleErrorCode,
    ShiftErrorCode,
    TenderErrorCode,
)

WORDS: dict[str, Words] = {
    CashErrorCode.DENOMINATION: Words(
        "{denomination}원은 한국 지폐/동전이 아닙니다.",
        "{denomination} won is not a Korean note or coin.",
    ),
    CashErrorCode.COUNT: Words(
        "{denomination}원의 개수는 0 이상이어야 합니다.",
        "The count of {denomination} won is 0 or more.",
    ),
    ShiftErrorCode.ALREADY_OPEN: Words(
        "계산대 {register}에 이미 열린 근무가 있습니다.",
        "Register {register} already has an open shift.",
    ),
    ShiftErrorCode.NOT_OPEN: Words(
        "판매하려면 먼저 근무를 시작하세요.",
        "Open a shift before selling.",
    ),
    ShiftErrorCode.UNKNOWN: Words(
        "없는 근무입니다.",
        "No such shift.",
    ),
    ShiftErrorCode.CLOSED: Words(
        "이미 마감된 근무입니다.",
        "The shift is already closed.",
    ),
    ShiftErrorCode.CASH_AMOUNT: Words(
        "금액은 1원 이상의 정수로 입력하세요.",
        "Type the amount as whole won, 1 or more.",
    ),
    ShiftErrorCode.CASH_REASON: Words(
        "입금·출금 사유를 입력하세요.",
        "Say why the cash goes in or out.",
    ),
    ShiftErrorCode.CASH_KIND: Words(
        "입금, 출금, 중간 입금 중에서 고르세요.",
        "Choose paid in, paid out or a pickup.",
    ),
    SaleErrorCode.EMPTY: Words(
        "거래에 상품이 없습니다.",
        "The sale has no items.",
    ),
    RefundErrorCode.UNKNOWN_RECEIPT: Words(
        "영수증을 찾을 수 없습니다: {receipt_no}",
        "Receipt not found: {receipt_no}",
    ),
    RefundErrorCode.OF_REFUND: Words(
        "환불 영수증은 다시 환불할 수 없습니다.",
        "A refund receipt cannot be refunded again.",
    ),
    RefundErrorCode.NOTHING: Words(
        "이미 전액 환불된 영수증입니다: {receipt_no}",
        "This receipt is already fully refunded: {receipt_no}",
    ),
    RefundErrorCode.UNKNOWN_LINE: Words(
        "영수증 {receipt_no}에 {line}번 품목이 없습니다.",
        "Receipt {receipt_no} has no item {line}.",
    ),
    RefundErrorCode.QTY: Words(
        "{line}번 품목: 환불 수량은 1 이상이어야 합니다.",
        "Item {line}: refund at least 1.",
    ),
    RefundErrorCode.TOO_MANY: Words(
        "{line}번 {name}: 환불할 수 있는 수량은 {remaining}입니다.",
        "Item {line} {name}: at most {remaining} can be refunded.",
    ),
    RefundErrorCode.OVERPAID: Words(
        "환불 금액은 돌려줄 금액과 정확히 같아야 합니다.",
        "The refund must equal exactly the amount to give back.",
    ),
    HoldErrorCode.EMPTY: Words(
        "보류할 상품이 없습니다.",
        "There is nothing to hold.",
    ),
    HoldErrorCode.GONE: Words(
        "이미 불러온 보류 거래입니다.",
        "This held sale was already recalled.",
    ),
    TenderErrorCode.AMOUNT: Words(
        "결제 금액은 1원 이상의 정수여야 합니다.",
        "A payment is a whole number of won, 1 or more.",
    ),
    TenderErrorCode.APPROVAL: Words(
        "카드 결제에는 승인번호가 필요합니다.",
        "A card payment needs an approval number.",
    ),
    TenderErrorCode.VOUCHER_KIND: Words(
        "상품권 종류(온누리/지역)를 고르세요.",
        "Choose the voucher kind (Onnuri / local).",
    ),
    TenderErrorCode.CARD_UNMASKED: Words(
        "카드번호는 앞 6자리와 뒤 4자리만 저장합니다.",
        "Only the first 6 and last 4 digits of a card are kept.",
    ),
    CardCancelErrorCode.APPROVAL_MISSING: Words(
        "단말기에서 받은 카드 취소 승인번호를 입력하세요.",
        "Enter the approval number of the card cancel from the terminal.",
    ),
    CardCancelErrorCode.UNKNOWN: Words(
        "취소 대기 중인 카드 환불이 아닙니다.",
        "Not a card refund waiting to be cancelled.",
    ),
    CardCancelErrorCode.DONE_ALREADY: Words(
        "{receipt_no}의 카드 환불은 이미 취소 승인되었습니다.",
        "The card refund of {receipt_no} was already cancelled.",
    ),
    CardCancelErrorCode.OLD_APPROVAL: Words(
        "원승인번호가 아니라 취소 전표의 승인번호를 입력하세요.",
        "Enter the cancel slip's approval number, not the original one.",
    ),
    TenderErrorCode.VOUCHER_CHANGE: Words(
        "상품권 잔액은 액면가의 {percent}% 이상 사용했을 때만 현금으로 돌려줍니다.",
        "A voucher's rest is repaid in cash only when {percent}% of it is used.",
    ),
    TenderErrorCode.ROUNDING: Words(
        "매장 정책의 원단위 절사는 {unit}원 단위입니다: 절사 {amount}원은 맞지 않습니다. "
        "결제 창을 다시 여세요.",
        "The store rounds cash to {unit} won: a rounding of {amount} won does not fit. "
        "Open the payment again.",
    ),
    TenderErrorCode.VOUCHER_NOT_ACCEPTED: Words(
        "이 매장은 {kind_ko}을(를) 받지 않습니다: 다른 결제 수단을 쓰세요.",
        "This store does not take {kind}: use another way to pay.",
    ),
    TenderErrorCode.VOUCHER_INSTALLMENT: Words(
        "상품권은 할부 없이 일시불로만 결제합니다.",
        "A voucher is paid in one go, without instalments.",
    ),
    TenderErrorCode.INSTALLMENT: Words(
        "할부는 {least:,}원 이상 결제에 2~12개월만 됩니다.",
        "Instalments are 2 to 12 months, for {least:,} won or more.",
    ),
    TenderErrorCode.CARD_NUMBER_TYPED: Words(
        "카드번호는 입력할 수 없습니다: 전표의 승인번호를 입력하세요.",
        "A card number cannot be typed here: type the approval number from the slip.",
    ),
    RefundErrorCode.CARD_TENDER: Words(
        "카드 환불은 원거래의 카드 승인({approval_no})으로 {most:,}원까지만 됩니다.",
        "A card refund goes back to the sale's own card approval ({approval_no}), "
        "at most {most:,} won.",
    ),
    RefundErrorCode.OLD_APPROVAL: Words(
        "카드 환불에는 원승인번호가 아닌 취소 승인번호가 필요합니다.",
        "A card refund needs the cancel's own approval number, not the original one.",
    ),
    RefundErrorCode.EXCHANGE: Words(
        "교환으로 새 상품에 쓸 수 있는 금액은 반품 금액 {most:,}원까지입니다 ({credit:,}원).",
        "An exchange moves at most the {most:,} won returned to the new goods ({credit:,} won).",
    ),
    RefundErrorCode.EXCHANGE_EMPTY: Words(
        "교환할 새 상품을 먼저 스캔하세요. 새 상품 없이 돌려주려면 환불(F8)을 쓰세요.",
        "Scan the new goods of the exchange first; to give back without new goods use refund (F8).",
    ),
    RefundErrorCode.NO_RECEIPT_EMPTY: Words(
        "영수증 없는 반품: 돌려받을 상품을 먼저 스캔하세요.",
        "Return without a receipt: scan the goods coming back first.",
    ),
    RefundErrorCode.NO_RECEIPT_REASON: Words(
        "영수증 없는 반품은 사유를 골라야 합니다 (기타는 내용을 적으세요).",
        "A return without a receipt needs a reason (write it out for other).",
    ),
    RefundErrorCode.NO_RECEIPT_LIMIT: Words(
        "영수증 없는 반품은 1회 {limit:,}원까지 현금으로만 돌려드립니다 ({amount:,}원). "
        "영수증을 찾아 환불(F8)하세요.",
        "A return without a receipt gives back at most {limit:,} won in cash ({amount:,} won); "
        "find the receipt and refund it (F8).",
    ),
    RefundErrorCode.NO_RECEIPT_SHIFT: Words(
        "이번 근무의 영수증 없는 반품 한도를 넘습니다 ({done}건 {done_total:,}원, "
        "한도 {count_limit}건 {total_limit:,}원).",
        "Over this shift's limit of returns without a receipt ({done} for {done_total:,} won; "
        "limit {count_limit} for {total_limit:,} won).",
    ),
    RefundErrorCode.NO_RECEIPT_TWICE: Words(
        "이 반품은 이미 처리되었습니다 ({receipt}).",
        "This return was already made ({receipt}).",
    ),
    RefundErrorCode.TENDER_REASON: Words(
        "원래 결제수단과 다른 방법으로 환불하려면 사유를 입력하고 관리자 승인을 받으세요.",
        "Refunding another way than the sale was paid needs a reason and a manager.",
    ),
    TenderErrorCode.CARD_NUMBER: Words(
        "카드번호가 아닙니다.",
        "Not a card number.",
    ),
    TenderErrorCode.OVERPAID: Words(
        "카드·상품권 결제({paid:,}원)가 결제할 금액({due:,}원)보다 큽니다.",
        "Card and voucher payments ({paid:,} won) are more than due ({due:,} won).",
    ),
    TenderErrorCode.SHORT: Words(
        "{remaining:,}원이 더 필요합니다.",
        "{remaining:,} won more is needed.",
    ),
    CashReceiptErrorCode.IDENTITY: Words(
        "현금영수증 번호를 확인하세요(휴대폰, 현금영수증카드, 사업자번호).",
        "Check the cash receipt number (mobile, cash receipt card, business number).",
    ),
    CashReceiptErrorCode.BUSINESS_NO: Words(
        "사업자등록번호가 올바르지 않습니다.",
        "The business registration number is not valid.",
    ),
    CashReceiptErrorCode.APPROVAL_MISSING: Words(
        "VAN에서 받은 현금영수증 승인번호를 입력하세요.",
        "Enter the cash receipt approval number from the VAN.",
    ),
    CashReceiptErrorCode.UNKNOWN: Words(
        "발급 대기 중인 현금영수증이 아닙니다.",
        "Not a cash receipt waiting to be issued.",
    ),
    CashReceiptErrorCode.ISSUED_ALREADY: Words(
        "{receipt_no}의 현금영수증은 이미 발급되었습니다.",
        "The cash receipt of {receipt_no} was already issued.",
    ),
    RefundErrorCode.AMOUNT: Words(
        "{line}번 품목: 환불 금액은 0원 초과 {most}원 이하여야 합니다.",
        "Item {line}: the refund is more than 0 and at most {most} won.",
    ),
}
