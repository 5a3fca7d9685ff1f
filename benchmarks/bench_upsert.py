"""dialect.upsert on SQLite and on PostgreSQL: N member rows (the demo roster's) written into a
set-up database — new, the same again, then all newer — beside the floors of the same run:
SQLAlchemy Core insert() of the same rows, and on PostgreSQL also COPY.

The PostgreSQL server is a throw-away one (tests/postgres_server.py), on this machine. Median of
--runs runs; each run starts from an empty member table.

    python benchmarks/bench_upsert.py [--members 10000] [--runs 3]

Prints Markdown table rows: | engine | measure | rows written | seconds | rows/s |
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def demo_rows(members: int) -> tuple[list[dict], list[dict]]:
    """(union rows, member rows) of the demo roster, as dicts by column name."""
    import sqlalchemy as sa

    from union_desk.db import open_database
    from union_desk.models.member import Member
    from union_desk.models.union import GrassrootsUnion
    from union_desk.services.demo import roster
    from union_desk.services.settings import set_up

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "source.sqlite3")
        with db.session(write=True) as s:
            set_up(s, township="DY", clerk="王晓燕")
            roster.populate(s, rng=random.Random(7), size=members)
        with db.session() as s:
            unions = [dict(r._mapping) for r in s.execute(sa.select(GrassrootsUnion.__table__))]
            rows = [dict(r._mapping) for r in s.execute(sa.select(Member.__table__))]
        db.close()
    return unions, rows


def measure(db, unions: list[dict], rows: list[dict], runs: int, copy: bool) -> list[tuple]:
    import sqlalchemy as sa

    from union_desk.dialect import upsert
    from union_desk.models.member import Member, MemberEvent
    from union_desk.models.union import GrassrootsUnion

    member = Member.__table__
    newer = [dict(r, updated_at=r["updated_at"] + timedelta(seconds=1), phone="13900000000")
             for r in rows]
    with db.session(write=True) as s:
        upsert(s, GrassrootsUnion, unions)
    times: dict[str, list[float]] = {}
    written: dict[str, int] = {}

    def timed(name: str, work) -> None:
        with db.session(write=True) as s:
            start = time.perf_counter()
            written[name] = work(s)
            s.flush()
        times.setdefault(name, []).append(time.perf_counter() - start)

    def empty() -> None:
        with db.session(write=True) as s:
            s.execute(sa.delete(MemberEvent.__table__))
            s.execute(sa.delete(member))

    for _ in range(runs):
        empty()
        timed("floor: Core insert()", lambda s: _insert(s, member, rows))
        if copy:
            empty()
            timed("floor: COPY (psycopg write_row)", lambda s: _copy(s, member, rows))
        empty()
        timed("upsert, all new", lambda s: upsert(s, member, rows))
        timed("upsert, the same again", lambda s: upsert(s, member, rows))
        timed("upsert, all newer", lambda s: upsert(s, member, newer))
    return [(name, written[name], statistics.median(t)) for name, t in times.items()]


def _insert(session, table, rows: list[dict]) -> int:
    import sqlalchemy as sa

    session.execute(sa.insert(table), rows)
    return len(rows)


def _copy(session, table, rows: list[dict]) -> int:
    """COPY … FROM STDIN through psycopg (values adapted by psycopg, not by SQLAlchemy types:
    the UTC datetimes are made naive as UTCDateTime stores them)."""
    columns = [c.name for c in table.columns]
    raw = session.connection().connection.dbapi_connection
    with raw.cursor() as cur:
        with cur.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row([_plain(r[c]) for c in columns])
    return len(rows)


def _plain(value):
    from datetime import datetime
    from enum import Enum

    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if isinstance(value, Enum):
        return value.value
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from postgres_server import PostgresServer, wait_until_accepting

    from union_desk.db import open_database
    from union_desk.services.settings import set_up

    unions, rows = demo_rows(args.members)
    server = PostgresServer().start()
    try:
        wait_until_accepting(server)
        with server.admin() as conn:
            conn.exec_driver_sql("CREATE DATABASE ud_bench")
        with tempfile.TemporaryDirectory() as folder:
            for engine, where in (("SQLite", Path(folder) / "bench.sqlite3"),
                                  ("PostgreSQL", server.url("ud_bench"))):
                db = open_database(where)
                with db.session(write=True) as s:
                    set_up(s, township="DY", clerk="王晓燕")
                for name, count, seconds in measure(db, unions, rows, args.runs,
                                                    copy=engine == "PostgreSQL"):
                    print(f"| {engine} | {name} | {count:,} | {seconds:.2f} | "
                          f"{len(rows) / seconds:,.0f} |")
                db.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
