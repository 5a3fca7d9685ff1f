"""Names on entry and on import: invisible characters stripped, non-names refused with the reason,
and a formula cell without its result named as such (not taken for an empty cell)."""
import pytest
import sqlalchemy as sa
from openpyxl import Workbook
from roster_books import HEADER, person_id, row, write_book

from union_desk.models.member import Member
from union_desk.services.errors import UserError
from union_desk.services.roster.importer import check_roster_file, commit_roster_import


def names_on_file(db):
    with db.session() as s:
        return sorted(s.execute(sa.select(Member.name)).scalars())


def test_entry_strips_invisible_characters_and_keeps_search_working(db, union, add_member):
    add_member(union.id, name="\ufeff张\u200b三\u200d")
    assert names_on_file(db) == ["张三"]
    with db.session() as s:
        assert s.execute(sa.select(Member.py_initials)).scalar_one() == "zs"


@pytest.mark.parametrize("name, reason", [("#REF!", "错误值"), ("13800138000", "只是数字"),
                                          ("😀😀", "没有文字")])
def test_entry_refuses_what_is_not_a_name(db, union, add_member, name, reason):
    with pytest.raises(UserError, match=reason) as err:
        add_member(union.id, name=name)
    assert err.value.field == "name"


def test_import_strips_invisible_characters_and_refuses_non_names(db, tmp_path, union):
    path = write_book(tmp_path / "名册.xlsx", [
        row("\u200b李\u200c四\ufeff", person_id(1)), row("#N/A", person_id(3)),
        row("12345", person_id(5)), row("😀😀", person_id(7)), row("#REF!", person_id(9))])
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    got = [(r.row, r.field, r.reason) for r in plan.rejected]
    assert [g[:2] for g in got] == [(3, "姓名"), (4, "姓名"), (5, "姓名"), (6, "姓名")]
    assert "错误值" in got[0][2] and "只是数字" in got[1][2] and "没有文字" in got[2][2]
    with db.session(write=True) as s:
        commit_roster_import(s, plan=plan)
    assert names_on_file(db) == ["李四"]


def test_a_formula_without_its_result_is_named_not_taken_for_an_empty_cell(db, tmp_path, union):
    # Given a sheet written by a program that stores formulas without computing them
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(row("=A3&\"\"", person_id(1)))
    sheet.append(row("王五", "=\"" + person_id(3) + "\"", phone="=B2"))
    sheet.append(row("李四", person_id(5)))
    book.save(tmp_path / "公式.xlsx")
    with db.session() as s:
        plan = check_roster_file(s, path=tmp_path / "公式.xlsx")
    got = [(r.row, r.field, r.reason) for r in plan.rejected]
    message = "公式没有计算结果，请在 Excel 中保存后再导入"
    assert got == [(2, "姓名", message), (3, "身份证号", message), (3, "手机", message)]
    assert plan.to_json()["new"] == 1
