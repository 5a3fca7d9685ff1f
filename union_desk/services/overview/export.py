"""The year-end report of whichever database this is, from the overview's numbers: an A4 PDF
(reports/year_report_pdf.py) and an Excel workbook with the same tables on named sheets, ready
to paste into the city office's form. Each file is written whole or not at all."""
from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlmodel import Session

from union_desk.files import atomic_path, write_error_text
from union_desk.models.overview import Chart
from union_desk.reports.year_report_pdf import render_year_report
from union_desk.services.city.figures import MISSING
from union_desk.services.errors import UserError
from union_desk.services.overview.gather import overview
from union_desk.services.year_overview import YearOverview

NOTE = ("新建工会按成立日期、新会员按入会日期；金额只计已发放（不含作废）；受助困难职工户数为当年领取"
        "困难帮扶的档案户数；“在册”“在用”为年末（本年为今天）的数字。")
YUAN = '#,##0.00'
COUNT = '#,##0'
PERCENT = '0.0%'


def title(view: YearOverview) -> str:
    return f"{view.place or '本单位'}{view.year}年度工会工作数据报告"


def subtitle(view: YearOverview) -> str:
    as_of = min(date(view.year, 12, 31), date.today())
    text = f"与{view.year - 1}年对比　数据截至 {as_of:%Y-%m-%d}"
    if view.city:
        text += f"　{16 - len(view.missing)} 个乡镇（街道）已报送"
    return text


def grouped(figure, value: int) -> str:
    """A figure on paper as on screen: 26,947 and 73,000.00 (the unit is in the row's name)."""
    return f"{Decimal(value) / 100:,.2f}" if figure.money else f"{value:,}"


def figure_rows(view: YearOverview) -> list[list[str]]:
    return [[f"{f.label}（{f.unit}）", grouped(f, f.this_year), grouped(f, f.last_year),
             f.change_text()] for f in view.figures]


def figure_columns(view: YearOverview) -> list[str]:
    return ["项目", f"{view.year}年", f"{view.year - 1}年", "增减"]


def _note(view: YearOverview) -> str:
    if view.city and view.missing:
        return f"{NOTE}“{MISSING}”：{'、'.join(view.missing)}，不计为零。"
    return NOTE


def render_pdf(view: YearOverview, target) -> int:
    return render_year_report(
        target, title=title(view), subtitle=subtitle(view), columns=figure_columns(view),
        figures=figure_rows(view), charts=view.charts, note=_note(view),
        township_title=f"{view.place}{view.year}年各乡镇（街道）数据" if view.city else "",
        township_columns=view.township_columns, township_rows=view.township_rows)


def year_report_pdf(session: Session, *, year: int) -> bytes:
    out = io.BytesIO()
    render_pdf(overview(session, year=year), out)
    return out.getvalue()


def write_year_report_pdf(session: Session, *, year: int, path: str | Path) -> Path:
    path = Path(path)
    view = overview(session, year=year)
    try:
        with atomic_path(path) as tmp:
            render_pdf(view, str(tmp))
    except OSError as err:
        raise UserError(write_error_text(err, path)) from err
    return path


# -- Excel -----------------------------------------------------------------------------------------
def _yuan(fen: int | None):
    return None if fen is None else Decimal(fen) / 100


