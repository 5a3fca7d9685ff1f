"""Campaigns, buses, registrations and seats through the services, on a real database file."""
from datetime import date

import pytest

from trips_helpers import CAMPAIGN, bus, make_id, new_campaign, person, register
from union_desk.models.member import Member
from union_desk.models.trips import (CampaignCreate, RegistrationStatus, TripLeg, TripLegs)
from union_desk.models.union import GrassrootsUnion
from union_desk.services.trips import campaigns as trips, seats as trips_seats
from union_desk.services.errors import UserError
from union_desk.services.trips.assign import assign_seats
from union_desk.services.trips.registrations import (add_registration, cancel_registration,
                                                     count_registrations, list_registrations,
                                                     update_registration)

pytestmark = pytest.mark.both_engines  # the services on SQLite and on PostgreSQL


def seats_of(db, bus_row):
    with db.session() as s:
        return [(p.seat_no, p.name) for p in trips_seats.passengers(s, bus_id=bus_row.id)]


def waiting_names(db, campaign):
    with db.session() as s:
        return [p.name for p in trips_seats.waiting_list(s, campaign_id=campaign.id)]


def assign(db, campaign):
    with db.session(write=True) as s:
        return assign_seats(s, campaign_id=campaign.id)


def test_campaign_names_are_unique_and_add_bus_creates_the_campaign_once(db):
    campaign, (first,) = new_campaign(db, bus("浙a 12345", 45, "贵州黔东南"))
    assert (first.plate, first.seq, first.departs_text) == ("浙A12345", 1, "2021-02-01 07:30")
    with db.session(write=True) as s:
        assert trips.campaign_by_name(s, name=f" {CAMPAIGN} ", create=True).id == campaign.id
        with pytest.raises(UserError, match="已有同名活动"):
            trips.add_campaign(s, data=CampaignCreate(name=CAMPAIGN))
        with pytest.raises(UserError, match="结束日期"):
            trips.add_campaign(s, data=CampaignCreate(name="x", starts_on=date(2021, 2, 2),
                                                      ends_on=date(2021, 2, 1)))
        with pytest.raises(UserError, match="已有车辆 浙A12345"):
            trips.add_bus(s, campaign_id=campaign.id, data=bus("浙A12345", 45, "湖北恩施"))
        # the same plate may do the return leg
        back = trips.add_bus(s, campaign_id=campaign.id,
                             data=bus("浙A12345", 45, "贵州黔东南", leg=TripLeg.RETURN))
        assert back.leg is TripLeg.RETURN
        with pytest.raises(UserError, match="车牌号"):
            trips.add_bus(s, campaign_id=campaign.id, data=bus("浙A1", 45, "湖北恩施"))
        bad_time = bus("浙A99999", 45, "湖北恩施")
        bad_time.departs_time = "25:00"
        with pytest.raises(UserError, match="发车时间"):
            trips.add_bus(s, campaign_id=campaign.id, data=bad_time)
        listed = trips.list_campaigns(s)
    assert [(c.name, c.buses) for c in listed] == [(CAMPAIGN, 2)]


def test_the_same_person_twice_is_refused_naming_the_first_registration(db, campaign):
    c, _ = campaign
    (first,) = register(db, c.id, person(1, "张三"))
    with pytest.raises(UserError) as err, db.session(write=True) as s:
        add_registration(s, campaign_id=c.id, data=person(1, "张三", county="黄平县"))
    assert "张三" in str(err.value) and "第 1 号" in str(err.value)
    assert err.value.field == "id_number"
    # the ID number in any spelling is the same person (lower-case x, spaces)
    x_id = make_id(5)
    if x_id.endswith("X"):
        register(db, c.id, person(5, "李四"))
        with pytest.raises(UserError, match="第 2 号"), db.session(write=True) as s:
            add_registration(s, campaign_id=c.id, data=person(5, "李四").model_copy(
                update={"id_number": x_id.lower()}))
    # once cancelled, the person may register again, with a new number
    with db.session(write=True) as s:
        cancel_registration(s, registration_id=first.id)
    (again,) = register(db, c.id, person(1, "张三"))
    assert again.seq > first.seq


