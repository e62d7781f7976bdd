"""Configuration: one TOML file in the user config directory plus ``POSAPP_*`` overrides.

Owns the typed settings object, where its file lives, and how the environment overrides it.
Precedence (last wins): built-in defaults < TOML file < ``POSAPP_*`` environment < CLI flags.
Environment keys flatten the TOML sections with a double underscore, e.g.
``POSAPP_DATABASE__URL``, ``POSAPP_PRINTER__KIND``; the common ones also have a short alias
(``POSAPP_DB_URL``, ``POSAPP_REGISTER``). :func:`save_settings` writes changed keys back to the
file (the settings screen): validated first, every other key kept, written atomically with
tomli-w, and read back. Comments in the file are not kept (tomli-w writes plain TOML).
"""

from __future__ import annotations

import logging
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

log = logging.getLogger(__name__)

APP_NAME = "posapp"
APP_AUTHOR = "imarketu"


class ConfigError(Exception):
    """A configuration file or override that cannot be used; the message names the key."""

    def __init__(self, message: str, *, key: str = "") -> None:
        super().__init__(message)
        self.code = "config.invalid"
        self.key = key


def data_dir() -> Path:
    """The user data directory (database, receipt previews); POSAPP_DATA_DIR overrides it."""
    override = os.environ.get("POSAPP_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    override = os.environ.get("POSAPP_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    override = os.environ.get("POSAPP_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_config_path() -> Path:
    return Path(os.environ.get("POSAPP_CONFIG") or config_dir() / "posapp.toml")


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = ""  # empty: SQLite file in the data directory
    demo_on_first_start: bool = True

    def resolved_url(self) -> str:
        if self.url:
            return self.url
        return f"sqlite:///{data_dir() / 'posapp.sqlite3'}"


@dataclass(frozen=True)
class StoreSettings:
    name: str = "I·Market·U"
    name_ko: str = "아이마켓유"
    address: str = "서울 종로구 율곡로 39 안국빌딩 신관"
    business_number: str = "000-00-00000"
    representative: str = ""
    phone: str = "02-000-0000"
    timezone: str = "Asia/Seoul"


@dataclass(frozen=True)
class RegisterSettings:
    id: str = "R01"
    name: str = "Till 1"


@dataclass(frozen=True)
class PrinterSettings:
    kind: str = "preview"  # preview | network | usb | serial | file
    host: str = ""
    port: int = 9100
    device: str = ""
    baudrate: int = 19200
    usb_vendor: int = 0
    usb_product: int = 0
    profile: str = "raster"  # raster | korean (FS & with CP949)
    paper_mm: int = 80


@dataclass(frozen=True)
class ScannerSettings:
    kind: str = "wedge"  # wedge | serial
    device: str = ""
    baudrate: int = 9600


@dataclass(frozen=True)
class ScaleSettings:
    kind: str = ""  # "" none (grams typed) | cas (CAS PD-II) | generic
    device: str = ""
    baudrate: int = 9600
    request: str = "W\\r\\n"  # generic: bytes to ask for a weight
    pattern: str = ""  # generic: regex with named groups weight, unit, stable, sign


@dataclass(frozen=True)
class DisplaySettings:
    kind: str = ""  # "" none | cd5220 (2x20 pole display on a serial port)
    device: str = ""
    baudrate: int = 9600


@dataclass(frozen=True)
class SalesSettings:
    discount_limit_percent: int = 10  # above this a manager approves
    cash_receipt_prompt_from: int = 100_000
    scale_prefixes: str = "20-29"
    scale_item_digits: int = 5
    scale_value_digits: int = 5
    scale_value_kind: str = "price"  # price | weight
    customer_display: bool = True  # the second window for the customer
    customer_display_english: bool = True  # English names under the Korean ones (visitors)
    # a till on PostgreSQL keeps selling when the server cannot be reached (a local spool)
    offline_spool: bool = True
    drawer_pin: int = 2
    idle_signout_minutes: int = 10  # 0: never sign out by itself


@dataclass(frozen=True)
class CardSettings:
    terminal: str = "simulator"  # "" = by hand only; "simulator"; "cardsim://HOST:PORT"
    timeout_s: int = 60


@dataclass(frozen=True)
class PlatformSettings:
    url: str = ""  # empty: sync off
    token: str = ""


@dataclass(frozen=True)
class ClassSettings:
    """Cooking-class bookings: unpaid hold time, and refund tiers "days:percent,..." (most days
    first; the first tier the cancellation is at least that many days before applies)."""

    hold_minutes: int = 30
    refund_tiers: str = "3:100,1:50,0:0"


@dataclass(frozen=True)
class BackupSettings:
    enabled: bool = True  # scheduled backups of the SQLite database (PostgreSQL: pg_dump)
    dir: str = ""  # empty: "backups" in the data directory
    every_hours: int = 24
    keep_days: int = 14

    def resolved_dir(self) -> Path:
        return Path(self.dir).expanduser() if self.dir else data_dir() / "backups"


@dataclass(frozen=True)
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    register: RegisterSettings = field(default_factory=RegisterSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    sales: SalesSettings = field(default_factory=SalesSettings)
    platform: PlatformSettings = field(default_factory=PlatformSettings)
    card: CardSettings = field(default_factory=CardSettings)
    scale: ScaleSettings = field(default_factory=ScaleSettings)
    pole_display: DisplaySettings = field(default_factory=DisplaySettings)
    classes: ClassSettings = field(default_factory=ClassSettings)
    backup: BackupSettings = field(default_factory=BackupSettings)
    locale: str = "ko"
    log_level: str = "INFO"


_ALIASES = {
    "POSAPP_DB_URL": ("database", "url"),
    "POSAPP_DATABASE_URL": ("database", "url"),
    "POSAPP_REGISTER": ("register", "id"),
    "POSAPP_PLATFORM_URL": ("platform", "url"),
    "POSAPP_PLATFORM_TOKEN": ("platform", "token"),
}
_NOT_SETTINGS = {
    "POSAPP_DATA_DIR",
    "POSAPP_CONFIG_DIR",
    "POSAPP_LOG_DIR",
    "POSAPP_CONFIG",
    "POSAPP_NEW_PIN",  # posapp-admin user add
    "POSAPP_ADMIN_PIN",  # posapp-admin perm grant/revoke
    "POSAPP_NO_KEYRING",  # posapp.secrets: use the 0600 file even where a keyring exists
}


def _coerce(value: Any, current: Any, key: str) -> Any:
    if isinstance(current, bool):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"{key}: expected true/false, got {value!r}", key=key)
    if isinstance(current, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{key}: expected a whole number, got {value!r}", key=key) from None
    if isinstance(current, str):
        if not isinstance(value, str | int | float):
            raise ConfigError(f"{key}: expected text, got {value!r}", key=key)
        return str(value)
    return value


def _merge(obj: Any, data: dict[str, Any], prefix: str) -> Any:
    names = {f.name: f for f in fields(obj)}
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            raise ConfigError(f"unknown setting {prefix}{key}", key=prefix + key)
        current = getattr(obj, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"{prefix}{key} must be a table", key=prefix + key)
            changes[key] = _merge(current, value, f"{prefix}{key}.")
        else:
            changes[key] = _coerce(value, current, prefix + key)
    return replace(obj, **changes)


def _env_overrides(environ: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in environ.items():
        if not name.startswith("POSAPP_") or name in _NOT_SETTINGS:
            continue
        if name.startswith(("POSAPP_TEST", "POSAPP_SECRET_")):  # secrets: posapp.secrets
            continue
        if name in _ALIASES:
            path: tuple[str, ...] = _ALIASES[name]
        else:
            path = tuple(part.lower() for part in name[len("POSAPP_") :].split("__"))
        node = out
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return out


def load_settings(
    path: Path | None = None,
    environ: dict[str, str] | None = None,
    db_url: str | None = None,
) -> Settings:
    """Read defaults, then the TOML file (if present), then ``POSAPP_*`` and the --db flag."""
    settings = Settings()
    file = path or default_config_path()
    if file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
        settings = _merge(settings, data, "")
        log.debug("configuration read from %s", file)
    env = dict(os.environ if environ is None else environ)
    overrides = _env_overrides(env)
    if overrides:
        settings = _merge(settings, overrides, "")
    if db_url:
        settings = replace(settings, database=replace(settings.database, url=db_url))
    return settings


def redact_url(url: str) -> str:
    """A database URL with any password replaced, for logs and screens."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable url>"


# keys that are secrets: kept by posapp.secrets, never written to the file
SECRET_KEYS = frozenset({("platform", "token")})


def _read_toml(file: Path) -> dict[str, Any]:
    if not file.exists():
        return {}
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from exc


def save_settings(
    changes: Mapping[str, Any], path: Path | None = None, *, drop: tuple[str, ...] = ()
) -> Settings:
    """Write ``changes`` ({"section": {"key": value}} or {"key": value} for top-level keys)
    into the TOML file, keeping every key it does not name; ``drop`` ("section.key") removes
    keys. Validated first (an unknown key or a wrong type writes nothing and raises
    :class:`ConfigError`); written atomically (a temporary file in the same folder, fsynced,
    then renamed over the old one, whose mode is kept); read back with :func:`load_settings`
    (no environment) and compared. Returns the settings the file now gives."""
    file = path or default_config_path()
    data = _read_toml(file)
    for name in drop:
        section, _, key = name.rpartition(".")
        node = data.get(section) if section else data
        if isinstance(node, dict):
            node.pop(key, None)
            if section and not node:
                data.pop(section)
    for key, value in changes.items():
        if isinstance(value, Mapping):
            for sub in value:
                if (key, sub) in SECRET_KEYS:
                    raise ConfigError(f"{key}.{sub} is a secret: not written to the file", key=key)
            data.setdefault(key, {}).update(value)
        else:
            data[key] = value
    settings = _merge(Settings(), data, "")  # raises ConfigError for an unknown key or type
    # what is written is the coerced value ("9100" typed becomes 9100)
    for key, value in changes.items():
        if isinstance(value, Mapping):
            section = getattr(settings, key)
            data[key] = {**data[key], **{k: getattr(section, k) for k in value}}
        else:
            data[key] = getattr(settings, key)
    text = tomli_w.dumps(data)
    _write_atomically(file, text.encode("utf-8"))
    back = load_settings(file, environ={})
    if back != settings:
        raise ConfigError(f"{file}: what was written does not read back the same")
    log.info("configuration written to %s", file)
    return back


def _write_atomically(file: Path, data: bytes) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    mode = file.stat().st_mode & 0o777 if file.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # the rename itself survives a power cut once the folder is synced
        dfd = os.open(file.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)
