"""Who is at ``posapp-admin``: every command that writes names its user (``--user NAME``, or
``POSAPP_USER`` for scripts) and that user's PIN (typed at a prompt, or ``POSAPP_PIN`` for
scripts); the PIN goes through the lockout as the till ``cli`` and the user's own count
(:mod:`posapp.auth.lockout`), the user must hold the command's permission, and the command is
an audit event naming the user (``cli.<command>``). Read-only commands stay open.

``init --admin NAME`` on a database without users creates the first admin, the PIN typed
twice. Also the till-control commands: ``policy list`` / ``policy set KEY VALUE`` (the store's
policy, posapp.store_policy) and ``lockout list`` / ``lockout lift [--scope S] --user NAME``
(a manager lifting a PIN lock, posapp.usecases.pin_lockout).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from posapp import audit, store_policy
from posapp.auth.error_codes import AuthErrorCode
from posapp.auth.permissions import Permission, require_permission
from posapp.auth.service import AuthError, Role, UserInfo, authenticate, create_user, user_by_name
from posapp.config import Settings
from posapp.db.engine import Database, UnitOfWork
from posapp.db.models import User

CLI_TILL = "cli"  # the lockout's till for posapp-admin

#: the permission each writing command needs ("command action" or "command")
WRITES: Mapping[str, Permission] = {
    "user add": Permission.USER_ADMIN,
    "perm grant": Permission.USER_ADMIN,
    "perm revoke": Permission.USER_ADMIN,
    "restore": Permission.USER_ADMIN,
    "demo": Permission.USER_ADMIN,  # a database that already has users
    "products import": Permission.SETTINGS,
    "cash-receipts issue": Permission.REFUND,
    "offline forward": Permission.SETTINGS,
    "offline retry": Permission.SETTINGS,
    "sync run": Permission.SETTINGS,
    "sync retry-rejected": Permission.SETTINGS,
    "policy set": Permission.SETTINGS,
    # a new PIN pepper fails every PIN (everyone locked out); a new platform token sends the
    # till's sales elsewhere. The database password is not asked for: it opens the database
    "secret set": Permission.USER_ADMIN,
    # the catalogue's tax classes and the partners' commission rules: what the inventory
    # screens let a manager change (the stock-adjustment holder), the same here
    "tax-class schedule": Permission.STOCK_ADJUSTMENT,
    "tax-class cancel": Permission.STOCK_ADJUSTMENT,
    "tax-class apply": Permission.STOCK_ADJUSTMENT,
    "commission add": Permission.STOCK_ADJUSTMENT,
    "commission import": Permission.STOCK_ADJUSTMENT,
    "shelf days": Permission.STOCK_ADJUSTMENT,
    "shelf return": Permission.STOCK_ADJUSTMENT,
}


class GateRefused(AuthError):
    """posapp-admin refused a write: no user named, no PIN, or not allowed."""


@dataclass(frozen=True)
class Actor:
    user: UserInfo
    command: str


def command_of(command: str, action: str | None) -> str:
    """The key of :data:`WRITES` for a parsed command line."""
    return f"{command} {action}" if action else command


def needs_user(command: str, action: str | None) -> bool:
    return command_of(command, action) in WRITES or command in WRITES


def _ask_pin(name: str) -> str:
    pin = os.environ.get("POSAPP_PIN") or os.environ.get("POSAPP_ADMIN_PIN")
    if pin:
        return pin
    if not sys.stdin.isatty():
        raise GateRefused(
            "no PIN: type it at the prompt, or set POSAPP_PIN for a script",
            code=AuthErrorCode.APPROVAL_REQUIRED,
        )
    return getpass.getpass(f"PIN of {name}: ")


def who(db: Database, name: str | None, command: str, *, ask_pin: bool = True) -> Actor:
    """The user doing ``command``: named, PIN checked (through the lockout), holding the
    command's permission. Raises :class:`GateRefused` / ``AuthError`` otherwise."""
    name = name or os.environ.get("POSAPP_USER") or ""
    if not name.strip():
        raise GateRefused(
            f"{command} changes the store: say who you are (--user NAME or POSAPP_USER) "
            "and type your PIN",
            code=AuthErrorCode.APPROVAL_REQUIRED,
        )
    pin = _ask_pin(name) if ask_pin else ""
    permission = WRITES.get(command) or WRITES[command.split(" ")[0]]

    def run(uow: UnitOfWork) -> UserInfo:
        user = user_by_name(uow, name)
        checked = authenticate(
            uow, pin, user_id=user.id, register_id=CLI_TILL, prompt=f"cli.{command}"
        )
        return require_permission(uow, checked.id, permission, command)

    return Actor(db.transact(run), command)


