"""Opening a clerk's spreadsheet safely and reading one sheet of it, row by row: the one place
that reads cells, for every import.

    with open_book(path) as book:           # .xlsx .xlsm .xls .xlsb .ods .csv .txt, web page, XML
        book.sheet_names                    # the visible worksheets, in order
        sheet = book.sheet(name)            # limits checked before the sheet is loaded
        sheet.declared_rows                 # for progress
        for number, row in sheet.rows():    # row number as the spreadsheet shows it, cells
            ...
        sheet.merged_down                   # cells merged down several rows
        sheet.hidden_rows                   # rows hidden by hand or by a filter

What a file is comes from its bytes (`file_kind.identify`), not from its name: a Word document
renamed .xlsx is named as such, an .xls that is really a .xlsx is read. Spreadsheets are read by
python-calamine (Rust; 15–17× faster than openpyxl's read-only mode here), text by
`text_table`, a web page's tables by `html_table`, Excel 2003 XML by `spreadsheet_xml`. Every
reader gives the same values: str, int, float, bool, date/datetime/time, None for an empty
cell, and `NO_CACHED_VALUE` for a formula cell saved without its result (found by the limits
scan for .xlsx and .ods; .xls and .xlsb always store the result). Rows with no value at all are
not yielded; a row is as wide as its last value. A merged cell's value is in its first cell
only, the cells it covers are empty; a cell merged down several rows is named in
`Sheet.merged_down` (for .xlsx and .xls by calamine, for .xlsb and .ods by the limits scan, by
the web page's and the 2003 XML's own readers). The rows a sheet hides (by hand, or filtered
out) are in `Sheet.hidden_rows`: found by the limits scan (.xlsx, .xlsb, .ods), in the .xls
records (`xls_rows`), by the 2003 XML and web page readers; text hides none.

Limits (`sheet_limits`) are checked before anything is loaded: the zip's central directory
(zip bombs), then the sheet's reach (a single cell at XFD1048576 would make the reader ask for
seventeen billion cells). Each refusal is a `UserError` in Chinese.
"""
from __future__ import annotations

import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from union_desk.progress import Progress
from union_desk.services.common import sheet_limits as sl
from union_desk.services.common.excel_headers import NO_CACHED_VALUE
from union_desk.services.common.file_kind import Kind, identify, ole_kind
from union_desk.services.common.sheet_limits import LIMITS, Limits, MergedDown, check_package
from union_desk.services.common.xls_rows import xls_hidden_rows
from union_desk.services.errors import UserError

__all__ = ["Book", "Limits", "LIMITS", "Sheet", "check_package", "open_book", "open_sheet"]

DAMAGED = "无法读取 {}：工作表内容已损坏"
NOT_READABLE = "无法读取 {}：文件已损坏，或是表格程序不认识的格式；请用 Excel 或 WPS 打开它，另存为 .xlsx 后再导入"


@dataclass
class Sheet:
    name: str
    declared_rows: int
    rows: Callable[[], Iterator[tuple[int, tuple]]]
    merged_down: list[MergedDown] = field(default_factory=list)
    hidden_rows: frozenset[int] = frozenset()   # from 1, as the spreadsheet numbers them


