"""Visits and payments: one transaction, voucher numbers, voiding, medical claims, totals."""
from datetime import date

import pytest
import sqlalchemy as sa

from hardship_helpers import add_member, household_data, make_id
from union_desk.models.audit import AuditEntry
from union_desk.models.hardship import HouseholdStatus
from union_desk.models.payment import (
    Payment, PaymentCreate, PaymentMethod, PaymentStatus, VisitCreate, VoucherCounter,
)
from union_desk.services.errors import UserError
from union_desk.services.hardship.stats import payment_totals, year_figures
from union_desk.services.hardship.households import change_household_status, create_household
from union_desk.services.hardship.payment_search import PaymentFilter, count_payments, list_payments
from union_desk.services.hardship.payments import (
    correct_payment, get_payment, list_visits, record_payment, record_visit, void_payment,
)
from union_desk.services.hardship.voucher_numbers import issue_voucher_no

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


@pytest.fixture
def files(db, people):
    with db.session(write=True) as s:
        return {name: create_household(s, data=household_data(people[name], 0)).id
                for name in ("张三", "李四")}


def pay(household_id=None, member_id=None, amount=200_000, occasion="春节送温暖",
        paid_on=date(2021, 2, 1), **kw):
    return PaymentCreate(household_id=household_id, member_id=member_id, occasion=occasion,
                         amount_fen=amount, paid_on=paid_on, reviewer="李审核", approver="赵主席",
                         **kw)


def test_visit_with_payment_is_one_transaction(db, files):
    visit = VisitCreate(household_id=files["张三"], visited_on=date(2021, 2, 1),
                        visitors="王晓燕、赵主席", occasion="春节送温暖", notes="送米油")
    with db.session(write=True) as s:
        row = record_visit(s, data=visit, payment=pay(amount=140_950))
    assert row.payment.voucher_no == "大洋镇-2021-0001"
    assert row.payment.recipient_name == "张三" and row.payment.handler == "王晓燕"
    assert row.payment.recipient_category == "深度困难"
    with pytest.raises(UserError), db.session(write=True) as s:
        record_visit(s, data=visit, payment=pay(amount=0))  # bad payment: no visit either
    with db.session() as s:
        visits = list_visits(s, household_id=files["张三"])
        assert len(visits) == 1 and visits[0].payment.amount_fen == 140_950
        assert count_payments(s) == 1


def test_voucher_numbers_sequential_per_year_and_never_reused_after_void(db, files):
    with db.session(write=True) as s:
        first = record_payment(s, data=pay(files["张三"])).voucher_no
        second = record_payment(s, data=pay(files["李四"])).voucher_no
        void_payment(s, voucher_no=second, reason="金额录错")
        third = record_payment(s, data=pay(files["李四"])).voucher_no
        next_year = record_payment(s, data=pay(files["张三"], paid_on=date(2022, 1, 20)))
    assert [first, second, third] == ["大洋镇-2021-0001", "大洋镇-2021-0002", "大洋镇-2021-0003"]
    assert next_year.voucher_no == "大洋镇-2022-0001"


def test_rolled_back_payment_gives_its_number_back_to_nobody_else(db, files):
    """A failed transaction issues nothing: numbers stay gap-free."""
    with pytest.raises(RuntimeError), db.session(write=True) as s:
        record_payment(s, data=pay(files["张三"]))
        raise RuntimeError("power cut")
    with db.session(write=True) as s:
        assert record_payment(s, data=pay(files["张三"])).voucher_no == "大洋镇-2021-0001"


def test_void_keeps_the_row_marked_and_audited(db, files):
    with db.session(write=True) as s:
        number = record_payment(s, data=pay(files["张三"])).voucher_no
    with pytest.raises(UserError, match="作废原因"), db.session(write=True) as s:
        void_payment(s, voucher_no=number, reason="  ")
    with db.session(write=True) as s:
        row = void_payment(s, voucher_no=number, reason="领取人已去世", on=date(2021, 2, 3))
    assert row.status == PaymentStatus.VOID and row.void_reason == "领取人已去世"
    with pytest.raises(UserError, match="已于 2021-02-03 作废"), db.session(write=True) as s:
        void_payment(s, voucher_no=number, reason="again")
    with db.session() as s:
        assert get_payment(s, voucher_no=number).status == PaymentStatus.VOID
        assert s.execute(sa.select(sa.func.count()).select_from(Payment)).scalar_one() == 1
        actions = s.execute(sa.select(AuditEntry.action).where(
            AuditEntry.table_name == "payment")).scalars().all()
        assert sorted(actions) == ["insert", "update"]


def test_correction_is_a_new_payment(db, files):
    with db.session(write=True) as s:
        old = record_payment(s, data=pay(files["张三"], amount=100_000))
        new = correct_payment(s, voucher_no=old.voucher_no, reason="金额应为1500元",
                              data=pay(files["张三"], amount=150_000))
        assert get_payment(s, voucher_no=old.voucher_no).status == PaymentStatus.VOID
    assert new.voucher_no == "大洋镇-2021-0002" and new.amount_fen == 150_000


