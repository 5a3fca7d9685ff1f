"""The pure seat assignment: destination keys, and the packing rule over random campaigns."""
import random
import time
from collections import Counter, defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from union_desk.domain.seating import (BusSpec, Passenger, assign, destination_key,
                                       first_waiting_for, place_key)


@pytest.mark.parametrize("name, key", [
    ("贵州省", "贵州"), ("贵州", "贵州"), ("黔东南苗族侗族自治州", "黔东南"), ("黔东南州", "黔东南"),
    ("贵州黔东南", "黔东南"), ("恩施土家族苗族自治州", "恩施"), ("湖北恩施", "恩施"), ("恩施市", "恩施"),
    ("河南省信阳市", "信阳"), ("河南信阳", "信阳"), ("阜阳市", "阜阳"), ("凯里市", "凯里"),
    ("三都水族自治县", "三都"), ("广西壮族自治区", "广西"), ("浙江省杭州市", "杭州"), ("杭州", "杭州"),
    ("内蒙古自治区", "内蒙古"), (" 光山 县 ", "光山"), ("", ""),
    ("开县", "开州"), ("重庆开县", "开州"), ("湖北襄樊", "襄阳"), ("襄樊市", "襄阳"),  # former names
    ("郊区", "郊区"),  # a name of today (and a former name of several): as it is
])
def test_place_key(name, key):
    assert place_key(name) == key


def test_destination_key_most_specific_stop_first():
    stops = {"凯里", "黄平", "黔东南", "恩施"}
    assert destination_key("贵州省", "黔东南州", "黄平县", stops) == "黄平"
    assert destination_key("贵州省", "黔东南州", "镇远县", stops) == "黔东南"  # no stop at 镇远
    assert destination_key("湖北省", "恩施州", "利川市", stops) == "恩施"
    assert destination_key("河南省", "南阳市", "", stops) == "南阳"  # unserved: its own key
    assert destination_key("云南省", "", "", stops) == "云南"
    # a bus whose route still says 开县 serves the workers placed in 开州区
    assert destination_key("重庆市", "", "开州区", {place_key("开县")}) == "开州"


def P(pid, dest, order):  # noqa: N802 - reads like a record literal
    return Passenger(id=pid, destination=dest, order=order)


def test_fills_buses_in_order_and_seats_by_route_order():
    buses = [BusSpec("b2", 4, ("A", "B"), order=2), BusSpec("b1", 4, ("B", "A"), order=1)]
    result = assign(buses, [P("p1", "A", 1), P("p2", "B", 2), P("p3", "A", 3)])
    # both buses serve A and B; the larger group A goes first, whole, to bus 1 (order 1)
    assert result.seats["p1"][0] == result.seats["p3"][0] == "b1"
    # B then fits whole on b1 too; on b1 the route is B then A: B sits at the front
    assert result.on_bus("b1") == [(1, "p2"), (2, "p1"), (3, "p3")]
    assert result.waiting == [] and result.unserved == []


def test_keeps_taken_seats_and_prefers_the_bus_already_carrying_the_destination():
    buses = [BusSpec("b1", 3, ("A",), order=1),
             BusSpec("b2", 3, ("A",), order=2, taken=frozenset({2}), carrying=frozenset({"A"}))]
    result = assign(buses, [P("p1", "A", 1), P("p2", "A", 2)])
    assert result.on_bus("b2") == [(1, "p1"), (3, "p2")]


def test_group_too_big_for_any_bus_is_split_and_the_rest_waits_in_order():
    buses = [BusSpec("b1", 2, ("A",), order=1), BusSpec("b2", 2, ("A", "B"), order=2)]
    people = [P(f"p{i}", "A", i) for i in range(1, 7)] + [P("q", "C", 0)]
    result = assign(buses, people)
    assert {pid for pid in result.seats} == {"p1", "p2", "p3", "p4"}
    assert result.waiting == ["q", "p5", "p6"] and result.unserved == ["C"]


def test_first_waiting_for_skips_those_the_bus_does_not_serve():
    bus = BusSpec("b1", 3, ("A", "B"))
    waiting = [P("x", "C", 1), P("y", "B", 3), P("z", "A", 2)]
    assert first_waiting_for(bus, waiting).id == "z"
    assert first_waiting_for(bus, [P("x", "C", 1)]) is None


KEYS = "ABCDEF"


