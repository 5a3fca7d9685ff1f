"""Excel import of the clerk's member roster: every row checked first, then one transaction.

    plan = check_roster_file(session, path=p)             # read-only: what would happen
    report = commit_roster_import(session, plan=plan)     # in the caller's write transaction

A row whose ID number is already on file updates that member when a given value differs (an empty
cell never erases what is on file) and is "unchanged" otherwise, so importing the same file twice
adds nothing.  A different 所属工会 is a transfer (转会) with its history entry.  Unknown union names
become new grassroots unions.  The comparison with the database runs again at commit, inside the
write transaction, so a plan that has gone stale cannot write duplicates.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field as dc_field
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.models.audit import record_bulk
from union_desk.models.base import new_id, utcnow
from union_desk.models.member import (SEARCH_COLUMNS, Member, MemberEvent, MemberEventKind,
                                      MemberStatus, search_columns)
from union_desk.models.union import GrassrootsUnion, UnionCreate, UnionStatus
from union_desk.services.errors import UserError
from union_desk.services.common.import_sheet import (Cancelled, ImportPlan, ImportReport, Progress,
                                              Rejection, check_cancel, sorted_rejections,
                                              write_rejections)
from union_desk.services.roster.sheet import LABELS, OPTIONAL, Candidate, read_roster_sheet
from union_desk.services.roster.unions import create_union, union_ids_by_name

__all__ = ["RosterImportPlan", "RosterImportReport", "Rejection", "check_roster_file",
           "commit_roster_import", "save_rejections"]

IMPORT_REASON = "名册导入"
_NEW_UNION = "new-union:"  # placeholder union_id until the union is created at commit
_CHUNK = 2000
_IN_CHUNK = 900
_COMPARED = ("name", "id_number", "gender", "birth_date", "phone", "ethnicity", "employer",
             "union_id", "join_date", "card_no", "is_migrant", "hukou_type")


@dataclass
class RosterImportReport(ImportReport):
    unions_created: list[str] = dc_field(default_factory=list)

    def to_json(self) -> dict:
        return super().to_json() | {"unions_created": list(self.unions_created)}


@dataclass
class _Update:
    row: int
    member_id: str
    before: dict
    after: dict


@dataclass
class _Outcome:
    """The file's valid rows sorted against the database."""

    new: list[Candidate] = dc_field(default_factory=list)
    updates: list[_Update] = dc_field(default_factory=list)
    unchanged: int = 0
    rejected: list[Rejection] = dc_field(default_factory=list)
    unions_to_create: dict[str, str] = dc_field(default_factory=dict)  # placeholder id → name


@dataclass
class RosterImportPlan(ImportPlan):
    candidates: list[Candidate]
    outcome: _Outcome

    @property
    def unions_to_create(self) -> list[str]:
        return list(self.outcome.unions_to_create.values())

    def report(self, outcome: _Outcome | None = None, *,
               committed: bool = False) -> RosterImportReport:
        outcome = outcome or self.outcome
        return RosterImportReport(rows=self.rows, new=len(outcome.new),
                                  updated=len(outcome.updates), unchanged=outcome.unchanged,
                                  rejected=sorted_rejections(self.file_rejections,
                                                             outcome.rejected),
                                  unions_created=list(outcome.unions_to_create.values()),
                                  headers=self.headers, committed=committed)

    def to_json(self) -> dict:
        return self.report().to_json()


def check_roster_file(session: Session, *, path: str | os.PathLike, progress: Progress = None,
                      cancelled: Cancelled = None) -> RosterImportPlan:
    """Check every row of the workbook and against the database; writes nothing."""
    sheet = read_roster_sheet(path, progress=progress, cancelled=cancelled)
    return RosterImportPlan(path=str(path), headers=sheet.headers, rows=sheet.rows,
                            candidates=sheet.good, file_rejections=sheet.rejected,
                            outcome=_sort_against_db(session, sheet.good))


