"""签收表: the batch sign-off sheet for a campaign or a day, A4 portrait. Every page carries its
own subtotal (count and amount); the last page the grand total in figures and in words and the
经办人 / 审核人 / 负责人 signature lines. Takes plain rows; never queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from union_desk.domain.money import fen_to_words, format_fen
from union_desk.models.personal import IdNumber
from union_desk.reports.formkit import Steps, cell, fitted, small_name, wrapped, write_pdf
from union_desk.reports.pdfkit import draw_table, draw_text, new_canvas
from union_desk.reports.voucher import LAYOUTS, VoucherData, draw_vouchers

PAGE_W, PAGE_H = A4
LEFT = 36.0
# (header, width, alignment); the widths add up to the printable width, 523 pt
ID_COL = 2
COLUMNS = (("序号", 26, "center"), ("姓名", 54, "center"), ("身份证号", 100, "center"),
           ("单位", 122, "left"), ("金额（元）", 64, "right"), ("凭证号", 86, "center"),
           ("签名", 71, "center"))
UNIT_COL = 3
WIDTHS = [w for _, w, _ in COLUMNS]
TABLE_W = sum(WIDTHS)
LABEL_W = sum(WIDTHS[:4])  # 序号..单位, merged for the subtotal and total labels
TAIL_W = sum(WIDTHS[5:])  # 凭证号 + 签名
TABLE_TOP = PAGE_H - 92
HEAD_H, ROW_H, TOTAL_H = 24.0, 28.0, 24.0  # ROW_H: room for a handwritten name
FOOT = 40.0  # page number band
SIGN_BLOCK = 72.0  # the three signature lines under the grand total
ROWS_PER_PAGE = int((TABLE_TOP - HEAD_H - TOTAL_H - FOOT) // ROW_H)
ROWS_LAST_PAGE = int((TABLE_TOP - HEAD_H - 3 * TOTAL_H - SIGN_BLOCK - FOOT) // ROW_H)


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


def page_slices(n: int, per_page: int = ROWS_PER_PAGE,
                last_cap: int = ROWS_LAST_PAGE) -> list[tuple[int, int]]:
    """[start, end) of the rows on each page. The last page also holds the grand total and the
    signature lines, so it takes at most ``last_cap`` rows (and at least one, if any)."""
    slices = [(i, min(i + per_page, n)) for i in range(0, n, per_page)] or [(0, 0)]
    start, end = slices[-1]
    if end - start > last_cap:
        keep = min(last_cap, (end - start) // 2)
        slices[-1:] = [(start, end - keep), (end - keep, end)]
    return slices


def _plain_amount(fen: int) -> str:
    return format_fen(fen).replace("¥", "")


def _page_head(c: Canvas, data: SignoffData) -> None:
    mid = PAGE_W / 2
    title, fs = fitted(data.title, 17, TABLE_W - 40)
    title_w = draw_text(c, mid, PAGE_H - 52, title, fs, "center", bold=True)
    c.setLineWidth(0.8)
    for dy in (58, 61):
        c.line(mid - title_w / 2 - 8, PAGE_H - dy, mid + title_w / 2 + 8, PAGE_H - dy)
    c.setLineWidth(1)
    third = TABLE_W / 3
    for text, align, x in (
            (f"发放单位：{data.township_union}", "left", LEFT),
            (f"慰问事由：{data.occasion}", "center", LEFT + TABLE_W / 2),
            (f"发放日期：{data.date_text}", "right", LEFT + TABLE_W)):
        shown, fs = fitted(text, 9.5, third - 6)
        draw_text(c, x, PAGE_H - 82, shown, fs, align)


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


def _row(c: Canvas, top: float, values: list[str]) -> None:
    x = LEFT
    for i, ((_, width, align), value) in enumerate(zip(COLUMNS, values)):
        text, size = wrapped(value, 10, width - 8) if i == UNIT_COL else (value, 10)
        cell(c, x, top, width, ROW_H, text, size=size, align=align)
        x += width


def _draw_page(c: Canvas, data: SignoffData, start: int, end: int, page_no: int,
               page_count: int) -> None:
    c.setPageSize(A4)
    _page_head(c, data)
    header = [name for name, _, _ in COLUMNS]
    if any(ln.unit_recipient for ln in data.lines):
        header[ID_COL] = "身份证号/信用代码"
    top = draw_table(c, LEFT, TABLE_TOP, WIDTHS, header, [], row_h=HEAD_H, size=10)
    lines = data.lines[start:end]
    for i, ln in enumerate(lines):
        shown = ln.id_number if ln.unit_recipient else str(IdNumber(ln.id_number))
        _row(c, top, [str(start + i + 1), ln.recipient, shown, ln.unit,
                      _plain_amount(ln.amount_fen), ln.voucher_no, ""])
        top -= ROW_H
    page_fen = sum(ln.amount_fen for ln in lines)
    top = _total_row(c, top, f"本页小计：{len(lines)} 人", page_fen)
    if page_no == page_count:
        total_fen = sum(ln.amount_fen for ln in data.lines)
        top = _total_row(c, top, f"合计：{len(data.lines)} 人", total_fen)
        words_label_w = sum(WIDTHS[:3])
        cell(c, LEFT, top, words_label_w, TOTAL_H, "合计金额（大写）", size=10, label=True,
             bold=True)
        cell(c, LEFT + words_label_w, top, TABLE_W - words_label_w, TOTAL_H,
             fen_to_words(total_fen), size=10.5, align="left", bold=True)
        _signatures(c, data, top - TOTAL_H)
    draw_text(c, PAGE_W / 2, 26, f"第 {page_no} 页 / 共 {page_count} 页", 9, "center")
    c.showPage()


def draw_signoff(c: Canvas, data: SignoffData, steps: Steps) -> int:
    """Sign-off pages onto an open canvas; returns the number of pages drawn."""
    slices = page_slices(len(data.lines))
    for page_no, (start, end) in enumerate(slices, start=1):
        steps.check()
        _draw_page(c, data, start, end, page_no, len(slices))
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
