"""What a payment waiting for review prints (a draft: 未审核 across it, no QR check value, not a
voucher) and what an approved one prints (its 审核人 and the date of approval)."""
import shutil
import subprocess

import pytest

from accounts_helpers import REVIEWER, entered_under_review, sign_in
from union_desk.reports.pdfcheck import pdf_fonts, pdf_text
from union_desk.reports.voucher import format_date
from union_desk.services.hardship import approval, vouchers


@pytest.fixture
def two_payments(db):
    """Two payments entered by the 经办人 under review; the first approved by the 审核人."""
    rows = entered_under_review(db, (50_000, 30_000))
    sign_in(db, REVIEWER)
    with db.session(write=True) as s:
        approved = approval.approve_payments(s, voucher_nos=[rows[0].voucher_no])[0]
    return approved, rows[1]


def render(db, target, numbers):
    with db.session(write=True) as s:
        chosen = vouchers.select_payments(s, numbers=numbers)
        return vouchers.render_vouchers_pdf(s, target=target, payments=chosen, layout="A5")


def qr_codes(pdf, tmp_path) -> list[str]:
    import zxingcpp
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    found = []
    for png in sorted(tmp_path.glob("page*.png")):
        with Image.open(png) as image:
            found.append([b.text for b in zxingcpp.read_barcodes(image)])
    return found


def test_the_approved_voucher_names_its_reviewer_and_the_date(db, two_payments, tmp_path):
    approved, _ = two_payments
    out = tmp_path / "凭证.pdf"
    result = render(db, out, [approved.voucher_no])
    text = "".join(pdf_text(out).split())
    day = format_date(approved.approved_at.astimezone().date())
    assert f"已审核{REVIEWER}{day}" in text and "慰问金发放凭证" in text
    assert "未审核" not in text and "草稿" not in text
    assert result.drafts == [] and result.payment_ids == [approved.id]
    assert pdf_fonts(out) and all(embedded for _, embedded in pdf_fonts(out))


def test_a_waiting_payment_prints_only_as_a_draft(db, two_payments, tmp_path):
    approved, waiting = two_payments
    out = tmp_path / "混合.pdf"
    result = render(db, out, [approved.voucher_no, waiting.voucher_no])
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(out).pages]
    draft = "".join(pages[1].split())
    assert "慰问金发放凭证（草稿）" in draft and "未审核" in draft
    assert "本单未经审核，不是发放凭证" in draft
    assert "已审核" not in draft and "草稿" not in "".join(pages[0].split())
    assert result.drafts == [waiting.voucher_no] and result.payment_ids == [approved.id]
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed (Debian: apt-get install poppler-utils)")
    codes = qr_codes(out, tmp_path)
    assert len(codes) == 2 and len(codes[0]) == 1 and codes[1] == []  # no check value on a draft
    assert codes[0][0].startswith(f"{approved.voucher_no}|50000|")
