"""Excel import of the clerk's member roster: every row checked first, then one transaction.

    plan = check_roster_file(session, path=p)             # read-only: what would happen
    report = commit_roster_import(session, plan=plan,     # in the caller's write transaction
                                  accept_renames={7})     # rows the clerk confirmed as renamed

A row whose ID number is already on file updates that member when a given value differs (an empty
cell never erases what is on file) and is "unchanged" otherwise, so importing the same file twice
adds nothing; the plan shows every update as before → after.  A different name on an ID number
on file is a rejected row ("身份证号已登记为 陈晓兰，姓名不符") unless the clerk confirms, row by
row, that it is a real name change.  A different 所属工会 is a transfer (转会) with its history
entry.  Unknown union names become new grassroots unions.

Check outside any write transaction: the file is read and compared while other work goes on.  The
commit compares the database again inside the write transaction and writes only rows whose
outcome is still what the plan showed; any other row is rejected with what changed meanwhile.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field as dc_field
from datetime import date, datetime
from pathlib import Path
from typing import Collection

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.models.audit import insert_bulk, insert_bulk_columns, record_bulk
from union_desk.models.base import new_id, new_ids, utcnow
from union_desk.models.member import Member, MemberEvent, MemberEventKind, MemberStatus
from union_desk.models.union import UnionCreate
from union_desk.progress import Cancelled, Progress, report as report_progress
from union_desk.services.common.import_plan import (ImportPlan, ImportReport, Rejection, RowUpdate,
                                                    changed_since_check, sorted_rejections,
                                                    stale_rows)
from union_desk.services.common.import_plan import save_rejections as save_report_rejections
from union_desk.services.common.bulk import collector_paused, inserts_deferred
from union_desk.services.common.import_sheet import check_cancel
from union_desk.services.errors import UserError
from union_desk.services.roster.import_compare import Outcome, Update, compare, read_basis
from union_desk.services.roster.sheet import (LABELS, Candidate, UnionNeeded, read_roster_sheet,
                                            union_in_title)
from union_desk.services.roster.unions import create_union, union_ids_by_name

__all__ = ["RosterImportPlan", "RosterImportReport", "Rejection", "check_roster_file",
           "commit_roster_import", "save_rejections"]

IMPORT_REASON = "名册导入"
_CHUNK = 2000


@dataclass
class RosterImportReport(ImportReport):
    unions_created: list[str] = dc_field(default_factory=list)
    renames: list[RowUpdate] = dc_field(default_factory=list)  # name changes not confirmed

    def to_json(self) -> dict:
        return super().to_json() | {"unions_created": list(self.unions_created),
                                    "renames": [u.to_json() for u in self.renames]}


@dataclass
class RosterImportPlan(ImportPlan):
    candidates: list[Candidate]
    outcome: Outcome

    @property
    def unions_to_create(self) -> list[str]:
        return list(self.outcome.unions_to_create.values())

    @property
    def renames(self) -> list[RowUpdate]:
        """Rows whose ID number is on file under another name: the clerk may confirm each."""
        return [u.shown for u in self.outcome.renames]

    def confirmable(self, rows: Collection[int]) -> set[int]:
        """The rows as a set; UserError naming any that is not a name change awaiting a yes."""
        unknown = sorted(set(rows) - {u.row for u in self.outcome.renames})
        if unknown:
            raise UserError("这些行不是“身份证号已登记为另一姓名”待确认的行："
                            + "、".join(f"第 {r} 行" for r in unknown))
        return set(rows)

    def report(self, accept_renames: Collection[int] = (), *, outcome: Outcome | None = None,
               committed: bool = False, stale: list[Rejection] = ()) -> RosterImportReport:
        """The counts if the rows in `accept_renames` are confirmed name changes."""
        outcome = outcome or self.outcome
        accepted = outcome.accepted(accept_renames)
        updates = outcome.updates + accepted
        return RosterImportReport(
            rows=self.rows, new=len(outcome.new), updated=len(updates),
            unchanged=len(outcome.unchanged),
            rejected=sorted_rejections(self.file_rejections, outcome.rejected,
                                       outcome.pending(accept_renames), stale),
            updates=sorted((u.shown for u in updates), key=lambda u: u.row),
            unions_created=list(outcome.unions_to_create.values()),
            renames=[u.shown for u in outcome.renames if u.row not in accept_renames],
            headers=self.headers, unread=self.unread, hidden_rows=self.hidden_rows,
            other_townships=self.other_townships, committed=committed)

    def to_json(self) -> dict:
        return self.report().to_json()


def check_roster_file(session: Session, *, path: str | os.PathLike, progress: Progress = None,
                      cancelled: Cancelled = None, sheet: str | None = None,
                      union: str | None = None) -> RosterImportPlan:
    """Check every row of the workbook and against the database; writes nothing."""
    with collector_paused():
        try:
            sheet = read_roster_sheet(path, progress=progress, cancelled=cancelled, sheet=sheet,
                                      union=union)
        except UnionNeeded as err:  # the union the title names, if one on file
            raise UnionNeeded(err.file_name, err.title,
                              union_in_title(err.title, union_ids_by_name(session)),
                              empty=err.empty) from None
        return RosterImportPlan(path=str(path), headers=sheet.headers, unread=sheet.unread,
                                hidden_rows=sheet.hidden,
                                other_townships=sheet.other_townships, rows=sheet.rows,
                                candidates=sheet.good, file_rejections=sheet.rejected,
                                outcome=compare(session, sheet.good))


def commit_roster_import(session: Session, *, plan: RosterImportPlan,
                         accept_renames: Collection[int] = (), progress: Progress = None,
                         cancelled: Cancelled = None) -> RosterImportReport:
    """Write the valid rows in the caller's transaction; cancelling raises so it rolls back.

    `accept_renames`: Excel rows of `plan.renames` the clerk confirmed as real name changes."""
    accept = plan.confirmable(accept_renames)
    with collector_paused():
        return _commit(session, plan, accept, progress, cancelled)


def _commit(session: Session, plan: RosterImportPlan, accept: set[int], progress: Progress,
            cancelled: Cancelled) -> RosterImportReport:
    check_cancel(cancelled)
    basis = read_basis(session, plan.candidates)
    if basis == plan.outcome.basis:  # nothing the check read has changed: every row stands
        fresh, stale = plan.outcome, set()
    else:
        fresh = compare(session, plan.candidates, basis=basis)
        stale = stale_rows(plan.outcome.decisions(accept), fresh.decisions(accept))
    stale_rejections = [Rejection(c.row, LABELS["id_number"], changed_since_check(fresh.describe(c.row, accept)),
                                  c.values, c.fields["name"])
                        for c in plan.candidates if c.row in stale] if stale else []
    outcome = _without(fresh, stale, plan.outcome, accept)
    union_ids = {placeholder: create_union(session, data=UnionCreate(name=name)).id
                 for placeholder, name in outcome.unions_to_create.items()}
    updates = outcome.updates + outcome.accepted(accept)
    total, done = len(outcome.new) + len(updates), 0
    with inserts_deferred(session, Member, len(outcome.new)):
        for start in range(0, len(outcome.new), _CHUNK):
            check_cancel(cancelled)
            _insert_new(session, outcome.new[start:start + _CHUNK], union_ids)
            done += len(outcome.new[start:start + _CHUNK])
            report_progress(progress, done, total)
    for start in range(0, len(updates), _CHUNK):
        check_cancel(cancelled)
        _apply_updates(session, updates[start:start + _CHUNK], union_ids)
        done += len(updates[start:start + _CHUNK])
        report_progress(progress, done, total)
    check_cancel(cancelled)
    return plan.report(accept, outcome=outcome, committed=True, stale=stale_rejections)


def _without(fresh: Outcome, stale: set[int], checked: Outcome, accept: set[int]) -> Outcome:
    """What the commit writes: the fresh comparison of the rows the check accepted, without the
    rows that changed meanwhile; the check's rejections stand as the clerk saw them. When the
    comparison is the check's own (`fresh is checked`, nothing changed), every row it accepted
    is written: no row is looked up again (a 100,000-row import: 40 ms less)."""
    new, updates = fresh.new, fresh.updates + fresh.accepted(accept)
    unchanged = fresh.unchanged
    if fresh is not checked:
        wanted = set(checked.decisions(accept)) - stale
        new = [c for c in new if c.row in wanted]
        updates = [u for u in updates if u.row in wanted]
        unchanged = [r for r in unchanged if r in wanted]
    unions = {c.union_id for c in new} | {u.after.get("union_id") for u in updates}
    return Outcome(new=new, updates=[u for u in updates if u.row not in accept],
                   renames=[u for u in updates if u.row in accept]
                   + [u for u in checked.renames if u.row not in accept],
                   unchanged=unchanged,
                   rejected=list(checked.rejected),
                   unions_to_create={k: v for k, v in fresh.unions_to_create.items()
                                     if k in unions})


# -- writing -------------------------------------------------------------------------------------

def _stamp(session: Session, now: datetime) -> dict:
    return dict(township=session.info.get("township", ""), created_at=now, updated_at=now,
                deleted_at=None)


def _insert_new(session: Session, rows: list[Candidate], union_ids: dict[str, str]) -> None:
    """The new members and their 入会 events, column by column (no dict per row)."""
    count, today = len(rows), date.today()
    stamp = {k: [v] * count for k, v in _stamp(session, utcnow()).items()}
    fields = [c.fields for c in rows]
    members = {key: [f[key] for f in fields] for key in fields[0]}
    members["union_id"] = [union_ids.get(c.union_id, c.union_id) for c in rows]
    members.update(stamp, id=new_ids(count), status=[MemberStatus.ACTIVE.value] * count,
                   status_date=members["join_date"])
    insert_bulk_columns(session, Member, count, members)
    insert_bulk_columns(session, MemberEvent, count, dict(
        stamp, id=new_ids(count), member_id=members["id"],
        kind=[MemberEventKind.JOINED.value] * count,
        on=[joined or today for joined in members["join_date"]],
        reason=[IMPORT_REASON] * count, from_union_id=[None] * count,
        to_union_id=members["union_id"]))


def _apply_updates(session: Session, updates: list[Update], union_ids: dict[str, str]) -> None:
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
    insert_bulk(session, MemberEvent, events)
    record_bulk(session, table_name="member", rows=audits, action="update", before=befores)


# -- the rejection list --------------------------------------------------------------------------

def save_rejections(report: RosterImportReport | RosterImportPlan,
                    path: str | os.PathLike) -> Path:
    """The rejected rows as an .xlsx: 行号, 字段, 原因, then the row's original cells."""
    return save_report_rejections(report.report() if isinstance(report, RosterImportPlan)
                                  else report, path)
