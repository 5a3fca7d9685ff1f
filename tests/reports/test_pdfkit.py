"""Drawing helpers (union_desk.reports.pdfkit), checked by reading the produced PDF back."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfbase import pdfmetrics

from union_desk.reports.fonts import FONT_NAME
from union_desk.reports.pdfcheck import pdf_fonts, pdf_page_count, pdf_text
from union_desk.reports.pdfkit import (
    draw_box,
    draw_qr,
    draw_table,
    draw_text,
    draw_watermark,
    fit_text,
    new_canvas,
)

PAGE = landscape(A5)
QR_PAYLOAD = "DY-2021-0001|140950|ABCD"


def build_voucher(target) -> None:
    c = new_canvas(target, PAGE, "困难帮扶慰问金领取凭证")
    w, h = PAGE
    draw_text(c, w / 2, h - 40, "困难职工帮扶慰问金领取凭证", 16, "center", bold=True)
    draw_text(c, w - 30, h - 60, "编号：DY-2021-0001", 9, "right")
    bottom = draw_table(c, 30, h - 70, [70, 140, 80, 180], ["姓名", "身份证号", "金额", "大写金额"],
                        [["张三", "330182197001011234", "¥1,409.50", "人民币壹仟肆佰零玖元伍角整"]],
                        aligns=["left", "left", "right", "left"])
    draw_box(c, 30, bottom - 70, 180, 60, "领取人签字：")
    draw_text(c, 30, 20, "打印日期：2021-01-15 0123456789", 9)
    draw_qr(c, w - 100, 20, 72, QR_PAYLOAD)
    c.showPage()
    c.save()


def page_runs(pdf: bytes) -> list[tuple[str, float, float]]:
    """(text, x, font size) of every text run on page 1, as pypdf sees them."""
    from pypdf import PdfReader

    runs: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            runs.append((text.strip(), tm[4], font_size))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


def render(draw, pagesize=A5) -> bytes:
    out = io.BytesIO()
    c = new_canvas(out, pagesize, "测试")
    draw(c)
    c.showPage()
    c.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def voucher(tmp_path_factory):
    path = tmp_path_factory.mktemp("voucher") / "voucher.pdf"
    build_voucher(str(path))
    return path


def test_chinese_text_amounts_and_digits_extract_back(voucher):
    text = pdf_text(voucher)
    assert "人民币壹仟肆佰零玖元伍角整" in text
    assert "¥1,409.50" in text
    assert "330182197001011234" in text
    assert "0123456789" in text
    assert "领取人签字：" in text
    assert pdf_page_count(voucher) == 1


def test_every_font_is_embedded_and_it_is_the_cjk_font(voucher):
    used = pdf_fonts(voucher)
    assert used, "no fonts found in the PDF"
    assert all(embedded for _, embedded in used), used
    assert not any(name.endswith("Helvetica") for name, _ in used), used  # QR must not add it
    cjk = pdfmetrics.getFont(FONT_NAME).face.name.decode()
    assert any(cjk in name for name, _ in used), used


def test_pdffonts_reports_the_font_as_an_embedded_subset(voucher):
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts not installed (Debian: apt-get install poppler-utils)")
    out = subprocess.run(["pdffonts", str(voucher)], capture_output=True, text=True,
                         check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:  # columns: name type encoding emb sub uni object ID
        assert row.split()[-5:-3] == ["yes", "yes"], row


def test_output_is_reproducible_and_carries_metadata():
    first, second = io.BytesIO(), io.BytesIO()
    build_voucher(first)
    build_voucher(second)
    assert first.getvalue() == second.getvalue()

    from pypdf import PdfReader

    meta = PdfReader(first).metadata
    assert meta.title == "困难帮扶慰问金领取凭证"
    assert meta.author == "union_desk"
    assert meta.creator == "union_desk"


def test_qr_code_decodes_back_to_its_payload(voucher, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed (Debian: apt-get install poppler-utils); CI has it")
    import zxingcpp
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(voucher),
                    str(tmp_path / "page")], check=True)
    with Image.open(tmp_path / "page.png") as image:
        decoded = [b.text for b in zxingcpp.read_barcodes(image)]
    assert decoded == [QR_PAYLOAD]


def test_fit_text_keeps_short_text_and_truncates_long_text():
    assert fit_text("张三", 9, 100) == "张三"
    long = "人民币贰佰元整，这是一段非常长的备注文字需要被截断显示"
    cut = fit_text(long, 9, 80)
    assert cut.endswith("…") and long.startswith(cut[:-1]) and len(cut) < len(long)
    assert pdfmetrics.stringWidth(cut, FONT_NAME, 9) <= 80
    assert fit_text(long, 9, 1) == ""  # not even the ellipsis fits


def test_draw_table_shrinks_then_truncates_and_returns_bottom():
    shrinkable = "欧阳娜娜娜娜"  # 6 CJK chars: 54 pt at 9 pt, fits 46 pt only when shrunk
    too_long = "人民币贰佰元整，这是一段非常长的备注文字需要被截断显示"
    bottoms = []

    def draw(c):
        bottoms.append(draw_table(c, 20, 500, [50, 60], ["姓名", "备注"],
                                  [[shrinkable, "短"], ["李四", too_long], ["王五"]], row_h=20))

    pdf = render(draw)
    assert bottoms == [500 - 4 * 20]
    runs = {text: size for text, _, size in page_runs(pdf)}
    assert 6 <= runs[shrinkable] < 9  # whole text, smaller font
    assert runs["短"] == 9 and runs["李四"] == 9
    cut = [t for t in runs if t.endswith("…")]
    assert len(cut) == 1 and too_long.startswith(cut[0][:-1]) and runs[cut[0]] == 6
    assert too_long not in pdf_text(pdf)


def test_draw_text_aligns_on_x():
    def draw(c):
        draw_text(c, 100, 300, "左", 10)
        draw_text(c, 300, 300, "居中¥1", 10, "center")
        draw_text(c, 400, 300, "右对齐¥1,409.50", 12, "right", bold=True)

    runs = {text: (x, size) for text, x, size in page_runs(render(draw))}
    assert runs["左"] == (100, 10)
    width = pdfmetrics.stringWidth("居中¥1", FONT_NAME, 10)
    assert runs["居中¥1"][0] == pytest.approx(300 - width / 2, abs=0.01)
    width = pdfmetrics.stringWidth("右对齐¥1,409.50", FONT_NAME, 12)
    assert runs["右对齐¥1,409.50"] == (pytest.approx(400 - width, abs=0.01), 12)


def test_draw_text_rejects_unknown_alignment():
    with pytest.raises(ValueError):
        render(lambda c: draw_text(c, 10, 10, "x", align="middle"))


def test_watermark_is_extractable_text():
    pdf = render(lambda c: (draw_text(c, 50, 500, "慰问金 ¥200.00"),
                            draw_watermark(c, "作废", A4)), A4)
    text = pdf_text(pdf)
    assert "作废" in text and "¥200.00" in text
    assert all(embedded for _, embedded in pdf_fonts(pdf))


def test_pdfcheck_accepts_bytes_and_file_objects():
    pdf = render(lambda c: draw_text(c, 50, 50, "工会"))
    assert "工会" in pdf_text(pdf)
    assert "工会" in pdf_text(io.BytesIO(pdf))
    assert pdf_page_count(bytearray(pdf)) == 1
