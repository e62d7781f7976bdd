"""The VAT-return figures of a hand-computed October (and the refund of an October sale in
November), on both backends: evidence × 과세/면세 with 공급가액 and 부가세, the 집계표 and the
return's 과세표준 lines, per register and per month; read back from CSV, XLSX and PDF.

October 2026 (prices: 고추장 8,500 과세, 사과 12,900 면세, 천일염 6,000 면세):

* A  10-05  고추장 + 사과 = 21,400, card.         과세 8,500 → 공급가액 7,727 (8,500×10/11 =
            7,727.27), 부가세 773; 면세 12,900.
* B  10-06  고추장 ×2 = 17,000, cash 20,000 with a 현금영수증. 공급가액 15,455 (15,454.55
            rounded half up), 부가세 1,545.
* C  10-07  천일염 = 6,000, cash 10,000 (change 4,000): 기타, 면세 6,000.
* D  10-08  고추장 + 사과 = 21,400: 온누리 voucher 10,000 + card 11,400. The receipt: 과세
            8,500 (7,727 + 773), 면세 12,900. Shared by payment (largest remainder):
            과세 8,500 × 10,000/21,400 = 3,971.96 and × 11,400/21,400 = 4,528.04 → floors
            3,971 + 4,528 = 8,499, the won left to the larger remainder (the voucher's): 3,972 /
            4,528. VAT 773 × 3,972/8,500 = 361.22, × 4,528/8,500 = 411.77 → 361 + 411 = 772, the
            won left to the card: 361 / 412. Voucher: 과세 3,972 (3,611 + 361), 면세 6,028; card:
            과세 4,528 (4,116 + 412), 면세 6,872.
* F  10-09  고추장 + 사과 = 21,400, cash (no receipt): 과세 8,500 (7,727 + 773), 면세 12,900.
* R  10-20  refund of F's 고추장, cash −8,500: 과세 −8,500 (−7,727 − 773).
* N  11-03  refund of C's 천일염, cash −6,000: November's, not October's.

October by evidence:
  card          2 payments  32,800 = 과세 13,028 (7,727 + 4,116 = 11,843; 773 + 412 = 1,185)
                            + 면세 19,772 (12,900 + 6,872)
  현금영수증     1           17,000 = 과세 17,000 (15,455 + 1,545)
  기타          4 (C, D's voucher, F, R)  28,900 = 과세 3,972 (3,611 + 361) + 면세 24,928
                            (6,000 + 6,028 + 12,900)
  합계                      78,700; 공급가액 30,909, 부가세 3,091 (= the receipts' own sums:
                            7,727 + 15,455 + 7,727 + 7,727 − 7,727; 773 + 1,545 + 773 + 773 − 773)
Return: (3) 27,298 / 2,730, (4) 3,611 / 361, (9) 30,909 / 3,091; 면세 수입금액 44,700.
집계표: 합계 49,800 (card 32,800, 현금영수증 17,000); 과세 30,028; 면세 19,772.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from posapp.domain import calendar
from posapp.inventory import catalog
from posapp.reports import export, pdf, vat
from posapp.reports.model import NO_FILTERS, Filters, Period, Report, ReportError
from posapp.sales import completion, refunds
from posapp.sales.tenders import CashReceiptRequest, Method, Tender, VoucherKind
from posapp.sales.ticket import Ticket
from tests.conftest import APPLE_CODE, GOCHUJANG_CODE, SALT_CODE, Store

OCT = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))


def kst(day: int, hour: int, month: int = 10) -> dt.datetime:
    return calendar.local_instant(dt.date(2026, month, day), dt.time(hour))


def card(amount: int) -> Tender:
    return Tender(Method.CARD, amount, approval_no="30001234", card_masked="5365-10**-****-1234")


def sell(
    store: Store,
    codes: list[str],
    tenders: list[Tender],
    at: dt.datetime,
    cash_receipt: CashReceiptRequest | None = None,
) -> str:
    t = Ticket()
    for code in codes:
        t.add(store.db.read(lambda uow, c=code: catalog.scan(uow, c)).line)
    return store.db.transact(
        lambda uow: completion.complete_sale(
            uow,
            t,
            tenders,
            register_id=store.register,
            user_id=store.cashier,
            cash_receipt=cash_receipt,
            now=at,
        )
    ).receipt_no


def give_back(store: Store, receipt: str, line: int, amount: int, at: dt.datetime) -> str:
    return store.db.transact(
        lambda uow: refunds.refund(
            uow,
            receipt,
            register_id=store.register,
            user_id=store.cashier,
            approved_by=store.manager,
            lines={line: 1},
            tenders=[Tender.cash(amount)],
            reason="단순 변심",
            now=at,
        )
    ).receipt_no


@pytest.fixture
def october(store: Store) -> Store:
    g, a, s = GOCHUJANG_CODE, APPLE_CODE, SALT_CODE
    sell(store, [g, a], [card(21_400)], kst(5, 11))
    sell(
        store,
        [g, g],
        [Tender.cash(20_000)],
        kst(6, 12),
        cash_receipt=CashReceiptRequest(identity="01012345678"),
    )
    c = sell(store, [s], [Tender.cash(10_000)], kst(7, 13))
    voucher = Tender(Method.VOUCHER, 10_000, voucher_kind=VoucherKind.ONNURI)
    sell(store, [g, a], [voucher, card(11_400)], kst(8, 14))
    f = sell(store, [g, a], [Tender.cash(21_400)], kst(9, 15))
    give_back(store, f, 1, 8_500, kst(20, 16))
    give_back(store, c, 1, 6_000, kst(3, 10, month=11))
    return store


def run(store: Store, period: Period, f: Filters = NO_FILTERS) -> Report:
    return store.db.read(lambda uow: vat.vat_return(uow, period, f))


def section(report: Report, start: str) -> dict[str, tuple[object, ...]]:
    for title, _cols, rows in report.sections:
        if title.startswith(start):
            return {str(r[0]) if len(r) < 8 else f"{r[0]}/{r[1]}": r[1:] for r in rows}
    raise KeyError(start)


def test_october_by_evidence_by_hand(october: Store) -> None:
    r = run(october, OCT)
    assert r.title == "부가세 신고 자료 (2026년 10월)"
    #                                 count  total  과세    공급가액  부가세  면세
    assert r.row("신용·직불·선불카드") == (
        "신용·직불·선불카드",
        2,
        32_800,
        13_028,
        11_843,
        1_185,
        19_772,
    )
    assert r.row("현금영수증") == ("현금영수증", 1, 17_000, 17_000, 15_455, 1_545, 0)
    assert r.row("직불·선불 전자지급수단")[1:] == (0, 0, 0, 0, 0, 0)
    assert r.row("세금계산서")[1:] == (0, 0, 0, 0, 0, 0)
    assert r.row("계산서")[1:] == (0, 0, 0, 0, 0, 0)
    assert r.row("기타 (현금·상품권 등)")[1:] == (4, 28_900, 3_972, 3_611, 361, 24_928)
    assert r.totals == ("합계", 7, 78_700, 33_000 + 1_000, 30_909, 3_091, 44_700)


def test_the_return_lines_and_the_card_summary(october: Store) -> None:
    r = run(october, OCT)
    ret = section(r, "부가가치세 신고서")
    assert ret["(1) 과세 세금계산서 발급분"] == (0, 0)
    assert ret["(3) 과세 신용카드·현금영수증 발행분"] == (27_298, 2_730)
    assert ret["(4) 과세 기타(정규영수증 외 매출분)"] == (3_611, 361)
    assert ret["(9) 과세표준 및 매출세액 합계"] == (30_909, 3_091)
    assert ret["면세 수입금액 (계산서 발급분 포함)"] == (44_700, None)
    card_sum = section(r, "신용카드매출전표등")
    #                       합계   카드    현금영수증 전자지급
    assert card_sum["합계"] == (49_800, 32_800, 17_000, 0)
    assert card_sum["과세 매출분"] == (30_028, 13_028, 17_000, 0)
    assert card_sum["면세 매출분"] == (19_772, 19_772, 0, 0)


def test_a_refund_counts_in_the_month_it_was_given(october: Store) -> None:
    nov = run(october, Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30)))
    assert nov.row("기타 (현금·상품권 등)")[1:] == (1, -6_000, 0, 0, 0, -6_000)
    assert nov.totals == ("합계", 1, -6_000, 0, 0, 0, -6_000)
    # the quarter holds both months; its month section lists them apart
    q4 = run(october, vat.quarter(2026, 4))
    assert q4.title == "부가세 신고 자료 (2026년 4분기 (제2기 확정))"
    assert q4.totals == ("합계", 8, 72_700, 34_000, 30_909, 3_091, 38_700)
    rows = next(rows for t, _c, rows in q4.sections if t == "월별")
    assert ("2026-10", "신용·직불·선불카드", 32_800, 11_843, 1_185, 19_772) in rows
    assert ("2026-10", "월 합계", 78_700, 30_909, 3_091, 44_700) in rows
    assert ("2026-11", "월 합계", -6_000, 0, 0, -6_000) in rows
    half = run(october, vat.half(2026, 2))
    assert half.totals == q4.totals and "제2기" in half.title


def test_per_register_and_for_one_register(october: Store) -> None:
    r = run(october, OCT)
    regs = next(rows for t, _c, rows in r.sections if t == "계산대별")
    assert ("R01", "현금영수증", 1, 17_000, 17_000, 15_455, 1_545, 0) in regs
    assert sum(row[3] for row in regs) == 78_700
    one = run(october, OCT, Filters(register_id="R01"))
    assert one.totals == r.totals and "계산대 R01" in one.title
    none = run(october, OCT, Filters(register_id="R09"))
    assert none.totals == ("합계", 0, 0, 0, 0, 0, 0)


def test_product_filters_are_refused_in_words(october: Store) -> None:
    with pytest.raises(ReportError) as e:
        run(october, OCT, Filters(region_id=1))
    assert e.value.code == "report.filter"


def test_named_periods() -> None:
    assert vat.named_period("2026-02") == Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert vat.named_period("2026q1") == Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert vat.named_period("2026H2") == Period(dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert vat.period_name(vat.half(2026, 1)) == "2026년 제1기 (1~6월)"
    for bad in ("2026Q5", "2026-13", "지난달", ""):
        with pytest.raises(ReportError) as e:
            vat.named_period(bad)
        assert e.value.code == "report.period_name"


def test_csv_and_pdf_read_back(october: Store) -> None:
    r = run(october, OCT)
    rows = list(csv.reader(io.StringIO(export.to_csv(r).decode("utf-8-sig"))))
    assert rows[1][:3] == ["증빙", "결제건수", "합계(공급대가)"]
    card_row = next(x for x in rows if x and x[0] == "신용·직불·선불카드")
    assert card_row[1:] == ["2", "32800", "13028", "11843", "1185", "19772"]
    assert ["(9) 과세표준 및 매출세액 합계", "30909", "3091"] in rows
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.report_pdf(r))).pages)
    for needle in ("부가세 신고 자료", "30,909", "3,091", "44,700", "신용카드매출전표등", "49,800"):
        assert needle in text


def test_xlsx_opens_back_with_numbers_and_sheets(october: Store) -> None:
    from openpyxl import load_workbook

    from posapp.reports import xlsx

    r = run(october, OCT)
    wb = load_workbook(io.BytesIO(xlsx.to_xlsx(r)))
    assert wb.sheetnames[0] == "vat" and len(wb.sheetnames) == 1 + len(r.sections)
    ws = wb["vat"]
    assert ws["A1"].value == "부가세 신고 자료 (2026년 10월)"
    assert [c.value for c in ws[4]] == [c.title for c in r.columns]
    card_row = next(row for row in ws.iter_rows(min_row=5) if row[0].value == "신용·직불·선불카드")
    assert [c.value for c in card_row[1:]] == [2, 32_800, 13_028, 11_843, 1_185, 19_772]
    assert card_row[2].number_format == "#,##0" and card_row[0].font.name == "맑은 고딕"
    total = next(row for row in ws.iter_rows(min_row=5) if row[0].value == "합계")
    assert total[2].value == 78_700 and total[0].font.b
    ret = wb[wb.sheetnames[1]]
    assert ret["A1"].value == "부가가치세 신고서: 과세표준 및 매출세액"
    values = {row[0].value: (row[1].value, row[2].value) for row in ret.iter_rows(min_row=5)}
    assert values["(9) 과세표준 및 매출세액 합계"] == (30_909, 3_091)
    assert ws.freeze_panes == "A5"


def test_xlsx_keeps_formula_like_text_as_text() -> None:
    from openpyxl import load_workbook

    from posapp.reports import xlsx
    from posapp.reports.model import Column

    r = Report(
        "t",
        "시험",
        OCT,
        NO_FILTERS,
        (Column("name", "이름"), Column("n", "금액", "krw")),
        (('=HYPERLINK("http://x")', 1), ("+82 10", -5), ("@SUM(A1)", 0)),
    )
    ws = load_workbook(io.BytesIO(xlsx.to_xlsx(r)))["t"]
    cells = [ws.cell(row=i, column=1) for i in (5, 6, 7)]
    assert [c.value for c in cells] == ['=HYPERLINK("http://x")', "+82 10", "@SUM(A1)"]
    assert all(c.data_type == "s" for c in cells)
    assert ws.cell(row=6, column=2).value == -5


def test_cli_writes_the_quarter_as_xlsx_csv_and_text(october: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from tests.reports.test_exports_cli import admin

    url = str(october.db.engine.url.render_as_string(hide_password=False))
    out = tmp_path / "vat.xlsx"
    done = admin(url, "report", "vat", "--period", "2026Q4", "--format", "xlsx", "--out", str(out))
    assert done.returncode == 0, done.stderr.decode()
    ws = load_workbook(out)["vat"]
    assert ws["A1"].value == "부가세 신고 자료 (2026년 4분기 (제2기 확정))"
    text = admin(url, "report", "vat", "--period", "2026-10", "--till", "R01")
    assert text.returncode == 0, text.stderr.decode()
    out_text = text.stdout.decode()
    assert "계산대 R01" in out_text and "30,909" in out_text and "3,091" in out_text
    bad = admin(url, "report", "vat", "--period", "2026Q7")
    assert bad.returncode != 0 and b"Traceback" not in bad.stderr


def test_cash_rounding_is_an_allowance_left_out_of_every_row(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """원단위 절사: the 4 won the customer was not asked for were never supplied (에누리,
    부가가치세법 §29⑤): no evidence row and no return line counts them; a note says them."""
    from posapp.inventory.catalog import product_by_plu
    from posapp.usecases.checkout import CheckoutSession, SessionSettings
    from posapp.usecases.payment import Payments

    session = CheckoutSession(store.db, SessionSettings(recovery_dir=tmp_path))
    session.sign_in("1111")
    beef = store.db.read(lambda uow: product_by_plu(uow, "00101"))
    assert beef is not None
    session.add_product(beef, grams=123)  # 123 g × ₩12,800 / 100 g = ₩15,744 (면세)
    session.scan(GOCHUJANG_CODE)  # ₩8,500 (과세)
    sale = Payments(session, None, cash_rounding_unit=10).pay([Tender.cash(30_000)]).sale
    assert sale.total == 24_244 and sale.change == 5_760
    today = calendar.today()
    fig = store.db.read(lambda uow: vat.vat_figures(uow, Period(today, today)))
    assert fig.rounding.count == 1 and fig.rounding.total == 4
    other = fig.row("other")
    assert other.total == 24_240  # the money taken, all of it 기타 (현금, no 현금영수증)
    assert other.taxable + fig.rounding.taxable == 8_500
    assert other.exempt + fig.rounding.exempt == 15_744
    assert other.vat + fig.rounding.vat == 773  # the receipt's VAT, split between the two
    r = run(store, Period(today, today))
    assert r.totals[2] == 24_240
    ret = section(r, "부가가치세 신고서")
    assert ret["(9) 과세표준 및 매출세액 합계"] == (other.supply, other.vat)
    assert ret["면세 수입금액 (계산서 발급분 포함)"] == (other.exempt, None)
    assert any("원단위 절사 1건 ₩4" in n and "에누리" in n for n in r.notes)
    assert not any("알 수 없는 증빙" in n for n in r.notes)
