"""The overview's figures (this year beside the year before, the change) and its series, on the
demo database's real rows, each checked against the rows themselves counted in Python — and every
bar's link giving exactly the list behind it."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from union_desk.models.member import MemberStatus
from union_desk.models.overview import Figure
from union_desk.models.payment import PaymentStatus
from union_desk.models.trips import RegistrationStatus
from union_desk.services.hardship.household_search import HouseholdFilter, count_households
from union_desk.services.hardship.payment_search import PaymentFilter, list_payments
from union_desk.services.overview.gather import overview
from union_desk.services.roster.members import count_members, search_members
from union_desk.services.trips.registrations import count_registrations
from union_desk.services.year_report import year_report

THIS_YEAR = date.today().year


def _chart(view, key):
    return next(c for c in view.charts if c.key == key)


@pytest.mark.parametrize("year", [THIS_YEAR, THIS_YEAR - 1])
def test_figures_stand_beside_the_year_before_with_the_change(demo_db, year):
    with demo_db.session() as s:
        view = overview(s, year=year)
        this, last = year_report(s, year=year), year_report(s, year=year - 1)
    assert view.place == "大洋镇" and view.year == year and not view.city
    figures = {f.key: f for f in view.figures}
    assert (figures["members_new"].this_year, figures["members_new"].last_year) == \
        (this.members_new, last.members_new)
    assert (figures["hardship_amount"].this_year, figures["hardship_amount"].last_year) == \
        (this.hardship.hardship_amount_fen, last.hardship.hardship_amount_fen)
    assert figures["hardship_amount"].money and not figures["members_new"].money
    assert figures["trip_carried"].this_year == this.trips.carried
    assert figures["people_served"].last_year == last.people_served
    for f in view.figures:
        assert f.change == f.this_year - f.last_year


def test_the_change_reads_as_arrow_and_per_cent():
    assert Figure(key="k", label="x", unit="人", this_year=120, last_year=100).change_text() \
        == "▲ 20.0%"
    assert Figure(key="k", label="x", unit="人", this_year=75, last_year=100).change_text() \
        == "▼ 25.0%"
    assert Figure(key="k", label="x", unit="人", this_year=5, last_year=5).change_text() == "—"
    # against an empty year there is no per cent: the difference itself
    fresh = Figure(key="k", label="x", unit="元", this_year=150050, last_year=0, money=True)
    assert fresh.percent is None and fresh.change_text() == "▲ 1500.50"


def test_monthly_members_match_the_roster(demo_db):
    year = THIS_YEAR
    with demo_db.session() as s:
        view = overview(s, year=year)
        everyone = search_members(s, limit=100_000)
        report = year_report(s, year=year)
    joined = Counter(m.join_date.month for m in everyone
                     if m.join_date and m.join_date.year == year)
    new = _chart(view, "members_new")
    today = date.today()
    for month, bar in enumerate(new.bars, 1):
        assert bar.value == (None if date(year, month, 1) > today else joined.get(month, 0))
    assert sum(b.value or 0 for b in new.bars) == report.members_new > 0
    # the last month with a value is the roll as the year report counts it (up to today)
    on_roll = [b.value for b in _chart(view, "members_on_roll").bars if b.value is not None]
    assert on_roll[-1] == report.members_on_roll


def test_monthly_and_occasion_payments_match_the_payments(demo_db):
    year = THIS_YEAR - 1
    with demo_db.session() as s:
        view = overview(s, year=year)
        paid = list_payments(s, flt=PaymentFilter(year=year, status=PaymentStatus.ISSUED),
                             limit=None)
    by_month = Counter()
    count_month = Counter()
    by_occasion = Counter()
    for p in paid:
        by_month[p.paid_on.month] += p.amount_fen
        count_month[p.paid_on.month] += 1
        by_occasion[p.occasion] += p.amount_fen
    months = _chart(view, "payments_month")
    assert months.money and [b.value for b in months.bars] == [by_month.get(m, 0)
                                                                for m in range(1, 13)]
    assert [b.note for b in months.bars] == [f"{count_month[m]}笔" if count_month[m] else ""
                                             for m in range(1, 13)]
    occasions = _chart(view, "payments_occasion")
    assert {b.label: b.value for b in occasions.bars} == dict(by_occasion)
    assert [b.value for b in occasions.bars] == sorted(by_occasion.values(), reverse=True)


def test_every_bar_links_to_exactly_its_records(demo_db):
    """A click opens the list behind the bar: the same filter on the working tab's service gives
    as many records as the bar shows."""
    year = THIS_YEAR
    with demo_db.session() as s:
        view = overview(s, year=year)
        for bar in _chart(view, "members_new").bars:
            link = bar.link
            assert link.area == "members" and link.month
            if bar.value is not None:
                start = date(link.year, link.month, 1)
                end = date(link.year + (link.month == 12), link.month % 12 + 1, 1)
                assert count_members(s, joined=(start, end)) == bar.value
        for key in ("payments_month", "payments_occasion"):
            for bar in _chart(view, key).bars:
                if bar.value:
                    rows = list_payments(s, flt=PaymentFilter(
                        year=bar.link.year, month=bar.link.month, occasion=bar.link.occasion,
                        status=PaymentStatus.ISSUED), limit=None)
                    assert sum(p.amount_fen for p in rows) == bar.value
        helped = 0
        for bar in _chart(view, "households_category").bars:
            flt = HouseholdFilter(category=bar.link.category, supported_in=year)
            assert count_households(s, flt=flt) == bar.value
            helped += bar.value
        assert helped == view.report.hardship.hardship_households > 0
        causes = _chart(view, "households_cause").bars
        assert sum(b.value for b in causes) == helped
        for bar in causes:
            flt = HouseholdFilter(main_cause=bar.link.cause, supported_in=year)
            assert count_households(s, flt=flt) == bar.value
        provinces = _chart(view, "passengers_province").bars
        assert sum(b.value for b in provinces) == view.report.trips.registered > 0
        for bar in provinces:
            found = count_registrations(s, campaign_id=bar.link.campaign_id, text=bar.link.text,
                                        status=RegistrationStatus.REGISTERED)
            assert 0 < found <= bar.value  # the campaign holding most of that province
        served = _chart(view, "stations_month").bars
        assert sum(b.value or 0 for b in served) == view.report.people_served
    on_roll = next(f for f in view.figures if f.key == "members_on_roll").link
    assert on_roll.on_roll and on_roll.area == "members"


def test_a_member_who_joins_moves_the_month_and_the_change(demo_db):
    from union_desk.models.member import MemberCreate
    from union_desk.services.roster.members import add_member
    from union_desk.services.roster.unions import list_unions

    with demo_db.session() as s:
        before = overview(s, year=THIS_YEAR - 1)
    with demo_db.session(write=True) as s:
        union = list_unions(s)[0]
        add_member(s, data=MemberCreate(name="测试新会员", gender="男", id_number="330182199001010014",
                                        union_id=union.id, join_date=date(THIS_YEAR - 1, 7, 15),
                                        status=MemberStatus.ACTIVE))
    with demo_db.session() as s:
        after = overview(s, year=THIS_YEAR - 1)
        current = overview(s, year=THIS_YEAR)
    july = lambda v: _chart(v, "members_new").bars[6].value  # noqa: E731
    assert july(after) == july(before) + 1
    new_before = next(f for f in before.figures if f.key == "members_new")
    new_after = next(f for f in after.figures if f.key == "members_new")
    assert new_after.this_year == new_before.this_year + 1
    # next year's page shows it in the year-before column
    last_col = next(f for f in current.figures if f.key == "members_new").last_year
    assert last_col == new_after.this_year


def test_households_without_a_main_cause_are_a_bar_of_their_own(demo_db):
    # Given helped households whose files name no main cause (the field is optional)
    import sqlalchemy as sa

    from union_desk.models.hardship import Household
    from union_desk.models.overview import NO_CAUSE

    with demo_db.session() as s:
        before = _chart(overview(s, year=THIS_YEAR), "households_cause").bars
    assert before, "the demo helps households this year"
    with demo_db.session(write=True) as s:
        s.execute(sa.update(Household).values(main_cause=""))
    # When the year is gathered Then they are counted under （未填）, none lost
    with demo_db.session() as s:
        [bar] = _chart(overview(s, year=THIS_YEAR), "households_cause").bars
    assert (bar.label, bar.value) == (NO_CAUSE, sum(b.value for b in before))
