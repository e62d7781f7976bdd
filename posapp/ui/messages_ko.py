"""The Korean words for every error code: a template per :class:`~enum.StrEnum` member.

``{name}`` fields are filled from the error's ``data`` (:func:`posapp.ui.messages.words`); a
field the raise site did not carry is left out. ``tests/ui/test_messages.py`` checks that every
member of every ``error_codes`` module has words here.
"""

from __future__ import annotations

from posapp.auth.error_codes import AuthErrorCode, PermErrorCode, StaffErrorCode
from posapp.classes.error_codes import BookingErrorCode, ClassErrorCode
from posapp.config import CONFIG_WORDS
from posapp.db.error_codes import DbErrorCode
from posapp.domain.error_codes import (
    BarcodeErrorCode,
    DiscountErrorCode,
    PhoneErrorCode,
    PriceErrorCode,
    QuantityErrorCode,
    TaxErrorCode,
    UnitErrorCode,
)
from posapp.error_codes import BackupErrorCode, RestoreErrorCode, SecretErrorCode, SetupErrorCode
from posapp.hardware.error_codes import (
    CardErrorCode,
    DisplayErrorCode,
    PrinterErrorCode,
    ScaleErrorCode,
)
from posapp.inventory.error_codes import (
    CatalogErrorCode,
    CountErrorCode,
    CsvErrorCode,
    ImportErrorCode,
    InventoryErrorCode,
    LabelsErrorCode,
    ProducerErrorCode,
    RegionErrorCode,
    StockErrorCode,
)
from posapp.reports.error_codes import ReportErrorCode
from posapp.sales.error_codes import (
    CashErrorCode,
    CashReceiptErrorCode,
    HoldErrorCode,
    RefundErrorCode,
    SaleErrorCode,
    ShiftErrorCode,
    TenderErrorCode,
)
from posapp.sync.error_codes import OrderErrorCode, SyncErrorCode
from posapp.ui.error_codes import UiErrorCode
from posapp.usecases.error_codes import OfflineErrorCode, SessionErrorCode

