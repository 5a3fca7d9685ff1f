"""Reading the city office's recipient list (.xlsx): columns found by their Chinese headers.

The header row may sit under a title row; columns may come in any order; a 合计 row at the end
is skipped. Raises UserError when the file cannot be read or a needed column is missing.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from union_desk.domain.errors import RuleError
from union_desk.domain.money import yuan_to_fen
from union_desk.services.common import excel_headers as xh
from union_desk.services.common.import_sheet import read_sheet

SPEC: dict[str, list[str]] = {
    "name": ["姓名", "职工姓名", "慰问对象", "收款人"],
    "id_number": ["身份证号", "公民身份号码", "证件号码", "身份证号码", "身份证"],
    "amount": ["金额", "慰问金额", "发放金额(元)", "发放金额", "金额(元)", "慰问金额(元)",
               "慰问金(元)", "慰问金"],
    "note": ["备注"],
}
REQUIRED = ("name", "id_number", "amount")
LABELS = {f: variants[0] for f, variants in SPEC.items()}
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
    """The data rows of the first sheet (blank and 合计 rows left out); the header row is the
    first one with a 身份证号 column. Every row is kept: the checks come in payment_import."""
    return read_sheet(path, spec=SPEC, required=REQUIRED, labels=LABELS, anchor="id_number",
                      check_row=_sheet_row, skip_row=_skipped).good


def _sheet_row(number: int, values: tuple, columns: dict[str, int]) -> SheetRow:
    def cell(field: str) -> Any:
        index = columns.get(field)
        return None if index is None else values[index]

    return SheetRow(excel_row=number, name=" ".join(xh.read_text(cell("name")).split()),
                    id_cell=cell("id_number"), amount_cell=cell("amount"),
                    note=xh.read_text(cell("note")))


def _skipped(row: tuple, columns: dict[str, int]) -> bool:
    """Rows without a value in any of our columns, and 合计/总计/小计 lines without an ID number
    (the total word may stand in any column)."""
    cells = [row[i] if i < len(row) else None for i in columns.values()]
    if xh.is_blank_row(cells):
        return True
    id_index = columns["id_number"]
    id_cell = row[id_index] if id_index < len(row) else None
    return xh.read_text(id_cell) == "" and any(
        "".join(xh.read_text(v).split()).startswith(_TOTAL_WORDS) for v in row)
