"""Reading the city office's recipient list (any spreadsheet or CSV): columns found by their Chinese headers.

The header row may sit under a title row; columns may come in any order; 合计 and 填表人 lines
are left out (`import_sheet`). Raises UserError when the file cannot be read or a needed column is missing. Every
row comes back, with the problems found without the database (name, ID number, amount, a repeated
ID number): `payment_import` adds the roster's and the payment rules' problems, so a row lists
every problem it has.
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from union_desk.domain.errors import RuleError
from union_desk.domain.idcard import parse_id_number
from union_desk.domain.money import DIGITS, fen_to_plain, words_to_fen, yuan_to_fen
from union_desk.domain.names import clean_name
from union_desk.progress import Cancelled, Progress
from union_desk.services.common import excel_headers as xh
from union_desk.services.common import header_words as words
from union_desk.services.common.import_sheet import MergedCell, SheetRows, read_sheet
from union_desk.services.common.problems import ProblemList

SPEC: dict[str, list[str]] = {
    "name": [*words.NAME, "慰问对象", "收款人", "领取人", "领款人", "困难职工姓名", "帮扶对象",
             "救助对象", "受助人", "户主姓名"],
    "id_number": [*words.ID_NUMBER],
    "amount": ["金额", "慰问金额", "发放金额(元)", "发放金额", "金额(元)", "慰问金额(元)",
               "慰问金(元)", "慰问金", "实发金额", "实发金额(元)", "补助金额", "补助金额(元)",
               "救助金额", "救助金额(元)", "帮扶金额", "帮扶金额(元)", "金额(小写)", "小写金额",
               "小写金额(元)", "金额小写", "慰问金额(小写)", "发放金额(小写)", "小写"],
    # the same amount in words beside it (a voucher list's 大写): read to be compared
    "amount_words": ["金额（大写）", "大写金额", "金额大写", "大写", "慰问金额(大写)", "发放金额(大写)",
                     "大写金额(元)"],
    "note": ["备注"],
    "township": [*words.TOWNSHIP],
}
REQUIRED = ("name", "id_number", "amount")
LABELS = {f: variants[0] for f, variants in SPEC.items()} | {"amount_fen": "金额"}
# Beyond this a float cell has no exact cents (and Decimal would overflow): refused as too large,
# as the payment rules refuse anything above their own, much lower, limit.
_FLOAT_LIMIT = 1e13
_IN_WORDS = re.compile(f"[{DIGITS}拾佰仟万亿]")  # an amount written in words (伍佰元整)


@dataclass(frozen=True)
class ListRow:
    """A data row of the list with what could be read of it and the problems found so far."""

    row: int
    name: str                 # "" when missing or not a name (see `given_name`)
    id_number: str            # "" when missing or not a valid ID number
    amount_fen: int | None    # None when missing or not an amount
    note: str
    values: tuple
    problems: tuple[tuple[str, str], ...] = ()
    given_name: str = ""      # the name cell as the file gives it, for the rejection list


def amount_fen_of(raw: Any) -> int:
    """The amount of a cell in fen; RuleError naming what is wrong. The payment rules (range,
    limit) are checked by `payments.check_payment`, as for a payment typed in a form."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise RuleError("未填写金额")
    if isinstance(raw, MergedCell):
        rows = raw.last - raw.first + 1
        raise RuleError(f"金额“{raw}”写在第 {raw.first}–{raw.last} 行合并的一格里，看不出是每行 {raw} "
                        f"还是 {rows} 行共 {raw}；请为每一行分别填写金额")
    if isinstance(raw, bool):
        raise RuleError("金额格式错误")
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise RuleError("金额格式错误")
        if abs(raw) >= _FLOAT_LIMIT:
            raise RuleError("发放金额过大，请核对")
        value = Decimal(repr(raw))
        rounded = value.quantize(Decimal("0.01"))
        if abs(value - rounded) > Decimal("0.000001"):
            raise RuleError("金额最多两位小数")
        raw = rounded
    if isinstance(raw, (int, Decimal)):
        fen = yuan_to_fen(raw)
    else:
        text = xh.read_text(raw)
        fen = words_to_fen(text) if _IN_WORDS.search(text) else yuan_to_fen(text)
    if fen <= 0:
        raise RuleError("金额应大于零")
    return fen


def _compare_words(found: ProblemList, amount: int, raw: Any) -> None:
    """The amount in words beside the amount (大写) says the same, or the row is refused: one of
    the two was mistyped, and the app will not guess which."""
    text = found.take("amount_words", xh.read_text, raw, default="")
    in_words = found.take("amount_words", words_to_fen, text) if text else None
    if in_words is not None and in_words != amount:
        found.add("amount_words", f"大写“{text}”是 {fen_to_plain(in_words)} 元，与金额 "
                                  f"{fen_to_plain(amount)} 元不符；请核对是哪一个写错了")


def read_payment_sheet(path: str | os.PathLike, *, progress: Progress = None,
                       cancelled: Cancelled = None, sheet: str | None = None,
                       township: str | None = None) -> SheetRows:
    """Every data row of the first sheet (blank, 合计 and 填表人 lines left out) as a `ListRow`; the
    header row is the first one with a 身份证号 column. A city-wide list's rows of townships other
    than `township` (its 乡镇（街道） column) are left out and counted."""
    first: dict[str, int] = {}  # ID number → the Excel row that gave it first

    def check(number: int, values: tuple, columns: dict[str, int]) -> ListRow:
        def cell(field: str) -> Any:
            index = columns.get(field)
            return None if index is None else values[index]

        found = ProblemList()
        name_text = found.take("name", xh.read_text, cell("name"))
        name = "" if name_text is None else found.take("name", clean_name, name_text, default="")
        id_text = found.take("id_number", xh.read_id_number, cell("id_number"), default="")
        number_id = found.take("id_number", parse_id_number, id_text) if id_text else None
        if not id_text and "id_number" not in {f for f, _ in found.items}:
            found.add("id_number", "未填写身份证号")
        if number_id is not None and number_id.number in first:
            found.add("id_number", f"与第 {first[number_id.number]} 行的身份证号重复")
        elif number_id is not None:
            first[number_id.number] = number
        amount = found.take("amount", amount_fen_of, cell("amount"))
        if amount is not None and xh.cell_text(cell("amount_words")):
            _compare_words(found, amount, cell("amount_words"))
        note = found.take("note", xh.read_text, cell("note"), default="")
        return ListRow(number, name, number_id.number if number_id else "", amount, note, values,
                       tuple(found.items), "".join(xh.cell_text(cell("name")).split()))

    return read_sheet(path, spec=SPEC, required=REQUIRED, labels=LABELS, anchor="id_number",
                      check_row=check, progress=progress, cancelled=cancelled,
                      progress_every=200, sheet=sheet, kept_apart=("amount",),
                      township=township)

