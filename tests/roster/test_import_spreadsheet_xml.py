"""Excel 2003 XML (SpreadsheetML), which older systems still export as .xls or .xml, is read as
Excel opens it: typed cells, cells and rows placed by their index, merged cells, hidden sheets,
the limits of any sheet, and a damaged file named as such."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from union_desk.services.common.excel_headers import NO_CACHED_VALUE
from union_desk.services.common.sheet_limits import Limits
from union_desk.services.common.workbook import open_book, open_sheet
from union_desk.services.errors import UserError

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:html="http://www.w3.org/TR/REC-html40">')


def book(tmp_path, *sheets: str, name: str = "名单.xls"):
    path = tmp_path / name
    path.write_text(HEAD + "".join(sheets) + "</Workbook>", encoding="utf-8")
    return path


def rows_of(path, **options) -> list[tuple[int, tuple]]:
    with open_sheet(path, **options) as opened:
        return list(opened.rows())


def sheet(name: str, rows: str, options: str = "") -> str:
    return f'<Worksheet ss:Name="{name}"><Table>{rows}</Table>{options}</Worksheet>'


def cell(kind: str, text: str, extra: str = "") -> str:
    return f'<Cell{extra}><Data ss:Type="{kind}">{text}</Data></Cell>'


def test_cells_keep_their_types_and_places(tmp_path):
    path = book(tmp_path, sheet("名单", "".join([
        '<Row>' + cell("String", "2025 年会员名单", ' ss:MergeAcross="4"') + "</Row>",
        '<Row ss:Index="3">' + cell("String", "姓名") + cell("String", "身份证号")
        + cell("String", "入会时间", ' ss:Index="4"') + "</Row>",
        "<Row>" + cell("String", "张<html:B>三</html:B>") + cell("Number", "330182198001010029")
        + "<Cell/>" + cell("DateTime", "2019-05-01T00:00:00.000") + cell("Number", "1.5")
        + cell("Boolean", "1") + "</Row>",
        "<Row>" + cell("String", "李四") + cell("Number", "3.30182198001010E+17")
        + '<Cell ss:Formula="=TODAY()"/>' + cell("DateTime", "2020-03-05T08:30:00.000")
        + cell("Error", "#N/A", ' ss:Formula="=VLOOKUP(A5,B:B,1,0)"') + "</Row>",
    ])))
    assert rows_of(path) == [
        (1, ("2025 年会员名单",)),
        (3, ("姓名", "身份证号", None, "入会时间")),
        (4, ("张三", 330182198001010029, None, date(2019, 5, 1), 1.5, True)),  # every digit kept
        (5, ("李四", 3.3018219800101e+17, NO_CACHED_VALUE, datetime(2020, 3, 5, 8, 30), "#N/A")),
    ]


def test_sheets_in_order_the_hidden_one_not_offered(tmp_path):
    hidden = ('<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">'
              "<Visible>SheetHidden</Visible></WorksheetOptions>")
    path = book(tmp_path, sheet("说明", "<Row>" + cell("String", "填表说明") + "</Row>"),
                sheet("字典", "<Row>" + cell("String", "男") + "</Row>", hidden),
                sheet("名单", "<Row>" + cell("String", "姓名") + "</Row>"), name="名单.xml")
    with open_book(path) as opened:
        assert (opened.sheet_names, opened.all_sheet_names) == (
            ["说明", "名单"], ["说明", "字典", "名单"])
        assert list(opened.sheet("名单").rows()) == [(1, ("姓名",))]


def test_the_limits_hold_and_a_damaged_file_is_named(tmp_path):
    far = book(tmp_path, sheet("表", "<Row>" + cell("String", "姓名") + "</Row>"
                                + '<Row ss:Index="9">' + cell("String", "x") + "</Row>"
                                + "<Row>" + cell("String", "y", ' ss:Index="300"') + "</Row>"))
    with pytest.raises(UserError, match="第 9 行还有内容，超过导入上限 8 行"):
        rows_of(far, limits=Limits(rows=8))
    with pytest.raises(UserError, match="第 10 行第 300 列还有内容"):
        rows_of(far)
    broken = tmp_path / "坏.xls"
    broken.write_text(HEAD + sheet("表", "<Row>" + cell("String", "姓名")), encoding="utf-8")
    with pytest.raises(UserError, match="坏.xls：Excel 2003 XML 表格已损坏"):
        rows_of(broken)


def test_a_file_declaring_entities_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "名单.xls"
    path.write_text('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                    + HEAD.split("\n", 2)[2] + sheet("表", "<Row>" + cell("String", "&b;")
                                                     + "</Row>") + "</Workbook>",
                    encoding="utf-8")
    with pytest.raises(UserError, match="带有文档类型声明（DTD）"):
        rows_of(path)


def test_a_long_file_shows_progress_while_it_is_read_and_cancel_stops_the_reading(db, tmp_path):
    from sheet_files import write_spreadsheet_xml

    from union_desk.services.roster.importer import check_roster_file

    rows = [["姓名", "身份证号", "所属工会"]] + [[f"工人{i}", "x", "工会"] for i in range(1, 1601)]
    path = write_spreadsheet_xml(tmp_path / "名单.xml", {"名单": rows})
    seen: list[tuple[int, int]] = []
    with pytest.raises(UserError, match="已取消导入"):
        with db.session() as s:
            check_roster_file(s, path=path, progress=lambda done, total: seen.append((done, total)),
                              cancelled=lambda: len(seen) >= 2)
    # read so far, of the file's bytes: stopped mid-file, before any row was checked
    assert len(seen) == 2 and 0 < seen[0][0] < seen[1][0] < seen[1][1] == path.stat().st_size
