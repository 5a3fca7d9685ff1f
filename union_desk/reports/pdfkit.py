"""Drawing helpers shared by every printed form. Coordinates are PDF points, origin bottom-left."""

from __future__ import annotations

import math
from typing import Sequence

from reportlab.pdfbase import pdfmetrics
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from union_desk.reports.fonts import register_cjk_font

MIN_FONT_SIZE = 6.0
CELL_PAD = 2.0
_BOLD_STROKE = 0.03  # stroke width per point of font size for the faux bold


def new_canvas(target, pagesize, title: str) -> Canvas:
    """A canvas (path or binary file object) using the CJK font, byte-for-byte reproducible."""
    font = register_cjk_font()
    rl_config.useA85 = 0  # binary streams: smaller files, ~15 % faster for big batches
    c = Canvas(target, pagesize=pagesize, invariant=1, pageCompression=1,
               initialFontName=font, initialFontSize=10)
    c.setTitle(title)
    c.setAuthor("union_desk")
    c.setCreator("union_desk")
    c.setSubject(title)
    return c


def _ellipsis(font: str) -> str:
    face = getattr(pdfmetrics.getFont(font), "face", None)
    return "…" if face is None or 0x2026 in face.charToGlyph else "..."


def fit_text(text: str, font_size: float, max_width: float, font_name: str | None = None) -> str:
    """``text`` unchanged if it fits ``max_width`` at ``font_size``, else truncated with '…'."""
    font = font_name or register_cjk_font()
    if pdfmetrics.stringWidth(text, font, font_size) <= max_width:
        return text
    ell = _ellipsis(font)
    lo, hi = 0, len(text)  # longest prefix that fits together with the ellipsis
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid] + ell, font, font_size) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    if lo == 0:
        return ell if pdfmetrics.stringWidth(ell, font, font_size) <= max_width else ""
    return text[:lo].rstrip() + ell


def _fit_cell(text: str, size: float, max_width: float, font: str) -> tuple[str, float]:
    """Shrink down to MIN_FONT_SIZE in half points, then truncate."""
    while size > MIN_FONT_SIZE and pdfmetrics.stringWidth(text, font, size) > max_width:
        size = max(MIN_FONT_SIZE, size - 0.5)
    return fit_text(text, size, max_width, font), size


def draw_text(c: Canvas, x: float, y: float, text: str, size: float = 10,
              align: str = "left", bold: bool = False) -> float:
    """Draw one line with its baseline at y; x is the left edge, centre or right edge per
    ``align``. Bold is a thin stroke around the glyphs (still extractable text). Returns width."""
    font = register_cjk_font()
    text = "" if text is None else str(text).replace("\n", " ")
    width = pdfmetrics.stringWidth(text, font, size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    elif align != "left":
        raise ValueError(f"align must be left, center or right, not {align!r}")
    c.saveState()
    c.setFont(font, size)
    if bold:
        c.setStrokeColor(getattr(c, "_fillColorObj", None) or (0, 0, 0))
        c.setLineWidth(size * _BOLD_STROKE)
        c.drawString(x, y, text, mode=2)  # fill + stroke
    else:
        c.drawString(x, y, text)
    c.restoreState()
    return width


def _baseline(bottom: float, height: float, font: str, size: float) -> float:
    """Baseline that centres the font's ascent..descent band vertically in [bottom, bottom+h]."""
    ascent, descent = pdfmetrics.getAscentDescent(font, size)
    return bottom + (height - (ascent - descent)) / 2 - descent


def draw_box(c: Canvas, x: float, y: float, w: float, h: float,
             label: str | None = None, size: float = 9) -> None:
    """Rectangle (x, y = bottom-left) with an optional label inside its top-left corner."""
    c.rect(x, y, w, h, stroke=1, fill=0)
    if label:
        font = register_cjk_font()
        ascent, _ = pdfmetrics.getAscentDescent(font, size)
        pad = max(CELL_PAD, size * 0.3)
        draw_text(c, x + pad, y + h - pad - ascent, fit_text(label, size, w - 2 * pad, font), size)


def draw_table(c: Canvas, x: float, y_top: float, col_widths: Sequence[float],
               header: Sequence[str] | None, rows: Sequence[Sequence[object]],
               row_h: float = 18, size: float = 9,
               aligns: Sequence[str] | None = None) -> float:
    """Grid with a shaded, bold, centred header row (skipped if header is empty) and data rows.
    Text too wide for its cell shrinks to 6 pt, then is cut with '…'. Returns the bottom y."""
    font = register_cjk_font()
    ncols = len(col_widths)
    aligns = list(aligns or []) + ["left"] * ncols
    lines = ([(list(header), True)] if header else []) + [(list(r), False) for r in rows]
    total_w = sum(col_widths)
    y = y_top
    for cells, is_header in lines:
        bottom = y - row_h
        if is_header:
            c.saveState()
            c.setFillGray(0.9)
            c.rect(x, bottom, total_w, row_h, stroke=0, fill=1)
            c.restoreState()
        cx = x
        for i, w in enumerate(col_widths):
            value = cells[i] if i < len(cells) else ""
            text = "" if value is None else str(value).replace("\n", " ")
            if text:
                fitted, fs = _fit_cell(text, size, w - 2 * CELL_PAD, font)
                align = "center" if is_header else aligns[i]
                tx = {"left": cx + CELL_PAD, "center": cx + w / 2, "right": cx + w - CELL_PAD}[align]
                draw_text(c, tx, _baseline(bottom, row_h, font, fs), fitted, fs, align, is_header)
            cx += w
        y = bottom
    # grid lines on top of the header shading
    c.grid([x + sum(col_widths[:i]) for i in range(ncols + 1)],
           [y_top - i * row_h for i in range(len(lines) + 1)])
    return y


def draw_qr(c: Canvas, x: float, y: float, size: float, payload: str) -> None:
    """QR code (error correction M, 4-module quiet zone included) filling size×size at (x, y).

    Drawn as plain filled rectangles (reports/qrmark.py): ~5× faster than reportlab's widget,
    which matters for 335 vouchers, and it references no font at all."""
    from union_desk.reports.qrmark import draw_qr_mark

    draw_qr_mark(c, x, y, size, payload)


def draw_watermark(c: Canvas, text: str, pagesize: tuple[float, float]) -> None:
    """Large translucent grey text along the page diagonal (e.g. 作废). Real text, so it
    extracts; translucent, so content drawn before it stays readable."""
    font = register_cjk_font()
    w, h = pagesize
    unit = pdfmetrics.stringWidth(text, font, 1) or 1
    size = min(0.6 * math.hypot(w, h) / unit, 0.4 * min(w, h))
    ascent, descent = pdfmetrics.getAscentDescent(font, size)
    c.saveState()
    c.translate(w / 2, h / 2)
    c.rotate(math.degrees(math.atan2(h, w)))
    c.setFillGray(0.55)
    c.setFillAlpha(0.3)
    c.setFont(font, size)
    c.drawCentredString(0, -(ascent + descent) / 2, text)
    c.restoreState()
