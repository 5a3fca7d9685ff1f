"""What every Excel import shares: find the header row, check each data row, collect rejections.

    sheet = read_sheet(path, spec=SPEC, required=REQUIRED, labels=LABELS, check_row=check)

`check_row(number, values, columns)` is the importer's own rule for one row (Excel row number, the
cells up to the last header column, field → column index): it returns the importer's candidate or
raises `RowRejected` (one or several problems) or a `UserError`; state such as in-file duplicate
checks lives in its closure.  Cells come from `workbook.open_sheet`, which enforces the size
limits.

The header row is the first of the first 30 rows with the anchor column.  A workbook with
several sheets: the one named by `sheet`, else the only visible sheet with such a header row;
when several have one, `SheetChoiceNeeded` names them and the clerk picks (the window asks, the
CLI takes `--sheet`).  A two-row header (a
merged parent such as 联系方式 over 手机 and 工作单位) is understood: when the next row is
blank under every required column found so far and names at least one known column, its cells
are the column names under their parents, and it is not read as data.

Rows the sheet hides (by hand, or filtered out: the township's own rows of a city-wide list)
are not read, as the clerk does not see them; they are named (`SheetRows.hidden`) for the
clerk to show them in Excel if they were meant. The columns no field is read from are named
too (`SheetRows.unread`), and the rows of a city-wide list that belong to another township
are left out and counted when the importer asks (`township`).

Rows that are no person are left out, not rejected: nothing in any column the import reads (a
序号 alone in a template's unused rows, a note beside the list), and, without an ID number (15
digits or more), the header again (a list pasted together from printed pages), a total line
(a cell starting 合计/总计/小计/共计, alone or with what it counts: 合计：5人, 合计人数; not an
employer 总计划部) or a line under the list that starts with who made, checked or stamped it,
its date or a note (填表人：…, 审核人：…, 日期：…, 注：…, 以下空白), whatever its other cells
say (联系电话：… under the ID number column).

A cell merged down over several data rows (所属工会 or 目的地 written once for a block of rows)
gives its value to every row it covers that has values of its own, as the spreadsheet shows it;
it never makes a row of its own, and a merge in the header rows stays the header's. The fields
an importer keeps apart (`kept_apart`: money, where a merged 500 may be each row's or the
block's together) get a `MergedCell` instead, in every row of the merge, for the importer to
refuse with the reason.
"""
from __future__ import annotations

import itertools
import re
from contextlib import contextmanager
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from typing import Any, Callable, Collection, Iterator, Mapping, Sequence

from pydantic import ValidationError

from union_desk.domain.errors import RuleError
from union_desk.domain.townships import township_by_name
from union_desk.progress import Cancelled, Progress, is_cancelled, report
from union_desk.services.common import excel_headers as xh
from union_desk.services.common.import_plan import Rejection
from union_desk.services.common.problems import Problems, validation_problems
from union_desk.services.common.sheet_limits import MergedDown
from union_desk.services.common.workbook import Book, Sheet, open_book
from union_desk.services.errors import UserError

CANCELLED_MESSAGE = "已取消导入，未写入任何数据"
# headers of the columns not read that the clerk is not told of: what only counts the rows,
# and the birth date and age every list's ID number holds
NOT_TOLD = frozenset({"", "序号", "序", "no", "no.", "出生年月", "出生年份", "出生日期", "出生年月日",
                      "年龄"})
HEADER_SCAN_ROWS = 30
# a total: the word alone or with what it counts (合计, 合计：5人, 合计人数, 小计(元)), not the start
# of a name (总计划部, 小计算机店)
TOTAL = re.compile(r"(合计|总计|小计|共计)(人数|金额|户数|[人元户名])?(?![\u4e00-\u9fff])")
# how the lines under a list begin (as cells read: NFKC, so "：" is ":" and "（" is "("); the
# plain words only when no other word goes on from them (日期：…, not 日期印刷厂)
FOOTER = re.compile(r"填表人|制表人|填报人|审核人|审批人|负责人|经办人|联系人|以下空白|以下无|注:|备注:"
                    r"|单位\(?盖章\)?|(?:(?:填表|制表|填报)?日期|联系电话|盖章|说明)(?![\u4e00-\u9fff])")