@st.composite
def campaigns(draw):
    n_buses = draw(st.integers(1, 6))
    buses = []
    for i in range(n_buses):
        seats = draw(st.integers(1, 12))
        stops = tuple(draw(st.lists(st.sampled_from(KEYS[:5]), min_size=1, max_size=3,
                                    unique=True)))
        taken = frozenset(draw(st.sets(st.integers(1, seats), max_size=seats // 2)))
        buses.append(BusSpec(f"b{i}", seats, stops, order=draw(st.integers(0, 3)), taken=taken))
    n = draw(st.integers(0, 60))
    orders = draw(st.permutations(range(n)))
    people = [P(f"p{i}", draw(st.sampled_from(KEYS)), orders[i]) for i in range(n)]
    return buses, people


@settings(max_examples=300, deadline=None)
@given(campaigns())
def test_assignment_rules_hold_for_any_campaign(campaign):
    buses, people = campaign
    result = assign(buses, people)
    by_id = {b.id: b for b in buses}
    person = {p.id: p for p in people}
    # everyone is either seated or waiting, exactly once
    everyone = list(result.seats) + result.waiting
    assert len(everyone) == len(set(everyone)) and set(everyone) == set(person)
    # never over capacity: seat numbers valid, free, and unique per bus
    used = Counter(result.seats.values())
    assert all(count == 1 for count in used.values())
    for pid, (bus_id, seat) in result.seats.items():
        bus = by_id[bus_id]
        assert 1 <= seat <= bus.seats and seat not in bus.taken
        assert person[pid].destination in bus.stops  # the bus serves where they go
    on_bus = Counter(bus_id for bus_id, _ in result.seats.values())
    free = {b.id: b.capacity - on_bus[b.id] for b in buses}
    assert all(f >= 0 for f in free.values())
    # nobody waits while a bus serving their destination has a free seat
    for pid in result.waiting:
        assert all(free[b.id] == 0 for b in buses if person[pid].destination in b.stops)
    # a destination is split (across buses, or partly waiting) only when no serving bus could
    # take the whole group: not even after moving that group's own passengers onto it
    groups = defaultdict(list)
    for p in people:
        groups[p.destination].append(p.id)
    for dest, members in groups.items():
        placed = Counter(result.seats[m][0] for m in members if m in result.seats)
        if len(placed) > 1 or (placed and len(placed) == 1 and sum(placed.values()) < len(members)):
            for b in buses:
                if dest in b.stops:
                    assert free[b.id] + placed[b.id] < len(members), (dest, b.id)
    # waiting order kept: the list is in registration order, and within a destination the
    # earlier registrations got the seats
    orders = [person[pid].order for pid in result.waiting]
    assert orders == sorted(orders)
    for dest, members in groups.items():
        seated = [person[m].order for m in members if m in result.seats]
        waiting = [person[m].order for m in members if m not in result.seats]
        if seated and waiting:
            assert max(seated) < min(waiting)
    # deterministic, whatever order the inputs come in
    again = assign(list(reversed(buses)), list(reversed(people)))
    assert again.seats == result.seats and again.waiting == result.waiting


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 15), min_size=1, max_size=5), st.integers(20, 40))
def test_a_destination_that_fits_one_bus_is_never_split(group_sizes, seats):
    """Destinations each small enough for an empty bus, and enough buses: none is split."""
    buses = [BusSpec(f"b{i}", seats, tuple(KEYS[:len(group_sizes)]), order=i)
             for i in range(len(group_sizes))]
    people, order = [], 0
    for key, size in zip(KEYS, group_sizes):
        for _ in range(size):
            people.append(P(f"p{order}", key, order))
            order += 1
    result = assign(buses, people)
    assert result.waiting == []
    for key in KEYS[:len(group_sizes)]:
        assert len({result.seats[p.id][0] for p in people if p.destination == key}) == 1


def test_two_thousand_registrations_on_forty_buses_in_well_under_a_second():
    rng = random.Random(7)
    buses = [BusSpec(f"b{i}", rng.choice((45, 49, 53)),
                     tuple(rng.sample(["凯里", "黄平", "恩施", "利川", "南阳", "信阳", "阜阳", "临泉"], 3)),
                     order=i) for i in range(40)]
    people = [P(f"p{i}", rng.choice(["凯里", "黄平", "恩施", "利川", "南阳", "信阳", "阜阳", "临泉"]), i)
              for i in range(2000)]
    t0 = time.perf_counter()
    result = assign(buses, people)
    assert time.perf_counter() - t0 < 0.5
    assert len(result.seats) + len(result.waiting) == 2000
