"""Excel lists of workers sent by employers, imported as registrations of one campaign.

    plan = check_trips_file(session, campaign_id=cid_or_None, path=p)   # writes nothing
    report = commit_trips_import(session, campaign_id=cid, plan=plan)    # one write transaction

Headers in Chinese, any order, common variants (see SPEC). The destination comes as three
columns (目的地省 / 市 / 县) or as one (目的地, 去向, 家庭住址, 户籍地址, 籍贯…, a short form such as
贵州黔东南 or a full address), placed by `domain.places`; a row whose destination cannot be placed
is rejected with the reason. Every row is checked first; each
bad row is named with its Excel row number, column and reason. A worker already registered in
the campaign is "unchanged", or "updated" when a given value differs (an empty cell never
erases what is on file), so importing the same list twice adds nothing; every update is shown
before → after. New registrations take the next registration numbers in file order and join the
waiting lists. The commit compares the campaign again and writes only rows whose outcome is
still what the check showed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field as dc_field
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.domain.masking import mask_phone
from union_desk.domain.places import parse_place
from union_desk.models.audit import insert_bulk
from union_desk.models.base import new_id, utcnow
from union_desk.models.member import Member
from union_desk.models.trips import (Registration, RegistrationCreate, RegistrationStatus,
                                     TripLegs, TripSeat, registration_search_columns)
from union_desk.progress import Cancelled, Progress, report as report_progress
from union_desk.services.common import excel_headers as xh
from union_desk.services.common import header_words as words
from union_desk.services.common.import_plan import (FieldChange, ImportPlan, ImportReport,
                                                    Rejection, RowUpdate, changed_since_check,
                                                    sorted_rejections, stale_rows)
from union_desk.services.common.import_plan import save_rejections as save_report_rejections
from union_desk.services.common.import_sheet import SheetRows, check_cancel, read_sheet
from union_desk.services.common.problems import ProblemList
from union_desk.services.errors import UserError
from union_desk.services.trips.registrations import (clean_registration, next_seq,
                                                     update_registration)

# a place's part written as a note of the destination's name: 目的地（省）, 返乡地点（县区）
_PLACE_NAMES = ("目的地", "返乡地点", "返乡地址", "返乡目的地", "去向", "到达地")


def _parts(*parts: str) -> list[str]:
    return [f"{name}({part})" for name in _PLACE_NAMES for part in parts]


SPEC: dict[str, list[str]] = {
    "name": [*words.NAME, "乘车人姓名", "乘车人", "乘客姓名", "返乡人员姓名"],
    "id_number": [*words.ID_NUMBER],
    "phone": [*words.PHONE],
    "employer": [*words.EMPLOYER, "用工单位"],
    "province": ["目的地省", "省份", "目的地省份", "省", *_parts("省", "省份")],
    "city": ["市", "目的地市", "地市", "市州", "城市", "目的地城市",
             *_parts("市", "地市", "市州", "城市")],
    "county": ["县", "区县", "县区", "目的地县", "县(区)", "县市区", "目的地区县",
               *_parts("县", "区县", "县区", "县市区")],
    "emergency_name": ["紧急联系人", "紧急联系人姓名"],
    "emergency_phone": ["紧急联系电话", "紧急联系人电话", "紧急联系人手机", "紧急联系人手机号",
                        "紧急联系方式", "紧急联系人联系方式"],
    "insurance_no": ["保险单号", "保单号", "保险号"],
    "legs": ["乘车方向", "行程", "去程/返程"],
    "destination": ["目的地", "去向", "返乡地点", "返乡地址", "返乡目的地", "到达地", "家庭住址",
                    "家庭地址", "户籍地址", "户籍所在地", "户口所在地", "籍贯", "住址", "地址"],
}
REQUIRED = ("name", "id_number", "phone")
DESTINATION_MISSING = "目的地省（或写明去向的一列：目的地、去向、家庭住址、户籍地址、籍贯等）"
LABELS = {f: variants[0] for f, variants in SPEC.items()}
OPTIONAL = ("employer", "city", "county", "emergency_name", "emergency_phone", "insurance_no",
            "legs")
COMPARED = ("name", "phone", *OPTIONAL, "province")
_LEGS = {"": None, "去程": TripLegs.OUTBOUND, "单程": TripLegs.OUTBOUND, "返乡": TripLegs.OUTBOUND,
         "返程": TripLegs.RETURN, "返岗": TripLegs.RETURN, "往返": TripLegs.BOTH,
         "来回": TripLegs.BOTH, "去程+返程": TripLegs.BOTH, "双程": TripLegs.BOTH}


@dataclass
class Candidate:
    row: int
    data: RegistrationCreate
    given: frozenset[str]  # OPTIONAL columns with a value in this row
    values: tuple
    written: str = ""      # the one destination column's text, when the place was read from it


@dataclass(frozen=True)
class Placement:
    """How the one destination column was read: a place, the rows placed there, and (up to
    `WRITTEN_SHOWN`) the distinct ways those rows wrote it."""
    place: str                 # 贵州省 黔东南苗族侗族自治州 榕江县
    rows: int
    first_row: int             # Excel row
    written: tuple[str, ...]
    more_written: int = 0      # distinct ways not in `written`


WRITTEN_SHOWN = 3


TripsImportReport = ImportReport  # the trips report is the common one


@dataclass
class _Update:
    row: int
    registration_id: str
    data: RegistrationCreate
    shown: RowUpdate


@dataclass
class _Outcome:
    new: list[Candidate] = dc_field(default_factory=list)
    updates: list[_Update] = dc_field(default_factory=list)
    unchanged: list[int] = dc_field(default_factory=list)   # Excel rows
    rejected: list[Rejection] = dc_field(default_factory=list)

    def decisions(self) -> dict[int, object]:
        out: dict[int, object] = {c.row: ("new",) for c in self.new}
        out |= {u.row: ("update", u.registration_id, u.data) for u in self.updates}
        return out | {row: ("unchanged",) for row in self.unchanged}

    def describe(self, row: int) -> str:
        reasons = [r.reason for r in self.rejected if r.row == row]
        return "；".join(reasons) or "本活动中此人的登记已被他人添加或修改"


@dataclass
class TripsImportPlan(ImportPlan):
    candidates: list[Candidate]
    outcome: _Outcome

    def placements(self) -> list[Placement]:
        """Where the rows to be written that gave their destination in one column were placed,
        one line a place, in file order: what the clerk checks before importing (恩施 read as
        湖北省恩施土家族苗族自治州, 开县 as 重庆市开州区)."""
        to_write = {c.row for c in self.outcome.new} | {u.row for u in self.outcome.updates}
        places: dict[str, list[Candidate]] = {}
        for c in self.candidates:
            if c.row in to_write and c.written:
                d = c.data
                place = " ".join(p for p in (d.province, d.city, d.county) if p)
                places.setdefault(place, []).append(c)
        out = []
        for place, rows in places.items():
            written = list(dict.fromkeys(c.written for c in rows))
            out.append(Placement(place, len(rows), rows[0].row, tuple(written[:WRITTEN_SHOWN]),
                                 max(0, len(written) - WRITTEN_SHOWN)))
        return out

    def report(self, outcome: _Outcome | None = None, *, committed: bool = False,
               stale: list[Rejection] = ()) -> TripsImportReport:
        outcome = outcome or self.outcome
        return TripsImportReport(
            rows=self.rows, new=len(outcome.new), updated=len(outcome.updates),
            unchanged=len(outcome.unchanged), headers=self.headers, unread=self.unread,
            hidden_rows=self.hidden_rows, other_townships=self.other_townships,
            committed=committed,
            rejected=sorted_rejections(self.file_rejections, outcome.rejected, stale),
            updates=[u.shown for u in outcome.updates])


# -- reading the file ---------------------------------------------------------------------------

def _read_file(path: str | os.PathLike, progress: Progress, cancelled: Cancelled,
               sheet: str | None) -> SheetRows:
    first: dict[str, int] = {}  # ID number → the Excel row that gave it first

    def check(number: int, values: tuple, columns: dict[str, int]) -> Candidate:
        found = ProblemList()
        c = _check_row(number, values, columns, found)
        if c is not None and c.data.id_number in first:
            found.add("id_number", f"与第 {first[c.data.id_number]} 行的身份证号重复")
        elif c is not None:
            first[c.data.id_number] = number
        found.raise_if_any()
        return c

    return read_sheet(path, spec=SPEC, required=REQUIRED, labels=LABELS, check_row=check,
                      progress=progress, cancelled=cancelled, progress_every=200, sheet=sheet,
                      match_columns=_match_columns)


def _match_columns(header: tuple, title: str = "") -> dict[str, int]:
    """The columns; the destination as 目的地省 (with 市, 县) or as one column of the place
    (the title above the header says nothing here)."""
    columns = xh.match_headers(header, SPEC)
    missing = [LABELS[f] for f in REQUIRED if f not in columns]
    if "province" not in columns and "destination" not in columns:
        missing.append(DESTINATION_MISSING)
    if missing:
        raise UserError(f"缺少必需的列：{'、'.join(missing)}")
    return columns


def _place(text, one_column: bool, found: ProblemList) -> tuple[dict[str, str], str]:
    """Province, city, county: from their own columns when the row fills them, else from the
    one destination column (a short form or an address), whose text comes second ("" when
    the columns gave the place)."""
    parts = {f: text(f) for f in ("province", "city", "county")}
    if any(parts.values()) or not one_column:
        return parts, ""
    written = text("destination")
    place = found.take("destination", parse_place, written)
    return (parts, "") if place is None else ({"province": place.province, "city": place.city,
                                               "county": place.county}, written)


def _check_row(number: int, values: tuple, columns: dict[str, int],
               found: ProblemList) -> Candidate | None:
    def text(field: str) -> str:
        index = columns.get(field)
        return "" if index is None else found.take(field, xh.read_text, values[index], default="")

    id_text = found.take("id_number", xh.read_id_number, values[columns["id_number"]],
                         default="")
    legs_text = "".join(text("legs").split())
    if legs_text not in _LEGS:
        found.add("legs", f"乘车方向“{legs_text}”应为 去程、返程 或 往返")
    place, written = _place(text, "destination" in columns, found)
    if "destination" in _fields(found):
        return None  # the destination's reason is the row's; no second one about the province
    given = frozenset(f for f in OPTIONAL if (place[f] if f in place else text(f)))
    fields = dict(name=text("name"), id_number=id_text, phone=text("phone"),
                  employer=text("employer"), **place, emergency_name=text("emergency_name"),
                  emergency_phone=text("emergency_phone"), insurance_no=text("insurance_no"),
                  legs=_LEGS.get(legs_text) or TripLegs.OUTBOUND)
    data = found.take_more(clean_registration, found.build(RegistrationCreate, fields))
    if data is None or found:
        return None
    return Candidate(number, data, given, values, written)


def _fields(found: ProblemList) -> set[str]:
    return {f for f, _ in found.items}


# -- against the database -------------------------------------------------------------------------

def _chunks(items: list, size: int = 900):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _sort_against_db(session: Session, campaign_id: str | None,
                     candidates: list[Candidate]) -> _Outcome:
    numbers = [c.data.id_number for c in candidates]
    members: dict[str, tuple[str, str]] = {}
    existing: dict[str, Registration] = {}
    for part in _chunks(numbers):
        found = sa.select(Member.id, Member.id_number, Member.name).where(
            Member.id_number.in_(part), Member.deleted_at.is_(None))
        for m_id, m_no, m_name in session.execute(found):
            members[m_no] = (m_id, m_name)
        if campaign_id is not None:
            for reg in session.scalars(sa.select(Registration).where(
                    Registration.campaign_id == campaign_id, Registration.id_number.in_(part),
                    Registration.deleted_at.is_(None)).order_by(Registration.seq)):
                if reg.id_number not in existing or reg.status == RegistrationStatus.REGISTERED:
                    existing[reg.id_number] = reg
    out = _Outcome()
    for c in candidates:
        data = c.data
        member = members.get(data.id_number)
        old = existing.get(data.id_number)
        problems = []
        if member is not None and member[1] != data.name:
            problems.append((LABELS["name"], f"身份证号在会员名册中属于“{member[1]}”，"
                                             f"与“{data.name}”不一致"))
        if old is not None and old.status != RegistrationStatus.REGISTERED:
            problems.append((LABELS["id_number"], f"{old.name} 的登记（第 {old.seq} 号）已于 "
                             f"{old.cancelled_on or ''} 取消；如需重新登记请在登记表中添加"))
        if problems:
            out.rejected += [Rejection(c.row, f, r, c.values, data.name) for f, r in problems]
        elif old is None:
            out.new.append(c)
        else:
            wanted = {k: getattr(data, k) for k in COMPARED
                      if k not in OPTIONAL or k in c.given}
            changed = [k for k, v in wanted.items() if getattr(old, k) != v]
            if not changed:
                out.unchanged.append(c.row)
            else:
                merged = RegistrationCreate(**{**{k: getattr(old, k) for k in
                                                  RegistrationCreate.model_fields}, **wanted})
                shown = RowUpdate(c.row, data.name, tuple(
                    FieldChange(LABELS[k], _shown(k, getattr(old, k)), _shown(k, wanted[k]))
                    for k in changed))
                out.updates.append(_Update(c.row, old.id, merged, shown))
    return out


def _shown(field: str, value) -> str:
    if field in ("phone", "emergency_phone"):
        return mask_phone(value)
    return str(getattr(value, "value", value) or "")


def check_trips_file(session: Session, *, campaign_id: str | None, path: str | os.PathLike,
                     progress: Progress = None, cancelled: Cancelled = None,
                     sheet: str | None = None) -> TripsImportPlan:
    """Check every row of the workbook, and against the campaign (None: a new campaign)."""
    sheet = _read_file(path, progress, cancelled, sheet)
    return TripsImportPlan(path=str(path), headers=sheet.headers, unread=sheet.unread,
                           hidden_rows=sheet.hidden, other_townships=sheet.other_townships,
                           rows=sheet.rows, candidates=sheet.good, file_rejections=sheet.rejected,
                           outcome=_sort_against_db(session, campaign_id, sheet.good))


def commit_trips_import(session: Session, *, campaign_id: str, plan: TripsImportPlan,
                        progress: Progress = None,
                        cancelled: Cancelled = None) -> TripsImportReport:
    """Write the valid rows in the caller's transaction; cancelling raises so it rolls back.
    A row whose outcome is no longer what the check showed is rejected, not written."""
    check_cancel(cancelled)
    fresh = _sort_against_db(session, campaign_id, plan.candidates)
    stale = stale_rows(plan.outcome.decisions(), fresh.decisions())
    wanted = set(plan.outcome.decisions()) - stale
    outcome = _Outcome(new=[c for c in fresh.new if c.row in wanted],
                       updates=[u for u in fresh.updates if u.row in wanted],
                       unchanged=[r for r in fresh.unchanged if r in wanted],
                       rejected=list(plan.outcome.rejected))
    stale_rejections = [Rejection(c.row, LABELS["id_number"],
                                  changed_since_check(fresh.describe(c.row)), c.values, c.data.name)
                        for c in plan.candidates if c.row in stale]
    members = dict(session.execute(sa.select(Member.id_number, Member.id).where(
        Member.id_number.in_([c.data.id_number for c in outcome.new]),
        Member.deleted_at.is_(None))).all()) if outcome.new else {}
    now, seq = utcnow(), next_seq(session, campaign_id)
    stamp = dict(township=session.info.get("township", ""), created_at=now, updated_at=now,
                 deleted_at=None)
    regs, seats = [], []
    for i, c in enumerate(outcome.new):
        reg_id = new_id()
        regs.append(dict(stamp, **c.data.model_dump(mode="json"), id=reg_id,
                         campaign_id=campaign_id, seq=seq + i,
                         member_id=members.get(c.data.id_number),
                         status=RegistrationStatus.REGISTERED.value, cancelled_on=None,
                         cancel_reason="", **registration_search_columns(c.data.name)))
        seats += [dict(stamp, id=new_id(), registration_id=reg_id, leg=leg.value, bus_id=None,
                       seat_no=None, boarded_at=None) for leg in c.data.legs.legs()]
    for part in _chunks(list(range(len(regs))), 2000):
        check_cancel(cancelled)
        insert_bulk(session, Registration, [regs[i] for i in part])
        report_progress(progress, part[-1] + 1, len(regs) + len(outcome.updates))
    insert_bulk(session, TripSeat, seats)
    for update in outcome.updates:
        check_cancel(cancelled)
        update_registration(session, registration_id=update.registration_id, data=update.data)
    check_cancel(cancelled)
    return plan.report(outcome, committed=True, stale=stale_rejections)


def save_rejections(report: TripsImportReport, path: str | os.PathLike) -> Path:
    """The rejected rows as an .xlsx: 行号, 字段, 原因, then the row's original cells."""
    return save_report_rejections(report, path)
