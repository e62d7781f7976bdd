"""The catalogue: regions, producers, categories, products, their barcodes and price history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from posapp.db.models.base import Base, UTCDateTime, utcnow


class Region(Base):
    """A partner local government (시·군) and the promotion text shown for it."""

    __tablename__ = "regions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    name_en: Mapped[str] = mapped_column(String(80), default="")
    province: Mapped[str] = mapped_column(String(40), default="")
    signature: Mapped[str] = mapped_column(Text, default="")
    festival: Mapped[str] = mapped_column(Text, default="")
    tourism: Mapped[str] = mapped_column(Text, default="")
    season: Mapped[str] = mapped_column(Text, default="")
    promo: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the partner local government's contact for the store (migration 0005)
    contact: Mapped[str] = mapped_column(String(80), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")


class Producer(Base):
    """A producer or supplier; consignment suppliers carry a commission rate (percent)."""

    __tablename__ = "producers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    contact: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(16), default="purchase")
    commission_rate: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    name_en: Mapped[str] = mapped_column(String(80), default="")
    # days a lot of this category may stay on the shelf after it came in (leafy greens 1);
    # NULL: no window (migration 0011_accounts; posapp.inventory.shelf)
    shelf_days: Mapped[int | None] = mapped_column(Integer)


class Product(Base):
    """A sellable item. ``unit`` is ea / kg / 100g and ``price`` is per that unit, VAT included."""

    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name_ko: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(8), default="ea")
    price: Mapped[int] = mapped_column(Integer)
    tax_class: Mapped[str] = mapped_column(String(8), default="taxable")
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)
    producer_id: Mapped[int | None] = mapped_column(ForeignKey("producers.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    plu: Mapped[str | None] = mapped_column(String(8), unique=True)
    reorder_point: Mapped[int] = mapped_column(Integer, default=0)
    shelf_life_days: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # indexed: every till asks what changed since it last looked (the live catalogue)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # False for services sold at the till (a cooking-class fee, a room fee): no stock movements
    stock_tracked: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class ProductBarcode(Base):
    __tablename__ = "product_barcodes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(20), unique=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class PriceChange(Base):
    """Price history: every change of a product's shelf price, with who made it."""

    __tablename__ = "price_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    old_price: Mapped[int | None] = mapped_column(Integer)
    new_price: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    source: Mapped[str] = mapped_column(String(20), default="manual")


class QuickKeyPage(Base):
    """A page (tab) of the checkout's quick keys as a manager laid it out (migration
    0015_quickkeys; posapp.inventory.quick_keys). No page at all: the keys are laid out by
    region. ``revision`` is the same on every page of one saved layout, one more than the last
    layout's, so every till sees a new layout on its next look at the catalogue."""

    __tablename__ = "quick_key_pages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer, default=1)


class QuickKey(Base):
    """One key of a quick-key page: the product it sells, its label (empty: the product's
    name), its colour (a key of posapp.domain.quick_keys.PALETTE) and its place on the page."""

    __tablename__ = "quick_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    page_id: Mapped[int] = mapped_column(
        ForeignKey("quick_key_pages.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(40), default="")
    colour: Mapped[str] = mapped_column(String(16), default="default")
