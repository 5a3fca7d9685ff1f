"""慰问金发放凭证: the condolence-payment voucher, two per A4 page (cut line between) or one per
landscape A5 page. Takes plain VoucherData rows; never queries.

The QR code carries ``voucher_no|amount_fen|check``; the check is an HMAC of the number and
the amount under the installation's secret, so the city office can confirm a paper voucher
against the data (``verify_voucher_payload``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from union_desk.domain.money import fen_to_words, format_fen
from union_desk.models.personal import IdNumber
from union_desk.reports.fonts import register_cjk_font
from union_desk.reports.formkit import (Steps, cell_frame, cell_text, fitted, small_name,
                                        write_pdf)
from union_desk.reports.pdfkit import draw_text, draw_watermark, new_canvas
from union_desk.reports.qrmark import draw_qr_mark

TITLE = "慰问金发放凭证"
UNIT_TITLE = "补助资金发放凭证"  # paid to a unit (e.g. a rest station's host), not to a person
DRAFT_TITLE = "（草稿）"  # after the title of a payment waiting for review
DRAFT_MARK = "未审核"
DRAFT_NOTE = "本单未经审核，不是发放凭证，不得据此发放或签收。"
LAYOUTS = ("A4x2", "A5")
MARGIN = 28.0
QR_SIZE = 66.0
QR_NOTE = "左上角二维码含凭证编号、金额和校验码，供上级工会核验。"
NOTE = "说明：领取人本人签名或按手印；他人代领的，由代领人签名并注明与本人关系。" + QR_NOTE
UNIT_NOTE = "说明：由领取单位在盖章处加盖公章，并由该单位经办人签名。" + QR_NOTE


@dataclass(frozen=True)
class VoucherData:
    township_union: str
    voucher_no: str
    paid_on: date
    occasion: str
    recipient: str
    id_number: IdNumber | str  # a person's prints masked (as an IdNumber); a unit's credit code whole
    unit: str
    category: str
    amount_fen: int
    method: str
    handler: str
    reviewer: str
    approver: str
    proxy_name: str = ""
    proxy_relation: str = ""
    voided: bool = False
    void_reason: str = ""
    reprint: bool = False
    check: str = ""
    unit_recipient: bool = False  # paid to a unit: id_number is its unified social credit code
    draft: bool = False  # waiting for review (凭证须经审核): 未审核 across it, no QR check
    reviewed_on: date | None = None  # approved on (printed in the 审核人 box)


def voucher_check(voucher_no: str, amount_fen: int, secret: str) -> str:
    """8 base32 characters of HMAC-SHA256(secret, "voucher_no|amount_fen")."""
    message = f"{voucher_no}|{int(amount_fen)}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.b32encode(digest[:5]).decode("ascii")


def qr_payload(v: VoucherData) -> str:
    return f"{v.voucher_no}|{v.amount_fen}|{v.check}"


def verify_voucher_payload(payload: str, secret: str) -> bool:
    """True if a scanned ``voucher_no|amount_fen|check`` was issued under ``secret``."""
    parts = (payload or "").strip().rsplit("|", 2)
    if len(parts) != 3 or not parts[0] or not parts[1].isascii() or not parts[1].isdigit():
        return False
    expected = voucher_check(parts[0], int(parts[1]), secret)
    return hmac.compare_digest(expected, parts[2].upper())


def format_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# The grid: label column, value, second label, second value (to the right edge)
LABEL_W, VALUE_W, LABEL2_W = 78.0, 270.0, 78.0
ROW_H, SIGN_H, APPROVE_H, APPROVE_LABEL_W = 28.0, 86.0, 50.0, 58.0
HEAD_H = 86.0  # from the slot's top edge less 14 pt to the grid
ROLES = ("负 责 人", "审 核 人", "经 办 人")


@dataclass(frozen=True)
class _Cell:
    x: float
    top: float
    w: float
    h: float
    text: str = ""  # a label cell's text belongs to the form; a value cell's to the voucher
    size: float = 10
    align: str = "center"
    label: bool = False
    bold: bool = False


def _title(v: VoucherData) -> tuple[str, float]:
    title = (UNIT_TITLE if v.unit_recipient else TITLE) + (DRAFT_TITLE if v.draft else "")
    return title, pdfmetrics.stringWidth(title, register_cjk_font(), 20)


def _grid(v: VoucherData, x: float, top: float, width: float) -> list[_Cell]:
    """The grid's cells, top to bottom, with this voucher's values in the value cells."""
    rw = width - LABEL_W - VALUE_W - LABEL2_W
    cols = (x, x + LABEL_W, x + LABEL_W + VALUE_W, x + LABEL_W + VALUE_W + LABEL2_W)
    if v.unit_recipient:
        rows = (("领取单位", v.recipient, "统一社会\n信用代码", v.id_number),
                ("用    途", v.unit, None, None),  # one cell to the right edge: no empty labels
                ("补助事由", v.occasion, "发放方式", v.method))
    else:
        rows = (("领 取 人", v.recipient, "身份证号", str(IdNumber(v.id_number))),
                ("工作单位", v.unit, "困难类别", v.category),
                ("慰问事由", v.occasion, "发放方式", v.method))
    cells = []
    for label, value, label2, value2 in rows:
        cells.append(_Cell(cols[0], top, LABEL_W, ROW_H, label, label=True))
        if label2 is None:
            cells.append(_Cell(cols[1], top, width - LABEL_W, ROW_H, value, 11, "left"))
        else:
            cells += [_Cell(cols[1], top, VALUE_W, ROW_H, value, 11, "left"),
                      _Cell(cols[2], top, LABEL2_W, ROW_H, label2, label=True),
                      _Cell(cols[3], top, rw, ROW_H, value2, 10.5, "left")]
        top -= ROW_H
    cells += [_Cell(cols[0], top, LABEL_W, ROW_H, "金额（大写）", label=True),
              _Cell(cols[1], top, VALUE_W, ROW_H, fen_to_words(v.amount_fen), 11.5, "left",
                    bold=True),
              _Cell(cols[2], top, LABEL2_W, ROW_H, "金额（小写）", label=True),
              _Cell(cols[3], top, rw, ROW_H, format_fen(v.amount_fen), 12, "left", bold=True)]
    top -= ROW_H
    if v.unit_recipient:  # 领取单位（盖章） with a seal box, and the unit's 经办人签名
        cells += [_Cell(cols[0], top, LABEL_W, SIGN_H, "领取单位\n（盖章）", 9.5, label=True),
                  _Cell(cols[1], top, VALUE_W, SIGN_H),
                  _Cell(cols[2], top, LABEL2_W, SIGN_H, "经办人签名", 9.5, label=True),
                  _Cell(cols[3], top, rw, SIGN_H)]
    else:
        cells += [_Cell(cols[0], top, LABEL_W, SIGN_H, "领取人\n签名或按手印", 9.5, label=True),
                  _Cell(cols[1], top, VALUE_W, SIGN_H)]
        half = SIGN_H / 2
        for i, (label, value) in enumerate((("代领人签名", v.proxy_name),
                                            ("与本人关系", v.proxy_relation))):
            cells += [_Cell(cols[2], top - i * half, LABEL2_W, half, label, 9.5, label=True),
                      _Cell(cols[3], top - i * half, rw, half, value, 10, "left")]
    top -= SIGN_H
    box_w = (width - 3 * APPROVE_LABEL_W) / 3
    for i, label in enumerate(ROLES):
        bx = x + i * (APPROVE_LABEL_W + box_w)
        cells += [_Cell(bx, top, APPROVE_LABEL_W, APPROVE_H, label, label=True),
                  _Cell(bx + APPROVE_LABEL_W, top, box_w, APPROVE_H)]
    return cells


def _seal_box(c: Canvas, x: float, top: float) -> None:
    """The square a round official seal (Ø 42 mm at most) is pressed into, in the 盖章 cell."""
    seal = SIGN_H - 12
    sx = x + LABEL_W + (VALUE_W - seal) / 2
    sy = top - 4 * ROW_H - SIGN_H + 6
    c.saveState()
    c.setDash(3, 2)
    c.setStrokeGray(0.55)
    c.setLineWidth(0.6)
    c.rect(sx, sy, seal, seal)
    c.setFillGray(0.55)
    draw_text(c, sx + seal / 2, sy + seal / 2 - 3, "盖章处", 8, "center")
    c.restoreState()


def _draw_form(c: Canvas, v: VoucherData, w: float, h: float) -> None:
    """What every voucher of v's kind shares, in its slot (origin at the slot's bottom-left):
    the title, the grid with its labels, the seal box and the note."""
    left, top, width = MARGIN, h - 14, w - 2 * MARGIN
    mid = left + width / 2
    title, title_w = _title(v)
    draw_text(c, mid, top - 40, title, 20, "center", bold=True)
    c.setLineWidth(0.8)
    for dy in (46, 49):  # the double rule under a voucher title
        c.line(mid - title_w / 2 - 8, top - dy, mid + title_w / 2 + 8, top - dy)
    c.setLineWidth(1)
    for box in _grid(v, left, top - HEAD_H, width):
        cell_frame(c, box.x, box.top, box.w, box.h, label=box.label)
        if box.label:
            cell_text(c, box.x, box.top, box.w, box.h, box.text, size=box.size)
    if v.unit_recipient:
        _seal_box(c, left, top - HEAD_H)
    note, fs = fitted(DRAFT_NOTE if v.draft else UNIT_NOTE if v.unit_recipient else NOTE,
                      9 if v.draft else 8, width)
    draw_text(c, left, _bottom(top) - 14, note, fs, bold=v.draft)


def _bottom(top: float) -> float:
    return top - HEAD_H - 4 * ROW_H - SIGN_H - APPROVE_H


def _form(c: Canvas, v: VoucherData, w: float, h: float) -> str:
    """The name of v's kind of form on this canvas, drawn once as a reusable form XObject."""
    name = f"voucher-{'unit' if v.unit_recipient else 'person'}{'-draft' if v.draft else ''}" \
           f"-{w:g}x{h:g}"
    if not c.hasForm(name):
        c.beginForm(name)
        _draw_form(c, v, w, h)
        c.endForm()
    return name


