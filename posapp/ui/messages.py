"""Errors in the cashier's words: each error ``code`` of the services and devices, in Korean.

The services write their messages in English (the developers' and the log's language) and carry a
machine code and data (:class:`posapp.errors.PosError`,
:class:`posapp.hardware.ports.HardwareError`).
A Korean till shows the Korean sentence for the code, filled from the error's data; an English till
shows the service's own English message, which says the same with its details. A code missing here
is caught by a test that reads every ``code="..."`` in the package.
"""

from __future__ import annotations

import logging
import re
import string
from typing import Any

from PySide6.QtCore import QCoreApplication

from posapp.ui.i18n import installed_locale

log = logging.getLogger(__name__)

_HANGUL = re.compile(r"[\uac00-\ud7a3]")

#: code → Korean template; ``{name}`` fields come from the error's data.
KO: dict[str, str] = {
    # sign-in and approval
    "auth.approval_denied": "관리자 PIN이 필요합니다.",
    "auth.approval_required": "관리자 승인이 필요한 작업입니다.",
    "auth.duplicate": "같은 이름의 사용자가 이미 있습니다: {name}",
    "auth.locked": "PIN을 여러 번 틀려 잠시 잠겼습니다. 몇 분 뒤 다시 하세요.",
    "auth.name": "사용자 이름을 입력하세요.",
    "auth.pin_format": "PIN은 숫자 4~6자리입니다.",
    "auth.unknown_user": "없거나 사용 중지된 사용자입니다.",
    "auth.wrong_pin": "PIN이 틀렸습니다.",
    "session.signed_out": "먼저 로그인하세요.",
    "session.needs_weight": "{name}: 저울에 올리거나 무게(g)를 입력하세요.",
    "session.ticket_open": "진행 중인 거래를 끝내거나 보류한 뒤 불러오세요.",
    # staff administration
    "staff.last_admin": "{name}님은 마지막 관리자입니다. 다른 관리자를 먼저 만드세요.",
    "staff.self": "자기 계정은 사용 중지할 수 없습니다.",
    "staff.none_selected": "먼저 직원을 고르세요.",
    # selling while the store's database cannot be reached
    "offline.needs_server": "오프라인 중에는 할 수 없는 작업입니다(매장 서버 연결 필요). "
    "판매는 계속할 수 있습니다.",
    "offline.unsent": "서버로 아직 보내지 않은 오프라인 거래가 {count}건 있습니다. "
    "전송된 뒤 근무를 마감하세요.",
    # barcodes and the catalogue
    "barcode.empty": "바코드가 비어 있습니다.",
    "barcode.not_digits": "바코드는 숫자만 됩니다: {barcode}",
    "barcode.length": "바코드 길이가 맞지 않습니다: {barcode}",
    "barcode.check_digit": "바코드 검증번호가 틀립니다(잘못 읽힘): {barcode}",
    "barcode.in_store_prefix": "매장 저울 바코드 형식이 아닙니다: {barcode}",
    "catalog.unknown_barcode": "등록되지 않은 바코드입니다: {barcode}",
    "catalog.unknown_plu": "해당 품목 코드의 상품이 없습니다: {plu}",
    "catalog.unknown_product": "없는 상품입니다.",
    "catalog.inactive": "판매 중지된 상품입니다: {name}",
    "catalog.needs_weight": "{name}: 저울에 올리거나 무게(g)를 입력하세요.",
    "catalog.zero_weight": "저울 라벨의 무게가 0 g입니다: {barcode}",
    "catalog.price": "가격은 0원 이상의 정수여야 합니다.",
    "price.invalid": "가격이 올바르지 않습니다.",
    "price.override_reason": "가격을 바꾸는 사유를 입력하세요.",
    "setup.register_id": "계산대 번호는 영문·숫자 1~16자입니다: {value}",
    "setup.register_name": "계산대 이름을 입력하세요 (60자 이내).",
    "setup.printer_kind": "프린터 종류를 고르세요.",
    "setup.printer_host": "네트워크 프린터의 주소(IP)를 입력하세요.",
    "setup.printer_device": "시리얼·장치 파일 프린터의 장치(포트)를 입력하세요.",
    "setup.port": "포트 번호는 1~65535입니다: {value}",
    "setup.paper": "용지 폭은 58mm 또는 80mm입니다.",
    "setup.drawer_pin": "돈통 핀은 2 또는 5입니다.",
    "setup.scanner_kind": "스캐너 종류를 고르세요.",
    "setup.scale_kind": "저울 종류를 고르세요.",
    "setup.port_missing": "{what} 포트를 입력하세요 (예: /dev/ttyUSB0, COM3).",
    "setup.database_url": (
        "데이터베이스 주소는 sqlite:///파일 또는 postgresql://사용자@서버:포트/DB 형식입니다."
    ),
    "setup.db_connect": (
        "데이터베이스 서버({host}:{port})에 연결할 수 없습니다. "
        "주소·포트와 서버가 켜져 있는지 확인하세요."
    ),
    "setup.db_login": "데이터베이스 사용자 이름이나 비밀번호가 맞지 않습니다 ({host}).",
    "setup.db_missing": "서버({host})에 데이터베이스 {name}이(가) 없습니다.",
    "setup.db_newer": (
        "이 데이터베이스는 더 새로운 프로그램의 스키마({revision})입니다. "
        "프로그램을 업데이트하세요."
    ),
    "setup.platform_url": "플랫폼 주소는 http:// 또는 https:// 로 시작합니다.",
    "setup.locale": "지원하지 않는 화면 언어입니다: {value}",
    "setup.file": "설정 파일을 저장하지 못했습니다: {key}",
    "price.fixed_label": "저울 라벨 상품은 금액이 정해져 있어 단가를 바꿀 수 없습니다.",
    "unit.unknown": "알 수 없는 단위입니다: {value} (개, kg, 100g)",
    "tax.unknown": "알 수 없는 과세 구분입니다.",
    "quantity.invalid": "수량이 올바르지 않습니다.",
    "quantity.fixed_label": "저울 라벨 상품은 금액이 정해져 있습니다. 다시 스캔하거나 삭제하세요.",
    "discount.invalid": "할인을 숫자로 입력하세요(금액 또는 %).",
    "discount.too_large": "할인이 금액보다 큽니다.",
    "stock.qty": "수량은 0보다 커야 합니다.",
    # one row of a product CSV import (posapp.inventory.csv_io.RowError codes)
    "csv.encoding": "UTF-8이나 CP949 글자가 아닙니다({byte}번째 바이트).",
    "csv.column_twice": "같은 열이 두 번 있습니다.",
    "csv.unknown_column": "모르는 열입니다: {value}",
    "csv.missing_column": "꼭 있어야 하는 열이 없습니다.",
    "csv.required": "정수를 입력하세요.",
    "csv.not_whole": "정수가 아닙니다: {value}",
    "csv.empty": "빈 파일입니다.",
    "csv.unreadable": "CSV 형식이 깨져 읽을 수 없습니다.",
    "csv.field_count": "칸이 {fields}개입니다(머리글은 {width}개).",
    "csv.barcode_repeats": "바코드 {barcode}이(가) {other}행과 겹칩니다.",
    "csv.barcode_twice": "바코드 {barcode}을(를) 두 번 적었습니다.",
    "csv.plu_format": "PLU는 숫자 4~6자리입니다: {value}",
    "csv.plu_repeats": "PLU {plu}이(가) {other}행과 겹칩니다.",
    "csv.name": "상품명(한글)을 입력하세요.",
    "csv.name_long": "상품명이 200자보다 깁니다.",
    "csv.unit": "단위는 ea, kg, 100g(개) 중 하나입니다: {value}",
    "csv.tax": "과세 구분은 taxable/exempt(과세/면세)입니다: {value}",
    "csv.active": "판매 여부는 yes 또는 no입니다: {value}",
    "csv.no_code": "바코드나 PLU가 있어야 합니다.",
    "csv.plu_other_product": "PLU {plu}은(는) 다른 상품의 것입니다.",
    "csv.barcodes_split": "바코드들이 서로 다른 기존 상품에 속합니다.",
    "csv.plu_in_use": "PLU {plu}은(는) 이미 쓰이고 있습니다.",
    "csv.unreadable_file": "파일을 읽을 수 없습니다: {path} ({error})",
    "import.rejected": "가져오기 거부: 오류가 있어 아무것도 가져오지 않았습니다.",
    # shifts, sales, refunds, holds
    "cash.denomination": "{denomination}원은 한국 지폐/동전이 아닙니다.",
    "cash.count": "{denomination}원의 개수는 0 이상이어야 합니다.",
    "shift.already_open": "계산대 {register}에 이미 열린 근무가 있습니다.",
    "shift.not_open": "판매하려면 먼저 근무를 시작하세요.",
    "shift.unknown": "없는 근무입니다.",
    "shift.closed": "이미 마감된 근무입니다.",
    "sale.empty": "거래에 상품이 없습니다.",
    "refund.unknown_receipt": "영수증을 찾을 수 없습니다: {receipt_no}",
    "refund.of_refund": "환불 영수증은 다시 환불할 수 없습니다.",
    "report.period": "기간의 끝({end})이 시작({start})보다 앞섭니다.",
    "report.group": "묶는 기준이 올바르지 않습니다.",
    "report.order": "순서는 상위 또는 하위입니다.",
    "report.filter": "이 보고서는 상품 조건(지역·생산자·분류)으로 나눌 수 없습니다.",
    "report.filter_unknown": "조건에 맞는 항목이 없습니다: {value}",
    "report.unknown": "없는 보고서입니다: {name}",
    "report.out_required": "공급자별 정산서를 저장할 폴더를 지정하세요.",
    "refund.nothing": "이미 전액 환불된 영수증입니다: {receipt_no}",
    "refund.unknown_line": "영수증 {receipt_no}에 {line}번 품목이 없습니다.",
    "refund.qty": "{line}번 품목: 환불 수량은 1 이상이어야 합니다.",
    "refund.too_many": "{line}번 {name}: 환불할 수 있는 수량은 {remaining}입니다.",
    "refund.overpaid": "환불 금액은 돌려줄 금액과 정확히 같아야 합니다.",
    "hold.empty": "보류할 상품이 없습니다.",
    "hold.gone": "이미 불러온 보류 거래입니다.",
    # tenders and cash receipts
    "tender.amount": "결제 금액은 1원 이상의 정수여야 합니다.",
    "tender.approval": "카드 결제에는 승인번호가 필요합니다.",
    "tender.voucher_kind": "상품권 종류(온누리/지역)를 고르세요.",
    "tender.card_unmasked": "카드번호는 앞 6자리와 뒤 4자리만 저장합니다.",
    "tender.card_number": "카드번호가 아닙니다.",
    "tender.overpaid": "카드·상품권 결제({paid:,}원)가 결제할 금액({due:,}원)보다 큽니다.",
    "tender.short": "{remaining:,}원이 더 필요합니다.",
    "cash_receipt.identity": "현금영수증 번호를 확인하세요(휴대폰, 현금영수증카드, 사업자번호).",
    "cash_receipt.business_no": "사업자등록번호가 올바르지 않습니다.",
    "cash_receipt.approval_missing": "VAN에서 받은 현금영수증 승인번호를 입력하세요.",
    "cash_receipt.unknown": "발급 대기 중인 현금영수증이 아닙니다.",
    "cash_receipt.issued_already": "{receipt_no}의 현금영수증은 이미 발급되었습니다.",
    # devices
    "printer.offline": "프린터에 연결할 수 없습니다. 전원과 케이블을 확인하세요.",
    "printer.paper_out": "프린터 용지가 없습니다.",
    "printer.cover_open": "프린터 덮개가 열려 있습니다.",
    "printer.stalled": "프린터가 데이터를 받지 않습니다.",
    "printer.error": "인쇄하지 못했습니다.",
    "scale.bad_frame": "저울 값을 읽을 수 없습니다.",
    "scale.bad_unit": "저울 단위를 kg으로 맞추세요.",
    "scale.busy": "저울이 다른 측정 중입니다.",
    "scale.config": "저울 설정이 올바르지 않습니다.",
    "scale.negative": "저울 무게가 음수입니다. 접시를 비우고 영점을 맞추세요.",
    "scale.overload": "저울 최대 하중을 넘었습니다. 상품을 내려놓으세요.",
    "scale.timeout": "저울이 응답하지 않습니다. 전원과 케이블을 확인하세요.",
    "scale.unavailable": "저울을 사용할 수 없습니다.",
    "scale.unstable": "무게가 안정되지 않았습니다. 상품을 움직이지 마세요.",
    "display.offline": "고객 표시기가 꺼져 있습니다.",
    "display.stalled": "고객 표시기가 응답하지 않습니다.",
    "display.unavailable": "고객 표시기를 사용할 수 없습니다.",
    "card.bad_request": "카드 결제 요청이 올바르지 않습니다.",
    "card.declined": "카드가 거절되었습니다.",
    "card.net_cancel_failed": "카드 승인 여부를 알 수 없습니다. 단말기 거래 내역을 확인하세요.",
    "card.protocol": "카드 단말기 응답을 이해할 수 없어 취소했습니다.",
    "card.timeout": "카드 단말기 응답이 없어 취소했습니다.",
    "card.unavailable": "카드 단말기에 연결할 수 없습니다. 수기 카드 결제를 쓰세요.",
    "card.unmasked": "단말기가 가리지 않은 카드번호를 보냈습니다. 결제를 취소했습니다.",
    "payment.cancelled": "결제를 완료하지 못해 승인을 취소했습니다.",
    # inventory (issue 6)
    "barcode.not_gtin": "상품 바코드(GTIN)가 아닙니다: {barcode}",
    "count.empty": "실사할 상품이 없습니다.",
    "count.not_open": "진행 중인 재고 실사가 아닙니다.",
    "count.open": "이미 진행 중인 재고 실사가 있습니다. 먼저 마감하거나 취소하세요.",
    "count.qty": "실사 수량은 0 이상의 정수입니다.",
    "count.unknown": "없는 재고 실사입니다.",
    "inventory.barcode": "바코드가 올바르지 않습니다.",
    "inventory.barcode_dup": "같은 바코드를 두 번 입력했습니다.",
    "inventory.barcode_taken": "바코드 {barcode}은(는) 이미 다른 상품({name})에 등록되어 있습니다.",
    "inventory.cost": "원가는 0원 이상의 정수입니다.",
    "inventory.expired": "유통기한이 이미 지났습니다.",
    "inventory.location": "보관 위치는 매장 또는 지하 창고입니다.",
    "inventory.lot": "해당 로트를 찾을 수 없습니다.",
    "inventory.lot_empty": "재고가 없는 로트입니다.",
    "inventory.lot_short": "로트 재고가 부족합니다.",
    "inventory.markdown_percent": "할인율은 1~99%입니다.",
    "inventory.name": "상품명을 입력하세요.",
    "inventory.note_required": "정정에는 메모가 필요합니다.",
    "inventory.po_closed": "마감된 발주서입니다.",
    "inventory.po_duplicate_line": "발주서에 같은 상품이 두 번 있습니다.",
    "inventory.po_empty": "발주서에 품목이 없습니다.",
    "inventory.po_not_draft": "작성 중인 발주서만 고칠 수 있습니다.",
    "inventory.po_not_open": "발송된 발주서만 입고할 수 있습니다.",
    "inventory.price": "가격은 0원 이상의 정수입니다.",
    "inventory.qty": "수량은 1 이상의 정수입니다.",
    "inventory.reason": "사유를 고르세요(변질, 파손, 시식, 수업 사용, 도난, 정정).",
    "inventory.receive_empty": "입고할 품목이 없습니다.",
    "inventory.reorder": "발주점은 0 이상의 정수입니다.",
    "inventory.same_location": "보내는 곳과 받는 곳이 같습니다.",
    "inventory.shelf_life": "유통기간(일)은 1 이상의 정수입니다.",
    "inventory.supplier": "공급자를 고르세요.",
    "inventory.tax": "과세 구분은 과세 또는 면세입니다.",
    "inventory.transfer_short": "옮길 재고가 부족합니다.",
    "inventory.unit": "단위는 개, kg, 100g 중 하나입니다.",
    "inventory.unknown_lot": "없는 로트입니다.",
    "inventory.unknown_po": "없는 발주서입니다.",
    "inventory.unknown_product": "없는 상품입니다.",
    "inventory.unknown_supplier": "없는 공급자입니다.",
    "labels.bad_barcode": "바코드가 올바르지 않아 라벨을 만들 수 없습니다: {name} {barcode}",
    "labels.copies": "라벨 매수는 1 이상입니다.",
    "labels.empty": "인쇄할 라벨이 없습니다.",
    "labels.no_barcode": "바코드가 없는 상품입니다: {name}",
    "labels.no_markdown": "할인 중인 로트가 아닙니다.",
    "labels.sheet": "라벨 용지 규격이 A4에 맞지 않습니다.",
    "labels.skip": "건너뛸 라벨 수가 용지 칸 수보다 많습니다.",
    "producer.commission": "수수료율은 0~100 사이의 정수(%)입니다.",
    "producer.duplicate": "같은 이름의 생산자가 이미 있습니다: {name}",
    "producer.kind": "거래 방식은 매입 또는 위탁입니다.",
    "producer.name": "생산자 이름을 입력하세요.",
    "producer.phone": "전화번호 형식이 올바르지 않습니다.",
    "producer.unknown": "없는 생산자입니다.",
    "region.field": "지역 정보 항목이 올바르지 않습니다.",
    "region.unknown": "없는 지역입니다.",
    "region.phone": "전화번호 형식이 올바르지 않습니다: {phone}",
    "stock.location": "보관 위치가 올바르지 않습니다.",
    "ui.po_line": "{row}행: 발주 수량은 정수입니다.",
    "ui.won": "{what}: 금액은 원 단위 정수로 입력하세요 ({text})",
    "ui.receive_line": "{row}행: 입고 줄을 확인하세요(수량, 유통기한 YYYY-MM-DD, 원가).",
    # backups, permissions, secrets (issue 10)
    "backup.bad_copy": "백업 사본 검사에 실패했습니다. 다시 백업하세요.",
    "backup.memory": "메모리 데이터베이스는 백업할 수 없습니다.",
    "backup.no_source": "백업할 데이터베이스 파일이 없습니다.",
    "backup.not_sqlite": "SQLite 데이터베이스만 이 방법으로 백업합니다(PostgreSQL은 pg_dump).",
    "backup.same": "백업 파일이 원본과 같은 파일입니다.",
    "backup.sqlite": "백업 중 SQLite 오류가 났습니다.",
    "restore.refused": "복원을 거부했습니다: 손상되었거나 POS 데이터베이스가 아닙니다.",
    "perm.last_admin": "관리자 역할은 사용자 관리 권한을 잃을 수 없습니다.",
    "perm.role": "알 수 없는 역할입니다.",
    "perm.unknown": "알 수 없는 권한입니다.",
    "secret.name": "알 수 없는 비밀 항목입니다.",
    "secret.permissions": "비밀 파일을 다른 사용자가 읽을 수 있습니다. 권한을 600으로 바꾸세요.",
    # the online platform
    "sync.auth": "온라인 플랫폼이 토큰을 거부했습니다. 설정의 [platform] token을 확인하세요.",
    "sync.bad_url": "온라인 플랫폼 주소가 올바르지 않습니다. 설정의 [platform] url을 확인하세요.",
    "sync.no_token": "온라인 플랫폼 토큰이 설정되지 않았습니다.",
    "sync.unreachable": "온라인 플랫폼에 연결할 수 없습니다. 판매는 계속되고 나중에 보냅니다.",
    "sync.timeout": "온라인 플랫폼이 제때 응답하지 않았습니다. 다시 시도합니다.",
    "sync.connection_lost": "온라인 플랫폼 연결이 끊겼습니다. 다시 보냅니다(중복되지 않습니다).",
    "sync.bad_answer": "온라인 플랫폼의 응답을 이해할 수 없습니다. 다시 시도합니다.",
    "sync.throttled": "온라인 플랫폼이 잠시 기다리라고 합니다.",
    "sync.server": "온라인 플랫폼에 오류가 났습니다. 다시 시도합니다.",
    "sync.refused": "온라인 플랫폼이 요청을 거부했습니다.",
    "sync.deferred": "온라인 플랫폼이 일부 문서를 나중에 받겠다고 했습니다(원 거래 대기).",
    "sync.database": "데이터베이스가 바빠 동기화를 잠시 미뤘습니다.",
    "sync.internal": "동기화 중 예기치 않은 오류가 났습니다(로그 참고).",
    "order.unknown": "온라인 주문을 찾을 수 없습니다: {order}",
    "order.not_ready": "주문 {order}은(는) 픽업할 수 없는 상태입니다.",
    # cooking classes and basement bookings
    "class.title": "수업 제목(한국어)을 입력하세요.",
    "class.room": "없는 공간입니다: {room}",
    "class.kind": "수업 종류가 올바르지 않습니다.",
    "class.length": "수업 시간은 15분에서 12시간 사이여야 합니다.",
    "class.capacity": "정원은 1~200명이어야 합니다.",
    "class.capacity_below_booked": "이미 {booked}석이 예약되어 정원을 그보다 줄일 수 없습니다.",
    "class.fee": "참가비(대관료)가 올바르지 않습니다.",
    "class.ingredient_qty": "재료의 1인분 수량은 0보다 커야 합니다.",
    "class.ingredient_twice": "같은 재료가 두 번 들어 있습니다.",
    "class.ingredient_product": "없는 상품을 재료로 넣을 수 없습니다.",
    "class.room_taken": "그 시간에는 이미 '{other}'({other_start}) 일정이 있습니다.",
    "class.series_weeks": "반복 일정은 1~52주로 만드세요.",
    "class.not_found": "수업을 찾을 수 없습니다.",
    "class.not_scheduled": "예정 상태의 수업만 바꿀 수 있습니다.",
    "class.not_started": "수업 당일부터 진행 완료로 표시할 수 있습니다.",
    "class.has_bookings": "유효한 예약이 {bookings}건 있습니다. 먼저 예약을 취소하세요.",
    "class.policy": "클래스 환불·보류 설정이 올바르지 않습니다.",
    "class.refund_percent": "환불 비율은 0~100%여야 합니다.",
    "booking.name": "예약자 이름을 입력하세요.",
    "booking.seats": "좌석 수는 1~{capacity}석이어야 합니다.",
    "booking.full": "남은 좌석이 {left}석뿐입니다.",
    "booking.too_late": "이미 시작한 수업은 예약할 수 없습니다.",
    "booking.not_found": "예약을 찾을 수 없습니다.",
    "booking.closed": "이미 취소되었거나 만료된 예약입니다.",
    "booking.not_seated": "좌석이 확정된 예약만 출석 체크할 수 있습니다.",
    "booking.not_payable": "결제할 금액이 없거나 이미 결제·취소·만료된 예약입니다.",
    "booking.line_changed": "예약 결제 품목의 수량·금액은 바꿀 수 없습니다. 예약을 변경하세요.",
    "booking.refund_needs_till": "환불은 계산대(영업 중인 근무)에서 처리합니다.",
    "phone.missing": "휴대전화 번호를 입력하세요.",
    "phone.invalid": "휴대전화 번호 형식(010-XXXX-XXXX)이 아닙니다: {value}",
    "refund.amount": "{line}번 품목: 환불 금액은 0원 초과 {most}원 이하여야 합니다.",
}


