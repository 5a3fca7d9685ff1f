"""Several staff at the city office at once, each desk with its own connection to the same city
database (threads here, processes in the last test). On PostgreSQL a merge holds its township's
lock, not the database's: a merge of another township, or a reviewer's work, goes on beside it.
On SQLite one writer at a time: the second waits, and still nothing is lost."""
import json
import multiprocessing
import threading
import time

import pytest
import sqlalchemy as sa

from exchange_helpers import add_member, add_union, export, make_id, populate
from union_desk.db import open_database
from union_desk.models.exchange import MergeOutcome, MergeRecord, ReviewStatus
from union_desk.services.exchange.merge import merge_package

pytestmark = pytest.mark.both_engines  # the city database on SQLite and on PostgreSQL

WAIT_S = 60


class Paused:
    """A merge that stops inside its write transaction (after its first table) until released."""

    def __init__(self, db, path):
        self.inside, self.release = threading.Event(), threading.Event()
        self.result = None
        self.error = None

        def progress(_done, _total):
            if not self.inside.is_set():
                self.inside.set()
                assert self.release.wait(WAIT_S), "never released"

        def run():
            try:
                self.result = merge_package(db, path, progress=progress)
            except BaseException as err:  # noqa: BLE001 - shown by the test
                self.error = err
                self.inside.set()

        self.thread = threading.Thread(target=run)
        self.thread.start()
        assert self.inside.wait(WAIT_S)
        assert self.error is None, self.error

    def finish(self):
        self.release.set()
        self.thread.join(WAIT_S)
        assert self.error is None, self.error
        return self.result


def in_thread(work):
    box = {}
    thread = threading.Thread(target=lambda: box.update(value=work()))
    thread.start()
    return thread, box


def desk(city_db):
    """Another desk: its own connection pool to the same city database."""
    return open_database(city_db.location)


def waiting_for_a_lock(city_db) -> bool:
    """PostgreSQL: some session waits for an advisory lock."""
    with city_db.engine.connect() as conn:
        return bool(conn.exec_driver_sql(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        ).scalar_one())


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def history(city_db) -> list[MergeRecord]:
    with city_db.session() as s:
        return s.execute(sa.select(MergeRecord).order_by(MergeRecord.created_at)).scalars().all()


def test_two_townships_merged_at_two_desks_at_once_both_land(city, township, tmp_path,
                                                              db_engine):
    city_db, _ = city
    dy_pkg = export(_town(township, "DY", 1), tmp_path / "dy.udx").path
    qt_pkg = export(_town(township, "QT", 100), tmp_path / "qt.udx").path
    second = desk(city_db)
    try:
        if db_engine == "postgresql":
            # Given desk 1's merge of 大洋镇 is inside its write transaction
            one = Paused(city_db, dy_pkg)
            # When desk 2 merges 乾潭镇 meanwhile: it is not held up by the other township
            other = merge_package(second, qt_pkg)
            assert other.outcome == MergeOutcome.MERGED and other.counts["member"].new == 4
            first = one.finish()
        else:
            # SQLite: one writer at a time; both started together, the later one waits
            t1, r1 = in_thread(lambda: merge_package(city_db, dy_pkg))
            t2, r2 = in_thread(lambda: merge_package(second, qt_pkg))
            for t in (t1, t2):
                t.join(WAIT_S)
            first, other = r1["value"], r2["value"]
    finally:
        second.close()
    # Then both landed, each with its history line
    assert first.outcome == other.outcome == MergeOutcome.MERGED
    assert first.counts["member"].new == 4 and other.counts["member"].new == 4
    with city_db.engine.connect() as conn:
        per_town = dict(conn.execute(sa.text(
            "SELECT township, count(*) FROM member GROUP BY township")).all())
    assert per_town == {"DY": 4, "QT": 4}
    assert sorted(h.source_township for h in history(city_db)) == ["DY", "QT"]


def _town(township, code, first_serial):
    db = township(code, f"{code}-desk.sqlite3")
    populate(db, members=4, first_serial=first_serial)
    return db


