"""The roster file's valid rows sorted against the members on file: new, updated (shown before →
after), unchanged, a name differing from the one on file under the same ID number (a rejected row
unless the clerk confirms a real name change), or refused with every reason.

Runs twice for one import: at the check (outside any write transaction) and again at the commit,
inside it; `decisions()` lets the commit write only what the clerk was shown.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field as dc_field
from datetime import date
from typing import Collection, Hashable

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.domain.masking import mask_phone
from union_desk.domain.pinyin import name_key
from union_desk.models.member import SEARCH_COLUMNS, Member, MemberStatus, search_columns
from union_desk.models.union import GrassrootsUnion, UnionStatus
from union_desk.services.common.import_plan import FieldChange, Rejection, RowUpdate
from union_desk.services.roster.sheet import LABELS, OPTIONAL, Candidate
from union_desk.services.roster.unions import union_ids_by_name

NEW_UNION = "new-union:"  # placeholder union_id until the union is created at commit
_IN_CHUNK = 900
COMPARED = ("name", "id_number", "gender", "birth_date", "phone", "ethnicity", "employer",
            "union_id", "join_date", "card_no", "is_migrant", "hukou_type")
# what the clerk is shown of an update (the rest follows from the ID number and the name)
SHOWN = {"name": "姓名", "phone": "手机", "ethnicity": "民族", "employer": "工作单位",
         "union_id": "所属工会", "join_date": "入会时间", "card_no": "会员证号",
         "is_migrant": "是否农民工", "hukou_type": "户口类型"}


def rename_reason(name_on_file: str) -> str:
    return f"身份证号已登记为 {name_on_file}，姓名不符"


@dataclass
class Update:
    row: int
    member_id: str
    before: dict
    after: dict
    shown: RowUpdate
    key: Hashable       # before/after with unions by name: equal keys write the same thing
    values: tuple = ()


@dataclass
class Outcome:
    new: list[Candidate] = dc_field(default_factory=list)
    updates: list[Update] = dc_field(default_factory=list)
    renames: list[Update] = dc_field(default_factory=list)  # name differs: rejected unless confirmed
    unchanged: list[int] = dc_field(default_factory=list)   # Excel rows
    rejected: list[Rejection] = dc_field(default_factory=list)
    unions_to_create: dict[str, str] = dc_field(default_factory=dict)  # placeholder id → name
    basis: Basis | None = None  # what the comparison read of the database

    def accepted(self, renames: Collection[int]) -> list[Update]:
        return [u for u in self.renames if u.row in renames]

    def pending(self, renames: Collection[int]) -> list[Rejection]:
        """The name changes not confirmed, as rejections."""
        return [Rejection(u.row, LABELS["name"], rename_reason(u.before["name"]), u.values,
                          u.after["name"]) for u in self.renames if u.row not in renames]

    def decisions(self, renames: Collection[int]) -> dict[int, Hashable]:
        out: dict[int, Hashable] = {c.row: ("new",) for c in self.new}
        out |= {u.row: ("update", u.key) for u in self.updates + self.accepted(renames)}
        return out | {row: ("unchanged",) for row in self.unchanged}

    def describe(self, row: int, renames: Collection[int]) -> str:
        """What this comparison found for a row, for a clerk told that it changed."""
        reasons = [r.reason for r in self.rejected + self.pending(renames) if r.row == row]
        if reasons:
            return "；".join(reasons)
        if any(c.row == row for c in self.new):
            return "名册中已没有此身份证号的会员"
        return "名册中此身份证号的会员已被他人登记或修改"


def _union_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split())


def _chunks(items: list, size: int = _IN_CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _on_file(session: Session, column, wanted: list[str]) -> list[str]:
    """The values of `wanted` that may be on file in `column` of a live member: for a file
    larger than the roster (the first import of a township), the roster's few values are read
    whole, by the column's live index, and only the file's values among them are looked up
    row by row — not thousands of values in chunks that find nothing."""
    if len(wanted) <= _IN_CHUNK:
        return wanted
    values = set(session.scalars(sa.select(column).where(
        column.is_not(None), Member.deleted_at.is_(None)).limit(len(wanted) + 1)))
    if len(values) > len(wanted):  # a roster larger than the file: look every value up
        return wanted
    return [v for v in wanted if v in values]


def _existing_members(session: Session, numbers: list[str]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    columns = [Member.id, Member.status,
               *(getattr(Member, c) for c in COMPARED + SEARCH_COLUMNS)]
    for part in _chunks(_on_file(session, Member.id_number, numbers)):
        rows = session.execute(sa.select(*columns).where(
            Member.id_number.in_(part), Member.deleted_at.is_(None))).all()
        found.update({r.id_number: dict(r._mapping) for r in rows})
    return found


def _card_owners(session: Session, cards: list[str]) -> dict[str, tuple[str, str]]:
    owners: dict[str, tuple[str, str]] = {}
    for part in _chunks(_on_file(session, Member.card_no, cards)):
        rows = session.execute(sa.select(Member.card_no, Member.id_number, Member.name).where(
            Member.card_no.in_(part), Member.deleted_at.is_(None))).all()
        owners.update({r.card_no: (r.id_number, r.name) for r in rows})
    return owners


@dataclass
class Basis:
    """Everything `compare` reads of the database for a file's rows: the same basis sorts the
    same rows the same way, so a commit whose basis is the check's takes the check's outcome
    as it is (nothing changed meanwhile) instead of sorting every row again."""

    unions: dict[str, str]                  # union name → id (union_ids_by_name)
    closed: set[str]                        # ids of closed unions
    existing: dict[str, dict]               # the rows' ID numbers on file → the member
    owners: dict[str, tuple[str, str]]      # the rows' card numbers on file → (ID number, name)


def read_basis(session: Session, candidates: list[Candidate]) -> Basis:
    return Basis(
        unions=union_ids_by_name(session),
        closed=set(session.scalars(sa.select(GrassrootsUnion.id).where(
            GrassrootsUnion.status == UnionStatus.CLOSED, GrassrootsUnion.deleted_at.is_(None)))),
        existing=_existing_members(session, [c.fields["id_number"] for c in candidates]),
        owners=_card_owners(session, [c.fields["card_no"] for c in candidates
                                      if c.fields["card_no"]]))


def compare(session: Session, candidates: list[Candidate], *,
            basis: Basis | None = None) -> Outcome:
    """The rows sorted against the database (`basis`: what was read of it, else read now)."""
    basis = basis if basis is not None else read_basis(session, candidates)
    unions = {_union_key(name): uid for name, uid in basis.unions.items()}
    names = {uid: name for name, uid in basis.unions.items()}
    closed, existing, owners = basis.closed, basis.existing, basis.owners
    out = Outcome(basis=basis)
    union_of: dict[str, str] = {}  # each union name as rows write it → its id (one text each)
    for c in candidates:
        union_id = union_of.get(c.union_name)
        if union_id is None:  # the first row with this name
            key = _union_key(c.union_name)
            union_id = union_of[c.union_name] = unions.get(key, NEW_UNION + key)
            names.setdefault(union_id, c.union_name)
        fields = c.fields  # union_id unresolved; a copy with it for a member on file
        card = fields["card_no"]
        old = existing.get(fields["id_number"])
        problems: list[tuple[str, str]] = []
        if card and card in owners and owners[card][0] != fields["id_number"]:
            problems.append((LABELS["card_no"], f"会员证号 {card} 已用于 {owners[card][1]}"))
        renamed = old is not None and name_key(old["name"]) != name_key(fields["name"])
        problems += _status_refusal(c.status, old)
        if old is None:
            if union_id in closed:
                problems.append((LABELS["union"], f"“{c.union_name}”已撤销，不能再接收会员"))
            elif not problems:
                # a copy with the union's id: the commit walks these in order, and made one after
                # another they lie together in memory (the check's own candidates, with a
                # union_of map, made a 100,000-row commit 0.15 s slower)
                out.new.append(Candidate(c.row, fields, c.given, c.union_name, c.values,
                                         union_id))
        else:
            fields = dict(fields, union_id=union_id)
            skipped = set(OPTIONAL) - c.given
            changed = [k for k in COMPARED if k not in skipped and old[k] != fields[k]]
            changed += _derived_changes(old, fields, changed)
            if "union_id" in changed:
                problems += _transfer_refusal(old, c.union_name, union_id in closed, names)
            if renamed and problems:
                problems.insert(0, (LABELS["name"], rename_reason(old["name"])))
            if not problems and changed:
                update = _update(c, old, fields, changed, names)
                (out.renames if renamed else out.updates).append(update)
            elif not problems:
                out.unchanged.append(c.row)
                continue
        if problems:
            out.rejected += [Rejection(c.row, f, r, c.values, fields["name"]) for f, r in problems]
        elif union_id.startswith(NEW_UNION):
            out.unions_to_create.setdefault(union_id, c.union_name)
    return out


def _derived_changes(old: dict, fields: dict, changed: list[str]) -> list[str]:
    """The search columns that follow from the name after the change (an empty optional cell
    changes nothing, so they are computed from the merged values); `fields` gets their new
    values."""
    if not changed:
        return []
    merged = {**old, **{k: fields[k] for k in changed}}
    derived = search_columns(name=merged["name"])
    fields.update(derived)
    return [k for k, v in derived.items() if old[k] != v]


def _status_refusal(written: MemberStatus | None,
                    old: dict | None) -> list[tuple[str, str]]:
    """Why the row's 状态 cannot stand: an import registers members on the roll and never
    changes a member's status (transfers out, leaving, death and reinstatement are done on the
    roster, each with its date and event)."""
    if written is None or (old is None and written is MemberStatus.ACTIVE):
        return []
    if old is None:
        return [(LABELS["status"], f"名单中状态为“{written.value}”：导入只登记在册的会员，"
                                   f"不在册的人不导入")]
    if old["status"] != written:
        return [(LABELS["status"], f"系统中为“{old['status'].value}”，名单中为“{written.value}”："
                                   f"转出、退会、死亡和恢复请在会员名册中办理，不能通过导入更改")]
    return []


def _transfer_refusal(old: dict, union_name: str, closed: bool,
                      names: dict[str, str]) -> list[tuple[str, str]]:
    """Why a member on file cannot move to the union the row names (none: the transfer is fine)."""
    if old["status"] != MemberStatus.ACTIVE:
        return [(LABELS["union"], f"{old['name']} 当前状态为“{old['status'].value}”，所属工会"
                                  f"（系统中为“{names.get(old['union_id'], '')}”）不能通过导入更改")]
    if closed:
        return [(LABELS["union"], f"“{union_name}”已撤销，不能再接收会员")]
    return []


def _update(c: Candidate, old: dict, fields: dict, changed: list[str],
            names: dict[str, str]) -> Update:
    before = {k: old[k] for k in changed}
    after = {k: fields[k] for k in changed}

    def shown(field: str, value) -> str:
        if field == "union_id":
            return names.get(value, "")
        if field == "phone":
            return mask_phone(value)
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, date):
            return value.isoformat()
        return "" if value is None else str(value)

    changes = []
    for k in (k for k in SHOWN if k in before):
        was, now = shown(k, before[k]), shown(k, after[k])
        if was == now:
            now += "（中间四位不同）" if k == "phone" else ""
        changes.append(FieldChange(SHOWN[k], was, now))
    key = tuple((k, names.get(before[k], before[k]) if k == "union_id" else before[k],
                 names.get(after[k], after[k]) if k == "union_id" else after[k])
                for k in changed)
    return Update(c.row, old["id"], before, after, RowUpdate(c.row, fields["name"], tuple(changes)),
                  key, c.values)
