"""凭证须经审核: payments wait for a 审核人 other than the one who entered them; approvals are
audited; drafts are never vouchers, never counted as printed, never paid money in the totals."""
from datetime import date

import pytest
from sqlmodel import select

from accounts_helpers import HANDLER, HEAD, REVIEWER, add_member, payment, sign_in, three_clerks
from union_desk.models.audit import AuditEntry
from union_desk.models.base import utcnow
from union_desk.models.hardship import HouseholdCreate, HouseholdPersonIn
from union_desk.models.payment import PaymentCreate, PaymentReview, PaymentStatus
from union_desk.services.accounts import policy
from union_desk.services.errors import UserError
from union_desk.services.hardship import approval, payments, vouchers
from union_desk.services.hardship.campaign import pay_households
from union_desk.services.hardship.households import create_household
from union_desk.services.hardship.payment_search import PaymentFilter, list_payments
from union_desk.services.hardship.policy import put_policy
from union_desk.services.hardship.stats import payment_totals, year_figures
from union_desk.services.hardship.unit_payments import record_unit_payment


@pytest.fixture
def office(db):
    """Three clerks, review on, a member to pay; the 经办人 is working."""
    three_clerks(db)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
    member = add_member(db)
    sign_in(db, HANDLER)
    return member


def pay(db, member, **fields):
    with db.session(write=True) as s:
        return payments.record_payment(s, data=payment(member.id, **fields))


def approve(db, *numbers):
    with db.session(write=True) as s:
        return approval.approve_payments(s, voucher_nos=list(numbers))


def test_the_setting_is_off_by_default_and_only_a_head_turns_it_on(db):
    member = add_member(db)
    with db.session() as s:
        assert not policy.review_required(s)
    row = pay(db, member)
    assert (row.review, row.entered_by) == (PaymentReview.NOT_REQUIRED, HEAD)
    with pytest.raises(UserError, match="至少两个在用账户"), db.session(write=True) as s:
        policy.set_review_required(s, on=True)
    three_clerks(db)
    for who in (REVIEWER, HANDLER):
        sign_in(db, who)
        with pytest.raises(UserError, match="需要负责人账户"), db.session(write=True) as s:
            policy.set_review_required(s, on=True)
    sign_in(db, HEAD)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
    with db.session() as s:
        assert policy.review_required(s)
        [entry] = s.exec(select(AuditEntry).where(AuditEntry.action == "policy")).all()
    assert entry.actor == HEAD and "开启" in entry.after


def test_a_new_payment_waits_and_another_reviewer_approves_it(db, office):
    row = pay(db, office)
    assert (row.review, row.entered_by, row.handler) == (PaymentReview.PENDING, HANDLER, HANDLER)
    assert row.pending
    sign_in(db, REVIEWER)
    [done] = approve(db, row.voucher_no)
    assert (done.review, done.approved_by, done.reviewer) == (
        PaymentReview.APPROVED, REVIEWER, REVIEWER)
    assert abs((done.approved_at - utcnow()).total_seconds()) < 60
    with db.session() as s:
        [entry] = s.exec(select(AuditEntry).where(AuditEntry.action == "approve")).all()
    assert (entry.actor, entry.record_id) == (REVIEWER, row.id)
    assert row.voucher_no in entry.after and HANDLER in entry.after


def test_a_head_approves_too(db, office):
    row = pay(db, office)
    sign_in(db, HEAD)
    assert approve(db, row.voucher_no)[0].approved_by == HEAD


def test_nobody_approves_what_they_entered_themselves(db, office):
    sign_in(db, REVIEWER)
    row = pay(db, office)
    with pytest.raises(UserError, match="由您本人录入"):
        approve(db, row.voucher_no)
    sign_in(db, HEAD)
    approve(db, row.voucher_no)


def test_a_handler_cannot_approve(db, office):
    row = pay(db, office)
    with pytest.raises(UserError, match="审核凭证需要审核人或负责人账户"):
        approve(db, row.voucher_no)


def test_a_batch_is_approved_whole_or_not_at_all_with_each_refusal_named(db, office):
    first, second = pay(db, office), pay(db, office, amount_fen=20_000)
    sign_in(db, REVIEWER)
    mine = pay(db, office, amount_fen=30_000)
    sign_in(db, HEAD)
    with db.session(write=True) as s:
        payments.void_payment(s, voucher_no=second.voucher_no, reason="录错金额")
    sign_in(db, REVIEWER)
    with pytest.raises(UserError) as err:
        approve(db, first.voucher_no, second.voucher_no, mine.voucher_no, "大洋镇-2025-9999")
    text = str(err.value)
    assert "本次未审核任何凭证" in text and f"{second.voucher_no}：已作废" in text
    assert f"{mine.voucher_no}：由您本人录入" in text and "大洋镇-2025-9999：找不到该凭证" in text
    with db.session() as s:
        assert payments.get_payment(s, voucher_no=first.voucher_no).review == PaymentReview.PENDING
        assert approval.pending_numbers(s) == [first.voucher_no]  # mine is not offered to me
    approve(db, first.voucher_no)
    with pytest.raises(UserError, match=f"已由{REVIEWER}于"):
        approve(db, first.voucher_no)


def test_payments_from_before_the_setting_stay_as_they_were(db):
    member = add_member(db)
    old = pay(db, member)
    three_clerks(db)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=True)
    sign_in(db, REVIEWER)
    with pytest.raises(UserError, match="无需审核"):
        approve(db, old.voucher_no)
    with db.session() as s:
        assert payments.get_payment(s, voucher_no=old.voucher_no).review == \
            PaymentReview.NOT_REQUIRED


