"""The headless contract: payments import|list|void and vouchers print."""
import json

import pytest
from openpyxl import Workbook

from hardship_helpers import household_data, make_id
from union_desk.cli import main
from union_desk.reports.pdfcheck import pdf_text
from union_desk.services.hardship.households import create_household


def write_list(path, rows):
    book = Workbook()
    book.active.append(["姓名", "身份证号", "慰问金额"])
    for row in rows:
        book.active.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def lists(tmp_path, db, people):
    with db.session(write=True) as s:
        create_household(s, data=household_data(people["张三"], 0))
    good = [("张三", people["张三"].id_number, 2000), ("李四", people["李四"].id_number, 1500)]
    return {"good": write_list(tmp_path / "good.xlsx", good),
            "mixed": write_list(tmp_path / "mixed.xlsx",
                                good + [("钱七", make_id(99), 1000)])}


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_check_then_commit_json(capsys, db_path, lists):
    code, out, _ = run(capsys, db_path, "payments", "import", lists["mixed"],
                       "--occasion", "春节送温暖", "--json")
    report = json.loads(out)
    assert code == 3 and "vouchers" not in report
    assert report == {"rows": 3, "valid": 2, "new": 2, "updated": 0, "unchanged": 0,
                      "rejected_rows": 1, "updates": [], "unread_columns": [], "hidden_rows": [],
                      "other_townships": {},
                      "rejected": [{"row": 4, "name": "钱七", "field": "身份证号",
                                    "reason": "会员名册中没有此身份证号"}]}
    code, out, _ = run(capsys, db_path, "payments", "list", "--json")
    assert (code, json.loads(out)) == (0, [])  # checking wrote nothing
    code, out, _ = run(capsys, db_path, "payments", "import", lists["mixed"],
                       "--occasion", "春节送温暖", "--paid-on", "2021-02-05", "--commit", "--json")
    assert code == 3 and json.loads(out)["vouchers"] == ["大洋镇-2021-0001", "大洋镇-2021-0002"]
    code, out, _ = run(capsys, db_path, "payments", "import", lists["good"],
                       "--occasion", "春节送温暖", "--paid-on", "2021-02-06", "--commit", "--json")
    again = json.loads(out)
    assert code == 0 and (again["new"], again["unchanged"], again["vouchers"]) == (0, 2, [])


def test_import_commit_text_prints_the_voucher_numbers(capsys, db_path, lists):
    code, out, _ = run(capsys, db_path, "payments", "import", lists["good"],
                       "--occasion", "金秋助学", "--paid-on", "2021-09-01", "--commit")
    assert code == 0 and "大洋镇-2021-0001\n大洋镇-2021-0002\n" in out


def test_unreadable_file_is_an_error_and_writes_nothing(capsys, db_path, lists, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    code, out, err = run(capsys, db_path, "payments", "import", bad, "--occasion", "春节送温暖",
                         "--commit")
    assert code == 1 and out == "" and "无法读取" in err
    assert json.loads(run(capsys, db_path, "payments", "list", "--json")[1]) == []


def test_list_void_and_print(capsys, db_path, lists, tmp_path):
    run(capsys, db_path, "payments", "import", lists["good"], "--occasion", "春节送温暖",
        "--paid-on", "2021-02-05", "--commit")
    code, out, _ = run(capsys, db_path, "payments", "void", "大洋镇-2021-0002",
                       "--reason", "本人已领取现金")
    assert code == 0 and "已作废 大洋镇-2021-0002" in out
    code, out, err = run(capsys, db_path, "payments", "void", "大洋镇-2021-0002", "--reason", "x")
    assert code == 1 and "已于" in err
    code, out, _ = run(capsys, db_path, "payments", "list", "--json")
    no_review = {"review": "无需审核", "entered_by": "王晓燕", "approved_by": "", "approved_at": None}
    assert json.loads(out) == [
        {"voucher_no": "大洋镇-2021-0001", "recipient": "张三", "amount_fen": 200_000,
         "occasion": "春节送温暖", "status": "已发放", "paid_on": "2021-02-05", **no_review},
        {"voucher_no": "大洋镇-2021-0002", "recipient": "李四", "amount_fen": 150_000,
         "occasion": "春节送温暖", "status": "作废", "paid_on": "2021-02-05", **no_review}]

    pdf = tmp_path / "out.pdf"
    code, out, _ = run(capsys, db_path, "vouchers", "print", "--numbers",
                       "大洋镇-2021-0001,大洋镇-2021-0002", "--out", pdf, "--signoff")
    assert code == 0 and "已打印 2 张凭证" in out and "作废 1 张" in out
    text = pdf_text(pdf)
    assert "作废" in text and "签收表" in text and "人民币贰仟元整" in text
    code, out, _ = run(capsys, db_path, "vouchers", "print", "--occasion", "春节送温暖",
                       "--out", tmp_path / "again.pdf")
    assert code == 0 and "补打 1 张" in out
    code, _, err = run(capsys, db_path, "vouchers", "print", "--numbers", "大洋镇-2021-0404",
                       "--out", tmp_path / "none.pdf")
    assert code == 1 and "大洋镇-2021-0404" in err and not (tmp_path / "none.pdf").exists()


def test_print_needs_a_selection(capsys, db_path, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db_path), "vouchers", "print", "--out", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2


def test_each_file_written_counts_once_so_the_second_says_reprint(capsys, db_path, db, lists,
                                                                   tmp_path):
    from union_desk.services.hardship.payments import get_payment

    run(capsys, db_path, "payments", "import", lists["good"], "--occasion", "春节送温暖",
        "--paid-on", "2021-02-05", "--commit")
    code, _, err = run(capsys, db_path, "vouchers", "print", "--numbers", "大洋镇-2021-0001",
                       "--out", tmp_path / "no-such-folder" / "x.pdf")
    assert code == 1 and "无法写入" in err  # nothing left the app: nothing counted
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    code, out, _ = run(capsys, db_path, "vouchers", "print", "--numbers", "大洋镇-2021-0001",
                       "--out", first)
    assert code == 0 and "补打" not in out and "补打" not in pdf_text(first)
    code, out, _ = run(capsys, db_path, "vouchers", "print", "--numbers", "大洋镇-2021-0001",
                       "--out", second)
    assert code == 0 and "补打 1 张" in out and "补打" in pdf_text(second)
    with db.session() as s:
        assert get_payment(s, voucher_no="大洋镇-2021-0001").printed_count == 2
        assert get_payment(s, voucher_no="大洋镇-2021-0002").printed_count == 0
