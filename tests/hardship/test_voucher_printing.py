"""The print service: chosen payments → vouchers (+ sign-off sheet); reprints marked 补打.
A voucher counts as printed only when an output is recorded, never when it is only rendered."""
import io
from datetime import date

import pytest

from hardship_helpers import household_data
from union_desk.models.payment import PaymentCreate
from union_desk.reports.pdfcheck import pdf_fonts, pdf_page_count, pdf_text
from union_desk.reports.voucher import verify_voucher_payload, voucher_check
from union_desk.services.errors import UserError
from union_desk.services.hardship.households import create_household
from union_desk.services.hardship.payments import get_payment, record_payment, void_payment
from union_desk.services.settings import get_setting
from union_desk.services.hardship.vouchers import (
    print_signoff, print_vouchers, record_printed, render_vouchers_pdf, select_payments,
    set_voucher_layout, signoff_title,
)


@pytest.fixture
def paid(db, people):
    with db.session(write=True) as s:
        hid = create_household(s, data=household_data(people["张三"], 0)).id
        numbers = [record_payment(s, data=PaymentCreate(
            household_id=hid if name == "张三" else None,
            member_id=None if name == "张三" else people[name].id, occasion="春节送温暖",
            amount_fen=amount, paid_on=date(2021, 2, 5), reviewer="李审核", approver="赵主席"))
            .voucher_no for name, amount in (("张三", 140_950), ("李四", 600_714))]
    return numbers


def test_vouchers_with_signoff_read_back(db, paid, tmp_path):
    out = tmp_path / "vouchers.pdf"
    with db.session(write=True) as s:
        payments = select_payments(s, occasion="春节送温暖")
        result = print_vouchers(s, target=out, payments=payments, signoff=True)
    text = pdf_text(out)
    for expected in ("大洋镇总工会", "大洋镇-2021-0001", "人民币壹仟肆佰零玖元伍角整", "¥1,409.50",
                     "人民币陆仟零柒元壹角肆分", "330182********", "深度困难",
                     "春节送温暖慰问金发放签收表", "人民币柒仟肆佰壹拾陆元陆角肆分"):
        assert expected in text, expected
    assert "补打" not in text
    assert result.vouchers == paid and result.signoff_lines == 2
    assert pdf_page_count(out) == result.pages == 2  # two vouchers on one A4, one sheet page
    assert pdf_fonts(out) and all(embedded for _, embedded in pdf_fonts(out))
    with db.session() as s:
        assert get_payment(s, voucher_no=paid[0]).printed_count == 1


def test_reprint_is_marked_and_voided_prints_void(db, paid, tmp_path):
    with db.session(write=True) as s:
        print_vouchers(s, target=tmp_path / "first.pdf",
                       payments=select_payments(s, numbers=[paid[0]]))
        void_payment(s, voucher_no=paid[1], reason="重复发放")
    with db.session(write=True) as s:
        with pytest.raises(UserError, match="版式"):
            set_voucher_layout(s, layout="Letter")
        set_voucher_layout(s, layout="A5")
        result = print_vouchers(s, target=tmp_path / "again.pdf",
                                payments=select_payments(s, numbers=paid))
    assert result.reprinted == [paid[0]] and result.voided == [paid[1]]
    assert result.pages == 2  # A5 from settings: one voucher per page
    text = pdf_text(tmp_path / "again.pdf")
    assert "补打" in text and "作废" in text and "重复发放" in text


def test_qr_check_value_uses_the_installation_secret(db, paid, tmp_path):
    with db.session(write=True) as s:
        print_vouchers(s, target=tmp_path / "v.pdf", payments=select_payments(s, numbers=paid))
        secret = get_setting(s, key="voucher.secret")
    assert secret and len(secret) == 32
    check = voucher_check(paid[0], 140_950, secret)
    assert verify_voucher_payload(f"{paid[0]}|140950|{check}", secret)
    assert not verify_voucher_payload(f"{paid[0]}|140951|{check}", secret)


def test_signoff_only_does_not_count_as_printing(db, paid, tmp_path):
    with db.session(write=True) as s:
        result = print_signoff(s, target=tmp_path / "sheet.pdf",
                               payments=select_payments(s, all_payments=True))
        assert get_payment(s, voucher_no=paid[0]).printed_count == 0
    assert result.signoff_lines == 2 and "合计" in pdf_text(tmp_path / "sheet.pdf")


def test_cancelled_print_writes_nothing_and_counts_nothing(db, paid, tmp_path):
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(UserError, match="已取消"), db.session(write=True) as s:
        print_vouchers(s, target=out, payments=select_payments(s, numbers=paid),
                       cancelled=lambda: True)
    assert not out.exists()
    with db.session() as s:
        assert get_payment(s, voucher_no=paid[0]).printed_count == 0


def test_unknown_numbers_are_named(db, paid):
    with pytest.raises(UserError, match="大洋镇-2021-0099"), db.session() as s:
        select_payments(s, numbers=[paid[0], "大洋镇-2021-0099"])


def counts(db, numbers):
    with db.session() as s:
        return [get_payment(s, voucher_no=n).printed_count for n in numbers]


def rendered(db, numbers):
    buffer = io.BytesIO()
    with db.session(write=True) as s:
        result = render_vouchers_pdf(s, target=buffer, payments=select_payments(s, numbers=numbers))
    return result, pdf_text(buffer.getvalue())


def test_rendering_counts_nothing_until_its_output_is_recorded(db, paid):
    first, text = rendered(db, paid)
    again, again_text = rendered(db, paid)  # the preview made twice, never printed
    assert first.reprinted == again.reprinted == [] and "补打" not in text + again_text
    assert counts(db, paid) == [0, 0]
    with db.session() as s:
        assert first.payment_ids == [p.id for p in select_payments(s, numbers=paid)]

    with db.session(write=True) as s:  # the clerk printed (or saved) that preview
        assert record_printed(s, payment_ids=first.payment_ids + first.payment_ids[:1]) == 2
    assert counts(db, paid) == [1, 1]
    after, after_text = rendered(db, paid[:1])
    assert after.reprinted == [paid[0]] and "补打" in after_text
    assert counts(db, paid) == [1, 1]


def test_recording_an_unknown_payment_counts_nothing(db, paid):
    first, _ = rendered(db, paid)
    with pytest.raises(UserError, match="找不到"), db.session(write=True) as s:
        record_printed(s, payment_ids=[*first.payment_ids, "0" * 32])
    with pytest.raises(UserError), db.session(write=True) as s:
        record_printed(s, payment_ids=[])
    assert counts(db, paid) == [0, 0]


@pytest.mark.parametrize("occasion, money, title", [
    ("春节送温暖", "慰问金", "春节送温暖慰问金发放签收表"),
    ("春节慰问金", "慰问金", "春节慰问金发放签收表"),
    ("抗疫一线慰问", "慰问金", "抗疫一线慰问金发放签收表"),
    ("职工医疗互助补助", "慰问金", "职工医疗互助补助发放签收表"),
    ("爱心驿家运行补助", "资金", "爱心驿家运行补助发放签收表"),
    ("建设资金", "资金", "建设资金发放签收表"),
    ("", "慰问金", "慰问金发放签收表"),
])
def test_the_sheet_title_never_doubles_a_word(occasion, money, title):
    assert signoff_title(occasion, money) == title
