"""The demo database gains households, visits and payments, numbered without gaps."""
import re
from collections import defaultdict

import pytest

from union_desk.models.payment import PaymentStatus
from union_desk.services.demo.generate import make_demo
from union_desk.services.hardship.household_search import count_households
from union_desk.services.hardship.payment_search import list_payments
from union_desk.services.hardship.payments import list_visits

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def test_demo_fills_the_hardship_area(db):
    with db.session(write=True) as s:
        make_demo(s, size=200)
    with db.session() as s:
        assert count_households(s) >= 12
        payments = list_payments(s, limit=None)
        assert list_visits(s) and any(p.hospital for p in payments)
        assert {p.occasion for p in payments} >= {"春节送温暖", "医疗救助", "抗疫一线慰问"}
        assert any(p.status == PaymentStatus.VOID for p in payments)
    by_year = defaultdict(list)
    for p in payments:
        township, year, seq = re.fullmatch(r"(.+)-(\d{4})-(\d{4})", p.voucher_no).groups()
        assert township == "大洋镇" and int(year) == p.paid_on.year
        by_year[year].append(int(seq))
    for seqs in by_year.values():
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
    assert db.check() == []
