"""The year-end report files: the PDF (name and year, the figures with last year's column, the
charts, the signature line; fonts embedded) and the Excel workbook (named sheets, frozen header,
widths, yuan formats, text never a formula), by the service and by `stats --pdf/--xlsx`."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from union_desk.cli import main
from union_desk.reports.pdfcheck import pdf_fonts, pdf_page_count, pdf_text

YEAR = date.today().year


def test_stats_writes_the_pdf_report(demo_path, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    assert main(["--db", str(demo_path), "stats", "--year", str(YEAR), "--pdf", str(out)]) == 0
    assert f"已写出年度报告 PDF：{out}" in capsys.readouterr().out
    text = pdf_text(out)
    for expected in (f"大洋镇{YEAR}年度工会工作数据报告", f"与{YEAR - 1}年对比", f"{YEAR}年",
                     f"{YEAR - 1}年", "增减", "新发展会员（人）", "慰问困难职工（户）",
                     "慰问金、补助发放（按月，金额与笔数）", "受助困难职工户数（按类别）",
                     "返乡专车报名人数（按目的地省份）", "爱心驿家服务人次（按月）", "填报单位（盖章）",
                     "负责人", "填报人"):
        assert expected in text, expected
    # figures read as on screen, grouped by thousands
    from union_desk.db import open_database
    from union_desk.services.overview.gather import overview

    db = open_database(demo_path)
    with db.session() as s:
        figures = {f.key: f for f in overview(s, year=YEAR).figures}
    db.close()
    served, paid = figures["people_served"].this_year, figures["hardship_amount"].this_year
    assert f"{served:,}" in text and f"{paid / 100:,.2f}" in text
    fonts = pdf_fonts(out)
    assert fonts and all(embedded for _, embedded in fonts), fonts  # no Helvetica left over
    assert pdf_page_count(out) >= 2


def test_stats_writes_the_excel_report(demo_path, tmp_path, capsys):
    out = tmp_path / "report.xlsx"
    assert main(["--db", str(demo_path), "stats", "--year", str(YEAR), "--xlsx", str(out),
                 "--json"]) == 0
    capsys.readouterr()
    book = load_workbook(out)
    assert book.sheetnames == ["年度数据", "按月", "慰问名目", "困难户类别", "致困原因", "返乡目的地"]
    figures = book["年度数据"]
    assert figures.freeze_panes == "A2"
    assert [c.value for c in figures[1]] == ["项目", "单位", f"{YEAR}年", f"{YEAR - 1}年", "增减",
                                            "增减幅度"]
    assert figures.column_dimensions["A"].width == 28
    rows = {r[0].value: r for r in figures.iter_rows(min_row=2) if r[0].value}
    amount = rows["困难帮扶金额"]
    assert isinstance(amount[2].value, (int, float, Decimal)) and amount[2].number_format == "#,##0.00"
    assert rows["新发展会员"][2].number_format == "#,##0" and rows["新发展会员"][1].value == "人"
    months = book["按月"]
    assert [c.value for c in months["A"][1:13]] == [f"{m}月" for m in range(1, 13)]
    assert months.freeze_panes == "A2"
    occasions = book["慰问名目"]
    assert occasions["B2"].number_format == "#,##0.00" and occasions["A2"].data_type == "s"


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    from union_desk.models.overview import Bar, Chart
    from union_desk.services.overview.export import _kind_sheet
    from openpyxl import Workbook

    class View:
        charts = [Chart(key="payments_occasion", title="t", unit="元", money=True, horizontal=True,
                        bars=[Bar(label="=1+1", value=100, note="1笔")])]

    book = Workbook()
    _kind_sheet(book, View, "payments_occasion", "名目", "名目")
    path = tmp_path / "f.xlsx"
    book.save(path)
    cell = load_workbook(path)["名目"]["A2"]
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_the_old_excel_spelling_still_works_on_a_township(demo_path, tmp_path):
    out = tmp_path / "old.xlsx"
    assert main(["--db", str(demo_path), "stats", "--excel", str(out)]) == 0
    assert load_workbook(out).sheetnames[0] == "年度数据"


def test_a_wrong_suffix_is_refused_and_nothing_is_written(demo_path, tmp_path, capsys):
    out = tmp_path / "report.xls"
    assert main(["--db", str(demo_path), "stats", "--xlsx", str(out)]) == 1
    assert ".xlsx" in capsys.readouterr().err and not out.exists()
