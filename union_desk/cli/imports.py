"""What the import commands (roster, payments, trips) share: the summary they print, one way."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from union_desk.services.common.import_plan import row_ranges, townships_text


FILE_HELP = ("名单文件：Excel（.xlsx .xlsm .xls .xlsb，2003 XML 表格 .xml）、WPS（.et）、LibreOffice（.ods）、"
             "文本（.csv .txt，UTF-8 或 GBK 编码），或其他系统导出为 .xls 的网页表格")


def add_file_arguments(parser: argparse.ArgumentParser) -> None:
    """The list file and, for a workbook with several sheets, which one to read."""
    parser.add_argument("file", type=Path, metavar="FILE", help=FILE_HELP)
    parser.add_argument("--sheet", default=None, metavar="NAME",
                        help="工作簿有几张工作表时，读取这一张（默认：表头相符的那一张）")


def excel_rows(text: str) -> list[int]:
    """"7,9" (or "7，9") → [7, 9]: Excel row numbers given on the command line."""
    try:
        rows = [int(part) for part in text.replace("，", ",").split(",") if part.strip()]
    except ValueError:
        rows = []
    if not rows or min(rows) < 1:
        raise argparse.ArgumentTypeError(f"应为 Excel 行号，多个用逗号分隔，如 7,9：{text}")
    return rows


def print_import_summary(path: Path, report, *, counts: str | None = None,
                         done: str = "已导入有效的行。",
                         todo: str = "只做了检查，没有写入；加 --commit 导入有效的行。") -> None:
    """Counts, what was (or would be) written, the rows hidden or of other townships and the
    columns not read, every
    update as before → after, and every problem of every rejected row with the person's name."""
    out = sys.stdout
    counts = counts or (f"新增 {report.new}，更新 {report.updated}，无变化 {report.unchanged}")
    out.write(f"{path.name}：共 {report.rows} 行，有效 {report.valid} 行（{counts}），"
              f"有问题 {report.rejected_rows} 行\n")
    out.write(done + "\n" if report.committed else todo + "\n")
    if report.hidden_rows:
        out.write(f"表格中隐藏（或筛选掉）的 {len(report.hidden_rows)} 行没有读取：第 "
                  f"{row_ranges(report.hidden_rows)} 行；如要导入，请在 Excel 中取消隐藏或筛选后再导入\n")
    if report.other_townships:
        out.write(f"名单中其他乡镇（街道）的 {sum(report.other_townships.values())} 行没有读取："
                  f"{townships_text(report.other_townships)}（按“乡镇（街道）”列）\n")
    if report.unread:
        out.write(f"没有读取的列：{'、'.join(report.unread)}（程序不记录这些内容，或不认得列名；"
                  f"其中如有要导入的，请把列名改成常用的写法后再导入）\n")
    if report.updates:
        out.write("已更新的行（改动前 → 改动后）：\n" if report.committed
                  else "将更新的行（改动前 → 改动后）：\n")
        for update in report.updates:
            out.write(f"  第 {update.row} 行\t{update.name}\t{update.text()}\n")
    if report.rejected:
        out.write("有问题的行（未导入）：\n")
        for rej in report.rejected:
            out.write(f"  第 {rej.row} 行\t{rej.name or '（无姓名）'}\t{rej.field}\t{rej.reason}\n")
