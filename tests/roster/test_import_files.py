"""Files from outside: a two-row merged header is understood; a workbook beyond sane limits (a
huge declared range, rows or columns far out, a zip bomb) is refused before any row is read."""
import re
import zipfile

import pytest
from openpyxl import Workbook
from roster_books import person_id, row, write_book

from union_desk.services.common.sheet_limits import xlsx_extent
from union_desk.services.common.workbook import LIMITS, Limits, check_package, open_sheet
from union_desk.services.errors import UserError
from union_desk.services.roster.importer import check_roster_file, commit_roster_import
from union_desk.services.roster.members import get_member, search_members
from personal_numbers import full


def check(db, path):
    with db.session() as s:
        return check_roster_file(s, path=path)


# -- a two-row merged header -----------------------------------------------------------------------

def merged_header_book(path, *, title=None):
    """联系方式 merged over 手机 and 工作单位; the other headers merged over both rows."""
    book = Workbook()
    sheet = book.active
    top = 1
    if title:
        sheet.append([title])
        top = 2
    sheet.append(["姓名", "身份证号", "联系方式", None, "所属工会", "入会时间"])
    sheet.append([None, None, "手机", "工作单位", None, None])
    for column in "ABEF":
        sheet.merge_cells(f"{column}{top}:{column}{top + 1}")
    sheet.merge_cells(f"C{top}:D{top}")
    sheet.append(["张三", person_id(1), "13800138000", "大洋镇机械厂", "大洋镇机械厂工会",
                  "2019-05-01"])
    sheet.append(["李四", person_id(2), "123", "大洋镇茶厂", "大洋镇茶厂工会", None])
    book.save(path)
    return path


@pytest.mark.parametrize("title", [None, "大洋镇工会会员名册"])
def test_a_merged_two_row_header_names_the_columns_under_it(db, tmp_path, title):
    path = merged_header_book(tmp_path / "名册.xlsx", title=title)
    plan = check(db, path)
    first = 4 if title else 3
    assert plan.headers == ["姓名", "身份证号", "手机", "工作单位", "所属工会", "入会时间"]
    # the sub-header row is not a data row; the phone column is read (李四's is bad)
    assert (plan.rows, [(r.row, r.field) for r in plan.rejected]) == (2, [(first + 1, "手机")])
    with db.session(write=True) as s:
        commit_roster_import(s, plan=plan)
    with db.session() as s:
        [zhang] = search_members(s, text="张三")
        member = get_member(s, member_id=zhang.id)
    assert (full(member.phone), member.employer) == ("13800138000", "大洋镇机械厂")


def test_a_data_row_right_under_the_header_is_not_taken_for_a_sub_header(db, tmp_path, union):
    path = write_book(tmp_path / "名册.xlsx", [row("", person_id(1), phone="手机"),
                                               row("李四", person_id(2))])
    plan = check(db, path)
    assert plan.headers[4] == "手机" and plan.rows == 2
    assert [(r.row, r.field) for r in plan.rejected] == [(2, "姓名"), (2, "手机")]


# -- limits ------------------------------------------------------------------------------------------

def rewrite_sheet(path, change):
    """The workbook with its first sheet's XML passed through `change`."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = change(parts[name].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for filename, data in parts.items():
            target.writestr(filename, data)
    return path


def small_book(tmp_path):
    return write_book(tmp_path / "名册.xlsx", [row("张三", person_id(1))])


def test_a_small_file_declaring_a_cell_at_xfd1048576_is_refused_at_once(db, tmp_path):
    path = rewrite_sheet(small_book(tmp_path), lambda xml: re.sub(
        r'<dimension ref="[^"]+"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml))
    assert path.stat().st_size < 6_000
    with pytest.raises(UserError) as err:
        check(db, path)
    assert "XFD1048576" in str(err.value) and "超过导入上限" in str(err.value)


def test_a_cell_far_below_the_declared_range_is_refused_without_reading_the_gap(db, tmp_path):
    far = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = rewrite_sheet(small_book(tmp_path), lambda xml: xml.replace("</sheetData>", far))
    with pytest.raises(UserError, match="第 1048576 行还有内容，超过导入上限 200000 行"):
        check(db, path)


def test_a_cell_far_to_the_right_is_refused(db, tmp_path):
    far = '<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = rewrite_sheet(small_book(tmp_path),
                         lambda xml: re.sub(r"</row></sheetData>", far, xml))
    with pytest.raises(UserError, match="第 2 行第 16384 列还有内容"):
        check(db, path)


@pytest.mark.parametrize("space", ["\t", "\n", "  "])
def test_a_far_cell_written_with_other_white_space_is_found_by_the_scan(db, tmp_path, space):
    # Given a far cell whose reference does not follow "<c " (XML allows any white space)
    far = f'<c{space}r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = rewrite_sheet(small_book(tmp_path),
                         lambda xml: re.sub(r"</row></sheetData>", far, xml))
    # When the sheet's extent is scanned, Then the cell is found before the reader loads it
    with zipfile.ZipFile(path) as archive:
        extent = xlsx_extent(archive, "xl/worksheets/sheet1.xml", LIMITS)
    assert extent.far_cell == (2, 16384)
    with pytest.raises(UserError, match="第 2 行第 16384 列还有内容"):
        check(db, path)


def test_a_zip_bomb_is_refused_from_its_central_directory(db, tmp_path):
    # Given a real workbook whose shared strings part unpacks to 64 MB from about 64 kB
    path = small_book(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as book:
        with book.open("xl/sharedStrings.xml", "w") as part:
            chunk = b"A" * 2**20
            for _ in range(64):
                part.write(chunk)
    assert path.stat().st_size < 200_000
    with pytest.raises(UserError, match="压缩了 .* 倍，不像正常的 Excel 文件"):
        check(db, path)


def test_the_unpacked_size_and_the_number_of_parts_are_limited(tmp_path):
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as book:
        for n in range(3):
            book.writestr(f"part{n}.xml", b"x" * 600_000)
    with pytest.raises(UserError, match="解压后有 1 MB，超过导入上限 1 MB"):
        check_package(path, Limits(unpacked_bytes=2**20))
    with pytest.raises(UserError, match="由 3 个部分组成"):
        check_package(path, Limits(parts=2))
    check_package(path)  # within the usual limits


def test_rows_are_read_as_they_are_in_the_file(tmp_path):
    book = Workbook()
    book.active["B2"] = "a"
    book.active["A5"] = 1
    book.save(tmp_path / "x.xlsx")
    with open_sheet(tmp_path / "x.xlsx") as sheet:
        assert list(sheet.rows()) == [(2, (None, "a")), (5, (1,))]
