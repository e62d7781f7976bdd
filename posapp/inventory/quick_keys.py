"""The checkout's quick keys as a manager lays them out: pages (tabs) in order, on each page
keys in order, each key a product with its label and colour (a key of
:data:`posapp.domain.quick_keys.PALETTE`).

Owns ``quick_key_pages`` and ``quick_keys`` (migration 0015_quickkeys). With no page stored the
keys are laid out as before, by region (:func:`posapp.inventory.catalog.quick_keys`), and the
editor starts from that. :func:`save` is the one writer: it needs the ``quick_keys``
permission, replaces the whole layout in one transaction, stamps it with a new revision (what
every till's catalogue poll compares, so an open checkout picks it up) and leaves a
``quick_keys.save`` audit event with the layout before and after. Saving no page at all goes
back to the layout by region.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select

from posapp import audit
from posapp.auth.permissions import Permission, require_permission
from posapp.db.engine import UnitOfWork
from posapp.db.models import AuditEvent, QuickKey, QuickKeyPage
from posapp.domain.quick_keys import (
    COLOURS,
    DEFAULT_COLOUR,
    MAX_KEYS_PER_PAGE,
    MAX_LABEL,
    MAX_PAGE_NAME,
    MAX_PAGES,
)
from posapp.errors import PosError
from posapp.inventory import catalog
from posapp.inventory.catalog import ProductInfo
from posapp.inventory.error_codes import QuickKeysErrorCode

SAVE_ACTION = "quick_keys.save"


class QuickKeyError(PosError):
    pass


@dataclass(frozen=True, slots=True)
class KeySpec:
    """A key as the editor saves it."""

    product_id: int
    label: str = ""
    colour: str = DEFAULT_COLOUR


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A page as the editor saves it, its keys in order."""

    name: str
    keys: tuple[KeySpec, ...] = ()


@dataclass(frozen=True, slots=True)
class QuickKeyInfo:
    """A key as the checkout and the editor show it."""

    product: ProductInfo
    label: str = ""
    colour: str = DEFAULT_COLOUR

    @property
    def text(self) -> str:
        """What the key says: its label, else the product's name."""
        return self.label or self.product.name_ko

    def spec(self) -> KeySpec:
        return KeySpec(self.product.id, self.label, self.colour)


@dataclass(frozen=True, slots=True)
class QuickPage:
    name: str
    keys: tuple[QuickKeyInfo, ...] = ()

    def spec(self) -> PageSpec:
        return PageSpec(self.name, tuple(k.spec() for k in self.keys))


@dataclass(frozen=True, slots=True)
class Layout:
    """The quick keys: ``custom`` False when laid out by region (no layout saved yet)."""

    pages: tuple[QuickPage, ...]
    custom: bool
    revision: int | None = None


def revision(uow: UnitOfWork) -> int | None:
    """The saved layout's revision (None: laid out by region)."""
    value = uow.conn.execute(select(func.max(QuickKeyPage.revision))).scalar()
    return int(value) if value is not None else None


def layout(uow: UnitOfWork) -> Layout:
    """The layout as saved (withdrawn products included, for the editor to show), or by region."""
    pages = uow.conn.execute(
        select(QuickKeyPage.id, QuickKeyPage.name, QuickKeyPage.revision).order_by(
            QuickKeyPage.position, QuickKeyPage.id
        )
    ).all()
    if not pages:
        by_region = catalog.quick_keys(uow)
        return Layout(
            tuple(
                QuickPage(name, tuple(QuickKeyInfo(p) for p in products))
                for name, products in by_region.items()
            ),
            custom=False,
        )
    keys = uow.conn.execute(
        select(QuickKey.page_id, QuickKey.product_id, QuickKey.label, QuickKey.colour).order_by(
            QuickKey.page_id, QuickKey.position, QuickKey.id
        )
    ).all()
    products = catalog.products_by_id(uow, [k.product_id for k in keys])
    on_page: dict[int, list[QuickKeyInfo]] = {}
    for k in keys:
        product = products.get(k.product_id)
        if product is not None:
            on_page.setdefault(k.page_id, []).append(QuickKeyInfo(product, k.label, k.colour))
    return Layout(
        tuple(QuickPage(p.name, tuple(on_page.get(p.id, ()))) for p in pages),
        custom=True,
        revision=max(p.revision for p in pages),
    )


def checkout_pages(uow: UnitOfWork) -> list[QuickPage]:
    """The pages the checkout shows: the layout without withdrawn products."""
    return [
        QuickPage(p.name, tuple(k for k in p.keys if k.product.active)) for p in layout(uow).pages
    ]


