"""Every list a clerk is sent opens: the same roster as .xlsx, .xls, .xlsb, .ods, a CSV in UTF-8
(with and without its byte-order mark) or GBK, a tab-separated .txt in UTF-16, a web page
another system exported as .xls (GB2312 or UTF-8), Excel 2003 XML (.xls or .xml) — each imported
with the same result; a file that is no spreadsheet is named for what it is; a workbook whose
list is on its second sheet is read there, and one with several lists asks which."""
from __future__ import annotations

import struct
import zipfile
from datetime import date

import pytest
from roster_books import HEADER, person_id, row
from sheet_files import ods_content, write_any, write_csv, write_ods, write_xlsb, write_xlsx

from union_desk.services.common.excel_headers import NO_CACHED_VALUE
from union_desk.services.common.import_sheet import SheetChoiceNeeded
from union_desk.services.common.workbook import open_book, open_sheet
from union_desk.services.errors import UserError
from union_desk.services.roster.importer import check_roster_file, commit_roster_import
from union_desk.services.roster.members import get_member, search_members
from personal_numbers import full


def roster_rows() -> list[list]:
    """A title row, the header, two good rows (one with a real date cell) and a bad one."""
    return [["大洋镇工会会员名册"], HEADER,
            row("张三", person_id(1), joined=date(2019, 5, 1), phone="13800138000"),
            row("李四", person_id(2), joined="2020/3/5", phone="13900139000"),
            row("王五", person_id(3)[:17] + "0", joined="2021-01-01")]


def check(db, path, **options):
    with db.session() as s:
        return check_roster_file(s, path=path, **options)


@pytest.mark.parametrize("name, options", [
    ("名册.xlsx", {}), ("名册.xls", {}), ("名册.xlsb", {}), ("名册.ods", {}),
    ("名册.csv", {"encoding": "utf-8"}), ("名册.csv", {"encoding": "utf-8-sig"}),
    ("名册.csv", {"encoding": "gbk"}), ("名册.csv", {"encoding": "gb18030", "delimiter": ";"}),
    ("名册.txt", {"encoding": "utf-16", "delimiter": "\t"}),
    ("名册.txt", {"encoding": "gbk", "delimiter": "\t"}),
    ("名册.xls", {"html": "gb2312"}), ("名册.xls", {"html": "utf-8"}),
    ("名册.xls", {"xml2003": True}), ("名册.xml", {"xml2003": True}),
])
def test_the_same_roster_in_every_format_imports_alike(db, tmp_path, union, name, options):
    # Given the same roster saved in one of the formats clerks are sent
    path = write_any(tmp_path / name, {"会员名册": roster_rows()}, **options)
    # When it is checked and imported
    plan = check(db, path)
    assert (plan.rows, [(r.row, r.field) for r in plan.rejected]) == (3, [(5, "身份证号")])
    with db.session(write=True) as s:
        report = commit_roster_import(s, plan=plan)
    # Then the two good rows are members, with their dates, phones and Chinese names intact
    assert (report.new, report.rejected_rows) == (2, 1)
    with db.session() as s:
        [zhang] = search_members(s, text="张三")
        [li] = search_members(s, text="李四")
        zhang, li = get_member(s, member_id=zhang.id), get_member(s, member_id=li.id)
    assert (zhang.join_date, li.join_date) == (date(2019, 5, 1), date(2020, 3, 5))
    assert full(zhang.phone) == "13800138000" and zhang.union_name == "大洋镇机械厂工会"


def test_an_id_number_saved_as_a_number_is_refused_in_every_binary_format(db, tmp_path, union):
    number = person_id(1)
    for suffix in (".xlsx", ".xls", ".xlsb", ".ods"):
        path = write_any(tmp_path / f"名册{suffix}",
                         {"名册": [HEADER, row("张三", float(number))]})
        [rejection] = check(db, path).rejected
        assert "身份证号被Excel存成了数字" in rejection.reason, suffix


def test_a_csv_keeps_long_numbers_written_as_formulas_of_text(db, tmp_path, union):
    path = tmp_path / "名册.csv"
    path.write_text(",".join(HEADER) + "\r\n"
                    + f'张三,="{person_id(1)}",,汉族,="13800138000",大洋镇机械厂,大洋镇机械厂工会,'
                      "2019-05-01,,否,农业\r\n", encoding="gbk")
    plan = check(db, path)
    assert (plan.rows, plan.rejected) == (1, [])
    assert plan.candidates[0].fields["id_number"] == person_id(1)


def test_an_undecodable_text_file_is_refused_with_the_reason(db, tmp_path):
    path = tmp_path / "名册.csv"
    path.write_bytes("姓名,身份证号\r\n".encode("gbk") + b"\x81\x20\xff\xff,1\r\n")
    with pytest.raises(UserError, match="无法识别 名册.csv 的文字编码"):
        check(db, path)


