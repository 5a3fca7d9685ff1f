"""Helpers for the roster import/export tests: valid ID numbers and small workbooks."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa
from openpyxl import Workbook, load_workbook

from union_desk.domain.idcard import check_char
from union_desk.models.audit import AuditEntry
from union_desk.models.member import Member, MemberEvent
from union_desk.models.union import GrassrootsUnion

HEADER = ["姓名", "身份证号", "性别", "民族", "手机", "工作单位", "所属工会", "入会时间", "会员证号",
          "是否农民工", "户口类型"]


def person_id(seq: int, born: date = date(1985, 6, 15), area: str = "330182") -> str:
    """A valid 18-digit ID; odd `seq` is male."""
    first17 = f"{area}{born:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


def bad_check(number: str) -> str:
    """The same ID with a wrong check character."""
    return number[:17] + ("1" if number[17] != "1" else "2")


def row(name: str, id_number, *, gender=None, ethnicity="汉族", phone="13800138000",
        employer="大洋镇机械厂", union="大洋镇机械厂工会", joined="2019-05-01", card=None,
        migrant="否", hukou="农业") -> list:
    return [name, id_number, gender, ethnicity, phone, employer, union, joined, card, migrant,
            hukou]


def write_book(path: Path, rows: list[list], *, header: list[str] = HEADER,
               title: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "会员名册"
    if title:
        sheet.append([title])
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    book.save(path)
    return path


def read_book(path: Path) -> list[tuple]:
    book = load_workbook(path, read_only=True)
    try:
        return list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def counts(db) -> dict[str, int]:
    """Rows per table, to prove that nothing (or exactly what) was written."""
    with db.session() as s:
        return {t.__tablename__: s.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (Member, MemberEvent, GrassrootsUnion, AuditEntry)}