def _sheet(book, name: str, header: list[str], rows: list[list], formats: list[str | None],
           widths: list[int]):
    """A sheet with a bold, frozen header row, column widths and number formats; text cells are
    stored as text (a name starting with '=' never becomes a formula)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    for r, values in enumerate([header, *rows], start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
            elif r > 1 and formats[c - 1]:
                cell.number_format = formats[c - 1]
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _chart(view: YearOverview, key: str) -> Chart | None:
    return next((c for c in view.charts if c.key == key), None)


def _month_sheet(book, view: YearOverview) -> None:
    columns = [("members_on_roll", "月末在册会员（人）", COUNT), ("members_new", "新发展会员（人）", COUNT),
               ("payments_month", "慰问金、补助（元）", YUAN), ("stations_month", "爱心驿家服务（人次）", COUNT)]
    found = [(c, _chart(view, key), fmt) for key, c, fmt in columns if _chart(view, key)]
    rows = []
    for month in range(12):
        row: list = [f"{month + 1}月"]
        for _, chart, _fmt in found:
            value = chart.bars[month].value
            row.append(_yuan(value) if chart.money else value)
        payments = _chart(view, "payments_month")
        row.append(int(payments.bars[month].note.rstrip("笔") or 0) if payments else None)
        rows.append(row)
    _sheet(book, "按月", ["月份", *[c for c, _, _ in found], "慰问金、补助（笔）"], rows,
           [None, *[f for _, _, f in found], COUNT], [10] + [18] * (len(found) + 1))


def _kind_sheet(book, view: YearOverview, key: str, name: str, first: str) -> None:
    chart = _chart(view, key)
    if chart is None:
        return
    if chart.money:
        rows = [[b.label, b.missing and MISSING or _yuan(b.value),
                 int(b.note.rstrip("笔")) if b.note.endswith("笔") else None] for b in chart.bars]
        _sheet(book, name, [first, f"金额（{chart.unit}）", "笔数"], rows, [None, YUAN, COUNT],
               [24, 18, 12])
    else:
        rows = [[b.label, MISSING if b.missing else b.value] for b in chart.bars]
        _sheet(book, name, [first, f"{chart.title}（{chart.unit}）"], rows, [None, COUNT], [24, 30])


def render_excel(view: YearOverview, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    book.properties.title = title(view)
    rows = []
    for f in view.figures:
        this, last = (_yuan(f.this_year), _yuan(f.last_year)) if f.money else \
            (f.this_year, f.last_year)
        change = _yuan(f.change) if f.money else f.change
        percent = None if f.percent is None else f.percent / 100
        rows.append([f.label, f.unit, this, last, change, percent])
    figures = _sheet(book, "年度数据", ["项目", "单位", f"{view.year}年", f"{view.year - 1}年", "增减",
                                    "增减幅度"], rows, [None, None, COUNT, COUNT, COUNT, PERCENT],
                     [28, 8, 16, 16, 14, 12])
    for i, f in enumerate(view.figures):  # yuan rows: the yuan format in the figure columns
        if f.money:
            for column in (3, 4, 5):
                figures.cell(row=i + 2, column=column).number_format = YUAN
    last_row = len(rows) + 3
    figures.cell(row=last_row, column=1, value=f"{title(view)}　{subtitle(view)}").data_type = "s"
    figures.cell(row=last_row + 1, column=1, value=_note(view)).data_type = "s"
    if view.city:
        formats = [None, *[YUAN if "元" in c else COUNT for c in view.township_columns[1:-1]],
                   None]
        township_rows = [[_cell_value(text, fmt) for text, fmt in zip(row, formats)]
                         for row in view.township_rows]
        townships = _sheet(book, "各乡镇", view.township_columns, township_rows, formats,
                           [14] + [12] * (len(view.township_columns) - 2) + [14])
        book.active = book.index(townships)  # what the city's form asks for first
    _month_sheet(book, view)
    _kind_sheet(book, view, "payments_occasion", "慰问名目", "名目")
    _kind_sheet(book, view, "households_category", "困难户类别", "类别")
    _kind_sheet(book, view, "households_cause", "致困原因", "主要致困原因")
    _kind_sheet(book, view, "passengers_province", "返乡目的地", "目的地省份")
    book.save(path)


def _cell_value(text: str, fmt: str | None):
    """The city table's figures as numbers (so the accountant can add them up), words as words."""
    if fmt is None:
        return text
    try:
        return Decimal(text) if fmt == YUAN else int(text)
    except (ValueError, ArithmeticError):
        return text


def year_report_excel(session: Session, *, year: int, path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"导出文件名应以 .xlsx 结尾：{path.name}")
    view = overview(session, year=year)
    try:
        with atomic_path(path) as tmp:
            render_excel(view, tmp)
    except OSError as err:
        raise UserError(write_error_text(err, path)) from err
    return path
