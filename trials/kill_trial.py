"""Kill trial: SIGKILL `union-desk` at random moments during imports, payments, backups and the
city office's merges, and check after every kill that nothing is half-done (issue 10 §3).

    python trials/kill_trial.py --runs 60                 # the long trial, by hand (minutes)
    python trials/kill_trial.py --runs 60 --report trials/RESULTS.md

Each run copies a demo database, starts one operation as a child process, kills it with SIGKILL
after a random delay drawn over the operation's measured duration (some kills land after it
finished: counted apart), then checks:
- `union-desk check` passes (integrity, foreign keys, structure);
- no half batch: the members an import adds, the payments a payment list adds, or the rows a
  township's package brings to the city database, are there all or not at all;
- the backups folder holds no file under a backup's name that is not a complete, sound copy
  (integrity_check ok, the same row counts as the database).

Operations are the entries of `operations()`; another is added by writing its `prepare` (files
it needs, its command), its `effect` (the count that must move all or nothing) and, when it does
not run on a township's file, its `database` (made once from the template) — see `Operation`.
The merge runs on a city database (`city init`) with a package exported from the demo township.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

CLI = [sys.executable, "-m", "union_desk"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def union_desk(*args, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, check=check)


def scalar(db: Path, sql: str):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@dataclass
class Operation:
    name: str
    prepare: Callable[[Path, Path], list]  # (work folder, template db) -> command arguments
    effect: Callable[[Path], int] | None  # the count that must change all or nothing
    # (work folder, template db) -> the database each run copies (default: the template)
    database: Callable[[Path, Path], Path] | None = None
    duration: float = 0.0
    full_change: int = 0
    startup: float = 0.0  # the interpreter and imports, before the operation begins

    def base(self, work: Path, template: Path) -> Path:
        return self.database(work, template) if self.database else template


# -- the operations -----------------------------------------------------------------------------

def _id_number(seq: int) -> str:
    from union_desk.domain.idcard import check_char

    first17 = f"330182{1960 + seq % 40:04d}{1 + seq % 12:02d}{1 + seq % 28:02d}{500 + seq % 499:03d}"
    return first17 + check_char(first17)


def prepare_import(work: Path, template: Path, rows: int) -> list:
    from openpyxl import Workbook

    book = work / "roster-import.xlsx"
    if not book.exists():
        unions = [r[0] for r in sqlite3.connect(template).execute(
            "SELECT name FROM grassroots_union WHERE deleted_at IS NULL")]
        taken = {r[0] for r in sqlite3.connect(template).execute("SELECT id_number FROM member")}
        wb = Workbook()
        ws = wb.active
        ws.append(["姓名", "身份证号", "手机", "所属工会", "工作单位"])
        seq = 0
        while ws.max_row <= rows:
            seq += 1
            number = _id_number(seq * 7919)
            if number in taken:
                continue
            taken.add(number)
            name = SURNAMES[seq % 20] + GIVEN[seq // 20 % 20] + GIVEN[seq // 400 % 20]
            ws.append([name, number, f"139{seq:08d}"[-11:], unions[seq % len(unions)], "试验单位"])
        wb.save(book)
    return ["roster", "import", book, "--commit"]


def prepare_payments(work: Path, template: Path, rows: int) -> list:
    from openpyxl import Workbook

    book = work / "payments-import.xlsx"
    if not book.exists():
        members = sqlite3.connect(template).execute(
            "SELECT name, id_number FROM member WHERE status = '在册' AND deleted_at IS NULL "
            "ORDER BY id LIMIT ?", (rows,)).fetchall()
        wb = Workbook()
        ws = wb.active
        ws.append(["姓名", "身份证号", "金额"])
        for name, number in members:
            ws.append([name, number, 500])
        wb.save(book)
    return ["payments", "import", book, "--occasion", "试验慰问", "--commit"]


def city_database(work: Path, template: Path) -> Path:
    """An empty city database (made once), and its public key beside it."""
    city = work / "city.sqlite3"
    if not city.exists():
        union_desk("--db", city, "city", "init", "--name", "建德市总工会", "--clerk", "试验")
        union_desk("--db", city, "exchange", "city-keys", work / "city-key.json")
    return city


def prepare_merge(work: Path, template: Path) -> list:
    """The demo township's package for the city (exported once from a copy of the template)."""
    package = work / "township.udx"
    if not package.exists():
        city_database(work, template)
        township = work / "township.sqlite3"
        shutil.copyfile(template, township)
        union_desk("--db", township, "exchange", "trust-city", work / "city-key.json")
        union_desk("--db", township, "exchange", "export", package)
    return ["exchange", "merge", package]


def operations(rows: int) -> dict[str, Operation]:
    return {
        "import": Operation("import", lambda w, t: prepare_import(w, t, rows),
                            lambda db: scalar(db, "SELECT count(*) FROM member")),
        "payments": Operation("payments", lambda w, t: prepare_payments(w, t, rows),
                              lambda db: scalar(db, "SELECT count(*) FROM payment")),
        "backup": Operation("backup", lambda w, t: ["backup", "now"], None),
        "merge": Operation("merge", prepare_merge,
                           lambda db: scalar(db, "SELECT count(*) FROM member")
                           + scalar(db, "SELECT count(*) FROM exchange_merge"),
                           database=city_database),
    }


