"""The roster import's work counted, not timed: instructions and cache misses of check + import
at 10,000 and 100,000 rows, under Valgrind's cachegrind.

    python benchmarks/count_roster_import.py [--rows 10000 100000] [--ll-bytes 33554432]

Wall-clock ratios on a shared machine move ±3–4% from run to run; counts do not (the same
command gives the same instructions to about 0.01%: the hash seed is fixed and the
background checkpoint left out). Each size runs in a process of its own under cachegrind, with
a simulated last-level cache the size of this machine's (L3 from /sys, or --ll-bytes); a
process that does everything but the check and the import (a fresh database, pypinyin loaded)
is counted too and taken off, and each process ends with `os._exit` right after, so neither
interpreter teardown nor the checkpoint is counted. What the 100,000-row import costs over ten
times the 10,000-row one then shows where the time's excess comes from: more instructions (the
code does more per row) or more misses of the last-level cache (the same work on data that no
longer fits it). Needs `valgrind` (Debian package valgrind); the 100,000-row run takes about
8 minutes (it runs beside the smaller ones on two cores).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

EVENTS = {"Ir": "instructions", "D1mr": "L1 data read misses", "D1mw": "L1 data write misses",
          "DLmr": "last-level data read misses", "DLmw": "last-level data write misses"}


def inside(mode: str, path: Path) -> None:
    """(in the counted process) a fresh database and pypinyin loaded; with mode 'run', the
    app's check + import of `path` as the timed benchmark does it."""
    import bench_roster_import as bench

    from union_desk.db import Database

    Database.checkpoint_soon = lambda self: None  # its thread would run at an unknown moment
    bench.pinyin_load()
    db = bench.fresh_db(path.parent, f"counted-{mode}-{path.stem}")
    bench.forget_spellings()
    if mode == "run":
        _, report = bench.app_import(db, path)
        assert report["new"] > 0 and not report["rejected"], report
    sys.stdout.flush()
    os._exit(0)


def last_level_bytes() -> int:
    """The size of this machine's largest cache (sysfs), 32 MiB if it cannot be read."""
    sizes = []
    for index in Path("/sys/devices/system/cpu/cpu0/cache").glob("index*"):
        text = (index / "size").read_text().strip() if (index / "size").exists() else ""
        if text[:-1].isdigit() and text[-1] in "KM":
            sizes.append(int(text[:-1]) * (1024 if text[-1] == "K" else 1024 * 1024))
    return max(sizes, default=32 * 1024 * 1024)


def counted(mode: str, path: Path, ll_bytes: int) -> dict[str, int]:
    """The event totals of one process under cachegrind."""
    out = path.parent / f"cachegrind-{mode}-{path.stem}.out"
    env = dict(os.environ, PYTHONHASHSEED="0")
    subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=yes",
                    "--I1=32768,8,64", "--D1=49152,12,64", f"--LL={ll_bytes},16,64",
                    f"--cachegrind-out-file={out}",
                    sys.executable, __file__, "--inside", mode, str(path)],
                   check=True, capture_output=True, env=env)
    lines = out.read_text().splitlines()
    events = next(line for line in lines if line.startswith("events:")).split()[1:]
    summary = next(line for line in lines if line.startswith("summary:")).split()[1:]
    return dict(zip(events, map(int, summary)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--ll-bytes", type=int, default=None,
                        help="the simulated last-level cache (default: this machine's L3)")
    parser.add_argument("--inside", nargs=2, metavar=("MODE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        inside(args.inside[0], Path(args.inside[1]))
        return
    from make_roster_xlsx import make_rows, write_roster

    ll_bytes = args.ll_bytes or last_level_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        paths = {count: write_roster(Path(tmp) / f"roster{count}.xlsx", make_rows(count))
                 for count in args.rows}
        jobs = [("base", paths[min(args.rows)])] + [("run", paths[c]) for c in args.rows]
        with ThreadPoolExecutor(max_workers=2) as pool:  # the largest first, beside the others
            futures = {job: pool.submit(counted, *job, ll_bytes)
                       for job in sorted(jobs, key=lambda j: -os.path.getsize(j[1]))}
        base = futures[jobs[0]].result()
        totals = {count: {key: value - base.get(key, 0)
                          for key, value in futures[("run", paths[count])].result().items()}
                  for count in args.rows}
    smallest = min(args.rows)
    print(f"Simulated caches: L1 data 48 KiB, last level {ll_bytes / 2 ** 20:.0f} MiB; "
          f"counts of check + import, less the process around them.\n")
    print("| count | " + " | ".join(f"{count:,} rows" for count in args.rows)
          + " | growth |")
    print("|---|" + "---:|" * (len(args.rows) + 1))
    for key, label in EVENTS.items():
        values = [totals[count][key] for count in args.rows]
        growth = values[-1] / values[0] if values[0] else float("nan")
        print(f"| {label} | " + " | ".join(f"{v:,}" for v in values) + f" | {growth:.2f}× |")
    ll = {count: totals[count]["DLmr"] + totals[count]["DLmw"] for count in args.rows}
    biggest = max(args.rows)
    print(f"\nInstructions grow {totals[biggest]['Ir'] / totals[smallest]['Ir']:.2f}× for "
          f"{biggest / smallest:.0f}× the rows; last-level misses "
          f"{ll[biggest] / ll[smallest]:.1f}×.")


if __name__ == "__main__":
    main()
