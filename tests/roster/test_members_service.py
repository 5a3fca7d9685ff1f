"""Members and unions services on a real database file: every rule and refusal."""
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from personal_numbers import full

from union_desk.models.audit import AuditEntry
from union_desk.models.member import Member, MemberStatus
from union_desk.models.personal import IdNumber
from union_desk.models.union import UnionCreate
from union_desk.services.roster import members, unions
from union_desk.services.errors import UserError

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def test_add_member_derives_birth_date_and_gender_and_search_keys(db, union, add_member):
    row = add_member(union.id)
    assert (row.birth_year, row.gender, row.union_name) == (1990, "男", union.name)
    with db.session() as s:
        m = s.get(Member, row.id)
        assert (m.py_initials, m.py_full, m.township) == ("zs", "zhangsan", "DY")
        assert m.birth_date == date(1990, 3, 7)  # the row shows only the year


def test_lower_case_x_and_15_digit_ids_are_normalised(db, union, add_member, ids):
    row = add_member(union.id, id_number=ids['B'].lower(), card_no=None)
    assert row.id_number == IdNumber(ids['B'])
    legacy = add_member(union.id, name="李四", id_number="440524800101001", card_no=None)
    assert full(legacy.id_number) == "440524198001010018"[:17] + full(legacy.id_number)[17]
    assert len(full(legacy.id_number)) == 18 and legacy.birth_year == 1980


def test_second_member_with_same_id_is_refused_naming_the_first(db, union, add_member):
    add_member(union.id)
    with pytest.raises(UserError) as err:
        add_member(union.id, name="张叁", card_no="DY0002")
    assert "张三" in str(err.value) and union.name in str(err.value)
    assert err.value.field == "id_number"


@pytest.mark.parametrize("over, field", [
    ({"id_number": "110105194912310021"}, "id_number"),
    ({"id_number": "3301821990"}, "id_number"),
    ({"phone": "12345"}, "phone"),
    ({"name": "  "}, "name"),
    ({"union_id": ""}, "union_id"),  # a member needs a union
    ({"join_date": date.today() + timedelta(days=3)}, "join_date"),
])
def test_bad_input_is_refused_and_nothing_is_written(db, union, over, field, member_data):
    with pytest.raises(UserError) as err, db.session(write=True) as s:
        members.add_member(s, data=member_data(**{"union_id": union.id, **over}))
    assert err.value.field == field
    with db.session() as s:
        assert s.execute(sa.select(sa.func.count()).select_from(Member)).scalar_one() == 0


def test_duplicate_card_number_is_refused(db, union, add_member, ids):
    add_member(union.id)
    with pytest.raises(UserError, match="会员证号"):
        add_member(union.id, name="王五", id_number=ids['C'])


def test_update_keeps_union_and_writes_audit_before_after(db, union, add_member, member_data):
    row = add_member(union.id)
    with db.session(write=True) as s:
        members.update_member(s, member_id=row.id, data=member_data(union.id, phone="13900139000"))
    with db.session() as s:
        entry = s.execute(sa.select(AuditEntry).where(AuditEntry.record_id == row.id,
                                                      AuditEntry.action == "update")).scalar_one()
    assert '"phone": "13800138000"' in entry.before and '"phone": "13900139000"' in entry.after
    assert entry.actor == "王晓燕"


def test_union_changes_only_by_transfer_with_history(db, union, other_union, add_member, member_data):
    row = add_member(union.id)
    with pytest.raises(UserError, match="转会"), db.session(write=True) as s:
        members.update_member(s, member_id=row.id, data=member_data(other_union.id))
    with db.session(write=True) as s:
        moved = members.transfer_member(s, member_id=row.id, to_union_id=other_union.id,
                                        on=date(2021, 5, 1), reason="调动")
    assert moved.union_name == other_union.name
    with db.session() as s:
        history = members.member_history(s, member_id=row.id)
    assert [e.kind.value for e in history] == ["入会", "转会"]
    assert (history[1].from_union, history[1].to_union) == (union.name, other_union.name)


