"""Refusing a spreadsheet built to hold the app hostage, before the reader loads it.

python-calamine loads a whole sheet into a rectangle from its first to its last cell, so one cell
at XFD1048576 would ask for seventeen billion cells.  Every zipped format (.xlsx, .xlsm, .xlsb,
.ods) is therefore checked first from the zip's central directory (sizes after unpacking,
compression ratio of every part, number of parts: a zip bomb), then the sheet's own extent is
found by scanning its part without building it:

- .xlsx/.xlsm: the declared `<dimension>`, then every cell reference (a fast byte scan); the same
  pass finds formula cells saved without their result (`<f>` and no `<v>`), which calamine reads
  as empty, so that the import can say so (`Extent.formulas`);
- .xlsb: the row and cell records of the binary sheet;
- .ods: the rows and cells of content.xml, repeats included.

The same passes note the cells merged down several rows (`Extent.merged_down`) of the two
formats whose merges python-calamine does not give (.xlsb, .ods), and the rows the sheet hides
(`Extent.hidden_rows`: hidden by hand or by a filter; python-calamine gives none).

.xls needs no scan: the format itself stops at 65,536 rows × 256 columns.  Each refusal is a
`UserError` in Chinese.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Iterator

from union_desk.services.errors import UserError

_MB = 2**20
UNREADABLE = "无法读取 {}：文件已损坏或不是它看上去的表格格式"


@dataclass(frozen=True)
class Limits:
    rows: int = 200_000            # 100,000 members is the largest roster the app is built for
    columns: int = 256             # the old Excel's last column IV; real lists use a few dozen
    unpacked_bytes: int = 256 * _MB  # a 100,000-row roster unpacks to about 70 MB
    ratio: int = 100               # real sheets compress 5–20 times; deflate bombs about 1,000
    ratio_from_bytes: int = _MB    # small parts may compress oddly without harm
    parts: int = 5_000


LIMITS = Limits()


# a cell merged down over the rows below it: (its row, its column, the merge's last row), rows
# numbered as the spreadsheet shows them (from 1), the column counted from 0 as in a row's cells
MergedDown = tuple[int, int, int]


@dataclass
class Extent:
    """How far a sheet's cells reach (1-based; 0 when empty), and the cells the reader cannot
    tell from empty ones: (row, column) → `NO_RESULT` for a formula saved without its result,
    or the error value ("#N/A", "#REF!"…) a formula left (python-calamine reads both as ""),
    and the cells merged down (.xlsb and .ods only: calamine gives those of .xlsx and .xls)."""

    rows: int = 0
    columns: int = 0
    marks: dict[tuple[int, int], str] = field(default_factory=dict)
    far_cell: tuple[int, int] | None = None   # the first cell found beyond the limits
    merged_down: list[MergedDown] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)   # hidden or filtered out, from 1


NO_RESULT = ""   # the mark of a formula without its saved result


def check_package(path, limits: Limits = LIMITS) -> None:
    """Refuse a package whose parts would unpack beyond the limits (a zip bomb), reading only
    the zip's central directory: Python's zipfile never unpacks more than a part declares."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise UserError(UNREADABLE.format(path.name)) from err
    if len(parts) > limits.parts:
        raise UserError(f"{path.name} 由 {len(parts)} 个部分组成，不像正常的表格文件，已拒绝读取")
    total = sum(p.file_size for p in parts)
    if total > limits.unpacked_bytes:
        raise UserError(f"{path.name} 解压后有 {total // _MB} MB，超过导入上限 "
                        f"{limits.unpacked_bytes // _MB} MB；请确认选的是名单文件，或把名单分成几个文件")
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > limits.ratio_from_bytes and ratio > limits.ratio:
            raise UserError(f"{path.name} 中的 {part.filename} 压缩了 {ratio:.0f} 倍，不像正常的 Excel "
                            f"文件（可能是恶意构造的压缩包），已拒绝读取")


