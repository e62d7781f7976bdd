"""Fill posapp_en.ts with the English translations (keyed by context and Korean source)."""

import sys
import xml.etree.ElementTree as ET

TS = sys.argv[1] if len(sys.argv) > 1 else "/work/main/posapp/resources/i18n/posapp_en.ts"

EN: dict[tuple[str, str], str | tuple[str, ...]] = {
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
            if key not in EN:
                missing.append(key)
                continue
            used.add(key)
            english = EN[key]
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
