"""Excel export of the roster as filtered on screen; ID numbers and phones masked by default,
and of the birth date only the year (the full date beside a masked ID number gives it back).

Full numbers (`reveal=True`) are personal information leaving the app (PIPL art. 51): the export
writes an audit entry (models/personal.py `grant_reveal`), so call it inside a write session.
The workbook is streamed page by page into a temporary file that replaces the target only when
complete; a cancel leaves nothing, and rolls the audit entry back with the transaction.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlmodel import Session

from union_desk.files import atomic_path, write_error_text
from union_desk.models.member import MemberRow, MemberStatus
from union_desk.models.personal import RevealGrant, shown
from union_desk.progress import Cancelled, Progress
from union_desk.services.accounts.reveals import Door, authorise_reveal
from union_desk.services.common.xlsx_text import safe_row
from union_desk.services.errors import UserError
from union_desk.services.roster.members import JoinedPeriod, count_members, iter_members

PAGE = 1000
HEADER = ["姓名", "性别", "民族", "身份证号", "出生年份", "手机", "工作单位", "所属工会", "入会时间",
          "会员证号", "是否农民工", "户口类型", "状态", "状态日期"]
_WIDTHS = [10, 6, 8, 22, 12, 14, 28, 28, 12, 14, 10, 10, 8, 12]
EXPORT_CANCELLED = "已取消导出，未生成文件"


def _line(row: MemberRow, grant: RevealGrant | None) -> list:
    return [row.name, row.gender, row.ethnicity, shown(row.id_number, grant), row.birth_year,
            shown(row.phone, grant), row.employer, row.union_name,
            row.join_date, row.card_no or "", "是" if row.is_migrant else "否", row.hukou_type,
            row.status.value, row.status_date]


def export_roster(session: Session, *, path: str | os.PathLike, text: str = "",
                  union_id: str | None = None, status: MemberStatus | None = None,
                  sort: str = "name", descending: bool = False, reveal: bool = False,
                  reason: str = "", progress: Progress = None, cancelled: Cancelled = None,
                  joined: JoinedPeriod | None = None) -> int:
    """Write the members matching the filters (as `search_members`) to `path`; returns the count."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"导出文件名应以 .xlsx 结尾：{path.name}")
    total = count_members(session, text=text, union_id=union_id, status=status, joined=joined)
    grant = authorise_reveal(session, door=Door.ID_NUMBERS, reason=reason,
                             what="名册导出（完整身份证号和手机号）", table_name="member",
                             file=path.name, text=text, union_id=union_id,
                             status=status.value if status else None) if reveal else None
    book = Workbook(write_only=True)
    sheet = book.create_sheet("会员名册")
    for i, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.append(HEADER)
    try:
        with atomic_path(path) as tmp:
            try:
                written = _write_pages(session, sheet, total, dict(
                    text=text, union_id=union_id, status=status, sort=sort,
                    descending=descending, joined=joined), grant, progress, cancelled)
                book.save(tmp)
            except BaseException:
                if not tmp.exists():
                    _finish(book, tmp)  # let openpyxl close and remove its own temporary files
                raise
            if cancelled is not None and cancelled():
                raise UserError(EXPORT_CANCELLED)
    except OSError as err:
        raise UserError(write_error_text(err, path)) from err
    if grant is not None:
        grant.record(count=written)
        session.flush()
    return written


def _write_pages(session: Session, sheet, total: int, query: dict, grant: RevealGrant | None,
                 progress: Progress, cancelled: Cancelled) -> int:
    written = 0
    for row in iter_members(session, batch=PAGE, **query):
        sheet.append(safe_row(sheet, _line(row, grant)))
        written += 1
        if written % PAGE == 0:
            if cancelled is not None and cancelled():
                raise UserError(EXPORT_CANCELLED)
            if progress is not None:
                progress(written, max(total, written))
    if progress is not None:
        progress(written, max(total, written))
    return written


def _finish(book, tmp: Path) -> None:
    try:
        book.save(tmp)
    except Exception:  # noqa: BLE001 - only cleaning up after the real error
        pass
