"""Excel export of the filtered roster: masked by default, a full export is audited."""
import json
from datetime import date

import pytest
import sqlalchemy as sa
from roster_books import person_id, read_book, row, write_book

from union_desk.domain.masking import mask_id
from union_desk.models.audit import AuditEntry
from union_desk.models.member import MemberStatus
from union_desk.services.roster import members
from union_desk.services.errors import UserError
from union_desk.services.roster.export import HEADER, PAGE, export_roster
from union_desk.services.roster.importer import check_roster_file, commit_roster_import

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


@pytest.fixture
def two_members(db, union, other_union, add_member, ids):
    zhang = add_member(union.id)
    li = add_member(other_union.id, name="李四", id_number=ids["B"], phone="13900139000",
                    card_no="DY0002")
    return zhang, li


def reveals(db):
    with db.session() as s:
        return s.execute(sa.select(AuditEntry).where(AuditEntry.action == "reveal")).scalars().all()


def test_export_masks_ids_and_phones_by_default(db, tmp_path, two_members, ids):
    with db.session() as s:
        count = export_roster(s, path=tmp_path / "名册.xlsx")
    rows = read_book(tmp_path / "名册.xlsx")
    assert count == 2 and rows[0] == tuple(HEADER)
    by_name = {r[0]: r for r in rows[1:]}
    zhang = by_name["张三"]
    assert zhang[3] == mask_id(ids["A"])
    assert zhang[5] == "138****8000"
    assert (zhang[1], zhang[7], zhang[9], zhang[12]) == ("男", "大洋镇机械厂工会", "DY0001", "在册")
    assert by_name["李四"][3] == "110105**********2X"
    flat = json.dumps([list(map(str, r)) for r in rows], ensure_ascii=False)
    assert ids["A"] not in flat and "13800138000" not in flat
    assert reveals(db) == []


def test_full_export_shows_numbers_and_is_audited(db, tmp_path, two_members, ids):
    with db.session(write=True) as s:
        export_roster(s, path=tmp_path / "完整.xlsx", reveal=True, reason="报送市总工会")
    rows = {r[0]: r for r in read_book(tmp_path / "完整.xlsx")[1:]}
    assert (rows["张三"][3], rows["张三"][5]) == (ids["A"], "13800138000")
    [entry] = reveals(db)
    detail = json.loads(entry.after)
    assert (entry.actor, entry.table_name, detail["count"], detail["file"]) == (
        "王晓燕", "member", 2, "完整.xlsx")


def test_export_follows_the_filters_of_the_roster_view(db, tmp_path, two_members, other_union):
    zhang, li = two_members
    with db.session(write=True) as s:
        members.change_status(s, member_id=li.id, status=MemberStatus.LEFT, on=date(2021, 1, 1),
                              reason="调离")
    cases = [({"union_id": other_union.id}, ["李四"]), ({"status": MemberStatus.ACTIVE}, ["张三"]),
             ({"text": "ls"}, ["李四"]), ({"text": "1380013"}, ["张三"]),
             ({"sort": "name", "descending": True}, ["张三", "李四"])]
    for query, expected in cases:
        with db.session() as s:
            export_roster(s, path=tmp_path / "x.xlsx", **query)
        assert [r[0] for r in read_book(tmp_path / "x.xlsx")[1:]] == expected, query


def test_export_pages_through_more_than_one_page(db, tmp_path, union):
    people = [row(f"会员{i}", person_id(i % 1000, date(1980 + i // 1000, 1, 1)))
              for i in range(PAGE + 5)]
    source = write_book(tmp_path / "in.xlsx", people)
    with db.session(write=True) as s:
        commit_roster_import(s, plan=check_roster_file(s, path=source))
    progress = []
    with db.session() as s:
        assert export_roster(s, path=tmp_path / "out.xlsx",
                             progress=lambda d, t: progress.append((d, t))) == PAGE + 5
    assert len(read_book(tmp_path / "out.xlsx")) == PAGE + 6
    assert progress == [(PAGE, PAGE + 5), (PAGE + 5, PAGE + 5)]


def test_cancelled_export_leaves_no_file(db, tmp_path, two_members):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "名册.xlsx"
    with pytest.raises(UserError, match="已取消导出"):
        with db.session(write=True) as s:
            export_roster(s, path=target, reveal=True, reason="报送", cancelled=lambda: True)
    assert [p.name for p in folder.iterdir()] == []
    assert reveals(db) == []


def test_export_refuses_a_name_that_is_not_xlsx(db, tmp_path):
    with pytest.raises(UserError, match=".xlsx"), db.session() as s:
        export_roster(s, path=tmp_path / "名册.xls")
