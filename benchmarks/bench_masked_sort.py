"""Roster sorted by a masked column at 100,000 members: the first page (200 rows) with the sort
by what the column shows (services/common/masked_order.py) against the old sort by the full
value, which could use an index but let a row's rank give the hidden digits back.

    union-desk --db /tmp/roster100k.sqlite3 demo --members 100000     # once (≈ 70 s)
    python benchmarks/bench_masked_sort.py --db /tmp/roster100k.sqlite3 [--runs 5]

Prints a Markdown table (best of --runs, each a fresh read transaction) for benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import time

from union_desk.db import open_database
from union_desk.models.member import Member
from union_desk.services.roster import members

FULL_VALUE = {"id_number": Member.id_number, "birth_date": Member.birth_date,
              "phone": Member.phone}


def first_page_ms(db, sort: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        with db.session() as s:
            start = time.perf_counter()
            members.search_members(s, sort=sort, limit=200)
            best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = open_database(args.db)
    with db.session() as s:
        total = members.count_members(s)
    print(f"{total} members; first page of 200, best of {args.runs}\n")
    print("| sort by | as shown (now) | full value (before) |\n|---|---:|---:|")
    print(f"| name (reference) | {first_page_ms(db, 'name', args.runs):.1f} ms | — |")
    for sort, column in FULL_VALUE.items():
        shown = first_page_ms(db, sort, args.runs)
        kept = members.SORT_KEYS[sort]
        members.SORT_KEYS[sort] = column
        try:
            before = first_page_ms(db, sort, args.runs)
        finally:
            members.SORT_KEYS[sort] = kept
        print(f"| {sort} | {shown:.1f} ms | {before:.1f} ms |")
    db.close()


if __name__ == "__main__":
    main()