class _Fields(string.Formatter):
    """Formats with the error's data only; a field the error did not carry is a KeyError."""

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        return kwargs[key]


_FORMATTER = _Fields()


def korean(code: str, data: dict[str, Any], fallback: str) -> str:
    """The Korean sentence for ``code``; ``fallback`` (the service's message) if there is none.

    A device message already written in Korean (the card terminal's, which names the request and
    the VAN) says more than the generic sentence, so it is kept."""
    if _HANGUL.search(fallback):
        return fallback
    template = KO.get(code)
    if template is None:
        return fallback
    try:
        return _FORMATTER.format(template, **data)
    except (KeyError, IndexError, ValueError):
        # the raise site did not carry the detail: say it without
        return re.sub(r"[:(]?\s*\{[^}]*\}[)]?", "", template).strip()


def row_problem(code: str, data: dict[str, Any], message: str) -> str:
    """One problem of a rejected import in the UI's language (the English message otherwise)."""
    app = QCoreApplication.instance()
    if not code or (installed_locale(app) if app is not None else "ko") != "ko":
        return message
    # an empty fallback: a Hangul value in the English message must not stand in for the words
    return korean(code, data, "") or message


def describe(exc: BaseException, language: str) -> str | None:
    """The words for an error that carries a code; None for one that does not."""
    code = getattr(exc, "code", None)
    if not isinstance(code, str):
        return None
    if language != "ko":
        return str(exc)
    data = getattr(exc, "data", None) or {}
    return korean(code, dict(data), str(exc))


def explain(exc: BaseException) -> str:
    """An error in words for the cashier, in the UI's language (codes and details go to the log)."""
    app = QCoreApplication.instance()
    words = describe(exc, installed_locale(app) if app is not None else "ko")
    if words is not None:
        return words
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate("checkout", "오류: {kind}: {error}").format(
        kind=exc.__class__.__name__, error=exc
    )
