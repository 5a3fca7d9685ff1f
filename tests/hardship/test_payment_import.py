"""Campaign import of the city office's list: every bad row named, all-or-nothing, idempotent."""
from datetime import date

import pytest
from openpyxl import Workbook

from hardship_helpers import household_data, make_id
from union_desk.services.errors import UserError
from union_desk.services.hardship.households import create_household
from union_desk.services.hardship.payment_import import (
    PaymentImportOptions, check_payment_file, commit_payment_import,
)
from union_desk.services.hardship.payment_search import count_payments, list_payments

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL

SPRING = PaymentImportOptions(occasion="春节送温暖", paid_on=date(2021, 2, 5), approver="赵主席")


def import_payment_file(session, *, path, options, **kw):
    """Check then commit in one transaction (the CLI and the window use two)."""
    return commit_payment_import(session, plan=check_payment_file(
        session, path=path, options=options, **kw), **kw)


def write_list(path, rows, header=("序号", "姓名", "公民身份号码", "发放金额（元）", "备注")):
    book = Workbook()
    sheet = book.active
    sheet.append(["2021年春节送温暖慰问名单（大洋镇）"])  # a title row above the header
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def campaign(tmp_path, db, people):
    with db.session(write=True) as s:
        create_household(s, data=household_data(people["张三"], 0))
    rows = [
        (1, "张三", people["张三"].id_number, 2000, "在档困难户"),        # row 3
        (2, "李四", people["李四"].id_number.lower(), "1,409.50", ""),   # row 4
        (3, "王五", "110105194912310021", 2000, ""),                    # row 5: check char
        (4, "王小五", people["王五"].id_number, 2000, ""),               # row 6: name differs
        (5, "赵六", people["赵六"].id_number, -3, ""),                   # row 7: amount
        (6, "张三", people["张三"].id_number, 500, "重复"),              # row 8: duplicate
        (7, "", "", None, ""),                                         # row 9: blank, skipped
        (8, "钱七", make_id(99), 1000, ""),                             # row 10: not a member
        (9, "孙八", make_id(98), None, ""),                             # row 11: two problems
        ("合计", None, None, 11409.5, ""),                              # total row, skipped
    ]
    return write_list(tmp_path / "送温暖名单.xlsx", rows)


def test_report_names_every_bad_row_with_its_excel_row(db, campaign):
    with db.session() as s:
        report = check_payment_file(s, path=campaign, options=SPRING).report()
    assert (report.rows, report.valid, report.new, report.unchanged) == (8, 2, 2, 0)
    assert report.rejected_rows == 6 and report.rows == report.valid + report.rejected_rows
    got = {(r.row, r.field): r.reason for r in report.rejected}
    assert "校验位" in got[(5, "身份证号")]
    assert "张三" not in got.get((6, "姓名"), "") and "王五" in got[(6, "姓名")]
    assert got[(7, "金额")] == "金额不能为负数"
    assert got[(8, "身份证号")] == "与第 3 行的身份证号重复"
    assert got[(10, "身份证号")] == "会员名册中没有此身份证号"
    assert got[(11, "身份证号")] == "会员名册中没有此身份证号"
    assert got[(11, "金额")] == "未填写金额"
    assert sorted({r.row for r in report.rejected}) == [5, 6, 7, 8, 10, 11]
    assert set(report.to_json()) == {"rows", "valid", "new", "updated", "unchanged",
                                     "rejected_rows", "rejected", "updates", "unread_columns",
                                     "hidden_rows", "other_townships"}


def test_the_same_list_exported_as_a_web_page_is_checked_alike(db, campaign, tmp_path):
    # Given the city office's list as another system exports it: a web page named .xls, every
    # cell text ("2000", "1,409.50", "-3")
    from openpyxl import load_workbook
    from sheet_files import write_html

    rows = [list(r) for r in load_workbook(campaign).active.iter_rows(values_only=True)]
    page = write_html(tmp_path / "送温暖名单.xls", {"名单": rows}, encoding="gb2312")
    # Then its check is the workbook's, row for row
    with db.session() as s:
        reports = [check_payment_file(s, path=p, options=SPRING).report() for p in (campaign, page)]
    assert [(r.row, r.field, r.reason) for r in reports[1].rejected] == [
        (r.row, r.field, r.reason) for r in reports[0].rejected]
    assert (reports[1].rows, reports[1].new) == (reports[0].rows, reports[0].new) == (8, 2)


def test_commit_creates_payments_and_the_second_import_adds_nothing(db, campaign, people):
    with db.session(write=True) as s:
        first = import_payment_file(s, path=campaign, options=SPRING)
    assert first.vouchers == ["大洋镇-2021-0001", "大洋镇-2021-0002"]
    with db.session() as s:
        rows = list_payments(s)
    assert [(r.recipient_name, r.amount_fen, r.recipient_category) for r in rows] == [
        ("张三", 200_000, "深度困难"), ("李四", 140_950, "")]
    assert rows[0].household_id is not None and rows[1].household_id is None
    assert rows[0].handler == "王晓燕" and rows[0].approver == "赵主席"
    with db.session(write=True) as s:
        second = import_payment_file(s, path=campaign, options=SPRING)
    assert (second.new, second.unchanged, second.vouchers) == (0, 2, [])
    with db.session(write=True) as s:  # another occasion is another payment
        autumn = import_payment_file(s, path=campaign, options=PaymentImportOptions(
            occasion="金秋助学", paid_on=date(2021, 9, 1)))
    assert autumn.new == 2 and autumn.vouchers[0] == "大洋镇-2021-0003"


def test_cancel_leaves_nothing(db, tmp_path, people):
    rows = [(i, "张三" if i % 2 else "李四",
             people["张三" if i % 2 else "李四"].id_number, 100 + i, "") for i in range(1, 3)]
    path = write_list(tmp_path / "list.xlsx", rows * 60)  # 120 rows, duplicates rejected
    seen = []
    with pytest.raises(UserError, match="已取消"), db.session(write=True) as s:
        import_payment_file(s, path=path, options=SPRING,
                            progress=lambda done, total: seen.append((done, total)),
                            cancelled=lambda: len(seen) >= 1)
    assert seen and seen[0][1] == 120
    with db.session() as s:
        assert count_payments(s) == 0
    with db.session(write=True) as s:  # the numbers were not used up by the cancelled run
        assert import_payment_file(s, path=path, options=SPRING).vouchers[0] == \
            "大洋镇-2021-0001"


def test_unreadable_file_and_missing_column_are_errors(db, tmp_path, people):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(UserError, match="无法读取"), db.session() as s:
        check_payment_file(s, path=broken, options=SPRING)
    no_amount = write_list(tmp_path / "no_amount.xlsx", [], header=("姓名", "身份证号", "备注"))
    with pytest.raises(UserError, match="金额"), db.session() as s:
        check_payment_file(s, path=no_amount, options=SPRING)
