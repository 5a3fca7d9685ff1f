"""`union-desk demo --members N` timed (issue 13: ≤ 60 s at 1,000,000 members), on SQLite and on
PostgreSQL, beside a floor measured in the same run.

    python benchmarks/bench_demo.py --members 1000000 [--engine sqlite|postgresql|both] [--runs 1]

The app: the command itself, in a subprocess, making a new SQLite file (under a temporary folder)
or filling a new database of a throw-away PostgreSQL server (tests/postgres_server.py, fsync off
as the tests run it). Wall-clock; CPU seconds — the command's user + system, and on PostgreSQL
the server's processes' too; the load average (1 minute) at the start and at the end.

The floor, in this process, same engine, same run: the same members and 入会 events (made by
services/demo/people.py: "build", Python only, timed by itself) written by the bare driver into a
new database at head, one transaction — sqlite3's executemany / psycopg's COPY into the two
tables with their secondary indexes (SQLite: and the digits triggers; PostgreSQL: and the foreign
keys) dropped, then all of them made again and (SQLite) the digits index filled: what any way of
loading these rows has to do ("write"). Not in the floor: the app's start and migration, the unions, and the other areas'
demo (335 households, their visits and payments through the services: a few seconds whatever N).
Ratio: the app's wall-clock / (build + write).

Prints Markdown (nothing is written into RESULTS.md: the figures are copied there by hand, with
the load beside them).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

TABLES = ("member", "member_event")


def _load() -> float:
    return os.getloadavg()[0]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _server_cpu(server) -> float:
    """CPU seconds of a PostgreSQL server so far: the postmaster with its finished children,
    and its live children (backends, checkpointer, WAL writer, autovacuum)."""
    if server is None:
        return 0.0
    postmaster = int((server.dir / "data" / "postmaster.pid").read_text().split()[0])
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == postmaster:
            total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
        elif int(fields[1]) == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def run_app(members: int, target: str, server=None) -> dict:
    """`union-desk --db TARGET demo --members N`, timed."""
    load, cpu, server_cpu = _load(), _children_cpu(), _server_cpu(server)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "union_desk", "--db", target, "demo", "--members",
                    str(members)], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - start
    time.sleep(0.5)  # the server's backend has ended and been counted
    return dict(wall=wall, cpu=_children_cpu() - cpu, server_cpu=_server_cpu(server) - server_cpu,
                load=(load, _load()))


class Stopwatch:
    def __init__(self):
        self.wall = self.cpu = 0.0

    @contextmanager
    def timing(self):
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.wall += time.perf_counter() - wall
        self.cpu += time.process_time() - cpu


def _prepare(where) -> tuple[list[dict], str]:
    """A new database at head, set up (大洋镇), holding the demo's unions."""
    from union_desk.db import open_database
    from union_desk.models.base import utcnow
    from union_desk.services.demo import roster
    from union_desk.services.settings import set_up

    db = open_database(where)
    try:
        with db.session(write=True) as s:
            set_up(s, township="DY", clerk="示例经办人")
            now = utcnow()
            unions = roster._unions(s, random.Random(1), 1_000_000, dict(
                township="DY", created_at=now, updated_at=now, deleted_at=None))
    finally:
        db.close()
    return unions, "DY"


def _rows(members: int, unions: list[dict], build: Stopwatch):
    """The demo's member and event rows, chunk by chunk (their making timed by `build`)."""
    from union_desk.models.base import new_ids, utcnow
    from union_desk.services.demo import roster
    from union_desk.services.demo.people import MemberRows

    with build.timing():
        people = MemberRows(random.Random(2021), township="DY", unions=unions, now=utcnow(),
                            card_no=roster.card_no)
        member_ids, event_ids = sorted(new_ids(members)), sorted(new_ids(members))
    for start in range(0, members, roster.CHUNK):
        with build.timing():
            chunk = people.chunk(member_ids[start:start + roster.CHUNK], start)
            events = people.events(event_ids[start:start + roster.CHUNK], chunk)
        yield chunk, events


def sqlite_floor(members: int, path: Path) -> dict:
    from union_desk.dialect_bulk import BULK_CACHE_KIB
    from union_desk.services.demo.people import EVENT_COLUMNS, MEMBER_COLUMNS

    unions, _ = _prepare(path)
    build, write = Stopwatch(), Stopwatch()
    load = _load()
    conn = sqlite3.connect(path, isolation_level=None)
    with write.timing():
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                       f"cache_size=-{BULK_CACHE_KIB}"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN IMMEDIATE")
        made = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (?, ?) AND "
            "type IN ('index', 'trigger') AND sql IS NOT NULL", TABLES).fetchall()
        for kind, name, _sql in made:
            conn.execute(f'DROP {kind} "{name}"')
        insert = {table: f'INSERT INTO {table} ({", ".join(map(_quoted, columns))}) VALUES '
                         f'({", ".join("?" * len(columns))})'
                  for table, columns in zip(TABLES, (MEMBER_COLUMNS, EVENT_COLUMNS))}
    for chunk, events in _rows(members, unions, build):
        with write.timing():
            conn.executemany(insert["member"], chunk)
            conn.executemany(insert["member_event"], events)
    with write.timing():
        for _kind, _name, sql in made:
            conn.execute(sql)
        conn.execute("INSERT INTO member_digits (rowid, numbers) SELECT rowid, "
                     "id_number || ' ' || phone FROM member ORDER BY rowid")
        conn.execute("COMMIT")
        conn.close()
    return dict(build=build, write=write, server_cpu=0.0, load=(load, _load()))