# -- files that are not spreadsheets ---------------------------------------------------------------

def word_document(path):
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return path


def ole_file(path, stream: str):
    """A minimal OLE compound file (MS-CFB, 512-byte sectors) whose directory names `stream`."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHH", header, 0x18, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 0x1E, 9)
    struct.pack_into("<I", header, 0x2C, 1)        # one FAT sector
    struct.pack_into("<I", header, 0x30, 1)        # the directory starts at sector 1
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * 126))
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry", stream]):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        directory[i * 128:i * 128 + len(encoded)] = encoded
        struct.pack_into("<H", directory, i * 128 + 64, len(encoded))
    path.write_bytes(bytes(header) + fat + bytes(directory))
    return path


@pytest.mark.parametrize("name, make, message", [
    ("名册.xlsx", word_document, "这是 Word 文档，不是表格"),
    ("名册.xls", lambda p: ole_file(p, "WordDocument"), "这是 Word 文档（旧版 .doc），不是表格"),
    ("名册.xls", lambda p: ole_file(p, "EncryptedPackage"), "设置了打开密码"),
    ("名册.xls", lambda p: ole_file(p, "PowerPoint Document"), "PowerPoint"),
    ("名册.xlsx", lambda p: p.write_bytes(b"%PDF-1.7\n%...") and p, "这是 PDF 文件"),
    ("名册.xlsx", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n....") and p, "这是 PNG 图片"),
    ("名册.xls", lambda p: p.write_bytes(b"\xff\xd8\xff\xe0JFIF") and p, "这是 JPEG 图片"),
    ("名册.xls", lambda p: p.write_text("<html><body><p>请先登录</p></body></html>") and p,
     "实际上是网页（HTML）文件，里面没有表格"),
    ("名册.zip", lambda p: zipfile.ZipFile(p, "w").writestr("名册.xlsx", b"x") or p,
     "这是 zip 压缩包，不是表格"),
    ("名册.xlsx", lambda p: p.write_bytes(b"") or p, "是空文件"),
    # the owner file Excel leaves beside a workbook it has open (its user's name, padded)
    ("~$名册.xlsx", lambda p: p.write_bytes(b"\x06wangfang" + b"\x20" * 45 + b"\x00" * 110) and p,
     "打开表格时留下的临时文件，不是名单；请选择文件名不带“~\\$”的那个文件（名册.xlsx）"),
])
def test_a_file_that_is_no_spreadsheet_is_named_for_what_it_is(db, tmp_path, name, make, message):
    path = make(tmp_path / name)
    with pytest.raises(UserError, match=message):
        check(db, path)


def test_a_workbook_saved_with_another_formats_name_is_read_as_what_it_is(db, tmp_path, union):
    # an .xlsx named .xls, and a CSV named .xls (both common from other systems), and WPS's .et
    # (older WPS saves it as an Excel 97–2003 workbook in an OLE file, newer WPS as an Office
    # Open XML zip: either is read by its content)
    xlsx = write_xlsx(tmp_path / "a.xlsx", {"名册": roster_rows()}).rename(tmp_path / "名册.xls")
    csv_ = write_csv(tmp_path / "b.csv", roster_rows(), encoding="gbk").rename(tmp_path / "列表.xls")
    et = write_any(tmp_path / "c.xls", {"名册": roster_rows()}).rename(tmp_path / "名册.et")
    et_zip = write_xlsx(tmp_path / "d.xlsx", {"名册": roster_rows()}).rename(tmp_path / "新.et")
    assert {check(db, p).rows for p in (xlsx, csv_, et, et_zip)} == {3}


# -- sheets ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".xlsb", ".ods"])
def test_the_list_on_the_second_sheet_is_found(db, tmp_path, union, suffix):
    path = write_any(tmp_path / f"名册{suffix}", {"说明": [["填表说明：身份证号请设为文本"]],
                                                  "会员名单": roster_rows()})
    assert check(db, path).rows == 3


def test_two_sheets_that_both_look_like_the_list_are_named_and_one_is_chosen(db, tmp_path, union):
    path = write_xlsx(tmp_path / "名册.xlsx", {"2024年": roster_rows()[:3],
                                               "2025年": roster_rows(), "备注": [["x"]]})
    with pytest.raises(SheetChoiceNeeded) as asked:
        check(db, path)
    assert asked.value.names == ["2024年", "2025年"] and "--sheet" in str(asked.value)
    assert check(db, path, sheet="2025年").rows == 3
    assert check(db, path, sheet=" 2024年 ").rows == 1
    with pytest.raises(UserError, match="没有名为“2023年”的工作表；有：“2024年”、“2025年”、“备注”"):
        check(db, path, sheet="2023年")


def test_no_sheet_with_the_header_names_the_sheets_looked_at(db, tmp_path):
    path = write_xlsx(tmp_path / "名册.xlsx", {"甲": [["a"]], "乙": [["b"]]})
    with pytest.raises(UserError, match="各工作表（“甲”、“乙”）前 30 行中都没有“姓名”列"):
        check(db, path)


# -- what the reader gives, format by format -------------------------------------------------------

def test_rows_keep_their_sheet_positions_when_the_data_starts_further_in(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active["C3"] = "姓名"
    book.active["D5"] = 7
    book.save(tmp_path / "x.xlsx")
    with open_sheet(tmp_path / "x.xlsx") as sheet:
        assert list(sheet.rows()) == [(3, (None, None, "姓名")), (5, (None, None, None, 7))]


def test_formulas_without_results_and_error_values_are_told_apart_from_empty_cells(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "=1+1", "#N/A", None, "x"])
    book.save(tmp_path / "x.xlsx")   # openpyxl saves formulas without their results
    with open_sheet(tmp_path / "x.xlsx") as sheet:
        assert list(sheet.rows()) == [(1, ("姓名", NO_CACHED_VALUE, "#N/A", None, "x"))]
    content = ods_content({"表": [["姓名"]]}).replace(
        "</table:table-row>", '<table:table-cell table:formula="of:=1+1"/></table:table-row>', 1)
    write_ods(tmp_path / "x.ods", {}, content=content)
    with open_sheet(tmp_path / "x.ods") as sheet:
        assert list(sheet.rows()) == [(1, ("姓名", NO_CACHED_VALUE))]


def test_a_cell_far_out_in_an_ods_or_xlsb_is_refused_before_the_sheet_is_loaded(tmp_path):
    far = ('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
           'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')
    write_ods(tmp_path / "x.ods", {}, content=ods_content({"表": [["姓名"]]}, extra_rows=far))
    with pytest.raises(UserError, match="第 1048001 行还有内容，超过导入上限 200000 行"):
        with open_sheet(tmp_path / "x.ods"):
            pass
    wide = ('<table:table-row><table:table-cell table:number-columns-repeated="16000" '
            'office:value-type="float" office:value="1"/></table:table-row>')
    write_ods(tmp_path / "y.ods", {}, content=ods_content({"表": [["姓名"]]}, extra_rows=wide))
    with pytest.raises(UserError, match="第 2 行第 16000 列还有内容"):
        with open_sheet(tmp_path / "y.ods"):
            pass
    # empty repeated rows, as LibreOffice writes to the sheet's end, are no content
    blank = '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>'
    write_ods(tmp_path / "z.ods", {}, content=ods_content({"表": [["姓名"]]}, extra_rows=blank))
    with open_sheet(tmp_path / "z.ods") as sheet:
        assert list(sheet.rows()) == [(1, ("姓名",))]
    import sheet_files

    cells = [sheet_files._record(0, struct.pack("<IIHBBBI", 0, 0, 300, 0, 0, 0, 0)),
             sheet_files._record(6, struct.pack("<II", 0, 0) + sheet_files._wide("姓名")),
             sheet_files._record(0, struct.pack("<IIHBBBI", 1048575, 0, 300, 0, 0, 0, 0)),
             sheet_files._record(6, struct.pack("<II", 16383, 0) + sheet_files._wide("x"))]
    raw = b"".join([sheet_files._record(129), sheet_files._record(148, bytes(16)),
                    sheet_files._record(145), *cells, sheet_files._record(146),
                    sheet_files._record(130)])
    write_xlsb(tmp_path / "x.xlsb", {"表": []}, raw_sheet=raw)
    with pytest.raises(UserError, match="第 1048576 行还有内容"):
        with open_sheet(tmp_path / "x.xlsb"):
            pass


def test_hidden_sheets_are_not_offered_but_can_be_named(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "名单"
    hidden = book.create_sheet("字典")
    hidden.sheet_state = "hidden"
    book.save(tmp_path / "x.xlsx")
    with open_book(tmp_path / "x.xlsx") as opened:
        assert (opened.sheet_names, opened.all_sheet_names) == (["名单"], ["名单", "字典"])
        assert opened.find_sheet("字典") == "字典"


def test_a_file_another_program_holds_open_says_so(db, tmp_path, monkeypatch):
    from union_desk.services.common import file_kind

    path = write_any(tmp_path / "名册.xlsx", {"会员名册": roster_rows()})

    def locked(*args, **kwargs):   # what Windows says of a file WPS has open
        raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
    monkeypatch.setattr(file_kind, "open", locked, raising=False)
    with pytest.raises(UserError, match="可能正在 Excel 或 WPS 中打开.*请关闭它后再导入"):
        check(db, path)
