"""Headers as the forms in use write them (会员姓名, 居民身份证号码, 联系方式, 单位名称, 工会名称,
会员证编号, 户籍性质; 困难职工姓名, 实发金额（元）, 金额（小写） beside 金额（大写）) are read, in the
roster and the payments' lists; and every import says which columns of the list it did not
read, so that a column whose name it does not know is not dropped unseen. The bus lists'
headers: tests/trips; a payments list for the whole city: tests/hardship."""
from __future__ import annotations

import json
import os

import pytest
from roster_books import person_id
from sheet_files import Hidden, write_any

from union_desk.cli import EXIT_OK, main
from union_desk.services.common import header_words
from union_desk.services.common.excel_headers import match_headers
from union_desk.services.hardship.payment_sheet import SPEC as PAYMENT_SPEC, read_payment_sheet
from union_desk.services.roster.importer import check_roster_file, commit_roster_import
from union_desk.services.roster.members import get_member, search_members
from union_desk.services.roster.sheet import SPEC as ROSTER_SPEC
from union_desk.services.trips.importer import SPEC as TRIPS_SPEC

FORM = ["序号", "会员姓名", "性别", "民族", "出生年月", "居民身份证号码", "联系方式", "单位名称",
        "工会名称", "会员证编号", "户籍性质", "政治面貌"]


def form_row(n: int, name: str) -> list:
    return [n, name, "男", "汉", "1985.06", person_id(2 * n - 1), f"1390571100{n}",
            "建德市新安化工集团", "新安化工集团工会", f"DY{n:04d}", "农业", "群众"]


def check(db, path):
    with db.session() as s:
        return check_roster_file(s, path=path)


def test_a_roster_with_the_headers_of_an_official_form_imports_every_column(db, tmp_path):
    # Given a 花名册 whose headers are written as an official form writes them
    path = write_any(tmp_path / "花名册.xlsx", {"花名册": [FORM, form_row(1, "张一"), form_row(2, "张二")]})
    # When it is checked and imported
    plan = check(db, path)
    assert (plan.rows, plan.rejected) == (2, [])
    with db.session(write=True) as s:
        assert commit_roster_import(s, plan=plan).new == 2
    # Then every column the roster keeps is kept, and the one it does not keep is named (the
    # birth date is the ID number's)
    assert plan.unread == ["政治面貌"]
    with db.session() as s:
        [hit] = search_members(s, text="张二")
        member = get_member(s, member_id=hit.id)
    assert (member.phone.masked, member.employer, member.union_name, member.card_no,
            member.hukou_type, member.ethnicity) == ("139****1002", "建德市新安化工集团",
                                                     "新安化工集团工会", "DY0002", "农业", "汉族")