def check_file_size(path, limits: Limits = LIMITS) -> None:
    """UserError when a file the reader takes whole is over the import's size limit."""
    size = path.stat().st_size
    if size > limits.unpacked_bytes:
        raise UserError(f"{path.name} 有 {size // _MB} MB，超过导入上限 {limits.unpacked_bytes // _MB} MB；"
                        f"请确认选的是名单文件，或把名单分成几个文件")


def check_row(name: str, number: int, width: int, limits: Limits = LIMITS) -> None:
    """UserError when row `number` (with a value in column `width`) is beyond the limits."""
    if number > limits.rows:
        raise UserError(f"{name} 的第 {number} 行还有内容，超过导入上限 {limits.rows} 行")
    if width > limits.columns:
        raise UserError(f"{name} 的第 {number} 行第 {width} 列还有内容，超过导入上限 "
                        f"{limits.columns} 列")


def column_letter(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def check_extent(name: str, extent: Extent, limits: Limits, *, declared: bool = False) -> None:
    """UserError when the sheet reaches beyond the limits."""
    rows, columns = extent.rows, extent.columns
    if declared and (rows > limits.rows or columns > limits.columns):
        corner = f"{column_letter(min(max(columns, 1), 18278))}{rows}"
        raise UserError(f"{name} 的工作表声明的范围到 {corner}（{rows} 行、{columns} 列），超过导入上限"
                        f"（{limits.rows} 行、{limits.columns} 列）；请把名单复制到一个新的工作簿后再导入")
    if rows > limits.rows:
        raise UserError(f"{name} 的第 {rows} 行还有内容，超过导入上限 {limits.rows} 行")
    if columns > limits.columns:
        row = extent.far_cell[0] if extent.far_cell else "某"
        raise UserError(f"{name} 的第 {row} 行第 {columns} 列还有内容，超过导入上限 "
                        f"{limits.columns} 列")


def _chunks(part: IO[bytes], size: int = 4 * _MB) -> Iterator[bytes]:
    """The part's bytes in pieces that end at a tag's end ('>'), so no tag is cut in two."""
    rest = b""
    while True:
        data = part.read(size)
        if not data:
            if rest:
                yield rest
            return
        data = rest + data
        cut = data.rfind(b">") + 1
        rest = data[cut:]
        if cut:
            yield data[:cut]


# -- .xlsx -------------------------------------------------------------------------------------

_DIMENSION = re.compile(rb'<dimension\s+ref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"')
_OTHER_CELL_START = re.compile(rb'<c(?! r=")[\s>]')  # a cell not led by its reference
_REF_IN = re.compile(rb'\sr="([A-Z]+)(\d+)"')
_NO_RESULT = re.compile(rb'<c\b([^>]*)>\s*(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)\s*(?:<v\s*/>|<v></v>)?'
                        rb'\s*</c>')
_HIDDEN_ROW = re.compile(rb'<row\b([^>]*\shidden="(?:1|true)"[^>]*)>')
_ERROR = re.compile(rb'<c\b([^>]*\st="e"[^>]*)>(?:\s*<f\b[^>]*/>|\s*<f\b[^>]*>[^<]*</f>)?\s*'
                    rb'<v>([^<]*)</v>')


def xlsx_declared(archive: zipfile.ZipFile, part: str) -> Extent:
    """The sheet's declared dimension (read from the part's first bytes), or an empty extent."""
    with archive.open(part) as stream:
        head = stream.read(8192)
    found = _DIMENSION.search(head)
    if not found:
        return Extent()
    return Extent(rows=int(found[2]), columns=column_number(found[1].decode()))


def xlsx_extent(archive: zipfile.ZipFile, part: str, limits: Limits) -> Extent:
    """The first cell holding something beyond the limits (`far_cell`, its reach in `rows` /
    `columns`; empty cells do not count: the reader skips them) and the formulas without
    results, in one pass over the part's bytes.

    Comparing every reference as a number would cost a Python step per cell: a regular
    expression that matches only references beyond the limits finds them at byte-scan speed.
    Cells normally carry their reference first (`<c r="B7" …>`: Excel, WPS, LibreOffice,
    openpyxl), which each chunk is checked for, so the expression starts with that literal
    text (the engine then tries it only where `<c r="` stands: three times faster than
    trying every `<c`); a sheet written otherwise is placed cell after cell (the slow path)."""
    extent = Extent()
    beyond = _beyond_pattern(limits.rows, limits.columns)
    with archive.open(part) as stream:
        for chunk in _chunks(stream):
            if _OTHER_CELL_START.search(chunk):
                return _xlsx_extent_slowly(archive, part)
            far = beyond.search(chunk) if extent.far_cell is None else None
            if far:
                ref = _REF_IN.search(far[0])
                row, column = int(ref[2]), column_number(ref[1].decode())
                extent.far_cell, extent.rows, extent.columns = (row, column), row, column
            if b"<f" in chunk:
                for attributes in _NO_RESULT.findall(chunk):
                    _mark(extent, attributes, NO_RESULT)
            if b't="e"' in chunk:
                for attributes, text in _ERROR.findall(chunk):
                    _mark(extent, attributes, text.decode("utf-8", "replace"))
            if b'hidden="' in chunk:
                extent.hidden_rows.update(int(ref[1]) for attributes in _HIDDEN_ROW.findall(chunk)
                                          if (ref := _ROW_REF.search(attributes)))
    return extent


def _mark(extent: Extent, attributes: bytes, value: str) -> None:
    ref = _REF_IN.search(attributes)
    if ref:
        extent.marks[(int(ref[2]), column_number(ref[1].decode()))] = value


@lru_cache(maxsize=8)
def _beyond_pattern(rows: int, columns: int) -> re.Pattern:
    """A cell with a value (not self-closing) whose reference, its first attribute, is past
    `rows` or `columns`."""
    return re.compile(rb'<c r="(?:' + _greater(column_letter(columns), "A", "Z")
                      + rb"\d+|[A-Z]+" + _greater(str(rows), "0", "9") + rb')"[^>]*?(?<!/)>')


def _greater(limit: str, low: str, high: str) -> bytes:
    """A pattern matching the numerals of the same alphabet (digits or column letters) greater
    than `limit`: longer ones, or the same length with a larger character after a common
    prefix. Digits must not start with 0; column letters have no zero."""
    first = "[1-9]" if low == "0" else f"[{low}-{high}]"
    options = [f"{first}[{low}-{high}]{{{len(limit)},}}"]
    for i, ch in enumerate(limit):
        if ch < high:
            rest = len(limit) - i - 1
            options.append(limit[:i] + f"[{chr(ord(ch) + 1)}-{high}]"
                           + (f"[{low}-{high}]{{{rest}}}" if rest else ""))
    return ("(?:" + "|".join(options) + ")").encode()


def _reach(extent: Extent, row: int, column: int) -> None:
    if row > extent.rows:
        extent.rows = row
    if column > extent.columns:
        extent.columns = column
        extent.far_cell = (row, column)


_TOKEN = re.compile(rb'<row\b([^>]*?)(/?)>|<c\b([^>]*?)(/?)>|(<f\b)|(<v\b|<is\b)|</c>')
_ROW_REF = re.compile(rb'\sr="(\d+)"')


def _xlsx_extent_slowly(archive: zipfile.ZipFile, part: str) -> Extent:
    """Rows and cells placed as written, with or without references (rare: some generators);
    the whole reach of the cells holding something."""
    extent = Extent()
    row = column = 0
    formula = value = False
    with archive.open(part) as stream:
        for chunk in _chunks(stream):
            for m in _TOKEN.finditer(chunk):
                if m.group(1) is not None:
                    ref = _ROW_REF.search(m[1])
                    row = int(ref[1]) if ref else row + 1
                    column = 0
                    if _HIDDEN_ROW.match(b"<row" + m[1] + b">"):
                        extent.hidden_rows.add(row)
                elif m.group(3) is not None:
                    ref = _REF_IN.search(m[3])
                    column = column_number(ref[1].decode()) if ref else column + 1
                    row = int(ref[2]) if ref else row
                    formula = value = False
                elif m.group(5):
                    formula = True
                elif m.group(6):
                    value = True
                    _reach(extent, row, column)
                elif formula and not value:
                    extent.marks[(row, column)] = NO_RESULT
    return extent


# -- .xlsb -------------------------------------------------------------------------------------

_XLSB_ROW = 0                                  # BrtRowHdr
_XLSB_ROW_HIDDEN = 0x10                         # its fDyZero bit, in its twelfth byte
_XLSB_CELLS = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 62}  # cells with a value, led by their column
_XLSB_SHORT = {13, 14, 15, 16, 17, 18}          # BrtShort…: the column after the last one
_XLSB_BLANK = {1, 12}
_XLSB_MERGE = 176                               # BrtMergeCell: rwFirst, rwLast, colFirst, colLast


