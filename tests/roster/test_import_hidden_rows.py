"""Rows a sheet hides (by hand, or filtered out: a city-wide list filtered to the township's own
rows) are not read, in every format that can hide a row, and the clerk is told which rows they
were, so that a row hidden by mistake can be shown and imported."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from roster_books import person_id
from sheet_files import Hidden, write_any

from union_desk.cli import EXIT_OK, main
from union_desk.services.common.import_plan import row_ranges
from union_desk.services.common.xls_rows import xls_hidden_rows
from union_desk.services.hardship.payment_sheet import read_payment_sheet
from union_desk.services.roster.importer import check_roster_file, commit_roster_import
from union_desk.services.roster.members import search_members

HEADER = ["序号", "姓名", "身份证号", "所属工会"]
FORMATS = [("名册.xlsx", {}), ("名册.xls", {}), ("名册.xlsb", {}), ("名册.ods", {}),
           ("名册.xls", {"html": "utf-8"}), ("名册.xml", {"xml2003": True})]


def city_list() -> list[list]:
    """The city's list filtered to 大洋镇: the 寿昌镇 rows (Excel rows 4, 5 and 7) hidden."""
    return [["建德市2026年新入会会员名单"], HEADER,
            [1, "大洋一", person_id(1), "大洋镇机械厂工会"],
            Hidden([2, "寿昌一", person_id(3), "寿昌镇茶厂工会"]),
            Hidden([3, "寿昌二", person_id(5), "寿昌镇茶厂工会"]),
            [4, "大洋二", person_id(7), "大洋镇机械厂工会"],
            Hidden([5, "寿昌三", person_id(9), "寿昌镇茶厂工会"]),
            Hidden([None, None, None, None]),
            Hidden(["合计：5人"])]


@pytest.mark.parametrize("name, options", FORMATS)
def test_hidden_rows_are_not_imported_and_are_named(db, tmp_path, name, options):
    # Given the city's list filtered to the township's own rows
    path = write_any(tmp_path / name, {"名单": city_list()}, **options)
    # When it is checked and imported
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    # Then only the rows shown are read, and the hidden people's rows are named (not the
    # hidden empty row or total line)
    assert ([c.fields["name"] for c in plan.candidates], plan.rejected) == (["大洋一", "大洋二"], [])
    assert (plan.rows, plan.hidden_rows) == (2, [4, 5, 7])
    with db.session(write=True) as s:
        report = commit_roster_import(s, plan=plan)
    assert (report.new, report.hidden_rows) == (2, [4, 5, 7])
    with db.session() as s:
        assert search_members(s, text="寿昌") == []


def test_the_cli_and_its_json_name_the_hidden_rows(db, db_path, tmp_path, capsys):
    path = write_any(tmp_path / "名册.xlsx", {"名单": city_list()})
    assert main(["--db", str(db_path), "roster", "import", str(path)]) == EXIT_OK
    text = capsys.readouterr().out
    assert main(["--db", str(db_path), "roster", "import", str(path), "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert "表格中隐藏（或筛选掉）的 3 行没有读取：第 4–5、7 行；如要导入，请在 Excel 中取消隐藏或筛选后再导入" in text
    assert (data["rows"], data["hidden_rows"]) == (2, [4, 5, 7])


def test_a_recipients_list_filtered_to_the_township_pays_only_its_rows(tmp_path):
    path = write_any(tmp_path / "名单.xls", {"名单": [
        ["姓名", "身份证号", "金额"], ["张一", person_id(1), 500],
        Hidden(["李二", person_id(3), 800]), ["王三", person_id(5), 500]]})
    sheet = read_payment_sheet(path)
    assert ([r.name for r in sheet.good], sheet.hidden) == (["张一", "王三"], [3])


def test_a_row_hidden_above_the_header_is_no_concern(db, tmp_path):
    rows = city_list()
    rows[0] = Hidden(rows[0])
    path = write_any(tmp_path / "名册.xlsx", {"名单": rows})
    with db.session() as s:
        assert check_roster_file(s, path=path).hidden_rows == [4, 5, 7]


def test_a_file_whose_records_cannot_be_walked_hides_nothing(tmp_path):
    path = write_any(tmp_path / "名册.xls", {"名单": city_list()})
    assert xls_hidden_rows(path, "名单") == {4, 5, 7, 8, 9}
    assert xls_hidden_rows(path, "另一张") == set()
    not_ole = tmp_path / "x.xls"
    not_ole.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    assert xls_hidden_rows(not_ole, "名单") == set()
    assert xls_hidden_rows(Path(tmp_path / "missing.xls"), "名单") == set()


@pytest.mark.parametrize("rows, text", [([7], "7"), ([4, 5, 7], "4–5、7"), ([9, 3, 2, 4], "2–4、9"),
                                        ([], "")])
def test_row_numbers_are_told_in_runs(rows, text):
    assert row_ranges(rows) == text


@given(st.sets(st.integers(min_value=1, max_value=300), max_size=40))
def test_row_runs_name_every_row_once_and_no_other(rows):
    told = set()
    for part in filter(None, row_ranges(rows).split("、")):
        first, _, last = part.partition("–")
        told |= set(range(int(first), int(last or first) + 1))
    assert told == rows


@pytest.mark.parametrize("name", ["hidden-rows-libreoffice.xls", "hidden-rows-libreoffice.xlsx",
                                  "hidden-rows-libreoffice.ods"])
def test_rows_another_program_hid_are_found(db, name):
    # Files LibreOffice Calc 7.4 wrote (soffice --convert-to) from the rows of `city_list()` up
    # to its last person: its own records for a hidden row (.xlsx hidden="true", .xls ROW
    # fDyZero, .ods visibility), not this suite's writers
    with db.session() as s:
        plan = check_roster_file(s, path=Path(__file__).parent / "files" / name)
    assert ([c.fields["name"] for c in plan.candidates], plan.hidden_rows) == (
        ["大洋一", "大洋二"], [4, 5, 7])
