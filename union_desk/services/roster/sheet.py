"""Reading a roster workbook: find the header, check every row on its own, catch in-file duplicates.

No database here: `roster_import` compares what this returns with the members already on file.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Iterable

from union_desk.domain.errors import RuleError
from union_desk.domain.idcard import parse_id_number
from union_desk.domain.pinyin import person_spellings
from union_desk.models.member import MemberCreate, MemberStatus, search_columns
from union_desk.progress import Cancelled, Progress
from union_desk.services.common import excel_headers as xh
from union_desk.services.common import header_words as words
from union_desk.services.common.import_sheet import SheetRows, read_sheet
from union_desk.services.common.problems import CellReads, ProblemList
from union_desk.services.errors import UserError
from union_desk.services.roster.members import normalise_member

SPEC: dict[str, list[str]] = {
    "name": [*words.NAME],
    "id_number": [*words.ID_NUMBER],
    "gender": ["性别"],
    "ethnicity": ["民族"],
    "phone": [*words.PHONE],
    "employer": [*words.EMPLOYER],
    "union": ["所属工会", "工会", "基层工会", "所在工会", "工会名称", "基层工会名称", "所属基层工会",
              "所在基层工会"],
    "join_date": ["入会时间", "入会日期"],
    "card_no": ["会员证号", "会员卡号", "会员证号码", "会员证编号", "会员证编码"],
    "is_migrant": ["是否农民工", "农民工"],
    "hukou_type": ["户口类型", "户籍类型", "户口性质", "户籍性质"],
    "status": ["状态", "会员状态", "在册状态"],
}
REQUIRED = ("name", "id_number", "union")
ASKED_WITHOUT = ("name", "id_number")   # with these, a missing 所属工会 column is asked for
LABELS = {f: variants[0] for f, variants in SPEC.items()} | {"union_id": "所属工会"}
# member columns the file may leave empty; an empty cell never overwrites what is on file
OPTIONAL = ("phone", "ethnicity", "employer", "join_date", "card_no", "is_migrant", "hukou_type")
UNION_NAME_MAX = 100
UNION_MISSING = "请填写所属工会"
_DISTINCT = frozenset({"name", "phone", "card_no"})  # cells that seldom repeat (and the ID number)
_GENDERS = {"男": "男", "男性": "男", "m": "男", "male": "男",
            "女": "女", "女性": "女", "f": "女", "female": "女"}
_STATUSES = {s.value: s for s in MemberStatus}


# each set of OPTIONAL columns given, made once (at most 2 ** len(OPTIONAL)) and shared by the
# rows that give it: a 100,000-row check held 100,000 copies of a handful of sets (47 of its
# 260 MB), and the cycle collector walked every one of them after it
_GIVEN: dict[frozenset[str], frozenset[str]] = {}


def _shared(given: frozenset[str]) -> frozenset[str]:
    return _GIVEN.setdefault(given, given)


class UnionNeeded(UserError):
    """The list does not say the union (one union's own list, its name in the title): no
    所属工会 column, or one left empty in every row. The clerk names the union of all its
    members. `title`: the text above the header; `suggested`: the union on file that the title
    names, once looked up."""

    def __init__(self, file_name: str, title: str = "", suggested: str | None = None, *,
                 empty: bool = False):
        self.file_name, self.title, self.suggested, self.empty = file_name, title, suggested, empty
        said = f"。标题中的工会：{suggested}" if suggested else ""
        what = "“所属工会”列是空的" if empty else "没有“所属工会”列"
        super().__init__(f"{file_name} 中{what}；请选择名单上的会员所属的基层工会"
                         f"（命令行：--union 工会名称）{said}")


def union_in_title(title: str, names: Iterable[str]) -> str | None:
    """The union whose name the title holds (spaces aside), the longest when several do
    ("新安化工集团工会" over "化工集团工会"); None when none."""
    text = "".join(title.split())
    found = [n for n in names if "".join(n.split()) and "".join(n.split()) in text]
    return max(found, key=len, default=None)


@dataclass
class Candidate:
    """A row that passed every check that needs no database."""

    row: int
    fields: dict               # normalise_member's columns (union_id still unresolved)
    given: frozenset[str]      # OPTIONAL columns the row gave a value for
    union_name: str
    values: tuple
    union_id: str = ""         # the union's id once compared with the database (import_compare)
    status: MemberStatus | None = None   # the 状态 column, when the file has one and it is filled


def read_roster_sheet(path: str | Path, *, progress: Progress = None,
                      cancelled: Cancelled = None, sheet: str | None = None,
                      union: str | None = None) -> SheetRows:
    """Check every row of the list's sheet (`sheet`, or the one with the header); the header row is the first one with a 姓名 column.

    `good` holds a Candidate per valid row; a row repeating an earlier row's ID number or
    member card number is rejected. Every problem of a row is listed. A list without a 所属工会
    column, or with that column empty in every row, is the members of `union` (UnionNeeded when
    it is not given); with `union` given, a row with an empty 所属工会 is that union's too.
    """
    union = _union_name(union)
    first_id: dict[str, int] = {}
    first_card: dict[str, int] = {}
    reads = CellReads()
    statuses: dict[int, str] = {}  # Excel row → its 状态 text, when the column is there
    heading = {"title": ""}  # the text above the header, for the question

    def check(number: int, values: tuple, columns: dict[str, int]) -> Candidate:
        found = ProblemList(reads)
        candidate = _check_row(number, values, columns, found, union)
        if candidate is not None:
            _check_unique(candidate, first_id, first_card, found)
        found.raise_if_any()
        if "status" in columns and (status := xh.cell_text(values[columns["status"]])):
            statuses[number] = status
        return candidate

    def match_columns(header: tuple, title: str) -> dict[str, int]:
        heading["title"] = title
        columns = xh.match_headers(header, SPEC)
        if not union and "union" not in columns and all(f in columns for f in ASKED_WITHOUT):
            raise UnionNeeded(Path(path).name, title)  # the one column missing: ask for it
        return xh.match_headers(header, SPEC, required=ASKED_WITHOUT if union else REQUIRED)

    rows = read_sheet(path, spec=SPEC, required=REQUIRED, labels=LABELS, check_row=check,
                      progress=progress, cancelled=cancelled, sheet=sheet,
                      match_columns=match_columns)
    if not union and rows.rows and _union_never_written(rows):
        raise UnionNeeded(Path(path).name, heading["title"], empty=True)
    if not _take_statuses(rows.good, statuses):
        del rows.columns["status"]  # some other 状态: told as a column not read
    spelled = person_spellings(c.fields["name"] for c in rows.good)  # each name once
    for c in rows.good:
        fields = c.fields
        fields.update(search_columns(name=fields["name"], spelling=spelled[fields["name"]]))
    return rows


def _check_unique(c: Candidate, first_id: dict[str, int], first_card: dict[str, int],
                  found: ProblemList) -> None:
    number, card = c.fields["id_number"], c.fields["card_no"]
    if number in first_id:
        found.add("id_number", f"与第 {first_id[number]} 行的身份证号重复")
    else:
        first_id[number] = c.row
    if card and card in first_card:
        found.add("card_no", f"会员证号 {card} 与第 {first_card[card]} 行重复")
    elif card:
        first_card[card] = c.row


def _union_never_written(rows: SheetRows) -> bool:
    """Whether every row was refused for an empty 所属工会 (read from the refusals, so the
    check of each row does no work for it)."""
    if rows.good:
        return False
    missing = {r.row for r in rows.rejected if r.reason == UNION_MISSING}
    return len(missing) == rows.rows


def _union_name(written: str | None) -> str:
    """The union named for a list without a 所属工会 column, its spaces as a cell's."""
    name = " ".join((written or "").split())
    if len(name) > UNION_NAME_MAX:
        raise UserError(f"工会名称超过 {UNION_NAME_MAX} 个字符")
    return name


def _check_row(number: int, values: tuple, columns: dict[str, int],
               found: ProblemList, union: str) -> Candidate | None:
    """The row's member columns, every problem noted in `found`; None when they cannot be
    built (the problems say why). `union`: the list's union, when it has no 所属工会 column."""
    cells = {field: values[index] for field, index in columns.items()}
    read, take = found.read, found.take

    def text(field: str) -> str:
        if field in _DISTINCT:
            return take(field, xh.read_text, cells.get(field), default="")
        return read(field, xh.read_text, cells.get(field), default="")

    id_text = take("id_number", xh.read_id_number, cells.get("id_number"))
    join_date: date | None = read("join_date", xh.read_date, cells.get("join_date"))
    migrant: bool | None = read("is_migrant", xh.read_bool, cells.get("is_migrant"))
    union_name = (" ".join(text("union").split()) if "union" in cells else "") or union
    if not union_name and "union" not in _fields(found):
        found.add("union", UNION_MISSING)
    if len(union_name) > UNION_NAME_MAX:
        found.add("union", f"工会名称超过 {UNION_NAME_MAX} 个字符")
    data = dict(name=text("name"), id_number=id_text or "", phone=text("phone"),
                ethnicity=text("ethnicity"), employer=text("employer"), union_id="(待定)",
                join_date=join_date, card_no=text("card_no") or None, is_migrant=bool(migrant),
                hukou_type=text("hukou_type"))
    fields = found.take_more(_normalised, found.build(MemberCreate, data))
    _check_gender(text("gender"), fields["gender"] if fields else None, id_text, found)
    if fields is None or found:
        return None
    given = {"is_migrant"} if migrant is not None else set()
    given |= {f for f in OPTIONAL if f != "is_migrant" and data[f] not in ("", None)}
    return Candidate(number, fields, _shared(frozenset(given)), union_name, values)


def _take_statuses(rows: list[Candidate], written: dict[int, str]) -> bool:
    """The 状态 column's text of each row (Excel row → text) as the candidates' status, when
    every text is one the roster exports (在册, 转出, 退会, 死亡); else (False) the column is some
    other 状态 (在职, 退休…) and is not read."""
    if not all(text in _STATUSES for text in written.values()):
        return False
    for c in rows:
        if c.row in written:
            c.status = _STATUSES[written[c.row]]
    return True


_normalised = partial(normalise_member, search=False)  # search columns: for all rows at once


def _fields(found: ProblemList) -> set[str]:
    return {f for f, _ in found.items}


def _check_gender(gender_text: str, by_id: str | None, id_text: str | None,
                  found: ProblemList) -> None:
    """The gender column against the ID number's (`by_id`, or read from `id_text` when the
    member's fields could not be built for another reason)."""
    if not gender_text:
        return
    gender = _GENDERS.get(gender_text.lower())
    if gender is None:
        found.add("gender", f"性别“{gender_text}”应为“男”或“女”")
        return
    if by_id is None:
        try:
            by_id = parse_id_number(id_text or "").gender
        except RuleError:
            return  # the ID number's own problem is noted already
    if gender != by_id:
        found.add("gender", f"性别“{gender_text}”与身份证号不符（按身份证号为{by_id}）")
