"""Salvage: every readable row of a damaged file into a new file, the damaged file untouched."""
import hashlib
import sqlite3

import pytest
from safety_helpers import cli, demo_file

from union_desk.services.backups.salvage import salvage


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return demo_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3", members=60)


@pytest.fixture
def demo(demo_template, tmp_path):
    path = tmp_path / "union_desk.sqlite3"
    path.write_bytes(demo_template.read_bytes())
    return path


def rows(path, table):
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
    finally:
        con.close()


def test_salvage_of_a_sound_file_reads_every_row_exactly(demo, tmp_path):
    report = salvage(demo, tmp_path / "out.sqlite3")
    assert report.lost_tables == [] and report.foreign_key_problems == 0
    for table in ("member", "payment", "household", "trip_registration", "audit_entry"):
        assert rows(tmp_path / "out.sqlite3", table) == rows(demo, table)
        assert report.rows[table] == len(rows(demo, table))


def test_salvage_reads_committed_rows_still_in_the_write_ahead_log(demo, tmp_path):
    con = sqlite3.connect(demo)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE member SET name = '日志中的名字' WHERE rowid = 1")
    con.commit()
    copy = tmp_path / "crashed.sqlite3"  # as a crash leaves it: the file and its log
    copy.write_bytes(demo.read_bytes())
    (tmp_path / "crashed.sqlite3-wal").write_bytes((tmp_path / "union_desk.sqlite3-wal").read_bytes())
    con.close()
    salvage(copy, tmp_path / "out.sqlite3")
    names = [r[0] for r in sqlite3.connect(tmp_path / "out.sqlite3").execute("SELECT name FROM member")]
    assert "日志中的名字" in names


def test_salvage_of_a_cut_or_scribbled_file_keeps_what_it_can_and_never_writes_it(
        demo, tmp_path, capsys):
    data = bytearray(demo.read_bytes())
    page = 4096
    data[40 * page:41 * page] = b"\xff" * page  # one page scribbled over
    cut = tmp_path / "damaged.sqlite3"
    cut.write_bytes(bytes(data[:len(data) * 2 // 3]))  # and the end lost
    before = hashlib.sha256(cut.read_bytes()).hexdigest()
    out = tmp_path / "抢救.sqlite3"
    code, text, err = cli(capsys, cut, "salvage", out)
    assert code == 0, err
    assert "抢救出" in text and "原文件没有改动" in text
    assert hashlib.sha256(cut.read_bytes()).hexdigest() == before
    tables = ("member", "grassroots_union", "setting", "payment", "trip_registration", "audit_entry")
    salvaged = sum(len(rows(out, t)) for t in tables)
    assert 0 < salvaged < sum(len(rows(demo, t)) for t in tables)
    assert set(rows(out, "member")) <= set(rows(demo, "member"))  # nothing made up
    code, text, _ = cli(capsys, out, "roster", "search", "张")
    assert code == 0  # the salvaged file opens as a database of this program


def test_salvage_refuses_a_file_that_is_not_sqlite(tmp_path, capsys):
    junk = tmp_path / "x.docx"
    junk.write_bytes(b"PK" * 100)
    code, _, err = cli(capsys, junk, "salvage", tmp_path / "out.sqlite3")
    assert code == 1 and "不是 SQLite" in err and not (tmp_path / "out.sqlite3").exists()
