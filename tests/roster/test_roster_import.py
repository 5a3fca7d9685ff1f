"""Excel roster import: every row checked, duplicates caught, all-or-nothing, idempotent."""
import json
from datetime import date, datetime

import pytest
import sqlalchemy as sa
from roster_books import HEADER, bad_check, counts, person_id, read_book, row, write_book

from union_desk.domain.idcard import parse_id_number
from union_desk.models.audit import AuditEntry
from union_desk.models.member import Member, MemberEvent, MemberEventKind, MemberStatus
from union_desk.models.union import UnionCreate
from union_desk.services.roster import members, unions
from union_desk.services.errors import UserError
from union_desk.services.roster.importer import (check_roster_file, commit_roster_import,
                                               save_rejections)

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def check(db, path):
    with db.session() as s:
        return check_roster_file(s, path=path)


def run_import(db, path, **kw):
    with db.session(write=True) as s:
        return commit_roster_import(s, plan=check_roster_file(s, path=path), **kw)


def member_by_id(db, number):
    with db.session() as s:
        return s.execute(sa.select(Member).where(Member.id_number == number)).scalar_one()


def test_header_variants_in_any_order_below_a_title_row(db, tmp_path):
    header = ["会员卡号", "户籍类型", "农民工", "入会日期", "基层工会", "单位", "联系电话", "民族",
              "性别", "公民身份号码（必填）", "* 姓名", "备注"]
    legacy = "440524800101001"  # 15-digit: becomes 18 digits, born 1980-01-01
    path = write_book(tmp_path / "名册.xlsx", header=header, title="大洋镇工会会员名册", rows=[
        ["K001", "非农业", "是", datetime(2020, 4, 1), "大洋镇茶厂工会", "茶厂", 13800138000,
         "畲族", "男", legacy, "张三", "老会员"],
        ["K002", "", "√", "2021.3.5", "大洋镇茶厂工会", "茶厂", "138-0013-8001", "汉族", None,
         "11010519491231002x", "李 四", None],
    ])
    plan = check(db, path)
    assert plan.to_json() == {"rows": 2, "valid": 2, "new": 2, "updated": 0, "unchanged": 0,
                              "rejected_rows": 0, "rejected": [], "updates": [], "renames": [],
                              "unions_created": ["大洋镇茶厂工会"], "unread_columns": ["备注"],
                              "hidden_rows": [], "other_townships": {}}
    run_import(db, path)
    zhang = member_by_id(db, parse_id_number(legacy).number)
    assert (zhang.name, zhang.gender, zhang.birth_date, zhang.phone, zhang.ethnicity) == (
        "张三", "男", date(1980, 1, 1), "13800138000", "畲族")
    assert (zhang.card_no, zhang.hukou_type, zhang.is_migrant, zhang.join_date) == (
        "K001", "非农业", True, date(2020, 4, 1))
    li = member_by_id(db, "11010519491231002X")
    assert (li.name, li.gender, li.phone, li.join_date, li.py_initials) == (
        "李四", "女", "13800138001", date(2021, 3, 5), "ls")
    with db.session() as s:
        assert unions.union_ids_by_name(s)["大洋镇茶厂工会"] == li.union_id == zhang.union_id


BAD_ROWS = [
    # (row values, field, reason fragment)
    (row("", person_id(1)), "姓名", "请填写姓名"),
    (row("赵一", bad_check(person_id(3))), "身份证号", "校验位错误"),
    (row("钱二", "33018219851315005X"), "身份证号", "不是有效日期"),
    (row("孙三", float(bad_check(person_id(5)))), "身份证号", "身份证号被Excel存成了数字，请把该列设为文本"),
    (row("李四", ""), "身份证号", "请填写身份证号"),
    (row("周五", person_id(7), gender="女"), "性别", "与身份证号不符"),
    (row("吴六", person_id(9), gender="未知"), "性别", "应为“男”或“女”"),
    (row("郑七", person_id(11), phone="1380013"), "手机", "11位"),
    (row("王八", person_id(13), joined="2021-13-01"), "入会时间", "不是有效日期"),
    (row("冯九", person_id(15), joined="2999-01-01"), "入会时间", "不能晚于今天"),
    (row("陈十", person_id(17), migrant="也许"), "是否农民工", "应为“是”或“否”"),
    (row("褚一", person_id(19), union=""), "所属工会", "请填写所属工会"),
    (row("卫二", person_id(21), employer="厂" * 101), "employer", "超过 100 个字符"),
]


