"""Upgrade steps for the configuration file: version N of its tables to version N + 1.

In the manner of Picard's ``config_upgrade.py``: the file carries ``[meta] version``
(:data:`CONFIG_VERSION` is what this program writes; a file without it is version 1). Each step
is a function that takes the tables of version N (without ``[meta]``) and returns those of
N + 1; :func:`upgrade` applies the steps in order at load (:mod:`posapp.config`), in memory.
Nothing is written: the upgraded tables reach the file only when the settings screen saves.
A step only moves or rewrites values; the result is validated like any file afterwards.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

Tables = dict[str, Any]

#: the version of the tables this program reads and writes
CONFIG_VERSION = 2


def _v1_to_v2(tables: Tables) -> Tables:
    """Version 2 names the card terminal's address ``tcp://HOST:PORT`` (the till's own scheme;
    the simulator is a developer's tool now): ``cardsim://HOST:PORT`` becomes ``tcp://``."""
    card = tables.get("card")
    if isinstance(card, dict):
        terminal = card.get("terminal")
        if isinstance(terminal, str) and terminal.strip().startswith("cardsim://"):
            card["terminal"] = "tcp://" + terminal.strip()[len("cardsim://") :]
    return tables


#: version N → the step that makes it N + 1
UPGRADES: dict[int, Callable[[Tables], Tables]] = {1: _v1_to_v2}


def upgrade(tables: Tables, version: int) -> Tables:
    """``tables`` of ``version`` brought to :data:`CONFIG_VERSION` (a copy; the input is kept)."""
    out = copy.deepcopy(tables)
    for n in range(version, CONFIG_VERSION):
        out = UPGRADES[n](out)
    return out
