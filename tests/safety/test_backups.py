"""Automatic verified backups, listing, restore with the current file set aside (issue 10 §1)."""
import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from safety_helpers import cli, demo_file

from union_desk.db import open_database
from union_desk.models.union import GrassrootsUnion
from union_desk.services.backups import store
from union_desk.services.backups.auto import auto_backup, is_due, set_second_folder
from union_desk.services.backups.restore import changes_since, lost_if_restored
from union_desk.services.errors import UserError

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return demo_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3", members=30)


@pytest.fixture
def demo(demo_template, tmp_path):
    path = tmp_path / "data" / "union_desk.sqlite3"
    path.parent.mkdir()
    path.write_bytes(demo_template.read_bytes())
    return path


def add_union(path, name):
    with open_database(path) as db, db.session(write=True) as s:
        s.add(GrassrootsUnion(name=name))


def test_a_backup_is_verified_named_by_time_and_listed_with_counts(demo):
    info = store.make_backup(demo, now=NOW)
    assert info.path.parent == demo.parent / "backups"
    assert info.path.name == "union_desk-20260301T080000Z.sqlite3"
    assert info.counts["会员"] == 30 and info.readable and info.size > 0
    con = sqlite3.connect(info.path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    listed = store.list_backups(demo)
    assert [b.path for b in listed] == [info.path]
    assert store.folder_size(demo) == info.size
    assert list(info.path.parent.glob(".*partial")) == []


def test_a_copy_that_fails_verification_never_gets_a_backup_name(demo, monkeypatch):
    def broken_counts(con):
        return {"member": -1}
    monkeypatch.setattr(store, "table_counts", broken_counts)
    with pytest.raises(UserError, match="不一致|完整性"):
        store.verify(demo, {"member": 30})
    monkeypatch.undo()
    cut = demo.parent / "cut.sqlite3"
    cut.write_bytes(demo.read_bytes()[:100_000])
    with pytest.raises(UserError):
        store.verify(cut)


def test_automatic_backup_at_most_hourly_only_after_changes_and_to_the_second_folder(
        demo, tmp_path):
    usb = tmp_path / "U盘"
    with open_database(demo) as db:
        with db.session(write=True) as s:
            set_second_folder(s, folder=str(usb))
            first = auto_backup(s, db_path=db.path, now=NOW)
    assert first.made is not None and first.second is None
    assert any("第二个备份文件夹不在" in n for n in first.notices)
    add_union(demo, "新工会一")
    assert not is_due(demo, now=NOW + timedelta(minutes=59))
    usb.mkdir()
    with open_database(demo) as db, db.session(write=True) as s:
        assert auto_backup(s, db_path=db.path, now=NOW + timedelta(minutes=30)).made is None
        later = auto_backup(s, db_path=db.path, now=datetime.now(timezone.utc) + timedelta(hours=2))
    assert later.made is not None and later.second is not None and later.notices == []
    assert store.verify(later.second)
    # nothing changed since: not due even hours later
    assert not is_due(demo, now=datetime.now(timezone.utc) + timedelta(hours=5))


def test_thinning_deletes_old_backups_and_stale_temporary_files(demo):
    for days in (40, 39, 38, 1):
        store.make_backup(demo, now=NOW - timedelta(days=days))
    stale = demo.parent / "backups" / ".union_desk-x.sqlite3.1a2b3c4d.partial"
    stale.write_bytes(b"half")
    import os
    os.utime(stale, (NOW.timestamp() - 7200, NOW.timestamp() - 7200))
    deleted = store.thin(demo, now=NOW)
    assert len(deleted) >= 1 and not stale.exists()
    assert len(store.backup_files(demo)) == 4 - len(deleted)


def test_restore_sets_the_current_file_aside_and_says_what_will_be_missing(demo, capsys):
    backup = store.make_backup(demo, now=NOW).path
    add_union(demo, "备份之后的工会")
    assert changes_since(demo, backup) == {"基层工会": 1}
    assert lost_if_restored(demo, backup) == {"基层工会": 1}  # (read through salvage)
    code, out, err = cli(capsys, demo, "backup", "restore", backup.name)
    assert code == 0, err
    assert "基层工会 1 条" in out and "另存为" in out
    aside = next(demo.parent.glob("union_desk.before-restore-*.sqlite3"))
    with open_database(aside) as kept, kept.session() as s:
        assert "备份之后的工会" in s.execute(sa.select(GrassrootsUnion.name)).scalars().all()
    with open_database(demo) as db:
        assert db.check() == []
        with db.session() as s:
            assert "备份之后的工会" not in s.execute(sa.select(GrassrootsUnion.name)).scalars().all()


def test_restore_over_a_damaged_file_moves_it_aside_with_its_journal(demo, capsys):
    backup = store.make_backup(demo, now=NOW).path
    with open(demo, "r+b") as fh:
        fh.truncate(100_000)
    (demo.parent / "union_desk.sqlite3-wal").write_bytes(b"leftover")
    code, out, err = cli(capsys, demo, "roster", "search", "张")
    assert code == 1 and "最新的备份" in err and backup.name in err
    code, out, err = cli(capsys, demo, "backup", "restore", str(backup))
    assert code == 0, err
    assert "损坏的文件已移到" in out and "损坏的文件中还能读出" in out
    damaged = next(demo.parent.glob("union_desk.damaged-*.sqlite3"))
    assert damaged.stat().st_size == 100_000
    assert (demo.parent / f"{damaged.name}-wal").read_bytes() == b"leftover"
    assert not (demo.parent / "union_desk.sqlite3-wal").exists()
    code, out, _ = cli(capsys, demo, "check")
    assert code == 0


def test_restore_is_refused_while_the_window_has_the_file(demo, capsys):
    from union_desk.db import InstanceLock

    backup = store.make_backup(demo, now=NOW).path
    lock = InstanceLock(demo)
    assert lock.acquire()
    try:
        code, _, err = cli(capsys, demo, "backup", "restore", str(backup))
    finally:
        lock.release()
    assert code == 1 and "请先关闭窗口" in err


def test_backup_list_json_and_the_old_backup_dest(demo, tmp_path, capsys):
    code, out, _ = cli(capsys, demo, "backup", "now")
    assert code == 0 and "已备份并校验" in out
    code, out, _ = cli(capsys, demo, "backup", "list", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["backups"]) == 1 and data["backups"][0]["counts"]["会员"] == 30
    assert data["size"] == data["backups"][0]["size"]
    code, out, _ = cli(capsys, demo, "backup", "list")
    assert "1 个备份" in out and "会员 30" in out
    dest = tmp_path / "copy.sqlite3"
    code, out, _ = cli(capsys, demo, "backup", dest)
    assert code == 0 and dest.exists()
