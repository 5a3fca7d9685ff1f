"""What every import hands back: a checked plan, rejected rows with their reasons, the updates as
before → after, and the report of what was (or would be) written.

Every data row of the file lands in exactly one of new / updated / unchanged / rejected, so
`rows == valid + rejected_rows` always; a rejected row may carry several problems (one
`Rejection` each).  A plan is checked outside any write transaction; its commit compares the
database again, and a row whose outcome is no longer what the clerk was shown is not written but
rejected with `changed_since_check(...)`, so nothing the clerk did not see is ever written.
"""
from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Hashable, Iterable, Mapping, Sequence

from union_desk.files import atomic_path, write_error_text
from union_desk.services.common.xlsx_text import safe_row
from union_desk.services.errors import UserError


@dataclass(frozen=True)
class Rejection:
    row: int       # Excel row number
    field: str     # Chinese column label
    reason: str
    values: tuple = ()  # the row's original cells, for the rejection list
    name: str = ""      # the person the row names, as the file gives it

    def to_json(self) -> dict:
        return {"row": self.row, "name": self.name, "field": self.field, "reason": self.reason}


@dataclass(frozen=True)
class FieldChange:
    field: str     # Chinese column label
    before: str
    after: str

    def text(self) -> str:
        return f"{self.field}：{self.before or '（空）'} → {self.after or '（空）'}"


@dataclass(frozen=True)
class RowUpdate:
    """What an update changes in a record on file, as shown to the clerk before the commit."""

    row: int
    name: str
    changes: tuple[FieldChange, ...]

    def text(self) -> str:
        return "；".join(c.text() for c in self.changes)

    def to_json(self) -> dict:
        return {"row": self.row, "name": self.name,
                "changes": [{"field": c.field, "before": c.before, "after": c.after}
                            for c in self.changes]}


@dataclass
class ImportReport:
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = dc_field(default_factory=list)
    updates: list[RowUpdate] = dc_field(default_factory=list)
    headers: list[str] = dc_field(default_factory=list)
    committed: bool = False
    unread: list[str] = dc_field(default_factory=list)  # headers of the columns not read
    hidden_rows: list[int] = dc_field(default_factory=list)  # Excel rows hidden, not read
    other_townships: dict[str, int] = dc_field(default_factory=dict)  # rows left out, by township

    @property
    def valid(self) -> int:
        return self.new + self.updated + self.unchanged

    @property
    def rejected_rows(self) -> int:
        """Rows with at least one problem (a row may have several)."""
        return len({r.row for r in self.rejected})

    def to_json(self) -> dict:
        return {"rows": self.rows, "valid": self.valid, "new": self.new, "updated": self.updated,
                "unchanged": self.unchanged, "rejected_rows": self.rejected_rows,
                "rejected": [r.to_json() for r in self.rejected],
                "updates": [u.to_json() for u in self.updates], "unread_columns": self.unread,
                "hidden_rows": self.hidden_rows, "other_townships": self.other_townships}


@dataclass
class ImportPlan:
    """A checked file waiting for its commit; `outcome`: the importer's comparison with the db."""

    path: str
    headers: list[str]
    unread: list[str]   # headers of the columns not read (`import_sheet.SheetRows.unread`)
    hidden_rows: list[int]  # Excel rows of people the sheet hides, not read
    other_townships: dict[str, int]  # rows of a city-wide list left out, by township
    rows: int
    candidates: list
    file_rejections: list[Rejection]
    outcome: Any

    @property
    def rejected(self) -> list[Rejection]:
        return sorted_rejections(self.file_rejections, self.outcome.rejected)


def townships_text(counts: Mapping[str, int]) -> str:
    """{"寿昌镇": 120, "乾潭镇": 2} → "寿昌镇 120 行、乾潭镇 2 行" (most rows first)."""
    return "、".join(f"{name} {rows} 行" for name, rows in
                    sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def row_ranges(rows: Iterable[int]) -> str:
    """Excel row numbers as a clerk reads them: [5, 6, 7, 9] → "5–7、9"."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return "、".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def sorted_rejections(*groups: Iterable[Rejection]) -> list[Rejection]:
    """The rejections of the file check and of the database check, in Excel row order."""
    return sorted((r for group in groups for r in group), key=lambda r: r.row)


CHANGED_SINCE_CHECK = "检查之后数据已有变动（{}），此行未导入；请重新检查文件后再导入"


def changed_since_check(what: str) -> str:
    return CHANGED_SINCE_CHECK.format(what)


def stale_rows(checked: Mapping[int, Hashable], fresh: Mapping[int, Hashable]) -> set[int]:
    """Rows the check accepted (new, update, unchanged) whose decision is no longer the same
    when the commit compares the database again."""
    return {row for row, decision in checked.items() if fresh.get(row) != decision}


# -- the rejection list ----------------------------------------------------------------------

def xlsx_cell(value: Any) -> Any:
    """A cell value as the rejection list writes it back (anything unusual as its text)."""
    if value is None or isinstance(value, (str, int, float, bool, date, datetime)):
        return value
    return str(value)


def write_rejections(path: Path, *, headers: Sequence[str], rejected: Sequence[Rejection]) -> None:
    """The rejected rows as an .xlsx, one line per row: 行号, 字段, 原因 (every problem of the
    row), then the row's original cells. Written through `files.atomic_path`: an OSError leaves
    no file and is raised."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("未导入的行")
    sheet.append(safe_row(sheet, ["行号", "字段", "原因", *headers]))
    by_row: dict[int, list[Rejection]] = {}
    for rej in rejected:
        by_row.setdefault(rej.row, []).append(rej)
    for row, problems in by_row.items():
        fields = "、".join(dict.fromkeys(p.field for p in problems if p.field))
        reasons = (problems[0].reason if len(problems) == 1 else
                   "；".join(f"{p.field}：{p.reason}" if p.field else p.reason for p in problems))
        sheet.append(safe_row(sheet, [row, fields, reasons,
                                      *(xlsx_cell(v) for v in problems[0].values)]))
    with atomic_path(path) as tmp:
        book.save(tmp)


def save_rejections(report: ImportReport, path: str | Path) -> Path:
    """The report's rejected rows as an .xlsx (see `write_rejections`); UserError if the file
    cannot be written."""
    path = Path(path)
    try:
        write_rejections(path, headers=report.headers, rejected=report.rejected)
    except OSError as err:
        raise UserError(write_error_text(err, path)) from err
    return path