@dataclass(frozen=True)
class MergedCell:
    """A kept-apart field's cell merged down over rows `first`…`last` (see the module's doc);
    as text, its value."""

    first: int
    last: int
    value: Any

    def __str__(self) -> str:
        return xh.cell_text(self.value)


class RowRejected(Exception):
    """Raised by a row check: every (field, reason) of the row; a field is a field name of the
    spec (or a label), a reason is Chinese."""

    def __init__(self, field: str = "", reason: str = "", *,
                 problems: Sequence[tuple[str, str]] = ()):
        self.problems = list(problems) or [(field, reason)]
        super().__init__(self.problems[0][1])
        self.field, self.reason = self.problems[0]


class SheetChoiceNeeded(UserError):
    """Several sheets of the workbook look like the list: the clerk must say which."""

    def __init__(self, file_name: str, names: Sequence[str]):
        self.names = list(names)
        super().__init__(f"{file_name} 中有 {len(self.names)} 张工作表都像名单："
                         + "、".join(f"“{n}”" for n in self.names)
                         + "；请选择要导入的工作表（命令行：--sheet 工作表名）")


@dataclass
class SheetRows:
    headers: list[str]                 # the header's cells as text, up to its last column
    sheet: str = ""                    # the sheet read
    rows: int = 0                      # data rows read (blank and skipped rows not counted)
    good: list = dc_field(default_factory=list)            # what check_row returned
    rejected: list[Rejection] = dc_field(default_factory=list)
    columns: dict[str, int] = dc_field(default_factory=dict)  # field → the column read for it
    hidden: list[int] = dc_field(default_factory=list)  # Excel rows of people hidden or filtered out
    other_townships: dict[str, int] = dc_field(default_factory=dict)  # township → its rows left out

    @property
    def unread(self) -> list[str]:
        """The header's names of the columns no field was read from, in sheet order, but a
        序号 or a birth date (`NOT_TOLD`): what the clerk is told the import leaves out (政治面貌,
        or a column whose name it does not know, such as 会员证编码), so that nothing is dropped
        unseen."""
        read = set(self.columns.values())
        return [text for i, text in enumerate(self.headers)
                if i not in read and xh.normalise_header(text).lower() not in NOT_TOLD]


def check_cancel(cancelled: Cancelled, message: str = CANCELLED_MESSAGE) -> None:
    if is_cancelled(cancelled):
        raise UserError(message)


@contextmanager
def rejecting(field: str | None = None) -> Iterator[None]:
    """UserError (or pydantic ValidationError) inside → RowRejected, naming `field` if given;
    every problem of a `Problems` or a ValidationError is kept."""
    try:
        yield
    except ValidationError as err:
        raise RowRejected(problems=validation_problems(err)) from None
    except Problems as err:
        raise RowRejected(problems=err.problems) from None
    except UserError as err:
        raise RowRejected(field if field is not None else err.field or "", err.message) from None


