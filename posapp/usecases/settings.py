"""The till's settings, as the settings screen uses them: read the config file, check a
database URL (a real connection: call it on the I/O pool), save (validated, secrets moved
out of the file, the till registered, an audit event) under the ``settings`` permission.

The work is :mod:`posapp.till_setup`'s; the types the screen needs are re-exported here.
"""

from __future__ import annotations

from pathlib import Path

from posapp import secrets, till_setup
from posapp.config import DRAWER_PINS, PAPER_WIDTHS, PRINTER_KINDS, SCALE_KINDS, SCANNER_KINDS
from posapp.db.engine import Database
from posapp.till_setup import (
    DbCheck,
    Saved,
    SetupError,
    TillSetup,
)


class TillSettings:
    """The settings of the till whose config file is ``path``, saved into ``db``'s register
    list; ``locales`` are the UI languages a setup may choose."""

    def __init__(self, db: Database, path: Path, *, locales: tuple[str, ...] = ()) -> None:
        self._db = db
        self.path = path
        self.locales = locales

    def read(self) -> TillSetup:
        """The setup as the config file holds it now."""
        return till_setup.read(self.path)

    def check(self, url: str) -> DbCheck:
        """Connect to ``url`` and read its schema revision (seconds for a dead server)."""
        return till_setup.check_database(url)

    def save(self, new: TillSetup, *, actor_id: int, token: str = "") -> Saved:
        """Validate and save ``new`` (a typed platform ``token`` into the secret store)."""
        return till_setup.save(
            self._db, self.path, new, actor_id=actor_id, token=token, locales=self.locales
        )

    def token_where(self) -> str:
        """Where the platform token is kept (shown beside its field)."""
        return secrets.describe(secrets.PLATFORM_TOKEN)


__all__ = [
    "DRAWER_PINS",
    "PAPER_WIDTHS",
    "PRINTER_KINDS",
    "SCALE_KINDS",
    "SCANNER_KINDS",
    "DbCheck",
    "Saved",
    "SetupError",
    "TillSettings",
    "TillSetup",
]
