"""Every error code the package raises is a member of an ``error_codes`` enum with Korean and
English words, filled from the error's own data; no Python or driver text reaches a person."""

from __future__ import annotations

import importlib
import re
import sqlite3
from enum import StrEnum
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QApplication

from posapp.db.engine import DatabaseBusy
from posapp.db.error_codes import DbErrorCode
from posapp.domain.barcodes import parse_barcode
from posapp.domain.errors import DomainError
from posapp.errors import PosError
from posapp.hardware.ports import HardwareError
from posapp.sales.tenders import Tender, TenderError, settle
from posapp.ui import messages
from posapp.ui.error_codes import UiErrorCode

PACKAGE = Path(messages.__file__).resolve().parents[1]
RAISED = re.compile(r"""code=["']([a-z_]+\.[a-z_]+)["']|_error\(\s*["']([a-z_]+\.[a-z_]+)["']""")
# a raise site after /work/plan/codemod_errors.py: code=ShiftErrorCode.NOT_OPEN
RAISED_MEMBER = re.compile(r"code=([A-Z][A-Za-z]*ErrorCode)\.([A-Z_]+)\b")


# the reference platform's own error bodies: the till never shows them, it sees sync.* codes
PLATFORM_SIDE = {"server.py", "protocol.py"}
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def raised_codes() -> set[str]:
    """Every code a raise site names: a literal, or an enum member (resolved to its value)."""
    by_name = {(type(m).__name__, m.name): m.value for m in members()}
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "sync" and path.name in PLATFORM_SIDE:
            continue
        text = path.read_text(encoding="utf-8")
        for a, b in RAISED.findall(text):
            found.add(a or b)
        for enum, name in RAISED_MEMBER.findall(text):
            assert (enum, name) in by_name, f"{path.name}: {enum}.{name} is no member"
            found.add(by_name[enum, name])
    return found


def code_enums() -> list[type[StrEnum]]:
    """Every StrEnum defined in an ``error_codes`` module of the package."""
    found: list[type[StrEnum]] = []
    for path in sorted(PACKAGE.rglob("error_codes.py")):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        module = importlib.import_module(name)
        found += [
            v
            for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, StrEnum) and v.__module__ == name
        ]
    return found


def members() -> list[StrEnum]:
    return [m for enum in code_enums() for m in enum]


def test_every_raised_code_is_a_member_of_an_enum() -> None:
    codes = raised_codes()
    assert len(codes) > 60  # the scan itself works
    known = {m.value for m in members()}
    missing = sorted(c for c in codes if c not in known and not c.startswith("test."))
    assert not missing, f"codes in no error_codes enum: {missing}"


def test_every_code_is_in_one_enum_only_and_named_by_its_value() -> None:
    values = [m.value for m in members()]
    assert len(values) == len(set(values)) > 250
    for m in members():
        prefix, _, rest = m.value.partition(".")
        assert m.name == rest.upper(), m
        assert type(m).__name__ == prefix.title().replace("_", "") + "ErrorCode", m


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_member_has_words_and_every_word_a_member(language: str) -> None:
    table = messages.WORDS[language]
    missing = sorted(m.value for m in members() if m not in table)
    assert not missing, (
        f"codes without {language} words (posapp/ui/messages_{language}.py): {missing}"
    )
    assert all(isinstance(key, StrEnum) for key in table), "the words are keyed by enum members"
    assert set(table) == set(members())


def test_korean_and_english_use_the_same_data() -> None:
    field = re.compile(r"\{(\w+?)(?:_ko)?[}:!]")  # {hint_ko}: the Korean side of {hint}
    for m in members():
        ko, en = messages.KO[m], messages.EN[m]
        assert sorted(field.findall(ko)) == sorted(field.findall(en)), m
        assert HANGUL.search(ko) and not HANGUL.search(en), m


def test_templates_use_only_data_the_raise_sites_carry() -> None:
    err = PosError(
        "no receipt R01-1", code="refund.unknown_receipt", receipt_no="R01-20261123-0001"
    )
    assert messages.describe(err, "ko") == "영수증을 찾을 수 없습니다: R01-20261123-0001"
    assert messages.describe(err, "en") == "Receipt not found: R01-20261123-0001"


def test_a_real_tender_shortfall_in_korean() -> None:
    with pytest.raises(TenderError) as info:
        settle(10_000, [Tender.cash(3_000)])
    assert messages.describe(info.value, "ko") == "7,000원이 더 필요합니다."


def test_a_real_bad_barcode_in_korean() -> None:
    with pytest.raises(DomainError) as info:
        parse_barcode("8801234567891")  # wrong check digit
    words = messages.describe(info.value, "ko")
    assert words is not None and "8801234567891" in words and "검증번호" in words