def _quoted(name: str) -> str:
    return f'"{name}"'


def postgresql_floor(members: int, server, dbname: str) -> dict:
    import psycopg

    from union_desk.dialect_bulk import SORT_MEMORY
    from union_desk.services.demo.people import EVENT_COLUMNS, MEMBER_COLUMNS

    unions, _ = _prepare(server.url(dbname))
    build, write = Stopwatch(), Stopwatch()
    load, server_cpu = _load(), _server_cpu(server)
    with psycopg.connect(f"host={server.host} port={server.port} user={server.superuser} "
                         f"dbname={dbname}") as conn, conn.cursor() as cursor:
        with write.timing():
            made = cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND "
                "indexname NOT IN (SELECT conname FROM pg_constraint)", (list(TABLES),)).fetchall()
            keys = cursor.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
                (list(TABLES),)).fetchall()
            for name, _sql in made:
                cursor.execute(f'DROP INDEX "{name}"')
            for table, name, _sql in keys:
                cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        copies = {table: f'COPY {table} ({", ".join(map(_quoted, columns))}) FROM STDIN'
                  for table, columns in zip(TABLES, (MEMBER_COLUMNS, EVENT_COLUMNS))}
        for chunk, events in _rows(members, unions, build):
            with write.timing():
                for table, rows in (("member", chunk), ("member_event", events)):
                    with cursor.copy(copies[table]) as copy:
                        for row in rows:
                            copy.write_row(row)
        with write.timing():
            cursor.execute(f"SET LOCAL maintenance_work_mem = '{SORT_MEMORY}'")
            for _name, sql in made:
                cursor.execute(sql)
            for table, name, sql in keys:
                cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {sql}')
            conn.commit()
    time.sleep(0.5)
    return dict(build=build, write=write, server_cpu=_server_cpu(server) - server_cpu,
                load=(load, _load()))


def _line(engine: str, members: int, app: dict, floor: dict, size_mb: float) -> str:
    build, write = floor["build"], floor["write"]
    floor_wall = build.wall + write.wall
    server = " + server {:.1f}".format(app["server_cpu"]) if engine == "PostgreSQL" else ""
    floor_server = " + server {:.1f}".format(floor["server_cpu"]) if engine == "PostgreSQL" \
        else ""
    return (f"| {engine} | {members:,} | {app['wall']:.1f} s (CPU {app['cpu']:.1f}{server}) "
            f"| {app['load'][0]:.1f}–{app['load'][1]:.1f} "
            f"| {build.wall:.1f} s (CPU {build.cpu:.1f}) "
            f"| {write.wall:.1f} s (CPU {write.cpu:.1f}{floor_server}) "
            f"| {floor['load'][0]:.1f}–{floor['load'][1]:.1f} "
            f"| {app['wall'] / floor_wall:.2f}× | {size_mb:,.0f} MB |")


HEADER = ("| engine | members | `demo --members N`: wall (CPU s) | load | floor: build rows "
          "(CPU s) | floor: bare driver write (CPU s) | load | ratio app / (build + write) "
          "| database |\n|---|---:|---:|---|---:|---:|---|---:|---:|")


def bench_sqlite(members: int, folder: Path) -> str:
    target = folder / "demo.sqlite3"
    app = run_app(members, str(target))
    size = target.stat().st_size / 2**20
    target.unlink()
    floor = sqlite_floor(members, folder / "floor.sqlite3")
    (folder / "floor.sqlite3").unlink()
    return _line("SQLite", members, app, floor, size)


def bench_postgresql(members: int) -> str:
    from postgres_server import PostgresServer, wait_until_accepting

    server = PostgresServer().start()
    try:
        wait_until_accepting(server)
        with server.admin() as conn:
            conn.exec_driver_sql("CREATE DATABASE ud_demo")
            conn.exec_driver_sql("CREATE DATABASE ud_floor")
        app = run_app(members, server.url("ud_demo"), server)
        with server.admin() as conn:
            size = conn.exec_driver_sql("SELECT pg_database_size('ud_demo')").scalar_one()
            conn.exec_driver_sql("DROP DATABASE ud_demo")
        floor = postgresql_floor(members, server, "ud_floor")
    finally:
        server.stop()
    return _line("PostgreSQL", members, app, floor, size / 2**20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--engine", choices=["sqlite", "postgresql", "both"], default="sqlite")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"Command: `python benchmarks/bench_demo.py --members {args.members} "
          f"--engine {args.engine} --runs {args.runs}` — {date.today()}, {os.cpu_count()} "
          f"cores shared, load at the start {_load():.1f}\n")
    print(HEADER, flush=True)
    for _run in range(args.runs):
        if args.engine in ("sqlite", "both"):
            with tempfile.TemporaryDirectory(prefix="ud-demo-") as folder:
                print(bench_sqlite(args.members, Path(folder)), flush=True)
        if args.engine in ("postgresql", "both"):
            print(bench_postgresql(args.members), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
