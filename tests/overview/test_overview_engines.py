"""The overview's queries on both engines (the city office may keep its database on PostgreSQL):
each series adds up to its year figure."""
from datetime import date

import pytest

from union_desk.services.overview.gather import overview

pytestmark = pytest.mark.both_engines


def test_series_add_up_to_the_figures_on_both_engines(db):
    from union_desk.services.demo.generate import make_demo

    with db.session(write=True) as s:
        make_demo(s, size=80)
    year = date.today().year
    with db.session() as s:
        view = overview(s, year=year)
    charts = {c.key: c for c in view.charts}
    total = lambda key: sum(b.value or 0 for b in charts[key].bars)  # noqa: E731
    r = view.report
    assert total("members_new") == r.members_new > 0
    assert total("households_category") == total("households_cause") == \
        r.hardship.hardship_households > 0
    assert total("passengers_province") == r.trips.registered > 0
    assert total("stations_month") == r.people_served > 0
    assert total("payments_month") == total("payments_occasion") > 0
    assert view.last.year == year - 1
