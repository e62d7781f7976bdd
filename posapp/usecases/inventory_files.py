"""Inventory use cases for files: the product CSV import (all or nothing, progress reported;
prices changed by it go through the one product writer with the importing user) and export,
and the PDFs saved in the documents folder (purchase orders, label sheets).

Reading and writing files here is I/O: the screens run :meth:`ProductFilesUseCases.export` and
:func:`save_document` on the I/O pool; the import is a database write (the database worker).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from posapp.db.engine import Database
from posapp.inventory import csv_io
from posapp.inventory.csv_format import (
    ImportRejected,
    ImportResult,
    Progress,
    RowError,
    read_file,
)


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    products: int


def save_document(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as ``folder/name`` (the folder is made when missing); its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def stamp() -> str:
    """A file-name stamp that does not repeat (to the microsecond, local time)."""
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


class ProductFilesUseCases:
    """The product CSV in and out."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def import_file(
        self, path: Path, *, user_id: int, progress: Progress | None = None
    ) -> ImportResult:
        """Import ``path`` in one transaction (not retried: a refused file raises
        :class:`ImportRejected` with every bad row). The file is read, decoded and checked
        first, outside the transaction: the write lock is held only while writing."""
        prepared = read_file(path, progress)
        if prepared.errors:
            raise ImportRejected(prepared.errors)
        return self._db.transact(
            lambda uow: csv_io.import_prepared(uow, prepared, user_id=user_id, progress=progress),
            retries=0,
        )

    def export(self, folder: Path) -> Exported:
        """Every product to ``folder/products.csv`` (UTF-8 with BOM, for Korean Excel)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "products.csv"
        return Exported(path, self._db.read(lambda uow: csv_io.export_products(uow, path)))


__all__ = [
    "Exported",
    "ImportRejected",
    "ImportResult",
    "ProductFilesUseCases",
    "RowError",
    "save_document",
    "stamp",
]
