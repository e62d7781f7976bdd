"""The inventory window's use cases in one value: products, stock, counts, orders and
receiving, labels, product files, shelf windows and returns to suppliers, and the approval
service for a manager's PIN. Built once from the database by the composition root
(:meth:`InventoryUseCases.build`).
"""

from __future__ import annotations

from dataclasses import dataclass

from posapp.db.engine import Database
from posapp.usecases.approvals import Approvals
from posapp.usecases.inventory_counts import CountsUseCases
from posapp.usecases.inventory_files import ProductFilesUseCases
from posapp.usecases.inventory_labels import LabelsUseCases
from posapp.usecases.inventory_orders import OrdersUseCases
from posapp.usecases.inventory_products import ProductsUseCases
from posapp.usecases.inventory_shelf import ShelfUseCases
from posapp.usecases.inventory_stock import StockUseCases


@dataclass(frozen=True, slots=True)
class InventoryUseCases:
    products: ProductsUseCases
    stock: StockUseCases
    counts: CountsUseCases
    orders: OrdersUseCases
    labels: LabelsUseCases
    files: ProductFilesUseCases
    approvals: Approvals
    shelf: ShelfUseCases

    @classmethod
    def build(cls, db: Database, approvals: Approvals | None = None) -> InventoryUseCases:
        return cls(
            products=ProductsUseCases(db),
            stock=StockUseCases(db),
            counts=CountsUseCases(db),
            orders=OrdersUseCases(db),
            labels=LabelsUseCases(db),
            files=ProductFilesUseCases(db),
            approvals=approvals or Approvals(db),
            shelf=ShelfUseCases(db),
        )


__all__ = ["InventoryUseCases"]