def _draw_values(c: Canvas, v: VoucherData, left: float, top: float, width: float) -> None:
    """This voucher's own marks over its form: QR code, numbers, names, values, stamps."""
    right, mid = left + width, left + width / 2
    if not v.draft:  # a draft carries no check value the city office could take for a voucher
        draw_qr_mark(c, left - 4, top - 12 - QR_SIZE, QR_SIZE, qr_payload(v))
    _, title_w = _title(v)
    union, fs = fitted(v.township_union, 11, 200)
    draw_text(c, mid, top - 66, union, fs, "center")
    if v.reprint:
        stamp_x = mid + title_w / 2 + 14
        c.saveState()
        c.setLineWidth(1.6)
        c.roundRect(stamp_x, top - 47, 46, 26, 3)
        c.restoreState()
        draw_text(c, stamp_x + 23, top - 40, "补打", 15, "center", bold=True)
    block_w = right - (mid + title_w / 2 + 70)
    for dy, text in ((28, f"编号：{v.voucher_no}"), (44, f"日期：{format_date(v.paid_on)}")):
        shown, fs = fitted(text, 9.5, block_w)
        draw_text(c, right, top - dy, shown, fs, "right")
    for box in _grid(v, left, top - HEAD_H, width):
        if not box.label:
            cell_text(c, box.x, box.top, box.w, box.h, box.text, size=box.size,
                      align=box.align, bold=box.bold)
    approvals_top = _bottom(top) + APPROVE_H
    box_w = (width - 3 * APPROVE_LABEL_W) / 3
    for i, (label, name) in enumerate(zip(ROLES, (v.approver, v.reviewer, v.handler))):
        bx = left + i * (APPROVE_LABEL_W + box_w)
        small_name(c, bx + APPROVE_LABEL_W + box_w - 4, approvals_top - APPROVE_H + 4, name,
                   box_w - 8)
        if label == "审 核 人" and v.reviewed_on is not None:
            stamp, fs = fitted(f"已审核 {name} {format_date(v.reviewed_on)}", 9, box_w - 8)
            draw_text(c, bx + APPROVE_LABEL_W + 4, approvals_top - 14, stamp, fs)


