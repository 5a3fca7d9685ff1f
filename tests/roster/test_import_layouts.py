"""Lists laid out as people lay them out: 所属工会 or 目的地 written once in a cell merged down
over a block of rows, in every format that has merges; a template's unused numbered rows; and
the lines under a list (合计, 填表人, 审核人, 注) — left out, where a person's row without an ID
number is still rejected with the reason. The bus lists' merged 目的地: tests/trips."""
from __future__ import annotations

import pytest
from roster_books import person_id
from sheet_files import MERGED, write_any

from union_desk.services.hardship.payment_sheet import read_payment_sheet
from union_desk.services.roster.importer import check_roster_file, commit_roster_import
from union_desk.services.roster.members import get_member, search_members

HEADER = ["序号", "姓名", "身份证号", "工作单位", "所属工会"]
CHEMICAL, BEER = ("新安化工集团", "新安化工集团工会"), ("千岛湖啤酒厂", "千岛湖啤酒厂工会")
FORMATS = [("名册.xlsx", {}), ("名册.xls", {}), ("名册.xlsb", {}), ("名册.ods", {}),
           ("名册.xls", {"html": "utf-8"}), ("名册.xml", {"xml2003": True})]


def check(db, path):
    with db.session() as s:
        return check_roster_file(s, path=path)


def unions_of(db, *names: str) -> list[tuple[str, str]]:
    with db.session() as s:
        out = []
        for name in names:
            [hit] = search_members(s, text=name)
            member = get_member(s, member_id=hit.id)
            out.append((member.employer, member.union_name))
        return out


@pytest.mark.parametrize("name, options", FORMATS)
def test_a_union_written_once_for_a_block_of_rows_is_every_rows_union(db, tmp_path, name,
                                                                      options):
    # Given a roster whose 工作单位 and 所属工会 are merged down over each employer's rows, and
    # a template row numbered 4 under the first merge with nobody in it
    rows = [["大洋镇会员名册"], HEADER,
            [1, "张一", person_id(1), *CHEMICAL],
            [2, "张二", person_id(3), MERGED, MERGED],
            [3, "张三", person_id(5), MERGED, MERGED],
            [4, None, None, MERGED, MERGED],
            [5, "李四", person_id(7), *BEER],
            [6, "李五", person_id(9), MERGED, MERGED]]
    path = write_any(tmp_path / name, {"会员名册": rows}, **options)
    # When it is checked and imported
    plan = check(db, path)
    assert (plan.rows, plan.rejected) == (5, [])
    with db.session(write=True) as s:
        assert commit_roster_import(s, plan=plan).new == 5
    # Then every row of a block has the block's employer and union
    assert unions_of(db, "张一", "张二", "张三", "李四", "李五") == [CHEMICAL] * 3 + [BEER] * 2


def test_a_merge_never_fills_a_cell_its_own_row_gives(db, tmp_path):
    # Given a merged cell over a row that (in a file written by another program) has a value
    # of its own there, and a header whose 姓名 is merged down over its second row
    rows = [["序号", "姓名", "身份证号", "工作单位", "所属工会"],
            [None, MERGED, MERGED, None, None],
            [1, "张一", person_id(1), *CHEMICAL],
            [2, "张二", person_id(3), MERGED, BEER[1]]]
    path = write_any(tmp_path / "名册.xlsx", {"会员名册": rows})
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active.merged_cells.ranges.add("E3:E4")   # the merge over 李's own union cell
    book.active["E4"].value = BEER[1]
    book.save(path)
    plan = check(db, path)
    # Then the header is the header, and the row keeps its own union
    assert (plan.rows, plan.rejected) == (2, [])
    assert [c.union_name for c in plan.candidates] == [CHEMICAL[1], BEER[1]]


