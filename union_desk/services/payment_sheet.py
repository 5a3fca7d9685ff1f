"""Reading the city office's recipient list (.xlsx): columns found by their Chinese headers.

The header row may sit under a title row; columns may come in any order; a 合计 row at the end
is skipped. Raises UserError when the file cannot be read or a needed column is missing.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from union_desk.domain.errors import RuleError
from union_desk.domain.money import yuan_to_fen
from union_desk.services import excel_headers as xh
from union_desk.services.errors import UserError

SPEC: dict[str, list[str]] = {
    "name": ["姓名", "职工姓名", "慰问对象", "收款人"],
    "id_number": ["身份证号", "公民身份号码", "证件号码", "身份证号码", "身份证"],
    "amount": ["金额", "慰问金额", "发放金额(元)", "发放金额", "金额(元)", "慰问金额(元)",
               "慰问金(元)", "慰问金"],
    "note": ["备注"],
}
REQUIRED = ("name", "id_number", "amount")
LABELS = {f: variants[0] for f, variants in SPEC.items()}
HEADER_SCAN_ROWS = 30
_TOTAL_WORDS = ("合计", "总计", "小计")


@dataclass
class SheetRow:
    excel_row: int
    name: str
    id_cell: Any
    amount_cell: Any
    note: str


def amount_fen_of(raw: Any) -> int:
    """The amount of a cell in fen; RuleError naming what is wrong."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise RuleError("未填写金额")
    if isinstance(raw, bool):
        raise RuleError("金额格式错误")
    if isinstance(raw, float):
        value = Decimal(repr(raw))
        rounded = value.quantize(Decimal("0.01"))
        if abs(value - rounded) > Decimal("0.000001"):
            raise RuleError("金额最多两位小数")
        raw = rounded
    fen = yuan_to_fen(raw if isinstance(raw, (int, Decimal)) else str(raw))
    if fen <= 0:
        raise RuleError("金额应大于零")
    return fen


def read_payment_sheet(path: str | os.PathLike) -> list[SheetRow]:
    """The data rows of the first sheet (blank and 合计 rows left out)."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UserError(f"只能导入 .xlsx 格式的 Excel 文件：{path.name}（.xls 请先在 Excel 中另存为 .xlsx）")
    if not path.is_file():
        raise UserError(f"找不到文件：{path}")
    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as err:  # noqa: BLE001 - any failure here means the file cannot be read
        raise UserError(f"无法读取 Excel 文件 {path.name}：文件已损坏或不是 .xlsx 格式") from err
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
        try:
            return _data_rows(sheet.iter_rows(values_only=True))
        except UserError:
            raise
        except Exception as err:  # noqa: BLE001 - a damaged sheet part
            raise UserError(f"无法读取 Excel 文件 {path.name}：工作表内容已损坏") from err
    finally:
        book.close()


def _data_rows(rows) -> list[SheetRow]:
    header_at, header = 0, None
    for number, row in enumerate(rows, start=1):
        if xh.is_header_row(row, SPEC["id_number"]):
            header_at, header = number, row
            break
        if number >= HEADER_SCAN_ROWS:
            break
    if header is None:
        raise UserError(f"没有找到表头：前 {HEADER_SCAN_ROWS} 行中没有“身份证号”列")
    columns = xh.match_headers(header, SPEC, required=REQUIRED)
    out: list[SheetRow] = []
    for number, row in enumerate(rows, start=header_at + 1):
        def cell(field: str) -> Any:
            index = columns.get(field)
            return row[index] if index is not None and index < len(row) else None

        values = [cell(f) for f in SPEC]
        if xh.is_blank_row(values):
            continue
        name = " ".join(xh.read_text(cell("name")).split())
        if xh.read_text(cell("id_number")) == "" and _is_total_row(row):
            continue
        out.append(SheetRow(excel_row=number, name=name, id_cell=cell("id_number"),
                            amount_cell=cell("amount"), note=xh.read_text(cell("note"))))
    return out


def _is_total_row(row) -> bool:
    """A 合计/总计/小计 line (in any column) without an ID number."""
    return any("".join(xh.read_text(v).split()).startswith(_TOTAL_WORDS) for v in row)