def has_users(db: Database) -> bool:
    return bool(db.read(lambda uow: uow.session.scalar(select(func.count(User.id)))))


def first_admin(db: Database, name: str) -> UserInfo:
    """``init`` on a database without users: the first admin, the PIN typed twice (or
    ``POSAPP_NEW_PIN`` once, for a script)."""
    if has_users(db):
        raise GateRefused("the database already has users", code=AuthErrorCode.DUPLICATE, name=name)
    pin = os.environ.get("POSAPP_NEW_PIN")
    if not pin:
        pin = getpass.getpass(f"PIN of {name} (4-6 digits): ")
        again = getpass.getpass("the same PIN again: ")
        if pin != again:
            raise GateRefused("the two PINs differ; nothing was created", code=AuthErrorCode.NAME)

    def run(uow: UnitOfWork) -> UserInfo:
        if uow.session.scalar(select(func.count(User.id))):
            raise GateRefused(
                "the database already has users", code=AuthErrorCode.DUPLICATE, name=name
            )
        user = create_user(uow, name, Role.ADMIN, pin)
        audit.record(uow.conn, "cli.init", user.id, CLI_TILL, f"user {user.id}", None, None)
        return user

    return db.transact(run)


def who_arg(parser: argparse.ArgumentParser, *alias: str) -> None:
    """A command that writes: who does it (the PIN from a prompt or POSAPP_PIN)."""
    parser.add_argument(
        "--user", *alias, dest="who", help="your user name (or POSAPP_USER); the PIN is asked"
    )


def gate(args: argparse.Namespace, settings: Settings) -> Actor | None:
    """The user a writing command runs as (None for a read-only one), checked before it runs."""
    key = command_of(args.command, getattr(args, "action", None))
    if key not in WRITES or (args.command == "restore" and args.check):
        return None
    if key == "secret set" and args.name == "db_password":
        return None  # needed to reach the database at all: nobody could be asked
    from posapp.bootstrap import open_database

    db = open_database(settings)
    try:
        if args.command == "demo" and not has_users(db):
            return None  # an empty database: the demo brings its own users
        if args.command == "user" and not has_users(db):
            raise GateRefused(
                "no users yet: posapp-admin init --admin NAME creates the first admin",
                code=AuthErrorCode.APPROVAL_REQUIRED,
            )
        return who(db, getattr(args, "who", None), key)
    finally:
        db.dispose()


def recorded(args: argparse.Namespace, settings: Settings, actor: Actor | None, rc: int) -> int:
    """After a writing command that succeeded: its audit event naming the user (in the
    database as it is now: a restore's is the restored one)."""
    if actor is None or rc != 0:
        return rc
    from posapp.bootstrap import open_database

    skip = {"who", "db", "config", "command", "action"}
    details = {k: str(v) for k, v in vars(args).items() if k not in skip and v is not None}
    details["user"] = actor.user.name
    db = open_database(settings)
    try:
        record(db, actor, details)
    finally:
        db.dispose()
    return rc


def record(db: Database, actor: Actor, details: Mapping[str, object]) -> None:
    """The command as an audit event naming its user (``cli.<command>``); by name, so a
    restored database whose users differ still says who."""
    action = "cli." + actor.command.replace(" ", ".")

    def run(uow: UnitOfWork) -> None:
        found = uow.session.scalar(select(User.id).where(User.name == actor.user.name))
        audit.record(uow.conn, action[:40], found, CLI_TILL, actor.command, None, dict(details))

    db.transact(run)