def read_sheet(path: str | Path, *, spec: Mapping[str, Sequence[str]], required: Sequence[str],
               labels: Mapping[str, str], check_row: Callable[[int, tuple, dict], Any],
               anchor: str = "name", progress: Progress = None, cancelled: Cancelled = None,
               progress_every: int = 500, sheet: str | None = None,
               match_columns: Callable[[tuple, str], dict[str, int]] | None = None,
               kept_apart: Collection[str] = (), township: str | None = None) -> SheetRows:
    """Check every data row of the list's sheet (see the module's doc). Rejections name the
    person of the row when the spec has a `name` field. `match_columns(header, title)` replaces
    the plain header match (an importer with a choice between columns, or a question to ask);
    `title` is the text of the rows above the header. `township`: the database's own; a list
    with a "township" column (a city-wide list) leaves out the rows another of Jiande's
    townships is written in, counted by township (`SheetRows.other_townships`)."""
    def reading(done: int, total: int) -> None:   # a file parsed whole before its rows
        check_cancel(cancelled)
        report(progress, done, total)

    with open_book(path, reading=reading) as book:
        chosen = choose_sheet(book, sheet, spec[anchor])
        rows = chosen.rows()
        header_at, header, rows, title = _find_header(rows, spec, anchor, required)
        columns = (match_columns(header, title) if match_columns is not None
                   else xh.match_headers(header, spec, required=required))
        width = max(i for i, cell in enumerate(header) if xh.normalise_header(cell)) + 1
        out = SheetRows(headers=[xh.cell_text(c) for c in header[:width]], sheet=chosen.name,
                        columns=dict(columns))
        name_at = columns.get("name")
        merged = (_MergedDown(chosen.merged_down, header_at, width,
                              {columns[f] for f in kept_apart if f in columns})
                  if chosen.merged_down else None)
        person = {f: i for f, i in columns.items() if f != "township"}
        names = {i: xh.normalise_header(header[i]) for i in person.values()}
        hidden = chosen.hidden_rows
        town_at = columns.get("township") if township else None
        for seen, (number, row) in enumerate(rows, start=1):
            if seen % progress_every == 0:
                check_cancel(cancelled)
                report(progress, number, max(chosen.declared_rows, number))
            own = tuple(row[:width]) + (None,) * (width - len(row))
            values = own if merged is None else merged.fill(number, own)
            if _not_a_person(own, person, names):
                continue
            if number in hidden:
                out.hidden.append(number)
                continue
            if town_at is not None and (other := _other_township(values[town_at], township)):
                out.other_townships[other] = out.other_townships.get(other, 0) + 1
                continue
            out.rows += 1
            try:
                out.good.append(check_row(number, values, columns))
            except (RowRejected, UserError) as rej:
                problems = (rej.problems if isinstance(rej, (RowRejected, Problems))
                            else [(rej.field or "", rej.message)])
                name = "" if name_at is None else "".join(xh.cell_text(values[name_at]).split())
                problems = sorted(problems, key=lambda p: columns.get(p[0], width))
                out.rejected += [Rejection(number, labels.get(f, f), reason, values, name)
                                 for f, reason in problems]
        check_cancel(cancelled)
        return out


def _not_a_person(values: tuple, columns: Mapping[str, int], names: Mapping[int, str]) -> bool:
    """A row left out (see the module's doc): `values` are the row's own cells, `names` the
    header's name of each column read."""
    at = columns.get("id_number")
    if at is not None and _holds_id(xh.cell_text(values[at])):
        return False
    if all(xh.cell_text(values[i]) == "" for i in columns.values()):
        return True
    if any(xh.normalise_header(values[i]) == name for i, name in names.items()):
        return True
    texts = [t for t in ("".join(xh.cell_text(v).split()) for v in values) if t]
    return any(TOTAL.match(t) for t in texts) or FOOTER.match(texts[0]) is not None


def _other_township(value: Any, own: str) -> str | None:
    """The Jiande township a cell names (大洋镇, or 大洋 as clerks shorten it) when it is not
    `own`; None for `own`, an empty cell or any other text (read as usual)."""
    text = xh.cell_text(value)
    if not text:
        return None
    try:
        named = township_by_name(text).name
    except RuleError:
        return None
    return None if named == own else named


def _holds_id(text: str) -> bool:
    """An ID number, even mistyped or spaced: 15 digits or more."""
    return text[:15].isdigit() or sum(c.isdigit() for c in text) >= 15


