"""How long a verified backup, its listing, the restore comparison and salvage take on a large file.

    python benchmarks/bench_backup.py --members 100000 [--db existing.sqlite3]

The automatic backup runs as a write op: while it runs, a clerk's save waits. This measures that
wait (snapshot + verification), and the other backup operations, on a demo database of N members.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse this demo database")
    args = parser.parse_args()
    from union_desk.services.backups import store
    from union_desk.services.backups.restore import changes_since
    from union_desk.services.backups.salvage import salvage

    work = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    db = args.db or work / "union_desk.sqlite3"
    if not db.exists():
        _, made = timed(lambda: subprocess.run(
            [sys.executable, "-m", "union_desk", "--db", str(db), "demo", "--members",
             str(args.members)], check=True, capture_output=True))
        print(f"demo database of {args.members} members made in {made:.1f} s")
    size = db.stat().st_size / 1e6
    now = datetime.now(timezone.utc)
    folder = work / "backups"
    taken, start_s = timed(lambda: store.start_backup(db, now=now, folder=folder))
    info, finish_s = timed(lambda: store.finish_backup(taken))
    backup_s = start_s + finish_s
    _, bare_s = timed(lambda: _bare_vacuum(db, work / "bare.sqlite3"))
    _, verify_s = timed(lambda: store.verify(info.path))
    store.make_backup(db, now=now - timedelta(days=1), folder=folder)
    _, list_s = timed(lambda: store.list_backups(db, folder))
    _, diff_s = timed(lambda: changes_since(db, info.path))
    report, salvage_s = timed(lambda: salvage(info.path, work / "salvaged.sqlite3"))
    print(f"| database | {size:.0f} MB, {args.members} members |")
    print(f"| verified backup (snapshot + integrity_check + counts) | {backup_s:.2f} s |")
    print(f"|   snapshot, under the write lock (window: write op) | {start_s:.2f} s |")
    print(f"|   verification and naming, no lock (window: read op) | {finish_s:.2f} s |")
    print(f"|   verification of a backup alone | {verify_s:.2f} s |")
    print(f"| floor: bare VACUUM INTO, same file | {bare_s:.2f} s |")
    print(f"| list 2 backups with record counts | {list_s:.2f} s |")
    print(f"| what a backup lacks (restore comparison) | {diff_s:.2f} s |")
    print(f"| salvage of the whole file ({report.total} rows) | {salvage_s:.2f} s |")
    return 0


def _bare_vacuum(src: Path, dest: Path) -> None:
    import sqlite3

    con = sqlite3.connect(src)
    con.execute("VACUUM INTO ?", (str(dest),))
    con.close()


if __name__ == "__main__":
    sys.exit(main())
