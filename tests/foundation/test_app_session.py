"""Opening a database in the window: one window per file, switching files, releasing the lock."""
import shutil

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from union_desk import app as app_module
from union_desk.db import InstanceLock


@pytest.fixture
def messages(monkeypatch):
    seen = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: seen.append(args[2]))
    return seen


def test_a_second_window_on_the_same_file_is_refused_and_touches_nothing(db_path, messages,
                                                                        qtbot):
    other = InstanceLock(db_path)
    assert other.acquire()  # another union_desk already has the file open
    before = db_path.read_bytes()
    session = app_module.Session(QApplication.instance())
    assert session.open(db_path) is False
    assert session.window is None and len(messages) == 1
    assert "already open" in messages[0] or "已在另一个" in messages[0]
    assert db_path.read_bytes() == before
    other.release()


def test_open_another_file_from_the_window_moves_the_lock(db_path, template_db, tmp_path,
                                                          messages, qtbot):
    second = tmp_path / "second.sqlite3"
    shutil.copyfile(template_db, second)
    session = app_module.Session(QApplication.instance())
    assert session.open(db_path)
    first_window = session.window
    qtbot.addWidget(first_window)
    assert not InstanceLock(db_path).acquire()  # held by this window
    first_window.open_requested.emit(second)
    qtbot.waitUntil(lambda: session.window is not first_window, timeout=5000)
    assert session.db.path == second.resolve() and messages == []
    probe = InstanceLock(db_path)
    assert probe.acquire()  # the first file is free again
    probe.release()
    session.close()
    probe = InstanceLock(second)
    assert probe.acquire()
    probe.release()


@pytest.mark.postgresql
def test_a_server_database_opens_in_several_windows_at_once(pg_url, messages, qtbot):
    """The city office: several desks on one server database, no lock file, no file backup."""
    from PySide6.QtGui import QAction

    from union_desk.db import open_database
    from union_desk.db_url import parse_target
    from union_desk.models.union import UnionCreate
    from union_desk.services.roster import unions

    db = open_database(pg_url)
    with db.session(write=True) as s:
        unions.create_union(s, data=UnionCreate(name="大洋镇机械厂工会"))
    db.close()
    desks = [app_module.Session(QApplication.instance()) for _ in range(2)]
    assert all(desk.open(parse_target(pg_url)) for desk in desks) and messages == []
    for desk in desks:
        window = desk.window
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: pg_url in window.status_label.text(), timeout=10_000)
        assert "大洋镇" in window.status_label.text()
        assert not window.findChild(QAction, "backupAction").isEnabled()
        assert window.tabs.widget(0).objectName() == "rosterTab"
    for desk in desks:
        desk.close()