def test_every_kind_of_bad_row_is_named_with_row_field_and_reason(db, tmp_path, union):
    good = row("蒋好", person_id(99))
    path = write_book(tmp_path / "名册.xlsx", [good] + [r for r, _, _ in BAD_ROWS])
    data = check(db, path).to_json()
    assert (data["rows"], data["valid"], data["new"]) == (1 + len(BAD_ROWS), 1, 1)
    assert [r["row"] for r in data["rejected"]] == list(range(3, 3 + len(BAD_ROWS)))
    for got, (_, field, reason) in zip(data["rejected"], BAD_ROWS):
        assert field.replace("employer", "工作单位") == got["field"], got
        assert reason in got["reason"], got


def test_blank_rows_are_skipped_and_row_numbers_stay_excel_row_numbers(db, tmp_path, union):
    path = write_book(tmp_path / "名册.xlsx", title="名册", rows=[
        row("张三", person_id(1)), [None] * len(HEADER), ["", " ", None],
        row("李四", bad_check(person_id(2)))])
    data = check(db, path).to_json()
    assert data["rows"] == 2
    assert [(r["row"], r["field"]) for r in data["rejected"]] == [(6, "身份证号")]


def test_duplicates_inside_the_file_name_the_first_row(db, tmp_path, union):
    path = write_book(tmp_path / "名册.xlsx", [
        row("张三", person_id(1), card="C1"),
        row("张叁", person_id(1).lower()),
        row("李四", person_id(2), card="C1"),
    ])
    assert check(db, path).to_json()["rejected"] == [
        {"row": 3, "name": "张叁", "field": "身份证号", "reason": "与第 2 行的身份证号重复"},
        {"row": 4, "name": "李四", "field": "会员证号", "reason": "会员证号 C1 与第 2 行重复"},
    ]


def test_members_already_on_file_are_unchanged_or_updated_with_audit(db, tmp_path, union,
                                                                     add_member, ids):
    before = add_member(union.id)  # 张三 ID_A, 13800138000, DY0001, joined 2015-03-01
    same = row("张三", ids["A"], phone="13800138000", card="DY0001", joined="2015-03-01",
               ethnicity=None, migrant=None, hukou=None)
    path = write_book(tmp_path / "same.xlsx", [same])
    assert check(db, path).to_json()["unchanged"] == 1

    changed = list(same)
    changed[4] = "13900139000"
    path = write_book(tmp_path / "changed.xlsx", [changed])
    report = run_import(db, path).to_json()
    assert (report["new"], report["updated"], report["unchanged"]) == (0, 1, 0)
    assert member_by_id(db, ids["A"]).phone == "13900139000"
    with db.session() as s:
        entry = s.execute(sa.select(AuditEntry).where(AuditEntry.record_id == before.id,
                                                      AuditEntry.action == "update")).scalar_one()
    # the phone changed, nothing else; a search finds the member by the new number only
    assert json.loads(entry.before) == {"phone": "13800138000"}
    assert json.loads(entry.after) == {"phone": "13900139000"}
    with db.session() as s:
        assert [m.name for m in members.search_members(s, text="0139000")] == ["张三"]
        assert members.search_members(s, text="0138000") == []
    assert entry.actor == "王晓燕"


def test_empty_cells_never_erase_what_is_on_file(db, tmp_path, union, add_member, ids):
    add_member(union.id)
    path = write_book(tmp_path / "名册.xlsx", [
        row("张三", ids["A"], phone=None, card=None, joined=None, ethnicity=None, migrant=None,
            hukou=None, employer="大洋镇机械厂")])
    assert check(db, path).to_json()["unchanged"] == 1
    run_import(db, path)
    m = member_by_id(db, ids["A"])
    assert (m.phone, m.card_no, m.join_date) == ("13800138000", "DY0001", date(2015, 3, 1))


def test_card_number_held_by_another_member_is_rejected(db, tmp_path, union, add_member):
    add_member(union.id)  # holds DY0001
    path = write_book(tmp_path / "名册.xlsx", [row("李四", person_id(2), card="DY0001")])
    assert check(db, path).to_json()["rejected"] == [
        {"row": 2, "name": "李四", "field": "会员证号", "reason": "会员证号 DY0001 已用于 张三"}]


def test_importing_the_same_file_twice_adds_nothing(db, tmp_path):
    path = write_book(tmp_path / "名册.xlsx", [
        row("张三", person_id(1), card="C1"), row("李四", person_id(2), union="大洋镇茶厂工会"),
        row("王五", bad_check(person_id(3)))])
    first = run_import(db, path).to_json()
    assert (first["new"], len(first["rejected"]), len(first["unions_created"])) == (2, 1, 2)
    after_first = counts(db)
    second = run_import(db, path).to_json()
    assert second == {"rows": 3, "valid": 2, "new": 0, "updated": 0, "unchanged": 2,
                      "rejected_rows": 1, "rejected": first["rejected"], "updates": [],
                      "renames": [], "unions_created": [], "unread_columns": [], "hidden_rows": [],
                      "other_townships": {}}
    assert counts(db) == after_first