def test_payment_refusals(db, files, people):
    with db.session(write=True) as s:
        change_household_status(s, household_id=files["李四"], status=HouseholdStatus.OUT,
                                 on=date(2021, 4, 1), reason="脱困")
    cases = [
        (pay(files["张三"], amount=-5), "大于零"),
        (pay(files["张三"], occasion=" "), "慰问事由"),
        (pay(files["李四"]), "脱困"),
        (pay(files["张三"], member_id=people["王五"].id), "与档案不符"),
        (pay(), "慰问对象"),
        (pay(member_id=people["王五"].id, occasion="职工医疗互助补助"), "医院"),
        (pay(member_id=people["王五"].id, hospital="建德市人民医院", total_cost_fen=500_000,
             reimbursed_fen=400_000, amount=200_000), "自付"),
    ]
    for data, expected in cases:
        with pytest.raises(UserError, match=expected), db.session(write=True) as s:
            record_payment(s, data=data)
    with db.session() as s:
        assert count_payments(s) == 0


def test_medical_aid_claim_is_a_payment(db, people):
    claim = pay(member_id=people["王五"].id, occasion="职工医疗互助补助", amount=180_000,
                hospital="建德市第一人民医院", admitted_on=date(2021, 3, 2),
                discharged_on=date(2021, 3, 12), total_cost_fen=1_200_000,
                reimbursed_fen=900_000, method=PaymentMethod.BANK)
    with db.session(write=True) as s:
        row = record_payment(s, data=claim)
    assert row.household_id is None and row.recipient_category == ""
    assert (row.total_cost_fen, row.reimbursed_fen, row.amount_fen) == (1_200_000, 900_000,
                                                                         180_000)


def test_totals_by_occasion_month_status_and_year_figures(db, files, people):
    with db.session(write=True) as s:
        for name, amount in (("张三", 200_000), ("李四", 200_000)):
            record_payment(s, data=pay(files[name], amount=amount))
        record_payment(s, data=pay(files["张三"], occasion="金秋助学", amount=150_000,
                                   paid_on=date(2021, 9, 1)))
        voided = record_payment(s, data=pay(files["李四"], amount=99_900))
        void_payment(s, voucher_no=voided.voucher_no, reason="重复")
        for front_line in ({"member_id": people["王五"].id}, {"household_id": files["张三"]}):
            record_payment(s, data=pay(**front_line, occasion="抗疫一线慰问", amount=50_000,
                                       paid_on=date(2021, 3, 1)))
        record_payment(s, data=pay(member_id=people["赵六"].id, occasion="职工医疗互助补助",
                                   amount=80_000, hospital="建德市中医院",
                                   total_cost_fen=300_000, reimbursed_fen=100_000))
    with db.session() as s:
        by_occasion = payment_totals(s, by="occasion", flt=PaymentFilter(year=2021))
        assert {r.key: (r.count, r.amount_fen) for r in by_occasion.rows} == {
            "春节送温暖": (2, 400_000), "金秋助学": (1, 150_000), "抗疫一线慰问": (2, 100_000),
            "职工医疗互助补助": (1, 80_000)}
        assert (by_occasion.total.count, by_occasion.total.amount_fen) == (6, 730_000)
        assert by_occasion.total.recipients == 4
        by_month = payment_totals(s, by="month", flt=PaymentFilter(year=2021))
        assert [(r.key, r.amount_fen) for r in by_month.rows] == [
            ("2021-02", 480_000), ("2021-03", 100_000), ("2021-09", 150_000)]
        by_status = payment_totals(s, by="status")
        assert {r.key: r.count for r in by_status.rows} == {"已发放": 6, "作废": 1}
        feb = list_payments(s, flt=PaymentFilter(year=2021, month=2, occasion="春节送温暖",
                                                  status=PaymentStatus.ISSUED))
        assert [p.recipient_name for p in feb] == ["张三", "李四"]
        figures = year_figures(s, year=2021)
    assert (figures.hardship_households, figures.hardship_amount_fen) == (2, 550_000)
    assert (figures.medical_cases, figures.medical_amount_fen) == (1, 80_000)
    assert (figures.epidemic_people, figures.epidemic_amount_fen) == (2, 100_000)
    assert figures.households_on_file == 2


def test_payments_are_found_by_name_id_number_or_voucher_number(db, files, people):
    # Given a payment to 张三's household and one to a member whose name is in Latin letters
    with db.session(write=True) as s:
        ali = add_member(s, people["union"], "ALI", make_id(40))
        record_payment(s, data=pay(files["张三"]))
        record_payment(s, data=pay(member_id=ali.id, occasion="抗疫一线慰问", amount=50_000))
    with db.session() as s:
        def found(text: str) -> list[str]:
            return [p.recipient_name for p in list_payments(s, flt=PaymentFilter(text=text))]
        # Then the search box finds them by any of the three, Latin letters in either case
        assert found("张") == ["张三"]
        assert found("ali") == ["ALI"]
        assert found(make_id(40)[-6:]) == ["ALI"]
        assert found("2021-0002") == ["ALI"]
        assert found("%") == []


def test_counter_lost_continues_after_the_highest_number_on_record(db, files):
    """Data merged or restored without its counter row: numbering never goes back."""
    with db.session(write=True) as s:
        for _ in range(3):
            record_payment(s, data=pay(files["张三"], paid_on=date(2023, 5, 1)))
        s.execute(sa.delete(VoucherCounter))
    with db.session(write=True) as s:
        assert record_payment(s, data=pay(files["张三"], paid_on=date(2023, 6, 1))).voucher_no \
            == "大洋镇-2023-0004"


def test_numbers_only_inside_a_write_transaction(db):
    with pytest.raises(RuntimeError), db.session() as s:
        issue_voucher_no(s, year=2021)
