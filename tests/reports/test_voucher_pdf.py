"""慰问金发放凭证 (union_desk.reports.voucher): read the produced PDF back."""

from __future__ import annotations

import io
import math
import shutil
import subprocess
from dataclasses import replace
from datetime import date

import pytest
from reportlab.lib.pagesizes import A4, A5, landscape

from union_desk.domain.idcard import check_char
from union_desk.domain.masking import mask_id
from union_desk.reports.formkit import RenderCancelled
from union_desk.reports.pdfcheck import pdf_fonts, pdf_page_count, pdf_page_texts, pdf_text
from union_desk.reports.qrmark import draw_qr_mark, penalty
from union_desk.reports.voucher import (
    VoucherData,
    qr_payload,
    render_vouchers,
    verify_voucher_payload,
    voucher_check,
)

SECRET = "installation-secret-大洋镇"
FULL_ID = "33018219700101" + "123" + check_char("33018219700101123")


def make_voucher(n: int = 1, **changes) -> VoucherData:
    number = f"大洋镇-2021-{n:04d}"
    amount = changes.pop("amount_fen", 140950)
    v = VoucherData(
        township_union="大洋镇总工会", voucher_no=number, paid_on=date(2021, 1, 15),
        occasion="春节送温暖", recipient="张建国", id_number=FULL_ID,
        unit="建德市大洋镇竹木制品有限公司", category="深度困难", amount_fen=amount,
        method="现金", handler="王晓燕", reviewer="李明", approver="陈志强",
        check=voucher_check(number, amount, SECRET))
    return replace(v, **changes)


def render(vouchers, **kw) -> bytes:
    out = io.BytesIO()
    render_vouchers(vouchers, out, **kw)
    return out.getvalue()


def test_voucher_shows_number_amount_in_figures_and_words_and_masked_id():
    # Given one voucher of 1,409.50 yuan
    pdf = render([make_voucher()])
    # When its text is read back
    text = pdf_text(pdf)
    # Then the accounting fields are real text, and the ID number only appears masked
    for expected in ("慰问金发放凭证", "大洋镇总工会", "大洋镇-2021-0001", "2021年1月15日",
                     "春节送温暖", "张建国", "建德市大洋镇竹木制品有限公司", "深度困难",
                     "¥1,409.50", "人民币壹仟肆佰零玖元伍角整", "现金", "按手印", "代领人",
                     "与本人关系", "经 办 人", "审 核 人", "负 责 人", "王晓燕", "李明", "陈志强"):
        assert expected in text, expected
    assert mask_id(FULL_ID) in text
    assert FULL_ID not in text
    assert "补打" not in text and "作废" not in text


def test_amount_ending_in_fen_has_no_zheng():
    text = pdf_text(render([make_voucher(amount_fen=1640902, method="银行转账")]))
    assert "¥16,409.02" in text
    assert "人民币壹万陆仟肆佰零玖元零贰分" in text
    assert "银行转账" in text


def test_proxy_name_and_relation_are_printed():
    text = pdf_text(render([make_voucher(proxy_name="张小红", proxy_relation="女儿")]))
    assert "张小红" in text and "女儿" in text


def test_reprint_is_marked_bu_da():
    text = pdf_text(render([make_voucher(reprint=True)]))
    assert "补打" in text


def test_voided_voucher_carries_zuo_fei_and_reason():
    v = make_voucher(voided=True, void_reason="金额录入错误")
    text = pdf_text(render([v, make_voucher(2)]))
    assert "作废原因：金额录入错误" in text
    assert text.count("作废") >= 2  # the reason line and the watermark across the voucher
    assert "大洋镇-2021-0002" in text


