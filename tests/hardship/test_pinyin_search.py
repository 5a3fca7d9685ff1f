"""Household and payment lists find people by pinyin, surname reading and last digits."""
from datetime import date

from hardship_helpers import add_member, household_data, make_id
from union_desk.models.payment import PaymentCreate
from union_desk.services.hardship.household_search import HouseholdFilter, search_households
from union_desk.services.hardship.households import create_household
from union_desk.services.hardship.payment_search import PaymentFilter, list_payments
from union_desk.services.hardship.payments import record_payment


def test_households_and_payments_accept_pinyin_and_last_digits(db, people):
    with db.session(write=True) as s:
        zeng = add_member(s, people["union"], "曾丹伟", make_id(31))
        household = create_household(s, data=household_data(zeng, 0))
        record_payment(s, data=PaymentCreate(household_id=household.id, occasion="春节送温暖",
                                             amount_fen=50_000, paid_on=date(2021, 2, 1),
                                             reviewer="李审核", approver="赵主席"))
        create_household(s, data=household_data(people["张三"], 0))
    tail = make_id(31)[-4:]
    with db.session() as s:
        for text in ("zdw", "cdw", "ＺＤＷ", "zengdan", tail, "曾丹"):
            assert [r.member_name for r in search_households(
                s, flt=HouseholdFilter(text=text))] == ["曾丹伟"], text
            assert [p.recipient_name for p in list_payments(
                s, flt=PaymentFilter(text=text))] == ["曾丹伟"], text
        voucher = list_payments(s)[0].voucher_no
        assert [p.voucher_no for p in list_payments(s, flt=PaymentFilter(text=voucher[-9:]))] \
            == [voucher]  # a voucher number typed with its hyphens
