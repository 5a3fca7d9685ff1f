"""The demo database gains the campaign of the coming Spring Festival: 12 buses, registrations,
seats; the year's overview counts it."""
from datetime import date, datetime

import pytest

from union_desk.services.demo.generate import make_demo
from union_desk.services.demo.trips import BEIJING, campaign_for, coming_spring_festival
from union_desk.services.trips import campaigns as trips, seats as trips_seats
from union_desk.services.year_report import year_report

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def test_demo_fills_the_trips_area(db):
    with db.session(write=True) as s:
        make_demo(s, size=150)
    today = date.today()
    with db.session() as s:
        campaign = trips.campaign_by_name(s, name=campaign_for(today).name)
        buses = trips.list_buses(s, campaign_id=campaign.id)
        figures = trips_seats.figures(s, campaign_id=campaign.id)
        report = year_report(s, year=today.year)
    assert campaign.name == f"{coming_spring_festival(today).year} 春节返乡"
    assert campaign.starts_on.year == today.year and campaign.starts_on <= today
    assert campaign.contact_phone
    assert len(buses) == 12
    assert {b.destination for b in buses} == {"贵州黔东南", "湖北恩施", "河南南阳", "河南信阳", "安徽阜阳"}
    assert all(b.seated <= b.seats for b in buses)
    assert all(b.departs_on < coming_spring_festival(today) for b in buses)
    assert figures.registered == 300 - figures.cancelled and figures.cancelled == 2
    assert figures.seated == figures.registered - figures.waiting > 250
    left = [b for b in buses if datetime.combine(b.departs_on, datetime.min.time(), BEIJING)
            < datetime.now(BEIJING)]
    assert (figures.boarded > 0) == bool(left)  # only passengers of buses that have left
    assert 0 < figures.members < figures.registered  # members and non-members
    assert {line.label for line in figures.by_province} == {"贵州省", "湖北省", "河南省", "安徽省"}
    # the overview of the current year has the campaign on its 返乡专车 line
    assert (report.trips.campaigns, report.trips.buses) == (1, 12)
    assert report.trips.registered == figures.registered
    assert db.check() == []


@pytest.mark.parametrize("today, festival, opens", [
    (date(2026, 11, 29), date(2027, 2, 6), date(2026, 11, 22)),
    (date(2026, 3, 1), date(2027, 2, 6), date(2026, 2, 22)),  # registrations open a week ago
    (date(2027, 1, 10), date(2027, 2, 6), date(2027, 1, 1)),  # opened in the current year
    (date(2027, 2, 5), date(2028, 1, 26), date(2027, 1, 29)),
])
def test_the_demo_campaign_is_the_coming_festivals_and_opens_this_year(today, festival, opens):
    assert coming_spring_festival(today) == festival
    data = campaign_for(today)
    assert (data.name, data.starts_on) == (f"{festival.year} 春节返乡", opens)
    assert data.starts_on <= today and data.ends_on > festival
