"""The city office's list for the whole city, with a 乡镇（街道） column: each township imports its
own rows from it as sent; the other townships' rows are left out and counted, not rejected one
by one as people the roster does not hold."""
from __future__ import annotations

import json
from datetime import date

from openpyxl import Workbook

from hardship_helpers import make_id
from union_desk.cli import EXIT_OK, main
from union_desk.services.common.import_plan import townships_text
from union_desk.services.hardship.payment_import import PaymentImportOptions, check_payment_file
from union_desk.services.settings import CITY_ROLE, ROLE_KEY, own_township, put_setting

SPRING = PaymentImportOptions(occasion="春节送温暖", paid_on=date(2021, 2, 5))


def city_list(path, people):
    book = Workbook()
    sheet = book.active
    sheet.append(["2021年春节送温暖慰问名单（全市）"])
    sheet.append(["序号", "乡镇（街道）", "姓名", "身份证号", "金额（元）"])
    sheet.append([1, "大洋镇", "张三", people["张三"].id_number, 500])
    sheet.append([2, "寿昌镇", "钱一", make_id(91), 500])
    sheet.append([3, "乾潭镇", "钱二", make_id(92), 500])
    sheet.append([4, "大洋", "李四", people["李四"].id_number, 500])    # the short name
    sheet.append([5, "寿昌镇", "钱三", make_id(93), 800])
    sheet.append([6, None, "王五", people["王五"].id_number, 500])       # left empty: read
    sheet.append([7, "新安江街道", "钱四", make_id(94), 500])
    book.save(path)
    return path


def test_a_city_wide_list_gives_the_township_its_own_rows(db, people, tmp_path):
    path = city_list(tmp_path / "全市名单.xlsx", people)
    with db.session() as s:
        plan = check_payment_file(s, path=path, options=SPRING)
    assert ([r.name for r in plan.candidates], plan.rejected) == (["张三", "李四", "王五"], [])
    assert (plan.rows, plan.other_townships) == (3, {"寿昌镇": 2, "乾潭镇": 1, "新安江街道": 1})
    assert plan.report().new == 3


def test_the_cli_says_how_many_rows_of_which_townships_it_left_out(db, db_path, people,
                                                                   tmp_path, capsys):
    path = city_list(tmp_path / "全市名单.xlsx", people)
    args = ["--db", str(db_path), "payments", "import", str(path), "--occasion", "春节送温暖"]
    assert main(args) == EXIT_OK
    text = capsys.readouterr().out
    assert main([*args, "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert ("名单中其他乡镇（街道）的 4 行没有读取：寿昌镇 2 行、乾潭镇 1 行、新安江街道 1 行（按“乡镇（街道）”列）"
            in text)
    assert data["other_townships"] == {"寿昌镇": 2, "乾潭镇": 1, "新安江街道": 1}


def test_the_township_is_the_databases_own_and_none_before_set_up(db):
    with db.session() as s:
        assert own_township(s) == "大洋镇"
        s.info["township"] = ""
        assert own_township(s) == "大洋镇"   # from the setting
    with db.session(write=True) as s:   # the city office's database keeps every township's rows
        put_setting(s, key=ROLE_KEY, value=CITY_ROLE)
        assert own_township(s) is None
    assert townships_text({"乾潭镇": 1, "寿昌镇": 2}) == "寿昌镇 2 行、乾潭镇 1 行"
