"""A full disk during an import, a backup, an export, a PDF print and a city office's merge: a
clear message, exit non-zero, the database passes `check` and holds nothing of the interrupted
work, no half-written file under its final name (issue 10 §3, issue 8).

SQLite is filled with `PRAGMA max_page_count`; files are limited for a child process with
RLIMIT_FSIZE (Python ignores SIGXFSZ, so a write past the limit fails with EFBIG)."""
import os
import resource
import shutil
import subprocess
import sys

import pytest
import sqlalchemy as sa
from safety_helpers import cli, demo_file

from union_desk import db as db_module
from union_desk.cli import EXIT_ERROR


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """1,500 members: its exports and PDFs are well past the limits used below."""
    return demo_file(tmp_path_factory.mktemp("big") / "big.sqlite3", members=1500)


@pytest.fixture
def work(big, tmp_path):
    path = tmp_path / "data" / "union_desk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(big, path)
    return path


def limited(args, limit, log_folder):
    def preexec():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    env = dict(os.environ, UNION_DESK_LOG_DIR=str(log_folder))
    return subprocess.run([sys.executable, "-m", "union_desk", *map(str, args)],
                          preexec_fn=preexec, capture_output=True, text=True, env=env,
                          timeout=120)


def assert_sound(capsys, path):
    code, out, _ = cli(capsys, path, "check")
    assert code == 0, out


def nearly_full(monkeypatch, pages: int = 20) -> None:
    """Every SQLite database opened from now on has room for `pages` more pages only."""
    real = db_module._make_engine

    def make(path, *more):
        engine = real(path, *more)

        @sa.event.listens_for(engine, "connect")
        def _limit(dbapi_conn, _record):
            used = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {used + pages}")
        return engine

    monkeypatch.setattr(db_module, "_make_engine", make)


def test_disk_full_during_an_import_keeps_nothing_of_it(work, db_path, capsys, monkeypatch,
                                                       tmp_path):
    book = tmp_path / "名册.xlsx"
    assert cli(capsys, work, "roster", "export", book, "--reveal",
               "--reason", "试验：拿完整的名册再导入")[0] == 0
    nearly_full(monkeypatch)
    code, out, err = cli(capsys, db_path, "roster", "import", book, "--commit")
    assert code == EXIT_ERROR and "磁盘已满" in err and "Traceback" not in out + err
    monkeypatch.undo()
    code, out, _ = cli(capsys, db_path, "roster", "search", "", "--json")
    assert out.strip() == "[]"  # not one member of the batch
    assert_sound(capsys, db_path)


def test_disk_full_during_a_backup_leaves_no_backup_file(work, capsys, log_folder):
    run = limited(["--db", work, "backup", "now"], 1_000_000, log_folder)
    assert run.returncode == EXIT_ERROR and "Traceback" not in run.stderr
    assert "磁盘已满" in run.stderr
    folder = work.parent / "backups"
    assert not folder.exists() or list(folder.iterdir()) == []
    assert_sound(capsys, work)


def test_disk_full_during_an_export_and_a_pdf_print(work, tmp_path, capsys, log_folder):
    out = tmp_path / "名册.xlsx"
    run = limited(["--db", work, "roster", "export", out], 100_000, log_folder)
    assert run.returncode == EXIT_ERROR and "Traceback" not in run.stderr
    assert "名册.xlsx" in run.stderr and "磁盘已满" in run.stderr
    pdf = tmp_path / "凭证.pdf"
    run = limited(["--db", work, "vouchers", "print", "--all", "--out", pdf], 100_000, log_folder)
    assert run.returncode == EXIT_ERROR and "Traceback" not in run.stderr
    assert "凭证.pdf" in run.stderr and "磁盘已满" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "logs"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert_sound(capsys, work)


def test_disk_full_during_a_merge_leaves_the_city_database_as_it_was(work, tmp_path, capsys,
                                                                      monkeypatch):
    # Given a city database and 大洋镇's package (1,500 members)
    city, key, package = tmp_path / "city" / "全市.sqlite3", tmp_path / "city-key.json", \
        tmp_path / "大洋镇.udx"
    assert cli(capsys, city, "city", "init", "--name", "建德市总工会")[0] == 0
    assert cli(capsys, city, "exchange", "city-keys", key)[0] == 0
    assert cli(capsys, work, "exchange", "trust-city", key)[0] == 0
    assert cli(capsys, work, "exchange", "export", package)[0] == 0
    # When the disk fills half-way through the merge
    nearly_full(monkeypatch, pages=200)
    code, out, err = cli(capsys, city, "exchange", "merge", package)
    # Then: a clear message, and the city database as it was, sound
    assert code == EXIT_ERROR and "磁盘已满" in err and "Traceback" not in out + err
    monkeypatch.undo()
    with db_module.open_database(city) as db, db.engine.connect() as conn:
        for table in ("member", "payment", "exchange_merge", "exchange_signer", "review_item"):
            assert conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one() == 0
    assert_sound(capsys, city)
    # and, with room again, the same package merges whole
    code, out, _ = cli(capsys, city, "exchange", "merge", package, "--json")
    assert code == 0 and '"new": 1500' in out
