"""Excel rosters of 10,000 and 100,000 rows checked and imported, beside the bare floors.

    python benchmarks/bench_roster_import.py [--rows 10000 100000] [--repeat 3]

Floors measured in the same run on the same file and rows: the bare read of every cell by the
app's reader (python-calamine) and, side by side, by openpyxl's read-only mode (the reader the
imports used before); and raw `sqlite3.executemany` insert of the same member rows into a freshly
migrated database (same table and indexes, one transaction, the app's connection settings).
Beside it, for what the gap is made of, the raw insert of everything the house rules make an
import write: the members, their history events and an audit entry for each of both (with
JSON of the same size as the app's); and the same member rows as raw multi-row INSERTs (the
form the app's bulk writes take: a stricter floor since the search trigger of migration 0017).  Each figure is the best of --repeat runs (one run for
files over 50,000 rows), each on a fresh database and with the pinyin caches emptied (a
clerk's import spells names it has not seen; pypinyin's one-time load is timed apart).
Targets (issue 11): 10,000 rows check + import ≤ 1.5 × (calamine read + raw insert); 100,000
rows ≤ 10 × the 10,000-row time.  Prints Markdown tables, wall-clock seconds (and the
process's CPU seconds of check + import, less sensitive to other work on the machine).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from make_roster_xlsx import make_rows, write_roster
from openpyxl import load_workbook

from union_desk.db import open_database
from union_desk.domain import pinyin
from union_desk.models.base import new_id, new_ids, utcnow
from union_desk.services.roster.importer import check_roster_file, commit_roster_import
from union_desk.services.common.bulk import cache_kib
from union_desk.services.settings import set_up

TARGET_S = 5.0


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
    with db.session() as s:  # as the CLI and the window: check outside the write transaction
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


def measure(folder: Path, count: int, repeat: int) -> tuple[dict[str, float], dict]:
    path = write_roster(folder / f"roster{count}.xlsx", make_rows(count))
    best: dict[str, float] = {}
    report: dict = {}
    for i in range(repeat):
        timings = {"read_openpyxl": floor_read(path)}
        timings["read"], timings["read_cpu"] = floor_read_calamine(path)
        db = fresh_db(folder, f"app{count}-{i}")
        app, report = app_import(db, path)
        timings.update(app)
        start = time.perf_counter()
        with db.session() as s:
            plan = check_roster_file(s, path=path)
        with db.session(write=True) as s:
            again = commit_roster_import(s, plan=plan).to_json()
        timings["again"] = time.perf_counter() - start
        assert again["new"] == 0 and again["unchanged"] == report["new"], again
        rows = [c.fields for c in plan.candidates]
        db.close()
        timings["insert"], timings["insert_cpu"] = floor_insert(fresh_db(folder, f"raw{count}-{i}"),
                                                                rows)
        timings["required"] = floor_required(fresh_db(folder, f"req{count}-{i}"), rows)
        timings["multirow"] = floor_insert_multirow(fresh_db(folder, f"multi{count}-{i}"), rows)
        for name in os.listdir(folder):
            if name.endswith((".sqlite3", "-wal", "-shm")):  # ~1 GB at 100,000 rows
                os.remove(folder / name)
        timings["total"] = timings["check"] + timings["commit"]
        timings["floor"] = timings["read"] + timings["insert"]
        timings["floor_cpu"] = timings["read_cpu"] + timings["insert_cpu"]
        for key, value in timings.items():
            best[key] = min(best.get(key, value), value)
    assert report["new"] == count and not report["rejected"], report
    return best, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = {}
    load = pinyin_load()
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.rows:
            results[count] = measure(Path(tmp), count, args.repeat if count <= 50_000 else 1)[0]
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; pypinyin's one-time "
          f"load (first name spelled in a process): {load:.3f} s")
    for count, best in results.items():
        runs = args.repeat if count <= 50_000 else 1
        print(f"\nRoster import, {count:,} rows (best of {runs})\n")
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
                  f"{results[100_000]['cpu'] / small['cpu']:.1f}×")


if __name__ == "__main__":
    main()
