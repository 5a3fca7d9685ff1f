"""Picking households from the list and paying them all at once."""
from datetime import date

import pytest

from hardship_helpers import household_data
from union_desk.models.hardship import HouseholdStatus
from union_desk.models.payment import PaymentCreate
from union_desk.services.errors import UserError
from union_desk.services.hardship.households import change_household_status, create_household
from union_desk.services.hardship.campaign import pay_households
from union_desk.services.hardship.payment_search import count_payments, list_payments

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL

SPRING = PaymentCreate(occasion="春节送温暖", amount_fen=200_000, paid_on=date(2021, 2, 5),
                       reviewer="李审核", approver="赵主席")


@pytest.fixture
def ids(db, people):
    with db.session(write=True) as s:
        out = [create_household(s, data=household_data(people[n], 0)).id
               for n in ("张三", "李四", "王五")]
        change_household_status(s, household_id=out[2], status=HouseholdStatus.CLOSED,
                                on=date(2021, 3, 10), reason="调离本镇")
    return out


def test_picked_households_paid_at_once_and_not_twice(db, ids):
    with db.session(write=True) as s:
        first = pay_households(s, household_ids=ids, payment=SPRING)
    assert first.vouchers == ["大洋镇-2021-0001", "大洋镇-2021-0002"]
    assert first.skipped == [{"household_id": ids[2], "name": "王五",
                              "reason": "档案状态为“注销”"}]
    with db.session() as s:
        rows = list_payments(s)
    assert [(r.recipient_name, r.recipient_category, r.amount_fen) for r in rows] == [
        ("张三", "深度困难", 200_000), ("李四", "深度困难", 200_000)]
    with db.session(write=True) as s:
        again = pay_households(s, household_ids=ids[:2], payment=SPRING)
    assert again.vouchers == [] and [x["reason"] for x in again.skipped] == [
        "2021年已发放过“春节送温暖”"] * 2


def test_cancel_writes_nothing(db, ids):
    with pytest.raises(UserError, match="已取消"), db.session(write=True) as s:
        pay_households(s, household_ids=ids, payment=SPRING, cancelled=lambda: True)
    with db.session() as s:
        assert count_payments(s) == 0
