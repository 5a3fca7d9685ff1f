"""The printed manifest and seat notices read back from the PDF; the Excel export, masked."""
import pytest
from openpyxl import load_workbook

from personal_numbers import full
from trips_helpers import person, register
from union_desk.domain.phone import parse_contact_phone
from union_desk.models.trips import CampaignCreate
from union_desk.reports.fonts import FONT_NAME
from union_desk.reports.pdfcheck import pdf_fonts, pdf_page_count, pdf_text
from union_desk.services.trips import campaigns as trips, seats as trips_seats
from union_desk.services.errors import UserError
from union_desk.services.trips.assign import assign_seats
from union_desk.services.trips.export import (export_manifests_xlsx, manifest_pdf, notices_pdf,
                                              write_manifest_pdf)


@pytest.fixture
def seated(db, campaign):
    c, buses = campaign
    regs = register(db, c.id, person(1, "张三"), person(2, "李四", county="黄平县"),
                    person(3, "王五", province="湖北省", city="恩施州", county="利川市"))
    with db.session(write=True) as s:
        assign_seats(s, campaign_id=c.id)
        first = trips_seats.passengers(s, bus_id=buses[0].id)[0]
        trips_seats.set_boarded(s, seat_id=first.seat_id, boarded=True)
    return c, buses, regs


def test_manifest_shows_the_bus_masked_ids_and_totals_in_an_embedded_cjk_font(db, seated, tmp_path):
    c, buses, regs = seated
    path = tmp_path / "manifest.pdf"
    with db.session() as s:
        pages = write_manifest_pdf(s, campaign_id=c.id, path=path)
    text = pdf_text(path)
    assert pages == pdf_page_count(path) == 2
    for expected in ("2021 春节返乡 乘车名单", "去程第 1 车", "浙A12345", "建德市新安江客运有限公司",
                     "李师傅", "13905710001", "JD-2021-001", "2021-02-01 07:30", "凯里 → 黄平 → 贵州黔东南",
                     "张三", "李四", "贵州省黔东南苗族侗族自治州黄平县", "建德市新安化工集团", "张父", "上车签名",
                     "大洋镇总工会", "合计：乘客 2 人；核定 3 座，空座 1 个；已上车 1 人，未上车 1 人。",
                     "带车人（签字）"):
        assert expected in text, expected
    for reg in regs:
        assert str(reg.id_number) in text and str(reg.phone) in text  # masked
        assert full(reg.id_number) not in text and full(reg.phone) not in text
    fonts = pdf_fonts(path)
    assert fonts and all(embedded for _, embedded in fonts)
    assert any(FONT_NAME in name or "WenQuanYi" in name or "Micro" in name for name, _ in fonts)


def test_one_bus_and_the_seat_notices(db, seated):
    c, buses, regs = seated
    with db.session() as s:
        data, pages = manifest_pdf(s, campaign_id=c.id, bus_ids=[buses[1].id], notices=True)
        notices, notice_pages = notices_pdf(s, campaign_id=c.id)
    text = pdf_text(data)
    assert pages == 2 and "浙A22345" in text and "张三" not in text and "王五" in text
    assert text.count("乘车通知") == 1  # the one passenger of that bus
    notice_text = pdf_text(notices)
    assert notice_pages == 1 and notice_text.count("乘车通知") == 3
    for expected in ("座位号", "去程第 1 车", "浙A12345", "大洋镇人民政府门前", "贵州省黔东南苗族侗族自治州凯里市"):
        assert expected in notice_text
    assert full(regs[0].id_number) not in notice_text
    assert all(embedded for _, embedded in pdf_fonts(notices))


def test_empty_buses_print_a_blank_manifest_but_no_notices(db, campaign):
    c, _ = campaign
    with db.session() as s:
        data, pages = manifest_pdf(s, campaign_id=c.id)
        assert pages == 2 and "合计：乘客 0 人" in pdf_text(data)
        with pytest.raises(UserError, match="还没有乘客"):
            notices_pdf(s, campaign_id=c.id)


def test_excel_export_one_sheet_per_bus_masked(db, seated, tmp_path):
    c, buses, regs = seated
    with db.session() as s:
        count = export_manifests_xlsx(s, campaign_id=c.id, path=tmp_path / "m.xlsx")
    assert count == 3
    book = load_workbook(tmp_path / "m.xlsx")
    assert book.sheetnames == ["去程1 浙A12345", "去程2 浙A22345"]
    cells = [str(v) for sheet in book for row in sheet.iter_rows(values_only=True)
             for v in row if v is not None]
    assert str(regs[0].id_number) in cells
    assert not any(full(reg.id_number) in v or full(reg.phone) in v for reg in regs for v in cells)
    assert "已上车" in cells and "乘客 2 人" in cells


def test_seat_notices_carry_the_unions_contact_phone(db, seated):
    c, _buses, _regs = seated
    with db.session() as s:
        blank = pdf_text(notices_pdf(s, campaign_id=c.id)[0])
    assert "工会联系电话：____________" in blank  # none on file: a line to write it in
    with db.session(write=True) as s:
        trips.update_campaign(s, campaign_id=c.id, data=CampaignCreate(
            name=c.name, contact_phone="0571 6471 2345"))
    with db.session() as s:
        text = pdf_text(notices_pdf(s, campaign_id=c.id)[0])
        manifest = pdf_text(manifest_pdf(s, campaign_id=c.id, notices=True)[0])
    assert text.count("工会联系电话：0571-64712345") == 3
    assert "工会联系电话：0571-64712345" in manifest


@pytest.mark.parametrize("typed, stored", [
    ("", ""), ("13812345678", "13812345678"), ("+86 138-1234-5678", "13812345678"),
    ("0571-64712345", "0571-64712345"), ("057164712345", "0571-64712345"),
    ("010 12345678", "010-12345678"),
])
def test_contact_phone_is_a_mobile_or_a_landline_with_its_area_code(typed, stored):
    assert parse_contact_phone(typed) == stored


def test_a_contact_phone_that_is_neither_is_refused(db, campaign):
    c, _ = campaign
    with pytest.raises(UserError, match="联系电话"), db.session(write=True) as s:
        trips.update_campaign(s, campaign_id=c.id, data=CampaignCreate(name=c.name,
                                                                       contact_phone="64712345"))


def test_the_manifest_export_writes_formula_like_text_as_text(db, campaign, tmp_path):
    c, _ = campaign
    register(db, c.id, person(1, "张三", employer="=HYPERLINK(\"http://x\")"),
             person(2, "李四", employer="@SUM(1)"))
    with db.session(write=True) as s:
        assign_seats(s, campaign_id=c.id)
    path = tmp_path / "名单.xlsx"
    with db.session() as s:
        export_manifests_xlsx(s, campaign_id=c.id, path=path)
    found = {c.value: c for sheet in load_workbook(path).worksheets for r in sheet.iter_rows()
             for c in r if isinstance(c.value, str)}
    for text in ("=HYPERLINK(\"http://x\")", "@SUM(1)"):
        assert found[text].data_type == "s" and found[text].quotePrefix
