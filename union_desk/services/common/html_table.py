"""Lists that another system exported as a web page under an Excel name: many office and
government systems' "导出Excel" writes an HTML <table> and calls it .xls. Excel and WPS open
such a file as a sheet; so does the import.

    tables = read_html_tables(path, limits)   # {name: HtmlTable}, a <table> each
    tables[name].rows                         # [(row number, cells)]

Encoding: a byte-order mark says it; otherwise the page's own `<meta charset>` (gb2312 and gbk
read as GB18030, their superset); otherwise `text_table.decode` tells UTF-8 from GB18030.

Cells are the text of <td> and <th>, spaces collapsed and <br> (or the end of a paragraph) a
line break, every cell text (an ID number stays its 18 characters, as in a CSV). A cell
spanning columns or rows (colspan, rowspan) holds its text in its first cell and leaves the
others empty, as Excel does with merged cells; a cell spanning rows is noted in `merged_down`,
a row hidden as Excel writes one (`<tr style="display:none">`) in `hidden_rows`. A table
inside a cell (a page laid out with tables) is a table of its own: the list is
the table whose header matches, as with the sheets of a workbook. Rows are numbered as Excel
shows the table, empty rows skipped; a table without a row of text is no sheet.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from union_desk.progress import Progress
from union_desk.services.common.sheet_limits import Limits, MergedDown, check_file_size, check_row
from union_desk.services.common.text_table import decode
from union_desk.services.errors import UserError

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "gb18030"}
_MAX_SPAN = (1000, 65534)   # the HTML standard's limits for colspan and rowspan
_SKIPPED = {"script", "style", "head", "title"}
_PIECE = 1 << 18            # characters fed to the parser at a time
_BLOCKS = {"p", "div", "li"}  # ending one inside a cell ends a line of its text, as <br> does


def read_html_tables(path: Path, limits: Limits,
                     reading: Progress = None) -> dict[str, HtmlTable]:
    """The page's tables; `reading(characters done, characters)` is called between pieces of
    the page (a 100,000-row list takes seconds) and may raise to stop."""
    check_file_size(path, limits)
    text = _decode(path.read_bytes(), path.name)
    parser = _Tables(path.name, limits)
    try:
        for start in range(0, len(text), _PIECE):
            if reading is not None:
                reading(start, len(text))
            parser.feed(text[start:start + _PIECE])
        parser.close()
    except UserError:
        raise
    except Exception as err:  # noqa: BLE001 - html.parser gives up on very broken markup
        raise UserError(f"无法读取 {path.name}：网页内容已损坏") from err
    tables = [t for t in parser.done if t.rows]
    if not tables:
        raise UserError(f"{path.name} 实际上是网页（HTML）文件，里面没有表格，不是名单")
    named: dict[str, HtmlTable] = {}
    for number, table in enumerate(tables, start=1):
        name = table.name or (path.stem if len(tables) == 1 else f"表{number}")
        while name in named:
            name += f"（{number}）"
        named[name] = table
    return named


def _decode(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, name)[0]
    found = _CHARSET.search(data[:4096])
    declared = found.group(1).decode("ascii").lower() if found else ""
    if declared in _GB:
        declared = "gb18030"
    try:
        codec = codecs.lookup(declared).name if declared else ""
    except LookupError:
        codec = ""
    if codec:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass  # the page says one thing and is another: find out as for a text file
    return decode(data, name)[0]


@dataclass
class HtmlTable:
    name: str = ""
    rows: list[tuple[int, tuple]] = field(default_factory=list)
    merged_down: list[MergedDown] = field(default_factory=list)   # its cells with a rowspan
    hidden_rows: set[int] = field(default_factory=set)    # <tr style="display:none">, as Excel
    row_hidden: bool = False                               # writes a hidden row: the open row
    number: int = 0                                        # rows seen, empty ones too
    row: list | None = None                                # the open row's cells
    cell: list[str] | None = None                          # the open cell's text
    span: tuple[int, int] = (1, 1)                         # its colspan, rowspan
    covered: dict[int, int] = field(default_factory=dict)  # column → rows a rowspan still takes
    caption: list[str] | None = None


class _Tables(HTMLParser):
    def __init__(self, name: str, limits: Limits) -> None:
        super().__init__(convert_charrefs=True)
        self.name, self.limits = name, limits
        self.open: list[HtmlTable] = []     # tables being read, the innermost last
        self.done: list[HtmlTable] = []     # in the order they start in the page
        self.skipping = 0

    # -- the parser's callbacks -----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if tag == "body":
            self.skipping = 0  # a <head> never closed ends here
            return
        if tag == "table":
            table = HtmlTable()
            self.done.append(table)
            self.open.append(table)
            return
        if not self.open:
            return
        table = self.open[-1]
        if tag == "tr":
            self._end_row(table)
            table.row = []
            style = "".join((dict(attrs).get("style") or "").split()).lower()
            table.row_hidden = "display:none" in style
        elif tag in ("td", "th"):
            self._end_cell(table)
            if table.row is None:
                table.row = []
            given = dict(attrs)
            table.cell = []
            table.span = (_span(given.get("colspan"), _MAX_SPAN[0]),
                          _span(given.get("rowspan"), _MAX_SPAN[1]))
        elif tag == "br" and table.cell is not None:
            table.cell.append("\n")
        elif tag == "caption":
            table.caption = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if not self.open:
            return
        table = self.open[-1]
        if tag == "table":
            self._end_row(table)
            self.open.pop()
        elif tag == "tr":
            self._end_row(table)
        elif tag in ("td", "th"):
            self._end_cell(table)
        elif tag in _BLOCKS and table.cell is not None:
            table.cell.append("\n")
        elif tag == "caption" and table.caption is not None:
            table.name = _text(table.caption) or ""
            table.caption = None

    def handle_data(self, data: str) -> None:
        if self.skipping or not self.open:
            return
        table = self.open[-1]
        if table.caption is not None:
            table.caption.append(data)
        elif table.cell is not None:
            table.cell.append(data)

    def close(self) -> None:
        super().close()
        while self.open:
            self._end_row(self.open.pop())

    # -- cells and rows ---------------------------------------------------------------------------
    def _end_cell(self, table: HtmlTable) -> None:
        if table.cell is None:
            return
        row = table.row if table.row is not None else []
        while table.covered.get(len(row), 0) > 0:   # columns a rowspan above still takes
            row.append(None)
        colspan, rowspan = table.span
        start = len(row)
        row += [_text(table.cell)] + [None] * (colspan - 1)
        if rowspan > 1:
            for column in range(start, start + colspan):
                table.covered[column] = rowspan
            table.merged_down.append((table.number + 1, start, table.number + rowspan))
        table.row, table.cell, table.span = row, None, (1, 1)

    def _end_row(self, table: HtmlTable) -> None:
        self._end_cell(table)
        if table.row is None:
            return
        row, table.row = table.row, None
        table.number += 1
        if table.row_hidden:
            table.hidden_rows.add(table.number)
            table.row_hidden = False
        for column, rows in list(table.covered.items()):  # this row took one of their rows
            if rows <= 1:
                del table.covered[column]
            else:
                table.covered[column] = rows - 1
        while row and row[-1] is None:
            row.pop()
        if row:
            check_row(self.name, table.number, len(row), self.limits)
            table.rows.append((table.number, tuple(row)))


def _span(value: str | None, most: int) -> int:
    try:
        return min(max(int(value or 1), 1), most)
    except ValueError:
        return 1


def _text(parts: list[str]) -> str | None:
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line) or None
