"""The roster and prep sheet PDFs: Korean text embedded as NanumGothic, rows for the bookings,
allergies and the waitlist, and the ingredients to bring down."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from posapp.classes import bookings as bk
from posapp.classes import prep as cp
from posapp.classes import schedule as cs
from posapp.classes.rosters import prep_sheet_pdf, roster_pdf
from posapp.inventory import ledger
from tests.classes.test_class_services import NOW, POLICY, spec
from tests.conftest import Store


def _text(pdf: bytes) -> tuple[str, set[str]]:
    reader = PdfReader(BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    return "".join(p.extract_text() for p in reader.pages), fonts


def test_roster_and_prep_sheet(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = store.db
    db.transact(
        lambda uow: ledger.receive_lot(
            uow, store.beef, 500, expiry_date=None, location=ledger.STORE_ROOM
        )
    )
    s = db.transact(
        lambda uow: cs.create_session(
            uow,
            spec(
                capacity=3,
                ingredients=(cs.Ingredient(store.beef, 250), cs.Ingredient(store.gochujang, 1)),
            ),
            user_id=None,
        )
    )

    def book(name: str, seats: int, **kw):  # type: ignore[no-untyped-def]
        r = bk.BookingRequest(name, "010-1234-5678", seats, **kw)
        return db.transact(
            lambda uow: bk.book(uow, s.uuid, r, policy=POLICY, user_id=None, now=NOW)
        )

    a = book("김영희", 2, allergies="갑각류", pay_on_arrival=True).booking
    book("이철수", 1, note="채식")
    book("박대기", 2)
    db.transact(lambda uow: bk.check_in(uow, a.uuid, now=NOW))
    info = db.read(lambda uow: cs.get_session(uow, s.uuid))
    rows = db.read(lambda uow: bk.list_bookings(uow, s.uuid))
    pdf = roster_pdf(info, rows)
    (tmp_path / "roster.pdf").write_bytes(pdf)
    text, fonts = _text(pdf)
    assert any("NanumGothic" in f for f in fonts)
    for want in (
        "출석부",
        "순창 고추장 담그기",
        "김영희",
        "갑각류",
        "이철수",
        "채식",
        "대기자",
        "박대기",
        "010-****-5678",
        "현장결제 70,000",
    ):
        assert want in text, want
    assert "010-1234-5678" not in text
    prep = db.read(lambda uow: cp.prep_list(uow, s.uuid))
    text, _ = _text(prep_sheet_pdf(prep))
    assert (
        "횡성 한우 등심" in text and "750g" in text and "250g" in text
    )  # 3 seats × 250 g; 500 downstairs
    assert "순창 전통 고추장 1kg" in text
