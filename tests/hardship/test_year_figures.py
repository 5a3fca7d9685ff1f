"""The seed's year-end figure: 335 households helped, 669,500 yuan."""
from datetime import date

import pytest

from hardship_helpers import add_union, make_id
from union_desk.domain.pinyin import name_key
from union_desk.models.hardship import HardshipCategory, Household
from union_desk.models.member import Member
from union_desk.models.payment import PaymentCreate
from union_desk.services.hardship.stats import payment_totals, year_figures
from union_desk.services.hardship.campaign import pay_households
from union_desk.services.hardship.payment_search import PaymentFilter

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def test_335_households_669500_yuan(db, policy):
    with db.session(write=True) as s:
        union = add_union(s)
        members = [Member(name=f"职工{i}", name_key=name_key(f"职工{i}"), union_id=union.id,
                          id_number=make_id(i, born=f"19{60 + i // 12 % 40:02d}0{1 + i % 9}15"))
                   for i in range(335)]
        s.add_all(members)
        s.flush()
        files = [Household(member_id=m.id, category=HardshipCategory.DEEP, person_count=1)
                 for m in members]
        s.add_all(files)
        s.flush()
        spring = PaymentCreate(occasion="春节送温暖", amount_fen=200_000, paid_on=date(2021, 2, 5))
        paid = pay_households(s, household_ids=[h.id for h in files[:334]], payment=spring)
        paid_less = pay_households(s, household_ids=[files[334].id],
                                   payment=spring.model_copy(update={"amount_fen": 150_000}))
    assert len(paid.vouchers) == 334 and paid_less.vouchers == ["大洋镇-2021-0335"]
    with db.session() as s:
        figures = year_figures(s, year=2021)
        totals = payment_totals(s, by="occasion", flt=PaymentFilter(year=2021))
    assert (figures.hardship_households, figures.hardship_amount_fen) == (335, 66_950_000)
    assert [(r.key, r.households, r.amount_fen) for r in totals.rows] == [
        ("春节送温暖", 335, 66_950_000)]
