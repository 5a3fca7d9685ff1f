"""Reading the clerks' own Excel sheets: Chinese header matching and cell values.

Every Excel import uses these, so a header written "身份证号码（必填）" or "* 姓名" and a date typed
"2021.3.5" mean the same everywhere.  Headers are matched by name with common variants, in any
order; a column no variant names exactly is matched without a note in brackets at its end
("所属工会（全称）", "入会时间（年月日）"), unless the note names money ("金额（万元）" is not
"金额": a variant must say "(元)"), or two columns would be the same name without their notes:

    spec = {"name": ["姓名"], "id_number": ["身份证号", "公民身份号码"]}
    columns = match_headers(header_row, spec, required=["name", "id_number"])
    # {"name": 0, "id_number": 3}

The first variant of a field is its Chinese label in messages.  Cell readers raise `UserError`
with a reason for the clerk (the caller adds the row number and field).  A formula cell saved
without its result (by a program that does not calculate) is read as `NO_CACHED_VALUE`, and every
reader says so instead of taking it for an empty cell.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any, Iterable, Mapping, Sequence

from union_desk.domain.names import strip_invisible
from union_desk.services.errors import UserError

_MARKS = re.compile(r"^[*＊]+|[*＊]+$|\((必填|必须|选填|可选|可不填)\)$")
_NOTE = re.compile(r"\([^()]*\)$")      # after NFKC: full-width brackets are ASCII ones
# the time another system's export writes after a date (2021-03-05 00:00:00, 2021/3/5 8:30)
_TIME_AFTER = re.compile(r"(?:\s+|T)([01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?$")
_DATE_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# Excel serial day numbers of 1950-01-01 … 2099-12-31: a date cell that lost its date format.
# Smaller numbers are refused rather than guessed (2021 typed as a year is not 1905-07-13).
_SERIAL_RANGE = (18264, 73050)
_TRUE = {"是", "y", "yes", "true", "√", "✓", "✔", "1", "对"}
_FALSE = {"否", "n", "no", "false", "×", "✗", "✘", "0", "不是", "无"}
FORMULA_WITHOUT_VALUE = "公式没有计算结果，请在 Excel 中保存后再导入"


class _NoCachedValue:
    """A formula cell whose file holds no computed result."""

    def __repr__(self) -> str:
        return "NO_CACHED_VALUE"

    def __str__(self) -> str:
        return "（公式没有计算结果）"


NO_CACHED_VALUE = _NoCachedValue()


def _refuse_formula(value: Any) -> None:
    if value is NO_CACHED_VALUE:
        raise UserError(FORMULA_WITHOUT_VALUE)


def normalise_header(value: Any) -> str:
    """NFKC, every space (full-width, line breaks too) removed, "*" and "(必填)" marks dropped."""
    if value is None or value is NO_CACHED_VALUE:
        return ""
    text = unicodedata.normalize("NFKC", strip_invisible(str(value)))
    text = "".join(text.split())
    previous = None
    while previous != text:
        previous, text = text, _MARKS.sub("", text)
    return text


def loose_header(key: str) -> str:
    """A normalised header without the note in brackets at its end, unless the note names
    money (元): "所属工会(全称)" → "所属工会"; "金额(万元)" stays."""
    note = _NOTE.search(key)
    if note is None or "元" in note.group() or note.start() == 0:
        return key
    return key[:note.start()]


def field_label(spec: Mapping[str, Sequence[str]], field: str) -> str:
    """The Chinese label of a field: its first variant."""
    return spec[field][0]


def match_headers(header_row: Sequence[Any], spec: Mapping[str, Sequence[str]], *,
                  required: Iterable[str] = ()) -> dict[str, int]:
    """Field → column index (0-based) for the fields found in the header row.

    A field named by several columns takes the column of its earliest-listed variant; two
    columns with the name of a field are refused (which is meant?), as are missing required
    columns. Two columns of the same name the import does not read (备注 twice) are no concern.
    """
    seen: dict[str, int] = {}
    twice: dict[str, int] = {}   # a name given again → the column where it comes again
    loose: dict[str, list[int]] = {}
    for index, cell in enumerate(header_row):
        key = normalise_header(cell)
        if not key:
            continue
        if key in seen:
            twice.setdefault(key, index)
        else:
            seen[key] = index
        loose.setdefault(loose_header(key), []).append(index)
    found: dict[str, int] = {}
    for field, variants in spec.items():
        for variant in variants:
            key = normalise_header(variant)
            if key in twice:
                raise UserError(f"表头中“{key}”列出现了两次（第 {seen[key] + 1} 列和第 "
                                f"{twice[key] + 1} 列）")
            if key in seen:
                found[field] = seen[key]
                break
    taken = set(found.values())
    for field, variants in spec.items():
        for variant in variants if field not in found else ():
            indexes = loose.get(normalise_header(variant), [])
            if len(indexes) == 1 and indexes[0] not in taken:
                found[field] = indexes[0]
                taken.add(indexes[0])
                break
    missing = [field_label(spec, f) for f in required if f not in found]
    if missing:
        raise UserError(f"缺少必需的列：{'、'.join(missing)}")
    return found


def is_header_row(row: Sequence[Any], variants: Sequence[str]) -> bool:
    """True when one cell of the row is one of the variants (e.g. a 姓名 column), a note in
    brackets at its end aside."""
    wanted = {normalise_header(v) for v in variants}
    return any(loose_header(normalise_header(cell)) in wanted or normalise_header(cell) in wanted
               for cell in row if cell is not None)


def is_blank_row(row: Sequence[Any]) -> bool:
    return all(cell_text(cell) == "" for cell in row)


def cell_text(value: Any) -> str:
    """Like `read_text`, but never refuses: a formula without its result reads as "" (for
    telling blank and total rows apart, not for data)."""
    return "" if value is NO_CACHED_VALUE else read_text(value)


# -- cell values --------------------------------------------------------------------------------

def read_text(value: Any) -> str:
    """A cell as text: None → "", whole numbers without ".0", NFKC, invisible characters (zero
    width spaces, byte-order marks…) removed, outer spaces stripped."""
    if value is None:
        return ""
    _refuse_formula(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", strip_invisible(str(value))).strip()


def read_date(value: Any) -> date | None:
    """Excel date cells, "2021-03-05", "2021/3/5", "2021.3.5", "2021年3月5日", "20210305"; a time
    after the date, as other systems export one ("2021-03-05 00:00:00"), is the date."""
    if value is None:
        return None
    _refuse_formula(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise UserError("应为日期，如 2021-03-05")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 19000101 <= value <= 99991231:
            return _date_from_digits(str(int(value)))
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        raise UserError(f"“{read_text(value)}”不是日期，应为如 2021-03-05")
    text = unicodedata.normalize("NFKC", strip_invisible(str(value))).strip()
    text = "".join(_TIME_AFTER.sub("", text).split())
    if not text:
        return None
    if text.isdigit() and len(text) == 8:
        return _date_from_digits(text)
    match = _DATE_TEXT.fullmatch(text)
    if not match:
        raise UserError(f"“{text}”不是完整日期，应为如 2021-03-05")
    return _make_date(int(match[1]), int(match[2]), int(match[3]), text)


def _date_from_digits(digits: str) -> date:
    return _make_date(int(digits[:4]), int(digits[4:6]), int(digits[6:]), digits)


def _make_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise UserError(f"“{text}”不是有效日期") from None


def read_bool(value: Any) -> bool | None:
    """是/否, Y/N, √/×, TRUE/FALSE, 1/0; an empty cell → None (not given)."""
    if value is None:
        return None
    _refuse_formula(value)
    if isinstance(value, bool):
        return value
    text = read_text(value).lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise UserError(f"“{read_text(value)}”应为“是”或“否”")


ID_AS_NUMBER = "身份证号被Excel存成了数字，请把该列设为文本"
_SCIENTIFIC = re.compile(r"\d(\.\d+)?E\+\d+", flags=re.IGNORECASE)  # 3.30182E+17
_GROUPED = re.compile(r"[0-9Xx]+(?:-[0-9Xx]+)+")   # digits in groups, after NFKC ("－" is "-")


def read_id_number(value: Any) -> str:
    """An ID number cell as text; refuses numbers whose last digits Excel has already lost.

    Excel keeps 15 significant digits: an 18-digit ID typed into a number cell comes back as a
    float (3.30182199001011e+17) or as an integer ending in zeros, and the true digits are gone.
    A 15-digit legacy ID survives as a number and is accepted.
    """
    if value is None:
        return ""
    _refuse_formula(value)
    if isinstance(value, bool):
        raise UserError("身份证号格式错误")
    if isinstance(value, float):
        if not value.is_integer() or value >= 1e15:
            raise UserError(ID_AS_NUMBER)
        value = int(value)
    if isinstance(value, int):
        digits = str(value)
        if len(digits) > 15 and set(digits[15:]) == {"0"}:
            raise UserError(ID_AS_NUMBER)
        return digits
    text = unicodedata.normalize("NFKC", strip_invisible(str(value)))
    text = "".join(text.split()).lstrip("'")
    if _SCIENTIFIC.fullmatch(text):
        raise UserError(ID_AS_NUMBER)
    if _GROUPED.fullmatch(text):   # 330182-19900101-1234, grouped as it is read out
        text = text.replace("-", "")
    return text
