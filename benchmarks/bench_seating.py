"""Seat assignment: 2,000 registrations to 40 buses (target ≤ 1 s).

Two cases, best of 3 each:
- domain: `domain.seating.assign` alone (pure Python, no database);
- service: `services.trips_assign.assign_seats` on a real SQLite file — reading the waiting
  lists, matching destinations to stops, the assignment, writing 2,000 seats with their audit
  rows, and reading every bus's passenger list back — beside the bare floor of a raw `sqlite3`
  executemany UPDATE of the same 2,000 seat rows.

    python benchmarks/bench_seating.py [--registrations 2000] [--buses 40]

Prints Markdown table rows:
| case | registrations | buses | seated | waiting | union_desk s | bare s | ratio | target |
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

TARGET_S = 1.0
REGIONS = [("贵州省", "黔东南州", ["凯里市", "黄平县", "施秉县", "镇远县", "三穗县", "天柱县"]),
           ("湖北省", "恩施州", ["恩施市", "利川市", "建始县", "巴东县", "宣恩县"]),
           ("河南省", "南阳市", ["宛城区", "邓州市", "新野县", "镇平县"]),
           ("河南省", "信阳市", ["浉河区", "罗山县", "光山县", "固始县"]),
           ("安徽省", "阜阳市", ["颍州区", "临泉县", "太和县", "界首市"])]


def routes(buses: int, rng: random.Random) -> list[tuple[str, list[str], int]]:
    """(destination, stops, seats) for each bus: regions in turn, 2–4 stops from the region."""
    out = []
    for i in range(buses):
        province, city, counties = REGIONS[i % len(REGIONS)]
        stops = [counties[0], *rng.sample(counties[1:], rng.randint(1, 3))]
        out.append((province[:2] + city[:-1], [s[:-1] for s in stops], rng.choice((45, 49, 53))))
    return out


def people(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    return [(province, city, rng.choice(counties))
            for province, city, counties in rng.choices(REGIONS, k=count)]


def bench_domain(regs: int, buses: int) -> tuple[float, int, int]:
    from union_desk.domain.seating import BusSpec, Passenger, assign, destination_key, place_key

    rng = random.Random(4)
    specs = [BusSpec(id=f"b{i}", seats=seats, order=i,
                     stops=tuple(place_key(s) for s in [*stops, dest]))
             for i, (dest, stops, seats) in enumerate(routes(buses, rng))]
    keys = {k for b in specs for k in b.stops}
    best, result = float("inf"), None
    for _ in range(3):
        t0 = time.perf_counter()
        passengers = [Passenger(id=f"p{i}", order=i, destination=destination_key(p, c, k, keys))
                      for i, (p, c, k) in enumerate(people(regs, random.Random(5)))]
        result = assign(specs, passengers)
        best = min(best, time.perf_counter() - t0)
    return best, len(result.seats), len(result.waiting)


def _fill(db_path: Path, regs: int, buses: int) -> str:
    from union_desk.db import open_database
    from union_desk.domain.idcard import check_char
    from union_desk.models.trips import BusCreate, CampaignCreate, RegistrationCreate
    from union_desk.services.trips import campaigns as trips
    from union_desk.services.settings import set_up
    from union_desk.services.trips.importer import Candidate, _Outcome, TripsImportPlan, \
        commit_trips_import

    db = open_database(db_path)
    with db.session(write=True) as s:
        set_up(s, township="DY", clerk="基准测试")
    db.load_context()
    rng = random.Random(4)
    with db.session(write=True) as s:
        campaign = trips.add_campaign(s, data=CampaignCreate(name="基准 春节返乡"))
        for i, (dest, stops, seats) in enumerate(routes(buses, rng)):
            trips.add_bus(s, campaign_id=campaign.id, data=BusCreate(
                plate=f"浙A{i:05d}", seats=seats, destination=dest, stops=stops,
                departs_on=date(2021, 2, 1), departs_time="07:30"))
        candidates = []
        for i, (province, city, county) in enumerate(people(regs, random.Random(5))):
            first17 = f"5226011990{1 + i // 1000 % 12:02d}{1 + i // 100 % 28:02d}{i % 1000:03d}"
            data = RegistrationCreate(name=f"乘客{i}", id_number=first17 + check_char(first17),
                                      phone=f"138{i:08d}", province=province, city=city,
                                      county=county)
            candidates.append(Candidate(i + 2, data, frozenset(), ()))
        plan = TripsImportPlan("", [], regs, candidates, [], _Outcome(new=candidates))
        commit_trips_import(s, campaign_id=campaign.id, plan=plan)
    db.close()
    return campaign.id


def bench_service(regs: int, buses: int) -> tuple[float, float, int, int]:
    from union_desk.db import open_database
    from union_desk.services.trips.assign import assign_seats

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        campaign_id = _fill(path, regs, buses)
        db = open_database(path)
        best, report = float("inf"), None
        for _ in range(3):
            with db.session(write=True) as s:
                t0 = time.perf_counter()
                report = assign_seats(s, campaign_id=campaign_id)
                best = min(best, time.perf_counter() - t0)
                s.rollback()  # leave the waiting lists as they were for the next round
        db.close()
        seated = sum(len(b.passengers) for b in report.buses)
        con = sqlite3.connect(path)
        ids = [r[0] for r in con.execute("SELECT id FROM trip_seat")]
        bare = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            con.executemany("UPDATE trip_seat SET bus_id = NULL, seat_no = ? WHERE id = ?",
                            [(n, i) for n, i in enumerate(ids)])
            con.execute("ROLLBACK")
            bare = min(bare, time.perf_counter() - t0)
        con.close()
    return best, bare, seated, len(report.waiting)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=2000)
    parser.add_argument("--buses", type=int, default=40)
    args = parser.parse_args()
    print("| case | registrations | buses | seated | waiting | union_desk s | bare s | ratio "
          "| target |")
    print("|---|---|---|---|---|---|---|---|---|")
    t, seated, waiting = bench_domain(args.registrations, args.buses)
    print(f"| seating, domain only | {args.registrations} | {args.buses} | {seated} | {waiting} | "
          f"{t:.4f} | – | – | ≤ {TARGET_S:.0f} s |")
    t, bare, seated, waiting = bench_service(args.registrations, args.buses)
    print(f"| seating, service with SQLite | {args.registrations} | {args.buses} | {seated} | "
          f"{waiting} | {t:.3f} | {bare:.3f} | {t / bare:.1f}× | ≤ {TARGET_S:.0f} s |")


if __name__ == "__main__":
    main()
