"""The city office's year-end table as a PDF: the whole city's lines in the words of the year-end
report, then one row per township and the total (landscape A4, one page)."""
from __future__ import annotations

from typing import Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from union_desk.reports.pdfkit import draw_table, draw_text, new_canvas

TOWNSHIP_WIDTHS = (26, 17, 19, 19, 21, 24, 19, 24, 18, 18, 15, 20, 22)  # mm, 262 in all


def render_city_report(target, *, title: str, lines: Sequence[tuple[str, str]],
                       columns: Sequence[str], rows: Sequence[Sequence[str]], note: str) -> int:
    """Returns the page count (always 1: 16 townships and a total fit one page)."""
    size = landscape(A4)
    c = new_canvas(target, size, title)
    width, height = size
    left, top = 17 * mm, height - 15 * mm
    draw_text(c, width / 2, top, title, 15, align="center", bold=True)
    y = draw_table(c, left, top - 8 * mm, [60 * mm, 120 * mm], None, lines, row_h=15, size=9)
    widths = [w * mm for w in TOWNSHIP_WIDTHS]
    aligns = ["left"] + ["right"] * (len(columns) - 2) + ["center"]
    y = draw_table(c, left, y - 6 * mm, widths, columns, rows, row_h=16, size=8, aligns=aligns)
    draw_text(c, left, y - 6 * mm, note, 8)
    c.showPage()
    c.save()
    return 1
