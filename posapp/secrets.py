"""Secrets kept out of the database and the logs: the PIN pepper, platform token, DB password.

Owns where a secret lives: an environment variable ``POSAPP_SECRET_<NAME>`` wins (how tills
on one PostgreSQL share the PIN pepper without a file copied around); then the OS keyring when
the ``keyring`` package is importable and has a working backend; else a file only the user can
read (``secrets/<name>`` in the config directory, mode 0600 in a 0700 directory). Values are
never logged; :func:`describe` says where a secret is kept, not what it is.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets as _random
from pathlib import Path
from types import ModuleType

from posapp.config import config_dir
from posapp.error_codes import SecretErrorCode
from posapp.errors import PosError

log = logging.getLogger(__name__)

SERVICE = "posapp"
PIN_PEPPER = "pin_pepper"
PLATFORM_TOKEN = "platform_token"
DB_PASSWORD = "db_password"
JOURNAL_KEY = "journal_key"
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


class SecretError(PosError):
    pass


def _check(name: str) -> str:
    if not _NAME.match(name):
        raise SecretError(f"bad secret name {name!r}", code=SecretErrorCode.NAME)
    return name


def _env_name(name: str) -> str:
    return f"POSAPP_SECRET_{name.upper()}"


def _keyring() -> ModuleType | None:
    """The keyring module if it is installed and has a real backend, else None."""
    if os.environ.get("POSAPP_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
    except Exception:
        return None
    module: ModuleType = keyring  # untyped package (no stubs): the module itself
    return module


def secrets_dir() -> Path:
    return config_dir() / "secrets"


def _file(name: str) -> Path:
    return secrets_dir() / name


def get_secret(name: str) -> str | None:
    """The secret's value, or None if it is not set anywhere."""
    name = _check(name)
    value = os.environ.get(_env_name(name))
    if value:
        return value
    kr = _keyring()
    if kr is not None:
        try:
            stored: str | None = kr.get_password(SERVICE, name)
        except Exception as exc:  # a locked or broken keyring: fall back to the file
            log.warning("keyring unavailable (%s); using the secrets file", type(exc).__name__)
            stored = None
        if stored:
            return stored
    path = _file(name)
    if path.exists():
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            raise SecretError(
                f"{path} is readable by others (mode {mode:o}); chmod 600 it",
                code=SecretErrorCode.PERMISSIONS,
            )
        return path.read_text(encoding="utf-8").strip() or None
    return None


def set_secret(name: str, value: str) -> str:
    """Store a secret (keyring, else the 0600 file); returns where it went."""
    name = _check(name)
    kr = _keyring()
    if kr is not None:
        try:
            kr.set_password(SERVICE, name, value)
            return "keyring"
        except Exception as exc:
            log.warning("keyring refused the secret (%s); using the file", type(exc).__name__)
    d = secrets_dir()
    d.mkdir(parents=True, exist_ok=True)
    os.chmod(d, 0o700)
    path = _file(name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, value.encode("utf-8"))
    finally:
        os.close(fd)
    os.chmod(path, 0o600)
    return str(path)


def describe(name: str) -> str:
    """Where a secret is kept (never its value)."""
    name = _check(name)
    if os.environ.get(_env_name(name)):
        return f"environment ({_env_name(name)})"
    kr = _keyring()
    if kr is not None and kr.get_password(SERVICE, name):
        return "OS keyring"
    if _file(name).exists():
        return f"file {_file(name)}"
    return "not set"


def database_url_with_password(url: str) -> str:
    """Add the stored database password (``db_password``) to a URL that names a user but no
    password, so the password never sits in the config file. Other URLs are returned as they are.
    """
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" or not parsed.username or parsed.password:
        return url
    password = get_secret(DB_PASSWORD)
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def platform_token(configured: str = "") -> str:
    """The platform's API token: the config value if one is set there, else the stored secret."""
    return configured or get_secret(PLATFORM_TOKEN) or ""


def pin_pepper() -> bytes:
    """The pepper mixed into every PIN hash; made (random, 32 bytes) on first use.

    Several tills on one database must share it: set ``POSAPP_SECRET_PIN_PEPPER`` to the same
    value on each (or copy the first till's secrets file), or PINs made on one fail on another.
    """
    value = get_secret(PIN_PEPPER)
    if value is None:
        value = _random.token_hex(32)
        where = set_secret(PIN_PEPPER, value)
        log.info(
            "a new PIN pepper was made (kept in %s)", "keyring" if where == "keyring" else where
        )
    return value.encode("utf-8")


def journal_key() -> bytes:
    """The key of the journal's and the audit trail's HMAC chains; made on first use.

    Kept here, never in the database: whoever can edit the database but not read this key
    cannot rewrite a chain without :func:`posapp.verify.verify` seeing it. Tills on one
    PostgreSQL share it like the PIN pepper (``POSAPP_SECRET_JOURNAL_KEY`` on each, or the first
    till's secrets file copied). Losing it makes every keyed entry fail verification: back the
    secrets folder up apart from the database.
    """
    value = get_secret(JOURNAL_KEY)
    if value is None:
        value = _random.token_hex(32)
        where = set_secret(JOURNAL_KEY, value)
        log.info(
            "a new journal key was made (kept in %s)", "keyring" if where == "keyring" else where
        )
    return value.encode("utf-8")


_KEYS: dict[tuple[str | None, str | None], bytes] = {}


def chain_key() -> bytes:
    """:func:`journal_key`, read once per place it can come from (env, config folder)."""
    where = (os.environ.get(_env_name(JOURNAL_KEY)), os.environ.get("POSAPP_CONFIG_DIR"))
    key = _KEYS.get(where)
    if key is None:
        key = _KEYS[where] = journal_key()
    return key


def keyed_link(prev_hash: str, payload: str) -> str:
    """One link of a keyed chain (journal, audit trail): HMAC-SHA256(key, prev || payload)."""
    return hmac.new(chain_key(), (prev_hash + payload).encode("utf-8"), hashlib.sha256).hexdigest()
