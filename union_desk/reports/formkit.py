"""Helpers for accounting forms (vouchers, sign-off sheets) that pdfkit does not offer:
grid cells with merged spans and wrapped text, small grey names in signature boxes, and an
all-or-nothing PDF job with progress and cancel.

Coordinates are PDF points, origin bottom-left; ``top`` is the upper edge of a cell.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Callable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from union_desk.files import atomic_write_bytes
from union_desk.progress import Cancelled, Progress
from union_desk.reports.fonts import register_cjk_font, registered_font_file
from union_desk.reports.pdfkit import draw_text, fit_text

MIN_SIZE = 6.5
PAD = 4.0
LABEL_GRAY = 0.94  # shading of label cells, light enough for any printer
NAME_GRAY = 0.35  # names printed small inside signature boxes



class RenderCancelled(Exception):
    """The clerk cancelled a print job; nothing was written. Services turn it into UserError."""


def fitted(text: str, size: float, width: float) -> tuple[str, float]:
    """Shrink ``text`` in half points down to MIN_SIZE to fit ``width``, then cut with '…'."""
    font = register_cjk_font()
    while size > MIN_SIZE and pdfmetrics.stringWidth(text, font, size) > width:
        size = max(MIN_SIZE, size - 0.5)
    return fit_text(text, size, width, font), size


_TOKEN = re.compile(r"[!-~]+|\s+|.", re.S)  # a run of printable ASCII (a code) stays whole
_OPENING = frozenset("（(《“‘[【〔")
_CLOSING = frozenset("）)》”’]】〕，、。；：！？,.;:!?")


def _tokens(text: str) -> list[str]:
    """Units that a line never breaks inside: a run of ASCII (codes, numbers, Latin words) or
    one CJK character; an opening bracket sticks to what follows, closing marks to what
    precedes; spaces are break opportunities."""
    tokens: list[str] = []
    opening = ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            tokens.append(" ")
        elif token in _OPENING:
            opening += token
        elif token in _CLOSING and tokens and not tokens[-1].isspace():
            tokens[-1] += token
        else:
            tokens.append(opening + token)
            opening = ""
    if opening:
        tokens.append(opening)
    return tokens


def break_lines(text: str, size: float, width: float) -> list[str] | None:
    """``text`` broken into lines that each fit ``width`` at ``size``, never inside a code or a
    Latin word; None when one unbreakable piece is wider than ``width``."""
    font = register_cjk_font()

    def fits(piece: str) -> bool:
        return pdfmetrics.stringWidth(piece.strip(), font, size) <= width

    lines = [""]
    for token in _tokens(" ".join(text.split())):
        if not fits(token):
            return None
        if fits(lines[-1] + token) or not lines[-1].strip():
            lines[-1] += token
        else:
            lines.append(token.lstrip())
    return [line.strip() for line in lines if line.strip()]


def whole_lines(text: str, size: float, width: float, *,
                shrink_to: float | None = None) -> tuple[list[str], float]:
    """All of ``text`` in ``width``, never cut: one line at ``size``, or one line shrunk down
    to ``shrink_to``, or wrapped at a slightly smaller size (smaller still when a single code
    is wider than the cell). Returns the lines and the size to print them at.

    Remembered per font: a sign-off sheet wraps the same unit names over and over."""
    register_cjk_font()
    lines, size = _whole_lines(registered_font_file(), text, size, width, shrink_to)
    return list(lines), size


@lru_cache(maxsize=4096)
def _whole_lines(font_file, text: str, size: float, width: float,
                 shrink_to: float | None) -> tuple[tuple[str, ...], float]:
    font = register_cjk_font()
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return (text,), size
    smallest = shrink_to if shrink_to is not None else size
    single = size
    while single - 0.5 >= smallest:
        single -= 0.5
        if pdfmetrics.stringWidth(text, font, single) <= width:
            return (text,), single
    size = max(MIN_SIZE, size * 0.9)
    lines = break_lines(text, size, width)
    while lines is None and size > 4:
        size -= 0.5
        lines = break_lines(text, size, width)
    if lines is None:
        return (text,), size
    narrower = width  # balance the lines: no lone character on the last one
    while narrower > width / 2:
        tighter = break_lines(text, size, narrower - 2)
        if tighter is None or len(tighter) != len(lines):
            break
        lines, narrower = tighter, narrower - 2
    return tuple(lines), size


def baseline(bottom: float, height: float, size: float) -> float:
    """Baseline that centres a line of ``size`` vertically in [bottom, bottom + height]."""
    ascent, descent = pdfmetrics.getAscentDescent(register_cjk_font(), size)
    return bottom + (height - (ascent - descent)) / 2 - descent


def cell(c: Canvas, x: float, top: float, w: float, h: float, text: str = "", *,
         size: float = 10, align: str = "center", label: bool = False,
         bold: bool = False) -> None:
    """One bordered grid cell; a label cell is shaded and centred. Multi-line text uses '\\n'."""
    cell_frame(c, x, top, w, h, label=label)
    cell_text(c, x, top, w, h, text, size=size, align=align, bold=bold)


def cell_frame(c: Canvas, x: float, top: float, w: float, h: float, *,
               label: bool = False) -> None:
    """A cell's border, shaded for a label: what a form's every copy shares."""
    if label:
        c.saveState()
        c.setFillGray(LABEL_GRAY)
        c.rect(x, top - h, w, h, stroke=0, fill=1)
        c.restoreState()
    c.rect(x, top - h, w, h, stroke=1, fill=0)


def cell_text(c: Canvas, x: float, top: float, w: float, h: float, text: str, *,
              size: float = 10, align: str = "center", bold: bool = False) -> None:
    """The text inside a cell (see ``cell``), without the frame."""
    if not text:
        return
    lines = text.split("\n")
    line_h = min(h / len(lines), size * 1.45)  # keep several lines together around the middle
    block_top = top - (h - line_h * len(lines)) / 2
    tx = {"left": x + PAD, "center": x + w / 2, "right": x + w - PAD}[align]
    for i, line in enumerate(lines):
        shown, fs = fitted(line, size, w - 2 * PAD)
        draw_text(c, tx, baseline(block_top - (i + 1) * line_h, line_h, fs), shown, fs,
                  align, bold)


def small_name(c: Canvas, x: float, y: float, text: str, width: float,
               size: float = 7.5, align: str = "right") -> None:
    """A name printed small and grey (who is to sign), e.g. inside a signature box."""
    if not text:
        return
    shown, fs = fitted(text, size, width)
    c.saveState()
    c.setFillGray(NAME_GRAY)
    draw_text(c, x, y, shown, fs, align)
    c.restoreState()


class Steps:
    """Counts work done, reports progress and raises RenderCancelled when asked to stop."""

    def __init__(self, total: int, progress: Progress, cancelled: Cancelled) -> None:
        self.total, self.done = total, 0
        self._progress, self._cancelled = progress, cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise RenderCancelled("已取消打印，未生成文件")

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._progress is not None:
            self._progress(self.done, self.total)


def write_pdf(target, build: Callable[[io.BytesIO], int]) -> int:
    """Run ``build(buffer)`` (returns a page count), then hand the bytes to ``target``: a path is
    written to a temporary file beside it and renamed into place; a binary file object gets
    the bytes. If ``build`` raises (cancel included), nothing is written anywhere."""
    buffer = io.BytesIO()
    pages = build(buffer)
    data = buffer.getvalue()
    if hasattr(target, "write"):
        target.write(data)
        return pages
    atomic_write_bytes(target, data)
    return pages
