"""Start-up (issue 13): the window shows the roster's first page — real rows, masked — before
SQLAlchemy and the models are loaded, then the roster panel takes over with the same rows and
the search works; sign-in, set-up and problems with the file keep their order."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from union_desk import app as app_module
from union_desk.db import InstanceLock
from union_desk.first_page import first_page

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(demo300):
    return demo300


@pytest.fixture
def session(qtbot):
    session = app_module.Session(QApplication.instance())
    yield session
    if session.frame is not None:
        qtbot.waitUntil(lambda: session.frame is None, timeout=10_000)
    session.close()


def _ids(rows):
    return [row.id for row in rows]


def test_the_first_page_shows_first_and_the_roster_takes_over_with_the_same_rows(
        demo, session, qtbot):
    # When the program starts on a township's file
    assert session.open_fast(demo)
    frame = session.frame
    # Then the window is up with the first page, before the file is opened for real …
    assert frame is not None and frame.isVisible() and session.db is None
    shown = frame.first_page.model.rows()
    assert len(shown) == 200 and _ids(shown) == _ids(first_page(demo, limit=200))
    assert "**********" in frame.first_page.model.index(0, 2).data()  # masked ID number
    assert not InstanceLock(demo).acquire()  # … holding the file's lock already
    assert not frame.menuBar().isEnabled()
    # … and once open, the roster panel is in its place with the same rows
    qtbot.waitUntil(lambda: session.window is frame and frame.first_page is None,
                    timeout=15_000)
    roster = frame.tabs.widget(0)
    assert roster.objectName() == "rosterTab" and frame.tabs.currentWidget() is roster
    assert _ids(roster.model.rows()[:200]) == _ids(shown)
    assert [frame.tabs.is_built(i) for i in range(5)] == [True, False, False, False, False]
    assert frame.menuBar().isEnabled() and session.db is not None
    # and the search box works
    loaded = []
    roster.model.loaded.connect(loaded.append)
    roster.search.setText(shown[0].name)
    qtbot.waitUntil(lambda: bool(loaded), timeout=10_000)
    assert roster.model.rowCount() and all(
        shown[0].name in row.name for row in roster.model.rows())


def test_with_clerk_accounts_nobody_sees_a_member_before_signing_in(demo, session, monkeypatch,
                                                                     qtbot):
    from union_desk.db import open_database
    from union_desk.models.account import AccountRole
    from union_desk.services.accounts import accounts

    db = open_database(demo)
    with db.session(write=True) as s:
        accounts.add_account(s, name="李审", role=AccountRole.REVIEWER, password="li-shen-2025",
                             own_password="wang-2025-pw")
    db.close()
    windows_at_sign_in = []

    def sign_in(_db, parent=None):  # the sign-in dialog, cancelled
        windows_at_sign_in.extend(w for w in QApplication.topLevelWidgets()
                                  if w.objectName() == "mainWindow" and w.isVisible())
        return False

    monkeypatch.setattr(app_module, "ensure_signed_in", sign_in)
    assert session.open_fast(demo) is False
    assert windows_at_sign_in == [] and session.frame is None and session.window is None
    probe = InstanceLock(demo)
    assert probe.acquire()  # released
    probe.release()


def test_a_file_that_cannot_be_opened_closes_the_first_page_and_frees_the_file(
        demo, session, monkeypatch, qtbot):
    problems, exits = [], []
    monkeypatch.setattr(session, "show_problem", problems.append)
    monkeypatch.setattr(session.app, "exit", exits.append)

    def refused(path):  # as _open_db does after naming the problem (damaged, busy, …)
        session.show_problem("数据库文件已损坏")
        return None

    monkeypatch.setattr(session, "_open_db", refused)
    assert session.open_fast(demo)
    frame = session.frame
    qtbot.waitUntil(lambda: session.frame is None and not (isValid(frame) and frame.isVisible()),
                    timeout=10_000)
    assert problems == ["数据库文件已损坏"] and exits == [1] and session.window is None
    probe = InstanceLock(demo)
    assert probe.acquire()
    probe.release()


CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from union_desk.app import Session, make_app
app = make_app(None)
session = Session(app)
seen = {}
assert session.open_fast(Path(sys.argv[1]))
def painted():
    seen.update(rows=session.frame.first_page.model.rowCount(),
                loaded=sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic", "alembic",
                                          "union_desk.models", "union_desk.db",
                                          "union_desk.services.roster") if m in sys.modules))
    QTimer.singleShot(0, app.quit)
session.frame.first_page.painted.connect(painted)
app.exec()
print(json.dumps(seen))
"""


def test_the_first_page_is_painted_before_sqlalchemy_and_the_models_are_imported(demo):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CHILD, str(demo)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {"rows": 200, "loaded": []}


def test_a_tab_chosen_while_the_first_page_shows_is_built_once_the_file_is_open(
        demo, session, qtbot):
    assert session.open_fast(demo)
    frame = session.frame
    frame.tabs.setCurrentIndex(2)  # 返乡专车, before the file is open: nothing to build yet
    assert not frame.tabs.is_built(2)
    qtbot.waitUntil(lambda: session.window is frame and frame.first_page is None,
                    timeout=15_000)
    assert frame.tabs.currentIndex() == 2
    assert frame.tabs.currentWidget().objectName() == "tripsTab" and frame.tabs.is_built(2)
    assert frame.tabs.widget(0).model.rowCount() == 200
