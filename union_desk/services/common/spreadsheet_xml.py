"""Lists saved as Excel 2003 XML ("XML 表格 2003", SpreadsheetML): older systems still export
it, under an .xls or .xml name. Read as Excel opens it, one sheet per <Worksheet>.

    sheets = read_spreadsheet_xml(path, limits)   # [XmlSheet(name, visible, rows, merged_down)]

Values as every reader gives them: String → str, Number → int when written as whole digits
(an 18-digit ID number keeps every digit) else float, DateTime → date at midnight else
datetime, Boolean → bool, Error → its text ("#N/A"), a formula cell without its value →
`NO_CACHED_VALUE`. Rows and cells skip ahead by their `ss:Index`; a cell merged across columns
(`ss:MergeAcross`) holds its value in its first cell, and the cells a merge covers downwards
(`ss:MergeDown`) are absent from the file, so empty; such a cell is noted in `merged_down`, and
a row hidden (`ss:Hidden`, by hand or by a filter) in `hidden_rows`.
The file is read row by row (`iterparse`), each row dropped once read; the row and column
limits hold as for any sheet. A file declaring a DTD is refused before parsing (Excel never
writes one; its entities are how an XML file is made to blow up).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element, ParseError, iterparse

from union_desk.services.common.excel_headers import NO_CACHED_VALUE
from union_desk.progress import Progress
from union_desk.services.common.sheet_limits import Limits, MergedDown, check_file_size, check_row
from union_desk.services.errors import UserError

NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{%s}" % NAMESPACE
_X = "{urn:schemas-microsoft-com:office:excel}"
_HIDDEN = {"SheetHidden", "SheetVeryHidden"}
_EVERY = 500                # rows between two calls of `reading`


@dataclass
class XmlSheet:
    name: str
    visible: bool = True
    rows: list[tuple[int, tuple]] = field(default_factory=list)
    merged_down: list[MergedDown] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)


def read_spreadsheet_xml(path: Path, limits: Limits,
                        reading: Progress = None) -> list[XmlSheet]:
    """The workbook's sheets; `reading(bytes done, bytes)` is called every few hundred rows
    and may raise to stop."""
    check_file_size(path, limits)
    with open(path, "rb") as file:
        if b"<!doctype" in file.read(4096).lower():  # entities: Excel never writes them
            raise UserError(f"无法读取 {path.name}：它带有文档类型声明（DTD），不是 Excel 写出的 "
                            f"2003 XML 表格，为安全起见不读取；请用 Excel 打开后另存为 .xlsx")
        file.seek(0)
        return _sheets(file, path, limits, reading)


def _sheets(file: BinaryIO, path: Path, limits: Limits,
            reading: Progress) -> list[XmlSheet]:
    sheets: list[XmlSheet] = []
    sheet, number, read, size = XmlSheet(""), 0, 0, path.stat().st_size
    try:
        for event, element in iterparse(file, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _SS + "Worksheet":
                    sheet = XmlSheet(element.get(_SS + "Name") or f"Sheet{len(sheets) + 1}")
                    number = 0
                continue
            if tag == _SS + "Row":
                read += 1
                if reading is not None and read % _EVERY == 0:
                    reading(file.tell(), size)
                number = _index(element, number + 1)
                if element.get(_SS + "Hidden") in ("1", "true"):
                    sheet.hidden_rows.add(number)
                values = _row(element, path.name, number, limits, sheet.merged_down)
                if values:
                    check_row(path.name, number, len(values), limits)
                    sheet.rows.append((number, tuple(values)))
                element.clear()
            elif tag == _X + "Visible" and (element.text or "").strip() in _HIDDEN:
                sheet.visible = False
            elif tag == _SS + "Worksheet":
                sheets.append(sheet)
                element.clear()
    except ParseError as err:
        raise UserError(f"无法读取 {path.name}：Excel 2003 XML 表格已损坏（{err}）") from None
    if not sheets:
        raise UserError(f"{path.name} 里没有工作表")
    return sheets


def _index(element: Element, default: int) -> int:
    try:
        return max(int(element.get(_SS + "Index") or default), default)
    except ValueError:
        return default


def _row(row: Element, name: str, number: int, limits: Limits,
         merged_down: list[MergedDown]) -> list[Any]:
    values: list[Any] = []
    for cell in row.findall(_SS + "Cell"):
        column = _index(cell, len(values) + 1)
        across = _merge(cell, "MergeAcross", limits.columns)
        down = _merge(cell, "MergeDown", limits.rows)
        check_row(name, number, column, limits)
        if down:
            merged_down.append((number, column - 1, number + down))
        values += [None] * (column - 1 - len(values))
        values.append(_value(cell))
        values += [None] * across
    while values and values[-1] is None:
        values.pop()
    return values


def _merge(cell: Element, attribute: str, most: int) -> int:
    try:
        return min(max(int(cell.get(_SS + attribute) or 0), 0), most)
    except ValueError:
        return 0


def _value(cell: Element) -> Any:
    data = cell.find(_SS + "Data")
    if data is None:
        return NO_CACHED_VALUE if cell.get(_SS + "Formula") else None
    text = "".join(data.itertext())
    kind = data.get(_SS + "Type", "String")
    try:
        if kind == "Number":
            stripped = text.strip()
            return int(stripped) if stripped.lstrip("-").isdigit() else float(stripped)
        if kind == "DateTime":
            moment = datetime.fromisoformat(text.strip())
            return moment.date() if moment.time() == time() else moment
        if kind == "Boolean":
            return text.strip() in ("1", "true", "TRUE")
    except ValueError:
        pass  # not what its type says: the text as written
    return text if text != "" else None

