"""The English words for every error code: a template per :class:`~enum.StrEnum` member.

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
EN: dict[str, str] = {
    AuthErrorCode.APPROVAL_DENIED: "A manager's PIN is needed.",
    AuthErrorCode.APPROVAL_REQUIRED: "This needs a manager's approval.",
    AuthErrorCode.DUPLICATE: "A user with this name already exists: {name}",
    AuthErrorCode.LOCKED: "Too many wrong PINs: locked for a few minutes. Try again later.",
    AuthErrorCode.NAME: "Enter the user's name.",
    AuthErrorCode.PIN_FORMAT: "A PIN is 4 to 6 digits.",
    AuthErrorCode.UNKNOWN_USER: "No such user, or the user is disabled.",
    AuthErrorCode.WRONG_PIN: "Wrong PIN.",
    SessionErrorCode.SIGNED_OUT: "Sign in first.",
    SessionErrorCode.NEEDS_WEIGHT: "{name}: put it on the scale or type the weight (g).",
    SessionErrorCode.TICKET_OPEN: "Finish or hold the current sale before recalling another.",
    StaffErrorCode.LAST_ADMIN: (
        "{name} is the last administrator. Make another administrator first."
    ),
    StaffErrorCode.SELF: "You cannot disable your own account.",
    StaffErrorCode.NONE_SELECTED: "Choose a person first.",
    OfflineErrorCode.NEEDS_SERVER: (
        "This cannot be done offline (it needs the store's server). Selling goes on."
    ),
    OfflineErrorCode.UNSENT: (
        "{count} offline sales have not reached the server yet. Close the shift once they have."
    ),
    BarcodeErrorCode.EMPTY: "The barcode is empty.",
    BarcodeErrorCode.NOT_DIGITS: "A barcode is digits only: {barcode}",
    BarcodeErrorCode.LENGTH: "The barcode has the wrong length: {barcode}",
    BarcodeErrorCode.CHECK_DIGIT: "The barcode's check digit is wrong (misread): {barcode}",
    BarcodeErrorCode.IN_STORE_PREFIX: "Not a store scale barcode: {barcode}",
    CatalogErrorCode.UNKNOWN_BARCODE: "Barcode not in the catalogue: {barcode}",
    CatalogErrorCode.UNKNOWN_PLU: "No product has this PLU: {plu}",
    CatalogErrorCode.UNKNOWN_PRODUCT: "No such product.",
    CatalogErrorCode.INACTIVE: "This product is withdrawn from sale: {name}",
    CatalogErrorCode.NEEDS_WEIGHT: "{name}: put it on the scale or type the weight (g).",
    CatalogErrorCode.ZERO_WEIGHT: "The scale label says 0 g: {barcode}",
    CatalogErrorCode.PRICE: "A price is a whole number of won, 0 or more.",
    PriceErrorCode.INVALID: "The price is not valid.",
    PriceErrorCode.OVERRIDE_REASON: "Say why the price is changed.",
    SetupErrorCode.REGISTER_ID: "A register number is 1 to 16 letters or digits: {value}",
    SetupErrorCode.REGISTER_NAME: "Enter the register's name (at most 60 characters).",
    SetupErrorCode.PRINTER_KIND: "Choose the kind of printer.",
    SetupErrorCode.PRINTER_HOST: "Enter the network printer's address (IP).",
    SetupErrorCode.PRINTER_DEVICE: "Enter the serial or device-file printer's device (port).",
    SetupErrorCode.PORT: "A port number is 1 to 65535: {value}",
    SetupErrorCode.PAPER: "The paper is 58 mm or 80 mm wide.",
    SetupErrorCode.DRAWER_PIN: "The drawer pin is 2 or 5.",
    SetupErrorCode.SCANNER_KIND: "Choose the kind of scanner.",
    SetupErrorCode.SCALE_KIND: "Choose the kind of scale.",
    SetupErrorCode.PORT_MISSING: "Enter the {what} port (e.g. /dev/ttyUSB0, COM3).",
    SetupErrorCode.DATABASE_URL: (
        "A database address is sqlite:///file or postgresql://user@server:port/db."
    ),
    SetupErrorCode.DB_CONNECT: (
        "Cannot reach the database server ({host}:{port}). Check the address and port and that "
        "the server is on."
    ),
    SetupErrorCode.DB_LOGIN: "The database user name or password is wrong ({host}).",
    SetupErrorCode.DB_MISSING: "The server ({host}) has no database {name}.",
    SetupErrorCode.DB_NEWER: (
        "This database has a newer program's schema ({revision}). Update the program."
    ),
    SetupErrorCode.PLATFORM_URL: "The platform address starts with http:// or https://.",
    SetupErrorCode.LOCALE: "This screen language is not supported: {value}",
    SetupErrorCode.FILE: "Could not save the settings file: {key}",
    PriceErrorCode.FIXED_LABEL: (
        "A scale-label item has a fixed amount: its unit price cannot change."
    ),
    UnitErrorCode.UNKNOWN: "Unknown unit: {value} (ea, kg, 100g)",
    TaxErrorCode.UNKNOWN: "Unknown tax class.",
    QuantityErrorCode.INVALID: "The quantity is not valid.",
    QuantityErrorCode.FIXED_LABEL: (
        "A scale-label item has a fixed amount. Scan it again or remove it."
    ),
    DiscountErrorCode.INVALID: "Type the discount as a number (won or %).",
    DiscountErrorCode.TOO_LARGE: "The discount is larger than the amount.",
    StockErrorCode.QTY: "The quantity must be more than 0.",
    CsvErrorCode.ENCODING: "Not UTF-8 or CP949 text (byte {byte}).",
    CsvErrorCode.COLUMN_TWICE: "The same column appears twice.",
    CsvErrorCode.UNKNOWN_COLUMN: "Unknown column: {value}",
    CsvErrorCode.MISSING_COLUMN: "A required column is missing.",
    CsvErrorCode.REQUIRED: "Enter a whole number.",
    CsvErrorCode.NOT_WHOLE: "Not a whole number: {value}",
    CsvErrorCode.EMPTY: "The file is empty.",
    CsvErrorCode.UNREADABLE: "The CSV is broken and cannot be read.",
    CsvErrorCode.FIELD_COUNT: "The row has {fields} fields (the header has {width}).",
    CsvErrorCode.BARCODE_REPEATS: "Barcode {barcode} repeats row {other}.",
    CsvErrorCode.BARCODE_TWICE: "Barcode {barcode} is written twice.",
    CsvErrorCode.PLU_FORMAT: "A PLU is 4 to 6 digits: {value}",
    CsvErrorCode.PLU_REPEATS: "PLU {plu} repeats row {other}.",
    CsvErrorCode.NAME: "Enter the product name (Korean).",
    CsvErrorCode.NAME_LONG: "The product name is longer than 200 characters.",
    CsvErrorCode.UNIT: "The unit is one of ea, kg, 100g: {value}",
    CsvErrorCode.TAX: "The tax class is taxable or exempt: {value}",
    CsvErrorCode.ACTIVE: "On sale is yes or no: {value}",
    CsvErrorCode.NO_CODE: "A barcode or a PLU is needed.",
    CsvErrorCode.PLU_OTHER_PRODUCT: "PLU {plu} belongs to another product.",
    CsvErrorCode.BARCODES_SPLIT: "The barcodes belong to different existing products.",
    CsvErrorCode.PLU_IN_USE: "PLU {plu} is already in use.",
    CsvErrorCode.UNREADABLE_FILE: "The file cannot be read: {path}",
    ImportErrorCode.REJECTED: "Import refused: there are errors, so nothing was imported.",
    CashErrorCode.DENOMINATION: "{denomination} won is not a Korean note or coin.",
    CashErrorCode.COUNT: "The count of {denomination} won is 0 or more.",
    ShiftErrorCode.ALREADY_OPEN: "Register {register} already has an open shift.",
    ShiftErrorCode.NOT_OPEN: "Open a shift before selling.",
    ShiftErrorCode.UNKNOWN: "No such shift.",
    ShiftErrorCode.CLOSED: "The shift is already closed.",
    SaleErrorCode.EMPTY: "The sale has no items.",
    RefundErrorCode.UNKNOWN_RECEIPT: "Receipt not found: {receipt_no}",
    RefundErrorCode.OF_REFUND: "A refund receipt cannot be refunded again.",
    ReportErrorCode.PERIOD: "The period ends ({end}) before it starts ({start}).",
    ReportErrorCode.GROUP: "The grouping is not valid.",
    ReportErrorCode.ORDER: "The order is top or bottom.",
    ReportErrorCode.FILTER: "This report cannot be split by product (region, producer, category).",
    ReportErrorCode.FILTER_UNKNOWN: "Nothing matches: {value}",
    ReportErrorCode.UNKNOWN: "No such report: {name}",
    ReportErrorCode.OUT_REQUIRED: "Choose the folder for the producers' statements.",
    RefundErrorCode.NOTHING: "This receipt is already fully refunded: {receipt_no}",
    RefundErrorCode.UNKNOWN_LINE: "Receipt {receipt_no} has no item {line}.",
    RefundErrorCode.QTY: "Item {line}: refund at least 1.",
    RefundErrorCode.TOO_MANY: "Item {line} {name}: at most {remaining} can be refunded.",
    RefundErrorCode.OVERPAID: "The refund must equal exactly the amount to give back.",
    HoldErrorCode.EMPTY: "There is nothing to hold.",
    HoldErrorCode.GONE: "This held sale was already recalled.",
    TenderErrorCode.AMOUNT: "A payment is a whole number of won, 1 or more.",
    TenderErrorCode.APPROVAL: "A card payment needs an approval number.",
    TenderErrorCode.VOUCHER_KIND: "Choose the voucher kind (Onnuri / local).",
    TenderErrorCode.CARD_UNMASKED: "Only the first 6 and last 4 digits of a card are kept.",
    TenderErrorCode.CARD_NUMBER: "Not a card number.",
    TenderErrorCode.OVERPAID: (
        "Card and voucher payments ({paid:,} won) are more than due ({due:,} won)."
    ),
    TenderErrorCode.SHORT: "{remaining:,} won more is needed.",
    CashReceiptErrorCode.IDENTITY: (
        "Check the cash receipt number (mobile, cash receipt card, business number)."
    ),
    CashReceiptErrorCode.BUSINESS_NO: "The business registration number is not valid.",
    CashReceiptErrorCode.APPROVAL_MISSING: "Enter the cash receipt approval number from the VAN.",
    CashReceiptErrorCode.UNKNOWN: "Not a cash receipt waiting to be issued.",
    CashReceiptErrorCode.ISSUED_ALREADY: "The cash receipt of {receipt_no} was already issued.",
    PrinterErrorCode.OFFLINE: "Cannot reach the printer. Check its power and cable.",
    PrinterErrorCode.PAPER_OUT: "The printer is out of paper.",
    PrinterErrorCode.COVER_OPEN: "The printer cover is open.",
    PrinterErrorCode.STALLED: "The printer does not take the data.",
    PrinterErrorCode.ERROR: "Could not print.",
    ScaleErrorCode.BAD_FRAME: "Cannot read the scale.",
    ScaleErrorCode.BAD_UNIT: "Set the scale's unit to kg.",
    ScaleErrorCode.BUSY: "The scale is busy with another weighing.",
    ScaleErrorCode.CONFIG: "The scale settings are not valid.",
    ScaleErrorCode.NEGATIVE: "The scale shows a negative weight. Empty the plate and zero it.",
    ScaleErrorCode.OVERLOAD: "Over the scale's maximum. Take the item off.",
    ScaleErrorCode.TIMEOUT: "The scale does not answer. Check its power and cable.",
    ScaleErrorCode.UNAVAILABLE: "The scale cannot be used.",
    ScaleErrorCode.UNSTABLE: "The weight is not steady. Do not move the item.",
    DisplayErrorCode.OFFLINE: "The customer display is off.",
    DisplayErrorCode.STALLED: "The customer display does not answer.",
    DisplayErrorCode.UNAVAILABLE: "The customer display cannot be used.",
    CardErrorCode.BAD_REQUEST: "The card payment request is not valid.",
    CardErrorCode.DECLINED: "The card was declined.",
    CardErrorCode.NET_CANCEL_FAILED: (
        "Unknown whether the card was charged. Check the terminal's history."
    ),
    CardErrorCode.PROTOCOL: "The card terminal's answer made no sense: cancelled.",
    CardErrorCode.TIMEOUT: "The card terminal did not answer: cancelled.",
    CardErrorCode.UNAVAILABLE: "Cannot reach the card terminal. Take the card payment by hand.",
    CardErrorCode.UNMASKED: "The terminal sent an unmasked card number. The payment was cancelled.",
    BarcodeErrorCode.NOT_GTIN: "Not a product barcode (GTIN): {barcode}",
    CountErrorCode.EMPTY: "There are no products to count.",
    CountErrorCode.NOT_OPEN: "Not a stock count in progress.",
    CountErrorCode.OPEN: "A stock count is already in progress. Close or cancel it first.",
    CountErrorCode.QTY: "A counted quantity is a whole number, 0 or more.",
    CountErrorCode.UNKNOWN: "No such stock count.",
    InventoryErrorCode.BARCODE: "The barcode is not valid.",
    InventoryErrorCode.BARCODE_DUP: "The same barcode is entered twice.",
    InventoryErrorCode.BARCODE_TAKEN: (
        "Barcode {barcode} already belongs to another product ({name})."
    ),
    InventoryErrorCode.COST: "A cost is a whole number of won, 0 or more.",
    InventoryErrorCode.EXPIRED: "The expiry date has already passed.",
    InventoryErrorCode.LOCATION: "The location is the shop floor or the basement store.",
    InventoryErrorCode.LOT: "The lot was not found.",
    InventoryErrorCode.LOT_EMPTY: "The lot has no stock.",
    InventoryErrorCode.LOT_SHORT: "The lot does not have enough stock.",
    InventoryErrorCode.MARKDOWN_PERCENT: "A markdown is 1 to 99%.",
    InventoryErrorCode.NAME: "Enter the product name.",
    InventoryErrorCode.NOTE_REQUIRED: "A correction needs a note.",
    InventoryErrorCode.PO_CLOSED: "The purchase order is closed.",
    InventoryErrorCode.PO_DUPLICATE_LINE: "The purchase order has the same product twice.",
    InventoryErrorCode.PO_EMPTY: "The purchase order has no items.",
    InventoryErrorCode.PO_NOT_DRAFT: "Only a draft purchase order can be changed.",
    InventoryErrorCode.PO_NOT_OPEN: "Only a sent purchase order can be received.",
    InventoryErrorCode.PRICE: "A price is a whole number of won, 0 or more.",
    InventoryErrorCode.QTY: "A quantity is a whole number, 1 or more.",
    InventoryErrorCode.REASON: (
        "Choose a reason (spoiled, damaged, tasting, class use, theft, correction)."
    ),
    InventoryErrorCode.RECEIVE_EMPTY: "There is nothing to receive.",
    InventoryErrorCode.REORDER: "A reorder point is a whole number, 0 or more.",
    InventoryErrorCode.SAME_LOCATION: "The source and the destination are the same.",
    InventoryErrorCode.SHELF_LIFE: "The shelf life (days) is a whole number, 1 or more.",
    InventoryErrorCode.SUPPLIER: "Choose a supplier.",
    InventoryErrorCode.TAX: "The tax class is taxable or exempt.",
    InventoryErrorCode.TRANSFER_SHORT: "Not enough stock to move.",
    InventoryErrorCode.UNIT: "The unit is one of ea, kg, 100g.",
    InventoryErrorCode.UNKNOWN_LOT: "No such lot.",
    InventoryErrorCode.UNKNOWN_PO: "No such purchase order.",
    InventoryErrorCode.UNKNOWN_PRODUCT: "No such product.",
    InventoryErrorCode.UNKNOWN_SUPPLIER: "No such supplier.",
    LabelsErrorCode.BAD_BARCODE: (
        "The barcode is not valid, so no label can be made: {name} {barcode}"
    ),
    LabelsErrorCode.COPIES: "Print at least 1 label.",
    LabelsErrorCode.EMPTY: "There are no labels to print.",
    LabelsErrorCode.NO_BARCODE: "This product has no barcode: {name}",
    LabelsErrorCode.NO_MARKDOWN: "This lot is not marked down.",
    LabelsErrorCode.SHEET: "The label sheet does not fit on A4.",
    LabelsErrorCode.SKIP: "More labels to skip than the sheet has.",
    ProducerErrorCode.COMMISSION: "A commission is a whole number from 0 to 100 (%).",
    ProducerErrorCode.DUPLICATE: "A producer with this name already exists: {name}",
    ProducerErrorCode.KIND: "The terms are purchase or consignment.",
    ProducerErrorCode.NAME: "Enter the producer's name.",
    ProducerErrorCode.PHONE: "The phone number is not valid.",
    ProducerErrorCode.UNKNOWN: "No such producer.",
    RegionErrorCode.FIELD: "The region field is not valid.",
    RegionErrorCode.UNKNOWN: "No such region.",
    RegionErrorCode.PHONE: "The phone number is not valid: {phone}",
    StockErrorCode.LOCATION: "The location is not valid.",
    UiErrorCode.PO_LINE: "Row {row}: the order quantity is a whole number.",
    UiErrorCode.WON: "{what}: type the amount as whole won ({text})",
    UiErrorCode.RECEIVE_LINE: "Row {row}: check the line (quantity, expiry YYYY-MM-DD, cost).",
    BackupErrorCode.BAD_COPY: "The backup copy failed its check. Back up again.",
    BackupErrorCode.MEMORY: "An in-memory database cannot be backed up.",
    BackupErrorCode.NO_SOURCE: "There is no database file to back up.",
    BackupErrorCode.NOT_SQLITE: (
        "Only SQLite databases are backed up this way (PostgreSQL: pg_dump)."
    ),
    BackupErrorCode.SAME: "The backup file is the database itself.",
    BackupErrorCode.SQLITE: "SQLite failed during the backup.",
    RestoreErrorCode.REFUSED: "Restore refused: the file is damaged or not a POS database.",
    PermErrorCode.LAST_ADMIN: "The administrator role cannot lose the right to manage users.",
    PermErrorCode.ROLE: "Unknown role.",
    PermErrorCode.UNKNOWN: "Unknown permission.",
    SecretErrorCode.NAME: "Unknown secret.",
    SecretErrorCode.PERMISSIONS: "Other users can read the secrets file. Change its mode to 600.",
    SyncErrorCode.AUTH: (
        "The online platform refused the token. Check [platform] token in the settings."
    ),
    SyncErrorCode.BAD_URL: "The online platform address is not valid. Check [platform] url.",
    SyncErrorCode.NO_TOKEN: "No online platform token is set.",
    SyncErrorCode.UNREACHABLE: "Cannot reach the online platform. Selling goes on; sent later.",
    SyncErrorCode.TIMEOUT: "The online platform did not answer in time. Trying again.",
    SyncErrorCode.CONNECTION_LOST: (
        "The connection to the online platform was lost. Sending again (no duplicates)."
    ),
    SyncErrorCode.BAD_ANSWER: "The online platform's answer made no sense. Trying again.",
    SyncErrorCode.THROTTLED: "The online platform asks us to wait a moment.",
    SyncErrorCode.SERVER: "The online platform had an error. Trying again.",
    SyncErrorCode.REFUSED: "The online platform refused the request.",
    SyncErrorCode.DEFERRED: (
        "The online platform will take some documents later (waiting for the original sale)."
    ),
    SyncErrorCode.DATABASE: "The database was busy: syncing a little later.",
    SyncErrorCode.INTERNAL: "Something unexpected went wrong while syncing (see the log).",
    OrderErrorCode.UNKNOWN: "Online order not found: {order}",
    OrderErrorCode.NOT_READY: "Order {order} cannot be picked up now.",
    ClassErrorCode.TITLE: "Enter the class title (Korean).",
    ClassErrorCode.ROOM: "No such room: {room}",
    ClassErrorCode.KIND: "The class kind is not valid.",
    ClassErrorCode.LENGTH: "A class lasts from 15 minutes to 12 hours.",
    ClassErrorCode.CAPACITY: "The capacity is 1 to 200 people.",
    ClassErrorCode.CAPACITY_BELOW_BOOKED: (
        "{booked} seats are booked: the capacity cannot go below."
    ),
    ClassErrorCode.FEE: "The fee (or rent) is not valid.",
    ClassErrorCode.INGREDIENT_QTY: "An ingredient's amount per person must be more than 0.",
    ClassErrorCode.INGREDIENT_TWICE: "The same ingredient is there twice.",
    ClassErrorCode.INGREDIENT_PRODUCT: "An ingredient must be a product in the catalogue.",
    ClassErrorCode.ROOM_TAKEN: "'{other}' ({other_start}) is already booked at that time.",
    ClassErrorCode.SERIES_WEEKS: "A series is 1 to 52 weeks.",
    ClassErrorCode.NOT_FOUND: "Class not found.",
    ClassErrorCode.NOT_SCHEDULED: "Only a scheduled class can be changed.",
    ClassErrorCode.NOT_STARTED: "A class can be marked done from its day on.",
    ClassErrorCode.HAS_BOOKINGS: "{bookings} bookings are still valid. Cancel them first.",
    ClassErrorCode.POLICY: "The class refund and hold settings are not valid.",
    ClassErrorCode.REFUND_PERCENT: "A refund is 0 to 100%.",
    BookingErrorCode.NAME: "Enter the name for the booking.",
    BookingErrorCode.SEATS: "Seats are 1 to {capacity}.",
    BookingErrorCode.FULL: "Only {left} seats are left.",
    BookingErrorCode.TOO_LATE: "A class that has started cannot be booked.",
    BookingErrorCode.NOT_FOUND: "Booking not found.",
    BookingErrorCode.CLOSED: "The booking is already cancelled or expired.",
    BookingErrorCode.NOT_SEATED: "Only a booking with confirmed seats can be checked in.",
    BookingErrorCode.NOT_PAYABLE: "Nothing to pay, or the booking is paid, cancelled or expired.",
    BookingErrorCode.LINE_CHANGED: (
        "A booking's line cannot change quantity or amount. Change the booking instead."
    ),
    BookingErrorCode.REFUND_NEEDS_TILL: "Refunds are made at a till (with an open shift).",
    PhoneErrorCode.MISSING: "Enter a mobile number.",
    PhoneErrorCode.INVALID: "Not a mobile number (010-XXXX-XXXX): {value}",
    RefundErrorCode.AMOUNT: "Item {line}: the refund is more than 0 and at most {most} won.",
    DbErrorCode.ERROR: (
        "The database had a problem and nothing was saved. Try again in a moment; if it goes "
        "on, tell the manager."
    ),
    DbErrorCode.BUSY: "The database is busy. Try again in a moment.",
    DbErrorCode.UNAVAILABLE: "Cannot reach the database. Check the store's server and the network.",
    DbErrorCode.CONFLICT: "Another till changed the same data at the same time. Try again.",
    UiErrorCode.UNEXPECTED: (
        "Something unexpected stopped this. Try again; if it goes on, tell the manager (the "
        "details are in the log)."
    ),
    UiErrorCode.FILE: (
        "Could not read or write a file or device. Check the path, the permissions and the "
        "connection, and try again."
    ),
    UiErrorCode.NUMBER_TOO_LARGE: "The number is too large. Check it and type it again.",
    UiErrorCode.TEXT_ENCODING: (
        "The text cannot be read (encoding). Save the file as UTF-8 and try again."
    ),
    # the configuration's own words (printed before any screen exists)
    **{code: words.en for code, words in CONFIG_WORDS.items()},
}
