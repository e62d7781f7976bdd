"""``posapp-admin tax-class …`` and ``commission …``: the accountant's commands (issue 20) —
scheduled tax-class changes (listed, scheduled by product or category, cancelled, applied) and
commission rules (listed, added, imported from CSV; exported by ``report commission-rules``),
and ``shelf …`` (a category's shelf window, the pull list, a return to the supplier).

Owns these subcommands' parsers and their runs; :mod:`posapp.cli` registers and dispatches them.
The work is the services' (:mod:`posapp.inventory.tax_classes`); each write names its user.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from posapp.db.engine import Database, UnitOfWork
from posapp.db.models import Category, Product, ProductBarcode

COMMANDS = ("tax-class", "commission", "shelf")


def add_parsers(sub: Any, who_arg: Callable[[Any], None]) -> None:
    """Register the commands on ``posapp-admin``'s subparsers; ``who_arg`` adds ``--user`` to
    each writing one (its PIN is asked: posapp.cli_control.WRITES)."""
    tc = sub.add_parser("tax-class", help="tax classes (과세/면세) with effective dates")
    tsub = tc.add_subparsers(dest="action", required=True)
    tsub.add_parser("list", help="scheduled, applied and cancelled changes")
    sc = tsub.add_parser("schedule", help="schedule a change from a business day on")
    target = sc.add_mutually_exclusive_group(required=True)
    target.add_argument("--product", help="barcode, PLU or id of one product")
    target.add_argument("--category", help="every product of this category (name or id)")
    sc.add_argument("--class", dest="tax_class", required=True, help="taxable/exempt (과세/면세)")
    sc.add_argument("--from", dest="start", required=True, type=dt.date.fromisoformat)
    sc.add_argument("--reason", default="")
    who_arg(sc)
    ca = tsub.add_parser("cancel", help="cancel a change not applied yet")
    ca.add_argument("id", type=int)
    who_arg(ca)
    ap = tsub.add_parser("apply", help="write the changes due today to the products")
    who_arg(ap)
    cm = sub.add_parser(
        "commission",
        help="commission rules per supplier and category (export: report commission-rules)",
    )
    csub = cm.add_subparsers(dest="action", required=True)
    csub.add_parser("list", help="every rule")
    add = csub.add_parser("add", help="add a rule from a business day on")
    add.add_argument("--producer", help="one supplier (name); default every supplier")
    add.add_argument("--category", help="one category (name); default every category")
    add.add_argument("--from", dest="start", required=True, type=dt.date.fromisoformat)
    add.add_argument("--rate", required=True, help="percent, e.g. 12 or 12.5")
    add.add_argument(
        "--threshold", type=int, default=0, help="yearly sales (won) before it applies"
    )
    who_arg(add)
    imp = csub.add_parser("import", help="add the rules of a CSV (all or nothing)")
    imp.add_argument("file", type=Path)
    who_arg(imp)
    sh = sub.add_parser("shelf", help="shelf windows, the pull list, returns to suppliers")
    ssub = sh.add_subparsers(dest="action", required=True)
    days = ssub.add_parser("days", help="a category's shelf window in days (0: none)")
    days.add_argument("category")
    days.add_argument("days", type=int)
    who_arg(days)
    ssub.add_parser("pull", help="today's pull list: floor lots past their window")
    ret = ssub.add_parser("return", help="send units of a lot back to its supplier")
    ret.add_argument("lot", type=int)
    ret.add_argument("qty", type=int)
    ret.add_argument("--reason", required=True)
    who_arg(ret)
    ret.add_argument("--slip", type=Path, help="write the return slip PDF here")


def _product_id(uow: UnitOfWork, text: str) -> int | None:
    p = Product.__table__
    b = ProductBarcode.__table__
    found = uow.conn.execute(select(b.c.product_id).where(b.c.code == text)).scalar()
    if found is None:
        found = uow.conn.execute(select(p.c.id).where(p.c.plu == text)).scalar()
    if found is None and text.isdigit():
        found = uow.conn.execute(select(p.c.id).where(p.c.id == int(text))).scalar()
    return None if found is None else int(found)


def _category_id(uow: UnitOfWork, text: str) -> int | None:
    c = Category.__table__
    cond = c.c.id == int(text) if text.isdigit() else c.c.name == text
    found = uow.conn.execute(select(c.c.id).where(cond)).scalar()
    return None if found is None else int(found)


def run(args: argparse.Namespace, db: Database) -> int:
    """Run one of :data:`COMMANDS`; returns the exit code."""
    from posapp.auth.service import user_by_name
    from posapp.domain.tax import parse_tax_class
    from posapp.inventory import tax_classes

    if args.command == "commission":
        return _commission(args, db)
    if args.command == "shelf":
        return _shelf(args, db)
    if args.action == "list":
        for c in db.read(lambda uow: tax_classes.list_changes(uow)):
            print(
                f"{c.id:>5}  {c.effective_from}  {c.tax_class:<8} {c.state_ko}  {c.product}"
                + (f"  ({c.reason})" if c.reason else "")
            )
        return 0
    if args.action == "apply":

        def apply(uow: UnitOfWork) -> int:
            user = user_by_name(uow, args.user).id if args.user else None
            return tax_classes.apply_due(uow, user_id=user)

        print(f"{db.transact(apply)} product(s) changed")
        return 0
    if args.action == "cancel":

        def cancel(uow: UnitOfWork) -> None:
            tax_classes.cancel(uow, args.id, user_id=user_by_name(uow, args.user).id)

        db.transact(cancel)
        print(f"change {args.id} cancelled")
        return 0

    def schedule(uow: UnitOfWork) -> list[tax_classes.TaxChangeInfo]:
        user = user_by_name(uow, args.user).id
        cls = parse_tax_class(args.tax_class).value
        if args.product:
            pid = _product_id(uow, args.product)
            return tax_classes.schedule(
                uow,
                tax_class=cls,
                effective_from=args.start,
                product_ids=[pid] if pid is not None else [-1],
                user_id=user,
                reason=args.reason,
            )
        return tax_classes.schedule(
            uow,
            tax_class=cls,
            effective_from=args.start,
            category_id=_category_id(uow, args.category) or -1,
            user_id=user,
            reason=args.reason,
        )

    made = db.transact(schedule)
    for c in made:
        print(f"{c.id:>5}  {c.effective_from}  {c.tax_class:<8} {c.product}")
    print(f"{len(made)} change(s) scheduled")
    return 0


def _commission(args: argparse.Namespace, db: Database) -> int:
    from posapp.auth.service import user_by_name
    from posapp.inventory import partners
    from posapp.inventory.error_codes import CommissionRuleErrorCode
    from posapp.inventory.stock import InventoryError

    def show(rules: list[partners.CommissionRuleInfo]) -> None:
        for r in rules:
            print(
                f"{r.id:>5}  {r.producer or '(전체)'}  {r.category or '(전체)'}  "
                f"{r.effective_from}  {r.threshold:>12,}  {r.rate_text}%"
            )

    if args.action == "list":
        show(db.read(lambda uow: partners.list_commission_rules(uow)))
        return 0
    if args.action == "import":
        data = args.file.read_bytes()
        made = db.transact(
            lambda uow: partners.import_commission_rules(
                uow, data, user_id=user_by_name(uow, args.user).id
            )
        )
        show(made)
        print(f"{len(made)} rule(s) added")
        return 0

    def add(uow: UnitOfWork) -> list[partners.CommissionRuleInfo]:
        names = {p.name: p.id for p in partners.list_producers(uow)}
        cats = {c.name: c.id for c in partners.list_categories(uow)}
        for value, known in ((args.producer, names), (args.category, cats)):
            if value and value not in known:
                raise InventoryError(
                    f"no such supplier or category: {value}",
                    code=CommissionRuleErrorCode.UNKNOWN,
                    rule=value,
                )
        return [
            partners.save_commission_rule(
                uow,
                user_id=user_by_name(uow, args.user).id,
                effective_from=args.start,
                rate_bp=partners.parse_rate(args.rate),
                producer_id=names.get(args.producer) if args.producer else None,
                category_id=cats.get(args.category) if args.category else None,
                threshold=args.threshold,
            )
        ]

    show(db.transact(add))
    return 0


def _shelf(args: argparse.Namespace, db: Database) -> int:
    from posapp.auth.service import user_by_name
    from posapp.inventory import shelf

    if args.action == "pull":
        items = db.read(lambda uow: shelf.pull_list(uow))
        for i in items:
            print(
                f"lot {i.lot_id:>6}  {i.product}  {i.qty:,}  {i.category} {i.days_on_shelf}/"
                f"{i.window}일  입고 {i.received}  {i.supplier}"
            )
        print(f"{len(items)} lot(s) to pull")
        return 0
    if args.action == "days":

        def set_days(uow: UnitOfWork) -> None:
            cid = _category_id(uow, args.category)
            shelf.set_shelf_days(
                uow, cid or -1, args.days or None, user_id=user_by_name(uow, args.user).id
            )

        db.transact(set_days)
        print(f"{args.category}: {args.days or 'no'} shelf day(s)")
        return 0
    info = db.transact(
        lambda uow: shelf.return_to_supplier(
            uow, args.lot, args.qty, args.reason, user_id=user_by_name(uow, args.user).id
        )
    )
    print(f"returned {info.qty} of lot {info.lot_id} to {info.supplier}: {info.amount:,} won")
    if args.slip:
        args.slip.parent.mkdir(parents=True, exist_ok=True)
        args.slip.write_bytes(shelf.return_slip_pdf(info))
        print(args.slip)
    return 0