def init_admin(db: Database, name: str | None) -> None:
    if name is None:
        if not has_users(db):
            print("no users yet: posapp-admin init --admin NAME creates the first admin")
        return
    user = first_admin(db, name)
    print(f"first admin {user.name} created (user {user.id})")


def control_parsers(sub: Any, who_arg: Callable[..., None]) -> None:
    """``policy`` and ``lockout`` on posapp-admin's parser."""
    policy = sub.add_parser("policy", help="the store's policy (the same for every till)")
    psub = policy.add_subparsers(dest="action", required=True)
    psub.add_parser("list", help="every policy key with its value")
    pset = psub.add_parser("set", help="change one key (needs the settings permission)")
    names = [k.name for k in store_policy.KEYS] + [k.name for k in store_policy.TEXT_KEYS]
    pset.add_argument("key", choices=names)
    pset.add_argument("value", help="a number (a text for class_refund_tiers: 3:100,1:50,0:0)")
    who_arg(pset)
    lock = sub.add_parser("lockout", help="PIN locks after too many wrong PINs")
    lsub = lock.add_subparsers(dest="action", required=True)
    lsub.add_parser("list", help="every till, user or the store locked or counting")
    lift = lsub.add_parser("lift", help="a manager lifts a lock early (their name and PIN)")
    lift.add_argument("--scope", help="one scope (till:R01, user:3, store); default: all")
    who_arg(lift)


def run_control(
    args: argparse.Namespace, db: Database, settings: Settings, actor: Actor | None
) -> int:
    if args.command == "policy":
        if args.action == "set":
            assert actor is not None  # the gate ran: a settings holder
            uid = actor.user.id
            value: int | str = args.value
            if args.key in store_policy.BY_NAME:
                try:
                    value = int(args.value)
                except ValueError:
                    print(f"error: {args.key} is a number, not {args.value!r}", file=sys.stderr)
                    return 2
            change = {args.key: value}
            db.transact(lambda uow: store_policy.change(uow, change, uid, register_id=CLI_TILL))
        numbers = db.read(store_policy.load)
        texts = db.read(store_policy.load_text)
        for key in store_policy.KEYS:
            print(f"{key.name:<40} {numbers[key.name]:>12}  {key.label}")
        for text_key in store_policy.TEXT_KEYS:
            print(f"{text_key.name:<40} {texts[text_key.name]:>12}  {text_key.label}")
        return 0
    from posapp.usecases.pin_lockout import PinLocks

    locks = PinLocks(db, register_id=CLI_TILL)
    if args.action == "lift":
        name = args.who or os.environ.get("POSAPP_USER")
        if not name:
            raise GateRefused(
                "lockout lift: --user NAME (a manager)", code="auth.approval_required"
            )
        lifted = locks.lift(name, _ask_pin(name), args.scope)
        print(f"{len(lifted.scopes)} lock(s) lifted by {lifted.by}: {', '.join(lifted.scopes)}")
        return 0
    for info in locks.current():
        until = f"locked until {info.locked_until:%Y-%m-%d %H:%M} UTC" if info.locked_until else ""
        print(f"{info.scope:<20} {info.failures} wrong PIN(s)  {until}")
    return 0


def cash_receipts(args: argparse.Namespace, db: Database, actor: Actor | None) -> int:
    """``cash-receipts list`` / ``issue`` (the approval number the VAN's site gave)."""
    from posapp.sales import cash_receipts as pending

    if args.action == "list":
        rows = db.read(lambda uow: pending.pending(uow))
        for p in rows:
            print(
                f"{p.id}  {p.receipt_no}  {p.amount:>10,}  {p.masked_identity}  {p.purpose}  "
                f"tried {p.attempts}x  {p.last_error}"
            )
        print(f"{len(rows)} pending")
        return 0

    assert actor is not None  # the gate ran (posapp-admin's main)
    uid = actor.user.id

    def issue(uow: UnitOfWork) -> None:
        pending.mark_issued(uow, args.id, args.approval, user_id=uid)

    db.transact(issue)
    print(f"cash receipt {args.id} recorded as issued ({args.approval})")
    return 0