def commit_roster_import(session: Session, *, plan: RosterImportPlan, progress: Progress = None,
                         cancelled: Cancelled = None) -> RosterImportReport:
    """Write the valid rows in the caller's transaction; cancelling raises so it rolls back."""
    check_cancel(cancelled)
    outcome = _sort_against_db(session, plan.candidates)
    union_ids = {placeholder: create_union(session, data=UnionCreate(name=name)).id
                 for placeholder, name in outcome.unions_to_create.items()}
    total, done = len(outcome.new) + len(outcome.updates), 0
    for start in range(0, len(outcome.new), _CHUNK):
        check_cancel(cancelled)
        _insert_new(session, outcome.new[start:start + _CHUNK], union_ids)
        done += len(outcome.new[start:start + _CHUNK])
        if progress is not None:
            progress(done, total)
    for start in range(0, len(outcome.updates), _CHUNK):
        check_cancel(cancelled)
        _apply_updates(session, outcome.updates[start:start + _CHUNK], union_ids)
        done += len(outcome.updates[start:start + _CHUNK])
        if progress is not None:
            progress(done, total)
    check_cancel(cancelled)
    return plan.report(outcome, committed=True)


# -- sorting the rows against the database -------------------------------------------------------

def _union_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split())


def _chunks(items: list, size: int = _IN_CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _existing_members(session: Session, numbers: list[str]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    columns = [Member.id, Member.status,
               *(getattr(Member, c) for c in _COMPARED + SEARCH_COLUMNS)]
    for part in _chunks(numbers):
        rows = session.execute(sa.select(*columns).where(
            Member.id_number.in_(part), Member.deleted_at.is_(None))).all()
        found.update({r.id_number: dict(r._mapping) for r in rows})
    return found


def _card_owners(session: Session, cards: list[str]) -> dict[str, tuple[str, str]]:
    owners: dict[str, tuple[str, str]] = {}
    for part in _chunks(cards):
        rows = session.execute(sa.select(Member.card_no, Member.id_number, Member.name).where(
            Member.card_no.in_(part), Member.deleted_at.is_(None))).all()
        owners.update({r.card_no: (r.id_number, r.name) for r in rows})
    return owners


def _sort_against_db(session: Session, candidates: list[Candidate]) -> _Outcome:
    by_name = union_ids_by_name(session)
    unions = {_union_key(name): uid for name, uid in by_name.items()}
    names = {uid: name for name, uid in by_name.items()}
    closed = set(session.scalars(sa.select(GrassrootsUnion.id).where(
        GrassrootsUnion.status == UnionStatus.CLOSED, GrassrootsUnion.deleted_at.is_(None))))
    existing = _existing_members(session, [c.fields["id_number"] for c in candidates])
    owners = _card_owners(session, [c.fields["card_no"] for c in candidates if c.fields["card_no"]])
    out = _Outcome()
    for c in candidates:
        key = _union_key(c.union_name)
        union_id = unions.get(key, _NEW_UNION + key)
        fields = dict(c.fields, union_id=union_id)
        card = fields["card_no"]
        old = existing.get(fields["id_number"])
        refusal = None
        if card and card in owners and owners[card][0] != fields["id_number"]:
            refusal = (LABELS["card_no"], f"会员证号 {card} 已用于 {owners[card][1]}")
        elif old is None:
            if union_id in closed:
                refusal = (LABELS["union"], f"“{c.union_name}”已撤销，不能再接收会员")
            else:
                out.new.append(Candidate(c.row, fields, c.given, c.union_name, c.values))
        else:
            changed = _changes(old, fields, set(OPTIONAL) - c.given)
            if "union_id" in changed:
                refusal = _transfer_refusal(old, c.union_name, union_id in closed, names)
            if refusal is None and changed:
                out.updates.append(_Update(c.row, old["id"], {k: old[k] for k in changed},
                                           changed))
            elif refusal is None:
                out.unchanged += 1
                continue
        if refusal is not None:
            out.rejected.append(Rejection(c.row, *refusal, c.values))
        elif union_id.startswith(_NEW_UNION):
            out.unions_to_create.setdefault(union_id, c.union_name)
    return out


def _changes(old: dict, fields: dict, skipped: set[str]) -> dict:
    """The fields a row changes (its empty optional cells change nothing), with the search
    columns that follow from the name, ID number and phone after the change."""
    changed = {k: fields[k] for k in _COMPARED if k not in skipped and old[k] != fields[k]}
    if changed:
        merged = {**old, **changed}
        derived = search_columns(name=merged["name"], id_number=merged["id_number"],
                                 phone=merged["phone"])
        changed |= {k: v for k, v in derived.items() if old[k] != v}
    return changed


def _transfer_refusal(old: dict, union_name: str, closed: bool,
                      names: dict[str, str]) -> tuple[str, str] | None:
    """Why a member on file cannot move to the union the row names (None: the transfer is fine)."""
    if old["status"] != MemberStatus.ACTIVE:
        return (LABELS["union"], f"{old['name']} 当前状态为“{old['status'].value}”，所属工会"
                                 f"（系统中为“{names.get(old['union_id'], '')}”）不能通过导入更改")
    if closed:
        return (LABELS["union"], f"“{union_name}”已撤销，不能再接收会员")
    return None


# -- writing -------------------------------------------------------------------------------------

def _stamp(session: Session, now: datetime) -> dict:
    return dict(township=session.info.get("township", ""), created_at=now, updated_at=now,
                deleted_at=None)


def _insert_new(session: Session, rows: list[Candidate], union_ids: dict[str, str]) -> None:
    now = utcnow()
    stamp, today = _stamp(session, now), date.today()
    members, events = [], []
    for c in rows:
        fields = dict(c.fields)
        fields["union_id"] = union_ids.get(fields["union_id"], fields["union_id"])
        member_id = new_id()
        members.append(dict(stamp, **fields, id=member_id, status=MemberStatus.ACTIVE.value,
                            status_date=fields["join_date"]))
        events.append(dict(stamp, id=new_id(), member_id=member_id,
                           kind=MemberEventKind.JOINED.value, on=fields["join_date"] or today,
                           reason=IMPORT_REASON, from_union_id=None,
                           to_union_id=fields["union_id"]))
    session.execute(sa.insert(Member), members)
    session.execute(sa.insert(MemberEvent), events)
    record_bulk(session, table_name="member", rows=members)
    record_bulk(session, table_name="member_event", rows=events)


def _apply_updates(session: Session, updates: list[_Update], union_ids: dict[str, str]) -> None:
    now = utcnow()
    stamp, today = _stamp(session, now), date.today()
    groups: dict[tuple[str, ...], list[dict]] = {}
    events, audits, befores = [], [], []
    for u in updates:
        after = dict(u.after)
        if "union_id" in after:
            after["union_id"] = union_ids.get(after["union_id"], after["union_id"])
            events.append(dict(stamp, id=new_id(), member_id=u.member_id,
                               kind=MemberEventKind.TRANSFER.value, on=today, reason=IMPORT_REASON,
                               from_union_id=u.before["union_id"], to_union_id=after["union_id"]))
        groups.setdefault(tuple(sorted(after)), []).append(
            {"b_id": u.member_id, **{f"v_{k}": v for k, v in after.items()}})
        audits.append({"id": u.member_id, **after})
        befores.append(u.before)
    table = Member.__table__
    for keys, params in groups.items():
        statement = (sa.update(table).where(table.c.id == sa.bindparam("b_id"))
                     .values({**{k: sa.bindparam(f"v_{k}") for k in keys}, "updated_at": now}))
        session.execute(statement, params)
    if events:
        session.execute(sa.insert(MemberEvent), events)
        record_bulk(session, table_name="member_event", rows=events)
    record_bulk(session, table_name="member", rows=audits, action="update", before=befores)


# -- the rejection list --------------------------------------------------------------------------

def save_rejections(report: RosterImportReport | RosterImportPlan,
                    path: str | os.PathLike) -> Path:
    """The rejected rows as an .xlsx: 行号, 字段, 原因, then the row's original cells."""
    if isinstance(report, RosterImportPlan):
        report = report.report()
    path = Path(path)
    try:
        write_rejections(path, headers=report.headers, rejected=report.rejected, cell=_cell)
    except OSError as err:
        raise UserError(f"无法保存文件 {path.name}：{err.strerror or err}") from err
    return path


def _cell(value):
    if value is None or isinstance(value, (str, int, float, bool, date, datetime)):
        return value
    return str(value)
