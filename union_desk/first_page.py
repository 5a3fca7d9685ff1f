"""The roster's first page, read with the bare `sqlite3` module before SQLAlchemy and the models
are loaded, so the window shows real members a second sooner (issue 13, start-up).

    look = quick_look(path)        # None: take the normal path (the reason is in the docstring)
    rows = first_page(path, limit=PAGE)

Read-only (`mode=ro`): nothing here writes, migrates, or decides anything the normal path does
not decide again. The window opens the file for real right after the first paint
(app.Session.open_fast) and the real roster panel takes over with the same rows.

The statement is the one `services.roster.members.search_members` runs for the roster as it
opens (no search, no filter, name order: `_member_query(sort="name")`, LEFT JOIN of the union);
`tests/foundation/test_first_page.py` proves on generated data — ties on the name key,
tombstones, members without a union — that both give the same rows and the same text in every
column. Personal numbers leave this module masked by the masks of `domain/masking.py` (the ones
`models.personal.IdNumber` / `Phone` print with); the full numbers never reach the window.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

from union_desk.dbfile import DatabaseFileError, probe
from union_desk.dbhome import HEADS
from union_desk.domain.masking import mask_id, mask_phone

FIRST_PAGE_SQL = (
    "SELECT member.id, member.name, member.gender, member.id_number, member.birth_date, "
    "member.phone, member.employer, grassroots_union.name AS union_name, member.join_date, "
    "member.card_no, member.is_migrant, member.status "
    "FROM member LEFT OUTER JOIN grassroots_union ON grassroots_union.id = member.union_id "
    "WHERE member.deleted_at IS NULL ORDER BY member.py_full ASC, member.id ASC LIMIT ?")


@dataclass(frozen=True)
class QuickLook:
    """What the frame needs to know before the file is opened for real."""

    city: bool  # the city office's database: the overview tab is 全市汇总 there


@dataclass(frozen=True)
class StoredText:
    """An enum column as the file stores it (its Chinese value), read as `Enum.value` reads."""

    value: str


@dataclass(frozen=True)
class FirstPageMember:
    """One row of the first page: the attributes the roster's columns read from a `MemberRow`
    (views/roster/columns.py), personal numbers already masked, the birth date as its year."""

    id: str
    name: str
    gender: str
    id_number: str
    birth_year: int | None
    phone: str
    employer: str
    union_name: str | None
    join_date: date | None
    card_no: str | None
    is_migrant: bool
    status: StoredText


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=1)


def quick_look(path) -> QuickLook | None:
    """A QuickLook when the first page may be shown before the file is opened, else None:
    the file must pass `dbfile.probe`, be at this program's schema (`HEADS`: no migration
    pending), be set up (a clerk), and hold no clerk accounts at all — with accounts, whoever
    starts the program may have to sign in before any member is shown. Any read error: None
    (the normal path opens the file and names the problem)."""
    try:
        path = Path(path)
        probe(path, create=False)
        con = _connect(path)
        try:
            revisions = {r[0] for r in con.execute("SELECT version_num FROM alembic_version")}
            if revisions != set(HEADS):
                return None
            settings = {key: json.loads(value) for key, value in con.execute(
                "SELECT key, value FROM setting WHERE key IN ('township', 'clerk', 'role')")}
            city = settings.get("role") == "city"  # services.settings.is_city
            if not settings.get("clerk") or not (settings.get("township") or city):
                return None  # not set up: the first-run dialog comes first
            if con.execute("SELECT 1 FROM account LIMIT 1").fetchone() is not None:
                return None
            return QuickLook(city=city)
        finally:
            con.close()
    except (DatabaseFileError, sqlite3.Error, OSError, ValueError):
        return None


def first_page(path, *, limit: int) -> list[FirstPageMember]:
    """The roster's first `limit` members as it opens (name order), masked."""
    con = _connect(Path(path))
    try:
        rows = con.execute(FIRST_PAGE_SQL, (limit,)).fetchall()
    finally:
        con.close()
    return [FirstPageMember(
        id=id_, name=name, gender=gender, id_number=mask_id(id_number),
        birth_year=date.fromisoformat(born).year if born else None, phone=mask_phone(phone),
        employer=employer, union_name=union_name,
        join_date=date.fromisoformat(joined) if joined else None, card_no=card_no,
        is_migrant=bool(migrant), status=StoredText(status))
        for id_, name, gender, id_number, born, phone, employer, union_name, joined, card_no,
        migrant, status in rows]
