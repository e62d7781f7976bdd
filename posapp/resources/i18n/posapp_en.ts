<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ko_KR">
    <context>
        <name>CheckoutWindow</name>
        <message>
            <location filename="../../ui/checkout.py" line="+301" />
            <location line="+133" />
            <source>로그인 (F1)</source>
            <extracomment>(amount, request) → the request with the terminal's approval; None: no terminal</extracomment>
            <translation>Sign in (F1)</translation>
        </message>
        <message>
            <location line="-124" />
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
            <source>보고서 (Ctrl+R)</source>
            <translation>Reports (Ctrl+R)</translation>
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
            <location line="+353" />
            <source>먼저 로그인하세요 (F1).</source>
            <translation>Please sign in first (F1).</translation>
        </message>
        <message>
            <location line="-350" />
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
            <location line="+7" />
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
            <location line="+7" />
            <source>관리자 승인</source>
            <translation>Manager approval</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{name} 관리자 승인</source>
            <translation>Approved by manager {name}</translation>
        </message>
        <message>
            <location line="+20" />
            <source>할인 승인이 필요합니다</source>
            <translation>The discount needs approval</translation>
        </message>
        <message>
            <location line="+24" />
            <source>현금영수증 발급 실패: {error} (영수증에 발급 대기로 표시)</source>
            <translation>Cash receipt not issued: {error} (the receipt marks it pending)</translation>
        </message>
        <message>
            <location line="+14" />
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
            <location line="+12" />
            <source>거래 취소: 관리자 승인</source>
            <translation>Void sale: manager approval</translation>
        </message>
        <message>
            <location line="+3" />
            <source>거래를 취소했습니다.</source>
            <translation>The sale was voided.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>영수증 바코드를 스캔하거나 번호를 입력한 뒤 F8을 누르세요.</source>
            <translation>Scan the receipt barcode or type its number, then press F8.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>환불: 관리자 승인</source>
            <translation>Refund: manager approval</translation>
        </message>
        <message>
            <location line="+8" />
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
            <location line="+25" />
            <source>온라인 주문 {count}건 픽업 완료</source>
            <translation>{count} online order(s) picked up</translation>
        </message>
        <message>
            <location line="+9" />
            <source>돈통 열기: 관리자 승인</source>
            <translation>Open drawer: manager approval</translation>
        </message>
    </context>
    <context>
        <name>CountDialog</name>
        <message>
            <location filename="../../ui/dialogs.py" line="+112" />
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
        <name>OnlineOrdersDialog</name>
        <message>
            <location filename="../../ui/sync_panel.py" line="+109" />
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
            <location line="+2" />
            <location line="+13" />
            <source>동기화를 요청했습니다.</source>
            <translation>Sync requested.</translation>
        </message>
        <message>
            <location line="-10" />
            <source>닫기</source>
            <translation>Close</translation>
        </message>
        <message>
            <location line="+21" />
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
        <name>PinDialog</name>
        <message>
            <location filename="../../ui/dialogs.py" line="-312" />
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
        <name>ReportsWindow</name>
        <message>
            <location filename="../../ui/reports.py" line="+211" />
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
            <location line="+24" />
            <source>보고서</source>
            <translation>Report</translation>
        </message>
        <message>
            <location line="+2" />
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
            <location line="+3" />
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
            <location line="+27" />
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
            <location line="+18" />
            <source>준비 중…</source>
            <translation>Preparing…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>보고서와 기간을 고르고 조회를 누르세요.</source>
            <translation>Pick a report and a period, then Run.</translation>
        </message>
        <message>
            <location line="+36" />
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
            <location line="+11" />
            <source>저장했습니다: {path}</source>
            <translation>Saved: {path}</translation>
        </message>
        <message>
            <location line="+27" />
            <source> · 지남 {n}</source>
            <translation> · expired {n}</translation>
        </message>
        <message>
            <location line="+4" />
            <source> · 거부 {n}</source>
            <translation> · rejected {n}</translation>
        </message>
        <message>
            <location line="+3" />
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
        <name>SyncButton</name>
        <message>
            <location filename="../../ui/sync_panel.py" line="-129" />
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
        <name>TenderDialog</name>
        <message>
            <location filename="../../ui/dialogs.py" line="-340" />
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
            <location filename="../../ui/checkout.py" line="-745" />
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
            <location filename="../../ui/messages.py" line="+240" />
            <source>오류: {kind}: {error}</source>
            <extracomment>code → Korean template; ``{name}`` fields come from the error's data.</extracomment>
            <translation>Error: {kind}: {error}</translation>
        </message>
        <message>
            <location filename="../../ui/checkout.py" line="+750" />
            <source>개</source>
            <translation>ea</translation>
        </message>
    </context>
    <context>
        <name>sync</name>
        <message>
            <location filename="../../ui/sync_panel.py" line="+17" />
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
