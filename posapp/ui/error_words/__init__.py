"""The Korean and English words for every error code, one module per area, keyed by the members
of that area's ``error_codes`` enums.

Each entry is a :class:`posapp.config_errors.Words` pair of templates; ``{name}`` fields are
filled from the error's ``data`` by :func:`posapp.ui.messages.words` (a field the raise site
did not carry is left out). The configuration's own words live with it
(:data:`posapp.config_errors.CONFIG_WORDS`: they are printed before any screen exists).
``tests/ui/test_messages.py`` checks that every member of every ``error_codes`` module has
words here, and that Korean and English use the same data.
"""

from __future__ import annotations

from posapp.config_errors import CONFIG_WORDS, Words
from posapp.ui.error_words import (
    auth,
    classes,
    db,
    domain,
    hardware,
    inventory,
    reports,
    sales,
    screens,
    session,
    sync,
    top,
)

#: every code's words, keyed by the enum members (a ``StrEnum`` member is a ``str``)
WORDS: dict[str, Words] = {
    **domain.WORDS,
    **inventory.WORDS,
    **sales.WORDS,
    **auth.WORDS,
    **classes.WORDS,
    **reports.WORDS,
    **sync.WORDS,
    **hardware.WORDS,
    **db.WORDS,
    **top.WORDS,
    **CONFIG_WORDS,
    **session.WORDS,
    **screens.WORDS,
}
