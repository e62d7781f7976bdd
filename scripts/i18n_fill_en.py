"""Fill posapp_en.ts with the English translations (keyed by context and Korean source)."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DEFAULT_TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "posapp_en.ts"
TS = sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT_TS)

EN: dict[tuple[str, str], str | tuple[str, ...]] = {
    # --- office: price check and cash in/out at the checkout
    ("CheckoutWindow", "가격 확인 (Ctrl+K)"): "Price check (Ctrl+K)",
    ("CheckoutWindow", "입금·출금 (Ctrl+M)"): "Cash in/out (Ctrl+M)",
    ("CheckoutWindow", "{kind} {amount}: 관리자 승인"): "{kind} {amount}: manager approval",
    ("CheckoutWindow", "{kind} {amount} · {reason}"): "{kind} {amount} · {reason}",
    ("PriceCheckDialog", "가격 확인"): "Price check",
    (
        "PriceCheckDialog",
        "바코드를 스캔하거나 상품명·초성을 입력하세요",
    ): "Scan a barcode or type a name or initials",
    ("PriceCheckDialog", "닫기"): "Close",
    ("PriceCheckDialog", "찾는 상품이 없습니다."): "No product found.",
    ("PriceCheckDialog", "{name} (판매 중지)"): "{name} (withdrawn)",
    (
        "PriceCheckDialog",
        "{price} (할인, 정상가 {regular})",
    ): "{price} (marked down, regular {regular})",
    ("PriceCheckDialog", "재고: 오프라인이라 알 수 없습니다"): "Stock: unknown while offline",
    ("PriceCheckDialog", "개"): " pcs",
    ("PriceCheckDialog", "재고 {count}"): "Stock {count}",
    ("PriceCheckDialog", "유통기한: 진열된 로트 없음"): "Expiry: no lot on the floor",
    ("PriceCheckDialog", "유통기한 없음 · {qty}"): "No expiry date · {qty}",
    ("PriceCheckDialog", "{days}일 지남"): "{days} days past",
    ("PriceCheckDialog", "오늘까지"): "until today",
    ("PriceCheckDialog", "{days}일 남음"): "{days} days left",
    ("PriceCheckDialog", "유통기한 {date} ({state}) · {qty}"): "Expiry {date} ({state}) · {qty}",
    ("CashMoveDialog", "입금"): "Paid in",
    ("CashMoveDialog", "출금"): "Paid out",
    ("CashMoveDialog", "중간 입금"): "Pickup to safe",
    ("CashMoveDialog", "거스름돈 보충"): "Change float top-up",
    ("CashMoveDialog", "배달비 지급"): "Delivery paid",
    ("CashMoveDialog", "소모품 구입"): "Supplies bought",
    ("CashMoveDialog", "금고 입금"): "Cash to the safe",
    ("CashMoveDialog", "입금 · 출금"): "Cash in / out",
    ("CashMoveDialog", "금액 (원)"): "Amount (won)",
    ("CashMoveDialog", "금액을 입력하세요"): "Type the amount",
    ("CashMoveDialog", "사유"): "Reason",
    ("CashMoveDialog", "확인"): "OK",
    ("CashMoveDialog", "취소"): "Cancel",
    (
        "CashMoveDialog",
        "금액은 1원 이상의 숫자로 입력하세요.",
    ): "Type the amount as a number of 1 won or more.",
    ("CashMoveDialog", "금액이 너무 큽니다: {amount}"): "The amount is too large: {amount}",
    ("CashMoveDialog", "사유를 입력하세요."): "Type the reason.",
    # --- kept from the .ts (translated there before this list had them)
    ("StorePolicyDialog", "예"): "Yes",
    (
        "SellingGuards",
        "한도를 넘는 품목: {name} {value} (한도 {limit})",
    ): "Beyond the limit: {name} {value} (limit {limit})",
    (
        "ClassesWindow",
        "카드 {amount}원 취소를 단말기로 보냈습니다 (안 되면 대기 목록에 남습니다)",
    ): "Card cancel of {amount} won sent to the terminal (if it fails, it waits in the list)",
    ("CheckoutWindow", "카드"): "Card",
    (
        "CheckoutWindow",
        "품목 삭제에는 관리자 승인이 필요합니다: {name}",
    ): "Taking a line off needs a manager's approval: {name}",
    ("CheckoutWindow", "현금영수증"): "Cash receipt",
    (
        "CheckoutWindow",
        "{what} {amount} 승인 {approval} 취소됨",
    ): "{what} {amount} approval {approval} cancelled",
    (
        "CheckoutWindow",
        "{what} {amount} 승인 {approval} 취소 실패: 단말기에서 직접 취소하세요",
    ): "{what} {amount} approval {approval} NOT cancelled: cancel it on the terminal",
    (
        "CheckoutWindow",
        "결제를 완료하지 못해 승인을 취소했습니다 ({error}): {cancelled}",
    ): "The payment could not be completed ({error}); approvals cancelled: {cancelled}",
    (
        "CheckoutWindow",
        "결제를 취소해 승인을 취소했습니다: {cancelled}",
    ): "Payment abandoned; approvals cancelled: {cancelled}",
    (
        "CheckoutWindow",
        "저장되지 않은 거래가 있습니다 ({count}건, {total}). 불러올까요?",
    ): "There is an unsaved ticket ({count} line(s), {total}). Load it?",
    ("CheckoutWindow", "이전 거래 복구"): "Recover the last ticket",
    ("CheckoutWindow", "돈통을 열 수 없습니다: {error}"): "Cannot open the drawer: {error}",
    (
        "TenderDialog",
        "결제를 그만두어 카드 승인을 취소하는 중…",
    ): "Payment abandoned: cancelling the card approval…",
    (
        "TenderDialog",
        "카드 승인 취소 실패: {error} — 단말기에서 직접 취소하세요.",
    ): "Card approval not cancelled: {error} — cancel it on the terminal.",
    # --- refunds through the terminal, the refund dialog, 원단위 절사 (issue 16, 18.7)
    ("CardRefundFailedDialog", "카드 취소 실패"): "Card cancel failed",
    (
        "CardRefundFailedDialog",
        "카드 취소를 단말기에서 하지 못해 환불을 기록하지 않았습니다: {why}",
    ): "The terminal did not cancel the card, so the refund was not recorded: {why}",
    ("CardRefundFailedDialog", "{card} {amount} (원승인 {approval})"): (
        "{card} {amount} (original approval {approval})"
    ),
    (
        "CardRefundFailedDialog",
        "별도 단말기 취소 승인번호",
    ): "Standalone terminal's cancel approval no.",
    ("CardRefundFailedDialog", "다시 시도"): "Try again",
    ("CardRefundFailedDialog", "취소 대기로 두기"): "Leave it waiting for the terminal",
    ("CardRefundFailedDialog", "입력한 승인번호로 기록"): "Record with the typed approval numbers",
    ("CardRefundFailedDialog", "닫기"): "Close",
    ("CardRefundFailedDialog", "각 카드의 별도 단말기 취소 승인번호를 입력하세요."): (
        "Type the standalone terminal's cancel approval number for each card."
    ),
    ("CheckoutWindow", "카드 취소를 하지 못해 환불하지 않았습니다."): (
        "The card could not be cancelled, so nothing was refunded."
    ),
    (
        "CheckoutWindow",
        "환불을 기록하지 못해 카드 취소를 되돌렸습니다 ({error}): {cancelled}",
    ): "The refund could not be recorded, so the card cancel was undone ({error}): {cancelled}",
    ("CheckoutWindow", "카드 취소는 단말기 연결 후 처리됩니다"): (
        "the card is cancelled once the terminal answers"
    ),
    ("ReceiptNumberDialog", "환불: 영수증"): "Refund: receipt",
    ("ReceiptNumberDialog", "영수증 바코드를 스캔하거나 번호를 입력하세요."): (
        "Scan the receipt's barcode or type its number."
    ),
    ("ReceiptNumberDialog", "예: R01-20261123-0042"): "e.g. R01-20261123-0042",
    ("RefundDialog", "원거래 {receipt} · {when} · {total}"): "Sale {receipt} · {when} · {total}",
    ("RefundDialog", "수량·중량"): "Qty / weight",
    ("RefundDialog", "금액"): "Amount",
    ("RefundDialog", "환불"): "Refund",
    ("RefundDialog", "전부 환불"): "Refund everything",
    ("RefundDialog", "원래 결제수단 대신 현금으로 환불 (사유·관리자 승인)"): (
        "Refund in cash instead of the original payment (reason, manager)"
    ),
    ("RefundDialog", "현금으로 환불하는 사유"): "Why in cash",
    ("RefundDialog", "환불 금액 {total}"): "To refund {total}",
    (
        "RefundDialog",
        "환불할 상품과 수량을 고르세요.",
    ): "Choose the items and quantities to refund.",
    ("RefundDialog", "현금 {amount} 지급"): "Pay out {amount} in cash",
    ("RefundDialog", "카드 {card} 승인취소 {amount} (원승인 {approval})"): (
        "Card {card} cancel {amount} (original approval {approval})"
    ),
    ("RefundDialog", "상품권 {amount}"): "Voucher {amount}",
    ("RefundDialog", "현금 {amount}"): "Cash {amount}",
    ("RefundDialog", "환불 방법: {parts}"): "Refunded as: {parts}",
    ("RefundDialog", "현금으로 환불하는 사유를 입력하세요."): "Type why it is refunded in cash.",
    ("TenderDialog", "원단위 절사"): "Rounding",
    ("TenderDialog", "받을 금액 {total} · 남은 금액 {remaining} (현금 {cash})"): (
        "Due {total} · remaining {remaining} (cash {cash})"
    ),
    ("TenderDialog", "원단위 절사 {amount}"): "Rounding {amount}",
    ("CheckoutWindow", "연습 모드 — 실제 결제 아님"): "PRACTICE MODE — no real payments",
    ("SettingsDialog", "카드 단말기"): "Card terminal",
    ("SettingsDialog", "단말기 시험"): "Test terminal",
    ("SettingsDialog", "단말기에 연결하는 중…"): "Connecting to the terminal…",
    ("SettingsDialog", "연결됨 · 카드 시뮬레이터입니다: 연습 모드 — 실제 결제 아님"): (
        "Connected · this is the card simulator: PRACTICE MODE — no real payments"
    ),
    ("SettingsDialog", "연결됨 · 단말기가 준비되었습니다"): "Connected · the terminal is ready",
    ("SettingsDialog", "비우면 카드 수기 입력 (별도 단말기 승인번호) · tcp://주소:포트"): (
        "Empty: cards keyed in by hand (standalone terminal's approval) · tcp://HOST:PORT"
    ),
    ("TenderDialog", "일시불"): "Lump sum",
    ("TenderDialog", "{months}개월"): "{months} months",
    ("TenderDialog", "할부 ({amount} 이상)"): "Instalments (from {amount})",
    ("TenderDialog", "상품권 번호"): "Voucher no.",
    ("TenderDialog", "상품권 일련번호 (스캔 또는 입력)"): "Voucher serial (scan or type)",
    ("TenderDialog", "상품권 일련번호를 스캔하거나 입력하세요."): (
        "Scan or type the voucher's serial number."
    ),
    ("TenderDialog", "상품권 {face} 중 {used} 사용: 기준 미만이라 잔액을 돌려주지 않습니다."): (
        "{used} used of a {face} voucher: below the rule, so the rest is not repaid."
    ),
    # --- the accountant and the partners (issue 20)
    ("CommissionRuleDialog", "수수료 규칙 추가"): "Add a commission rule",
    ("CommissionRuleDialog", "모든 공급자"): "Every supplier",
    ("CommissionRuleDialog", "모든 분류"): "Every category",
    ("CommissionRuleDialog", " 원"): " won",
    ("CommissionRuleDialog", "예: 12 또는 12.5"): "e.g. 12 or 12.5",
    ("CommissionRuleDialog", "공급자"): "Supplier",
    ("CommissionRuleDialog", "분류"): "Category",
    ("CommissionRuleDialog", "적용일"): "From",
    ("CommissionRuleDialog", "연 기준액 (이상부터)"): "Yearly threshold (from)",
    ("CommissionRuleDialog", "수수료율 (%)"): "Rate (%)",
    (
        "PartnersTab",
        "<b>수수료 규칙</b> (판매일에 적용되는 규칙으로 정산)",
    ): "<b>Commission rules</b> (each sale settles under the rule of its day)",
    ("PartnersTab", "적용일"): "From",
    ("PartnersTab", "연 기준액"): "Yearly threshold",
    ("PartnersTab", "수수료율"): "Rate",
    ("PartnersTab", "규칙 추가"): "Add rule",
    ("PartnersTab", "규칙 삭제"): "Delete rule",
    ("PartnersTab", "(전체)"): "(all)",
    ("PartnersTab", "수수료 규칙을 더했습니다."): "Commission rule added.",
    ("PartnersTab", "규칙을 고르세요."): "Choose a rule.",
    ("PartnersTab", "수수료 규칙을 지웠습니다."): "Commission rule deleted.",
    (
        "ProducerDialog",
        "수수료 규칙이 없을 때 쓰는 기본 수수료율",
    ): "The flat commission rate used where no commission rule applies",
    ("ReportsWindow", "세금계산서"): "Tax invoices",
    ("ReportsWindow", "분기"): "Quarter",
    ("ReportsWindow", "반기"): "Half-year",
    ("ReportsWindow", "지난 분기 (부가세 예정·확정 신고)"): "Last quarter (VAT return)",
    ("ReportsWindow", "지난 반기 (부가세 과세기간)"): "Last half-year (VAT period)",
    ("ReportsWindow", "엑셀 저장"): "Save as Excel",
    (
        "ReportsWindow",
        "XLSX: 표와 각 구역을 시트로 (세무사용)",
    ): "XLSX: the table and each section as sheets (for the accountant)",
    ("TaxInvoiceTab", "예: R01-20261014-0001"): "e.g. R01-20261014-0001",
    ("TaxInvoiceTab", "10자리 (예: 220-81-12341)"): "10 digits (e.g. 220-81-12341)",
    ("TaxInvoiceTab", "영수증 번호"): "Receipt number",
    ("TaxInvoiceTab", "사업자등록번호"): "Business registration number",
    ("TaxInvoiceTab", "상호"): "Company name",
    ("TaxInvoiceTab", "대표자"): "Representative",
    ("TaxInvoiceTab", "받는 이메일"): "E-mail for the e-tax invoice",
    ("TaxInvoiceTab", "주소"): "Address",
    ("TaxInvoiceTab", "업태"): "Business type",
    ("TaxInvoiceTab", "종목"): "Business item",
    ("TaxInvoiceTab", "세금계산서 요청"): "Request a tax invoice",
    ("TaxInvoiceTab", "목록 새로 고침 (보고서 기간)"): "Refresh the list (report period)",
    ("TaxInvoiceTab", "판매일"): "Sale day",
    ("TaxInvoiceTab", "영수증"): "Receipt",
    ("TaxInvoiceTab", "공급가액·세액 / 면세"): "Supply + VAT / exempt",
    ("TaxInvoiceTab", "상태"): "State",
    ("TaxInvoiceTab", "승인번호"): "Approval number",
    ("TaxInvoiceTab", "국세청 승인번호 24자리"): "NTS approval number (24 digits)",
    ("TaxInvoiceTab", "발급 완료로 기록"): "Record as issued",
    ("TaxInvoiceTab", "요청 취소"): "Cancel the request",
    (
        "TaxInvoiceTab",
        "{receipt}: 세금계산서 요청을 기록했습니다 (발급 대기).",
    ): "{receipt}: tax-invoice request recorded (to issue).",
    ("TaxInvoiceTab", "요청을 고르세요."): "Choose a request.",
    ("TaxInvoiceTab", "발급 완료로 기록했습니다."): "Recorded as issued.",
    ("TaxInvoiceTab", "요청을 취소했습니다."): "Request cancelled.",
    ("inventory", "직매입"): "Direct purchase",
    ("inventory", "특정매입"): "Specific purchase",
    # --- permissions in place: stock adjustment, price override (issue 10)
    ("InventoryWindow", "관리자 승인"): "Manager approval",
    ("InventoryWindow", "재고 조정: 관리자 승인"): "Stock adjustment: manager approval",
    ("InventoryWindow", "재고조사 차이 반영: 관리자 승인"): "Posting the count: manager approval",
    ("CheckoutWindow", "가격 변경 (Shift+F2)"): "Change price (Shift+F2)",
    (
        "CheckoutWindow",
        "가격 변경: {name} {old} → {new} ({who})",
    ): "Price changed: {name} {old} → {new} ({who})",
    ("CheckoutWindow", "가격 변경: 관리자 승인"): "Price change: manager approval",
    ("TicketModel", "{price} (변경)"): "{price} (changed)",
    ("PriceDialog", "가격 변경"): "Change price",
    (
        "PriceDialog",
        "{name} · 정상가 {regular} · 현재 {price}",
    ): "{name} · regular {regular} · now {price}",
    ("PriceDialog", "새 단가 (원)"): "New unit price (won)",
    ("PriceDialog", "사유"): "Reason",
    ("PriceDialog", "가격표 불일치"): "Shelf tag differs",
    ("PriceDialog", "파손·흠집 상품"): "Damaged goods",
    ("PriceDialog", "유통기한 임박"): "Near expiry",
    ("CheckoutWindow", "설정 (Ctrl+Shift+S)"): "Settings (Ctrl+Shift+S)",
    ("SettingsDialog", "미리보기 (프린터 없음)"): "Preview (no printer)",
    ("SettingsDialog", "네트워크 (LAN)"): "Network (LAN)",
    ("SettingsDialog", "USB"): "USB",
    ("SettingsDialog", "시리얼 포트"): "Serial port",
    ("SettingsDialog", "장치 파일"): "Device file",
    ("SettingsDialog", "키보드 방식 (USB)"): "Keyboard wedge (USB)",
    ("SettingsDialog", "없음 (무게 입력)"): "None (grams typed)",
    ("SettingsDialog", "CAS PD-II"): "CAS PD-II",
    ("SettingsDialog", "기타 (정규식)"): "Other (regex)",
    ("SettingsDialog", "한국어"): "한국어 (Korean)",
    ("SettingsDialog", "English"): "English",
    ("SettingsDialog", "계산대 번호"): "Register id",
    ("SettingsDialog", "계산대 이름"): "Register name",
    ("SettingsDialog", "프린터 종류"): "Printer",
    ("SettingsDialog", "프린터 주소"): "Printer address",
    ("SettingsDialog", "프린터 포트"): "Printer port",
    ("SettingsDialog", "프린터 장치"): "Printer device",
    ("SettingsDialog", "용지 폭"): "Paper width",
    ("SettingsDialog", "돈통 핀"): "Drawer pin",
    ("SettingsDialog", "스캐너"): "Scanner",
    ("SettingsDialog", "스캐너 포트"): "Scanner port",
    ("SettingsDialog", "저울"): "Scale",
    ("SettingsDialog", "저울 포트"): "Scale port",
    ("SettingsDialog", "데이터베이스 주소"): "Database URL",
    ("SettingsDialog", "데이터베이스 비밀번호"): "Database password",
    ("SettingsDialog", "플랫폼 주소"): "Platform URL",
    ("SettingsDialog", "플랫폼 토큰"): "Platform token",
    ("SettingsDialog", "화면 언어"): "Screen language",
    ("SettingsDialog", "설정 — 계산대 등록"): "Settings — register this till",
    ("SettingsDialog", "계산대"): "Till",
    ("SettingsDialog", "프린터·돈통·스캐너·저울"): "Printer · drawer · scanner · scale",
    ("SettingsDialog", "데이터베이스·온라인 플랫폼"): "Database · online platform",
    (
        "SettingsDialog",
        "비우면 이 컴퓨터의 SQLite · postgresql://사용자@서버:5432/posapp",
    ): "Empty: SQLite on this computer · postgresql://user@server:5432/posapp",
    ("SettingsDialog", "연결 시험 (Ctrl+T)"): "Test connection (Ctrl+T)",
    ("SettingsDialog", "비우면 동기화 안 함 · https://..."): "Empty: no sync · https://...",
    ("SettingsDialog", "비우면 그대로 ({where})"): "Empty: keep the stored one ({where})",
    ("SettingsDialog", "없음"): "none",
    (
        "SettingsDialog",
        "저장한 설정은 다시 시작하면 적용됩니다 (계산대 이름은 바로).",
    ): "Saved settings apply at the next start (the register name at once).",
    ("SettingsDialog", "저장 (Ctrl+S)"): "Save (Ctrl+S)",
    ("SettingsDialog", "닫기"): "Close",
    ("SettingsDialog", "연결하는 중…"): "Connecting…",
    (
        "SettingsDialog",
        "연결됨 · {server} · 스키마 {revision} (최신)",
    ): "Connected · {server} · schema {revision} (current)",
    (
        "SettingsDialog",
        "연결됨 · {server} · 스키마 {revision}: 시작할 때 {head}로 올립니다",
    ): "Connected · {server} · schema {revision}: upgraded to {head} at start",
    (
        "SettingsDialog",
        "연결됨 · {server} · 빈 데이터베이스: 시작할 때 만듭니다",
    ): "Connected · {server} · empty database: created at start",
    ("SettingsDialog", "새 SQLite 파일: 시작할 때 만듭니다"): "New SQLite file: created at start",
    ("SettingsDialog", "저장하는 중…"): "Saving…",
    ("SettingsDialog", "바뀐 설정이 없습니다."): "Nothing changed.",
    ("SettingsDialog", "저장했습니다."): "Saved.",
    ("SettingsDialog", "다시 시작해야 적용: {names}"): "Applies after a restart: {names}",
    (
        "SettingsDialog",
        "새 데이터베이스에는 다시 시작한 뒤 근무를 열 때 등록됩니다.",
    ): "The new database registers this till when a shift is opened after the restart.",
    # --- cooking classes (issue 7)
    ("BookingDialog", "예약"): "Booking",
    ("BookingDialog", "현장 결제"): "Pay on arrival",
    ("BookingDialog", "이름"): "Name",
    ("BookingDialog", "휴대전화"): "Mobile",
    ("BookingDialog", "좌석"): "Seats",
    ("BookingDialog", "알레르기"): "Allergies",
    ("BookingDialog", "메모"): "Notes",
    ("BookingDialog", "010-XXXX-XXXX 형식으로 입력하세요"): "Type a mobile number as 010-XXXX-XXXX",
    ("BookingDialog", "남은 좌석 {left} · 금액 {fee}원"): "{left} seats left · ₩{fee}",
    (
        "BookingDialog",
        "남은 좌석 {left}석 — 대기자로 등록됩니다",
    ): "Only {left} seats left — this goes on the waitlist",
    ("BookingDialog", "이름을 입력하세요"): "Type the name",
    ("CheckoutWindow", "쿠킹클래스 (F11)"): "Cooking classes (F11)",
    ("ClassesWindow", "월"): "Mon",
    ("ClassesWindow", "화"): "Tue",
    ("ClassesWindow", "수"): "Wed",
    ("ClassesWindow", "목"): "Thu",
    ("ClassesWindow", "금"): "Fri",
    ("ClassesWindow", "토"): "Sat",
    ("ClassesWindow", "일"): "Sun",
    ("ClassesWindow", "결제 대기"): "Awaiting payment",
    ("ClassesWindow", "확정"): "Confirmed",
    ("ClassesWindow", "대기자"): "Waitlist",
    ("ClassesWindow", "취소"): "Cancelled",
    ("ClassesWindow", "만료"): "Expired",
    ("ClassesWindow", "쿠킹클래스 · 지하 공간 예약"): "Cooking classes · basement bookings",
    ("ClassesWindow", "오늘"): "Today",
    ("ClassesWindow", "월간 보기"): "Month view",
    ("ClassesWindow", "모든 공간"): "All rooms",
    ("ClassesWindow", "오픈 키친"): "Open kitchen",
    ("ClassesWindow", "미팅 스페이스"): "Meeting space",
    ("ClassesWindow", "새 수업"): "New session",
    ("ClassesWindow", "수업을 고르세요"): "Choose a session",
    ("ClassesWindow", "이름"): "Name",
    ("ClassesWindow", "연락처"): "Phone",
    ("ClassesWindow", "좌석"): "Seats",
    ("ClassesWindow", "상태"): "Status",
    ("ClassesWindow", "결제"): "Payment",
    ("ClassesWindow", "알레르기"): "Allergies",
    ("ClassesWindow", "출석"): "Present",
    ("ClassesWindow", "예약 (N)"): "Book (N)",
    ("ClassesWindow", "체크인"): "Check in",
    ("ClassesWindow", "계산대에서 결제"): "Pay at the till",
    ("ClassesWindow", "예약 취소"): "Cancel booking",
    ("ClassesWindow", "출석부 PDF"): "Roster PDF",
    ("ClassesWindow", "재료 준비표 PDF"): "Prep sheet PDF",
    ("ClassesWindow", "수업 완료 (재료 차감)"): "Session held (use ingredients)",
    ("ClassesWindow", "주간 보기"): "Week view",
    ("ClassesWindow", "키친"): "Kitchen",
    ("ClassesWindow", "미팅"): "Meeting",
    ("ClassesWindow", "강사 {name}"): "Instructor {name}",
    ("ClassesWindow", "산지 {name}"): "Region {name}",
    (
        "ClassesWindow",
        "정원 {cap} · 예약 {taken}석 ({n}건) · 대기 {w}건 · 참가비 {fee}원",
    ): "Capacity {cap} · {taken} seats booked ({n} bookings) · {w} waiting · fee ₩{fee}",
    ("ClassesWindow", "대기 {n}번"): "Waitlist #{n}",
    ("ClassesWindow", "무료"): "Free",
    ("ClassesWindow", "현장결제"): "On arrival",
    ("ClassesWindow", "미결제"): "Unpaid",
    ("ClassesWindow", "예약을 고르세요"): "Choose a booking",
    ("ClassesWindow", "{n}개 일정을 만들었습니다"): "{n} session(s) created",
    ("ClassesWindow", "대기자 {n}번으로 등록했습니다"): "Put on the waitlist as #{n}",
    ("ClassesWindow", "예약했습니다 ({ref})"): "Booked ({ref})",
    (
        "ClassesWindow",
        "재료 부족 {n}종 — 준비표를 확인하세요",
    ): "{n} ingredient(s) short — see the prep sheet",
    ("ClassesWindow", "{name} 출석"): "{name} checked in",
    ("ClassesWindow", "계산대 거래에 추가했습니다"): "Added to the till ticket",
    ("ClassesWindow", "취소했습니다 · 환불 {amount}원"): "Cancelled · refund ₩{amount}",
    ("ClassesWindow", "대기자 {n}명 확정"): "{n} from the waitlist seated",
    ("ClassesWindow", "환불에는 관리자 승인이 필요합니다"): "A refund needs a manager",
    ("ClassesWindow", "저장했습니다: {path}"): "Saved: {path}",
    (
        "ClassesWindow",
        "수업 완료 · 재료를 재고에서 차감했습니다",
    ): "Session held · ingredients taken out of stock",
    ("SessionDialog", "수업 만들기"): "New session",
    ("SessionDialog", "(없음)"): "(none)",
    ("SessionDialog", "오픈 키친"): "Open kitchen",
    ("SessionDialog", "미팅 스페이스"): "Meeting space",
    ("SessionDialog", "제목"): "Title",
    ("SessionDialog", "영문 제목"): "English title",
    ("SessionDialog", "주제"): "Theme",
    ("SessionDialog", "산지"): "Featured region",
    ("SessionDialog", "공간"): "Room",
    ("SessionDialog", "날짜"): "Date",
    ("SessionDialog", "시작"): "Start",
    ("SessionDialog", "시간(분)"): "Length (min)",
    ("SessionDialog", "정원"): "Capacity",
    ("SessionDialog", "참가비"): "Fee",
    ("SessionDialog", "강사"): "Instructor",
    ("SessionDialog", "매주 반복(회)"): "Weekly, times",
    ("SessionDialog", "재료 검색 (상품명)"): "Find an ingredient (product name)",
    ("SessionDialog", "재료 추가"): "Add ingredient",
    ("SessionDialog", "1인분"): "Per person",
    ("SessionDialog", "재료"): "Ingredient",
    ("SessionDialog", "개"): " pc",
    # --- AuditBrowser, AuditModel (posapp/ui/audit.py)
    ("AuditBrowser", "감사 기록"): "Audit log",
    ("AuditBrowser", "사용자 이름"): "User name",
    ("AuditBrowser", "모든 동작"): "All actions",
    ("AuditBrowser", "조회"): "Search",
    ("AuditBrowser", "시작"): "From",
    ("AuditBrowser", "끝"): "To",
    ("AuditBrowser", "사용자"): "User",
    ("AuditBrowser", "동작"): "Action",
    ("AuditBrowser", "조회 중…"): "Searching…",
    ("AuditBrowser", "{n}건"): "{n} events",
    ("AuditModel", "시각"): "Time",
    ("AuditModel", "계산대"): "Register",
    ("AuditModel", "사용자"): "User",
    ("AuditModel", "동작"): "Action",
    ("AuditModel", "대상"): "Target",
    ("AuditModel", "변경 전"): "Before",
    ("AuditModel", "변경 후"): "After",
    ("CheckoutWindow", "자리를 비워 로그아웃했습니다 (F1: 로그인)."): (
        "Signed out after a while without activity (F1: sign in)."
    ),
    # --- CheckoutWindow
    ("CheckoutWindow", "로그인 (F1)"): "Sign in (F1)",
    ("CheckoutWindow", "다시 인쇄"): "Print again",
    (
        "CheckoutWindow",
        "스캔 또는 검색: 이름, 초성(ㅅㄱ), 영문, 바코드 — Enter로 추가",
    ): "Scan or search: name, Korean initials (ㅅㄱ), English name, barcode — Enter to add",
    ("CheckoutWindow", "수량 (F2)"): "Quantity (F2)",
    ("CheckoutWindow", "삭제 (F3)"): "Delete (F3)",
    ("CheckoutWindow", "품목할인 (F4)"): "Item discount (F4)",
    ("CheckoutWindow", "전체할인 (F5)"): "Ticket discount (F5)",
    ("CheckoutWindow", "보류 (F6)"): "Hold (F6)",
    ("CheckoutWindow", "보류목록 (F7)"): "Held tickets (F7)",
    ("CheckoutWindow", "환불 (F8)"): "Refund (F8)",
    ("CheckoutWindow", "거래취소 (F9)"): "Void sale (F9)",
    ("CheckoutWindow", "결제 (F12)"): "Pay (F12)",
    ("CheckoutWindow", "재발행 (Ctrl+P)"): "Reprint (Ctrl+P)",
    ("CheckoutWindow", "X 리포트 (Ctrl+X)"): "X report (Ctrl+X)",
    ("CheckoutWindow", "근무 마감 (Ctrl+E)"): "Close shift (Ctrl+E)",
    ("CheckoutWindow", "돈통 열기 (Ctrl+D)"): "Open drawer (Ctrl+D)",
    ("CheckoutWindow", "재고 관리 (F10)"): "Inventory (F10)",
    ("CheckoutWindow", "로그인 필요"): "Not signed in",
    # --- inventory: movement history
    ("HistoryDialog", "판매"): "Sale",
    ("HistoryDialog", "반품"): "Return",
    ("HistoryDialog", "입고"): "Received",
    ("HistoryDialog", "폐기"): "Waste",
    ("HistoryDialog", "조정"): "Adjustment",
    ("HistoryDialog", "재고조사"): "Stock count",
    ("HistoryDialog", "온라인 주문"): "Online order",
    ("HistoryDialog", "수업 사용"): "Class use",
    ("HistoryDialog", "이동"): "Transfer",
    ("HistoryDialog", "기초 재고"): "Opening stock",
    ("HistoryDialog", "입출고 이력: {name}"): "Stock movements: {name}",
    ("HistoryDialog", "일시"): "When",
    ("HistoryDialog", "구분"): "What",
    ("HistoryDialog", "수량"): "Qty",
    ("HistoryDialog", "로트"): "Lot",
    ("HistoryDialog", "위치"): "Place",
    ("HistoryDialog", "사유"): "Why",
    ("HistoryDialog", "담당"): "Who",
    ("HistoryDialog", "계산대"): "Till",
    ("HistoryDialog", "문서"): "Document",
    ("HistoryDialog", "이전 기록 더 보기"): "Older movements",
    ("HistoryDialog", "닫기"): "Close",
    ("HistoryDialog", "입출고 기록이 없습니다."): "No stock movements.",
    ("HistoryDialog", "{n}건 표시"): "{n} shown",
    ("InventoryWindow", "입출고 이력"): "Movement history",
    ("CheckoutWindow", "보고서 (Ctrl+R)"): "Reports (Ctrl+R)",
    # --- ReportsWindow
    ("ReportsWindow", "보고서 — {name}"): "Reports — {name}",
    ("ReportsWindow", "대시보드"): "Dashboard",
    ("ReportsWindow", "보고서"): "Report",
    ("ReportsWindow", "기간"): "Period",
    ("ReportsWindow", "오늘"): "Today",
    ("ReportsWindow", "7일"): "7 days",
    ("ReportsWindow", "30일"): "30 days",
    ("ReportsWindow", "지난달"): "Last month",
    ("ReportsWindow", "지역"): "Region",
    ("ReportsWindow", "생산자"): "Producer",
    ("ReportsWindow", "분류"): "Category",
    ("ReportsWindow", "계산원"): "Cashier",
    ("ReportsWindow", "전체"): "All",
    ("ReportsWindow", "조회"): "Run",
    ("ReportsWindow", "PDF 저장"): "Save PDF",
    ("ReportsWindow", "CSV 저장"): "Save CSV",
    ("ReportsWindow", "오늘 순매출"): "Net sales today",
    ("ReportsWindow", "지난주 같은 요일 (같은 시각까지)"): "Same weekday last week (to this time)",
    ("ReportsWindow", "재고 부족 상품"): "Products low on stock",
    ("ReportsWindow", "유통기한 임박 로트 (3일)"): "Lots expiring (3 days)",
    ("ReportsWindow", "전송 대기"): "Waiting to sync",
    ("ReportsWindow", "오늘 상위 지역"): "Top regions today",
    ("ReportsWindow", "새로 고침"): "Refresh",
    ("ReportsWindow", "준비 중…"): "Preparing…",
    (
        "ReportsWindow",
        "보고서와 기간을 고르고 조회를 누르세요.",
    ): "Pick a report and a period, then Run.",
    ("ReportsWindow", "조회 중…"): "Running…",
    ("ReportsWindow", "{title}: {n}행 · {period}"): "{title}: {n} rows · {period}",
    ("ReportsWindow", "먼저 보고서를 조회하세요."): "Run a report first.",
    ("ReportsWindow", "보고서 저장"): "Save report",
    ("ReportsWindow", "저장했습니다: {path}"): "Saved: {path}",
    ("ReportsWindow", " · 지남 {n}"): " · expired {n}",
    ("ReportsWindow", " · 거부 {n}"): " · rejected {n}",
    ("ReportsWindow", "시간대별 매출"): "Sales by hour",
    (
        "ReportsWindow",
        "{day} 기준 · 영수증 {n}건 (지난주 {m}건)",
    ): "As of {day} · {n} receipts ({m} last week)",
    ("CheckoutWindow", "온라인 주문 (Ctrl+O)"): "Online orders (Ctrl+O)",
    ("CheckoutWindow", "온라인 주문 {count}건 픽업 완료"): "{count} online order(s) picked up",
    ("OnlineOrdersDialog", "온라인 주문 픽업"): "Online order pick-up",
    ("OnlineOrdersDialog", "동기화 꺼짐"): "Sync is off",
    ("OnlineOrdersDialog", "픽업 완료 (Enter)"): "Hand over (Enter)",
    ("OnlineOrdersDialog", "새로고침"): "Refresh",
    ("OnlineOrdersDialog", "지금 동기화"): "Sync now",
    ("OnlineOrdersDialog", "동기화를 요청했습니다."): "Sync requested.",
    ("OnlineOrdersDialog", "닫기"): "Close",
    (
        "OnlineOrdersDialog",
        "{no} · {name} {phone} · {total}\n    {goods}",
    ): "{no} · {name} {phone} · {total}\n    {goods}",
    ("OnlineOrdersDialog", "픽업을 기다리는 주문이 없습니다."): "No orders waiting for pick-up.",
    (
        "OnlineOrdersDialog",
        "{no} 픽업 완료: 재고에서 차감했습니다.",
    ): "{no} handed over: taken out of stock.",
    ("SyncButton", "동기화 오류 · 대기 {pending}건"): "Sync error · {pending} waiting",
    ("SyncButton", "동기화 중 · 대기 {pending}건"): "Syncing · {pending} waiting",
    ("SyncButton", "동기화 완료 {time}"): "Synced {time}",
    ("SyncButton", " · 거부 {rejected}건"): " · {rejected} rejected",
    (
        "sync",
        "보낼 문서 {pending}건 · 거부 {rejected}건 · 보낸 문서 {sent}건",
    ): "{pending} documents to send · {rejected} rejected · {sent} sent",
    ("sync", "마지막 성공 {time}"): "Last success {time}",
    (
        "sync",
        "마지막 오류: {error} (다시 시도까지 {seconds:.0f}초)",
    ): "Last error: {error} (next try in {seconds:.0f} s)",
    (
        "CheckoutWindow",
        "현금영수증 발급 실패: {error} (영수증에 발급 대기로 표시)",
    ): "Cash receipt not issued: {error} (the receipt marks it pending)",
    ("CheckoutWindow", "근무 #{shift}"): "Shift #{shift}",
    ("CheckoutWindow", "근무 시작 전"): "No shift open",
    (
        "CheckoutWindow",
        "계산대 {register} · {user} · {shift}",
    ): "Register {register} · {user} · {shift}",
    ("CheckoutWindow", "로그아웃 (F1)"): "Sign out (F1)",
    ("CheckoutWindow", "품목 {items}  수량 {pieces}"): "Items {items}  Pieces {pieces}",
    ("CheckoutWindow", "할인 {discount}"): "Discount {discount}",
    (
        "CheckoutWindow",
        "과세 물품가액 {supply}   부가세 {vat}",
    ): "Taxable supply value {supply}   VAT {vat}",
    ("CheckoutWindow", "면세 물품가액 {exempt}"): "Tax-exempt value {exempt}",
    ("CheckoutWindow", "받을 금액 {total}"): "Amount due {total}",
    (
        "CheckoutWindow",
        "인쇄 실패: {error} — 거래는 저장되었습니다.",
    ): "Printing failed: {error} — the sale has been saved.",
    ("CheckoutWindow", "먼저 로그인하세요 (F1)."): "Please sign in first (F1).",
    (
        "CheckoutWindow",
        "근무를 시작하세요: 시재금을 세어 입력합니다.",
    ): "Open a shift: count the opening float and enter it.",
    ("CheckoutWindow", "로그인"): "Sign in",
    ("CheckoutWindow", "PIN을 입력하세요"): "Enter your PIN",
    ("CheckoutWindow", "{name}님 환영합니다."): "Welcome, {name}.",
    ("CheckoutWindow", "근무 시작: 시재금 세기"): "Open shift: count the opening float",
    (
        "CheckoutWindow",
        "근무 #{shift} 시작 · 시재금 {amount}",
    ): "Shift #{shift} opened · opening float {amount}",
    ("CheckoutWindow", "무게 (g)"): "Weight (g)",
    ("CheckoutWindow", "수량"): "Quantity",
    ("CheckoutWindow", "수량 변경"): "Change quantity",
    ("CheckoutWindow", "품목 할인"): "Item discount",
    ("CheckoutWindow", "전체 할인"): "Ticket discount",
    (
        "CheckoutWindow",
        "할인 한도를 넘었습니다: 관리자 승인",
    ): "Discount limit exceeded: manager approval",
    ("CheckoutWindow", "관리자 승인"): "Manager approval",
    ("CheckoutWindow", "{name} 관리자 승인"): "Approved by manager {name}",
    ("CheckoutWindow", "할인 승인이 필요합니다"): "The discount needs approval",
    (
        "CheckoutWindow",
        "{receipt} 완료 · 거스름돈 {change}",
    ): "{receipt} completed · change {change}",
    ("CheckoutWindow", "{receipt} 완료"): "{receipt} completed",
    ("CheckoutWindow", "보류했습니다 ({total})"): "Ticket held ({total})",
    ("CheckoutWindow", "보류된 거래가 없습니다."): "There are no held tickets.",
    ("CheckoutWindow", "거래 취소: 관리자 승인"): "Void sale: manager approval",
    ("CheckoutWindow", "거래를 취소했습니다."): "The sale was voided.",
    (
        "CheckoutWindow",
        "영수증 바코드를 스캔하거나 번호를 입력한 뒤 F8을 누르세요.",
    ): "Scan the receipt barcode or type its number, then press F8.",
    ("CheckoutWindow", "환불: 관리자 승인"): "Refund: manager approval",
    ("CheckoutWindow", "환불 {receipt} · {amount}"): "Refund {receipt} · {amount}",
    ("CheckoutWindow", "X 리포트"): "X report",
    (
        "CheckoutWindow",
        "오프라인 · 이 계산대에 저장 {count}건",
    ): "Offline · {count} kept on this till",
    ("CheckoutWindow", "서버로 전송 중 {count}건"): "Sending {count} to the server",
    ("CheckoutWindow", "오프라인 거래 전송 실패 {count}건"): "{count} offline sales refused",
    (
        "CheckoutWindow",
        "매장 데이터베이스에 연결할 수 없어 판매를 이 계산대에 저장합니다. "
        "연결되면 자동으로 전송합니다.\n{error}",
    ): "The store's database cannot be reached: sales are kept on this till and sent "
    "automatically when it is back.\n{error}",
    ("CheckoutWindow", "근무 마감: 현금 세기"): "Close shift: count the cash",
    ("CheckoutWindow", "Z 정산 리포트"): "Z settlement report",
    ("CheckoutWindow", "돈통 열기: 관리자 승인"): "Open drawer: manager approval",
    # --- CountDialog
    ("CountDialog", "{amount}원 지폐"): "₩{amount} note",
    ("CountDialog", "{amount}원 동전"): "₩{amount} coin",
    ("CountDialog", "합계 {total}"): "Total {total}",
    (
        "CountDialog",
        "예상 {expected} · 과잉 {difference}",
    ): "Expected {expected} · over {difference}",
    (
        "CountDialog",
        "예상 {expected} · 부족 {difference}",
    ): "Expected {expected} · short {difference}",
    (
        "CountDialog",
        "예상 {expected} · 일치 {difference}",
    ): "Expected {expected} · balanced {difference}",
    # --- CustomerDisplay
    ("CustomerDisplay", "I·Market·U — 고객 화면"): "I·Market·U — Customer display",
    ("CustomerDisplay", "어서 오세요"): "Welcome",
    ("CustomerDisplay", "합계 {total}"): "Total {total}",
    ("CustomerDisplay", "거스름돈 {change}"): "Change {change}",
    ("CustomerDisplay", "감사합니다"): "Thank you",
    # --- DiscountDialog
    ("DiscountDialog", "원"): "₩",
    ("DiscountDialog", "할인 (0 = 할인 취소)"): "Discount (0 = remove the discount)",
    ("DiscountDialog", "할인은 숫자로: {text}"): "Enter the discount as a number: {text}",
    # --- HeldDialog
    ("HeldDialog", "보류 목록"): "Held tickets",
    ("HeldDialog", "{time}  {label}  %n건  {total}"): (
        "{time}  {label}  %n line  {total}",
        "{time}  {label}  %n lines  {total}",
    ),
    ("HeldDialog", "보류"): "Held",
    # --- ManualCardDialog
    ("ManualCardDialog", "카드 수기 입력"): "Manual card entry",
    ("ManualCardDialog", "승인번호"): "Approval number",
    (
        "ManualCardDialog",
        "카드번호 (앞 6자리·뒤 4자리만, 예: 9410-12**-****-5678)",
    ): "Card number (first 6 and last 4 digits only, e.g. 9410-12**-****-5678)",
    # --- PinDialog
    ("PinDialog", "지움"): "Clear",
    ("PinDialog", "확인"): "OK",
    # --- RefundDialog
    ("RefundDialog", "환불 · {receipt}"): "Refund · {receipt}",
    ("RefundDialog", "원거래 {receipt} · {total}"): "Original sale {receipt} · {total}",
    ("RefundDialog", "상품"): "Product",
    ("RefundDialog", "판매"): "Sold",
    ("RefundDialog", "환불 가능"): "Refundable",
    ("RefundDialog", "환불 수량"): "Refund qty",
    ("RefundDialog", "환불 사유"): "Reason for the refund",
    # --- TenderDialog
    ("TenderDialog", "결제"): "Payment",
    ("TenderDialog", "금액"): "Amount",
    (
        "TenderDialog",
        "받은 금액 (비우면 남은 금액)",
    ): "Amount received (empty = the remaining amount)",
    ("TenderDialog", "딱 맞게"): "Exact",
    ("TenderDialog", "현금 (F10)"): "Cash (F10)",
    ("TenderDialog", "카드 (F11)"): "Card (F11)",
    ("TenderDialog", "카드 수기"): "Manual card",
    ("TenderDialog", "온누리"): "Onnuri",
    ("TenderDialog", "지역사랑"): "Local voucher",
    (
        "TenderDialog",
        "현금영수증: 휴대폰 / 사업자번호 (비우면 자진발급)",
    ): "Cash receipt: mobile / business number (empty = self-issued)",
    ("TenderDialog", "현금영수증"): "Cash receipt",
    ("TenderDialog", "지출증빙"): "Expense proof",
    (
        "TenderDialog",
        "{amount} 이상 결제: 현금으로 받으면 현금영수증을 안내하세요.",
    ): "{amount} or more: if paid in cash, offer a cash receipt.",
    ("TenderDialog", "금액을 숫자로 입력하세요: {text}"): "Enter the amount as a number: {text}",
    ("TenderDialog", "현금"): "Cash",
    ("TenderDialog", "카드"): "Card",
    ("TenderDialog", "카드(수기)"): "Card (manual)",
    ("TenderDialog", "상품권"): "Voucher",
    (
        "TenderDialog",
        "{method} {amount} {card} 승인 {approval}",
    ): "{method} {amount} {card} approval {approval}",
    (
        "TenderDialog",
        "받을 금액 {total} · 남은 금액 {remaining}",
    ): "Amount due {total} · remaining {remaining}",
    ("TenderDialog", "거스름돈 {change}"): "Change {change}",
    (
        "TenderDialog",
        "카드는 남은 금액까지만 결제할 수 있습니다.",
    ): "A card can pay at most the remaining amount.",
    (
        "TenderDialog",
        "카드 단말기가 설정되지 않았습니다: '카드 수기'를 쓰세요.",
    ): "No card terminal is set up: use 'Manual card'.",
    (
        "TenderDialog",
        "카드 단말기에서 {amount} 결제 중… 카드를 넣어 주세요.",
    ): "Charging {amount} on the card terminal… please insert the card.",
    ("TenderDialog", "카드 승인 실패: {error}"): "Card declined: {error}",
    (
        "TenderDialog",
        "상품권은 남은 금액까지만 받을 수 있습니다 (거스름돈은 현금).",
    ): "Vouchers are accepted up to the remaining amount only (change is given in cash).",
    # --- TextDialog
    ("TextDialog", "인쇄"): "Print",
    # --- TicketModel (column headers)
    ("TicketModel", "상품명"): "Product",
    ("TicketModel", "수량"): "Qty",
    ("TicketModel", "단가"): "Unit price",
    ("TicketModel", "할인"): "Discount",
    ("TicketModel", "금액"): "Amount",
    # --- checkout (module functions)
    ("checkout", "오류: {kind}: {error}"): "Error: {kind}: {error}",
    ("checkout", "개"): "ea",
}


# --- the inventory screens: one vocabulary shared by their contexts (a context's own entry in EN
# wins), so a word such as 상품명 is translated once for every inventory dialog and tab
INVENTORY_CONTEXTS = {
    "InventoryWindow",
    "ProductListModel",
    "WasteDialog",
    "ProductDialog",
    "RegionDialog",
    "ProducerDialog",
    "PartnersTab",
    "FormDialog",
    "PurchaseOrdersTab",
    "TransferDialog",
    "MarkdownDialog",
    "LabelDialog",
    "ImportDialog",
    "inventory",
}
INVENTORY: dict[str, str] = {
    # words
    "상품": "Products",
    "상품명": "Product",
    "영문명": "English name",
    "바코드": "Barcode",
    "산지": "Region",
    "도": "Province",
    "생산자": "Producer",
    "분류": "Category",
    "단위": "Unit",
    "판매가": "Price",
    "판매가 (원)": "Price (won)",
    "재고": "Stock",
    "발주점": "Reorder point",
    "유통기한": "Expiry",
    "유통기간": "Shelf life",
    "로트": "Lot",
    "남은 일수": "Days left",
    "할인가": "Markdown price",
    "수량": "Quantity",
    "단가": "Unit cost",
    "입고": "Receiving",
    "재고조사": "Stock count",
    "실사": "Counted",
    "차이": "Variance",
    "사유": "Reason",
    "메모": "Note",
    "없음": "None",
    "확인": "OK",
    "취소": "Cancel",
    " 일": " days",
    "개": "ea",
    "원": "won",
    "kg": "kg",
    "100g": "100g",
    "과세": "Taxable",
    "면세": "Tax-exempt",
    "과세 구분": "Tax",
    "매입": "Purchase",
    "위탁": "Consignment",
    "거래 방식": "Terms",
    "방식": "Terms",
    "거래 중": "Active supplier",
    "판매 중": "On sale",
    "이름": "Name",
    "담당자": "Contact",
    "전화": "Phone",
    "축제": "Festival",
    "관광": "Tourism",
    "제철": "In season",
    "대표 특산물": "Signature produce",
    "홍보 문구 (영수증·고객 화면)": "Promotion (receipts, customer display)",
    "변질": "Spoiled",
    "파손": "Damaged",
    "시식": "Tasting sample",
    "수업 사용": "Cooking class",
    "도난·분실": "Theft / loss",
    "재고 정정 (±)": "Stock correction (±)",
    "폐기·조정": "Waste / adjust",
    # the window
    "재고 관리 — {name}": "Inventory — {name}",
    "산지·생산자": "Regions & producers",
    "상품명·바코드·PLU": "Name, barcode or PLU",
    "전체 산지": "All regions",
    "전체 생산자": "All producers",
    "전체 분류": "All categories",
    "과세·면세": "Taxable and exempt",
    "재고 부족": "Low stock",
    "7일 내 유통기한": "Expiring within 7 days",
    "판매 중지": "Withdrawn",
    "상품 수정": "Edit product",
    "{n}개 상품": "{n} products",
    "상품을 고르세요.": "Select a product.",
    "저장했습니다: {name}": "Saved: {name}",
    "기록했습니다: {r}": "Recorded: {r}",
    "발주 없이 입고": "Receive without an order",
    "바코드를 스캔하세요": "Scan a barcode",
    "유통기한 (YYYY-MM-DD)": "Expiry (YYYY-MM-DD)",
    "입고 확정": "Confirm receipt",
    "없는 바코드: {c}": "Unknown barcode: {c}",
    " (발주보다 {n} 많음)": " ({n} more than ordered)",
    "입고 완료: {n}줄": "Received: {n} lines",
    "재고조사 시작": "Start a count",
    "차이 반영": "Post variances",
    "스캔하면 1개씩 셉니다": "Each scan counts one",
    "시작 시 전산": "On hand at start",
    "조사 중 판매 등": "Sold etc. since start",
    "진행 중인 조사 없음": "No count in progress",
    "조사 {id} 진행 중": "Count {id} in progress",
    "재고조사를 시작했습니다: {n}개 상품": "Count started: {n} products",
    "차이를 반영했습니다: {n}개 상품": "Variances posted: {n} products",
    # products, regions, producers
    "상품 수정 — {name}": "Edit product — {name}",
    "한 줄에 하나 (첫 줄이 대표 바코드)": "One per line (the first is the primary barcode)",
    "현재 재고 {n}": "On hand {n}",
    "가격 이력 (새 가격은 새 거래부터 적용)": "Price history (a new price applies to new tickets)",
    "변경 시각": "Changed at",
    "이전 가격": "Old price",
    "새 가격": "New price",
    "변경한 사람": "Changed by",
    "출처": "Source",
    "산지 정보 — {name}": "Region — {name}",
    "<b>협력 지자체 (산지)</b>": "<b>Partner local governments (regions)</b>",
    "산지 수정": "Edit region",
    "<b>생산자·공급자</b>": "<b>Producers and suppliers</b>",
    "새 생산자": "New producer",
    "생산자 수정": "Edit producer",
    "생산자 — {name}": "Producer — {name}",
    "산지를 고르세요.": "Select a region.",
    # purchase orders
    "발주": "Purchase orders",
    "작성 중": "Draft",
    "발송": "Sent",
    "일부 입고": "Partly received",
    "입고 완료": "Received",
    "마감": "Closed",
    "모든 발주": "All orders",
    "상태": "Status",
    "공급자": "Supplier",
    "새 발주 (추천 수량)": "New order (suggested quantities)",
    "발주 번호": "Order no.",
    "작성일": "Created",
    "품목": "Lines",
    "발주서를 고르세요.": "Select an order.",
    "작성 중인 발주에 상품 추가: 바코드 스캔": "Add a product to the draft: scan its barcode",
    "발주 수량": "Ordered",
    "금액": "Amount",
    "저장": "Save",
    "발송 (발주서 PDF)": "Send (order PDF)",
    "이 발주로 입고": "Receive this order",
    "<b>{number}</b> · {supplier} · {status} · 합계 {total}원": (
        "<b>{number}</b> · {supplier} · {status} · total {total} won"
    ),
    "공급자를 고르세요.": "Select a supplier.",
    "발주서 {number}를 만들었습니다: 추천 {n}개 품목": (
        "Order {number} created: {n} suggested lines"
    ),
    "작성 중인 발주서만 고칠 수 있습니다.": "Only a draft order can be changed.",
    "작성 중인 발주서만 발송할 수 있습니다.": "Only a draft order can be sent.",
    "발송했습니다: {path}": "Sent: {path}",
    "발송된 발주서만 입고할 수 있습니다.": "Only a sent order can be received.",
    "{number}: 남은 {n}줄을 입고합니다.": "{number}: receiving the {n} remaining lines.",
    # transfers and markdowns
    "매장": "Sales floor",
    "지하 창고": "Basement store room",
    "위치": "Location",
    "방향": "Direction",
    "{src} → {dst}": "{src} → {dst}",
    "매장 {floor} · 지하 창고 {room}": "Floor {floor} · store room {room}",
    "매장 ↔ 창고 이동": "Floor ↔ store room",
    "매장 ↔ 창고 이동 — {name}": "Floor ↔ store room — {name}",
    "옮겼습니다: {name} {n}": "Moved: {name} {n}",
    "마감 할인": "Markdown",
    "마감 할인 — {name}": "Markdown — {name}",
    "할인율": "Percent off",
    "할인 가격표 인쇄": "Print the markdown shelf label",
    "{code} · 유통기한 {expiry} ({days}일 남음) · 재고 {qty}": (
        "{code} · expires {expiry} ({days} days left) · {qty} in stock"
    ),
    "{price}원 (정상가 {regular}원)": "{price} won (regular {regular} won)",
    "로트를 고르세요.": "Select a lot.",
    "할인했습니다: {name} {price}원": "Marked down: {name} {price} won",
    "라벨을 저장했습니다: {path}": "Labels saved: {path}",
    # labels
    "라벨 인쇄": "Print labels",
    "입고분 라벨": "Labels for received goods",
    "라벨을 뽑을 상품을 고르세요.": "Choose the products to label.",
    "가격표 8칸 (99.1×67.7 mm)": "Shelf labels, 8 per sheet (99.1×67.7 mm)",
    "폼텍 21칸 (63.5×38.1 mm)": "Formtec 21 per sheet (63.5×38.1 mm)",
    "폼텍 40칸 (48.5×25.4 mm)": "Formtec 40 per sheet (48.5×25.4 mm)",
    "가격표 (상품명·산지·가격·100g당 가격·바코드)": (
        "Shelf labels (name, region, price, price per 100 g, barcode)"
    ),
    "바코드 라벨": "Barcode labels",
    " 칸": " labels",
    "발주 입고분에서 가져오기…": "From the goods received on an order…",
    "바코드를 스캔하면 추가합니다": "Scan a barcode to add the product",
    "매수": "Copies",
    "종류": "Kind",
    "용지": "Sheet",
    "이미 쓴 칸 (건너뛰기)": "Labels already used (skipped)",
    "추가": "Add",
    "선택 줄 빼기": "Remove selected",
    "모두 빼기": "Remove all",
    "PDF 저장·열기": "Save and open PDF",
    # CSV import and export
    "PLU": "PLU",
    "판매 여부": "Active",
    "CSV 가져오기·내보내기": "CSV import / export",
    "상품 CSV 가져오기·내보내기": "Product CSV import and export",
    (
        "열: barcode, name_ko, name_en, region, producer, category, unit, price, tax,"
        " reorder_point (선택: plu, shelf_life_days, active). UTF-8 또는 CP949."
        " 한 줄이라도 틀리면 아무것도 가져오지 않습니다."
    ): (
        "Columns: barcode, name_ko, name_en, region, producer, category, unit, price, tax,"
        " reorder_point (optional: plu, shelf_life_days, active). UTF-8 or CP949."
        " If a single row is wrong, nothing is imported."
    ),
    "CSV 파일 가져오기…": "Import a CSV file…",
    "전체 상품 CSV 내보내기": "Export all products to CSV",
    "행": "Line",
    "열": "Column",
    "문제": "Problem",
    "닫기": "Close",
    "상품 CSV 파일": "Product CSV file",
    "CSV 파일 (*.csv *.txt)": "CSV files (*.csv *.txt)",
    "가져오는 중: {name}": "Importing {name}…",
    "{rows}줄 가져옴: 새 상품 {created}, 바뀐 상품 {updated}, 그대로 {same}": (
        "{rows} lines imported: {created} new, {updated} changed, {same} unchanged"
    ),
    "새 산지": "New regions",
    "새 분류": "New categories",
    "가져오지 않았습니다: 문제 {n}건. 파일을 고친 뒤 다시 가져오세요.": (
        "Nothing imported: {n} problems. Fix the file and import it again."
    ),
    "{n}개 상품을 내보냈습니다: {path}": "{n} products exported: {path}",
    "생산자를 고르세요.": "Select a producer.",
}


EN[("ImportDialog", "새 생산자")] = "New producers"  # a list, where 새 생산자 elsewhere is a button


# --- the staff screen (posapp/ui/staff.py)
# issue 18 (the store floor): key pages, change due, scan routing, sync off, token store
EN.update(
    {
        ("CheckoutWindow", "판매"): "Sale",
        ("CheckoutWindow", "관리"): "Office",
        ("CheckoutWindow", "거스름돈 {change}"): "Change {change}",
        ("CheckoutWindow", "받은 현금 {tendered} · 합계 {total}"): (
            "Cash received {tendered} · total {total}"
        ),
        ("ReportsWindow", "동기화 꺼짐"): "Sync off",
        ("ReportsWindow", "온라인 플랫폼 주소가 없어 보내지 않습니다 (쌓인 판매 {n}건)"): (
            "No online platform is set, so nothing is sent ({n} sales kept)"
        ),
        ("ScanRouter", "이 창에서는 스캔할 수 없습니다. 창을 닫은 뒤 다시 스캔하세요."): (
            "This window takes no scans. Close it, then scan again."
        ),
        ("ScanRouter", "이 화면에서는 스캔할 수 없습니다: {code}"): (
            "This screen takes no scans: {code}"
        ),
        ("SettingsDialog", "저장된 토큰 없음"): "no token stored",
        ("SettingsDialog", "OS 키링"): "OS keyring",
        ("SettingsDialog", "환경 변수 {name}"): "environment variable {name}",
        ("SettingsDialog", "파일 {path}"): "file {path}",
    }
)

EN.update(
    {
        ("CheckoutWindow", "직원 (Ctrl+Shift+U)"): "Staff (Ctrl+Shift+U)",
        ("ReportsWindow", "공급처별 정산서 PDF"): "Statements per supplier (PDF)",
        ("SessionDialog", "수업 변경"): "Change class",
        ("ClassesWindow", "수업 변경"): "Change class",
        (
            "ClassesWindow",
            "고른 수업의 시간·정원·참가비·재료를 바꿉니다 (예약된 좌석 아래로는 못 줄임)",
        ): "Change the selected class's time, capacity, fee and ingredients (not below the "
        "seats booked)",
        ("ClassesWindow", "수업을 변경했습니다: {title}"): "Class changed: {title}",
        ("ReportsWindow", "기간과 필터에 맞는 공급처마다 정산서 한 장씩 (판매·입고 문서 포함)"): (
            "One statement per supplier for the period and filters (with the sale and receipt "
            "documents)"
        ),
        ("ReportsWindow", "정산서를 저장할 폴더"): "Folder for the statements",
        ("ReportsWindow", "정산서 {n}장을 저장했습니다: {folder}"): (
            "{n} statements saved: {folder}"
        ),
        ("ReportsWindow", "정산서 만드는 중…"): "Making the statements…",
        ("CheckoutWindow", "대기 중이던 현금영수증 {count}건을 발급했습니다."): (
            "{count} pending cash receipts issued."
        ),
        ("StaffDialog", "계산원"): "Cashier",
        ("StaffDialog", "매니저"): "Manager",
        ("StaffDialog", "쿠킹클래스 직원"): "Class staff",
        ("StaffDialog", "관리자"): "Admin",
        ("StaffDialog", "거래 취소"): "Void a ticket",
        ("StaffDialog", "환불"): "Refund",
        ("StaffDialog", "한도 넘는 할인"): "Discount above the limit",
        ("StaffDialog", "가격 변경"): "Price override",
        ("StaffDialog", "판매 없이 돈통 열기"): "Open the drawer without a sale",
        ("StaffDialog", "재고 조정·폐기"): "Stock adjustment and waste",
        ("StaffDialog", "설정·감사 기록"): "Settings and audit log",
        ("StaffDialog", "직원·권한 관리"): "Staff and permissions",
        ("StaffDialog", "역할 변경"): "Change role",
        ("StaffDialog", "{name}의 역할"): "Role of {name}",
        ("StaffDialog", "직원·권한"): "Staff and permissions",
        ("StaffDialog", "이름"): "Name",
        ("StaffDialog", "역할"): "Role",
        ("StaffDialog", "상태"): "Status",
        ("StaffDialog", "추가 (Alt+N)"): "Add (Alt+N)",
        ("StaffDialog", "역할 변경 (Alt+R)"): "Change role (Alt+R)",
        ("StaffDialog", "PIN 재설정 (Alt+P)"): "Reset PIN (Alt+P)",
        ("StaffDialog", "잠금 해제 (Alt+U)"): "Unlock (Alt+U)",
        ("StaffDialog", "사용 중지/재개 (Alt+S)"): "Stop/resume (Alt+S)",
        ("StaffDialog", "직원"): "Staff",
        ("StaffDialog", "권한"): "Permissions",
        (
            "StaffDialog",
            "칸을 누르면 바로 저장되고 감사 기록에 남습니다. "
            "관리자는 언제나 직원·권한 관리를 가집니다.",
        ): "A tick is saved at once and audited. The admin role always keeps staff and "
        "permissions.",
        ("StaffDialog", "사용 중지"): "Stopped",
        ("StaffDialog", "잠김 (PIN {n}회 틀림)"): "Locked ({n} wrong PINs)",
        ("StaffDialog", "사용 중"): "Active",
        ("StaffDialog", "{name} 추가됨"): "{name} added",
        ("StaffDialog", "{name}: {role}"): "{name}: {role}",
        ("StaffDialog", "{name}: 새 PIN 저장됨 (잠금도 풀림)"): "{name}: new PIN saved (unlocked)",
        ("StaffDialog", "{name}: 잠금 해제됨"): "{name}: unlocked",
        ("StaffDialog", "{name}: 다시 사용"): "{name}: active again",
        ("StaffDialog", "{name}: 사용 중지 (기록은 남습니다)"): "{name}: stopped (history kept)",
        ("StaffDialog", "{role}: {permission} 허용"): "{role}: {permission} allowed",
        ("StaffDialog", "{role}: {permission} 해제"): "{role}: {permission} taken away",
        ("NewUserDialog", "직원 추가"): "Add staff",
        ("NewUserDialog", "이름"): "Name",
        ("NewUserDialog", "역할"): "Role",
        ("NewUserDialog", "PIN (4~6자리)"): "PIN (4–6 digits)",
        ("NewUserDialog", "이름을 입력하세요."): "Type a name.",
        ("PinPairDialog", "PIN 재설정: {name}"): "Reset PIN: {name}",
        ("PinPairDialog", "새 PIN"): "New PIN",
        ("PinPairDialog", "PIN 확인"): "PIN again",
        ("PinPairDialog", "두 PIN이 다릅니다."): "The two PINs differ.",
    }
)


# --- issue 18 (helper floorb): the count's review, typed counts
EN.update(
    {
        ("CountReviewDialog", "재고조사 차이 확인"): "Stock count: review the differences",
        ("CountReviewDialog", "상품명"): "Product",
        ("CountReviewDialog", "전산"): "Books",
        ("CountReviewDialog", "실사"): "Counted",
        ("CountReviewDialog", "차이"): "Variance",
        ("CountReviewDialog", "금액"): "Value",
        ("CountReviewDialog", "차이 {n}개 상품, 금액 합계 {total}"): (
            "{n} products differ, total value {total}"
        ),
        ("CountReviewDialog", "차이가 없습니다. 반영하면 조사를 마감합니다."): (
            "No differences. Posting closes the count."
        ),
        ("CountReviewDialog", "세지 않은 상품 {n}개는 그대로 둡니다."): (
            "{n} products not counted are left as they are."
        ),
        ("CountReviewDialog", "이대로 재고에 반영할까요?"): "Post these differences to stock?",
        ("CountReviewDialog", "반영"): "Post",
        ("CountReviewDialog", "취소"): "Cancel",
        ("InventoryWindow", "차이 금액"): "Variance value",
        (
            "InventoryWindow",
            "실사 칸에 센 수량을 입력하고 Enter (무게 상품은 g). 입력하는 대로 저장됩니다.",
        ): "Type what you counted in the Counted cell and press Enter (grams for weighed "
        "products). It is saved as you type.",
        ("InventoryWindow", "진행 중인 재고조사 {id}을(를) 이어서 합니다: {n}개 센 상품"): (
            "Resuming stock count {id}: {n} products counted"
        ),
        ("InventoryWindow", "실사 수량은 0 이상의 정수입니다."): (
            "A counted quantity is a whole number, 0 or more."
        ),
        ("InventoryWindow", "저장했습니다: {name} 실사 {qty}, 차이 {var}"): (
            "Saved: {name} counted {qty}, variance {var}"
        ),
        ("InventoryWindow", "진행 중인 재고조사가 없습니다. 먼저 시작하세요."): (
            "No stock count in progress. Start one first."
        ),
        ("InventoryWindow", "{name}: 실사 {qty}"): "{name}: counted {qty}",
        ("SellingGuards", "{name} 가격 변경 {old} → {new}"): "{name} price changed {old} → {new}",
        ("SellingGuards", "{name} 판매 중지: 거래에서 뺐습니다"): (
            "{name} withdrawn from sale: taken off the ticket"
        ),
        ("SellingGuards", "관리자 승인"): "Manager approval",
        ("SellingGuards", "유통기한 지난 상품 판매: {name} (기한 {expiry})"): (
            "Selling a product past its expiry date: {name} ({expiry})"
        ),
        ("SellingGuards", "유통기한 지난 상품: {name} (기한 {expiry}) — {who} 승인"): (
            "Past its expiry date: {name} ({expiry}) — approved by {who}"
        ),
        ("SellingGuards", "유통기한 지난 상품: {name} (기한 {expiry}, {days}일 지남)"): (
            "Past its expiry date: {name} ({expiry}, {days} days ago)"
        ),
        ("InventoryWindow", "{n}일 지남"): "{n} days past",
        ("InventoryWindow", "오늘까지"): "Today",
        ("InventoryWindow", "폐기"): "Write off",
        ("InventoryWindow", "폐기할 로트가 없습니다."): "No lots to write off.",
        ("InventoryWindow", "폐기했습니다: {n}개 로트, {qty}개"): (
            "Written off: {n} lots, {qty} units"
        ),
        ("WriteOffDialog", "로트 폐기"): "Write off lots",
        ("WriteOffDialog", " 외 {n}개"): " and {n} more",
        ("WriteOffDialog", "{n}개 로트, 모두 {qty}개를 폐기합니다: {names}"): (
            "Writing off {n} lots, {qty} units in all: {names}"
        ),
        ("WriteOffDialog", "변질·유통기한 경과"): "Spoiled or past its date",
        ("WriteOffDialog", "파손"): "Damaged",
        ("WriteOffDialog", "도난·분실"): "Theft or loss",
        ("WriteOffDialog", "사유"): "Reason",
        ("WriteOffDialog", "메모"): "Note",
        ("ReceiptFinderDialog", "영수증 찾기"): "Find a receipt",
        (
            "ReceiptFinderDialog",
            "영수증 번호 (일부도 됩니다)",
        ): "Receipt number (part of it will do)",
        ("ReceiptFinderDialog", "영수증 번호"): "Receipt number",
        ("ReceiptFinderDialog", "날짜"): "Date",
        ("ReceiptFinderDialog", "금액 (원)"): "Amount (won)",
        ("ReceiptFinderDialog", "카드 끝 4자리"): "Card's last 4 digits",
        ("ReceiptFinderDialog", "시각"): "Time",
        ("ReceiptFinderDialog", "종류"): "Kind",
        ("ReceiptFinderDialog", "금액"): "Amount",
        ("ReceiptFinderDialog", "카드"): "Card",
        ("ReceiptFinderDialog", "찾기"): "Find",
        ("ReceiptFinderDialog", "재발행"): "Reprint",
        ("ReceiptFinderDialog", "닫기"): "Close",
        (
            "ReceiptFinderDialog",
            "날짜는 2026-11-23처럼 입력하세요.",
        ): "Type the date like 2026-11-23.",
        ("ReceiptFinderDialog", "판매"): "Sale",
        ("ReceiptFinderDialog", "환불"): "Refund",
        ("ReceiptFinderDialog", "{n}건 찾았습니다."): "{n} found.",
        ("ReceiptFinderDialog", "맞는 영수증이 없습니다."): "No receipt matches.",
        (
            "ReceiptFinderDialog",
            "다시 인쇄할 영수증을 고르세요.",
        ): "Choose the receipt to print again.",
        ("ReceiptFinderDialog", "재발행했습니다: {no}"): "Reprinted: {no}",
        ("CheckoutWindow", "인쇄 실패 {n}건 — 거래는 저장되었습니다."): (
            "{n} receipts not printed — the sales have been saved."
        ),
    }
)


# --- the merge of issues 16–20 (lead)
EN.update(
    {
        ("CheckoutWindow", "한도를 넘는 수량: 관리자 승인"): "Quantity above the limit: manager",
    }
)
# card and mobile vouchers (branch vouchers)
EN.update(
    {
        ("TenderDialog", "온누리 카드"): "Onnuri card",
        ("TenderDialog", "온누리 모바일"): "Onnuri mobile",
        ("TenderDialog", "지역사랑 모바일 (서울사랑 등)"): "Local mobile (Seoul Love etc.)",
        ("TenderDialog", "전자상품권 결제"): "Pay e-voucher",
        ("TenderDialog", "카드·모바일 상품권"): "Card / mobile voucher",
    }
)

# exchanges, tax invoices from the checkout (branches exchange, clock, invoice)
EN.update(
    {
        ("CheckoutWindow", "교환 (Shift+F8)"): "Exchange (Shift+F8)",
        ("CheckoutWindow", "세금계산서 (Shift+F12)"): "Tax invoice (Shift+F12)",
        ("CheckoutWindow", "세금계산서 요청 {name} ({number}) · 요청서 인쇄"): (
            "Tax invoice requested {name} ({number}) · request slip printed"
        ),
        ("CheckoutWindow", "{day} 판매: {deadline}까지 요청할 수 있습니다 (다음 달 10일)."): (
            "Sale of {day}: can be requested until {deadline} (the 10th of the next month)."
        ),
        (
            "CheckoutWindow",
            "세금계산서를 요청할 판매가 없습니다: 영수증 찾기(Ctrl+Shift+P)에서 영수증을 고르세요.",
        ): "No sale to request a tax invoice for: choose a receipt in Find receipt (Ctrl+Shift+P).",
        ("ReceiptFinderDialog", "세금계산서 요청"): "Request tax invoice",
        ("ReceiptFinderDialog", "세금계산서를 요청할 영수증을 고르세요."): (
            "Choose the receipt to request a tax invoice for."
        ),
        ("ReceiptFinderDialog", "{day} 판매: {deadline}까지 요청할 수 있습니다 (다음 달 10일)."): (
            "Sale of {day}: can be requested until {deadline} (the 10th of the next month)."
        ),
        ("ReceiptFinderDialog", "세금계산서 요청을 기록하고 요청서를 인쇄했습니다: {no} {name}"): (
            "Tax invoice request recorded and slip printed: {no} {name}"
        ),
        ("TenderDialog", "계좌이체"): "Bank transfer",
        ("TenderDialog", "세금계산서 (Shift+F12)"): "Tax invoice (Shift+F12)",
        ("TenderDialog", "세금계산서 요청을 취소했습니다."): "Tax invoice request withdrawn.",
        (
            "TenderDialog",
            "세금계산서 요청: {name} ({number}) · 현금 또는 계좌이체로 받으세요 "
            "(카드·현금영수증 불가)",
        ): "Tax invoice request: {name} ({number}) · take cash or a bank transfer (no card, no cash"
        " receipt)",
        ("TenderDialog", "계좌이체는 남은 금액까지만 받을 수 있습니다."): (
            "A bank transfer can only be up to the amount left."
        ),
    }
)


def english_for(context: str, source: str) -> str | tuple[str, ...] | None:
    if (context, source) in EN:
        return EN[(context, source)]
    if context in INVENTORY_CONTEXTS:
        return INVENTORY.get(source)
    return None


# --- the tax-invoice buyer dialog (checkout Shift+F12) and the keyed-in voucher
EN.update(
    {
        ("ManualCardDialog", "신용·체크카드"): "Credit or debit card",
        ("TenderDialog", "{method} (수기)"): "{method} (keyed in)",
        ("TaxInvoiceBuyerDialog", "세금계산서 요청"): "Tax invoice request",
        (
            "TaxInvoiceBuyerDialog",
            "세금계산서는 현금·계좌이체로 받은 판매에만 발급합니다. 카드 결제(카드 매출전표)나 "
            "현금영수증과 함께 발급할 수 없습니다 (부가가치세법 제33조 제2항).",
        ): (
            "A tax invoice is issued only for a sale paid in cash or by bank transfer, never "
            "beside a card slip or a cash receipt (VAT Act Article 33(2))."
        ),
        ("TaxInvoiceBuyerDialog", "영수증 {receipt}"): "Receipt {receipt}",
        ("TaxInvoiceBuyerDialog", "사업자등록번호"): "Business registration number",
        ("TaxInvoiceBuyerDialog", "상호"): "Company name",
        ("TaxInvoiceBuyerDialog", "대표자"): "Representative",
        ("TaxInvoiceBuyerDialog", "이메일"): "Email",
        ("TaxInvoiceBuyerDialog", "주소 (선택)"): "Address (optional)",
        ("TaxInvoiceBuyerDialog", "업태 (선택)"): "Business type (optional)",
        ("TaxInvoiceBuyerDialog", "종목 (선택)"): "Business item (optional)",
        ("TaxInvoiceBuyerDialog", "확인"): "OK",
        ("TaxInvoiceBuyerDialog", "취소"): "Cancel",
    }
)


# --- exchanges (Shift+F8), whose texts lupdate did not see before
EN.update(
    {
        ("CheckoutWindow", "교환 반품 · 원거래 {receipt}"): "Exchange return · original {receipt}",
        ("CheckoutWindow", "반품"): "Return",
        ("CheckoutWindow", "돌려줄 금액 {amount}"): "To give back {amount}",
        ("CheckoutWindow", "받을 금액 {amount}"): "To pay {amount}",
        ("CheckoutWindow", "교환 취소"): "Cancel exchange",
        (
            "CheckoutWindow",
            "진행 중인 교환을 취소할까요? (새 상품은 남습니다)",
        ): "Cancel the exchange in progress? (The new items stay on the ticket.)",
        ("CheckoutWindow", "교환을 취소했습니다."): "Exchange cancelled.",
        ("CheckoutWindow", "교환: 관리자 승인"): "Exchange: manager approval",
        (
            "CheckoutWindow",
            "교환: 반품 {amount} · 새 상품을 스캔하고 결제(F12)하세요",
        ): "Exchange: {amount} returned · scan the new items and pay (F12)",
        (
            "CheckoutWindow",
            "교환은 결제 중에 세금계산서를 요청하지 않습니다. 영수증 찾기에서 요청하세요.",
        ): (
            "An exchange does not take a tax invoice request while paying. "
            "Request it from the receipt finder."
        ),
        (
            "CheckoutWindow",
            "새 상품 {new}, 반품 {returned}: {amount}을 돌려드립니다. 진행할까요?",
        ): "New items {new}, returned {returned}: {amount} goes back to the customer. Go ahead?",
        ("CheckoutWindow", "교환 정산"): "Settle exchange",
        (
            "CheckoutWindow",
            "카드 취소를 하지 못해 교환하지 않았습니다.",
        ): "The card could not be cancelled, so the exchange was not made.",
        (
            "CheckoutWindow",
            "교환을 기록하지 못해 승인을 되돌렸습니다 ({error}): {cancelled}",
        ): (
            "The exchange could not be recorded, so the approvals were reversed "
            "({error}): {cancelled}"
        ),
        (
            "CheckoutWindow",
            "교환 {receipt} 완료 · 돌려준 금액 {amount}",
        ): "Exchange {receipt} done · given back {amount}",
        (
            "CheckoutWindow",
            "교환 {receipt} 완료 · 거스름돈 {change}",
        ): "Exchange {receipt} done · change {change}",
        ("CheckoutWindow", "교환 {receipt} 완료"): "Exchange {receipt} done",
    }
)


# --- returns without a receipt, bookings' tax invoices, the backup group
EN.update(
    {
        ("BuyerFields", "사업자등록번호"): "Business registration number",
        ("BuyerFields", "상호"): "Company name",
        ("BuyerFields", "대표자"): "Representative",
        ("BuyerFields", "이메일"): "Email",
        ("BuyerFields", "주소 (선택)"): "Address (optional)",
        ("BuyerFields", "업태 (선택)"): "Business type (optional)",
        ("BuyerFields", "종목 (선택)"): "Business item (optional)",
        ("CheckoutWindow", "무영수증 반품 (Ctrl+F8)"): "Return without receipt (Ctrl+F8)",
        ("CheckoutWindow", "영수증 없는 반품"): "Return without a receipt",
        (
            "CheckoutWindow",
            "반품 사유를 고르세요 · 현금 {amount} 지급",
        ): "Choose the reason for the return · {amount} paid back in cash",
        ("ClassesWindow", "세금계산서 발급 대기"): "Tax invoice to issue",
        ("ClassesWindow", "세금계산서 발급 완료"): "Tax invoice issued",
        ("ClassesWindow", "세금계산서 (Shift+F12)"): "Tax invoice (Shift+F12)",
        (
            "ClassesWindow",
            "계좌이체 등 계산대 밖에서 받는 예약, 현금으로 받은 예약의 세금계산서",
        ): "Tax invoice for a booking paid outside the till (bank transfer) or paid in cash",
        ("ClassesWindow", "계좌이체"): "Bank transfer",
        (
            "ClassesWindow",
            "예약 {ref} · 계산대에서 받은 {amount}원",
        ): "Booking {ref} · {amount} won taken at the till",
        (
            "ClassesWindow",
            "예약 {ref} · {name} · {amount}원 (과세) — 계산대 결제 없이 계좌이체로 받습니다",
        ): "Booking {ref} · {name} · {amount} won (taxable) — paid by transfer, not at the till",
        (
            "ClassesWindow",
            "{ref}: 세금계산서 요청을 기록했습니다 (발급 대기) · {name}",
        ): "{ref}: tax invoice request recorded (to issue) · {name}",
        (
            "ClassesWindow",
            "세금계산서 요청도 취소했습니다",
        ): "The tax invoice request was cancelled too",
        ("SettingsDialog", "백업"): "Backup",
        ("SettingsDialog", "백업 폴더"): "Backup folder",
        ("SettingsDialog", "읽는 중…"): "Reading…",
        ("SettingsDialog", "마지막 백업"): "Last backup",
        (
            "SettingsDialog",
            "{when} · 계산대 {register} · {size}",
        ): "{when} · till {register} · {size}",
        ("SettingsDialog", "아직 없습니다"): "None yet",
        (
            "SettingsDialog",
            "이 계산대는 정기 백업을 하지 않습니다 (백오피스 계산대가 합니다)",
        ): "This till makes no scheduled backups (the back-office till does)",
        (
            "SettingsDialog",
            "{when} 실패 · 계산대 {register}: {why}",
        ): "{when} failed · till {register}: {why}",
        ("TaxInvoiceTab", "공급일"): "Supply date",
        ("VoidReasonDialog", "사유를 고르세요."): "Choose a reason.",
    }
)


EN.update(
    {
        ("CheckoutWindow", "영수증 없는 반품: 관리자 승인"): (
            "Return without a receipt: manager approval"
        ),
        ("CheckoutWindow", "영수증 없는 반품 {receipt} · 현금 {amount} 지급"): (
            "Return without a receipt {receipt} · {amount} paid back in cash"
        ),
    }
)


EN.update(
    {
        (
            "CheckoutWindow",
            "계산대 시계가 늦습니다: 지금 {now}, 마지막 기록 {latest}. 시계를 맞춰 주세요 — "
            "판매는 계속되고 영수증 번호는 순서대로 이어집니다.",
        ): (
            "The till's clock is behind: now {now}, last record {latest}. Please set the "
            "clock — selling goes on and receipt numbers continue in order."
        ),
    }
)


# --- the inventory window's 진열기한·반품 tab (posapp/ui/inventory_shelf_tab.py)
EN.update(
    {
        ("InventoryWindow", "진열기한·반품"): "Shelf windows & returns",
        ("ShelfTab", "분류"): "Category",
        ("ShelfTab", "진열기한"): "Days on shelf",
        ("ShelfTab", "없음"): "None",
        ("ShelfTab", "일"): " d",
        ("ShelfTab", "기한 저장 (Alt+D)"): "Save days (Alt+D)",
        ("ShelfTab", "상품명"): "Product",
        ("ShelfTab", "생산자·공급자"): "Producer / supplier",
        ("ShelfTab", "로트"): "Lot",
        ("ShelfTab", "입고일"): "Received",
        ("ShelfTab", "진열 일수/기한"): "Days / window",
        ("ShelfTab", "수량"): "Quantity",
        ("ShelfTab", "새로 고침 (Alt+L)"): "Refresh (Alt+L)",
        ("ShelfTab", "공급자 반품 (Alt+R)"): "Return to supplier (Alt+R)",
        ("ShelfTab", "반품 전표 저장 (Alt+P)"): "Save return slip (Alt+P)",
        ("ShelfTab", "{name} (기한 없음)"): "{name} (no window)",
        ("ShelfTab", "{name} ({n}일)"): "{name} ({n} d)",
        ("ShelfTab", "{d}일 / {w}일"): "{d} d / {w} d",
        (
            "ShelfTab",
            "오늘 뺄 로트 {n}개 (진열기한이 지난 매장 진열분)",
        ): "{n} lot(s) to pull today (on the floor past their window)",
        ("ShelfTab", "진열기한이 지난 로트가 없습니다."): "No lot is past its shelf window.",
        ("ShelfTab", "분류를 고르세요."): "Choose a category.",
        ("ShelfTab", "진열기한을 저장했습니다: {what}"): "Days on shelf saved: {what}",
        ("ShelfTab", "반품할 줄을 고르세요."): "Choose the lines to return.",
        ("ShelfTab", "관리자 승인"): "Manager approval",
        ("ShelfTab", "공급자 반품: 관리자 승인"): "Return to supplier: manager approval",
        (
            "ShelfTab",
            "반품했습니다: {n}개 로트. 반품 전표를 저장하세요.",
        ): "Returned: {n} lot(s). Save the return slip.",
        ("ShelfTab", "저장할 반품 전표가 없습니다."): "No return slip to save.",
        ("ShelfTab", "반품 전표 저장"): "Save return slip",
        ("ShelfTab", "반품 전표를 저장할 폴더"): "Folder for the return slips",
        ("ShelfTab", "찾는 위치:"): "Look in:",
        ("ShelfTab", "파일 이름:"): "File name:",
        ("ShelfTab", "파일 형식:"): "Files of type:",
        ("ShelfTab", "저장"): "Save",
        ("ShelfTab", "취소"): "Cancel",
        ("ShelfTab", "PDF 파일 (*.pdf)"): "PDF files (*.pdf)",
        ("ShelfTab", "반품 전표를 저장했습니다: {path}"): "Return slip saved: {path}",
        ("ShelfTab", "없는 바코드: {c}"): "Unknown barcode: {c}",
        (
            "ShelfTab",
            "뺄 로트가 없는 상품입니다: {name}",
        ): "Nothing to pull for this product: {name}",
        ("ShelfTab", "골랐습니다: {name} {n}줄"): "Chosen: {name}, {n} line(s)",
        ("ReturnDialog", "진열기한 경과 (신선도 저하)"): "Past its shelf window (no longer fresh)",
        ("ReturnDialog", "품질 불량"): "Poor quality",
        ("ReturnDialog", "파손·포장 불량"): "Damaged or bad packaging",
        ("ReturnDialog", "오배송"): "Wrong delivery",
        ("ReturnDialog", "공급자 반품"): "Return to supplier",
        ("ReturnDialog", " 외 {n}개"): " and {n} more",
        (
            "ReturnDialog",
            "{n}개 로트의 남은 수량을 모두 공급자에게 반품합니다: {names}",
        ): "All that is left of {n} lot(s) goes back to the supplier: {names}",
        ("ReturnDialog", "반품 사유"): "Reason",
    }
)


EN[("TicketModel", "[마감] {name}")] = "[Markdown] {name}"


# --- the touch-sized dialogs' buttons with their keys
EN.update(
    {
        (ctx, text): en
        for ctx in ("ManualCardDialog", "TaxInvoiceBuyerDialog", "VoidReasonDialog")
        for text, en in (("확인 (Enter)", "OK (Enter)"), ("취소 (Esc)", "Cancel (Esc)"))
    }
)


# --- session 7: the quick-key editor, the touch-sized buttons, the same-disk warning
_S7 = {
    "퀵키 편집 (Ctrl+Shift+K)": "Edit quick keys (Ctrl+Shift+K)",
    "확인 (Enter)": "OK (Enter)",
    "취소 (Esc)": "Cancel (Esc)",
    "닫기 (Esc)": "Close (Esc)",
    "기본": "Default",
    "빨강": "Red",
    "주황": "Orange",
    "노랑": "Yellow",
    "초록": "Green",
    "연두": "Lime",
    "파랑": "Blue",
    "하늘": "Sky",
    "보라": "Purple",
    "분홍": "Pink",
    "갈색": "Brown",
    "회색": "Grey",
    "퀵키 편집": "Edit quick keys",
    "페이지": "Pages",
    "페이지 이름": "Page name",
    "페이지 추가 (Ctrl+N)": "Add page (Ctrl+N)",
    "▲ 위로": "▲ Up",
    "▼ 아래로": "▼ Down",
    "페이지 삭제": "Remove page",
    "키 (계산대에 이 순서로, 한 줄에 3개)": "Keys (in this order at the till, 3 a row)",
    "◀ 앞으로": "◀ Earlier",
    "뒤로 ▶": "Later ▶",
    "키 삭제": "Remove key",
    "Ctrl+↑/↓ 또는 끌어서 옮기기 · Delete 삭제": "Ctrl+↑/↓ or drag to move · Delete removes",
    "상품 찾아 키 추가": "Find a product to add a key",
    "이름·초성(ㅅㄱ)·바코드": "Name, initials (ㅅㄱ) or barcode",
    "키 추가 (Enter)": "Add key (Enter)",
    "키 이름 (비우면 상품명)": "Key label (empty: the product's name)",
    "상품명": "Product name",
    "색": "Colour",
    "계산대에서 보이는 모양": "As the till shows it",
    "저장 (Ctrl+S)": "Save (Ctrl+S)",
    "계산대의 퀵키를 편집합니다. 저장하면 열린 계산대에 바로 나타납니다.": "Edit the till's quick keys. Saved, they show at once on the open tills.",  # noqa: E501
    "지금은 지역별 자동 배치입니다. 고쳐서 저장하면 이 배치가 쓰입니다 (페이지를 모두 지우고 저장하면 자동 배치로 돌아갑니다).": (  # noqa: E501
        "Now laid out by region automatically. Change and save to use this layout (remove every"
        " page and save to go back to the automatic layout)."
    ),
    "{name} ({count}개)": "{name} ({count})",
    "새 페이지 {n}": "New page {n}",
    "[판매 중지: 계산대에 안 보임]": "[withdrawn: not shown at the till]",
    "색을 바꿀 키를 먼저 고르세요.": "Choose the key to colour first.",
    "추가할 상품을 먼저 찾으세요 (이름·초성·바코드).": "Find the product to add first (name, initials or barcode).",  # noqa: E501
    "추가했습니다: {name}": "Added: {name}",
    "저장했습니다. 계산대에 새 퀵키가 나타납니다.": "Saved. The tills show the new quick keys.",
    "저장했습니다. 계산대는 지역별 자동 배치로 돌아갑니다.": "Saved. The tills go back to the layout by region.",  # noqa: E501
    "저장하지 않은 변경이 있습니다. 저장하려면 Ctrl+S, 버리고 닫으려면 Esc를 한 번 더 누르세요.": "There are unsaved changes. Ctrl+S saves them; Esc again discards them and closes.",  # noqa: E501
    "교환 · {receipt}": "Exchange · {receipt}",
    "교환: 돌려받을 상품을 고르세요. 새 상품은 다음에 스캔합니다.": "Exchange: choose the goods coming back. The new goods are scanned next.",  # noqa: E501
    "반품 금액 {total}": "Returned {total}",
    "데이터베이스와 같은 디스크입니다: USB 드라이브나 네트워크 공유를 쓰세요": "On the database's own disk: use a USB drive or a network share",  # noqa: E501
}
_ELSEWHERE = {
    "교환 · {receipt}",
    "교환: 돌려받을 상품을 고르세요. 새 상품은 다음에 스캔합니다.",
    "데이터베이스와 같은 디스크입니다: USB 드라이브나 네트워크 공유를 쓰세요",
    "반품 금액 {total}",
    "취소 (Esc)",
    "퀵키 편집 (Ctrl+Shift+K)",
    "확인 (Enter)",
}
EN.update({("QuickKeysEditor", k): v for k, v in _S7.items() if k not in _ELSEWHERE})
EN.update(
    {
        ("CheckoutWindow", "퀵키 편집 (Ctrl+Shift+K)"): _S7["퀵키 편집 (Ctrl+Shift+K)"],
        ("CountDialog", "확인 (Enter)"): _S7["확인 (Enter)"],
        ("CountDialog", "취소 (Esc)"): _S7["취소 (Esc)"],
        ("PriceCheckDialog", "닫기 (Esc)"): _S7["닫기 (Esc)"],
        ("ReceiptNumberDialog", "확인 (Enter)"): _S7["확인 (Enter)"],
        ("ReceiptNumberDialog", "취소 (Esc)"): _S7["취소 (Esc)"],
        ("RefundDialog", "교환 · {receipt}"): _S7["교환 · {receipt}"],
        ("RefundDialog", "교환: 돌려받을 상품을 고르세요. 새 상품은 다음에 스캔합니다."): _S7[
            "교환: 돌려받을 상품을 고르세요. 새 상품은 다음에 스캔합니다."
        ],
        ("RefundDialog", "확인 (Enter)"): _S7["확인 (Enter)"],
        ("RefundDialog", "취소 (Esc)"): _S7["취소 (Esc)"],
        ("RefundDialog", "반품 금액 {total}"): _S7["반품 금액 {total}"],
        ("SettingsDialog", "닫기 (Esc)"): _S7["닫기 (Esc)"],
        (
            "SettingsDialog",
            "데이터베이스와 같은 디스크입니다: USB 드라이브나 네트워크 공유를 쓰세요",
        ): _S7["데이터베이스와 같은 디스크입니다: USB 드라이브나 네트워크 공유를 쓰세요"],
        ("StaffDialog", "퀵키 편집"): _S7["퀵키 편집"],
    }
)


def main() -> None:
    tree = ET.parse(TS)
    root = tree.getroot()
    used: set[tuple[str, str]] = set()
    missing: list[tuple[str, str]] = []
    total = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            total += 1
            source = message.findtext("source")
            key = (name, source)
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            english = english_for(name, source)
            if english is None and translation.get("type") != "unfinished":
                continue  # translated in the .ts already (by hand or in Linguist): kept
            if english is None:
                # translated in the .ts itself (Qt Linguist, or by hand): keep it
                done = translation.get("type") is None and (
                    (translation.text or "").strip()
                    or any((f.text or "").strip() for f in translation.findall("numerusform"))
                )
                if not done:
                    missing.append(key)
                continue
            used.add(key)
            if message.get("numerus") == "yes":
                assert isinstance(english, tuple), key
                forms = translation.findall("numerusform")
                assert len(forms) == len(english), (key, len(forms))
                for form, text in zip(forms, english, strict=True):
                    form.text = text
            else:
                assert isinstance(english, str), key
                translation.text = english
            translation.attrib.pop("type", None)
    if missing:
        sys.exit(f"no English for: {missing}")
    unused = set(EN) - used
    if unused:
        print(f"warning: translations not in the .ts (stale?): {sorted(unused)}")
    # keep lupdate's DOCTYPE and layout: write back, then restore the header
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    with open(TS, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(body)
        f.write("\n")
    print(f"{total} messages, {len(used)} translated")


if __name__ == "__main__":
    main()
