"""The relational schema: SQLAlchemy 2 typed models for every table the store keeps.

Owns table and column definitions only; rules live in posapp/domain and the services. Conventions:
money is ``int`` KRW; quantities are ``int`` in base units (pieces for ``ea`` products, grams for
weighed ones); timestamps are UTC (``UTCDateTime``); documents that leave the till carry a UUID
string made at the till. Integer keys are SQLite rowids (``Integer``); the two tables that grow
without bound use ``BigID`` (BIGINT on PostgreSQL, INTEGER rowid on SQLite).

One module per area (:mod:`.catalogue`, :mod:`.stock`, :mod:`.tills`, :mod:`.sales`,
:mod:`.journal`, :mod:`.sync`, :mod:`.classes`, :mod:`.reports`, :mod:`.accounts`) on the
shared base (:mod:`.base`); importing this package defines every table on ``Base.metadata``
(what Alembic's env and autogenerate read), and ``from posapp.db.models import Product`` is
the public way to name a model.
"""

from __future__ import annotations

from posapp.db.models.accounts import (
    CommissionRule,
    SupplierReturn,
    TaxClassChange,
    TaxInvoice,
)
from posapp.db.models.base import NAMING, Base, BigID, UTCDateTime, utcnow
from posapp.db.models.catalogue import (
    Category,
    PriceChange,
    Producer,
    Product,
    ProductBarcode,
    QuickKey,
    QuickKeyPage,
    Region,
)
from posapp.db.models.classes import ClassBooking, ClassIngredient, ClassRoom, ClassSession
from posapp.db.models.control import PinLockout, StorePolicy
from posapp.db.models.journal import AuditEvent, AuditHead, JournalEntry, JournalHead, StoreMeta
from posapp.db.models.reports import ReportRollupState, ReportSalesRollup
from posapp.db.models.sales import (
    HeldTicket,
    Payment,
    PendingCardCancel,
    PendingCashReceipt,
    Sale,
    SaleLine,
)
from posapp.db.models.stock import (
    GoodsReceipt,
    GoodsReceiptLine,
    Lot,
    LotMarkdown,
    PurchaseOrder,
    PurchaseOrderLine,
    StockCount,
    StockCountLine,
    StockLevel,
    StockMovement,
)
from posapp.db.models.sync import OnlineOrder, OutboxEvent, StockReservation, SyncState
from posapp.db.models.tills import (
    CashMovement,
    ReceiptCounter,
    Register,
    RolePermission,
    Shift,
    User,
)

__all__ = [
    "NAMING",
    "AuditEvent",
    "AuditHead",
    "Base",
    "BigID",
    "CashMovement",
    "Category",
    "ClassBooking",
    "ClassIngredient",
    "ClassRoom",
    "ClassSession",
    "CommissionRule",
    "GoodsReceipt",
    "GoodsReceiptLine",
    "HeldTicket",
    "JournalEntry",
    "JournalHead",
    "Lot",
    "LotMarkdown",
    "OnlineOrder",
    "OutboxEvent",
    "Payment",
    "PendingCardCancel",
    "PendingCashReceipt",
    "PinLockout",
    "PriceChange",
    "Producer",
    "Product",
    "ProductBarcode",
    "PurchaseOrder",
    "PurchaseOrderLine",
    "QuickKey",
    "QuickKeyPage",
    "ReceiptCounter",
    "Region",
    "Register",
    "ReportRollupState",
    "ReportSalesRollup",
    "RolePermission",
    "Sale",
    "SaleLine",
    "Shift",
    "StockCount",
    "StockCountLine",
    "StockLevel",
    "StockMovement",
    "StockReservation",
    "StoreMeta",
    "StorePolicy",
    "SupplierReturn",
    "SyncState",
    "TaxClassChange",
    "TaxInvoice",
    "UTCDateTime",
    "User",
    "utcnow",
]