def test_cjk_font_is_embedded_and_no_other_font_used():
    fonts = pdf_fonts(render([make_voucher(), make_voucher(2, reprint=True, voided=True)]))
    assert fonts, "no font in the PDF"
    assert all(embedded for _, embedded in fonts), fonts
    assert not any("Helvetica" in name or "STSong" in name for name, _ in fonts)


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_two_vouchers_per_a4_page_one_per_a5_page(count):
    from pypdf import PdfReader

    vouchers = [make_voucher(i + 1) for i in range(count)]
    a4 = render(vouchers, layout="A4x2")
    a5 = render(vouchers, layout="A5")
    assert pdf_page_count(a4) == math.ceil(count / 2)
    assert pdf_page_count(a5) == count
    a4_box = PdfReader(io.BytesIO(a4)).pages[0].mediabox
    a5_box = PdfReader(io.BytesIO(a5)).pages[0].mediabox
    assert (round(a4_box.width), round(a4_box.height)) == tuple(round(x) for x in A4)
    assert (round(a5_box.width), round(a5_box.height)) == tuple(round(x) for x in landscape(A5))
    assert all(f"大洋镇-2021-{i + 1:04d}" in pdf_text(a4) for i in range(count))


def test_vouchers_of_every_kind_in_one_pdf_each_read_as_their_own_kind():
    # Given a person's voucher, a unit's, a draft and a person's again in one batch (the parts
    # every voucher of a kind shares are drawn once per PDF and reused)
    unit = make_voucher(2, recipient="建德市大洋镇人民政府", id_number="11330182002555111X",
                        unit="大洋镇环卫工人爱心驿家（DY-YJ-001）", unit_recipient=True)
    vouchers = [make_voucher(1), unit, make_voucher(3, draft=True), make_voucher(4)]
    # When they are printed one to a page
    pages = ["".join(text.split()) for text in pdf_page_texts(render(vouchers, layout="A5"))]
    # Then each page carries its own kind's title, labels and note, and its own values
    person, unit_page, draft, person_again = pages
    for text, number in ((person, "0001"), (person_again, "0004")):
        assert "慰问金发放凭证" in text and "签名或按手印" in text and f"大洋镇-2021-{number}" in text
        assert "补助资金发放凭证" not in text and "盖章处" not in text and "草稿" not in text
    assert "补助资金发放凭证" in unit_page and "盖章处" in unit_page and "按手印" not in unit_page
    assert "11330182002555111X" in unit_page and "大洋镇-2021-0002" in unit_page
    assert "慰问金发放凭证（草稿）" in draft and "本单未经审核" in draft and "未审核" in draft
    assert "左上角二维码" not in draft and "大洋镇-2021-0003" in draft


def test_render_returns_page_count_and_writes_the_path(tmp_path):
    path = tmp_path / "vouchers.pdf"
    pages = render_vouchers([make_voucher(i + 1) for i in range(3)], path)
    assert pages == 2 == pdf_page_count(path)


def test_unknown_layout_and_empty_list_are_refused(tmp_path):
    with pytest.raises(ValueError):
        render_vouchers([make_voucher()], tmp_path / "x.pdf", layout="A3")
    with pytest.raises(ValueError):
        render_vouchers([], tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_every_voucher():
    seen = []
    render([make_voucher(i + 1) for i in range(5)], progress=lambda d, t: seen.append((d, t)))
    assert seen == [(i, 5) for i in range(1, 6)]


def test_cancel_midway_leaves_no_file_and_keeps_an_existing_one(tmp_path):
    target = tmp_path / "vouchers.pdf"
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(RenderCancelled):
        render_vouchers([make_voucher(i + 1) for i in range(10)], target, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"earlier print")
    calls.clear()
    with pytest.raises(RenderCancelled):
        render_vouchers([make_voucher(i + 1) for i in range(10)], target, cancelled=cancelled)
    assert target.read_bytes() == b"earlier print"
    assert [p.name for p in tmp_path.iterdir()] == ["vouchers.pdf"]


def test_check_value_is_8_base32_chars_bound_to_number_amount_and_secret():
    check = voucher_check("大洋镇-2021-0001", 140950, SECRET)
    assert len(check) == 8 and set(check) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert check == voucher_check("大洋镇-2021-0001", 140950, SECRET)
    assert check != voucher_check("大洋镇-2021-0001", 140951, SECRET)
    assert check != voucher_check("大洋镇-2021-0002", 140950, SECRET)
    assert check != voucher_check("大洋镇-2021-0001", 140950, "another installation")


def test_verify_accepts_issued_payload_and_rejects_tampering():
    payload = qr_payload(make_voucher())
    assert payload == f"大洋镇-2021-0001|140950|{voucher_check('大洋镇-2021-0001', 140950, SECRET)}"
    assert verify_voucher_payload(payload, SECRET)
    number, amount, check = payload.split("|")
    assert not verify_voucher_payload(f"{number}|{int(amount) + 100}|{check}", SECRET)
    assert not verify_voucher_payload(f"大洋镇-2021-0002|{amount}|{check}", SECRET)
    assert not verify_voucher_payload(payload, "another installation")
    for garbage in ("", "no separators", "x|y|z", f"{number}||{check}", f"{number}|-5|{check}"):
        assert not verify_voucher_payload(garbage, SECRET)


def _decode_page(pdf: bytes, tmp_path, page: int = 1) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) not installed")
    src = tmp_path / "qr.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page),
                    "-singlefile", str(src), str(tmp_path / "page")], check=True)
    return [r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))]


