"""Registering this till and pointing it at a database: what the settings screen edits (Qt-free).

Owns :class:`TillSetup` (the register's id and name, printer, cash drawer, scanner and scale
ports, database URL, platform URL, UI language), reading it from the config file, checking a
database URL (:func:`check_database`: a real connection and the schema revision against this
program's), and saving (:func:`save`): validated first, the secrets moved out of the file (the
platform token and a database password go to posapp.secrets), the TOML written atomically
(posapp.config.save_settings), the till registered in the database with its name
(posapp.sales.shifts.ensure_register) and an audit event, all under the ``settings``
permission. Every saved change applies at the next start except the register's name, which the
database takes at once; :attr:`Saved.restart` names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from posapp import audit, secrets
from posapp.auth.permissions import Permission, require_permission
from posapp.config import (  # the allowed values are declared once, in posapp.config
    DRAWER_PINS,
    PAPER_WIDTHS,
    PRINTER_KINDS,
    SCALE_KINDS,
    SCANNER_KINDS,
    Settings,
    load_settings,
    redact_url,
    save_settings,
)
from posapp.config_errors import ConfigError
from posapp.db.engine import Database, UnitOfWork, make_engine, normalize_url
from posapp.db.migrate import current_revision, head_revision, known_revisions
from posapp.db.models import Register
from posapp.errors import PosError
from posapp.sales.shifts import ensure_register

_REGISTER_ID = re.compile(r"^[A-Za-z0-9]{1,16}$")  # it prefixes every receipt number


class SetupError(PosError):
    pass


@dataclass(frozen=True)
class TillSetup:
    """The fields of the settings screen, each one key of the config file (see ``KEYS``)."""

    register_id: str
    register_name: str
    printer_kind: str
    printer_host: str
    printer_port: int
    printer_device: str
    paper_mm: int
    drawer_pin: int
    scanner_kind: str
    scanner_device: str
    scale_kind: str
    scale_device: str
    database_url: str
    platform_url: str
    locale: str
    card_terminal: str = ""  # "": cards keyed in by hand; "tcp://HOST:PORT": a terminal


# field -> (section, key) in the TOML file ("" for a top-level key)
KEYS: dict[str, tuple[str, str]] = {
    "register_id": ("register", "id"),
    "register_name": ("register", "name"),
    "printer_kind": ("printer", "kind"),
    "printer_host": ("printer", "host"),
    "printer_port": ("printer", "port"),
    "printer_device": ("printer", "device"),
    "paper_mm": ("printer", "paper_mm"),
    "drawer_pin": ("sales", "drawer_pin"),
    "scanner_kind": ("scanner", "kind"),
    "scanner_device": ("scanner", "device"),
    "scale_kind": ("scale", "kind"),
    "scale_device": ("scale", "device"),
    "database_url": ("database", "url"),
    "platform_url": ("platform", "url"),
    "locale": ("", "locale"),
    "card_terminal": ("card", "terminal"),
}
# what the database takes at once; everything else is read when the program starts
LIVE = frozenset({"register_name"})


def _value(settings: Settings, name: str) -> Any:
    section, key = KEYS[name]
    return getattr(getattr(settings, section) if section else settings, key)


def from_settings(settings: Settings) -> TillSetup:
    return TillSetup(**{f.name: _value(settings, f.name) for f in fields(TillSetup)})


def read(path: Path) -> TillSetup:
    """What the config file (and the defaults) say; the environment's overrides not applied,
    so the screen shows and saves the file."""
    return from_settings(load_settings(path, environ={}))


def _problem(code: str, message: str, **data: Any) -> SetupError:
    return SetupError(message, code=code, **data)


def validate(s: TillSetup, locales: tuple[str, ...] = ()) -> TillSetup:
    """The setup with spaces trimmed, or a SetupError naming the first field that is wrong."""
    s = replace(
        s,
        **{f.name: getattr(s, f.name).strip() for f in fields(s) if f.type == "str"},
    )
    if not _REGISTER_ID.match(s.register_id):
        raise _problem(
            "setup.register_id", f"bad register id {s.register_id!r}", value=s.register_id
        )
    if not s.register_name or len(s.register_name) > 60:
        raise _problem("setup.register_name", "a register needs a name (at most 60 characters)")
    if s.printer_kind not in PRINTER_KINDS:
        raise _problem("setup.printer_kind", f"unknown printer {s.printer_kind!r}")
    if s.printer_kind == "network" and not s.printer_host:
        raise _problem("setup.printer_host", "a network printer needs a host")
    if not 1 <= s.printer_port <= 65535:
        raise _problem("setup.port", f"port {s.printer_port} out of range", value=s.printer_port)
    if s.printer_kind in ("serial", "file") and not s.printer_device:
        raise _problem("setup.printer_device", "a serial or file printer needs a device")
    if s.paper_mm not in PAPER_WIDTHS:
        raise _problem("setup.paper", f"paper {s.paper_mm} mm: 58 or 80", value=s.paper_mm)
    if s.drawer_pin not in DRAWER_PINS:
        raise _problem("setup.drawer_pin", f"drawer pin {s.drawer_pin}: 2 or 5")
    if s.scanner_kind not in SCANNER_KINDS:
        raise _problem("setup.scanner_kind", f"unknown scanner {s.scanner_kind!r}")
    if s.scanner_kind == "serial" and not s.scanner_device:
        raise _problem("setup.port_missing", "a serial scanner needs its port", what="스캐너")
    if s.scale_kind not in SCALE_KINDS:
        raise _problem("setup.scale_kind", f"unknown scale {s.scale_kind!r}")
    if s.scale_kind and not s.scale_device:
        raise _problem("setup.port_missing", "a scale needs its port", what="저울")
    if s.database_url:
        _parse_db_url(s.database_url)
    if s.platform_url and not re.match(r"^https?://[^\s/]+", s.platform_url):
        raise _problem("setup.platform_url", f"bad platform URL {s.platform_url!r}")
    if s.card_terminal and not _card_terminal_ok(s.card_terminal):
        raise _problem("setup.card_terminal", f"bad card terminal {s.card_terminal!r}")
    if locales and s.locale not in locales:
        raise _problem("setup.locale", f"unknown locale {s.locale!r}", value=s.locale)
    return s


def _card_terminal_ok(uri: str) -> bool:
    """``tcp://HOST:PORT`` (the protocol of docs/card-terminal-protocol.md), options allowed."""
    from urllib.parse import urlparse

    u = urlparse(uri.strip())
    try:
        port = u.port
    except ValueError:
        return False
    return u.scheme == "tcp" and bool(u.hostname) and bool(port)