class _MergedDown:
    """The cells merged down over data rows (below `header_at`, within the header's `width`),
    their values passed to the rows they cover as the rows come, in order; in the `apart`
    columns, a `MergedCell` to every row of the merge."""

    def __init__(self, merged: Sequence[MergedDown], header_at: int, width: int,
                 apart: set[int]):
        self._waiting = sorted((m for m in merged if m[0] > header_at and m[1] < width),
                               reverse=True)                  # the next merge to come is last
        self._open: list[tuple[int, int, Any]] = []           # (last row, column, value)
        self._apart = apart

    def fill(self, number: int, values: tuple) -> tuple:
        waiting = self._waiting
        while waiting and waiting[-1][0] <= number:
            top, column, last = waiting.pop()
            value = values[column] if top == number else None  # its value is in this row
            if value is not None:
                self._open.append((last, column, MergedCell(top, last, value)
                                   if column in self._apart else value))
        if not self._open:
            return values
        self._open = [m for m in self._open if m[0] >= number]
        covered = [(column, value) for _, column, value in self._open
                   if values[column] is None
                   or (isinstance(value, MergedCell) and value.first == number)]
        if not covered:
            return values
        filled = list(values)
        for column, value in covered:
            filled[column] = value
        return tuple(filled)


def choose_sheet(book: Book, name: str | None, anchor: Sequence[str]) -> Sheet:
    """The sheet named (spaces and case aside), the only visible one, or the only visible one
    whose first rows hold the anchor column (see the module's doc)."""
    if name is not None:
        return book.sheet(book.find_sheet(name))
    if len(book.sheet_names) == 1:
        return book.sheet(book.sheet_names[0])
    matching = []
    for sheet_name in book.sheet_names:
        sheet = book.sheet(sheet_name)
        head = itertools.takewhile(lambda r: r[0] <= HEADER_SCAN_ROWS, sheet.rows())
        if any(xh.is_header_row(row, anchor) for _, row in head):
            matching.append(sheet)
    if len(matching) == 1:
        return matching[0]
    if matching:
        raise SheetChoiceNeeded(book.path.name, [s.name for s in matching])
    raise UserError(f"没有找到表头：{book.path.name} 的各工作表（"
                    + "、".join(f"“{n}”" for n in book.sheet_names)
                    + f"）前 {HEADER_SCAN_ROWS} 行中都没有“{anchor[0]}”列")


def _find_header(rows: Iterator[tuple[int, tuple]], spec: Mapping[str, Sequence[str]],
                 anchor: str, required: Sequence[str]
                 ) -> tuple[int, tuple, Iterator[tuple[int, tuple]], str]:
    """(row number, header cells, the rows after the header, the text of the rows above it)."""
    above: list[str] = []
    for number, row in rows:
        if number > HEADER_SCAN_ROWS:
            break
        if not xh.is_header_row(row, spec[anchor]):
            above += [text for text in map(xh.cell_text, row) if text]
            continue
        title = " ".join(above)
        following = next(rows, None)
        if following is None:
            return number, row, iter(()), title
        if following[0] == number + 1:
            combined = _with_sub_header(row, following[1], spec, required)
            if combined is not None:
                return number + 1, combined, rows, title
        return number, row, itertools.chain([following], rows), title
    raise UserError(f"没有找到表头：前 {HEADER_SCAN_ROWS} 行中没有“{spec[anchor][0]}”列")


def _with_sub_header(header: tuple, below: tuple, spec: Mapping[str, Sequence[str]],
                     required: Sequence[str]) -> tuple | None:
    """The header with the names of the row below it when that row is a sub-header row (see the
    module's doc); None when it is not."""
    width = max(len(header), len(below))
    upper = [header[i] if i < len(header) else None for i in range(width)]
    lower = [below[i] if i < len(below) else None for i in range(width)]
    # the row below repeating a name of the header row (an unmerged two-row header) is a name too
    if any(xh.cell_text(c) != "" and not isinstance(c, str) for c in lower):
        return None  # numbers or dates: a data row
    names = [xh.normalise_header(c) for c in lower]
    known = {xh.normalise_header(v) for variants in spec.values() for v in variants}

    def a_name(n: str) -> bool:
        return n in known or xh.loose_header(n) in known

    found = xh.match_headers(upper, spec)
    if any(names[found[f]] not in ("", xh.normalise_header(upper[found[f]]))
           and not a_name(names[found[f]]) for f in required if f in found):
        return None  # a value under a required column: a data row (手机 under 联系方式 is not)
    if not any(a_name(n) and n != xh.normalise_header(u) for n, u in zip(names, upper)):
        return None
    return tuple(lo if n else up for n, lo, up in zip(names, lower, upper))
