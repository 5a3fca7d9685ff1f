"""The exchange at city scale: 16 townships × 10,000 members (with households, payments, a bus
campaign and stations) exported, merged, merged again, and the city figures over them; beside the
floor measured in the same run: a bare SQLAlchemy Core insert of the same rows (SQLite), or COPY
of the same rows through psycopg's `cursor.copy` (PostgreSQL).

Targets (issue 8, SQLite): export of one township ≤ 2 s; merge of the 16 packages ≤ 10 s in all;
merging the same 16 again ≤ 3 s, and 16 unchanged next-month exports ≤ 3 s; city figures over the
160,000 members ≤ 1 s. Issue 9: the 16 packages merged into PostgreSQL ≤ 15 s.

    python benchmarks/bench_exchange.py [--members 10000] [--townships 16] [--keep DIR]
    python benchmarks/bench_exchange.py --postgresql     # the city on a throw-away server

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
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # postgres_server

from exchange_data import township_rows  # noqa: E402

from union_desk.domain.townships import TOWNSHIPS  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=10_000)
    ap.add_argument("--townships", type=int, default=16)
    ap.add_argument("--keep", type=Path, default=None, help="leave the files in this folder")
    ap.add_argument("--postgresql", action="store_true",
                    help="the city database on a throw-away PostgreSQL server (floor: COPY)")
    args = ap.parse_args()
    server = None
    if args.postgresql:
        from postgres_server import PostgresServer, wait_until_accepting

        server = PostgresServer().start()
        wait_until_accepting(server)
    try:
        run(args, server)
    finally:
        if server is not None:
            server.stop()


def _city_location(server, folder: Path, blank: Path, name: str):
    """A new database for the city (or the floor): a copy of the blank file, or a server's."""
    if server is None:
        shutil.copyfile(blank, folder / f"{name}.sqlite3")
        return folder / f"{name}.sqlite3"
    with server.admin() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    return server.url(name)


def run(args, server) -> None:
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

    city = open_database(_city_location(server, folder, blank, "city"))
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

    size = _size(city)
    # floor: the same rows into a fresh database, one transaction a township: bare Core inserts
    # (SQLite, with the merge's page cache), or COPY (PostgreSQL) of the very rows in the
    # server's own text form, taken from the city database with COPY … TO STDOUT beforehand
    floor_db = open_database(_city_location(server, folder, blank, "floor"))
    from union_desk.dialect_bulk import bulk_write_cache

    texts = None if server is None else [_copy_out(city, t.code) for t in towns]
    start = time.perf_counter()
    for i, rows in enumerate(all_rows):
        with floor_db.engine.begin() as conn, bulk_write_cache(conn):
            if server is None:
                rows.insert(conn)
            else:
                _copy_in(conn, texts[i])
    floor_s = time.perf_counter() - start
    floor_name = "Core insert" if server is None else "COPY"
    floor_db.close()
    city.close()

    review = sum(r.review_items for r in results)
    engine = "PostgreSQL" if server else "SQLite"
    print(f"{engine}: {len(towns)} townships × {args.members} members: {rows_total} rows, "
          f"packages {statistics.mean(sizes) / 1e6:.1f} MB each, built in {built:.0f} s; "
          f"{members_on_roll} members on roll at the city; {review} review items; "
          f"city database {size / 1e6:.0f} MB")
    print("| measure | figure | target | floor (same run) | ratio |")
    print("|---|---:|---:|---:|---:|")
    print(f"| export of one township (median of {len(exports)}) | {statistics.median(exports):.2f} s "
          f"| ≤ 2 s | — | — |")
    target = "≤ 15 s" if server else "≤ 10 s"
    print(f"| merge of {len(towns)} packages | {merge_s:.2f} s | {target} | {floor_s:.2f} s "
          f"({floor_name} of the same {rows_total} rows) | {merge_s / floor_s:.1f}× |")
    print(f"| merge of the same {len(towns)} files again | {remerge_s:.2f} s | ≤ 3 s | {floor_s:.2f} s "
          f"| {remerge_s / floor_s:.2f}× |")
    print(f"| merge of {len(towns)} new exports with nothing changed (every row's id and "
          f"timestamp compared) | {unchanged_s:.2f} s | ≤ 3 s | {floor_s:.2f} s | {unchanged_s / floor_s:.1f}× |")
    print(f"| city figures, {len(towns)} townships + total (best of 3) | {min(figures):.2f} s "
          f"| ≤ 1 s | — | — |")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_out(db, township: str) -> list[tuple[str, bytes]]:
    """(table, its rows of `township` in COPY's text format), parents first."""
    from union_desk.services.exchange.rows import merged_tables

    out = []
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        for t in merged_tables():
            columns = ", ".join(f'"{c.name}"' for c in t.c)
            with raw.cursor() as cur, cur.copy(
                    f"COPY (SELECT {columns} FROM {t.name} WHERE township = '{township}') "
                    "TO STDOUT") as copy:
                out.append((t.name, b"".join(bytes(b) for b in copy)))
    return out


def _copy_in(conn, texts: list[tuple[str, bytes]]) -> None:
    from sqlmodel import SQLModel

    raw = conn.connection.dbapi_connection
    for name, data in texts:
        columns = ", ".join(f'"{c.name}"' for c in SQLModel.metadata.tables[name].c)
        with raw.cursor() as cur, cur.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
            copy.write(data)


def _size(db) -> int:
    """The city database's size on disk (a server's pg_database_size)."""
    if db.path is not None:
        return db.path.stat().st_size
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar_one()


if __name__ == "__main__":
    main()
