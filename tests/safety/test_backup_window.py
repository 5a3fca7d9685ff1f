"""The window: File ▸ Restore a backup…, 设置 ▸ Backups…, a damaged file offered its newest
backup, the automatic backup when the window closes, and the one handler for failed ops."""
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from union_desk import app as app_module
from union_desk import logs
from union_desk.db import open_database
from union_desk.models.union import GrassrootsUnion
from union_desk.services.backups import store
from union_desk.services.backups.auto import second_folder
from union_desk.views.backups.damaged_dialog import DamagedFileDialog
from union_desk.views.backups.restore_dialog import RestoreDialog
from union_desk.views.ops import Ops, error_text
from union_desk.views.settings_dialog import SettingsDialog

PAST = datetime.now(timezone.utc) - timedelta(hours=3)


def union_names(path):
    with open_database(path) as db, db.session() as s:
        return s.execute(sa.select(GrassrootsUnion.name)).scalars().all()


def add_union(db, name):
    with db.session(write=True) as s:
        s.add(GrassrootsUnion(name=name))


@pytest.fixture
def session(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    s = app_module.Session(QApplication.instance())
    s.shown = shown
    yield s
    s.close()


def test_restore_from_the_file_menu_reopens_on_the_backup_and_keeps_the_file_aside(
        db_path, session, qtbot, tmp_path):
    backup = store.make_backup(db_path, now=PAST)
    assert session.open(db_path)
    add_union(session.db, "备份之后的工会")
    dialog = RestoreDialog(session.window.ops, session.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert "1 个备份" in dialog.folder_label.text() or "1 backups" in dialog.folder_label.text()
    asked = []
    dialog.confirm = lambda text: asked.append(text) or True
    dialog.grab().save(str(tmp_path / "restore_dialog.png"))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.chosen is not None, timeout=5000)
    assert "基层工会 1 条" in asked[0]
    old_window = session.window
    session.window.restore_requested.emit(dialog.chosen)
    qtbot.waitUntil(lambda: session.window is not old_window and session.window is not None,
                    timeout=10_000)
    assert "备份之后的工会" not in union_names(db_path)
    aside = next(db_path.parent.glob("union_desk.before-restore-*.sqlite3"))
    assert "备份之后的工会" in union_names(aside)
    assert any("已用" in text or "Restored" in text for text in session.shown)
    assert backup.path.exists()


def test_a_damaged_file_in_the_window_offers_the_newest_backup(db_path, session, qtbot,
                                                               tmp_path):
    store.make_backup(db_path, now=PAST)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 3])
    offered = []

    def ask_damaged(path, message):
        dialog = DamagedFileDialog(path, message)
        qtbot.addWidget(dialog)
        dialog.inform = offered.append
        dialog.compare_button.click()
        assert "损坏的文件中还能读出" in dialog.offer.text()
        dialog.grab().save(str(tmp_path / "damaged_dialog.png"))
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()
        return dialog.result() == QDialog.DialogCode.Accepted

    session.ask_damaged = ask_damaged
    assert session.open(db_path)
    assert session.db.check() == []
    assert list(db_path.parent.glob("union_desk.damaged-*.sqlite3"))
    assert any("已用" in text or "Restored" in text for text in offered)


def test_a_foreign_file_in_the_window_gets_one_message(session, tmp_path):
    word = tmp_path / "报告.docx"
    word.write_bytes(b"PK\x03\x04" * 100)
    assert session.open(word) is False
    assert len(session.shown) == 1 and "不是 union_desk 的数据库文件" in session.shown[0]
    assert word.read_bytes() == b"PK\x03\x04" * 100


def test_closing_the_window_takes_a_verified_backup_when_one_is_due(db_path, session):
    assert session.open(db_path)
    session.close()
    files = store.backup_files(db_path)
    assert len(files) == 1 and store.verify(files[0][1])