def test_missing_detail_is_left_out_not_shown_as_a_field() -> None:
    err = PosError("x", code="catalog.unknown_barcode")
    words = messages.describe(err, "ko")
    assert words == "등록되지 않은 바코드입니다"
    assert "{" not in words


def test_device_message_already_in_korean_is_kept() -> None:
    err = HardwareError("카드 단말기(127.0.0.1:9)에 연결할 수 없습니다", code="card.unavailable")
    assert messages.describe(err, "ko") == "카드 단말기(127.0.0.1:9)에 연결할 수 없습니다"


def test_an_error_without_a_code_is_not_described() -> None:
    assert messages.describe(ValueError("boom"), "ko") is None


def test_an_error_with_an_unknown_code_says_what_to_do() -> None:
    err = PosError("KeyError: 'x' in SELECT 1", code="nowhere.unknown")
    for language in ("ko", "en"):
        words = messages.describe(err, language)
        assert words == messages.words(UiErrorCode.UNEXPECTED, {}, language)


def _driver_errors() -> list[BaseException]:
    """What a database driver, the OS or Python raises, as a screen would catch it."""
    errors: list[BaseException] = []
    con = sqlite3.connect(":memory:")
    try:
        con.execute("SELECT nope FROM missing_table")
    except sqlite3.Error as exc:
        errors.append(exc)
    engine = sa.create_engine("sqlite://")
    with engine.connect() as conn:
        try:
            conn.execute(sa.text("INSERT INTO missing_table (a) VALUES (1)"))
        except sa.exc.SQLAlchemyError as exc:
            errors.append(exc)
    try:
        import psycopg

        errors.append(psycopg.errors.UniqueViolation('duplicate key value violates "pk_sale"'))
        errors.append(psycopg.OperationalError("connection to server at 10.0.0.1 failed"))
    except ImportError:  # pragma: no cover - psycopg is a dependency
        pass
    errors += [
        OSError(13, "Permission denied", "/var/lib/posapp/x.sqlite3"),
        FileNotFoundError(2, "No such file or directory", "/tmp/import.csv"),
        ConnectionRefusedError(111, "Connection refused"),
        OverflowError("int too large to convert to float"),
        _decode_error(),
        KeyError("line_total"),
        RuntimeError("boom"),
        ZeroDivisionError("division by zero"),
    ]
    return errors


def _decode_error() -> UnicodeDecodeError:
    try:
        b"\xff\xfe\xfa".decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc
    raise AssertionError("decoded")


ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|VALUES)\b", re.IGNORECASE)


@pytest.mark.parametrize("exc", _driver_errors(), ids=lambda e: type(e).__name__)
def test_no_driver_or_python_text_reaches_a_person(qapp: QApplication, exc: BaseException) -> None:
    """explain() of each such exception is a Korean sentence that says what to do."""
    words = messages.explain(exc)
    assert HANGUL.search(words), words
    assert not ENGLISH_WORD.findall(words.replace("UTF-8", "")), words
    assert not SQL.search(words) and type(exc).__name__ not in words
    assert str(exc) not in words or not str(exc)
    for cls in type(exc).__mro__:
        assert cls.__name__ not in words


def test_database_errors_are_database_words(qapp: QApplication) -> None:
    sqlite_error = _driver_errors()[0]
    assert messages.explain(sqlite_error) == messages.KO[DbErrorCode.ERROR]
    busy = DatabaseBusy("database is locked (sqlite3.OperationalError)", waited_s=10)
    assert messages.explain(busy) == messages.KO[DbErrorCode.BUSY]
    assert messages.describe(busy, "en") == messages.EN[DbErrorCode.BUSY]
    assert messages.explain(OSError("x")) == messages.KO[UiErrorCode.FILE]
    assert messages.explain(OverflowError("x")) == messages.KO[UiErrorCode.NUMBER_TOO_LARGE]
    assert messages.explain(_decode_error()) == messages.KO[UiErrorCode.TEXT_ENCODING]


def test_error_codes_modules_are_leaves() -> None:
    """They import nothing of ours, so any layer may raise any package's code."""
    import ast

    for path in PACKAGE.rglob("error_codes.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module is not None
        } | {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
        assert imported <= {"__future__", "enum"}, (path, imported)


def test_an_english_sentence_with_a_korean_name_is_not_taken_for_korean() -> None:
    """Seen at the till: "횡성 한우 등심 is withdrawn from sale" reached the cashier as it was."""
    from posapp.inventory.catalog import CatalogError
    from posapp.inventory.error_codes import CatalogErrorCode

    exc = CatalogError(
        "횡성 한우 등심 is withdrawn from sale",
        code=CatalogErrorCode.INACTIVE,
        name="횡성 한우 등심",
    )
    assert messages.explain(exc) == "판매 중지된 상품입니다: 횡성 한우 등심"
