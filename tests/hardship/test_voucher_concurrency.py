"""Two processes issuing voucher numbers against the same database: no duplicates, no gaps.
(SQLite: BEGIN IMMEDIATE; PostgreSQL: the write transactions' advisory lock.)"""
import multiprocessing

import pytest

from hardship_helpers import issue_payments_in_process
from union_desk.services.hardship.voucher_numbers import format_voucher_no

PER_PROCESS = 50

pytestmark = pytest.mark.both_engines


def test_two_processes_never_duplicate_or_skip(db, db_engine, request, people):
    # the same database by its file or its URL
    where = request.getfixturevalue("pg_url" if db_engine == "postgresql" else "db_path")
    member_id = people["张三"].id
    db.close()  # only the two workers write
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=issue_payments_in_process,
                           args=(str(where), member_id, PER_PROCESS, barrier, results))
               for _ in range(2)]
    for w in workers:
        w.start()
    got = [results.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    for numbers in got:
        assert len(numbers) == PER_PROCESS and numbers == sorted(numbers)
    every = sorted(got[0] + got[1])
    assert every == [format_voucher_no("大洋镇", 2021, n) for n in range(1, 2 * PER_PROCESS + 1)]
    # both writers really interleaved (otherwise the test proves nothing about concurrency)
    assert got[0] != every[:PER_PROCESS] or got[1] != every[PER_PROCESS:]
