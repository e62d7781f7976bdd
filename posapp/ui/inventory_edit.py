"""The manager's edit dialogs: a product (barcodes, price with its history, reorder point, shelf
life, tax, unit, region, producer, active), a partner region (contact and the promotion texts
used on receipts and the customer display) and a producer (contact, purchase or consignment);
the floor ↔ store room transfer, the lot markdown and the waste / correction of a product.

Qt only. A dialog is filled from the frozen dataclasses of the inventory use cases
(posapp.usecases.inventory_products) and turns what the manager typed into their input
(:class:`ProductEdit`, keyword texts); it never touches the database. Its OK button emits
``submitted``: the window saves through the task runner and either closes the dialog or shows
the error in it, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain import calendar
from posapp.domain.money import round_half_up_div
from posapp.errors import PosError
from posapp.ui.error_codes import UiErrorCode
from posapp.ui.i18n import QT_TRANSLATE_NOOP
from posapp.usecases.inventory_products import (
    ProducerInfo,
    ProductDetail,
    ProductEdit,
    RegionInfo,
)
from posapp.usecases.inventory_stock import LotInfo

UNIT_NAMES = (
    ("ea", QT_TRANSLATE_NOOP("inventory", "개")),
    ("kg", QT_TRANSLATE_NOOP("inventory", "kg")),
    ("100g", QT_TRANSLATE_NOOP("inventory", "100g")),
)
TAX_NAMES = (
    ("taxable", QT_TRANSLATE_NOOP("inventory", "과세")),
    ("exempt", QT_TRANSLATE_NOOP("inventory", "면세")),
)
KIND_NAMES = (
    ("purchase", QT_TRANSLATE_NOOP("inventory", "직매입")),
    ("specific", QT_TRANSLATE_NOOP("inventory", "특정매입")),
    ("consignment", QT_TRANSLATE_NOOP("inventory", "위탁")),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("inventory", text)


def parse_won(text: str, what: str) -> int:
    """A whole amount of won typed by hand ("12,900", "12900", "₩12,900")."""
    clean = (
        text.strip()
        .replace(",", "")
        .replace("₩", "")
        .removesuffix(QCoreApplication.translate("inventory", "원"))
        .strip()
    )
    if not clean.isdigit():
        # no typed text in the message: Hangul in it would keep a Korean till from its template
        raise PosError(
            "an amount is whole won, 0 or more (digits, commas allowed)",
            code=UiErrorCode.WON,
            what=tr(what),
            text=text,
        )
    return int(clean)


def local_time(at: dt.datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return calendar.to_local(at).strftime("%Y-%m-%d %H:%M")


def fill_combo(
    combo: QComboBox, items: list[tuple[Any, str]], current: Any, *, none: str | None = None
) -> None:
    combo.clear()
    if none is not None:
        combo.addItem(none, None)
    for value, text in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))


def button_row(*buttons: tuple[str, Callable[[], Any]]) -> QHBoxLayout:
    """A row of push buttons (text, slot), left-aligned."""
    row = QHBoxLayout()
    for text, slot in buttons:
        b = QPushButton(text)
        b.clicked.connect(slot)
        row.addWidget(b)
    row.addStretch(1)
    return row


class FormDialog(QDialog):
    """A form with an error line and OK/Cancel; OK emits ``submitted`` (the caller saves)."""

    submitted = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if title:
            self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # explicit context: self.tr would use the subclass's name, which lupdate does not see
        for which, text in (
            (QDialogButtonBox.StandardButton.Ok, QCoreApplication.translate("FormDialog", "확인")),
            (
                QDialogButtonBox.StandardButton.Cancel,
                QCoreApplication.translate("FormDialog", "취소"),
            ),
        ):
            self.buttons.button(which).setText(text)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def _ok(self) -> None:
        self.error.clear()
        self.submitted.emit()

    def fail(self, text: str) -> None:
        self.error.setText(text)


class ProductDialog(FormDialog):
    """Edit one product. ``edit()`` returns only what changed as a :class:`ProductEdit`."""

    def __init__(
        self,
        detail: ProductDetail,
        regions: list[RegionInfo],
        producers: list[ProducerInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("상품 수정 — {name}").format(name=detail.name_ko))
        self.detail = detail
        self.name_ko = QLineEdit(detail.name_ko)
        self.name_en = QLineEdit(detail.name_en)
        self.barcodes = QPlainTextEdit("\n".join(detail.barcodes))
        self.barcodes.setPlaceholderText(self.tr("한 줄에 하나 (첫 줄이 대표 바코드)"))
        self.barcodes.setFixedHeight(70)
        self.price = QLineEdit(f"{detail.price:,}")
        self.unit = QComboBox()
        fill_combo(self.unit, [(v, tr(t)) for v, t in UNIT_NAMES], detail.unit)
        self.tax = QComboBox()
        fill_combo(self.tax, [(v, tr(t)) for v, t in TAX_NAMES], detail.tax_class)
        self.region = QComboBox()
        fill_combo(
            self.region, [(r.id, r.name) for r in regions], detail.region_id, none=self.tr("없음")
        )
        self.producer = QComboBox()
        fill_combo(
            self.producer,
            [(p.id, p.name) for p in producers],
            detail.producer_id,
            none=self.tr("없음"),
        )
        self.reorder = QSpinBox()
        self.reorder.setRange(0, 1_000_000)
        self.reorder.setValue(detail.reorder_point)
        self.shelf_life = QSpinBox()
        self.shelf_life.setRange(0, 3650)
        self.shelf_life.setSpecialValueText(self.tr("없음"))
        self.shelf_life.setSuffix(self.tr(" 일"))
        self.shelf_life.setValue(detail.shelf_life_days or 0)
        self.active = QCheckBox(self.tr("판매 중"))
        self.active.setChecked(detail.active)
        stock = QLabel(self.tr("현재 재고 {n}").format(n=f"{detail.on_hand:,}"))
        for label, w in (
            (self.tr("상품명"), self.name_ko),
            (self.tr("영문명"), self.name_en),
            (self.tr("바코드"), self.barcodes),
            (self.tr("판매가 (원)"), self.price),
            (self.tr("단위"), self.unit),
            (self.tr("과세 구분"), self.tax),
            (self.tr("산지"), self.region),
            (self.tr("생산자"), self.producer),
            (self.tr("발주점"), self.reorder),
            (self.tr("유통기간"), self.shelf_life),
            ("", self.active),
            ("", stock),
        ):
            self.form.addRow(label, w)
        self.layout_.addWidget(QLabel(self.tr("가격 이력 (새 가격은 새 거래부터 적용)")))
        self.history = QTableWidget(len(detail.prices), 5)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("변경 시각"),
                self.tr("이전 가격"),
                self.tr("새 가격"),
                self.tr("변경한 사람"),
                self.tr("출처"),
            ]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.setColumnWidth(0, 150)
        for i, h in enumerate(detail.prices):
            cells = (
                local_time(h.changed_at),
                f"{h.old_price:,}" if h.old_price is not None else "",
                f"{h.new_price:,}",
                h.user,
                h.source,
            )
            for c, text in enumerate(cells):
                self.history.setItem(i, c, QTableWidgetItem(text))
        self.history.setFixedHeight(140)
        self.layout_.addWidget(self.history)
        self.finish_layout()
        self.resize(560, 720)

    def edit(self) -> ProductEdit:
        """What the manager changed (a typed price that is not whole won raises ``ui.won``)."""
        d = self.detail
        price = parse_won(self.price.text(), QT_TRANSLATE_NOOP("inventory", "판매가"))
        codes = tuple(c.strip() for c in self.barcodes.toPlainText().split() if c.strip())
        shelf = self.shelf_life.value()

        def changed(new: Any, old: Any) -> Any:
            return new if new != old else None

        return ProductEdit(
            name_ko=changed(self.name_ko.text().strip(), d.name_ko),
            name_en=changed(self.name_en.text().strip(), d.name_en),
            unit=changed(self.unit.currentData(), d.unit),
            price=changed(price, d.price),
            tax_class=changed(self.tax.currentData(), d.tax_class),
            region_id=changed(self.region.currentData(), d.region_id),
            producer_id=changed(self.producer.currentData(), d.producer_id),
            reorder_point=changed(self.reorder.value(), d.reorder_point),
            shelf_life_days=changed(shelf or None, d.shelf_life_days),
            clear_shelf_life=shelf == 0 and d.shelf_life_days is not None,
            active=changed(self.active.isChecked(), d.active),
            barcodes=changed(codes, d.barcodes),
        )


REGION_FIELDS = (
    ("contact", QT_TRANSLATE_NOOP("inventory", "담당자")),
    ("phone", QT_TRANSLATE_NOOP("inventory", "전화")),
    ("signature", QT_TRANSLATE_NOOP("inventory", "대표 특산물")),
    ("festival", QT_TRANSLATE_NOOP("inventory", "축제")),
    ("tourism", QT_TRANSLATE_NOOP("inventory", "관광")),
    ("season", QT_TRANSLATE_NOOP("inventory", "제철")),
    ("promo", QT_TRANSLATE_NOOP("inventory", "홍보 문구 (영수증·고객 화면)")),
)


class RegionDialog(FormDialog):
    """A partner region's contact and promotion texts. ``texts()`` → keyword arguments of
    :meth:`posapp.usecases.inventory_products.ProductsUseCases.save_region`."""

    def __init__(self, region: RegionInfo, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("산지 정보 — {name}").format(name=region.name))
        self.region = region
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name, label in REGION_FIELDS:
            value = getattr(region, name)
            w: QLineEdit | QPlainTextEdit
            if name in ("contact", "phone", "signature"):
                w = QLineEdit(value)
            else:
                w = QPlainTextEdit(value)
                w.setFixedHeight(60)
            self.fields[name] = w
            self.form.addRow(tr(label), w)
        self.finish_layout()
        self.resize(520, 520)

    def texts(self) -> dict[str, str]:
        out = {}
        for name, w in self.fields.items():
            text = w.text() if isinstance(w, QLineEdit) else w.toPlainText()
            if text.strip() != getattr(self.region, name):
                out[name] = text.strip()
        return out


class ProducerDialog(FormDialog):
    """A new producer (``producer`` None) or an existing one; ``values()`` → keyword arguments
    of :meth:`posapp.usecases.inventory_products.ProductsUseCases.save_producer`."""

    def __init__(
        self,
        producer: ProducerInfo | None,
        regions: list[RegionInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", parent)
        self.setWindowTitle(
            self.tr("생산자 — {name}").format(name=producer.name)
            if producer
            else self.tr("새 생산자")
        )
        self.producer = producer
        self.name = QLineEdit(producer.name if producer else "")
        self.region = QComboBox()
        fill_combo(
            self.region,
            [(r.id, r.name) for r in regions],
            producer.region_id if producer else None,
            none=self.tr("없음"),
        )
        self.contact = QLineEdit(producer.contact if producer else "")
        self.phone = QLineEdit(producer.phone if producer else "")
        self.kind = QComboBox()
        fill_combo(
            self.kind,
            [(v, tr(t)) for v, t in KIND_NAMES],
            producer.kind if producer else "purchase",
        )
        self.active = QCheckBox(self.tr("거래 중"))
        self.active.setChecked(producer.active if producer else True)
        # the flat commission (위탁) or margin (특정매입) rate, where no commission rule applies
        self.rate = QSpinBox()
        self.rate.setRange(-1, 100)
        self.rate.setSpecialValueText(self.tr("없음"))
        self.rate.setSuffix(" %")
        rate = producer.commission_rate if producer else None
        self.rate.setValue(-1 if rate is None else rate)
        self.rate.setToolTip(self.tr("수수료 규칙이 없을 때 쓰는 기본 수수료율"))
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.rate)
        row.addWidget(self.active)
        for label, w in (
            (self.tr("이름"), self.name),
            (self.tr("산지"), self.region),
            (self.tr("담당자"), self.contact),
            (self.tr("전화"), self.phone),
        ):
            self.form.addRow(label, w)
        self.form.addRow(self.tr("거래 방식"), row)
        self.finish_layout()

    def values(self) -> dict[str, Any]:
        return dict(
            producer_id=self.producer.id if self.producer else None,
            name=self.name.text(),
            region_id=self.region.currentData(),
            contact=self.contact.text(),
            phone=self.phone.text(),
            kind=self.kind.currentData(),
            active=self.active.isChecked(),
            commission_rate=None if self.rate.value() < 0 else self.rate.value(),
        )


LOCATION_NAMES = {
    "floor": QT_TRANSLATE_NOOP("inventory", "매장"),
    "store_room": QT_TRANSLATE_NOOP("inventory", "지하 창고"),
}


class TransferDialog(FormDialog):
    """Move units of one product between the sales floor and the basement store room
    (first-expiring lots first; expiry and cost travel with the goods)."""

    def __init__(self, name: str, by_location: dict[str, int], parent: QWidget | None = None):
        super().__init__("", parent)
        self.setWindowTitle(self.tr("매장 ↔ 창고 이동 — {name}").format(name=name))
        self.by_location = by_location
        self.direction = QComboBox()
        for src, dst in (("store_room", "floor"), ("floor", "store_room")):
            self.direction.addItem(
                self.tr("{src} → {dst}").format(
                    src=tr(LOCATION_NAMES[src]), dst=tr(LOCATION_NAMES[dst])
                ),
                f"{src}>{dst}",  # a string: a tuple in a QVariant does not compare in findData
            )
        if not by_location.get("store_room", 0):  # nothing downstairs: offer floor → room
            self.direction.setCurrentIndex(1)
        self.qty = QSpinBox()
        self.qty.setRange(1, 1_000_000)
        self.note = QLineEdit()
        self.setMinimumWidth(380)
        self.have = QLabel(
            self.tr("매장 {floor} · 지하 창고 {room}").format(
                floor=f"{by_location.get('floor', 0):,}",
                room=f"{by_location.get('store_room', 0):,}",
            )
        )
        self.form.addRow(self.tr("재고"), self.have)
        self.form.addRow(self.tr("방향"), self.direction)
        self.form.addRow(self.tr("수량"), self.qty)
        self.form.addRow(self.tr("메모"), self.note)
        self.finish_layout()

    def values(self) -> dict[str, Any]:
        src, dst = str(self.direction.currentData()).split(">")
        return dict(qty=self.qty.value(), from_location=src, to_location=dst, note=self.note.text())


class MarkdownDialog(FormDialog):
    """Mark a near-expiry lot down by a percentage; the reduced price (rounded to 10 won, as
    the service rounds it) is shown as the percentage changes."""

    def __init__(self, lot: LotInfo, regular_price: int, parent: QWidget | None = None):
        super().__init__("", parent)
        self.setWindowTitle(self.tr("마감 할인 — {name}").format(name=lot.product_name))
        self.lot, self.regular = lot, regular_price
        self.percent = QSpinBox()
        self.percent.setRange(1, 90)
        self.percent.setValue(30)
        self.percent.setSuffix(" %")
        self.price = QLabel()
        self.percent.valueChanged.connect(self._preview)
        self.print_labels = QCheckBox(self.tr("할인 가격표 인쇄"))
        self.print_labels.setChecked(True)
        self.form.addRow(
            self.tr("로트"),
            QLabel(
                self.tr("{code} · 유통기한 {expiry} ({days}일 남음) · 재고 {qty}").format(
                    code=lot.lot_code or "-",
                    expiry=lot.expiry_date.isoformat() if lot.expiry_date else "-",
                    days=lot.days_left if lot.days_left is not None else "-",
                    qty=f"{lot.qty_on_hand:,}",
                )
            ),
        )
        self.form.addRow(self.tr("할인율"), self.percent)
        self.form.addRow(self.tr("할인가"), self.price)
        self.form.addRow("", self.print_labels)
        self.finish_layout()
        self._preview()

    def _preview(self) -> None:
        price = round_half_up_div(self.regular * (100 - self.percent.value()), 1000) * 10
        self.price.setText(
            self.tr("{price}원 (정상가 {regular}원)").format(
                price=f"{price:,}", regular=f"{self.regular:,}"
            )
        )


class WasteDialog(QDialog):
    """Waste or adjustment of one product: quantity and a reason (spoiled, damaged, ...)."""

    REASONS = (
        ("spoiled", QT_TRANSLATE_NOOP("WasteDialog", "변질")),
        ("damaged", QT_TRANSLATE_NOOP("WasteDialog", "파손")),
        ("sample", QT_TRANSLATE_NOOP("WasteDialog", "시식")),
        ("class_use", QT_TRANSLATE_NOOP("WasteDialog", "수업 사용")),
        ("theft", QT_TRANSLATE_NOOP("WasteDialog", "도난·분실")),
        ("correction", QT_TRANSLATE_NOOP("WasteDialog", "재고 정정 (±)")),
    )

    def __init__(self, product_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("폐기·조정"))
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{product_name}</b>"))
        self.qty = QSpinBox()
        self.qty.setRange(-100_000, 100_000)
        self.qty.setValue(1)
        self.reason = QComboBox()
        for code, ko in self.REASONS:
            self.reason.addItem(self.tr(ko), code)
        self.note = QLineEdit()
        form.addRow(self.tr("수량"), self.qty)
        form.addRow(self.tr("사유"), self.reason)
        form.addRow(self.tr("메모"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int, str, str]:
        return self.qty.value(), str(self.reason.currentData()), self.note.text()