class Book:
    """An opened spreadsheet (see the module's doc)."""

    def __init__(self, path: Path, kind: Kind, limits: Limits, reading: Progress = None):
        self.path, self.kind, self.limits = path, kind, limits
        self._calamine: Any = None
        self._archive: zipfile.ZipFile | None = None
        self._parts: dict[str, str] = {}          # sheet name → its part (.xlsx/.xlsb)
        self._ods: dict[str, sl.Extent] | None = None
        self.sheet_names: list[str] = []
        self.all_sheet_names: list[str] = []
        self._read: dict[str, Any] = {}  # sheet → its rows and merges, of a file read whole
        if kind is Kind.TEXT:
            self.sheet_names = self.all_sheet_names = [path.stem]
            return
        if kind is Kind.HTML:
            from union_desk.services.common.html_table import read_html_tables

            self._read = read_html_tables(path, limits, reading)
            self.sheet_names = self.all_sheet_names = list(self._read)
            return
        if kind is Kind.XML2003:
            from union_desk.services.common.spreadsheet_xml import read_spreadsheet_xml

            sheets = read_spreadsheet_xml(path, limits, reading)
            self._read = {s.name: s for s in sheets}
            self.all_sheet_names = list(self._read)
            self.sheet_names = [s.name for s in sheets if s.visible] or self.all_sheet_names
            return
        if kind.zipped:
            check_package(path, limits)
            self._archive = zipfile.ZipFile(path)
        self._open_calamine()

    def _open_calamine(self) -> None:
        from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

        sl.check_file_size(self.path, self.limits)
        try:
            # by content, not by name: calamine's from_path would pick its reader by the suffix
            with open(self.path, "rb") as file:
                self._calamine = CalamineWorkbook.from_filelike(file)
            sheets = self._calamine.sheets_metadata
        except Exception as err:  # noqa: BLE001 - any failure here means the file cannot be read
            if self.kind is Kind.XLS:
                raise UserError(f"{self.path.name}：{ole_kind(self.path)}") from err
            raise UserError(NOT_READABLE.format(self.path.name)) from err
        self.all_sheet_names = [s.name for s in sheets if s.typ == SheetTypeEnum.WorkSheet]
        self.sheet_names = [s.name for s in sheets if s.typ == SheetTypeEnum.WorkSheet
                            and s.visible == SheetVisibleEnum.Visible] or self.all_sheet_names
        if not self.all_sheet_names:
            raise UserError(f"{self.path.name} 里没有工作表")

    def close(self) -> None:
        if self._calamine is not None:
            self._calamine.close()
        if self._archive is not None:
            self._archive.close()

    def find_sheet(self, name: str) -> str:
        """The sheet's name as the file spells it (spaces and case aside); UserError naming the
        sheets there are."""
        wanted = "".join(name.split()).lower()
        for sheet_name in self.all_sheet_names:
            if "".join(sheet_name.split()).lower() == wanted:
                return sheet_name
        raise UserError(f"{self.path.name} 中没有名为“{name}”的工作表；有："
                        + "、".join(f"“{n}”" for n in self.all_sheet_names))

    def sheet(self, name: str | None = None) -> Sheet:
        """A sheet (the first visible one by default), its limits checked before it is loaded."""
        name = self.sheet_names[0] if name is None else name
        if self.kind is Kind.TEXT:
            from union_desk.services.common.text_table import read_text_table

            table = read_text_table(self.path, self.limits)
            return Sheet(name, table.rows[-1][0] if table.rows else 0, lambda: iter(table.rows))
        if self.kind in (Kind.HTML, Kind.XML2003):
            read = self._read[name]   # an HtmlTable or an XmlSheet
            return Sheet(name, read.rows[-1][0] if read.rows else 0, lambda: iter(read.rows),
                         read.merged_down, frozenset(read.hidden_rows))
        extent = self._check_reach(name)
        try:
            loaded = self._calamine.get_sheet_by_name(name)
        except Exception as err:  # noqa: BLE001 - a damaged sheet
            raise UserError(DAMAGED.format(self.path.name)) from err
        first_column = loaded.start[1] if loaded.start else 0
        return Sheet(name, loaded.height and (loaded.end[0] + 1),
                     lambda: _rows(loaded, first_column, extent.marks, self.path.name,
                                   self.limits),
                     extent.merged_down or _merged_down(loaded),
                     frozenset(xls_hidden_rows(self.path, name) if self.kind is Kind.XLS
                               else extent.hidden_rows))

    # -- limits, per format -----------------------------------------------------------------------
    def _check_reach(self, name: str) -> sl.Extent:
        label = self.path.name if len(self.sheet_names) < 2 else f"{self.path.name}（工作表“{name}”）"
        try:
            if self.kind is Kind.XLSX:
                part = self._part(name)
                sl.check_extent(label, sl.xlsx_declared(self._archive, part), self.limits,
                                declared=True)
                extent = sl.xlsx_extent(self._archive, part, self.limits)
            elif self.kind is Kind.XLSB:
                extent = sl.xlsb_extent(self._archive, self._part(name))
            elif self.kind is Kind.ODS:
                if self._ods is None:
                    self._ods = sl.ods_extents(self._archive)
                extent = self._ods.get(name, sl.Extent())
            else:
                return sl.Extent()  # .xls: the format stops at 65,536 × 256
        except UserError:
            raise
        except Exception as err:  # noqa: BLE001 - a damaged part
            raise UserError(DAMAGED.format(self.path.name)) from err
        sl.check_extent(label, extent, self.limits)
        return extent

    def _part(self, name: str) -> str:
        if not self._parts:
            self._parts = _sheet_parts(self._archive, self.kind)
        try:
            return self._parts[name]
        except KeyError:
            raise UserError(DAMAGED.format(self.path.name)) from None


