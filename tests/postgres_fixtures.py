"""PostgreSQL in the tests: the server fixture, a fresh database per test, and the guard that
makes `bash test.sh` fail when the PostgreSQL tests did not run.

- `pg_server` (session): a throw-away server (postgres_server.py). If it cannot start, every test
  that needs it fails with the reason — none is skipped.
- `pg_url` (conftest.py): the URL `postgresql://postgres@127.0.0.1:PORT/ud_t_…` of a database
  at head, emptied and set up afresh for each test (one database for all of them: a test that
  changes the schema or the migration state uses `pg_empty`, a new database with nothing in it).
- `pytest_generate_tests`: a test in a module marked `both_engines` that uses `db` runs on
  'sqlite' and on 'postgresql' (marked `postgresql`), unless it drives widgets (`qtbot`) or
  needs the SQLite file (`db_path`), or is marked `sqlite_only`.
- With UNION_DESK_REQUIRE_POSTGRESQL=1 (set by `bash test.sh` when it runs the whole suite), the
  run fails unless PostgreSQL tests ran and passed and none of them was skipped.
"""
from __future__ import annotations

import itertools
import os

import pytest

from postgres_server import PostgresServer, wait_until_accepting

_numbers = itertools.count(1)
_outcomes = {"passed": 0, "failed": 0, "skipped": 0}


@pytest.fixture(scope="session")
def pg_server():
    server = PostgresServer().start()
    try:
        wait_until_accepting(server)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_database(pg_server):
    """The name of one database on the server, migrated to head, shared by the tests that use
    `pg_url` (emptied before each: a DELETE of every table takes ~30 ms, a CREATE DATABASE from a
    template ~300 ms)."""
    from union_desk.db import open_database

    name = create_database(pg_server)
    open_database(pg_server.url(name)).close()
    return name


def emptied(server: PostgresServer, name: str) -> str:
    """The URL of database `name` with every row of every table gone (the schema stays)."""
    from sqlmodel import SQLModel

    engine = server.engine(name)
    with engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):  # children before parents
            conn.execute(table.delete())
    engine.dispose()
    return server.url(name)


def create_database(server: PostgresServer) -> str:
    name = f"ud_t_{os.getpid()}_{next(_numbers)}"
    with server.admin() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    return name


def drop_database(server: PostgresServer, name: str) -> None:
    with server.admin() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_empty(pg_server):
    """(server, name of a fresh empty database): nothing migrated."""
    name = create_database(pg_server)
    yield pg_server, name
    drop_database(pg_server, name)


# -- both engines ---------------------------------------------------------------------------------

def pytest_generate_tests(metafunc):
    names = metafunc.fixturenames
    # `db`, or a fixture of a test folder that builds on `db_engine` (the exchange's `city`)
    if ("db_engine" in names and "db_path" not in names and "qtbot" not in names
            and metafunc.definition.get_closest_marker("both_engines")
            and not metafunc.definition.get_closest_marker("sqlite_only")):
        metafunc.parametrize("db_engine", ["sqlite", pytest.param(
            "postgresql", marks=pytest.mark.postgresql)], indirect=True)


# -- the guard: PostgreSQL tests ran --------------------------------------------------------------

def pytest_runtest_logreport(report):
    if "postgresql" not in report.keywords:
        return
    if report.when == "call" and report.passed:
        _outcomes["passed"] += 1
    elif report.failed:
        _outcomes["failed"] += 1
    elif report.skipped:
        _outcomes["skipped"] += 1


def _guard_problem() -> str | None:
    if not os.environ.get("UNION_DESK_REQUIRE_POSTGRESQL"):
        return None
    if _outcomes["skipped"]:
        return f"{_outcomes['skipped']} PostgreSQL test(s) were skipped: none may be"
    if not _outcomes["passed"]:
        return "no PostgreSQL test passed: the PostgreSQL part did not run"
    return None


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(
        f"PostgreSQL tests: {_outcomes['passed']} passed, {_outcomes['failed']} failed, "
        f"{_outcomes['skipped']} skipped")
    problem = _guard_problem()
    if problem:
        terminalreporter.write_line(f"FAILED (UNION_DESK_REQUIRE_POSTGRESQL): {problem}", red=True)


def pytest_sessionfinish(session, exitstatus):
    if _guard_problem() and session.exitstatus == 0:
        session.exitstatus = 1
