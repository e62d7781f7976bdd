"""Class paperwork as PDF (reportlab, NanumGothic embedded): the roster (출석부) with attendance
check boxes, seats, allergies and payment state, and the prep sheet (재료 준비표) listing what to
bring down from the sales floor to the basement kitchen.

Owns the layout only; the data comes from posapp.classes.schedule, prep and bookings.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from posapp.classes.bookings import CONFIRMED, HELD, BookingInfo
from posapp.classes.prep import PrepList
from posapp.classes.schedule import KITCHEN, SessionInfo
from posapp.domain.phone import mask_mobile
from posapp.inventory.pdf import FONT, FONT_BOLD, TableCommand, a4_pdf, register_fonts

ROOM_KO = {KITCHEN: "오픈 키친", "meeting": "미팅 스페이스"}
UNIT_KO = {"ea": "개", "kg": "g", "100g": "g"}
_BOX = "□"


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    register_fonts()
    return (
        ParagraphStyle("t", fontName=FONT_BOLD, fontSize=17, leading=23, spaceAfter=4),
        ParagraphStyle("b", fontName=FONT, fontSize=9.5, leading=14),
        ParagraphStyle("c", fontName=FONT, fontSize=8.5, leading=11),
    )


def _table(data: list[list[object]], widths: Sequence[float], numeric: Sequence[int]) -> Table:
    t = Table(data, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
    style: list[TableCommand] = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.9, 0.85)),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    style += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in numeric]
    t.setStyle(TableStyle(style))
    return t


def _header(session: SessionInfo, body: ParagraphStyle) -> list[Flowable]:
    s, e = session.local_start, session.local_end
    wd = "월화수목금토일"[s.weekday()]
    bits = [
        f"{s:%Y-%m-%d}({wd}) {s:%H:%M}–{e:%H:%M} · {ROOM_KO.get(session.room, session.room)}",
        f"강사 {session.instructor}" if session.instructor else "",
        f"주최 {session.organiser}" if session.organiser else "",
        f"산지 {session.region_name}" if session.region_name else "",
        f"정원 {session.capacity}명 · 예약 {session.seats_taken}석",
    ]
    title = session.title_ko + (f" ({session.title_en})" if session.title_en else "")
    return [
        Paragraph(title, body),
        Paragraph(" · ".join(b for b in bits if b), body),
        Spacer(1, 4 * mm),
    ]


def _pay_state(b: BookingInfo) -> str:
    if b.amount == 0:
        return "무료"
    if b.paid:
        return f"결제 {b.paid_amount:,}"
    if b.pay_on_arrival:
        return f"현장결제 {b.amount:,}"
    return f"미결제 {b.amount:,}" if b.status == HELD else "-"


def roster_pdf(
    session: SessionInfo, bookings: Sequence[BookingInfo], *, full_phone: bool = False
) -> bytes:
    """The 출석부: one row per seated booking with a check box, seats, allergies, payment; the
    waitlist below. Phones are masked unless ``full_phone`` (the sheet stays in the kitchen)."""
    title, body, cell = _styles()
    seated = [b for b in bookings if b.status in (HELD, CONFIRMED)]
    waiting = [b for b in bookings if b.status == "waitlist"]
    story: list[Flowable] = [Paragraph("출석부 · Class roster", title), *_header(session, body)]
    rows: list[list[object]] = [["출석", "번호", "이름", "연락처", "좌석", "알레르기·메모", "결제"]]
    for n, b in enumerate(seated, start=1):
        notes = " / ".join(x for x in (b.allergies and f"※ {b.allergies}", b.note) if x)
        rows.append(
            [
                "▣" if b.checked_in_at else _BOX,
                str(n),
                Paragraph(b.customer_name, cell),
                b.phone if full_phone else mask_mobile(b.phone),
                str(b.seats),
                Paragraph(notes, cell),
                _pay_state(b),
            ]
        )
    if len(rows) == 1:
        rows.append(["", "", "예약 없음", "", "", "", ""])
    table = _table(rows, [12, 10, 32, 30, 12, 58, 28], numeric=[4])
    table.setStyle(
        TableStyle([("FONTSIZE", (0, 1), (0, -1), 14), ("ALIGN", (0, 0), (1, -1), "CENTER")])
    )
    story += [table, Spacer(1, 3 * mm)]
    allergic = [b for b in seated if b.allergies]
    story.append(
        Paragraph(
            f"좌석 합계 {sum(b.seats for b in seated)}석 · 알레르기 {len(allergic)}건"
            + (
                " — " + ", ".join(f"{b.customer_name}: {b.allergies}" for b in allergic)
                if allergic
                else ""
            ),
            body,
        )
    )
    if waiting:
        story += [Spacer(1, 5 * mm), Paragraph("대기자", body)]
        wrows: list[list[object]] = [["순번", "이름", "연락처", "좌석"]]
        wrows += [
            [str(b.waitlist_position or ""), b.customer_name, mask_mobile(b.phone), str(b.seats)]
            for b in waiting
        ]
        story.append(_table(wrows, [14, 40, 34, 14], numeric=[3]))
    return _build(story, f"출석부 {session.title_ko}")


def _qty(q: int, unit: str) -> str:
    return f"{q:,}{UNIT_KO.get(unit, '')}"


def prep_sheet_pdf(prep: PrepList) -> bytes:
    """The 재료 준비표: per ingredient the amount per person, the total for the booked seats,
    what the store room has, what to bring down from the floor, and any shortage."""
    title, body, cell = _styles()
    story: list[Flowable] = [
        Paragraph("재료 준비표 · Prep sheet", title),
        *_header(prep.session, body),
    ]
    rows: list[list[object]] = [
        [
            "가져감",
            "재료",
            "1인분",
            "필요량",
            "지하 창고",
            "매장(1층)",
            "매장에서 가져올 양",
            "부족",
        ]
    ]
    for ln in prep.lines:
        rows.append(
            [
                _BOX,
                Paragraph(ln.name, cell),
                _qty(ln.per_seat, ln.unit),
                _qty(ln.needed, ln.unit),
                _qty(ln.in_store_room, ln.unit),
                _qty(ln.on_floor, ln.unit),
                _qty(ln.to_bring_down, ln.unit),
                _qty(ln.short, ln.unit) if ln.short else "",
            ]
        )
    if len(rows) == 1:
        rows.append(["", "재료 없음", "", "", "", "", "", ""])
    table = _table(rows, [14, 46, 16, 18, 20, 20, 28, 18], numeric=[2, 3, 4, 5, 6, 7])
    table.setStyle(
        TableStyle([("FONTSIZE", (0, 1), (0, -1), 14), ("TEXTCOLOR", (7, 1), (7, -1), colors.red)])
    )
    story.append(table)
    if prep.has_shortage:
        story += [
            Spacer(1, 3 * mm),
            Paragraph("※ 부족한 재료가 있습니다. 입고·발주를 확인하세요.", body),
        ]
    return _build(story, f"재료 준비표 {prep.session.title_ko}")


def _build(story: list[Flowable], title: str) -> bytes:
    return a4_pdf(story, title, author="I·Market·U")