def _parse_db_url(url: str) -> Any:
    try:
        parsed = make_url(normalize_url(url))
    except ArgumentError:
        raise _problem("setup.database_url", "not a database URL") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise _problem("setup.database_url", "use sqlite or postgresql")
    if parsed.get_backend_name() == "postgresql" and not (parsed.host and parsed.database):
        raise _problem("setup.database_url", "a PostgreSQL URL names a host and a database")
    return parsed


def split_password(url: str) -> tuple[str, str | None]:
    """(the URL without its password, the password): the password goes to posapp.secrets."""
    if not url:
        return url, None
    parsed = make_url(url)
    if parsed.password is None:
        return url, None
    password = str(parsed.password)
    # URL.set(password=None) keeps the password (None means "unchanged" there)
    return parsed._replace(password=None).render_as_string(hide_password=False), password


# --- checking a database ---------------------------------------------------------------------


@dataclass(frozen=True)
class DbCheck:
    """What a connection test found. ``state``: ``current`` (the schema this program wants),
    ``behind`` (older: migrated at the next start), ``empty`` (no schema yet: made at the next
    start), ``new_file`` (an SQLite file that does not exist yet)."""

    url: str  # without the password
    dialect: str
    server: str  # "PostgreSQL 16.4", "SQLite 3.45.1"
    revision: str | None
    head: str | None
    state: str


def check_database(url: str) -> DbCheck:
    """Connect to ``url`` (empty: the default SQLite file) and read its schema revision. Runs
    on a worker (a dead server takes seconds); raises SetupError in words for the screen."""
    from posapp.config import DatabaseSettings

    url = secrets.database_url_with_password(url or DatabaseSettings().resolved_url())
    parsed = _parse_db_url(url)
    shown = redact_url(url)
    head = head_revision()
    if parsed.get_backend_name() == "sqlite":
        file = parsed.database or ""
        if file and file != ":memory:" and not Path(file).expanduser().exists():
            return DbCheck(shown, "sqlite", "SQLite", None, head, "new_file")
    engine = make_engine(url, pool_size=1)
    try:
        with engine.connect() as conn:
            revision = current_revision(engine)
            if conn.dialect.name == "postgresql":
                version = conn.exec_driver_sql("SHOW server_version").scalar_one()
                server = f"PostgreSQL {str(version).split()[0]}"
            else:
                version = conn.exec_driver_sql("select sqlite_version()").scalar_one()
                server = f"SQLite {version}"
            dialect = conn.dialect.name
    except DBAPIError as exc:
        raise _connect_error(exc, parsed) from None
    finally:
        engine.dispose()
    if revision is None:
        state = "empty"
    elif revision == head:
        state = "current"
    elif revision in known_revisions():
        state = "behind"
    else:
        raise _problem(
            "setup.db_newer", f"schema {revision} is newer than this program", revision=revision
        )
    return DbCheck(shown, dialect, server, revision, head, state)


