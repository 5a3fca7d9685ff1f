"""Test configuration: headless Qt, a fresh database per test copied from a migrated template.

Modules marked `pytestmark = pytest.mark.both_engines` run their `db` tests twice: on a SQLite
file and on a real PostgreSQL server (postgres_fixtures.py); GUI tests and tests that need the
file itself (`db_path`) stay on SQLite."""
import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("UNION_DESK_LANG", "zh_CN")

import pytest  # noqa: E402

from union_desk.db import open_database  # noqa: E402
from union_desk.views import pyside_guard  # noqa: E402

from demo_files import copy_of, demo_file  # noqa: E402
from postgres_fixtures import (  # noqa: E402,F401  (fixtures and hooks for PostgreSQL)
    emptied, pg_database, pg_empty, pg_server, pytest_generate_tests, pytest_runtest_logreport,
    pytest_sessionfinish, pytest_terminal_summary)

pyside_guard.install()  # as the app does, before the first signal (see pyside_guard)

TEST_TOWNSHIP = "DY"  # 大洋镇
TEST_CLERK = "王晓燕"


@pytest.fixture(scope="session", autouse=True)
def _gc_on_the_gui_thread(qapp):
    """As the app does: Python's cyclic GC never runs on a worker thread (see main_thread_gc)."""
    import gc

    from union_desk.views import main_thread_gc

    collector = main_thread_gc.install(qapp)
    yield collector
    gc.enable()


@pytest.fixture(autouse=True)
def _window_settings_in_tmp(tmp_path):
    """The window's remembered layout (QSettings, views/window_state.py) goes to the test's own
    folder: never the user's, never one test's layout into the next."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))


def _set_up(db) -> None:
    from union_desk.services.settings import set_up

    with db.session(write=True) as s:
        set_up(s, township=TEST_TOWNSHIP, clerk=TEST_CLERK)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    _set_up(db)
    db.close()
    return path


@pytest.fixture
def pg_url(pg_server, pg_database):
    """The twin of db_path on the PostgreSQL server: the URL of a database at head, emptied and
    set up (大洋镇, 王晓燕) for this test."""
    url = emptied(pg_server, pg_database)
    db = open_database(url)
    _set_up(db)
    db.close()
    return url


@pytest.fixture
def db_path(template_db, tmp_path):
    path = tmp_path / "union_desk.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db_engine(request):
    """'sqlite', or 'postgresql' for the second run of a both_engines test."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db(request, db_engine):
    """A set-up database (township 大洋镇, clerk 王晓燕), fresh for each test."""
    where = request.getfixturevalue("pg_url" if db_engine == "postgresql" else "db_path")
    database = open_database(where)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _discard_prompts(monkeypatch):
    """A dialog closed with changes asks before discarding them (a modal question, which would
    wait forever in a headless test): answer "Discard" and keep the questions for a test to
    look at (`prompts.asked`)."""
    from union_desk.views.form_dialog import GuardedDialog

    asked = []

    def confirm(dialog) -> bool:
        asked.append(dialog.objectName())
        return True

    monkeypatch.setattr(GuardedDialog, "confirm_discard", confirm)
    return asked


@pytest.fixture(scope="session")
def demo300_template(tmp_path_factory):
    """A demo database (大洋镇, 300 members: every area filled), made once for the session."""
    return demo_file(tmp_path_factory.mktemp("demo300") / "demo.sqlite3", 300)


@pytest.fixture
def demo300(demo300_template, tmp_path):
    """The test's own copy of the 300-member demo database (it may change it)."""
    return copy_of(demo300_template, tmp_path)