def xlsb_extent(archive: zipfile.ZipFile, part: str) -> Extent:
    """The reach of a binary sheet's cells with a value ([MS-XLSB] 2.1.4: record type and size
    as 7-bit variable-length numbers; a row header gives the row, a cell record starts with its
    column or follows the previous one), and its merges.  Formula records there always carry
    their result."""
    data = archive.read(part)
    extent, at, row, column, end = Extent(), 0, 0, 0, len(data)
    while at < end:
        kind, at = _varint(data, at, 2)
        size, at = _varint(data, at, 4)
        if kind == _XLSB_ROW and size >= 4:
            row, column = int.from_bytes(data[at:at + 4], "little") + 1, 0
            if size >= 12 and data[at + 11] & _XLSB_ROW_HIDDEN:
                extent.hidden_rows.add(row)
        elif kind in _XLSB_CELLS and size >= 4:
            column = int.from_bytes(data[at:at + 4], "little") + 1
            _reach(extent, row, column)
        elif kind in _XLSB_SHORT:
            column += 1
            _reach(extent, row, column)
        elif kind in _XLSB_BLANK:
            column = int.from_bytes(data[at:at + 4], "little") + 1 if kind == 1 else column + 1
        elif kind == _XLSB_MERGE and size >= 16:
            first, last, left = (int.from_bytes(data[at + i:at + i + 4], "little")
                                 for i in (0, 4, 8))
            if last > first:
                extent.merged_down.append((first + 1, left, last + 1))
        at += size
    return extent


