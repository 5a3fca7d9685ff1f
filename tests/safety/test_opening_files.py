"""Opening a file that cannot be used: one Chinese message naming the file, never a traceback,
nothing written to it (issue 10 §2, issue 16's smaller holes)."""
import hashlib
import sqlite3

import pytest
from safety_helpers import cli, demo_file, sidecars

from union_desk import db as db_module
from union_desk.cli import EXIT_ERROR
from union_desk.db import InstanceLock


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return demo_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")


@pytest.fixture
def demo(demo_template, tmp_path):
    path = tmp_path / "union_desk.sqlite3"
    path.write_bytes(demo_template.read_bytes())
    return path


COMMANDS = [("roster", "search", "张"), ("stations", "list"), ("stats",), ("check",),
            ("backup", "list")]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_damaged_file_gets_one_message_and_is_not_written(demo, capsys, command):
    # Given a database cut short, as a bad shutdown or a failing USB stick leaves it
    with open(demo, "r+b") as fh:
        fh.truncate(200_000)
    before = digest(demo)
    # When any command opens it
    code, out, err = cli(capsys, demo, *command)
    # Then one clear message naming the file, no traceback, and the file untouched
    if command == ("backup", "list"):
        assert code == 0  # listing backups does not open the database
        return
    assert code == EXIT_ERROR
    assert "已损坏" in err and str(demo) in err and "Traceback" not in err + out
    assert "salvage" in err and "没有找到备份" in err  # (with a backup: test_backups.py)
    assert digest(demo) == before and sidecars(demo) == []


def test_a_word_file_another_programs_database_and_a_newer_version(tmp_path, demo, capsys):
    word = tmp_path / "报告.docx"
    word.write_bytes(b"PK\x03\x04" + b"\x00" * 5000)
    code, _, err = cli(capsys, word, "roster", "search", "张")
    assert code == EXIT_ERROR and "不是 union_desk 的数据库文件" in err and str(word) in err
    assert word.read_bytes() == b"PK\x03\x04" + b"\x00" * 5000

    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    before = digest(other)
    code, _, err = cli(capsys, other, "stations", "list")
    assert code == EXIT_ERROR and "其他程序的 SQLite 数据库" in err and digest(other) == before

    con = sqlite3.connect(demo)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = digest(demo)
    code, _, err = cli(capsys, demo, "roster", "search", "张")
    assert code == EXIT_ERROR and "更新版本" in err and "9999" in err and digest(demo) == before


def test_a_read_only_file_and_a_missing_drive(demo, tmp_path, capsys, monkeypatch):
    # (tests run as root, who may write anything: the permission answer is simulated)
    real_access = db_module.os.access
    monkeypatch.setattr("union_desk.dbfile.os.access",
                        lambda p, mode: False if str(p) == str(demo) else real_access(p, mode))
    code, _, err = cli(capsys, demo, "roster", "search", "张")
    assert code == EXIT_ERROR and "只读" in err and str(demo) in err
    monkeypatch.undo()
    gone = tmp_path / "U盘" / "工会" / "union_desk.sqlite3"
    code, _, err = cli(capsys, gone, "roster", "search", "张")
    assert code == EXIT_ERROR and "找不到数据库所在的文件夹" in err and not gone.parent.exists()


@pytest.mark.parametrize("command", [("stations", "list"), ("stations", "print", "DY-YJ-001",
                                                             "--form", "--out", "x.pdf"),
                                     ("roster", "search", "张"), ("backup", "now"), ("check",)])
def test_only_setup_and_demo_create_a_database(tmp_path, capsys, command):
    mistyped = tmp_path / "mistyped.sqlite3"
    code, _, err = cli(capsys, mistyped, *command)
    assert code == EXIT_ERROR and "不存在" in err and str(mistyped) in err
    assert not mistyped.exists() and sidecars(mistyped) == []
    code, _, _ = cli(capsys, mistyped, "setup", "--township", "DY", "--clerk", "王晓燕")
    assert code == 0 and mistyped.exists()


def test_another_command_waiting_on_a_busy_database_gets_a_message(demo, capsys, monkeypatch):
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(demo, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        code, out, err = cli(capsys, demo, "setup", "--township", "DY", "--clerk", "王晓燕")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == EXIT_ERROR and "数据库正忙" in err and "Traceback" not in out + err


def test_one_window_per_file_is_keyed_on_the_real_file(demo, tmp_path, monkeypatch):
    link = tmp_path / "link.sqlite3"
    link.symlink_to(demo)
    first = InstanceLock(demo)
    assert first.acquire()
    try:
        assert not InstanceLock(link).acquire()
        monkeypatch.chdir(tmp_path)
        assert not InstanceLock("union_desk.sqlite3").acquire()
        assert not InstanceLock(tmp_path / "sub" / ".." / "union_desk.sqlite3").acquire()
    finally:
        first.release()
    again = InstanceLock(link)
    assert again.acquire()
    again.release()


def test_a_demo_killed_early_leaves_no_half_made_database(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    target = tmp_path / "demo.sqlite3"
    child = subprocess.Popen([sys.executable, "-m", "union_desk", "--db", str(target), "demo",
                              "--members", "3000"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".demo.sqlite3.*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the temporary file exists: the demo is being built
    time.sleep(0.3)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert not target.exists()  # nothing under the name: the half-made file is hidden aside
    assert list(tmp_path.glob(".demo.sqlite3.*.partial"))
