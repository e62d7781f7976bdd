"""Error codes of the catalogue, stock, counts, labels, producers and regions, and the CSV import.

The values are the codes the errors carry; the words are in ``posapp/ui/error_words/inventory.py``.
"""

from __future__ import annotations

from enum import StrEnum


class CatalogErrorCode(StrEnum):
    """``catalog.*`` codes."""

    UNKNOWN_BARCODE = "catalog.unknown_barcode"
    UNKNOWN_PLU = "catalog.unknown_plu"
    UNKNOWN_PRODUCT = "catalog.unknown_product"
    INACTIVE = "catalog.inactive"
    NEEDS_WEIGHT = "catalog.needs_weight"
    ZERO_WEIGHT = "catalog.zero_weight"
    PRICE = "catalog.price"


class InventoryErrorCode(StrEnum):
    """``inventory.*`` codes."""

    BARCODE = "inventory.barcode"
    BARCODE_DUP = "inventory.barcode_dup"
    BARCODE_TAKEN = "inventory.barcode_taken"
    COST = "inventory.cost"
    EXPIRED = "inventory.expired"
    LOCATION = "inventory.location"
    LOT = "inventory.lot"
    LOT_EMPTY = "inventory.lot_empty"
    LOT_SHORT = "inventory.lot_short"
    MARKDOWN_PERCENT = "inventory.markdown_percent"
    NAME = "inventory.name"
    NOTE_REQUIRED = "inventory.note_required"
    PO_CLOSED = "inventory.po_closed"
    PO_DUPLICATE_LINE = "inventory.po_duplicate_line"
    PO_EMPTY = "inventory.po_empty"
    PO_NOT_DRAFT = "inventory.po_not_draft"
    PO_NOT_OPEN = "inventory.po_not_open"
    PRICE = "inventory.price"
    QTY = "inventory.qty"
    REASON = "inventory.reason"
    RECEIVE_EMPTY = "inventory.receive_empty"
    RETURN_REASON = "inventory.return_reason"
    REORDER = "inventory.reorder"
    SAME_LOCATION = "inventory.same_location"
    SHELF_DAYS = "inventory.shelf_days"
    SHELF_LIFE = "inventory.shelf_life"
    SUPPLIER = "inventory.supplier"
    TAX = "inventory.tax"
    TRANSFER_SHORT = "inventory.transfer_short"
    UNIT = "inventory.unit"
    UNKNOWN_LOT = "inventory.unknown_lot"
    UNKNOWN_PO = "inventory.unknown_po"
    UNKNOWN_PRODUCT = "inventory.unknown_product"
    UNKNOWN_SUPPLIER = "inventory.unknown_supplier"


class StockErrorCode(StrEnum):
    """``stock.*`` codes."""

    QTY = "stock.qty"
    LOCATION = "stock.location"


class CountErrorCode(StrEnum):
    """``count.*`` codes."""

    CHANGED = "count.changed"
    EMPTY = "count.empty"
    NOT_OPEN = "count.not_open"
    OPEN = "count.open"
    QTY = "count.qty"
    UNKNOWN = "count.unknown"


class LabelsErrorCode(StrEnum):
    """``labels.*`` codes."""

    BAD_BARCODE = "labels.bad_barcode"
    COPIES = "labels.copies"
    EMPTY = "labels.empty"
    NO_BARCODE = "labels.no_barcode"
    NO_MARKDOWN = "labels.no_markdown"
    SHEET = "labels.sheet"
    SKIP = "labels.skip"


class ProducerErrorCode(StrEnum):
    """``producer.*`` codes."""

    COMMISSION = "producer.commission"
    DUPLICATE = "producer.duplicate"
    KIND = "producer.kind"
    NAME = "producer.name"
    PHONE = "producer.phone"
    UNKNOWN = "producer.unknown"


class RegionErrorCode(StrEnum):
    """``region.*`` codes."""

    FIELD = "region.field"
    UNKNOWN = "region.unknown"
    PHONE = "region.phone"


class CsvErrorCode(StrEnum):
    """``csv.*`` codes."""

    ENCODING = "csv.encoding"
    COLUMN_TWICE = "csv.column_twice"
    UNKNOWN_COLUMN = "csv.unknown_column"
    MISSING_COLUMN = "csv.missing_column"
    REQUIRED = "csv.required"
    NOT_WHOLE = "csv.not_whole"
    EMPTY = "csv.empty"
    UNREADABLE = "csv.unreadable"
    FIELD_COUNT = "csv.field_count"
    BARCODE_REPEATS = "csv.barcode_repeats"
    BARCODE_TWICE = "csv.barcode_twice"
    PLU_FORMAT = "csv.plu_format"
    PLU_REPEATS = "csv.plu_repeats"
    NAME = "csv.name"
    NAME_LONG = "csv.name_long"
    UNIT = "csv.unit"
    TAX = "csv.tax"
    ACTIVE = "csv.active"
    NO_CODE = "csv.no_code"
    PLU_OTHER_PRODUCT = "csv.plu_other_product"
    BARCODES_SPLIT = "csv.barcodes_split"
    PLU_IN_USE = "csv.plu_in_use"
    UNREADABLE_FILE = "csv.unreadable_file"
    TOO_LARGE = "csv.too_large"
    TEXT_LONG = "csv.text_long"
    CONTROL_CHAR = "csv.control_char"


class ImportErrorCode(StrEnum):
    """``import.*`` codes."""

    REJECTED = "import.rejected"


class TaxScheduleErrorCode(StrEnum):
    """``tax_schedule.*`` codes: scheduled tax-class changes (posapp.inventory.tax_classes)."""

    PAST = "tax_schedule.past"
    UNKNOWN = "tax_schedule.unknown"
    APPLIED = "tax_schedule.applied"
    NOTHING = "tax_schedule.nothing"


class CommissionRuleErrorCode(StrEnum):
    """``commission_rule.*`` codes: the store's commission rules (posapp.inventory.partners)."""

    RATE = "commission_rule.rate"
    THRESHOLD = "commission_rule.threshold"
    PAST = "commission_rule.past"
    UNKNOWN = "commission_rule.unknown"
    IN_FORCE = "commission_rule.in_force"
    CSV = "commission_rule.csv"


class QuickKeysErrorCode(StrEnum):
    """``quick_keys.*`` codes: the quick-key layout a manager saves
    (posapp.inventory.quick_keys)."""

    PAGE_NAME = "quick_keys.page_name"
    PAGE_DUP = "quick_keys.page_dup"
    TOO_MANY_PAGES = "quick_keys.too_many_pages"
    TOO_MANY_KEYS = "quick_keys.too_many_keys"
    LABEL = "quick_keys.label"
    COLOUR = "quick_keys.colour"
    PRODUCT = "quick_keys.product"