def test_the_same_package_from_two_desks_at_once_lands_once(city, township, tmp_path, db_engine):
    city_db, _ = city
    pkg = export(_town(township, "DY", 1), tmp_path / "dy.udx").path
    second = desk(city_db)
    try:
        # Given desk 1 is writing the package
        one = Paused(city_db, pkg)
        # When desk 2 merges the same file: it waits for the township, then finds it merged
        t2, r2 = in_thread(lambda: merge_package(second, pkg))
        if db_engine == "postgresql":
            wait_until(lambda: waiting_for_a_lock(city_db), "desk 2 never waited for the lock")
        else:
            time.sleep(0.5)  # desk 2 reads the package, then waits for SQLite's write lock
        assert t2.is_alive()
        first = one.finish()
        t2.join(WAIT_S)
        again = r2["value"]
    finally:
        second.close()
    # Then the rows landed once; the history shows one merge and one "already merged"
    assert first.outcome == MergeOutcome.MERGED and first.counts["member"].new == 4
    assert again.outcome == MergeOutcome.MERGED and "合并过" in again.reason
    assert sum(c.new + c.updated for c in again.counts.values()) == 0
    lines = history(city_db)
    assert len(lines) == 2
    assert [json.loads(h.counts)["member"]["new"] for h in lines] == [4, 0]
    assert "合并过" in lines[1].reason and not lines[0].reason
    with city_db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM member")).scalar_one() == 4


def test_a_reviewer_resolving_while_a_merge_runs_loses_nothing(city, township, tmp_path,
                                                               db_engine):
    from union_desk.services.exchange.review import list_review, resolve_review

    city_db, _ = city
    # Given 大洋镇 and 乾潭镇 both list one person: a review item
    dy, qt = township("DY"), township("QT")
    populate(dy, members=2, first_serial=1)
    populate(qt, members=2, first_serial=2)
    export(dy, tmp_path / "dy.udx")
    export(qt, tmp_path / "qt.udx")
    for name in ("dy.udx", "qt.udx"):
        assert merge_package(city_db, tmp_path / name).ok
    with city_db.session() as s:
        items = list_review(s)
    assert len(items) == 1
    # and 下涯镇's package, which lists 乾潭镇's other member too (a new item), is being merged
    xy = township("XY")
    with xy.session(write=True) as s:
        add_member(s, add_union(s), "会员1", make_id(3))
    export(xy, tmp_path / "xy.udx")
    reviewer = desk(city_db)
    try:
        if db_engine == "postgresql":
            merging = Paused(city_db, tmp_path / "xy.udx")
            # When a reviewer resolves the first item meanwhile: done at once
            with reviewer.session(write=True) as s:
                resolve_review(s, item_id=items[0].id, reason="已核实，乾潭镇漏办转出")
            merged = merging.finish()
        else:
            t1, r1 = in_thread(lambda: merge_package(city_db, tmp_path / "xy.udx"))
            with reviewer.session(write=True) as s:
                resolve_review(s, item_id=items[0].id, reason="已核实，乾潭镇漏办转出")
            t1.join(WAIT_S)
            merged = r1["value"]
    finally:
        reviewer.close()
    # Then the resolution stands, the merge landed, and its new item is on the list
    assert merged.outcome == MergeOutcome.MERGED and merged.counts["member"].new == 1
    with city_db.session() as s:
        every = {r.id: r for r in list_review(s, include_resolved=True)}
    assert every[items[0].id].status == ReviewStatus.RESOLVED
    assert every[items[0].id].resolution == "已核实，乾潭镇漏办转出"
    assert every[items[0].id].resolved_by == "市总会计"
    [new] = [r for r in every.values() if r.id != items[0].id]
    assert "下涯镇" in new.summary and new.status == ReviewStatus.OPEN
    assert merged.review_items == 1


def merge_in_process(where: str, paths: list[str], barrier, results) -> None:
    from union_desk.db import open_database
    from union_desk.services.exchange.merge import merge_packages

    db = open_database(where)
    barrier.wait(WAIT_S)
    for r in merge_packages(db, paths):
        results.put((r.outcome.value, r.reason, r.counts["member"].new))
    db.close()


def test_two_processes_merging_the_same_packages_write_each_once(city, township, tmp_path):
    """Two desks (processes) merge 大洋镇's and 乾潭镇's packages, started together, in opposite
    orders: each package is merged by both, at about the same time."""
    city_db, _ = city
    paths = [str(export(_town(township, code, n), tmp_path / f"{code}.udx").path)
             for code, n in (("DY", 1), ("QT", 100))]
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [ctx.Process(target=merge_in_process,
                           args=(str(city_db.location), order, barrier, results))
               for order in (paths, paths[::-1])]
    for w in workers:
        w.start()
    got = [results.get(timeout=120) for _ in range(4)]
    for w in workers:
        w.join(WAIT_S)
        assert w.exitcode == 0
    assert sorted(new for _, _, new in got) == [0, 0, 4, 4]
    assert all(outcome == "已合并" for outcome, _, _ in got)
    assert sum("合并过" in reason for _, reason, _ in got) == 2
    with city_db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM member")).scalar_one() == 8
    assert city_db.check() == []
