<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ko_KR">
    <context>
        <name>AuditBrowser</name>
        <message>
            <location filename="../../ui/audit.py" line="+118" />
            <source>감사 기록</source>
            <translation>Audit log</translation>
        </message>
        <message>
            <location line="+12" />
            <source>사용자 이름</source>
            <translation>User name</translation>
        </message>
        <message>
            <location line="+2" />
            <source>모든 동작</source>
            <translation>All actions</translation>
        </message>
        <message>
            <location line="+3" />
            <source>조회</source>
            <translation>Search</translation>
        </message>
        <message>
            <location line="+3" />
            <source>시작</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="+1" />
            <source>끝</source>
            <translation>To</translation>
        </message>
        <message>
            <location line="+1" />
            <source>사용자</source>
            <translation>User</translation>
        </message>
        <message>
            <location line="+1" />
            <source>동작</source>
            <translation>Action</translation>
        </message>
        <message>
            <location line="+29" />
            <source>조회 중…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{n}건</source>
            <translation>{n} events</translation>
        </message>
    </context>
    <context>
        <name>AuditModel</name>
        <message>
            <location line="-115" />
            <source>시각</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>계산대</source>
            <translation>Register</translation>
        </message>
        <message>
            <location line="+1" />
            <source>사용자</source>
            <translation>User</translation>
        </message>
        <message>
            <location line="+1" />
            <source>동작</source>
            <translation>Action</translation>
        </message>
        <message>
            <location line="+1" />
            <source>대상</source>
            <translation>Target</translation>
        </message>
        <message>
            <location line="+1" />
            <source>변경 전</source>
            <translation>Before</translation>
        </message>
        <message>
            <location line="+1" />
            <source>변경 후</source>
            <translation>After</translation>
        </message>
    </context>
    <context>
        <name>CheckoutWindow</name>
        <message>
            <location filename="../../ui/checkout.py" line="+296" />
            <location line="+130" />
            <source>로그인 (F1)</source>
            <translation>Sign in (F1)</translation>
        </message>
        <message>
            <location line="-121" />
            <source>다시 인쇄</source>
            <translation>Print again</translation>
        </message>
        <message>
            <location line="+10" />
            <source>스캔 또는 검색: 이름, 초성(ㅅㄱ), 영문, 바코드 — Enter로 추가</source>
            <translation>Scan or search: name, Korean initials (ㅅㄱ), English name, barcode — Enter to add</translation>
        </message>
        <message>
            <location line="+61" />
            <source>수량 (F2)</source>
            <translation>Quantity (F2)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>삭제 (F3)</source>
            <translation>Delete (F3)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>품목할인 (F4)</source>
            <translation>Item discount (F4)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>전체할인 (F5)</source>
            <translation>Ticket discount (F5)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>보류 (F6)</source>
            <translation>Hold (F6)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>보류목록 (F7)</source>
            <translation>Held tickets (F7)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>환불 (F8)</source>
            <translation>Refund (F8)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>거래취소 (F9)</source>
            <translation>Void sale (F9)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>결제 (F12)</source>
            <translation>Pay (F12)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>재발행 (Ctrl+P)</source>
            <translation>Reprint (Ctrl+P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>X 리포트 (Ctrl+X)</source>
            <translation>X report (Ctrl+X)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>근무 마감 (Ctrl+E)</source>
            <translation>Close shift (Ctrl+E)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>돈통 열기 (Ctrl+D)</source>
            <translation>Open drawer (Ctrl+D)</translation>
        </message>
        <message>
            <location line="+27" />
            <source>로그인 필요</source>
            <translation>Not signed in</translation>
        </message>
        <message>
            <location line="+2" />
            <source>근무 #{shift}</source>
            <translation>Shift #{shift}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>근무 시작 전</source>
            <translation>No shift open</translation>
        </message>
        <message>
            <location line="+3" />
            <source>계산대 {register} · {user} · {shift}</source>
            <translation>Register {register} · {user} · {shift}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>로그아웃 (F1)</source>
            <translation>Sign out (F1)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>품목 {items}  수량 {pieces}</source>
            <translation>Items {items}  Pieces {pieces}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>할인 {discount}</source>
            <translation>Discount {discount}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>과세 물품가액 {supply}   부가세 {vat}</source>
            <translation>Taxable supply value {supply}   VAT {vat}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>면세 물품가액 {exempt}</source>
            <translation>Tax-exempt value {exempt}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>받을 금액 {total}</source>
            <translation>Amount due {total}</translation>
        </message>
        <message>
            <location line="+18" />
            <source>인쇄 실패: {error} — 거래는 저장되었습니다.</source>
            <translation>Printing failed: {error} — the sale has been saved.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>먼저 로그인하세요 (F1).</source>
            <translation>Please sign in first (F1).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>근무를 시작하세요: 시재금을 세어 입력합니다.</source>
            <translation>Open a shift: count the opening float and enter it.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>로그인</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location line="+0" />
            <source>PIN을 입력하세요</source>
            <translation>Enter your PIN</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{name}님 환영합니다.</source>
            <translation>Welcome, {name}.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>자리를 비워 로그아웃했습니다 (F1: 로그인).</source>
            <translation>Signed out after a while without activity (F1: sign in).</translation>
        </message>
        <message>
            <location line="+3" />
            <source>근무 시작: 시재금 세기</source>
            <translation>Open shift: count the opening float</translation>
        </message>
        <message>
            <location line="+6" />
            <source>근무 #{shift} 시작 · 시재금 {amount}</source>
            <translation>Shift #{shift} opened · opening float {amount}</translation>
        </message>
        <message>
            <location line="+77" />
            <location line="+11" />
            <source>무게 (g)</source>
            <translation>Weight (g)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>수량</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수량 변경</source>
            <translation>Change quantity</translation>
        </message>
        <message>
            <location line="+13" />
            <source>품목 할인</source>
            <translation>Item discount</translation>
        </message>
        <message>
            <location line="+5" />
            <source>전체 할인</source>
            <translation>Ticket discount</translation>
        </message>
        <message>
            <location line="+6" />
            <source>할인 한도를 넘었습니다: 관리자 승인</source>
            <translation>Discount limit exceeded: manager approval</translation>
        </message>
        <message>
            <location line="+4" />
            <source>관리자 승인</source>
            <translation>Manager approval</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{name} 관리자 승인</source>
            <translation>Approved by manager {name}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>할인 승인이 필요합니다</source>
            <translation>The discount needs approval</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{receipt} 완료 · 거스름돈 {change}</source>
            <translation>{receipt} completed · change {change}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{receipt} 완료</source>
            <translation>{receipt} completed</translation>
        </message>
        <message>
            <location line="+16" />
            <source>보류했습니다 ({total})</source>
            <translation>Ticket held ({total})</translation>
        </message>
        <message>
            <location line="+7" />
            <source>보류된 거래가 없습니다.</source>
            <translation>There are no held tickets.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>거래 취소: 관리자 승인</source>
            <translation>Void sale: manager approval</translation>
        </message>
        <message>
            <location line="+4" />
            <source>거래를 취소했습니다.</source>
            <translation>The sale was voided.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>영수증 바코드를 스캔하거나 번호를 입력한 뒤 F8을 누르세요.</source>
            <translation>Scan the receipt barcode or type its number, then press F8.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>환불: 관리자 승인</source>
            <translation>Refund: manager approval</translation>
        </message>
        <message>
            <location line="+6" />
            <source>환불 {receipt} · {amount}</source>
            <translation>Refund {receipt} · {amount}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>X 리포트</source>
            <translation>X report</translation>
        </message>
        <message>
            <location line="+12" />
            <source>근무 마감: 현금 세기</source>
            <translation>Close shift: count the cash</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Z 정산 리포트</source>
            <translation>Z settlement report</translation>
        </message>
        <message>
            <location line="+8" />
            <source>돈통 열기: 관리자 승인</source>
            <translation>Open drawer: manager approval</translation>
        </message>
    </context>
    <context>
        <name>CountDialog</name>
        <message>
            <location filename="../../ui/dialogs.py" line="+111" />
            <source>{amount}원 지폐</source>
            <translation>₩{amount} note</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{amount}원 동전</source>
            <translation>₩{amount} coin</translation>
        </message>
        <message>
            <location line="+30" />
            <source>합계 {total}</source>
            <translation>Total {total}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>예상 {expected} · 과잉 {difference}</source>
            <translation>Expected {expected} · over {difference}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>예상 {expected} · 부족 {difference}</source>
            <translation>Expected {expected} · short {difference}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>예상 {expected} · 일치 {difference}</source>
            <translation>Expected {expected} · balanced {difference}</translation>
        </message>
    </context>
    <context>
        <name>CustomerDisplay</name>
        <message>
            <location filename="../../ui/customer_display.py" line="+27" />
            <source>I·Market·U — 고객 화면</source>
            <translation>I·Market·U — Customer display</translation>
        </message>
        <message>
            <location line="+1" />
            <source>어서 오세요</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <location line="+63" />
            <location line="+4" />
            <source>합계 {total}</source>
            <translation>Total {total}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>거스름돈 {change}</source>
            <translation>Change {change}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>감사합니다</source>
            <translation>Thank you</translation>
        </message>
    </context>
    <context>
        <name>DiscountDialog</name>
        <message>
            <location filename="../../ui/dialogs.py" line="+259" />
            <source>원</source>
            <translation>₩</translation>
        </message>
        <message>
            <location line="+10" />
            <source>할인 (0 = 할인 취소)</source>
            <translation>Discount (0 = remove the discount)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>할인은 숫자로: {text}</source>
            <translation>Enter the discount as a number: {text}</translation>
        </message>
    </context>
    <context>
        <name>HeldDialog</name>
        <message>
            <location line="+11" />
            <source>보류 목록</source>
            <translation>Held tickets</translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>{time}  {label}  %n건  {total}</source>
            <translation>
                <numerusform>{time}  {label}  %n line  {total}</numerusform>
                <numerusform>{time}  {label}  %n lines  {total}</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>보류</source>
            <translation>Held</translation>
        </message>
    </context>
    <context>
        <name>ManualCardDialog</name>
        <message>
            <location line="-73" />
            <source>카드 수기 입력</source>
            <translation>Manual card entry</translation>
        </message>
        <message>
            <location line="+3" />
            <source>승인번호</source>
            <translation>Approval number</translation>
        </message>
        <message>
            <location line="+3" />
            <source>카드번호 (앞 6자리·뒤 4자리만, 예: 9410-12**-****-5678)</source>
            <translation>Card number (first 6 and last 4 digits only, e.g. 9410-12**-****-5678)</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <location line="-312" />
            <source>지움</source>
            <translation>Clear</translation>
        </message>
        <message>
            <location line="+0" />
            <source>확인</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>RefundDialog</name>
        <message>
            <location line="+405" />
            <source>환불 · {receipt}</source>
            <translation>Refund · {receipt}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>원거래 {receipt} · {total}</source>
            <translation>Original sale {receipt} · {total}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>상품</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+0" />
            <source>판매</source>
            <translation>Sold</translation>
        </message>
        <message>
            <location line="+0" />
            <source>환불 가능</source>
            <translation>Refundable</translation>
        </message>
        <message>
            <location line="+0" />
            <source>환불 수량</source>
            <translation>Refund qty</translation>
        </message>
        <message>
            <location line="+15" />
            <source>환불 사유</source>
            <translation>Reason for the refund</translation>
        </message>
    </context>
    <context>
        <name>TenderDialog</name>
        <message>
            <location line="-340" />
            <source>결제</source>
            <translation>Payment</translation>
        </message>
        <message>
            <location line="+12" />
            <source>금액</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+3" />
            <source>받은 금액 (비우면 남은 금액)</source>
            <translation>Amount received (empty = the remaining amount)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>딱 맞게</source>
            <translation>Exact</translation>
        </message>
        <message>
            <location line="+5" />
            <source>현금 (F10)</source>
            <translation>Cash (F10)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>카드 (F11)</source>
            <translation>Card (F11)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>카드 수기</source>
            <translation>Manual card</translation>
        </message>
        <message>
            <location line="+2" />
            <source>온누리</source>
            <translation>Onnuri</translation>
        </message>
        <message>
            <location line="+2" />
            <source>지역사랑</source>
            <translation>Local voucher</translation>
        </message>
        <message>
            <location line="+8" />
            <source>현금영수증: 휴대폰 / 사업자번호 (비우면 자진발급)</source>
            <translation>Cash receipt: mobile / business number (empty = self-issued)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>현금영수증</source>
            <translation>Cash receipt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>지출증빙</source>
            <translation>Expense proof</translation>
        </message>
        <message>
            <location line="+16" />
            <source>{amount} 이상 결제: 현금으로 받으면 현금영수증을 안내하세요.</source>
            <translation>{amount} or more: if paid in cash, offer a cash receipt.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>금액을 숫자로 입력하세요: {text}</source>
            <translation>Enter the amount as a number: {text}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>현금</source>
            <translation>Cash</translation>
        </message>
        <message>
            <location line="+1" />
            <source>카드</source>
            <translation>Card</translation>
        </message>
        <message>
            <location line="+1" />
            <source>카드(수기)</source>
            <translation>Card (manual)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>상품권</source>
            <translation>Voucher</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{method} {amount} {card} 승인 {approval}</source>
            <translation>{method} {amount} {card} approval {approval}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>받을 금액 {total} · 남은 금액 {remaining}</source>
            <translation>Amount due {total} · remaining {remaining}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>거스름돈 {change}</source>
            <translation>Change {change}</translation>
        </message>
        <message>
            <location line="+30" />
            <source>카드는 남은 금액까지만 결제할 수 있습니다.</source>
            <translation>A card can pay at most the remaining amount.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>카드 단말기가 설정되지 않았습니다: '카드 수기'를 쓰세요.</source>
            <translation>No card terminal is set up: use 'Manual card'.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>카드 단말기에서 {amount} 결제 중… 카드를 넣어 주세요.</source>
            <translation>Charging {amount} on the card terminal… please insert the card.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>카드 승인 실패: {error}</source>
            <translation>Card declined: {error}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>상품권은 남은 금액까지만 받을 수 있습니다 (거스름돈은 현금).</source>
            <translation>Vouchers are accepted up to the remaining amount only (change is given in cash).</translation>
        </message>
    </context>
    <context>
        <name>TextDialog</name>
        <message>
            <location line="+166" />
            <source>인쇄</source>
            <translation>Print</translation>
        </message>
    </context>
    <context>
        <name>TicketModel</name>
        <message>
            <location filename="../../ui/checkout.py" line="-672" />
            <source>상품명</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수량</source>
            <translation>Qty</translation>
        </message>
        <message>
            <location line="+1" />
            <source>단가</source>
            <translation>Unit price</translation>
        </message>
        <message>
            <location line="+1" />
            <source>할인</source>
            <translation>Discount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>금액</source>
            <translation>Amount</translation>
        </message>
    </context>
    <context>
        <name>checkout</name>
        <message>
            <location line="-57" />
            <source>오류: {kind}: {error}</source>
            <translation>Error: {kind}: {error}</translation>
        </message>
        <message>
            <location line="+732" />
            <source>개</source>
            <translation>ea</translation>
        </message>
    </context>
</TS>