# -- one run --------------------------------------------------------------------------------

@dataclass
class Tally:
    runs: int = 0
    killed_midway: int = 0
    finished_first: int = 0
    half_batches: int = 0
    check_failures: int = 0
    bad_backups: int = 0
    per_operation: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return self.half_batches + self.check_failures + self.bad_backups


def bad_backup_files(db: Path) -> list[str]:
    """Files under a backup's name that are not complete, sound copies of `db`."""
    from union_desk.services.backups.store import backup_files, table_counts

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    expected = table_counts(con)
    con.close()
    bad = []
    for _taken, path in backup_files(db):
        try:
            copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                sound = copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok" \
                    and table_counts(copy) == expected
            finally:
                copy.close()
        except sqlite3.Error:
            sound = False
        if not sound:
            bad.append(path.name)
    return bad


def measure(op: Operation, work: Path, template: Path) -> None:
    db = work / "measure" / "union_desk.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    args = op.prepare(work, template)
    shutil.copyfile(op.base(work, template), db)
    before = op.effect(db) if op.effect else 0
    start = time.monotonic()
    union_desk("--db", db, *args)
    op.duration = time.monotonic() - start
    op.full_change = (op.effect(db) - before) if op.effect else 0
    shutil.rmtree(db.parent)


def one_run(op: Operation, work: Path, template: Path, rng: random.Random, tally: Tally,
            number: int) -> None:
    folder = work / f"run-{number:03d}"
    folder.mkdir()
    db = folder / "union_desk.sqlite3"
    args = op.prepare(work, template)
    shutil.copyfile(op.base(work, template), db)
    before = op.effect(db) if op.effect else 0
    child = subprocess.Popen([*CLI, "--db", str(db), *map(str, args)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(op.startup * 0.5, op.duration * 1.1))
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
        tally.killed_midway += 1
    else:
        tally.finished_first += 1
    child.wait()
    tally.runs += 1
    tally.per_operation[op.name] = tally.per_operation.get(op.name, 0) + 1
    checked = union_desk("--db", db, "check", check=False)
    if checked.returncode != 0:
        tally.check_failures += 1
        tally.problems.append(f"run {number} {op.name}: check: {checked.stdout.strip()}")
    if op.effect:
        change = op.effect(db) - before
        if change not in (0, op.full_change):
            tally.half_batches += 1
            tally.problems.append(f"run {number} {op.name}: {change} of {op.full_change} rows")
    bad = bad_backup_files(db)
    if bad:
        tally.bad_backups += 1
        tally.problems.append(f"run {number} {op.name}: unsound backups {bad}")
    shutil.rmtree(folder)


def run_trial(runs: int, *, members: int = 1500, rows: int = 1500, seed: int = 1,
              workdir: Path | None = None, names: list[str] | None = None) -> tuple[Tally, dict]:
    rng = random.Random(seed)
    own = workdir is None
    work = Path(tempfile.mkdtemp(prefix="kill-trial-")) if own else workdir
    try:
        template = work / "template.sqlite3"
        union_desk("--db", template, "demo", "--members", members)
        ops = operations(rows)
        chosen = [ops[n] for n in (names or list(ops))]
        start = time.monotonic()
        union_desk("--help")
        startup = time.monotonic() - start
        for op in chosen:
            measure(op, work, template)
            op.startup = startup
        tally = Tally()
        for number in range(runs):
            one_run(chosen[number % len(chosen)], work, template, rng, tally, number)
        return tally, {op.name: (op.duration, op.full_change) for op in chosen}
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)


def report_text(tally: Tally, timings: dict, args: argparse.Namespace) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    ops = ", ".join(f"{n} {c}" for n, c in tally.per_operation.items())
    lines = [
        f"## Kill trial, {when}",
        "",
        f"Command: `python trials/kill_trial.py --runs {args.runs} --members {args.members} "
        f"--rows {args.rows} --seed {args.seed}`",
        "",
        "| figure | value |",
        "|---|---|",
        f"| runs (SIGKILL at a random moment) | {tally.runs} ({ops}) |",
        f"| killed while the operation was running | {tally.killed_midway} |",
        f"| operation had already finished | {tally.finished_first} |",
        f"| half batches | {tally.half_batches} |",
        f"| `check` failures | {tally.check_failures} |",
        f"| runs with an unsound file under a backup name | {tally.bad_backups} |",
        "",
        "Each kill lands at a moment drawn uniformly between half the program's start-up time "
        "and 1.1 × the operation's measured duration. Measured unkilled: " + "; ".join(
            f"{n} {d:.2f} s ({c} rows)" if c else f"{n} {d:.2f} s" for n, (d, c) in timings.items()),
        "",
    ]
    lines += [f"- {p}" for p in tally.problems]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--members", type=int, default=1500)
    parser.add_argument("--rows", type=int, default=1500, help="rows of the import and payment lists")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report", type=Path, default=None, help="append the figures to this file")
    args = parser.parse_args(argv)
    tally, timings = run_trial(args.runs, members=args.members, rows=args.rows, seed=args.seed)
    text = report_text(tally, timings, args)
    sys.stdout.write(text)
    if args.report:
        with open(args.report, "a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
