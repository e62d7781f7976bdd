"""Errors in the person's words: each error ``code``, in Korean or English, never driver text.

The services write their messages in English for the developers and the log, and carry a
machine code (a member of some package's ``error_codes`` enum) and data
(:class:`posapp.domain.errors.AppError` and its families). The words for a code are
templates in :mod:`posapp.ui.error_words` (one module per area), filled from the error's
data; the service's message goes to the log. An exception without a code — a database
driver's (sqlite3, psycopg, SQLAlchemy), an ``OSError``, an ``OverflowError``, a
``UnicodeDecodeError``, a bug — is logged with its traceback and shown as a sentence that says
what to do: no Python or driver text, no class name, no SQL reaches a person.
``tests/ui/test_messages.py`` checks that every code has words in both languages and that every
``code="..."`` in the package is a member of an enum.
"""

from __future__ import annotations

import logging
import re
import string
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from posapp.db.error_codes import DbErrorCode
from posapp.ui.error_codes import UiErrorCode
from posapp.ui.error_words import WORDS as _WORDS
from posapp.ui.i18n import installed_locale

log = logging.getLogger(__name__)

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


#: the Korean and the English words of every code, keyed by the enum members
KO: dict[str, str] = {code: pair.ko for code, pair in _WORDS.items()}
EN: dict[str, str] = {code: pair.en for code, pair in _WORDS.items()}
WORDS: dict[str, Mapping[str, str]] = {"ko": KO, "en": EN}

# the top-level packages whose exceptions are a database driver's
_DRIVERS = frozenset({"sqlite3", "psycopg", "psycopg2", "psycopg_pool", "sqlalchemy"})


class _Fields(string.Formatter):
    """Formats with the error's data only; a field the error did not carry is a KeyError."""

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        return kwargs[key]


_FORMATTER = _Fields()


def words(code: str, data: Mapping[str, Any], language: str) -> str | None:
    """The words for ``code`` in ``language`` ("ko" or "en"), filled from ``data``; None for a
    code without words. A field the raise site did not carry is left out."""
    template = WORDS.get(language, KO).get(code)
    if template is None:
        return None
    try:
        return _FORMATTER.format(template, **data)
    except (KeyError, IndexError, ValueError):
        # the raise site did not carry the detail: say it without
        return re.sub(r"[:(]?\s*\{[^}]*\}[)]?", "", template).strip()


def korean(code: str, data: Mapping[str, Any], fallback: str) -> str:
    """The Korean sentence for ``code``; ``fallback`` if there is none.

    A device message already written in Korean (the card terminal's, which names the request and
    the VAN) says more than the generic sentence, so it is kept."""
    if _HANGUL.search(fallback) and not _ENGLISH.search(fallback):
        return fallback
    return words(code, data, "ko") or fallback


# English words in a message: a Hangul product name inside an English sentence ("영주 사과 is
# withdrawn from sale") does not make the sentence Korean
_ENGLISH = re.compile(r"[a-z]{2,}\s+[a-z]{2,}")


def _language() -> str:
    app = QCoreApplication.instance()
    return installed_locale(app) if app is not None else "ko"


def row_problem(code: str, data: dict[str, Any], message: str) -> str:
    """One problem of a rejected import in the UI's language (the English message otherwise)."""
    if not code:
        return message
    language = _language()
    if language == "ko":
        # an empty fallback: a Hangul value in the English message must not stand in for the words
        return korean(code, data, "") or message
    return words(code, data, language) or message


def describe(exc: BaseException, language: str) -> str | None:
    """The words for an error that carries a code; None for one that does not."""
    code = getattr(exc, "code", None)
    if not isinstance(code, str):
        return None
    data = dict(getattr(exc, "data", None) or {})
    said = korean(code, data, str(exc)) if language == "ko" else words(code, data, language)
    if said and (language != "ko" or _HANGUL.search(said)):
        return said
    log.warning("no words for error code %s: %s", code, exc)
    return words(UiErrorCode.UNEXPECTED, {}, language)


def _uncoded(exc: BaseException) -> StrEnum:
    """The code whose words fit an exception that carries none."""
    if any(cls.__module__.partition(".")[0] in _DRIVERS for cls in type(exc).__mro__):
        return DbErrorCode.ERROR
    if isinstance(exc, UnicodeError):
        return UiErrorCode.TEXT_ENCODING
    if isinstance(exc, OverflowError):
        return UiErrorCode.NUMBER_TOO_LARGE
    if isinstance(exc, OSError):
        return UiErrorCode.FILE
    return UiErrorCode.UNEXPECTED


def explain(exc: BaseException) -> str:
    """An error in words for the person, in the UI's language (codes and details go to the log)."""
    language = _language()
    said = describe(exc, language)
    if said is not None:
        log.info("shown as words: %r", exc)
        return said
    log.error("unexpected error", exc_info=exc)
    return words(_uncoded(exc), {}, language) or ""