#: keyed by the enum members (a ``StrEnum`` member is a ``str``: lookups by code text work)
KO: dict[str, str] = {
    AuthErrorCode.APPROVAL_DENIED: "관리자 PIN이 필요합니다.",
    AuthErrorCode.APPROVAL_REQUIRED: "관리자 승인이 필요한 작업입니다.",
    AuthErrorCode.DUPLICATE: "같은 이름의 사용자가 이미 있습니다: {name}",
    AuthErrorCode.LOCKED: "PIN을 여러 번 틀려 잠시 잠겼습니다. 몇 분 뒤 다시 하세요.",
    AuthErrorCode.NAME: "사용자 이름을 입력하세요.",
    AuthErrorCode.PIN_FORMAT: "PIN은 숫자 4~6자리입니다.",
    AuthErrorCode.UNKNOWN_USER: "없거나 사용 중지된 사용자입니다.",
    AuthErrorCode.WRONG_PIN: "PIN이 틀렸습니다.",
    SessionErrorCode.SIGNED_OUT: "먼저 로그인하세요.",
    SessionErrorCode.NEEDS_WEIGHT: "{name}: 저울에 올리거나 무게(g)를 입력하세요.",
    SessionErrorCode.TICKET_OPEN: "진행 중인 거래를 끝내거나 보류한 뒤 불러오세요.",
    StaffErrorCode.LAST_ADMIN: "{name}님은 마지막 관리자입니다. 다른 관리자를 먼저 만드세요.",
    StaffErrorCode.SELF: "자기 계정은 사용 중지할 수 없습니다.",
    StaffErrorCode.NONE_SELECTED: "먼저 직원을 고르세요.",
    OfflineErrorCode.NEEDS_SERVER: (
        "오프라인 중에는 할 수 없는 작업입니다(매장 서버 연결 필요). 판매는 계속할 수 있습니다."
    ),
    OfflineErrorCode.UNSENT: (
        "서버로 아직 보내지 않은 오프라인 거래가 {count}건 있습니다. 전송된 뒤 근무를 마감하세요."
    ),
    BarcodeErrorCode.EMPTY: "바코드가 비어 있습니다.",
    BarcodeErrorCode.NOT_DIGITS: "바코드는 숫자만 됩니다: {barcode}",
    BarcodeErrorCode.LENGTH: "바코드 길이가 맞지 않습니다: {barcode}",
    BarcodeErrorCode.CHECK_DIGIT: "바코드 검증번호가 틀립니다(잘못 읽힘): {barcode}",
    BarcodeErrorCode.IN_STORE_PREFIX: "매장 저울 바코드 형식이 아닙니다: {barcode}",
    CatalogErrorCode.UNKNOWN_BARCODE: "등록되지 않은 바코드입니다: {barcode}",
    CatalogErrorCode.UNKNOWN_PLU: "해당 품목 코드의 상품이 없습니다: {plu}",
    CatalogErrorCode.UNKNOWN_PRODUCT: "없는 상품입니다.",
    CatalogErrorCode.INACTIVE: "판매 중지된 상품입니다: {name}",
    CatalogErrorCode.NEEDS_WEIGHT: "{name}: 저울에 올리거나 무게(g)를 입력하세요.",
    CatalogErrorCode.ZERO_WEIGHT: "저울 라벨의 무게가 0 g입니다: {barcode}",
    CatalogErrorCode.PRICE: "가격은 0원 이상의 정수여야 합니다.",
    PriceErrorCode.INVALID: "가격이 올바르지 않습니다.",
    PriceErrorCode.OVERRIDE_REASON: "가격을 바꾸는 사유를 입력하세요.",
    SetupErrorCode.REGISTER_ID: "계산대 번호는 영문·숫자 1~16자입니다: {value}",
    SetupErrorCode.REGISTER_NAME: "계산대 이름을 입력하세요 (60자 이내).",
    SetupErrorCode.PRINTER_KIND: "프린터 종류를 고르세요.",
    SetupErrorCode.PRINTER_HOST: "네트워크 프린터의 주소(IP)를 입력하세요.",
    SetupErrorCode.PRINTER_DEVICE: "시리얼·장치 파일 프린터의 장치(포트)를 입력하세요.",
    SetupErrorCode.PORT: "포트 번호는 1~65535입니다: {value}",
    SetupErrorCode.PAPER: "용지 폭은 58mm 또는 80mm입니다.",
    SetupErrorCode.DRAWER_PIN: "돈통 핀은 2 또는 5입니다.",
    SetupErrorCode.SCANNER_KIND: "스캐너 종류를 고르세요.",
    SetupErrorCode.SCALE_KIND: "저울 종류를 고르세요.",
    SetupErrorCode.PORT_MISSING: "{what} 포트를 입력하세요 (예: /dev/ttyUSB0, COM3).",
    SetupErrorCode.DATABASE_URL: (
        "데이터베이스 주소는 sqlite:///파일 또는 postgresql://사용자@서버:포트/DB 형식입니다."
    ),
    SetupErrorCode.DB_CONNECT: (
        "데이터베이스 서버({host}:{port})에 연결할 수 없습니다. 주소·포트와 서버가 켜져 있는지 "
        "확인하세요."
    ),
    SetupErrorCode.DB_LOGIN: "데이터베이스 사용자 이름이나 비밀번호가 맞지 않습니다 ({host}).",
    SetupErrorCode.DB_MISSING: "서버({host})에 데이터베이스 {name}이(가) 없습니다.",
    SetupErrorCode.DB_NEWER: (
        "이 데이터베이스는 더 새로운 프로그램의 스키마({revision})입니다. 프로그램을 "
        "업데이트하세요."
    ),
    SetupErrorCode.PLATFORM_URL: "플랫폼 주소는 http:// 또는 https:// 로 시작합니다.",
    SetupErrorCode.LOCALE: "지원하지 않는 화면 언어입니다: {value}",
    SetupErrorCode.FILE: "설정 파일을 저장하지 못했습니다: {key}",
    PriceErrorCode.FIXED_LABEL: "저울 라벨 상품은 금액이 정해져 있어 단가를 바꿀 수 없습니다.",
    UnitErrorCode.UNKNOWN: "알 수 없는 단위입니다: {value} (개, kg, 100g)",
    TaxErrorCode.UNKNOWN: "알 수 없는 과세 구분입니다.",
    QuantityErrorCode.INVALID: "수량이 올바르지 않습니다.",
    QuantityErrorCode.FIXED_LABEL: (
        "저울 라벨 상품은 금액이 정해져 있습니다. 다시 스캔하거나 삭제하세요."
    ),
    DiscountErrorCode.INVALID: "할인을 숫자로 입력하세요(금액 또는 %).",
    DiscountErrorCode.TOO_LARGE: "할인이 금액보다 큽니다.",
    StockErrorCode.QTY: "수량은 0보다 커야 합니다.",
    CsvErrorCode.ENCODING: "UTF-8이나 CP949 글자가 아닙니다({byte}번째 바이트).",
    CsvErrorCode.COLUMN_TWICE: "같은 열이 두 번 있습니다.",
    CsvErrorCode.UNKNOWN_COLUMN: "모르는 열입니다: {value}",
    CsvErrorCode.MISSING_COLUMN: "꼭 있어야 하는 열이 없습니다.",
    CsvErrorCode.REQUIRED: "정수를 입력하세요.",
    CsvErrorCode.NOT_WHOLE: "정수가 아닙니다: {value}",
    CsvErrorCode.EMPTY: "빈 파일입니다.",
    CsvErrorCode.UNREADABLE: "CSV 형식이 깨져 읽을 수 없습니다.",
    CsvErrorCode.FIELD_COUNT: "칸이 {fields}개입니다(머리글은 {width}개).",
    CsvErrorCode.BARCODE_REPEATS: "바코드 {barcode}이(가) {other}행과 겹칩니다.",
    CsvErrorCode.BARCODE_TWICE: "바코드 {barcode}을(를) 두 번 적었습니다.",
    CsvErrorCode.PLU_FORMAT: "PLU는 숫자 4~6자리입니다: {value}",
    CsvErrorCode.PLU_REPEATS: "PLU {plu}이(가) {other}행과 겹칩니다.",
    CsvErrorCode.NAME: "상품명(한글)을 입력하세요.",
    CsvErrorCode.NAME_LONG: "상품명이 200자보다 깁니다.",
    CsvErrorCode.UNIT: "단위는 ea, kg, 100g(개) 중 하나입니다: {value}",
    CsvErrorCode.TAX: "과세 구분은 taxable/exempt(과세/면세)입니다: {value}",
    CsvErrorCode.ACTIVE: "판매 여부는 yes 또는 no입니다: {value}",
    CsvErrorCode.NO_CODE: "바코드나 PLU가 있어야 합니다.",
    CsvErrorCode.PLU_OTHER_PRODUCT: "PLU {plu}은(는) 다른 상품의 것입니다.",
    CsvErrorCode.BARCODES_SPLIT: "바코드들이 서로 다른 기존 상품에 속합니다.",
    CsvErrorCode.PLU_IN_USE: "PLU {plu}은(는) 이미 쓰이고 있습니다.",
    CsvErrorCode.UNREADABLE_FILE: "파일을 읽을 수 없습니다: {path}",
    ImportErrorCode.REJECTED: "가져오기 거부: 오류가 있어 아무것도 가져오지 않았습니다.",
    CashErrorCode.DENOMINATION: "{denomination}원은 한국 지폐/동전이 아닙니다.",
    CashErrorCode.COUNT: "{denomination}원의 개수는 0 이상이어야 합니다.",
    ShiftErrorCode.ALREADY_OPEN: "계산대 {register}에 이미 열린 근무가 있습니다.",
    ShiftErrorCode.NOT_OPEN: "판매하려면 먼저 근무를 시작하세요.",
    ShiftErrorCode.UNKNOWN: "없는 근무입니다.",
    ShiftErrorCode.CLOSED: "이미 마감된 근무입니다.",
    SaleErrorCode.EMPTY: "거래에 상품이 없습니다.",
    RefundErrorCode.UNKNOWN_RECEIPT: "영수증을 찾을 수 없습니다: {receipt_no}",
    RefundErrorCode.OF_REFUND: "환불 영수증은 다시 환불할 수 없습니다.",
    ReportErrorCode.PERIOD: "기간의 끝({end})이 시작({start})보다 앞섭니다.",
    ReportErrorCode.GROUP: "묶는 기준이 올바르지 않습니다.",
    ReportErrorCode.ORDER: "순서는 상위 또는 하위입니다.",
    ReportErrorCode.FILTER: "이 보고서는 상품 조건(지역·생산자·분류)으로 나눌 수 없습니다.",
    ReportErrorCode.FILTER_UNKNOWN: "조건에 맞는 항목이 없습니다: {value}",
    ReportErrorCode.UNKNOWN: "없는 보고서입니다: {name}",
    ReportErrorCode.OUT_REQUIRED: "공급자별 정산서를 저장할 폴더를 지정하세요.",
    RefundErrorCode.NOTHING: "이미 전액 환불된 영수증입니다: {receipt_no}",
    RefundErrorCode.UNKNOWN_LINE: "영수증 {receipt_no}에 {line}번 품목이 없습니다.",
    RefundErrorCode.QTY: "{line}번 품목: 환불 수량은 1 이상이어야 합니다.",
    RefundErrorCode.TOO_MANY: "{line}번 {name}: 환불할 수 있는 수량은 {remaining}입니다.",
    RefundErrorCode.OVERPAID: "환불 금액은 돌려줄 금액과 정확히 같아야 합니다.",
    HoldErrorCode.EMPTY: "보류할 상품이 없습니다.",
    HoldErrorCode.GONE: "이미 불러온 보류 거래입니다.",
    TenderErrorCode.AMOUNT: "결제 금액은 1원 이상의 정수여야 합니다.",
    TenderErrorCode.APPROVAL: "카드 결제에는 승인번호가 필요합니다.",
    TenderErrorCode.VOUCHER_KIND: "상품권 종류(온누리/지역)를 고르세요.",
    TenderErrorCode.CARD_UNMASKED: "카드번호는 앞 6자리와 뒤 4자리만 저장합니다.",
    TenderErrorCode.CARD_NUMBER: "카드번호가 아닙니다.",
    TenderErrorCode.OVERPAID: "카드·상품권 결제({paid:,}원)가 결제할 금액({due:,}원)보다 큽니다.",
    TenderErrorCode.SHORT: "{remaining:,}원이 더 필요합니다.",
    CashReceiptErrorCode.IDENTITY: (
        "현금영수증 번호를 확인하세요(휴대폰, 현금영수증카드, 사업자번호)."
    ),
    CashReceiptErrorCode.BUSINESS_NO: "사업자등록번호가 올바르지 않습니다.",
    CashReceiptErrorCode.APPROVAL_MISSING: "VAN에서 받은 현금영수증 승인번호를 입력하세요.",
    CashReceiptErrorCode.UNKNOWN: "발급 대기 중인 현금영수증이 아닙니다.",
    CashReceiptErrorCode.ISSUED_ALREADY: "{receipt_no}의 현금영수증은 이미 발급되었습니다.",
    PrinterErrorCode.OFFLINE: "프린터에 연결할 수 없습니다. 전원과 케이블을 확인하세요.",
    PrinterErrorCode.PAPER_OUT: "프린터 용지가 없습니다.",
    PrinterErrorCode.COVER_OPEN: "프린터 덮개가 열려 있습니다.",
    PrinterErrorCode.STALLED: "프린터가 데이터를 받지 않습니다.",
    PrinterErrorCode.ERROR: "인쇄하지 못했습니다.",
    ScaleErrorCode.BAD_FRAME: "저울 값을 읽을 수 없습니다.",
    ScaleErrorCode.BAD_UNIT: "저울 단위를 kg으로 맞추세요.",
    ScaleErrorCode.BUSY: "저울이 다른 측정 중입니다.",
    ScaleErrorCode.CONFIG: "저울 설정이 올바르지 않습니다.",
    ScaleErrorCode.NEGATIVE: "저울 무게가 음수입니다. 접시를 비우고 영점을 맞추세요.",
    ScaleErrorCode.OVERLOAD: "저울 최대 하중을 넘었습니다. 상품을 내려놓으세요.",
    ScaleErrorCode.TIMEOUT: "저울이 응답하지 않습니다. 전원과 케이블을 확인하세요.",
    ScaleErrorCode.UNAVAILABLE: "저울을 사용할 수 없습니다.",
    ScaleErrorCode.UNSTABLE: "무게가 안정되지 않았습니다. 상품을 움직이지 마세요.",
    DisplayErrorCode.OFFLINE: "고객 표시기가 꺼져 있습니다.",
    DisplayErrorCode.STALLED: "고객 표시기가 응답하지 않습니다.",
    DisplayErrorCode.UNAVAILABLE: "고객 표시기를 사용할 수 없습니다.",
    CardErrorCode.BAD_REQUEST: "카드 결제 요청이 올바르지 않습니다.",
    CardErrorCode.DECLINED: "카드가 거절되었습니다.",
    CardErrorCode.NET_CANCEL_FAILED: (
        "카드 승인 여부를 알 수 없습니다. 단말기 거래 내역을 확인하세요."
    ),
    CardErrorCode.PROTOCOL: "카드 단말기 응답을 이해할 수 없어 취소했습니다.",
    CardErrorCode.TIMEOUT: "카드 단말기 응답이 없어 취소했습니다.",
    CardErrorCode.UNAVAILABLE: "카드 단말기에 연결할 수 없습니다. 수기 카드 결제를 쓰세요.",
    CardErrorCode.UNMASKED: "단말기가 가리지 않은 카드번호를 보냈습니다. 결제를 취소했습니다.",
    BarcodeErrorCode.NOT_GTIN: "상품 바코드(GTIN)가 아닙니다: {barcode}",
    CountErrorCode.EMPTY: "실사할 상품이 없습니다.",
    CountErrorCode.NOT_OPEN: "진행 중인 재고 실사가 아닙니다.",
    CountErrorCode.OPEN: "이미 진행 중인 재고 실사가 있습니다. 먼저 마감하거나 취소하세요.",
    CountErrorCode.QTY: "실사 수량은 0 이상의 정수입니다.",
    CountErrorCode.UNKNOWN: "없는 재고 실사입니다.",
    InventoryErrorCode.BARCODE: "바코드가 올바르지 않습니다.",
    InventoryErrorCode.BARCODE_DUP: "같은 바코드를 두 번 입력했습니다.",
    InventoryErrorCode.BARCODE_TAKEN: (
        "바코드 {barcode}은(는) 이미 다른 상품({name})에 등록되어 있습니다."
    ),
    InventoryErrorCode.COST: "원가는 0원 이상의 정수입니다.",
    InventoryErrorCode.EXPIRED: "유통기한이 이미 지났습니다.",
    InventoryErrorCode.LOCATION: "보관 위치는 매장 또는 지하 창고입니다.",
    InventoryErrorCode.LOT: "해당 로트를 찾을 수 없습니다.",
    InventoryErrorCode.LOT_EMPTY: "재고가 없는 로트입니다.",
    InventoryErrorCode.LOT_SHORT: "로트 재고가 부족합니다.",
    InventoryErrorCode.MARKDOWN_PERCENT: "할인율은 1~99%입니다.",
    InventoryErrorCode.NAME: "상품명을 입력하세요.",
    InventoryErrorCode.NOTE_REQUIRED: "정정에는 메모가 필요합니다.",
    InventoryErrorCode.PO_CLOSED: "마감된 발주서입니다.",
    InventoryErrorCode.PO_DUPLICATE_LINE: "발주서에 같은 상품이 두 번 있습니다.",
    InventoryErrorCode.PO_EMPTY: "발주서에 품목이 없습니다.",
    InventoryErrorCode.PO_NOT_DRAFT: "작성 중인 발주서만 고칠 수 있습니다.",
    InventoryErrorCode.PO_NOT_OPEN: "발송된 발주서만 입고할 수 있습니다.",
    InventoryErrorCode.PRICE: "가격은 0원 이상의 정수입니다.",
    InventoryErrorCode.QTY: "수량은 1 이상의 정수입니다.",
    InventoryErrorCode.REASON: "사유를 고르세요(변질, 파손, 시식, 수업 사용, 도난, 정정).",
    InventoryErrorCode.RECEIVE_EMPTY: "입고할 품목이 없습니다.",
    InventoryErrorCode.REORDER: "발주점은 0 이상의 정수입니다.",
    InventoryErrorCode.SAME_LOCATION: "보내는 곳과 받는 곳이 같습니다.",
    InventoryErrorCode.SHELF_LIFE: "유통기간(일)은 1 이상의 정수입니다.",
    InventoryErrorCode.SUPPLIER: "공급자를 고르세요.",
    InventoryErrorCode.TAX: "과세 구분은 과세 또는 면세입니다.",
    InventoryErrorCode.TRANSFER_SHORT: "옮길 재고가 부족합니다.",
    InventoryErrorCode.UNIT: "단위는 개, kg, 100g 중 하나입니다.",
    InventoryErrorCode.UNKNOWN_LOT: "없는 로트입니다.",
    InventoryErrorCode.UNKNOWN_PO: "없는 발주서입니다.",
    InventoryErrorCode.UNKNOWN_PRODUCT: "없는 상품입니다.",
    InventoryErrorCode.UNKNOWN_SUPPLIER: "없는 공급자입니다.",
    LabelsErrorCode.BAD_BARCODE: "바코드가 올바르지 않아 라벨을 만들 수 없습니다: {name} {barcode}",
    LabelsErrorCode.COPIES: "라벨 매수는 1 이상입니다.",
    LabelsErrorCode.EMPTY: "인쇄할 라벨이 없습니다.",
    LabelsErrorCode.NO_BARCODE: "바코드가 없는 상품입니다: {name}",
    LabelsErrorCode.NO_MARKDOWN: "할인 중인 로트가 아닙니다.",
    LabelsErrorCode.SHEET: "라벨 용지 규격이 A4에 맞지 않습니다.",
    LabelsErrorCode.SKIP: "건너뛸 라벨 수가 용지 칸 수보다 많습니다.",
    ProducerErrorCode.COMMISSION: "수수료율은 0~100 사이의 정수(%)입니다.",
    ProducerErrorCode.DUPLICATE: "같은 이름의 생산자가 이미 있습니다: {name}",
    ProducerErrorCode.KIND: "거래 방식은 매입 또는 위탁입니다.",
    ProducerErrorCode.NAME: "생산자 이름을 입력하세요.",
    ProducerErrorCode.PHONE: "전화번호 형식이 올바르지 않습니다.",
    ProducerErrorCode.UNKNOWN: "없는 생산자입니다.",
    RegionErrorCode.FIELD: "지역 정보 항목이 올바르지 않습니다.",
    RegionErrorCode.UNKNOWN: "없는 지역입니다.",
    RegionErrorCode.PHONE: "전화번호 형식이 올바르지 않습니다: {phone}",
    StockErrorCode.LOCATION: "보관 위치가 올바르지 않습니다.",
    UiErrorCode.PO_LINE: "{row}행: 발주 수량은 정수입니다.",
    UiErrorCode.WON: "{what}: 금액은 원 단위 정수로 입력하세요 ({text})",
    UiErrorCode.RECEIVE_LINE: "{row}행: 입고 줄을 확인하세요(수량, 유통기한 YYYY-MM-DD, 원가).",
    BackupErrorCode.BAD_COPY: "백업 사본 검사에 실패했습니다. 다시 백업하세요.",
    BackupErrorCode.MEMORY: "메모리 데이터베이스는 백업할 수 없습니다.",
    BackupErrorCode.NO_SOURCE: "백업할 데이터베이스 파일이 없습니다.",
    BackupErrorCode.NOT_SQLITE: (
        "SQLite 데이터베이스만 이 방법으로 백업합니다(PostgreSQL은 pg_dump)."
    ),
    BackupErrorCode.SAME: "백업 파일이 원본과 같은 파일입니다.",
    BackupErrorCode.SQLITE: "백업 중 SQLite 오류가 났습니다.",
    RestoreErrorCode.REFUSED: "복원을 거부했습니다: 손상되었거나 POS 데이터베이스가 아닙니다.",
    PermErrorCode.LAST_ADMIN: "관리자 역할은 사용자 관리 권한을 잃을 수 없습니다.",
    PermErrorCode.ROLE: "알 수 없는 역할입니다.",
    PermErrorCode.UNKNOWN: "알 수 없는 권한입니다.",
    SecretErrorCode.NAME: "알 수 없는 비밀 항목입니다.",
    SecretErrorCode.PERMISSIONS: (
        "비밀 파일을 다른 사용자가 읽을 수 있습니다. 권한을 600으로 바꾸세요."
    ),
    SyncErrorCode.AUTH: (
        "온라인 플랫폼이 토큰을 거부했습니다. 설정의 [platform] token을 확인하세요."
    ),
    SyncErrorCode.BAD_URL: (
        "온라인 플랫폼 주소가 올바르지 않습니다. 설정의 [platform] url을 확인하세요."
    ),
    SyncErrorCode.NO_TOKEN: "온라인 플랫폼 토큰이 설정되지 않았습니다.",
    SyncErrorCode.UNREACHABLE: (
        "온라인 플랫폼에 연결할 수 없습니다. 판매는 계속되고 나중에 보냅니다."
    ),
    SyncErrorCode.TIMEOUT: "온라인 플랫폼이 제때 응답하지 않았습니다. 다시 시도합니다.",
    SyncErrorCode.CONNECTION_LOST: (
        "온라인 플랫폼 연결이 끊겼습니다. 다시 보냅니다(중복되지 않습니다)."
    ),
    SyncErrorCode.BAD_ANSWER: "온라인 플랫폼의 응답을 이해할 수 없습니다. 다시 시도합니다.",
    SyncErrorCode.THROTTLED: "온라인 플랫폼이 잠시 기다리라고 합니다.",
    SyncErrorCode.SERVER: "온라인 플랫폼에 오류가 났습니다. 다시 시도합니다.",
    SyncErrorCode.REFUSED: "온라인 플랫폼이 요청을 거부했습니다.",
    SyncErrorCode.DEFERRED: "온라인 플랫폼이 일부 문서를 나중에 받겠다고 했습니다(원 거래 대기).",
    SyncErrorCode.DATABASE: "데이터베이스가 바빠 동기화를 잠시 미뤘습니다.",
    SyncErrorCode.INTERNAL: "동기화 중 예기치 않은 오류가 났습니다(로그 참고).",
    OrderErrorCode.UNKNOWN: "온라인 주문을 찾을 수 없습니다: {order}",
    OrderErrorCode.NOT_READY: "주문 {order}은(는) 픽업할 수 없는 상태입니다.",
    ClassErrorCode.TITLE: "수업 제목(한국어)을 입력하세요.",
    ClassErrorCode.ROOM: "없는 공간입니다: {room}",
    ClassErrorCode.KIND: "수업 종류가 올바르지 않습니다.",
    ClassErrorCode.LENGTH: "수업 시간은 15분에서 12시간 사이여야 합니다.",
    ClassErrorCode.CAPACITY: "정원은 1~200명이어야 합니다.",
    ClassErrorCode.CAPACITY_BELOW_BOOKED: (
        "이미 {booked}석이 예약되어 정원을 그보다 줄일 수 없습니다."
    ),
    ClassErrorCode.FEE: "참가비(대관료)가 올바르지 않습니다.",
    ClassErrorCode.INGREDIENT_QTY: "재료의 1인분 수량은 0보다 커야 합니다.",
    ClassErrorCode.INGREDIENT_TWICE: "같은 재료가 두 번 들어 있습니다.",
    ClassErrorCode.INGREDIENT_PRODUCT: "없는 상품을 재료로 넣을 수 없습니다.",
    ClassErrorCode.ROOM_TAKEN: "그 시간에는 이미 '{other}'({other_start}) 일정이 있습니다.",
    ClassErrorCode.SERIES_WEEKS: "반복 일정은 1~52주로 만드세요.",
    ClassErrorCode.NOT_FOUND: "수업을 찾을 수 없습니다.",
    ClassErrorCode.NOT_SCHEDULED: "예정 상태의 수업만 바꿀 수 있습니다.",
    ClassErrorCode.NOT_STARTED: "수업 당일부터 진행 완료로 표시할 수 있습니다.",
    ClassErrorCode.HAS_BOOKINGS: "유효한 예약이 {bookings}건 있습니다. 먼저 예약을 취소하세요.",
    ClassErrorCode.POLICY: "클래스 환불·보류 설정이 올바르지 않습니다.",
    ClassErrorCode.REFUND_PERCENT: "환불 비율은 0~100%여야 합니다.",
    BookingErrorCode.NAME: "예약자 이름을 입력하세요.",
    BookingErrorCode.SEATS: "좌석 수는 1~{capacity}석이어야 합니다.",
    BookingErrorCode.FULL: "남은 좌석이 {left}석뿐입니다.",
    BookingErrorCode.TOO_LATE: "이미 시작한 수업은 예약할 수 없습니다.",
    BookingErrorCode.NOT_FOUND: "예약을 찾을 수 없습니다.",
    BookingErrorCode.CLOSED: "이미 취소되었거나 만료된 예약입니다.",
    BookingErrorCode.NOT_SEATED: "좌석이 확정된 예약만 출석 체크할 수 있습니다.",
    BookingErrorCode.NOT_PAYABLE: "결제할 금액이 없거나 이미 결제·취소·만료된 예약입니다.",
    BookingErrorCode.LINE_CHANGED: (
        "예약 결제 품목의 수량·금액은 바꿀 수 없습니다. 예약을 변경하세요."
    ),
    BookingErrorCode.REFUND_NEEDS_TILL: "환불은 계산대(영업 중인 근무)에서 처리합니다.",
    PhoneErrorCode.MISSING: "휴대전화 번호를 입력하세요.",
    PhoneErrorCode.INVALID: "휴대전화 번호 형식(010-XXXX-XXXX)이 아닙니다: {value}",
    RefundErrorCode.AMOUNT: "{line}번 품목: 환불 금액은 0원 초과 {most}원 이하여야 합니다.",
    DbErrorCode.ERROR: (
        "데이터베이스에 문제가 생겨 저장하지 못했습니다. 잠시 뒤 다시 하고, 계속되면 관리자에게 "
        "알리세요."
    ),
    DbErrorCode.BUSY: "데이터베이스가 바쁩니다. 잠시 뒤 다시 하세요.",
    DbErrorCode.UNAVAILABLE: (
        "데이터베이스에 연결할 수 없습니다. 매장 서버와 네트워크를 확인하세요."
    ),
    DbErrorCode.CONFLICT: "다른 계산대가 같은 자료를 동시에 바꿨습니다. 다시 하세요.",
    UiErrorCode.UNEXPECTED: (
        "예기치 않은 오류로 작업을 마치지 못했습니다. 다시 해 보고, 계속되면 관리자에게 "
        "알리세요(자세한 내용은 로그에 있습니다)."
    ),
    UiErrorCode.FILE: (
        "파일이나 장치를 읽거나 쓰지 못했습니다. 경로·권한·연결을 확인하고 다시 하세요."
    ),
    UiErrorCode.NUMBER_TOO_LARGE: "숫자가 너무 큽니다. 값을 확인하고 다시 입력하세요.",
    UiErrorCode.TEXT_ENCODING: (
        "글자를 읽을 수 없습니다(인코딩). 파일을 UTF-8로 저장해 다시 하세요."
    ),
    # the configuration's own words (printed before any screen exists)
    **{code: words.ko for code, words in CONFIG_WORDS.items()},
}