def test_settings_dialog_sets_the_second_folder_and_shows_the_folder_size(db, qtbot, tmp_path):
    store.make_backup(db.path, now=PAST)
    ops = Ops(db)
    dialog = SettingsDialog(ops)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "backups" in dialog.folder_label.text(), timeout=5000)
    assert "KB" in dialog.folder_label.text() or "MB" in dialog.folder_label.text()
    dialog.second.setText(str(tmp_path / "U盘"))
    dialog._on_save_clicked()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    ops.wait()
    with db.session() as s:
        assert second_folder(s) == tmp_path / "U盘"
    dialog = SettingsDialog(ops)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.second.text() == str(tmp_path / "U盘"), timeout=5000)
    dialog.second.setText("相对路径")
    dialog._on_save_clicked()
    qtbot.waitUntil(lambda: "完整的文件夹路径" in dialog.error.text(), timeout=5000)
    ops.wait()


def test_a_failed_op_names_the_log_and_the_log_masks_the_row(db, qtbot, log_folder):
    ops = Ops(db)
    failures = []

    def bad(_s):
        raise RuntimeError("row 11010519491231002X 13812345678 broke")

    ops.write(bad, changes=set()).failure(failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    text = error_text(failures[0])
    assert str(log_folder / logs.LOG_NAME) in text and "11010519491231002X" not in text
    log = (log_folder / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "RuntimeError" in log and "11010519491231002X" not in log and "13812345678" not in log
    ops.wait()


def test_a_cancelled_first_run_leaves_no_empty_database(session, tmp_path, monkeypatch):
    new = tmp_path / "新建.sqlite3"
    monkeypatch.setattr(app_module, "ensure_set_up", lambda db, parent=None: False)
    assert session.open(new) is False
    assert not new.exists() and list(tmp_path.glob("新建.sqlite3-*")) == []


def test_the_hourly_backup_snapshots_on_the_write_worker_then_verifies(db, qtbot, tmp_path):
    from union_desk.views.backups.auto import AutoBackup

    ops = Ops(db)
    with db.session(write=True) as s:
        from union_desk.services.backups.auto import set_second_folder

        set_second_folder(s, folder=str(tmp_path / "不在的U盘"))
    auto = AutoBackup(ops)
    notices = []
    auto.notice.connect(notices.append)
    auto.run_if_due()
    qtbot.waitUntil(lambda: len(notices) == 2, timeout=10_000)
    files = store.backup_files(db.path)
    assert len(files) == 1 and store.verify(files[0][1])
    assert files[0][1].name in notices[0] and "第二个备份文件夹不在" in notices[1]
    assert list(files[0][1].parent.glob(".*partial*")) == []
    auto.run_if_due()  # within the hour: nothing more
    ops.wait()
    qtbot.wait(200)
    ops.wait()
    assert len(store.backup_files(db.path)) == 1 and len(notices) == 2
    auto.stop()


def test_in_the_window_a_handler_cannot_put_a_backup_in_place(db_path, session, qtbot):
    # Given a backup, a second clerk (a 经办人) and the window working as that clerk
    from union_desk.models.account import AccountRole
    from union_desk.services.accounts import accounts

    backup = store.make_backup(db_path, now=PAST)
    assert session.open(db_path)
    with session.db.session(write=True) as s:
        clerk = accounts.add_account(s, name="张经", role=AccountRole.HANDLER,
                                     password="zhang-jing-25", own_password="wang-2025-pw")
        accounts.work_as(s, clerk)
    add_union(session.db, "备份之后的工会")
    window = session.window
    # When the restore is asked for
    assert session.restore(backup.path) is False
    # Then the clerk is told why, the window stays, nothing is replaced or set aside
    assert any("需要负责人账户" in text for text in session.shown)
    assert session.window is window
    assert not list(db_path.parent.glob("union_desk.before-restore-*.sqlite3"))
    assert "备份之后的工会" in union_names(db_path)
