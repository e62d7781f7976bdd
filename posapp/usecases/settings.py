"""The till's settings, as the settings screen uses them: read the config file, check a
database URL or a card terminal (a real connection: call it on the I/O pool), save (validated,
secrets moved out of the file, the till registered, an audit event) under the ``settings``
permission.

The work is :mod:`posapp.till_setup`'s; the types the screen needs are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from posapp import secrets, till_setup
from posapp.config import DRAWER_PINS, PAPER_WIDTHS, PRINTER_KINDS, SCALE_KINDS, SCANNER_KINDS
from posapp.db.engine import Database
from posapp.error_codes import SetupErrorCode
from posapp.till_setup import (
    DbCheck,
    Saved,
    SetupError,
    TillSetup,
)


@dataclass(frozen=True)
class CardCheck:
    """A card terminal that answered its status request: where, and what it says it is."""

    uri: str
    terminal: str  # "simulator" for the card simulator; "" when it does not say

    @property
    def simulator(self) -> bool:
        return self.terminal == "simulator"


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

    def check_card_terminal(self, uri: str) -> CardCheck:
        """Ask the card terminal at ``uri`` for its status (a few seconds when it is down):
        what it says it is — a simulator answers ``terminal: "simulator"``."""
        from posapp.hardware.card_terminal import from_uri

        uri = uri.strip()
        if not uri or not till_setup._card_terminal_ok(uri):
            raise SetupError(
                "not a card terminal address", code=SetupErrorCode.CARD_TERMINAL, value=uri
            )
        answer = from_uri(uri).status(timeout=3.0)
        kind = answer.get("terminal")
        return CardCheck(uri, str(kind) if isinstance(kind, str) else "")

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
    "CardCheck",
    "DbCheck",
    "Saved",
    "SetupError",
    "TillSettings",
    "TillSetup",
]