def test_registration_checks_fields_and_links_roster_members(db, campaign):
    c, _ = campaign
    with db.session(write=True) as s:
        union = GrassrootsUnion(name="大洋镇机械厂工会")
        s.add(union)
        s.flush()
        s.add(Member(name="王五", id_number=make_id(3), union_id=union.id))
    with db.session(write=True) as s:
        with pytest.raises(UserError, match="校验位"):
            add_registration(s, campaign_id=c.id, data=person(2, "赵六").model_copy(
                update={"id_number": make_id(2)[:17] + ("0" if make_id(2)[17] != "0" else "1")}))
        with pytest.raises(UserError, match="手机号"):
            add_registration(s, campaign_id=c.id,
                             data=person(2, "赵六").model_copy(update={"phone": "12345"}))
        with pytest.raises(UserError, match="目的地省份"):
            add_registration(s, campaign_id=c.id, data=person(2, "赵六").model_copy(
                update={"province": " ", "city": "", "county": ""}))
        with pytest.raises(UserError, match="“恩施”不在贵州省"):
            add_registration(s, campaign_id=c.id, data=person(2, "赵六").model_copy(
                update={"province": "贵州", "city": "恩施", "county": ""}))

        with pytest.raises(UserError, match="属于“王五”"):
            add_registration(s, campaign_id=c.id, data=person(3, "王武"))
        member = add_registration(s, campaign_id=c.id, data=person(3, "王五"))
        other = add_registration(s, campaign_id=c.id, data=person(4, "钱七"))
    assert member.is_member and not other.is_member
    assert [s.leg for s in member.seats] == [TripLeg.OUTBOUND] and member.seats[0].bus_id is None


def test_assign_groups_by_destination_and_keeps_hand_made_seats(db, campaign):
    c, (guizhou, hubei) = campaign
    register(db, c.id, person(1, "张一", county="凯里市"), person(2, "张二", county="黄平县"),
             person(3, "张三", province="湖北省", city="恩施州", county="利川市"),
             person(4, "张四", county="凯里市"), person(5, "张五", county="镇远县"),
             person(6, "张六", province="湖北省", city="恩施州", county="恩施市"),
             person(7, "张七", province="河南省", city="南阳市", county="邓州市"))
    report = assign(db, c)
    # bus 1 stops at 凯里 and 黄平 and ends at 黔东南: 黄平 (1, one bus) goes first, then 凯里 (2)
    # whole; 镇远 has no stop of its own, so it would ride to 黔东南, but bus 1 is full: it waits.
    # 恩施 (2) fills bus 2; no bus goes to 南阳.
    assert seats_of(db, guizhou) == [(1, "张一"), (2, "张四"), (3, "张二")]
    assert seats_of(db, hubei) == [(1, "张三"), (2, "张六")]
    assert [p.name for p in report.waiting] == ["张五", "张七"]
    assert report.unserved == ["去程：河南省南阳市邓州市"]
    assert report.seated_now == 5
    assert assign(db, c).seated_now == 0  # a second run changes nothing


