"""The one place voucher numbers are issued: `大洋镇-2021-0001`.

Sequential per township and year, never reused (a voided payment keeps its number), issued
inside the caller's write transaction. Writers begin with BEGIN IMMEDIATE on SQLite (db.py) and
take the write lock on PostgreSQL (db_server.py), so the read-increment-write of the counter
cannot interleave with another process or thread: the second writer waits for the first to
commit. On PostgreSQL the counter row is also read FOR UPDATE (SQLite ignores it).
"""
from __future__ import annotations

import re

from sqlmodel import Session, select

from union_desk.domain.errors import RuleError
from union_desk.domain.townships import Township, township_by_code
from union_desk.models.payment import Payment, VoucherCounter
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting

DIGITS = 4


def voucher_prefix(township_name: str, year: int) -> str:
    return f"{township_name}-{year}-"


def format_voucher_no(township_name: str, year: int, seq: int) -> str:
    return f"{voucher_prefix(township_name, year)}{seq:0{DIGITS}d}"


def issue_voucher_numbers(session: Session, *, year: int, count: int = 1) -> list[str]:
    """Reserve `count` consecutive numbers for `year` in this township; they are used by the
    payments the caller inserts in the same transaction (a rollback gives them back)."""
    if count < 1:
        return []
    if not session.connection().get_execution_options().get("write"):
        raise RuntimeError("voucher numbers are issued only inside a write transaction")
    town = this_township(session)
    counter = session.exec(select(VoucherCounter).where(
        VoucherCounter.township == town.code, VoucherCounter.year == year)
        .with_for_update()).first()
    if counter is None:
        counter = VoucherCounter(township=town.code, year=year,
                                 last=_highest_used(session, town.name, year))
        session.add(counter)
    first = counter.last + 1
    counter.last += count
    session.flush()
    return [format_voucher_no(town.name, year, n) for n in range(first, first + count)]


def this_township(session: Session) -> Township:
    """The township this database belongs to (chosen at first run)."""
    code = get_setting(session, key="township") or session.info.get("township", "")
    try:
        return township_by_code(code)
    except RuleError:
        raise UserError("数据库尚未完成初始设置（所属乡镇），请先运行 union-desk setup") from None


def issue_voucher_no(session: Session, *, year: int) -> str:
    return issue_voucher_numbers(session, year=year, count=1)[0]


def _highest_used(session: Session, township_name: str, year: int) -> int:
    """A counter starts after any number already on record (e.g. data restored from a copy)."""
    prefix = voucher_prefix(township_name, year)
    pattern = re.compile(re.escape(prefix) + r"(\d+)")
    numbers = session.exec(select(Payment.voucher_no).where(
        Payment.voucher_no.startswith(prefix, autoescape=True))).all()
    seqs = [int(m.group(1)) for n in numbers if (m := pattern.fullmatch(n))]
    return max(seqs, default=0)


def parse_voucher_no(text: str) -> tuple[str, int, int] | None:
    """(township name, year, sequence) of a voucher number, or None if it is not one."""
    m = re.fullmatch(r"(.+?)-(\d{4})-(\d+)", "".join((text or "").split()))
    return None if m is None else (m.group(1), int(m.group(2)), int(m.group(3)))

