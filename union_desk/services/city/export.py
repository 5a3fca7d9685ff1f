"""The city table to Excel and to a PDF report, each written whole or not at all."""
from __future__ import annotations

from pathlib import Path

from union_desk.files import atomic_path
from union_desk.reports.city_report import render_city_report
from union_desk.services.city.figures import COLUMNS, MISSING, CityReport
from union_desk.services.errors import UserError

NOTE = (f"“{MISSING}”：该乡镇（街道）当年没有报送数据包，不计为零。新建工会按成立日期、新会员按入会日期；"
        "金额只计已发放（不含作废）。合计为市总工会库中全部乡镇的数据。")


def title(report: CityReport) -> str:
    return f"{report.city or '市总工会'}{report.year}年度工作数据汇总"


def export_city_excel(report: CityReport, path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"导出文件名应以 .xlsx 结尾：{path.name}")
    book = Workbook()
    sheet = book.active
    sheet.title = f"{report.year}年各乡镇"
    sheet.append([title(report)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(COLUMNS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in report.table():
        sheet.append([_number(v) for v in row])
    sheet.append([])
    sheet.append([NOTE])
    lines = book.create_sheet("全市")
    lines.append(["工作", f"{report.year}年"])
    for what, figure in report.total.lines():
        lines.append([what, figure])
    for ws, widths in ((sheet, [14] + [12] * (len(COLUMNS) - 1)), (lines, [20, 60])):
        for i, w in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + i)].width = w
    try:
        with atomic_path(path) as tmp:
            book.save(tmp)
    except OSError as err:
        raise UserError(f"无法写入文件 {path.name}：{err.strerror or err}") from err
    return path


def _number(text: str):
    """Figures as numbers in the sheet (so the accountant can add them up), words as words."""
    try:
        return int(text)
    except ValueError:
        try:
            return float(text) if "." in text else text
        except ValueError:
            return text


def export_city_pdf(report: CityReport, path: str | Path) -> Path:
    path = Path(path)
    try:
        with atomic_path(path) as tmp:
            render_city_report(str(tmp), title=title(report), lines=report.total.lines(),
                               columns=COLUMNS, rows=report.table(), note=NOTE)
    except OSError as err:
        raise UserError(f"无法写入文件 {path.name}：{err.strerror or err}") from err
    return path