def test_leave_and_death_keep_date_and_reason(db, union, add_member, ids):
    row = add_member(union.id)
    with db.session(write=True) as s:
        left = members.change_status(s, member_id=row.id, status=MemberStatus.LEFT,
                                     on=date(2022, 1, 5), reason="本人申请")
    assert (left.status, left.status_date) == (MemberStatus.LEFT, date(2022, 1, 5))
    with db.session(write=True) as s:
        members.change_status(s, member_id=row.id, status=MemberStatus.DECEASED,
                              on=date(2023, 2, 1), reason="病故")
    with pytest.raises(UserError, match="死亡"), db.session(write=True) as s:
        members.change_status(s, member_id=row.id, status=MemberStatus.ACTIVE,
                              on=date(2023, 3, 1), reason="误操作")
    other = add_member(union.id, name="李四", id_number=ids['C'], card_no=None)
    with pytest.raises(UserError, match="原因"), db.session(write=True) as s:
        members.change_status(s, member_id=other.id, status=MemberStatus.LEFT,
                              on=date(2022, 1, 1), reason=" ")
    with pytest.raises(UserError, match="早于入会时间"), db.session(write=True) as s:
        members.change_status(s, member_id=other.id, status=MemberStatus.LEFT,
                              on=date(2014, 1, 1), reason="本人申请")
    with db.session() as s:
        kinds = [e.kind.value for e in members.member_history(s, member_id=row.id)]
    assert kinds == ["入会", "退会", "死亡"]


def test_union_credit_code_warns_but_saves_and_close_refused_with_members(db, add_member):
    with db.session(write=True) as s:
        bad = unions.create_union(s, data=UnionCreate(name="试点工会", credit_code="91110000600037341n"))
    assert bad.credit_code == "91110000600037341N" and bad.credit_warning
    with pytest.raises(UserError, match="同名"), db.session(write=True) as s:
        unions.create_union(s, data=UnionCreate(name=" 试点工会 "))
    add_member(bad.id)
    with pytest.raises(UserError, match="1 名在册会员"), db.session(write=True) as s:
        unions.close_union(s, union_id=bad.id, on=date(2022, 1, 1), reason="企业关闭")
    with db.session() as s:
        assert [u.member_count for u in unions.list_unions(s)] == [1]


def test_closed_union_takes_no_new_members(db, union, add_member):
    with db.session(write=True) as s:
        unions.close_union(s, union_id=union.id, on=date(2022, 1, 1), reason="企业关闭")
    with pytest.raises(UserError, match="已撤销"):
        add_member(union.id)


@pytest.mark.parametrize("text, expected", [
    ("zs", ["张三"]), ("zhang", ["张三"]), ("张", ["张三"]), ("三", ["张三"]),
    ("330182", ["张三"]), ("138001", ["张三"]), ("DY0001", ["张三"]), ("dy0001", ["张三"]),
    ("ls", ["李四"]), ("11010519491231002x", ["李四"]), ("", ["李四", "张三"]), ("王", []),
])
def test_search_by_name_pinyin_id_phone_card(db, union, add_member, text, expected, ids):
    add_member(union.id)
    add_member(union.id, name="李四", id_number=ids['B'], phone="13912345678", card_no="DY0002")
    with db.session() as s:
        found = [r.name for r in members.search_members(s, text=text)]
        assert found == expected
        assert members.count_members(s, text=text) == len(expected)


def test_search_filters_sort_and_pages(db, union, other_union, add_member, ids):
    add_member(union.id)
    add_member(other_union.id, name="李四", id_number=ids['B'], phone="", card_no=None)
    add_member(other_union.id, name="阿亮", id_number=ids['C'], phone="", card_no=None)
    with db.session() as s:
        assert [r.name for r in members.search_members(s, union_id=other_union.id)] == ["阿亮", "李四"]
        assert [r.name for r in members.search_members(s, sort="name", descending=True)] == \
            ["张三", "李四", "阿亮"]
        assert [r.name for r in members.search_members(s, offset=1, limit=1)] == ["李四"]
        assert members.search_members(s, status=MemberStatus.LEFT) == []
        with pytest.raises(UserError):
            members.search_members(s, sort="nonsense")


@pytest.mark.sqlite_only  # SQLite's own index list and query plan
def test_search_uses_sql_indexes_not_a_python_loop(db):
    """The search columns are indexed, and prefix searches use them."""
    import sqlalchemy as sa

    with db.engine.connect() as conn:
        names = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list(member)").all()}
        plan = " ".join(str(r) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM member WHERE py_initials >= 'zs' "
            "AND py_initials < 'zt'").all())
    assert {"ix_member_py_initials", "ix_member_surname", "ix_member_walk", "ix_member_name_2",
            "ux_member_id_number"} <= names
    assert "ix_member_py_initials" in plan
    assert sa  # keeps the import used


def test_unions_are_listed_in_pinyin_order(db):
    with db.session(write=True) as s:
        for name in ("张家工会", "安仁工会", "杭州工会"):
            unions.create_union(s, data=UnionCreate(name=name))
    with db.session() as s:
        assert [u.name for u in unions.list_unions(s)] == ["安仁工会", "杭州工会", "张家工会"]
