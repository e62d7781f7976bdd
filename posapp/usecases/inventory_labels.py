"""Inventory use cases for labels: the items to print (chosen products, or a lot's markdown),
drawn as shelf labels (가격표) or barcode labels on an A4 label sheet and saved in the
documents folder. Drawing and saving are I/O (the screens run :meth:`LabelsUseCases.save_sheet`
on the I/O pool); reading the items is a database read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from posapp.db.engine import Database
from posapp.inventory import labels
from posapp.inventory.labels import SHEETS, LabelItem, SheetFormat
from posapp.usecases.inventory_files import save_document, stamp


@dataclass(frozen=True, slots=True)
class LabelSheet:
    """How labels are printed: ``shelf`` or ``barcode`` labels on ``sheet`` (a key of
    :data:`SHEETS`), skipping the first ``skip`` labels of a part-used sheet."""

    kind: str = "shelf"
    sheet: str = "shelf-2x4"
    skip: int = 0


class LabelsUseCases:
    """Label items and label sheets."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def items(
        self, product_ids: Sequence[int], *, lot_ids: Sequence[int] = ()
    ) -> tuple[LabelItem, ...]:
        """One item per product id given (repeat an id for more labels), or per lot."""
        return self._db.read(
            lambda uow: tuple(labels.label_items(uow, product_ids, lot_ids=lot_ids))
        )

    @staticmethod
    def draw(items: Sequence[LabelItem], sheet: LabelSheet) -> bytes:
        fmt = SHEETS[sheet.sheet]
        if sheet.kind == "barcode":
            return labels.barcode_labels_pdf(items, fmt, skip=sheet.skip)
        return labels.shelf_labels_pdf(items, fmt, skip=sheet.skip)

    def save_sheet(
        self, items: Sequence[LabelItem], sheet: LabelSheet, folder: Path, stem: str
    ) -> Path:
        """Draw the sheet and save it as ``labels-<stem>-<stamp>.pdf`` in ``folder``."""
        return save_document(folder, f"labels-{stem}-{stamp()}.pdf", self.draw(items, sheet))


__all__ = ["SHEETS", "LabelItem", "LabelSheet", "LabelsUseCases", "SheetFormat"]
