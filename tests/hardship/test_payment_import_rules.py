"""The campaign import applies every rule of a single payment to every row, counts rows (not
problems), never changes the caller's options, and commits the checked plan."""
import json
from datetime import date

import pytest
from openpyxl import Workbook

from union_desk.cli import main
from union_desk.services.errors import UserError
from union_desk.services.hardship.payment_import import (
    PaymentImportOptions, check_payment_file, commit_payment_import,
)
from union_desk.services.hardship.payment_search import count_payments, list_payments

SPRING = PaymentImportOptions(occasion="春节送温暖", paid_on=date(2021, 2, 5))


def write_list(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "金额", "备注"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def check(db, path, options=SPRING):
    with db.session() as s:
        return check_payment_file(s, path=path, options=options)


def commit(db, plan):
    with db.session(write=True) as s:
        return commit_payment_import(s, plan=plan)


@pytest.mark.parametrize("amount, reason", [
    (2_000_000, "发放金额过大，请核对"),            # the form refuses it too
    (12_345_678.90, "发放金额过大，请核对"),
    (99_999_999_999_999, "发放金额过大，请核对"),
    (1e17, "发放金额过大，请核对"),
    ("1e17", "金额格式错误：1e17"),
    (0.001, "金额最多两位小数"),
])
def test_every_amount_is_checked_by_the_payment_rules_in_the_check_step(db, tmp_path, people,
                                                                        amount, reason):
    path = write_list(tmp_path / "list.xlsx", [("张三", people["张三"].id_number, 500),
                                               ("李四", people["李四"].id_number, amount)])
    plan = check(db, path)
    report = plan.report()
    assert (report.new, report.rejected_rows) == (1, 1)
    assert [(r.row, r.name, r.field, r.reason) for r in report.rejected] == [
        (3, "李四", "金额", reason)]
    done = commit(db, plan)  # no overflow at commit: the row never gets there
    assert (len(done.vouchers), done.rejected_rows) == (1, 1)
    with db.session() as s:
        assert [p.amount_fen for p in list_payments(s)] == [50_000]


def test_counts_add_up_when_a_row_has_several_problems(capsys, db, db_path, tmp_path, people):
    # Given a 6-row list: 3 good rows, one row with two problems, two with one each
    path = write_list(tmp_path / "list.xlsx", [
        ("张三", people["张三"].id_number, 100), ("李四", people["李四"].id_number, 200),
        ("王五", people["王五"].id_number, 300),
        ("钱七", "110105194912310021", None),           # bad check character and no amount
        ("赵六", people["赵六"].id_number, -5),
        ("张三", people["张三"].id_number, 100)])       # repeats row 2
    report = check(db, path).report()
    assert (report.rows, report.valid, report.rejected_rows, len(report.rejected)) == (6, 3, 3, 4)
    assert report.rows == report.valid + report.rejected_rows
    code = main(["--db", str(db_path), "payments", "import", str(path), "--occasion", "春节送温暖"])
    out = capsys.readouterr().out
    assert code == 3 and "共 6 行，有效 3 行" in out and "有问题 3 行" in out
    assert "第 5 行\t钱七\t身份证号" in out and "第 5 行\t钱七\t金额\t未填写金额" in out


def test_the_callers_options_are_never_changed(db, tmp_path, people):
    options = PaymentImportOptions(occasion="  春节送温暖 ")
    path = write_list(tmp_path / "list.xlsx", [("张三", people["张三"].id_number, 100)])
    plan = check(db, path, options)
    assert options == PaymentImportOptions(occasion="  春节送温暖 ")
    assert (plan.options.occasion, plan.options.paid_on) == ("春节送温暖", date.today())
    with pytest.raises(AttributeError):
        options.paid_on = date(2021, 1, 1)


def test_the_commit_takes_the_checked_plan_not_the_file(db, tmp_path, people):
    path = write_list(tmp_path / "list.xlsx", [("张三", people["张三"].id_number, 100)])
    plan = check(db, path)
    path.unlink()  # the file is not read again
    assert commit(db, plan).vouchers == ["大洋镇-2021-0001"]


def test_a_row_paid_by_someone_else_since_the_check_is_rejected_at_commit(db, tmp_path, people):
    path = write_list(tmp_path / "list.xlsx", [("张三", people["张三"].id_number, 100),
                                               ("李四", people["李四"].id_number, 200)])
    plan = check(db, path)
    other = write_list(tmp_path / "other.xlsx", [("李四", people["李四"].id_number, 200)])
    commit(db, check(db, other))  # another clerk pays 李四 meanwhile
    report = commit(db, plan)
    assert (report.new, report.rejected_rows, len(report.vouchers)) == (1, 1, 1)
    [stale] = report.rejected
    assert stale.row == 3 and stale.name == "李四" and "检查之后数据已有变动" in stale.reason
    with db.session() as s:
        assert count_payments(s) == 2


def test_an_option_the_payment_rules_refuse_refuses_the_list(db, tmp_path, people):
    path = write_list(tmp_path / "list.xlsx", [("张三", people["张三"].id_number, 100)])
    with pytest.raises(UserError, match="慰问事由超过 30 个字符"):
        check(db, path, PaymentImportOptions(occasion="事" * 31))
    with pytest.raises(UserError, match="医疗补助请填写就诊医院"):
        check(db, path, PaymentImportOptions(occasion="职工医疗互助补助"))


def test_json_lists_names_and_counts_rows(capsys, db_path, tmp_path, people):
    path = write_list(tmp_path / "list.xlsx", [("张三", people["张三"].id_number, 2_000_000)])
    main(["--db", str(db_path), "payments", "import", str(path), "--occasion", "春节送温暖",
          "--commit", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert (data["rows"], data["rejected_rows"], data["vouchers"]) == (1, 1, [])
    assert data["rejected"] == [{"row": 2, "name": "张三", "field": "金额",
                                 "reason": "发放金额过大，请核对"}]