def draw_voucher(c: Canvas, v: VoucherData, x0: float, y0: float, w: float, h: float) -> None:
    """One voucher in the slot whose bottom-left corner is (x0, y0): its kind's form, then its
    own values."""
    name = _form(c, v, w, h)
    c.saveState()
    c.translate(x0, y0)
    c.doForm(name)
    c.restoreState()
    left, top, width = x0 + MARGIN, y0 + h - 14, w - 2 * MARGIN
    _draw_values(c, v, left, top, width)
    bottom = _bottom(top)
    if v.draft and not v.voided:
        c.saveState()
        c.translate(x0, y0)
        draw_watermark(c, DRAFT_MARK, (w, h))
        c.restoreState()
    if v.voided:
        reason = f"作废原因：{v.void_reason}" if v.void_reason else "本凭证已作废"
        shown, fs = fitted(reason, 11, width)
        draw_text(c, left, bottom - 34, shown, fs, bold=True)
        c.saveState()
        c.translate(x0, y0)
        draw_watermark(c, "作废", (w, h))
        c.restoreState()


def _cut_line(c: Canvas, w: float, y: float) -> None:
    c.saveState()
    c.setDash(4, 3)
    c.setLineWidth(0.5)
    c.setStrokeGray(0.4)
    c.line(12, y, w / 2 - 40, y)
    c.line(w / 2 + 40, y, w - 12, y)
    c.setFillGray(0.4)
    draw_text(c, w / 2, y - 2.5, "沿虚线裁开", 7, "center")
    c.restoreState()


