"""Every error code the package raises has Korean words, filled from the error's own data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from posapp.domain.barcodes import parse_barcode
from posapp.domain.errors import DomainError
from posapp.errors import PosError
from posapp.hardware.ports import HardwareError
from posapp.sales.tenders import Tender, TenderError, settle
from posapp.ui import messages

PACKAGE = Path(messages.__file__).resolve().parents[1]
RAISED = re.compile(r"""code=["']([a-z_]+\.[a-z_]+)["']|_error\(\s*["']([a-z_]+\.[a-z_]+)["']""")


# the reference platform's own error bodies: the till never shows them, it sees sync.* codes
PLATFORM_SIDE = {"server.py", "protocol.py"}


def raised_codes() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "sync" and path.name in PLATFORM_SIDE:
            continue
        for a, b in RAISED.findall(path.read_text(encoding="utf-8")):
            found.add(a or b)
    return found


def test_every_raised_code_has_korean_words() -> None:
    codes = raised_codes()
    assert len(codes) > 60  # the scan itself works
    missing = sorted(c for c in codes if c not in messages.KO and not c.startswith("test."))
    assert not missing, f"codes without Korean words in posapp/ui/messages.py: {missing}"


def test_templates_use_only_data_the_raise_sites_carry() -> None:
    err = PosError(
        "no receipt R01-1", code="refund.unknown_receipt", receipt_no="R01-20261123-0001"
    )
    assert messages.describe(err, "ko") == "영수증을 찾을 수 없습니다: R01-20261123-0001"
    assert messages.describe(err, "en") == "no receipt R01-1"


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
