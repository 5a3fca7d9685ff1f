"""Household search at 20,000 household files (target ≤ 50 ms per keystroke: the first page of
rows and the total count), beside the bare floor of the same SELECT run through raw `sqlite3`.

The files are made in bulk (Core inserts) on a temp database: demo members, one household each.
Best of 5 per query.

    python benchmarks/bench_household_search.py [--households 20000]

Prints Markdown table rows:
| query | households | rows | union_desk ms | bare ms | ratio | target |
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

TARGET_MS = 50.0
PAGE = 50


def build(path: Path, households: int) -> None:
    import sqlalchemy as sa

    from union_desk.db import open_database
    from union_desk.models.base import new_id, utcnow
    from union_desk.models.hardship import Household, HouseholdPerson
    from union_desk.models.member import Member
    from union_desk.services.demo import roster as demo_roster
    from union_desk.services.settings import set_up

    db = open_database(path)
    rng = random.Random(7)
    with db.session(write=True) as s:
        set_up(s, township="DY", clerk="王晓燕")
        demo_roster.populate(s, rng=rng, size=households)
        members = s.execute(sa.select(Member.id, Member.name, Member.id_number)).all()
        now = utcnow()
        stamp = dict(township="DY", created_at=now, updated_at=now, deleted_at=None)
        rows, persons = [], []
        for member_id, name, id_number in members:
            hid = new_id()
            income = rng.randrange(30_000, 160_000)
            rows.append(dict(stamp, id=hid, member_id=member_id,
                             category=rng.choice(["深度困难", "相对困难", "意外致困"]),
                             suggested_category=None, category_reason="", main_cause="疾病",
                             secondary_causes="", cause_detail="", health_status="",
                             disability_type="", work_status="", housing="", bank_name="",
                             bank_account="", built_by="", checked_by="", entered_by="",
                             reviewed_on=date(2021, 1, 1 + rng.randrange(28)),
                             status=rng.choice(["在档", "在档", "在档", "脱困"]),
                             status_date=None, person_count=1, income_total_fen=income,
                             income_per_head_fen=income))
            persons.append(dict(stamp, id=new_id(), household_id=hid, name=name, relation="本人",
                                id_number=id_number, birth_date=None, monthly_income_fen=income,
                                health="", school=""))
        s.execute(sa.insert(Household), rows)
        s.execute(sa.insert(HouseholdPerson), persons)
    db.close()


def best_of(fn, n: int = 5) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=20_000)
    args = parser.parse_args()
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from union_desk.db import open_database
    from union_desk.models.hardship import HouseholdStatus
    from union_desk.services.hardship.household_search import (
        HouseholdFilter, count_households, count_query, page_query, search_households,
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        build(path, args.households)
        db = open_database(path)
        raw = sqlite3.connect(path)
        with db.session() as s:
            sample = search_households(s, limit=1)[0]
        queries = {
            "name, 1 character": HouseholdFilter(text=sample.member_name[0]),
            "pinyin initials": HouseholdFilter(text="zh"),
            "ID digits": HouseholdFilter(text=sample.member_id_number[-6:]),
            "status 在档 + name": HouseholdFilter(text=sample.member_name[:2],
                                                  status=HouseholdStatus.ON_FILE),
            "no text (first page)": HouseholdFilter(),
        }
        print("| query | households | rows | union_desk ms | bare ms | ratio | target |")
        print("|---|---|---|---|---|---|---|")
        for label, flt in queries.items():
            def ours():
                with db.session() as s:
                    return (search_households(s, flt=flt, limit=PAGE),
                            count_households(s, flt=flt))

            sqls = [str(q.compile(dialect=sqlite_dialect.dialect(),
                                  compile_kwargs={"literal_binds": True}))
                    for q in (page_query(flt, limit=PAGE), count_query(flt))]

            def bare():
                return [raw.execute(sql).fetchall() for sql in sqls]

            ms, (rows, total) = best_of(ours)
            bare_ms, _ = best_of(bare)
            ok = "ok" if ms <= TARGET_MS else "SLOW"
            print(f"| {label} | {args.households} | {total} | {ms:.1f} | {bare_ms:.1f} | "
                  f"{ms / bare_ms:.1f}× | ≤ {TARGET_MS:.0f} ms {ok} |")
        raw.close()
        db.close()


if __name__ == "__main__":
    main()
