"""What every Excel import shares: open the .xlsx, find the header row, check each data row.

    sheet = read_sheet(path, spec=SPEC, required=REQUIRED, labels=LABELS, check_row=check)

`check_row(number, values, columns)` is the importer's own rule for one row (Excel row number, the
cells up to the last header column, field → column index): it returns the importer's candidate or
raises `RowRejected(field, reason)`; state such as in-file duplicate checks lives in its closure.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

from pydantic import ValidationError

from union_desk.files import atomic_path
from union_desk.services.common import excel_headers as xh
from union_desk.services.errors import UserError

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

CANCELLED_MESSAGE = "已取消导入，未写入任何数据"
HEADER_SCAN_ROWS = 30
_UNREADABLE = "无法读取 Excel 文件 {}：文件已损坏或不是 .xlsx 格式"


@dataclass(frozen=True)
class Rejection:
    row: int       # Excel row number
    field: str     # Chinese column label
    reason: str
    values: tuple = ()  # the row's original cells, for the rejection list

    def to_json(self) -> dict:
        return {"row": self.row, "field": self.field, "reason": self.reason}


class RowRejected(Exception):
    """Raised by a row check: `field` is a field name of the spec (or a label), `reason` Chinese."""

    def __init__(self, field: str, reason: str):
        super().__init__(reason)
        self.field, self.reason = field, reason


@dataclass
class ImportReport:
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = dc_field(default_factory=list)
    headers: list[str] = dc_field(default_factory=list)
    committed: bool = False

    @property
    def valid(self) -> int:
        return self.new + self.updated + self.unchanged

    def to_json(self) -> dict:
        return {"rows": self.rows, "valid": self.valid, "new": self.new, "updated": self.updated,
                "unchanged": self.unchanged, "rejected": [r.to_json() for r in self.rejected]}


@dataclass
class ImportPlan:
    """A checked file waiting for its commit; `outcome`: the importer's comparison with the db."""

    path: str
    headers: list[str]
    rows: int
    candidates: list
    file_rejections: list[Rejection]
    outcome: Any

    @property
    def rejected(self) -> list[Rejection]:
        return sorted_rejections(self.file_rejections, self.outcome.rejected)


@dataclass
class SheetRows:
    headers: list[str]                 # the header row's cells as text, up to its last column
    rows: int = 0                      # data rows read (blank and skipped rows not counted)
    good: list = dc_field(default_factory=list)            # what check_row returned
    rejected: list[Rejection] = dc_field(default_factory=list)


def check_cancel(cancelled: Cancelled, message: str = CANCELLED_MESSAGE) -> None:
    if cancelled is not None and cancelled():
        raise UserError(message)


def sorted_rejections(*groups: list[Rejection]) -> list[Rejection]:
    """The rejections of the file check and of the database check, in Excel row order."""
    return sorted((r for group in groups for r in group), key=lambda r: r.row)


@contextmanager
def rejecting(field: str | None = None) -> Iterator[None]:
    """UserError (or pydantic ValidationError) inside → RowRejected, naming `field` if given."""
    try:
        yield
    except ValidationError as err:
        problem = err.errors()[0]
        name = str(problem["loc"][0]) if problem["loc"] else ""
        limit = (problem.get("ctx") or {}).get("max_length")
        raise RowRejected(name, f"超过 {limit} 个字符" if limit else "格式错误") from None
    except UserError as err:
        raise RowRejected(field if field is not None else err.field or "", err.message) from None


def read_sheet(path: str | Path, *, spec: Mapping[str, Sequence[str]], required: Sequence[str],
               labels: Mapping[str, str], check_row: Callable[[int, tuple, dict], Any],
               anchor: str = "name", skip_row: Callable[[tuple, dict], bool] | None = None,
               progress: Progress = None, cancelled: Cancelled = None,
               progress_every: int = 500) -> SheetRows:
    """Check every data row of the first sheet; the header row is the first one (of the first
    30) with the `anchor` column. `skip_row(row, columns)` may leave out more rows (e.g. 合计)."""
    path = Path(path)
    book = _open_book(path)
    try:
        try:
            sheet = book.worksheets[0]
            total = sheet.max_row or 0
            sheet.reset_dimensions()  # some programs write a wrong <dimension>; read every cell
        except Exception as err:  # noqa: BLE001 - no readable first sheet
            raise UserError(_UNREADABLE.format(path.name)) from err
        rows = _rows(sheet, path.name)
        header_at, header = _find_header(rows, spec[anchor])
        columns = xh.match_headers(header, spec, required=required)
        width = max(i for i, cell in enumerate(header) if xh.normalise_header(cell)) + 1
        out = SheetRows(headers=[xh.read_text(c) for c in header[:width]])
        for number, row in enumerate(rows, start=header_at + 1):
            if number % progress_every == 0:
                check_cancel(cancelled)
                if progress is not None:
                    progress(number, max(total, number))
            values = tuple(row[:width]) + (None,) * (width - len(row))
            if xh.is_blank_row(values) or (skip_row is not None and skip_row(row, columns)):
                continue
            out.rows += 1
            try:
                out.good.append(check_row(number, values, columns))
            except RowRejected as rej:
                out.rejected.append(Rejection(number, labels.get(rej.field, rej.field),
                                              rej.reason, values))
        check_cancel(cancelled)
        return out
    finally:
        book.close()


def write_rejections(path: Path, *, headers: Sequence[str], rejected: Sequence[Rejection],
                     cell: Callable[[Any], Any]) -> None:
    """The rejected rows as an .xlsx: 行号, 字段, 原因, then the row's original cells (each
    through `cell`). Written through `files.atomic_path`: an OSError leaves no file and is raised."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("未导入的行")
    sheet.append(["行号", "字段", "原因", *headers])
    for rej in rejected:
        sheet.append([rej.row, rej.field, rej.reason, *(cell(v) for v in rej.values)])
    with atomic_path(path) as tmp:
        book.save(tmp)


def _open_book(path: Path) -> Any:
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UserError(f"只能导入 .xlsx 格式的 Excel 文件：{path.name}（.xls 请先在 Excel 中另存为 .xlsx）")
    if not path.is_file():
        raise UserError(f"找不到文件：{path}")
    try:
        from openpyxl import load_workbook

        return load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as err:  # noqa: BLE001 - any failure here means the file cannot be read
        raise UserError(_UNREADABLE.format(path.name)) from err


def _find_header(rows: Iterator[tuple], variants: Sequence[str]) -> tuple[int, tuple]:
    for number, row in enumerate(rows, start=1):
        if xh.is_header_row(row, variants):
            return number, row
        if number >= HEADER_SCAN_ROWS:
            break
    raise UserError(f"没有找到表头：前 {HEADER_SCAN_ROWS} 行中没有“{variants[0]}”列")


def _rows(sheet: Any, name: str) -> Iterator[tuple]:
    rows = sheet.iter_rows(values_only=True)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as err:  # noqa: BLE001 - a damaged sheet part
            raise UserError(f"无法读取 Excel 文件 {name}：工作表内容已损坏") from err
        yield row