def test_turning_the_setting_off_leaves_waiting_payments_waiting(db, office):
    row = pay(db, office)
    sign_in(db, HEAD)
    with db.session(write=True) as s:
        policy.set_review_required(s, on=False)
    later = pay(db, office)
    with db.session() as s:
        assert payments.get_payment(s, voucher_no=row.voucher_no).pending
        assert payments.get_payment(s, voucher_no=later.voucher_no).review == \
            PaymentReview.NOT_REQUIRED


def test_a_waiting_payment_is_withdrawn_by_voiding_and_its_correction_waits_again(db, office):
    row = pay(db, office)
    with db.session(write=True) as s:
        fixed = payments.correct_payment(s, voucher_no=row.voucher_no, reason="金额填错",
                                         data=payment(office.id, amount_fen=60_000))
        voided = payments.get_payment(s, voucher_no=row.voucher_no)
    assert (voided.status, voided.review, voided.pending) == (
        PaymentStatus.VOID, PaymentReview.PENDING, False)
    assert fixed.pending and fixed.voucher_no != row.voucher_no


def file_household(db, member):
    """A hardship file for the member (made by the 负责人); the 经办人 works on."""
    sign_in(db, HEAD)
    with db.session(write=True) as s:
        put_policy(s, year=2025, dibao_fen=100_000, multiplier="1.5")
        household = create_household(s, data=HouseholdCreate(
            member_id=member.id, main_cause="疾病", reviewed_on=date(2025, 1, 2),
            persons=[HouseholdPersonIn(name=member.name, relation="本人")]))
    sign_in(db, HANDLER)
    return household


def test_bulk_payments_unit_payments_wait_too(db, office):
    household = file_household(db, office)
    with db.session(write=True) as s:
        result = pay_households(s, household_ids=[household.id], payment=PaymentCreate(
            occasion="春节送温暖", amount_fen=80_000, paid_on=date(2025, 1, 25)))
        unit = record_unit_payment(s, unit_name="大洋镇卫生院", occasion="爱心驿家建设补助",
                                   amount_fen=3_000_000, paid_on=date(2025, 2, 1))
        rows = payments.payments_by_numbers(s, voucher_nos=[*result.vouchers, unit.voucher_no])
    assert [(r.review, r.entered_by) for r in rows] == [(PaymentReview.PENDING, HANDLER)] * 2


def test_waiting_money_is_not_counted_as_paid(db, office):
    household = file_household(db, office)
    waiting = pay(db, office, amount_fen=50_000, household_id=household.id)
    paid = pay(db, office, amount_fen=20_000, household_id=household.id, occasion="金秋助学")
    sign_in(db, REVIEWER)
    approve(db, paid.voucher_no)
    with db.session() as s:
        totals = payment_totals(s, by="occasion")
        pending = payment_totals(s, by="occasion", flt=PaymentFilter(
            status=PaymentStatus.ISSUED, review=PaymentReview.PENDING))
        figures = year_figures(s, year=2025)
        listed = list_payments(s, flt=PaymentFilter(review=PaymentReview.PENDING,
                                                    status=PaymentStatus.ISSUED))
    assert (totals.total.count, totals.total.amount_fen) == (1, 20_000)
    assert (pending.total.count, pending.total.amount_fen) == (1, 50_000)
    assert [r.voucher_no for r in listed] == [waiting.voucher_no]
    assert (figures.hardship_payments, figures.hardship_amount_fen) == (1, 20_000)


def test_a_draft_is_never_counted_as_printed(db, office, tmp_path):
    row = pay(db, office)
    with db.session(write=True) as s:
        chosen = vouchers.select_payments(s, numbers=[row.voucher_no])
        result = vouchers.print_vouchers(s, target=tmp_path / "d.pdf", payments=chosen,
                                         signoff=True)
        assert (result.drafts, result.payment_ids, result.signoff_lines) == (
            [row.voucher_no], [], 0)
        with pytest.raises(UserError, match="未审核的凭证不能记为已打印"):
            vouchers.record_printed(s, payment_ids=[row.id])
        with pytest.raises(UserError, match="已审核"):
            vouchers.print_signoff(s, target=tmp_path / "s.pdf", payments=chosen)
        assert payments.get_payment(s, voucher_no=row.voucher_no).printed_count == 0
    sign_in(db, REVIEWER)
    approve(db, row.voucher_no)
    with db.session(write=True) as s:
        chosen = vouchers.select_payments(s, numbers=[row.voucher_no])
        result = vouchers.print_vouchers(s, target=tmp_path / "v.pdf", payments=chosen)
        assert (result.drafts, result.reprinted, result.payment_ids) == ([], [], [row.id])
        assert payments.get_payment(s, voucher_no=row.voucher_no).printed_count == 1


def test_a_reviewer_name_typed_at_entry_is_not_kept_the_approval_fills_it(db, office):
    # Given review on, a 经办人 who types a 审核人 into the payment
    row = pay(db, office, reviewer=REVIEWER, approver=HEAD)
    # Then the draft names no 审核人 (nobody has reviewed it yet) …
    assert (row.reviewer, row.approver, row.review) == ("", HEAD, PaymentReview.PENDING)
    # … and the approval writes the one who approved
    sign_in(db, REVIEWER)
    [approved] = approve(db, row.voucher_no)
    assert (approved.reviewer, approved.approved_by) == (REVIEWER, REVIEWER)
