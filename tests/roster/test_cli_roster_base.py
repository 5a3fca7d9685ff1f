"""`union-desk setup | demo | check | backup`: headless first run, demo data, checks, snapshots."""
import sqlite3

import sqlalchemy as sa

from union_desk.cli import EXIT_ERROR, EXIT_OK, main
from union_desk.db import open_database
from union_desk.models.member import Member


def run(capsys, db_path, *args):
    code = main(["--db", str(db_path), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def context_and_members(path):
    db = open_database(path)
    try:
        with db.session() as s:
            rows = s.execute(sa.select(Member.township, sa.func.count())
                             .group_by(Member.township)).all()
        return db.context.township, db.context.clerk, dict(rows)
    finally:
        db.close()


def test_setup_on_a_new_database(capsys, tmp_path):
    path = tmp_path / "new" / "desk.sqlite3"
    code, out, _ = run(capsys, path, "setup", "--township", "SD", "--clerk", " 李娟 ")
    assert code == EXIT_OK and "三都镇（SD）" in out and "李娟" in out
    assert context_and_members(path)[:2] == ("SD", "李娟")


def test_setup_accepts_the_township_name_and_refuses_unknown_or_changed_townships(capsys, tmp_path):
    path = tmp_path / "desk.sqlite3"
    assert run(capsys, path, "setup", "--township", "大洋镇", "--clerk", "王")[0] == EXIT_OK
    code, _, err = run(capsys, path, "setup", "--township", "XX", "--clerk", "王")
    assert code == EXIT_ERROR and "未知的乡镇" in err
    code, _, err = run(capsys, path, "setup", "--township", "SD", "--clerk", "王")
    assert code == EXIT_ERROR and "不能更改所属乡镇" in err
    code, _, err = run(capsys, path, "setup", "--township", "DY", "--clerk", "  ")
    assert code == EXIT_ERROR and "经办人" in err
    assert context_and_members(path)[:2] == ("DY", "王")


def test_demo_fills_a_new_database_once(capsys, tmp_path):
    path = tmp_path / "demo.sqlite3"
    code, out, _ = run(capsys, path, "demo", "--members", "40")
    assert code == EXIT_OK and "40 名会员" in out
    assert context_and_members(path) == ("DY", "示例经办人", {"DY": 40})
    code, _, err = run(capsys, path, "demo")
    assert code == EXIT_ERROR and "已有会员" in err
    assert context_and_members(path)[2] == {"DY": 40}
    assert run(capsys, path, "check")[0] == EXIT_OK


def test_demo_keeps_the_township_of_a_set_up_database(capsys, tmp_path):
    path = tmp_path / "demo.sqlite3"
    run(capsys, path, "setup", "--township", "HT", "--clerk", "赵敏")
    assert run(capsys, path, "demo", "--members", "10")[0] == EXIT_OK
    assert context_and_members(path) == ("HT", "赵敏", {"HT": 10})


def test_demo_refuses_a_count_that_is_not_positive(capsys, tmp_path):
    try:
        main(["--db", str(tmp_path / "x.sqlite3"), "demo", "--members", "0"])
    except SystemExit as exit_:
        assert exit_.code == 2
    else:
        raise AssertionError("argparse should refuse --members 0")
    assert "正整数" in capsys.readouterr().err


def test_check_a_sound_database(capsys, db_path):
    code, out, _ = run(capsys, db_path, "check")
    assert code == EXIT_OK and "数据库完好" in out


def test_check_reports_a_broken_foreign_key(capsys, db_path):
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute('INSERT INTO member_event (id, township, created_at, updated_at, member_id,'
                ' kind, "on", reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                ("e1", "DY", "2021-01-01", "2021-01-01", "nobody", "入会", "2021-01-01", ""))
    con.commit()
    con.close()
    code, out, _ = run(capsys, db_path, "check")
    assert code == EXIT_ERROR and "外键错误：member_event" in out


def test_check_refuses_missing_files_and_files_that_are_not_databases(capsys, tmp_path):
    missing = tmp_path / "none.sqlite3"
    code, _, err = run(capsys, missing, "check")
    assert code == EXIT_ERROR and "不存在" in err and not missing.exists()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite" * 100)
    code, _, err = run(capsys, junk, "check")
    assert code == EXIT_ERROR and "不是 union_desk 的数据库文件" in err and str(junk) in err
    assert junk.read_bytes() == b"this is not sqlite" * 100


def test_check_does_not_touch_another_programs_database(capsys, tmp_path):
    old = tmp_path / "old.sqlite3"
    sqlite3.connect(old).execute("CREATE TABLE t (x)").connection.close()
    code, _, err = run(capsys, old, "check")
    assert code == EXIT_ERROR and "其他程序的 SQLite 数据库" in err
    con = sqlite3.connect(old)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["t"]
    con.close()


def test_backup_makes_a_sound_copy(capsys, tmp_path):
    path = tmp_path / "demo.sqlite3"
    run(capsys, path, "demo", "--members", "5")
    dest = tmp_path / "copies" / "backup.sqlite3"
    dest.parent.mkdir()
    code, out, _ = run(capsys, path, "backup", dest)
    assert code == EXIT_OK and str(dest) in out
    assert run(capsys, dest, "check")[0] == EXIT_OK
    assert context_and_members(dest)[2] == {"DY": 5}
    code, _, err = run(capsys, path, "backup", path)
    assert code == EXIT_ERROR and "不能是当前数据库" in err
