<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ko_KR">
    <context>
        <name>AuditBrowser</name>
        <message>
            <location filename="../../posapp/ui/audit.py" line="+122" />
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
            <location line="+30" />
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
            <location line="-118" />
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
        <name>BookingDialog</name>
        <message>
            <location filename="../../posapp/ui/class_dialogs.py" line="+195" />
            <source>예약</source>
            <translation>Booking</translation>
        </message>
        <message>
            <location line="+5" />
            <source>현장 결제</source>
            <translation>Pay on arrival</translation>
        </message>
        <message>
            <location line="+6" />
            <source>이름</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>휴대전화</source>
            <translation>Mobile</translation>
        </message>
        <message>
            <location line="+2" />
            <source>좌석</source>
            <translation>Seats</translation>
        </message>
        <message>
            <location line="+2" />
            <source>알레르기</source>
            <translation>Allergies</translation>
        </message>
        <message>
            <location line="+1" />
            <source>메모</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location line="+17" />
            <source>010-XXXX-XXXX 형식으로 입력하세요</source>
            <translation>Type a mobile number as 010-XXXX-XXXX</translation>
        </message>
        <message>
            <location line="+10" />
            <source>남은 좌석 {left} · 금액 {fee}원</source>
            <translation>{left} seats left · ₩{fee}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>남은 좌석 {left}석 — 대기자로 등록됩니다</source>
            <translation>Only {left} seats left — this goes on the waitlist</translation>
        </message>
        <message>
            <location line="+8" />
            <source>이름을 입력하세요</source>
            <translation>Type the name</translation>
        </message>
    </context>
    <context>
        <name>BuyerFields</name>
        <message>
            <location filename="../../posapp/ui/tax_invoice_dialog.py" line="+181" />
            <source>사업자등록번호</source>
            <translation>Business registration number</translation>
        </message>
        <message>
            <location line="+1" />
            <source>상호</source>
            <translation>Company name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>대표자</source>
            <translation>Representative</translation>
        </message>
        <message>
            <location line="+1" />
            <source>이메일</source>
            <translation>Email</translation>
        </message>
        <message>
            <location line="+1" />
            <source>주소 (선택)</source>
            <translation>Address (optional)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>업태 (선택)</source>
            <translation>Business type (optional)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>종목 (선택)</source>
            <translation>Business item (optional)</translation>
        </message>
    </context>
    <context>
        <name>CardRefundFailedDialog</name>
        <message>
            <location filename="../../posapp/ui/dialogs.py" line="+591" />
            <source>카드 취소 실패</source>
            <translation>Card cancel failed</translation>
        </message>
        <message>
            <location line="+5" />
            <source>카드 취소를 단말기에서 하지 못해 환불을 기록하지 않았습니다: {why}</source>
            <translation>The terminal did not cancel the card, so the refund was not recorded: {why}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{card} {amount} (원승인 {approval})</source>
            <translation>{card} {amount} (original approval {approval})</translation>
        </message>
        <message>
            <location line="+8" />
            <source>별도 단말기 취소 승인번호</source>
            <translation>Standalone terminal's cancel approval no.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>다시 시도</source>
            <translation>Try again</translation>
        </message>
        <message>
            <location line="+1" />
            <source>취소 대기로 두기</source>
            <translation>Leave it waiting for the terminal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>입력한 승인번호로 기록</source>
            <translation>Record with the typed approval numbers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>닫기</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+15" />
            <source>각 카드의 별도 단말기 취소 승인번호를 입력하세요.</source>
            <translation>Type the standalone terminal's cancel approval number for each card.</translation>
        </message>
    </context>
    <context>
        <name>CashMoveDialog</name>
        <message>
            <location filename="../../posapp/ui/office_dialogs.py" line="+217" />
            <source>입금</source>
            <extracomment>the kinds in the order of the dialog's buttons, with their words</extracomment>
            <translation>Paid in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>출금</source>
            <translation>Paid out</translation>
        </message>
        <message>
            <location line="+1" />
            <source>중간 입금</source>
            <translation>Pickup to safe</translation>
        </message>
        <message>
            <location line="+5" />
            <source>거스름돈 보충</source>
            <extracomment>suggested reasons of each kind (the data keeps the Korean; another can be typed)</extracomment>
            <translation>Change float top-up</translation>
        </message>
        <message>
            <location line="+2" />
            <source>배달비 지급</source>
            <translation>Delivery paid</translation>
        </message>
        <message>
            <location line="+1" />
            <source>소모품 구입</source>
            <translation>Supplies bought</translation>
        </message>
        <message>
            <location line="+2" />
            <source>금고 입금</source>
            <translation>Cash to the safe</translation>
        </message>
        <message>
            <location line="+17" />
            <source>입금 · 출금</source>
            <translation>Cash in / out</translation>
        </message>
        <message>
            <location line="+13" />
            <source>금액 (원)</source>
            <translation>Amount (won)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>금액을 입력하세요</source>
            <translation>Type the amount</translation>
        </message>
        <message>
            <location line="+3" />
            <source>사유</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+11" />
            <source>확인</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+3" />
            <source>취소</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+26" />
            <source>금액은 1원 이상의 숫자로 입력하세요.</source>
            <translation>Type the amount as a number of 1 won or more.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>금액이 너무 큽니다: {amount}</source>
            <translation>The amount is too large: {amount}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>사유를 입력하세요.</source>
            <translation>Type the reason.</translation>
        </message>
    </context>
    <context>
        <name>CheckoutWindow</name>
        <message>
            <location filename="../../posapp/ui/checkout_view.py" line="+246" />
            <location line="+208" />
            <source>로그인 (F1)</source>
            <translation>Sign in (F1)</translation>
        </message>
        <message>
            <location line="-198" />
            <source>다시 인쇄</source>
            <translation>Print again</translation>
        </message>
        <message>
            <location line="+20" />
            <source>스캔 또는 검색: 이름, 초성(ㅅㄱ), 영문, 바코드 — Enter로 추가</source>
            <translation>Scan or search: name, Korean initials (ㅅㄱ), English name, barcode — Enter to add</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout.py" line="+123" />
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
            <source>가격 변경 (Shift+F2)</source>
            <translation>Change price (Shift+F2)</translation>
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
            <source>교환 (Shift+F8)</source>
            <translation>Exchange (Shift+F8)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>무영수증 반품 (Ctrl+F8)</source>
            <translation>Return without receipt (Ctrl+F8)</translation>
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
            <source>세금계산서 (Shift+F12)</source>
            <translation>Tax invoice (Shift+F12)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>가격 확인 (Ctrl+K)</source>
            <translation>Price check (Ctrl+K)</translation>
        </message>
        <message>
            <location line="+5" />
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
            <location line="+1" />
            <source>입금·출금 (Ctrl+M)</source>
            <translation>Cash in/out (Ctrl+M)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>온라인 주문 (Ctrl+O)</source>
            <translation>Online orders (Ctrl+O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>재고 관리 (F10)</source>
            <translation>Inventory (F10)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>쿠킹클래스 (F11)</source>
            <translation>Cooking classes (F11)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>보고서 (Ctrl+R)</source>
            <translation>Reports (Ctrl+R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>퀵키 편집 (Ctrl+Shift+K)</source>
            <translation>Edit quick keys (Ctrl+Shift+K)</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout_view.py" line="-64" />
            <source>연습 모드 — 실제 결제 아님</source>
            <translation>PRACTICE MODE — no real payments</translation>
        </message>
        <message>
            <location line="+135" />
            <source>판매</source>
            <translation>Sale</translation>
        </message>
        <message>
            <location line="+1" />
            <source>관리</source>
            <translation>Office</translation>
        </message>
        <message>
            <location line="+91" />
            <source>로그인 필요</source>
            <translation>Not signed in</translation>
        </message>
        <message>
            <location line="+3" />
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
            <location line="+5" />
            <source>로그아웃 (F1)</source>
            <translation>Sign out (F1)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>품목 {items}  수량 {pieces}</source>
            <translation>Items {items}  Pieces {pieces}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>할인 {discount}</source>
            <translation>Discount {discount}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>과세 물품가액 {supply}   부가세 {vat}</source>
            <translation>Taxable supply value {supply}   VAT {vat}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>면세 물품가액 {exempt}</source>
            <translation>Tax-exempt value {exempt}</translation>
        </message>
        <message>
            <location line="+17" />
            <source>받을 금액 {total}</source>
            <translation>Amount due {total}</translation>
        </message>
        <message>
            <location line="+22" />
            <source>계산대 시계가 늦습니다: 지금 {now}, 마지막 기록 {latest}. 시계를 맞춰 주세요 — 판매는 계속되고 영수증 번호는 순서대로 이어집니다.</source>
            <translation>The till's clock is behind: now {now}, last record {latest}. Please set the clock — selling goes on and receipt numbers continue in order.</translation>
        </message>
        <message>
            <location line="+58" />
            <location line="+7" />
            <source>거스름돈 {change}</source>
            <translation>Change {change}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>받은 현금 {tendered} · 합계 {total}</source>
            <translation>Cash received {tendered} · total {total}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>인쇄 실패: {error} — 거래는 저장되었습니다.</source>
            <translation>Printing failed: {error} — the sale has been saved.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>인쇄 실패 {n}건 — 거래는 저장되었습니다.</source>
            <translation>{n} receipts not printed — the sales have been saved.</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout.py" line="+15" />
            <location line="+207" />
            <location line="+220" />
            <location filename="../../posapp/ui/checkout_payment.py" line="+147" />
            <source>먼저 로그인하세요 (F1).</source>
            <translation>Please sign in first (F1).</translation>
        </message>
        <message>
            <location line="-424" />
            <source>근무를 시작하세요: 시재금을 세어 입력합니다.</source>
            <translation>Open a shift: count the opening float and enter it.</translation>
        </message>
        <message>
            <location line="+28" />
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
            <location filename="../../posapp/ui/checkout_shift.py" line="+36" />
            <source>근무 시작: 시재금 세기</source>
            <translation>Open shift: count the opening float</translation>
        </message>
        <message>
            <location line="+9" />
            <source>근무 #{shift} 시작 · 시재금 {amount}</source>
            <translation>Shift #{shift} opened · opening float {amount}</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout.py" line="+89" />
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
            <location line="+16" />
            <location filename="../../posapp/ui/ticket_approval.py" line="+59" />
            <source>품목 삭제에는 관리자 승인이 필요합니다: {name}</source>
            <translation>Taking a line off needs a manager's approval: {name}</translation>
        </message>
        <message>
            <location line="+18" />
            <source>품목 할인</source>
            <translation>Item discount</translation>
        </message>
        <message>
            <location line="+5" />
            <source>전체 할인</source>
            <translation>Ticket discount</translation>
        </message>
        <message>
            <location line="+21" />
            <source>가격 변경: {name} {old} → {new} ({who})</source>
            <translation>Price changed: {name} {old} → {new} ({who})</translation>
        </message>
        <message>
            <location line="+15" />
            <source>가격 변경: 관리자 승인</source>
            <translation>Price change: manager approval</translation>
        </message>
        <message>
            <location line="+18" />
            <source>할인 한도를 넘었습니다: 관리자 승인</source>
            <translation>Discount limit exceeded: manager approval</translation>
        </message>
        <message>
            <location line="-78" />
            <location line="+60" />
            <location line="+18" />
            <location line="+22" />
            <location line="+12" />
            <location line="+184" />
            <location filename="../../posapp/ui/checkout_payment.py" line="-46" />
            <location filename="../../posapp/ui/ticket_approval.py" line="-1" />
            <location line="+21" />
            <source>관리자 승인</source>
            <translation>Manager approval</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout_view.py" line="-381" />
            <source>설정 (Ctrl+Shift+S)</source>
            <translation>Settings (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>직원 (Ctrl+Shift+U)</source>
            <translation>Staff (Ctrl+Shift+U)</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout.py" line="-208" />
            <source>{name} 관리자 승인</source>
            <translation>Approved by manager {name}</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout_payment.py" line="+1" />
            <source>할인 승인이 필요합니다</source>
            <translation>The discount needs approval</translation>
        </message>
        <message>
            <location line="+85" />
            <source>현금영수증 발급 실패: {error} (영수증에 발급 대기로 표시)</source>
            <translation>Cash receipt not issued: {error} (the receipt marks it pending)</translation>
        </message>
        <message>
            <location line="-16" />
            <source>{receipt} 완료 · 거스름돈 {change}</source>
            <translation>{receipt} completed · change {change}</translation>
        </message>
        <message>
            <location line="-123" />
            <source>카드</source>
            <translation>Card</translation>
        </message>
        <message>
            <location line="+2" />
            <source>현금영수증</source>
            <translation>Cash receipt</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{what} {amount} 승인 {approval} 취소됨</source>
            <translation>{what} {amount} approval {approval} cancelled</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{what} {amount} 승인 {approval} 취소 실패: 단말기에서 직접 취소하세요</source>
            <translation>{what} {amount} approval {approval} NOT cancelled: cancel it on the terminal</translation>
        </message>
        <message>
            <location line="+10" />
            <source>세금계산서 요청 {name} ({number}) · 요청서 인쇄</source>
            <translation>Tax invoice requested {name} ({number}) · request slip printed</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{day} 판매: {deadline}까지 요청할 수 있습니다 (다음 달 10일).</source>
            <translation>Sale of {day}: can be requested until {deadline} (the 10th of the next month).</translation>
        </message>
        <message>
            <location line="+74" />
            <source>세금계산서를 요청할 판매가 없습니다: 영수증 찾기(Ctrl+Shift+P)에서 영수증을 고르세요.</source>
            <translation>No sale to request a tax invoice for: choose a receipt in Find receipt (Ctrl+Shift+P).</translation>
        </message>
        <message>
            <location line="+24" />
            <source>{receipt} 완료</source>
            <translation>{receipt} completed</translation>
        </message>
        <message>
            <location line="+23" />
            <source>결제를 완료하지 못해 승인을 취소했습니다 ({error}): {cancelled}</source>
            <translation>The payment could not be completed ({error}); approvals cancelled: {cancelled}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>결제를 취소해 승인을 취소했습니다: {cancelled}</source>
            <translation>Payment abandoned; approvals cancelled: {cancelled}</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout.py" line="+96" />
            <source>보류했습니다 ({total})</source>
            <translation>Ticket held ({total})</translation>
        </message>
        <message>
            <location line="+7" />
            <source>보류된 거래가 없습니다.</source>
            <translation>There are no held tickets.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>거래 취소: 관리자 승인</source>
            <translation>Void sale: manager approval</translation>
        </message>
        <message>
            <location line="-9" />
            <source>거래를 취소했습니다.</source>
            <translation>The sale was voided.</translation>
        </message>
        <message>
            <location line="-431" />
            <source>저장되지 않은 거래가 있습니다 ({count}건, {total}). 불러올까요?</source>
            <translation>There is an unsaved ticket ({count} line(s), {total}). Load it?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>이전 거래 복구</source>
            <translation>Recover the last ticket</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout_refund.py" line="+70" />
            <source>환불: 관리자 승인</source>
            <translation>Refund: manager approval</translation>
        </message>
        <message>
            <location line="+21" />
            <source>카드 취소를 하지 못해 환불하지 않았습니다.</source>
            <translation>The card could not be cancelled, so nothing was refunded.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>환불을 기록하지 못해 카드 취소를 되돌렸습니다 ({error}): {cancelled}</source>
            <translation>The refund could not be recorded, so the card cancel was undone ({error}): {cancelled}</translation>
        </message>
        <message>
            <location line="+27" />
            <source>환불 {receipt} · {amount}</source>
            <translation>Refund {receipt} · {amount}</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout_exchange.py" line="+43" />
            <source>교환 반품 · 원거래 {receipt}</source>
            <translation>Exchange return · original {receipt}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>반품</source>
            <translation>Return</translation>
        </message>
        <message>
            <location line="+19" />
            <source>돌려줄 금액 {amount}</source>
            <translation>To give back {amount}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>받을 금액 {amount}</source>
            <translation>To pay {amount}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>교환 취소</source>
            <translation>Cancel exchange</translation>
        </message>
        <message>
            <location line="+1" />
            <source>진행 중인 교환을 취소할까요? (새 상품은 남습니다)</source>
            <translation>Cancel the exchange in progress? (The new items stay on the ticket.)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>교환을 취소했습니다.</source>
            <translation>Exchange cancelled.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>교환: 관리자 승인</source>
            <translation>Exchange: manager approval</translation>
        </message>
        <message>
            <location line="+16" />
            <source>교환: 반품 {amount} · 새 상품을 스캔하고 결제(F12)하세요</source>
            <translation>Exchange: {amount} returned · scan the new items and pay (F12)</translation>
        </message>
        <message>
            <location line="+34" />
            <source>교환은 결제 중에 세금계산서를 요청하지 않습니다. 영수증 찾기에서 요청하세요.</source>
            <translation>An exchange does not take a tax invoice request while paying. Request it from the receipt finder.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>새 상품 {new}, 반품 {returned}: {amount}을 돌려드립니다. 진행할까요?</source>
            <translation>New items {new}, returned {returned}: {amount} goes back to the customer. Go ahead?</translation>
        </message>
        <message>
            <location line="+7" />
            <source>교환 정산</source>
            <translation>Settle exchange</translation>
        </message>
        <message>
            <location line="+24" />
            <source>카드 취소를 하지 못해 교환하지 않았습니다.</source>
            <translation>The card could not be cancelled, so the exchange was not made.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>교환을 기록하지 못해 승인을 되돌렸습니다 ({error}): {cancelled}</source>
            <translation>The exchange could not be recorded, so the approvals were reversed ({error}): {cancelled}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>교환 {receipt} 완료 · 돌려준 금액 {amount}</source>
            <translation>Exchange {receipt} done · given back {amount}</translation>
        </message>
        <message>
            <location line="+4" />
            <location filename="../../posapp/ui/checkout_refund.py" line="+4" />
            <source>카드 취소는 단말기 연결 후 처리됩니다</source>
            <translation>the card is cancelled once the terminal answers</translation>
        </message>
        <message>
            <location line="+4" />
            <source>교환 {receipt} 완료 · 거스름돈 {change}</source>
            <translation>Exchange {receipt} done · change {change}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>교환 {receipt} 완료</source>
            <translation>Exchange {receipt} done</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout_shift.py" line="+16" />
            <source>X 리포트</source>
            <translation>X report</translation>
        </message>
        <message>
            <location line="+24" />
            <source>근무 마감: 현금 세기</source>
            <translation>Close shift: count the cash</translation>
        </message>
        <message>
            <location line="-8" />
            <source>Z 정산 리포트</source>
            <translation>Z settlement report</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout_view.py" line="+395" />
            <source>대기 중이던 현금영수증 {count}건을 발급했습니다.</source>
            <translation>{count} pending cash receipts issued.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>오프라인 · 이 계산대에 저장 {count}건</source>
            <translation>Offline · {count} kept on this till</translation>
        </message>
        <message>
            <location line="+4" />
            <source>서버로 전송 중 {count}건</source>
            <translation>Sending {count} to the server</translation>
        </message>
        <message>
            <location line="+4" />
            <source>오프라인 거래 전송 실패 {count}건</source>
            <translation>{count} offline sales refused</translation>
        </message>
        <message>
            <location line="+8" />
            <source>매장 데이터베이스에 연결할 수 없어 판매를 이 계산대에 저장합니다. 연결되면 자동으로 전송합니다.
{error}</source>
            <translation>The store's database cannot be reached: sales are kept on this till and sent automatically when it is back.
{error}</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout.py" line="+489" />
            <source>온라인 주문 {count}건 픽업 완료</source>
            <translation>{count} online order(s) picked up</translation>
        </message>
        <message>
            <location line="+32" />
            <source>{kind} {amount}: 관리자 승인</source>
            <translation>{kind} {amount}: manager approval</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{kind} {amount} · {reason}</source>
            <translation>{kind} {amount} · {reason}</translation>
        </message>
        <message>
            <location line="+28" />
            <source>돈통을 열 수 없습니다: {error}</source>
            <translation>Cannot open the drawer: {error}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>돈통 열기: 관리자 승인</source>
            <translation>Open drawer: manager approval</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/ticket_approval.py" line="+1" />
            <source>한도를 넘는 수량: 관리자 승인</source>
            <translation>Quantity above the limit: manager</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout_asker.py" line="+116" />
            <source>영수증 없는 반품</source>
            <translation>Return without a receipt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>반품 사유를 고르세요 · 현금 {amount} 지급</source>
            <translation>Choose the reason for the return · {amount} paid back in cash</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/checkout_no_receipt.py" line="+58" />
            <source>영수증 없는 반품: 관리자 승인</source>
            <translation>Return without a receipt: manager approval</translation>
        </message>
        <message>
            <location line="+24" />
            <source>영수증 없는 반품 {receipt} · 현금 {amount} 지급</source>
            <translation>Return without a receipt {receipt} · {amount} paid back in cash</translation>
        </message>
    </context>
    <context>
        <name>ClassesWindow</name>
        <message>
            <location filename="../../posapp/ui/classes.py" line="+52" />
            <source>월</source>
            <translation>Mon</translation>
        </message>
        <message>
            <location line="+1" />
            <source>화</source>
            <translation>Tue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수</source>
            <translation>Wed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>목</source>
            <translation>Thu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>금</source>
            <translation>Fri</translation>
        </message>
        <message>
            <location line="+1" />
            <source>토</source>
            <translation>Sat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>일</source>
            <translation>Sun</translation>
        </message>
        <message>
            <location line="+3" />
            <source>결제 대기</source>
            <translation>Awaiting payment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>확정</source>
            <translation>Confirmed</translation>
        </message>
        <message>
            <location line="+1" />
            <source>대기자</source>
            <translation>Waitlist</translation>
        </message>
        <message>
            <location line="+1" />
            <source>취소</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>만료</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location line="+3" />
            <source>세금계산서 발급 대기</source>
            <translation>Tax invoice to issue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>세금계산서 발급 완료</source>
            <translation>Tax invoice issued</translation>
        </message>
        <message>
            <location line="+40" />
            <source>쿠킹클래스 · 지하 공간 예약</source>
            <extracomment>a refund's card part waits as a pending cancel (posapp.sales.card_cancels): this sends it to the till's terminal now (the app's retry job), not at its next round</extracomment>
            <translation>Cooking classes · basement bookings</translation>
        </message>
        <message>
            <location line="+7" />
            <source>오늘</source>
            <translation>Today</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+160" />
            <source>월간 보기</source>
            <translation>Month view</translation>
        </message>
        <message>
            <location line="-158" />
            <source>모든 공간</source>
            <translation>All rooms</translation>
        </message>
        <message>
            <location line="+1" />
            <source>오픈 키친</source>
            <translation>Open kitchen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>미팅 스페이스</source>
            <translation>Meeting space</translation>
        </message>
        <message>
            <location line="+11" />
            <source>새 수업</source>
            <translation>New session</translation>
        </message>
        <message>
            <location line="+2" />
            <source>수업 변경</source>
            <translation>Change class</translation>
        </message>
        <message>
            <location line="+2" />
            <source>고른 수업의 시간·정원·참가비·재료를 바꿉니다 (예약된 좌석 아래로는 못 줄임)</source>
            <translation>Change the selected class's time, capacity, fee and ingredients (not below the seats booked)</translation>
        </message>
        <message>
            <location line="+18" />
            <location line="+297" />
            <location line="+36" />
            <location line="+140" />
            <source>수업을 고르세요</source>
            <translation>Choose a session</translation>
        </message>
        <message>
            <location line="-466" />
            <source>이름</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>연락처</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>좌석</source>
            <translation>Seats</translation>
        </message>
        <message>
            <location line="+1" />
            <source>상태</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+1" />
            <source>결제</source>
            <translation>Payment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>알레르기</source>
            <translation>Allergies</translation>
        </message>
        <message>
            <location line="+1" />
            <source>출석</source>
            <translation>Present</translation>
        </message>
        <message>
            <location line="+13" />
            <source>예약 (N)</source>
            <translation>Book (N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>체크인</source>
            <translation>Check in</translation>
        </message>
        <message>
            <location line="+1" />
            <source>계산대에서 결제</source>
            <translation>Pay at the till</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+432" />
            <source>예약 취소</source>
            <translation>Cancel booking</translation>
        </message>
        <message>
            <location line="-431" />
            <source>출석부 PDF</source>
            <translation>Roster PDF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>재료 준비표 PDF</source>
            <translation>Prep sheet PDF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수업 완료 (재료 차감)</source>
            <translation>Session held (use ingredients)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>세금계산서 (Shift+F12)</source>
            <translation>Tax invoice (Shift+F12)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>계좌이체 등 계산대 밖에서 받는 예약, 현금으로 받은 예약의 세금계산서</source>
            <translation>Tax invoice for a booking paid outside the till (bank transfer) or paid in cash</translation>
        </message>
        <message>
            <location line="+88" />
            <source>주간 보기</source>
            <translation>Week view</translation>
        </message>
        <message>
            <location line="+30" />
            <source>키친</source>
            <translation>Kitchen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>미팅</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <location line="+71" />
            <source>강사 {name}</source>
            <translation>Instructor {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>산지 {name}</source>
            <translation>Region {name}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>정원 {cap} · 예약 {taken}석 ({n}건) · 대기 {w}건 · 참가비 {fee}원</source>
            <translation>Capacity {cap} · {taken} seats booked ({n} bookings) · {w} waiting · fee ₩{fee}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>대기 {n}번</source>
            <translation>Waitlist #{n}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>무료</source>
            <translation>Free</translation>
        </message>
        <message>
            <location line="+4" />
            <source>계좌이체</source>
            <translation>Bank transfer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>현장결제</source>
            <translation>On arrival</translation>
        </message>
        <message>
            <location line="+2" />
            <source>미결제</source>
            <translation>Unpaid</translation>
        </message>
        <message>
            <location line="+25" />
            <source>예약을 고르세요</source>
            <translation>Choose a booking</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{n}개 일정을 만들었습니다</source>
            <translation>{n} session(s) created</translation>
        </message>
        <message>
            <location line="+21" />
            <source>수업을 변경했습니다: {title}</source>
            <translation>Class changed: {title}</translation>
        </message>
        <message>
            <location line="+34" />
            <source>대기자 {n}번으로 등록했습니다</source>
            <translation>Put on the waitlist as #{n}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>예약했습니다 ({ref})</source>
            <translation>Booked ({ref})</translation>
        </message>
        <message>
            <location line="+2" />
            <source>재료 부족 {n}종 — 준비표를 확인하세요</source>
            <translation>{n} ingredient(s) short — see the prep sheet</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{name} 출석</source>
            <translation>{name} checked in</translation>
        </message>
        <message>
            <location line="+12" />
            <source>계산대 거래에 추가했습니다</source>
            <translation>Added to the till ticket</translation>
        </message>
        <message>
            <location line="+20" />
            <source>예약 {ref} · 계산대에서 받은 {amount}원</source>
            <translation>Booking {ref} · {amount} won taken at the till</translation>
        </message>
        <message>
            <location line="+5" />
            <source>예약 {ref} · {name} · {amount}원 (과세) — 계산대 결제 없이 계좌이체로 받습니다</source>
            <translation>Booking {ref} · {name} · {amount} won (taxable) — paid by transfer, not at the till</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{ref}: 세금계산서 요청을 기록했습니다 (발급 대기) · {name}</source>
            <translation>{ref}: tax invoice request recorded (to issue) · {name}</translation>
        </message>
        <message>
            <location line="+19" />
            <source>취소했습니다 · 환불 {amount}원</source>
            <translation>Cancelled · refund ₩{amount}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>카드 {amount}원 취소를 단말기로 보냈습니다 (안 되면 대기 목록에 남습니다)</source>
            <translation>Card cancel of {amount} won sent to the terminal (if it fails, it waits in the list)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>대기자 {n}명 확정</source>
            <translation>{n} from the waitlist seated</translation>
        </message>
        <message>
            <location line="+4" />
            <source>세금계산서 요청도 취소했습니다</source>
            <translation>The tax invoice request was cancelled too</translation>
        </message>
        <message>
            <location line="+13" />
            <source>환불에는 관리자 승인이 필요합니다</source>
            <translation>A refund needs a manager</translation>
        </message>
        <message>
            <location line="+17" />
            <source>저장했습니다: {path}</source>
            <translation>Saved: {path}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>수업 완료 · 재료를 재고에서 차감했습니다</source>
            <translation>Session held · ingredients taken out of stock</translation>
        </message>
    </context>
    <context>
        <name>CommissionRuleDialog</name>
        <message>
            <location filename="../../posapp/ui/commission_dialog.py" line="+30" />
            <source>수수료 규칙 추가</source>
            <translation>Add a commission rule</translation>
        </message>
        <message>
            <location line="+2" />
            <source>모든 공급자</source>
            <translation>Every supplier</translation>
        </message>
        <message>
            <location line="+4" />
            <source>모든 분류</source>
            <translation>Every category</translation>
        </message>
        <message>
            <location line="+10" />
            <source> 원</source>
            <translation> won</translation>
        </message>
        <message>
            <location line="+2" />
            <source>예: 12 또는 12.5</source>
            <translation>e.g. 12 or 12.5</translation>
        </message>
        <message>
            <location line="+2" />
            <source>공급자</source>
            <translation>Supplier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>분류</source>
            <translation>Category</translation>
        </message>
        <message>
            <location line="+1" />
            <source>적용일</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="+1" />
            <source>연 기준액 (이상부터)</source>
            <translation>Yearly threshold (from)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수수료율 (%)</source>
            <translation>Rate (%)</translation>
        </message>
    </context>
    <context>
        <name>CountDialog</name>
        <message>
            <location filename="../../posapp/ui/dialogs.py" line="-513" />
            <source>{amount}원 지폐</source>
            <translation>₩{amount} note</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{amount}원 동전</source>
            <translation>₩{amount} coin</translation>
        </message>
        <message>
            <location line="+23" />
            <source>확인 (Enter)</source>
            <translation>OK (Enter)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>취소 (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location line="+15" />
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
        <name>CountReviewDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_count_review.py" line="+35" />
            <source>재고조사 차이 확인</source>
            <translation>Stock count: review the differences</translation>
        </message>
        <message>
            <location line="+6" />
            <source>상품명</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+0" />
            <source>전산</source>
            <translation>Books</translation>
        </message>
        <message>
            <location line="+0" />
            <source>실사</source>
            <translation>Counted</translation>
        </message>
        <message>
            <location line="+0" />
            <source>차이</source>
            <translation>Variance</translation>
        </message>
        <message>
            <location line="+0" />
            <source>금액</source>
            <translation>Value</translation>
        </message>
        <message>
            <location line="+22" />
            <source>차이 {n}개 상품, 금액 합계 {total}</source>
            <translation>{n} products differ, total value {total}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>차이가 없습니다. 반영하면 조사를 마감합니다.</source>
            <translation>No differences. Posting closes the count.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>세지 않은 상품 {n}개는 그대로 둡니다.</source>
            <translation>{n} products not counted are left as they are.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>이대로 재고에 반영할까요?</source>
            <translation>Post these differences to stock?</translation>
        </message>
        <message>
            <location line="+3" />
            <source>반영</source>
            <translation>Post</translation>
        </message>
        <message>
            <location line="+3" />
            <source>취소</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>CustomerDisplay</name>
        <message>
            <location filename="../../posapp/ui/customer_display.py" line="+47" />
            <source>I·Market·U — 고객 화면</source>
            <translation>I·Market·U — Customer display</translation>
        </message>
        <message>
            <location line="+2" />
            <source>어서 오세요</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <location line="+85" />
            <location line="+11" />
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
            <location filename="../../posapp/ui/dialogs.py" line="+13" />
            <source>원</source>
            <translation>₩</translation>
        </message>
        <message>
            <location line="+10" />
            <source>할인 (0 = 할인 취소)</source>
            <translation>Discount (0 = remove the discount)</translation>
        </message>
        <message>
            <location line="+16" />
            <source>할인은 숫자로: {text}</source>
            <translation>Enter the discount as a number: {text}</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_edit.py" line="+140" />
            <source>확인</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+3" />
            <source>취소</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>HeldDialog</name>
        <message>
            <location filename="../../posapp/ui/dialogs.py" line="+86" />
            <source>보류 목록</source>
            <translation>Held tickets</translation>
        </message>
        <message numerus="yes">
            <location line="+7" />
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
        <name>HistoryDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_history.py" line="+38" />
            <source>판매</source>
            <extracomment>ledger movement kinds in the manager's words</extracomment>
            <translation>Sale</translation>
        </message>
        <message>
            <location line="+1" />
            <source>반품</source>
            <translation>Return</translation>
        </message>
        <message>
            <location line="+1" />
            <source>입고</source>
            <translation>Received</translation>
        </message>
        <message>
            <location line="+1" />
            <source>폐기</source>
            <translation>Waste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>조정</source>
            <translation>Adjustment</translation>
        </message>
        <message>
            <location line="+1" />
            <source>재고조사</source>
            <translation>Stock count</translation>
        </message>
        <message>
            <location line="+1" />
            <source>온라인 주문</source>
            <translation>Online order</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수업 사용</source>
            <translation>Class use</translation>
        </message>
        <message>
            <location line="+1" />
            <source>이동</source>
            <translation>Transfer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>기초 재고</source>
            <translation>Opening stock</translation>
        </message>
        <message>
            <location line="+14" />
            <source>입출고 이력: {name}</source>
            <translation>Stock movements: {name}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>일시</source>
            <translation>When</translation>
        </message>
        <message>
            <location line="+1" />
            <source>구분</source>
            <translation>What</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수량</source>
            <translation>Qty</translation>
        </message>
        <message>
            <location line="+1" />
            <source>로트</source>
            <translation>Lot</translation>
        </message>
        <message>
            <location line="+1" />
            <source>위치</source>
            <translation>Place</translation>
        </message>
        <message>
            <location line="+1" />
            <source>사유</source>
            <translation>Why</translation>
        </message>
        <message>
            <location line="+1" />
            <source>담당</source>
            <translation>Who</translation>
        </message>
        <message>
            <location line="+1" />
            <source>계산대</source>
            <translation>Till</translation>
        </message>
        <message>
            <location line="+1" />
            <source>문서</source>
            <translation>Document</translation>
        </message>
        <message>
            <location line="+14" />
            <source>이전 기록 더 보기</source>
            <translation>Older movements</translation>
        </message>
        <message>
            <location line="+2" />
            <source>닫기</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+21" />
            <source>입출고 기록이 없습니다.</source>
            <translation>No stock movements.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n}건 표시</source>
            <translation>{n} shown</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_import.py" line="+66" />
            <source>상품 CSV 가져오기·내보내기</source>
            <translation>Product CSV import and export</translation>
        </message>
        <message>
            <location line="+6" />
            <source>열: barcode, name_ko, name_en, region, producer, category, unit, price, tax, reorder_point (선택: plu, shelf_life_days, active). UTF-8 또는 CP949. 한 줄이라도 틀리면 아무것도 가져오지 않습니다.</source>
            <translation>Columns: barcode, name_ko, name_en, region, producer, category, unit, price, tax, reorder_point (optional: plu, shelf_life_days, active). UTF-8 or CP949. If a single row is wrong, nothing is imported.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>CSV 파일 가져오기…</source>
            <translation>Import a CSV file…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>전체 상품 CSV 내보내기</source>
            <translation>Export all products to CSV</translation>
        </message>
        <message>
            <location line="+10" />
            <source>행</source>
            <translation>Line</translation>
        </message>
        <message>
            <location line="+0" />
            <source>열</source>
            <translation>Column</translation>
        </message>
        <message>
            <location line="+0" />
            <source>문제</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location line="+7" />
            <source>닫기</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+7" />
            <source>상품 CSV 파일</source>
            <translation>Product CSV file</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CSV 파일 (*.csv *.txt)</source>
            <translation>CSV files (*.csv *.txt)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>가져오는 중: {name}</source>
            <translation>Importing {name}…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>{rows}줄 가져옴: 새 상품 {created}, 바뀐 상품 {updated}, 그대로 {same}</source>
            <translation>{rows} lines imported: {created} new, {updated} changed, {same} unchanged</translation>
        </message>
        <message>
            <location line="+8" />
            <source>새 산지</source>
            <translation>New regions</translation>
        </message>
        <message>
            <location line="+1" />
            <source>새 생산자</source>
            <translation>New producers</translation>
        </message>
        <message>
            <location line="+1" />
            <source>새 분류</source>
            <translation>New categories</translation>
        </message>
        <message>
            <location line="+17" />
            <source>가져오지 않았습니다: 문제 {n}건. 파일을 고친 뒤 다시 가져오세요.</source>
            <translation>Nothing imported: {n} problems. Fix the file and import it again.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>{n}개 상품을 내보냈습니다: {path}</source>
            <translation>{n} products exported: {path}</translation>
        </message>
    </context>
    <context>
        <name>InventoryWindow</name>
        <message>
            <location filename="../../posapp/ui/inventory_window.py" line="+75" />
            <source>재고 관리 — {name}</source>
            <translation>Inventory — {name}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>발주</source>
            <translation>Purchase orders</translation>
        </message>
        <message>
            <location line="+2" />
            <source>산지·생산자</source>
            <translation>Regions &amp; producers</translation>
        </message>
        <message>
            <location line="+2" />
            <source>진열기한·반품</source>
            <translation>Shelf windows &amp; returns</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_counts_tab.py" line="+336" />
            <location filename="../../posapp/ui/inventory_expiry_tab.py" line="+197" />
            <location filename="../../posapp/ui/inventory_products_tab.py" line="+343" />
            <source>관리자 승인</source>
            <translation>Manager approval</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_products_tab.py" line="-154" />
            <source>상품명·바코드·PLU</source>
            <translation>Name, barcode or PLU</translation>
        </message>
        <message>
            <location line="+4" />
            <source>전체 산지</source>
            <translation>All regions</translation>
        </message>
        <message>
            <location line="+2" />
            <source>전체 생산자</source>
            <translation>All producers</translation>
        </message>
        <message>
            <location line="+3" />
            <source>전체 분류</source>
            <translation>All categories</translation>
        </message>
        <message>
            <location line="+2" />
            <source>과세·면세</source>
            <translation>Taxable and exempt</translation>
        </message>
        <message>
            <location line="+5" />
            <source>재고 부족</source>
            <translation>Low stock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>7일 내 유통기한</source>
            <translation>Expiring within 7 days</translation>
        </message>
        <message>
            <location line="+1" />
            <source>판매 중지</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <location line="+33" />
            <source>상품 수정</source>
            <translation>Edit product</translation>
        </message>
        <message>
            <location line="+1" />
            <source>폐기·조정</source>
            <translation>Waste / adjust</translation>
        </message>
        <message>
            <location line="+1" />
            <source>입출고 이력</source>
            <translation>Movement history</translation>
        </message>
        <message>
            <location line="+1" />
            <source>매장 ↔ 창고 이동</source>
            <translation>Floor ↔ store room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>라벨 인쇄</source>
            <translation>Print labels</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CSV 가져오기·내보내기</source>
            <translation>CSV import / export</translation>
        </message>
        <message>
            <location line="+3" />
            <source>상품</source>
            <translation>Products</translation>
        </message>
        <message>
            <location line="+34" />
            <source>{n}개 상품</source>
            <translation>{n} products</translation>
        </message>
        <message>
            <location line="+12" />
            <source>상품을 고르세요.</source>
            <translation>Select a product.</translation>
        </message>
        <message>
            <location line="+26" />
            <source>저장했습니다: {name}</source>
            <translation>Saved: {name}</translation>
        </message>
        <message>
            <location line="+79" />
            <source>옮겼습니다: {name} {n}</source>
            <translation>Moved: {name} {n}</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_expiry_tab.py" line="-49" />
            <source>로트를 고르세요.</source>
            <translation>Select a lot.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>할인했습니다: {name} {price}원</source>
            <translation>Marked down: {name} {price} won</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_base.py" line="+138" />
            <source>라벨을 저장했습니다: {path}</source>
            <translation>Labels saved: {path}</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_window.py" line="+74" />
            <source>라벨을 뽑을 상품을 고르세요.</source>
            <translation>Choose the products to label.</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_products_tab.py" line="-51" />
            <source>기록했습니다: {r}</source>
            <translation>Recorded: {r}</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_expiry_tab.py" line="+36" />
            <location filename="../../posapp/ui/inventory_products_tab.py" line="-4" />
            <source>재고 조정: 관리자 승인</source>
            <translation>Stock adjustment: manager approval</translation>
        </message>
        <message>
            <location line="-155" />
            <source>{n}일 지남</source>
            <translation>{n} days past</translation>
        </message>
        <message>
            <location line="+2" />
            <source>오늘까지</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_counts_tab.py" line="-240" />
            <location filename="../../posapp/ui/inventory_expiry_tab.py" line="+49" />
            <location filename="../../posapp/ui/inventory_receiving_tab.py" line="+55" />
            <source>상품명</source>
            <translation>Product</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_expiry_tab.py" line="+1" />
            <location filename="../../posapp/ui/inventory_receiving_tab.py" line="+4" />
            <source>로트</source>
            <translation>Lot</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+20" />
            <source>유통기한</source>
            <translation>Expiry</translation>
        </message>
        <message>
            <location line="-19" />
            <source>남은 일수</source>
            <translation>Days left</translation>
        </message>
        <message>
            <location line="+1" />
            <source>재고</source>
            <translation>Stock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>할인가</source>
            <translation>Markdown price</translation>
        </message>
        <message>
            <location line="+1" />
            <source>위치</source>
            <translation>Location</translation>
        </message>
        <message>
            <location line="+12" />
            <source>마감 할인</source>
            <translation>Markdown</translation>
        </message>
        <message>
            <location line="+1" />
            <source>폐기</source>
            <translation>Write off</translation>
        </message>
        <message>
            <location line="+73" />
            <source>폐기할 로트가 없습니다.</source>
            <translation>No lots to write off.</translation>
        </message>
        <message>
            <location line="+18" />
            <source>폐기했습니다: {n}개 로트, {qty}개</source>
            <translation>Written off: {n} lots, {qty} units</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_receiving_tab.py" line="-14" />
            <source>발주 없이 입고</source>
            <translation>Receive without an order</translation>
        </message>
        <message>
            <location line="+2" />
            <source>바코드를 스캔하세요</source>
            <translation>Scan a barcode</translation>
        </message>
        <message>
            <location line="+9" />
            <source>수량</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>유통기한 (YYYY-MM-DD)</source>
            <translation>Expiry (YYYY-MM-DD)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>단가</source>
            <translation>Unit cost</translation>
        </message>
        <message>
            <location line="+8" />
            <source>입고 확정</source>
            <translation>Confirm receipt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>입고</source>
            <translation>Receiving</translation>
        </message>
        <message>
            <location line="+11" />
            <source>없는 바코드: {c}</source>
            <translation>Unknown barcode: {c}</translation>
        </message>
        <message>
            <location line="+38" />
            <source>{number}: 남은 {n}줄을 입고합니다.</source>
            <translation>{number}: receiving the {n} remaining lines.</translation>
        </message>
        <message>
            <location line="+34" />
            <source> (발주보다 {n} 많음)</source>
            <translation> ({n} more than ordered)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>입고 완료: {n}줄</source>
            <translation>Received: {n} lines</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_counts_tab.py" line="-13" />
            <source>재고조사 시작</source>
            <translation>Start a count</translation>
        </message>
        <message>
            <location line="+2" />
            <source>차이 반영</source>
            <translation>Post variances</translation>
        </message>
        <message>
            <location line="+3" />
            <source>스캔하면 1개씩 셉니다</source>
            <translation>Each scan counts one</translation>
        </message>
        <message>
            <location line="+9" />
            <source>시작 시 전산</source>
            <translation>On hand at start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>조사 중 판매 등</source>
            <translation>Sold etc. since start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>실사</source>
            <translation>Counted</translation>
        </message>
        <message>
            <location line="+1" />
            <source>차이</source>
            <translation>Variance</translation>
        </message>
        <message>
            <location line="+1" />
            <source>차이 금액</source>
            <translation>Variance value</translation>
        </message>
        <message>
            <location line="+1" />
            <source>바코드</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <location line="+10" />
            <source>실사 칸에 센 수량을 입력하고 Enter (무게 상품은 g). 입력하는 대로 저장됩니다.</source>
            <translation>Type what you counted in the Counted cell and press Enter (grams for weighed products). It is saved as you type.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>재고조사</source>
            <translation>Stock count</translation>
        </message>
        <message>
            <location line="+12" />
            <source>진행 중인 재고조사 {id}을(를) 이어서 합니다: {n}개 센 상품</source>
            <translation>Resuming stock count {id}: {n} products counted</translation>
        </message>
        <message>
            <location line="+10" />
            <source>진행 중인 조사 없음</source>
            <translation>No count in progress</translation>
        </message>
        <message>
            <location line="+3" />
            <source>조사 {id} 진행 중</source>
            <translation>Count {id} in progress</translation>
        </message>
        <message>
            <location line="+78" />
            <source>실사 수량은 0 이상의 정수입니다.</source>
            <translation>A counted quantity is a whole number, 0 or more.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>저장했습니다: {name} 실사 {qty}, 차이 {var}</source>
            <translation>Saved: {name} counted {qty}, variance {var}</translation>
        </message>
        <message>
            <location line="+28" />
            <source>재고조사를 시작했습니다: {n}개 상품</source>
            <translation>Count started: {n} products</translation>
        </message>
        <message>
            <location line="+25" />
            <source>진행 중인 재고조사가 없습니다. 먼저 시작하세요.</source>
            <translation>No stock count in progress. Start one first.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{name}: 실사 {qty}</source>
            <translation>{name}: counted {qty}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>차이를 반영했습니다: {n}개 상품</source>
            <translation>Variances posted: {n} products</translation>
        </message>
        <message>
            <location line="+14" />
            <source>재고조사 차이 반영: 관리자 승인</source>
            <translation>Posting the count: manager approval</translation>
        </message>
    </context>
    <context>
        <name>LabelDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_labels.py" line="+62" />
            <source>라벨 인쇄</source>
            <translation>Print labels</translation>
        </message>
        <message>
            <location line="+4" />
            <source>가격표 (상품명·산지·가격·100g당 가격·바코드)</source>
            <translation>Shelf labels (name, region, price, price per 100 g, barcode)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>바코드 라벨</source>
            <translation>Barcode labels</translation>
        </message>
        <message>
            <location line="+7" />
            <source> 칸</source>
            <translation> labels</translation>
        </message>
        <message>
            <location line="+2" />
            <source>발주 입고분에서 가져오기…</source>
            <translation>From the goods received on an order…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>바코드를 스캔하면 추가합니다</source>
            <translation>Scan a barcode to add the product</translation>
        </message>
        <message>
            <location line="+4" />
            <source>상품명</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+0" />
            <source>바코드</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <location line="+0" />
            <source>매수</source>
            <translation>Copies</translation>
        </message>
        <message>
            <location line="+6" />
            <source>종류</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>용지</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>이미 쓴 칸 (건너뛰기)</source>
            <translation>Labels already used (skipped)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>발주</source>
            <translation>Purchase orders</translation>
        </message>
        <message>
            <location line="+1" />
            <source>추가</source>
            <translation>Add</translation>
        </message>
        <message>
            <location line="+4" />
            <source>선택 줄 빼기</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <location line="+1" />
            <source>모두 빼기</source>
            <translation>Remove all</translation>
        </message>
        <message>
            <location line="+3" />
            <source>PDF 저장·열기</source>
            <translation>Save and open PDF</translation>
        </message>
        <message>
            <location line="+72" />
            <source>없는 바코드: {c}</source>
            <translation>Unknown barcode: {c}</translation>
        </message>
    </context>
    <context>
        <name>ManualCardDialog</name>
        <message>
            <location filename="../../posapp/ui/tender_dialog.py" line="+660" />
            <source>카드 수기 입력</source>
            <translation>Manual card entry</translation>
        </message>
        <message>
            <location line="+3" />
            <source>신용·체크카드</source>
            <translation>Credit or debit card</translation>
        </message>
        <message>
            <location line="+5" />
            <source>승인번호</source>
            <translation>Approval number</translation>
        </message>
        <message>
            <location line="+3" />
            <source>카드번호 (앞 6자리·뒤 4자리만, 예: 9410-12**-****-5678)</source>
            <translation>Card number (first 6 and last 4 digits only, e.g. 9410-12**-****-5678)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>확인 (Enter)</source>
            <translation>OK (Enter)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>취소 (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
    </context>
    <context>
        <name>MarkdownDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_edit.py" line="+297" />
            <source>마감 할인 — {name}</source>
            <translation>Markdown — {name}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>할인 가격표 인쇄</source>
            <translation>Print the markdown shelf label</translation>
        </message>
        <message>
            <location line="+3" />
            <source>로트</source>
            <translation>Lot</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{code} · 유통기한 {expiry} ({days}일 남음) · 재고 {qty}</source>
            <translation>{code} · expires {expiry} ({days} days left) · {qty} in stock</translation>
        </message>
        <message>
            <location line="+8" />
            <source>할인율</source>
            <translation>Percent off</translation>
        </message>
        <message>
            <location line="+1" />
            <source>할인가</source>
            <translation>Markdown price</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{price}원 (정상가 {regular}원)</source>
            <translation>{price} won (regular {regular} won)</translation>
        </message>
    </context>
    <context>
        <name>NewUserDialog</name>
        <message>
            <location filename="../../posapp/ui/staff.py" line="+123" />
            <source>직원 추가</source>
            <translation>Add staff</translation>
        </message>
        <message>
            <location line="+7" />
            <source>이름</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>역할</source>
            <translation>Role</translation>
        </message>
        <message>
            <location line="-8" />
            <source>PIN (4~6자리)</source>
            <translation>PIN (4–6 digits)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>이름을 입력하세요.</source>
            <translation>Type a name.</translation>
        </message>
    </context>
    <context>
        <name>OnlineOrdersDialog</name>
        <message>
            <location filename="../../posapp/ui/sync_panel.py" line="+106" />
            <source>온라인 주문 픽업</source>
            <translation>Online order pick-up</translation>
        </message>
        <message>
            <location line="+6" />
            <source>동기화 꺼짐</source>
            <translation>Sync is off</translation>
        </message>
        <message>
            <location line="+11" />
            <source>픽업 완료 (Enter)</source>
            <translation>Hand over (Enter)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>새로고침</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+5" />
            <source>지금 동기화</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+14" />
            <source>동기화를 요청했습니다.</source>
            <translation>Sync requested.</translation>
        </message>
        <message>
            <location line="-10" />
            <source>닫기</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{no} · {name} {phone} · {total}
    {goods}</source>
            <translation>{no} · {name} {phone} · {total}
    {goods}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>픽업을 기다리는 주문이 없습니다.</source>
            <translation>No orders waiting for pick-up.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{no} 픽업 완료: 재고에서 차감했습니다.</source>
            <translation>{no} handed over: taken out of stock.</translation>
        </message>
    </context>
    <context>
        <name>PartnersTab</name>
        <message>
            <location filename="../../posapp/ui/inventory_partners_tab.py" line="+58" />
            <source>&lt;b&gt;협력 지자체 (산지)&lt;/b&gt;</source>
            <translation>&lt;b&gt;Partner local governments (regions)&lt;/b&gt;</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+9" />
            <source>산지</source>
            <translation>Region</translation>
        </message>
        <message>
            <location line="-9" />
            <source>도</source>
            <translation>Province</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+9" />
            <source>담당자</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location line="-9" />
            <location line="+9" />
            <source>전화</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="-9" />
            <source>축제</source>
            <translation>Festival</translation>
        </message>
        <message>
            <location line="+4" />
            <source>산지 수정</source>
            <translation>Edit region</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&lt;b&gt;생산자·공급자&lt;/b&gt;</source>
            <translation>&lt;b&gt;Producers and suppliers&lt;/b&gt;</translation>
        </message>
        <message>
            <location line="+2" />
            <source>이름</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>방식</source>
            <translation>Terms</translation>
        </message>
        <message>
            <location line="+6" />
            <source>새 생산자</source>
            <translation>New producer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>생산자 수정</source>
            <translation>Edit producer</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&lt;b&gt;수수료 규칙&lt;/b&gt; (판매일에 적용되는 규칙으로 정산)</source>
            <translation>&lt;b&gt;Commission rules&lt;/b&gt; (each sale settles under the rule of its day)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>공급자</source>
            <translation>Supplier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>분류</source>
            <translation>Category</translation>
        </message>
        <message>
            <location line="+1" />
            <source>적용일</source>
            <translation>From</translation>
        </message>
        <message>
            <location line="+1" />
            <source>연 기준액</source>
            <translation>Yearly threshold</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수수료율</source>
            <translation>Rate</translation>
        </message>
        <message>
            <location line="+6" />
            <source>규칙 추가</source>
            <translation>Add rule</translation>
        </message>
        <message>
            <location line="+1" />
            <source>규칙 삭제</source>
            <translation>Delete rule</translation>
        </message>
        <message>
            <location line="+26" />
            <location line="+1" />
            <source>(전체)</source>
            <translation>(all)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>수수료 규칙을 더했습니다.</source>
            <translation>Commission rule added.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>규칙을 고르세요.</source>
            <translation>Choose a rule.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>수수료 규칙을 지웠습니다.</source>
            <translation>Commission rule deleted.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>산지를 고르세요.</source>
            <translation>Select a region.</translation>
        </message>
        <message>
            <location line="+24" />
            <source>생산자를 고르세요.</source>
            <translation>Select a producer.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>저장했습니다: {name}</source>
            <translation>Saved: {name}</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <location filename="../../posapp/ui/dialogs.py" line="-217" />
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
        <name>PinPairDialog</name>
        <message>
            <location filename="../../posapp/ui/staff.py" line="-48" />
            <source>PIN 확인</source>
            <translation>PIN again</translation>
        </message>
        <message>
            <location line="+21" />
            <source>두 PIN이 다릅니다.</source>
            <translation>The two PINs differ.</translation>
        </message>
        <message>
            <location line="+45" />
            <source>PIN 재설정: {name}</source>
            <translation>Reset PIN: {name}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>새 PIN</source>
            <translation>New PIN</translation>
        </message>
    </context>
    <context>
        <name>PriceCheckDialog</name>
        <message>
            <location filename="../../posapp/ui/office_dialogs.py" line="-258" />
            <source>가격 확인</source>
            <translation>Price check</translation>
        </message>
        <message>
            <location line="+5" />
            <source>바코드를 스캔하거나 상품명·초성을 입력하세요</source>
            <translation>Scan a barcode or type a name or initials</translation>
        </message>
        <message>
            <location line="+31" />
            <source>닫기 (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location line="+43" />
            <source>찾는 상품이 없습니다.</source>
            <translation>No product found.</translation>
        </message>
        <message>
            <location line="+31" />
            <source>{name} (판매 중지)</source>
            <translation>{name} (withdrawn)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{price} (할인, 정상가 {regular})</source>
            <translation>{price} (marked down, regular {regular})</translation>
        </message>
        <message>
            <location line="+8" />
            <source>재고: 오프라인이라 알 수 없습니다</source>
            <translation>Stock: unknown while offline</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+10" />
            <source>개</source>
            <translation> pcs</translation>
        </message>
        <message>
            <location line="-9" />
            <source>재고 {count}</source>
            <translation>Stock {count}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>유통기한: 진열된 로트 없음</source>
            <translation>Expiry: no lot on the floor</translation>
        </message>
        <message>
            <location line="+6" />
            <source>유통기한 없음 · {qty}</source>
            <translation>No expiry date · {qty}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{days}일 지남</source>
            <translation>{days} days past</translation>
        </message>
        <message>
            <location line="+2" />
            <source>오늘까지</source>
            <translation>until today</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{days}일 남음</source>
            <translation>{days} days left</translation>
        </message>
        <message>
            <location line="+2" />
            <source>유통기한 {date} ({state}) · {qty}</source>
            <translation>Expiry {date} ({state}) · {qty}</translation>
        </message>
    </context>
    <context>
        <name>PriceDialog</name>
        <message>
            <location filename="../../posapp/ui/dialogs.py" line="+134" />
            <source>가격표 불일치</source>
            <translation>Shelf tag differs</translation>
        </message>
        <message>
            <location line="+1" />
            <source>파손·흠집 상품</source>
            <translation>Damaged goods</translation>
        </message>
        <message>
            <location line="+1" />
            <source>유통기한 임박</source>
            <translation>Near expiry</translation>
        </message>
        <message>
            <location line="+11" />
            <source>가격 변경</source>
            <translation>Change price</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{name} · 정상가 {regular} · 현재 {price}</source>
            <translation>{name} · regular {regular} · now {price}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>새 단가 (원)</source>
            <translation>New unit price (won)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>사유</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>ProducerDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_edit.py" line="-139" />
            <source>생산자 — {name}</source>
            <translation>Producer — {name}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>새 생산자</source>
            <translation>New producer</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+15" />
            <source>없음</source>
            <translation>None</translation>
        </message>
        <message>
            <location line="-5" />
            <source>거래 중</source>
            <translation>Active supplier</translation>
        </message>
        <message>
            <location line="+9" />
            <source>수수료 규칙이 없을 때 쓰는 기본 수수료율</source>
            <translation>The flat commission rate used where no commission rule applies</translation>
        </message>
        <message>
            <location line="+6" />
            <source>이름</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>산지</source>
            <translation>Region</translation>
        </message>
        <message>
            <location line="+1" />
            <source>담당자</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location line="+1" />
            <source>전화</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+3" />
            <source>거래 방식</source>
            <translation>Terms</translation>
        </message>
    </context>
    <context>
        <name>ProductDialog</name>
        <message>
            <location line="-200" />
            <source>상품 수정 — {name}</source>
            <translation>Edit product — {name}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>한 줄에 하나 (첫 줄이 대표 바코드)</source>
            <translation>One per line (the first is the primary barcode)</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+7" />
            <location line="+7" />
            <source>없음</source>
            <translation>None</translation>
        </message>
        <message>
            <location line="+1" />
            <source> 일</source>
            <translation> days</translation>
        </message>
        <message>
            <location line="+2" />
            <source>판매 중</source>
            <translation>On sale</translation>
        </message>
        <message>
            <location line="+2" />
            <source>현재 재고 {n}</source>
            <translation>On hand {n}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>상품명</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+1" />
            <source>영문명</source>
            <translation>English name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>바코드</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>판매가 (원)</source>
            <translation>Price (won)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>단위</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>과세 구분</source>
            <translation>Tax</translation>
        </message>
        <message>
            <location line="+1" />
            <source>산지</source>
            <translation>Region</translation>
        </message>
        <message>
            <location line="+1" />
            <source>생산자</source>
            <translation>Producer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>발주점</source>
            <translation>Reorder point</translation>
        </message>
        <message>
            <location line="+1" />
            <source>유통기간</source>
            <translation>Shelf life</translation>
        </message>
        <message>
            <location line="+5" />
            <source>가격 이력 (새 가격은 새 거래부터 적용)</source>
            <translation>Price history (a new price applies to new tickets)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>변경 시각</source>
            <translation>Changed at</translation>
        </message>
        <message>
            <location line="+1" />
            <source>이전 가격</source>
            <translation>Old price</translation>
        </message>
        <message>
            <location line="+1" />
            <source>새 가격</source>
            <translation>New price</translation>
        </message>
        <message>
            <location line="+1" />
            <source>변경한 사람</source>
            <translation>Changed by</translation>
        </message>
        <message>
            <location line="+1" />
            <source>출처</source>
            <translation>Source</translation>
        </message>
    </context>
    <context>
        <name>ProductListModel</name>
        <message>
            <location filename="../../posapp/ui/inventory_products_tab.py" line="-270" />
            <source>바코드</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>상품명</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+1" />
            <source>산지</source>
            <translation>Region</translation>
        </message>
        <message>
            <location line="+1" />
            <source>생산자</source>
            <translation>Producer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>분류</source>
            <translation>Category</translation>
        </message>
        <message>
            <location line="+1" />
            <source>단위</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>판매가</source>
            <translation>Price</translation>
        </message>
        <message>
            <location line="+1" />
            <source>재고</source>
            <translation>Stock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>발주점</source>
            <translation>Reorder point</translation>
        </message>
        <message>
            <location line="+1" />
            <source>유통기한</source>
            <translation>Expiry</translation>
        </message>
    </context>
    <context>
        <name>PurchaseOrdersTab</name>
        <message>
            <location filename="../../posapp/ui/inventory_orders.py" line="+85" />
            <source>모든 발주</source>
            <translation>All orders</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+13" />
            <source>상태</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="-10" />
            <location line="+9" />
            <source>공급자</source>
            <translation>Supplier</translation>
        </message>
        <message>
            <location line="-7" />
            <source>새 발주 (추천 수량)</source>
            <translation>New order (suggested quantities)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>발주 번호</source>
            <translation>Order no.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>작성일</source>
            <translation>Created</translation>
        </message>
        <message>
            <location line="+1" />
            <source>품목</source>
            <translation>Lines</translation>
        </message>
        <message>
            <location line="+13" />
            <source>발주서를 고르세요.</source>
            <translation>Select an order.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>작성 중인 발주에 상품 추가: 바코드 스캔</source>
            <translation>Add a product to the draft: scan its barcode</translation>
        </message>
        <message>
            <location line="+6" />
            <source>상품명</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+1" />
            <source>바코드</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>발주 수량</source>
            <translation>Ordered</translation>
        </message>
        <message>
            <location line="+1" />
            <source>입고</source>
            <translation>Receiving</translation>
        </message>
        <message>
            <location line="+1" />
            <source>단가</source>
            <translation>Unit cost</translation>
        </message>
        <message>
            <location line="+1" />
            <source>금액</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+9" />
            <source>저장</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>발송 (발주서 PDF)</source>
            <translation>Send (order PDF)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>이 발주로 입고</source>
            <translation>Receive this order</translation>
        </message>
        <message>
            <location line="+1" />
            <source>입고분 라벨</source>
            <translation>Labels for received goods</translation>
        </message>
        <message>
            <location line="+1" />
            <source>마감</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location line="+50" />
            <source>&lt;b&gt;{number}&lt;/b&gt; · {supplier} · {status} · 합계 {total}원</source>
            <translation>&lt;b&gt;{number}&lt;/b&gt; · {supplier} · {status} · total {total} won</translation>
        </message>
        <message>
            <location line="+39" />
            <source>공급자를 고르세요.</source>
            <translation>Select a supplier.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>발주서 {number}를 만들었습니다: 추천 {n}개 품목</source>
            <translation>Order {number} created: {n} suggested lines</translation>
        </message>
        <message>
            <location line="+17" />
            <source>없는 바코드: {c}</source>
            <translation>Unknown barcode: {c}</translation>
        </message>
        <message>
            <location line="+30" />
            <source>작성 중인 발주서만 고칠 수 있습니다.</source>
            <translation>Only a draft order can be changed.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>저장했습니다: {name}</source>
            <translation>Saved: {name}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>작성 중인 발주서만 발송할 수 있습니다.</source>
            <translation>Only a draft order can be sent.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>발송했습니다: {path}</source>
            <translation>Sent: {path}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>발송된 발주서만 입고할 수 있습니다.</source>
            <translation>Only a sent order can be received.</translation>
        </message>
    </context>
    <context>
        <name>QuickKeysEditor</name>
        <message>
            <location filename="../../posapp/ui/quickkeys_editor.py" line="+65" />
            <source>기본</source>
            <extracomment>the palette's colours by name (posapp.domain.quick_keys.PALETTE keys)</extracomment>
            <translation>Default</translation>
        </message>
        <message>
            <location line="+1" />
            <source>빨강</source>
            <translation>Red</translation>
        </message>
        <message>
            <location line="+1" />
            <source>주황</source>
            <translation>Orange</translation>
        </message>
        <message>
            <location line="+1" />
            <source>노랑</source>
            <translation>Yellow</translation>
        </message>
        <message>
            <location line="+1" />
            <source>초록</source>
            <translation>Green</translation>
        </message>
        <message>
            <location line="+1" />
            <source>연두</source>
            <translation>Lime</translation>
        </message>
        <message>
            <location line="+1" />
            <source>파랑</source>
            <translation>Blue</translation>
        </message>
        <message>
            <location line="+1" />
            <source>하늘</source>
            <translation>Sky</translation>
        </message>
        <message>
            <location line="+1" />
            <source>보라</source>
            <translation>Purple</translation>
        </message>
        <message>
            <location line="+1" />
            <source>분홍</source>
            <translation>Pink</translation>
        </message>
        <message>
            <location line="+1" />
            <source>갈색</source>
            <translation>Brown</translation>
        </message>
        <message>
            <location line="+1" />
            <source>회색</source>
            <translation>Grey</translation>
        </message>
        <message>
            <location line="+74" />
            <source>퀵키 편집</source>
            <translation>Edit quick keys</translation>
        </message>
        <message>
            <location line="+11" />
            <source>페이지</source>
            <translation>Pages</translation>
        </message>
        <message>
            <location line="+9" />
            <source>페이지 이름</source>
            <translation>Page name</translation>
        </message>
        <message>
            <location line="+7" />
            <source>페이지 추가 (Ctrl+N)</source>
            <translation>Add page (Ctrl+N)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>▲ 위로</source>
            <translation>▲ Up</translation>
        </message>
        <message>
            <location line="+2" />
            <source>▼ 아래로</source>
            <translation>▼ Down</translation>
        </message>
        <message>
            <location line="+5" />
            <source>페이지 삭제</source>
            <translation>Remove page</translation>
        </message>
        <message>
            <location line="+6" />
            <source>키 (계산대에 이 순서로, 한 줄에 3개)</source>
            <translation>Keys (in this order at the till, 3 a row)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>◀ 앞으로</source>
            <translation>◀ Earlier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>뒤로 ▶</source>
            <translation>Later ▶</translation>
        </message>
        <message>
            <location line="+1" />
            <source>키 삭제</source>
            <translation>Remove key</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Ctrl+↑/↓ 또는 끌어서 옮기기 · Delete 삭제</source>
            <translation>Ctrl+↑/↓ or drag to move · Delete removes</translation>
        </message>
        <message>
            <location line="+7" />
            <source>상품 찾아 키 추가</source>
            <translation>Find a product to add a key</translation>
        </message>
        <message>
            <location line="+2" />
            <source>이름·초성(ㅅㄱ)·바코드</source>
            <translation>Name, initials (ㅅㄱ) or barcode</translation>
        </message>
        <message>
            <location line="+13" />
            <source>키 추가 (Enter)</source>
            <translation>Add key (Enter)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>키 이름 (비우면 상품명)</source>
            <translation>Key label (empty: the product's name)</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+191" />
            <source>상품명</source>
            <translation>Product name</translation>
        </message>
        <message>
            <location line="-185" />
            <source>색</source>
            <translation>Colour</translation>
        </message>
        <message>
            <location line="+19" />
            <source>계산대에서 보이는 모양</source>
            <translation>As the till shows it</translation>
        </message>
        <message>
            <location line="+14" />
            <source>저장 (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>닫기 (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>계산대의 퀵키를 편집합니다. 저장하면 열린 계산대에 바로 나타납니다.</source>
            <translation>Edit the till's quick keys. Saved, they show at once on the open tills.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>지금은 지역별 자동 배치입니다. 고쳐서 저장하면 이 배치가 쓰입니다 (페이지를 모두 지우고 저장하면 자동 배치로 돌아갑니다).</source>
            <translation>Now laid out by region automatically. Change and save to use this layout (remove every page and save to go back to the automatic layout).</translation>
        </message>
        <message>
            <location line="+25" />
            <location line="+36" />
            <source>{name} ({count}개)</source>
            <translation>{name} ({count})</translation>
        </message>
        <message>
            <location line="-15" />
            <location line="+2" />
            <source>새 페이지 {n}</source>
            <translation>New page {n}</translation>
        </message>
        <message>
            <location line="+61" />
            <source>[판매 중지: 계산대에 안 보임]</source>
            <translation>[withdrawn: not shown at the till]</translation>
        </message>
        <message>
            <location line="+60" />
            <source>색을 바꿀 키를 먼저 고르세요.</source>
            <translation>Choose the key to colour first.</translation>
        </message>
        <message>
            <location line="+59" />
            <source>추가할 상품을 먼저 찾으세요 (이름·초성·바코드).</source>
            <translation>Find the product to add first (name, initials or barcode).</translation>
        </message>
        <message>
            <location line="+12" />
            <source>추가했습니다: {name}</source>
            <translation>Added: {name}</translation>
        </message>
        <message>
            <location line="+22" />
            <source>저장했습니다. 계산대에 새 퀵키가 나타납니다.</source>
            <translation>Saved. The tills show the new quick keys.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>저장했습니다. 계산대는 지역별 자동 배치로 돌아갑니다.</source>
            <translation>Saved. The tills go back to the layout by region.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>저장하지 않은 변경이 있습니다. 저장하려면 Ctrl+S, 버리고 닫으려면 Esc를 한 번 더 누르세요.</source>
            <translation>There are unsaved changes. Ctrl+S saves them; Esc again discards them and closes.</translation>
        </message>
    </context>
    <context>
        <name>ReceiptFinderDialog</name>
        <message>
            <location filename="../../posapp/ui/receipt_finder.py" line="+46" />
            <source>영수증 찾기</source>
            <translation>Find a receipt</translation>
        </message>
        <message>
            <location line="+4" />
            <source>영수증 번호 (일부도 됩니다)</source>
            <translation>Receipt number (part of it will do)</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+10" />
            <source>영수증 번호</source>
            <translation>Receipt number</translation>
        </message>
        <message>
            <location line="-9" />
            <source>날짜</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+1" />
            <source>금액 (원)</source>
            <translation>Amount (won)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>카드 끝 4자리</source>
            <translation>Card's last 4 digits</translation>
        </message>
        <message>
            <location line="+8" />
            <source>시각</source>
            <translation>Time</translation>
        </message>
        <message>
            <location line="+1" />
            <source>종류</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location line="+1" />
            <source>금액</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+1" />
            <source>카드</source>
            <translation>Card</translation>
        </message>
        <message>
            <location line="+12" />
            <source>찾기</source>
            <translation>Find</translation>
        </message>
        <message>
            <location line="+2" />
            <source>재발행</source>
            <translation>Reprint</translation>
        </message>
        <message>
            <location line="+2" />
            <source>세금계산서 요청</source>
            <translation>Request tax invoice</translation>
        </message>
        <message>
            <location line="+2" />
            <source>닫기</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+20" />
            <source>날짜는 2026-11-23처럼 입력하세요.</source>
            <translation>Type the date like 2026-11-23.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>판매</source>
            <translation>Sale</translation>
        </message>
        <message>
            <location line="+0" />
            <source>환불</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="+18" />
            <source>{n}건 찾았습니다.</source>
            <translation>{n} found.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>맞는 영수증이 없습니다.</source>
            <translation>No receipt matches.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>다시 인쇄할 영수증을 고르세요.</source>
            <translation>Choose the receipt to print again.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>재발행했습니다: {no}</source>
            <translation>Reprinted: {no}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>세금계산서를 요청할 영수증을 고르세요.</source>
            <translation>Choose the receipt to request a tax invoice for.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{day} 판매: {deadline}까지 요청할 수 있습니다 (다음 달 10일).</source>
            <translation>Sale of {day}: can be requested until {deadline} (the 10th of the next month).</translation>
        </message>
        <message>
            <location line="+13" />
            <source>세금계산서 요청을 기록하고 요청서를 인쇄했습니다: {no} {name}</source>
            <translation>Tax invoice request recorded and slip printed: {no} {name}</translation>
        </message>
    </context>
    <context>
        <name>ReceiptNumberDialog</name>
        <message>
            <location filename="../../posapp/ui/dialogs.py" line="+87" />
            <source>환불: 영수증</source>
            <translation>Refund: receipt</translation>
        </message>
        <message>
            <location line="+2" />
            <source>영수증 바코드를 스캔하거나 번호를 입력하세요.</source>
            <translation>Scan the receipt's barcode or type its number.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>예: R01-20261123-0042</source>
            <translation>e.g. R01-20261123-0042</translation>
        </message>
        <message>
            <location line="+10" />
            <source>확인 (Enter)</source>
            <translation>OK (Enter)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>취소 (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
    </context>
    <context>
        <name>RefundDialog</name>
        <message>
            <location line="+59" />
            <source>환불 · {receipt}</source>
            <translation>Refund · {receipt}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>교환 · {receipt}</source>
            <translation>Exchange · {receipt}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>교환: 돌려받을 상품을 고르세요. 새 상품은 다음에 스캔합니다.</source>
            <translation>Exchange: choose the goods coming back. The new goods are scanned next.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>원거래 {receipt} · {when} · {total}</source>
            <translation>Sale {receipt} · {when} · {total}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>수량·중량</source>
            <translation>Qty / weight</translation>
        </message>
        <message>
            <location line="+1" />
            <source>금액</source>
            <translation>Amount</translation>
        </message>
        <message>
            <location line="+2" />
            <source>환불</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="+31" />
            <source>전부 환불</source>
            <translation>Refund everything</translation>
        </message>
        <message>
            <location line="+12" />
            <source>원래 결제수단 대신 현금으로 환불 (사유·관리자 승인)</source>
            <translation>Refund in cash instead of the original payment (reason, manager)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>현금으로 환불하는 사유</source>
            <translation>Why in cash</translation>
        </message>
        <message>
            <location line="+14" />
            <source>확인 (Enter)</source>
            <translation>OK (Enter)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>취소 (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>환불 금액 {total}</source>
            <translation>To refund {total}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>반품 금액 {total}</source>
            <translation>Returned {total}</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+25" />
            <source>환불할 상품과 수량을 고르세요.</source>
            <translation>Choose the items and quantities to refund.</translation>
        </message>
        <message>
            <location line="-21" />
            <source>현금 {amount} 지급</source>
            <translation>Pay out {amount} in cash</translation>
        </message>
        <message>
            <location line="+7" />
            <source>카드 {card} 승인취소 {amount} (원승인 {approval})</source>
            <translation>Card {card} cancel {amount} (original approval {approval})</translation>
        </message>
        <message>
            <location line="+7" />
            <source>상품권 {amount}</source>
            <translation>Voucher {amount}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>현금 {amount}</source>
            <translation>Cash {amount}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>환불 방법: {parts}</source>
            <translation>Refunded as: {parts}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>현금으로 환불하는 사유를 입력하세요.</source>
            <translation>Type why it is refunded in cash.</translation>
        </message>
        <message>
            <location line="-125" />
            <source>상품</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+3" />
            <source>환불 가능</source>
            <translation>Refundable</translation>
        </message>
        <message>
            <location line="+58" />
            <source>환불 사유</source>
            <translation>Reason for the refund</translation>
        </message>
    </context>
    <context>
        <name>RegionDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_edit.py" line="+64" />
            <source>산지 정보 — {name}</source>
            <translation>Region — {name}</translation>
        </message>
    </context>
    <context>
        <name>ReportsWindow</name>
        <message>
            <location filename="../../posapp/ui/reports.py" line="+253" />
            <source>보고서 — {name}</source>
            <translation>Reports — {name}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>대시보드</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+42" />
            <source>보고서</source>
            <translation>Report</translation>
        </message>
        <message>
            <location line="-40" />
            <source>세금계산서</source>
            <translation>Tax invoices</translation>
        </message>
        <message>
            <location line="+42" />
            <source>기간</source>
            <translation>Period</translation>
        </message>
        <message>
            <location line="+4" />
            <source>오늘</source>
            <translation>Today</translation>
        </message>
        <message>
            <location line="+0" />
            <source>7일</source>
            <translation>7 days</translation>
        </message>
        <message>
            <location line="+0" />
            <source>30일</source>
            <translation>30 days</translation>
        </message>
        <message>
            <location line="+4" />
            <source>지난달</source>
            <translation>Last month</translation>
        </message>
        <message>
            <location line="+4" />
            <source>분기</source>
            <translation>Quarter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>지난 분기 (부가세 예정·확정 신고)</source>
            <translation>Last quarter (VAT return)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>반기</source>
            <translation>Half-year</translation>
        </message>
        <message>
            <location line="+1" />
            <source>지난 반기 (부가세 과세기간)</source>
            <translation>Last half-year (VAT period)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>지역</source>
            <translation>Region</translation>
        </message>
        <message>
            <location line="+1" />
            <source>생산자</source>
            <translation>Producer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>분류</source>
            <translation>Category</translation>
        </message>
        <message>
            <location line="+1" />
            <source>계산원</source>
            <translation>Cashier</translation>
        </message>
        <message>
            <location line="+2" />
            <source>전체</source>
            <translation>All</translation>
        </message>
        <message>
            <location line="+8" />
            <source>조회</source>
            <translation>Run</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PDF 저장</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <location line="+2" />
            <source>CSV 저장</source>
            <translation>Save CSV</translation>
        </message>
        <message>
            <location line="+2" />
            <source>엑셀 저장</source>
            <translation>Save as Excel</translation>
        </message>
        <message>
            <location line="+1" />
            <source>XLSX: 표와 각 구역을 시트로 (세무사용)</source>
            <translation>XLSX: the table and each section as sheets (for the accountant)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>공급처별 정산서 PDF</source>
            <translation>Statements per supplier (PDF)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>기간과 필터에 맞는 공급처마다 정산서 한 장씩 (판매·입고 문서 포함)</source>
            <translation>One statement per supplier for the period and filters (with the sale and receipt documents)</translation>
        </message>
        <message>
            <location line="+31" />
            <source>오늘 순매출</source>
            <translation>Net sales today</translation>
        </message>
        <message>
            <location line="+1" />
            <source>지난주 같은 요일 (같은 시각까지)</source>
            <translation>Same weekday last week (to this time)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>재고 부족 상품</source>
            <translation>Products low on stock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>유통기한 임박 로트 (3일)</source>
            <translation>Lots expiring (3 days)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>전송 대기</source>
            <translation>Waiting to sync</translation>
        </message>
        <message>
            <location line="+14" />
            <source>오늘 상위 지역</source>
            <translation>Top regions today</translation>
        </message>
        <message>
            <location line="+9" />
            <source>새로 고침</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location line="+15" />
            <source>준비 중…</source>
            <translation>Preparing…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>보고서와 기간을 고르고 조회를 누르세요.</source>
            <translation>Pick a report and a period, then Run.</translation>
        </message>
        <message>
            <location line="+52" />
            <source>조회 중…</source>
            <translation>Running…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>{title}: {n}행 · {period}</source>
            <translation>{title}: {n} rows · {period}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>먼저 보고서를 조회하세요.</source>
            <translation>Run a report first.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>보고서 저장</source>
            <translation>Save report</translation>
        </message>
        <message>
            <location line="+7" />
            <source>저장했습니다: {path}</source>
            <translation>Saved: {path}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>정산서를 저장할 폴더</source>
            <translation>Folder for the statements</translation>
        </message>
        <message>
            <location line="+13" />
            <source>정산서 {n}장을 저장했습니다: {folder}</source>
            <translation>{n} statements saved: {folder}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>정산서 만드는 중…</source>
            <translation>Making the statements…</translation>
        </message>
        <message>
            <location line="+30" />
            <source> · 지남 {n}</source>
            <translation> · expired {n}</translation>
        </message>
        <message>
            <location line="+5" />
            <source> · 거부 {n}</source>
            <translation> · rejected {n}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>동기화 꺼짐</source>
            <translation>Sync off</translation>
        </message>
        <message>
            <location line="+2" />
            <source>온라인 플랫폼 주소가 없어 보내지 않습니다 (쌓인 판매 {n}건)</source>
            <translation>No online platform is set, so nothing is sent ({n} sales kept)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>시간대별 매출</source>
            <translation>Sales by hour</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{day} 기준 · 영수증 {n}건 (지난주 {m}건)</source>
            <translation>As of {day} · {n} receipts ({m} last week)</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_shelf_tab.py" line="+53" />
            <source>진열기한 경과 (신선도 저하)</source>
            <translation>Past its shelf window (no longer fresh)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>품질 불량</source>
            <translation>Poor quality</translation>
        </message>
        <message>
            <location line="+1" />
            <source>파손·포장 불량</source>
            <translation>Damaged or bad packaging</translation>
        </message>
        <message>
            <location line="+1" />
            <source>오배송</source>
            <translation>Wrong delivery</translation>
        </message>
        <message>
            <location line="+9" />
            <source>공급자 반품</source>
            <translation>Return to supplier</translation>
        </message>
        <message>
            <location line="+6" />
            <source> 외 {n}개</source>
            <translation> and {n} more</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n}개 로트의 남은 수량을 모두 공급자에게 반품합니다: {names}</source>
            <translation>All that is left of {n} lot(s) goes back to the supplier: {names}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>반품 사유</source>
            <translation>Reason</translation>
        </message>
    </context>
    <context>
        <name>ScanRouter</name>
        <message>
            <location filename="../../posapp/ui/scan_targets.py" line="+119" />
            <source>이 창에서는 스캔할 수 없습니다. 창을 닫은 뒤 다시 스캔하세요.</source>
            <translation>This window takes no scans. Close it, then scan again.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>이 화면에서는 스캔할 수 없습니다: {code}</source>
            <translation>This screen takes no scans: {code}</translation>
        </message>
    </context>
    <context>
        <name>SellingGuards</name>
        <message>
            <location filename="../../posapp/ui/checkout_guards.py" line="+109" />
            <location line="+8" />
            <source>관리자 승인</source>
            <translation>Manager approval</translation>
        </message>
        <message>
            <location line="-7" />
            <source>유통기한 지난 상품 판매: {name} (기한 {expiry})</source>
            <translation>Selling a product past its expiry date: {name} ({expiry})</translation>
        </message>
        <message>
            <location line="+8" />
            <source>한도를 넘는 품목: {name} {value} (한도 {limit})</source>
            <translation>Beyond the limit: {name} {value} (limit {limit})</translation>
        </message>
        <message>
            <location line="+17" />
            <source>유통기한 지난 상품: {name} (기한 {expiry}) — {who} 승인</source>
            <translation>Past its expiry date: {name} ({expiry}) — approved by {who}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>유통기한 지난 상품: {name} (기한 {expiry}, {days}일 지남)</source>
            <translation>Past its expiry date: {name} ({expiry}, {days} days ago)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>{name} 가격 변경 {old} → {new}</source>
            <translation>{name} price changed {old} → {new}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{name} 판매 중지: 거래에서 뺐습니다</source>
            <translation>{name} withdrawn from sale: taken off the ticket</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <location filename="../../posapp/ui/class_dialogs.py" line="-200" />
            <source>수업 만들기</source>
            <translation>New session</translation>
        </message>
        <message>
            <location line="+0" />
            <source>수업 변경</source>
            <translation>Change class</translation>
        </message>
        <message>
            <location line="+7" />
            <source>(없음)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>오픈 키친</source>
            <translation>Open kitchen</translation>
        </message>
        <message>
            <location line="+1" />
            <source>미팅 스페이스</source>
            <translation>Meeting space</translation>
        </message>
        <message>
            <location line="+11" />
            <source>제목</source>
            <translation>Title</translation>
        </message>
        <message>
            <location line="+1" />
            <source>영문 제목</source>
            <translation>English title</translation>
        </message>
        <message>
            <location line="+1" />
            <source>주제</source>
            <translation>Theme</translation>
        </message>
        <message>
            <location line="+1" />
            <source>산지</source>
            <translation>Featured region</translation>
        </message>
        <message>
            <location line="+1" />
            <source>공간</source>
            <translation>Room</translation>
        </message>
        <message>
            <location line="+1" />
            <source>날짜</source>
            <translation>Date</translation>
        </message>
        <message>
            <location line="+1" />
            <source>시작</source>
            <translation>Start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>시간(분)</source>
            <translation>Length (min)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>정원</source>
            <translation>Capacity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>참가비</source>
            <translation>Fee</translation>
        </message>
        <message>
            <location line="+1" />
            <source>강사</source>
            <translation>Instructor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>매주 반복(회)</source>
            <translation>Weekly, times</translation>
        </message>
        <message>
            <location line="+3" />
            <source>재료 검색 (상품명)</source>
            <translation>Find an ingredient (product name)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>재료 추가</source>
            <translation>Add ingredient</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+3" />
            <source>1인분</source>
            <translation>Per person</translation>
        </message>
        <message>
            <location line="+0" />
            <source>재료</source>
            <translation>Ingredient</translation>
        </message>
        <message>
            <location line="+67" />
            <source>개</source>
            <translation> pc</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../posapp/ui/settings.py" line="+52" />
            <source>미리보기 (프린터 없음)</source>
            <translation>Preview (no printer)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>네트워크 (LAN)</source>
            <translation>Network (LAN)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>USB</source>
            <translation>USB</translation>
        </message>
        <message>
            <location line="+1" />
            <source>시리얼 포트</source>
            <translation>Serial port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>장치 파일</source>
            <translation>Device file</translation>
        </message>
        <message>
            <location line="+1" />
            <source>키보드 방식 (USB)</source>
            <translation>Keyboard wedge (USB)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>없음 (무게 입력)</source>
            <translation>None (grams typed)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CAS PD-II</source>
            <translation>CAS PD-II</translation>
        </message>
        <message>
            <location line="+1" />
            <source>기타 (정규식)</source>
            <translation>Other (regex)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>한국어</source>
            <translation>한국어 (Korean)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <location line="+3" />
            <source>계산대 번호</source>
            <translation>Register id</translation>
        </message>
        <message>
            <location line="+1" />
            <source>계산대 이름</source>
            <translation>Register name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>프린터 종류</source>
            <translation>Printer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>프린터 주소</source>
            <translation>Printer address</translation>
        </message>
        <message>
            <location line="+1" />
            <source>프린터 포트</source>
            <translation>Printer port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>프린터 장치</source>
            <translation>Printer device</translation>
        </message>
        <message>
            <location line="+1" />
            <source>용지 폭</source>
            <translation>Paper width</translation>
        </message>
        <message>
            <location line="+1" />
            <source>돈통 핀</source>
            <translation>Drawer pin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>스캐너</source>
            <translation>Scanner</translation>
        </message>
        <message>
            <location line="+1" />
            <source>스캐너 포트</source>
            <translation>Scanner port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>저울</source>
            <translation>Scale</translation>
        </message>
        <message>
            <location line="+1" />
            <source>저울 포트</source>
            <translation>Scale port</translation>
        </message>
        <message>
            <location line="+1" />
            <source>데이터베이스 주소</source>
            <translation>Database URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>데이터베이스 비밀번호</source>
            <translation>Database password</translation>
        </message>
        <message>
            <location line="+1" />
            <source>플랫폼 주소</source>
            <translation>Platform URL</translation>
        </message>
        <message>
            <location line="+1" />
            <source>플랫폼 토큰</source>
            <translation>Platform token</translation>
        </message>
        <message>
            <location line="+1" />
            <source>화면 언어</source>
            <translation>Screen language</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+105" />
            <source>카드 단말기</source>
            <translation>Card terminal</translation>
        </message>
        <message>
            <location line="-96" />
            <source>저장된 토큰 없음</source>
            <translation>no token stored</translation>
        </message>
        <message>
            <location line="+2" />
            <source>OS 키링</source>
            <translation>OS keyring</translation>
        </message>
        <message>
            <location line="+3" />
            <source>환경 변수 {name}</source>
            <translation>environment variable {name}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>파일 {path}</source>
            <translation>file {path}</translation>
        </message>
        <message>
            <location line="+33" />
            <source>설정 — 계산대 등록</source>
            <translation>Settings — register this till</translation>
        </message>
        <message>
            <location line="+3" />
            <source>계산대</source>
            <translation>Till</translation>
        </message>
        <message>
            <location line="+17" />
            <source>프린터·돈통·스캐너·저울</source>
            <translation>Printer · drawer · scanner · scale</translation>
        </message>
        <message>
            <location line="+40" />
            <source>비우면 카드 수기 입력 (별도 단말기 승인번호) · tcp://주소:포트</source>
            <translation>Empty: cards keyed in by hand (standalone terminal's approval) · tcp://HOST:PORT</translation>
        </message>
        <message>
            <location line="+2" />
            <source>단말기 시험</source>
            <translation>Test terminal</translation>
        </message>
        <message>
            <location line="+11" />
            <source>데이터베이스·온라인 플랫폼</source>
            <translation>Database · online platform</translation>
        </message>
        <message>
            <location line="+4" />
            <source>비우면 이 컴퓨터의 SQLite · postgresql://사용자@서버:5432/posapp</source>
            <translation>Empty: SQLite on this computer · postgresql://user@server:5432/posapp</translation>
        </message>
        <message>
            <location line="+2" />
            <source>연결 시험 (Ctrl+T)</source>
            <translation>Test connection (Ctrl+T)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>비우면 동기화 안 함 · https://...</source>
            <translation>Empty: no sync · https://...</translation>
        </message>
        <message>
            <location line="+5" />
            <source>비우면 그대로 ({where})</source>
            <translation>Empty: keep the stored one ({where})</translation>
        </message>
        <message>
            <location line="+5" />
            <source>백업</source>
            <translation>Backup</translation>
        </message>
        <message>
            <location line="+4" />
            <source>백업 폴더</source>
            <translation>Backup folder</translation>
        </message>
        <message>
            <location line="+1" />
            <source>읽는 중…</source>
            <translation>Reading…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>마지막 백업</source>
            <translation>Last backup</translation>
        </message>
        <message>
            <location line="+14" />
            <source>저장한 설정은 다시 시작하면 적용됩니다 (계산대 이름은 바로).</source>
            <translation>Saved settings apply at the next start (the register name at once).</translation>
        </message>
        <message>
            <location line="+8" />
            <source>저장 (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>닫기 (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location line="+68" />
            <source>{when} · 계산대 {register} · {size}</source>
            <translation>{when} · till {register} · {size}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>아직 없습니다</source>
            <translation>None yet</translation>
        </message>
        <message>
            <location line="+3" />
            <source>이 계산대는 정기 백업을 하지 않습니다 (백오피스 계산대가 합니다)</source>
            <translation>This till makes no scheduled backups (the back-office till does)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>데이터베이스와 같은 디스크입니다: USB 드라이브나 네트워크 공유를 쓰세요</source>
            <translation>On the database's own disk: use a USB drive or a network share</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{when} 실패 · 계산대 {register}: {why}</source>
            <translation>{when} failed · till {register}: {why}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>연결하는 중…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>연결됨 · {server} · 스키마 {revision} (최신)</source>
            <translation>Connected · {server} · schema {revision} (current)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>연결됨 · {server} · 스키마 {revision}: 시작할 때 {head}로 올립니다</source>
            <translation>Connected · {server} · schema {revision}: upgraded to {head} at start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>연결됨 · {server} · 빈 데이터베이스: 시작할 때 만듭니다</source>
            <translation>Connected · {server} · empty database: created at start</translation>
        </message>
        <message>
            <location line="+1" />
            <source>새 SQLite 파일: 시작할 때 만듭니다</source>
            <translation>New SQLite file: created at start</translation>
        </message>
        <message>
            <location line="+17" />
            <source>단말기에 연결하는 중…</source>
            <translation>Connecting to the terminal…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>연결됨 · 카드 시뮬레이터입니다: 연습 모드 — 실제 결제 아님</source>
            <translation>Connected · this is the card simulator: PRACTICE MODE — no real payments</translation>
        </message>
        <message>
            <location line="+4" />
            <source>연결됨 · 단말기가 준비되었습니다</source>
            <translation>Connected · the terminal is ready</translation>
        </message>
        <message>
            <location line="+11" />
            <source>저장하는 중…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>바뀐 설정이 없습니다.</source>
            <translation>Nothing changed.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>저장했습니다.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>다시 시작해야 적용: {names}</source>
            <translation>Applies after a restart: {names}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>새 데이터베이스에는 다시 시작한 뒤 근무를 열 때 등록됩니다.</source>
            <translation>The new database registers this till when a shift is opened after the restart.</translation>
        </message>
    </context>
    <context>
        <name>ShelfTab</name>
        <message>
            <location filename="../../posapp/ui/inventory_shelf_tab.py" line="+36" />
            <source>분류</source>
            <translation>Category</translation>
        </message>
        <message>
            <location line="+5" />
            <source>진열기한</source>
            <translation>Days on shelf</translation>
        </message>
        <message>
            <location line="+3" />
            <source>없음</source>
            <translation>None</translation>
        </message>
        <message>
            <location line="+1" />
            <source>일</source>
            <translation> d</translation>
        </message>
        <message>
            <location line="+2" />
            <source>기한 저장 (Alt+D)</source>
            <translation>Save days (Alt+D)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>상품명</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+1" />
            <source>생산자·공급자</source>
            <translation>Producer / supplier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>로트</source>
            <translation>Lot</translation>
        </message>
        <message>
            <location line="+1" />
            <source>입고일</source>
            <translation>Received</translation>
        </message>
        <message>
            <location line="+1" />
            <source>진열 일수/기한</source>
            <translation>Days / window</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수량</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <location line="+12" />
            <source>새로 고침 (Alt+L)</source>
            <translation>Refresh (Alt+L)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>공급자 반품 (Alt+R)</source>
            <translation>Return to supplier (Alt+R)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>반품 전표 저장 (Alt+P)</source>
            <translation>Save return slip (Alt+P)</translation>
        </message>
        <message>
            <location line="+30" />
            <source>{name} (기한 없음)</source>
            <translation>{name} (no window)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{name} ({n}일)</source>
            <translation>{name} ({n} d)</translation>
        </message>
        <message>
            <location line="+26" />
            <source>{d}일 / {w}일</source>
            <translation>{d} d / {w} d</translation>
        </message>
        <message>
            <location line="+6" />
            <source>오늘 뺄 로트 {n}개 (진열기한이 지난 매장 진열분)</source>
            <translation>{n} lot(s) to pull today (on the floor past their window)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>진열기한이 지난 로트가 없습니다.</source>
            <translation>No lot is past its shelf window.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>분류를 고르세요.</source>
            <translation>Choose a category.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>진열기한을 저장했습니다: {what}</source>
            <translation>Days on shelf saved: {what}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>반품할 줄을 고르세요.</source>
            <translation>Choose the lines to return.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>관리자 승인</source>
            <translation>Manager approval</translation>
        </message>
        <message>
            <location line="+1" />
            <source>공급자 반품: 관리자 승인</source>
            <translation>Return to supplier: manager approval</translation>
        </message>
        <message>
            <location line="+8" />
            <source>반품했습니다: {n}개 로트. 반품 전표를 저장하세요.</source>
            <translation>Returned: {n} lot(s). Save the return slip.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>저장할 반품 전표가 없습니다.</source>
            <translation>No return slip to save.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>반품 전표 저장</source>
            <translation>Save return slip</translation>
        </message>
        <message>
            <location line="+0" />
            <source>반품 전표를 저장할 폴더</source>
            <translation>Folder for the return slips</translation>
        </message>
        <message>
            <location line="+4" />
            <source>찾는 위치:</source>
            <translation>Look in:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>파일 이름:</source>
            <translation>File name:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>파일 형식:</source>
            <translation>Files of type:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>저장</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+1" />
            <source>취소</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location line="+4" />
            <source>PDF 파일 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>반품 전표를 저장했습니다: {path}</source>
            <translation>Return slip saved: {path}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>없는 바코드: {c}</source>
            <translation>Unknown barcode: {c}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>뺄 로트가 없는 상품입니다: {name}</source>
            <translation>Nothing to pull for this product: {name}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>골랐습니다: {name} {n}줄</source>
            <translation>Chosen: {name}, {n} line(s)</translation>
        </message>
    </context>
    <context>
        <name>StaffDialog</name>
        <message>
            <location filename="../../posapp/ui/staff.py" line="-104" />
            <source>계산원</source>
            <translation>Cashier</translation>
        </message>
        <message>
            <location line="+1" />
            <source>매니저</source>
            <translation>Manager</translation>
        </message>
        <message>
            <location line="+1" />
            <source>쿠킹클래스 직원</source>
            <translation>Class staff</translation>
        </message>
        <message>
            <location line="+1" />
            <source>관리자</source>
            <translation>Admin</translation>
        </message>
        <message>
            <location line="+3" />
            <source>거래 취소</source>
            <translation>Void a ticket</translation>
        </message>
        <message>
            <location line="+1" />
            <source>환불</source>
            <translation>Refund</translation>
        </message>
        <message>
            <location line="+1" />
            <source>한도 넘는 할인</source>
            <translation>Discount above the limit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>가격 변경</source>
            <translation>Price override</translation>
        </message>
        <message>
            <location line="+1" />
            <source>판매 없이 돈통 열기</source>
            <translation>Open the drawer without a sale</translation>
        </message>
        <message>
            <location line="+1" />
            <source>재고 조정·폐기</source>
            <translation>Stock adjustment and waste</translation>
        </message>
        <message>
            <location line="+1" />
            <source>설정·감사 기록</source>
            <translation>Settings and audit log</translation>
        </message>
        <message>
            <location line="+1" />
            <source>직원·권한 관리</source>
            <translation>Staff and permissions</translation>
        </message>
        <message>
            <location line="+1" />
            <source>퀵키 편집</source>
            <translation>Edit quick keys</translation>
        </message>
        <message>
            <location line="+101" />
            <source>역할 변경</source>
            <translation>Change role</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{name}의 역할</source>
            <translation>Role of {name}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>직원·권한</source>
            <translation>Staff and permissions</translation>
        </message>
        <message>
            <location line="+8" />
            <source>이름</source>
            <translation>Name</translation>
        </message>
        <message>
            <location line="+0" />
            <source>역할</source>
            <translation>Role</translation>
        </message>
        <message>
            <location line="+0" />
            <source>상태</source>
            <translation>Status</translation>
        </message>
        <message>
            <location line="+11" />
            <source>추가 (Alt+N)</source>
            <translation>Add (Alt+N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>역할 변경 (Alt+R)</source>
            <translation>Change role (Alt+R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PIN 재설정 (Alt+P)</source>
            <translation>Reset PIN (Alt+P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>잠금 해제 (Alt+U)</source>
            <translation>Unlock (Alt+U)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>사용 중지/재개 (Alt+S)</source>
            <translation>Stop/resume (Alt+S)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>직원</source>
            <translation>Staff</translation>
        </message>
        <message>
            <location line="+18" />
            <source>칸을 누르면 바로 저장되고 감사 기록에 남습니다. 관리자는 언제나 직원·권한 관리를 가집니다.</source>
            <translation>A tick is saved at once and audited. The admin role always keeps staff and permissions.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>권한</source>
            <translation>Permissions</translation>
        </message>
        <message>
            <location line="+28" />
            <source>사용 중지</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <location line="+2" />
            <source>잠김 (PIN {n}회 틀림)</source>
            <translation>Locked ({n} wrong PINs)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>사용 중</source>
            <translation>Active</translation>
        </message>
        <message>
            <location line="+54" />
            <source>{name} 추가됨</source>
            <translation>{name} added</translation>
        </message>
        <message>
            <location line="+12" />
            <source>{name}: {role}</source>
            <translation>{name}: {role}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>{name}: 새 PIN 저장됨 (잠금도 풀림)</source>
            <translation>{name}: new PIN saved (unlocked)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>{name}: 잠금 해제됨</source>
            <translation>{name}: unlocked</translation>
        </message>
        <message>
            <location line="+9" />
            <source>{name}: 다시 사용</source>
            <translation>{name}: active again</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{name}: 사용 중지 (기록은 남습니다)</source>
            <translation>{name}: stopped (history kept)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{role}: {permission} 허용</source>
            <translation>{role}: {permission} allowed</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{role}: {permission} 해제</source>
            <translation>{role}: {permission} taken away</translation>
        </message>
    </context>
    <context>
        <name>StorePolicyDialog</name>
        <message>
            <location filename="../../posapp/ui/store_policy.py" line="+45" />
            <source>매장 정책</source>
            <translation>Store policy</translation>
        </message>
        <message>
            <location line="+12" />
            <source>저장</source>
            <translation>Save</translation>
        </message>
        <message>
            <location line="+4" />
            <source>모든 계산대에 같이 적용됩니다.</source>
            <translation>It applies to every till.</translation>
        </message>
        <message>
            <location line="+41" />
            <source>예</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location line="+28" />
            <source>저장했습니다. 모든 계산대에 적용됩니다.</source>
            <translation>Saved. Every till follows it now.</translation>
        </message>
    </context>
    <context>
        <name>SyncButton</name>
        <message>
            <location filename="../../posapp/ui/sync_panel.py" line="-130" />
            <source>동기화 오류 · 대기 {pending}건</source>
            <translation>Sync error · {pending} waiting</translation>
        </message>
        <message>
            <location line="+3" />
            <source>동기화 중 · 대기 {pending}건</source>
            <translation>Syncing · {pending} waiting</translation>
        </message>
        <message>
            <location line="+3" />
            <source>동기화 완료 {time}</source>
            <translation>Synced {time}</translation>
        </message>
        <message>
            <location line="+3" />
            <source> · 거부 {rejected}건</source>
            <translation> · {rejected} rejected</translation>
        </message>
    </context>
    <context>
        <name>TaxInvoiceBuyerDialog</name>
        <message>
            <location filename="../../posapp/ui/tax_invoice_dialog.py" line="-130" />
            <source>세금계산서 요청</source>
            <translation>Tax invoice request</translation>
        </message>
        <message>
            <location line="+8" />
            <source>세금계산서는 현금·계좌이체로 받은 판매에만 발급합니다. 카드 결제(카드 매출전표)나 현금영수증과 함께 발급할 수 없습니다 (부가가치세법 제33조 제2항).</source>
            <translation>A tax invoice is issued only for a sale paid in cash or by bank transfer, never beside a card slip or a cash receipt (VAT Act Article 33(2)).</translation>
        </message>
        <message>
            <location line="+8" />
            <source>영수증 {receipt}</source>
            <translation>Receipt {receipt}</translation>
        </message>
        <message>
            <location line="+28" />
            <source>확인</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+2" />
            <source>취소 (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
    </context>
    <context>
        <name>TaxInvoiceTab</name>
        <message>
            <location filename="../../posapp/ui/reports_invoices.py" line="+52" />
            <source>예: R01-20261014-0001</source>
            <translation>e.g. R01-20261014-0001</translation>
        </message>
        <message>
            <location line="+1" />
            <source>영수증 번호</source>
            <translation>Receipt number</translation>
        </message>
        <message>
            <location line="+20" />
            <source>공급일</source>
            <translation>Supply date</translation>
        </message>
        <message>
            <location line="+3" />
            <source>사업자등록번호</source>
            <translation>Business registration number</translation>
        </message>
        <message>
            <location line="-1" />
            <source>상호</source>
            <translation>Company name</translation>
        </message>
        <message>
            <location line="-13" />
            <source>세금계산서 요청</source>
            <translation>Request a tax invoice</translation>
        </message>
        <message>
            <location line="+3" />
            <source>목록 새로 고침 (보고서 기간)</source>
            <translation>Refresh the list (report period)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>영수증</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>공급가액·세액 / 면세</source>
            <translation>Supply + VAT / exempt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>상태</source>
            <translation>State</translation>
        </message>
        <message>
            <location line="+1" />
            <source>승인번호</source>
            <translation>Approval number</translation>
        </message>
        <message>
            <location line="+11" />
            <source>국세청 승인번호 24자리</source>
            <translation>NTS approval number (24 digits)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>발급 완료로 기록</source>
            <translation>Record as issued</translation>
        </message>
        <message>
            <location line="+3" />
            <source>요청 취소</source>
            <translation>Cancel the request</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{receipt}: 세금계산서 요청을 기록했습니다 (발급 대기).</source>
            <translation>{receipt}: tax-invoice request recorded (to issue).</translation>
        </message>
        <message>
            <location line="+43" />
            <source>요청을 고르세요.</source>
            <translation>Choose a request.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>발급 완료로 기록했습니다.</source>
            <translation>Recorded as issued.</translation>
        </message>
        <message>
            <location line="+14" />
            <source>요청을 취소했습니다.</source>
            <translation>Request cancelled.</translation>
        </message>
    </context>
    <context>
        <name>TenderDialog</name>
        <message>
            <location filename="../../posapp/ui/tender_dialog.py" line="-599" />
            <source>결제</source>
            <translation>Payment</translation>
        </message>
        <message>
            <location line="+25" />
            <source>금액</source>
            <extracomment>원단위 절사 of the cash part (1: off); the payments' setting unless given the approvals cancelled when the dialog was closed with approved parts 세금계산서 요청: the checked buyer (the sale is marked for it when it commits)</extracomment>
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
            <location line="+2" />
            <location line="+250" />
            <source>계좌이체</source>
            <translation>Bank transfer</translation>
        </message>
        <message>
            <location line="-234" />
            <source>할부 ({amount} 이상)</source>
            <translation>Instalments (from {amount})</translation>
        </message>
        <message>
            <location line="+3" />
            <source>일시불</source>
            <translation>Lump sum</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{months}개월</source>
            <translation>{months} months</translation>
        </message>
        <message>
            <location line="+8" />
            <source>상품권 일련번호 (스캔 또는 입력)</source>
            <translation>Voucher serial (scan or type)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>상품권 번호</source>
            <translation>Voucher no.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>온누리 카드</source>
            <extracomment>the kinds the store takes (its policy); None: no payments to ask (a bare dialog)</extracomment>
            <translation>Onnuri card</translation>
        </message>
        <message>
            <location line="+1" />
            <source>온누리 모바일</source>
            <translation>Onnuri mobile</translation>
        </message>
        <message>
            <location line="+2" />
            <source>지역사랑 모바일 (서울사랑 등)</source>
            <translation>Local mobile (Seoul Love etc.)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>전자상품권 결제</source>
            <translation>Pay e-voucher</translation>
        </message>
        <message>
            <location line="+2" />
            <source>카드·모바일 상품권</source>
            <translation>Card / mobile voucher</translation>
        </message>
        <message>
            <location line="+7" />
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
            <location line="+8" />
            <source>세금계산서 (Shift+F12)</source>
            <translation>Tax invoice (Shift+F12)</translation>
        </message>
        <message>
            <location line="+36" />
            <source>{amount} 이상 결제: 현금으로 받으면 현금영수증을 안내하세요.</source>
            <translation>{amount} or more: if paid in cash, offer a cash receipt.</translation>
        </message>
        <message>
            <location line="+55" />
            <source>세금계산서 요청을 취소했습니다.</source>
            <translation>Tax invoice request withdrawn.</translation>
        </message>
        <message>
            <location line="+20" />
            <source>세금계산서 요청: {name} ({number}) · 현금 또는 계좌이체로 받으세요 (카드·현금영수증 불가)</source>
            <translation>Tax invoice request: {name} ({number}) · take cash or a bank transfer (no card, no cash receipt)</translation>
        </message>
        <message>
            <location line="+62" />
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
            <location line="+2" />
            <source>원단위 절사</source>
            <translation>Rounding</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{method} (수기)</source>
            <translation>{method} (keyed in)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{method} {amount} {card} 승인 {approval}</source>
            <translation>{method} {amount} {card} approval {approval}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>받을 금액 {total} · 남은 금액 {remaining}</source>
            <translation>Amount due {total} · remaining {remaining}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>받을 금액 {total} · 남은 금액 {remaining} (현금 {cash})</source>
            <translation>Due {total} · remaining {remaining} (cash {cash})</translation>
        </message>
        <message>
            <location line="+9" />
            <source>거스름돈 {change}</source>
            <translation>Change {change}</translation>
        </message>
        <message>
            <location line="+39" />
            <source>원단위 절사 {amount}</source>
            <translation>Rounding {amount}</translation>
        </message>
        <message>
            <location line="+32" />
            <location line="+85" />
            <source>카드는 남은 금액까지만 결제할 수 있습니다.</source>
            <translation>A card can pay at most the remaining amount.</translation>
        </message>
        <message>
            <location line="-80" />
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
            <location line="+25" />
            <source>결제를 그만두어 카드 승인을 취소하는 중…</source>
            <translation>Payment abandoned: cancelling the card approval…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>카드 승인 취소 실패: {error} — 단말기에서 직접 취소하세요.</source>
            <translation>Card approval not cancelled: {error} — cancel it on the terminal.</translation>
        </message>
        <message>
            <location line="+53" />
            <source>계좌이체는 남은 금액까지만 받을 수 있습니다.</source>
            <translation>A bank transfer can only be up to the amount left.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>상품권 일련번호를 스캔하거나 입력하세요.</source>
            <translation>Scan or type the voucher's serial number.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>상품권 {face} 중 {used} 사용: 기준 미만이라 잔액을 돌려주지 않습니다.</source>
            <translation>{used} used of a {face} voucher: below the rule, so the rest is not repaid.</translation>
        </message>
    </context>
    <context>
        <name>TextDialog</name>
        <message>
            <location filename="../../posapp/ui/dialogs.py" line="+195" />
            <source>인쇄</source>
            <translation>Print</translation>
        </message>
    </context>
    <context>
        <name>TicketModel</name>
        <message>
            <location filename="../../posapp/ui/ticket_view.py" line="+88" />
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
        <message>
            <location line="+37" />
            <source>{price} (변경)</source>
            <translation>{price} (changed)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>[마감] {name}</source>
            <translation>[Markdown] {name}</translation>
        </message>
    </context>
    <context>
        <name>TransferDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_edit.py" line="+107" />
            <source>매장 ↔ 창고 이동 — {name}</source>
            <translation>Floor ↔ store room — {name}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{src} → {dst}</source>
            <translation>{src} → {dst}</translation>
        </message>
        <message>
            <location line="+12" />
            <source>매장 {floor} · 지하 창고 {room}</source>
            <translation>Floor {floor} · store room {room}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>재고</source>
            <translation>Stock</translation>
        </message>
        <message>
            <location line="+1" />
            <source>방향</source>
            <translation>Direction</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수량</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>메모</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>VoidReasonDialog</name>
        <message>
            <location filename="../../posapp/ui/void_dialog.py" line="+32" />
            <source>거래 취소 사유</source>
            <translation>Why the sale is voided</translation>
        </message>
        <message>
            <location line="+3" />
            <source>취소 사유를 고르세요</source>
            <translation>Choose why the sale is voided</translation>
        </message>
        <message>
            <location line="+13" />
            <source>메모 ('기타'는 꼭 적으세요)</source>
            <translation>Note (needed for 'other')</translation>
        </message>
        <message>
            <location line="+8" />
            <source>확인</source>
            <translation>OK</translation>
        </message>
        <message>
            <location line="+4" />
            <source>확인 (Enter)</source>
            <translation>OK (Enter)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>취소 (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>사유를 고르세요.</source>
            <translation>Choose a reason.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>'기타'는 사유를 적어야 합니다.</source>
            <translation>'Other' needs a note.</translation>
        </message>
    </context>
    <context>
        <name>WasteDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_edit.py" line="+54" />
            <source>변질</source>
            <translation>Spoiled</translation>
        </message>
        <message>
            <location line="+1" />
            <source>파손</source>
            <translation>Damaged</translation>
        </message>
        <message>
            <location line="+1" />
            <source>시식</source>
            <translation>Tasting sample</translation>
        </message>
        <message>
            <location line="+1" />
            <source>수업 사용</source>
            <translation>Cooking class</translation>
        </message>
        <message>
            <location line="+1" />
            <source>도난·분실</source>
            <translation>Theft / loss</translation>
        </message>
        <message>
            <location line="+1" />
            <source>재고 정정 (±)</source>
            <translation>Stock correction (±)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>폐기·조정</source>
            <translation>Waste / adjust</translation>
        </message>
        <message>
            <location line="+10" />
            <source>수량</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <location line="+1" />
            <source>사유</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+1" />
            <source>메모</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>WriteOffDialog</name>
        <message>
            <location filename="../../posapp/ui/inventory_expiry_tab.py" line="-151" />
            <source>변질·유통기한 경과</source>
            <translation>Spoiled or past its date</translation>
        </message>
        <message>
            <location line="+1" />
            <source>파손</source>
            <translation>Damaged</translation>
        </message>
        <message>
            <location line="+1" />
            <source>도난·분실</source>
            <translation>Theft or loss</translation>
        </message>
        <message>
            <location line="+4" />
            <source>로트 폐기</source>
            <translation>Write off lots</translation>
        </message>
        <message>
            <location line="+5" />
            <source> 외 {n}개</source>
            <translation> and {n} more</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n}개 로트, 모두 {qty}개를 폐기합니다: {names}</source>
            <translation>Writing off {n} lots, {qty} units in all: {names}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>사유</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location line="+1" />
            <source>메모</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>checkout</name>
        <message>
            <location filename="../../posapp/ui/checkout_view.py" line="+15" />
            <source>개</source>
            <translation>ea</translation>
        </message>
    </context>
    <context>
        <name>inventory</name>
        <message>
            <location filename="../../posapp/ui/inventory_edit.py" line="-449" />
            <source>개</source>
            <translation>ea</translation>
        </message>
        <message>
            <location line="+1" />
            <source>kg</source>
            <translation>kg</translation>
        </message>
        <message>
            <location line="+1" />
            <source>100g</source>
            <translation>100g</translation>
        </message>
        <message>
            <location line="+3" />
            <source>과세</source>
            <translation>Taxable</translation>
        </message>
        <message>
            <location line="+1" />
            <source>면세</source>
            <translation>Tax-exempt</translation>
        </message>
        <message>
            <location line="+3" />
            <source>직매입</source>
            <translation>Direct purchase</translation>
        </message>
        <message>
            <location line="+1" />
            <source>특정매입</source>
            <translation>Specific purchase</translation>
        </message>
        <message>
            <location line="+1" />
            <source>위탁</source>
            <translation>Consignment</translation>
        </message>
        <message>
            <location line="+14" />
            <source>원</source>
            <translation>won</translation>
        </message>
        <message>
            <location line="+176" />
            <location filename="../../posapp/ui/inventory_import.py" line="-137" />
            <source>판매가</source>
            <translation>Price</translation>
        </message>
        <message>
            <location line="+24" />
            <source>담당자</source>
            <translation>Contact</translation>
        </message>
        <message>
            <location line="+1" />
            <source>전화</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location line="+1" />
            <source>대표 특산물</source>
            <translation>Signature produce</translation>
        </message>
        <message>
            <location line="+1" />
            <source>축제</source>
            <translation>Festival</translation>
        </message>
        <message>
            <location line="+1" />
            <source>관광</source>
            <translation>Tourism</translation>
        </message>
        <message>
            <location line="+1" />
            <source>제철</source>
            <translation>In season</translation>
        </message>
        <message>
            <location line="+1" />
            <source>홍보 문구 (영수증·고객 화면)</source>
            <translation>Promotion (receipts, customer display)</translation>
        </message>
        <message>
            <location line="+106" />
            <source>매장</source>
            <translation>Sales floor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>지하 창고</source>
            <translation>Basement store room</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_orders.py" line="-288" />
            <source>작성 중</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location line="+1" />
            <source>발송</source>
            <translation>Sent</translation>
        </message>
        <message>
            <location line="+1" />
            <source>일부 입고</source>
            <translation>Partly received</translation>
        </message>
        <message>
            <location line="+1" />
            <source>입고 완료</source>
            <translation>Received</translation>
        </message>
        <message>
            <location line="+1" />
            <source>마감</source>
            <translation>Closed</translation>
        </message>
        <message>
            <location line="+228" />
            <source>단가</source>
            <translation>Unit cost</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_labels.py" line="-132" />
            <source>가격표 8칸 (99.1×67.7 mm)</source>
            <translation>Shelf labels, 8 per sheet (99.1×67.7 mm)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>폼텍 21칸 (63.5×38.1 mm)</source>
            <translation>Formtec 21 per sheet (63.5×38.1 mm)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>폼텍 40칸 (48.5×25.4 mm)</source>
            <translation>Formtec 40 per sheet (48.5×25.4 mm)</translation>
        </message>
        <message>
            <location filename="../../posapp/ui/inventory_import.py" line="-7" />
            <source>바코드</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <location line="+1" />
            <source>상품명</source>
            <translation>Product</translation>
        </message>
        <message>
            <location line="+1" />
            <source>영문명</source>
            <translation>English name</translation>
        </message>
        <message>
            <location line="+1" />
            <source>산지</source>
            <translation>Region</translation>
        </message>
        <message>
            <location line="+1" />
            <source>생산자</source>
            <translation>Producer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>분류</source>
            <translation>Category</translation>
        </message>
        <message>
            <location line="+1" />
            <source>단위</source>
            <translation>Unit</translation>
        </message>
        <message>
            <location line="+2" />
            <source>과세 구분</source>
            <translation>Tax</translation>
        </message>
        <message>
            <location line="+1" />
            <source>발주점</source>
            <translation>Reorder point</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PLU</source>
            <translation>PLU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>유통기간</source>
            <translation>Shelf life</translation>
        </message>
        <message>
            <location line="+1" />
            <source>판매 여부</source>
            <translation>Active</translation>
        </message>
    </context>
    <context>
        <name>sync</name>
        <message>
            <location filename="../../posapp/ui/sync_panel.py" line="+17" />
            <source>보낼 문서 {pending}건 · 거부 {rejected}건 · 보낸 문서 {sent}건</source>
            <translation>{pending} documents to send · {rejected} rejected · {sent} sent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>마지막 성공 {time}</source>
            <translation>Last success {time}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>마지막 오류: {error} (다시 시도까지 {seconds:.0f}초)</source>
            <translation>Last error: {error} (next try in {seconds:.0f} s)</translation>
        </message>
    </context>
</TS>