def _varint(data: bytes, at: int, most: int) -> tuple[int, int]:
    value = shift = 0
    for _ in range(most):
        if at >= len(data):
            break
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    return value, at


# -- .ods --------------------------------------------------------------------------------------

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def ods_extents(archive: zipfile.ZipFile) -> dict[str, Extent]:
    """Each table's reach in content.xml, counting repeated rows and cells (a row or cell with
    content repeated a million times is a million rows or cells), its formulas without a saved
    value, its cells merged down (`number-rows-spanned`) and its rows hidden or filtered out
    (`visibility`)."""
    from xml.etree.ElementTree import iterparse

    extents: dict[str, Extent] = {}
    extent = Extent()
    row = column = 0
    row_repeat = 1
    with archive.open("content.xml") as stream:
        for event, element in iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _T + "table":
                    extent = extents.setdefault(element.get(_T + "name", ""), Extent())
                    row = 0
                elif tag == _T + "table-row":
                    row_repeat = int(element.get(_T + "number-rows-repeated", "1"))
                    row += 1
                    column = 0
                    if element.get(_T + "visibility", "visible") != "visible":  # collapse, filter
                        extent.hidden_rows.update(range(row, row + min(row_repeat, 1 << 16)))
                continue
            if tag in (_T + "table-cell", _T + "covered-table-cell"):
                repeat = int(element.get(_T + "number-columns-repeated", "1"))
                spanned = int(element.get(_T + "number-rows-spanned", "1"))
                if spanned > 1:
                    extent.merged_down.append((row, column, row + spanned - 1))
                has_value = element.get(_O + "value-type") is not None
                if has_value or len(element):
                    _reach(extent, row + row_repeat - 1, column + repeat)
                elif element.get(_T + "formula") is not None:
                    extent.marks[(row, column + 1)] = NO_RESULT
                    _reach(extent, row + row_repeat - 1, column + repeat)
                column += repeat
                element.clear()
            elif tag == _T + "table-row":
                row += row_repeat - 1
                element.clear()
    return extents
