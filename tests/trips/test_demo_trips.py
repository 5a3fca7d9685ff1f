"""The demo database gains the 2021 春节返乡 campaign: 12 buses, registrations, seats, boarding."""
import pytest

from union_desk.services.trips import campaigns as trips, seats as trips_seats
from union_desk.services.demo.generate import make_demo
from union_desk.services.demo.trips import CAMPAIGN

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def test_demo_fills_the_trips_area(db):
    with db.session(write=True) as s:
        make_demo(s, size=150)
    with db.session() as s:
        campaign = trips.campaign_by_name(s, name=CAMPAIGN)
        buses = trips.list_buses(s, campaign_id=campaign.id)
        figures = trips_seats.figures(s, campaign_id=campaign.id)
    assert len(buses) == 12
    assert {b.destination for b in buses} == {"贵州黔东南", "湖北恩施", "河南南阳", "河南信阳", "安徽阜阳"}
    assert all(b.seated <= b.seats for b in buses)
    assert figures.registered == 300 - figures.cancelled and figures.cancelled == 2
    assert figures.seated == figures.registered - figures.waiting > 250
    assert 0 < figures.boarded < figures.seated
    assert 0 < figures.members < figures.registered  # members and non-members
    assert {line.label for line in figures.by_province} == {"贵州省", "湖北省", "河南省", "安徽省"}
    assert db.check() == []
