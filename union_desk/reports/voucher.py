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
from reportlab.pdfgen.canvas import Canvas

from union_desk.domain.money import fen_to_words, format_fen
from union_desk.models.personal import IdNumber
from union_desk.reports.formkit import Steps, cell, fitted, small_name, write_pdf
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


def _header(c: Canvas, v: VoucherData, left: float, top: float, width: float) -> None:
    right, mid = left + width, left + width / 2
    if not v.draft:  # a draft carries no check value the city office could take for a voucher
        draw_qr_mark(c, left - 4, top - 12 - QR_SIZE, QR_SIZE, qr_payload(v))
    title = (UNIT_TITLE if v.unit_recipient else TITLE) + (DRAFT_TITLE if v.draft else "")
    title_w = draw_text(c, mid, top - 40, title, 20, "center", bold=True)
    c.setLineWidth(0.8)
    for dy in (46, 49):  # the double rule under a voucher title
        c.line(mid - title_w / 2 - 8, top - dy, mid + title_w / 2 + 8, top - dy)
    c.setLineWidth(1)
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


def _body(c: Canvas, v: VoucherData, x: float, top: float, width: float) -> float:
    """The grid; returns its bottom y."""
    lw, vw, lw2 = 78.0, 270.0, 78.0
    rw = width - lw - vw - lw2
    cols = (x, x + lw, x + lw + vw, x + lw + vw + lw2)
    row_h = 28.0
    if v.unit_recipient:
        rows = (("领取单位", v.recipient, "统一社会\n信用代码", v.id_number),
                ("用    途", v.unit, None, None),  # one cell to the right edge: no empty labels
                ("补助事由", v.occasion, "发放方式", v.method))
    else:
        rows = (("领 取 人", v.recipient, "身份证号", str(IdNumber(v.id_number))),
                ("工作单位", v.unit, "困难类别", v.category),
                ("慰问事由", v.occasion, "发放方式", v.method))
    for label, value, label2, value2 in rows:
        cell(c, cols[0], top, lw, row_h, label, label=True)
        if label2 is None:
            cell(c, cols[1], top, width - lw, row_h, value, size=11, align="left")
        else:
            cell(c, cols[1], top, vw, row_h, value, size=11, align="left")
            cell(c, cols[2], top, lw2, row_h, label2, label=True)
            cell(c, cols[3], top, rw, row_h, value2, size=10.5, align="left")
        top -= row_h
    cell(c, cols[0], top, lw, row_h, "金额（大写）", label=True)
    cell(c, cols[1], top, vw, row_h, fen_to_words(v.amount_fen), size=11.5, align="left",
         bold=True)
    cell(c, cols[2], top, lw2, row_h, "金额（小写）", label=True)
    cell(c, cols[3], top, rw, row_h, format_fen(v.amount_fen), size=12, align="left", bold=True)
    top -= row_h
    sign_h = 86.0
    if v.unit_recipient:
        _unit_sign(c, cols, top, (lw, vw, lw2, rw), sign_h)
    else:
        cell(c, cols[0], top, lw, sign_h, "领取人\n签名或按手印", size=9.5, label=True)
        cell(c, cols[1], top, vw, sign_h)
        half = sign_h / 2
        for i, (label, value) in enumerate((("代领人签名", v.proxy_name),
                                            ("与本人关系", v.proxy_relation))):
            cell(c, cols[2], top - i * half, lw2, half, label, size=9.5, label=True)
            cell(c, cols[3], top - i * half, rw, half, value, size=10, align="left")
    top -= sign_h
    approve_h, label_w = 50.0, 58.0
    box_w = (width - 3 * label_w) / 3
    roles = (("负 责 人", v.approver), ("审 核 人", v.reviewer), ("经 办 人", v.handler))
    for i, (label, name) in enumerate(roles):
        bx = x + i * (label_w + box_w)
        cell(c, bx, top, label_w, approve_h, label, label=True)
        cell(c, bx + label_w, top, box_w, approve_h)
        small_name(c, bx + label_w + box_w - 4, top - approve_h + 4, name, box_w - 8)
        if label == "审 核 人" and v.reviewed_on is not None:
            stamp, fs = fitted(f"已审核 {name} {format_date(v.reviewed_on)}", 9, box_w - 8)
            draw_text(c, bx + label_w + 4, top - 14, stamp, fs)
    return top - approve_h


def _unit_sign(c: Canvas, cols, top: float, widths, height: float) -> None:
    """领取单位（盖章） with a seal box, and the unit's 经办人签名."""
    lw, vw, lw2, rw = widths
    cell(c, cols[0], top, lw, height, "领取单位\n（盖章）", size=9.5, label=True)
    cell(c, cols[1], top, vw, height)
    seal = height - 12  # the square a round official seal (Ø 42 mm at most) is pressed into
    sx, sy = cols[1] + (vw - seal) / 2, top - height + 6
    c.saveState()
    c.setDash(3, 2)
    c.setStrokeGray(0.55)
    c.setLineWidth(0.6)
    c.rect(sx, sy, seal, seal)
    c.setFillGray(0.55)
    draw_text(c, sx + seal / 2, sy + seal / 2 - 3, "盖章处", 8, "center")
    c.restoreState()
    cell(c, cols[2], top, lw2, height, "经办人签名", size=9.5, label=True)
    cell(c, cols[3], top, rw, height)


def draw_voucher(c: Canvas, v: VoucherData, x0: float, y0: float, w: float, h: float) -> None:
    """One voucher in the slot whose bottom-left corner is (x0, y0)."""
    left, top, width = x0 + MARGIN, y0 + h - 14, w - 2 * MARGIN
    _header(c, v, left, top, width)
    bottom = _body(c, v, left, top - 86, width)
    note, fs = fitted(DRAFT_NOTE if v.draft else UNIT_NOTE if v.unit_recipient else NOTE, 9 if v.draft else 8, width)
    draw_text(c, left, bottom - 14, note, fs, bold=v.draft)
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