def _check(uow: UnitOfWork, pages: Sequence[PageSpec]) -> list[PageSpec]:
    if len(pages) > MAX_PAGES:
        raise QuickKeyError(
            f"{len(pages)} pages, at most {MAX_PAGES}",
            code=QuickKeysErrorCode.TOO_MANY_PAGES,
            limit=MAX_PAGES,
        )
    seen: set[str] = set()
    clean: list[PageSpec] = []
    for page in pages:
        name = page.name.strip()
        if not name or len(name) > MAX_PAGE_NAME:
            raise QuickKeyError(
                f"page name {name!r} empty or longer than {MAX_PAGE_NAME}",
                code=QuickKeysErrorCode.PAGE_NAME,
                limit=MAX_PAGE_NAME,
            )
        if name in seen:
            raise QuickKeyError(
                f"two pages named {name!r}", code=QuickKeysErrorCode.PAGE_DUP, name=name
            )
        seen.add(name)
        if len(page.keys) > MAX_KEYS_PER_PAGE:
            raise QuickKeyError(
                f"page {name!r} has {len(page.keys)} keys, at most {MAX_KEYS_PER_PAGE}",
                code=QuickKeysErrorCode.TOO_MANY_KEYS,
                limit=MAX_KEYS_PER_PAGE,
                name=name,
            )
        keys = []
        for key in page.keys:
            label = key.label.strip()
            if len(label) > MAX_LABEL:
                raise QuickKeyError(
                    f"label {label!r} longer than {MAX_LABEL}",
                    code=QuickKeysErrorCode.LABEL,
                    limit=MAX_LABEL,
                    label=label,
                )
            if key.colour not in COLOURS:
                raise QuickKeyError(
                    f"colour {key.colour!r} not in the palette",
                    code=QuickKeysErrorCode.COLOUR,
                    colour=key.colour,
                )
            keys.append(KeySpec(key.product_id, label, key.colour))
        clean.append(PageSpec(name, tuple(keys)))
    ids = {k.product_id for p in clean for k in p.keys}
    known = catalog.products_by_id(uow, list(ids))
    missing = sorted(ids - set(known))
    if missing:
        raise QuickKeyError(
            f"products {missing} are not in the catalogue",
            code=QuickKeysErrorCode.PRODUCT,
            product_id=missing[0],
        )
    return clean


def _summary(pages: Sequence[PageSpec]) -> list[dict[str, object]]:
    return [
        {
            "page": p.name,
            "keys": [
                {"product": k.product_id, "label": k.label, "colour": k.colour} for k in p.keys
            ],
        }
        for p in pages
    ]


def save(
    uow: UnitOfWork,
    actor_id: int | None,
    pages: Sequence[PageSpec],
    *,
    register_id: str | None = None,
) -> Layout:
    """Replace the quick-key layout with ``pages`` (no page: back to the layout by region);
    ``actor_id`` must hold ``quick_keys``. Audited with the layout before and after."""
    require_permission(uow, actor_id, Permission.QUICK_KEYS, "editing the quick keys")
    clean = _check(uow, pages)
    old = layout(uow)
    before = _summary([p.spec() for p in old.pages]) if old.custom else None
    # one more than the saves before (counted in the audit log, which is never cut): a layout
    # saved after a reset to the region layout still differs from every earlier one
    saves = uow.conn.execute(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == SAVE_ACTION)
    ).scalar_one()
    next_revision = int(saves) + 1
    uow.conn.execute(delete(QuickKey.__table__))
    uow.conn.execute(delete(QuickKeyPage.__table__))
    for position, page in enumerate(clean):
        page_id = uow.conn.execute(
            insert(QuickKeyPage.__table__)
            .values(name=page.name, position=position, revision=next_revision)
            .returning(QuickKeyPage.__table__.c.id)
        ).scalar_one()
        if page.keys:
            uow.conn.execute(
                insert(QuickKey.__table__),
                [
                    {
                        "page_id": page_id,
                        "position": i,
                        "product_id": k.product_id,
                        "label": k.label,
                        "colour": k.colour,
                    }
                    for i, k in enumerate(page.keys)
                ],
            )
    audit.record(
        uow.conn,
        SAVE_ACTION,
        actor_id,
        register_id,
        f"quick keys: {len(clean)} pages, {sum(len(p.keys) for p in clean)} keys",
        {"pages": before} if before is not None else None,
        {"pages": _summary(clean)} if clean else {"pages": None},
    )
    return layout(uow)


__all__ = [
    "SAVE_ACTION",
    "KeySpec",
    "Layout",
    "PageSpec",
    "QuickKeyError",
    "QuickKeyInfo",
    "QuickPage",
    "checkout_pages",
    "layout",
    "revision",
    "save",
]