def draw_vouchers(c: Canvas, vouchers: Sequence[VoucherData], layout: str, steps: Steps) -> int:
    """Voucher pages onto an open canvas; returns the number of pages drawn."""
    if layout not in LAYOUTS:
        raise ValueError(f"凭证版式应为 {' 或 '.join(LAYOUTS)}，收到 {layout!r}")
    per_page = 2 if layout == "A4x2" else 1
    size = A4 if per_page == 2 else landscape(A5)
    w, h = size
    slot_h = h / per_page
    pages = 0
    for start in range(0, len(vouchers), per_page):
        c.setPageSize(size)
        batch = vouchers[start:start + per_page]
        for i, v in enumerate(batch):
            steps.check()
            draw_voucher(c, v, 0, h - (i + 1) * slot_h, w, slot_h)
            steps.advance()
        if len(batch) == 2:
            _cut_line(c, w, slot_h)
        c.showPage()
        pages += 1
    return pages


def render_vouchers(vouchers: Sequence[VoucherData], target, *, layout: str = "A4x2",
                    progress=None, cancelled=None) -> int:
    """Write the vouchers to ``target`` (path or binary file object); returns the page count.
    ``progress(done, total)`` after each voucher; ``cancelled()`` true → RenderCancelled and
    no file."""
    if not vouchers:
        raise ValueError("没有要打印的凭证")
    steps = Steps(len(vouchers), progress, cancelled)

    def build(buffer) -> int:
        c = new_canvas(buffer, A4 if layout == "A4x2" else landscape(A5), TITLE)
        pages = draw_vouchers(c, vouchers, layout, steps)
        c.save()
        return pages

    return write_pdf(target, build)
