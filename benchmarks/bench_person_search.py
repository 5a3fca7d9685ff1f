"""Migration 0008 and the clerks' new searches at 100,000 members.

Builds a roster of N demo members (Core inserts) at head, downgrades it to 0007 (the search
columns of 0008 dropped), times the upgrade that recomputes every member's search columns, then
times the roster search (first page of 100 and the count, best of 5) for a surname reading, the
other reading, and the last digits of a phone or ID number.

    python benchmarks/bench_person_search.py [--members 100000]
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    args = parser.parse_args()
    from alembic import command

    from union_desk.db import open_database
    from union_desk.services.demo import roster as demo_roster
    from union_desk.services.roster.members import count_members, search_members
    from union_desk.services.settings import set_up

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        db = open_database(path)
        with db.session(write=True) as s:
            set_up(s, township="DY", clerk="王晓燕")
            demo_roster.populate(s, rng=random.Random(7), size=args.members)
        with db.engine.begin() as conn:
            command.downgrade(db._alembic_config(conn), "0007")
        with db.engine.begin() as conn:
            started = time.perf_counter()
            command.upgrade(db._alembic_config(conn), "0008")
            upgrade_s = time.perf_counter() - started
        print(f"| migration 0008 on {args.members:,} members | {upgrade_s:.1f} s |")
        print("| typed | rows | count | best ms (page + count) |")
        for text in ("zdw", "cdw", "zeng", "5922", "6026", "002x", "１３８"):
            best = float("inf")
            for _ in range(5):
                started = time.perf_counter()
                with db.session() as s:
                    rows = search_members(s, text=text, limit=100)
                    total = count_members(s, text=text)
                best = min(best, time.perf_counter() - started)
            print(f"| `{text}` | {len(rows)} | {total} | {best * 1000:.1f} |")
        db.close()


if __name__ == "__main__":
    main()
