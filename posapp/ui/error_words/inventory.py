"""Korean and English words for the error codes of the catalogue, stock and the CSV import:
:mod:`posapp.inventory.error_codes`."""

from __future__ import annotations

from posapp.config_errors import Words
from posapp.inventory.error_codes import (
    CatalogErrorCode,
    CommissionRuleErrorCode,
    CountErrorCode,
    CsvErrorCode,
    ImportErrorCode,
    InventoryErrorCode,
    LabelsErrorCode,
    ProducerErrorCode,
    QuickKeysErrorCode,
    RegionErrorCode,
    StockErrorCode,
    TaxScheduleErrorCode,
)

WORDS: dict[str, Words] = {
    CatalogErrorCode.UNKNOWN_BARCODE: Words(
        "등록되지 않은 바코드입니다: {barcode}",
        "Barcode not in the catalogue: {barcode}",
    ),
    CatalogErrorCode.UNKNOWN_PLU: Words(
        "해당 품목 코드의 상품이 없습니다: {plu}",
        "No product has this PLU: {plu}",
    ),
    CatalogErrorCode.UNKNOWN_PRODUCT: Words(
        "없는 상품입니다.",
        "No such product.",
    ),
    CatalogErrorCode.INACTIVE: Words(
        "판매 중지된 상품입니다: {name}",
        "This product is withdrawn from sale: {name}",
    ),
    CatalogErrorCode.NEEDS_WEIGHT: Words(
        "{name}: 저울에 올리거나 무게(g)를 입력하세요.",
        "{name}: put it on the scale or type the weight (g).",
    ),
    CatalogErrorCode.ZERO_WEIGHT: Words(
        "저울 라벨의 무게가 0 g입니다: {barcode}",
        "The scale label says 0 g: {barcode}",
    ),
    CatalogErrorCode.PRICE: Words(
        "가격은 0원 이상의 정수여야 합니다.",
        "A price is a whole number of won, 0 or more.",
    ),
    StockErrorCode.QTY: Words(
        "수량은 0보다 커야 합니다.",
        "The quantity must be more than 0.",
    ),
    CsvErrorCode.ENCODING: Words(
        "UTF-8이나 CP949 글자가 아닙니다({byte}번째 바이트).",
        "Not UTF-8 or CP949 text (byte {byte}).",
    ),
    CsvErrorCode.COLUMN_TWICE: Words(
        "같은 열이 두 번 있습니다.",
        "The same column appears twice.",
    ),
    CsvErrorCode.UNKNOWN_COLUMN: Words(
        "모르는 열입니다: {value}",
        "Unknown column: {value}",
    ),
    CsvErrorCode.MISSING_COLUMN: Words(
        "꼭 있어야 하는 열이 없습니다.",
        "A required column is missing.",
    ),
    CsvErrorCode.REQUIRED: Words(
        "정수를 입력하세요.",
        "Enter a whole number.",
    ),
    CsvErrorCode.NOT_WHOLE: Words(
        "정수가 아닙니다: {value}",
        "Not a whole number: {value}",
    ),
    CsvErrorCode.EMPTY: Words(
        "빈 파일입니다.",
        "The file is empty.",
    ),
    CsvErrorCode.UNREADABLE: Words(
        "CSV 형식이 깨져 읽을 수 없습니다.",
        "The CSV is broken and cannot be read.",
    ),
    CsvErrorCode.FIELD_COUNT: Words(
        "칸이 {fields}개입니다(머리글은 {width}개).",
        "The row has {fields} fields (the header has {width}).",
    ),
    CsvErrorCode.BARCODE_REPEATS: Words(
        "바코드 {barcode}이(가) {other}행과 겹칩니다.",
        "Barcode {barcode} repeats row {other}.",
    ),
    CsvErrorCode.BARCODE_TWICE: Words(
        "바코드 {barcode}을(를) 두 번 적었습니다.",
        "Barcode {barcode} is written twice.",
    ),
    CsvErrorCode.PLU_FORMAT: Words(
        "PLU는 숫자 4~6자리입니다: {value}",
        "A PLU is 4 to 6 digits: {value}",
    ),
    CsvErrorCode.PLU_REPEATS: Words(
        "PLU {plu}이(가) {other}행과 겹칩니다.",
        "PLU {plu} repeats row {other}.",
    ),
    CsvErrorCode.NAME: Words(
        "상품명(한글)을 입력하세요.",
        "Enter the product name (Korean).",
    ),
    CsvErrorCode.NAME_LONG: Words(
        "상품명이 200자보다 깁니다.",
        "The product name is longer than 200 characters.",
    ),
    CsvErrorCode.TOO_LARGE: Words(
        "값 {value}이(가) 너무 큽니다(최대 {max}).",
        "The value {value} is too large (at most {max}).",
    ),
    CsvErrorCode.TEXT_LONG: Words(
        "{limit}자보다 깁니다({length}자).",
        "Longer than {limit} characters ({length}).",
    ),
    CsvErrorCode.CONTROL_CHAR: Words(
        "보이지 않는 제어 문자({char})가 들어 있습니다. 지우고 다시 저장하세요.",
        "It holds an invisible control character ({char}); remove it and save again.",
    ),
    CsvErrorCode.UNIT: Words(
        "단위는 ea, kg, 100g(개) 중 하나입니다: {value}",
        "The unit is one of ea, kg, 100g: {value}",
    ),
    CsvErrorCode.TAX: Words(
        "과세 구분은 taxable/exempt(과세/면세)입니다: {value}",
        "The tax class is taxable or exempt: {value}",
    ),
    CsvErrorCode.ACTIVE: Words(
        "판매 여부는 yes 또는 no입니다: {value}",
        "On sale is yes or no: {value}",
    ),
    CsvErrorCode.NO_CODE: Words(
        "바코드나 PLU가 있어야 합니다.",
        "A barcode or a PLU is needed.",
    ),
    CsvErrorCode.PLU_OTHER_PRODUCT: Words(
        "PLU {plu}은(는) 다른 상품의 것입니다.",
        "PLU {plu} belongs to another product.",
    ),
    CsvErrorCode.BARCODES_SPLIT: Words(
        "바코드들이 서로 다른 기존 상품에 속합니다.",
        "The barcodes belong to different existing products.",
    ),
    CsvErrorCode.PLU_IN_USE: Words(
        "PLU {plu}은(는) 이미 쓰이고 있습니다.",
        "PLU {plu} is already in use.",
    ),
    CsvErrorCode.UNREADABLE_FILE: Words(
        "파일을 읽을 수 없습니다: {path}",
        "The file cannot be read: {path}",
    ),
    ImportErrorCode.REJECTED: Words(
        "가져오기 거부: 오류가 있어 아무것도 가져오지 않았습니다.",
        "Import refused: there are errors, so nothing was imported.",
    ),
    CountErrorCode.CHANGED: Words(
        "확인한 뒤에 실사 수량이 바뀌었습니다. 차이를 다시 확인하세요. 반영하지 않았습니다.",
        "The count changed after the review. Review the differences again; nothing was posted.",
    ),
    CountErrorCode.EMPTY: Words(
        "실사할 상품이 없습니다.",
        "There are no products to count.",
    ),
    CountErrorCode.NOT_OPEN: Words(
        "진행 중인 재고 실사가 아닙니다.",
        "Not a stock count in progress.",
    ),
    CountErrorCode.OPEN: Words(
        "이미 진행 중인 재고 실사가 있습니다. 먼저 마감하거나 취소하세요.",
        "A stock count is already in progress. Close or cancel it first.",
    ),
    CountErrorCode.QTY: Words(
        "실사 수량은 0 이상의 정수입니다.",
        "A counted quantity is a whole number, 0 or more.",
    ),
    CountErrorCode.UNKNOWN: Words(
        "없는 재고 실사입니다.",
        "No such stock count.",
    ),
    InventoryErrorCode.BARCODE: Words(
        "바코드가 올바르지 않습니다.",
        "The barcode is not valid.",
    ),
    InventoryErrorCode.BARCODE_DUP: Words(
        "같은 바코드를 두 번 입력했습니다.",
        "The same barcode is entered twice.",
    ),
    InventoryErrorCode.BARCODE_TAKEN: Words(
        "바코드 {barcode}은(는) 이미 다른 상품({name})에 등록되어 있습니다.",
        "Barcode {barcode} already belongs to another product ({name}).",
    ),
    InventoryErrorCode.COST: Words(
        "원가는 0원 이상의 정수입니다.",
        "A cost is a whole number of won, 0 or more.",
    ),
    InventoryErrorCode.EXPIRED: Words(
        "유통기한이 이미 지났습니다.",
        "The expiry date has already passed.",
    ),
    InventoryErrorCode.LOCATION: Words(
        "보관 위치는 매장 또는 지하 창고입니다.",
        "The location is the shop floor or the basement store.",
    ),
    InventoryErrorCode.LOT: Words(
        "해당 로트를 찾을 수 없습니다.",
        "The lot was not found.",
    ),
    InventoryErrorCode.LOT_EMPTY: Words(
        "재고가 없는 로트입니다.",
        "The lot has no stock.",
    ),
    InventoryErrorCode.LOT_SHORT: Words(
        "로트 재고가 부족합니다.",
        "The lot does not have enough stock.",
    ),
    InventoryErrorCode.MARKDOWN_PERCENT: Words(
        "할인율은 1~99%입니다.",
        "A markdown is 1 to 99%.",
    ),
    InventoryErrorCode.NAME: Words(
        "상품명을 입력하세요.",
        "Enter the product name.",
    ),
    InventoryErrorCode.NOTE_REQUIRED: Words(
        "정정에는 메모가 필요합니다.",
        "A correction needs a note.",
    ),
    InventoryErrorCode.PO_CLOSED: Words(
        "마감된 발주서입니다.",
        "The purchase order is closed.",
    ),
    InventoryErrorCode.PO_DUPLICATE_LINE: Words(
        "발주서에 같은 상품이 두 번 있습니다.",
        "The purchase order has the same product twice.",
    ),
    InventoryErrorCode.PO_EMPTY: Words(
        "발주서에 품목이 없습니다.",
        "The purchase order has no items.",
    ),
    InventoryErrorCode.PO_NOT_DRAFT: Words(
        "작성 중인 발주서만 고칠 수 있습니다.",
        "Only a draft purchase order can be changed.",
    ),
    InventoryErrorCode.PO_NOT_OPEN: Words(
        "발송된 발주서만 입고할 수 있습니다.",
        "Only a sent purchase order can be received.",
    ),
    InventoryErrorCode.PRICE: Words(
        "가격은 0원 이상의 정수입니다.",
        "A price is a whole number of won, 0 or more.",
    ),
    InventoryErrorCode.QTY: Words(
        "수량은 1 이상의 정수입니다.",
        "A quantity is a whole number, 1 or more.",
    ),
    InventoryErrorCode.REASON: Words(
        "사유를 고르세요(변질, 파손, 시식, 수업 사용, 도난, 정정).",
        "Choose a reason (spoiled, damaged, tasting, class use, theft, correction).",
    ),
    InventoryErrorCode.RECEIVE_EMPTY: Words(
        "입고할 품목이 없습니다.",
        "There is nothing to receive.",
    ),
    InventoryErrorCode.RETURN_REASON: Words(
        "반품 사유를 적으세요.",
        "Say why it goes back to the supplier.",
    ),
    InventoryErrorCode.REORDER: Words(
        "발주점은 0 이상의 정수입니다.",
        "A reorder point is a whole number, 0 or more.",
    ),
    InventoryErrorCode.SAME_LOCATION: Words(
        "보내는 곳과 받는 곳이 같습니다.",
        "The source and the destination are the same.",
    ),
    InventoryErrorCode.SHELF_DAYS: Words(
        "진열기한은 1~60일입니다 (없음은 비워 두세요).",
        "Days on the shelf are 1 to 60 (leave it empty for none).",
    ),
    InventoryErrorCode.SHELF_LIFE: Words(
        "유통기간(일)은 1 이상의 정수입니다.",
        "The shelf life (days) is a whole number, 1 or more.",
    ),
    InventoryErrorCode.SUPPLIER: Words(
        "공급자를 고르세요.",
        "Choose a supplier.",
    ),
    InventoryErrorCode.TAX: Words(
        "과세 구분은 과세 또는 면세입니다.",
        "The tax class is taxable or exempt.",
    ),
    InventoryErrorCode.TRANSFER_SHORT: Words(
        "옮길 재고가 부족합니다.",
        "Not enough stock to move.",
    ),
    InventoryErrorCode.UNIT: Words(
        "단위는 개, kg, 100g 중 하나입니다.",
        "The unit is one of ea, kg, 100g.",
    ),
    InventoryErrorCode.UNKNOWN_LOT: Words(
        "없는 로트입니다.",
        "No such lot.",
    ),
    InventoryErrorCode.UNKNOWN_PO: Words(
        "없는 발주서입니다.",
        "No such purchase order.",
    ),
    InventoryErrorCode.UNKNOWN_PRODUCT: Words(
        "없는 상품입니다.",
        "No such product.",
    ),
    InventoryErrorCode.UNKNOWN_SUPPLIER: Words(
        "없는 공급자입니다.",
        "No such supplier.",
    ),
    LabelsErrorCode.BAD_BARCODE: Words(
        "바코드가 올바르지 않아 라벨을 만들 수 없습니다: {name} {barcode}",
        "The barcode is not valid, so no label can be made: {name} {barcode}",
    ),
    LabelsErrorCode.COPIES: Words(
        "라벨 매수는 1 이상입니다.",
        "Print at least 1 label.",
    ),
    LabelsErrorCode.EMPTY: Words(
        "인쇄할 라벨이 없습니다.",
        "There are no labels to print.",
    ),
    LabelsErrorCode.NO_BARCODE: Words(
        "바코드가 없는 상품입니다: {name}",
        "This product has no barcode: {name}",
    ),
    LabelsErrorCode.NO_MARKDOWN: Words(
        "할인 중인 로트가 아닙니다.",
        "This lot is not marked down.",
    ),
    LabelsErrorCode.SHEET: Words(
        "라벨 용지 규격이 A4에 맞지 않습니다.",
        "The label sheet does not fit on A4.",
    ),
    LabelsErrorCode.SKIP: Words(
        "건너뛸 라벨 수가 용지 칸 수보다 많습니다.",
        "More labels to skip than the sheet has.",
    ),
    ProducerErrorCode.COMMISSION: Words(
        "수수료율은 0~100 사이의 정수(%)입니다.",
        "A commission is a whole number from 0 to 100 (%).",
    ),
    ProducerErrorCode.DUPLICATE: Words(
        "같은 이름의 생산자가 이미 있습니다: {name}",
        "A producer with this name already exists: {name}",
    ),
    ProducerErrorCode.KIND: Words(
        "거래 방식은 매입 또는 위탁입니다.",
        "The terms are purchase or consignment.",
    ),
    ProducerErrorCode.NAME: Words(
        "생산자 이름을 입력하세요.",
        "Enter the producer's name.",
    ),
    ProducerErrorCode.PHONE: Words(
        "전화번호 형식이 올바르지 않습니다.",
        "The phone number is not valid.",
    ),
    ProducerErrorCode.UNKNOWN: Words(
        "없는 생산자입니다.",
        "No such producer.",
    ),
    RegionErrorCode.FIELD: Words(
        "지역 정보 항목이 올바르지 않습니다.",
        "The region field is not valid.",
    ),
    RegionErrorCode.UNKNOWN: Words(
        "없는 지역입니다.",
        "No such region.",
    ),
    RegionErrorCode.PHONE: Words(
        "전화번호 형식이 올바르지 않습니다: {phone}",
        "The phone number is not valid: {phone}",
    ),
    StockErrorCode.LOCATION: Words(
        "보관 위치가 올바르지 않습니다.",
        "The location is not valid.",
    ),
    TaxScheduleErrorCode.PAST: Words(
        "과세 구분 변경은 오늘({today}) 이후 날짜로만 예약할 수 있습니다: {day}. "
        "이미 판 물건은 판매 당시의 구분을 그대로 씁니다.",
        "A tax-class change can only be scheduled from today ({today}) on: {day}. "
        "What was already sold keeps the class it was sold under.",
    ),
    TaxScheduleErrorCode.UNKNOWN: Words(
        "예약된 과세 구분 변경을 찾을 수 없습니다: {change}",
        "No scheduled tax-class change {change}.",
    ),
    TaxScheduleErrorCode.APPLIED: Words(
        "이미 적용된 변경은 취소할 수 없습니다. 새 변경을 예약하세요.",
        "A change already applied cannot be cancelled: schedule a new one.",
    ),
    TaxScheduleErrorCode.NOTHING: Words(
        "변경할 상품이 없습니다 (상품이나 분류를 확인하세요).",
        "No product to change (check the product or category).",
    ),
    CommissionRuleErrorCode.RATE: Words(
        "수수료율은 0~100% 사이입니다 (소수 둘째 자리까지).",
        "The commission rate is 0 to 100 % (two decimals at most).",
    ),
    CommissionRuleErrorCode.THRESHOLD: Words(
        "기준액은 0원 이상입니다.",
        "The threshold is 0 won or more.",
    ),
    CommissionRuleErrorCode.PAST: Words(
        "수수료 규칙은 오늘({today}) 이후 날짜부터만 정할 수 있습니다: {day}. "
        "지난 판매의 정산은 바뀌지 않습니다.",
        "A commission rule can only start from today ({today}) on: {day}. "
        "Past sales keep their settlement.",
    ),
    CommissionRuleErrorCode.UNKNOWN: Words(
        "수수료 규칙을 찾을 수 없습니다: {rule}",
        "No commission rule {rule}.",
    ),
    CommissionRuleErrorCode.IN_FORCE: Words(
        "이미 적용 중인 규칙은 지울 수 없습니다. 새 날짜로 새 규칙을 정하세요.",
        "A rule already in force cannot be deleted: set a new rule from a new date.",
    ),
    CommissionRuleErrorCode.CSV: Words(
        "수수료 규칙 CSV {line}행: {problem}",
        "Commission rules CSV line {line}: {problem}",
    ),
    QuickKeysErrorCode.PAGE_NAME: Words(
        "페이지 이름을 {limit}자 이내로 입력하세요.",
        "Give the page a name of {limit} characters at most.",
    ),
    QuickKeysErrorCode.PAGE_DUP: Words(
        "같은 이름의 페이지가 이미 있습니다: {name}",
        "There is already a page named {name}.",
    ),
    QuickKeysErrorCode.TOO_MANY_PAGES: Words(
        "페이지는 {limit}개까지 만들 수 있습니다.",
        "At most {limit} pages.",
    ),
    QuickKeysErrorCode.TOO_MANY_KEYS: Words(
        "한 페이지에 키는 {limit}개까지입니다: {name}",
        "At most {limit} keys on one page: {name}",
    ),
    QuickKeysErrorCode.LABEL: Words(
        "키 이름은 {limit}자 이내입니다: {label}",
        "A key's label is {limit} characters at most: {label}",
    ),
    QuickKeysErrorCode.COLOUR: Words(
        "정해진 색 중에서 고르세요.",
        "Pick one of the palette's colours.",
    ),
    QuickKeysErrorCode.PRODUCT: Words(
        "없는 상품은 퀵키에 넣을 수 없습니다.",
        "A quick key must sell a product of the catalogue.",
    ),
}