def test_qr_codes_on_a_page_decode_to_their_payloads_and_verify(tmp_path):
    vouchers = [make_voucher(1), make_voucher(2, amount_fen=200000, voided=True)]
    decoded = _decode_page(render(vouchers), tmp_path)
    assert sorted(decoded) == sorted(qr_payload(v) for v in vouchers)
    assert all(verify_voucher_payload(p, SECRET) for p in decoded)
    number, amount, check = decoded[0].split("|")
    assert not verify_voucher_payload(f"{number}|{int(amount) * 10}|{check}", SECRET)


def test_every_qr_mask_pattern_decodes(tmp_path):
    from union_desk.reports.pdfkit import new_canvas

    payloads = [f"大洋镇-2021-{m:04d}|{m * 1000 + 7}|ABCDEFG{m}" for m in range(8)]
    out = io.BytesIO()
    c = new_canvas(out, landscape(A5), "QR")
    for mask, payload in enumerate(payloads):
        draw_qr_mark(c, 30 + (mask % 4) * 140, 230 - (mask // 4) * 180, 110, payload, mask=mask)
    c.showPage()
    c.save()
    assert sorted(_decode_page(out.getvalue(), tmp_path)) == sorted(payloads)


def test_mask_penalty_of_a_blank_symbol():
    # 42 runs of 21 (19 each) + 400 2×2 blocks (3 each) + 0% dark (10 steps of 5%: 100)
    assert penalty(["0" * 21] * 21) == 42 * 19 + 400 * 3 + 100
    # one row 10111010000 + 10 light: a finder-like pattern (+40); the row's light run shrinks
    # to 14 (-7), five columns' runs to 20 (-5), 7 fewer 2×2 blocks (-21), 1% dark (-10)
    blank = penalty(["0" * 21] * 21)
    assert penalty(["10111010000" + "0" * 10] + ["0" * 21] * 20) == blank + 40 - 7 - 5 - 21 - 10


def test_a_voucher_paid_to_a_unit_reads_as_one(tmp_path):
    # Given a running subsidy paid to a station's host unit
    v = make_voucher(recipient="建德市大洋镇人民政府", id_number="11330182002555111X",
                     unit="大洋镇环卫工人爱心驿家（DY-YJ-001）", occasion="爱心驿家运行补助",
                     category="", method="银行转账", unit_recipient=True)
    pdf = render([v], layout="A5")
    text = "".join(pdf_text(pdf).split())
    # Then it is the unit that signs: its seal in a box and its handler's signature
    assert "补助资金发放凭证" in text and "领取单位（盖章）" in text and "盖章处" in text
    assert "经办人签名" in text and "11330182002555111X" in text
    # and nothing asks for a thumbprint, a proxy or a relation
    for wording in ("按手印", "代领", "与本人关系", "领取人", "困难类别", "身份证号"):
        assert wording not in text, wording
    # and no label cell stands empty: the 用途 value runs to the right edge
    path = tmp_path / "unit.pdf"
    path.write_bytes(pdf)
    if shutil.which("pdftotext"):
        layout = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                                text=True, check=True).stdout
        assert "大洋镇环卫工人爱心驿家（DY-YJ-001）" in layout