def _sheet_parts(archive: zipfile.ZipFile, kind: Kind) -> dict[str, str]:
    """Sheet name → part in the package, from the workbook and its relationships."""
    from xml.etree.ElementTree import fromstring

    rels_name = "xl/_rels/workbook.xml.rels" if kind is Kind.XLSX else "xl/_rels/workbook.bin.rels"
    targets = {}
    for rel in fromstring(archive.read(rels_name)):
        target = rel.get("Target", "")
        target = target[1:] if target.startswith("/") else "xl/" + target
        targets[rel.get("Id")] = target
    if kind is Kind.XLSX:
        ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        book = fromstring(archive.read("xl/workbook.xml"))
        return {s.get("name"): targets.get(s.get(rid), "") for s in book.iter(ns + "sheet")}
    return _xlsb_sheet_parts(archive.read("xl/workbook.bin"), targets)


def _xlsb_sheet_parts(data: bytes, targets: dict[str, str]) -> dict[str, str]:
    """BrtBundleSh records (type 156): state, sheet id, relationship id, name (XLWideStrings)."""
    out, at = {}, 0
    while at < len(data):
        kind, at = sl._varint(data, at, 2)
        size, at = sl._varint(data, at, 4)
        if kind == 156:
            record, offset = data[at:at + size], 8
            texts = []
            for _ in range(2):
                length = int.from_bytes(record[offset:offset + 4], "little")
                offset += 4
                texts.append(record[offset:offset + 2 * length].decode("utf-16-le")
                             if length != 0xFFFFFFFF else "")
                offset += 2 * length if length != 0xFFFFFFFF else 0
            out[texts[1]] = targets.get(texts[0], "")
        at += size
    return out


def _merged_down(loaded: Any) -> list[MergedDown]:
    """calamine's merges of an .xlsx or .xls sheet (none for the other formats) that span
    several rows; calamine counts rows and columns from 0."""
    return [(top + 1, left, bottom + 1)
            for (top, left), (bottom, _) in loaded.merged_cell_ranges or () if bottom > top]


def _rows(loaded: Any, first_column: int, marks: dict[tuple[int, int], str], name: str,
          limits: Limits) -> Iterator[tuple[int, tuple]]:
    """The loaded sheet's rows with values: '' → None, padded to absolute columns, formulas
    without results (`NO_CACHED_VALUE`) and error values put back. calamine's rows start at the
    first row (absolute) but at the first used column."""
    pad = [None] * first_column
    unsaved: dict[int, list[tuple[int, Any]]] = {}
    for (row, column), mark in marks.items():
        if column <= limits.columns:
            unsaved.setdefault(row, []).append(
                (column, NO_CACHED_VALUE if mark == sl.NO_RESULT else mark))
    try:
        for index, cells in enumerate(loaded.iter_rows()):
            values = [None if c == "" else c for c in cells]
            if pad:
                values[:0] = pad
            number = index + 1
            for column, mark in unsaved.get(number, ()):
                values += [None] * (column - len(values))
                values[column - 1] = mark
            while values and values[-1] is None:
                values.pop()
            if not values:
                continue
            sl.check_row(name, number, len(values), limits)
            yield number, tuple(values)
    except UserError:
        raise
    except Exception as err:  # noqa: BLE001 - a damaged sheet
        raise UserError(DAMAGED.format(name)) from err


@contextmanager
def open_book(path: str | Path, *, limits: Limits = LIMITS, reading: Progress = None
              ) -> Iterator[Book]:
    """The file opened as a Book; `reading(done, total)` is called now and then while a file
    that must be parsed whole to find its sheets (a web page, Excel 2003 XML) is read, and may
    raise to stop it (the import's Cancel)."""
    path = Path(path)
    if not path.is_file():
        if path.is_dir():
            raise UserError(f"{path.name} 是一个文件夹，不是表格文件")
        raise UserError(f"找不到文件：{path}")
    book = Book(path, identify(path), limits, reading)
    try:
        yield book
    finally:
        book.close()


@contextmanager
def open_sheet(path: str | Path, *, sheet: str | None = None,
               limits: Limits = LIMITS) -> Iterator[Sheet]:
    """One sheet of the file: `sheet` by name, or the first visible one."""
    with open_book(path, limits=limits) as book:
        yield book.sheet(None if sheet is None else book.find_sheet(sheet))
