"""The exchange at city scale: 16 townships × 10,000 members (with households, payments, a bus
campaign and stations) exported, merged, merged again, and the city figures over them; beside the
floor measured in the same run: a bare SQLAlchemy Core insert of the same rows.

Targets (issue 8): export of one township ≤ 2 s; merge of the 16 packages ≤ 10 s in all; merging
the same 16 again ≤ 3 s; city figures over the 160,000 members ≤ 1 s.

    python benchmarks/bench_exchange.py [--members 10000] [--townships 16] [--keep DIR]

Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exchange_data import township_rows  # noqa: E402

from union_desk.domain.townships import TOWNSHIPS  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=10_000)
    ap.add_argument("--townships", type=int, default=16)
    ap.add_argument("--keep", type=Path, default=None, help="leave the files in this folder")
    args = ap.parse_args()

    from union_desk.db import open_database
    from union_desk.services.city.figures import city_report
    from union_desk.services.city.setup import init_city
    from union_desk.services.exchange.export import export_package
    from union_desk.services.exchange.keys import trust_city_key
    from union_desk.services.exchange.merge import merge_packages
    from union_desk.services.settings import set_up

    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-exchange-"))
    folder.mkdir(parents=True, exist_ok=True)
    blank = folder / "blank.sqlite3"
    open_database(blank).close()

    shutil.copyfile(blank, folder / "city.sqlite3")
    city = open_database(folder / "city.sqlite3")
    with city.session(write=True) as s:
        key = init_city(s, name="建德市总工会", clerk="市总会计")
    city.load_context()

    towns = TOWNSHIPS[: args.townships]
    packages, exports, all_rows, sizes = [], [], [], []
    t0 = time.perf_counter()
    for i, town in enumerate(towns):
        path = folder / f"{town.code}.sqlite3"
        shutil.copyfile(blank, path)
        db = open_database(path)
        with db.session(write=True) as s:
            set_up(s, township=town.code, clerk="经办人")
            trust_city_key(s, key=key)
        rows = township_rows(town.code, members=args.members, index=i + 1)
        with db.engine.begin() as conn:
            rows.insert(conn)
        db.refresh_statistics(full=True)
        all_rows.append(rows)
        start = time.perf_counter()
        result = export_package(db, folder / f"{town.code}.udx")
        exports.append(time.perf_counter() - start)
        sizes.append(result.size)
        packages.append(result.path)
        db.close()
    built = time.perf_counter() - t0
    rows_total = sum(r.count for r in all_rows)

    start = time.perf_counter()
    results = merge_packages(city, packages)
    merge_s = time.perf_counter() - start
    assert all(r.outcome.value == "已合并" for r in results), [r.reason for r in results]
    start = time.perf_counter()
    again = merge_packages(city, packages)
    remerge_s = time.perf_counter() - start
    assert all(sum(c.new + c.updated for c in r.counts.values()) == 0 for r in again)

    # the townships export again with nothing changed: new files (new sequence numbers), so the
    # city reads, validates and compares every row, and writes none
    fresh = []
    for town in towns:
        db = open_database(folder / f"{town.code}.sqlite3")
        fresh.append(export_package(db, folder / f"{town.code}-2.udx").path)
        db.close()
    start = time.perf_counter()
    unchanged = merge_packages(city, fresh)
    unchanged_s = time.perf_counter() - start
    assert all(sum(c.new + c.updated for c in r.counts.values()) == 0 for r in unchanged)
    city.refresh_statistics(full=True)

    figures = []
    for _ in range(3):
        start = time.perf_counter()
        with city.session() as s:
            report = city_report(s, year=2025)
        figures.append(time.perf_counter() - start)
    members_on_roll = report.total.members_on_roll

    # floor: the same rows, bare Core inserts into a fresh database, one transaction a township
    shutil.copyfile(blank, folder / "floor.sqlite3")
    floor_db = open_database(folder / "floor.sqlite3")
    from union_desk.services.exchange.dialect import large_page_cache

    start = time.perf_counter()
    for rows in all_rows:
        with floor_db.engine.begin() as conn, large_page_cache(conn):  # the merge's page cache
            rows.insert(conn)
    floor_s = time.perf_counter() - start
    floor_db.close()
    city.close()

    review = sum(r.review_items for r in results)
    print(f"{len(towns)} townships × {args.members} members: {rows_total} rows, "
          f"packages {statistics.mean(sizes) / 1e6:.1f} MB each, built in {built:.0f} s; "
          f"{members_on_roll} members on roll at the city; {review} review items")
    print("| measure | figure | target | floor (same run) | ratio |")
    print("|---|---:|---:|---:|---:|")
    print(f"| export of one township (median of {len(exports)}) | {statistics.median(exports):.2f} s "
          f"| ≤ 2 s | — | — |")
    print(f"| merge of {len(towns)} packages | {merge_s:.2f} s | ≤ 10 s | {floor_s:.2f} s "
          f"(Core insert of the same {rows_total} rows) | {merge_s / floor_s:.1f}× |")
    print(f"| merge of the same {len(towns)} files again | {remerge_s:.2f} s | ≤ 3 s | {floor_s:.2f} s "
          f"| {remerge_s / floor_s:.2f}× |")
    print(f"| merge of {len(towns)} new exports with nothing changed (every row read and "
          f"compared) | {unchanged_s:.2f} s | ≤ 3 s | {floor_s:.2f} s | {unchanged_s / floor_s:.1f}× |")
    print(f"| city figures, {len(towns)} townships + total (best of 3) | {min(figures):.2f} s "
          f"| ≤ 1 s | — | — |")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