def test_new_members_get_a_join_event_and_an_audit_entry(db, tmp_path, union):
    path = write_book(tmp_path / "名册.xlsx", [row("张三", person_id(1), joined="2018-07-01"),
                                               row("李四", person_id(2), joined=None)])
    before = counts(db)
    progress = []
    run_import(db, path, progress=lambda done, total: progress.append((done, total)))
    after = counts(db)
    assert after["member"] - before["member"] == 2 and progress[-1] == (2, 2)
    with db.session() as s:
        events = s.execute(sa.select(MemberEvent.kind, MemberEvent.on, MemberEvent.to_union_id)
                           .order_by(MemberEvent.on)).all()
        audited = s.execute(sa.select(AuditEntry.record_id).where(
            AuditEntry.table_name == "member", AuditEntry.action == "insert")).scalars().all()
        ids = set(s.execute(sa.select(Member.id)).scalars())
        township = set(s.execute(sa.select(Member.township)).scalars())
    assert events == [(MemberEventKind.JOINED, date(2018, 7, 1), union.id),
                      (MemberEventKind.JOINED, date.today(), union.id)]
    assert set(audited) == ids and township == {"DY"}


def test_a_different_union_is_a_transfer_with_its_history(db, tmp_path, union, other_union,
                                                          add_member, ids):
    member = add_member(union.id)
    path = write_book(tmp_path / "名册.xlsx", [row("张三", ids["A"], union=other_union.name)])
    assert run_import(db, path).to_json()["updated"] == 1
    with db.session() as s:
        history = members.member_history(s, member_id=member.id)
    assert [(h.kind, h.from_union, h.to_union) for h in history][-1] == (
        MemberEventKind.TRANSFER, union.name, other_union.name)


def test_union_change_refused_for_members_no_longer_on_the_roll(db, tmp_path, union, other_union,
                                                                add_member, ids):
    member = add_member(union.id)
    with db.session(write=True) as s:
        members.change_status(s, member_id=member.id, status=MemberStatus.LEFT,
                              on=date(2020, 1, 1), reason="调离")
    path = write_book(tmp_path / "名册.xlsx", [row("张三", ids["A"], union=other_union.name)])
    [rejected] = check(db, path).to_json()["rejected"]
    assert rejected["field"] == "所属工会" and "退会" in rejected["reason"]


def test_closed_union_takes_no_new_members(db, tmp_path):
    with db.session(write=True) as s:
        closed = unions.create_union(s, data=UnionCreate(name="大洋镇老厂工会"))
        unions.close_union(s, union_id=closed.id, on=date(2020, 1, 1), reason="企业关停")
    path = write_book(tmp_path / "名册.xlsx", [row("张三", person_id(1), union="大洋镇老厂工会")])
    assert check(db, path).to_json()["rejected"] == [
        {"row": 2, "name": "张三", "field": "所属工会",
         "reason": "“大洋镇老厂工会”已撤销，不能再接收会员"}]


def test_a_row_whose_id_was_registered_since_the_check_is_rejected_at_commit(
        db, tmp_path, union, add_member, ids):
    # Given a checked file with 张三 new and 李四 new
    path = write_book(tmp_path / "名册.xlsx", [
        row("张三", ids["A"], card="DY0001", joined="2015-03-01", hukou=None),
        row("李四", person_id(2))])
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    assert plan.to_json()["new"] == 2
    # When someone adds 张三 by hand before the commit
    add_member(union.id)
    with db.session(write=True) as s:
        report = commit_roster_import(s, plan=plan).to_json()
    # Then 李四 is written and 张三's row is rejected, saying what changed: nothing unseen written
    assert (report["rows"], report["new"], report["unchanged"], report["rejected_rows"]) == (
        2, 1, 0, 1)
    [stale] = report["rejected"]
    assert stale["row"] == 2 and stale["name"] == "张三"
    assert "检查之后数据已有变动" in stale["reason"] and "请重新检查" in stale["reason"]
    assert counts(db)["member"] == 2


