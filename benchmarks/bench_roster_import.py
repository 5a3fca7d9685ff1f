"""Excel rosters of 10,000 and 100,000 rows checked and imported, beside the bare floors.

    python benchmarks/bench_roster_import.py [--rows 10000 100000] [--repeat 3]

Floors measured in the same run on the same file and rows: the bare read of every cell by the
app's reader (python-calamine) and, side by side, by openpyxl's read-only mode (the reader the
imports used before); and raw `sqlite3.executemany` insert of the same member rows into a freshly
migrated database (same table and indexes, one transaction).  Each figure is the best of
--repeat runs (one run for files over 50,000 rows), each on a fresh database.  Targets (issue
11): 10,000 rows check + import ≤ 1.5 × (calamine read + raw insert); 100,000 rows ≤ 10 × the
10,000-row time.  Prints Markdown tables.
"""
from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from make_roster_xlsx import make_rows, write_roster
from openpyxl import load_workbook

from union_desk.db import open_database
from union_desk.models.base import new_id, utcnow
from union_desk.services.roster.importer import check_roster_file, commit_roster_import
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


def floor_read_calamine(path: Path) -> float:
    """python-calamine, every cell as Python values (the app's reader, bare)."""
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    book = CalamineWorkbook.from_path(str(path))
    cells = sum(len(row) for row in book.get_sheet_by_index(0).iter_rows())
    book.close()
    assert cells > 0
    return time.perf_counter() - start


def app_import(db, path: Path) -> tuple[float, float, dict]:
    start = time.perf_counter()
    with db.session() as s:  # as the CLI and the window: check outside the write transaction
        plan = check_roster_file(s, path=path)
    checked = time.perf_counter()
    with db.session(write=True) as s:
        report = commit_roster_import(s, plan=plan)
    done = time.perf_counter()
    return checked - start, done - checked, report.to_json()


def floor_insert(db, rows: list[dict]) -> float:
    """Raw sqlite3: the same member rows into the same (empty, indexed) table."""
    db.close()
    con = sqlite3.connect(db.path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    union_id = con.execute("SELECT id FROM grassroots_union LIMIT 1").fetchone()
    if union_id is None:
        union_id = (new_id(),)
        con.execute("INSERT INTO grassroots_union (id, township, created_at, updated_at, name,"
                    " credit_code, chair, phone, status, closed_reason)"
                    " VALUES (?, 'DY', '2021-01-01', '2021-01-01', '基准工会', '', '', '', '在册', '')",
                    union_id)
    now = utcnow().replace(tzinfo=None).isoformat(sep=" ")
    columns = ["id", "township", "created_at", "updated_at", "name", "id_number", "phone",
               "ethnicity", "employer", "union_id", "join_date", "card_no", "is_migrant",
               "hukou_type", "gender", "birth_date", "status", "status_date", "name_key",
               "py_initials", "py_full"]
    params = [(new_id(), "DY", now, now, r["name"], r["id_number"], r["phone"], r["ethnicity"],
               r["employer"], union_id[0], str(r["join_date"]), r["card_no"], int(r["is_migrant"]),
               r["hukou_type"], r["gender"], str(r["birth_date"]), "在册", str(r["join_date"]),
               r["name_key"], r["py_initials"], r["py_full"]) for r in rows]
    sql = f"INSERT INTO member ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    start = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.executemany(sql, params)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def measure(folder: Path, count: int, repeat: int) -> tuple[dict[str, float], dict]:
    path = write_roster(folder / f"roster{count}.xlsx", make_rows(count))
    best: dict[str, float] = {}
    report: dict = {}
    for i in range(repeat):
        timings = {"read": floor_read_calamine(path), "read_openpyxl": floor_read(path)}
        db = fresh_db(folder, f"app{count}-{i}")
        timings["check"], timings["commit"], report = app_import(db, path)
        start = time.perf_counter()
        with db.session() as s:
            plan = check_roster_file(s, path=path)
        with db.session(write=True) as s:
            again = commit_roster_import(s, plan=plan).to_json()
        timings["again"] = time.perf_counter() - start
        assert again["new"] == 0 and again["unchanged"] == report["new"], again
        rows = [c.fields for c in plan.candidates]
        db.close()
        timings["insert"] = floor_insert(fresh_db(folder, f"raw{count}-{i}"), rows)
        timings["total"] = timings["check"] + timings["commit"]
        timings["floor"] = timings["read"] + timings["insert"]
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
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.rows:
            results[count] = measure(Path(tmp), count, args.repeat if count <= 50_000 else 1)[0]
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
        print(f"| second import of the same file (all unchanged) | {best['again']:.3f} | | | |")
        print(f"| (side by side) openpyxl read-only bare read | {best['read_openpyxl']:.3f} | "
              f"calamine bare read | {best['read']:.3f} | "
              f"{best['read_openpyxl'] / best['read']:.1f}× |")
    if 10_000 in results:
        small = results[10_000]
        ratio = small["total"] / small["floor"]
        print(f"\n10,000 rows: check + import {small['total']:.2f} s = {ratio:.2f}× the floor "
              f"(target ≤ 1.5×): {'PASS' if ratio <= 1.5 else 'FAIL'}")
        if 100_000 in results:
            big = results[100_000]["total"] / small["total"]
            print(f"100,000 rows: {results[100_000]['total']:.2f} s = {big:.1f}× the 10,000-row "
                  f"time (target ≤ 10×): {'PASS' if big <= 10 else 'FAIL'}")


if __name__ == "__main__":
    main()
