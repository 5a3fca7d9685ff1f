"""Excel rosters of 10,000 and 100,000 rows checked and imported, beside the bare floors.

    python benchmarks/bench_roster_import.py [--rows 10000 100000] [--repeat 3]

Floors measured in the same run on the same file and rows: the bare read of every cell by the
app's reader (python-calamine) and, side by side, by openpyxl's read-only mode (the reader the
imports used before); and raw `sqlite3.executemany` insert of the same member rows into a freshly
migrated database (same table and indexes, one transaction, the app's connection settings).
Beside it, for what the gap is made of, the raw insert of everything the house rules make an
import write: the members, their history events and an audit entry for each of both (with
JSON of the same size as the app's); and the same member rows as raw multi-row INSERTs (the
form the app's bulk writes take: a stricter floor since the search trigger of migration 0017).
Each figure is the best of --repeat runs at every size, the sizes taking turns, the app's
check + import (as `union-desk roster import --commit` runs them: one bulk job, the cycle
collector off from the check to the end of the import) and the floors each in a process of its
own (one estimator on both sides of the 100,000 ÷ 10,000 ratio, under the same conditions; each
run's check + import is printed too, and the ratio of the medians), each on a fresh database and
with the pinyin caches emptied (a clerk's import spells names it has not seen; pypinyin's
one-time load is timed apart).
Targets (issue 11): 10,000 rows check + import ≤ 1.5 × (calamine read + raw insert); 100,000
rows ≤ 10 × the 10,000-row time.  Prints Markdown tables, wall-clock seconds (and the
process's CPU seconds of check + import, less sensitive to other work on the machine).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from make_roster_xlsx import make_rows, write_roster
from openpyxl import load_workbook

from union_desk.db import open_database
from union_desk.domain import pinyin
from union_desk.models.base import new_id, new_ids, utcnow
from union_desk.services.roster.importer import check_roster_file, commit_roster_import
from union_desk.services.common.bulk import cache_kib, collector_paused
from union_desk.services.settings import set_up

TARGET_S = 5.0
RUNS: dict[int, list[float]] = {}  # rows → each run's check + import (s)


def fresh_db(folder: Path, name: str):
    db = open_database(folder / f"{name}.sqlite3")
    with db.session(write=True) as s:
        set_up(s, township="DY", clerk="基准测试")
    db.load_context()
    return db


def floor_read(path: Path) -> float:
    """openpyxl read-only, every cell (the imports' reader before issue 11)."""
    start = time.perf_counter()
    book = load_workbook(path, read_only=True, data_only=True)
    cells = sum(len(row) for row in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert cells > 0
    return time.perf_counter() - start


def floor_read_calamine(path: Path) -> tuple[float, float]:
    """python-calamine, every cell as Python values (the app's reader, bare): wall and CPU s."""
    from python_calamine import CalamineWorkbook

    start, cpu = time.perf_counter(), time.process_time()
    book = CalamineWorkbook.from_path(str(path))
    cells = sum(len(row) for row in book.get_sheet_by_index(0).iter_rows())
    book.close()
    assert cells > 0
    return time.perf_counter() - start, time.process_time() - cpu


def forget_spellings() -> None:
    """Empty the per-name pinyin caches: each run spells its names afresh."""
    pinyin.person_spelling.cache_clear()
    pinyin._spell.cache_clear()


def pinyin_load() -> float:
    """pypinyin's one-time load in a process (its dictionaries), paid by the first name spelled."""
    start = time.perf_counter()
    pinyin.person_spelling("张三")
    elapsed = time.perf_counter() - start
    forget_spellings()
    return elapsed


def app_import(db, path: Path) -> tuple[dict[str, float], dict]:
    forget_spellings()
    start, cpu = time.perf_counter(), time.process_time()
    with collector_paused():  # as the CLI: one bulk job, the check outside the write transaction
        with db.session() as s:
            plan = check_roster_file(s, path=path)
        checked = time.perf_counter()
        with db.session(write=True) as s:
            report = commit_roster_import(s, plan=plan)
        done = time.perf_counter()
    return {"check": checked - start, "commit": done - checked,
            "cpu": time.process_time() - cpu}, report.to_json()


def _raw_connection(db, rows: int) -> sqlite3.Connection:
    """The app's file with the app's connection settings (db._make_engine) and the page cache
    an import of `rows` rows writes with (services/common/bulk.cache_kib), no SQLAlchemy."""
    db.close()
    con = sqlite3.connect(db.path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute(f"PRAGMA cache_size=-{cache_kib(rows)}")
    return con


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)  # quoted: member_event has a column "on"
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


def _union_id(con: sqlite3.Connection) -> str:
    found = con.execute("SELECT id FROM grassroots_union LIMIT 1").fetchone()
    if found is not None:
        return found[0]
    union_id = new_id()
    con.execute("INSERT INTO grassroots_union (id, township, created_at, updated_at, name,"
                " credit_code, chair, phone, status, closed_reason)"
                " VALUES (?, 'DY', '2021-01-01', '2021-01-01', '基准工会', '', '', '', '在册', '')",
                (union_id,))
    return union_id


def _member_rows(rows: list[dict], union_id: str) -> list[dict]:
    """Every column of the member rows as the import writes them (search columns included)."""
    return [dict(r, id=member_id, township="DY", union_id=union_id, status="在册",
                 join_date=str(r["join_date"]), birth_date=str(r["birth_date"]),
                 status_date=str(r["join_date"]), is_migrant=int(r["is_migrant"]))
            for r, member_id in zip(rows, new_ids(len(rows)))]


def _insert(con: sqlite3.Connection, table: str, rows: list[dict], now: str) -> None:
    columns = [*rows[0], "created_at", "updated_at"]
    con.executemany(_insert_sql(table, columns), [(*r.values(), now, now) for r in rows])


def floor_insert(db, rows: list[dict]) -> tuple[float, float]:
    """Raw sqlite3: the same member rows into the same (empty, indexed) table: wall and CPU s."""
    con = _raw_connection(db, len(rows))
    members = _member_rows(rows, _union_id(con))
    now = utcnow().replace(tzinfo=None).isoformat(sep=" ")
    start, cpu = time.perf_counter(), time.process_time()
    con.execute("BEGIN IMMEDIATE")
    _insert(con, "member", members, now)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    con.close()
    return elapsed


def floor_insert_multirow(db, rows: list[dict]) -> float:
    """Raw sqlite3, the same member rows as multi-row INSERTs (1,000 rows a statement, as the
    app's bulk writes send them): not the issue's floor, but the stricter one since migration
    0017's trigger on member makes SQLite journal every page a row touches when rows come one
    statement each (an executemany) — printed beside it, so the gap is not hidden."""
    con = _raw_connection(db, len(rows))
    members = _member_rows(rows, _union_id(con))
    now = utcnow().replace(tzinfo=None).isoformat(sep=" ")
    columns = [*members[0], "created_at", "updated_at"]
    values = [(*r.values(), now, now) for r in members]
    head = _insert_sql("member", columns).rpartition(" VALUES ")[0]
    group = f"({', '.join('?' * len(columns))})"
    start = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    for at in range(0, len(values), 1000):
        part = values[at:at + 1000]
        con.execute(f"{head} VALUES {', '.join([group] * len(part))}",
                    [v for row in part for v in row])
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def floor_required(db, rows: list[dict]) -> float:
    """Raw sqlite3: what the house rules make the import write, each member row with its
    history event and an audit entry for both (JSON of the rows as the app writes it), with
    the same indexes; the rows are made before the clock starts."""
    con = _raw_connection(db, len(rows))
    union_id = _union_id(con)
    members = _member_rows(rows, union_id)
    now = utcnow().replace(tzinfo=None).isoformat(sep=" ")
    events, audits = [], []
    for m, (event_id, a1, a2) in zip(members, zip(*[iter(new_ids(3 * len(members)))] * 3)):
        event = dict(id=event_id, township="DY", member_id=m["id"], kind="入会",
                     on=m["join_date"], reason="名册导入", from_union_id=None,
                     to_union_id=union_id)
        events.append(event)
        audits += [dict(id=a1, township="DY", actor="基准测试", table_name="member",
                        record_id=m["id"], action="insert",
                        after=json.dumps(m, ensure_ascii=False, sort_keys=True)),
                   dict(id=a2, township="DY", actor="基准测试", table_name="member_event",
                        record_id=event_id, action="insert",
                        after=json.dumps(event, ensure_ascii=False, sort_keys=True))]
    start = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    _insert(con, "member", members, now)
    _insert(con, "member_event", events, now)
    _insert(con, "audit_entry", audits, now)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def app_run(path: Path, count: int, i: int) -> dict[str, float]:
    """The app's check + import of `path` on a fresh file, then its second import (all rows
    unchanged)."""
    db = fresh_db(path.parent, f"app{count}-{i}")
    timings, report = app_import(db, path)
    assert report["new"] == count and not report["rejected"], report
    start = time.perf_counter()
    with db.session() as s:
        plan = check_roster_file(s, path=path)
    with db.session(write=True) as s:
        again = commit_roster_import(s, plan=plan).to_json()
    timings["again"] = time.perf_counter() - start
    assert again["new"] == 0 and again["unchanged"] == report["new"], again
    db.close()
    timings["total"] = timings["check"] + timings["commit"]
    return timings


def floor_run(path: Path, count: int, i: int) -> dict[str, float]:
    """The floors of `path`: the bare reads, then the raw inserts of its rows (as the check
    reads them, untimed), each on a fresh file."""
    timings = {}
    timings["read"], timings["read_cpu"] = floor_read_calamine(path)
    timings["read_openpyxl"] = floor_read(path)
    db = fresh_db(path.parent, f"raw{count}-{i}")
    with db.session() as s:
        rows = [c.fields for c in check_roster_file(s, path=path).candidates]
    timings["insert"], timings["insert_cpu"] = floor_insert(db, rows)
    timings["required"] = floor_required(fresh_db(path.parent, f"req{count}-{i}"), rows)
    timings["multirow"] = floor_insert_multirow(fresh_db(path.parent, f"multi{count}-{i}"), rows)
    timings["floor"] = timings["read"] + timings["insert"]
    timings["floor_cpu"] = timings["read_cpu"] + timings["insert_cpu"]
    return timings


RUN_PARTS = {"app": app_run, "floors": floor_run}


def _in_own_process(part: str, path: Path, count: int, i: int) -> dict[str, float]:
    """`RUN_PARTS[part]` in a new Python process; its files removed and the disk settled after
    it (the next part does not start behind its writes and discards: ~1 GB at 100,000 rows)."""
    done = subprocess.run([sys.executable, __file__, "--run", part, str(count), str(path),
                           str(i)], check=True, capture_output=True, text=True)
    for name in os.listdir(path.parent):
        if name.endswith((".sqlite3", "-wal", "-shm")):
            os.remove(path.parent / name)
    os.sync()
    return json.loads(done.stdout.splitlines()[-1])


def measure(folder: Path, counts: list[int], repeat: int) -> dict[int, dict[str, float]]:
    """The best of `repeat` runs of each size, the sizes taking turns (10,000, 100,000, 10,000,
    …), the app's part and the floors' part of each run in a process of its own: a machine that
    slows down or speeds up during the minutes of a run then weighs on both sides of their ratio
    alike, and nothing timed works in the heap another part left behind (a 10,000-row import in
    the process that had just made and imported 100,000 rows took 7% more CPU)."""
    paths = {count: write_roster(folder / f"roster{count}.xlsx", make_rows(count))
             for count in counts}
    best: dict[int, dict[str, float]] = {count: {} for count in counts}
    for i in range(repeat):
        for count in counts:
            timings = {key: value for part in RUN_PARTS
                       for key, value in _in_own_process(part, paths[count], count, i).items()}
            for key, value in timings.items():
                best[count][key] = min(best[count].get(key, value), value)
            RUNS.setdefault(count, []).append(timings["total"])
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--run", nargs=4, metavar=("PART", "ROWS", "FILE", "I"),
                        help="(inside) part of run I on FILE of ROWS rows: its timings as JSON")
    args = parser.parse_args()
    load = pinyin_load()
    if args.run:
        part, count, path, i = args.run[0], int(args.run[1]), Path(args.run[2]), int(args.run[3])
        print(json.dumps(RUN_PARTS[part](path, count, i)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(Path(tmp), args.rows, args.repeat)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; pypinyin's one-time "
          f"load (first name spelled in a process): {load:.3f} s")
    for count, best in results.items():
        print(f"\nRoster import, {count:,} rows (best of {args.repeat})\n")
        print("| step | seconds | floor | floor seconds | ratio |")
        print("|---|---:|---|---:|---:|")
        for label, key, floor_label, floor_key in [
            ("check every row (read + rules + DB lookups)", "check", "calamine bare read", "read"),
            ("import (Core bulk insert + events + audit, commit)", "commit",
             "raw sqlite3 executemany", "insert"),
            ("**check + import**", "total", "calamine read + raw insert", "floor"),
        ]:
            print(f"| {label} | {best[key]:.3f} | {floor_label} | {best[floor_key]:.3f} | "
                  f"{best[key] / best[floor_key]:.2f}× |")
        print(f"| (for the gap) import (commit) | {best['commit']:.3f} | raw insert of members + "
              f"events + their audit entries | {best['required']:.3f} | "
              f"{best['commit'] / best['required']:.2f}× |")
        print(f"| (for the gap) check + import | {best['total']:.3f} | calamine read + that raw "
              f"insert | {best['read'] + best['required']:.3f} | "
              f"{best['total'] / (best['read'] + best['required']):.2f}× |")
        print(f"| (stricter) check + import | {best['total']:.3f} | calamine read + raw multi-row "
              f"INSERT of the members | {best['read'] + best['multirow']:.3f} | "
              f"{best['total'] / (best['read'] + best['multirow']):.2f}× |")
        print(f"| check + import, CPU seconds of the process | {best['cpu']:.3f} | the floor's CPU "
              f"seconds | {best['floor_cpu']:.3f} | {best['cpu'] / best['floor_cpu']:.2f}× |")
        print(f"| second import of the same file (all unchanged) | {best['again']:.3f} | | | |")
        print(f"| (side by side) openpyxl read-only bare read | {best['read_openpyxl']:.3f} | "
              f"calamine bare read | {best['read']:.3f} | "
              f"{best['read_openpyxl'] / best['read']:.1f}× |")
        print(f"\nEach run's check + import (s): {', '.join(f'{t:.3f}' for t in RUNS[count])}")
    if 10_000 in results:
        small = results[10_000]
        ratio = small["total"] / small["floor"]
        print(f"\n10,000 rows: check + import {small['total']:.2f} s = {ratio:.2f}× the floor "
              f"(target ≤ 1.5×): {'PASS' if ratio <= 1.5 else 'FAIL'}; in CPU seconds "
              f"{small['cpu']:.2f} = {small['cpu'] / small['floor_cpu']:.2f}× the floor's")
        if 100_000 in results:
            big = results[100_000]["total"] / small["total"]
            print(f"100,000 rows: {results[100_000]['total']:.2f} s = {big:.1f}× the 10,000-row "
                  f"time (target ≤ 10×): {'PASS' if big <= 10 else 'FAIL'}; in CPU seconds "
                  f"{results[100_000]['cpu'] / small['cpu']:.1f}×; the medians of the runs "
                  f"{median(RUNS[100_000]):.2f} ÷ {median(RUNS[10_000]):.3f} s = "
                  f"{median(RUNS[100_000]) / median(RUNS[10_000]):.1f}×")
            rounds = [b / a for a, b in zip(RUNS[10_000], RUNS[100_000])]
            print(f"Each round's ratio (its 10,000- and 100,000-row runs one after the other): "
                  f"{', '.join(f'{r:.2f}' for r in rounds)}; median {median(rounds):.2f}×, "
                  f"{sum(r <= 10 for r in rounds)} of {len(rounds)} rounds ≤ 10×")


if __name__ == "__main__":
    main()
