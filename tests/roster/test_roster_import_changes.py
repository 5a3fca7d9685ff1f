"""A roster import never renames a member by accident: a different name on an ID number on file is
a rejected row until the clerk confirms it; every update is shown before → after; every problem
of a row is listed with the person's name."""
import json

import pytest
import sqlalchemy as sa
from roster_books import bad_check, counts, person_id, row, write_book

from union_desk.cli import EXIT_REJECTED, main
from union_desk.models.audit import AuditEntry
from union_desk.models.member import Member
from union_desk.services.errors import UserError
from union_desk.services.roster.importer import check_roster_file, commit_roster_import

CHEN = person_id(2, area="330182")


@pytest.fixture
def chen(db, union, other_union, add_member):
    """陈晓兰 on file in 大洋镇机械厂工会, joined 2015-03-01, phone 13800138000."""
    return add_member(union.id, name="陈晓兰", id_number=CHEN, card_no="DY0009")


def check(db, path):
    with db.session() as s:
        return check_roster_file(s, path=path)


def commit(db, plan, **kw):
    with db.session(write=True) as s:
        return commit_roster_import(s, plan=plan, **kw)


def on_file(db, number):
    with db.session() as s:
        return s.execute(sa.select(Member).where(Member.id_number == number)).scalar_one()


def test_an_id_on_file_under_another_name_is_a_rejected_row(db, tmp_path, chen, other_union):
    # Given 陈晓兰 on file, and a file row with her ID number under another name, union and date
    path = write_book(tmp_path / "名册.xlsx", [
        row("张三冒名", CHEN, union=other_union.name, joined="2020-01-01"),
        row("李四", person_id(4))])
    # When the file is checked
    plan = check(db, path)
    data = plan.to_json()
    # Then the row is rejected with the name on file, and offered for confirmation
    assert (data["rows"], data["new"], data["updated"], data["rejected_rows"]) == (2, 1, 0, 1)
    assert data["rejected"] == [{"row": 2, "name": "张三冒名", "field": "姓名",
                                 "reason": "身份证号已登记为 陈晓兰，姓名不符"}]
    [rename] = data["renames"]
    assert rename["row"] == 2 and {"field": "姓名", "before": "陈晓兰", "after": "张三冒名"} in \
        rename["changes"]
    # And a commit without the clerk's yes leaves her record as it was
    report = commit(db, plan).to_json()
    assert (report["new"], report["updated"], report["rejected_rows"]) == (1, 0, 1)
    member = on_file(db, CHEN)
    assert (member.name, member.union_id, member.join_date.isoformat()) == (
        "陈晓兰", chen.union_id, "2015-03-01")


def test_a_confirmed_name_change_updates_the_record_with_its_audit(db, tmp_path, chen):
    path = write_book(tmp_path / "名册.xlsx", [row("陈小兰", CHEN, card="DY0009",
                                                   joined="2015-03-01", hukou=None)])
    plan = check(db, path)
    assert plan.report({2}).to_json()["updated"] == 1  # the window's counts once ticked
    report = commit(db, plan, accept_renames={2}).to_json()
    assert (report["updated"], report["rejected_rows"], report["rejected"]) == (1, 0, [])
    assert on_file(db, CHEN).name == "陈小兰"
    with db.session() as s:
        entry = s.execute(sa.select(AuditEntry).where(AuditEntry.record_id == chen.id,
                                                      AuditEntry.action == "update")).scalar_one()
    assert json.loads(entry.before)["name"] == "陈晓兰"
    assert json.loads(entry.after)["name"] == "陈小兰"


def test_only_rows_awaiting_a_name_change_can_be_confirmed(db, tmp_path, chen):
    path = write_book(tmp_path / "名册.xlsx", [row("陈晓兰", CHEN), row("李四", person_id(4))])
    plan = check(db, path)
    with pytest.raises(UserError, match="第 3 行"):
        commit(db, plan, accept_renames={3})


def test_the_check_shows_every_update_before_and_after(db, tmp_path, chen, other_union):
    path = write_book(tmp_path / "名册.xlsx", [
        row("陈晓兰", CHEN, phone="13900139000", union=other_union.name, joined="2015-03-01",
            card="DY0009", ethnicity=None, migrant=None, hukou=None)])
    data = check(db, path).to_json()
    assert data["updated"] == 1 and data["renames"] == []
    [update] = data["updates"]
    assert update["row"] == 2 and update["name"] == "陈晓兰"
    assert update["changes"] == [
        {"field": "手机", "before": "138****8000", "after": "139****9000"},
        {"field": "所属工会", "before": "大洋镇机械厂工会", "after": "大洋镇茶厂工会"}]


def test_a_row_lists_every_problem_with_the_persons_name(db, tmp_path, union):
    path = write_book(tmp_path / "名册.xlsx", [
        row("王五", bad_check(person_id(5)), phone="123", joined="2021-13-01", migrant="也许")])
    rejected = check(db, path).to_json()["rejected"]
    assert [(r["row"], r["name"], r["field"]) for r in rejected] == [
        (2, "王五", "身份证号"), (2, "王五", "手机"), (2, "王五", "入会时间"), (2, "王五", "是否农民工")]


def test_a_rename_that_is_also_a_refused_transfer_names_both(db, tmp_path, chen, other_union):
    from datetime import date

    from union_desk.models.member import MemberStatus
    from union_desk.services.roster import members

    with db.session(write=True) as s:
        members.change_status(s, member_id=chen.id, status=MemberStatus.LEFT,
                              on=date(2020, 1, 1), reason="调离")
    path = write_book(tmp_path / "名册.xlsx", [row("张三冒名", CHEN, union=other_union.name)])
    data = check(db, path).to_json()
    assert [r["field"] for r in data["rejected"]] == ["姓名", "所属工会"]
    assert data["renames"] == [] and data["rejected_rows"] == 1


def test_cli_rejects_the_rename_unless_the_row_is_named(capsys, db, db_path, tmp_path, chen):
    path = write_book(tmp_path / "名册.xlsx", [row("陈小兰", CHEN), row("李四", person_id(4))])
    code = main(["--db", str(db_path), "roster", "import", str(path), "--commit"])
    out = capsys.readouterr().out
    assert code == EXIT_REJECTED
    assert "第 2 行\t陈小兰\t姓名\t身份证号已登记为 陈晓兰，姓名不符" in out
    assert "--accept-rename 2" in out and "姓名：陈晓兰 → 陈小兰" in out
    assert on_file(db, CHEN).name == "陈晓兰"
    assert counts(db)["member"] == 2

    code = main(["--db", str(db_path), "roster", "import", str(path), "--commit", "--json",
                 "--accept-rename", "2"])
    data = json.loads(capsys.readouterr().out)
    assert (code, data["updated"], data["unchanged"], data["rejected"]) == (0, 1, 1, [])
    assert data["updates"][0]["changes"][0] == {"field": "姓名", "before": "陈晓兰",
                                                "after": "陈小兰"}
    assert on_file(db, CHEN).name == "陈小兰"


def test_cli_refuses_to_confirm_a_row_that_is_no_rename(capsys, db_path, tmp_path, chen):
    path = write_book(tmp_path / "名册.xlsx", [row("李四", person_id(4))])
    code = main(["--db", str(db_path), "roster", "import", str(path), "--accept-rename", "2"])
    assert code == 1 and "第 2 行" in capsys.readouterr().err