def test_cancel_frees_the_seat_and_offers_it_to_the_first_waiting_it_can_serve(db, campaign):
    c, (guizhou, hubei) = campaign
    regs = register(db, c.id, *[person(i, f"黔{i}", county="凯里市") for i in range(1, 4)],
                    person(10, "豫一", province="河南省", city="南阳市"),
                    person(4, "黔4", county="黄平县"), person(5, "黔5", county="凯里市"))
    assign(db, c)
    assert waiting_names(db, c) == ["豫一", "黔4", "黔5"]
    with db.session(write=True) as s:
        result = cancel_registration(s, registration_id=regs[1].id, reason="家中有事")
    # 豫一 waits longer but no bus goes to 南阳: the seat goes to 黔4 (黄平 is on the route)
    assert result.freed == ["浙A12345 2号"] and [p.name for p in result.offered_to] == ["黔4"]
    assert result.registration.status is RegistrationStatus.CANCELLED
    assert seats_of(db, guizhou) == [(1, "黔1"), (2, "黔4"), (3, "黔3")]
    assert waiting_names(db, c) == ["豫一", "黔5"]
    with pytest.raises(UserError, match="已取消"), db.session(write=True) as s:
        cancel_registration(s, registration_id=regs[1].id)
    with db.session() as s:
        figures = trips_seats.figures(s, campaign_id=c.id)
    assert (figures.registered, figures.cancelled, figures.seated, figures.waiting) == (5, 1, 3, 2)


def test_move_swap_unseat_and_the_boarding_check(db, campaign):
    c, (guizhou, hubei) = campaign
    regs = register(db, c.id, person(1, "甲"), person(2, "乙"),
                    person(3, "丙", province="湖北省", city="恩施州"))
    assign(db, c)
    with db.session() as s:
        a, b = trips_seats.passengers(s, bus_id=guizhou.id)
        (d,) = trips_seats.passengers(s, bus_id=hubei.id)
    with db.session(write=True) as s:
        moved = trips_seats.move_passenger(s, seat_id=a.seat_id, bus_id=guizhou.id, seat_no=3)
        assert moved.seat_no == 3
        with pytest.raises(UserError, match="已有乘客 乙"):
            trips_seats.move_passenger(s, seat_id=a.seat_id, bus_id=guizhou.id, seat_no=2)
        with pytest.raises(UserError, match="1–3"):
            trips_seats.move_passenger(s, seat_id=a.seat_id, bus_id=guizhou.id, seat_no=9)
        trips_seats.set_boarded(s, seat_id=b.seat_id, boarded=True)
        swapped = trips_seats.swap_seats(s, seat_a=b.seat_id, seat_b=d.seat_id)
        # swapping buses clears the tick: they have not boarded the new bus
        assert [(p.name, p.seat_no, p.boarded_at) for p in swapped] == [("乙", 1, None),
                                                                        ("丙", 2, None)]
        trips_seats.set_boarded(s, seat_id=a.seat_id, boarded=True)
        waiting = trips_seats.unseat(s, seat_id=d.seat_id)
        assert waiting.bus_id is None
        with pytest.raises(UserError, match="还没有座位"):
            trips_seats.set_boarded(s, seat_id=d.seat_id, boarded=True)
    assert seats_of(db, guizhou) == [(3, "甲")]
    assert seats_of(db, hubei) == [(1, "乙")]
    with db.session() as s:
        missing = trips_seats.passengers(s, bus_id=hubei.id, missing_only=True)
        buses = trips.list_buses(s, campaign_id=c.id)
        figures = trips_seats.figures(s, campaign_id=c.id)
    assert [p.name for p in missing] == ["乙"]
    assert [(b.seated, b.boarded, b.missing) for b in buses] == [(1, 1, 0), (1, 0, 1)]
    assert (figures.seated, figures.waiting, figures.boarded) == (2, 1, 1)
    assert [(line.label, line.registered, line.boarded) for line in figures.by_province] == [
        ("贵州省", 2, 1), ("湖北省", 1, 0)]
    assert regs[0].name == "甲"


def test_seats_cannot_shrink_below_a_taken_seat_and_removing_a_bus_returns_its_passengers(
        db, campaign):
    c, (guizhou, _) = campaign
    register(db, c.id, person(1, "甲"), person(2, "乙"), person(3, "丙"))
    assign(db, c)
    with db.session(write=True) as s:
        with pytest.raises(UserError, match="3 号座位已安排乘客"):
            trips.update_bus(s, bus_id=guizhou.id, data=bus("浙A12345", 2, "贵州黔东南"))
        trips.update_bus(s, bus_id=guizhou.id, data=bus("浙A12345", 5, "贵州黔东南", ["凯里"]))
        trips.remove_bus(s, bus_id=guizhou.id)
    assert waiting_names(db, c) == ["甲", "乙", "丙"]


