"""How SQLite's own CREATE INDEX grows from 10,000 to 100,000 rows, without the app: the part of
the roster import (13 member indexes, built after the bulk insert) that grows most.

    python benchmarks/bench_index_build.py [--rows 10000 100000] [--repeat 5]

One text key a row, in an in-memory database with a page cache larger than the table, so no
disk is involved. Four tables a size: keys already in index order or shuffled, each in a narrow
table (the key alone, 2 MB at 100,000 rows: it fits the CPU's cache) and in a table as wide as
the member table (about 340 bytes a row, 34 MB at 100,000: it does not). Each build is timed
alone (best of --repeat), the index dropped after each. If even the narrow, presorted build grows
more than ten times, the excess is SQLite's sort (n log n, a merge sort that does not take
advantage of presorted input), not the app's code or the cache.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import time

WIDE_PAD = 320   # bytes beside the key, to make a row as wide as a member's


def build_time(rows: int, presorted: bool, pad: int, repeat: int) -> float:
    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA cache_size=-400000")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT, pad TEXT)")
    keys = [f"{i:08d}" for i in range(rows)]
    if not presorted:
        random.Random(1).shuffle(keys)
    db.executemany("INSERT INTO t (k, pad) VALUES (?, ?)", ((k, "x" * pad) for k in keys))
    db.commit()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        db.execute("CREATE INDEX ix ON t (k)")
        best = min(best, time.perf_counter() - start)
        db.execute("DROP INDEX ix")
    db.close()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs=2, default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    small, large = args.rows
    print(f"SQLite {sqlite3.sqlite_version}: CREATE INDEX on one text key, best of {args.repeat}\n")
    print(f"| table | keys | {small:,} rows | {large:,} rows | growth |")
    print("|---|---|---:|---:|---:|")
    for pad, table in ((0, "narrow (fits the cache)"), (WIDE_PAD, "as wide as member")):
        for presorted in (True, False):
            a = build_time(small, presorted, pad, args.repeat)
            b = build_time(large, presorted, pad, args.repeat)
            keys = "in order" if presorted else "shuffled"
            print(f"| {table} | {keys} | {a * 1e3:.2f} ms | {b * 1e3:.1f} ms | {b / a:.1f}× |")


if __name__ == "__main__":
    main()