FOOTERS = [["合计：3人"], [None, "合计", None, None, "3人"], ["填表人：王芳", None, "联系电话：64712345"],
           ["审核人：", None, None, "日期：2026年3月5日"], ["注：身份证号请填18位"], ["以下空白"],
           [None, None, None, "单位（盖章）"]]


def test_total_and_signature_lines_are_left_out_and_a_row_without_id_is_still_named(db, tmp_path):
    # Given a roster with a row missing its ID number, a numbered template row with nobody,
    # and the lines a list ends with
    rows = [HEADER, [1, "张一", person_id(1), *CHEMICAL], [2, "张二", None, *CHEMICAL],
            [3, "张三", person_id(5), *CHEMICAL], [4], [5, "王五", None, "总计划部", CHEMICAL[1]],
            *FOOTERS]
    path = write_any(tmp_path / "名册.xlsx", {"会员名册": rows})
    # When it is checked
    plan = check(db, path)
    # Then the four people are the rows read, and the two without an ID number are refused (an
    # employer named 总计划部 is no total line)
    assert plan.rows == 4
    assert [(r.row, r.field, r.reason) for r in plan.rejected] == [
        (3, "身份证号", "请填写身份证号"), (6, "身份证号", "请填写身份证号")]


def test_a_payment_list_leaves_out_its_signature_lines_too(tmp_path):
    rows = [["姓名", "身份证号", "金额"], ["张一", person_id(1), 500], ["合计", None, 500],
            ["填表人：王芳", "联系电话：64712345"], ["审核人：李明"]]
    sheet = read_payment_sheet(write_any(tmp_path / "名单.xlsx", {"名单": rows}))
    assert (sheet.rows, sheet.rejected, [r.name for r in sheet.good]) == (1, [], ["张一"])


def test_the_header_repeated_down_the_list_is_not_a_row(db, tmp_path):
    # Given a list pasted together from printed pages, each page with its title and header
    rows = [["大洋镇会员名册（第1页）"], HEADER, [1, "张一", person_id(1), *CHEMICAL],
            ["大洋镇会员名册（第2页）"], HEADER, [2, "张二", person_id(3), *CHEMICAL],
            [None, "姓 名", "身份证号码", "工作单位", None]]
    plan = check(db, write_any(tmp_path / "名册.xlsx", {"会员名册": rows}))
    assert (plan.rows, plan.rejected) == (2, [])


def test_a_merged_amount_is_refused_in_every_row_it_covers_not_guessed(tmp_path):
    # Given a recipients list whose 500 is merged over three rows: each one's, or the three's?
    rows = [["姓名", "身份证号", "金额"], ["张一", person_id(1), 500], ["张二", person_id(3), MERGED],
            ["张三", person_id(5), MERGED], ["李四", person_id(7), 300], ["合计", None, 1800]]
    sheet = read_payment_sheet(write_any(tmp_path / "名单.xls", {"名单": rows}))
    # Then the three rows carry the reason (the payment import refuses them), the other is read
    reason = "金额“500”写在第 2–4 行合并的一格里，看不出是每行 500 还是 3 行共 500；请为每一行分别填写金额"
    assert [(r.name, r.problems) for r in sheet.good] == [
        ("张一", (("amount", reason),)), ("张二", (("amount", reason),)),
        ("张三", (("amount", reason),)), ("李四", ())]
    assert [r.amount_fen for r in sheet.good] == [None, None, None, 30000]


def test_a_person_whose_first_cell_only_starts_like_a_footer_is_still_read(db, tmp_path):
    rows = [["工作单位", "姓名", "身份证号", "所属工会"],
            ["说明书印刷厂", "王五", None, CHEMICAL[1]], ["日期印刷厂", "赵六", person_id(1), CHEMICAL[1]],
            ["说明：本表由各单位填报"]]
    plan = check(db, write_any(tmp_path / "名册.xlsx", {"会员名册": rows}))
    assert plan.rows == 2
    assert [(r.row, r.field) for r in plan.rejected] == [(2, "身份证号")]