def test_a_column_whose_name_is_not_known_is_told_not_dropped_unseen(db, db_path, tmp_path,
                                                                    capsys):
    # Given a roster whose card numbers are under a name the import does not know
    header = ["姓名", "身份证号", "所属工会", "会员证号（新）", "工会会员证编码"]
    rows = [["张一", person_id(1), "新安化工集团工会", None, "DY0001"]]
    path = write_any(tmp_path / "名册.xlsx", {"名册": [header, *rows]})
    # When it is checked in the CLI, as text and as JSON
    assert main(["--db", str(db_path), "roster", "import", str(path)]) == EXIT_OK
    text = capsys.readouterr().out
    assert main(["--db", str(db_path), "roster", "import", str(path), "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    # Then the column not read is named, with what to do (the other, under a known name with a
    # note, is read)
    assert "没有读取的列：工会会员证编码（" in text and "改成常用的写法" in text
    assert data["unread_columns"] == ["工会会员证编码"]


def test_a_status_column_of_another_kind_is_told_as_not_read(db, tmp_path):
    # Given a roster whose 状态 says 在职 / 退休 (a column of the employer's, not the roster's)
    header = ["序号", "姓名", "身份证号", "所属工会", "状态"]
    path = write_any(tmp_path / "名册.xlsx", {"名册": [
        header, [1, "张一", person_id(1), "新安化工集团工会", "在职"],
        [2, "张二", person_id(3), "新安化工集团工会", "退休"]]})
    # Then both rows are read and the 状态 column is named as not read
    plan = check(db, path)
    assert (plan.rows, plan.rejected, plan.unread) == (2, [], ["状态"])


def test_a_roster_status_column_is_read_and_not_told(db, tmp_path):
    header = ["序号", "姓名", "身份证号", "所属工会", "状态"]
    path = write_any(tmp_path / "名册.xlsx", {"名册": [
        header, [1, "张一", person_id(1), "新安化工集团工会", "在册"]]})
    assert check(db, path).unread == []


@pytest.mark.parametrize("name, amount", [("困难职工姓名", "实发金额（元）"), ("领取人", "救助金额"),
                                          ("户主姓名", "补助金额(元)"), ("帮扶对象", "帮扶金额（元）")])
def test_a_recipients_list_with_the_names_and_amounts_of_its_forms_is_read(tmp_path, name,
                                                                          amount):
    path = write_any(tmp_path / "名单.xlsx", {"名单": [
        ["序号", name, "公民身份证号码", amount, "领取人签字"], [1, "张一", person_id(1), 500, None]]})
    sheet = read_payment_sheet(path)
    [row] = sheet.good
    assert (row.name, row.id_number, row.amount_fen) == ("张一", person_id(1), 50000)
    assert sheet.unread == ["领取人签字"]


def test_an_amount_in_ten_thousands_is_never_read_as_yuan():
    assert "amount" not in match_headers(["姓名", "身份证号", "补助金额（万元）"], PAYMENT_SPEC)


@pytest.mark.parametrize("spec", [ROSTER_SPEC, TRIPS_SPEC, PAYMENT_SPEC], ids=["roster", "trips",
                                                                              "payments"])
def test_every_import_reads_a_persons_columns_by_the_same_names(spec):
    # the roster and the bus lists read the phone and employer too; every list the ID and name
    assert set(header_words.ID_NUMBER) <= set(spec["id_number"])
    assert set(header_words.NAME) <= set(spec["name"])
    for field, words in (("phone", header_words.PHONE), ("employer", header_words.EMPLOYER)):
        if field in spec:
            assert set(words) <= set(spec[field])


def test_the_import_window_tells_the_rows_and_columns_it_did_not_read(db, tab, qtbot, tmp_path):
    # Given a 花名册 filtered to one union (Excel rows 3 and 5 hidden), with a 政治面貌 column
    path = write_any(tmp_path / "花名册.xlsx", {"花名册": [
        FORM, form_row(1, "张一"), Hidden(form_row(2, "张二")), form_row(3, "张三"),
        Hidden(form_row(4, "张四"))]})
    tab.ask_open_path = lambda: path
    dialog = tab.import_excel()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    # Then its summary names both, as the CLI does
    summary = dialog.summary.text()
    assert "3、5" in summary and "政治面貌" in summary
    if os.environ.get("UNION_DESK_SHOTS"):
        dialog.grab().save(str(tmp_path / "import-unread.png"))


def test_an_amount_beside_its_words_is_read_and_must_agree_with_them(tmp_path):
    # Given a voucher list with the amount in figures and in words, one row mistyped
    path = write_any(tmp_path / "名单.xlsx", {"名单": [
        ["序号", "姓名", "身份证号", "金额（小写）", "金额（大写）"],
        [1, "张一", person_id(1), 500, "人民币伍佰元整"],
        [2, "张二", person_id(3), 800, "陆佰元整"],
        [3, "张三", person_id(5), "1,200.50", "壹仟贰佰元伍角"]]})
    sheet = read_payment_sheet(path)
    # Then the rows that agree are read, the other refused naming both amounts
    assert [(r.row, r.amount_fen, r.problems) for r in sheet.good] == [
        (2, 50000, ()),
        (3, 80000, (("amount_words", "大写“陆佰元整”是 600.00 元，与金额 800.00 元不符；请核对是哪一个写错了"),)),
        (4, 120050, ())]
    assert sheet.unread == []


def test_an_amount_written_in_words_is_read(tmp_path):
    path = write_any(tmp_path / "名单.xlsx", {"名单": [
        ["姓名", "身份证号", "慰问金额"], ["张一", person_id(1), "伍佰元整"],
        ["张二", person_id(3), "伍佰元正整"]]})
    first, second = read_payment_sheet(path).good
    assert (first.amount_fen, first.problems) == (50000, ())
    assert second.amount_fen is None and second.problems[0][0] == "amount"
