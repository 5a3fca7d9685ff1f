"""A list another system exported as a web page under an .xls name (HTML tables) is read as Excel
opens it: merged cells hold their text in the first cell, a page laid out with tables offers
each table, the page's charset is followed, and the row limits hold as for any sheet."""
from __future__ import annotations

import pytest
from roster_books import HEADER, person_id, row
from sheet_files import write_html

from union_desk.services.common.import_sheet import SheetChoiceNeeded
from union_desk.services.common.sheet_limits import Limits
from union_desk.services.common.workbook import open_book, open_sheet
from union_desk.services.errors import UserError
from union_desk.services.roster.importer import check_roster_file


def page(body: str, charset: str = "utf-8") -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>导出</title>'
            f"<style>td {{ color: red }}</style><script>var x = '<td>';</script></head>"
            f"<body>{body}</body></html>").encode(charset)


def rows_of(path, **options) -> list[tuple[int, tuple]]:
    with open_sheet(path, **options) as sheet:
        return list(sheet.rows())


def test_merged_cells_line_breaks_and_entities_read_as_excel_shows_them(tmp_path):
    path = tmp_path / "名单.xls"
    path.write_bytes(page(
        '<table><tr><th colspan="3">2025年 会员名单</th></tr>'
        "<tr><th>单位</th><th>姓名</th><th>备注</th></tr>"
        '<tr><td rowspan="2">新安&amp;化工</td><td>张&nbsp;三</td><td>第一行<br/>第二行</td></tr>'
        "<tr><td>李四</td><td><p>甲</p><p>乙</p></td></tr>"
        "<tr></tr>"
        "<tr><td>王五厂</td><td> 王五 </td><td>1.50</td></tr></table>"))
    assert rows_of(path) == [
        (1, ("2025年 会员名单",)),
        (2, ("单位", "姓名", "备注")),
        (3, ("新安&化工", "张 三", "第一行\n第二行")),
        (4, (None, "李四", "甲\n乙")),    # the merged cell's text is in its first row only
        (6, ("王五厂", "王五", "1.50")),   # row 5 is empty; every cell is text as the page shows
    ]


def test_a_head_left_open_does_not_hide_the_body(tmp_path):
    path = tmp_path / "名单.xls"
    path.write_bytes("<html><head><meta charset='utf-8'><title>导出<body><table><tr><td>姓名</td>"
                     "<td>张三</td></tr></table>".encode())
    assert rows_of(path) == [(1, ("姓名", "张三"))]


def test_a_page_laid_out_with_tables_offers_each_table_and_the_list_is_found(db, tmp_path, union):
    # Given a system's page: a layout table holding a heading table and the list itself
    listed = "".join("<tr>" + "".join(f"<td>{'' if v is None else v}</td>" for v in r) + "</tr>"
                     for r in [HEADER, row("张三", person_id(1)), row("李四", person_id(2))])
    path = tmp_path / "导出.xls"
    path.write_bytes(page("<table><tr><td><table><tr><td>建德市总工会 名单导出</td></tr></table>"
                          f"</td></tr><tr><td><table>{listed}</table></td></tr></table>"))
    # Then each table with text is a sheet (the layout table holds none of its own), and the
    # check reads the one with the header
    with open_book(path) as book:
        assert book.sheet_names == ["表1", "表2"]
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    assert (plan.rows, plan.rejected) == (2, [])


def test_two_tables_like_the_list_are_named_by_their_captions_and_one_is_chosen(db, tmp_path,
                                                                                union):
    rows = [HEADER, row("张三", person_id(1))]
    path = write_html(tmp_path / "名单.xls", {"一月": rows, "二月": rows + [row("李四", person_id(2))]})
    with pytest.raises(SheetChoiceNeeded) as asked:
        with db.session() as s:
            check_roster_file(s, path=path)
    assert asked.value.names == ["一月", "二月"]
    with db.session() as s:
        assert check_roster_file(s, path=path, sheet="二月").rows == 2


@pytest.mark.parametrize("declared, written", [
    ("gb2312", "gbk"),       # the charset most Chinese systems declare, and write as GBK
    ("utf-8", "gbk"),        # a page that says UTF-8 but is not: found out as for a CSV
    ("", "gb18030"),         # no charset at all
])
def test_the_pages_encoding_is_followed_or_found(tmp_path, declared, written):
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">' if declared \
        else ""
    path = tmp_path / "名单.xls"
    path.write_bytes(f"<html><head>{meta}</head><body><table><tr><td>姓名</td><td>喆𠀾</td>"
                     f"</tr></table></body></html>".encode(written, "ignore"))
    assert rows_of(path)[0][1][0] == "姓名"


def test_a_page_led_by_a_comment_is_a_page(tmp_path):
    path = tmp_path / "名单.xls"
    path.write_bytes("<!-- saved from url=(0014)about:internet -->\n<html><body><table><tr>"
                     "<td>姓名</td><td>张三</td></tr></table></body></html>".encode())
    assert rows_of(path) == [(1, ("姓名", "张三"))]


def test_a_page_in_utf16_is_a_page_not_a_text_file(tmp_path):
    path = tmp_path / "名单.xls"
    path.write_bytes("\ufeff<html><body><table><tr><td>姓名</td><td>张三</td></tr></table>"
                     "</body></html>".encode("utf-16-le"))
    assert rows_of(path) == [(1, ("姓名", "张三"))]


def test_the_limits_hold_for_a_page_as_for_a_sheet(tmp_path):
    path = tmp_path / "名单.xls"
    path.write_bytes(page("<table>" + "<tr><td>x</td></tr>" * 6
                          + '<tr><td colspan="900">宽</td><td>y</td></tr></table>'))
    with pytest.raises(UserError, match="第 7 行第 901 列还有内容"):
        rows_of(path)
    with pytest.raises(UserError, match="第 6 行还有内容，超过导入上限 5 行"):
        rows_of(path, limits=Limits(rows=5))


def test_a_page_with_no_table_is_named_for_what_it_is(db, tmp_path):
    path = tmp_path / "名单.xls"
    path.write_bytes(page("<p>会话已过期，请重新登录</p>"))
    with pytest.raises(UserError, match="实际上是网页（HTML）文件，里面没有表格"):
        with db.session() as s:
            check_roster_file(s, path=path)


def test_a_long_page_shows_progress_while_it_is_read_and_cancel_stops_the_reading(db, tmp_path):
    rows = [HEADER] + [row(f"工人{i}", "x") for i in range(1, 3001)]  # stopped before checked
    path = write_html(tmp_path / "名单.xls", {"名单": rows})
    seen: list[tuple[int, int]] = []
    with pytest.raises(UserError, match="已取消导入"):
        with db.session() as s:
            check_roster_file(s, path=path, progress=lambda done, total: seen.append((done, total)),
                              cancelled=lambda: len(seen) >= 2)
    assert len(seen) == 2 and seen[0][0] == 0 and seen[1][0] < seen[1][1]  # stopped mid-page
