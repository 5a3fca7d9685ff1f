"""Reading a roster workbook: find the header, check every row on its own, catch in-file duplicates.

No database here: `roster_import` compares what this returns with the members already on file.
"""
from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

from pydantic import ValidationError

from union_desk.models.member import MemberCreate
from union_desk.services import excel_headers as xh
from union_desk.services.errors import UserError
from union_desk.services.members import normalise_member

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

SPEC: dict[str, list[str]] = {
    "name": ["姓名"],
    "id_number": ["身份证号", "公民身份号码", "证件号码", "身份证号码", "身份证"],
    "gender": ["性别"],
    "ethnicity": ["民族"],
    "phone": ["手机", "手机号", "手机号码", "联系电话", "电话"],
    "employer": ["工作单位", "单位"],
    "union": ["所属工会", "工会", "基层工会", "所在工会"],
    "join_date": ["入会时间", "入会日期"],
    "card_no": ["会员证号", "会员卡号", "会员证号码"],
    "is_migrant": ["是否农民工", "农民工"],
    "hukou_type": ["户口类型", "户籍类型", "户口性质"],
}
REQUIRED = ("name", "id_number", "union")
LABELS = {f: variants[0] for f, variants in SPEC.items()} | {"union_id": "所属工会"}
# member columns the file may leave empty; an empty cell never overwrites what is on file
OPTIONAL = ("phone", "ethnicity", "employer", "join_date", "card_no", "is_migrant", "hukou_type")
CANCELLED_MESSAGE = "已取消导入，未写入任何数据"
HEADER_SCAN_ROWS = 30
UNION_NAME_MAX = 100
_GENDERS = {"男": "男", "男性": "男", "m": "男", "male": "男",
            "女": "女", "女性": "女", "f": "女", "female": "女"}
@dataclass(frozen=True)
class Rejection:
    row: int       # Excel row number
    field: str     # Chinese column label
    reason: str
    values: tuple = ()  # the row's original cells, for the rejection list

    def to_json(self) -> dict:
        return {"row": self.row, "field": self.field, "reason": self.reason}


@dataclass
class Candidate:
    """A row that passed every check that needs no database."""

    row: int
    fields: dict               # normalise_member's columns (union_id still unresolved)
    given: frozenset[str]      # OPTIONAL columns the row gave a value for
    union_name: str
    values: tuple


@dataclass
class SheetCheck:
    headers: list[str]
    rows: int = 0
    candidates: list[Candidate] = dc_field(default_factory=list)
    rejected: list[Rejection] = dc_field(default_factory=list)


class _Reject(Exception):
    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field, self.reason = field, reason


def check_cancel(cancelled: Cancelled) -> None:
    if cancelled is not None and cancelled():
        raise UserError(CANCELLED_MESSAGE)


def read_roster_sheet(path: str | Path, *, progress: Progress = None,
                      cancelled: Cancelled = None) -> SheetCheck:
    """Check every row of the first sheet; the header row is the first one with a 姓名 column."""
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
        total = sheet.max_row or 0
        sheet.reset_dimensions()  # some programs write a wrong <dimension>; read every cell
        return _check_rows(_rows(sheet, path.name), total, progress, cancelled)
    finally:
        book.close()


def _rows(sheet, name: str) -> Iterator[tuple]:
    rows = sheet.iter_rows(values_only=True)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as err:  # noqa: BLE001 - a damaged sheet part
            raise UserError(f"无法读取 Excel 文件 {name}：工作表内容已损坏") from err
        yield row


def _check_rows(rows: Iterator[tuple], total: int, progress: Progress,
                cancelled: Cancelled) -> SheetCheck:
    header_at, header = 0, None
    for number, row in enumerate(rows, start=1):
        if xh.is_header_row(row, SPEC["name"]):
            header_at, header = number, row
            break
        if number >= HEADER_SCAN_ROWS:
            break
    if header is None:
        raise UserError(f"没有找到表头：前 {HEADER_SCAN_ROWS} 行中没有“姓名”列")
    columns = xh.match_headers(header, SPEC, required=REQUIRED)
    width = max(i for i, cell in enumerate(header) if xh.normalise_header(cell)) + 1
    check = SheetCheck(headers=[xh.read_text(c) for c in header[:width]])
    first_id: dict[str, int] = {}
    first_card: dict[str, int] = {}
    for number, row in enumerate(rows, start=header_at + 1):
        if number % 500 == 0:
            check_cancel(cancelled)
            if progress is not None:
                progress(number, max(total, number))
        values = tuple(row[:width]) + (None,) * (width - len(row))
        if xh.is_blank_row(values):
            continue
        check.rows += 1
        try:
            candidate = _check_row(number, values, columns)
            _check_unique(candidate, first_id, first_card)
        except _Reject as rej:
            check.rejected.append(Rejection(number, LABELS.get(rej.field, rej.field),
                                            rej.reason, values))
            continue
        check.candidates.append(candidate)
    check_cancel(cancelled)
    return check


def _check_unique(c: Candidate, first_id: dict[str, int], first_card: dict[str, int]) -> None:
    number, card = c.fields["id_number"], c.fields["card_no"]
    if number in first_id:
        raise _Reject("id_number", f"与第 {first_id[number]} 行的身份证号重复")
    if card and card in first_card:
        raise _Reject("card_no", f"会员证号 {card} 与第 {first_card[card]} 行重复")
    first_id[number] = c.row
    if card:
        first_card[card] = c.row


def _check_row(number: int, values: tuple, columns: dict[str, int]) -> Candidate:
    def cell(field: str) -> Any:
        index = columns.get(field)
        return None if index is None else values[index]

    def text(field: str) -> str:
        return xh.read_text(cell(field))

    id_text = _read(xh.read_id_number, cell, "id_number")
    join_date: date | None = _read(xh.read_date, cell, "join_date")
    migrant: bool | None = _read(xh.read_bool, cell, "is_migrant")
    union_name = " ".join(text("union").split())
    if not union_name:
        raise _Reject("union", "请填写所属工会")
    if len(union_name) > UNION_NAME_MAX:
        raise _Reject("union", f"工会名称超过 {UNION_NAME_MAX} 个字符")
    data = dict(name=text("name"), id_number=id_text, phone=text("phone"),
                ethnicity=text("ethnicity"), employer=text("employer"), union_id="(待定)",
                join_date=join_date, card_no=text("card_no") or None, is_migrant=bool(migrant),
                hukou_type=text("hukou_type"))
    try:
        fields = normalise_member(MemberCreate(**data))
    except ValidationError as err:
        problem = err.errors()[0]
        field = str(problem["loc"][0]) if problem["loc"] else ""
        limit = (problem.get("ctx") or {}).get("max_length")
        raise _Reject(field, f"超过 {limit} 个字符" if limit else "格式错误") from None
    except UserError as err:
        raise _Reject(err.field or "", err.message) from None
    gender_text = text("gender")
    if gender_text:
        gender = _GENDERS.get(gender_text.lower())
        if gender is None:
            raise _Reject("gender", f"性别“{gender_text}”应为“男”或“女”")
        if gender != fields["gender"]:
            raise _Reject("gender", f"性别“{gender_text}”与身份证号不符（按身份证号为{fields['gender']}）")
    given = {"is_migrant"} if migrant is not None else set()
    given |= {f for f in OPTIONAL if f != "is_migrant" and data[f] not in ("", None)}
    return Candidate(number, fields, frozenset(given), union_name, values)


def _read(reader: Callable[[Any], Any], cell: Callable[[str], Any], field: str) -> Any:
    try:
        return reader(cell(field))
    except UserError as err:
        raise _Reject(field, err.message) from None
