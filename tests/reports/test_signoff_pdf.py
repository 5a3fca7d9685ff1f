"""签收表 (union_desk.reports.signoff): page totals, grand total in figures and words."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from union_desk.domain.idcard import check_char
from union_desk.domain.masking import mask_id
from union_desk.domain.money import format_fen, yuan_to_fen
from union_desk.reports.formkit import RenderCancelled
from union_desk.reports.pdfcheck import pdf_fonts, pdf_page_count, pdf_text
from union_desk.reports.signoff import (
    SignoffData,
    SignoffLine,
    layout_rows,
    page_slices,
    render_signoff,
    render_vouchers_and_signoff,
)
from union_desk.reports.voucher import VoucherData, voucher_check

SUBTOTAL = re.compile(r"本页小计：(\d+) 笔\s*¥([\d,]+\.\d{2})")
GRAND = re.compile(r"合计：(\d+) 笔（\d+ 人）\s*¥([\d,]+\.\d{2})")


def id_number(i: int) -> str:
    first17 = f"3301821970{1 + i % 12:02d}{1 + i % 28:02d}{i % 1000:03d}"
    return first17 + check_char(first17)


def sheet(amounts_fen: list[int]) -> SignoffData:
    lines = [SignoffLine(f"职工{i + 1}", id_number(i), "大洋镇中心小学", fen,
                         f"大洋镇-2021-{i + 1:04d}") for i, fen in enumerate(amounts_fen)]
    return SignoffData("大洋镇总工会", "2021年春节送温暖慰问金签收表", "春节送温暖",
                       "2021年1月15日", lines, "王晓燕", "李明", "陈志强")


def page_texts(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def render(data: SignoffData) -> bytes:
    out = io.BytesIO()
    render_signoff(data, out)
    return out.getvalue()


def check_totals(pdf: bytes, count: int, total_fen: int) -> list[str]:
    """Every page has one subtotal; they add up to the grand total on the last page only."""
    pages = page_texts(pdf)
    subtotals = [SUBTOTAL.findall(t) for t in pages]
    assert all(len(s) == 1 for s in subtotals), subtotals
    assert sum(int(s[0][0]) for s in subtotals) == count
    assert sum(yuan_to_fen(s[0][1]) for s in subtotals) == total_fen
    assert [GRAND.findall(t) for t in pages[:-1]] == [[]] * (len(pages) - 1)
    [(grand_count, grand_amount)] = GRAND.findall(pages[-1])
    assert int(grand_count) == count and yuan_to_fen(grand_amount) == total_fen
    for n, text in enumerate(pages, start=1):
        assert f"第 {n} 页 / 共 {len(pages)} 页" in text
    return pages


def test_335_lines_of_2000_yuan_total_670000():
    # Given the Spring-Festival list: 335 households, 2,000 yuan each
    data = sheet([200000] * 335)
    # When the sheet is printed
    pdf = render(data)
    # Then the page subtotals add up to the grand total, written in figures and in words
    pages = check_totals(pdf, 335, 67000000)
    assert "¥670,000.00" in pages[-1]
    assert "人民币陆拾柒万元整" in pages[-1]
    assert len(pages) == pdf_page_count(pdf) == len(layout_rows(data)[1])


def test_year_end_figure_669500_in_words():
    # Given 335 payments that sum to the seed's 669,500.00 yuan (one of them 1,500.00)
    amounts = [150000] + [200000] * 334
    pdf = render(sheet(amounts))
    pages = check_totals(pdf, 335, 66950000)
    assert "¥669,500.00" in pages[-1]
    assert "人民币陆拾陆万玖仟伍佰元整" in pages[-1]


def test_rows_show_masked_id_amount_and_voucher_number_never_the_full_id():
    data = sheet([140950, 1640902, 1000])
    text = pdf_text(render(data))
    for header in ("序号", "姓名", "身份证号", "单位", "金额（元）", "凭证号", "签名"):
        assert header in text
    for line in data.lines:
        assert mask_id(line.id_number) in text
        assert line.id_number not in text
        assert line.voucher_no in text
    assert "1,409.50" in text and "16,409.02" in text and "10.00" in text
    assert format_fen(140950 + 1640902 + 1000) in text
    assert "2021年春节送温暖慰问金签收表" in text and "发放单位：大洋镇总工会" in text


def test_signature_lines_with_names_only_at_the_end():
    pages = page_texts(render(sheet([200000] * 60)))
    assert len(pages) > 1
    for label, name in (("经办人", "王晓燕"), ("审核人", "李明"), ("负责人", "陈志强")):
        assert f"{label}（签字）" in pages[-1] and name in pages[-1]
        assert f"{label}（签字）" not in pages[0]


def test_cjk_font_is_embedded():
    fonts = pdf_fonts(render(sheet([200000] * 3)))
    assert fonts and all(embedded for _, embedded in fonts), fonts


@given(st.lists(st.sampled_from([28.0, 28.0, 28.0, 36.0, 52.0]), max_size=400))
def test_page_slices_cover_every_row_once_and_leave_room_for_totals(heights):
    room, extra = 600.0, 120.0
    slices = page_slices(heights, room, extra)
    n = len(heights)
    assert [i for start, end in slices for i in range(start, end)] == list(range(n))
    assert all(sum(heights[start:end]) <= room for start, end in slices)
    last_start, last_end = slices[-1]
    assert sum(heights[last_start:last_end]) + extra <= room
    assert n == 0 or last_end > last_start


def one_line_texts(pdf: bytes) -> list[str]:
    return [line for page in page_texts(pdf) for line in page.splitlines()]


def test_long_names_and_unit_names_print_whole_wrapping_in_their_cells():
    # Given a long unit name and a long name
    long_unit = "浙江省建德市大洋镇某某竹木制品加工有限责任公司第二分公司"
    long_name = "买买提·艾力江"
    data = replace(sheet([]), lines=[
        SignoffLine(long_name, id_number(1), long_unit, 200000, "大洋镇-2021-0001"),
        SignoffLine("张建国", id_number(2), "大洋镇中心小学", 100000, "大洋镇-2021-0002")])
    # When the sheet is printed, then both are there whole, on several lines, never cut
    text = pdf_text(render(data))
    assert long_unit in text.replace("\n", "") and long_name in text.replace("\n", "")
    assert "…" not in text and "..." not in text
    assert long_unit not in one_line_texts(render(data))  # it wrapped


def test_station_codes_never_break_inside_the_code():
    units = [f"新安江街道环卫工人爱心驿家第{n}站（JD-XAJ-{n:03d}）" for n in range(1, 4)]
    data = replace(sheet([]), occasion="爱心驿家运行补助", lines=[
        SignoffLine(f"建德市某某环境卫生管理有限公司{n}", "91330182MA2B3C4D5E", unit, 300000,
                    f"大洋镇-2021-000{n}", unit_recipient=True)
        for n, unit in enumerate(units, 1)])
    pdf = render(data)
    lines = one_line_texts(pdf)
    for n in range(1, 4):
        assert any(f"JD-XAJ-{n:03d}" in line for line in lines), lines
    assert "…" not in pdf_text(pdf)


def test_the_occasion_header_is_whole_and_totals_count_payments_people_and_units():
    occasions = "春节送温暖、金秋助学、医疗救助、抗疫一线慰问、意外慰问、职工医疗互助补助、夏季送清凉"
    lines = [SignoffLine("张三", id_number(1), "大洋镇中心小学", 100000, "大洋镇-2021-0001"),
             SignoffLine("张三", id_number(1), "大洋镇中心小学", 50000, "大洋镇-2021-0002"),
             SignoffLine("李四", id_number(2), "大洋镇中心小学", 50000, "大洋镇-2021-0003"),
             SignoffLine("大洋镇驿站主办单位", "91330182MA2B3C4D5E", "驿站（JD-DY-001）",
                         300000, "大洋镇-2021-0004", unit_recipient=True)]
    pdf = render(replace(sheet([]), occasion=occasions, lines=lines))
    text = pdf_text(pdf)
    assert f"发放事由：{occasions}" in text.replace("\n", "")
    assert "本页小计：4 笔" in text
    assert "合计：4 笔（2 人，1 个单位）" in text  # 张三 paid twice is one person


def test_a_sheet_of_unit_payments_names_its_columns_for_units():
    data = replace(sheet([]), occasion="爱心驿家运行补助", lines=[
        SignoffLine("建德市大洋镇人民政府", "11330182002555111X", "大洋镇驿站（JD-DY-001）",
                    300000, "大洋镇-2021-0001", unit_recipient=True)])
    text = pdf_text(render(data))
    assert "领取单位" in text and "用途" in text and "补助事由：爱心驿家运行补助" in text
    assert "合计：1 笔（1 个单位）" in text and "慰问事由" not in text


def vouchers_for(data: SignoffData) -> list[VoucherData]:
    return [VoucherData("大洋镇总工会", ln.voucher_no, date(2021, 1, 15), data.occasion,
                        ln.recipient, ln.id_number, ln.unit, "深度困难", ln.amount_fen, "现金",
                        "王晓燕", "李明", "陈志强",
                        check=voucher_check(ln.voucher_no, ln.amount_fen, "s"))
            for ln in data.lines]


@pytest.mark.parametrize(("layout", "voucher_pages"), [("A4x2", 3), ("A5", 5)])
def test_vouchers_then_signoff_in_one_pdf(tmp_path, layout, voucher_pages):
    data = sheet([200000] * 5)
    path = tmp_path / "print.pdf"
    seen = []
    pages = render_vouchers_and_signoff(vouchers_for(data), data, path, layout=layout,
                                        progress=lambda d, t: seen.append((d, t)))
    texts = page_texts(path.read_bytes())
    assert pages == len(texts) == voucher_pages + 1
    assert all("慰问金发放凭证" in t for t in texts[:voucher_pages])
    assert "签收表" in texts[-1] and "合计：5 笔（5 人）" in texts[-1]
    assert seen[-1] == (10, 10)


def test_cancel_during_signoff_leaves_no_file(tmp_path):
    # Given 80 vouchers and their sheet, cancelled once the vouchers are drawn
    data = sheet([200000] * 80)
    path = tmp_path / "print.pdf"
    done = [0]

    def progress(d: int, total: int) -> None:
        done[0] = d

    # When the sheet part starts, then the job stops and nothing is written
    with pytest.raises(RenderCancelled):
        render_vouchers_and_signoff(vouchers_for(data), data, path, progress=progress,
                                    cancelled=lambda: done[0] >= 80)
    assert done[0] == 80
    assert list(tmp_path.iterdir()) == []
