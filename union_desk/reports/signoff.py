"""签收表: the batch sign-off sheet for a campaign or a day, A4 portrait. Every page carries its
own subtotal (payments and amount); the last page the grand total — payments (笔) and the
people and units they went to, each counted once — in figures and in words and the
经办人 / 审核人 / 负责人 signature lines. Nothing is cut short: names, units and codes wrap in
their cells (never inside a code) and a row grows to hold them. Takes plain rows; never queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from union_desk.domain.money import fen_to_words, format_fen
from union_desk.models.personal import IdNumber
from union_desk.reports.formkit import Steps, cell, fitted, small_name, whole_lines, write_pdf
from union_desk.reports.pdfkit import draw_text, new_canvas
from union_desk.reports.voucher import LAYOUTS, VoucherData, draw_vouchers

PAGE_W, PAGE_H = A4
LEFT = 36.0
# (header, width, alignment); the widths add up to the printable width, 523 pt
ID_COL = 2
COLUMNS = (("序号", 26, "center"), ("姓名", 54, "center"), ("身份证号", 100, "center"),
           ("单位", 122, "left"), ("金额（元）", 64, "right"), ("凭证号", 86, "center"),
           ("签名", 71, "center"))
NAME_COL, UNIT_COL, VOUCHER_COL = 1, 3, 5
WIDTHS = [w for _, w, _ in COLUMNS]
TABLE_W = sum(WIDTHS)
LABEL_W = sum(WIDTHS[:4])  # 序号..单位, merged for the subtotal and total labels
TAIL_W = sum(WIDTHS[5:])  # 凭证号 + 签名
HEAD_TOP = PAGE_H - 76  # the 发放单位 / 发放日期 line; the 事由 lines under it
HEAD_LINE = 14.0
HEAD_H, ROW_H, TOTAL_H = 24.0, 28.0, 24.0  # ROW_H: room for a handwritten name
FOOT = 40.0  # page number band
SIGN_BLOCK = 72.0  # the three signature lines under the grand total
LAST_EXTRA = 2 * TOTAL_H + SIGN_BLOCK  # the grand total in figures and words, the signatures
SIZE = 10.0
PAD = 4.0


@dataclass(frozen=True)
class SignoffLine:
    recipient: str
    id_number: IdNumber | str  # a person's prints masked (as an IdNumber); a unit's credit code whole
    unit: str
    amount_fen: int
    voucher_no: str
    unit_recipient: bool = False  # paid to a unit: id_number is its public credit code, shown whole


@dataclass(frozen=True)
class SignoffData:
    township_union: str
    title: str
    occasion: str
    date_text: str
    lines: Sequence[SignoffLine]
    handler: str
    reviewer: str
    approver: str


@dataclass(frozen=True)
class _Cells:
    """One row as printed: each column's lines and size, and the row's height."""

    cells: list[tuple[list[str], float]]
    height: float


def page_slices(heights: Sequence[float], room: float,
                last_extra: float = LAST_EXTRA) -> list[tuple[int, int]]:
    """[start, end) of the rows on each page, rows of the given heights filling ``room``; the
    last page also holds ``last_extra`` (the grand total and the signature lines) and at least
    one row, if any."""
    slices, start, used = [], 0, 0.0
    for i, height in enumerate(heights):
        if i > start and used + height > room:
            slices.append((start, i))
            start, used = i, 0.0
        used += height
    slices.append((start, len(heights)))
    start, end = slices[-1]
    if end > start and sum(heights[start:end]) + last_extra > room:
        first = end - 1  # the longest tail of the last page that fits with the totals
        while first > start and sum(heights[first - 1:end]) + last_extra <= room:
            first -= 1
        slices[-1:] = [(start, first), (first, end)]
    return slices


def _plain_amount(fen: int) -> str:
    return format_fen(fen).replace("¥", "")


def _occasion_label(data: SignoffData) -> str:
    if all(ln.unit_recipient for ln in data.lines):
        return "补助事由"
    return "慰问事由" if not any(ln.unit_recipient for ln in data.lines) else "发放事由"


def _occasion_lines(data: SignoffData) -> tuple[list[str], float]:
    """The 事由 whole, over the full width (several occasions may need several lines)."""
    return whole_lines(f"{_occasion_label(data)}：{data.occasion}", 9.5, TABLE_W)


def _table_top(data: SignoffData) -> float:
    return HEAD_TOP - HEAD_LINE * len(_occasion_lines(data)[0]) - 6


def _page_head(c: Canvas, data: SignoffData) -> None:
    mid = PAGE_W / 2
    title, fs = fitted(data.title, 17, TABLE_W - 40)
    title_w = draw_text(c, mid, PAGE_H - 52, title, fs, "center", bold=True)
    c.setLineWidth(0.8)
    for dy in (58, 61):
        c.line(mid - title_w / 2 - 8, PAGE_H - dy, mid + title_w / 2 + 8, PAGE_H - dy)
    c.setLineWidth(1)
    half = TABLE_W / 2
    for text, align, x in ((f"发放单位：{data.township_union}", "left", LEFT),
                           (f"发放日期：{data.date_text}", "right", LEFT + TABLE_W)):
        shown, fs = fitted(text, 9.5, half - 6)
        draw_text(c, x, HEAD_TOP, shown, fs, align)
    lines, fs = _occasion_lines(data)
    for i, line in enumerate(lines):
        draw_text(c, LEFT, HEAD_TOP - HEAD_LINE * (i + 1), line, fs)


def _total_row(c: Canvas, top: float, label: str, fen: int) -> float:
    cell(c, LEFT, top, LABEL_W, TOTAL_H, label, size=10, label=True, bold=True)
    cell(c, LEFT + LABEL_W, top, WIDTHS[4], TOTAL_H, format_fen(fen), size=9.5, align="right",
         bold=True)
    cell(c, LEFT + LABEL_W + WIDTHS[4], top, TAIL_W, TOTAL_H)
    return top - TOTAL_H


def _signatures(c: Canvas, data: SignoffData, top: float) -> None:
    third = TABLE_W / 3
    y = top - 40
    for i, (label, name) in enumerate((("经办人", data.handler), ("审核人", data.reviewer),
                                       ("负责人", data.approver))):
        x = LEFT + i * third
        label_w = draw_text(c, x, y, f"{label}（签字）：", 10.5)
        c.line(x + label_w, y - 3, x + third - 14, y - 3)
        small_name(c, x + third - 14, y - 14, name, third - label_w - 14)


def _values(ln: SignoffLine, number: int) -> list[str]:
    shown = ln.id_number if ln.unit_recipient else str(IdNumber(ln.id_number))
    return [str(number), ln.recipient, shown, ln.unit, _plain_amount(ln.amount_fen),
            ln.voucher_no, ""]


def _cells(values: list[str]) -> _Cells:
    """Every value whole: names, units and codes wrap inside their cell (never inside a code)
    and the row grows to hold them; numbers shrink a little to stay on one line."""
    cells = []
    for i, ((_, width, _), value) in enumerate(zip(COLUMNS, values)):
        shrink = None if i in (NAME_COL, UNIT_COL) else 7.0
        cells.append(whole_lines(value, SIZE, width - 2 * PAD, shrink_to=shrink) if value
                     else ([], SIZE))
    tallest = max(len(lines) * size * 1.3 for lines, size in cells)
    return _Cells(cells, max(ROW_H, tallest + 2 * PAD))


def _row(c: Canvas, top: float, row: _Cells) -> None:
    x = LEFT
    for (_, width, align), (lines, size) in zip(COLUMNS, row.cells):
        cell(c, x, top, width, row.height, "\n".join(lines), size=size, align=align)
        x += width


def _count_text(lines: Sequence[SignoffLine]) -> str:
    """笔 (payments) and the people and units they went to, each counted once."""
    people = {ln.id_number or ln.recipient for ln in lines if not ln.unit_recipient}
    units = {ln.id_number or ln.recipient for ln in lines if ln.unit_recipient}
    whom = "，".join(part for part in (f"{len(people)} 人" if people else "",
                                       f"{len(units)} 个单位" if units else "") if part)
    return f"{len(lines)} 笔（{whom}）" if whom else f"{len(lines)} 笔"


def _header(data: SignoffData) -> list[str]:
    header = [name for name, _, _ in COLUMNS]
    if all(ln.unit_recipient for ln in data.lines):
        header[NAME_COL], header[ID_COL], header[UNIT_COL] = "领取单位", "信用代码", "用途"
    elif any(ln.unit_recipient for ln in data.lines):
        header[NAME_COL], header[ID_COL] = "姓名/单位", "身份证号/信用代码"
    return header


def _draw_page(c: Canvas, data: SignoffData, rows: list[_Cells], start: int, end: int,
               page_no: int, page_count: int) -> None:
    c.setPageSize(A4)
    _page_head(c, data)
    widths = list(WIDTHS)
    head_cells = [whole_lines(h, SIZE, w - 2 * PAD, shrink_to=7.0)
                  for h, w in zip(_header(data), widths)]
    head_h = max(HEAD_H, max(len(lines) * fs * 1.3 for lines, fs in head_cells) + 2 * PAD)
    top = _table_top(data)
    x = LEFT
    for (lines, fs), width in zip(head_cells, widths):
        cell(c, x, top, width, head_h, "\n".join(lines), size=fs, label=True)
        x += width
    top -= head_h
    for row in rows[start:end]:
        _row(c, top, row)
        top -= row.height
    lines = data.lines[start:end]
    top = _total_row(c, top, f"本页小计：{len(lines)} 笔",
                     sum(ln.amount_fen for ln in lines))
    if page_no == page_count:
        total_fen = sum(ln.amount_fen for ln in data.lines)
        top = _total_row(c, top, f"合计：{_count_text(data.lines)}", total_fen)
        words_label_w = sum(WIDTHS[:3])
        cell(c, LEFT, top, words_label_w, TOTAL_H, "合计金额（大写）", size=10, label=True,
             bold=True)
        cell(c, LEFT + words_label_w, top, TABLE_W - words_label_w, TOTAL_H,
             fen_to_words(total_fen), size=10.5, align="left", bold=True)
        _signatures(c, data, top - TOTAL_H)
    draw_text(c, PAGE_W / 2, 26, f"第 {page_no} 页 / 共 {page_count} 页", 9, "center")
    c.showPage()


def layout_rows(data: SignoffData) -> tuple[list[_Cells], list[tuple[int, int]]]:
    """Each row as printed, and the rows of each page."""
    rows = [_cells(_values(ln, i + 1)) for i, ln in enumerate(data.lines)]
    room = _table_top(data) - 2 * HEAD_H - TOTAL_H - FOOT  # a header of up to two lines
    return rows, page_slices([r.height for r in rows], room)


def draw_signoff(c: Canvas, data: SignoffData, steps: Steps) -> int:
    """Sign-off pages onto an open canvas; returns the number of pages drawn."""
    rows, slices = layout_rows(data)
    for page_no, (start, end) in enumerate(slices, start=1):
        steps.check()
        _draw_page(c, data, rows, start, end, page_no, len(slices))
        steps.advance(end - start)
    return len(slices)


def render_signoff(data: SignoffData, target, *, progress=None, cancelled=None) -> int:
    """Write the sign-off sheet to ``target`` (path or binary file object); returns the page
    count. ``progress(done, total)`` counts rows; ``cancelled()`` → RenderCancelled, no file."""
    if not data.lines:
        raise ValueError("签收表没有发放记录")
    steps = Steps(len(data.lines), progress, cancelled)

    def build(buffer) -> int:
        c = new_canvas(buffer, A4, data.title)
        pages = draw_signoff(c, data, steps)
        c.save()
        return pages

    return write_pdf(target, build)


def render_vouchers_and_signoff(vouchers: Sequence[VoucherData], signoff: SignoffData, target,
                                *, layout: str = "A4x2", progress=None, cancelled=None) -> int:
    """One PDF: the vouchers, then their sign-off sheet. Returns the total page count."""
    if not vouchers or not signoff.lines:
        raise ValueError("没有要打印的凭证")
    if layout not in LAYOUTS:
        raise ValueError(f"凭证版式应为 {' 或 '.join(LAYOUTS)}，收到 {layout!r}")
    steps = Steps(len(vouchers) + len(signoff.lines), progress, cancelled)

    def build(buffer) -> int:
        c = new_canvas(buffer, A4, signoff.title)
        pages = draw_vouchers(c, vouchers, layout, steps)
        pages += draw_signoff(c, signoff, steps)
        c.save()
        return pages

    return write_pdf(target, build)
