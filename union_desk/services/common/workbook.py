"""Opening a clerk's workbook safely and reading its first sheet, row by row.

    with open_sheet(path) as sheet:
        sheet.declared_rows                 # what the file says it holds (for progress), or 0
        for number, row in sheet.rows():    # Excel row number, the row's cell values
            ...

This is the one place that reads cells: every import goes through it, and a second reader (.xls,
.ods, .csv) slots in here by giving the same values — str, int, float, bool, date/datetime, None,
and `NO_CACHED_VALUE` for a formula cell saved without its result.  Rows with no cell at all are
not yielded; a row is as wide as its last cell.

A file from outside can be built to hold the app hostage, so limits are checked before any row
is read: the .xlsx package's central directory (sizes after unpacking, compression ratio of every
part, number of parts) before openpyxl opens it, then the sheet's declared dimension, then the
actual row numbers and columns as they are read.  Each refusal is a `UserError` in Chinese.
"""
from __future__ import annotations

import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from union_desk.services.common.excel_headers import NO_CACHED_VALUE
from union_desk.services.errors import UserError

UNREADABLE = "无法读取 Excel 文件 {}：文件已损坏或不是 .xlsx 格式"
DAMAGED = "无法读取 Excel 文件 {}：工作表内容已损坏"
_MB = 2**20


@dataclass(frozen=True)
class Limits:
    rows: int = 200_000            # 100,000 members is the largest roster the app is built for
    columns: int = 256             # the old Excel's last column IV; real lists use a few dozen
    unpacked_bytes: int = 256 * _MB  # a 100,000-row roster unpacks to about 70 MB
    ratio: int = 100               # real sheets compress 5–20 times; deflate bombs about 1,000
    ratio_from_bytes: int = _MB    # small parts may compress oddly without harm
    parts: int = 5_000


LIMITS = Limits()


@dataclass
class Sheet:
    declared_rows: int
    rows: Callable[[], Iterator[tuple[int, tuple]]]


@contextmanager
def open_sheet(path: str | Path, *, limits: Limits = LIMITS) -> Iterator[Sheet]:
    """The first sheet of an .xlsx/.xlsm; UserError when it cannot or must not be read."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UserError(f"只能导入 .xlsx 格式的 Excel 文件：{path.name}（.xls 请先在 Excel 中另存为 .xlsx）")
    if not path.is_file():
        raise UserError(f"找不到文件：{path}")
    check_package(path, limits)
    book = _load(path)
    try:
        try:
            sheet = book.worksheets[0]
            declared_rows, declared_columns = sheet.max_row or 0, sheet.max_column or 0
        except Exception as err:  # noqa: BLE001 - no readable first sheet
            raise UserError(UNREADABLE.format(path.name)) from err
        _check_declared(path.name, declared_rows, declared_columns, limits)
        yield Sheet(declared_rows, lambda: _rows(book, sheet, path.name, limits))
    finally:
        book.close()


def check_package(path: Path, limits: Limits = LIMITS) -> None:
    """Refuse a package whose parts would unpack beyond the limits (a zip bomb), reading only
    the zip's central directory: Python's zipfile never unpacks more than a part declares."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise UserError(UNREADABLE.format(path.name)) from err
    if len(parts) > limits.parts:
        raise UserError(f"{path.name} 由 {len(parts)} 个部分组成，不像正常的 Excel 文件，已拒绝读取")
    total = sum(p.file_size for p in parts)
    if total > limits.unpacked_bytes:
        raise UserError(f"{path.name} 解压后有 {total // _MB} MB，超过导入上限 "
                        f"{limits.unpacked_bytes // _MB} MB；请确认选的是名单文件，或把名单分成几个文件")
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > limits.ratio_from_bytes and ratio > limits.ratio:
            raise UserError(f"{path.name} 中的 {part.filename} 压缩了 {ratio:.0f} 倍，不像正常的 Excel "
                            f"文件（可能是恶意构造的压缩包），已拒绝读取")


def _load(path: Path) -> Any:
    try:
        from openpyxl import load_workbook

        return load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as err:  # noqa: BLE001 - any failure here means the file cannot be read
        raise UserError(UNREADABLE.format(path.name)) from err


def _check_declared(name: str, rows: int, columns: int, limits: Limits) -> None:
    if rows > limits.rows or columns > limits.columns:
        from openpyxl.utils import get_column_letter

        corner = f"{get_column_letter(min(max(columns, 1), 18278))}{rows}"
        raise UserError(f"{name} 的工作表声明的范围到 {corner}（{rows} 行、{columns} 列），超过导入上限"
                        f"（{limits.rows} 行、{limits.columns} 列）；请把名单复制到一个新的工作簿后再导入")


def _rows(book: Any, sheet: Any, name: str, limits: Limits) -> Iterator[tuple[int, tuple]]:
    parser = _parser(book, sheet)
    source = parser.source
    try:
        rows = parser.parse()
        while True:
            try:
                number, cells = next(rows)
            except StopIteration:
                return
            except UserError:
                raise
            except Exception as err:  # noqa: BLE001 - a damaged sheet part
                raise UserError(DAMAGED.format(name)) from err
            if not cells:
                continue
            if number > limits.rows:
                raise UserError(f"{name} 的第 {number} 行还有内容，超过导入上限 {limits.rows} 行")
            yield number, _values(cells, number, name, limits)
    finally:
        source.close()


def _values(cells: list[dict], number: int, name: str, limits: Limits) -> tuple:
    width = min(max(c["column"] for c in cells), limits.columns)
    values: list[Any] = [None] * width
    for cell in cells:
        column = cell["column"]
        if column > limits.columns:
            if cell["value"] is not None:
                raise UserError(f"{name} 的第 {number} 行第 {column} 列还有内容，超过导入上限 "
                                f"{limits.columns} 列")
            continue
        values[column - 1] = cell["value"]
    return tuple(values)


def _parser(book: Any, sheet: Any) -> Any:
    """openpyxl's streaming sheet parser, told to mark formulas saved without their result.

    openpyxl's read-only rows give None for such a cell, the same as an empty one; the parser's
    cell hook is the one place that still sees the <f> element."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = NO_CACHED_VALUE
            return cell

    return Parser(sheet._get_source(), sheet._shared_strings, data_only=True, epoch=book.epoch,
                  date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