@pytest.mark.parametrize("stop_at", [1, 2, 3])
def test_cancel_leaves_nothing(db, tmp_path, stop_at):
    path = write_book(tmp_path / "名册.xlsx", [row(f"张{i}", person_id(i)) for i in range(1, 30)])
    before = counts(db)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) >= stop_at  # 1: before anything, 2: before the insert, 3: after it

    with db.session() as s:
        plan = check_roster_file(s, path=path)
    with pytest.raises(UserError, match="已取消导入，未写入任何数据"):
        with db.session(write=True) as s:
            commit_roster_import(s, plan=plan, cancelled=cancelled)
    assert len(calls) == stop_at
    assert counts(db) == before


def test_cancel_while_checking(db, tmp_path):
    path = write_book(tmp_path / "名册.xlsx", [row(f"张{i}", person_id(i)) for i in range(1, 700)])
    seen = []
    with pytest.raises(UserError, match="已取消"), db.session() as s:
        check_roster_file(s, path=path, progress=lambda d, t: seen.append((d, t)),
                          cancelled=lambda: bool(seen))
    assert seen and seen[0][0] <= seen[0][1]


def test_rejected_rows_saved_as_a_readable_workbook(db, tmp_path, union):
    path = write_book(tmp_path / "名册.xlsx", [
        row("张三", person_id(1)), row("李四", person_id(2), phone="123"),
        row("王五", bad_check(person_id(3)), card="K9")])
    plan = check(db, path)
    saved = save_rejections(plan.report(), tmp_path / "未导入.xlsx")
    rows = read_book(saved)
    assert rows[0] == ("行号", "字段", "原因", *HEADER)
    assert [r[:2] for r in rows[1:]] == [(3, "手机"), (4, "身份证号")]
    assert rows[1][3:5] == ("李四", person_id(2)) and rows[2][11] == "K9"
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("name, content, message", [
    ("名册.xls", b"\xd0\xcf\x11\xe0", "名册.xls：文件已损坏"),
    ("名册.xlsx", b"not a zip file", "无法读取 名册.xlsx：文件已损坏"),
    ("不存在.xlsx", None, "找不到文件"),
])
def test_unreadable_files_are_refused(db, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        check(db, path)


def test_sheet_without_a_header_or_required_columns_is_refused(db, tmp_path):
    with pytest.raises(UserError, match="没有找到表头"):
        check(db, write_book(tmp_path / "a.xlsx", [["张三"]], header=["名字", "号码"]))
    with pytest.raises(UserError) as err:
        check(db, write_book(tmp_path / "b.xlsx", [["张三"]], header=["姓名", "手机"]))
    assert str(err.value) == "缺少必需的列：身份证号、所属工会"


def test_a_move_to_a_union_not_yet_on_file_creates_it(db, tmp_path, union, add_member, ids):
    member = add_member(union.id)
    path = write_book(tmp_path / "名册.xlsx", [row("张三", ids["A"], union="大洋镇新厂工会")])
    report = run_import(db, path).to_json()
    assert (report["updated"], report["unions_created"]) == (1, ["大洋镇新厂工会"])
    with db.session() as s:
        assert members.get_member(s, member_id=member.id).union_name == "大洋镇新厂工会"
        entry = s.execute(sa.select(AuditEntry).where(AuditEntry.record_id == member.id,
                                                      AuditEntry.action == "update")).scalar_one()
        new_id = unions.union_ids_by_name(s)["大洋镇新厂工会"]
    assert json.loads(entry.before)["union_id"] == union.id
    assert json.loads(entry.after)["union_id"] == new_id


def test_a_status_column_never_brings_in_or_changes_a_member_off_the_roll(db, tmp_path, union):
    # Given a member on file who has left, and one on the roll
    run_import(db, write_book(tmp_path / "first.xlsx", [row("张三", person_id(1)),
                                                        row("李四", person_id(2))]))
    with db.session(write=True) as s:
        members.change_status(s, member_id=member_by_id(db, person_id(1)).id,
                              status=MemberStatus.LEFT, on=date(2024, 6, 1), reason="调离")
    # When a list with a 状态 column (as the roster exports it) is checked
    header = [*HEADER, "状态"]
    path = write_book(tmp_path / "names.xlsx", header=header, rows=[
        [*row("张三", person_id(1)), "退会"],          # the same as on file
        [*row("李四", person_id(2)), "死亡"],          # on the roll here
        [*row("王五", person_id(3)), "退会"],          # new, and off the roll
        [*row("赵六", person_id(4)), "在册"],          # new, on the roll
        [*row("钱七", person_id(5)), None]])           # new, not said
    plan = check(db, path)
    # Then only the people on the roll who are new are imported, and each refusal says why
    got = {(r.row, r.field): r.reason for r in plan.rejected}
    assert set(got) == {(3, "状态"), (4, "状态")}
    assert got[(3, "状态")].startswith("系统中为“在册”，名单中为“死亡”")
    assert got[(4, "状态")].startswith("名单中状态为“退会”：导入只登记在册的会员")
    report = run_import(db, path)
    assert (report.new, report.updated, report.unchanged) == (2, 0, 1)
    assert member_by_id(db, person_id(1)).status == MemberStatus.LEFT
    assert member_by_id(db, person_id(2)).status == MemberStatus.ACTIVE


def test_a_status_column_of_another_kind_is_not_read(db, tmp_path, union):
    # Given an employer's list whose 状态 says 在职 or 退休, not a roster status
    path = write_book(tmp_path / "names.xlsx", header=[*HEADER, "状态"], rows=[
        [*row("张三", person_id(1)), "在职"], [*row("李四", person_id(2)), "退会"]])
    # Then the column is not the roster's, and both are imported on the roll
    report = run_import(db, path)
    assert (report.new, report.rejected) == (2, [])
    assert member_by_id(db, person_id(2)).status == MemberStatus.ACTIVE


def test_the_union_a_title_names_is_suggested_for_a_list_without_a_union_column(db, tmp_path,
                                                                               union):
    from union_desk.services.roster.sheet import UnionNeeded

    path = write_book(tmp_path / "花名册.xlsx", [["张三", person_id(1)]], header=["姓名", "身份证号"],
                      title=f"{union.name} 2026年 会员花名册")
    with pytest.raises(UnionNeeded) as err:
        check(db, path)
    assert err.value.suggested == union.name
    assert str(err.value).endswith(f"标题中的工会：{union.name}")
    plan = check_roster_file_with_union(db, path, union.name)
    assert [c.union_name for c in plan.candidates] == [union.name]


def check_roster_file_with_union(db, path, name):
    with db.session() as s:
        return check_roster_file(s, path=path, union=name)


def test_the_longest_union_name_in_the_title_is_the_one_it_names():
    from union_desk.services.roster.sheet import union_in_title

    names = ["化工集团工会", "新安化工集团工会", "啤酒厂工会"]
    assert union_in_title("建德市 新安化工集团工会 会员花名册", names) == "新安化工集团工会"
    assert union_in_title("大洋镇会员名册", names) is None


def test_a_union_column_left_empty_in_every_row_is_asked_for_like_a_missing_one(db, tmp_path,
                                                                               union):
    from union_desk.services.roster.sheet import UnionNeeded

    path = write_book(tmp_path / "花名册.xlsx", [row("张三", person_id(1), union=None),
                                              row("李四", person_id(2), union=None)])
    with pytest.raises(UnionNeeded) as err:
        check(db, path)
    assert "“所属工会”列是空的" in str(err.value)
    plan = check_roster_file_with_union(db, path, union.name)
    assert [c.union_name for c in plan.candidates] == [union.name] * 2
    # a column filled in some rows only: the empty ones are named, as always
    partly = write_book(tmp_path / "部分.xlsx", [row("张三", person_id(1)),
                                               row("李四", person_id(2), union=None)])
    assert [(r.row, r.reason) for r in check(db, partly).rejected] == [(3, "请填写所属工会")]


def test_an_ethnic_group_written_short_is_kept_by_its_full_name(db, tmp_path, union):
    run_import(db, write_book(tmp_path / "名册.xlsx", [row("张三", person_id(1), ethnicity="汉"),
                                                     row("李四", person_id(2), ethnicity="维吾尔")]))
    assert [member_by_id(db, person_id(n)).ethnicity for n in (1, 2)] == ["汉族", "维吾尔族"]


def test_saving_rejections_over_a_file_open_in_excel_says_to_close_it(db, tmp_path, monkeypatch):
    plan = check(db, write_book(tmp_path / "名册.xlsx", [row("王五", bad_check(person_id(3)))]))
    target = tmp_path / "未导入.xlsx"
    target.write_bytes(b"the list saved last time, open in Excel")

    def held_open(src, dst):   # what Windows does to a replace over a file Excel holds
        raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
    monkeypatch.setattr("union_desk.files.os.replace", held_open)
    with pytest.raises(UserError, match="文件正被其他程序打开.*请关闭那个程序或换一个位置后再试"):
        save_rejections(plan.report(), target)
    assert target.read_bytes() == b"the list saved last time, open in Excel"
    assert [p.name for p in tmp_path.iterdir() if "未导入" in p.name] == ["未导入.xlsx"]  # no half