def test_changing_legs_adds_or_frees_seats(db, campaign):
    c, (guizhou, _) = campaign
    with db.session(write=True) as s:
        back = trips.add_bus(s, campaign_id=c.id,
                             data=bus("浙A12345", 3, "贵州黔东南", leg=TripLeg.RETURN))
    (a,) = register(db, c.id, person(1, "甲", legs=TripLegs.BOTH))
    (b,) = register(db, c.id, person(2, "乙"))
    assign(db, c)
    assert seats_of(db, back) == [(1, "甲")]
    with db.session(write=True) as s:
        row = update_registration(s, registration_id=b.id,
                                  data=person(2, "乙", legs=TripLegs.BOTH))
        assert [x.leg for x in row.seats] == [TripLeg.OUTBOUND, TripLeg.RETURN]
        row = update_registration(s, registration_id=a.id, data=person(1, "甲"))
        assert [x.leg for x in row.seats] == [TripLeg.OUTBOUND]
    # 甲's return seat was freed and offered to 乙, who now travels back too
    assert seats_of(db, back) == [(1, "乙")]


def test_a_new_destination_the_bus_does_not_serve_sends_the_passenger_back_to_wait(db,
                                                                                    campaign):
    c, (guizhou, hubei) = campaign
    regs = register(db, c.id, *[person(i, f"黔{i}") for i in range(1, 5)])
    assign(db, c)
    assert waiting_names(db, c) == ["黔4"]
    with db.session(write=True) as s:  # 黔2 really goes home to 恩施
        update_registration(s, registration_id=regs[1].id, data=person(
            2, "黔2", province="湖北省", city="恩施州"))
        # a correction that keeps the destination keeps the seat
        update_registration(s, registration_id=regs[0].id,
                            data=person(1, "黔1", employer="浙江寿昌纺织"))
    assert seats_of(db, guizhou) == [(1, "黔1"), (2, "黔4"), (3, "黔3")]
    assert waiting_names(db, c) == ["黔2"]
    assign(db, c)
    assert seats_of(db, hubei) == [(1, "黔2")] and waiting_names(db, c) == []


def test_registration_list_pages_searches_and_sorts_in_sql(db, campaign):
    c, _ = campaign
    register(db, c.id, person(1, "张三"), person(2, "李四", employer="浙江寿昌纺织"),
             person(3, "王五", province="湖北省", city="恩施州", county="利川市",
                    employer="ABC物流"))
    with db.session() as s:
        def names(**kw):
            return [r.name for r in list_registrations(s, campaign_id=c.id, **kw)]
        assert names() == ["张三", "李四", "王五"]
        assert names(text="zs") == ["张三"]
        assert names(text="寿昌") == ["李四"]
        assert names(text="利川") == ["王五"]
        assert names(text="abc") == ["王五"]  # Latin letters in either case, on both engines
        assert names(text="50%") == []  # % is a character, not a wildcard
        assert names(text=make_id(2)[-6:]) == ["李四"]
        assert names(sort="seq", descending=True, limit=2) == ["王五", "李四"]
        assert names(offset=2) == ["王五"]
        assert count_registrations(s, campaign_id=c.id, text="138") == 3
        assert names(status=RegistrationStatus.CANCELLED) == []


def test_a_destination_is_placed_and_its_names_made_whole(db, campaign):
    c, _ = campaign
    # the province left out, the city and county in short forms: placed by the division table
    with db.session(write=True) as s:
        placed = add_registration(s, campaign_id=c.id, data=person(2, "赵六").model_copy(
            update={"province": "", "city": "黔东南州", "county": "榕江"}))
    assert (placed.province, placed.city, placed.county) == ("贵州省", "黔东南苗族侗族自治州",
                                                             "榕江县")