def _connect_error(exc: DBAPIError, parsed: Any) -> SetupError:
    text = str(exc.orig or exc).lower()
    where = {"host": parsed.host or "", "port": parsed.port or 5432, "name": parsed.database}
    if "password authentication failed" in text or "no password supplied" in text:
        return _problem("setup.db_login", "user name or password refused", **where)
    if "does not exist" in text and "database" in text:
        return _problem("setup.db_missing", "no such database on the server", **where)
    return _problem("setup.db_connect", f"cannot connect: {text.splitlines()[0]}", **where)


# --- saving ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Saved:
    changed: tuple[str, ...]  # TillSetup field names (and "platform_token")
    restart: tuple[str, ...]  # those that apply at the next start
    registered: bool  # the till (with its name) is in the database it will use
    settings: Settings  # what the file now gives


def require_settings(uow: UnitOfWork, user_id: int | None) -> None:
    require_permission(uow, user_id, Permission.SETTINGS, "the settings")


def save(
    db: Database,
    path: Path,
    new: TillSetup,
    *,
    actor_id: int,
    token: str = "",
    locales: tuple[str, ...] = (),
) -> Saved:
    """Validate ``new``, write what changed to the config file at ``path``, register the till
    and record a ``settings.save`` audit event in ``db`` (the database this till runs on),
    under the ``settings`` permission of ``actor_id``. A typed ``token`` is stored with
    posapp.secrets (never in the file; a token found in the file is moved there); a password
    in the database URL likewise (``db_password``)."""
    new = validate(new, locales)
    url, password = split_password(new.database_url)
    new = replace(new, database_url=url)
    old_file = load_settings(path, environ={})
    old = from_settings(old_file)
    changed = [f.name for f in fields(TillSetup) if getattr(new, f.name) != getattr(old, f.name)]
    drop: tuple[str, ...] = ()
    if old_file.platform.token:  # a token left in the file by hand: into the secret store
        token = token or old_file.platform.token
        drop = ("platform.token",)
    if token:
        changed.append("platform_token")
    if password:
        changed.append("database_password")

    def run(uow: UnitOfWork) -> Saved:
        require_settings(uow, actor_id)
        if token:
            secrets.set_secret(secrets.PLATFORM_TOKEN, token)
        if password:
            secrets.set_secret(secrets.DB_PASSWORD, password)
        changes: dict[str, Any] = {}
        for name in changed:
            if name in KEYS:
                section, key = KEYS[name]
                if section:
                    changes.setdefault(section, {})[key] = getattr(new, name)
                else:
                    changes[key] = getattr(new, name)
        try:  # nothing changed: the file is left as it is (with its comments)
            settings = save_settings(changes, path, drop=drop) if changes or drop else old_file
        except ConfigError as exc:
            raise _problem("setup.file", str(exc), key=exc.key) from exc
        registered = _register(uow, db, new, old)
        if changed:
            audit.record(
                uow.conn,
                "settings.save",
                actor_id,
                old.register_id,
                str(path)[-120:],
                {n: _shown(n, old) for n in changed},
                {n: _shown(n, new) for n in changed},
            )
        restart = tuple(n for n in changed if n not in LIVE)
        return Saved(tuple(changed), restart, registered, settings)

    return db.transact(run)


def _shown(name: str, s: TillSetup) -> Any:
    if name in ("platform_token", "database_password"):
        return "(secret)"  # never the value
    value = getattr(s, name)
    return redact_url(value) if name == "database_url" and value else value


def _register(uow: UnitOfWork, db: Database, new: TillSetup, old: TillSetup) -> bool:
    """The till in the database it will use, with its name: this one when the URL stays, else
    the new one if its schema is this program's (otherwise at its first shift there)."""
    if new.database_url == old.database_url:
        _ensure(uow, new)
        return True
    try:
        check = check_database(new.database_url)
    except SetupError:
        return False
    if check.state != "current":
        return False
    other = Database(secrets.database_url_with_password(new.database_url))
    try:
        other.transact(lambda u: _ensure(u, new))
    finally:
        other.engine.dispose()
    return True


def _ensure(uow: UnitOfWork, s: TillSetup) -> None:
    ensure_register(uow, s.register_id, s.register_name)
    reg = Register.__table__
    name = uow.conn.execute(select(reg.c.name).where(reg.c.id == s.register_id)).scalar_one()
    if name != s.register_name:
        uow.conn.execute(update(reg).where(reg.c.id == s.register_id).values(name=s.register_name))
