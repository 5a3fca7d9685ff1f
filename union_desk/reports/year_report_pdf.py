"""The year-end report on A4: the township's (or the city's) name and year, the figures beside
last year's with the change, at the city office the township table (a landscape page, the
columns of the city's form), the charts (reportlab vector drawings), and a signature line."""
from __future__ import annotations

from typing import Sequence

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from union_desk.models.overview import Chart
from union_desk.reports.fonts import register_cjk_font
from union_desk.reports.pdfkit import draw_table, draw_text, new_canvas
from union_desk.reports.year_charts import chart_drawing, chart_height

MARGIN = 18 * mm
FIGURE_WIDTHS = (64 * mm, 36 * mm, 36 * mm, 38 * mm)
# the city's township table on its landscape page, mm (262 in all)
TOWNSHIP_WIDTHS = (26, 17, 19, 19, 21, 24, 19, 24, 18, 18, 15, 20, 22)
SIGNATURE = ("填报单位（盖章）：", "负责人：", "填报人：", "日期：      年    月    日")


def wrap(text: str, size: float, width: float) -> list[str]:
    """Lines of `text` no wider than `width` (Chinese breaks between any two characters)."""
    font = register_cjk_font()
    lines, line = [], ""
    for char in text:
        if line and pdfmetrics.stringWidth(line + char, font, size) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines


class _Pages:
    """A canvas with a cursor that starts a new portrait page when the next block won't fit."""

    def __init__(self, target, title: str, footer: str):
        self.c = new_canvas(target, A4, title)
        self.footer = footer
        self.page = 1
        self.size = A4
        self.y = A4[1] - MARGIN

    def need(self, height: float, size=A4) -> None:
        if self.y - height < MARGIN + 10 * mm or size != self.size:
            self.new_page(size)

    def new_page(self, size=A4) -> None:
        self._footer()
        self.c.showPage()
        self.page += 1
        self.size = size
        self.c.setPageSize(size)
        self.y = size[1] - MARGIN

    def _footer(self) -> None:
        width = self.size[0]
        draw_text(self.c, width / 2, MARGIN / 2, f"{self.footer}　第 {self.page} 页", 8,
                  align="center")

    def finish(self) -> int:
        self._footer()
        self.c.showPage()
        self.c.save()
        return self.page


def _two_line_header(c, x: float, y_top: float, widths: Sequence[float],
                     columns: Sequence[str], size: float = 8) -> float:
    """The township table's header: each name over its unit ("新建爱心驿家" / "（所）"), so no
    name is shrunk or cut in its narrow column. Returns the bottom y."""
    height = 2.6 * size + 6
    c.saveState()
    c.setFillGray(0.9)
    c.rect(x, y_top - height, sum(widths), height, stroke=0, fill=1)
    c.restoreState()
    left = x
    for name, w in zip(columns, widths):
        head, _, unit = name.partition("（")
        lines = [head, f"（{unit}"] if unit else [head]
        first = y_top - height / 2 + (0.55 * size if unit else -0.35 * size)
        for i, line in enumerate(lines):
            draw_text(c, left + w / 2, first - i * 1.25 * size, line, size, "center", True)
        left += w
    c.grid([x + sum(widths[:i]) for i in range(len(widths) + 1)], [y_top, y_top - height])
    return y_top - height


def render_year_report(target, *, title: str, subtitle: str, columns: Sequence[str],
                       figures: Sequence[Sequence[str]], charts: Sequence[Chart],
                       township_title: str = "", township_columns: Sequence[str] = (),
                       township_rows: Sequence[Sequence[str]] = (), note: str = "") -> int:
    """Returns the page count."""
    pages = _Pages(target, title, title)
    c, width = pages.c, A4[0]
    draw_text(c, width / 2, pages.y - 8, title, 16, align="center", bold=True)
    draw_text(c, width / 2, pages.y - 26, subtitle, 9.5, align="center")
    pages.y = draw_table(c, MARGIN, pages.y - 38, FIGURE_WIDTHS, columns, figures, row_h=17,
                         size=9.5, aligns=["left", "right", "right", "right"])
    for line in wrap(note, 7.5, width - 2 * MARGIN):
        pages.y -= 11
        draw_text(c, MARGIN, pages.y, line, 7.5)
    if township_rows:
        size = landscape(A4)
        pages.new_page(size)
        draw_text(c, size[0] / 2, pages.y - 8, township_title, 13, align="center", bold=True)
        aligns = ["left"] + ["right"] * (len(township_columns) - 2) + ["center"]
        widths = [w * mm for w in TOWNSHIP_WIDTHS]
        top = _two_line_header(c, 17 * mm, pages.y - 22, widths, township_columns)
        pages.y = draw_table(c, 17 * mm, top, widths, None, township_rows, row_h=16, size=8,
                             aligns=aligns)
        pages.new_page(A4)
    else:
        pages.y -= 8 * mm
    chart_w = width - 2 * MARGIN
    for chart in charts:
        height = chart_height(chart)
        pages.need(height + 8 * mm)
        renderPDF.draw(chart_drawing(chart, chart_w), c, MARGIN, pages.y - height)
        pages.y -= height + 8 * mm
    pages.need(30 * mm)
    pages.y -= 10 * mm
    step = (width - 2 * MARGIN) / 2
    for i, label in enumerate(SIGNATURE):
        x = MARGIN + (i % 2) * step
        y = pages.y - (i // 2) * 12 * mm
        written = draw_text(c, x, y, label, 10.5)
        if not label.startswith("日期"):
            c.line(x + written + 2, y - 2, x + step - 10 * mm, y - 2)
    return pages.finish()
